"""Every page as a reader sees it, in Chromium, offline: at a laptop's 1366 px and a
phone's 390 px, in light and dark mode.

One visit per page, width and mode (`reader_view` in conftest.py) measures everything
and takes a full-page screenshot into tests/artifacts/reader_view/; each test below
checks one target of the reader's edition on those measurements.
"""

import io
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from PIL import Image

from book import toc_docnames

pytestmark = pytest.mark.slow

CHAPTERS = [doc for doc in toc_docnames() if doc.startswith("chapters/")]
MB = 1_000_000


def test_no_console_error(reader_view, docname):
    view = reader_view(docname)
    assert view["errors"] == [], view["errors"]
    assert view["failed"] == [] and view["external"] == []


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_first_visit_to_a_chapter_is_light(reader_view, chapter):
    view = reader_view(chapter)
    print(f"{chapter}: {view['transfer'] / MB:.2f} MB on first visit")
    assert view["transfer"] <= 3 * MB
    # The time to typeset math is measured by tests/benchmarks/page_speed.py (make bench):
    # a time varies with the machine's load, so it is printed there, not asserted here.


def test_no_visible_check_code(reader_view, docname):
    code = reader_view(docname)["code"]
    print(f"{docname}: {code['visible']} visible code lines")
    assert code["checks"] == [], f"visible lines with assert or glue(: {code['checks']}"


def test_visible_code_lines_per_chapter(reader_view):
    """Prints the visible code lines per chapter; the target is 40% fewer than 3,294."""
    counts = {chapter: reader_view(chapter)["code"]["visible"] for chapter in CHAPTERS}
    for chapter, count in counts.items():
        print(f"{chapter}: {count} visible code lines")
    print(f"total: {sum(counts.values())}")
    assert sum(counts.values()) <= 0.6 * 3294


def test_display_equations_fit_the_column(reader_view, docname):
    wide = reader_view(docname)["equations"]["wide"]
    assert wide == [], f"equations wider than the text column at 1366 px: {wide}"


def test_wide_content_scrolls_in_its_own_box_on_a_phone(reader_view, docname):
    view = reader_view(docname, width=390)
    assert view["column_overflow"] <= 1, "the text column itself scrolls sideways"
    cut = [box for box in view["equations"]["boxes"] + view["tables"]
           if box["wide"] and not (box["scrolls"] and box["cue"])]
    assert cut == [], f"wide equations or tables without a scroll box and cue: {cut}"


def test_no_raw_escaped_underscore(reader_view, docname):
    assert reader_view(docname)["raw_underscores"] == []


def png_dpi(site, src):
    """The dpi stored in a PNG's pHYs chunk (72 if it has none)."""
    path = site / unquote(urlparse(src).path).lstrip("/")
    with Image.open(path) as image:
        return image.info.get("dpi", (72, 72))[0]


def test_figures_have_numbers_captions_and_alt_text(reader_view, docname):
    for figure in reader_view(docname)["figures"]:
        name = Path(urlparse(figure["src"]).path).name
        assert figure["number"], f"{name}: no figure number"
        assert len(figure["caption"]) > 20, f"{name}: no caption"
        alt = figure["alt"]
        assert len(alt.split()) >= 4 and not alt.endswith((".png", ".svg", ".jpg")), \
            f"{name}: alt text {alt!r} does not describe the figure"


@pytest.mark.parametrize("width, smallest", [(1366, 11), (390, 8)])
def test_figure_text_is_readable(reader_view, site, docname, width, smallest):
    """11 pt text in a figure renders at least `smallest` px tall, and figures are sharp."""
    for figure in reader_view(docname, width=width)["figures"]:
        dpi = png_dpi(site, figure["src"])
        name = Path(urlparse(figure["src"]).path).name
        assert dpi >= 150, f"{name}: {dpi} dpi"
        text = 11 * figure["shown"] / figure["natural"] * dpi / 72
        assert text >= smallest, f"{name}: 11 pt text is {text:.1f} px at {width} px"


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_no_serious_accessibility_violation(reader_view, docname, mode):
    serious = [v for v in reader_view(docname, mode=mode)["axe"]
               if v["impact"] in ("serious", "critical")]
    assert serious == [], serious


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("width", [1366, 390])
def test_screenshot(reader_view, docname, width, mode):
    """Every page at both widths in both modes lands in tests/artifacts/reader_view/."""
    assert reader_view(docname, width=width, mode=mode)["screenshot"].is_file()
