"""Dropout (chapter 8): randomly silence units while training."""

import numpy as np

from . import _validate
from .module import Module, check_grad_out


class Dropout(Module):
    """Inverted dropout: in training, zero each entry with probability ``p`` and scale the rest by ``1/(1-p)``.

    The expected output then equals the input, so evaluation mode is the identity.
    ``x`` (any shape) -> same shape.
    """

    def __init__(self, p=0.5, *, rng):
        self.p = _validate.in_unit_interval("dropout p", p)
        self.rng = _validate.generator(rng)

    def sample_mask(self, shape):
        """A mask of ``shape`` with entries ``0`` (dropped) or ``1/(1-p)`` (kept)."""
        keep = self.rng.random(shape) >= self.p
        return keep / (1.0 - self.p)

    def forward(self, x):
        """``x`` -> ``x * mask`` in training, ``x`` in evaluation."""
        x = np.asarray(x)
        mask = self.sample_mask(x.shape).astype(x.dtype) if self.training and self.p > 0 else None
        self._save(mask=mask, shape=x.shape)
        return x * mask if mask is not None else x

    def backward(self, grad_out):
        """``grad_out`` -> ``grad_out * mask`` (the same mask as forward)."""
        cache = self._saved()
        grad_out = check_grad_out(self, grad_out, cache["shape"])
        return grad_out * cache["mask"] if cache["mask"] is not None else grad_out

    def __repr__(self):
        return f"Dropout(p={self.p})"
