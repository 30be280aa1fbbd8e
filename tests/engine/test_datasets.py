"""The toy data sets: shapes, label balance, and seeded determinism."""

import numpy as np
import pytest

import nnbook as nb


def test_xor():
    X, y = nb.xor()
    assert X.shape == (4, 2) and X.dtype == np.float64
    np.testing.assert_array_equal(y, np.logical_xor(X[:, 0], X[:, 1]).astype(int))


DATASETS = {  # name: (make(seed), X shape, number of classes or None for regression)
    "two_blobs": (lambda seed: nb.two_blobs(99, rng=np.random.default_rng(seed)), (99, 2), 2),
    "two_moons": (lambda seed: nb.two_moons(101, rng=np.random.default_rng(seed)), (101, 2), 2),
    "spirals": (lambda seed: nb.spirals(50, classes=3, rng=np.random.default_rng(seed)), (150, 2), 3),
    "noisy_curve": (lambda seed: nb.noisy_curve(60, rng=np.random.default_rng(seed)), (60, 1), None),
}


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_shapes_and_labels(name):
    make, shape, classes = DATASETS[name]
    X, y = make(0)
    assert X.shape == shape and X.dtype == np.float64 and np.all(np.isfinite(X))
    if classes is None:
        assert y.shape == shape
        assert np.all(np.diff(X[:, 0]) >= 0) and np.all(np.abs(X) <= 3)
    else:
        assert y.shape == shape[:1]
        counts = np.bincount(y, minlength=classes)
        assert len(counts) == classes and counts.max() - counts.min() <= 1


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_same_seed_same_data_other_seed_other_data(name):
    make = DATASETS[name][0]
    (X0, y0), (X0_again, y0_again), (X1, _) = make(0), make(0), make(1)
    np.testing.assert_array_equal(X0, X0_again)
    np.testing.assert_array_equal(y0, y0_again)
    assert not np.allclose(X0, X1)


def test_noise_free_sets_lie_on_their_curves():
    X, y = nb.noisy_curve(30, noise=0.0, rng=np.random.default_rng(0))
    np.testing.assert_array_equal(y, np.sin(X))
    X, y = nb.two_moons(30, noise=0.0, rng=np.random.default_rng(0))
    centres = np.where(y[:, None] == 0, [0.0, 0.0], [1.0, 0.5])
    np.testing.assert_allclose(np.linalg.norm(X - centres, axis=1), 1.0, rtol=1e-14)


def test_two_blobs_centres():
    X, y = nb.two_blobs(20_000, separation=3.0, rng=np.random.default_rng(0))
    for label, centre in ((0, -1.5), (1, 1.5)):
        # 10,000 unit-variance draws per class: the mean is within 5 standard errors (0.05)
        np.testing.assert_allclose(X[y == label].mean(axis=0), [centre, centre], atol=0.05)


@pytest.mark.parametrize("n, fraction, n_val", [(100, 0.25, 25), (10, 0.01, 1), (7, 0.5, 4)])
def test_train_validation_split(n, fraction, n_val, rng):
    X, y = np.arange(2 * n).reshape(n, 2), np.arange(n)
    (X_train, y_train), (X_val, y_val) = nb.train_validation_split(
        X, y, validation_fraction=fraction, rng=rng)
    assert (len(X_val), len(X_train)) == (n_val, n - n_val)
    np.testing.assert_array_equal(np.sort(np.concatenate([y_train, y_val])), y)
    np.testing.assert_array_equal(X_train[:, 0], 2 * y_train)  # rows stay paired with their targets
    np.testing.assert_array_equal(X_val[:, 0], 2 * y_val)
