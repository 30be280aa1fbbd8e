"""Exercises for chapter 3, the multi-layer perceptron. Every answer is computed with the engine."""

import numpy as np

from ..activations import ReLU, sigmoid
from ..linear import Linear
from ..losses import softmax
from ..module import Sequential
from .core import Choice, Exercise, Mistake, vector

CHAPTER = "03-mlp"


def _two_two_one(W1, b1, w2, b2, x):
    """Hidden pre-activation, hidden ReLU output and network output of a 2-2-1 ReLU MLP."""
    hidden, relu, output = Linear.from_weights(W1, b1), ReLU(), Linear.from_weights([w2], [b2])
    z = hidden.forward([x])
    h = relu.forward(z)
    return z[0], h[0], float(output.forward(h)[0, 0])


def _source_forward_pass():
    W1, b1, w2, b2, x = [[1.0, 1.0], [-1.0, -1.0]], [-1.0, 1.0], [2.0, 1.0], 1.0, [2.0, 1.0]
    z, h, y = _two_two_one(W1, b1, w2, b2, x)
    _, h_no_bias, y_no_bias = _two_two_one(W1, [0.0, 0.0], w2, b2, x)
    _, h_columns, _ = _two_two_one(np.transpose(W1), b1, w2, b2, x)
    y_no_relu = float(np.dot(w2, z) + b2)
    context = (r"A 2 → 2 → 1 network gets the input $\mathbf x = [2, 1]$. Its hidden layer has "
               r"weight rows $[1, 1]$ and $[-1, -1]$, bias $\mathbf b = [-1, 1]$ and ReLU; the "
               r"output layer has $\mathbf w_2 = [2, 1]$, $b_2 = 1$ and no activation.")
    source = "adapted from a classic exercise"
    yield Exercise(
        "3.1a", CHAPTER, "The hidden vector",
        r"Compute the hidden vector $\mathbf h = \mathrm{ReLU}(W\mathbf x + \mathbf b)$.",
        setup=context, answer=vector(h), source=source,
        hint="each row of W is one hidden neuron: dot it with x, add its bias, then apply ReLU.",
        mistakes=(Mistake(vector(z), "That is the pre-activation Wx + b. Apply ReLU: a negative "
                                      "entry becomes 0."),
                  Mistake(vector(h_no_bias), "You left out the bias vector b = [-1, 1]."),
                  Mistake(vector(h_columns), "You used the columns of W as the neurons. Each "
                                              "row of W holds one neuron's weights."),
                  Mistake(vector(np.abs(z)), "ReLU does not take the absolute value: a negative "
                                              "pre-activation becomes 0.")))
    yield Exercise(
        "3.1b", CHAPTER, "The output",
        r"Compute the output $\hat y = \mathbf w_2\cdot\mathbf h + b_2$.",
        setup=context, answer=y, source=source,
        hint="first find h (ReLU of Wx + b), then take its dot product with w₂ and add b₂.",
        mistakes=(Mistake(y_no_relu, "You used the pre-activation Wx + b as h. ReLU clips its "
                                     "negative entry to 0 first."),
                  Mistake(y - b2, "You forgot the output bias b₂ = 1."),
                  Mistake(y_no_bias, "You left out the hidden bias b = [-1, 1].")))
    yield Exercise(
        "3.1c", CHAPTER, "What ReLU clipped",
        "Which entry did ReLU clip to 0?",
        setup=context, answer="b", source=source,
        hint="look at the signs of the two hidden pre-activations.",
        choices={
            "a": Choice("the first hidden unit's",
                        "A positive pre-activation passes through ReLU unchanged: h₁ = 2."),
            "b": Choice("the second hidden unit's",
                        "(−1)(2) + (−1)(1) + 1 = −2 < 0, so ReLU sets h₂ = 0: that unit "
                        "contributes nothing to ŷ for this input."),
            "c": Choice("neither: both hidden pre-activations are positive",
                        "The second pre-activation is (−1)(2) + (−1)(1) + 1 = −2, which is "
                        "negative."),
            "d": Choice("the output ŷ", "The output layer has no activation here; ReLU acts "
                                         "only in the hidden layer."),
        })


def _parameter_count():
    sizes = (784, 256, 256, 10)
    layers = [Linear(n_in, n_out, init="zeros") for n_in, n_out in zip(sizes, sizes[1:])]
    count = sum(p.data.size for layer in layers for p in layer.parameters())
    weights_only = sum(layer.weight.data.size for layer in layers)
    yield Exercise(
        "3.2", CHAPTER, "Counting parameters",
        r"An MLP for 28 × 28 images has layer sizes 784 → 256 → 256 → 10 (input, two hidden "
        "layers, output), every layer fully connected with a bias. How many learned "
        "parameters (weights and biases) does it have?",
        answer=float(count), rtol=0.0, atol=0.5,
        hint="a layer from n inputs to m units has m·n weights and m biases; add the three layers.",
        mistakes=(Mistake(float(weights_only), "You counted the weights only. Each of the "
                                               "256 + 256 + 10 units also has a bias."),
                  Mistake(float(sum(sizes)), "That is the number of units, not of parameters. "
                                             "Every connection between two layers has a weight."),
                  Mistake(float(count + sizes[0]), "The input layer has no biases: it holds the "
                                                   "data, it does not compute anything.")))


def _shapes():
    layer = Linear(5, 3, init="zeros")
    rows, columns = layer.weight.shape
    yield Exercise(
        "3.3", CHAPTER, "Weight shapes in the two conventions",
        r"A layer maps 5 inputs to 3 neurons. In the column form "
        r"$\mathbf h = \phi(W\mathbf x + \mathbf b)$ (the engine's) and in the row form "
        r"$h = \phi(xW')$ of texts that write an input as a row, what are the shapes of $W$ "
        r"and $W'$?",
        answer="a", hint="in W x the columns of W must match the entries of x.",
        choices={
            "a": Choice(rf"$W$ is ${rows}\times{columns}$ and $W'$ is ${columns}\times{rows}$",
                        "W has one row per neuron and one column per input (out × in, the "
                        "engine's Linear weight); W' = Wᵀ has one column per neuron."),
            "b": Choice(rf"$W$ is ${columns}\times{rows}$ and $W'$ is ${rows}\times{columns}$",
                        "That is the wrong way round: W x needs as many columns in W as x has "
                        "entries (5), so W is 3 × 5."),
            "c": Choice(rf"both are ${rows}\times{columns}$",
                        "A 1 × 5 row x can only multiply a matrix with 5 rows, so W' is 5 × 3."),
            "d": Choice(rf"both are ${columns}\times{rows}$",
                        "A 5-entry column x can only be multiplied by a matrix with 5 columns, "
                        "so W is 3 × 5."),
        })


def _row_form_network():
    W1 = np.array([[1.0, -1.0], [0.0, 1.0], [2.0, 0.0]])     # 3 x 2, in x out (row form)
    W2 = np.array([[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]])       # 2 x 3
    z0 = np.array([[1.0, 2.0, -1.0]])
    first, relu, second = Linear.from_weights(W1.T), ReLU(), Linear.from_weights(W2.T)
    z1 = first.forward(z0)
    a1 = relu.forward(z1)
    z2 = second.forward(a1)
    F = softmax(Sequential(first, relu, second).forward(z0))
    z2_no_relu = second.forward(z1)
    context = (r"A 3 → 2 → 3 network written in row form (an input row times each weight "
               r"matrix) has "
               r"$W^{(1)} = \begin{bmatrix}1 & -1\\ 0 & 1\\ 2 & 0\end{bmatrix}$ ($3\times2$), "
               r"$W^{(2)} = \begin{bmatrix}1 & 0 & -1\\ 2 & 1 & 0\end{bmatrix}$ ($2\times3$), "
               r"no biases, ReLU as $\sigma$ and the softmax as the output function $S$, so "
               r"$F(z^{(0)}) = S\big(\sigma(z^{(0)}W^{(1)})\,W^{(2)}\big)$. The input is the row "
               r"$z^{(0)} = [1, 2, -1]$.")
    yield Exercise(
        "3.4a", CHAPTER, "The hidden activations",
        r"Compute the hidden activations $a^{(1)} = \sigma(z^{(0)}W^{(1)})$.",
        setup=context, answer=vector(a1),
        hint="in row form, entry j of z W is the dot product of z with column j of W.",
        mistakes=(Mistake(vector(z1), "That is z⁽¹⁾ = z⁽⁰⁾W⁽¹⁾ before the activation. Apply "
                                       "ReLU entry by entry."),))
    yield Exercise(
        "3.4b", CHAPTER, "The output scores",
        r"Compute the output layer's scores $z^{(2)} = a^{(1)}W^{(2)}$.",
        setup=context, answer=vector(z2),
        hint="multiply the row a⁽¹⁾ by W⁽²⁾: entry k is a₁·w₁ₖ + a₂·w₂ₖ.",
        mistakes=(Mistake(vector(z2_no_relu), "You multiplied z⁽¹⁾ instead of a⁽¹⁾: apply "
                                               "ReLU to the hidden layer first."),))
    yield Exercise(
        "3.4c", CHAPTER, "The network's output",
        r"Compute the output $F(z^{(0)}) = S(z^{(2)})$ (three probabilities).",
        setup=context, answer=vector(F),
        hint="softmax: exponentiate each score, then divide by the sum of the exponentials.",
        mistakes=(Mistake(vector(z2), "Those are the scores z⁽²⁾. The output function S, the "
                                       "softmax, turns them into probabilities."),
                  Mistake(vector(sigmoid(z2)), "You applied a sigmoid to each score. The softmax "
                                                "acts on the whole layer, so the three outputs "
                                                "add up to 1."),
                  Mistake(vector(softmax(z2_no_relu)), "You skipped the ReLU in the hidden "
                                                        "layer.")))


def _why_depth():
    yield Exercise(
        "3.5", CHAPTER, "Why depth helps",
        "The universal approximation theorem says one wide enough hidden layer can approximate "
        "any continuous function. Why do practitioners still build deep networks?",
        answer="c", hint="think about what the sawtooth example in the chapter counted.",
        choices={
            "a": Choice("because one hidden layer cannot represent nonlinear functions at all",
                        "It can: the theorem says one hidden layer can approximate any "
                        "continuous function, if it is wide enough."),
            "b": Choice("because stacking linear layers, even without activations, adds power",
                        "Without activations the stack collapses into one linear map, "
                        "W₂W₁x = (W₂W₁)x."),
            "c": Choice("because layers compose features, so some functions need far fewer "
                        "units (even exponentially fewer) when the network is deep",
                        "Each layer reuses the features of the one before; the sawtooth needs "
                        "2L units deep but at least 2ᴸ − 1 in one layer."),
            "d": Choice("because deeper networks always train faster and never overfit",
                        "Depth brings its own training problems (vanishing gradients, chapter 2) "
                        "and a big network can overfit (chapter 8)."),
        })


def _tent_layers():
    """The tent map t(x) = 2 ReLU(x) - 4 ReLU(x - 1/2) of the chapter, as three engine layers."""
    return [Linear.from_weights([[1.0], [1.0]], [0.0, -0.5]), ReLU(),
            Linear.from_weights([[2.0, -4.0]], [0.0])]


def _sawtooth_by_hand():
    x = np.array([[0.3]])
    first = Sequential(*_tent_layers())
    twice = Sequential(*_tent_layers(), *_tent_layers())
    h = first[1].forward(first[0].forward(x))[0]
    z = first[0].forward(x)[0]
    once, folded = float(first.forward(x)[0, 0]), float(twice.forward(x)[0, 0])

    def no_relu(value):
        return float(Sequential(first[0], first[2]).forward([[value]])[0, 0])

    context = (r"One layer of the chapter's sawtooth network computes the tent map "
               r"$t(x) = 2\,\mathrm{ReLU}(x) - 4\,\mathrm{ReLU}(x - \tfrac12)$: a hidden layer "
               r"with weights $[1, 1]$ and biases $[0, -\tfrac12]$, ReLU, then output weights "
               r"$[2, -4]$. Take the input $x = 0.3$.")
    yield Exercise(
        "3.6a", CHAPTER, "The sawtooth by hand: one layer",
        r"Compute the hidden vector $\mathbf h = [\mathrm{ReLU}(x), "
        r"\mathrm{ReLU}(x - \tfrac12)]$.",
        setup=context, answer=vector(h),
        hint="add each unit's bias (0 and −½) to x, then apply ReLU to each entry.",
        mistakes=(Mistake(vector(z), "That is the pre-activation. ReLU clips the negative "
                                      "entry 0.3 − 0.5 = −0.2 to 0."),))
    yield Exercise(
        "3.6b", CHAPTER, "The sawtooth by hand: two layers",
        r"A depth-2 network applies the tent map twice. Compute $t(t(0.3))$.",
        setup=context, answer=folded,
        hint="first t(0.3) = 2·0.3 (the second unit is off); then apply t again to that value, "
             "checking which units are on.",
        mistakes=(Mistake(once, "That is t(0.3), one fold. Feed it through the tent map again."),
                  Mistake(no_relu(no_relu(0.3)), "You skipped the ReLU: without it t(x) = 2 − 2x "
                                                 "everywhere, a single straight line.")))


EXERCISES = [exercise for group in (_source_forward_pass, _parameter_count, _shapes,
                                    _row_form_network, _why_depth, _sawtooth_by_hand)
             for exercise in group()]
