"""Exercises for chapter 7, training with SGD, momentum and Adam. Every answer is computed with the engine."""

import numpy as np

from ..activations import Sigmoid
from ..init import init_std
from ..linear import Linear
from ..losses import HalfSquaredError
from ..module import Parameter
from ..optim import SGD, Adam
from ..training import minibatches
from .core import Choice, Exercise, Mistake

CHAPTER = "07-training-adam"
SOURCE_ADAM = SOURCE_INIT = "adapted from a classic exercise"


def _worked_gradient():
    """The chapter-6 neuron's ``dL/dw`` (x = 1, w = 0.5, b = 0, sigmoid, y = 0, ½(a - y)²)."""
    neuron, sigmoid, loss = Linear.from_weights([[0.5]], [0.0]), Sigmoid(), HalfSquaredError()
    loss.forward(sigmoid.forward(neuron.forward([[1.0]])), [[0.0]])
    neuron.backward(sigmoid.backward(loss.backward()))
    return float(neuron.weight.grad[0, 0])


def _adam_first_step():
    g1, lr, beta1, beta2 = _worked_gradient(), 0.1, 0.9, 0.999
    w = Parameter(np.array([0.0]))
    w.grad[...] = g1
    adam = Adam([w], lr=lr, betas=(beta1, beta2))
    adam.step()
    m1, v1 = float(adam.m[0][0]), float(adam.v[0][0])
    m_hat, v_hat = m1 / (1 - beta1), v1 / (1 - beta2)
    step = -float(w.data[0])
    context = (r"One Adam step from rest: $g_1 = 0.1463$ (the gradient of chapter 6's neuron), "
               r"$m_0 = v_0 = 0$, $\beta_1 = 0.9$, $\beta_2 = 0.999$, $\eta = 0.1$.")
    parts = [  # (id, title, task, answer, hint, mistakes)
        ("7.1a", "The first moment", r"Compute $m_1 = \beta_1 m_0 + (1-\beta_1)\,g_1$.", m1,
         "with m₀ = 0 only the second term is left: (1 − β₁)·g₁.",
         (Mistake(g1, "That is g₁ itself. The new gradient enters with weight 1 − β₁ = 0.1."),
          Mistake(beta1 * g1, "The weights are swapped: the old average gets β₁, the new "
                              "gradient gets 1 − β₁."))),
        ("7.1b", "The second moment", r"Compute $v_1 = \beta_2 v_0 + (1-\beta_2)\,g_1^2$.", v1,
         "square the gradient first, then multiply by 1 − β₂ = 0.001.",
         (Mistake(g1**2, "That is g₁² without the factor 1 − β₂ = 0.001 (or with the weights "
                         "swapped)."),
          Mistake((1 - beta2) * g1, "The second moment averages the squared gradient: square "
                                    "g₁ first."),
          Mistake((1 - beta1) * g1**2, "The second moment decays with β₂ = 0.999, so its factor "
                                       "is 1 − β₂ = 0.001, not 1 − β₁."))),
        ("7.1c", "The corrected first moment",
         r"Compute the bias-corrected $\hat m_1 = m_1/(1-\beta_1^{\,1})$.", m_hat,
         "at t = 1 the correction divides by 1 − 0.9 = 0.1.",
         (Mistake(m1, "That is the raw m₁. The correction divides it by 1 − β₁ = 0.1."),
          Mistake(m1 * (1 - beta1), "Divide by 1 − β₁, do not multiply."))),
        ("7.1d", "The corrected second moment",
         r"Compute the bias-corrected $\hat v_1 = v_1/(1-\beta_2^{\,1})$.", v_hat,
         "at t = 1 the correction divides by 1 − 0.999 = 0.001.",
         (Mistake(v1, "That is the raw v₁. The correction divides it by 1 − β₂ = 0.001."),
          Mistake(float(np.sqrt(v_hat)), "That is √v̂₁, which the update uses; v̂₁ itself is its "
                                         "square."))),
        ("7.1e", "The step",
         r"Compute the size of the step $\eta\,\hat m_1/(\sqrt{\hat v_1}+\varepsilon)$ (take "
         r"$\varepsilon = 10^{-8}$, or ignore it: it changes nothing at this precision).", step,
         "with m̂₁ = g₁ and v̂₁ = g₁², the ratio m̂₁/√v̂₁ is g₁/|g₁|.",
         (Mistake(float(lr * m1 / np.sqrt(v1)), "You skipped the bias correction: η·m₁/√v₁ = "
                                                "0.316. Correct m₁ and v₁ first."),
          Mistake(lr * g1, "That is plain SGD's step η·g₁. Adam divides by √v̂₁."),
          Mistake(lr * m_hat / v_hat, "Divide by the square root of v̂₁, not by v̂₁."))),
    ]
    for exercise_id, title, task, answer, hint, mistakes in parts:
        # rtol 0.5%: the classic example prints three significant digits (v₁ = 2.14e-5).
        yield Exercise(exercise_id, CHAPTER, title, task, setup=context, answer=answer,
                       hint=hint, mistakes=mistakes, source=SOURCE_ADAM, rtol=0.005, atol=1e-9)
    yield Exercise(
        "7.1f", CHAPTER, "A first step that ignores the gradient's size",
        r"Why is the size of Adam's first step the same for any nonzero $g_1$, however large "
        r"or small?",
        setup=context, answer="b", source=SOURCE_ADAM,
        hint="write m̂₁ and v̂₁ in terms of g₁ and simplify the ratio.",
        choices={
            "a": Choice(r"because $\varepsilon$ dominates the denominator $\sqrt{\hat v_1}+\varepsilon$",
                        "ε = 10⁻⁸ is negligible unless |g₁| is itself about 10⁻⁸; if it dominated, "
                        "the step would be tiny and proportional to g₁."),
            "b": Choice(r"because the bias correction makes $\hat m_1 = g_1$ and "
                        r"$\hat v_1 = g_1^2$, so $\hat m_1/\sqrt{\hat v_1} = g_1/|g_1| = "
                        r"\operatorname{sign}(g_1)$",
                        "The gradient's size cancels between numerator and denominator: the first "
                        "step is η·sign(g₁), Adam's normalization by the gradient's own scale."),
            "c": Choice(r"because $\beta_1$ and $\beta_2$ are tuned so that "
                        r"$(1-\beta_1)/\sqrt{1-\beta_2} = 1$",
                        "(1 − 0.9)/√(1 − 0.999) ≈ 3.16, not 1: that ratio is exactly why skipping "
                        "the correction gives 0.316."),
            "d": Choice("because Adam clips every gradient to length 1 before using it",
                        "Adam does no clipping; gradient clipping is a separate tool "
                        "(nb.clip_grad_norm)."),
        })


def _initialization():
    yield Exercise(
        "7.2a", CHAPTER, "Which initialization for which activation",
        "Which initialization pairs with ReLU layers, and which with tanh or sigmoid layers?",
        answer="a", source=SOURCE_INIT,
        hint="which activation throws away half of its input's mean square?",
        choices={
            "a": Choice("He/Kaiming (variance 2/fan_in) for ReLU; Xavier/Glorot "
                        "(variance 2/(fan_in + fan_out)) for tanh and sigmoid",
                        "ReLU zeroes the negative half of its inputs and so halves the mean square; "
                        "He's factor 2 pays that back. tanh passes small inputs through unchanged, "
                        "so it needs no doubling."),
            "b": Choice("Xavier/Glorot for ReLU; He/Kaiming for tanh and sigmoid",
                        "The other way round: He's extra factor 2 compensates for the half that "
                        "ReLU sets to zero, which tanh and sigmoid do not do."),
            "c": Choice("He for every layer, since it is the newest scheme",
                        "Newer is not the point: with tanh, He's larger weights push units into "
                        "saturation, where their slope and gradient vanish."),
            "d": Choice("it does not matter, because the biases fix the scale",
                        "The biases start at zero and shift, they do not scale; through many "
                        "layers a wrong weight variance makes signals explode or vanish."),
        })
    yield Exercise(
        "7.2b", CHAPTER, "All-zero initialization",
        "Why is initializing every weight to zero a *silent* failure?",
        answer="c", source=SOURCE_INIT,
        hint="compare two hidden units of the same layer: what differs between them?",
        choices={
            "a": Choice("the loss turns into NaN in the first step",
                        "Nothing overflows: the loss stays a perfectly ordinary number. That is "
                        "what makes the failure silent."),
            "b": Choice("the gradients explode, because dividing by zero weights is undefined",
                        "Back-propagation multiplies by the weights, it never divides by them; "
                        "with zeros the gradients are small or exactly zero, not huge."),
            "c": Choice("every unit of a layer computes the same output and receives the same "
                        "gradient, so the units stay identical forever (with zeros into and out "
                        "of a layer, its gradients are even exactly zero), and no error is raised",
                        "The symmetry never breaks: the layer acts like a single unit, and training "
                        "runs without complaint. Random initialization breaks the symmetry."),
            "d": Choice("zero weights only hurt ReLU networks, whose units all die",
                        "tanh and sigmoid networks fail the same way: identical units get "
                        "identical gradients whatever the activation."),
        })
    he4 = init_std("he", 4, 3)
    yield Exercise(
        "7.3a", CHAPTER, "He's standard deviation",
        r"A ReLU layer has $\mathrm{fan}_{\mathrm{in}} = 4$ inputs. What is the standard deviation of its "
        "weights under He initialization?",
        answer=he4, source="adapted from a classic exercise",
        hint="He's variance is 2/fan_in; the standard deviation is its square root.",
        mistakes=(Mistake(init_std("lecun", 4, 3), "0.5 is either the variance 2/4 (take its square "
                                                   "root) or the std of 1/fan_in (He's numerator "
                                                   "is 2)."),
                  Mistake(float(np.sqrt(4 / 2)), "The fraction is upside down: 2/fan_in, not fan_in/2.")))
    he50 = init_std("he", 50, 10)
    yield Exercise(
        "7.3b", CHAPTER, "He for a wider layer",
        r"A ReLU layer has $\mathrm{fan}_{\mathrm{in}} = 50$ inputs and 10 outputs. What standard deviation "
        "does He initialization use?",
        answer=he50,
        hint="√(2/fan_in); the outputs do not enter He's formula.",
        mistakes=(Mistake(init_std("lecun", 50, 10), "That is √(1/fan_in), LeCun's scheme. He's "
                                                     "numerator is 2."),
                  Mistake(he50**2, "That is the variance 2/50. The standard deviation is its "
                                   "square root."),
                  Mistake(init_std("he", 10, 50), "fan_in counts the inputs of each unit (50), "
                                                  "not the outputs.")))
    glorot = init_std("xavier", 4, 2)
    yield Exercise(
        "7.4", CHAPTER, "Glorot, correctly",
        r"A tanh layer has $\mathrm{fan}_{\mathrm{in}} = 4$ and $\mathrm{fan}_{\mathrm{out}} = 2$. What standard "
        r"deviation does Xavier/Glorot initialization use? (Some texts give Xavier's "
        r"variance as $1/\mathrm{fan}_{\mathrm{in}}$. Is it?)",
        answer=glorot,
        hint="Glorot's variance is 2/(fan_in + fan_out); take its square root.",
        mistakes=(Mistake(init_std("lecun", 4, 2), "That is √(1/fan_in), LeCun's scheme (which some "
                                                   "texts give for Xavier's by mistake). Glorot's variance is "
                                                   "2/(fan_in + fan_out)."),
                  Mistake(glorot**2, "That is the variance 2/6. The standard deviation is its "
                                     "square root."),
                  Mistake(init_std("he", 4, 2), "That is He's √(2/fan_in), for ReLU layers."),
                  Mistake(float(np.sqrt(1 / 6)), "Glorot's numerator is 2: variance 2/(fan_in + fan_out).")))


def _momentum_by_hand():
    lr, mu, w0 = 0.1, 0.9, 2.0

    def run(momentum, stale=False):
        w = Parameter(np.array([w0]))
        sgd = SGD([w], lr=lr, momentum=momentum)
        for _ in range(2):
            w.grad[...] = 2 * (w0 if stale else w.data)      # L = w², dL/dw = 2w
            sgd.step()
        return float(w.data[0])

    # The moving-average convention v <- mu v + (1 - mu) g, w <- w - lr v, by hand.
    w, v = w0, 0.0
    for _ in range(2):
        v = mu * v + (1 - mu) * 2 * w
        w -= lr * v
    yield Exercise(
        "7.5", CHAPTER, "Two steps with momentum",
        r"Minimize $L(w) = w^2$ with SGD and momentum in the book's (and PyTorch's) convention "
        r"$v \leftarrow \mu v + g$, $w \leftarrow w - \eta v$, starting from $w_0 = 2$, $v_0 = 0$, "
        r"with $\eta = 0.1$ and $\mu = 0.9$. What is $w$ after two steps?",
        answer=run(mu),
        hint="recompute g = 2w at the new w before the second step, then v = 0.9·v + g.",
        mistakes=(Mistake(run(0.0), "That is plain SGD: the velocity from step 1 must be carried "
                                    "into step 2 (v = 0.9·4 + g₂)."),
                  Mistake(w, "That is the moving-average convention v ← μv + (1 − μ)g. The book's "
                             "velocity adds the whole gradient: v ← μv + g."),
                  Mistake(run(mu, stale=True), "The second gradient is taken at the new weight "
                                               "w₁ = 1.6, so g₂ = 3.2, not 4.")))


def _minibatch_count():
    n, size = 1000, 32
    count = len(minibatches(n, size, np.random.default_rng(0)))
    yield Exercise(
        "7.6", CHAPTER, "Mini-batches per epoch",
        r"A training set has 1000 examples and the batch size is 32. How many updates "
        "(mini-batches) make up one epoch, if the last, smaller batch is kept?",
        answer=float(count), rtol=0.001,
        hint="every example is used once per epoch; a partial last batch still counts as a step.",
        mistakes=(Mistake(float(n // size), "That drops the last, partial batch of "
                                            f"{n - (n // size) * size} examples. Round up."),
                  Mistake(n / size, "The number of batches is a whole number: round 1000/32 up.")))


def _momentum_steady_state():
    lr, mu, g = 0.01, 0.9, 2.0
    w = Parameter(np.array([0.0]))
    sgd = SGD([w], lr=lr, momentum=mu)
    for _ in range(500):
        before = float(w.data[0])
        w.grad[...] = g
        sgd.step()
    step = before - float(w.data[0])
    yield Exercise(
        "7.7", CHAPTER, "Momentum's top speed",
        r"SGD with momentum ($v \leftarrow \mu v + g$, $w \leftarrow w - \eta v$) with "
        r"$\eta = 0.01$ and $\mu = 0.9$ sees the same gradient $g = 2$ at every step. After many "
        "steps, how far does $w$ move per step?",
        answer=step,
        hint="in the steady state v stops changing: v = μv + g, so v = g/(1 − μ).",
        mistakes=(Mistake(lr * g, "That is plain SGD's step η·g. The velocity builds up to "
                                  "g/(1 − μ)."),
                  Mistake(lr * g * (1 - mu), "Divide by 1 − μ, do not multiply: the velocity "
                                             "grows, it does not shrink."),
                  Mistake(lr * g / mu, "The steady state of v = μv + g is g/(1 − μ), not g/μ.")))


def _edge_of_stability():
    a = 4.0
    w = Parameter(np.array([1.0]))
    w.grad[...] = a * w.data              # L = a/2 w², dL/dw = a w
    SGD([w], lr=1.0).step()               # one step with eta = 1 multiplies w by 1 - a
    factor_per_unit_lr = 1.0 - float(w.data[0])
    edge = 2.0 / factor_per_unit_lr
    yield Exercise(
        "7.8", CHAPTER, "The edge of stability",
        r"Gradient descent minimizes $L(w) = \tfrac{a}{2}w^2$ with $a = 4$. Above which learning "
        r"rate $\eta$ does it diverge?",
        answer=edge,
        hint="one step multiplies w by 1 − ηa; the iterates shrink only while |1 − ηa| < 1.",
        mistakes=(Mistake(1.0 / a, "At η = 1/a the first step lands exactly on the minimum: the "
                                   "fastest rate, not the limit. Above it w oscillates, but still "
                                   "shrinks until |1 − ηa| = 1."),
                  Mistake(a / 2, "Solve 1 − ηa = −1 for η: η = 2/a, not a/2.")))


def _debugging_map():
    yield Exercise(
        "7.9", CHAPTER, "Reading the debugging map",
        "A training run stops in its first epoch with nb.TrainingDiverged: the loss became "
        "infinite. According to the debugging map, what should you try first?",
        answer="b",
        hint="one row of the map is about a loss that becomes NaN or infinite.",
        choices={
            "a": Choice("add dropout and weight decay",
                        "Regularization answers a different symptom: low training loss with high "
                        "validation loss."),
            "b": Choice("clip the gradients (clip_norm in fit), then lower the learning rate",
                        "A blow-up comes from steps that are too large; clipping bounds every step "
                        "at once and lowering η is the lasting fix."),
            "c": Choice("initialize all weights to zero so they start small",
                        "All-zero weights never break the symmetry between units: the network "
                        "cannot learn, though it no longer diverges."),
            "d": Choice("raise the learning rate to get out of the bad region faster",
                        "A larger η makes the overshooting worse: above the edge of stability every "
                        "step overshoots more than the last."),
        })


EXERCISES = [exercise for group in (_adam_first_step, _initialization, _momentum_by_hand,
                                    _minibatch_count, _momentum_steady_state, _edge_of_stability,
                                    _debugging_map)
             for exercise in group()]
