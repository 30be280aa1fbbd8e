"""Small seeded data sets used by the chapters (all generated, nothing downloaded).

Each returns ``X (N, 2)`` (or ``(N, 1)``) float64 and targets ``y``; the
randomness comes from the ``numpy.random.Generator`` passed in.
"""

import numpy as np

from . import _validate


def xor():
    """The four XOR points ``X (4, 2)`` and labels ``y (4,)``: 1 iff exactly one input is 1."""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    return X, np.array([0, 1, 1, 0])


def two_blobs(n, *, separation=2.0, rng):
    """Two round Gaussian clouds centred at ``(-s/2, -s/2)`` and ``(s/2, s/2)``: ``X (n, 2)``, ``y (n,)``."""
    n = _validate.positive_int("n", n)
    labels = np.arange(n) % 2
    centres = (labels[:, None] - 0.5) * separation
    return centres + _validate.generator(rng).standard_normal((n, 2)), labels


def two_moons(n, *, noise=0.1, rng):
    """Two interleaved half circles: ``X (n, 2)``, labels ``y (n,)`` in {0, 1} (about half each)."""
    n = _validate.positive_int("n", n)
    rng = _validate.generator(rng)
    labels = np.arange(n) % 2
    angle = rng.uniform(0.0, np.pi, n)
    upper = np.column_stack([np.cos(angle), np.sin(angle)])
    lower = np.column_stack([1.0 - np.cos(angle), 0.5 - np.sin(angle)])
    X = np.where(labels[:, None] == 0, upper, lower)
    return X + _validate.non_negative("noise", noise) * rng.standard_normal((n, 2)), labels


def spirals(n_per_class, *, classes=3, noise=0.2, rng):
    """``classes`` interleaved spiral arms (the CS231n toy set): ``X (classes*n_per_class, 2)``, ``y``."""
    n = _validate.positive_int("n_per_class", n_per_class)
    classes = _validate.positive_int("classes", classes)
    rng = _validate.generator(rng)
    radius = np.tile(np.linspace(0.0, 1.0, n), classes)
    labels = np.repeat(np.arange(classes), n)
    theta = (labels * 4.0 + np.tile(np.linspace(0.0, 4.0, n), classes)
             + _validate.non_negative("noise", noise) * rng.standard_normal(n * classes))
    return np.column_stack([radius * np.sin(theta), radius * np.cos(theta)]), labels


def noisy_curve(n, *, noise=0.1, rng):
    """A 1-D regression set: ``x (n, 1)`` uniform on [-3, 3], ``y (n, 1) = sin(x) + noise``."""
    n = _validate.positive_int("n", n)
    rng = _validate.generator(rng)
    x = np.sort(rng.uniform(-3.0, 3.0, n))[:, None]
    return x, np.sin(x) + _validate.non_negative("noise", noise) * rng.standard_normal((n, 1))


def train_validation_split(X, y, *, validation_fraction=0.25, rng):
    """Shuffle and split ``X (N, ...)``, ``y (N, ...)`` into ``(X_train, y_train), (X_val, y_val)``."""
    if not 0 < validation_fraction < 1:
        raise ValueError(f"validation_fraction must be in (0, 1), got {validation_fraction!r}")
    _validate.same_length("train_validation_split", X, y)
    order = _validate.generator(rng).permutation(len(X))
    cut = len(X) - max(1, int(round(validation_fraction * len(X))))
    train, val = order[:cut], order[cut:]
    return (X[train], y[train]), (X[val], y[val])
