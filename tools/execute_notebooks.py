"""Run notebooks top to bottom on a fresh kernel and save them with their outputs.

Usage: ``make execute NB="chapters/01-neuron.ipynb ..."``. Each notebook runs in its
own folder, as in JupyterLab. The widgets' state is not stored: the site never shows
live widgets, and the state would only bloat the file and its diffs. Nor are the
explorers' frames (``nnbook.Explorer``): the build computes them afresh.
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
    drop_explorer_frames(notebook)
    nbformat.write(notebook, path)


def drop_explorer_frames(notebook):
    """Remove the site's frame player from every explorer output, keeping the widget."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if 'class="nnbook-explorer"' in output.get("data", {}).get("text/html", ""):
                del output["data"]["text/html"]


if __name__ == "__main__":
    for name in sys.argv[1:]:
        execute(Path(name))
        print(f"executed {name}")
