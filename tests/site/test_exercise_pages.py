"""The exercises on the built site check answers in the page itself, with no kernel,
and give the same verdicts as nnbook.exercises.check."""

import json
from pathlib import Path

import pytest

from nnbook import exercises
from nnbook.exercises import check

pytestmark = pytest.mark.slow
CHAPTERS = sorted({exercises.get(i).chapter for i in exercises.ids()})
GRAMMAR = json.loads((Path(__file__).parents[1] / "exercises" / "answers.json").read_text())
CASES = GRAMMAR["cases"]
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
    assert "cannot read “twelve” as a number" in feedback.inner_text()


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


def test_page_and_python_agree_on_every_input_of_the_grammar_file(exercise_page):
    """Every input of tests/exercises/answers.json, checked in the page with the spec the
    page itself carries, gets Python's verdict, word for word, and the file's outcome."""
    agree = 0
    for chapter in sorted({exercises.get(case["exercise"]).chapter for case in CASES}):
        page = exercise_page(chapter)
        specs = {spec["id"]: spec for spec in page.evaluate(
            """() => Array.from(document.querySelectorAll('.nnbook-check'),
                                box => JSON.parse(box.dataset.exercise))""")}
        for case in (c for c in CASES if exercises.get(c["exercise"]).chapter == chapter):
            status, message = page.evaluate("([spec, raw]) => nnbookVerdict(spec, raw)",
                                            [specs[case["exercise"]], case["input"]])
            expected = check(case["exercise"], case["input"])
            assert (status, message) == (expected.status, expected.message), case
            assert status == case["status"] and case["says"] in message, case
            agree += 1
    assert agree == len(CASES)


def contrast(page, selector, property_name):
    """The WCAG contrast ratio of an element's colour against the page's background."""
    return page.evaluate("""([selector, property]) => {
        const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const lum = c => { const [r, g, b] = c.map(v => { v /= 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const element = document.querySelector(selector);
        const style = getComputedStyle(element);
        const front = rgb(style[property]);
        const back = property === "color" && style.backgroundColor.startsWith("rgb(")
            ? rgb(style.backgroundColor)
            : rgb(getComputedStyle(document.body).backgroundColor);
        const [a, b] = [lum(front), lum(back)].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);
    }""", [selector, property_name])


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_feedback_and_buttons_are_readable_in_both_themes(exercise_page, theme):
    exercise = next(exercises.get(i) for i in exercises.ids() if exercises.get(i).mistakes)
    page = exercise_page(exercise.chapter)
    page.evaluate("theme => document.documentElement.dataset.theme = theme", theme)
    box = page.locator(".nnbook-check").filter(
        has=page.locator(f"input[aria-label='Answer to exercise {exercise.id}']"))
    box.locator("input[type=text]").fill(as_text(exercise.answer))
    box.locator("button").click()
    selector = f".nnbook-check:has(input[aria-label='Answer to exercise {exercise.id}'])"
    for status, answer in (("right", as_text(exercise.answer)),
                           ("wrong", as_text(exercise.mistakes[0].answer)), ("invalid", "x")):
        box.locator("input[type=text]").fill(answer)
        box.locator("button").click()
        assert contrast(page, f"{selector} .nnbook-{status}", "color") >= 4.5, (theme, status)
    button = f"{selector} button"
    text_on_button = page.evaluate("""s => { const b = getComputedStyle(document.querySelector(s));
                                             return [b.color, b.backgroundColor]; }""", button)
    assert text_on_button[0] != text_on_button[1]
    assert contrast(page, button, "color") >= 4.5, theme
    background = page.evaluate(f"""() => getComputedStyle(
        document.querySelector("{selector}")).backgroundColor""")
    assert background in ("rgba(0, 0, 0, 0)", "transparent"), "the checker sits on a slab"
