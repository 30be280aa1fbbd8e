"""BatchNorm and LayerNorm (chapter 8): re-centre and re-scale, then a learned scale and shift.

Both compute ``x_hat = (x - mean) / sqrt(var + eps)`` and ``y = gamma * x_hat + beta``
(PyTorch calls ``gamma, beta`` ``weight, bias``; some texts call the shift
``delta``, which collides with back-propagation's delta). They differ only in the axis the statistics run over:
BatchNorm over the batch (each feature separately), LayerNorm over the
features (each example separately).
"""

import numpy as np

from . import _validate
from .module import Module, Parameter, check_grad_out


def normalize(x, axis, eps):
    """``x_hat = (x - mean) / sqrt(var + eps)`` along ``axis``; returns ``(x_hat, 1/std, mean, var)``."""
    mean = x.mean(axis=axis, keepdims=True)
    var = x.var(axis=axis, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    return (x - mean) * inv_std, inv_std, mean, var


def normalize_backward(grad_x_hat, x_hat, inv_std, axis):
    """Gradient through ``normalize``, including the paths through the mean and the variance."""
    mean_grad = grad_x_hat.mean(axis=axis, keepdims=True)
    mean_grad_x_hat = (grad_x_hat * x_hat).mean(axis=axis, keepdims=True)
    return inv_std * (grad_x_hat - mean_grad - x_hat * mean_grad_x_hat)


class _Normalization(Module):
    """Shared parts: ``gamma``, ``beta`` of shape ``(num_features,)`` and the affine backward."""

    def __init__(self, num_features, eps, dtype):
        self.num_features = _validate.positive_int("num_features", num_features)
        self.eps = _validate.positive("eps", eps)
        self.gamma = Parameter(np.ones(self.num_features, dtype=dtype))
        self.beta = Parameter(np.zeros(self.num_features, dtype=dtype))

    def _affine(self, x_hat, inv_std, axis):
        self._save(x_hat=x_hat, inv_std=inv_std, axis=axis)
        return self.gamma.data * x_hat + self.beta.data

    def backward(self, grad_out):
        """``grad_out (N, F)`` -> ``grad_in (N, F)``; adds ``dgamma``, ``dbeta``."""
        cache = self._saved()
        x_hat = cache["x_hat"]
        grad_out = check_grad_out(self, grad_out, x_hat.shape)
        self.gamma.grad += (grad_out * x_hat).sum(axis=0)
        self.beta.grad += grad_out.sum(axis=0)
        if cache["axis"] is None:
            return grad_out * self.gamma.data * cache["inv_std"]
        return normalize_backward(grad_out * self.gamma.data, x_hat, cache["inv_std"], cache["axis"])

    def __repr__(self):
        return f"{type(self).__name__}({self.num_features})"


class BatchNorm1d(_Normalization):
    """Normalize each feature over the batch: ``x (N, F)`` -> ``y (N, F)``.

    Training uses the batch's mean and (biased) variance and updates running
    estimates ``running = (1 - momentum) running + momentum batch`` (the
    running variance uses the unbiased batch variance, as PyTorch does).
    Evaluation uses the running estimates, so one example's output no longer
    depends on the others in its batch.
    """

    buffer_names = ("running_mean", "running_var")

    def __init__(self, num_features, *, eps=1e-5, momentum=0.1, dtype=np.float64):
        super().__init__(num_features, eps, dtype)
        self.momentum = _validate.in_unit_interval("momentum", momentum)
        self.running_mean = np.zeros(self.num_features, dtype=dtype)
        self.running_var = np.ones(self.num_features, dtype=dtype)

    def forward(self, x):
        """``x (N, F)`` -> ``gamma * x_hat + beta``."""
        x = _validate.features(self, x, self.num_features)
        if not self.training:
            inv_std = 1.0 / np.sqrt(self.running_var + self.eps)
            return self._affine((x - self.running_mean) * inv_std, inv_std, None)
        if len(x) < 2:
            raise _validate.ShapeError(f"{self!r} needs at least 2 examples per batch in "
                                       f"training mode, got {x.shape}; call .eval() for one")
        x_hat, inv_std, mean, var = normalize(x, 0, self.eps)
        unbiased = var[0] * len(x) / (len(x) - 1)
        self.running_mean += self.momentum * (mean[0] - self.running_mean)
        self.running_var += self.momentum * (unbiased - self.running_var)
        return self._affine(x_hat, inv_std, 0)


class LayerNorm(_Normalization):
    """Normalize each example over its features: ``x (N, F)`` -> ``y (N, F)``; same in training and evaluation."""

    def __init__(self, num_features, *, eps=1e-5, dtype=np.float64):
        super().__init__(num_features, eps, dtype)

    def forward(self, x):
        """``x (N, F)`` -> ``gamma * x_hat + beta``, statistics per row."""
        x = _validate.features(self, x, self.num_features)
        x_hat, inv_std, _, _ = normalize(x, 1, self.eps)
        return self._affine(x_hat, inv_std, 1)
