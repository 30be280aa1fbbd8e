"""Markup that assistive technology reads right (axe-core, WCAG 2 A/AA).

- A folded cell's toggle is named by the label it shows ("Checked: ..."): myst-nb
  labels every one "Toggle hidden content", a name that does not contain the visible
  text, so speech-input users cannot say what they see (WCAG 2.5.3).
- Bibliography entries are list items of their list: docutils marks them with the
  deprecated role doc-biblioentry, which leaves the role="list" around them without
  list items (WCAG 1.3.1).
"""

from html import escape

from docutils import nodes
from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput


def visit_folded_cell(self, node):
    self.body.append(f'<details class="admonition hide {" ".join(node["classes"])}">\n'
                     "<summary>\n"
                     f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n'
                     f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n'
                     "</summary>\n")


def visit_citation(self, node):
    if not isinstance(node.previous_sibling(), nodes.citation):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def depart_citation(self, node):
    self.body.append("</div>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), nodes.citation):
        self.body.append("</div>\n")


def setup(app):
    app.add_node(HideCodeCellNode, override=True, html=(visit_folded_cell, depart_HideCellInput))
    app.add_node(nodes.citation, override=True, html=(visit_citation, depart_citation))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
