"""Explorers: sliders that are live in JupyterLab and still move on the static site.

``Explorer(callback, sweep=..., **sliders)`` shows, in JupyterLab, the usual
ipywidgets ``interactive`` (every slider live, the callback re-run on each move).
Its output also carries an HTML frame player for the website, which has no kernel:
for each swept slider, the callback itself is run at build time over the slider's
range (the other sliders at their defaults), each figure saved as a frame and each
returned number as the readout beside it. ``_static/nnbook-explorer.js`` turns the
player's range inputs into controls; the site shows the player, JupyterLab the widget
(the book's ``nb_mime_priority_overrides`` hide widget views on the site).

Used in every chapter (CONTRIBUTING.md, "Explorers").
"""

import base64
import html
import io
import json

import matplotlib.pyplot as plt
import numpy as np
from IPython.utils.capture import capture_output
from PIL import Image

NOTE = ("Drag a slider or focus it and press the arrow keys: each position shows the "
        "figure computed by the chapter's own code. Here one slider moves at a time, "
        "the others stay at their starting values; run the chapter in JupyterLab to "
        "move them all at once.")


def slider_values(slider, max_frames):
    """The values a sweep visits: the slider's grid (at most ``max_frames``), default included.

    Works for numeric sliders (``min``, ``max``, ``step``; exponents for a log slider) and
    selection sliders (``options``).
    """
    if hasattr(slider, "options"):
        values = list(slider.options)
        values = [v[1] if isinstance(v, tuple) else v for v in values]
    else:
        count = int(round((slider.max - slider.min) / slider.step)) + 1
        grid = slider.min + slider.step * np.arange(count)
        if hasattr(slider, "base"):           # FloatLogSlider: min, max, step are exponents
            grid = slider.base ** grid
        values = [float(f"{v:.10g}") for v in grid]
    if len(values) > max_frames:
        picks = np.unique(np.round(np.linspace(0, len(values) - 1, max_frames)).astype(int))
        values = [values[i] for i in picks]
    if slider.value not in values:
        values = sorted([*values, slider.value])
    return [v.item() if isinstance(v, np.generic) else v for v in values]


def default_readout(result):
    """The callback's result as one line: ``name = value`` pairs, numbers to 4 significant figures."""
    if isinstance(result, dict):
        return ", ".join(f"{key.replace('_', ' ')} = {value:.4g}" for key, value in result.items())
    return f"{result:.4g}"


class Explorer:
    """A live explorer in JupyterLab, a frame player on the site.

    Parameters
    ----------
    callback : function(**values) that draws one figure with matplotlib and returns a
        number or a dict of numbers (shown beside the figure).
    sweep : names of the sliders the site lets the reader move (default: all).
    readout : function(result) -> str, the line shown beside the figure.
    alt : what every frame shows, for readers who cannot see it (the readout is added).
    max_frames, dpi, colors : frames per slider, their resolution and the size of
        their palette (frames are 8-bit PNGs: sharp lines, a few kB each); together
        they set the page's weight (budget: 1.5 MB of frames per page).
    **sliders : name -> ipywidgets slider (or ``widgets.fixed``) for each argument.
    """

    def __init__(self, callback, *, sweep=None, readout=default_readout, alt="",
                 max_frames=21, dpi=96, colors=64, **sliders):
        self.callback, self.readout, self.alt = callback, readout, alt
        self.sliders = sliders
        self.sweep = list(sweep or [name for name, s in sliders.items() if hasattr(s, "value")
                                     and hasattr(s, "description")])
        self.max_frames, self.dpi, self.colors = max_frames, dpi, colors
        self._widget = None

    @property
    def defaults(self):
        """{name: starting value} of every slider."""
        return {name: slider.value for name, slider in self.sliders.items()}

    @property
    def widget(self):
        """The live ipywidgets ``interactive`` (built on first use)."""
        if self._widget is None:
            from ipywidgets import interactive
            self._widget = interactive(self.callback, **self.sliders)
        return self._widget

    def _run(self, values, save_to=None):
        """The callback's result at ``values`` (others at their defaults), drawn off-screen;
        the figure is saved as a PNG to the file-like ``save_to`` if one is given."""
        with capture_output(), plt.ioff():
            result = self.callback(**{**self.defaults, **values})
            if save_to is not None:
                plt.gcf().savefig(save_to, format="png", dpi=self.dpi)
            plt.close("all")
        return result

    def check(self, **values):
        """The readout line the site shows at ``values``: the callback run afresh, no figure shown."""
        return self.readout(self._run(values))

    def frame(self, **values):
        """(PNG data URI, readout) of the callback at ``values``."""
        drawn = io.BytesIO()
        result = self._run(values, save_to=drawn)
        palette = Image.open(drawn).convert("RGB").quantize(self.colors,
                                                            dither=Image.Dither.NONE)
        frame = io.BytesIO()
        palette.save(frame, format="png", optimize=True)
        data = base64.b64encode(frame.getvalue()).decode("ascii")
        return f"data:image/png;base64,{data}", self.readout(result)

    def sweeps(self):
        """{name: {label, values, start, frames, readouts}} for every swept slider."""
        sweeps = {}
        for name in self.sweep:
            slider = self.sliders[name]
            values = slider_values(slider, self.max_frames)
            frames, readouts = zip(*(self.frame(**{name: value}) for value in values))
            sweeps[name] = {"label": slider.description or name, "values": values,
                            "start": values.index(slider.value),
                            "frames": frames, "readouts": readouts}
        return sweeps

    def html(self):
        """The frame player: a range input per swept slider, the figure and its readout."""
        sweeps = self.sweeps()
        first = sweeps[self.sweep[0]]
        start = first["start"]
        controls = "".join(
            f'<div class="nnbook-explorer-control"><label>'
            f'<span class="nnbook-explorer-label">{html.escape(sweep["label"])}</span>'
            f'<input type="range" min="0" max="{len(sweep["values"]) - 1}" step="1" '
            f'value="{sweep["start"]}" data-sweep="{html.escape(name)}" '
            f'aria-valuetext="{html.escape(str(sweep["values"][sweep["start"]]))}">'
            f'</label><output>{html.escape(str(sweep["values"][sweep["start"]]))}</output></div>'
            for name, sweep in sweeps.items())
        data = json.dumps({name: {"values": sweep["values"], "frames": sweep["frames"],
                                  "readouts": sweep["readouts"]}
                           for name, sweep in sweeps.items()}).replace("</", "<\\/")
        return (
            f'<div class="nnbook-explorer" data-alt="{html.escape(self.alt)}">'
            f'<p class="nnbook-explorer-note">{NOTE}</p>{controls}'
            f'<img class="nnbook-explorer-frame" src="{first["frames"][start]}" '
            f'alt="{html.escape(self.alt)} {html.escape(first["readouts"][start])}">'
            f'<p class="nnbook-explorer-readout" aria-live="polite">'
            f'{html.escape(first["readouts"][start])}</p>'
            f'<script type="application/json" class="nnbook-explorer-data">'
            f'{data}</script></div>')

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        return {**bundle, "text/html": self.html()}
