"""What the tests and benchmarks know about the book: where it is, how it is built,
which pages it has."""

import os
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# Where the tests build the site: _build by default; NNBOOK_BUILD_DIR lets several
# people (or agents) run the site tests side by side without sharing one build.
BUILD = Path(os.environ.get("NNBOOK_BUILD_DIR", ROOT / "_build"))


def build_command(source=ROOT):
    """The build `make book` runs (warnings are errors); the book's own goes to BUILD."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    output = BUILD.parent if source == ROOT else source
    return [jupyter_book, "build", source, "--path-output", output,
            "--warningiserror", "--nitpick", "--keep-going"]


def toc_docnames(source=ROOT):
    """Every page in _toc.yml, e.g. 'intro', 'chapters/01-neuron'."""
    toc = yaml.safe_load((source / "_toc.yml").read_text())
    chapters = [entry["file"] for part in toc["parts"] for entry in part["chapters"]]
    return [toc["root"], *chapters]
