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

from . import MESSAGES, REGISTRY, Feedback, check, get


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
        button = widgets.Button(description="Check", button_style="primary",
                                tooltip=f"Check your answer to exercise {exercise.id}")
        feedback = widgets.HTML()

        def on_check(_):
            feedback.value = verdict_html(exercise.id, answer.value)

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


def verdict_html(exercise_id, answer):
    """The feedback for ``answer`` as HTML; a message (never an old verdict) if checking fails."""
    try:
        return check(exercise_id, answer)._repr_html_()
    except Exception as error:      # the widget must always replace the verdict it shows
        message = MESSAGES["broken"].format(error=type(error).__name__)
        return Feedback(False, message, "invalid")._repr_html_()


def setup_of(exercise_id):
    """The setup to show above this part: the exercise's shared setup, for its first part only."""
    exercise = get(exercise_id)
    parts = [e for e in REGISTRY.values() if e.number == exercise.number]
    return exercise.setup if parts[0] is exercise else ""


def show(exercise_id):
    """Display the question of ``exercise_id`` (Markdown, with the setup before a first part)
    and its answer box."""
    box = AnswerBox(exercise_id)
    setup = setup_of(exercise_id)
    display(Markdown(f"{setup}\n\n{box.exercise.statement}" if setup else box.exercise.statement))
    display(box)
