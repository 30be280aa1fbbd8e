"""Exercises where the learner writes a function, and the checker that compares it with the engine.

A ``CodeExercise`` names the function to write, the ``cases`` it is called on
(seeded random inputs and edge cases such as a batch of one), the engine's
``reference`` with the same signature, and the usual ``bugs``: each a buggy
implementation with the hint it deserves. ``evaluate_code`` runs the learner's
function on every case in a worker thread under a time limit, compares each
output with the reference, and names the bug whose outputs the learner's match.
It never raises: an exception, a loop that never ends, a wrong type or shape
each get a sentence.
"""

import ast
import copy
import ctypes
import inspect
import linecache
import textwrap
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable

import numpy as np

from .core import Feedback

RTOL, ATOL = 1e-6, 1e-10
"""Tolerance of the comparison: rounding differences pass, any real slip does not."""

TIME_LIMIT = 3.0
"""Seconds the learner's function may run, over all the cases together."""


@dataclass(frozen=True)
class Case:
    """One call of the learner's function: what it tests (``"a batch of one"``) and its ``args``."""

    label: str
    args: tuple


@dataclass(frozen=True)
class Bug:
    """A buggy implementation of the exercise's function and the ``hint`` its outputs deserve."""

    function: Callable
    hint: str


@dataclass(frozen=True)
class CodeExercise:
    """A function to write, the cases it is called on, the engine's answer and the usual bugs.

    The function has the ``reference``'s signature, ``name(parameters)``, and returns
    one array, or a tuple of arrays when ``outputs`` names several.
    """

    id: str
    chapter: str
    title: str
    prompt: str
    name: str
    parameters: str
    docstring: str
    outputs: tuple
    reference: Callable
    cases: tuple
    bugs: tuple
    hint: str

    @property
    def header(self):
        """The function's first lines: its signature and docstring (at most 79 columns, so
        that the page's code column shows them whole)."""
        one_line = f'    """{self.docstring}"""'
        if len(one_line) > 79:
            one_line = textwrap.fill(f'"""{self.docstring}', 79, initial_indent="    ",
                                     subsequent_indent="    ") + '\n    """'
        return f"def {self.name}({self.parameters}):\n{one_line}\n"

    @property
    def starter(self):
        """The code cell the learner starts from: the header and a body of ``...``."""
        return self.header + "    ...\n"

    @property
    def statement(self):
        """The task in Markdown (the title is the exercise block's own)."""
        return f"**{self.id}** {self.prompt}"

    @cached_property
    def expected(self):
        """The reference's outputs: per case, a tuple of float arrays."""
        return [_trusted_outputs(self, self.reference, case) for case in self.cases]

    @cached_property
    def bug_outputs(self):
        """Per bug, its outputs on every case (as ``expected``)."""
        return [[_trusted_outputs(self, bug.function, case) for case in self.cases]
                for bug in self.bugs]


class _TimeUp(BaseException):
    """Raised inside the learner's thread when the time limit is over (a BaseException, so
    that an ``except Exception`` in the learner's code does not swallow it)."""


class _Unusable(Exception):
    """The learner's function returned something that cannot be compared; the message says why."""


def evaluate_code(exercise, function, time_limit=TIME_LIMIT):
    """Feedback on the learner's ``function`` for ``exercise`` (never raises, never hangs)."""
    if not callable(function):
        return Feedback(False, f"Pass the function itself, as in check_code(\"{exercise.id}\", "
                               f"{exercise.name}); you passed {describe(function)}.", "invalid")
    if _is_unwritten(function):
        return Feedback(False, f"Not written yet: replace the ... in {exercise.name} with your "
                               "code, run its cell, then run this one.", "invalid")
    progress = []
    outcome = _run_with_time_limit(lambda: _learner_outputs(exercise, function, progress),
                                   time_limit)
    if outcome is None:
        label = exercise.cases[min(len(progress), len(exercise.cases) - 1)].label
        seconds = f"{time_limit:g} second{'s' if time_limit != 1 else ''}"
        return Feedback(False, f"Stopped: {_called(function)} was still running after "
                               f"{seconds}, on {label}. Look for a loop that never ends. If "
                               "the kernel stays busy, restart it.", "wrong")
    if isinstance(outcome, str):
        return Feedback(False, f"Not yet. {outcome}", "wrong")
    return _verdict(exercise, function, outcome)


def describe(value):
    """What ``value`` is, in words (``"a list of 3 items"``), without running any of its code."""
    kind = type(value)
    if value is None:
        return "None"
    if kind is bool:
        return f"{value}, a truth value"
    if kind in (int, float, complex) or issubclass(kind, np.generic):
        return "a single number"
    if kind is str:
        return "a piece of text"
    if kind in (list, tuple, dict):
        count = len(value)
        return f"a {kind.__name__} of {count} item{'s' if count != 1 else ''}"
    if kind is np.ndarray:
        return f"an array of shape {value.shape}"
    if inspect.isfunction(value) or inspect.isbuiltin(value) or inspect.ismethod(value):
        return "a function"
    return f"a {kind.__name__} object"


def _called(function):
    """The learner's function's name, to put in a sentence (or "your function")."""
    name = getattr(function, "__name__", None) if inspect.isfunction(function) else None
    return name if type(name) is str and name.isidentifier() else "your function"


def _is_unwritten(function):
    """Whether ``function`` is a starter whose body is still only ``...`` (or ``pass``)."""
    if not inspect.isfunction(function):
        return False
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    except (OSError, TypeError, SyntaxError, ValueError):
        return False
    definition = tree.body[0] if tree.body else None
    if not isinstance(definition, ast.FunctionDef):
        return False
    body = definition.body[1:] if ast.get_docstring(definition) else definition.body
    return all(isinstance(line, ast.Pass) or (isinstance(line, ast.Expr)
                                              and isinstance(line.value, ast.Constant)
                                              and line.value.value is Ellipsis)
               for line in body)


def _run_with_time_limit(task, time_limit):
    """``task()`` on a worker thread; its result, or ``None`` if it ran out of time.

    A thread, not a signal or a subprocess: it works in a Jupyter kernel and in
    pytest, on any OS, from any thread, with functions defined in a notebook cell.
    When time is up the thread is sent ``_TimeUp``, which stops Python code at its
    next line (code stuck inside one long NumPy call stops when that call returns).
    """
    result = []

    def run():
        try:
            result.append(task())
        except _TimeUp:   # it arrived just as the task finished
            pass

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    try:
        worker.join(time_limit)
    finally:   # out of time, or the learner interrupted the kernel: stop the worker
        if worker.is_alive() and not result:
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(worker.ident),
                                                       ctypes.py_object(_TimeUp))
            worker.join(0.1)
    return result[0] if result else None


def _learner_outputs(exercise, function, progress):
    """Run on the worker thread: per case, the outputs as float arrays; or a sentence saying
    why not (an exception, a wrong signature, something that is not arrays of numbers)."""
    outputs = []
    try:
        _check_signature(exercise, function)
        with np.errstate(all="ignore"):
            for case in exercise.cases:
                returned = function(*copy.deepcopy(case.args))
                outputs.append(_as_outputs(exercise, returned, case, _called(function)))
                progress.append(case)
    except _TimeUp:
        return None
    except _Unusable as problem:
        return str(problem)
    except BaseException as error:   # anything the learner's code raised, even SystemExit
        label = exercise.cases[len(progress)].label
        return f"On {label}, {_called(function)} raised {_explain(error, function)}"
    return outputs


def _check_signature(exercise, function):
    """Raise ``_Unusable`` if ``function`` cannot be called with the exercise's arguments."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return   # a builtin without a signature: calling it will tell
    try:
        signature.bind(*exercise.cases[0].args)
    except TypeError:
        raise _Unusable(f"The exercise calls {exercise.name}({exercise.parameters}), but "
                        f"{_called(function)} takes ({', '.join(signature.parameters)}).") from None


def _as_outputs(exercise, returned, case, name):
    """The function's return value as a tuple of float arrays, one per output; ``_Unusable``
    with a sentence if it is not that."""
    names = exercise.outputs
    if returned is None:
        raise _Unusable(f"On {case.label}, {name} returned None: end it with "
                        f"return {', '.join(names)}.")
    if len(names) > 1 and (type(returned) not in (tuple, list) or len(returned) != len(names)):
        raise _Unusable(f"The exercise expects {len(names)} results, ({', '.join(names)}); "
                        f"{name} returned {describe(returned)}.")
    arrays = []
    for output, item in zip(names, returned if len(names) > 1 else (returned,)):
        try:
            array = np.asarray(item)
        except ValueError:   # a ragged list
            array = None
        if array is None or array.dtype.kind not in "biuf":
            raise _Unusable(f"On {case.label}, {output} is {describe(item)}, not an array "
                            "of numbers.")
        arrays.append(array.astype(np.float64))
    return tuple(arrays)


def _explain(error, function):
    """``ZeroDivisionError (division by zero) on line 3 of its cell: `return 1 / 0`.``"""
    try:
        text = str(error).strip()
    except Exception:   # an exception class of the learner's whose message itself fails
        text = ""
    text = text.splitlines()[0] if text else ""
    text = text if len(text) <= 160 else text[:157] + "..."
    return (type(error).__name__ + (f" ({text})" if text else "")
            + _learner_line(error.__traceback__, function))


def _learner_line(traceback, function):
    """`` on line 3 of its cell: `code`.`` for the deepest line of the learner's own code."""
    frames = []
    while traceback is not None:
        frames.append((traceback.tb_frame.f_code.co_filename, traceback.tb_lineno))
        traceback = traceback.tb_next
    own_file = getattr(getattr(function, "__code__", None), "co_filename", None)
    learners = ([frame for frame in frames if frame[0] == own_file]
                or [frame for frame in frames if not _is_library(frame[0])])
    if not learners:
        return "."
    filename, line = learners[-1]
    code = linecache.getline(filename, line).strip()
    place = "its cell" if filename == own_file else Path(filename).name
    return f" on line {line} of {place}" + (f": `{code}`." if code else ".")


_LIBRARIES = (str(Path(__file__).resolve().parents[1]), str(Path(inspect.__file__).parent),
              "<frozen")


def _is_library(filename):
    """Whether ``filename`` belongs to Python, an installed package or the nnbook engine."""
    return filename.startswith(_LIBRARIES) or "site-packages" in filename


def _trusted_outputs(exercise, function, case):
    """The outputs of the reference or of a bug (the book's own code) on ``case``."""
    with np.errstate(all="ignore"):
        returned = function(*copy.deepcopy(case.args))
    return tuple(np.asarray(item, dtype=np.float64)
                 for item in (returned if len(exercise.outputs) > 1 else (returned,)))


def _agree(got, want):
    """Whether two arrays have the same shape and values (within the tolerance; NaN = NaN)."""
    return got.shape == want.shape and bool(
        np.allclose(got, want, rtol=RTOL, atol=ATOL, equal_nan=True))


def _verdict(exercise, function, outputs):
    """Right, or per wrong output the bug it matches (else where it first differs)."""
    wrong = [k for k in range(len(exercise.outputs))
             if not all(_agree(got[k], want[k]) for got, want in zip(outputs, exercise.expected))]
    if not wrong:
        cases = "; ".join(case.label for case in exercise.cases)
        return Feedback(True, f"Right! {_called(function)} agrees with the engine on all "
                              f"{len(exercise.cases)} cases: {cases}.", "right")
    problems, explained = {}, True
    for k in wrong:
        hint = _matching_bug(exercise, outputs, k)
        explained &= hint is not None
        problems.setdefault(hint or _difference(exercise, outputs, k), []).append(
            exercise.outputs[k])
    right = [name for k, name in enumerate(exercise.outputs) if k not in wrong]
    parts = [f"{_join(right)} {'is' if len(right) == 1 else 'are'} right."] if right else []
    if len(exercise.outputs) > 1:
        parts += [f"{_join(names)}: {problem}" for problem, names in problems.items()]
    else:
        parts += [problem[0].upper() + problem[1:] if problem.startswith("on ") else problem
                  for problem in problems]
    if not explained:
        parts.append(f"Hint: {exercise.hint}")
    return Feedback(False, "Not yet. " + " ".join(parts), "wrong")


def _matching_bug(exercise, outputs, k):
    """The hint of the first bug that changes output ``k`` and explains it on every case."""
    for bug, bug_outputs in zip(exercise.bugs, exercise.bug_outputs):
        changes_k = not all(_agree(b[k], e[k]) for b, e in zip(bug_outputs, exercise.expected))
        if changes_k and all(_agree(got[k], b[k]) for got, b in zip(outputs, bug_outputs)):
            return bug.hint
    return None


def _difference(exercise, outputs, k):
    """Where output ``k`` first differs from the engine's: its shape, inf or NaN, or its values."""
    for case, got, want in zip(exercise.cases, outputs, exercise.expected):
        got, want = got[k], want[k]
        if got.shape != want.shape:
            return f"on {case.label} it has shape {got.shape}; the engine's has shape {want.shape}."
        if not _agree(got, want):
            if not np.all(np.isfinite(got)) and np.all(np.isfinite(want)):
                return f"on {case.label} it contains inf or NaN; the engine's values are finite."
            gap = float(np.max(np.abs(got - want)))
            return f"on {case.label} it differs from the engine's by up to {gap:.3g}."
    return "it differs from the engine's."


def _join(names):
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
