"""A scalar tracer for small chains (chapter 6), in the spirit of micrograd.

Each ``Scalar`` remembers its parents and the local derivative towards each
parent. ``backward()`` walks the graph from the output in reverse topological
order and *adds* ``local * grad`` into every parent, so gradients sum where
paths meet. ``chain_table`` prints the source's back-prop table and
``draw_graph`` draws the computation graph with values and gradients.
"""

import math

from .activations import sigmoid


class Scalar:
    """A float ``value`` with its ``grad`` (dOutput/dself after ``backward``) and its history."""

    def __init__(self, value, label="", *, parents=(), local_grads=(), op=""):
        self.value = float(value)
        self.grad = 0.0
        self.label = label
        self.parents = tuple(parents)
        self.local_grads = tuple(float(g) for g in local_grads)
        self.op = op

    def named(self, label):
        """Give this node a name (shown in tables and graphs); returns ``self``."""
        self.label = label
        return self

    def _result(self, value, op, *pairs):
        parents, local_grads = zip(*pairs)
        return Scalar(value, parents=parents, local_grads=local_grads, op=op)

    def __add__(self, other):
        other = _as_scalar(other)
        return self._result(self.value + other.value, "+", (self, 1.0), (other, 1.0))

    def __mul__(self, other):
        other = _as_scalar(other)
        return self._result(self.value * other.value, "×",
                            (self, other.value), (other, self.value))

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-_as_scalar(other))

    def __radd__(self, other):
        return self + other

    def __rmul__(self, other):
        return self * other

    def __rsub__(self, other):
        return _as_scalar(other) - self

    def sigmoid(self):
        """``sigma(self)``, local derivative ``sigma (1 - sigma)``."""
        s = float(sigmoid(self.value))
        return self._result(s, "σ", (self, s * (1.0 - s)))

    def tanh(self):
        """``tanh(self)``, local derivative ``1 - tanh^2``."""
        t = math.tanh(self.value)
        return self._result(t, "tanh", (self, 1.0 - t * t))

    def relu(self):
        """``max(0, self)``, local derivative 1 if positive else 0."""
        return self._result(max(self.value, 0.0), "ReLU", (self, float(self.value > 0)))

    def half_squared_error(self, target):
        """``1/2 (self - target)^2`` against a plain number, local derivative ``self - target``."""
        diff = self.value - float(target)
        return self._result(0.5 * diff * diff, "½(·−y)²", (self, diff))

    def backward(self):
        """Set ``grad`` of every node to ``d self / d node`` (resets earlier gradients)."""
        order = topological_order(self)
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):
            for parent, local in zip(node.parents, node.local_grads):
                parent.grad += local * node.grad

    def __repr__(self):
        name = f"{self.label}=" if self.label else ""
        return f"Scalar({name}{self.value:.4g}, grad={self.grad:.4g})"


def _as_scalar(value):
    return value if isinstance(value, Scalar) else Scalar(value, label=f"{value:g}", op="const")


def _drawn(output):
    """The nodes a graph shows, inputs first: every node but plain-number constants."""
    return [node for node in topological_order(output) if node.op != "const"]


def _drawn_edges(node):
    """``(parent, local derivative)`` pairs of ``node``, leaving out constants."""
    return [(p, g) for p, g in zip(node.parents, node.local_grads) if p.op != "const"]


def topological_order(output):
    """Every node that ``output`` depends on, each after all of its parents."""
    order, seen = [], set()

    def visit(node):
        if id(node) not in seen:
            seen.add(id(node))
            for parent in node.parents:
                visit(parent)
            order.append(node)

    visit(output)
    return order


def chain_table(output, leaf):
    """Rows ``(link, local derivative, running gradient)`` from ``output`` back to ``leaf``.

    Walks the path of named nodes; unnamed intermediate nodes are folded into
    the link (their local derivatives multiplied). Call ``output.backward()`` first.
    """
    path = _path(output, leaf)
    if path is None:
        raise ValueError(f"{leaf!r} is not an input of {output!r}")
    rows, local, child = [], 1.0, path[0]
    for node, grad in zip(path[1:], _local_grads_along(path)):
        local *= grad
        if node.label or node is leaf:
            rows.append((f"{child.label} vs {node.label}", local, node.grad))
            local, child = 1.0, node
    return rows


def _local_grads_along(path):
    for child, parent in zip(path, path[1:]):
        yield sum(g for p, g in zip(child.parents, child.local_grads) if p is parent)


def _path(node, leaf):
    if node is leaf:
        return [node]
    for parent in node.parents:
        rest = _path(parent, leaf)
        if rest is not None:
            return [node] + rest
    return None


def graph_layout(output):
    """Positions ``{id(node): (column, row)}``, ``output`` at the right end of row 0.

    An operation sits one column right of its furthest parent; an input sits just left
    of the first node that uses it. Each node takes its child's row if that is free,
    so the main chain runs along row 0 and side inputs hang below it. Plain-number
    constants are left out.
    """
    order = _drawn(output)
    column = {}
    for node in order:
        column[id(node)] = 1 + max((column[id(p)] for p, _ in _drawn_edges(node)), default=-1)
    first_use = {}
    for node in order:
        for parent, _ in _drawn_edges(node):
            first_use[id(parent)] = min(first_use.get(id(parent), column[id(node)]),
                                        column[id(node)])
    for node in order:
        if id(node) in first_use and not _drawn_edges(node):
            column[id(node)] = first_use[id(node)] - 1
    shift = min(column.values())
    position, taken = {id(output): (column[id(output)] - shift, 0)}, set()
    taken.add(position[id(output)])
    for node in reversed(order):
        for parent, _ in _drawn_edges(node):
            if id(parent) in position:
                continue
            c, row = column[id(parent)] - shift, position[id(node)][1]
            while (c, row) in taken:
                row += 1
            position[id(parent)] = (c, row)
            taken.add((c, row))
    return position


def _number(value):
    """``value`` to four decimals without trailing zeros: ``1.2225``, ``0.5``, ``1``."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _caption(node):
    """A node's name; an unnamed operation is written out from its inputs (``w × x``, ``σ(z)``)."""
    if node.label:
        return node.label
    names = [parent.label or parent.op for parent in node.parents]
    if len(names) == 2:
        return f"{names[0]} {node.op} {names[1]}"
    return f"{node.op}({names[0]})"


SIDE, LEVEL = 2.1, 1.15      # inches between neighboring nodes across and down a drawn graph


def _drawing_positions(output):
    """``{id(node): (x, y)}`` in inches: ``graph_layout`` turned so the forward pass runs
    down the page. An input used by several nodes is centered above them when that spot
    is free, so the paths that fan out from it are drawn symmetrically."""
    order = _drawn(output)
    xy = {key: (SIDE * r, -LEVEL * c) for key, (c, r) in graph_layout(output).items()}
    for node in order:
        users = [xy[id(n)] for n in order if any(p is node for p, _ in _drawn_edges(n))]
        if _drawn_edges(node) or len(users) < 2:
            continue
        x, y = float(sum(u[0] for u in users) / len(users)), xy[id(node)][1]
        if all(abs(x - ox) >= SIDE for key, (ox, oy) in xy.items()
               if oy == y and key != id(node)):
            xy[id(node)] = (x, y)
    return xy


def draw_graph(output, ax=None):
    """Draw the computation graph of ``output``: each node's value and gradient, each edge's local derivative.

    The forward pass runs down the page, inputs at the top and ``output`` at the bottom;
    side inputs stand to the right of the node that uses them. An unnamed operation is
    labelled with what it computes (``w × x``). Plain numbers used in the formula (such
    as a weight written as ``2.0``) are not drawn.
    """
    import matplotlib.pyplot as plt

    order = _drawn(output)
    xy = _drawing_positions(output)
    depth = 1 + round(-min(y for _, y in xy.values()) / LEVEL)
    width = 1 + round(max(x for x, _ in xy.values()) / SIDE)
    if ax is None:
        _, ax = plt.subplots(figsize=(SIDE * width + 0.3, LEVEL * depth + 0.2))
    xs, ys = zip(*xy.values())
    ax.set_xlim(min(xs) - 1.1, max(xs) + 1.1)
    ax.set_ylim(min(ys) - 0.6, max(ys) + 0.6)
    boxes = {}
    for node in order:
        boxes[id(node)] = ax.text(
            *xy[id(node)], f"{_caption(node)}\nvalue {_number(node.value)}"
            f"\ngrad {_number(node.grad)}", ha="center", va="center", fontsize=11,
            linespacing=1.0, bbox={"boxstyle": "round,pad=0.25", "ec": "0.3",
                                   "fc": "#e8f0fe" if _drawn_edges(node) else "#f4f4f4"})
    for node in order:
        for parent, local in _drawn_edges(node):
            (x0, y0), (x1, y1) = xy[id(parent)], xy[id(node)]
            ax.annotate("", xy=(x1, y1), xytext=(x0, y0),
                        arrowprops={"arrowstyle": "-|>", "color": "0.45", "shrinkA": 2,
                                    "shrinkB": 2,
                                    "patchA": boxes[id(parent)].get_bbox_patch(),
                                    "patchB": boxes[id(node)].get_bbox_patch()})
            beside = abs(x1 - x0) < 1e-9          # a vertical edge: label to its right
            ax.text(x0 + 0.08 if beside else 0.5 * (x0 + x1), 0.5 * (y0 + y1),
                    f"∂ {_number(local)}", ha="left" if beside else "center",
                    va="center", fontsize=11, color="tab:red",
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none"})
    ax.axis("off")
    return ax
