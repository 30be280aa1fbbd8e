"""The explorer's frames and readouts come from its callback, one sweep per slider."""

import json
import re

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pytest

import nnbook as nb
from nnbook.explorer import Explorer, slider_values


def sigmoid_curve(w=1.0, b=0.0):
    """Draws sigma(w x + b); returns its slope at x = 0."""
    x = np.linspace(-5, 5, 50)
    _, ax = plt.subplots(figsize=(3, 2))
    ax.plot(x, nb.sigmoid(w * x + b))
    plt.show()
    s = nb.sigmoid(b)
    return {"slope": float(w * s * (1 - s))}


@pytest.fixture
def explorer():
    return Explorer(sigmoid_curve, alt="A sigmoid.",
                    w=widgets.FloatSlider(value=1.0, min=-2, max=2, step=0.5, description="w"),
                    b=widgets.FloatSlider(value=0.0, min=-1, max=1, step=1, description="b"))


def test_slider_values_cover_the_range_and_keep_the_default():
    slider = widgets.FloatSlider(value=0.3, min=0, max=10, step=0.1)
    values = slider_values(slider, max_frames=11)
    assert values[0] == 0 and values[-1] == 10 and 0.3 in values and len(values) == 12
    assert slider_values(widgets.SelectionSlider(options=[1, 2, 4], value=2), 5) == [1, 2, 4]


def test_a_log_slider_sweeps_values_not_exponents():
    slider = widgets.FloatLogSlider(value=0.01, base=10, min=-4, max=0, step=1)
    assert slider_values(slider, max_frames=10) == [1e-4, 1e-3, 1e-2, 1e-1, 1.0]


def test_check_runs_the_callback_without_showing_a_figure(explorer):
    assert explorer.check(w=2.0) == "slope = 0.5"
    assert explorer.check(b=1.0) == f"slope = {nb.sigmoid(1.0) * (1 - nb.sigmoid(1.0)):.4g}"
    assert plt.get_fignums() == []


def test_player_holds_one_frame_and_readout_per_value(explorer):
    page = explorer.html()
    data = json.loads(re.search(r'nnbook-explorer-data">(.*?)</script>', page).group(1))
    assert list(data) == ["w", "b"]
    assert data["w"]["values"] == [-2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0]
    for name, sweep in data.items():
        assert len(sweep["frames"]) == len(sweep["values"]) == len(sweep["readouts"])
        assert all(frame.startswith("data:image/png;base64,") for frame in sweep["frames"])
        for value, readout in zip(sweep["values"], sweep["readouts"]):
            assert readout == explorer.check(**{name: value})
    assert 'aria-valuetext="1.0"' in page and 'type="range"' in page
    assert plt.get_fignums() == []


def test_jupyterlab_gets_the_widget_and_the_site_the_player(explorer):
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/html"].startswith('<div class="nnbook-explorer"')
