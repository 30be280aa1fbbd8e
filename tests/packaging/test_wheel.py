"""The engine as a reader gets it: the wheel the site offers, installed (not editable)
with the site's requirements file into a fresh virtual environment."""

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from book import ROOT

sys.path.insert(0, str(ROOT / "_ext"))
sys.path.insert(0, str(ROOT / "tools"))
from engine_downloads import build_wheel  # noqa: E402
from setup_cell import notebook_requirements, wheel_name  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wheel")
    build_wheel(folder)
    return folder / wheel_name()


@pytest.fixture(scope="module")
def reader_python(wheel, tmp_path_factory):
    """A fresh venv with the wheel and nnbook-requirements.txt installed, as README says."""
    home = tmp_path_factory.mktemp("reader")
    venv.create(home / "venv", with_pip=True)
    python = home / "venv" / "bin" / "python"
    requirements = home / "nnbook-requirements.txt"
    requirements.write_text(notebook_requirements())
    subprocess.run([python, "-m", "pip", "install", "--quiet", wheel, "-r", requirements],
                   check=True, capture_output=True, cwd=home)
    return python


def test_wheel_holds_every_module_and_the_figure_style(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    source = {str(path.relative_to(ROOT / "lib")) for path in (ROOT / "lib" / "nnbook").rglob("*")
              if path.suffix in {".py", ".mplstyle"} and "__pycache__" not in path.parts}
    assert "nnbook/exercises/core.py" in source
    assert source <= names, f"missing from the wheel: {sorted(source - names)}"


def run(python, code, cwd):
    done = subprocess.run([python, "-c", code], capture_output=True, text=True, cwd=cwd)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_installed_engine_is_the_wheel_and_checks_an_answer(reader_python, tmp_path):
    out = run(reader_python, "import nnbook, nnbook.exercises as ex\n"
                             "first = ex.ids()[0]\n"
                             "print(nnbook.__version__, nnbook.__file__)\n"
                             "print(ex.check(first, ex.get(first).answer).correct)", tmp_path)
    version_and_file, verdict = out.splitlines()
    version, location = version_and_file.split()
    assert wheel_name() == f"nnbook-{version}-py3-none-any.whl"
    assert Path(location).is_relative_to(reader_python.parent.parent), "not the installed wheel"
    assert verdict == "True"


@pytest.mark.parametrize("notebook", ["chapters/01-neuron.ipynb", "exercises/01-neuron.ipynb"])
def test_installed_engine_runs_a_notebook(reader_python, tmp_path, notebook):
    copy = tmp_path / Path(notebook).name
    copy.write_bytes((ROOT / notebook).read_bytes())
    run(reader_python, "import nbformat, nbclient\n"
                       f"nb = nbformat.read({str(copy)!r}, as_version=4)\n"
                       "nbclient.NotebookClient(nb, timeout=300, kernel_name='python3').execute()\n"
                       "errors = [o for c in nb.cells for o in c.get('outputs', [])\n"
                       "          if o.get('output_type') == 'error']\n"
                       "assert not errors, errors", tmp_path)
