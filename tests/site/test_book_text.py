"""The built book as a whole: its weight, the words on its pages, its bibliography, and
the font sizes its notebooks draw with."""

import re
from html.parser import HTMLParser

import nbformat
import pytest
from pybtex.database import parse_file

from book import ROOT, toc_docnames

pytestmark = pytest.mark.slow

MB = 1_000_000
# The book stands on its own: it names and cites published works, never "the source".
UNNAMED_SOURCES = re.compile(r"first source|second source|source text|source exercise", re.I)
CITE = re.compile(r"\{cite(?::\w+)?\}`([^`]+)`")
# A font size set in code: fontsize=8, fontsize="small", "font.size": 9, labelsize=7 ...
FONT_SIZE = re.compile(r"""(?:fontsize|labelsize|titlesize|font\.size)["']?\s*[=:]\s*["']?([\w.-]+)""")
RELATIVE_SMALL = {"xx-small", "x-small", "small", "smaller"}


def toc_sources():
    """{docname: path} of every page's source, .md or .ipynb."""
    return {doc: next(ROOT.glob(f"{doc}.*")) for doc in toc_docnames()}


def source_text(path):
    """A page's Markdown: the file itself, or a notebook's Markdown cells."""
    if path.suffix == ".md":
        return path.read_text()
    notebook = nbformat.read(path, as_version=4)
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")


def code_sources():
    """{name: code} of every notebook's code cells and of the engine's modules."""
    sources = {str(path.relative_to(ROOT)): "\n".join(
                   c.source for c in nbformat.read(path, as_version=4).cells
                   if c.cell_type == "code")
               for path in toc_sources().values() if path.suffix == ".ipynb"}
    sources.update({str(path.relative_to(ROOT)): path.read_text()
                    for path in (ROOT / "lib" / "nnbook").rglob("*.py")})
    return sources


class PageText(HTMLParser):
    """The text of a page's article, without scripts and styles."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def test_whole_site_is_at_most_30_mb(site):
    size = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    print(f"site: {size / MB:.1f} MB")
    assert size <= 30 * MB


def test_no_page_speaks_of_an_unnamed_source(site, docname):
    parser = PageText()
    parser.feed((site / f"{docname}.html").read_text())
    found = sorted({m.group(0).lower() for m in UNNAMED_SOURCES.finditer(" ".join(parser.parts))})
    assert found == [], f"{docname} says {found}: name and cite the work instead"


def test_every_reference_is_cited():
    keys = set(parse_file(ROOT / "references.bib").entries)
    cited = {key.strip() for path in toc_sources().values()
             for group in CITE.findall(source_text(path)) for key in group.split(",")}
    assert cited <= keys, f"cited but not in references.bib: {sorted(cited - keys)}"
    assert keys <= cited, f"never cited: {sorted(keys - cited)}"


def test_no_figure_text_below_11_pt():
    small = [f"{name}: {match.group(0)}" for name, code in code_sources().items()
             for match in FONT_SIZE.finditer(code)
             if match.group(1) in RELATIVE_SMALL
             or re.fullmatch(r"\d+(\.\d+)?", match.group(1)) and float(match.group(1)) < 11]
    assert small == [], "font sizes below 11 pt:\n" + "\n".join(small)


class Links(HTMLParser):
    """The targets of a page's links."""

    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and (href := dict(attrs).get("href")):
            self.hrefs.append(href.split("#")[0])


def test_the_intro_links_to_every_chapter(site):
    parser = Links()
    parser.feed((site / "intro.html").read_text().split('<main', 1)[1])
    chapters = [doc for doc in toc_docnames() if doc.startswith("chapters/")]
    assert [f"{doc}.html" for doc in chapters if f"{doc}.html" not in parser.hrefs] == []
