"""The linear (fully connected) layer ``y = x @ W.T + b`` (chapters 1 and 3).

Batch-first, as in PyTorch: ``x`` has shape ``(N, in)``, ``W`` has shape
``(out, in)`` (one row per output unit), ``b`` has shape ``(out,)``. For a
single example written as a column vector this is the column form ``W x + b``;
the row form ``x W'`` uses ``W' = W.T`` of shape ``(in, out)``.

Dtype rule: a layer computes in its parameters' dtype. Its input is cast to that
dtype, so a float32 layer fed float64 (NumPy's default) returns float32, as a
float32 model should; choose ``dtype=np.float64`` for exact hand examples.
"""

import numpy as np

from . import _validate
from .init import init_weight
from .module import Module, Parameter, check_grad_out


class Linear(Module):
    """``y = x @ W.T + b``: ``x (N, in)`` -> ``y (N, out)``; ``weight (out, in)``, ``bias (out,)``."""

    def __init__(self, in_features, out_features, *, rng=None, init="he", bias=True,
                 dtype=np.float64):
        self.in_features = _validate.positive_int("in_features", in_features)
        self.out_features = _validate.positive_int("out_features", out_features)
        self.weight = Parameter(init_weight(init, (self.out_features, self.in_features), rng, dtype))
        self.bias = Parameter(np.zeros(self.out_features, dtype=dtype)) if bias else None

    @classmethod
    def from_weights(cls, weight, bias=None):
        """A layer with given ``weight (out, in)`` and optional ``bias (out,)`` (hand examples)."""
        weight = np.atleast_2d(np.asarray(weight, dtype=np.float64))
        if weight.ndim != 2:
            raise _validate.ShapeError(f"Linear weight must be 2-D (out, in), got {weight.shape}")
        out_features, in_features = weight.shape
        layer = cls(in_features, out_features, init="zeros", bias=bias is not None)
        layer.weight.data[...] = weight
        if bias is not None:
            layer.bias.data[...] = _validate.same_shape(layer, "bias", np.atleast_1d(bias),
                                                         (out_features,))
        return layer

    def forward(self, x):
        """``x (N, in)`` -> ``y (N, out)``, in the layer's dtype (``x`` is cast to it)."""
        x = _validate.features(self, x, self.in_features).astype(self.weight.data.dtype,
                                                                 copy=False)
        y = x @ self.weight.data.T
        if self.bias is not None:
            y += self.bias.data
        self._save(x=x)
        return y

    def backward(self, grad_out):
        """``grad_out (N, out)`` -> ``grad_in (N, in)``; adds ``dW = grad_out.T @ x``, ``db``."""
        x = self._saved()["x"]
        grad_out = check_grad_out(self, grad_out, (x.shape[0], self.out_features)).astype(
            x.dtype, copy=False)
        self.weight.grad += grad_out.T @ x
        if self.bias is not None:
            self.bias.grad += grad_out.sum(axis=0)
        return grad_out @ self.weight.data

    def __repr__(self):
        return f"Linear(in={self.in_features}, out={self.out_features})"
