"""Exercises for chapter 1, the neuron. Every answer is computed with the engine."""

import numpy as np

from ..activations import ReLU, sigmoid
from ..linear import Linear
from ..losses import BCEWithLogits, MeanSquaredError
from .core import Choice, Exercise, Mistake

CHAPTER = "01-neuron"


def _score(weights, bias, x):
    """``w . x + b`` for one example, through the engine's ``Linear``."""
    return float(Linear.from_weights([weights], [bias]).forward(np.atleast_2d(x))[0, 0])


def _relu_neuron():
    w, b, x = [2.0, -1.0], 0.5, [1.0, 3.0]
    z = _score(w, b, x)
    a = float(ReLU().forward(z))
    context = (r"A neuron receives the input $\mathbf x = [1, 3]$, weighs it with "
               r"$\mathbf w = [2, -1]$ and adds the bias $b = 0.5$.")
    yield Exercise(
        "1.1a", CHAPTER, "The pre-activation",
        r"What is its score (the pre-activation) $z = \mathbf w\cdot\mathbf x + b$?",
        setup=context, answer=z, source="adapted from a classic exercise",
        hint="multiply each weight by its own input, add the products, then add the bias.",
        mistakes=(Mistake(_score(w, 0.0, x), "You left out the bias: z = w·x + b, with b = 0.5."),
                  Mistake(_score(w[::-1], b, x), "Pair w₁ with x₁ and w₂ with x₂, not crosswise.")))
    yield Exercise(
        "1.1b", CHAPTER, "The ReLU output",
        r"Its activation is ReLU. What comes out, $a = \max(0, z)$?",
        setup=context, answer=a, source="adapted from a classic exercise",
        hint="ReLU keeps a positive score and replaces a negative one by 0.",
        mistakes=(Mistake(z, "That is the pre-activation z itself. ReLU clips a negative z to 0."),
                  Mistake(abs(z), "ReLU does not take the absolute value: a negative z becomes 0.")))

    yield Exercise(
        "1.1c", CHAPTER, "What ReLU did",
        "Compare the score $z$ with the output $a$. What did ReLU do to the score?",
        setup=context, answer="b", source="adapted from a classic exercise",
        hint="compare the sign of z with the output a.",
        choices={
            "a": Choice("nothing: it passed the score through unchanged",
                        "ReLU passes only a positive score unchanged. This score is negative, "
                        "so the output differs from it."),
            "b": Choice("it clipped a negative score to 0",
                        "z = −0.5 < 0, and ReLU replaces every negative score by 0; a positive "
                        "score would have passed unchanged."),
            "c": Choice("it took the absolute value of the score",
                        "That would give 0.5. ReLU does not flip signs: it sets a negative "
                        "score to 0."),
            "d": Choice("it clipped a positive score to 0",
                        "ReLU keeps positive scores unchanged; only negative ones become 0."),
        })


def _recommender():
    p, q, q2 = [2.0, 1.0, 3.0], [1.0, 2.0, 1.0], [3.0, 0.0, 1.0]
    context = (r"A recommender describes each user by a vector of tastes and each item by a "
               r"vector of traits, and predicts how much a user will like an item by the dot "
               r"product of the two. Take the user $\mathbf p = [2, 1, 3]$ and the item "
               r"$\mathbf q = [1, 2, 1]$.")
    yield Exercise(
        "1.2a", CHAPTER, "A score as a neuron",
        r"The predicted liking $\mathbf p\cdot\mathbf q$ is the output of one linear neuron "
        r"$\mathbf w\cdot\mathbf x + b$. Which assignment of roles makes it so?",
        setup=context, answer="a", source="adapted from a classic exercise",
        hint="a dot product has no constant term.",
        choices={
            "a": Choice(r"weights $\mathbf w = \mathbf p$ (the user), input $\mathbf x = \mathbf q$ "
                        r"(the item), bias $b = 0$",
                        "The user's vector weighs the item's features by the user's taste, and a dot "
                        "product adds no constant. (Swapping the roles of p and q also works: the "
                        "dot product is symmetric.)"),
            "b": Choice(r"weights $\mathbf p$, input $\mathbf q$, bias $b = 1$",
                        "A plain dot product has no constant term, so the bias is 0, not 1."),
            "c": Choice(r"weights $\mathbf p + \mathbf q$, input $[1, 1, 1]$, bias $0$",
                        "That neuron computes the sum of all entries of p and q, not p·q."),
            "d": Choice("it cannot be a neuron, because both vectors are learned",
                        "Learned or not, p·q has exactly the form w·x + b with b = 0."),
        })
    yield Exercise(
        "1.2b", CHAPTER, "The score of item q",
        r"Compute the predicted liking $\mathbf p\cdot\mathbf q$.",
        setup=context, answer=_score(p, 0.0, q), source="adapted from a classic exercise",
        hint="multiply matching entries and add the three products.",
        mistakes=(Mistake(sum(p) + sum(q), "You added all the entries. A dot product multiplies "
                                           "matching entries first, then adds the products."),))
    yield Exercise(
        "1.2c", CHAPTER, "The score of item q₂",
        r"A second item $\mathbf q_2 = [3, 0, 1]$ should suit this user better. Compute "
        r"$\mathbf p\cdot\mathbf q_2$.",
        setup=context, answer=_score(p, 0.0, q2), source="adapted from a classic exercise",
        hint="multiply matching entries of p and q₂ and add the products.",
        mistakes=(Mistake(sum(p) + sum(q2), "You added all the entries. A dot product multiplies "
                                            "matching entries first, then adds the products."),
                  Mistake(_score(p, 0.0, q), "That is the score of the first item q, not of q₂.")))


def _layer_of_two():
    W, b, x = [[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]], [0.5, -1.0], [3.0, 1.0, 2.0]
    layer = Linear.from_weights(W, b)
    z = tuple(layer.forward([x])[0].tolist())
    yield Exercise(
        "1.3", CHAPTER, "A layer of two neurons",
        r"A layer has weight matrix $W = \begin{bmatrix}1 & 0 & -1\\ 2 & 1 & 0\end{bmatrix}$ "
        r"(one row per neuron), bias $\mathbf b = [0.5, -1]$ and input $\mathbf x = [3, 1, 2]$. "
        r"Compute the vector of pre-activations $\mathbf z = W\mathbf x + \mathbf b$.",
        answer=z, hint="each row of W is one neuron: take its dot product with x and add its bias.",
        mistakes=(Mistake(tuple((np.array(W) @ x).tolist()), "You forgot to add the bias vector."),))


def _boundary_shape():
    yield Exercise(
        "1.4", CHAPTER, "What one neuron can draw",
        r"A two-input neuron with a sigmoid labels a point $\mathbf x$ as class 1 when "
        r"$\sigma(\mathbf w\cdot\mathbf x + b) > \tfrac12$. What shape is the boundary between "
        "its two classes?",
        answer="b", hint="where exactly is the sigmoid equal to one half?",
        choices={
            "a": Choice("a curve whose shape depends on the weights",
                        "The weights only turn and sharpen the boundary; they cannot bend it."),
            "b": Choice(r"a straight line, $\mathbf w\cdot\mathbf x + b = 0$",
                        "σ(z) > ½ exactly when z > 0, and z = w·x + b = 0 is a straight line."),
            "c": Choice("a circle around the points of class 1",
                        "Nothing in w·x + b measures distance from a center, so no circle."),
            "d": Choice("it depends on the activation: with ReLU it would be curved",
                        "Any increasing activation with a threshold gives the same z = const line."),
        })


def _bias_is_threshold():
    yield Exercise(
        "1.5", CHAPTER, "The bias is a threshold",
        r"A perceptron fires when $\mathbf w\cdot\mathbf x \ge \theta$ for a threshold $\theta$. "
        r"Written as $\mathbf w\cdot\mathbf x + b \ge 0$, what is the bias $b$?",
        answer="c", hint="move θ to the left-hand side of the inequality.",
        choices={
            "a": Choice(r"$b = \theta$", "Subtracting θ from both sides gives w·x − θ ≥ 0, so the "
                                         "sign flips: b = −θ."),
            "b": Choice(r"$b = 1/\theta$", "The threshold is subtracted, not divided."),
            "c": Choice(r"$b = -\theta$", "w·x ≥ θ is w·x − θ ≥ 0: the bias is minus the "
                                          "threshold, so a large bias makes the unit fire easily."),
            "d": Choice(r"$b = 0$: a perceptron has no bias",
                        "The threshold is exactly what the bias encodes."),
        })


def _logistic_gradient():
    w, b, x, y = [0.5, -0.5], 0.0, [1.0, 2.0], 1.0
    neuron, loss = Linear.from_weights([w], [b]), BCEWithLogits()
    loss.forward(neuron.forward([x]), [y])
    neuron.backward(loss.backward())
    gradient = tuple(neuron.weight.grad[0].tolist())
    p = float(sigmoid(_score(w, b, x)))
    yield Exercise(
        "1.6", CHAPTER, "The gradient of logistic regression",
        r"Logistic regression on one example: $\mathbf w = [0.5, -0.5]$, $b = 0$, "
        r"$\mathbf x = [1, 2]$, label $y = 1$, loss "
        r"$\ell = -\big(y\log\sigma(z) + (1-y)\log(1-\sigma(z))\big)$ with "
        r"$z = \mathbf w\cdot\mathbf x + b$. Compute the gradient "
        r"$\big[\partial\ell/\partial w_1,\ \partial\ell/\partial w_2\big]$.",
        answer=gradient, hint="the chapter showed ∂ℓ/∂wⱼ = (σ(z) − y)·xⱼ.",
        mistakes=(Mistake(tuple(-g for g in gradient), "The sign is flipped: the residual is "
                                                       "σ(z) − y, not y − σ(z)."),
                  Mistake((p * x[0], p * x[1]), "You left out the label: the residual is "
                                                "σ(z) − y, not σ(z)."),
                  Mistake((p - y, p - y), "Multiply the residual σ(z) − y by each input xⱼ.")))


def _regression_gradient():
    w, b, x, y = 1.0, 0.0, 3.0, 5.0
    neuron, loss = Linear.from_weights([[w]], [b]), MeanSquaredError()
    loss.forward(neuron.forward([[x]]), [[y]])
    neuron.backward(loss.backward())
    gradient = float(neuron.weight.grad[0, 0])
    yield Exercise(
        "1.7", CHAPTER, "The gradient of linear regression",
        r"Linear regression on one example: $\hat y = wx + b$ with $w = 1$, $b = 0$, input $x = 3$ "
        r"and target $y = 5$, loss $L = (\hat y - y)^2$. Compute $\partial L/\partial w$.",
        answer=gradient, hint="by the chain rule, ∂L/∂w = 2(ŷ − y)·x.",
        mistakes=(Mistake(gradient / 2, "That is the gradient of ½(ŷ − y)². With L = (ŷ − y)² the "
                                        "factor 2 stays."),
                  Mistake(-gradient, "The sign is flipped: ŷ − y = 3 − 5 is negative, and so is "
                                     "the gradient (raising w would lower the loss)."),
                  Mistake(gradient / x, "That is ∂L/∂ŷ. Multiply by ∂ŷ/∂w = x.")))


EXERCISES = [exercise for group in (_relu_neuron, _recommender, _layer_of_two, _boundary_shape,
                                    _bias_is_threshold, _logistic_gradient, _regression_gradient)
             for exercise in group()]
