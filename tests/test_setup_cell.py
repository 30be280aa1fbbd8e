"""Every notebook opens with the set-up cell, which tells a reader without the engine
exactly how to install it (tools/setup_cell.py)."""

import subprocess
import sys
import types

import nbformat
import pytest

from book import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import setup_cell  # noqa: E402

NOTEBOOKS = sorted([*ROOT.glob("chapters/*.ipynb"), *ROOT.glob("exercises/*.ipynb"),
                    *ROOT.glob("solutions/*.ipynb"), ROOT / "capstone.ipynb"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_first_code_cell_is_the_current_setup_cell(path):
    notebook = nbformat.read(path, as_version=4)
    first_code = next(cell for cell in notebook.cells if cell.cell_type == "code")
    assert first_code.source == setup_cell.cell_source(setup_cell.repository_url()), (
        f"run: python tools/setup_cell.py {path.relative_to(ROOT)}")
    assert "remove-cell" in first_code.metadata["tags"]


def test_without_the_engine_the_cell_prints_the_install_line(tmp_path):
    script = tmp_path / "setup.py"
    script.write_text(setup_cell.cell_source())
    # -S: no site-packages, so the engine (and everything else installed) is hidden.
    run = subprocess.run([sys.executable, "-S", script], capture_output=True, text=True)
    assert run.returncode != 0, "the notebook must stop at the set-up cell"
    assert f"pip install {setup_cell.wheel_name()} -r nnbook-requirements.txt" in run.stdout
    assert "ModuleNotFoundError" in run.stderr


def test_with_the_engine_the_cell_does_nothing(capsys):
    exec(setup_cell.cell_source(), {})
    assert capsys.readouterr().out == ""


def test_on_colab_the_cell_installs_the_engine_from_the_repository(monkeypatch):
    calls = []
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    monkeypatch.setattr("subprocess.run", lambda args, **kw: calls.append(args))
    exec(setup_cell.cell_source("https://example.org/book.git"), {})
    assert calls and "nnbook @ git+https://example.org/book.git#subdirectory=lib" in calls[0]


def test_requirements_pin_what_the_notebooks_need():
    lines = setup_cell.notebook_requirements().splitlines()
    pinned = (ROOT / "requirements.txt").read_text().lower().splitlines()
    assert len(lines) == len(setup_cell.NOTEBOOK_PACKAGES)
    assert all(line in pinned for line in lines)
