"""Exercises, answers and feedback: the one source of truth for checking (every chapter).

An ``Exercise`` holds its statement, the expected answer *computed by the
engine* from the statement's parameters, a tolerance, and the wrong answers a
learner is likely to give, each with a hint aimed at that mistake. ``check``
turns any answer (a number, a list, an array, a letter, or text typed into a
box) into a ``Feedback`` that is right, not yet right, or a friendly sentence
about the input itself. It never raises.
"""

import ast
import html
import math
import re
from dataclasses import dataclass, field

import numpy as np

MESSAGES = {
    "empty": "Type an answer first: {expected}.",
    "not_number": "“{given}” is not a number: {expected}.",
    "not_finite": "Your answer is {given}, which is not a finite number: {expected}.",
    "wrong_length": "Expected {length} numbers, like {example}; you gave {given}.",
    "not_single": "Expected a single number; you gave {given}.",
    "not_letter": "Answer with one of the letters {letters}.",
    "unknown_id": "There is no exercise “{given}”. Exercise ids look like “1.1a”; "
                  "nnbook.exercises.ids() lists them all.",
    "right": "Right!",
    "not_yet": "Not yet.",
}
"""Feedback sentences shared by ``check`` and the in-page checker, so both say the same."""


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
    """One checkable question.

    ``answer`` is a float (``kind == "number"``), a tuple of floats (``"vector"``)
    or the letter of the right ``choices`` entry (``"choice"``). A number counts as
    right when it is within ``max(atol, rtol * |answer|)`` of the answer, entry by entry.
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

    @property
    def kind(self):
        if self.choices:
            return "choice"
        return "vector" if isinstance(self.answer, tuple) else "number"

    @property
    def letters(self):
        """The choice letters as the learner sees them, e.g. ``"A, B, C"``."""
        return ", ".join(letter.upper() for letter in self.choices)

    @property
    def expected(self):
        """A phrase describing the expected form of the answer."""
        if self.kind == "choice":
            return f"one of the letters {self.letters}"
        if self.kind == "vector":
            return f"a list of {len(self.answer)} numbers such as {_example(len(self.answer))}"
        return "type a number such as 0.25"

    @property
    def statement(self):
        """The question in Markdown, with the options listed for a multiple-choice question."""
        options = "".join(f"\n- **{letter.upper()}.** {choice.text}"
                          for letter, choice in self.choices.items())
        return f"**{self.id}** {self.title}. {self.prompt}" + ("\n" + options if options else "")

    def page_spec(self):
        """Everything the in-page checker needs, as JSON-ready data (answers, hints, messages)."""
        return {
            "id": self.id, "kind": self.kind, "answer": self.answer, "rtol": self.rtol,
            "atol": self.atol, "hint": self.hint, "expected": self.expected,
            "letters": self.letters, "mistakes": [[m.answer, m.hint] for m in self.mistakes],
            "explanations": {letter: c.explanation for letter, c in self.choices.items()},
            "messages": MESSAGES,
        }

    def matches(self, value, target):
        """Whether the parsed ``value`` equals ``target`` within the tolerance."""
        if self.kind == "choice":
            return value == target
        value, target = np.asarray(value, float), np.asarray(target, float)
        return bool(np.all(np.abs(value - target) <= np.maximum(self.atol, self.rtol * np.abs(target))))


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: ``correct``, a ``message``, and ``status`` right / wrong / invalid."""

    correct: bool
    message: str
    status: str

    def __repr__(self):
        return f"{'✔' if self.correct else '✘'} {self.message}"

    def _repr_html_(self):
        colour = {"right": "#1e7e34", "wrong": "#b02a37", "invalid": "#8a6d00"}[self.status]
        return (f'<div class="nnbook-feedback nnbook-{self.status}" style="color:{colour};'
                f'font-weight:500">{html.escape(repr(self))}</div>')


def _example(length):
    return "[" + ", ".join(str(i + 1) for i in range(length)) + "]"


def _invalid(key, **values):
    return Feedback(False, MESSAGES[key].format(**values), "invalid")


def parse_answer(exercise, answer):
    """``(value, None)`` for a usable answer, or ``(None, Feedback)`` saying what is wrong with it."""
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return None, _invalid("empty", expected=exercise.expected)
    if exercise.kind == "choice":
        letter = answer.strip().strip("()").lower() if isinstance(answer, str) else None
        if letter not in exercise.choices:
            return None, _invalid("not_letter", letters=exercise.letters)
        return letter, None
    if isinstance(answer, str):
        text, answer = answer.strip(), _read_text(answer)
        if answer is None:
            return None, _invalid("not_number", given=text, expected=exercise.expected)
    return _parse_numbers(exercise, answer)


def _read_text(text):
    """Numbers typed as text: ``"0.5"``, ``"[1, 2]"``, ``"1, 2"`` or ``"1 2"``; ``None`` if unreadable."""
    try:
        return ast.literal_eval(text.strip())
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return _read_number_list(text)


def _read_number_list(text):
    """``"1, 2"`` or ``"1 2"`` (brackets optional) -> a number or a list; ``None`` if unreadable."""
    try:
        numbers = [float(token) for token in re.split(r"[,\s]+", text.strip(" []()")) if token]
    except ValueError:
        return None
    return numbers[0] if len(numbers) == 1 else numbers or None


def _parse_numbers(exercise, answer):
    try:
        values = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return None, _invalid("not_number", given=answer, expected=exercise.expected)
    if values.dtype == object or isinstance(answer, (bool, np.bool_)) or _contains_bool(answer):
        return None, _invalid("not_number", given=answer, expected=exercise.expected)
    length = len(exercise.answer) if exercise.kind == "vector" else 1
    if values.size != length:
        given = f"{values.size} number{'s' if values.size != 1 else ''}"
        if exercise.kind == "number":
            return None, _invalid("not_single", given=given)
        return None, _invalid("wrong_length", length=length, example=_example(length), given=given)
    if not np.all(np.isfinite(values)):
        bad = values[~np.isfinite(values)][0]
        return None, _invalid("not_finite", given="NaN" if math.isnan(bad) else str(bad),
                              expected=exercise.expected)
    return (tuple(values.tolist()) if exercise.kind == "vector" else float(values.ravel()[0])), None


def _contains_bool(answer):
    return isinstance(answer, (list, tuple)) and any(isinstance(a, (bool, np.bool_)) for a in answer)


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
    return Feedback(False, f"{MESSAGES['not_yet']} Hint: {exercise.hint}", "wrong")
