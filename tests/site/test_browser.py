"""Every page of the built site, read in headless Chromium with no network but localhost."""

import pytest

pytestmark = pytest.mark.slow


def test_page_reads_offline(offline_page, docname, screenshot):
    page = offline_page
    page.open(docname)
    page.typeset()
    screenshot(page, docname)

    assert page.locator(".math:not(:has(mjx-container))").count() == 0, "math left untypeset"
    text = page.evaluate("() => document.body.innerText")
    assert "\\(" not in text and "$$" not in text, "raw TeX on the page"
    assert page.locator(".output.stderr, .output.traceback").count() == 0, "error output"
    assert page.external == [], "requests left the site"
    assert page.failed == [] and page.errors == []


def test_intro_math_is_typeset(offline_page):
    offline_page.open("intro")
    offline_page.typeset()
    assert offline_page.locator("mjx-container").count() > 0


def test_neuron_chapter_shows_its_figure(offline_page):
    page = offline_page
    page.open("chapters/01-neuron")
    figures = page.locator(".cell_output img")
    assert figures.count() > 0
    for i in range(figures.count()):
        assert figures.nth(i).evaluate("img => img.complete && img.naturalWidth > 0")


def test_neuron_chapter_shows_its_worked_numbers(offline_page):
    page = offline_page
    page.open("chapters/01-neuron")
    text = page.evaluate("() => document.querySelector('main').innerText")
    assert "-0.5" in text and "0.3775" in text               # z = -0.5, then sigmoid(z)
