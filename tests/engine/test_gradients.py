"""Every module's and loss's backward against central differences (float64, rel. error <= 1e-7)."""

import numpy as np
import pytest

import nnbook as nb
from nnbook import normalization

TOL = 1e-7
SEEDS = [0, 1, 2]


def away_from_kink(x, margin=1e-2):
    """Move every entry at least ``margin`` away from 0, where ReLU and LeakyReLU bend."""
    return x + np.copysign(margin, x)


def randomize(module, rng):
    """Give every parameter random values, so zero biases or unit scales hide nothing."""
    for p in module.parameters():
        p.data[...] = rng.standard_normal(p.shape)
    return module


def fixed_mask(monkeypatch, dropout, shape, rng):
    """Make ``dropout`` reuse one mask (with some zeros) on every forward pass."""
    mask = (rng.random(shape) >= dropout.p) / (1.0 - dropout.p)
    assert 0 < np.count_nonzero(mask) < mask.size
    monkeypatch.setattr(dropout, "sample_mask", lambda s: mask)


def assert_gradients_match(module, x, rng):
    errors = nb.check_module(module, x, rng)
    assert set(errors) == {"input"} | {name for name, _ in module.named_parameters()}
    assert max(errors.values()) <= TOL, errors


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("n, fan_in, fan_out", [(1, 1, 1), (3, 4, 2), (5, 2, 6)])
@pytest.mark.parametrize("bias", [True, False])
def test_linear(seed, n, fan_in, fan_out, bias):
    rng = np.random.default_rng(seed)
    layer = randomize(nb.Linear(fan_in, fan_out, rng=rng, bias=bias), rng)
    assert len(layer.parameters()) == (2 if bias else 1)
    assert_gradients_match(layer, rng.standard_normal((n, fan_in)), rng)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", [(4, 3), (2, 7), (1, 1)])
@pytest.mark.parametrize("name", sorted(nb.ACTIVATIONS))
def test_activation(seed, shape, name):
    rng = np.random.default_rng(seed)
    z = away_from_kink(2.0 * rng.standard_normal(shape))
    assert np.abs(z).min() >= 1e-2
    assert_gradients_match(nb.ACTIVATIONS[name](), z, rng)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("ids", [[2, 0, 2, 3], [[1, 1], [4, 1]], [0]])
def test_embedding_table(seed, ids):
    """The ids have no gradient; the table's gradient is checked directly, repeated ids included."""
    rng = np.random.default_rng(seed)
    embedding = nb.Embedding(5, 3, rng=rng)
    upstream = rng.standard_normal(np.shape(ids) + (3,))
    embedding.forward(ids)
    assert embedding.backward(upstream) is None
    analytic = embedding.weight.grad.copy()
    numeric = nb.numerical_gradient(lambda: float(np.sum(upstream * embedding.forward(ids))),
                                    embedding.weight.data)
    assert nb.relative_error(analytic, numeric) <= TOL


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape, p", [((4, 5), 0.5), ((3, 2), 0.2), ((6, 3), 0.8)])
def test_dropout_with_fixed_mask(monkeypatch, seed, shape, p):
    rng = np.random.default_rng(seed)
    dropout = nb.Dropout(p, rng=rng)
    fixed_mask(monkeypatch, dropout, shape, rng)
    assert_gradients_match(dropout, rng.standard_normal(shape), rng)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", [(3, 3), (5, 4), (8, 3)])
@pytest.mark.parametrize("norm", [nb.BatchNorm1d, nb.LayerNorm])
def test_normalization(seed, shape, norm):
    """At least 3 values per statistic: with 2, x_hat is +-1 whatever x is, and d x_hat / dx ~ eps."""
    rng = np.random.default_rng(seed)
    layer = randomize(norm(shape[1]), rng)
    assert layer.training
    assert_gradients_match(layer, 3.0 * rng.standard_normal(shape) + 1.0, rng)


def test_batchnorm_check_has_teeth(monkeypatch, rng):
    """Dropping the paths through the batch mean and variance must be caught by the check."""
    layer = randomize(nb.BatchNorm1d(4), rng)
    monkeypatch.setattr(normalization, "normalize_backward",
                        lambda grad_x_hat, x_hat, inv_std, axis: inv_std * grad_x_hat)
    errors = nb.check_module(layer, rng.standard_normal((6, 4)), rng)
    assert errors["input"] > 1e-3
    assert max(errors["gamma"], errors["beta"]) <= TOL  # the parameter paths are still right


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("hidden", [nb.Tanh, nb.ReLU])
def test_mlp(seed, hidden):
    rng = np.random.default_rng(seed)
    model = randomize(nb.Sequential(nb.Linear(4, 5, rng=rng), hidden(), nb.Linear(5, 5, rng=rng),
                                    hidden(), nb.Linear(5, 3, rng=rng)), rng)
    assert_gradients_match(model, rng.standard_normal((6, 4)), rng)


@pytest.mark.parametrize("seed", SEEDS)
def test_mlp_with_batchnorm_and_dropout(monkeypatch, seed):
    rng = np.random.default_rng(seed)
    dropout = nb.Dropout(0.3, rng=rng)
    # No bias before BatchNorm: the batch mean removes it, so its gradient is exactly 0 in theory.
    model = randomize(nb.Sequential(nb.Linear(4, 6, rng=rng, bias=False), nb.BatchNorm1d(6),
                                    nb.Tanh(), dropout, nb.Linear(6, 2, rng=rng)), rng)
    fixed_mask(monkeypatch, dropout, (5, 6), rng)
    assert_gradients_match(model, rng.standard_normal((5, 4)), rng)


def gaussian(rng, shape):
    return 2.0 * rng.standard_normal(shape)


def probabilities(rng, shape):
    return rng.uniform(0.05, 0.95, shape)


def binary(rng, shape):
    return rng.integers(0, 2, shape)


def class_ids(rng, shape):
    return rng.integers(0, shape[1], shape[0])


def one_hot_rows(rng, shape):
    return nb.one_hot(class_ids(rng, shape), shape[1])


def soft_rows(rng, shape):
    return nb.softmax(rng.standard_normal(shape))


LOSS_CASES = {
    "half_squared": (nb.HalfSquaredError, gaussian, gaussian),
    "mean_squared": (nb.MeanSquaredError, gaussian, gaussian),
    "bce_probabilities": (nb.BinaryCrossEntropy, probabilities, binary),
    "bce_soft_targets": (nb.BinaryCrossEntropy, probabilities, probabilities),
    "bce_with_logits": (nb.BCEWithLogits, gaussian, binary),
    "softmax_ce_ids": (nb.SoftmaxCrossEntropy, gaussian, class_ids),
    "softmax_ce_one_hot": (nb.SoftmaxCrossEntropy, gaussian, one_hot_rows),
    "softmax_ce_soft": (nb.SoftmaxCrossEntropy, gaussian, soft_rows),
}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", [(1, 1), (4, 3), (7, 2)])
@pytest.mark.parametrize("case", sorted(LOSS_CASES))
def test_loss(seed, shape, case):
    loss_class, make_pred, make_target = LOSS_CASES[case]
    rng = np.random.default_rng(seed)
    assert nb.check_loss(loss_class(), make_pred(rng, shape), make_target(rng, shape)) <= TOL


def test_every_loss_is_covered():
    covered = {loss_class for loss_class, _, _ in LOSS_CASES.values()}
    assert covered == set(nb.Loss.__subclasses__())
