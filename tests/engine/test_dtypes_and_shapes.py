"""Defects found by an independent comparison, each pinned by a test: BCE in float32 at
p = 0 and p = 1, the gradient shape of a 1-D prediction, and the Linear dtype rule."""

import numpy as np
import pytest

import nnbook as nb

ALL_LOSSES = [nb.HalfSquaredError, nb.MeanSquaredError, nb.BinaryCrossEntropy,
              nb.BCEWithLogits]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("p, y", [(1.0, 0.0), (0.0, 1.0), (1.0, 1.0), (0.0, 0.0)])
def test_bce_stays_finite_at_the_ends_in_both_dtypes(dtype, p, y):
    loss = nb.BinaryCrossEntropy()
    value = loss.forward(np.array([p], dtype=dtype), np.array([y], dtype=dtype))
    grad = loss.backward()
    assert np.isfinite(value) and np.all(np.isfinite(grad))
    assert grad.dtype == dtype
    if p != y:                                    # a confident mistake: costly, not infinite
        assert value > 16


def test_bce_confident_mistake_costs_about_27_6_in_float64():
    loss = nb.BinaryCrossEntropy()
    assert np.isclose(loss.forward(np.array([1.0]), np.array([0.0])), -np.log(1e-12), rtol=1e-4)


@pytest.mark.parametrize("Loss", ALL_LOSSES)
def test_gradient_of_a_1d_prediction_has_its_shape(Loss):
    rng = np.random.default_rng(0)
    pred, target = rng.uniform(0.05, 0.95, 5), rng.integers(0, 2, 5).astype(float)
    loss = Loss()
    loss.forward(pred, target)
    assert loss.backward().shape == (5,)
    assert nb.check_loss(Loss(), pred, target) < 1e-7


def test_softmax_cross_entropy_gradient_of_one_example_has_its_shape():
    loss = nb.SoftmaxCrossEntropy()
    loss.forward(np.array([2.0, 1.0, 0.0]), [0])
    grad = loss.backward()
    assert grad.shape == (3,)
    assert np.allclose(grad, nb.softmax(np.array([2.0, 1.0, 0.0])) - [1, 0, 0])


def test_half_squared_error_check_of_a_1d_prediction_passes():
    assert nb.check_loss(nb.HalfSquaredError(), [1.0, 2.0, 3.0], [0.0, 0.0, 1.0]) < 1e-8


def test_a_1d_update_does_not_broadcast():
    w, lr = np.zeros(4), 0.1
    loss = nb.HalfSquaredError()
    loss.forward(w, np.ones(4))
    w -= lr * loss.backward()
    assert w.shape == (4,) and np.allclose(w, 0.1 * 0.25)


def test_a_float32_layer_computes_in_float32_whatever_it_is_fed():
    layer = nb.Linear(3, 2, rng=np.random.default_rng(0), dtype=np.float32)
    for x in (np.ones((4, 3)), np.ones((4, 3), dtype=np.float32), np.ones((4, 3), dtype=int)):
        y = layer.forward(x)
        assert y.dtype == np.float32
        assert layer.backward(np.ones((4, 2))).dtype == np.float32
    assert layer.weight.grad.dtype == np.float32


def test_a_float64_layer_keeps_float64():
    layer = nb.Linear(3, 2, rng=np.random.default_rng(0))
    assert layer.forward(np.ones((1, 3), dtype=np.float32)).dtype == np.float64
