// In-page answer checking for the book's exercises, with no kernel.
// Each <div class="nnbook-check" data-exercise="{...}"> carries one exercise of the
// registry (nnbook.exercises): its answer, tolerance, known mistakes with hints and the
// feedback sentences. The rules below are the answer grammar written down in
// nnbook/exercises/core.py, line for line; the browser test checks that both give the
// same verdicts on every input of tests/exercises/answers.json.
(function () {
  "use strict";

  var SPACE = "[ \\t\\n\\r\\f\\v\\u00a0\\u2009\\u202f]";
  var UNSIGNED = "(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?";
  var ENTRY = new RegExp("^(?:([+-]?" + UNSIGNED + ")(?:/(" + UNSIGNED + "))?" +
                         "|([+-]?(?:nan|inf|infinity)))$", "i");
  var COMMA_DECIMAL = /^[+-]?[0-9]+,[0-9]+$/;
  var PERCENT = new RegExp("^[+-]?" + UNSIGNED + SPACE + "*%$");
  var LETTER = /^\(?([A-Za-z])[).]?$/;
  var TRIM = new RegExp("^" + SPACE + "+|" + SPACE + "+$", "g");
  var SEPARATORS = new RegExp("(?:," + "|" + SPACE + ")+");

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function capitalized(message) { return message.charAt(0).toUpperCase() + message.slice(1); }

  function Unreadable(key, given) { this.key = key; this.given = given; }

  function echo(text, limit) {
    var chars = Array.from(text);    // code points, as Python counts them
    return "“" + (chars.length <= limit ? text : chars.slice(0, limit - 1).join("") + "…") + "”";
  }

  function entryValue(token) {
    var match = ENTRY.exec(token);
    if (match[3] !== undefined) {
      var special = match[3].toLowerCase().replace("infinity", "inf");
      return special.indexOf("nan") >= 0 ? NaN : (special.charAt(0) === "-" ? -Infinity : Infinity);
    }
    var numerator = Number(match[1]);
    return match[2] === undefined ? numerator : numerator / Number(match[2]);
  }

  function readText(spec, text) {
    // The entries of a typed answer as [value, given] pairs, by the grammar in core.py.
    text = text.replace(/\u2212/g, "-");
    if (spec.kind === "number" && COMMA_DECIMAL.test(text)) {
      throw new Unreadable("comma_decimal", echo(text, spec.echo));
    }
    if (PERCENT.test(text)) { throw new Unreadable("percent", echo(text, spec.echo)); }
    var tokens = text.replace(/[\[\]()]/g, " ").split(SEPARATORS).filter(Boolean);
    if (!tokens.length || !tokens.every(function (t) { return ENTRY.test(t); })) {
      throw new Unreadable("not_number", echo(text, spec.echo));
    }
    return tokens.map(function (t) { return [entryValue(t), echo(t, spec.echo)]; });
  }

  function close(value, target, spec, factor) {
    var targets = [].concat(target);
    return value.every(function (v, i) {
      return Math.abs(v - targets[i]) <= factor * Math.max(spec.atol, spec.rtol * Math.abs(targets[i]));
    });
  }

  function invalid(spec, key, values) {
    return ["invalid", capitalized(format(spec.messages[key], values))];
  }

  function verdict(spec, raw) {
    var m = spec.messages;
    var text = raw === null || raw === undefined ? "" : String(raw).replace(TRIM, "");
    if (text === "") { return invalid(spec, "empty", { expected: spec.expected }); }
    if (spec.kind === "choice") {
      var match = LETTER.exec(text);
      var letter = match ? match[1].toLowerCase() : null;
      if (!(letter in spec.explanations)) { return invalid(spec, "not_letter", { letters: spec.letters }); }
      return letter === spec.answer
        ? ["right", m.right + " " + spec.explanations[letter]]
        : ["wrong", m.not_yet + " " + spec.explanations[letter]];
    }
    var entries;
    try {
      entries = readText(spec, text);
    } catch (problem) {
      if (!(problem instanceof Unreadable)) { throw problem; }
      return invalid(spec, problem.key, { given: problem.given, expected: spec.expected });
    }
    var length = spec.kind === "vector" ? spec.answer.length : 1;
    if (entries.length !== length) {
      var given = entries.length + " number" + (entries.length === 1 ? "" : "s");
      return spec.kind === "number"
        ? invalid(spec, "not_single", { given: given })
        : invalid(spec, "wrong_length", { length: length, given: given, example: "[" + Array.from(
            { length: length }, function (_, i) { return i + 1; }).join(", ") + "]" });
    }
    for (var e = 0; e < entries.length; e++) {
      if (!isFinite(entries[e][0])) {
        return invalid(spec, "not_finite", { given: entries[e][1], expected: spec.expected });
      }
    }
    var value = entries.map(function (entry) { return entry[0]; });
    if (close(value, spec.answer, spec, 1)) { return ["right", m.right]; }
    for (var i = 0; i < spec.mistakes.length; i++) {
      if (close(value, spec.mistakes[i][0], spec, 1)) {
        return ["wrong", m.not_yet + " " + spec.mistakes[i][1]];
      }
    }
    if (spec.close && close(value, spec.answer, spec, spec.close)) {
      return ["wrong", format(m.close, { precision: spec.precision })];
    }
    return ["wrong", m.not_yet + " Hint: " + spec.hint];
  }

  function choiceGroup(spec) {
    // The options as a labelled group of radio buttons.
    var group = document.createElement("fieldset");
    group.className = "nnbook-choices";
    var legend = document.createElement("legend");
    legend.textContent = "Your answer to exercise " + spec.id;
    group.appendChild(legend);
    Object.keys(spec.explanations).forEach(function (letter) {
      var label = document.createElement("label");
      var radio = document.createElement("input");
      radio.type = "radio"; radio.name = "answer-" + spec.id; radio.value = letter;
      label.appendChild(radio);
      label.appendChild(document.createTextNode(" " + letter.toUpperCase()));
      group.appendChild(label);
    });
    return group;
  }

  function build(box) {
    var spec = JSON.parse(box.dataset.exercise);
    var form = document.createElement("form");
    form.className = "nnbook-check-form";
    var input;
    if (spec.kind === "choice") {
      input = choiceGroup(spec);
    } else {
      input = document.createElement("input");
      input.type = "text"; input.name = "answer";
      input.placeholder = spec.kind === "vector" ? "e.g. [1, 2]" : "e.g. 0.25";
      input.setAttribute("aria-label", "Answer to exercise " + spec.id);
    }
    var button = document.createElement("button");
    button.type = "submit"; button.textContent = "Check";
    button.setAttribute("aria-label", "Check your answer to exercise " + spec.id);
    var feedback = document.createElement("div");
    feedback.className = "nnbook-feedback"; feedback.setAttribute("role", "status");
    form.appendChild(input); form.appendChild(button); form.appendChild(feedback);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var raw = spec.kind === "choice"
        ? (form.querySelector("input:checked") || {}).value
        : input.value;
      var result;
      try {
        result = verdict(spec, raw);
      } catch (error) {    // never leave an old verdict next to a new answer
        result = ["invalid", format(spec.messages.broken, { error: error.name })];
      }
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
