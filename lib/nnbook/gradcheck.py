"""Gradient checking by central differences (chapter 6).

For a module ``f`` and a random upstream gradient ``g`` (the vector-Jacobian
form), the analytic ``backward(g)`` must match the numerical gradient of the
scalar ``sum(g * f(x))``, entry by entry:

``d/dx_i sum(g * f(x)) ~ [S(x + eps e_i) - S(x - eps e_i)] / (2 eps)``.

Agreement is measured by the relative error ``||a - n|| / max(||a||, ||n||)``.
"""

import numpy as np

from . import _validate


def relative_error(analytic, numeric):
    """``||a - n|| / max(||a||, ||n||)``, and 0 when both are exactly zero."""
    analytic, numeric = np.asarray(analytic, float), np.asarray(numeric, float)
    scale = max(np.linalg.norm(analytic), np.linalg.norm(numeric))
    return float(np.linalg.norm(analytic - numeric) / scale) if scale > 0 else 0.0


def numerical_gradient(scalar_fn, array, eps=1e-6):
    """Central-difference gradient of ``scalar_fn()`` w.r.t. every entry of ``array`` (perturbed in place)."""
    grad = np.zeros(array.shape, dtype=np.float64)
    for index in np.ndindex(array.shape):
        original = array[index]
        array[index] = original + eps
        plus = scalar_fn()
        array[index] = original - eps
        minus = scalar_fn()
        array[index] = original
        grad[index] = (plus - minus) / (2.0 * eps)
    return grad


def check_module(module, x, rng, eps=1e-6):
    """Relative errors of ``module``'s backward: ``{"input": e, "<param name>": e, ...}``.

    ``x`` is a float64 batch; the upstream gradient is drawn from ``rng``.
    """
    rng = _validate.generator(rng)
    x = np.array(x, dtype=np.float64)
    upstream = rng.standard_normal(np.shape(module.forward(x)))
    module.zero_grad()
    module.forward(x)
    analytic = {"input": module.backward(upstream)}
    analytic.update((name, p.grad.copy()) for name, p in module.named_parameters())

    def objective():
        return float(np.sum(upstream * module.forward(x)))

    errors = {"input": relative_error(analytic["input"], numerical_gradient(objective, x, eps))}
    for name, p in module.named_parameters():
        errors[name] = relative_error(analytic[name], numerical_gradient(objective, p.data, eps))
    return errors


def check_loss(loss, pred, target, eps=1e-6):
    """Relative error of ``loss.backward()`` against central differences w.r.t. ``pred``."""
    pred = np.array(pred, dtype=np.float64)
    loss.forward(pred, target)
    analytic = loss.backward()
    numeric = numerical_gradient(lambda: loss.forward(pred, target), pred, eps)
    return relative_error(analytic, numeric)
