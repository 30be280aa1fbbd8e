"""Diagrams drawn with matplotlib alone: a neuron, a layered network, a decision line (chapters 1 and 3)."""

import numpy as np

from .training import evaluation_mode, predicted_classes


def _axes(ax, figsize):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def _node(ax, xy, text, color="#e8f0fe", radius=0.32):
    from matplotlib.patches import Circle

    ax.add_patch(Circle(xy, radius, fc=color, ec="0.25", lw=1.2, zorder=3))
    ax.text(*xy, text, ha="center", va="center", fontsize=11, zorder=4)


def _arrow(ax, start, end, label=None, radius=0.32):
    start, end = np.asarray(start, float), np.asarray(end, float)
    unit = (end - start) / np.linalg.norm(end - start)
    ax.annotate("", xy=end - radius * unit, xytext=start + radius * unit,
                arrowprops={"arrowstyle": "-|>", "color": "0.35", "lw": 1.1}, zorder=2)
    if label:
        mid = start + 0.42 * (end - start)
        ax.text(*mid + [0, 0.16], label, ha="center", fontsize=11, color="tab:blue")


def draw_neuron(n_inputs=3, ax=None, weights=None, inputs=None, bias="b", activation="σ"):
    """A single neuron: inputs ``x_i`` times weights ``w_i``, summed with the bias, then ``activation``.

    ``weights`` / ``inputs`` (length ``n_inputs``) replace the symbols by numbers.
    """
    ax = _axes(ax, (6.5, 0.9 * n_inputs + 1.6))
    ys = np.linspace(n_inputs - 1, 0, n_inputs) - (n_inputs - 1) / 2
    for i, y in enumerate(ys):
        x_text = f"{inputs[i]:g}" if inputs is not None else f"$x_{i + 1}$"
        w_text = f"{weights[i]:g}" if weights is not None else f"$w_{i + 1}$"
        _node(ax, (0, y), x_text, color="#f4f4f4")
        _arrow(ax, (0, y), (2.6, 0), label=w_text)
    bias_text = bias if isinstance(bias, str) else f"{bias:g}"
    _node(ax, (2.6, ys[0] + 0.4), bias_text, color="#fff4d6")
    _arrow(ax, (2.6, ys[0] + 0.4), (2.6, 0))
    _node(ax, (2.6, 0), "Σ\nz")
    _node(ax, (4.2, 0), activation)
    _arrow(ax, (2.6, 0), (4.2, 0))
    _node(ax, (5.8, 0), "a", color="#e6f4ea")
    _arrow(ax, (4.2, 0), (5.8, 0))
    ax.set_xlim(-0.6, 6.4)
    ax.set_ylim(min(ys) - 0.6, ys[0] + 1.0)
    return ax


def draw_network(layer_sizes, ax=None, layer_names=None, weight_labels=True):
    """Layers of nodes with every connection: ``layer_sizes = (3, 2, 3)`` draws the 3-2-3 network.

    With ``weight_labels``, each layer's matrix is named ``W^(l)`` with its shape (in x out, row form).
    """
    ax = _axes(ax, (2.3 * len(layer_sizes) + 1, 0.9 * max(layer_sizes) + 1.4))
    columns = []
    for layer, size in enumerate(layer_sizes):
        ys = np.linspace(size - 1, 0, size) - (size - 1) / 2
        columns.append([(2.3 * layer, y) for y in ys])
    for layer, (left, right) in enumerate(zip(columns, columns[1:]), start=1):
        for start in left:
            for end in right:
                _arrow(ax, start, end)
        if weight_labels:
            x = 2.3 * (layer - 0.5)
            ax.text(x, max(layer_sizes) / 2 + 0.25,
                    f"$W^{{({layer})}}$: {layer_sizes[layer - 1]}×{layer_sizes[layer]}",
                    ha="center", fontsize=11, color="tab:blue")
    for layer, column in enumerate(columns):
        color = "#f4f4f4" if layer == 0 else "#e6f4ea" if layer == len(columns) - 1 else "#e8f0fe"
        for j, xy in enumerate(column, start=1):
            _node(ax, xy, f"$z^{{({layer})}}_{j}$", color=color)
        if layer_names:
            ax.text(column[0][0], -max(layer_sizes) / 2 - 0.35, layer_names[layer], ha="center",
                    fontsize=11)
    ax.set_xlim(-0.7, 2.3 * (len(layer_sizes) - 1) + 0.7)
    ax.set_ylim(-max(layer_sizes) / 2 - 0.7, max(layer_sizes) / 2 + 0.7)
    return ax


def decision_line(weights, bias, xlim):
    """Points ``(xs, ys)`` of the line ``w1 x + w2 y + b = 0`` across ``xlim`` (vertical if ``w2 = 0``)."""
    w1, w2 = weights
    if w2 == 0:
        x0 = -bias / w1 if w1 else np.nan
        return np.array([x0, x0]), np.array([-1e6, 1e6])
    xs = np.asarray(xlim, dtype=float)
    return xs, -(w1 * xs + bias) / w2


def plot_decision_regions(model, X, labels, ax=None, resolution=200, margin=0.5):
    """Colour the plane by ``model``'s predicted class and scatter ``X (N, 2)`` coloured by ``labels``.

    One output column is read as a logit (class 1 where it is > 0), several as class
    scores (argmax). The model is evaluated in evaluation mode. Returns the axes.
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4.4))
    X = np.asarray(X, dtype=float)
    (x0, y0), (x1, y1) = X.min(axis=0) - margin, X.max(axis=0) + margin
    gx, gy = np.meshgrid(np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution))
    with evaluation_mode(model):
        predicted = predicted_classes(model.forward(np.column_stack([gx.ravel(), gy.ravel()])))
    classes = max(int(np.max(labels)) + 1, 2)
    ax.contourf(gx, gy, predicted.reshape(gx.shape), levels=np.arange(classes + 1) - 0.5,
                cmap="coolwarm" if classes == 2 else "viridis", alpha=0.3)
    ax.scatter(X[:, 0], X[:, 1], c=labels, cmap="coolwarm" if classes == 2 else "viridis",
               edgecolors="k", s=18, vmin=0, vmax=classes - 1)
    ax.set(xlim=(x0, x1), ylim=(y0, y1), xlabel="$x_1$", ylabel="$x_2$")
    return ax


def plot_history(history, ax=None, title=None):
    """Training (and validation) loss per epoch from a ``History``, marking the best epoch."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(5.5, 3.6))
    ax.plot(history.train_loss, label="training loss")
    if history.val_loss:
        ax.plot(history.val_loss, label="validation loss")
    if history.best_epoch is not None:
        ax.axvline(history.best_epoch, color="0.4", ls="--", lw=1,
                   label=f"best epoch ({history.best_epoch})")
    ax.set(xlabel="epoch", ylabel="loss", title=title)
    ax.legend()
    return ax
