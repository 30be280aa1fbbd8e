"""The "Write the code" exercises: solutions pass, usual bugs get their hints, and the
checker answers anything (exceptions, endless loops, wrong types and shapes) with a sentence."""

import inspect
import json
import linecache
import re
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnbook.exercises.code_exercises import (EXERCISES, REGISTRY, check_code, code_ids,
                                             passes_code)
from nnbook.exercises.coding import _agree
from nnbook.exercises.core import Feedback

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted(p.stem for p in (ROOT / "exercises").glob("*.ipynb"))


def code_cells(path):
    return ["".join(c["source"]) for c in json.loads(path.read_text())["cells"]
            if c["cell_type"] == "code"]


def define(source, name):
    """Run ``source`` as IPython runs a cell (its text kept in linecache); the function ``name``."""
    filename = f"<cell defining {name}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace = {"np": np}
    exec(compile(source, filename, "exec"), namespace)
    return namespace[name]


def solution(exercise):
    """The learner's function as the solutions notebook writes it (its cell, run afresh)."""
    path = ROOT / "solutions" / f"{exercise.chapter}.ipynb"
    source = next(c for c in code_cells(path) if c.startswith(f"def {exercise.name}("))
    return define(source, exercise.name)


# Every solution passes; every chapter has one -------------------------------------------------

@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_the_worked_solution_passes(exercise):
    feedback = passes_code(exercise.id, solution(exercise))
    assert feedback.status == "right" and f"all {len(exercise.cases)} cases" in feedback.message


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_has_a_code_exercise(chapter):
    assert code_ids(chapter)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_the_starter_is_not_written_yet(exercise):
    feedback = check_code(exercise.id, define(exercise.starter, exercise.name))
    assert feedback.status == "invalid" and feedback.message.startswith("Not written yet")


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_every_bug_changes_an_output_and_gets_its_hint(exercise):
    assert len(exercise.bugs) >= 2
    for bug, outputs in zip(exercise.bugs, exercise.bug_outputs):
        assert not all(_agree(g, w) for got, want in zip(outputs, exercise.expected)
                       for g, w in zip(got, want)), "a bug that changes nothing"
        feedback = check_code(exercise.id, bug.function)
        assert feedback.status == "wrong" and bug.hint in feedback.message


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_the_cases_include_an_edge_case(exercise):
    labels = " ".join(case.label for case in exercise.cases)
    assert re.search(r"one|1000|repeated|same for every|first step|square", labels)


# The usual bugs, written as a learner would write them, get their targeted hint -----------

def neuron_without_bias(x, w, b):
    return 1 / (1 + np.exp(-(x @ w)))


def neuron_as_a_column(x, w, b):
    return 1 / (1 + np.exp(-(x @ w.reshape(-1, 1) + b)))


def sigmoid_from_exp_z(z):
    a = np.exp(z) / (1 + np.exp(z))
    return a, a * (1 - a)


def slope_in_terms_of_z(z):
    a = 1 / (1 + np.exp(-z))
    return a, z * (1 - z)


def mlp_without_relu(x, W1, b1, W2, b2):
    return (x @ W1.T + b1) @ W2.T + b2


def embedding_overwriting(E, ids, grad_out):
    grad_E = np.zeros_like(E)
    grad_E[ids] += grad_out
    return E[ids], grad_E


def embedding_overwriting_in_a_loop(E, ids, grad_out):
    grad_E = np.zeros_like(E)
    for i, row in zip(np.ravel(ids), grad_out.reshape(-1, E.shape[1])):
        grad_E[i] = row
    return E[ids], grad_E


def softmax_without_shift(z):
    return np.exp(z) / np.sum(np.exp(z), axis=1, keepdims=True)


def softmax_over_columns(z):
    e = np.exp(z - z.max(axis=0))
    return e / e.sum(axis=0)


def cross_entropy_without_shift(logits, labels):
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    y = np.eye(logits.shape[1])[labels]
    return -np.mean(np.log(p[np.arange(len(labels)), labels])), (p - y) / len(logits)


def cross_entropy_without_1_over_n(logits, labels):
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    y = np.eye(logits.shape[1])[labels]
    return -np.mean(log_p[np.arange(len(labels)), labels]), np.exp(log_p) - y


def linear_backward_transposed(x, W, grad_out):
    return grad_out @ W, x.T @ grad_out, grad_out.sum(axis=0)


def linear_backward_bias_per_example(x, W, grad_out):
    return grad_out @ W, grad_out.T @ x, grad_out


def linear_backward_bias_as_row(x, W, grad_out):
    return grad_out @ W, grad_out.T @ x, grad_out.sum(axis=0, keepdims=True)


def two_layer_without_1_over_n(x, y, W1, b1, W2, b2):
    h = 1 / (1 + np.exp(-(x @ W1.T + b1)))
    a = 1 / (1 + np.exp(-(h @ W2.T + b2)))
    d2 = (a - y) * a * (1 - a)
    d1 = d2 @ W2 * h * (1 - h)
    return d1.T @ x, d1.sum(axis=0), d2.T @ h, d2.sum(axis=0)


def two_layer_without_hidden_slope(x, y, W1, b1, W2, b2):
    h = 1 / (1 + np.exp(-(x @ W1.T + b1)))
    a = 1 / (1 + np.exp(-(h @ W2.T + b2)))
    d2 = (a - y) / len(x) * a * (1 - a)
    d1 = d2 @ W2
    return d1.T @ x, d1.sum(axis=0), d2.T @ h, d2.sum(axis=0)


def adam_without_bias_correction(w, grad, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    return w - lr * m / (np.sqrt(v) + eps), m, v


def adam_counting_twice(w, grad, m, v, t, lr, beta1, beta2, eps):
    t += 1
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    return w - lr * m / (1 - beta1**t) / (np.sqrt(v / (1 - beta2**t)) + eps), m, v


def batchnorm_unbiased(x, gamma, beta, eps):
    return gamma * (x - x.mean(0)) / np.sqrt(x.var(0, ddof=1) + eps) + beta


def batchnorm_per_example(x, gamma, beta, eps):
    mean, var = x.mean(axis=1, keepdims=True), x.var(axis=1, keepdims=True)
    return gamma * (x - mean) / np.sqrt(var + eps) + beta


def batchnorm_backward_shortcut(x, gamma, grad_out, eps):
    inv_std = 1 / np.sqrt(x.var(axis=0) + eps)
    x_hat = (x - x.mean(axis=0)) * inv_std
    return gamma * grad_out * inv_std, (grad_out * x_hat).sum(0), grad_out.sum(0)


@pytest.mark.parametrize("exercise_id, function, hint", [
    ("1.C1", neuron_without_bias, "You left out the bias"),
    ("1.C1", neuron_as_a_column, "Return one number per example, shape (N,)"),
    ("2.C1", sigmoid_from_exp_z, "e^z overflows to inf at z = 1000"),
    ("2.C1", slope_in_terms_of_z, "not z"),
    ("3.C1", mlp_without_relu, "You left out the ReLU"),
    ("4.C1", embedding_overwriting, "A repeated id must collect every upstream row"),
    ("4.C1", embedding_overwriting_in_a_loop, "A repeated id must collect every upstream row"),
    ("5.C1", softmax_without_shift, "e^1000 overflows to inf"),
    ("5.C1", softmax_over_columns, "each row sums to 1"),
    ("5.C2", cross_entropy_without_shift, "grad: e^1000 overflows to inf"),
    ("5.C2", cross_entropy_without_1_over_n, "loss is right. grad: The loss is a mean over the "
                                             "batch, so its gradient carries 1/N too"),
    ("6.C1", linear_backward_transposed, "grad_x and grad_b are right. grad_W: That is the "
                                         "transpose"),
    ("6.C1", linear_backward_bias_per_example, "grad_b: Every example in the batch uses the "
                                               "same bias"),
    ("6.C1", linear_backward_bias_as_row, "grad_b: on a 3 → 2 layer on 5 examples it has shape "
                                          "(1, 2); the engine's has shape (2,)."),
    ("6.C2", two_layer_without_1_over_n, "the output delta carries 1/N"),
    ("6.C2", two_layer_without_hidden_slope, "grad_W2 and grad_b2 are right. grad_W1 and "
                                             "grad_b1: The hidden delta needs the hidden "
                                             "layer's slope"),
    ("7.C1", adam_without_bias_correction, "m and v are right. w: Correct the moments"),
    ("7.C1", adam_counting_twice, "without adding 1 to t"),
    ("8.C1", batchnorm_unbiased, "Use the biased variance"),
    ("8.C1", batchnorm_per_example, "is LayerNorm"),
    ("8.C2", batchnorm_backward_shortcut, "grad_x has two more paths"),
])
def test_a_learners_bug_gets_its_targeted_hint(exercise_id, function, hint):
    feedback = check_code(exercise_id, function)
    assert feedback.status == "wrong" and hint in feedback.message, feedback.message


def test_an_unknown_slip_gets_where_it_differs_and_the_general_hint():
    def neuron_off_by_a_little(x, w, b):
        return 1 / (1 + np.exp(-(x @ w + b))) + 0.01
    message = check_code("1.C1", neuron_off_by_a_little).message
    assert "differs from the engine's by up to 0.01" in message
    assert f"Hint: {REGISTRY['1.C1'].hint}" in message


# Exceptions, endless loops, wrong types and shapes: a sentence, never a traceback ----------

def line_of(function, text):
    """The line number (as the checker reports it) of the line containing ``text``."""
    lines, first = inspect.getsourcelines(function)
    return first + next(i for i, line in enumerate(lines) if text in line)


def test_an_exception_names_itself_and_the_learners_line():
    def neuron(x, w, b):
        z = x @ w + b
        return 1 / (1 + np.exp(-z)) if len(x) > 1 else z[5]
    message = check_code("1.C1", neuron).message
    line = line_of(neuron, "z[5]")
    assert message.startswith("Not yet. On a batch of one example, neuron raised IndexError")
    assert f"on line {line} of its cell: `return 1 / (1 + np.exp(-z)) if len(x) > 1 else z[5]`" \
        in message


def test_an_exception_inside_numpy_names_the_learners_line():
    def mlp_forward(x, W1, b1, W2, b2):
        h = np.maximum(x @ W1 + b1, 0)
        return h @ W2.T + b2
    message = check_code("3.C1", mlp_forward).message
    assert "raised ValueError (matmul:" in message
    assert f"on line {line_of(mlp_forward, 'x @ W1 + b1')} of its cell: " \
           "`h = np.maximum(x @ W1 + b1, 0)`" in message
    assert "Hint:" not in message or "Traceback" not in message


@pytest.mark.parametrize("loop", ["plain", "swallowing"])
def test_an_endless_loop_is_stopped_with_a_message(loop):
    def softmax(z):
        while True:
            try:
                z = z + 0
            except Exception:
                if loop == "plain":
                    raise
    start = time.monotonic()
    feedback = check_code("5.C1", softmax, time_limit=0.3)
    assert time.monotonic() - start < 2.0
    assert feedback.status == "wrong" and feedback.message.startswith(
        "Stopped: softmax was still running after 0.3 seconds, on a batch of 4 rows")


@pytest.mark.parametrize("returned, sentence", [
    ("text", "p is a piece of text, not an array of numbers"),
    ({"p": 1}, "p is a dict of 1 item, not an array of numbers"),
    ([[1.0, 2.0], [3.0]], "p is a list of 2 items, not an array of numbers"),
    (1 + 2j, "p is a single number, not an array of numbers"),
    (None, "softmax returned None: end it with return p."),
])
def test_a_wrong_type_is_told_so(returned, sentence):
    def softmax(z):
        return returned
    assert sentence in check_code("5.C1", softmax).message


@pytest.mark.parametrize("returned, sentence", [
    (lambda x, W, g: g @ W, "The exercise expects 3 results, (grad_x, grad_W, grad_b); "
                            "linear_backward returned an array of shape (5, 3)."),
    (lambda x, W, g: (g @ W, g.T @ x), "linear_backward returned a tuple of 2 items."),
])
def test_a_wrong_number_of_results_is_told_so(returned, sentence):
    def linear_backward(x, W, grad_out):
        return returned(x, W, grad_out)
    assert sentence in check_code("6.C1", linear_backward).message


def test_a_wrong_shape_is_told_so():
    def softmax(z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return (e / e.sum(axis=1, keepdims=True)).ravel()
    assert ("On a batch of 4 rows of 3 logits it has shape (12,); the engine's has shape (4, 3)."
            in check_code("5.C1", softmax).message)


def test_a_wrong_signature_is_told_so():
    def neuron(x, w):
        return x @ w
    assert check_code("1.C1", neuron).message == (
        "Not yet. The exercise calls neuron(x, w, b), but neuron takes (x, w).")


def test_a_forgotten_return_is_not_taken_for_an_unwritten_function():
    def neuron(x, w, b):
        z = x @ w + b
        1 / (1 + np.exp(-z))
    assert "neuron returned None: end it with return a." in check_code("1.C1", neuron).message


@pytest.mark.parametrize("given, kind", [
    (np.zeros((2, 2)), "an array of shape (2, 2)"), (0.5, "a single number"),
    ("neuron", "a piece of text"), (None, "None"),
])
def test_passing_a_result_instead_of_the_function_is_told_so(given, kind):
    feedback = check_code("1.C1", given)
    assert feedback.status == "invalid"
    assert feedback.message == ('Pass the function itself, as in check_code("1.C1", neuron); '
                                f"you passed {kind}.")


@pytest.mark.parametrize("exercise_id", ["9.C1", "1.1a", "", None, 3, ["1.C1"]])
def test_an_unknown_exercise_is_told_so(exercise_id):
    feedback = check_code(exercise_id, print)
    assert feedback.status == "invalid" and feedback.message.startswith("There is no code exercise")


@pytest.mark.parametrize("time_limit", [0, -1, 601, 1e300, float("nan"), float("inf"), "3", None,
                                        True])
def test_a_bad_time_limit_is_told_so(time_limit):
    assert check_code("1.C1", print, time_limit).message == (
        "time_limit is a number of seconds from 0 to 600, such as 3.")


def test_the_learners_exceptions_even_exits_become_sentences():
    class Broken(Exception):
        def __str__(self):
            raise RuntimeError("no message")

    def raises(error):
        def neuron(x, w, b):
            raise error
        return neuron
    assert "raised SystemExit" in check_code("1.C1", raises(SystemExit(3))).message
    assert "raised Broken on line" in check_code("1.C1", raises(Broken())).message


def test_the_learners_inputs_are_copies():
    def softmax(z):
        z -= z.max(axis=1, keepdims=True)   # in place: harmless to the next cases
        np.exp(z, out=z)
        z /= z.sum(axis=1, keepdims=True)
        return z
    assert check_code("5.C1", softmax).correct


def test_feedback_shows_like_the_answer_widgets():
    right = check_code("6.C1", solution(REGISTRY["6.C1"]))
    assert repr(right).startswith("✔ Right!") and "nnbook-right" in right._repr_html_()
    assert "nnbook-wrong" in check_code("6.C1", linear_backward_transposed)._repr_html_()


RESULTS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5),
                    st.lists(st.floats(), max_size=4), st.tuples(st.integers(), st.text()),
                    st.builds(np.zeros, st.tuples(st.integers(0, 3), st.integers(0, 3))),
                    st.just(np.array([[1.0, np.nan]])), st.just(object()))


@settings(max_examples=150, deadline=None)
@given(exercise_id=st.one_of(st.sampled_from(code_ids()), st.text(max_size=6), st.integers()),
       function=st.one_of(RESULTS, st.functions(returns=RESULTS),
                          st.functions(returns=st.tuples(RESULTS, RESULTS, RESULTS))),
       time_limit=st.one_of(st.just(3.0), st.floats(), st.integers(-1, 2)))
def test_check_code_never_raises(exercise_id, function, time_limit):
    feedback = check_code(exercise_id, function, time_limit)
    assert isinstance(feedback, Feedback) and feedback.message
    assert feedback.status in {"right", "wrong", "invalid"} and not feedback.correct


# The notebooks: each exercise has its statement, starter, check and folded solution -------

@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_the_exercises_notebook_has_the_starter_and_the_check(exercise):
    cells = code_cells(ROOT / "exercises" / f"{exercise.chapter}.ipynb")
    assert exercise.starter.rstrip("\n") in cells
    assert f'show_code("{exercise.id}")' in "\n".join(cells)
    assert f'check_code("{exercise.id}", {exercise.name})' in cells


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_the_solutions_notebook_folds_a_solution_that_passes(exercise):
    path = ROOT / "solutions" / f"{exercise.chapter}.ipynb"
    label = exercise.id.lower().replace(".", "-")
    text = "\n".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"])
    assert f"```{{solution-start}} ex-{label}\n:label: sol-{label}\n:class: dropdown" in text
    assert f'passes_code("{exercise.id}", {exercise.name})' in code_cells(path)
