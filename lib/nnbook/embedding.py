"""Embedding layers: a learnable lookup table for discrete ids (chapter 4)."""

import numpy as np

from . import _validate
from .module import Module, Parameter, check_grad_out


def one_hot(ids, num_classes):
    """Integer ids ``(N,)`` -> one-hot rows ``(N, num_classes)`` of float64."""
    num_classes = _validate.positive_int("num_classes", num_classes)
    ids = check_ids(ids, num_classes, "one_hot")
    return np.eye(num_classes)[ids]


def check_ids(ids, num_ids, owner):
    """Return ``ids`` as an integer array if every id is an integer in ``[0, num_ids)``."""
    ids = np.asarray(ids)
    if ids.dtype == bool or not np.issubdtype(ids.dtype, np.integer):
        raise TypeError(f"{owner}: ids must be integers, got {ids.dtype} values such as "
                        f"{ids.ravel()[:3].tolist()}")
    bad = ids[(ids < 0) | (ids >= num_ids)]
    if bad.size:
        raise IndexError(f"{owner}: ids must be in [0, {num_ids}); got out-of-range ids "
                         f"{sorted(set(bad.tolist()))}")
    return ids


class Embedding(Module):
    """Lookup ``E[ids]``: ids of any shape ``S`` -> vectors ``S + (dim,)``; table ``(num_ids, dim)``.

    Equivalent to ``one_hot(ids) @ E``, without building the one-hot matrix.
    Backward adds each upstream row into the row of its id only, so a repeated
    id accumulates and an unused id receives exactly zero.
    """

    def __init__(self, num_ids, dim, *, rng=None, std=1.0, dtype=np.float64):
        self.num_ids = _validate.positive_int("num_ids", num_ids)
        self.dim = _validate.positive_int("dim", dim)
        std = _validate.non_negative("std", std)
        table = (np.zeros((self.num_ids, self.dim)) if std == 0
                 else std * _validate.generator(rng).standard_normal((self.num_ids, self.dim)))
        self.weight = Parameter(table.astype(dtype))

    @classmethod
    def from_table(cls, table):
        """An embedding whose table is the given ``(num_ids, dim)`` array."""
        table = np.asarray(table, dtype=np.float64)
        if table.ndim != 2:
            raise _validate.ShapeError(f"Embedding table must be 2-D (num_ids, dim), got {table.shape}")
        layer = cls(*table.shape, std=0.0)
        layer.weight.data[...] = table
        return layer

    def forward(self, ids):
        """``ids`` (integers, any shape ``S``) -> ``E[ids]`` of shape ``S + (dim,)``."""
        ids = check_ids(ids, self.num_ids, repr(self))
        self._save(ids=ids)
        return self.weight.data[ids]

    def backward(self, grad_out):
        """``grad_out (S + (dim,))`` -> ``None`` (ids have no gradient); adds rows into ``weight.grad``."""
        ids = self._saved()["ids"]
        grad_out = check_grad_out(self, grad_out, ids.shape + (self.dim,))
        np.add.at(self.weight.grad, ids.ravel(), grad_out.reshape(-1, self.dim))
        return None

    def __repr__(self):
        return f"Embedding(num_ids={self.num_ids}, dim={self.dim})"
