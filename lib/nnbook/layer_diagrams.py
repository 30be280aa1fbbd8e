"""A layered network drawn with what each layer applies: the activation on the hidden
nodes and the output function over the whole last layer (chapter 1's figures).
Built from the nodes and arrows of ``nnbook.diagrams``."""

import numpy as np

from .diagrams import _arrow, _axes, _node

SPACING = 2.3          # horizontal distance between layers, as in ``draw_network``
FUNCTION_COLOR = "tab:purple"


def _column(x, size):
    """Centers ``(x, y)`` of ``size`` nodes stacked top to bottom around ``y = 0``."""
    return [(x, y) for y in np.linspace(size - 1, 0, size) - (size - 1) / 2]


def _output_box(ax, x, height, label):
    """The output function: one box that reads every node of the last layer."""
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(FancyBboxPatch((x - 0.45, -height / 2), 0.9, height,
                                boxstyle="round,pad=0.05", fc="#f3e8fd", ec=FUNCTION_COLOR,
                                lw=1.4, zorder=3))
    ax.text(x, 0, label, ha="center", va="center", fontsize=14, color=FUNCTION_COLOR,
            rotation=90 if len(label) > 2 else 0, zorder=4)


def draw_layers(layer_sizes, activation=None, output_function="identity",
                output_symbol=r"\hat y", layer_names=None, ax=None):
    """A layered network: inputs ``x_i``, then nodes ``z^(l)_j`` for each later layer.

    ``layer_sizes`` such as ``(3, 2, 3)``; ``activation`` (such as ``"σ"``) is marked on
    every hidden node; ``output_function`` (such as ``"S"`` or ``"identity"``) is a box
    that reads the whole last layer and gives the outputs ``output_symbol_k``. Each
    weight matrix ``W^(l)`` is labelled with its row-form shape, in × out. Returns the axes.
    """
    width = SPACING * len(layer_sizes) + 1.6
    ax = _axes(ax, (min(6.4, 0.75 * width), 0.75 * max(layer_sizes) + 1.6))
    columns = [_column(SPACING * layer, size) for layer, size in enumerate(layer_sizes)]
    top, bottom = max(layer_sizes) / 2, -max(layer_sizes) / 2
    for layer, (left, right) in enumerate(zip(columns, columns[1:]), start=1):
        for start in left:
            for end in right:
                _arrow(ax, start, end)
        ax.text(SPACING * (layer - 0.5), top + 0.2,
                f"$W^{{({layer})}}$: {layer_sizes[layer - 1]}×{layer_sizes[layer]}",
                ha="center", fontsize=11, color="tab:blue")
    for layer, column in enumerate(columns):
        last = layer == len(columns) - 1
        color = "#f4f4f4" if layer == 0 else "#e6f4ea" if last else "#e8f0fe"
        for j, xy in enumerate(column, start=1):
            _node(ax, xy, f"$x_{j}$" if layer == 0 else f"$z^{{({layer})}}_{j}$", color=color)
            if activation and 0 < layer < len(columns) - 1:
                ax.text(xy[0] + 0.3, xy[1] + 0.3, activation, fontsize=13,
                        color=FUNCTION_COLOR, ha="left", va="bottom", zorder=5)
    box_x = SPACING * (len(layer_sizes) - 1) + 1.6
    outputs = _column(box_x + 1.6, layer_sizes[-1])
    _output_box(ax, box_x, layer_sizes[-1] - 0.2, output_function)
    for (x, y), output in zip(columns[-1], outputs):
        _arrow(ax, (x, y), (box_x - 0.2, y), radius=0.3)
        _arrow(ax, (box_x + 0.2, y), output, radius=0.3)
    for k, xy in enumerate(outputs, start=1):
        _node(ax, xy, f"${output_symbol}_{k}$", color="#fff4d6")
    if layer_names:
        for x, name in zip([*(SPACING * i for i in range(len(layer_sizes))), box_x],
                           layer_names):
            ax.text(x, bottom - 0.35, name, ha="center", va="top", fontsize=11)
    ax.set_xlim(-0.7, box_x + 2.3)
    ax.set_ylim(bottom - (1.1 if layer_names else 0.6), top + 0.8)
    return ax
