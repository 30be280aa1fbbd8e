"""What the tests and benchmarks know about the book: where it is, how it is built,
which pages it has."""

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def build_command(source=ROOT):
    """The build `make book` runs: warnings are errors."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    return [jupyter_book, "build", source, "--warningiserror", "--nitpick", "--keep-going"]


def toc_docnames(source=ROOT):
    """Every page in _toc.yml, e.g. 'intro', 'chapters/01-neuron'."""
    toc = yaml.safe_load((source / "_toc.yml").read_text())
    chapters = [entry["file"] for part in toc["parts"] for entry in part["chapters"]]
    return [toc["root"], *chapters]
