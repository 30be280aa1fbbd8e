"""nnbook: the small NumPy engine behind the executable textbook.

Every number in the book is computed here. Conventions follow PyTorch:
batch-first arrays ``(N, features)``, a linear weight of shape ``(out, in)``,
``y = x @ W.T + b``, modules with ``forward`` / ``backward`` / ``parameters``,
optimizers with ``step``, and a ``numpy.random.Generator`` passed in explicitly.
"""

__version__ = "0.2.0"

from ._validate import ShapeError
from .activations import (ACTIVATIONS, GELU, Activation, GELUTanh, Identity, LeakyReLU, ReLU,
                          Sigmoid, Tanh, sigmoid)
from .data import noisy_curve, spirals, train_validation_split, two_blobs, two_moons, xor
from .embedding import Embedding, one_hot
from .diagrams import (decision_line, draw_network, draw_neuron, plot_decision_regions,
                       plot_history)
from .explorer import Explorer
from .gradcheck import check_loss, check_module, numerical_gradient, relative_error
from .init import he, init_std, init_weight, lecun, xavier, zeros
from .layer_diagrams import draw_layers
from .linear import Linear
from .losses import (BCEWithLogits, BinaryCrossEntropy, HalfSquaredError, Loss,
                     MeanSquaredError, SoftmaxCrossEntropy, log_softmax, softmax, softplus)
from .module import Module, Parameter, Sequential
from .normalization import BatchNorm1d, LayerNorm
from .optim import SGD, Adam, Optimizer, clip_grad_norm
from .regularization import Dropout
from .tracer import Scalar, chain_table, draw_graph
from .training import DEBUGGING_MAP, History, TrainingDiverged, accuracy, evaluate, fit

__all__ = [name for name in dir() if not name.startswith("_")]
