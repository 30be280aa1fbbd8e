"""Weight initializers (chapter 7): draw a ``(out, in)`` weight with a chosen spread.

A weight of shape ``(fan_out, fan_in)`` feeds each output unit from ``fan_in``
inputs. The schemes differ only in the variance of the normal they draw from:

* He / Kaiming (ReLU layers):   ``Var = 2 / fan_in``
* Xavier / Glorot (tanh, sigmoid): ``Var = 2 / (fan_in + fan_out)``
* LeCun:                         ``Var = 1 / fan_in``

(``1 / fan_in`` is often called "Xavier" by mistake; it is LeCun's scheme. Glorot's
averages fan-in and fan-out, and the two agree only when ``fan_in == fan_out``.)
"""

import numpy as np

from . import _validate

_VARIANCE = {
    "he": lambda fan_in, fan_out: 2.0 / fan_in,
    "xavier": lambda fan_in, fan_out: 2.0 / (fan_in + fan_out),
    "lecun": lambda fan_in, fan_out: 1.0 / fan_in,
    "zeros": lambda fan_in, fan_out: 0.0,
}
SCHEMES = tuple(_VARIANCE)


def init_std(scheme, fan_in, fan_out):
    """Standard deviation of scheme ``"he" | "xavier" | "lecun" | "zeros"``."""
    if scheme not in _VARIANCE:
        raise ValueError(f"unknown initializer {scheme!r}; choose one of {SCHEMES}")
    fan_in = _validate.positive_int("fan_in", fan_in)
    fan_out = _validate.positive_int("fan_out", fan_out)
    return float(np.sqrt(_VARIANCE[scheme](fan_in, fan_out)))


def init_weight(scheme, shape, rng=None, dtype=np.float64):
    """Draw a weight of ``shape = (fan_out, fan_in)`` from ``N(0, init_std**2)``.

    ``rng`` (a ``numpy.random.Generator``) is required except for ``"zeros"``.
    """
    fan_out, fan_in = shape
    std = init_std(scheme, fan_in, fan_out)
    if scheme == "zeros":
        return np.zeros(shape, dtype=dtype)
    return (std * _validate.generator(rng).standard_normal(shape)).astype(dtype)


def he(shape, rng, dtype=np.float64):
    """He / Kaiming normal: std ``sqrt(2 / fan_in)``; for ReLU layers."""
    return init_weight("he", shape, rng, dtype)


def xavier(shape, rng, dtype=np.float64):
    """Xavier / Glorot normal: std ``sqrt(2 / (fan_in + fan_out))``; for tanh and sigmoid."""
    return init_weight("xavier", shape, rng, dtype)


def lecun(shape, rng, dtype=np.float64):
    """LeCun normal: std ``sqrt(1 / fan_in)``."""
    return init_weight("lecun", shape, rng, dtype)


def zeros(shape, rng=None, dtype=np.float64):
    """All zeros: every unit stays identical (the symmetry that never breaks)."""
    return init_weight("zeros", shape, rng, dtype)
