"""Shared set-up for the engine tests: a derandomized hypothesis profile and small fixtures."""

import warnings

import numpy as np
import pytest
from hypothesis import settings

# The same examples every run (no random seed, no example database), no timing-based failures.
settings.register_profile("nnbook-engine", derandomize=True, database=None, deadline=None,
                          max_examples=30, print_blob=True)
settings.load_profile("nnbook-engine")


@pytest.fixture
def rng():
    """A fresh seeded generator per test, so every test is deterministic on its own."""
    return np.random.default_rng(20240611)


@pytest.fixture
def strict_numerics():
    """Turn every warning into an error and make NumPy raise on overflow, 0/0, x/0 and NaN.

    Underflow is left alone: ``exp(-1000)`` rounding to 0 is the correctly rounded
    result, and the stable formulas (``sigmoid``, ``softmax``) rely on it.
    """
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        yield
