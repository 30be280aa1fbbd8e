"""The exercise registry: answers, hints, friendly bad-input sentences, and coverage of the notebooks."""

import json
import re
from pathlib import Path

import numpy as np
import pytest

from nnbook import exercises
from nnbook.exercises import check
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
    (NUMBER, "   ", "Type an answer first"),
    (NUMBER, "seven", "“seven” is not a number"),
    (NUMBER, float("nan"), "is NaN, which is not a finite number"),
    (NUMBER, "inf", "is inf, which is not a finite number"),
    (NUMBER, float("-inf"), "is -inf, which is not a finite number"),
    (NUMBER, [1.0, 2.0], "Expected a single number; you gave 2 numbers"),
    (NUMBER, True, "is not a number"),
    (NUMBER, {"a": 1}, "is not a number"),
    (VECTOR, [1.0], "Expected 2 numbers, like [1, 2]; you gave 1 number"),
    (VECTOR, np.zeros(3), "you gave 3 numbers"),
    (VECTOR, [1.0, "x"], "is not a number"),
    (VECTOR, [1.0, float("nan")], "is NaN"),
    (LETTER, "Z", "Answer with one of the letters A, B, C, D"),
    (LETTER, 2, "Answer with one of the letters"),
    (LETTER, "", "Type an answer first: one of the letters"),
    ("9.99", 1.0, "There is no exercise “9.99”"),
    (None, 1.0, "There is no exercise “None”"),
])
def test_bad_input_gets_one_friendly_sentence(exercise_id, answer, sentence):
    feedback = check(exercise_id, answer)
    assert not feedback.correct and feedback.status == "invalid"
    assert sentence in feedback.message and "Traceback" not in feedback.message


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
    assert "is not a number" in feedback.value


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
