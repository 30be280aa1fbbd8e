"""The exercise registry: answers, hints, friendly bad-input sentences, and coverage of the notebooks."""

import json
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnbook import exercises
from nnbook.exercises import check
from nnbook.exercises import widget
from nnbook.exercises.widget import AnswerBox

ROOT = Path(__file__).resolve().parents[2]
ALL = [exercises.get(i) for i in exercises.ids()]
NUMERIC = [e for e in ALL if e.kind != "choice"]
CHOICE = [e for e in ALL if e.kind == "choice"]


def ids_in_notebook(path):
    """Exercise ids shown with show("...") in the code cells of a notebook."""
    cells = json.loads(path.read_text())["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return re.findall(r'show\("([^"]+)"\)', code)


@pytest.mark.parametrize("exercise", ALL, ids=lambda e: e.id)
def test_the_answer_is_right(exercise):
    feedback = check(exercise.id, exercise.answer)
    assert feedback.correct and feedback.status == "right"


@pytest.mark.parametrize("exercise", NUMERIC, ids=lambda e: e.id)
def test_the_answer_typed_as_text_is_right(exercise):
    text = str(list(exercise.answer)) if exercise.kind == "vector" else repr(exercise.answer)
    assert check(exercise.id, text).correct


@pytest.mark.parametrize("exercise", NUMERIC, ids=lambda e: e.id)
def test_every_listed_mistake_gets_its_hint(exercise):
    assert exercise.mistakes, f"{exercise.id} lists no likely mistake"
    for mistake in exercise.mistakes:
        assert not exercise.matches(mistake.answer, exercise.answer), "a mistake equals the answer"
        feedback = check(exercise.id, mistake.answer)
        assert not feedback.correct and feedback.status == "wrong"
        assert mistake.hint in feedback.message


@pytest.mark.parametrize("exercise", NUMERIC, ids=lambda e: e.id)
def test_mistakes_are_told_apart(exercise):
    answers = [exercise.answer] + [m.answer for m in exercise.mistakes]
    for i, a in enumerate(answers):
        for b in answers[i + 1:]:
            assert not exercise.matches(a, b), f"{exercise.id}: two answers within tolerance"


@pytest.mark.parametrize("exercise", NUMERIC, ids=lambda e: e.id)
def test_an_unlisted_wrong_answer_gets_the_general_hint(exercise):
    far = np.asarray(exercise.answer, float) + 1234.5
    feedback = check(exercise.id, far.tolist() if exercise.kind == "vector" else float(far))
    assert feedback.status == "wrong" and exercise.hint in feedback.message


@pytest.mark.parametrize("exercise", CHOICE, ids=lambda e: e.id)
def test_every_option_explains_itself(exercise):
    assert len(exercise.choices) >= 3
    for letter, choice in exercise.choices.items():
        feedback = check(exercise.id, letter.upper())
        assert feedback.correct == (letter == exercise.answer)
        assert choice.explanation in feedback.message


NUMBER = exercises.ids()[0]
VECTOR = next(e.id for e in ALL if e.kind == "vector")
LETTER = CHOICE[0].id


@pytest.mark.parametrize("exercise_id, answer, sentence", [
    (NUMBER, None, "Type an answer first"),
    (NUMBER, float("nan"), "“nan” is infinite, NaN or too large for a float"),
    (NUMBER, float("-inf"), "“-inf” is infinite"),
    (NUMBER, 10 ** 309, "Your number is infinite, NaN or too large for a float"),
    (NUMBER, -10 ** 5000, "Your number is infinite"),
    (NUMBER, [1.0, 2.0], "Expected a single number; you gave 2 numbers"),
    (NUMBER, True, "The checker cannot read the truth value True as a number"),
    (NUMBER, {"a": 1}, "The checker cannot read a dict of 1 item as a number"),
    (NUMBER, sum, "The checker cannot read a function as a number"),
    (NUMBER, lambda x: x, "The checker cannot read a function as a number"),
    (NUMBER, 1 + 2j, "The checker cannot read a complex number as a number"),
    (NUMBER, {1, 2}, "a set of 2 items"),
    (NUMBER, object(), "an object of type object"),
    (NUMBER, np.array("x"), "The checker cannot read “x” as a number"),
    (NUMBER, "x" * 10 ** 6, "“" + "x" * 59 + "…”"),
    (VECTOR, [1.0], "Expected 2 numbers, like [1, 2]; you gave 1 number"),
    (VECTOR, np.zeros(3), "you gave 3 numbers"),
    (VECTOR, np.zeros((3, 2)), "you gave 6 numbers (an array of shape (3, 2))"),
    (VECTOR, [1.0, "x"], "The checker cannot read “x” as a number"),
    (VECTOR, [1.0, float("nan")], "“nan” is infinite"),
    (LETTER, "Z", "Answer with one of the letters A, B, C, D"),
    (LETTER, 2, "Answer with one of the letters"),
    (LETTER, "", "Type an answer first: one of the letters"),
    ("9.99", 1.0, "There is no exercise “9.99”"),
    ("x" * 1000, 1.0, "There is no exercise “" + "x" * 59 + "…”"),
    (None, 1.0, "There is no exercise None"),
], ids=lambda value: type(value).__name__)
def test_bad_input_gets_one_friendly_sentence(exercise_id, answer, sentence):
    feedback = check(exercise_id, answer)
    assert not feedback.correct and feedback.status == "invalid"
    assert sentence in feedback.message and "Traceback" not in feedback.message
    assert len(feedback.message) < 400


def test_a_list_that_contains_itself_gets_a_sentence():
    loop = []
    loop.append(loop)
    assert "nested too deeply" in check(NUMBER, loop).message


@pytest.mark.parametrize("shape", [(2, 1), (1, 2), (1, 1, 2)])
def test_a_right_vector_in_any_shape_of_its_size_is_right(shape):
    answer = np.reshape(exercises.get(VECTOR).answer, shape)
    assert check(VECTOR, answer).correct
    assert check(VECTOR, answer.tolist()).correct


def test_a_right_number_in_an_array_is_right():
    answer = exercises.get(NUMBER).answer
    for given in (np.float32(answer), np.array(answer), np.array([[answer]]), [answer]):
        assert check(NUMBER, given).correct


@pytest.mark.parametrize("exercise", NUMERIC, ids=lambda e: e.id)
def test_every_numeric_prompt_says_the_precision(exercise):
    assert exercise.precision in exercise.statement
    assert re.fullmatch(r"the exact value|\d+ (significant figures|decimals)", exercise.precision)


@pytest.mark.parametrize("exercise", [e for e in NUMERIC if not e.whole], ids=lambda e: e.id)
def test_an_answer_with_too_few_digits_is_told_so(exercise):
    """Five tolerances off (a rounded answer) is close; listed mistakes keep their hints."""
    target = np.asarray(exercise.answer, float)
    nearby = target + 5 * np.maximum(exercise.atol, exercise.rtol * np.abs(target))
    feedback = check(exercise.id, nearby.tolist())
    assert feedback.status == "wrong"
    mistake = next((m for m in exercise.mistakes if exercise.matches(nearby, m.answer)), None)
    if mistake is not None:          # a listed mistake lies there: its hint comes first
        assert mistake.hint in feedback.message
    else:
        assert feedback.message.startswith("Close: right idea")
        assert exercise.precision in feedback.message


@pytest.mark.parametrize("exercise", [e for e in NUMERIC if e.whole], ids=lambda e: e.id)
def test_a_whole_number_answer_is_never_close(exercise):
    target = np.asarray(exercise.answer, float)
    nearby = target + 5 * np.maximum(exercise.atol, exercise.rtol * np.abs(target))
    assert not check(exercise.id, nearby.tolist()).message.startswith("Close")


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_check_never_raises_on_any_text(text):
    for exercise_id in (NUMBER, VECTOR, LETTER):
        assert check(exercise_id, text).status in {"right", "wrong", "invalid"}


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5)
                    | st.complex_numbers(), lambda inner: st.lists(inner) | st.tuples(inner)
                    | st.dictionaries(st.text(max_size=3), inner), max_leaves=12))
@settings(max_examples=300, deadline=None)
def test_check_never_raises_on_any_value(value):
    for exercise_id in (NUMBER, VECTOR, LETTER):
        assert check(exercise_id, value).status in {"right", "wrong", "invalid"}


def test_feedback_shows_nicely_in_a_notebook():
    right = check(NUMBER, exercises.get(NUMBER).answer)
    assert "✔" in repr(right) and "nnbook-right" in right._repr_html_()
    assert "nnbook-invalid" in check(NUMBER, "x")._repr_html_()


def test_answer_box_carries_widget_and_page_checker():
    bundle = AnswerBox(VECTOR)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    spec = re.search(r'data-exercise="([^"]+)"', bundle["text/html"]).group(1)
    data = json.loads(spec.replace("&quot;", '"').replace("&#x27;", "'").replace("&amp;", "&")
                      .replace("&lt;", "<").replace("&gt;", ">"))
    assert data["answer"] == list(exercises.get(VECTOR).answer)


def test_answer_box_check_button_gives_feedback():
    box = AnswerBox(NUMBER)
    (answer, button), feedback = box.widget.children[0].children, box.widget.children[1]
    answer.value = str(exercises.get(NUMBER).answer)
    button.click()
    assert "✔" in feedback.value
    answer.value = "oops"
    button.click()
    assert "cannot read “oops” as a number" in feedback.value


def test_answer_box_replaces_its_verdict_when_checking_fails(monkeypatch):
    box = AnswerBox(NUMBER)
    (answer, button), feedback = box.widget.children[0].children, box.widget.children[1]
    answer.value = str(exercises.get(NUMBER).answer)
    button.click()
    assert "✔" in feedback.value

    def broken(*_):
        raise OverflowError("int too large")

    monkeypatch.setattr(widget, "check", broken)
    answer.value = "1" * 400
    assert "✔" not in feedback.value and "could not be checked (OverflowError)" in feedback.value


def test_the_setup_is_shown_once_above_the_first_part():
    for exercise in ALL:
        first = next(e for e in ALL if e.number == exercise.number)
        assert widget.setup_of(exercise.id) == (exercise.setup if exercise is first else "")
        assert not exercise.setup or exercise.setup not in exercise.prompt


def test_no_reader_facing_text_names_an_unnamed_source():
    for exercise in ALL:
        texts = [exercise.prompt, exercise.setup, exercise.hint, exercise.source, exercise.title,
                 *(m.hint for m in exercise.mistakes),
                 *(t for c in exercise.choices.values() for t in (c.text, c.explanation))]
        for text in texts:
            assert not re.search(r"first source|second source|source text|source exercise|"
                                 r"fan\\_", text), (exercise.id, text)


def test_registry_and_exercise_notebooks_cover_each_other():
    shown = {}
    for path in sorted((ROOT / "exercises").glob("*.ipynb")):
        for exercise_id in ids_in_notebook(path):
            assert exercise_id not in shown, f"{exercise_id} shown twice"
            shown[exercise_id] = path.stem
    assert set(shown) == set(exercises.ids()), "registry and notebooks disagree"
    for exercise_id, chapter in shown.items():
        assert exercises.get(exercise_id).chapter == chapter


def test_every_exercise_has_a_solution_that_checks_it():
    for path in sorted((ROOT / "solutions").glob("*.ipynb")):
        cells = json.loads(path.read_text())["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        solved = set(re.findall(r'passes\("([^"]+)"', code))
        assert solved == set(exercises.ids(path.stem)), f"{path.name} misses solutions"
