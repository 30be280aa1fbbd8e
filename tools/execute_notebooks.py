"""Run notebooks top to bottom on a fresh kernel and save them with their outputs.

Usage: ``make execute NB="chapters/01-neuron.ipynb ..."``. Each notebook runs in its
own folder, as in JupyterLab. The widgets' state is not stored: the site never shows
live widgets, and the state would only bloat the file and its diffs.
"""

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute(path):
    """Execute the notebook at ``path`` in place."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        execute(Path(name))
        print(f"executed {name}")
