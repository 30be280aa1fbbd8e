"""Exercises for chapter 8, normalization and regularization; answers computed with the engine."""

import numpy as np

from ..normalization import BatchNorm1d, LayerNorm
from ..regularization import Dropout
from .core import Choice, Exercise, Mistake, vector

CHAPTER = "08-normalization-regularization"
SOURCE_9 = "adapted from a classic exercise"


def _dropout_and_early_stopping():
    yield Exercise(
        "8.1a", CHAPTER, "What dropout does in a training step",
        r"A hidden layer has dropout with rate $p = 0.5$. What happens to its units during one "
        "training step, and why does that stop a unit from over-relying on any other?",
        answer="b", source=SOURCE_9,
        hint="think about which units take part in the forward pass of one step.",
        choices={
            "a": Choice("The half of the units with the smallest activations are set to zero, so "
                        "only the strongest units learn.",
                        "Dropout is random, not ranked by size: any unit may be dropped in any "
                        "step, whatever its activation."),
            "b": Choice("Each unit is zeroed at random with probability p (the survivors are scaled "
                        "by 1/(1 − p)); since any partner may be missing in the next step, no unit "
                        "can count on a particular other one and each must be useful on its own.",
                        "A fresh random mask every step means a unit never knows which other "
                        "units will be there, so fragile co-adaptations cannot form."),
            "c": Choice("Half of the weights are permanently removed after the step, which makes "
                        "the network smaller.",
                        "Nothing is removed for good: the mask is redrawn every step and all units "
                        "are back at evaluation time."),
            "d": Choice("The layer's outputs are multiplied by 0.5 in every step, so the "
                        "activations stay small.",
                        "Scaling every unit the same way changes nothing about which units a unit "
                        "can rely on; dropout's point is that units are missing at random."),
        })
    yield Exercise(
        "8.1b", CHAPTER, "What early stopping watches",
        "Early stopping halts training by itself. Which signal does it watch, and when does it "
        "halt?",
        answer="c", source=SOURCE_9,
        hint="the signal must be able to tell when the model starts to fit noise.",
        choices={
            "a": Choice("The training loss: it halts when the training loss reaches zero.",
                        "A big network can drive the training loss towards zero precisely by "
                        "memorizing noise, so the training loss cannot reveal overfitting."),
            "b": Choice("The size of the gradient: it halts when the gradient is small.",
                        "A small gradient says the optimizer is near a stationary point of the "
                        "training loss, which says nothing about performance on new data."),
            "c": Choice("The loss on held-out validation data: it halts once the validation loss "
                        "has not improved for a set number of epochs (the patience), and keeps the "
                        "weights of the best epoch.",
                        "Training loss keeps falling while the validation loss turns up at "
                        "the start of overfitting; the minimum of the validation curve is the "
                        "stopping point."),
            "d": Choice("A fixed number of epochs chosen before training.",
                        "A fixed budget ignores the data; early stopping decides from the "
                        "validation curve of this run."),
        })


def _batchnorm_batch():
    x, gamma, beta = [1.0, 3.0, 5.0, 7.0], 2.0, 0.5
    layer = BatchNorm1d(1)
    layer.gamma.data[...] = gamma
    layer.beta.data[...] = beta
    column = np.array(x)[:, None]
    y = vector(layer.forward(column))
    mean, biased, unbiased = np.mean(x), np.var(x), np.var(x, ddof=1)
    centred = np.array(x) - mean
    yield Exercise(
        "8.2", CHAPTER, "BatchNorm of a small batch",
        r"One feature takes the values $[1, 3, 5, 7]$ across a mini-batch of four examples. "
        r"A BatchNorm layer with scale $\gamma = 2$ and shift $\beta = 0.5$ normalizes it "
        r"(take $\varepsilon$ as negligible). Compute the four outputs "
        r"$y_i = \gamma\hat x_i + \beta$.",
        answer=y,
        hint="mean, then the biased variance (divide by the batch size), then "
             "x̂ = (x − μ)/σ, then y = γ x̂ + β.",
        mistakes=(
            Mistake(vector(gamma * centred / np.sqrt(unbiased) + beta),
                    "You used the unbiased variance (divide by N − 1 = 3). BatchNorm normalizes "
                    "with the biased batch variance: divide the squared deviations by N = 4."),
            Mistake(vector(centred / np.sqrt(biased)),
                    "That is x̂, the normalized value. Now apply the learned scale and shift: "
                    "y = γ x̂ + β."),
            Mistake(vector(gamma * centred + beta),
                    "You centered the values but did not divide by the standard deviation "
                    "σ = √5."),
            Mistake(vector(beta * centred / np.sqrt(biased) + gamma),
                    "γ and β are swapped: γ = 2 multiplies x̂ and β = 0.5 is added."),
        ))


def _dropout_scale():
    p = 0.2
    mask = Dropout(p, rng=np.random.default_rng(0)).sample_mask((1000,))
    scale = float(mask[mask > 0][0])
    yield Exercise(
        "8.3", CHAPTER, "The inverted-dropout scale",
        r"Inverted dropout with drop rate $p = 0.2$ zeroes each unit with probability 0.2 during "
        "training and multiplies each kept unit by a constant, so that evaluation needs no change "
        "at all. What is that constant?",
        answer=scale,
        hint="the expected output must equal the input: (probability kept) × scale = 1.",
        mistakes=(Mistake(1 - p, "0.8 is the probability of keeping a unit. The kept units are "
                                 "divided by it, not multiplied: the scale is 1/(1 − p)."),
                  Mistake(1 / p, "1/p divides by the drop rate. The scale compensates for the "
                                 "units that are missing: 1/(1 − p)."),
                  Mistake(p, "0.2 is the drop rate itself. Kept units are scaled up by "
                             "1/(1 − p) so the expected output is unchanged.")))


def _weight_decay_gradient():
    lam, w = 0.01, np.array([3.0, -1.0, 2.0])
    # The penalty's gradient, found by the engine's convention: SGD(weight_decay=wd) adds
    # wd * w, the gradient of (wd / 2) ||w||^2, so lambda ||w||^2 has gradient 2 lambda w.
    gradient = vector(2 * lam * w)
    context = (r"A weight vector $\mathbf w = [3, -1, 2]$ is penalized by "
               r"$\lambda\lVert\mathbf w\rVert^2$ with $\lambda = 0.01$.")
    yield Exercise(
        "8.4a", CHAPTER, "The gradient of the L2 penalty",
        r"Compute the gradient $\nabla_{\mathbf w}\,\lambda\lVert\mathbf w\rVert^2$.",
        setup=context, answer=gradient,
        hint="λ‖w‖² = λ(w₁² + w₂² + w₃²); differentiate each term.",
        mistakes=(Mistake(vector(lam * w), "You dropped the 2 from d(w²)/dw = 2w. (λw is the "
                                            "gradient of (λ/2)‖w‖², a different penalty.)"),
                  Mistake(vector(-2 * lam * w), "The sign is flipped: the penalty grows with |w|, "
                                                 "so its gradient points along w."),
                  Mistake(vector(np.full(3, lam * np.sum(w**2))),
                          "That is the penalty's value, not its gradient.")))
    yield Exercise(
        "8.4b", CHAPTER, "The optimizer's weight_decay",
        r"The engine's `nb.SGD(..., weight_decay=wd)`, like PyTorch's, adds "
        r"$wd\cdot\mathbf w$ to the gradient before the step. Which value of `wd` gives exactly "
        r"the step of gradient descent on $L + \lambda\lVert\mathbf w\rVert^2$?",
        setup=context, answer=2 * lam, atol=1e-4,
        hint="match wd·w to the penalty's gradient from the previous part.",
        mistakes=(Mistake(lam, "With wd = λ the optimizer adds λw, the gradient of (λ/2)‖w‖²: half "
                               "the penalty. The gradient of λ‖w‖² is 2λw."),
                  Mistake(lam / 2, "Halving goes the wrong way: the penalty's gradient is 2λw, "
                                   "so wd = 2λ.")))


def _layernorm_row():
    X = np.array([[2.0, 0.0, 4.0, 6.0], [1.0, 1.0, 1.0, 5.0]])
    first = vector(LayerNorm(4).forward(X)[0])
    across_batch = vector(BatchNorm1d(4).forward(X)[0])
    row = X[0]
    yield Exercise(
        "8.5", CHAPTER, "LayerNorm of one example",
        r"A batch holds two examples with four features each, "
        r"$X = \begin{bmatrix}2 & 0 & 4 & 6\\ 1 & 1 & 1 & 5\end{bmatrix}$. A LayerNorm layer "
        r"with $\gamma = 1$, $\beta = 0$ (and negligible $\varepsilon$) normalizes it. Compute "
        "the output for the first example (the first row).",
        answer=first,
        hint="LayerNorm uses the mean and the biased variance of the example's own four features.",
        mistakes=(Mistake(across_batch, "You normalized each feature down its column, across the "
                                        "two examples: that is BatchNorm. LayerNorm uses the "
                                        "statistics of the row itself."),
                  Mistake(vector((row - row.mean()) / row.std(ddof=1)),
                          "You used the unbiased variance (divide by 3). LayerNorm divides the "
                          "squared deviations by the number of features, 4."),
                  Mistake(vector(row - row.mean()), "You centered the row but did not divide by "
                                                     "its standard deviation √5.")))


def _concepts():
    yield Exercise(
        "8.6", CHAPTER, "Normalization in a Transformer",
        "A Transformer generates text one token at a time, and its training batches hold "
        "sentences of different lengths. Which normalization suits its layers, and why?",
        answer="c", hint="think about what padded sentences of different lengths do to "
                         "statistics taken across a batch.",
        choices={
            "a": Choice("BatchNorm, because it uses the most data for its statistics.",
                        "A batch of one is not the obstacle: in evaluation mode BatchNorm uses "
                        "its running statistics and handles a single token. The trouble is in "
                        "training: batch statistics mix different positions and the padding of "
                        "shorter sentences, and are noisy for small or variable batches. "
                        "LayerNorm's per-token statistics avoid all three."),
            "b": Choice("No normalization: attention already keeps activations in range.",
                        "Deep stacks of attention and MLP blocks do need normalization for stable "
                        "training; every standard Transformer has it."),
            "c": Choice("LayerNorm, because it normalizes each token over its own d features, so "
                        "it needs no batch and does not care how long the sequence is.",
                        "LayerNorm's statistics come from one token's own features, the same "
                        "in training and generation, for any batch size or sequence length."),
            "d": Choice("BatchNorm in training and LayerNorm at generation time.",
                        "Switching normalizations between training and use would change the "
                        "function the network computes; the Transformer uses LayerNorm "
                        "throughout."),
        })
    yield Exercise(
        "8.7", CHAPTER, "BatchNorm at evaluation time",
        "A network with BatchNorm has been trained and is switched to evaluation mode "
        "(`model.eval()`). What does each BatchNorm layer now use to normalize a test example?",
        answer="a", hint="the output for one test example should not depend on the others.",
        choices={
            "a": Choice("The running mean and variance it accumulated during training.",
                        "In evaluation the layer is a fixed affine map per feature, so one "
                        "example's output does not depend on its batch."),
            "b": Choice("The mean and variance of the current test batch.",
                        "Then a prediction would change with the other examples in the batch, and "
                        "a single example could not be normalized at all."),
            "c": Choice("Nothing: BatchNorm is switched off at evaluation, like dropout.",
                        "Removing it would feed the next layer un-normalized values it never saw "
                        "in training; the layer stays, with running statistics."),
            "d": Choice("The mean and variance of that one example's features.",
                        "That is LayerNorm's statistic, not BatchNorm's."),
        })
    yield Exercise(
        "8.8", CHAPTER, "Reading the losses",
        "A network reaches a training loss of 0.01 but a validation loss of 0.30; a smaller one "
        "reaches 0.25 on both. Which diagnosis and remedy fit the large network?",
        answer="d", hint="compare the gap between training and validation loss for the two models.",
        choices={
            "a": Choice("High bias (underfitting): make it larger still.",
                        "Its training loss is tiny, so it is flexible enough; the trouble is the "
                        "gap to the validation loss."),
            "b": Choice("The learning rate is too high: lower it.",
                        "A too-high learning rate shows up as a training loss that does not fall "
                        "or diverges; here the training loss is excellent."),
            "c": Choice("Both models are equally good, since their average loss is similar.",
                        "Only the validation loss estimates performance on new data, and the "
                        "large network's is worse."),
            "d": Choice("High variance (overfitting): add regularization such as weight decay, "
                        "dropout or early stopping, or get more data.",
                        "Low training loss with a large gap to the validation loss is the "
                        "signature of fitting noise. Regularization accepts a slightly worse fit "
                        "to the training set for a model that depends far less on which "
                        "examples it saw. (The small model, 0.25 on both, underfits.)"),
        })


EXERCISES = [exercise for group in (_dropout_and_early_stopping, _batchnorm_batch, _dropout_scale,
                                    _weight_decay_gradient, _layernorm_row, _concepts)
             for exercise in group()]
