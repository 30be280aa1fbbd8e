"""The book's exercises: one registry, ``check(exercise_id, answer)``, and the answer widget.

Each chapter's exercises live in a module ``chNN_<name>`` (found automatically,
in chapter order) that defines ``EXERCISES``, a list of ``Exercise`` objects
whose answers are computed with the engine. ``check`` never raises: bad input gets a friendly sentence.
"""

import importlib
import pkgutil

from .core import (MESSAGES, Choice, Exercise, Feedback, Mistake, describe, echo, evaluate,
                   parse_answer)

_CHAPTER_MODULES = [importlib.import_module(f"{__name__}.{info.name}")
                    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name)
                    if info.name.startswith("ch")]
REGISTRY = {exercise.id: exercise for module in _CHAPTER_MODULES for exercise in module.EXERCISES}


def _name(exercise_id):
    return echo(exercise_id) if isinstance(exercise_id, str) else describe(exercise_id)


def ids(chapter=None):
    """Every exercise id in book order, or those of one ``chapter`` (e.g. ``"01-neuron"``)."""
    return [key for key, exercise in REGISTRY.items() if chapter in (None, exercise.chapter)]


def get(exercise_id):
    """The ``Exercise`` with this id; ``KeyError`` naming the id if there is none."""
    if exercise_id not in REGISTRY:
        raise KeyError(MESSAGES["unknown_id"].format(given=_name(exercise_id)))
    return REGISTRY[exercise_id]


def check(exercise_id, answer):
    """Check ``answer`` to exercise ``exercise_id``; returns a ``Feedback`` (never raises).

    ``answer`` may be a number, a list, tuple or NumPy array, a letter for a
    multiple-choice question, or the same typed as text.
    """
    if not isinstance(exercise_id, str) or exercise_id not in REGISTRY:
        return Feedback(False, MESSAGES["unknown_id"].format(given=_name(exercise_id)), "invalid")
    return evaluate(REGISTRY[exercise_id], answer)


def passes(exercise_id, answer):
    """Check ``answer`` and raise ``AssertionError`` with the feedback unless it is right.

    The last line of every worked solution; returns the ``Feedback`` so a notebook shows it.
    """
    feedback = check(exercise_id, answer)
    assert feedback.correct, feedback.message
    return feedback
