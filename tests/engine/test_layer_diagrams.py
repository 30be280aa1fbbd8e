"""draw_layers draws every node, every weight and what each layer applies."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Circle, FancyBboxPatch  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402

from nnbook.layer_diagrams import draw_layers  # noqa: E402


def texts(ax):
    return [text.get_text() for text in ax.texts]


def test_the_3_2_3_network_has_its_nodes_weights_and_functions():
    ax = draw_layers((3, 2, 3), activation="σ", output_function="S", output_symbol="F")
    circles = [patch for patch in ax.patches if isinstance(patch, Circle)]
    boxes = [patch for patch in ax.patches if isinstance(patch, FancyBboxPatch)]
    arrows = [child for child in ax.texts if isinstance(child, Annotation)]
    assert len(circles) == 3 + 2 + 3 + 3                  # inputs, layers, outputs
    assert len(boxes) == 1                                 # one output function
    assert len(arrows) == 3 * 2 + 2 * 3 + 2 * 3           # every weight, into and out of S
    assert texts(ax).count("σ") == 2                       # on each hidden node only
    assert "S" in texts(ax) and "$F_3$" in texts(ax)
    assert "$W^{(1)}$: 3×2" in texts(ax) and "$W^{(2)}$: 2×3" in texts(ax)   # row form
    plt.close("all")


def test_one_layer_with_the_identity_and_layer_names():
    ax = draw_layers((4, 2), layer_names=["input", "scores", "identity"])
    assert "identity" in texts(ax) and "input" in texts(ax)
    assert "σ" not in texts(ax)                             # no hidden layer, no activation
    assert all(text.get_fontsize() >= 11 for text in ax.texts if text.get_text())
    plt.close("all")
