"""The answer box: an ipywidgets form in JupyterLab, a self-contained checker on the website.

``show("1.1a")`` displays the question and an ``AnswerBox``. The box's output
carries two representations: the live widget (an input, a Check button and the
feedback beside it, checked by ``check`` in the kernel) and an HTML form with the
exercise's data that the site's ``nnbook-checker.js`` checks in the page with no
kernel. JupyterLab shows the widget; the website is configured to show the HTML.
"""

import html
import json

from IPython.display import Markdown, display

from . import check, get


class AnswerBox:
    """Answer input, Check button and feedback for one exercise."""

    def __init__(self, exercise_id):
        self.exercise = get(exercise_id)
        self._widget = None

    @property
    def widget(self):
        """The ipywidgets form (built on first use)."""
        if self._widget is None:
            self._widget = self._build()
        return self._widget

    def _build(self):
        import ipywidgets as widgets

        exercise = self.exercise
        if exercise.kind == "choice":
            answer = widgets.RadioButtons(options=[letter.upper() for letter in exercise.choices],
                                          value=None, description="Answer:")
        else:
            answer = widgets.Text(placeholder=exercise.expected, description="Answer:",
                                  continuous_update=False)   # Enter sends the answer
        button = widgets.Button(description="Check", button_style="primary")
        feedback = widgets.HTML()

        def on_check(_):
            feedback.value = check(exercise.id, answer.value)._repr_html_()

        button.on_click(on_check)
        if exercise.kind != "choice":
            answer.observe(on_check, "value")
        return widgets.VBox([widgets.HBox([answer, button]), feedback])

    def page_html(self):
        """The static checker: a form plus the exercise's data for ``nnbook-checker.js``."""
        spec = html.escape(json.dumps(self.exercise.page_spec()), quote=True)
        return (f'<div class="nnbook-check" data-exercise="{spec}">'
                f'<noscript>Checking answers in the page needs JavaScript.</noscript></div>')

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
        bundle["text/html"] = self.page_html()
        bundle["text/plain"] = f"AnswerBox({self.exercise.id!r})"
        return bundle


def show(exercise_id):
    """Display the question of ``exercise_id`` (Markdown) and its answer box."""
    box = AnswerBox(exercise_id)
    display(Markdown(box.exercise.statement))
    display(box)
