"""Property-based tests (hypothesis, derandomized profile in conftest.py) over shapes and values."""

import numpy as np
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import nnbook as nb

sizes = st.integers(1, 6)
seeds = st.integers(0, 2**32 - 1)
finite = st.floats(-50.0, 50.0, allow_nan=False, width=64)


@st.composite
def batches(draw, min_features=1, elements=finite):
    """A float64 batch ``(N, F)``."""
    shape = (draw(sizes), draw(st.integers(min_features, 6)))
    return draw(arrays(np.float64, shape, elements=elements))


@given(batches())
def test_softmax_is_a_distribution(z):
    p = nb.softmax(z)
    assert p.shape == z.shape
    assert np.all((p > 0) & (p <= 1))
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=0, atol=1e-14)


@given(batches())
def test_log_softmax_is_log_of_softmax(z):
    np.testing.assert_allclose(nb.log_softmax(z), np.log(nb.softmax(z)), rtol=1e-13, atol=1e-13)


@given(batches(), st.floats(-100.0, 100.0))
def test_softmax_is_shift_invariant(z, shift):
    np.testing.assert_allclose(nb.softmax(z + shift), nb.softmax(z), rtol=1e-12, atol=1e-300)


@given(batches(), seeds)
def test_softmax_cross_entropy_gradient_rows_sum_to_zero(z, seed):
    labels = np.random.default_rng(seed).integers(0, z.shape[1], z.shape[0])
    loss = nb.SoftmaxCrossEntropy()
    loss.forward(z, labels)
    np.testing.assert_allclose(loss.backward().sum(axis=1), 0.0, rtol=0, atol=1e-15)


@given(sizes, sizes, sizes, seeds, st.booleans())
def test_linear_matches_explicit_sums(n, fan_in, fan_out, seed, bias):
    rng = np.random.default_rng(seed)
    layer = nb.Linear(fan_in, fan_out, rng=rng, bias=bias)
    b = rng.standard_normal(fan_out) if bias else np.zeros(fan_out)
    if bias:
        layer.bias.data[...] = b
    x, W = rng.standard_normal((n, fan_in)), layer.weight.data
    y = layer.forward(x)
    assert y.shape == (n, fan_out)
    loop = [[sum(x[i, k] * W[o, k] for k in range(fan_in)) + b[o] for o in range(fan_out)]
            for i in range(n)]
    np.testing.assert_allclose(y, loop, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(y, np.einsum("ni,oi->no", x, W) + b, rtol=1e-12, atol=1e-12)


@given(st.integers(1, 8), sizes, st.lists(st.integers(0, 7), min_size=1, max_size=12), seeds)
def test_embedding_is_a_one_hot_product(num_ids, dim, raw_ids, seed):
    rng = np.random.default_rng(seed)
    ids = np.array(raw_ids) % num_ids
    embedding = nb.Embedding(num_ids, dim, rng=rng)
    hot = nb.one_hot(ids, num_ids)
    np.testing.assert_array_equal(embedding.forward(ids), hot @ embedding.weight.data)
    grad_out = rng.standard_normal((len(ids), dim))
    embedding.backward(grad_out)
    np.testing.assert_allclose(embedding.weight.grad, hot.T @ grad_out, rtol=1e-12, atol=1e-12)
    unused = np.setdiff1d(np.arange(num_ids), ids)
    np.testing.assert_array_equal(embedding.weight.grad[unused], 0.0)


@given(batches(elements=st.floats(-1e3, 1e3)).filter(lambda x: len(x) >= 2))
def test_batchnorm_training_output_is_standardized(x):
    layer = nb.BatchNorm1d(x.shape[1])
    y = layer.forward(x)
    var = x.var(axis=0)
    np.testing.assert_allclose(y.mean(axis=0), 0.0, rtol=0, atol=1e-9)
    # Exactly var / (var + eps): ~1 for a spread-out feature, 0 for a constant one.
    np.testing.assert_allclose(y.var(axis=0), var / (var + layer.eps), rtol=1e-8, atol=1e-12)
    spread = var > 1.0
    np.testing.assert_allclose(y.var(axis=0)[spread], 1.0, rtol=1e-4)


@given(batches(elements=st.floats(-1e3, 1e3)).filter(lambda x: len(x) >= 2), st.floats(0.0, 0.99))
def test_batchnorm_running_statistics_drive_evaluation(x, momentum):
    layer = nb.BatchNorm1d(x.shape[1], momentum=momentum)
    layer.forward(x)
    running_mean = momentum * x.mean(axis=0)                   # from 0
    running_var = (1 - momentum) + momentum * x.var(axis=0, ddof=1)  # from 1, unbiased
    np.testing.assert_allclose(layer.running_mean, running_mean, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(layer.running_var, running_var, rtol=1e-12, atol=1e-12)
    y = layer.eval().forward(x)
    np.testing.assert_allclose(y, (x - running_mean) / np.sqrt(running_var + layer.eps),
                               rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(layer.forward(x[:1]), y[:1])  # one example alone, same output


@given(batches(elements=st.floats(-1e3, 1e3)))
def test_layernorm_rows_are_centred(x):
    y = nb.LayerNorm(x.shape[1]).forward(x)
    np.testing.assert_allclose(y.mean(axis=1), 0.0, rtol=0, atol=1e-9)


@given(st.floats(0.0, 0.9), seeds)
def test_dropout(p, seed):
    dropout = nb.Dropout(p, rng=np.random.default_rng(seed))
    x = np.ones((400, 250))
    out = dropout.forward(x)
    assert set(np.unique(out)) <= {0.0, 1.0 / (1.0 - p)}
    # Mean of n independent entries with mean 1 and variance p / (1 - p): within 5 standard errors.
    assert abs(out.mean() - 1.0) <= 5 * np.sqrt(p / (1 - p) / x.size)
    np.testing.assert_array_equal(dropout.backward(np.ones_like(x)), out)
    dropout.eval()
    z = np.random.default_rng(seed).standard_normal((3, 4))
    np.testing.assert_array_equal(dropout.forward(z), z)
    np.testing.assert_array_equal(dropout.backward(z), z)


@given(sizes, sizes, sizes, seeds)
def test_linear_gradient_check(n, fan_in, fan_out, seed):
    rng = np.random.default_rng(seed)
    errors = nb.check_module(nb.Linear(fan_in, fan_out, rng=rng), rng.standard_normal((n, fan_in)), rng)
    assert max(errors.values()) <= 1e-7, errors


@given(sizes, st.integers(3, 6), seeds)
def test_layernorm_gradient_check(n, features, seed):
    rng = np.random.default_rng(seed)
    layer = nb.LayerNorm(features)
    layer.gamma.data[...] = rng.standard_normal(features)
    x = rng.standard_normal((n, features))
    assume(x.std(axis=1).min() > 0.1)  # a near-constant row has a gradient of order eps
    errors = nb.check_module(layer, x, rng)
    assert max(errors.values()) <= 1e-7, errors
