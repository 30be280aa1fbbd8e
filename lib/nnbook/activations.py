"""Activation functions with their derivatives (chapter 2).

Each activation is a ``Module`` applied elementwise: ``forward(z)`` keeps ``z``,
``backward(grad_out)`` returns ``grad_out * phi'(z)``. The pure functions
``value(z)`` and ``derivative(z)`` are available on every class, so a chapter
can plot a curve and its slope without building a layer.
"""

import math

import numpy as np
from scipy.special import erf

from . import _validate
from .module import Module, check_grad_out

# Python floats, not NumPy scalars, so a float32 input stays float32 (NEP 50).
_SQRT_2 = math.sqrt(2.0)
_SQRT_2_PI = math.sqrt(2.0 * math.pi)
_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
_GELU_CUBIC = 0.044715


def sigmoid(z):
    """``1 / (1 + exp(-z))`` for any shape, with no overflow for ``|z|`` up to 1e308."""
    z = np.asarray(z)
    e = np.exp(-np.abs(z))           # in (0, 1]: never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _float_dtype(z):
    """The dtype of a slope for ``z``: its own if floating (float32 stays float32), else float64."""
    return z.dtype if np.issubdtype(z.dtype, np.floating) else np.float64


class Activation(Module):
    """Elementwise ``a = phi(z)``; subclasses define ``value(z)`` and ``derivative(z)``."""

    def forward(self, z):
        """``z`` (any shape) -> ``phi(z)`` (same shape)."""
        z = np.asarray(z)
        self._save(z=z)
        return self.value(z)

    def backward(self, grad_out):
        """``grad_out`` (shape of ``z``) -> ``grad_out * phi'(z)``."""
        z = self._saved()["z"]
        grad_out = check_grad_out(self, grad_out, z.shape)
        return grad_out * self.derivative(z)

    def __repr__(self):
        return f"{type(self).__name__}()"


class Identity(Activation):
    """``phi(z) = z``: the output function of a regression network."""

    @staticmethod
    def value(z):
        return np.asarray(z).copy()

    @staticmethod
    def derivative(z):
        return np.ones_like(z)


class Sigmoid(Activation):
    """``sigma(z) = 1 / (1 + e^{-z})``, range (0, 1); ``sigma' = sigma (1 - sigma)``."""

    value = staticmethod(sigmoid)

    @staticmethod
    def derivative(z):
        s = sigmoid(z)
        return s * (1.0 - s)


class Tanh(Activation):
    """``tanh(z)``, range (-1, 1), zero-centred; ``tanh' = 1 - tanh^2``."""

    @staticmethod
    def value(z):
        return np.tanh(z)

    @staticmethod
    def derivative(z):
        return 1.0 - np.tanh(z) ** 2


class ReLU(Activation):
    """Rectified linear unit ``max(0, z)``; slope 1 for ``z > 0`` and 0 otherwise."""

    @staticmethod
    def value(z):
        return np.maximum(z, 0)

    @staticmethod
    def derivative(z):
        z = np.asarray(z)
        return (z > 0).astype(_float_dtype(z))


class LeakyReLU(Activation):
    """``z`` for ``z > 0`` and ``slope * z`` otherwise: negatives keep a small gradient."""

    def __init__(self, slope=0.01):
        self.slope = _validate.non_negative("slope", slope)

    def value(self, z):
        return np.where(np.asarray(z) > 0, z, self.slope * np.asarray(z))

    def derivative(self, z):
        z = np.asarray(z)
        return np.where(z > 0, 1.0, self.slope).astype(_float_dtype(z))

    def __repr__(self):
        return f"LeakyReLU(slope={self.slope})"


class GELU(Activation):
    """Gaussian error linear unit ``z * Phi(z) = z/2 (1 + erf(z / sqrt 2))`` (exact form)."""

    @staticmethod
    def value(z):
        return 0.5 * z * (1.0 + erf(np.asarray(z) / _SQRT_2))

    @staticmethod
    def derivative(z):
        z = np.asarray(z)
        cdf = 0.5 * (1.0 + erf(z / _SQRT_2))
        pdf = np.exp(-0.5 * z**2) / _SQRT_2_PI
        return cdf + z * pdf


class GELUTanh(Activation):
    """GELU's tanh approximation ``z/2 (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3)))``."""

    @staticmethod
    def value(z):
        z = np.asarray(z)
        return 0.5 * z * (1.0 + np.tanh(_SQRT_2_OVER_PI * (z + _GELU_CUBIC * z**3)))

    @staticmethod
    def derivative(z):
        z = np.asarray(z)
        t = np.tanh(_SQRT_2_OVER_PI * (z + _GELU_CUBIC * z**3))
        inner_slope = _SQRT_2_OVER_PI * (1.0 + 3.0 * _GELU_CUBIC * z**2)
        return 0.5 * (1.0 + t) + 0.5 * z * (1.0 - t**2) * inner_slope


ACTIVATIONS = {
    "identity": Identity,
    "sigmoid": Sigmoid,
    "tanh": Tanh,
    "relu": ReLU,
    "leaky_relu": LeakyReLU,
    "gelu": GELU,
    "gelu_tanh": GELUTanh,
}
