"""Time the book's build: cold, warm (nothing changed), and the notebooks alone.

In a temporary copy of the repository (no _build, no execution cache) it prints
  cold build      jupyter-book build, from nothing
  warm rebuild    the same again, nothing changed (target: <= 10% of cold)
  nbclient serial every toc notebook executed one after another (target: cold <= 1.5x this)
"""

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from book import ROOT, build_command, toc_docnames  # noqa: E402
from execute_notebooks import execute  # noqa: E402


def timed(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def build(repo):
    subprocess.run(build_command(repo), check=True, capture_output=True)


def execute_notebooks(repo):
    for path in (repo / f"{name}.ipynb" for name in toc_docnames(repo)):
        if path.exists():
            execute(path)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "book"
        shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(
            ".*", "_build", "node_modules", "tests"))
        (repo / "node_modules").symlink_to(ROOT / "node_modules")
        cold = timed(lambda: build(repo))
        warm = timed(lambda: build(repo))
        serial = timed(lambda: execute_notebooks(repo))
    print(f"cold build       {cold:7.1f} s")
    print(f"warm rebuild     {warm:7.1f} s   {warm / cold:5.0%} of cold (target <= 10%)")
    print(f"nbclient serial  {serial:7.1f} s   cold is {cold / serial:.2f}x this (target <= 1.5x)")


if __name__ == "__main__":
    main()
