"""Exercises for chapter 2, activations. Every answer is computed with the engine."""

import numpy as np

from ..activations import GELU, LeakyReLU, ReLU, Sigmoid, Tanh
from ..linear import Linear
from ..module import Sequential
from .core import Choice, Exercise, Mistake

CHAPTER = "02-activations"


def _value(activation, z):
    """``phi(z)`` for one score, through the module's forward pass."""
    return float(activation.forward(np.float64(z)))


def _slope(activation, z):
    """``phi'(z)`` for one score, through the module's backward pass."""
    activation.forward(np.array([z], dtype=float))
    return float(activation.backward(np.ones(1))[0])


def _chain_slope(activation_type, depth, z0):
    """``d a_L / d a_0`` through ``depth`` neurons of weight 1 whose pre-activations all equal ``z0``."""
    a0 = _value(activation_type(), z0)
    layers = []
    for _ in range(depth):
        layers += [Linear.from_weights([[1.0]], [z0 - a0]), activation_type()]
    chain = Sequential(*layers)
    chain.forward(np.array([[a0]]))
    return float(chain.backward(np.ones((1, 1)))[0, 0])


def _three_activations():
    sigmoid, tanh, relu = Sigmoid(), Tanh(), ReLU()
    context = (r"The three canonical activations are the sigmoid "
               r"$\sigma(z) = 1/(1 + e^{-z})$, $\tanh(z)$ and $\text{ReLU}(z) = \max(0, z)$.")
    source = "adapted from a classic exercise"
    s1, t1, r1 = _value(sigmoid, 1.0), _value(tanh, 1.0), _value(relu, 1.0)
    s_m2, r_m2 = _value(sigmoid, -2.0), _value(relu, -2.0)
    yield Exercise(
        "2.1a", CHAPTER, "Sigmoid at z = 1", r"Compute $\sigma(1)$.",
        setup=context, answer=s1, source=source,
        hint="σ(1) = 1/(1 + e⁻¹), and e⁻¹ ≈ 0.3679.",
        mistakes=(Mistake(_value(sigmoid, -1.0), "That is σ(−1) = 1/(1 + e). At z = 1 the "
                                                "exponent is e^(−1), so σ(1) is above ½."),
                  Mistake(_slope(sigmoid, 1.0), "That is the slope σ'(1) = σ(1)(1 − σ(1)), not "
                                                "the value σ(1).")))
    yield Exercise(
        "2.1b", CHAPTER, "Tanh at z = 1", r"Compute $\tanh(1)$.",
        setup=context, answer=t1, source=source,
        hint="tanh(1) = (e − e⁻¹)/(e + e⁻¹).",
        mistakes=(Mistake(s1, "That is σ(1). Tanh is a stretched sigmoid: tanh(z) = 2σ(2z) − 1."),
                  Mistake(_slope(tanh, 1.0), "That is the slope 1 − tanh²(1), not tanh(1).")))
    yield Exercise(
        "2.1c", CHAPTER, "ReLU at z = 1", r"Compute $\text{ReLU}(1)$.",
        setup=context, answer=r1, source=source,
        hint="ReLU passes a positive score through unchanged.",
        mistakes=(Mistake(0.0, "ReLU clips only negative scores; z = 1 is positive, so it "
                               "passes unchanged."),))
    yield Exercise(
        "2.1d", CHAPTER, "Sigmoid at z = −2", r"Now compute $\sigma(-2)$.",
        setup=context, answer=s_m2, source=source,
        hint="σ(−2) = 1/(1 + e²), and e² ≈ 7.389.",
        mistakes=(Mistake(_value(sigmoid, 2.0), "That is σ(2). For z = −2 the exponent is "
                                               "e^(−z) = e², so σ(−2) is below ½."),
                  Mistake(0.0, "The sigmoid is never exactly 0: a negative score gives a small "
                               "positive output.")))
    yield Exercise(
        "2.1e", CHAPTER, "ReLU at z = −2", r"Compute $\text{ReLU}(-2)$.",
        setup=context, answer=r_m2, source=source,
        hint="ReLU replaces a negative score by 0.",
        mistakes=(Mistake(-2.0, "That is the score itself. ReLU = max(0, z) clips a negative "
                                "score to 0."),
                  Mistake(2.0, "ReLU does not take the absolute value: a negative score becomes "
                               "0.")))
    yield Exercise(
        "2.1f", CHAPTER, "Sign and flatness",
        r"Put your values at $z = 1$ and $z = -2$ side by side. Which activation answers the "
        r"negative score with a negative output, and which answers it with exactly 0?",
        setup=context, answer="b", source=source,
        hint="look at the ranges: (0, 1) for the sigmoid, (−1, 1) for tanh, [0, ∞) for ReLU.",
        choices={
            "a": Choice("the sigmoid changes sign; ReLU is flat",
                        f"The sigmoid stays positive: σ(−2) ≈ {s_m2:.4f} > 0. Its range is "
                        "(0, 1), so it never changes sign."),
            "b": Choice("tanh changes sign; ReLU is flat",
                        f"tanh(−2) ≈ {_value(tanh, -2.0):.4f} < 0 < tanh(1), since tanh is "
                        "zero-centered with range (−1, 1), and ReLU(−2) = 0, with slope 0 for "
                        "every negative score."),
            "c": Choice("tanh changes sign; the sigmoid is flat",
                        "The sigmoid is small for z = −2 but not 0, and not flat: its slope "
                        "there is about 0.105."),
            "d": Choice("ReLU changes sign; tanh is flat",
                        "ReLU never outputs a negative number, and tanh is not flat at −2."),
        })


def _linear_stack():
    W1, W2 = np.array([[1.0, 2.0], [0.0, 1.0]]), np.array([[1.0, -1.0], [2.0, 0.0]])
    first, second = Linear.from_weights(W1), Linear.from_weights(W2)
    # The merged matrix, read off the stack: its columns are the stack's images of e1, e2.
    merged = Sequential(first, second).forward(np.eye(2)).T
    source = "adapted from a classic exercise"
    yield Exercise(
        "2.2a", CHAPTER, "Two linear layers are one",
        r"Two linear layers without an activation, $\mathbf y = W_2(W_1\mathbf x)$, with "
        r"$W_1 = \begin{bmatrix}1 & 2\\ 0 & 1\end{bmatrix}$ and "
        r"$W_2 = \begin{bmatrix}1 & -1\\ 2 & 0\end{bmatrix}$, compute like a single layer "
        r"$\mathbf y = W\mathbf x$. Give $W$ row by row, as $[W_{11}, W_{12}, W_{21}, W_{22}]$.",
        answer=tuple(merged.ravel().tolist()), source=source,
        hint="W₂(W₁x) = (W₂W₁)x, so W = W₂W₁: entry (i, j) is row i of W₂ times column j of W₁.",
        mistakes=(Mistake(tuple((W1 @ W2).ravel().tolist()),
                          "That is W₁W₂. The layer applied first, W₁, stands on the right: "
                          "W = W₂W₁."),
                  Mistake(tuple((W1 * W2).ravel().tolist()),
                          "That is the entry-by-entry product. Composing layers multiplies "
                          "the matrices: row of W₂ times column of W₁."),
                  Mistake(tuple(merged.T.ravel().tolist()),
                          "You gave W column by column (or transposed). List the first row "
                          "first: [W₁₁, W₁₂, W₂₁, W₂₂].")))
    yield Exercise(
        "2.2b", CHAPTER, "Why a linear stack cannot learn XOR",
        r"Why can no network made only of linear layers (no activations), however many, "
        "separate the XOR points?",
        answer="c", source=source,
        hint="what does the product of several matrices give you?",
        choices={
            "a": Choice("because a linear stack has too few parameters",
                        "Adding layers adds parameters, but the stack still computes one "
                        "linear map, so more parameters do not help."),
            "b": Choice("because training a linear stack never converges",
                        "Training is not the problem: the best line (Wx + b) reaches only 3 of "
                        "the 4 points, whatever training finds."),
            "c": Choice(r"because $W_L\cdots W_2W_1\mathbf x$ is a single linear map "
                        r"$W\mathbf x$, whose decision boundary is one straight line",
                        "Matrix products collapse: W₂(W₁x) = (W₂W₁)x, with biases too. One "
                        "linear map draws one line, and no line splits XOR's diagonals."),
            "d": Choice("because the XOR inputs are not linearly independent",
                        "The four inputs do not need to be independent; the problem is the "
                        "straight boundary a linear map draws."),
        })
    yield Exercise(
        "2.2c", CHAPTER, "The smallest fix",
        "What is the smallest change that lets a network carve the XOR boundary?",
        answer="a", source=source,
        hint="what stops the matrices from collapsing into one?",
        choices={
            "a": Choice("one hidden layer with a nonlinear activation (such as ReLU) between "
                        "the two linear layers",
                        "With φ between them, W₂φ(W₁x + b₁) + b₂ no longer collapses. The "
                        "chapter's 2 → 2 → 1 ReLU network computes XOR exactly."),
            "b": Choice("a third linear layer",
                        "Three linear layers still collapse into one: W₃W₂W₁ is one matrix."),
            "c": Choice("a sigmoid on the output of the single linear layer",
                        "σ is increasing, so σ(w·x + b) > ½ exactly where w·x + b > 0: still "
                        "one straight boundary."),
            "d": Choice("a larger learning rate",
                        "No learning rate helps: no setting of a linear map's weights solves "
                        "XOR."),
        })


def _sigmoid_peak_slope():
    sigmoid = Sigmoid()
    slope = _slope(sigmoid, 0.0)
    yield Exercise(
        "2.3", CHAPTER, "The sigmoid's steepest slope",
        r"Compute the sigmoid's slope at $z = 0$, $\sigma'(0)$, using "
        r"$\sigma' = \sigma(1 - \sigma)$. (It is the largest slope the sigmoid ever has, which "
        "is why, with weights of size at most 1, a gradient shrinks at least fourfold "
        "through every sigmoid.)",
        answer=slope, hint="σ(0) = ½; multiply it by 1 − σ(0).",
        mistakes=(Mistake(_value(sigmoid, 0.0), "That is the value σ(0) = ½. The slope is "
                                                "σ(0)(1 − σ(0))."),
                  Mistake(_slope(Tanh(), 0.0), "That is tanh's slope at 0. The sigmoid is "
                                               "flatter: σ(0)(1 − σ(0)).")))


def _sigmoid_chain():
    sigmoid = Sigmoid()
    slope = _chain_slope(Sigmoid, 5, 0.0)
    single = _slope(sigmoid, 0.0)
    yield Exercise(
        "2.4", CHAPTER, "A gradient through five sigmoids",
        r"A chain of five sigmoid neurons, $a_l = \sigma(w\,a_{l-1} + b)$ with $w = 1$, is set "
        r"up so that every pre-activation equals 0. By the chain rule, "
        r"$\partial a_5/\partial a_0 = \prod_{l=1}^5 w\,\sigma'(z_l)$. Compute it.",
        answer=slope, atol=1e-6,
        hint="each of the five factors is w·σ'(0) = 1 × ¼; multiply them.",
        mistakes=(Mistake(5 * single, "The chain rule multiplies the factors; it does not add "
                                      "them."),
                  Mistake(single, "That is one layer's factor. There are five layers, so "
                                  "multiply five factors of ¼."),
                  Mistake(_value(sigmoid, 0.0) ** 5, "That is σ(0)⁵. The chain rule multiplies "
                                                     "slopes σ'(0) = ¼, not values σ(0) = ½.")))


def _leaky_relu():
    alpha, z = 0.2, -3.0
    leaky = LeakyReLU(alpha)
    value, slope = _value(leaky, z), _slope(leaky, z)
    context = (r"A Leaky ReLU with $\alpha = 0.2$ outputs $z$ for $z > 0$ and $\alpha z$ "
               r"for $z \le 0$.")
    yield Exercise(
        "2.5a", CHAPTER, "Leaky ReLU's value", r"Compute its output at $z = -3$.",
        setup=context, answer=value, hint="for a negative score, multiply it by α.",
        mistakes=(Mistake(_value(ReLU(), z), "That is plain ReLU. The leaky version lets "
                                             "α·z = 0.2 × (−3) through."),
                  Mistake(z, "That is the score itself; for z ≤ 0 the output is α·z."),
                  Mistake(-value, "Check the sign: α·z with α > 0 and z < 0 is negative.")))
    yield Exercise(
        "2.5b", CHAPTER, "Leaky ReLU's slope", r"What is its slope at $z = -3$?",
        setup=context, answer=slope, hint="on the negative side the function is the line αz.",
        mistakes=(Mistake(_slope(ReLU(), z), "That is plain ReLU's slope, the one that kills "
                                             "units. The leaky slope for z < 0 is α."),
                  Mistake(1.0, "Slope 1 holds for z > 0. Here z < 0, so the slope is α."),
                  Mistake(value, "That is the output α·z, not its slope α.")))


def _gelu():
    gelu, z = GELU(), -1.0
    value = _value(gelu, z)
    cdf = value / z          # Phi(-1), read off GELU(z) = z Phi(z)
    yield Exercise(
        "2.6", CHAPTER, "GELU at a negative score",
        r"The GELU is $\text{GELU}(z) = z\,\Phi(z)$, where $\Phi$ is the standard normal "
        r"distribution function, $\Phi(z) = \tfrac12\big(1 + \operatorname{erf}(z/\sqrt2)\big)$. "
        r"Compute $\text{GELU}(-1)$, using $\Phi(-1) \approx 0.1587$.",
        answer=value, hint="multiply z = −1 by Φ(−1).",
        mistakes=(Mistake(_value(ReLU(), z), "That is ReLU(−1). GELU lets a little of a "
                                             "negative score through: z·Φ(z) < 0."),
                  Mistake(cdf, "That is Φ(−1) alone; multiply it by z = −1."),
                  Mistake(z * (1 - cdf), "You used Φ(1) instead of Φ(−1): GELU(−1) = "
                                         "(−1)·Φ(−1), and Φ(−1) = 1 − Φ(1).")))


def _hidden_activation():
    yield Exercise(
        "2.7", CHAPTER, "Which activation for hidden layers?",
        "You are building a deep network (say 20 hidden layers). Which activation is the "
        "sensible default for its hidden layers?",
        answer="c", hint="think about the slope each activation passes back, layer after layer.",
        choices={
            "a": Choice("the sigmoid, because its output reads like a probability",
                        "Its slope is at most ¼, so with weights of size at most 1 the gradient "
                        "shrinks at least fourfold per layer and the early layers hardly learn. "
                        "Keep it for a probability at the output."),
            "b": Choice("the identity (no activation), because its slope is always 1",
                        "Then all 20 layers collapse into one linear map, which cannot even "
                        "compute XOR."),
            "c": Choice("ReLU (or a variant such as Leaky ReLU or GELU)",
                        "Its slope is exactly 1 wherever a unit is active, so gradients pass "
                        "through deep stacks undiminished. Leaky ReLU also keeps a small slope "
                        "for negative scores. GELU does not: its slope for very negative scores "
                        "vanishes like a Gaussian (GELU′(−5) ≈ −7·10⁻⁶), so a unit pushed far "
                        "below 0 is as dead under GELU as under ReLU."),
            "d": Choice("the step function of the perceptron",
                        "Its slope is 0 everywhere (and undefined at 0), so gradient descent "
                        "gets no signal at all."),
        })


def _dead_unit():
    yield Exercise(
        "2.8", CHAPTER, "A dead ReLU",
        r"A ReLU unit has weights $\mathbf w = [1, 1]$ and bias $b = -10$, and every input in "
        r"the data lies in the square $[0, 1]^2$. What happens to $\mathbf w$ and $b$ during "
        "gradient descent?",
        answer="b", hint="what is the largest pre-activation this unit can see, and what is "
                         "ReLU's slope there?",
        choices={
            "a": Choice("they grow slowly until the unit fires",
                        "Growth needs a gradient. With every z ≤ 1 + 1 − 10 = −8, ReLU's slope "
                        "is 0 for every example, so the gradient is exactly 0."),
            "b": Choice("nothing: they never change, because every gradient is exactly zero",
                        "Every pre-activation is at most −8, where ReLU outputs 0 with slope 0: "
                        "the unit is dead, and gradient descent will not revive it. A Leaky "
                        "ReLU keeps a gradient flowing; a careful initialization only keeps "
                        "units from dying in the first place."),
            "c": Choice("the bias is pushed up by the loss, while the weights stay fixed",
                        "The bias's gradient also passes through ReLU's slope, which is 0 "
                        "here, so the bias does not move either."),
            "d": Choice("they oscillate, because ReLU is not differentiable at 0",
                        "The kink at z = 0 is never reached: every z is at most −8."),
        })


EXERCISES = [exercise for group in (_three_activations, _linear_stack, _sigmoid_peak_slope,
                                    _sigmoid_chain, _leaky_relu, _gelu, _hidden_activation,
                                    _dead_unit)
             for exercise in group()]
