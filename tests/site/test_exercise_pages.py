"""The exercises on the built site check answers in the page itself, with no kernel,
and give the same verdicts as nnbook.exercises.check."""

import json
import re
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


COLORS = """
const rgba = text => {
  const v = text.match(/[\\d.]+/g).map(Number);
  return v.length === 3 ? [...v, 1] : v;
};
const over = (top, below) => top.slice(0, 3).map((c, i) => c * top[3] + below[i] * (1 - top[3]));
// The color an element is painted on: its own and its ancestors' backgrounds, composited.
const backdrop = element => {
  const layers = [];
  for (let e = element; e; e = e.parentElement) {
    layers.push(rgba(getComputedStyle(e).backgroundColor));
    if (layers.at(-1)[3] === 1) break;
  }
  return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255]);
};
const luminance = c => { const [r, g, b] = c.map(v => { v /= 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
"""


def contrast(page, selector):
    """The WCAG contrast ratio of an element's text against what it is painted on."""
    return page.evaluate(f"""selector => {{ {COLORS}
        const element = document.querySelector(selector);
        const back = backdrop(element);
        const front = over(rgba(getComputedStyle(element).color), back);
        const [a, b] = [luminance(front), luminance(back)].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);
    }}""", selector)


def backdrops(page, selector):
    """The colors behind an element and behind the exercise box it is in, rounded."""
    return page.evaluate(f"""selector => {{ {COLORS}
        const element = document.querySelector(selector);
        return [element, element.closest(".admonition")].map(e => backdrop(e).map(Math.round));
    }}""", selector)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_feedback_and_buttons_are_readable_in_both_themes(exercise_page, theme):
    exercise = next(exercises.get(i) for i in exercises.ids() if exercises.get(i).mistakes)
    page = exercise_page(exercise.chapter)
    page.evaluate("theme => document.documentElement.dataset.theme = theme", theme)
    selector = f".nnbook-check:has(input[aria-label='Answer to exercise {exercise.id}'])"
    box = page.locator(selector)
    for status, answer in (("right", as_text(exercise.answer)),
                           ("wrong", as_text(exercise.mistakes[0].answer)), ("invalid", "x")):
        box.locator("input[type=text]").fill(answer)
        box.locator("button").click()
        assert contrast(page, f"{selector} .nnbook-{status}") >= 4.5, (theme, status)
    assert contrast(page, f"{selector} button") >= 4.5, theme
    behind_checker, behind_box = backdrops(page, f"{selector} .nnbook-feedback")
    assert behind_checker == behind_box, "the checker sits on a slab of its own"



@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_solutions_verdict_is_readable_in_both_themes(offline_page, theme):
    page = offline_page
    page.open("solutions/03-mlp")
    page.evaluate("theme => document.documentElement.dataset.theme = theme", theme)
    page.get_by_role("button", name="Show the solution to Exercise 3.1", exact=True).click()
    verdict = "#sol-3-1 .nnbook-feedback.nnbook-right"     # the output of passes("3.1a", ...)
    assert contrast(page, verdict) >= 4.5, theme
    behind_verdict, behind_box = backdrops(page, verdict)
    assert behind_verdict == behind_box, "the verdict sits on a slab of its own"

def number_of(exercise_id):
    """'3.1a' -> '3.1': the number of the exercise a part belongs to."""
    return re.match(r"\d+\.\d+", exercise_id)[0]


def titles(page, kind):
    """The titles of the page's exercise or solution boxes, as a reader sees them."""
    return [text.strip() for text in page.locator(
        f"div.admonition.{kind} > .admonition-title").all_inner_texts()]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_exercise_and_solution_titles_carry_their_numbers(exercise_page, chapter):
    page = exercise_page(chapter)
    exercise_titles = titles(page, "exercise")
    numbered = [re.fullmatch(r"Exercise (\d+\.\w+): [A-Z]\S* .*", title)
                for title in exercise_titles]
    assert all(numbered), exercise_titles
    numbers = [title[1] for title in numbered]
    assert numbers[0].startswith(str(int(chapter[:2])) + ".") and len(set(numbers)) == len(numbers)
    assert {number_of(i) for i in exercises.ids(chapter)} <= set(numbers)

    page.open(f"solutions/{chapter}")
    assert titles(page, "solution") == [f"Solution to {title}" for title in exercise_titles]
    assert page.locator("div.admonition.solution > .admonition-title a").count() == 0


def test_solution_toggles_say_which_solution_they_open(offline_page):
    page = offline_page
    page.open("solutions/03-mlp")
    buttons = page.locator("div.solution .toggle-button")
    assert buttons.count() >= 6
    names = [buttons.nth(i).get_attribute("aria-label") for i in range(buttons.count())]
    expected = [re.sub(r"^Solution to (Exercise \S+):.*", r"Show the solution to \1", title)
                for title in titles(page, "solution")]
    assert names == expected
    hints = {buttons.nth(i).get_attribute("data-toggle-hint") for i in range(buttons.count())}
    assert hints == {"Show"}, "the name starts with the hint a reader sees beside the button"

    def button(action):
        return page.get_by_role("button", name=f"{action} the solution to Exercise 3.2",
                                exact=True)

    content = page.locator("#sol-3-2 > section")
    assert button("Show").get_attribute("aria-expanded") == "false" and not content.is_visible()
    button("Show").click()
    assert content.is_visible() and button("Hide").get_attribute("aria-expanded") == "true"
    button("Hide").click()
    assert not content.is_visible() and button("Show").get_attribute("aria-expanded") == "false"

    number = page.locator("#sol-3-2 .nnbook-exercise-number").bounding_box()
    page.mouse.click(number["x"] + 5, number["y"] + 5)  # a reader clicks the title's text
    assert content.is_visible() and page.errors == []
