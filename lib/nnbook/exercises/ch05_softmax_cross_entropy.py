"""Exercises for chapter 5, softmax and cross-entropy. Every answer is computed with the engine."""

import numpy as np

from ..activations import sigmoid
from ..losses import (BCEWithLogits, HalfSquaredError, MeanSquaredError, SoftmaxCrossEntropy,
                      softmax)
from .core import Choice, Exercise, Mistake

CHAPTER = "05-softmax-cross-entropy"


def _loss_and_error(loss, pred, target):
    """``(loss value, dL/dpred)`` for one example through the engine's ``loss``."""
    value = loss.forward(np.atleast_2d(pred), target)
    return value, loss.backward()[0]


def _softmax_head():
    logits, true_class = [2.0, 1.0, 0.0], 0
    p = softmax(logits)
    loss = SoftmaxCrossEntropy().forward([logits], np.array([true_class]))
    uniform = SoftmaxCrossEntropy().forward([[0.0, 0.0, 0.0]], np.array([true_class]))
    context = (r"A softmax head has three classes, logits $\mathbf z = [2, 1, 0]$ "
               r"(exponentials $e^2, e^1, e^0 = 7.39, 2.72, 1.00$, sum $11.11$), true class 0.")
    source = "adapted from a classic exercise"
    yield Exercise(
        "5.1a", CHAPTER, "The probability of the true class",
        r"Compute the softmax probability $\hat p_0$ of the true class.",
        setup=context, answer=float(p[0]), source=source,
        hint="divide the true class's exponential by the sum of all three exponentials.",
        mistakes=(Mistake(float(np.exp(logits[0])), "That is e² itself. Softmax divides it by the "
                                                    "sum of the exponentials, 11.11."),
                  Mistake(float(p[1]), "That is the probability of class 1. The true class is "
                                       "class 0, the one with logit 2."),
                  Mistake(float(loss), "That is the loss −ln p̂₀. The question asks for the "
                                       "probability p̂₀ itself.")))
    yield Exercise(
        "5.1b", CHAPTER, "The cross-entropy loss",
        r"Compute the cross-entropy loss $\mathcal L = -\ln \hat p_0$ "
        "(natural logarithm).",
        setup=context, answer=float(loss), source=source, rtol=0.0, atol=0.005,
        hint="first the probability p̂₀ = e²/11.11, then minus its natural logarithm.",
        mistakes=(Mistake(float(p[0]), "That is the probability p̂₀. The loss is −ln p̂₀."),
                  Mistake(float(-np.log10(p[0])), "That is a base-10 logarithm. Cross-entropy "
                                                  "uses the natural logarithm ln."),
                  Mistake(float(np.log(p[0])), "The sign is missing: ln p̂₀ is negative, and the "
                                               "loss is −ln p̂₀, which is positive."),
                  Mistake(float(-np.log(logits[0])), "You took the log of the logit z₀ = 2. "
                                                     "Take it of the probability p̂₀.")))
    yield Exercise(
        "5.1c", CHAPTER, "The loss of a maximally unsure model",
        r"A three-class model that is maximally unsure gives every class the same probability, "
        r"so $\hat p_0 = \tfrac13$. What is its cross-entropy loss $\mathcal L = -\ln \hat p_0$?",
        setup=context, answer=float(uniform), source=source,
        hint="minus the natural logarithm of one third is ln 3.",
        mistakes=(Mistake(1 / 3, "That is the probability. The loss is −ln(1/3) = ln 3."),
                  Mistake(float(np.log10(3)), "That is a base-10 logarithm; use ln."),
                  Mistake(float(-uniform), "The sign is flipped: −ln(1/3) = +ln 3 is positive.")))
    yield Exercise(
        "5.1d", CHAPTER, "Which loss is larger, and why",
        r"Compare the loss you found in (b), for the logits $[2, 1, 0]$, with the loss of the "
        r"maximally unsure model in (c), both for true class 0. Which statement is right?",
        setup=context, answer="b", source=source,
        hint="ask which model put more probability on the class that was actually true.",
        choices={
            "a": Choice("The unsure model's loss is smaller, because it never commits to a "
                        "wrong answer.",
                        "Its loss is larger (1.10 > 0.41). Cross-entropy does not reward "
                        "hedging: it charges −ln of the probability given to the truth."),
            "b": Choice("The unsure model's loss is larger, because it gives the true class "
                        "less probability, and −ln p grows as p shrinks.",
                        "It gives the true class 1/3 against 0.665. The loss should fall as the model concentrates mass "
                        "on the right class and rise as it moves mass away."),
            "c": Choice("They are equal, because both probability vectors sum to one.",
                        "Both sum to one, but the loss reads only the true class's "
                        "probability, and those differ (0.665 against 1/3)."),
            "d": Choice("The unsure model's loss is larger, because it has more classes with "
                        "nonzero probability.",
                        "Both models give all three classes nonzero probability; what matters "
                        "is the probability of the true class alone."),
        })


def _softmax_error():
    logits, true_class = [1.0, 2.0, 0.5], 2
    value, error = _loss_and_error(SoftmaxCrossEntropy(), logits, np.array([true_class]))
    p = softmax(logits)
    y = np.eye(3)[true_class]
    yield Exercise(
        "5.2", CHAPTER, "The output error of softmax cross-entropy",
        r"One example with logits $\mathbf z = [1, 2, 0.5]$ and true class 2 (one-hot "
        r"$\mathbf y = [0, 0, 1]$), loss $\ell = -\sum_j y_j \ln p_j$ with "
        r"$\mathbf p = \operatorname{softmax}(\mathbf z)$. Compute the output error "
        r"$\boldsymbol\delta = \partial\ell/\partial\mathbf z$ (three numbers).",
        answer=tuple(error.tolist()),
        hint="the chapter derived ∂ℓ/∂zⱼ = pⱼ − yⱼ: compute the softmax, then subtract the "
             "one-hot target.",
        mistakes=(Mistake(tuple((y - p).tolist()), "The sign is flipped: the error is p − y, "
                                                   "not y − p."),
                  Mistake(tuple(p.tolist()), "That is the softmax p alone. Subtract the "
                                             "one-hot target y."),
                  Mistake(tuple((p - np.eye(3)[int(np.argmax(logits))]).tolist()),
                          "You subtracted 1 at the class with the largest logit. The one-hot "
                          "target marks the true class, class 2.")))


def _bce_from_logit():
    z, y = -1.0, 1.0
    value = BCEWithLogits().forward([[z]], [[y]])
    flipped = BCEWithLogits().forward([[z]], [[1.0 - y]])
    p = float(sigmoid(z))
    yield Exercise(
        "5.3", CHAPTER, "Binary cross-entropy from a logit",
        r"A one-output classifier gives the logit $z = -1$ for an example whose label is "
        r"$y = 1$. With $p = \sigma(z)$, compute the binary cross-entropy "
        r"$\ell = -\big(y\ln p + (1-y)\ln(1-p)\big)$.",
        answer=float(value),
        hint="with y = 1 only the first term survives: ℓ = −ln σ(−1) = ln(1 + e).",
        mistakes=(Mistake(p, "That is the probability σ(z). The loss is −ln σ(z) for y = 1."),
                  Mistake(float(flipped), "That is the loss for the label y = 0, −ln(1 − p). "
                                          "The label here is 1."),
                  Mistake(float(-np.log10(p)), "That is a base-10 logarithm; use ln.")))


def _squared_error_conventions():
    z, y = 3.0, 1.0
    _, half_error = _loss_and_error(HalfSquaredError(), [z], [[y]])
    _, full_error = _loss_and_error(MeanSquaredError(), [z], [[y]])
    context = (r"A regression network outputs $z = 3$ (identity output) for one example with "
               r"target $y = 1$.")
    yield Exercise(
        "5.4a", CHAPTER, "The output error with the factor one half",
        r"With the loss $\ell = \tfrac12 (z - y)^2$, whose factor ½ is there to cancel, compute the "
        r"output error $\delta = \partial\ell/\partial z$.",
        setup=context, answer=float(half_error[0]),
        hint="the ½ cancels the 2 that comes down from the square.",
        mistakes=(Mistake(float(full_error[0]), "That is the derivative of (z − y)², without the "
                                                "½. Here the ½ cancels the 2."),
                  Mistake(float(-half_error[0]), "The sign is flipped: δ = z − y = 3 − 1.")))
    yield Exercise(
        "5.4b", CHAPTER, "The output error without the factor one half",
        r"With the loss $\ell = (z - y)^2$ (no $\tfrac12$), compute "
        r"the exact output error $\delta = \partial\ell/\partial z$, before any factor is "
        "dropped.",
        setup=context, answer=float(full_error[0]),
        hint="bring the exponent down: the derivative of (z − y)² is 2(z − y).",
        mistakes=(Mistake(float(half_error[0]), "That is z − y, the δ of texts that drop the factor "
                                                "2 as a rescaling. The exact derivative keeps it."),
                  Mistake(float(-full_error[0]), "The sign is flipped: δ = 2(z − y), and z > y.")))


def _shift_invariance():
    yield Exercise(
        "5.5", CHAPTER, "Adding a constant to every logit",
        r"Softmax of $[2, 1, 0]$ is $[0.665, 0.245, 0.090]$. What is the softmax of "
        r"$[102, 101, 100]$?",
        answer="c", hint="write softmax(z + c) and factor e^c out of the numerator and the sum.",
        choices={
            "a": Choice("about $[1, 0, 0]$: the logits are huge, so the largest wins outright",
                        "Only differences between logits matter. Scaling the logits sharpens "
                        "the softmax; shifting them does not."),
            "b": Choice("not a number: $e^{102}$ is too large to compute",
                        "e¹⁰² ≈ 2·10⁴⁴ is fine in float64 (overflow starts near e⁷⁰⁹), and the "
                        "engine subtracts the maximum first anyway."),
            "c": Choice("the same, $[0.665, 0.245, 0.090]$",
                        "e^(zⱼ + c) / Σ e^(zₖ + c) = e^c e^zⱼ / (e^c Σ e^zₖ): the factor e^c "
                        "cancels. This is why the engine may subtract the largest logit."),
            "d": Choice("each probability grows by 100/3",
                        "Probabilities stay between 0 and 1 and sum to one; they cannot grow by "
                        "more than 33."),
        })


def _two_class_softmax():
    z = 1.2
    p_two = float(softmax([z, 0.0])[0])
    yield Exercise(
        "5.6", CHAPTER, "Two classes: softmax meets the sigmoid",
        r"A two-class softmax head has logits $[z, 0]$ with $z = 1.2$. Compute the probability "
        r"of the first class, $e^{z} / (e^{z} + e^{0})$. Which familiar function of $z$ is it?",
        answer=p_two,
        hint="divide the numerator and the denominator by e^z: you get 1 / (1 + e^(−z)).",
        mistakes=(Mistake(float(np.exp(z)), "That is e^z alone; divide by e^z + e^0 = e^z + 1."),
                  Mistake(float(sigmoid(-z)), "That is the probability of the second class, "
                                              "1 − σ(z)."),
                  Mistake(0.5, "Only equal logits give one half; here z = 1.2 > 0.")))


EXERCISES = [exercise for group in (_softmax_head, _softmax_error, _bce_from_logit,
                                    _squared_error_conventions, _shift_invariance,
                                    _two_class_softmax)
             for exercise in group()]
