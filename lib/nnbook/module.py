"""Parameters, the ``Module`` base class and ``Sequential`` (chapter 3, the MLP).

Every layer follows the same contract, the one PyTorch uses:

* ``forward(x)`` computes the output and keeps what ``backward`` will need;
* ``backward(grad_out)`` returns the gradient with respect to the input and
  *adds* the gradients of its parameters into ``param.grad``;
* ``parameters()``, ``zero_grad()``, ``train()`` and ``eval()``.
"""

import numpy as np

from . import _validate


class Parameter:
    """A learnable array ``data`` with a gradient ``grad`` of the same shape."""

    def __init__(self, data):
        self.data = np.asarray(data)
        if not np.issubdtype(self.data.dtype, np.floating):
            self.data = self.data.astype(np.float64)
        self.grad = np.zeros_like(self.data)

    @property
    def shape(self):
        return self.data.shape

    def __repr__(self):
        return f"Parameter(shape={self.data.shape}, dtype={self.data.dtype})"


class Module:
    """Base class: finds parameters and sub-modules among the attributes, in order.

    A subclass defines ``forward(x)`` and ``backward(grad_out)``.
    """

    training = True
    buffer_names = ()   # attributes holding state that is not learned (running statistics)

    def __call__(self, *args):
        return self.forward(*args)

    def children(self):
        """The sub-modules held directly as attributes (or in a list attribute)."""
        for value in vars(self).values():
            items = value if isinstance(value, (list, tuple)) else [value]
            yield from (item for item in items if isinstance(item, Module))

    def named_parameters(self, prefix=""):
        """Pairs ``(name, Parameter)``, e.g. ``("0.weight", p)`` inside a ``Sequential``."""
        for name, value in vars(self).items():
            if isinstance(value, Parameter):
                yield prefix + name, value
            elif isinstance(value, Module):
                yield from value.named_parameters(f"{prefix}{name}.")
            elif isinstance(value, (list, tuple)):
                for i, item in enumerate(value):
                    if isinstance(item, Module):
                        yield from item.named_parameters(f"{prefix}{i}.")

    def parameters(self):
        """Every learnable ``Parameter`` of this module and its sub-modules."""
        return [p for _, p in self.named_parameters()]

    def buffers(self):
        """Arrays of state that gradients do not train but evaluation uses, e.g. BatchNorm's
        running statistics, of this module and its sub-modules (updated in place)."""
        own = [getattr(self, name) for name in self.buffer_names]
        return own + [array for child in self.children() for array in child.buffers()]

    def state(self):
        """Every array that defines the trained model: parameter values, then buffers."""
        return [p.data for p in self.parameters()] + self.buffers()

    def zero_grad(self):
        """Reset every parameter's gradient to zero (gradients accumulate with ``+=``)."""
        for p in self.parameters():
            p.grad[...] = 0

    def train(self, mode=True):
        """Switch to training mode (dropout active, batch statistics); returns ``self``."""
        self.training = mode
        for child in self.children():
            child.train(mode)
        return self

    def eval(self):
        """Switch to evaluation mode (dropout off, running statistics); returns ``self``."""
        return self.train(False)

    def _save(self, **cache):
        self._cache = cache

    def _saved(self):
        """What ``forward`` kept for ``backward``; an error if forward has not run."""
        cache = getattr(self, "_cache", None)
        if cache is None:
            raise RuntimeError(f"{self!r}: backward called before forward")
        return cache

    def __repr__(self):
        return f"{type(self).__name__}()"


class Sequential(Module):
    """Layers applied in order; ``backward`` runs through them in reverse.

    ``Sequential(Linear(2, 2, rng=rng), ReLU(), Linear(2, 1, rng=rng))`` is the 2-2-1 MLP.
    """

    def __init__(self, *layers):
        for i, layer in enumerate(layers):
            if not isinstance(layer, Module):
                raise TypeError(f"Sequential: layer {i} is a {type(layer).__name__}, not a Module")
        self.layers = list(layers)

    def forward(self, x):
        """``x (N, in)`` -> output of the last layer."""
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, grad_out):
        """``grad_out`` (shape of the output) -> gradient w.r.t. the input ``(N, in)``."""
        for layer in reversed(self.layers):
            grad_out = layer.backward(grad_out)
        return grad_out

    def __getitem__(self, index):
        return self.layers[index]

    def __len__(self):
        return len(self.layers)

    def __repr__(self):
        inner = ", ".join(repr(layer) for layer in self.layers)
        return f"Sequential({inner})"


def check_grad_out(module, grad_out, output_shape):
    """Validate an upstream gradient against the shape the forward pass produced."""
    return _validate.same_shape(module, "grad_out", grad_out, output_shape)
