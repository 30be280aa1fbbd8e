"""The "Write the code" exercises: one or two small functions per chapter, checked against the engine.

In a notebook: write the function in the starter cell, then run
``check_code("6.C1", linear_backward)`` in the next one. Every reference is the
engine's own layer or optimizer; every bug is a slip learners make, written out
so the checker can recognize it by its outputs and give its hint.
"""

import numpy as np

from ..activations import ReLU, Sigmoid, sigmoid
from ..embedding import Embedding
from ..linear import Linear
from ..losses import HalfSquaredError, SoftmaxCrossEntropy, log_softmax, softmax
from ..module import Parameter, Sequential
from ..normalization import BatchNorm1d
from ..optim import Adam
from .coding import TIME_LIMIT, Bug, Case, CodeExercise, describe, evaluate_code
from .core import Feedback

TRANSPOSED = ("That is the transpose: a weight gradient has the weight's shape (out, in), "
              "so it is grad_out.T @ x, not x.T @ grad_out.")
BIAS_NOT_SUMMED = ("Every example in the batch uses the same bias, so its gradient is the sum "
                   "of grad_out over the batch: grad_out.sum(axis=0), shape (out,).")


def _rng(seed):
    return np.random.default_rng(seed)


# Chapter 1: a neuron's forward pass --------------------------------------------------------

def _neuron(x, w, b):
    return Sigmoid().forward(Linear.from_weights([w], [b]).forward(x))[:, 0]


def _neuron_exercise():
    rng = _rng(101)
    def case(label, n, d, scale=1.0):
        return Case(label, (scale * rng.standard_normal((n, d)), rng.standard_normal(d),
                            float(rng.standard_normal())))
    return CodeExercise(
        "1.C1", "01-neuron", "A neuron's forward pass",
        r"Write `neuron(x, w, b)`: a sigmoid neuron applied to a batch. Each row of `x` "
        r"(shape `(N, d)`) is one example; the neuron computes $z = \mathbf w\cdot\mathbf x + b$ "
        r"and returns $\sigma(z) = 1/(1 + e^{-z})$, one number per example (shape `(N,)`).",
        "neuron", "x, w, b",
        "x (N, d), w (d,), b a number -> the outputs sigmoid(x @ w + b), shape (N,).",
        ("a",), _neuron,
        (case("a batch of 5 examples with 3 features", 5, 3),
         case("a batch of 4 examples with 2 features", 4, 2),
         case("a batch of one example", 1, 3),
         case("scores as large as ±1000", 6, 3, scale=400.0)),
        (Bug(lambda x, w, b: sigmoid(x @ w), "You left out the bias: z = x @ w + b."),
         Bug(lambda x, w, b: x @ w + b,
             "That is the score z itself: the neuron's output is σ(z) = 1 / (1 + e^(−z))."),
         Bug(lambda x, w, b: sigmoid(x @ w) + b,
             "The bias goes inside the sigmoid: σ(x @ w + b), not σ(x @ w) + b."),
         Bug(lambda x, w, b: sigmoid(x @ w[:, None] + b),
             "Return one number per example, shape (N,): x @ w already has that shape.")),
        "compute z = x @ w + b (one score per row), then apply 1 / (1 + np.exp(-z)).")


# Chapter 2: the sigmoid and its slope --------------------------------------------------------

def _sigmoid_and_slope(z):
    return Sigmoid.value(z), Sigmoid.derivative(z)


def _sigmoid_exercise():
    rng = _rng(102)
    return CodeExercise(
        "2.C1", "02-activations", "The sigmoid and its slope",
        r"Write `sigmoid_and_slope(z)`: for an array `z` of any shape, return "
        r"$\sigma(z) = 1/(1 + e^{-z})$ and its derivative $\sigma'(z)$, both of the shape of "
        r"`z`. It must stay finite for $z = \pm 1000$.",
        "sigmoid_and_slope", "z",
        "z (any shape) -> (a, slope): sigmoid(z) and its derivative, each of z's shape.",
        ("a", "slope"), _sigmoid_and_slope,
        (Case("six random scores", (rng.standard_normal(6),)),
         Case("a (3, 4) array of scores", (3 * rng.standard_normal((3, 4)),)),
         Case("scores from −1000 to 1000", (np.array([-1000.0, -30.0, 0.0, 30.0, 1000.0]),))),
        (Bug(lambda z: (np.exp(z) / (1 + np.exp(z)), sigmoid(z) * (1 - sigmoid(z))),
             "e^z overflows to inf at z = 1000, and inf / inf is NaN. Use 1 / (1 + e^(−z)), "
             "which is 1 / inf = 0 at z = −1000."),
         Bug(lambda z: (sigmoid(z), np.exp(-z) / (1 + np.exp(-z)) ** 2),
             "e^(−z) / (1 + e^(−z))² is inf / inf = NaN at z = −1000. Write the slope with the "
             "output a instead: σ'(z) = a (1 − a)."),
         Bug(lambda z: (sigmoid(z), z * (1 - z)),
             "σ'(z) = σ(z) (1 − σ(z)): put the output a = σ(z) in the formula, not z."),
         Bug(lambda z: (sigmoid(z), sigmoid(z)),
             "The slope is σ(z) (1 − σ(z)): you left out the factor (1 − σ(z))."),
         Bug(lambda z: (sigmoid(z), 1 - sigmoid(z) ** 2),
             "1 − a² is the slope of tanh. The sigmoid's is a (1 − a).")),
        "a = 1 / (1 + np.exp(-z)) and slope = a * (1 - a).")


# Chapter 3: the MLP's forward pass -----------------------------------------------------------

def _mlp_forward(x, W1, b1, W2, b2):
    network = Sequential(Linear.from_weights(W1, b1), ReLU(), Linear.from_weights(W2, b2))
    return network.forward(x)


def _mlp_exercise():
    rng = _rng(103)
    def case(label, n, sizes):
        n_in, n_hidden, n_out = sizes
        return Case(label, (rng.standard_normal((n, n_in)),
                            rng.standard_normal((n_hidden, n_in)), rng.standard_normal(n_hidden),
                            rng.standard_normal((n_out, n_hidden)), rng.standard_normal(n_out)))
    relu = ReLU.value
    return CodeExercise(
        "3.C1", "03-mlp", "The forward pass of a two-layer MLP",
        r"Write `mlp_forward(x, W1, b1, W2, b2)`: a ReLU hidden layer, then a linear output "
        r"layer, $\hat{\mathbf y} = \mathrm{ReLU}(\mathbf x W_1^\top + \mathbf b_1) W_2^\top + "
        r"\mathbf b_2$, for a batch `x` of shape `(N, in)`. As in the engine (and PyTorch), a "
        r"weight has shape `(out, in)`.",
        "mlp_forward", "x, W1, b1, W2, b2",
        "x (N, in), W1 (hidden, in), b1 (hidden,), W2 (out, hidden), b2 (out,) -> (N, out).",
        ("y",), _mlp_forward,
        (case("a 3 → 4 → 2 network on 5 examples", 5, (3, 4, 2)),
         case("a 2 → 2 → 1 network on 4 examples", 4, (2, 2, 1)),
         case("a batch of one example", 1, (3, 5, 2)),
         case("a 3 → 3 → 3 network (square weights)", 6, (3, 3, 3))),
        (Bug(lambda x, W1, b1, W2, b2: (x @ W1.T + b1) @ W2.T + b2,
             "You left out the ReLU: without it the two layers collapse into one linear map."),
         Bug(lambda x, W1, b1, W2, b2: relu(relu(x @ W1.T + b1) @ W2.T + b2),
             "The output layer is linear here: apply the ReLU to the hidden layer only."),
         Bug(lambda x, W1, b1, W2, b2: relu(x @ W1.T) @ W2.T + b2,
             "The hidden layer's bias b1 is missing: h = ReLU(x @ W1.T + b1)."),
         Bug(lambda x, W1, b1, W2, b2: relu(x @ W1.T + b1) @ W2.T,
             "The output layer's bias b2 is missing: y = h @ W2.T + b2.")),
        "h = ReLU(x @ W1.T + b1) with np.maximum(…, 0), then y = h @ W2.T + b2; a weight of "
        "shape (out, in) is applied to rows as x @ W.T.")


# Chapter 4: an embedding lookup and its gradient ---------------------------------------------

def _embedding(E, ids, grad_out):
    layer = Embedding.from_table(E)
    vectors = layer.forward(ids)
    layer.backward(grad_out)
    return vectors, layer.weight.grad


def _overwritten(E, ids, grad_out):
    grad = np.zeros_like(E)
    grad[ids] = grad_out
    return E[ids], grad


def _embedding_exercise():
    rng = _rng(104)
    def case(label, ids, num_ids=6, dim=3):
        ids = np.array(ids)
        return Case(label, (rng.standard_normal((num_ids, dim)), ids,
                            rng.standard_normal(ids.shape + (dim,))))
    return CodeExercise(
        "4.C1", "04-embeddings", "An embedding lookup and its gradient",
        r"Write `embedding(E, ids, grad_out)`. It returns the looked-up `vectors`, the rows "
        r"`E[ids]` (ids of any shape `S` give shape `S + (dim,)`), and `grad_E`, the gradient "
        r"of the loss with respect to the table `E`, given the gradient `grad_out` with respect "
        r"to `vectors`. Each upstream row goes into the row of its id; an id that occurs twice "
        r"gets both.",
        "embedding", "E, ids, grad_out",
        "E (num_ids, dim), ids (integers, shape S), grad_out S + (dim,) -> (vectors, grad_E).",
        ("vectors", "grad_E"), _embedding,
        (case("four distinct ids", [4, 0, 2, 5]),
         case("a repeated id, [1, 3, 1, 1]", [1, 3, 1, 1]),
         case("a batch of one id", [2]),
         case("ids of shape (2, 3) with repeats", [[0, 5, 0], [5, 5, 1]])),
        (Bug(_overwritten,
             "A repeated id must collect every upstream row. grad_E[ids] = grad_out, and "
             "grad_E[ids] += grad_out as well, keep only one of them: use "
             "np.add.at(grad_E, ids, grad_out), which adds them all."),
         Bug(lambda E, ids, grad_out: (E[ids], grad_out),
             "grad_E has the table's shape (num_ids, dim): start from zeros and add each "
             "upstream row into the row of its id.")),
        "vectors = E[ids]; grad_E starts as np.zeros_like(E), and np.add.at(grad_E, ids, "
        "grad_out) adds each upstream row into its id's row.")


# Chapter 5: a stable softmax; softmax cross-entropy with its gradient -----------------------

def _softmax_exercise():
    rng = _rng(105)
    return CodeExercise(
        "5.C1", "05-softmax-cross-entropy", "A numerically stable softmax",
        r"Write `softmax(z)` for a batch of logits `z` of shape `(N, K)`: each row becomes "
        r"probabilities, $p_k = e^{z_k} / \sum_j e^{z_j}$. It must stay finite for logits "
        r"such as 1000.",
        "softmax", "z",
        "z (N, K) logits -> p (N, K), each row positive and summing to 1.",
        ("p",), softmax,
        (Case("a batch of 4 rows of 3 logits", (rng.standard_normal((4, 3)),)),
         Case("a batch of one row of 5 logits", (rng.standard_normal((1, 5)),)),
         Case("logits as large as 1000", (np.array([[1000.0, 999.0, 990.0], [2.0, 1.0, 0.0]]),)),
         Case("rows of very different sizes", (np.array([[1000.0, 999.0], [0.0, -1.0]]),))),
        (Bug(lambda z: np.exp(z) / np.exp(z).sum(axis=1, keepdims=True),
             "e^1000 overflows to inf, and inf / inf is NaN. Subtract each row's maximum "
             "first: the softmax does not change, and the largest exponent becomes e^0 = 1."),
         Bug(lambda z: np.exp(z - z.max()) / np.exp(z - z.max()).sum(axis=1, keepdims=True),
             "Shift each row by its own maximum, z.max(axis=1, keepdims=True): one maximum for "
             "the whole batch leaves a row of small logits at e^(−1000) = 0, and 0 / 0 is NaN."),
         Bug(lambda z: softmax(z, axis=0),
             "Each row is one example, so each row sums to 1: take the max and the sum over "
             "axis=1, not axis=0.")),
        "e = np.exp(z - z.max(axis=1, keepdims=True)), then divide by "
        "e.sum(axis=1, keepdims=True).")


def _softmax_cross_entropy(logits, labels):
    loss = SoftmaxCrossEntropy()
    value = loss.forward(logits, labels)
    return value, loss.backward()


def _one_hot(logits, labels):
    return np.eye(logits.shape[1])[labels]


def _naive_softmax(z):
    return np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)


def _sce_exercise():
    rng = _rng(106)
    def case(label, n, k, scale=1.0):
        return Case(label, (scale * rng.standard_normal((n, k)), rng.integers(0, k, n)))
    def loss(logits, labels):
        return -np.mean(np.sum(_one_hot(logits, labels) * log_softmax(logits), axis=1))
    def grad(logits, labels):
        return (softmax(logits) - _one_hot(logits, labels)) / len(logits)
    return CodeExercise(
        "5.C2", "05-softmax-cross-entropy", "Softmax cross-entropy and its gradient",
        r"Write `softmax_cross_entropy(logits, labels)` for logits of shape `(N, K)` and "
        r"integer labels of shape `(N,)`. Return the mean loss "
        r"$L = -\frac1N\sum_n \log p_{n, y_n}$ (a number) and its gradient with respect to "
        r"the logits, $(\mathbf p - \mathbf y)/N$ with one-hot rows $\mathbf y$ (shape "
        r"`(N, K)`). Both must stay finite for logits such as 1000.",
        "softmax_cross_entropy", "logits, labels",
        "logits (N, K), labels (N,) integers in [0, K) -> (loss, grad): a number and (N, K).",
        ("loss", "grad"), _softmax_cross_entropy,
        (case("a batch of 4 examples and 3 classes", 4, 3),
         case("a batch of 6 examples and 5 classes", 6, 5),
         case("a batch of one example", 1, 4),
         Case("logits as large as 1000", (np.array([[1000.0, 0.0, -1000.0],
                                                    [10.0, 1000.0, 990.0]]), np.array([1, 2])))),
        (Bug(lambda logits, labels: (
                -np.mean(np.log(_naive_softmax(logits)[np.arange(len(labels)), labels])),
                (_naive_softmax(logits) - _one_hot(logits, labels)) / len(logits)),
             "e^1000 overflows to inf, and inf / inf is NaN. Subtract each row's maximum first, "
             "and take the log as z − max − log Σ e^(z − max), which never meets log 0."),
         Bug(lambda logits, labels: (len(logits) * loss(logits, labels), grad(logits, labels)),
             "The loss is the mean over the batch: divide the sum by N."),
         Bug(lambda logits, labels: (loss(logits, labels), len(logits) * grad(logits, labels)),
             "The loss is a mean over the batch, so its gradient carries 1/N too: (p − y) / N."),
         Bug(lambda logits, labels: (loss(logits, labels), softmax(logits) / len(logits)),
             "The gradient is (p − y) / N: subtract the one-hot target y from p."),
         Bug(lambda logits, labels: (loss(logits, labels), -grad(logits, labels)),
             "The sign is flipped: the gradient is (p − y) / N, positive where p is too large.")),
        "p = softmax of each row (max-shifted); loss = −mean of log p at each label; "
        "grad = (p − one_hot(labels)) / N.")


# Chapter 6: a Linear layer's backward pass; the delta recursion ------------------------------

def _linear_backward(x, W, grad_out):
    layer = Linear.from_weights(W, np.zeros(len(W)))
    layer.forward(x)
    grad_x = layer.backward(grad_out)
    return grad_x, layer.weight.grad, layer.bias.grad


def _linear_exercise():
    rng = _rng(107)
    def case(label, n, n_in, n_out):
        return Case(label, (rng.standard_normal((n, n_in)), rng.standard_normal((n_out, n_in)),
                            rng.standard_normal((n, n_out))))
    return CodeExercise(
        "6.C1", "06-backprop", "A Linear layer's backward pass",
        r"A layer computes $\mathbf y = \mathbf x W^\top + \mathbf b$ for a batch `x` of shape "
        r"`(N, in)`, with `W` of shape `(out, in)`. Given `grad_out`, the gradient of the "
        r"loss with respect to `y` (shape `(N, out)`), write `linear_backward(x, W, grad_out)` "
        r"returning the gradients with respect to `x`, `W` and `b`.",
        "linear_backward", "x, W, grad_out",
        "x (N, in), W (out, in), grad_out (N, out) -> (grad_x (N, in), grad_W (out, in), "
        "grad_b (out,)).",
        ("grad_x", "grad_W", "grad_b"), _linear_backward,
        (case("a 3 → 2 layer on 5 examples", 5, 3, 2),
         case("a 4 → 3 layer on 2 examples", 2, 4, 3),
         case("a batch of one example", 1, 3, 2),
         case("a square 3 → 3 layer", 4, 3, 3)),
        (Bug(lambda x, W, g: (g @ W, x.T @ g, g.sum(axis=0)), TRANSPOSED),
         Bug(lambda x, W, g: (g @ W, g.T @ x, g), BIAS_NOT_SUMMED),
         Bug(lambda x, W, g: (g @ W, g.T @ x, g.mean(axis=0)),
             "grad_out already carries the loss's 1/N: the bias gradient is the plain sum "
             "grad_out.sum(axis=0), not the mean."),
         Bug(lambda x, W, g: (g @ W, g.T @ x / len(x), g.sum(axis=0)),
             "grad_out already carries the loss's 1/N: grad_W is grad_out.T @ x, with no "
             "further division.")),
        "grad_x = grad_out @ W, grad_W = grad_out.T @ x, grad_b = grad_out.sum(axis=0); "
        "each gradient has the shape of what it is the gradient of.")


def _two_layer_backward(x, y, W1, b1, W2, b2):
    first, second = Linear.from_weights(W1, b1), Linear.from_weights(W2, b2)
    network, loss = Sequential(first, Sigmoid(), second, Sigmoid()), HalfSquaredError()
    loss.forward(network.forward(x), y)
    network.backward(loss.backward())
    return first.weight.grad, first.bias.grad, second.weight.grad, second.bias.grad


def _deltas(x, y, W1, b1, W2, b2, *, scale=None, output_slope=True, hidden_slope=True):
    """The delta recursion with one slip switched on; returns (delta1, delta2, h)."""
    h = sigmoid(x @ W1.T + b1)
    a = sigmoid(h @ W2.T + b2)
    delta2 = (a - y) / (len(x) if scale is None else scale)
    delta2 = delta2 * a * (1 - a) if output_slope else delta2
    delta1 = delta2 @ W2
    delta1 = delta1 * h * (1 - h) if hidden_slope else delta1
    return delta1, delta2, h


def _gradients(x, deltas, transposed, summed):
    """The four gradients from the deltas, with the weight or bias slip switched on."""
    delta1, delta2, h = deltas
    weights = (x.T @ delta1, h.T @ delta2) if transposed else (delta1.T @ x, delta2.T @ h)
    biases = (delta1.sum(axis=0), delta2.sum(axis=0)) if summed else (delta1, delta2)
    return weights[0], biases[0], weights[1], biases[1]


def _delta_exercise():
    rng = _rng(108)
    def case(label, n, n_in, n_hidden, n_out):
        return Case(label, (rng.standard_normal((n, n_in)), rng.uniform(0, 1, (n, n_out)),
                            rng.standard_normal((n_hidden, n_in)), rng.standard_normal(n_hidden),
                            rng.standard_normal((n_out, n_hidden)), rng.standard_normal(n_out)))
    def bug(hint, transposed=False, summed=True, **slip):
        return Bug(lambda x, y, W1, b1, W2, b2: _gradients(
            x, _deltas(x, y, W1, b1, W2, b2, **slip), transposed, summed), hint)
    return CodeExercise(
        "6.C2", "06-backprop", "The delta recursion for a two-layer network",
        r"A network has a sigmoid hidden layer and a sigmoid output layer, "
        r"$\mathbf h = \sigma(\mathbf x W_1^\top + \mathbf b_1)$ and "
        r"$\mathbf a = \sigma(\mathbf h W_2^\top + \mathbf b_2)$, and the loss "
        r"$L = \frac1N \sum_n \tfrac12 \lVert \mathbf a_n - \mathbf y_n \rVert^2$. Write "
        r"`two_layer_backward(x, y, W1, b1, W2, b2)` returning the four gradients of $L$, "
        r"by the delta recursion: the output delta $\delta_2 = (\mathbf a - \mathbf y)/N "
        r"\odot \sigma'$, then $\delta_1 = (\delta_2 W_2) \odot \sigma'$ for the hidden layer.",
        "two_layer_backward", "x, y, W1, b1, W2, b2",
        "x (N, in), y (N, out), W1 (hidden, in), b1 (hidden,), W2 (out, hidden), b2 (out,) "
        "-> (grad_W1, grad_b1, grad_W2, grad_b2).",
        ("grad_W1", "grad_b1", "grad_W2", "grad_b2"), _two_layer_backward,
        (case("a 3 → 4 → 2 network on 5 examples", 5, 3, 4, 2),
         case("a 2 → 3 → 1 network on 4 examples", 4, 2, 3, 1),
         case("a batch of one example", 1, 3, 2, 2),
         case("a 3 → 3 → 3 network (square weights)", 6, 3, 3, 3)),
        (bug("The loss is a mean over the batch: the output delta carries 1/N, (a − y) / N "
             "times the slope.", scale=1.0),
         bug("The output delta needs the output layer's slope: (a − y) / N ⊙ a (1 − a).",
             output_slope=False),
         bug("The hidden delta needs the hidden layer's slope: (δ₂ @ W2) ⊙ h (1 − h).",
             hidden_slope=False),
         bug("That is the transpose: a weight gradient has the weight's shape (out, in), so "
             "it is δ.T @ (the layer's input), not (the layer's input).T @ δ.", transposed=True),
         bug("Every example uses the same biases, so a bias gradient is the sum of its layer's "
             "δ over the batch: δ.sum(axis=0).", summed=False)),
        "δ₂ = (a − y) / N * a * (1 − a); δ₁ = (δ₂ @ W2) * h * (1 − h); a weight's gradient "
        "is δ.T @ (its layer's input) and a bias's is δ.sum(axis=0).")


# Chapter 7: one Adam step -------------------------------------------------------------------

def _adam_step(w, grad, m, v, t, lr, beta1, beta2, eps):
    parameter = Parameter(np.array(w, dtype=np.float64))
    parameter.grad[...] = grad
    adam = Adam([parameter], lr, betas=(beta1, beta2), eps=eps)
    adam.m[0][...], adam.v[0][...], adam.t = m, v, t - 1   # step() counts this step as t
    adam.step()
    return parameter.data, adam.m[0], adam.v[0]


def _adam_bug(hint, corrected=True, t_shift=0, eps_inside=False, square=True):
    """An Adam step with one slip switched on."""
    def step(w, grad, m, v, t, lr, beta1, beta2, eps):
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * (grad**2 if square else np.abs(grad))
        k = t + t_shift
        m_hat, v_hat = (m / (1 - beta1**k), v / (1 - beta2**k)) if corrected else (m, v)
        denominator = np.sqrt(v_hat + eps) if eps_inside else np.sqrt(v_hat) + eps
        return w - lr * m_hat / denominator, m, v
    return Bug(step, hint)


def _adam_exercise():
    rng = _rng(109)
    def case(label, shape, t, lr=0.001, betas=(0.9, 0.999), eps=1e-8, fresh=False):
        m, v = ((np.zeros(shape), np.zeros(shape)) if fresh
                else (0.1 * rng.standard_normal(shape), 0.01 * rng.uniform(0.1, 1.0, shape)))
        return Case(label, (rng.standard_normal(shape), rng.standard_normal(shape), m, v, t,
                            lr, *betas, eps))
    return CodeExercise(
        "7.C1", "07-training-adam", "One Adam step, with bias correction",
        r"Write `adam_step(w, grad, m, v, t, lr, beta1, beta2, eps)`: one step of Adam for a "
        r"parameter array `w` with gradient `grad`. `m` and `v` are the moment estimates "
        r"after step $t - 1$, and `t` is the number of this step (1 for the first). Update "
        r"$m \leftarrow \beta_1 m + (1 - \beta_1) g$ and $v \leftarrow \beta_2 v + (1-\beta_2) "
        r"g^2$, correct them, $\hat m = m/(1 - \beta_1^t)$ and $\hat v = v/(1 - \beta_2^t)$, "
        r"and return the new `w`, `m` and `v`, with "
        r"$w \leftarrow w - \eta\,\hat m/(\sqrt{\hat v} + \epsilon)$.",
        "adam_step", "w, grad, m, v, t, lr, beta1, beta2, eps",
        "w, grad, m, v arrays of one shape; t the step number (from 1) -> (w, m, v) after "
        "the step.",
        ("w", "m", "v"), _adam_step,
        (case("the first step (t = 1) from m = v = 0", (4,), 1, fresh=True),
         case("step t = 2 of a (2, 3) weight", (2, 3), 2, lr=0.01),
         case("step t = 50 with β₁ = 0.8, β₂ = 0.99", (5,), 50, betas=(0.8, 0.99)),
         case("step t = 3 with a large ε = 0.1", (3,), 3, lr=0.1, eps=0.1)),
        (_adam_bug("Correct the moments for their start at zero: m̂ = m / (1 − β₁ᵗ) and "
                   "v̂ = v / (1 − β₂ᵗ). Without it the first steps are far too small.",
                   corrected=False),
         _adam_bug("t is already this step's number (1 for the first step): correct with "
                   "1 − β^t, without adding 1 to t.", t_shift=1),
         _adam_bug("t is this step's number: correct with 1 − β^t, not 1 − β^(t−1) (which is "
                   "0 at the first step).", t_shift=-1),
         _adam_bug("ε goes outside the square root: √v̂ + ε.", eps_inside=True),
         _adam_bug("v averages the squared gradient: (1 − β₂) g², not |g|.", square=False)),
        "m = beta1 * m + (1 - beta1) * grad; v = beta2 * v + (1 - beta2) * grad**2; "
        "m_hat = m / (1 - beta1**t); v_hat = v / (1 - beta2**t); "
        "w - lr * m_hat / (np.sqrt(v_hat) + eps).")


# Chapter 8: BatchNorm in training mode, forward and backward --------------------------------

def _batchnorm(x, gamma, beta, eps):
    layer = BatchNorm1d(x.shape[1], eps=eps)
    layer.gamma.data[...], layer.beta.data[...] = gamma, beta
    return layer, layer.forward(x)


def _batchnorm_forward(x, gamma, beta, eps):
    return _batchnorm(x, gamma, beta, eps)[1]


def _batchnorm_backward(x, gamma, grad_out, eps):
    layer, _ = _batchnorm(x, gamma, np.zeros_like(gamma), eps)
    grad_x = layer.backward(grad_out)
    return grad_x, layer.gamma.grad, layer.beta.grad


def _normalized(x, eps, axis=0, ddof=0, eps_inside=True):
    """``x_hat`` over ``axis``, with a slip (``ddof=1``, ``eps`` outside the root) switched on."""
    centered = x - x.mean(axis=axis, keepdims=True)
    var = x.var(axis=axis, keepdims=True, ddof=ddof)
    return centered / (np.sqrt(var + eps) if eps_inside else np.sqrt(var) + eps)


def _batch_cases(rng, with_beta):
    def case(label, x):
        f = x.shape[1]
        extra = (rng.standard_normal(f),) if with_beta else (rng.standard_normal(x.shape),)
        return Case(label, (x, rng.uniform(0.5, 2.0, f), *extra, 1e-5))
    return (case("a batch of 6 examples with 3 features", 3 + 2 * rng.standard_normal((6, 3))),
            case("the chapter's batch [2, 4, 6]", np.array([[2.0], [4.0], [6.0]])),
            case("a batch of two examples", rng.standard_normal((2, 4))),
            case("a feature that is the same for every example",
                 np.column_stack([rng.standard_normal(5), np.full(5, 7.0)])))


def _batchnorm_forward_exercise():
    rng = _rng(110)
    return CodeExercise(
        "8.C1", "08-normalization-regularization", "BatchNorm's forward pass in training",
        r"Write `batchnorm_forward(x, gamma, beta, eps)` for a batch `x` of shape `(N, F)` in "
        r"training mode: normalize each feature with the batch's mean and variance, "
        r"$\hat x = (x - \mu)/\sqrt{\sigma^2 + \epsilon}$, then scale and shift, "
        r"$y = \gamma \hat x + \beta$.",
        "batchnorm_forward", "x, gamma, beta, eps",
        "x (N, F), gamma (F,), beta (F,), eps a small number -> y (N, F).",
        ("y",), _batchnorm_forward, _batch_cases(rng, with_beta=True),
        (Bug(lambda x, g, b, eps: g * _normalized(x, eps, ddof=1) + b,
             "Use the biased variance, the mean of (x − μ)² (divide by N): np.var's default, "
             "ddof=0. ddof=1, dividing by N − 1, is the unbiased estimate, kept only for the "
             "running variance."),
         Bug(lambda x, g, b, eps: g * _normalized(x, eps, axis=1) + b,
             "BatchNorm normalizes each feature over the batch, axis=0 (a column at a time). "
             "Over axis=1, each example over its features, is LayerNorm."),
         Bug(lambda x, g, b, eps: g * _normalized(x, 0.0) + b,
             "Add ε to the variance: a feature that is the same for every example has "
             "variance 0, and 0 / 0 is NaN."),
         Bug(lambda x, g, b, eps: g * _normalized(x, eps, eps_inside=False) + b,
             "ε goes inside the square root, √(σ² + ε), as in the engine and PyTorch."),
         Bug(lambda x, g, b, eps: _normalized(x, eps),
             "That is x̂: finish with the learned scale and shift, y = γ x̂ + β.")),
        "mu = x.mean(axis=0); var = x.var(axis=0); x_hat = (x - mu) / np.sqrt(var + eps); "
        "y = gamma * x_hat + beta.")


def _batchnorm_backward_exercise():
    rng = _rng(111)
    def through_x_hat_only(x, g, grad_out, eps):
        x_hat = _normalized(x, eps)
        return (grad_out * g / np.sqrt(x.var(axis=0) + eps), (grad_out * x_hat).sum(axis=0),
                grad_out.sum(axis=0))
    def not_summed(x, g, grad_out, eps):
        grad_x = _batchnorm_backward(x, g, grad_out, eps)[0]
        return grad_x, grad_out * _normalized(x, eps), grad_out
    return CodeExercise(
        "8.C2", "08-normalization-regularization", "BatchNorm's backward pass (a stretch)",
        r"Write `batchnorm_backward(x, gamma, grad_out, eps)`: the gradients of the loss with "
        r"respect to `x`, $\gamma$ and $\beta$ for the training-mode layer of the previous "
        r"exercise, given `grad_out`, the gradient with respect to its output. Remember that "
        r"the mean and the variance are functions of the whole batch.",
        "batchnorm_backward", "x, gamma, grad_out, eps",
        "x (N, F), gamma (F,), grad_out (N, F), eps -> (grad_x (N, F), grad_gamma (F,), "
        "grad_beta (F,)).",
        ("grad_x", "grad_gamma", "grad_beta"), _batchnorm_backward,
        _batch_cases(rng, with_beta=False),
        (Bug(through_x_hat_only,
             "The mean and the variance depend on every x in the batch, so grad_x has two more "
             "paths: grad_x = (g − mean(g) − x̂ · mean(g x̂)) / √(σ² + ε), with g = γ · grad_out "
             "and the means over the batch."),
         Bug(not_summed,
             "γ and β are shared by the whole batch: sum over it, (grad_out * x_hat).sum(axis=0) "
             "and grad_out.sum(axis=0).")),
        "with g = gamma * grad_out: grad_x = (g - g.mean(0) - x_hat * (g * x_hat).mean(0)) / "
        "np.sqrt(var + eps); grad_gamma = (grad_out * x_hat).sum(0); grad_beta = "
        "grad_out.sum(0).")


EXERCISES = (_neuron_exercise(), _sigmoid_exercise(), _mlp_exercise(), _embedding_exercise(),
             _softmax_exercise(), _sce_exercise(), _linear_exercise(), _delta_exercise(),
             _adam_exercise(), _batchnorm_forward_exercise(), _batchnorm_backward_exercise())
REGISTRY = {exercise.id: exercise for exercise in EXERCISES}


def code_ids(chapter=None):
    """Every code exercise id in book order, or those of one ``chapter`` (e.g. ``"06-backprop"``)."""
    return [key for key, exercise in REGISTRY.items() if chapter in (None, exercise.chapter)]


def check_code(exercise_id, function, time_limit=TIME_LIMIT):
    """Check the learner's ``function`` for code exercise ``exercise_id``; a ``Feedback``.

    Never raises and never hangs: the function runs for at most ``time_limit`` seconds
    (at most 600).
    """
    if type(exercise_id) is not str or exercise_id not in REGISTRY:
        return Feedback(False, f"There is no code exercise {_quoted(exercise_id)}. Code exercise "
                               "ids look like “6.C1”; code_ids() lists them all.", "invalid")
    if type(time_limit) not in (int, float) or not 0 < time_limit <= 600:
        return Feedback(False, "time_limit is a number of seconds from 0 to 600, such as 3.",
                        "invalid")
    return evaluate_code(REGISTRY[exercise_id], function, time_limit)


def passes_code(exercise_id, function):
    """Check ``function`` and raise ``AssertionError`` with the feedback unless it is right."""
    feedback = check_code(exercise_id, function)
    assert feedback.correct, feedback.message
    return feedback


def show_code(exercise_id):
    """The statement of code exercise ``exercise_id``, as Markdown for a notebook."""
    from IPython.display import Markdown
    return Markdown(REGISTRY[exercise_id].statement)


def _quoted(value):
    return f"“{value[:40]}”" if type(value) is str else describe(value)
