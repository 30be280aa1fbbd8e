"""Exercises for chapter 6, back-propagation. Every answer is computed with the engine."""

import numpy as np

from ..activations import Sigmoid
from ..linear import Linear
from ..tracer import Scalar, chain_table
from .core import Choice, Exercise, Mistake

CHAPTER = "06-backprop"


def _neuron(x, w, b, y):
    """The chain ``z = w x + b``, ``a = sigma(z)``, ``L = 1/2 (a - y)^2`` through the tracer.

    Returns the local derivatives and gradients: ``a``, ``dL/da``, ``da/dz``, ``dL/dw``, ``dL/db``.
    """
    xs, ws, bs = Scalar(x).named("x"), Scalar(w).named("w"), Scalar(b).named("b")
    a = (ws * xs + bs).named("z").sigmoid().named("a")
    loss = a.half_squared_error(y).named("L")
    loss.backward()
    (_, dL_da, _), (_, da_dz, _), (_, _, dL_dw) = chain_table(loss, ws)
    return {"a": a.value, "dL/da": dL_da, "da/dz": da_dz, "dL/dw": dL_dw, "dL/db": bs.grad}


def _larger_step():
    n = _neuron(1.0, 0.5, 0.0, 0.0)
    w, eta = 0.5, 0.5
    product = n["dL/da"] * n["da/dz"] * 1.0
    w_new = w - eta * n["dL/dw"]
    a_new = _neuron(1.0, w_new, 0.0, 0.0)["a"]
    context = (r"The chapter's neuron: $x = 1$, $w = 0.5$, $b = 0$, target $y = 0$, "
               r"$z = wx + b$, $a = \sigma(z) = 0.6225$, $L = \tfrac12 (a - y)^2$.")
    yield Exercise(
        "6.1a", CHAPTER, "Re-multiply the chain",
        r"Multiply the three local derivatives "
        r"$\partial L/\partial a = 0.6225$, $\partial a/\partial z = 0.2350$ and "
        r"$\partial z/\partial w = 1$ to get $\partial L/\partial w$.",
        setup=context, answer=product, source="adapted from a classic exercise",
        hint="the chain rule multiplies the local derivatives of the links.",
        mistakes=(Mistake(n["dL/da"] + n["da/dz"] + 1.0,
                          "You added the local derivatives. Along one path the chain rule "
                          "multiplies them; sums appear only where several paths meet."),
                  Mistake(n["dL/da"], "You left out the sigmoid's slope ∂a/∂z = 0.2350: the "
                                      "signal must pass through every link, the sigmoid too."),
                  Mistake(-product, "The sign is flipped: all three factors are positive.")))
    yield Exercise(
        "6.1b", CHAPTER, "A step with a larger learning rate",
        r"Take one gradient-descent step on $w$ with the larger learning rate "
        r"$\eta = 0.5$: $w \leftarrow w - \eta\,\partial L/\partial w$. What is the new $w$?",
        setup=context, answer=w_new, rtol=1e-3, atol=1e-4, source="adapted from a classic exercise",
        hint="subtract η times the gradient 0.1463 from w = 0.5.",
        mistakes=(Mistake(w + eta * n["dL/dw"], "You stepped with + instead of −. Gradient "
                                                "descent moves against the gradient."),
                  Mistake(w - 0.1 * n["dL/dw"], "That is the chapter's step with η = 0.1. "
                                                "Use η = 0.5 here."),
                  Mistake(w - eta * n["dL/da"], "You stepped with ∂L/∂a = 0.6225, forgetting "
                                                "the sigmoid's slope: the gradient is 0.1463."),
                  Mistake(w - eta * 0.5 * n["a"] ** 2, "You stepped with the loss itself "
                                                       "(0.1937), not with its gradient.")))
    yield Exercise(
        "6.1c", CHAPTER, "Which way the weight moved",
        r"After the step with $\eta = 0.5$, did $w$ move toward $0$ or away "
        "from it, and is that what training should do here?",
        setup=context, answer="a", source="adapted from a classic exercise",
        hint="look at the sign of the gradient, and at where a must go to reach y = 0.",
        choices={
            "a": Choice("toward 0, which lowers z and a and so the loss",
                        "The gradient is positive, so the step lowers w; a smaller w lowers z, "
                        "the sigmoid lowers a toward the target 0, and the loss falls."),
            "b": Choice("away from 0, because a larger learning rate makes a bigger step up",
                        "A larger η makes the step bigger, not its direction different: the "
                        "step is −η times a positive gradient, so w goes down."),
            "c": Choice("it does not move, because the step is too large",
                        f"w changes by −0.5 × {n['dL/dw']:.4f} ≈ −{w - w_new:.3f}; a large η "
                        "can overshoot, but here it simply moves further toward 0."),
            "d": Choice("toward 0, but that raises the loss because η is too large",
                        f"The new loss is lower: a = σ({w_new:.4f}) ≈ {a_new:.3f} is closer to "
                        f"y = 0 than {n['a']:.4f} was. Overshooting needs a much larger η."),
        })


def _flipped_target():
    n = _neuron(1.0, 0.5, 0.0, 1.0)
    old = _neuron(1.0, 0.5, 0.0, 0.0)
    w, eta = 0.5, 0.1
    context = (r"The chapter's neuron ($x = 1$, $w = 0.5$, $b = 0$, sigmoid, so "
               r"$a = 0.6225$ and $\partial a/\partial z = 0.2350$) with loss "
               r"$L = \tfrac12 (a - y)^2$, but now with target $y = 1$ instead of $0$.")
    yield Exercise(
        "6.2a", CHAPTER, "The signal at the loss",
        r"Compute $\partial L/\partial a = a - y$.",
        setup=context, answer=n["dL/da"], source="adapted from a classic exercise",
        hint="subtract the target from the output, in that order.",
        mistakes=(Mistake(-n["dL/da"], "That is y − a; the derivative of ½(a − y)² is a − y, "
                                       "which is negative here because a is below the target."),
                  Mistake(n["a"], "That is a alone. The derivative of ½(a − y)² is a − y.")))
    yield Exercise(
        "6.2b", CHAPTER, "The gradient of the weight",
        r"Compute $\partial L/\partial w$ by multiplying $\partial L/\partial a$ by "
        r"$\partial a/\partial z = 0.2350$ and $\partial z/\partial w = 1$.",
        setup=context, answer=n["dL/dw"], source="adapted from a classic exercise",
        hint="∂L/∂w = (a − y) · σ(z)(1 − σ(z)) · x.",
        mistakes=(Mistake(-n["dL/dw"], "The sign is flipped: a − y = −0.3775 is negative, so "
                                       "the gradient is negative too."),
                  Mistake(n["dL/da"], "You forgot the sigmoid's slope 0.2350 between a and z."),
                  Mistake(old["dL/dw"], "That is the gradient for the old target y = 0 (it "
                                        "uses a instead of a − y with y = 1).")))
    yield Exercise(
        "6.2c", CHAPTER, "One step toward the new target",
        r"Take one step $w \leftarrow w - \eta\,\partial L/\partial w$ with "
        r"$\eta = 0.1$. What is the new $w$?",
        setup=context, answer=w - eta * n["dL/dw"], rtol=1e-3, atol=1e-4, source="adapted from a classic exercise",
        hint="the gradient is negative, so subtracting η times it raises w.",
        mistakes=(Mistake(w + eta * n["dL/dw"], "You stepped with + instead of −. Minus a "
                                                "negative gradient moves w up."),
                  Mistake(w - eta * old["dL/dw"], "That is the step for the old target y = 0."),
                  Mistake(w - eta * n["dL/da"], "You forgot the sigmoid's slope: step with "
                                                "∂L/∂w = −0.0887, not ∂L/∂a = −0.3775.")))
    yield Exercise(
        "6.2d", CHAPTER, "Which way the step goes",
        r"Did the step in (c) move $w$ up or down, and why is that the right direction?",
        setup=context, answer="b", source="adapted from a classic exercise",
        hint="compare the output a = 0.6225 with the new target.",
        choices={
            "a": Choice("up, because the learning rate is positive",
                        "η is positive for every target; the direction comes from the sign of "
                        "the gradient."),
            "b": Choice("up: the output is below the target 1, and a larger w raises z and so "
                        "raises a toward 1, lowering the loss",
                        "The gradient is negative (raising w lowers the loss), so the step "
                        "goes up, pushing the output toward its target."),
            "c": Choice("down, because a gradient-descent step always shrinks the weights",
                        "Weight decay shrinks weights; a gradient step goes wherever the loss "
                        "falls. Here the gradient is negative, so the step moves w up."),
            "d": Choice("down, as it did with the target 0, because the input is the same",
                        "The target changed, and with it the sign of a − y: going down would "
                        "push a further from 1 and raise the loss, so the step goes up."),
        })


def _fan_out():
    weights, upstream = [0.5, -1.0, 2.0], [0.2, 0.4, -0.1]
    h = Scalar(1.0).named("h")
    total = sum((Scalar(w) * h).named(f"a{k}") * g
                for k, (w, g) in enumerate(zip(weights, upstream), start=1))
    total.backward()
    yield Exercise(
        "6.3", CHAPTER, "Gradients add where paths meet",
        r"A hidden unit $h$ feeds three units $a_k = w_k h$ with weights "
        r"$w_1 = 0.5$, $w_2 = -1$, $w_3 = 2$. Back-propagation has already delivered the "
        r"upstream gradients $\partial L/\partial a_1 = 0.2$, $\partial L/\partial a_2 = 0.4$ "
        r"and $\partial L/\partial a_3 = -0.1$. Compute $\partial L/\partial h$.",
        answer=h.grad,
        hint="add one term per path: the upstream gradient times that path's weight.",
        mistakes=(Mistake(sum(upstream), "You added the upstream gradients without multiplying "
                                         "each by its path's local derivative wₖ."),
                  Mistake(weights[0] * upstream[0], "That is only the first path. h reaches "
                                                    "the loss along all three; add them."),
                  Mistake(h.grad / 3, "You averaged the paths. The chain rule adds them.")))


def _bias_gradient():
    n = _neuron(2.0, 0.5, 0.0, 0.0)
    first = _neuron(1.0, 0.5, 0.0, 0.0)
    yield Exercise(
        "6.4", CHAPTER, "The bias gradient when x is not 1",
        r"The chapter's neuron with a different input: $x = 2$, $w = 0.5$, $b = 0$, target "
        r"$y = 0$, $z = wx + b$, $a = \sigma(z)$, $L = \tfrac12 (a - y)^2$. Compute "
        r"$\partial L/\partial b$.",
        answer=n["dL/db"], rtol=5e-3,
        hint="∂L/∂b = (a − y) · σ(z)(1 − σ(z)) · ∂z/∂b, and ∂z/∂b = 1. Start with z = 1.",
        mistakes=(Mistake(n["dL/dw"], "That is ∂L/∂w, which has the extra factor x = 2. For "
                                      "the bias, ∂z/∂b = 1."),
                  Mistake(first["dL/db"], "That is the answer for x = 1. With x = 2 the score "
                                          "is z = 1, so a and the sigmoid's slope change."),
                  Mistake(n["dL/da"], "You forgot the sigmoid's slope σ(z)(1 − σ(z)).")))


def _delta_step():
    W = np.array([[1.0, 2.0], [-1.0, 0.5]])           # (out, in), column convention
    delta, z_prev = np.array([0.5, -0.2]), np.array([0.0, 1.0])
    sigmoid, layer = Sigmoid(), Linear.from_weights(W)
    layer.forward(sigmoid.forward(z_prev[None, :]))
    answer = sigmoid.backward(layer.backward(delta[None, :]))[0]   # sigma'(z) * (W^T delta)
    slope = Sigmoid.derivative(z_prev)
    yield Exercise(
        "6.5", CHAPTER, "One step of the delta recursion",
        r"A layer computes $\mathbf z^{(l)} = W^{(l)}\sigma(\mathbf z^{(l-1)})$ with "
        r"$W^{(l)} = \begin{bmatrix}1 & 2\\ -1 & 0.5\end{bmatrix}$ (shape out × in, one row "
        r"per output unit). Its delta is $\boldsymbol\delta^{(l)} = [0.5, -0.2]$ and the "
        r"previous layer's scores are $\mathbf z^{(l-1)} = [0, 1]$. Compute "
        r"$\boldsymbol\delta^{(l-1)} = \sigma'(\mathbf z^{(l-1)})\odot"
        r"\big(W^{(l)\top}\boldsymbol\delta^{(l)}\big)$.",
        answer=tuple(answer.tolist()),
        hint="first W transposed times δ (a sum over the output units), then multiply entry by "
             "entry by σ'(z) = σ(z)(1 − σ(z)), which is 0.25 at z = 0.",
        mistakes=(Mistake(tuple((slope * (W @ delta)).tolist()),
                          "You multiplied by W instead of Wᵀ. Unit k's delta collects column k "
                          "of W (the weights leaving unit k), not row k."),
                  Mistake(tuple((W.T @ delta).tolist()),
                          "You left out the slope σ'(z⁽ˡ⁻¹⁾): the delta is taken with respect to "
                          "the scores, so the signal passes back through the sigmoid."),
                  Mistake(tuple((Sigmoid.value(z_prev) * (W.T @ delta)).tolist()),
                          "You multiplied by σ(z), the activation, instead of its slope "
                          "σ(z)(1 − σ(z)).")))


def _gradient_shape():
    layer = Linear(4, 3, init="zeros")
    x = np.ones((10, 4))
    layer.forward(x)
    layer.backward(np.ones((10, 3)))
    assert layer.weight.grad.shape == (3, 4)
    yield Exercise(
        "6.6", CHAPTER, "The shape of a weight gradient",
        r"In the engine, `nb.Linear(4, 3)` maps 4 inputs to 3 outputs. After a forward and "
        r"backward pass on a batch of 10 examples, what is the shape of `layer.weight.grad`?",
        answer="c", hint="a gradient always has the shape of the thing it is the gradient of.",
        choices={
            "a": Choice("(4, 3)", "That is the row convention of texts that write inputs as rows, (in, out). The "
                                  "engine's weight is (out, in), and so is its gradient."),
            "b": Choice("(10, 3)", "That is the shape of the upstream gradient grad_out, one "
                                   "delta row per example."),
            "c": Choice("(3, 4)", "The weight is (out, in) = (3, 4), and its gradient "
                                  "grad_out.T @ x = (3, 10) @ (10, 4) has the same shape: the "
                                  "per-example outer products δ aᵀ, summed over the batch."),
            "d": Choice("(10, 3, 4)", "The engine does not keep one gradient per example: "
                                      "grad_out.T @ x sums the 10 outer products."),
        })


def _accumulation():
    yield Exercise(
        "6.7", CHAPTER, "Accumulating without resetting",
        r"You call `zero_grad()` once, then loop over 8 examples, running forward, the "
        r"loss and `backward` on each example alone (a batch of one), without resetting in "
        r"between. The engine's losses average over their batch. How does `weight.grad` after "
        r"the loop compare with the gradient of one forward and backward pass on all 8 "
        r"examples at once?",
        answer="b", hint="backward adds into .grad, and the batch loss is an average.",
        choices={
            "a": Choice("it is the same", "Each pass adds its own example's full gradient, so "
                                          "the loop gives the sum; the batch loss is the mean, "
                                          "whose gradient is 8 times smaller."),
            "b": Choice("it is 8 times the batch gradient",
                        "backward adds (+=) each example's gradient, giving the sum over "
                        "examples, while the batch gradient is their average."),
            "c": Choice("it is the gradient of the last example only",
                        "That would happen only if backward overwrote .grad; the engine "
                        "accumulates with +=, until zero_grad()."),
            "d": Choice("it is 1/8 of the batch gradient",
                        "The other way round: the sum of 8 gradients is 8 times their mean."),
        })


def _reading_a_check():
    yield Exercise(
        "6.8", CHAPTER, "Reading a gradient check",
        r"You check a new layer in float64 with `nb.check_module` (central differences, "
        r"$h = 10^{-6}$). It reports a relative error of $3\times10^{-4}$ for the input "
        r"gradient and $2\times10^{-10}$ for the weight and the bias. What do you conclude?",
        answer="b", hint="compare each number with what a correct float64 backward achieves.",
        choices={
            "a": Choice("all is well: 3e-4 is a small error",
                        "In float64 a correct backward scores around 1e-8 or less; 3e-4 is a "
                        "real bug (the kind a test comparing three decimals lets through)."),
            "b": Choice("the gradient that backward returns for the input is wrong; the "
                        "parameter gradients are right",
                        "The input gradient fails by five orders of magnitude while the "
                        "parameters pass, so look at the line computing grad_in."),
            "c": Choice("the weight gradient is wrong", "2e-10 is what a correct backward "
                                                        "scores; the weight gradient passes."),
            "d": Choice("finite differences are unreliable, so the check says nothing",
                        "With a smooth function in float64 and h = 1e-6 the central difference "
                        "is accurate to about 1e-8 or better, which is why the parameters agree so well."),
        })


EXERCISES = [exercise for group in (_larger_step, _flipped_target, _fan_out, _bias_gradient,
                                    _delta_step, _gradient_shape, _accumulation,
                                    _reading_a_check)
             for exercise in group()]
