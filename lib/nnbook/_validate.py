"""Argument checks that fail early, with a message naming what was wrong."""

import numpy as np


class ShapeError(ValueError):
    """An array reached a module with a shape the module cannot take."""


def positive_int(name, value):
    """Return ``value`` if it is an integer > 0, else raise ``ValueError``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value <= 0:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def positive(name, value):
    """Return ``value`` as float if it is a finite number > 0."""
    if not _is_real(value) or not value > 0 or not np.isfinite(value):
        raise ValueError(f"{name} must be a number > 0, got {value!r}")
    return float(value)


def non_negative(name, value):
    """Return ``value`` as float if it is a finite number >= 0."""
    if not _is_real(value) or not value >= 0 or not np.isfinite(value):
        raise ValueError(f"{name} must be a number >= 0, got {value!r}")
    return float(value)


def in_unit_interval(name, value):
    """Return ``value`` as float if 0 <= value < 1 (a probability or a decay rate)."""
    if not _is_real(value) or not 0 <= value < 1:
        raise ValueError(f"{name} must be in [0, 1), got {value!r}")
    return float(value)


def generator(rng):
    """Return ``rng`` if it is a ``numpy.random.Generator``; no global random state."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            "rng must be a numpy.random.Generator, e.g. np.random.default_rng(0); "
            f"got {type(rng).__name__}"
        )
    return rng


def features(module, x, size):
    """Check that ``x`` is a batch ``(N, size)`` of floats for ``module``; return it as an array."""
    x = np.asarray(x)
    if x.ndim != 2 or x.shape[1] != size:
        raise ShapeError(f"{module!r} expects input of shape (N, {size}), got {x.shape}")
    if not (np.issubdtype(x.dtype, np.number) or x.dtype == bool):
        raise TypeError(f"{module!r} expects numbers, got an array of {x.dtype}")
    return x


def same_length(owner, X, y):
    """Check that ``X`` and ``y`` have the same number of rows (one target per example)."""
    if len(X) != len(y):
        raise ShapeError(f"{owner}: X has {len(X)} rows but y has {len(y)}")


def same_shape(module, name, array, expected):
    """Check that ``array`` has shape ``expected`` (the shape the forward pass produced)."""
    array = np.asarray(array)
    if array.shape != tuple(expected):
        raise ShapeError(f"{module!r}: {name} must have shape {tuple(expected)}, got {array.shape}")
    return array


def _is_real(value):
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)
