"""Optimizers against updates written out by hand, with plain arithmetic."""

import math

import numpy as np
import pytest

import nnbook as nb


def parameter(data, grad):
    p = nb.Parameter(np.array(data, dtype=float))
    p.grad[...] = grad
    return p


@pytest.mark.parametrize("seed", range(5))
def test_adam_first_step_is_lr_times_sign(seed):
    rng = np.random.default_rng(seed)
    g = np.array([-1.0, 1.0] * 4) * 10.0 ** rng.uniform(-2, 2, 8)  # both signs, |g| in [0.01, 100]
    w0 = rng.standard_normal(8)
    p, lr = parameter(w0, g), 0.05
    nb.Adam([p], lr=lr).step()
    step = w0 - p.data
    assert np.all(np.sign(step) == np.sign(g))
    assert np.all(np.abs(np.abs(step) - lr) <= lr * 1e-6)


def test_adam_bias_correction_and_step_counter():
    g1, g2, lr, b1, b2 = 0.3, -0.2, 0.1, 0.9, 0.999
    p = parameter([1.0], g1)
    adam = nb.Adam([p], lr=lr, betas=(b1, b2), eps=0.0)
    assert adam.t == 0
    adam.step()
    assert adam.t == 1
    m1, v1 = (1 - b1) * g1, (1 - b2) * g1 ** 2
    np.testing.assert_allclose([adam.m[0][0], adam.v[0][0]], [m1, v1], rtol=1e-15)
    assert math.isclose(m1 / (1 - b1 ** 1), g1, rel_tol=1e-15)  # m_hat = g at t = 1
    w1 = 1.0 - lr * g1 / abs(g1)
    assert math.isclose(p.data[0], w1, rel_tol=1e-15)
    p.grad[...] = g2
    adam.step()
    assert adam.t == 2
    m2, v2 = b1 * m1 + (1 - b1) * g2, b2 * v1 + (1 - b2) * g2 ** 2
    w2 = w1 - lr * (m2 / (1 - b1 ** 2)) / math.sqrt(v2 / (1 - b2 ** 2))  # corrected with t = 2
    assert math.isclose(p.data[0], w2, rel_tol=1e-14)


def test_sgd_momentum_two_steps_by_hand():
    # w0 = 1.0, lr = 0.1, mu = 0.9, g1 = 0.5, g2 = -0.2
    # v1 = g1 = 0.5                          w1 = 1.0 - 0.1 * 0.5   = 0.95
    # v2 = 0.9 * 0.5 + (-0.2) = 0.25         w2 = 0.95 - 0.1 * 0.25 = 0.925
    p = parameter([1.0], 0.5)
    sgd = nb.SGD([p], lr=0.1, momentum=0.9)
    sgd.step()
    assert math.isclose(sgd.velocity[0][0], 0.5) and math.isclose(p.data[0], 0.95)
    p.grad[...] = -0.2
    sgd.step()
    assert math.isclose(sgd.velocity[0][0], 0.25) and math.isclose(p.data[0], 0.925)


def test_sgd_weight_decay():
    w, g, lr, lam = np.array([2.0, -1.0]), np.array([0.5, 0.5]), 0.1, 0.01
    p = parameter(w, g)
    nb.SGD([p], lr=lr, weight_decay=lam).step()
    # w - lr (g + lambda w) = [2 - 0.1 (0.5 + 0.02), -1 - 0.1 (0.5 - 0.01)] = [1.948, -1.049]
    np.testing.assert_allclose(p.data, [1.948, -1.049], rtol=1e-15)


@pytest.mark.parametrize("decoupled", [False, True])
def test_adam_weight_decay(decoupled):
    w, g, lr, lam, eps = np.array([2.0, -1.0, 0.5]), np.array([0.3, 0.3, -0.01]), 0.1, 0.5, 1e-8
    p = parameter(w, g)
    nb.Adam([p], lr=lr, eps=eps, weight_decay=lam, decoupled=decoupled).step()
    if decoupled:  # AdamW: shrink by (1 - lr lambda), then the Adam step on g alone
        expected = w * (1 - lr * lam) - lr * g / (np.abs(g) + eps)
    else:  # coupled L2: the Adam step on g + lambda w
        coupled = g + lam * w
        expected = w - lr * coupled / (np.abs(coupled) + eps)
    np.testing.assert_allclose(p.data, expected, rtol=1e-13)


def test_coupled_and_decoupled_decay_differ():
    finals = []
    for decoupled in (False, True):
        p = parameter([2.0, -1.0, 0.5], [0.3, 0.3, -0.01])
        nb.Adam([p], lr=0.1, weight_decay=0.5, decoupled=decoupled).step()
        finals.append(p.data)
    assert np.all(np.abs(finals[0] - finals[1]) > 1e-3)


@pytest.mark.parametrize("max_norm, scaled", [(1.0, True), (10.0, False)])
def test_clip_grad_norm(max_norm, scaled):
    a, b = parameter([0.0, 0.0], [3.0, 0.0]), parameter([0.0], [4.0])  # joint norm 5
    assert nb.clip_grad_norm([a, b], max_norm) == 5.0
    factor = max_norm / 5.0 if scaled else 1.0
    np.testing.assert_allclose(np.concatenate([a.grad, b.grad]), np.array([3.0, 0.0, 4.0]) * factor)
    assert math.isclose(math.hypot(*a.grad, *b.grad), min(max_norm, 5.0))


@pytest.mark.parametrize("owner", ["model", "optimizer"])
def test_zero_grad(owner, rng):
    model = nb.Sequential(nb.Linear(3, 4, rng=rng), nb.ReLU(), nb.Linear(4, 2, rng=rng))
    opt = nb.SGD(model.parameters(), lr=0.1)
    model.forward(rng.standard_normal((5, 3)))
    model.backward(rng.standard_normal((5, 2)))
    assert all(np.any(p.grad != 0) for p in model.parameters())
    (model if owner == "model" else opt).zero_grad()
    assert all(np.all(p.grad == 0) for p in model.parameters())


def test_gradients_accumulate(rng):
    layer = nb.Linear(3, 2, rng=rng)
    x1, x2 = rng.standard_normal((4, 3)), rng.standard_normal((5, 3))
    g1, g2 = rng.standard_normal((4, 2)), rng.standard_normal((5, 2))
    for x, g in ((x1, g1), (x2, g2)):
        layer.forward(x)
        layer.backward(g)
    np.testing.assert_allclose(layer.weight.grad, g1.T @ x1 + g2.T @ x2, rtol=1e-13)
    np.testing.assert_allclose(layer.bias.grad, g1.sum(axis=0) + g2.sum(axis=0), rtol=1e-13)


def test_adam_accepts_betas_as_an_array():
    p = nb.Parameter(np.zeros(2))
    assert nb.Adam([p], betas=np.array([0.8, 0.99])).beta1 == 0.8
