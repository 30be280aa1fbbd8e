"""Sympy expressions of every activation and loss, and checks of the engine against them.

Differentiating these expressions symbolically gives a reference that does not
share a line of code with the engine's hand-written derivatives.
"""

import numpy as np
import sympy as sp

z, y = sp.symbols("z y", real=True)
p = sp.Symbol("p", positive=True)
slope = sp.Symbol("alpha", positive=True)

ACTIVATION_EXPRESSIONS = {
    "identity": z,
    "sigmoid": 1 / (1 + sp.exp(-z)),
    "tanh": sp.tanh(z),
    "relu": sp.Piecewise((0, z <= 0), (z, True)),
    "leaky_relu": sp.Piecewise((slope * z, z <= 0), (z, True)),
    "gelu": z / 2 * (1 + sp.erf(z / sp.sqrt(2))),
    "gelu_tanh": z / 2 * (1 + sp.tanh(sp.sqrt(2 / sp.pi) * (z + sp.Rational(44715, 10**6) * z**3))),
}
"""Each activation as an expression in ``z`` (``leaky_relu`` also in ``alpha``, its slope)."""

LOSS_EXPRESSIONS = {
    "half_squared_error": (z - y) ** 2 / 2,
    "squared_error": (z - y) ** 2,
    "binary_cross_entropy": -(y * sp.log(p) + (1 - y) * sp.log(1 - p)),
    "bce_with_logits": -(y * sp.log(1 / (1 + sp.exp(-z))) + (1 - y) * sp.log(1 - 1 / (1 + sp.exp(-z)))),
}
"""Per-example losses: prediction ``z`` (or probability ``p``) against target ``y``."""


def softmax_cross_entropy_expression(num_classes):
    """``-sum_k y_k log softmax(z)_k`` in symbols ``z0..``, ``y0..``; returns ``(expr, zs, ys)``."""
    zs = sp.symbols(f"z0:{num_classes}", real=True)
    ys = sp.symbols(f"y0:{num_classes}", real=True)
    total = sum(sp.exp(zk) for zk in zs)
    return -sum(yk * sp.log(sp.exp(zk) / total) for zk, yk in zip(zs, ys)), zs, ys


def derivative(expr, symbol=z):
    """``d expr / d symbol``, simplified."""
    return sp.simplify(sp.diff(expr, symbol))


def numeric(expr, symbols):
    """A NumPy function of ``symbols`` evaluating ``expr`` (erf through SciPy)."""
    return sp.lambdify(symbols, expr, modules=["numpy", "scipy"])


def check_activation(module, expr, grid, **values):
    """Largest gaps ``(forward, backward)`` between ``module`` and ``expr`` on ``grid (M,)``.

    ``values`` fix other symbols, e.g. ``alpha=0.01`` for the leaky slope.
    """
    expr = expr.subs({sp.Symbol(name, positive=True): v for name, v in values.items()})
    grid = np.asarray(grid, dtype=np.float64)
    expected_value = np.broadcast_to(numeric(expr, z)(grid), grid.shape)
    expected_slope = np.broadcast_to(numeric(sp.diff(expr, z), z)(grid), grid.shape)
    value = module.forward(grid)
    slope_ = module.backward(np.ones_like(grid))
    return (float(np.max(np.abs(value - expected_value))),
            float(np.max(np.abs(slope_ - expected_slope))))


def check_loss(loss, expr, wrt, pred, target):
    """Largest gaps ``(value, gradient)`` between ``loss`` on single examples and ``expr``.

    ``pred (M,)`` and ``target (M,)`` are the points; ``wrt`` is ``z`` or ``p``.
    """
    f, df = numeric(expr, (wrt, y)), numeric(sp.diff(expr, wrt), (wrt, y))
    value_gap = slope_gap = 0.0
    for a, t in zip(np.asarray(pred, float), np.asarray(target, float)):
        value_gap = max(value_gap, abs(loss.forward([[a]], [[t]]) - f(a, t)))
        slope_gap = max(slope_gap, abs(loss.backward()[0, 0] - df(a, t)))
    return float(value_gap), float(slope_gap)
