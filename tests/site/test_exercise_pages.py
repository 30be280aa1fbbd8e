"""The exercises on the built site check answers in the page itself, with no kernel,
and give the same verdicts as nnbook.exercises.check."""

import json

import pytest

from nnbook import exercises
from nnbook.exercises import check

pytestmark = pytest.mark.slow
CHAPTERS = sorted({exercises.get(i).chapter for i in exercises.ids()})
BAD_INPUTS = ["", "   ", "seven", "nan", "inf", "[1, 2, 3, 4, 5]", "Z"]


def as_text(value):
    return json.dumps(list(value)) if isinstance(value, tuple) else str(value)


def answers_to_try(exercise):
    """The right answer, every listed mistake, and bad inputs, as a learner would type them."""
    if exercise.kind == "choice":
        return list(exercise.choices) + BAD_INPUTS
    return [as_text(exercise.answer), *(as_text(m.answer) for m in exercise.mistakes),
            as_text(1234.5), *BAD_INPUTS]


@pytest.fixture
def exercise_page(offline_page):
    def open_chapter(chapter):
        offline_page.open(f"exercises/{chapter}")
        offline_page.wait_for_selector(".nnbook-check form")
        return offline_page
    return open_chapter


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_page_and_python_give_the_same_verdicts(exercise_page, chapter):
    page = exercise_page(chapter)
    specs = page.evaluate("""() => Array.from(document.querySelectorAll('.nnbook-check'),
                                              box => JSON.parse(box.dataset.exercise))""")
    assert sorted(spec["id"] for spec in specs) == sorted(exercises.ids(chapter))
    for spec in specs:
        exercise = exercises.get(spec["id"])
        for raw in answers_to_try(exercise):
            status, message = page.evaluate("([spec, raw]) => nnbookVerdict(spec, raw)",
                                            [spec, raw])
            expected = check(exercise.id, raw)
            assert (status, message) == (expected.status, expected.message), (exercise.id, raw)


def test_a_learner_checks_answers_in_the_page(exercise_page):
    exercise = next(exercises.get(i) for i in exercises.ids() if exercises.get(i).mistakes)
    page = exercise_page(exercise.chapter)
    box = page.locator(".nnbook-check").filter(
        has=page.locator(f"input[aria-label='Answer to exercise {exercise.id}']"))
    answer, feedback = box.locator("input[type=text]"), box.locator(".nnbook-feedback")

    answer.fill(as_text(exercise.answer))
    box.locator("button").click()
    assert feedback.inner_text() == "✔ Right!"

    mistake = exercise.mistakes[0]
    answer.fill(as_text(mistake.answer))
    answer.press("Enter")
    assert mistake.hint in feedback.inner_text() and feedback.inner_text().startswith("✘")

    answer.fill("twelve")
    box.locator("button").click()
    assert "is not a number" in feedback.inner_text()


def test_a_learner_picks_a_choice_in_the_page(exercise_page):
    exercise = next(exercises.get(i) for i in exercises.ids() if exercises.get(i).kind == "choice")
    page = exercise_page(exercise.chapter)
    box = page.locator(".nnbook-check").filter(
        has=page.locator(f"input[name='answer-{exercise.id}']"))
    wrong = next(letter for letter in exercise.choices if letter != exercise.answer)
    box.locator(f"input[value='{wrong}']").check()
    box.locator("button").click()
    assert exercise.choices[wrong].explanation in box.locator(".nnbook-feedback").inner_text()
    box.locator(f"input[value='{exercise.answer}']").check()
    box.locator("button").click()
    assert box.locator(".nnbook-feedback").inner_text().startswith("✔ Right!")
