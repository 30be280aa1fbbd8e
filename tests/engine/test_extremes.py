"""Huge logits and pre-activations give finite numbers and no warnings; float32 stays float32."""

import numpy as np
import pytest

import nnbook as nb

EXTREMES = np.array([1000.0, -1000.0, 1e4, -1e4, 0.0, 1.5])


def assert_finite(*arrays):
    for array in arrays:
        assert np.all(np.isfinite(array)), array


SATURATED_SLOPES = {  # the slope far left, far right
    "identity": (1.0, 1.0), "sigmoid": (0.0, 0.0), "tanh": (0.0, 0.0), "relu": (0.0, 1.0),
    "leaky_relu": (0.01, 1.0), "gelu": (0.0, 1.0), "gelu_tanh": (0.0, 1.0),
}


@pytest.mark.parametrize("name", sorted(nb.ACTIVATIONS))
def test_activation_forward_backward(name, strict_numerics):
    module = nb.ACTIVATIONS[name]()
    value = module.forward(EXTREMES)
    slope = module.backward(np.ones_like(EXTREMES))
    assert_finite(value, slope)
    left, right = SATURATED_SLOPES[name]
    np.testing.assert_array_equal(slope[:4], [right, left, right, left])


def test_functions_saturate_exactly(strict_numerics):
    np.testing.assert_array_equal(nb.sigmoid(np.array([1000.0, -1000.0, 1e4, -1e4])), [1, 0, 1, 0])
    np.testing.assert_array_equal(nb.softplus(np.array([1000.0, -1000.0, 1e4, -1e4])),
                                  [1000.0, 0.0, 1e4, 0.0])
    logits = np.array([[1000.0, -1000.0, 0.0], [-1e4, 1e4, 1e4]])
    probabilities = nb.softmax(logits)
    np.testing.assert_array_equal(probabilities, [[1, 0, 0], [0, 0.5, 0.5]])
    log_p = nb.log_softmax(logits)
    assert_finite(log_p)
    ln2 = np.log(2.0)
    np.testing.assert_allclose(log_p, [[0.0, -2000.0, -1000.0], [-2e4 - ln2, -ln2, -ln2]], rtol=1e-15)


LOGITS = np.array([[1000.0], [-1000.0], [1e4], [-1e4]])


@pytest.mark.parametrize("loss, pred, target, expected", [
    (nb.BCEWithLogits(), LOGITS, [[0.0], [1.0], [1.0], [0.0]], (1000.0 + 1000.0) / 4),
    (nb.BCEWithLogits(), LOGITS, [[1.0], [0.0], [1.0], [0.0]], 0.0),
    (nb.SoftmaxCrossEntropy(), [[1000.0, -1000.0, 0.0], [-1e4, 1e4, 0.0]], np.array([0, 0]),
     (0.0 + 2e4) / 2),
])
def test_loss_forward_backward(loss, pred, target, expected, strict_numerics):
    value = loss.forward(np.array(pred), target)
    assert np.isclose(value, expected, rtol=1e-12, atol=1e-12)
    gradient = loss.backward()
    assert_finite(gradient)
    assert gradient.shape == np.shape(pred)


@pytest.mark.parametrize("p, y", [(0.0, 1.0), (1.0, 0.0)])
def test_binary_cross_entropy_clips_confident_mistakes(p, y, strict_numerics):
    """A confident mistake costs -ln(1e-12) = 27.63, not infinity: p is clipped to [1e-12, 1-1e-12]."""
    loss = nb.BinaryCrossEntropy()
    pred, target = np.array([[p], [p]]), np.array([[y], [p]])  # one mistake, one exactly right
    assert 27.6 / 2 < loss.forward(pred, target) < 27.7 / 2
    gradient = loss.backward()
    assert_finite(gradient)
    assert np.sign(gradient[0, 0]) == np.sign(p - y)  # descent moves the mistake towards y


def float32_model(rng, activation):
    f32 = {"dtype": np.float32}
    return nb.Sequential(nb.Linear(3, 4, rng=rng, **f32), activation(), nb.LayerNorm(4, **f32),
                         nb.Dropout(0.25, rng=rng), nb.Linear(4, 4, rng=rng, **f32),
                         nb.BatchNorm1d(4, **f32), nb.Linear(4, 2, rng=rng, **f32))


def test_linear_float32(rng):
    layer = nb.Linear(3, 2, rng=rng, dtype=np.float32)
    y = layer.forward(rng.standard_normal((5, 3)).astype(np.float32))
    grad_in = layer.backward(np.ones_like(y))
    assert (y.dtype, grad_in.dtype) == (np.float32, np.float32)
    assert {p.data.dtype for p in layer.parameters()} | {p.grad.dtype for p in layer.parameters()} \
        == {np.dtype(np.float32)}


@pytest.mark.parametrize("name", sorted(nb.ACTIVATIONS))
@pytest.mark.parametrize("optimizer", [nb.Adam, nb.SGD])
def test_float32_training_stays_float32(name, optimizer, rng, strict_numerics):
    model = float32_model(rng, nb.ACTIVATIONS[name])
    opt = optimizer(model.parameters(), lr=1e-2)
    x = rng.standard_normal((8, 3)).astype(np.float32)
    loss = nb.SoftmaxCrossEntropy()
    for _ in range(3):
        opt.zero_grad()
        out = model.forward(x)
        assert out.dtype == np.float32
        loss.forward(out, rng.integers(0, 2, 8))
        grad = loss.backward()
        assert grad.dtype == np.float32
        assert model.backward(grad).dtype == np.float32
        opt.step()
    for p in model.parameters():
        assert p.data.dtype == np.float32 and p.grad.dtype == np.float32
        assert_finite(p.data)
