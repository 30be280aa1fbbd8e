// In-page answer checking for the book's exercises, with no kernel.
// Each <div class="nnbook-check" data-exercise="{...}"> carries one exercise of the
// registry (nnbook.exercises): its answer, tolerance, known mistakes with hints and the
// feedback sentences. The rules below mirror nnbook/exercises/core.py; the browser test
// checks that both give the same verdicts.
(function () {
  "use strict";

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function readNumbers(text) {
    // "0.5", "[1, 2]", "1, 2" or "1 2" -> array of numbers; null if unreadable.
    var tokens = text.trim().replace(/^[\[(\s]+|[\])\s]+$/g, "").split(/[\s,]+/).filter(Boolean);
    var special = { "inf": Infinity, "+inf": Infinity, "-inf": -Infinity, "nan": NaN };
    var numbers = tokens.map(function (t) {
      var key = t.toLowerCase();
      if (key in special) { return special[key]; }
      return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : undefined;
    });
    return tokens.length && numbers.every(function (n) { return n !== undefined; }) ? numbers : null;
  }

  function close(value, target, spec) {
    var targets = [].concat(target);
    return value.length === targets.length && value.every(function (v, i) {
      return Math.abs(v - targets[i]) <= Math.max(spec.atol, spec.rtol * Math.abs(targets[i]));
    });
  }

  function verdict(spec, raw) {
    var m = spec.messages;
    if (raw === null || raw === undefined || String(raw).trim() === "") {
      return ["invalid", format(m.empty, { expected: spec.expected })];
    }
    if (spec.kind === "choice") {
      var letter = String(raw).trim().replace(/^\(|\)$/g, "").toLowerCase();
      if (!(letter in spec.explanations)) {
        return ["invalid", format(m.not_letter, { letters: spec.letters })];
      }
      return letter === spec.answer
        ? ["right", m.right + " " + spec.explanations[letter]]
        : ["wrong", m.not_yet + " " + spec.explanations[letter]];
    }
    var text = String(raw).trim();
    var value = readNumbers(text);
    if (value === null) {
      return ["invalid", format(m.not_number, { given: text, expected: spec.expected })];
    }
    var length = spec.kind === "vector" ? spec.answer.length : 1;
    if (value.length !== length) {
      var given = value.length + " number" + (value.length === 1 ? "" : "s");
      return ["invalid", spec.kind === "number"
        ? format(m.not_single, { given: given })
        : format(m.wrong_length, { length: length, example: "[" + Array.from(
            { length: length }, function (_, i) { return i + 1; }).join(", ") + "]", given: given })];
    }
    var bad = value.filter(function (v) { return !isFinite(v); });
    if (bad.length) {
      var name = isNaN(bad[0]) ? "NaN" : (bad[0] > 0 ? "inf" : "-inf");
      return ["invalid", format(m.not_finite, { given: name, expected: spec.expected })];
    }
    if (close(value, spec.answer, spec)) { return ["right", m.right]; }
    for (var i = 0; i < spec.mistakes.length; i++) {
      if (close(value, spec.mistakes[i][0], spec)) { return ["wrong", m.not_yet + " " + spec.mistakes[i][1]]; }
    }
    return ["wrong", m.not_yet + " Hint: " + spec.hint];
  }

  function build(box) {
    var spec = JSON.parse(box.dataset.exercise);
    var form = document.createElement("form");
    form.className = "nnbook-check-form";
    var input;
    if (spec.kind === "choice") {
      input = document.createElement("span");
      Object.keys(spec.explanations).forEach(function (letter) {
        var label = document.createElement("label");
        var radio = document.createElement("input");
        radio.type = "radio"; radio.name = "answer-" + spec.id; radio.value = letter;
        label.appendChild(radio);
        label.appendChild(document.createTextNode(" " + letter.toUpperCase() + " "));
        input.appendChild(label);
      });
    } else {
      input = document.createElement("input");
      input.type = "text"; input.name = "answer";
      input.placeholder = spec.kind === "vector" ? "e.g. [1, 2]" : "e.g. 0.25";
      input.setAttribute("aria-label", "Answer to exercise " + spec.id);
    }
    var button = document.createElement("button");
    button.type = "submit"; button.textContent = "Check";
    var feedback = document.createElement("div");
    feedback.className = "nnbook-feedback"; feedback.setAttribute("role", "status");
    form.appendChild(input); form.appendChild(button); form.appendChild(feedback);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var raw = spec.kind === "choice"
        ? (form.querySelector("input:checked") || {}).value
        : input.value;
      var result = verdict(spec, raw);
      feedback.className = "nnbook-feedback nnbook-" + result[0];
      feedback.textContent = (result[0] === "right" ? "✔ " : "✘ ") + result[1];
    });
    box.appendChild(form);
  }

  window.nnbookVerdict = verdict;   // exposed for the browser tests
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".nnbook-check").forEach(build);
  });
})();
