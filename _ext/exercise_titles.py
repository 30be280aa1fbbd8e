"""Exercise and solution titles carry their numbers, and solution toggles say what they open.

sphinx-exercise titles an unnumbered exercise "Exercise (3.1 · A neuron with ReLU)" and
its solution "Solution to Exercise (3.1 · A neuron with ReLU)", with no option to change
the format, and it cannot number by chapter (a numbered toctree numbers across parts).
The book numbers an exercise by its label, the registry's id: ``ex-3-1`` is Exercise 3.1,
``ex-3-c1`` Exercise 3.C1. This post-transform runs before sphinx-exercise resolves its
titles and writes them as

    Exercise 3.1: A neuron with ReLU
    Solution to Exercise 3.1: A neuron with ReLU

A title that starts with its number for JupyterLab readers ("3.1 · A neuron with ReLU")
loses that copy; a number that disagrees with the label is a warning. A solution's title
opens its dropdown, so it holds no link. sphinx-togglebutton names every dropdown's button
"Toggle hidden content"; `solution_toggles.js`, added to pages with solutions, names it
"Show (Hide) the solution to Exercise 3.1", and the hint beside it reads "Show" ("Hide"),
so the name starts with the words a reader sees (WCAG 2.5.3, label in name).
"""

import re
from pathlib import Path

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx_exercise.nodes import exercise_subtitle, is_exercise_node, solution_node

logger = logging.getLogger(__name__)
LABEL = re.compile(r"ex-(\d+)-(\w+)")
NUMBER_IN_TITLE = re.compile(r"(\d+\.\w+)\s*·\s*")
TOGGLE_NAMES = Path(__file__).with_name("solution_toggles.js").read_text()


def exercise_number(label):
    """'ex-3-1' -> '3.1', 'ex-3-c1' -> '3.C1'; None for another label."""
    match = LABEL.fullmatch(label)
    return f"{match[1]}.{match[2].upper()}" if match else None


def exercise_name(exercise, number):
    """The exercise's own title as inline nodes, without a leading copy of its number."""
    title = exercise[0]
    subtitle = next((child for child in title.children
                     if isinstance(child, exercise_subtitle)), None)
    if subtitle is None:
        return []
    name = [child.deepcopy() for child in subtitle.children]
    if name and isinstance(name[0], nodes.Text):
        match = NUMBER_IN_TITLE.match(name[0].astext())
        if match:
            if match[1] != number:
                logger.warning(f"exercise {exercise['label']} is titled {match[1]}, "
                               f"but its label numbers it {number}", location=exercise)
            name[0] = nodes.Text(name[0].astext()[match.end():])
    return name


def numbered_title(opening, number, name):
    """'Exercise 3.1' or 'Solution to Exercise 3.1', then ': ' and the name if any."""
    exercise = nodes.inline("", f"Exercise {number}", classes=["nnbook-exercise-number"])
    title = nodes.title("", opening, exercise)
    if name:
        title += [nodes.Text(": "), *name]
    return title


class NumberExerciseTitles(SphinxPostTransform):
    """Write 'Exercise 3.1: name' and 'Solution to Exercise 3.1: name'."""

    default_priority = 19  # before sphinx-exercise resolves its titles (20, 21)

    def run(self, **kwargs):
        for exercise in list(self.document.findall(is_exercise_node)):
            self.retitle(exercise, exercise, "")
        registry = getattr(self.env, "sphinx_exercise_registry", {})
        pages = {}  # the exercises of each page as read (with smart quotes), by label
        for solution in list(self.document.findall(solution_node)):
            target = registry.get(solution["target_label"])
            if target is None:  # sphinx-exercise reports a missing exercise
                continue
            docname = target["docname"]
            if docname not in pages:
                pages[docname] = {node["label"]: node for node in
                                  self.env.get_doctree(docname).findall(is_exercise_node)}
            self.retitle(solution, pages[docname][solution["target_label"]], "Solution to ")

    def retitle(self, node, exercise, opening):
        """Give node (the exercise or its solution) the title opening + exercise's number."""
        number = exercise_number(exercise["label"])
        if number is None:
            logger.warning(f"exercise label {exercise['label']!r} does not give its number "
                           "(ex-<chapter>-<number>, e.g. ex-3-1)", location=node)
            return
        name = exercise_name(exercise, number)
        node[0] = numbered_title(opening, number, name)
        if any(isinstance(child, nodes.math) for child in name):  # MathJax on this page too
            self.env.get_domain("math").data["has_equations"][self.env.docname] = True


def name_solution_toggles(app, pagename, templatename, context, doctree):
    """On a page with solution dropdowns, add the script that names their buttons."""
    if doctree is not None and any("dropdown" in solution["classes"]
                                   for solution in doctree.findall(solution_node)):
        app.add_js_file(None, body=TOGGLE_NAMES, priority=600)  # after togglebutton.js


def short_hints(app, config):
    """The hint beside a solution's button: "Show" and "Hide" (not "Click to show")."""
    config.togglebutton_hint, config.togglebutton_hint_hide = "Show", "Hide"


def setup(app):
    app.connect("config-inited", short_hints, priority=400)  # before togglebutton reads them
    app.add_post_transform(NumberExerciseTitles)
    app.connect("html-page-context", name_solution_toggles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
