"""Worked figures of the sources (seeds/README.md), computed by the engine, to the printed precision."""

import math

import numpy as np
import pytest

import nnbook as nb
from nnbook.normalization import normalize


def assert_shown(value, shown, decimals):
    """``value`` rounds to the printed ``shown`` at ``decimals`` places (arrays entry by entry)."""
    np.testing.assert_array_equal(np.round(np.asarray(value, dtype=float), decimals), shown)


def test_neuron_score_and_sigmoid():
    neuron = nb.Linear.from_weights([[0.5, -0.5]], bias=[0.0])
    z = neuron.forward([[1.0, 2.0]])
    assert z.shape == (1, 1)
    assert_shown(z[0, 0], -0.5, 4)
    assert_shown(nb.sigmoid(z[0, 0]), 0.3775, 4)
    assert_shown(nb.ReLU().forward(np.array([-2.0, 3.0])), [0.0, 3.0], 4)


def mlp_221(hidden_rows, hidden_bias, out_weight, out_bias):
    return nb.Sequential(nb.Linear.from_weights(hidden_rows, hidden_bias), nb.ReLU(),
                         nb.Linear.from_weights([out_weight], [out_bias]))


@pytest.mark.parametrize("x, rows, bias, w2, b2, hidden, output", [
    ([1, 2], [[1, -1], [0, 1]], [0, -1], [1, 2], 0.5, [0, 1], 2.5),      # the text's example
    ([2, 1], [[1, 1], [-1, -1]], [-1, 1], [2, 1], 1.0, [2, 0], 5.0),     # the exercise variant
])
def test_forward_pass_221(x, rows, bias, w2, b2, hidden, output):
    model = mlp_221(rows, bias, w2, b2)
    y = model.forward(np.array([x], dtype=float))
    assert y.shape == (1, 1)
    assert_shown(y[0, 0], output, 4)
    assert_shown(model[1].forward(model[0].forward(np.array([x], dtype=float))), [hidden], 4)


TABLE_4x3 = [[0.9, 0.1, 0.0], [0.2, 0.8, 0.1], [0.5, -0.2, 0.1], [-0.3, 0.4, 0.7]]


def test_embedding_row_and_one_hot():
    embedding = nb.Embedding.from_table(TABLE_4x3)
    row = embedding.forward([2])
    assert_shown(row, [[0.5, -0.2, 0.1]], 1)
    np.testing.assert_array_equal(nb.one_hot([2], 4) @ embedding.weight.data, row)


def test_softmax_head():
    logits = np.array([[2.0, 1.0, 0.0]])
    assert_shown(np.exp(logits), [[7.39, 2.72, 1.00]], 2)
    assert_shown(np.exp(logits).sum(), 11.11, 2)
    assert_shown(nb.softmax(logits), [[0.665, 0.245, 0.090]], 3)
    assert_shown(nb.SoftmaxCrossEntropy().forward(logits, np.array([0])), 0.41, 2)
    uniform = nb.SoftmaxCrossEntropy().forward(np.zeros((1, 3)), np.array([0]))
    assert_shown(uniform, 1.0986, 4)
    assert math.isclose(uniform, math.log(3), rel_tol=1e-15)


def traced_neuron(target):
    """The one-neuron chain x -> z = w x + b -> a = sigma(z) -> L = 1/2 (a - y)^2, traced."""
    x, w, b = nb.Scalar(1.0, "x"), nb.Scalar(0.5, "w"), nb.Scalar(0.0, "b")
    z = (w * x + b).named("z")
    a = z.sigmoid().named("a")
    loss = a.half_squared_error(target).named("L")
    loss.backward()
    return loss, w


def test_one_neuron_backprop_table():
    loss, w = traced_neuron(0.0)
    rows = nb.chain_table(loss, w)
    assert [link for link, _, _ in rows] == ["L vs a", "a vs z", "z vs w"]
    assert_shown([local for _, local, _ in rows], [0.6225, 0.2350, 1.0], 4)
    assert_shown([running for _, _, running in rows], [0.6225, 0.1463, 0.1463], 4)
    z, a = loss.parents[0].parents[0], loss.parents[0]
    assert_shown([z.value, a.value, loss.value], [0.5, 0.6225, 0.1937], 4)
    assert_shown(w.value - 0.1 * w.grad, 0.4854, 4)


NEURON_CASES = [  # target y, learning rate, dL/da, dL/dw, w after one step
    (0.0, 0.1, 0.6225, 0.1463, 0.4854),
    (1.0, 0.1, -0.3775, -0.0887, 0.5089),
    (0.0, 0.5, 0.6225, 0.1463, 0.4269),
]


@pytest.mark.parametrize("target, lr, dl_da, dl_dw, w_after", NEURON_CASES)
def test_one_neuron_with_engine_modules(target, lr, dl_da, dl_dw, w_after):
    layer, sigmoid, loss = nb.Linear.from_weights([[0.5]], [0.0]), nb.Sigmoid(), nb.HalfSquaredError()
    a = sigmoid.forward(layer.forward([[1.0]]))
    assert_shown(a[0, 0], 0.6225, 4)
    loss.forward(a, [[target]])
    grad_a = loss.backward()
    assert_shown(grad_a[0, 0], dl_da, 4)
    layer.backward(sigmoid.backward(grad_a))
    assert_shown([layer.weight.grad[0, 0], layer.bias.grad[0]], [dl_dw, dl_dw], 4)
    nb.SGD(layer.parameters(), lr=lr).step()
    assert_shown(layer.weight.data[0, 0], w_after, 4)


@pytest.mark.parametrize("target, lr, dl_da, dl_dw, w_after", NEURON_CASES)
def test_one_neuron_with_tracer(target, lr, dl_da, dl_dw, w_after):
    loss, w = traced_neuron(target)
    assert_shown([loss.parents[0].grad, w.grad, w.value - lr * w.grad], [dl_da, dl_dw, w_after], 4)


def test_fan_out_sums_over_paths():
    h = nb.Scalar(0.7, "h")
    a1, a2 = h * 1.0, h * 2.0
    (0.6225 * a1 + 0.30 * a2).backward()  # upstream gradients dL/da1 = 0.6225, dL/da2 = 0.30
    assert_shown(h.grad, 1.2225, 4)
    v, g = np.array([[1.0], [2.0]]), np.array([0.6225, 0.30])
    assert_shown(v.T @ g, [1.2225], 4)
    layer = nb.Linear.from_weights(v)
    layer.forward([[0.7]])
    assert_shown(layer.backward(g[None]), [[1.2225]], 4)


def test_first_adam_step():
    layer, sigmoid, loss = nb.Linear.from_weights([[0.5]], [0.0]), nb.Sigmoid(), nb.HalfSquaredError()
    loss.forward(sigmoid.forward(layer.forward([[1.0]])), [[0.0]])
    layer.backward(sigmoid.backward(loss.backward()))
    adam = nb.Adam([layer.weight], lr=0.1, betas=(0.9, 0.999))
    adam.step()
    assert_shown(adam.m[0][0, 0], 0.01463, 5)
    assert_shown(adam.v[0][0, 0] * 1e5, 2.14, 2)
    step = 0.5 - layer.weight.data[0, 0]
    assert_shown(step, 0.1, 4)
    assert abs(step - 0.1) <= 0.1 * 1e-6
    assert step < 0.1  # epsilon makes it a hair short of lr; the text ignores epsilon


def test_he_std_for_fan_in_4(rng):
    assert_shown(nb.init_std("he", 4, 3), 0.707, 3)
    draw = nb.he((25_000, 4), rng)
    assert abs(draw.std() / math.sqrt(0.5) - 1) < 0.02
    assert abs(draw.mean()) < 0.01


@pytest.mark.parametrize("fan_in, fan_out", [(4, 4), (4, 8), (10, 3)])
def test_xavier_is_not_lecun(fan_in, fan_out):
    xavier, lecun = nb.init_std("xavier", fan_in, fan_out), nb.init_std("lecun", fan_in, fan_out)
    assert math.isclose(xavier, math.sqrt(2.0 / (fan_in + fan_out)), rel_tol=1e-15)
    assert math.isclose(lecun, math.sqrt(1.0 / fan_in), rel_tol=1e-15)
    assert math.isclose(xavier, lecun, rel_tol=1e-12) == (fan_in == fan_out)


def test_batchnorm_of_2_4_6():
    x = np.array([[2.0], [4.0], [6.0]])
    layer = nb.BatchNorm1d(1)
    assert_shown(layer.forward(x)[:, 0], [-1.22, 0.0, 1.22], 2)
    _, _, mean, var = normalize(x, 0, layer.eps)
    assert_shown([mean[0, 0], np.sqrt(var[0, 0])], [4.0, 1.63], 2)


def test_recommender_dot_products():
    user = nb.Linear.from_weights([[2.0, 1.0, 3.0]])  # weights p, no bias; the item is the input
    scores = user.forward([[1.0, 2.0, 1.0], [3.0, 0.0, 1.0]])
    assert_shown(scores[:, 0], [7.0, 9.0], 4)


def test_embedding_exercise_sparse_gradient():
    embedding = nb.Embedding.from_table([[1, 0, 2], [0, 3, 1], [2, 1, 0]])
    assert_shown(embedding.forward([1]), [[0.0, 3.0, 1.0]], 4)
    embedding.backward(np.array([[0.3, -1.2, 0.5]]))
    grad = embedding.weight.grad
    assert np.all(grad[1] != 0)
    np.testing.assert_array_equal(grad[[0, 2]], 0.0)
