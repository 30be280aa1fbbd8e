"""The engine's hand-written derivatives against sympy's, which share no code with them."""

import numpy as np
import pytest
import sympy as sp

import nnbook as nb
from nnbook import symbolic

GAP = 1e-12
GRID = np.linspace(-6.0, 6.0, 241)


def test_every_activation_has_an_expression():
    assert set(symbolic.ACTIVATION_EXPRESSIONS) == set(nb.ACTIVATIONS)


@pytest.mark.parametrize("name", sorted(nb.ACTIVATIONS))
def test_activation_value_and_slope(name):
    module = nb.ACTIVATIONS[name]()
    fixed = {"alpha": module.slope} if name == "leaky_relu" else {}
    value_gap, slope_gap = symbolic.check_activation(
        module, symbolic.ACTIVATION_EXPRESSIONS[name], GRID, **fixed)
    assert value_gap < GAP and slope_gap < GAP


def test_leaky_relu_with_another_slope():
    module = nb.LeakyReLU(0.2)
    gaps = symbolic.check_activation(module, symbolic.ACTIVATION_EXPRESSIONS["leaky_relu"], GRID,
                                     alpha=0.2)
    assert max(gaps) < GAP


def test_symbolic_check_detects_a_wrong_slope(monkeypatch):
    """A derivative off by 1e-9 (far below numpy-ml's ``decimal=3``) is still caught."""
    module = nb.GELU()
    monkeypatch.setattr(module, "derivative", lambda z: nb.GELU.derivative(z) + 1e-9)
    _, slope_gap = symbolic.check_activation(module, symbolic.ACTIVATION_EXPRESSIONS["gelu"], GRID)
    assert slope_gap > GAP


LOSS_CASES = {
    "half_squared_error": (nb.HalfSquaredError, symbolic.z, (-3.0, 3.0)),
    "squared_error": (nb.MeanSquaredError, symbolic.z, (-3.0, 3.0)),
    "binary_cross_entropy": (nb.BinaryCrossEntropy, symbolic.p, (0.05, 0.95)),
    "bce_with_logits": (nb.BCEWithLogits, symbolic.z, (-5.0, 5.0)),
}


def test_every_loss_expression_is_checked():
    assert set(LOSS_CASES) == set(symbolic.LOSS_EXPRESSIONS)


@pytest.mark.parametrize("name", sorted(LOSS_CASES))
@pytest.mark.parametrize("target", ["binary", "soft"])
def test_loss_value_and_gradient(name, target, rng):
    loss_class, wrt, (low, high) = LOSS_CASES[name]
    pred = rng.uniform(low, high, 50)
    targets = rng.integers(0, 2, 50) if target == "binary" else rng.uniform(0, 1, 50)
    gaps = symbolic.check_loss(loss_class(), symbolic.LOSS_EXPRESSIONS[name], wrt, pred, targets)
    assert max(gaps) < GAP


@pytest.mark.parametrize("num_classes", [3, 5])
def test_softmax_cross_entropy_gradient_is_p_minus_y(num_classes, rng):
    expr, zs, ys = symbolic.softmax_cross_entropy_expression(num_classes)
    gradient = [sp.diff(expr, zk) for zk in zs]
    total = sum(sp.exp(zk) for zk in zs)
    # With the target a distribution (its entries sum to 1) the gradient is softmax - y.
    on_simplex = {ys[-1]: 1 - sum(ys[:-1])}
    for gk, zk, yk in zip(gradient, zs, ys):
        assert sp.simplify((gk - (sp.exp(zk) / total - yk)).subs(on_simplex)) == 0
    reference = symbolic.numeric(sp.Matrix(gradient), (zs, ys))
    for target in (nb.one_hot([1], num_classes)[0], nb.softmax(rng.standard_normal(num_classes))):
        logits = 3.0 * rng.standard_normal(num_classes)
        loss = nb.SoftmaxCrossEntropy()
        loss.forward(logits[None], target[None])
        expected = np.ravel(reference(logits, target))
        assert np.max(np.abs(loss.backward()[0] - expected)) < GAP


def test_sigmoid_slope_identity():
    s = symbolic.ACTIVATION_EXPRESSIONS["sigmoid"]
    assert sp.simplify(sp.diff(s, symbolic.z) - s * (1 - s)) == 0


def test_gelu_tanh_is_close_to_gelu_but_not_equal():
    grid = np.linspace(-8.0, 8.0, 1601)
    gap = np.max(np.abs(nb.GELU.value(grid) - nb.GELUTanh.value(grid)))
    assert 1e-5 < gap < 1e-3
    exact, approx = (symbolic.ACTIVATION_EXPRESSIONS[k] for k in ("gelu", "gelu_tanh"))
    assert sp.simplify(exact - approx) != 0
