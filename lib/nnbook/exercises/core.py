"""Exercises, answers and feedback: the one source of truth for checking (every chapter).

An ``Exercise`` holds its statement, the expected answer *computed by the
engine* from the statement's parameters, a tolerance, and the wrong answers a
learner is likely to give, each with a hint aimed at that mistake. ``check``
turns any answer (a number, a list, an array, a letter, or text typed into a
box) into a ``Feedback`` that is right, not yet right, or a friendly sentence
about the input itself. It never raises.

The answer grammar
------------------
Python (``check``) and the page (``_static/nnbook-checker.js``) read typed text by
these rules, and ``tests/exercises/answers.json`` holds the inputs both are tested on.

1. Whitespace (space, tab, newline, no-break and thin spaces) around an answer is
   ignored; an answer with nothing else is *empty*.
2. A letter answer is one ASCII letter of the options, in either case, optionally
   written ``(b)``, ``b)`` or ``b.``.
3. A number answer is a list of *entries* separated by commas and/or whitespace.
   The brackets ``[ ] ( )`` only group and are ignored, so ``[1, 2]``, ``(1, 2)``,
   ``1, 2``, ``1 2`` and ``[[1], [2]]`` are the same two entries, read in order.
4. An entry is a decimal number: an optional sign (``+``, ``-`` or the minus sign
   ``−``) written directly before ASCII digits, with an optional decimal point
   (``2.``, ``.5``) and exponent (``1e-3``, ``2.5E4``); or a fraction ``1/3`` of two
   such numbers (sign on the numerator only); or ``nan``, ``inf``, ``infinity`` (any
   case, optional sign), which are read and then refused as not finite, like a
   number too large for a float (``1e400``, four hundred digits).
5. Anything else is not a number: ``- 0.5`` (space after the sign), ``0x10``,
   ``1_0``, quoted numbers, non-ASCII digits, ``sqrt(2)``, ``pi``, ``1+1``, words.
   Two slips get their own sentence: a decimal comma where one number is expected
   (``0,5``), and a percentage (``50%``).
6. The number of entries must match the answer (one, or the vector's length). A
   Python answer may be a number, or any nesting of lists, tuples and arrays whose
   size matches (a column ``(3, 1)`` is read as its three entries).
7. An answer is right when every entry is within ``max(atol, rtol * |answer|)``;
   a listed mistake within the same tolerance gets its hint; an answer within ten
   times the tolerance gets "right idea, give more digits" (unless the answer is a
   whole number); anything else gets the exercise's general hint.

Messages echo at most ``ECHO`` characters of what was typed, and describe a Python
value that is not a number by its kind ("a function", "a dict of 2 items").
"""

import html
import math
import numbers
import re
from dataclasses import dataclass, field

import numpy as np

MESSAGES = {
    "empty": "Type an answer first: {expected}.",
    "not_number": "The checker cannot read {given} as a number: type {expected}.",
    "comma_decimal": "{given} has a comma inside a number: write decimals with a point "
                     "(0.5, not 0,5) and no thousands separators.",
    "percent": "{given} is a percentage: type it as a plain number, without the % sign "
               "(50% is 0.5).",
    "not_finite": "{given} is infinite, NaN or too large for a float: type {expected}.",
    "wrong_length": "Expected {length} numbers, like {example}; you gave {given}.",
    "not_single": "Expected a single number; you gave {given}.",
    "not_letter": "Answer with one of the letters {letters}.",
    "unknown_id": "There is no exercise {given}. Exercise ids look like “1.1a”; "
                  "nnbook.exercises.ids() lists them all.",
    "right": "Right!",
    "close": "Close: right idea, give more digits ({precision}).",
    "not_yet": "Not yet.",
    "broken": "Your answer could not be checked ({error}). Nothing was marked; please report "
              "this.",
}
"""Feedback sentences shared by ``check`` and the in-page checker, so both say the same."""

ECHO = 60
"""The most characters of an answer a message repeats."""

CLOSE = 10.0
"""An answer within this many tolerances of the answer is "close"."""

_SPACE = "[ \t\n\r\f\v\u00a0\u2009\u202f]"
_UNSIGNED = r"(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
_ENTRY = re.compile(rf"(?P<num>[+-]?{_UNSIGNED})(?:/(?P<den>{_UNSIGNED}))?"
                    r"|(?P<special>[+-]?(?:nan|inf|infinity))", re.IGNORECASE | re.ASCII)
_COMMA_DECIMAL = re.compile(r"[+-]?[0-9]+,[0-9]+")
_PERCENT = re.compile(rf"[+-]?{_UNSIGNED}{_SPACE}*%")
_LETTER = re.compile(r"\(?([A-Za-z])[).]?")
_MAX_DEPTH = 32


def vector(array):
    """A 1-D result as the tuple of floats an ``Exercise`` answer expects."""
    return tuple(float(v) for v in np.ravel(array))


@dataclass(frozen=True)
class Mistake:
    """A likely wrong ``answer`` (computed from the same parameters) and the ``hint`` it deserves."""

    answer: object
    hint: str


@dataclass(frozen=True)
class Choice:
    """One option of a multiple-choice question and why it is right or wrong."""

    text: str
    explanation: str


@dataclass(frozen=True)
class Exercise:
    """One checkable question: one part of a numbered exercise (``"2.1a"`` of exercise 2.1).

    ``answer`` is a float (``kind == "number"``), a tuple of floats (``"vector"``)
    or the letter of the right ``choices`` entry (``"choice"``). A number counts as
    right when it is within ``max(atol, rtol * |answer|)`` of the answer, entry by
    entry. ``setup`` is what all parts of the exercise share; the page shows it once,
    above the first part.
    """

    id: str
    chapter: str
    title: str
    prompt: str
    answer: object
    hint: str
    mistakes: tuple = ()
    choices: dict = field(default_factory=dict)
    rtol: float = 0.01
    atol: float = 1e-3
    source: str = ""
    setup: str = ""

    @property
    def kind(self):
        if self.choices:
            return "choice"
        return "vector" if isinstance(self.answer, tuple) else "number"

    @property
    def number(self):
        """The exercise this part belongs to: ``"2.1"`` for ``"2.1a"``."""
        return self.id.rstrip("abcdefghij")

    @property
    def letters(self):
        """The choice letters as the learner sees them, e.g. ``"A, B, C"``."""
        return ", ".join(letter.upper() for letter in self.choices)

    @property
    def length(self):
        """How many numbers the answer has (1 for a number)."""
        return len(self.answer) if self.kind == "vector" else 1

    @property
    def whole(self):
        """Whether every entry of a numeric answer is a whole number (an exact answer)."""
        return self.kind != "choice" and bool(np.all(np.mod(np.asarray(self.answer, float), 1) == 0))

    @property
    def precision(self):
        """How precisely to answer, derived from the tolerance ("3 significant figures")."""
        if self.kind == "choice":
            return ""
        if self.whole:
            return "the exact value"
        if self.rtol > 0:
            return f"{math.ceil(math.log10(5 / self.rtol) - 1e-9)} significant figures"
        return f"{max(0, math.ceil(-math.log10(2 * self.atol) - 1e-9))} decimals"

    @property
    def expected(self):
        """A phrase describing the expected form of the answer."""
        if self.kind == "choice":
            return f"one of the letters {self.letters}"
        if self.kind == "vector":
            return f"a list of {self.length} numbers such as {_example(self.length)}"
        return "a number such as 0.25"

    @property
    def statement(self):
        """The part's question in Markdown: its letter, prompt, precision and options."""
        part = self.id[len(self.number):]
        label = f"**({part})** " if part else ""     # a single part: its title numbers it
        precision = ""
        if self.kind != "choice":
            each = " for each entry" if self.kind == "vector" else ""
            precision = f" *Give {self.precision}{each}.*"
        options = "".join(f"\n- **{letter.upper()}.** {choice.text}"
                          for letter, choice in self.choices.items())
        return f"{label}{self.prompt}{precision}" + ("\n" + options if options else "")

    def page_spec(self):
        """Everything the in-page checker needs, as JSON-ready data (answers, hints, messages)."""
        return {
            "id": self.id, "kind": self.kind, "answer": self.answer, "rtol": self.rtol,
            "atol": self.atol, "hint": self.hint, "expected": self.expected,
            "letters": self.letters, "mistakes": [[m.answer, m.hint] for m in self.mistakes],
            "explanations": {letter: c.explanation for letter, c in self.choices.items()},
            "precision": self.precision, "close": 0 if self.whole else CLOSE,
            "messages": MESSAGES, "echo": ECHO,
        }

    def matches(self, value, target, factor=1.0):
        """Whether the parsed ``value`` is within ``factor`` tolerances of ``target``."""
        if self.kind == "choice":
            return value == target
        value, target = np.asarray(value, float), np.asarray(target, float)
        bound = factor * np.maximum(self.atol, self.rtol * np.abs(target))
        return bool(np.all(np.abs(value - target) <= bound))


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: ``correct``, a ``message``, and ``status`` right / wrong / invalid."""

    correct: bool
    message: str
    status: str

    def __repr__(self):
        return f"{'✔' if self.correct else '✘'} {self.message}"

    def _repr_html_(self):
        return (f'<div class="nnbook-feedback nnbook-{self.status}" role="status">'
                f'{html.escape(repr(self))}</div>')


class _Unreadable(Exception):
    """An answer that cannot be read: the ``MESSAGES`` key and what to call the answer."""

    def __init__(self, key, given):
        super().__init__(key)
        self.key, self.given = key, given


def _example(length):
    return "[" + ", ".join(str(i + 1) for i in range(length)) + "]"


def echo(text):
    """``text`` in quotes, cut to at most ``ECHO`` characters."""
    return "“" + (text if len(text) <= ECHO else text[:ECHO - 1] + "…") + "”"


def describe(value):
    """What a Python value that is not a number is, in words ("a function", "“x”")."""
    if value is None:
        return "None"
    if isinstance(value, str):
        return echo(value.strip())
    if isinstance(value, (bool, np.bool_)):
        return f"the truth value {bool(value)}"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        count = len(value)
        return f"a {type(value).__name__} of {count} item{'' if count == 1 else 's'}"
    if isinstance(value, type):
        return "a class"
    if callable(value):
        return "a function"
    if isinstance(value, numbers.Complex):
        return "a complex number"
    return f"an object of type {type(value).__name__}"


def _capitalized(message):
    return message[:1].upper() + message[1:]


def _invalid(key, **values):
    return Feedback(False, _capitalized(MESSAGES[key].format(**values)), "invalid")


def _split(text):
    """The entries of typed ``text``, brackets dropped: ``"[1, 2] 3"`` -> ``["1", "2", "3"]``."""
    return [t for t in re.split(rf"(?:,|{_SPACE})+", re.sub(r"[\[\]()]", " ", text)) if t]


def _entry_value(token):
    """The float an entry of the grammar stands for (``inf`` or ``nan`` for those)."""
    match = _ENTRY.fullmatch(token)
    if match["special"]:
        return float(match["special"].lower().replace("infinity", "inf"))
    numerator = float(match["num"])
    if match["den"] is None:
        return numerator
    denominator = float(match["den"])
    if denominator == 0:
        return math.nan if numerator == 0 else math.copysign(math.inf, numerator)
    return numerator / denominator


def read_text(exercise, text):
    """The entries of a typed answer as ``(value, given)`` pairs, by the grammar above."""
    text = text.replace("−", "-")
    if exercise.kind == "number" and _COMMA_DECIMAL.fullmatch(text):
        raise _Unreadable("comma_decimal", echo(text))
    if _PERCENT.fullmatch(text):
        raise _Unreadable("percent", echo(text))
    tokens = _split(text)
    if not tokens or not all(_ENTRY.fullmatch(token) for token in tokens):
        raise _Unreadable("not_number", echo(text))
    return [(_entry_value(token), echo(token)) for token in tokens]


def _real(value):
    """``(float, given)`` for one Python number; ``_Unreadable`` for anything else."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise _Unreadable("not_number", describe(value))
    try:
        return float(value), echo(str(value))
    except OverflowError:                     # an int or fraction beyond float's range
        return (math.inf if value > 0 else -math.inf), "your number"


def read_value(value, depth=0):
    """The entries of a Python answer as ``(value, given)`` pairs, nested lists flattened."""
    if isinstance(value, np.ndarray) and value.dtype.kind in "iuf":
        return [(float(v), echo(str(v))) for v in value.ravel()]
    if isinstance(value, (list, tuple, np.ndarray)):
        if depth == _MAX_DEPTH:
            raise _Unreadable("not_number", "a list nested too deeply")
        items = value.ravel() if isinstance(value, np.ndarray) else value
        return [entry for item in items for entry in read_value(item, depth + 1)]
    return [_real(value)]


def _count(entries, answer):
    given = f"{len(entries)} number{'' if len(entries) == 1 else 's'}"
    if isinstance(answer, np.ndarray) and answer.ndim > 1:
        given += f" (an array of shape {answer.shape})"
    return given


def parse_answer(exercise, answer):
    """``(value, None)`` for a usable answer, or ``(None, Feedback)`` saying what is wrong with it."""
    text = answer.strip(" \t\n\r\f\v\u00a0\u2009\u202f") if isinstance(answer, str) else None
    if answer is None or text == "":
        return None, _invalid("empty", expected=exercise.expected)
    if exercise.kind == "choice":
        match = _LETTER.fullmatch(text) if text is not None else None
        letter = match[1].lower() if match else None
        if letter not in exercise.choices:
            return None, _invalid("not_letter", letters=exercise.letters)
        return letter, None
    try:
        entries = read_text(exercise, text) if text is not None else read_value(answer)
    except _Unreadable as problem:
        return None, _invalid(problem.key, given=problem.given, expected=exercise.expected)
    if len(entries) != exercise.length:
        given = _count(entries, answer)
        if exercise.kind == "number":
            return None, _invalid("not_single", given=given)
        return None, _invalid("wrong_length", length=exercise.length,
                              example=_example(exercise.length), given=given)
    for value, given in entries:
        if not math.isfinite(value):
            return None, _invalid("not_finite", given=given, expected=exercise.expected)
    values = tuple(value for value, _ in entries)
    return (values if exercise.kind == "vector" else values[0]), None


def evaluate(exercise, answer):
    """Feedback for ``answer`` to ``exercise`` (see ``check``)."""
    value, problem = parse_answer(exercise, answer)
    if problem is not None:
        return problem
    if exercise.matches(value, exercise.answer):
        detail = exercise.choices[value].explanation if exercise.kind == "choice" else ""
        return Feedback(True, f"{MESSAGES['right']} {detail}".strip(), "right")
    if exercise.kind == "choice":
        return Feedback(False, f"{MESSAGES['not_yet']} {exercise.choices[value].explanation}",
                        "wrong")
    for mistake in exercise.mistakes:
        if exercise.matches(value, mistake.answer):
            return Feedback(False, f"{MESSAGES['not_yet']} {mistake.hint}", "wrong")
    if not exercise.whole and exercise.matches(value, exercise.answer, CLOSE):
        return Feedback(False, MESSAGES["close"].format(precision=exercise.precision), "wrong")
    return Feedback(False, f"{MESSAGES['not_yet']} Hint: {exercise.hint}", "wrong")
