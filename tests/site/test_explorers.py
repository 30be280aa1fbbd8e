"""Every chapter's explorer moves on the static page, offline and with no kernel: its
sliders are focusable range inputs, the mouse and the arrow keys change the frame, and
the readout shown at two settings is the callback's own value, as the chapter's check
cell computed and glued it (`chN_explorer_readouts`)."""

import re
import sys

import nbformat
import pytest

from book import ROOT, toc_docnames

sys.path.insert(0, str(ROOT / "tools"))
from prose_numbers import glued_values  # noqa: E402

pytestmark = pytest.mark.slow
CHAPTERS = [name for name in toc_docnames() if name.startswith("chapters/")]
FRAME_BUDGET = 1.5e6   # bytes of frames per page


def glued_readouts(chapter):
    """{"name=value": readout} that the chapter's check cell glued."""
    values = glued_values(nbformat.read(ROOT / f"{chapter}.ipynb", as_version=4))
    readouts = {}
    for name, value in values.items():
        if name.endswith("_explorer_readouts"):
            readouts.update(value)
    return readouts


def frame_state(explorer):
    return explorer.evaluate("""e => [e.querySelector('.nnbook-explorer-frame').src,
                                      e.querySelector('.nnbook-explorer-readout').textContent]""")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_explorer_moves_with_mouse_and_keys(offline_page, chapter):
    page = offline_page
    page.open(chapter)
    explorer = page.locator(".nnbook-explorer").first
    assert explorer.count() == 1, "no explorer on the page"
    slider = explorer.locator("input[type=range]").first
    slider.focus()
    assert slider.evaluate("s => document.activeElement === s")
    start = frame_state(explorer)
    at_end = slider.evaluate("s => s.value === s.max")
    slider.press("ArrowLeft" if at_end else "ArrowRight")
    assert frame_state(explorer) != start, "the arrow key did not change the frame"
    box = slider.bounding_box()
    page.mouse.click(box["x"] + 2, box["y"] + box["height"] / 2)       # the far left end
    assert slider.evaluate("s => s.value") == "0"
    assert frame_state(explorer)[1] == explorer.evaluate(
        "e => JSON.parse(e.querySelector('.nnbook-explorer-data').textContent)"
        f"[{slider.get_attribute('data-sweep')!r}].readouts[0]")
    assert page.errors == [] and page.failed == []


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_explorer_shows_the_callbacks_values(offline_page, chapter):
    expected = glued_readouts(chapter)
    assert len(expected) >= 2, f"{chapter} glues no {{name=value: readout}} explorer check"
    page = offline_page
    page.open(chapter)
    for setting, readout in expected.items():
        name, value = setting.split("=")
        explorer = page.locator(
            ".nnbook-explorer", has=page.locator(f"input[data-sweep='{name}']")).first
        slider = explorer.locator(f"input[data-sweep='{name}']")
        values = explorer.evaluate("e => JSON.parse(e.querySelector("
                                   "'.nnbook-explorer-data').textContent)"
                                   f"[{name!r}].values")
        index = [float(v) for v in values].index(float(value))
        slider.focus()
        slider.press("Home")
        for _ in range(index):
            slider.press("ArrowRight")
        assert explorer.locator(".nnbook-explorer-readout").inner_text() == readout


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_explorer_frames_are_files_within_the_page_budget(site, chapter):
    """Frames are files (_ext/lean_images.py), fetched when a slider is first touched."""
    html = (site / f"{chapter}.html").read_text()
    assert "data:image" not in html, "frames embedded in the page"
    frames = set(re.findall(r'"(\.\./_images/frame-[0-9a-f]+\.png)"', html))
    assert frames, "no explorer frames"
    size = sum((site / "chapters" / frame).stat().st_size for frame in frames)
    assert size <= FRAME_BUDGET, f"{size / 1e6:.2f} MB of frames"
