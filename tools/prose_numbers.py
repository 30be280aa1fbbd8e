"""Numbers in the prose: written out, and tied to the value the engine computed.

A worked number appears in a notebook's Markdown as plain text followed by a marker
naming the glued value it shows and its format, so it reads the same in JupyterLab
and on the site, and a test (tests/test_prose_numbers.py) checks on every run that
the text shows what the code computed::

    The neuron's score is $z = -0.5$<!-- glue ch1_z:.1f -->.

The code cell (folded on the page) computes, asserts and glues the value::

    glue("ch1_z", float(z), display=False)

Formats are Python format specs, plus ``L`` for LaTeX scientific notation
(``.2L`` gives ``2.81 \\times 10^{14}``). A list or tuple value is written as its
entries in order, each in the format.

Usage: ``python tools/prose_numbers.py NOTEBOOK ...`` replaces every
``{glue:text}`name:fmt``` role in those notebooks by the number and its marker.
"""

import ast
import re
import sys
from pathlib import Path

import nbformat

MARKER = re.compile(r"<!-- glue (?P<name>[\w.-]+)(?::(?P<spec>[^ ]*))? -->")
ROLE = re.compile(r"\{glue:text\}`(?P<name>[\w.-]+)(?::(?P<spec>[^`]*))?`")
NUMPY_SCALAR = re.compile(r"np\.\w+\((?P<inner>[^()]*)\)")


def glued_values(notebook):
    """{name: value} for every value a notebook glues, read from its stored outputs."""
    values = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            record = output.get("metadata", {}).get("scrapbook")
            if record is not None:
                name, stored = record["name"], output["data"][record["mime_prefix"] + "text/plain"]
                text = NUMPY_SCALAR.sub(r"\g<inner>", stored)
                try:
                    values[name] = ast.literal_eval(text)
                except (ValueError, SyntaxError):
                    values[name] = text.strip("'\"")
    return values


def latex_scientific(value, spec):
    """``value`` as ``m \\times 10^{e}`` with the precision of ``spec`` (``.2L``)."""
    mantissa, exponent = format(value, spec[:-1] + "e").split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def formatted(value, spec):
    """The strings a marker's value must appear as, in order."""
    if isinstance(value, (list, tuple)):
        return [text for entry in value for text in formatted(entry, spec)]
    if spec and spec.endswith("L"):
        return [latex_scientific(value, spec)]
    return [format(value, spec or "")]


def bake(text, values):
    """``text`` with every ``{glue:text}`` role replaced by its number and a marker."""
    def written(match):
        name, spec = match["name"], match["spec"] or ""
        shown = ", ".join(formatted(values[name], spec))
        marker = f"<!-- glue {name}:{spec} -->" if spec else f"<!-- glue {name} -->"
        return shown + marker

    return ROLE.sub(written, text)


def bake_notebook(path):
    notebook = nbformat.read(path, as_version=4)
    values = glued_values(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = bake(cell.source, values)
    nbformat.write(notebook, path)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        bake_notebook(Path(name))
        print(f"baked {name}")
