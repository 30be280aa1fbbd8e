"""Every bad input fails early with a message that names what was wrong."""

import re

import numpy as np
import pytest

import nnbook as nb


def gen():
    return np.random.default_rng(0)


def linear(fan_in=3, fan_out=2):
    return nb.Linear(fan_in, fan_out, rng=gen())


def forwarded(module, x):
    module.forward(x)
    return module


def params():
    return linear().parameters()


def fit(X=np.ones((4, 2)), y=np.ones(4), **options):
    model = linear(2, 1)
    options = {"epochs": 1, "batch_size": 2, "rng": gen(), **options}
    return nb.fit(model, nb.MeanSquaredError(), nb.SGD(model.parameters(), lr=0.1), X, y, **options)


def split(X=np.ones((4, 2)), y=np.ones(4), **options):
    return nb.train_validation_split(X, y, **{"rng": gen(), **options})


BAD_INPUTS = {  # name: (the action, the error it raises, a regex its message must match)
    # shapes
    "linear_input_shape": (lambda: linear().forward(np.ones((4, 5))), nb.ShapeError,
        r"Linear\(in=3, out=2\) expects input of shape \(N, 3\), got \(4, 5\)"),
    "linear_input_1d": (lambda: linear().forward(np.ones(3)), nb.ShapeError,
        r"Linear\(in=3, out=2\) expects input of shape \(N, 3\), got \(3,\)"),
    "linear_input_text": (lambda: linear().forward([["a", "b", "c"]]), TypeError,
        r"Linear\(in=3, out=2\) expects numbers, got an array of <U1"),
    "linear_grad_out_shape": (
        lambda: forwarded(linear(), np.ones((4, 3))).backward(np.ones((4, 3))), nb.ShapeError,
        r"Linear\(in=3, out=2\): grad_out must have shape \(4, 2\), got \(4, 3\)"),
    "linear_weight_3d": (lambda: nb.Linear.from_weights(np.ones((2, 2, 2))), nb.ShapeError,
        r"weight must be 2-D \(out, in\), got \(2, 2, 2\)"),
    "linear_bias_shape": (
        lambda: nb.Linear.from_weights(np.ones((2, 3)), bias=[1.0, 2.0, 3.0]), nb.ShapeError,
        r"bias must have shape \(2,\), got \(3,\)"),
    "batchnorm_features": (lambda: nb.BatchNorm1d(3).forward(np.ones((4, 2))), nb.ShapeError,
        r"BatchNorm1d\(3\) expects input of shape \(N, 3\), got \(4, 2\)"),
    "layernorm_features": (lambda: nb.LayerNorm(3).forward(np.ones((4, 5))), nb.ShapeError,
        r"LayerNorm\(3\) expects input of shape \(N, 3\), got \(4, 5\)"),
    "batchnorm_batch_of_one": (lambda: nb.BatchNorm1d(3).forward(np.ones((1, 3))), nb.ShapeError,
        r"needs at least 2 examples per batch in training mode, got \(1, 3\)"),
    "activation_grad_out_shape": (
        lambda: forwarded(nb.Tanh(), np.ones((2, 3))).backward(np.ones(3)), nb.ShapeError,
        r"Tanh\(\): grad_out must have shape \(2, 3\), got \(3,\)"),
    "loss_target_shape": (
        lambda: nb.MeanSquaredError().forward(np.ones((4, 2)), np.ones((4, 3))), nb.ShapeError,
        r"target shape \(4, 3\) does not match prediction shape \(4, 2\)"),
    "loss_target_length": (
        lambda: nb.HalfSquaredError().forward(np.ones((4, 1)), np.ones(3)), nb.ShapeError,
        r"target shape \(3,\) does not match prediction shape \(4, 1\)"),
    "softmax_ce_label_count": (
        lambda: nb.SoftmaxCrossEntropy().forward(np.ones((4, 3)), np.array([0, 1])), nb.ShapeError,
        r"target shape \(2,\) does not match prediction shape \(4, 3\)"),
    "softmax_ce_label_range": (
        lambda: nb.SoftmaxCrossEntropy().forward(np.ones((2, 3)), np.array([0, 3])), IndexError,
        r"ids must be in \[0, 3\); got out-of-range ids \[3\]"),
    "bce_not_probabilities": (lambda: nb.BinaryCrossEntropy().forward([0.5, 1.5], [0, 1]), ValueError,
        r"pred and target must be probabilities in \[0, 1\]"),
    "loss_empty_batch": (
        lambda: nb.BCEWithLogits().forward(np.ones((0, 1)), np.ones((0, 1))), nb.ShapeError,
        r"pred must have shape \(N, K\) with N >= 1, got \(0, 1\)"),
    # ids
    "embedding_ids_range": (lambda: nb.Embedding(3, 2, rng=gen()).forward([0, 5, -1, 5]), IndexError,
        r"ids must be in \[0, 3\); got out-of-range ids \[-1, 5\]"),
    "embedding_ids_float": (lambda: nb.Embedding(3, 2, rng=gen()).forward([0.0, 1.0]), TypeError,
        r"ids must be integers, got float64"),
    "embedding_ids_bool": (lambda: nb.Embedding(3, 2, rng=gen()).forward([True, False]), TypeError,
        r"ids must be integers, got bool"),
    "one_hot_range": (lambda: nb.one_hot([1, 4], 4), IndexError,
        r"one_hot: ids must be in \[0, 4\); got out-of-range ids \[4\]"),
    "embedding_table_1d": (lambda: nb.Embedding.from_table([1.0, 2.0]), nb.ShapeError,
        r"table must be 2-D \(num_ids, dim\), got \(2,\)"),
    # hyper-parameters
    "sgd_lr_zero": (lambda: nb.SGD(params(), lr=0), ValueError,
        r"learning rate lr must be a number > 0, got 0"),
    "sgd_lr_negative": (lambda: nb.SGD(params(), lr=-0.1), ValueError,
        r"lr must be a number > 0, got -0.1"),
    "sgd_lr_nan": (lambda: nb.SGD(params(), lr=float("nan")), ValueError,
        r"lr must be a number > 0, got nan"),
    "sgd_lr_string": (lambda: nb.SGD(params(), lr="0.1"), ValueError,
        r"lr must be a number > 0, got '0.1'"),
    "adam_lr_zero": (lambda: nb.Adam(params(), lr=0.0), ValueError,
        r"lr must be a number > 0, got 0.0"),
    "adam_lr_nan": (lambda: nb.Adam(params(), lr=float("nan")), ValueError,
        r"lr must be a number > 0, got nan"),
    "adam_lr_inf": (lambda: nb.Adam(params(), lr=float("inf")), ValueError,
        r"lr must be a number > 0, got inf"),
    "adam_lr_string": (lambda: nb.Adam(params(), lr="fast"), ValueError,
        r"lr must be a number > 0, got 'fast'"),
    "dropout_p_one": (lambda: nb.Dropout(1.0, rng=gen()), ValueError,
        r"dropout p must be in \[0, 1\), got 1.0"),
    "dropout_p_negative": (lambda: nb.Dropout(-0.1, rng=gen()), ValueError,
        r"dropout p must be in \[0, 1\), got -0.1"),
    "adam_beta1_one": (lambda: nb.Adam(params(), betas=(1.0, 0.999)), ValueError,
        r"beta1 must be in \[0, 1\), got 1.0"),
    "adam_beta2_negative": (lambda: nb.Adam(params(), betas=(0.9, -0.5)), ValueError,
        r"beta2 must be in \[0, 1\), got -0.5"),
    "adam_betas_scalar": (lambda: nb.Adam(params(), betas=0.9), ValueError,
        r"betas must be a pair \(beta1, beta2\), got 0.9"),
    "adam_betas_triple": (lambda: nb.Adam(params(), betas=(0.9, 0.99, 0.999)), ValueError,
        r"betas must be a pair \(beta1, beta2\)"),
    "adam_eps_negative": (lambda: nb.Adam(params(), eps=-1e-8), ValueError,
        r"eps must be a number >= 0, got -1e-08"),
    "batchnorm_eps_zero": (lambda: nb.BatchNorm1d(3, eps=0.0), ValueError,
        r"eps must be a number > 0, got 0.0"),
    "sgd_momentum_one": (lambda: nb.SGD(params(), lr=0.1, momentum=1.0), ValueError,
        r"momentum must be in \[0, 1\), got 1.0"),
    "batchnorm_momentum": (lambda: nb.BatchNorm1d(3, momentum=1.5), ValueError,
        r"momentum must be in \[0, 1\), got 1.5"),
    "sgd_weight_decay": (lambda: nb.SGD(params(), lr=0.1, weight_decay=-1e-4), ValueError,
        r"weight_decay must be a number >= 0, got -0.0001"),
    "adam_weight_decay": (lambda: nb.Adam(params(), weight_decay=-1.0), ValueError,
        r"weight_decay must be a number >= 0, got -1.0"),
    "leaky_relu_slope": (lambda: nb.LeakyReLU(-0.1), ValueError,
        r"slope must be a number >= 0, got -0.1"),
    "clip_max_norm": (lambda: nb.clip_grad_norm(params(), 0), ValueError,
        r"max_norm must be a number > 0, got 0"),
    "split_fraction": (lambda: split(validation_fraction=1.0), ValueError,
        r"validation_fraction must be in \(0, 1\), got 1.0"),
    # sizes
    "linear_in_zero": (lambda: nb.Linear(0, 2, rng=gen()), ValueError,
        r"in_features must be a positive integer, got 0"),
    "linear_out_negative": (lambda: nb.Linear(2, -1, rng=gen()), ValueError,
        r"out_features must be a positive integer, got -1"),
    "linear_in_float": (lambda: nb.Linear(2.0, 3, rng=gen()), ValueError,
        r"in_features must be a positive integer, got 2.0"),
    "linear_out_bool": (lambda: nb.Linear(2, True, rng=gen()), ValueError,
        r"out_features must be a positive integer, got True"),
    "embedding_num_ids_zero": (lambda: nb.Embedding(0, 2, rng=gen()), ValueError,
        r"num_ids must be a positive integer, got 0"),
    "embedding_dim_float": (lambda: nb.Embedding(3, 2.5, rng=gen()), ValueError,
        r"dim must be a positive integer, got 2.5"),
    "batchnorm_size_negative": (lambda: nb.BatchNorm1d(-3), ValueError,
        r"num_features must be a positive integer, got -3"),
    "layernorm_size_bool": (lambda: nb.LayerNorm(False), ValueError,
        r"num_features must be a positive integer, got False"),
    "layernorm_size_zero": (lambda: nb.LayerNorm(0), ValueError,
        r"num_features must be a positive integer, got 0"),
    "init_scheme": (lambda: nb.Linear(2, 3, init="glorot", rng=gen()), ValueError,
        r"unknown initializer 'glorot'; choose one of \('he', 'xavier', 'lecun', 'zeros'\)"),
    # random generators
    "linear_rng_int": (lambda: nb.Linear(2, 3, rng=0), TypeError,
        r"rng must be a numpy.random.Generator, e.g. np.random.default_rng\(0\); got int"),
    "linear_rng_missing": (lambda: nb.Linear(2, 3), TypeError,
        r"rng must be a numpy.random.Generator.*got NoneType"),
    "linear_rng_randomstate": (lambda: nb.Linear(2, 3, rng=np.random.RandomState(0)), TypeError,
        r"rng must be a numpy.random.Generator.*got RandomState"),
    "dropout_rng_int": (lambda: nb.Dropout(0.5, rng=7), TypeError,
        r"rng must be a numpy.random.Generator.*got int"),
    "dropout_rng_randomstate": (lambda: nb.Dropout(0.5, rng=np.random.RandomState(0)), TypeError,
        r"rng must be a numpy.random.Generator.*got RandomState"),
    "embedding_rng_int": (lambda: nb.Embedding(3, 2, rng=3), TypeError,
        r"got int"),
    "two_moons_rng": (lambda: nb.two_moons(10, rng=0), TypeError,
        r"rng must be a numpy.random.Generator.*got int"),
    "spirals_rng": (lambda: nb.spirals(10, rng=np.random.RandomState(0)), TypeError,
        r"got RandomState"),
    "noisy_curve_rng": (lambda: nb.noisy_curve(10, rng=None), TypeError,
        r"got NoneType"),
    "split_rng": (lambda: split(rng=1), TypeError,
        r"got int"),
    "fit_rng": (lambda: fit(rng=0), TypeError,
        r"rng must be a numpy.random.Generator.*got int"),
    # containers
    "sequential_non_module": (lambda: nb.Sequential(nb.ReLU(), np.tanh), TypeError,
        r"Sequential: layer 1 is a ufunc, not a Module"),
    "optimizer_non_parameter": (lambda: nb.SGD([np.ones(3)], lr=0.1), TypeError,
        r"SGD: item 0 is a ndarray, not a Parameter \(pass model.parameters\(\)\)"),
    "optimizer_module": (lambda: nb.Adam(linear()), TypeError,
        r"Adam got the module Linear\(in=3, out=2\); pass model.parameters\(\)"),
    "optimizer_empty": (lambda: nb.SGD([], lr=0.1), ValueError,
        r"SGD got an empty parameter list"),
    # the training loop
    "fit_patience_without_validation": (lambda: fit(patience=2), ValueError,
        r"early stopping \(patience\) needs validation=\(X_val, y_val\)"),
    "fit_lengths": (lambda: fit(np.ones((5, 2)), np.ones(4)), nb.ShapeError,
        r"fit: X has 5 rows but y has 4"),
    "split_lengths": (lambda: split(np.ones((10, 2)), np.ones(8)), nb.ShapeError,
        r"train_validation_split: X has 10 rows but y has 8"),
    "fit_epochs": (lambda: fit(epochs=0), ValueError,
        r"epochs must be a positive integer, got 0"),
    "fit_batch_size": (lambda: fit(batch_size=2.0), ValueError,
        r"batch_size must be a positive integer, got 2.0"),
    "fit_patience": (lambda: fit(patience=0, validation=(np.ones((2, 2)), np.ones(2))), ValueError,
        r"patience must be a positive integer, got 0"),
    "fit_validation_not_a_pair": (lambda: fit(validation=(np.ones((2, 2)),)), ValueError,
        r"validation must be a pair \(X_val, y_val\)"),
    "one_hot_num_classes": (lambda: nb.one_hot([0], -1), ValueError,
        r"num_classes must be a positive integer, got -1"),
    "softmax_ce_float_labels": (
        lambda: nb.SoftmaxCrossEntropy().forward(np.ones((2, 3)), [0.0, 1.0]), nb.ShapeError,
        r"target shape \(2,\) does not match prediction shape \(2, 3\); give integer labels"),
    "softmax_ce_text_labels": (
        lambda: nb.SoftmaxCrossEntropy().forward(np.ones((2, 3)), ["a", "b"]), TypeError,
        r"labels: ids must be integers, got <U1"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input(case):
    action, error, message = BAD_INPUTS[case]
    with pytest.raises(error, match=message):
        action()


MODULES = {
    "linear": linear,
    **{name: cls for name, cls in nb.ACTIVATIONS.items()},
    "embedding": lambda: nb.Embedding(3, 2, rng=gen()),
    "dropout": lambda: nb.Dropout(0.5, rng=gen()),
    "batchnorm": lambda: nb.BatchNorm1d(3),
    "layernorm": lambda: nb.LayerNorm(3),
    "sequential": lambda: nb.Sequential(linear(), nb.ReLU()),
}
LOSSES = [nb.HalfSquaredError, nb.MeanSquaredError, nb.BinaryCrossEntropy, nb.BCEWithLogits,
          nb.SoftmaxCrossEntropy]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_backward_before_forward(name):
    module = MODULES[name]()
    culprit = module[-1] if isinstance(module, nb.Sequential) else module  # its last layer fails first
    with pytest.raises(RuntimeError, match=re.escape(f"{culprit!r}: backward called before forward")):
        module.backward(np.ones((2, 2)))


@pytest.mark.parametrize("loss_class", LOSSES, ids=lambda c: c.__name__)
def test_loss_backward_before_forward(loss_class):
    with pytest.raises(RuntimeError, match=f"^{loss_class.__name__}: backward called before forward$"):
        loss_class().backward()


def test_every_loss_is_listed():
    assert set(LOSSES) == set(nb.Loss.__subclasses__())
