"""Losses and output functions, each with its gradient (chapter 5).

A loss compares predictions ``pred (N, K)`` with targets and returns a scalar:
the average over the batch. ``backward()`` returns ``dL/dpred`` in the shape the
caller gave ``pred`` (a 1-D ``pred (N,)`` is read as ``N`` one-output examples, and its
gradient is ``(N,)`` again). Two squared-error conventions appear in the sources, so both exist
under names that cannot be confused:

* ``HalfSquaredError``: ``L = 1/N sum_n 1/2 ||a_n - y_n||^2`` (the ``1/2 (a - y)^2``
  convention, chosen so the factor 2 cancels); its output error is ``a - y`` (divided by N).
* ``MeanSquaredError``: ``L = mean of (a - y)^2`` over every entry (PyTorch's
  ``MSELoss``); its output error is ``2 (a - y)`` (divided by the number of entries).
"""

import numpy as np

from . import _validate
from .activations import sigmoid
from .embedding import check_ids


def log_softmax(z, axis=-1):
    """``log softmax(z)`` along ``axis``, computed as ``z - max - log sum exp(z - max)``."""
    z = np.asarray(z)
    shifted = z - z.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def softmax(z, axis=-1):
    """``exp(z_i) / sum_j exp(z_j)`` along ``axis``; max-shifted so it never overflows."""
    z = np.asarray(z)
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def softplus(z):
    """``log(1 + e^z)`` without overflow: ``max(z, 0) + log1p(e^{-|z|})``."""
    z = np.asarray(z)
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


class Loss:
    """Base class: ``backward() -> dL/dpred`` from what ``forward`` cached.

    A subclass defines ``forward(pred, target) -> float``, which stores the keyword
    arguments of its ``_gradient`` in ``self._cache``.
    """

    def __call__(self, pred, target):
        return self.forward(pred, target)

    def backward(self, grad_out=1.0):
        """``dL/dpred`` (shape of ``pred``), scaled by the upstream scalar ``grad_out``."""
        cache = getattr(self, "_cache", None)
        if cache is None:
            raise RuntimeError(f"{type(self).__name__}: backward called before forward")
        return (grad_out * self._gradient(**cache)).reshape(self._pred_shape)

    def _batch(self, name, pred):
        """``pred`` as a float batch ``(N, K)`` (a 1-D ``pred`` is a column ``(N, 1)``);
        remembers the caller's shape, which ``backward`` returns."""
        pred = np.asarray(pred)
        if not np.issubdtype(pred.dtype, np.floating):
            pred = pred.astype(np.float64)
        self._pred_shape = pred.shape
        if pred.ndim == 1:
            pred = pred[:, None]
        if pred.ndim != 2 or pred.shape[0] == 0:
            raise _validate.ShapeError(f"{self!r}: {name} must have shape (N, K) with N >= 1, "
                                       f"got {pred.shape}")
        return pred

    def _matching(self, pred, target):
        pred = self._batch("pred", pred)
        target = np.asarray(target, dtype=pred.dtype)
        if pred.shape[1] == 1 and target.shape == pred.shape[:1]:
            target = target[:, None]
        if target.shape != pred.shape:
            _shape_mismatch(self, pred, target)
        return pred, target

    def __repr__(self):
        return f"{type(self).__name__}()"


class HalfSquaredError(Loss):
    """``1/N sum_n 1/2 ||pred_n - target_n||^2``; gradient ``(pred - target) / N``."""

    def forward(self, pred, target):
        pred, target = self._matching(pred, target)
        diff = pred - target
        self._cache = {"diff": diff}
        return float(0.5 * np.sum(diff**2) / len(diff))

    @staticmethod
    def _gradient(diff):
        return diff / len(diff)


class MeanSquaredError(Loss):
    """``mean((pred - target)^2)`` over all entries; gradient ``2 (pred - target) / size``."""

    def forward(self, pred, target):
        pred, target = self._matching(pred, target)
        diff = pred - target
        self._cache = {"diff": diff}
        return float(np.mean(diff**2))

    @staticmethod
    def _gradient(diff):
        return 2.0 * diff / diff.size


class BinaryCrossEntropy(Loss):
    """From probabilities: ``-mean(y log p + (1 - y) log(1 - p))``.

    ``p`` is clipped to ``[1e-12, 1 - 1e-12]`` so a confident mistake costs about
    27.6 instead of infinity. In float32, whose nearest number below 1 is
    ``1 - 6e-8``, the upper bound is that number (a mistake at p = 1 costs about
    16.6). Prefer ``BCEWithLogits`` when you have logits.
    """

    CLIP = 1e-12

    def forward(self, pred, target):
        p, y = self._matching(pred, target)
        if np.any((p < 0) | (p > 1)) or np.any((y < 0) | (y > 1)):
            raise ValueError("BinaryCrossEntropy: pred and target must be probabilities in [0, 1]")
        below_one = np.nextafter(p.dtype.type(1), p.dtype.type(0))
        p = np.clip(p, self.CLIP, min(1 - self.CLIP, below_one))
        self._cache = {"p": p, "y": y}
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log1p(-p)))

    @staticmethod
    def _gradient(p, y):
        return (p - y) / (p * (1 - p)) / p.size


class BCEWithLogits(Loss):
    """From logits ``z``: ``mean(softplus(z) - y z)``, stable for any ``z``; gradient ``(sigma(z) - y) / size``."""

    def forward(self, pred, target):
        z, y = self._matching(pred, target)
        self._cache = {"z": z, "y": y}
        return float(np.mean(softplus(z) - y * z))

    @staticmethod
    def _gradient(z, y):
        return (sigmoid(z) - y) / z.size


class SoftmaxCrossEntropy(Loss):
    """Softmax of logits ``(N, K)`` fused with cross-entropy; targets are ids ``(N,)`` or rows ``(N, K)``.

    ``L = -1/N sum_n sum_k y_nk log p_nk`` with ``p = softmax(z)``; the gradient is
    ``(p - y) / N``. Integer labels are turned into one-hot rows.
    """

    def forward(self, pred, target):
        z = self._batch("logits", pred)
        if np.ndim(pred) == 1:                    # one example's logits (K,)
            z = z.T
        y = self._target_rows(z, target)
        log_p = log_softmax(z)
        self._cache = {"p": np.exp(log_p), "y": y}
        return float(-np.sum(y * log_p) / len(z))

    def _target_rows(self, z, target):
        """Targets as rows ``(N, K)``: integer labels ``(N,)`` become one-hot rows."""
        target = np.asarray(target)
        if target.ndim == 1 and not np.issubdtype(target.dtype, np.floating):
            labels = check_ids(target, z.shape[1], f"{self!r} labels")
            if len(labels) != len(z):
                _shape_mismatch(self, z, target, "give one label per example")
            return np.eye(z.shape[1], dtype=z.dtype)[labels]
        rows = np.atleast_2d(target)              # one probability row for one example
        if rows.shape != z.shape:
            _shape_mismatch(self, z, target, "give integer labels (N,) or rows (N, K)")
        return rows.astype(z.dtype)

    @staticmethod
    def _gradient(p, y):
        return (p - y) / len(p)


def _shape_mismatch(loss, pred, target, advice=""):
    raise _validate.ShapeError(f"{loss!r}: target shape {np.shape(target)} does not match "
                               f"prediction shape {np.shape(pred)}" + (f"; {advice}" if advice else ""))
