"""Optimizers (chapter 7): SGD with momentum and weight decay, and Adam.

Each keeps its state per parameter and updates ``param.data`` in place from
``param.grad``. Conventions match PyTorch's ``torch.optim``.
"""

import math

import numpy as np

from . import _validate
from .module import Module, Parameter


class Optimizer:
    """Base class: holds the parameters; ``zero_grad()`` resets their gradients.

    A subclass defines ``step()``, which updates every ``param.data`` from ``param.grad``.
    """

    def __init__(self, parameters, lr):
        if isinstance(parameters, Module):
            raise TypeError(f"{type(self).__name__} got the module {parameters!r}; "
                            "pass model.parameters()")
        self.parameters = list(parameters)
        if not self.parameters:
            raise ValueError(f"{type(self).__name__} got an empty parameter list")
        for i, p in enumerate(self.parameters):
            if not isinstance(p, Parameter):
                raise TypeError(f"{type(self).__name__}: item {i} is a {type(p).__name__}, "
                                "not a Parameter (pass model.parameters())")
        self.lr = _validate.positive("learning rate lr", lr)

    def zero_grad(self):
        for p in self.parameters:
            p.grad[...] = 0


class SGD(Optimizer):
    """Stochastic gradient descent, optionally with momentum and L2 weight decay.

    For each parameter ``w`` with gradient ``g``:

    ``g <- g + weight_decay * w``;  ``v <- momentum * v + g``;  ``w <- w - lr * v``.

    With ``momentum = 0`` this is plain ``w <- w - lr * g``.
    """

    def __init__(self, parameters, lr, *, momentum=0.0, weight_decay=0.0):
        super().__init__(parameters, lr)
        self.momentum = _validate.in_unit_interval("momentum", momentum)
        self.weight_decay = _validate.non_negative("weight_decay", weight_decay)
        self.velocity = [np.zeros_like(p.data) for p in self.parameters]

    def step(self):
        for p, v in zip(self.parameters, self.velocity):
            g = p.grad + self.weight_decay * p.data if self.weight_decay else p.grad
            if self.momentum:
                v *= self.momentum
                v += g
                g = v
            p.data -= self.lr * g


class Adam(Optimizer):
    """Adam (Kingma and Ba, 2015) with bias correction; optional weight decay.

    At step ``t`` (counted from 1, incremented *before* the correction):

    ``m <- beta1 m + (1 - beta1) g``;  ``v <- beta2 v + (1 - beta2) g^2``;
    ``m_hat = m / (1 - beta1^t)``;  ``v_hat = v / (1 - beta2^t)``;
    ``w <- w - lr * m_hat / (sqrt(v_hat) + eps)``.

    ``weight_decay`` adds ``weight_decay * w`` to ``g`` (L2, as ``torch.optim.Adam``);
    with ``decoupled=True`` it instead shrinks ``w <- w - lr * weight_decay * w``
    directly (AdamW, Loshchilov and Hutter).
    """

    def __init__(self, parameters, lr=1e-3, *, betas=(0.9, 0.999), eps=1e-8,
                 weight_decay=0.0, decoupled=False):
        super().__init__(parameters, lr)
        if np.ndim(betas) != 1 or len(betas) != 2:
            raise ValueError(f"betas must be a pair (beta1, beta2), got {betas!r}")
        self.beta1 = _validate.in_unit_interval("beta1", betas[0])
        self.beta2 = _validate.in_unit_interval("beta2", betas[1])
        self.eps = _validate.non_negative("eps", eps)
        self.weight_decay = _validate.non_negative("weight_decay", weight_decay)
        self.decoupled = bool(decoupled)
        self.t = 0
        self.m = [np.zeros_like(p.data) for p in self.parameters]
        self.v = [np.zeros_like(p.data) for p in self.parameters]

    def step(self):
        self.t += 1
        step_size = self.lr / (1.0 - self.beta1**self.t)
        v_correction = 1.0 / math.sqrt(1.0 - self.beta2**self.t)
        for p, m, v in zip(self.parameters, self.m, self.v):
            g = p.grad
            if self.weight_decay and self.decoupled:
                p.data *= 1.0 - self.lr * self.weight_decay
            elif self.weight_decay:
                g = g + self.weight_decay * p.data
            m *= self.beta1
            m += (1.0 - self.beta1) * g
            v *= self.beta2
            v += (1.0 - self.beta2) * np.square(g)
            denom = np.sqrt(v)
            denom *= v_correction
            denom += self.eps
            update = np.divide(m, denom, out=denom)
            update *= step_size
            p.data -= update


def clip_grad_norm(parameters, max_norm):
    """Scale all gradients together so their joint L2 norm is at most ``max_norm``; returns the norm before."""
    max_norm = _validate.positive("max_norm", max_norm)
    parameters = list(parameters)
    norm = float(np.sqrt(sum(np.sum(p.grad.astype(np.float64) ** 2) for p in parameters)))
    if norm > max_norm:
        for p in parameters:
            p.grad *= max_norm / norm
    return norm
