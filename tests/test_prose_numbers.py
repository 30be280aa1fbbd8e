"""Every number written in the prose is the number the code computed (tools/prose_numbers.py).

nbval checks that each notebook's stored glue outputs are what a fresh run computes;
this test checks that the Markdown shows exactly those values, in the marker's format.
"""

import sys

import nbformat
import pytest

from book import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from prose_numbers import MARKER, ROLE, formatted, glued_values  # noqa: E402

NOTEBOOKS = sorted([*ROOT.glob("chapters/*.ipynb"), *ROOT.glob("exercises/*.ipynb"),
                    *ROOT.glob("solutions/*.ipynb"), ROOT / "capstone.ipynb"])


def book_values():
    """Glued values of every notebook: a marker may name another notebook's value."""
    return {name: value for path in NOTEBOOKS
            for name, value in glued_values(nbformat.read(path, as_version=4)).items()}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_prose_shows_the_computed_numbers(path):
    notebook = nbformat.read(path, as_version=4)
    values = {**book_values(), **glued_values(notebook)}
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        assert not ROLE.search(cell.source), "a {glue:text} role shows raw in JupyterLab"
        start = 0
        for marker in MARKER.finditer(cell.source):
            name, spec = marker["name"], marker["spec"] or ""
            assert name in values, f"{name} is not glued by any notebook"
            before = cell.source[start:marker.start()]
            position = 0
            for text in formatted(values[name], spec):
                found = before.find(text, position)
                assert found >= 0, (f"the prose before <!-- glue {name}:{spec} --> should "
                                    f"show {text!r}; it says …{before[-120:]!r}")
                position = found + len(text)
            start = marker.end()
