"""Every notebook's set-up cell: what a reader who downloaded the notebook needs.

The cell (second in each notebook, after its title; hidden on the site) checks that
the book's engine, ``nnbook``, can be imported. If it cannot, it prints the exact
``pip install`` line for the wheel and requirements file that every page's download
menu offers (``_ext/engine_downloads.py``) and stops. When ``_config.yml`` names a
repository (``repository: url:``), a notebook opened on Colab installs the engine
from that repository instead.

Usage: ``python tools/setup_cell.py NOTEBOOK ...`` writes or refreshes the cell;
``tests/test_setup_cell.py`` checks that every notebook has the current one.
"""

import re
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent
TAG = "nnbook-setup"
REQUIREMENTS_FILE = "nnbook-requirements.txt"
NOTEBOOK_PACKAGES = ("numpy", "scipy", "sympy", "matplotlib", "ipywidgets", "ipykernel",
                     "myst-nb", "scikit-learn", "jupyterlab")
"""What the notebooks import or run in, besides the engine (pinned from requirements.txt)."""


def engine_version():
    """The engine's version, read from lib/nnbook/__init__.py."""
    source = (ROOT / "lib" / "nnbook" / "__init__.py").read_text()
    return re.search(r'^__version__ = "([^"]+)"', source, re.MULTILINE).group(1)


def wheel_name():
    return f"nnbook-{engine_version()}-py3-none-any.whl"


def notebook_requirements():
    """The lines of nnbook-requirements.txt: each notebook package at its pinned version."""
    pins = dict(line.lower().split("==") for line in
                (ROOT / "requirements.txt").read_text().splitlines() if "==" in line)
    return "".join(f"{name}=={pins[name]}\n" for name in NOTEBOOK_PACKAGES)


def repository_url():
    """The repository named in _config.yml, or None: launch buttons and Colab need one."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    return (config.get("repository") or {}).get("url") or None


def install_line():
    return f"pip install {wheel_name()} -r {REQUIREMENTS_FILE}"


def cell_source(repository=None):
    """The set-up cell's code, for a book whose repository is ``repository`` (or none)."""
    message = [f"This notebook needs the book's engine, nnbook {engine_version()}, which is",
               "not installed here. Download these two files from the book's website",
               "(the download menu at the top of every page):",
               f"    {wheel_name()}", f"    {REQUIREMENTS_FILE}",
               "then run, in the folder you saved them to:", "", f"    {install_line()}", "",
               "and restart the kernel."]
    printed = ["print(" + '"' + message[0] + '\\n"'] + [
        "      " + '"' + line + '\\n"' for line in message[1:-1]] + [
        "      " + '"' + message[-1] + '")']
    lines = ["# Set-up: the book's engine, nnbook, must be importable (this cell is hidden",
             "# on the website; it does nothing where the engine is installed).",
             "import importlib.util", "import sys", "",
             'if importlib.util.find_spec("nnbook") is None:']
    if repository:
        lines += ['    if "google.colab" in sys.modules:  # Colab: install from the repository',
                  "        import subprocess",
                  "        subprocess.run([sys.executable, \"-m\", \"pip\", \"install\", \"-q\",",
                  f'                        "nnbook @ git+{repository}#subdirectory=lib",',
                  '                        "myst-nb", "ipywidgets"], check=True)',
                  "    else:"]
        lines += ["        " + line for line in printed]
        lines += ['        raise ModuleNotFoundError("nnbook is not installed: see above")']
    else:
        lines += ["    " + line for line in printed]
        lines += ['    raise ModuleNotFoundError("nnbook is not installed: see above")']
    return "\n".join(lines)


def ensure_setup_cell(notebook, source):
    """Put the set-up cell right after the title cell (or refresh it); True if changed."""
    cells = notebook.cells
    existing = [i for i, cell in enumerate(cells) if TAG in cell.metadata.get("tags", [])]
    if existing:
        cell = cells[existing[0]]
        if cell.source == source:
            return False
        cell.source = source
        return True
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["remove-cell", TAG]})
    cell.id = TAG
    cells.insert(1 if cells and cells[0].cell_type == "markdown" else 0, cell)
    return True


if __name__ == "__main__":
    source = cell_source(repository_url())
    for name in sys.argv[1:]:
        notebook = nbformat.read(name, as_version=4)
        if ensure_setup_cell(notebook, source):
            nbformat.write(notebook, name)
            print(f"set-up cell written: {name}")
