"""The training loop (chapter 7): epochs of shuffled mini-batches, validation and early stopping."""

from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from . import _validate
from .optim import clip_grad_norm

DEBUGGING_MAP = (
    "loss not decreasing -> lower the learning rate or fix the initialization; "
    "loss NaN or infinite -> clip gradients first, then lower the learning rate; "
    "many dead ReLUs -> He initialization or LeakyReLU; "
    "train loss low but validation loss high -> add regularization"
)


class TrainingDiverged(FloatingPointError):
    """The loss became NaN or infinite; ``history`` holds the epochs completed before."""

    def __init__(self, epoch, loss, history):
        self.history = history
        super().__init__(f"loss became {loss} in epoch {epoch}. Debugging map: {DEBUGGING_MAP}")


@dataclass
class History:
    """Per-epoch losses; ``best_epoch`` (0-based) is the epoch whose weights were kept."""

    train_loss: list = field(default_factory=list)
    val_loss: list = field(default_factory=list)
    best_epoch: int | None = None
    stopped_early: bool = False


def minibatches(n, batch_size, rng, drop_last=False):
    """Index arrays covering ``range(n)`` once in a random order, ``batch_size`` at a time.

    With ``drop_last`` a final, smaller batch is left out (it would give BatchNorm
    statistics from only a few examples); the examples it holds wait for the next epoch.
    """
    order = rng.permutation(n)
    end = n - n % batch_size if drop_last and n >= batch_size else n
    return [order[i:i + batch_size] for i in range(0, end, batch_size)]


@contextmanager
def evaluation_mode(model):
    """Run the ``with`` block with ``model`` in evaluation mode, then restore its mode."""
    was_training = model.training
    model.eval()
    try:
        yield model
    finally:
        model.train(was_training)


def evaluate(model, loss, X, y):
    """Loss of ``model`` on ``X (N, in)``, ``y`` in evaluation mode (restores the mode after)."""
    with evaluation_mode(model):
        return loss.forward(model.forward(X), y)


def predicted_classes(scores):
    """Class ids ``(N,)`` from scores ``(N, K)``: one column is a logit (class 1 when > 0),
    several are class scores (the largest wins)."""
    return (scores[:, 0] > 0).astype(int) if scores.shape[1] == 1 else scores.argmax(axis=1)


def accuracy(model, X, labels):
    """Fraction of rows of ``X (N, in)`` whose predicted class (evaluation mode) equals ``labels (N,)``."""
    with evaluation_mode(model):
        predicted = predicted_classes(model.forward(X))
    return float(np.mean(predicted == np.asarray(labels).ravel()))


def fit(model, loss, optimizer, X, y, *, epochs, batch_size, rng, validation=None,
        patience=None, clip_norm=None, drop_last=False):
    """Train ``model`` on ``X (N, in)``, ``y (N, ...)``; returns a ``History``.

    ``validation=(X_val, y_val)`` records the validation loss each epoch; with
    ``patience`` the loop stops once it has not improved for that many epochs and
    restores the best epoch's state (weights and BatchNorm's running statistics).
    ``clip_norm`` clips the joint gradient norm; ``drop_last`` leaves out each
    epoch's final, smaller mini-batch.
    Raises ``TrainingDiverged`` (with the debugging map) if the loss is NaN or infinite.
    """
    epochs = _validate.positive_int("epochs", epochs)
    batch_size = _validate.positive_int("batch_size", batch_size)
    rng = _validate.generator(rng)
    if patience is not None:
        patience = _validate.positive_int("patience", patience)
        if validation is None:
            raise ValueError("early stopping (patience) needs validation=(X_val, y_val)")
    X, y = np.asarray(X), np.asarray(y)
    _validate.same_length("fit", X, y)
    if validation is not None and len(validation) != 2:
        raise ValueError("validation must be a pair (X_val, y_val)")
    history, best = History(), None
    for epoch in range(epochs):
        model.train()
        total = 0.0
        batches = minibatches(len(X), batch_size, rng, drop_last)
        for batch in batches:
            optimizer.zero_grad()
            value = loss.forward(model.forward(X[batch]), y[batch])
            if not np.isfinite(value):
                raise TrainingDiverged(epoch, value, history)
            model.backward(loss.backward())
            if clip_norm is not None:
                clip_grad_norm(optimizer.parameters, clip_norm)
            optimizer.step()
            total += value * len(batch)
        history.train_loss.append(total / sum(len(batch) for batch in batches))
        if validation is not None:
            history.val_loss.append(evaluate(model, loss, *validation))
            if best is None or history.val_loss[-1] < history.val_loss[best[0]]:
                best = (epoch, [array.copy() for array in model.state()])
            elif patience is not None and epoch - best[0] >= patience:
                history.stopped_early = True
                break
    if best is not None and patience is not None:
        history.best_epoch = best[0]
        for array, saved in zip(model.state(), best[1]):
            array[...] = saved
    return history
