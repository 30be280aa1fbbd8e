"""Exercises for chapter 4, embeddings. Every answer is computed with the engine."""

import numpy as np

from ..embedding import Embedding, one_hot
from ..linear import Linear
from ..losses import MeanSquaredError
from .core import Choice, Exercise, Mistake, vector

CHAPTER = "04-embeddings"


def _lookup(table, k):
    """Row ``k`` of ``table`` through the engine's ``Embedding``."""
    return Embedding.from_table(table).forward(np.array([k]))[0]


def _row_gradients(table, ids, upstream):
    """``weight.grad`` of an ``Embedding`` holding ``table`` after ``ids`` and ``upstream``."""
    layer = Embedding.from_table(table)
    layer.forward(np.asarray(ids))
    layer.backward(np.asarray(upstream, dtype=float))
    return layer.weight.grad


def _score_gradient(p, q, r):
    """``d/dp (p . q - r)^2`` through a one-neuron ``Linear`` (weights ``p``, input ``q``)."""
    neuron, loss = Linear.from_weights([p]), MeanSquaredError()
    loss.forward(neuron.forward([q]), [[r]])
    neuron.backward(loss.backward())
    return neuron.weight.grad[0]


def _scores(p, items):
    """``p . q_i`` for every row ``q_i`` of ``items``, as one layer's forward pass."""
    return Linear.from_weights([p]).forward(np.asarray(items, dtype=float)).ravel()


def _source_lookup():
    E = np.array([[1.0, 0.0, 2.0], [0.0, 3.0, 1.0], [2.0, 1.0, 0.0]])
    g = [2.0, -1.0, 2.0]
    context = (r"A 3-id, 3-dimensional embedding table is "
               r"$E=\begin{bmatrix}1&0&2\\ 0&3&1\\ 2&1&0\end{bmatrix}$ (ids count from 0).")
    yield Exercise(
        "4.1a", CHAPTER, "The lookup",
        "What vector does id 1 return?",
        setup=context, answer=vector(_lookup(E, 1)), source="adapted from a classic exercise",
        hint="an embedding returns row k of the table for id k.",
        mistakes=(Mistake(vector(_lookup(E, 0)), "Ids count from 0: id 1 is the middle row, "
                                                  "not the first."),
                  Mistake(vector(one_hot([1], 3)), "That is the one-hot vector of id 1. Multiply "
                                                    "it by E (or just read row 1).")))
    yield Exercise(
        "4.1b", CHAPTER, "Which rows get a gradient",
        "Suppose a training step looks up id 1 and no other id. After back-propagation, in "
        "which rows is the gradient of $E$ nonzero?",
        setup=context, answer="a", source="adapted from a classic exercise",
        hint="write the lookup as the one-hot product e₁ᵀE and differentiate.",
        choices={
            "a": Choice("only row 1",
                        "The gradient is e₁gᵀ: the one-hot puts the upstream gradient g into row 1 "
                        "and multiplies every other row by 0, so only row 1 changes."),
            "b": Choice("all three rows, because the whole table is one parameter",
                        "The table is one parameter, but its gradient e₁gᵀ is zero outside row 1: "
                        "rows 0 and 2 had no effect on the output, so no effect on the loss."),
            "c": Choice("rows 0 and 2, the rows that were not used",
                        "It is the other way round: unused rows did not affect the loss, so their "
                        "gradient is exactly 0."),
            "d": Choice("row 1 and every row that shares a nonzero column with it",
                        "Rows do not exchange gradient: each output entry y_c = E₁c depends on row "
                        "1 alone, whatever the other rows hold."),
        })
    norms = np.linalg.norm(_row_gradients(E, [1], [g]), axis=1)
    yield Exercise(
        "4.1c", CHAPTER, "The gradient, row by row",
        r"The step looks up id 1 and the loss sends back the upstream gradient "
        r"$\mathbf g = \partial L/\partial\mathbf y = [2, -1, 2]$ for the looked-up vector "
        r"$\mathbf y$. Give the lengths (Euclidean norms) of the three rows of "
        r"$\partial L/\partial E$, as $[\lVert\text{row}_0\rVert, \lVert\text{row}_1\rVert, "
        r"\lVert\text{row}_2\rVert]$.",
        setup=context, answer=vector(norms), source="adapted from a classic exercise",
        hint="∂L/∂E = e₁gᵀ: row 1 is g itself and the other rows are zero.",
        mistakes=(Mistake((float(np.linalg.norm(g)),) * 3,
                          "Only the row that was looked up gets a gradient; the others are 0."),
                  Mistake(vector([0.0, np.linalg.norm(E[1] * g), 0.0]),
                          "You multiplied g by the entries of row 1. The lookup is linear in "
                          "row 1 with slope 1, so its gradient is g itself."),
                  Mistake(vector(np.linalg.norm(_row_gradients(E, [0], [g]), axis=1)),
                          "Ids count from 0: id 1 is the middle row.")))


def _one_hot_by_hand():
    E = np.array([[1.0, 2.0, 0.0], [-1.0, 0.0, 3.0], [4.0, 1.0, -2.0]])
    e2 = one_hot([2], 3)
    yield Exercise(
        "4.2", CHAPTER, "The one-hot product by hand",
        r"For the table $E=\begin{bmatrix}1&2&0\\ -1&0&3\\ 4&1&-2\end{bmatrix}$ and the one-hot "
        r"vector $\mathbf e_2 = [0, 0, 1]^\top$ (ids from 0), compute the row vector "
        r"$\mathbf e_2^\top E$.",
        answer=vector(e2 @ E),
        hint="e₂ᵀE = 0·row₀ + 0·row₁ + 1·row₂.",
        mistakes=(Mistake(vector(E @ e2[0]), "That is E e₂, which picks column 2. With the "
                                              "one-hot on the left, e₂ᵀE picks row 2."),
                  Mistake(vector(_lookup(E, 1)), "Ids count from 0: e₂ has its 1 in the third "
                                                  "slot, so it picks the third row."),
                  Mistake(vector(E.sum(axis=0)), "The zeros of the one-hot remove rows 0 and "
                                                  "1; only row 2 survives.")))


def _table_size():
    n_users, n_items, dim = 50_000, 20_000, 32
    per_id = Embedding(1, dim, std=0.0).weight.data.size     # one row of the table
    yield Exercise(
        "4.3", CHAPTER, "The size of the tables",
        r"A matrix-factorization recommender has 50,000 users and 20,000 items, each with a "
        r"32-dimensional embedding (one table for users, one for items, no biases). How many "
        "learnable numbers do the two tables hold together?",
        answer=float((n_users + n_items) * per_id), rtol=1e-6,
        hint="each table has one row per id and one column per dimension.",
        mistakes=(Mistake(float(n_users * per_id), "That is the user table alone; add the item "
                                                    "table."),
                  Mistake(float(n_users * n_items), "That is the number of entries of the full "
                                                     "ratings matrix, which factorization avoids "
                                                     "storing."),
                  Mistake(float(n_users + n_items), "That is one number per id; each id has a "
                                                     "whole row of 32 numbers.")))


def _repeated_id():
    ids, G = [2, 0, 2], [[1.0, -1.0], [0.5, 2.0], [3.0, 1.0]]
    grad = _row_gradients(np.zeros((3, 2)), ids, G)
    yield Exercise(
        "4.4", CHAPTER, "An id used twice",
        r"An embedding table has 3 ids in 2 dimensions. A batch looks up the ids $[2, 0, 2]$ and "
        r"the loss sends back the upstream gradients (one row per example) "
        r"$G = \begin{bmatrix}1&-1\\ 0.5&2\\ 3&1\end{bmatrix}$. What is the gradient of row 2 of "
        "the table?",
        answer=vector(grad[2]),
        hint="∂L/∂E = XᵀG with X the one-hot rows: row 2 collects every example whose id is 2.",
        mistakes=(Mistake(vector(G[2]), "That keeps only the last use of id 2, the bug of "
                                         "writing grad[ids] = G (or grad[ids] += G in NumPy, "
                                         "which also drops duplicates). Gradients of a repeated "
                                         "id add up."),
                  Mistake(vector(G[0]), "That keeps only the first use of id 2. Both uses "
                                         "contribute, and their gradients add."),
                  Mistake(vector((np.array(G[0]) + G[2]) / 2),
                          "Average? No: the chain rule adds the contributions of every path "
                          "through row 2."),
                  Mistake(vector(G[1]), "That is the gradient of id 0 (the second example). "
                                         "Row 2 collects the examples whose id is 2.")))


def _cold_start():
    context = ("A recommender learns one embedding row per user id by back-propagation and "
               "nothing else: no features, only ids.")
    yield Exercise(
        "4.5a", CHAPTER, "Why an unseen id has no meaningful score",
        "Why can it give no meaningful score for a user who never appeared in "
        "training?",
        setup=context, answer="a", source="adapted from a classic exercise",
        hint="which rows receive a gradient during training?",
        choices={
            "a": Choice("Its row never received a gradient, so it still holds its random "
                        "initial values; its scores are dot products with noise.",
                        "Only the rows used in a batch get a gradient. A user who is in no "
                        "training example is never updated, so nothing about the user is in "
                        "the model."),
            "b": Choice("Its row is all zeros, so every score is exactly 0.",
                        "Rows start random, not at zero (and a zero row would be just as "
                        "uninformative): the problem is that the row was never trained."),
            "c": Choice("Its row was updated with the average of the other users' gradients.",
                        "No: the one-hot zeroes the gradient of every row not in the batch, "
                        "so nothing is shared with an unused row."),
            "d": Choice("The dot product is undefined for a vector that was not trained.",
                        "The dot product is defined for any two vectors; the trouble is that "
                        "this vector carries no information."),
        })
    yield Exercise(
        "4.5b", CHAPTER, "Transductive, and a fix",
        "What is such a model called, since it represents only the ids seen in "
        "training, and what fixes the cold start?",
        setup=context, answer="c", source="adapted from a classic exercise",
        hint="the fix must produce a vector for an id that has never been seen in training.",
        choices={
            "a": Choice("inductive; train for more epochs",
                        "More epochs never reach a row with no training examples, and the word "
                        "for an id-only model is transductive."),
            "b": Choice("transductive; give every new id a vector of zeros",
                        "Transductive is right, but a zero vector scores every item 0: it "
                        "hides the problem without giving any information."),
            "c": Choice("transductive; an inductive model that computes the embedding from "
                        "the id's content or side features (for example its text, read by a "
                        "language model)",
                        "A pure-id model is transductive. A model that maps features to an "
                        "embedding is inductive: it works for a new id because its features "
                        "go in, not its id."),
            "d": Choice("overfitting; add dropout or weight decay",
                        "Regularization cannot invent a vector for an id without data; weight "
                        "decay only shrinks the untrained row towards zero."),
        })


def _mf_gradient():
    p, q, r = [1.0, 2.0], [3.0, -1.0], 4.0
    grad = _score_gradient(p, q, r)
    residual = float(_scores(p, [q])[0]) - r
    yield Exercise(
        "4.6", CHAPTER, "The gradient of a factorization score",
        r"Matrix factorization scores user $\mathbf p = [1, 2]$ and item $\mathbf q = [3, -1]$ "
        r"by $s = \mathbf p\cdot\mathbf q$. The user rated the item $r = 4$, and the loss is "
        r"$\ell = (s - r)^2$. Compute $\partial\ell/\partial\mathbf p$.",
        answer=vector(grad),
        hint="by the chain rule ∂ℓ/∂p = 2(s − r)·∂s/∂p, and ∂s/∂p is the other vector, q.",
        mistakes=(Mistake(vector(grad / 2), "That is the gradient of ½(s − r)². With "
                                             "ℓ = (s − r)² the factor 2 stays."),
                  Mistake(vector(-grad), "The sign is flipped: s − r = 1 − 4 is negative."),
                  Mistake(vector(2 * residual * np.array(p)),
                          "∂s/∂p is the item's vector q, not p itself."),
                  Mistake(vector(q), "That is only ∂s/∂p. Multiply by ∂ℓ/∂s = 2(s − r).")))


def _reranking():
    p = np.array([1.0, 0.0])
    items = np.array([[2.0, 0.0], [0.0, 1.5], [-1.0, 1.0]])     # A, B, C
    lr, r = 0.1, 5.0
    grad = _score_gradient(p, items[1], r)
    after = _scores(p - lr * grad, items)
    half = _scores(p - lr * grad / 2, items)          # factor 2 forgotten
    flipped = _scores(p + lr * grad, items)           # step uphill
    before = _scores(p, items)
    assert int(np.argmax(before)) == 0 and int(np.argmax(after)) == 1
    context = (r"A user $\mathbf p = [1, 0]$ and three items $\mathbf q_A = [2, 0]$, "
               r"$\mathbf q_B = [0, 1.5]$, $\mathbf q_C = [-1, 1]$ are scored by dot products. "
               r"The user rates item B with $r = 5$, and one gradient-descent step on "
               r"$\ell = (\mathbf p\cdot\mathbf q_B - r)^2$ with $\eta = 0.1$ updates the user's "
               r"vector only.")
    yield Exercise(
        "4.7a", CHAPTER, "The rated item after the step",
        r"What is item B's score after the step?",
        setup=context, answer=float(after[1]),
        hint="∂ℓ/∂p = 2(p·q_B − r)·q_B; then p ← p − η·∂ℓ/∂p, and score again.",
        mistakes=(Mistake(float(half[1]), "You left out the factor 2 of the squared error."),
                  Mistake(float(flipped[1]), "The step went uphill: subtract η times the "
                                             "gradient."),
                  Mistake(float(before[1]), "That is the score before the step.")))
    yield Exercise(
        "4.7b", CHAPTER, "An unrated item moves too",
        r"What is item C's score after the step? (The user never rated C.)",
        setup=context, answer=float(after[2]),
        hint="the user's vector changed, so every item's score changes: recompute p·q_C.",
        mistakes=(Mistake(float(before[2]), "That is C's score before the step. C was not "
                                            "rated, but the user's vector moved, so its score "
                                            "moves too."),
                  Mistake(float(half[2]), "You left out the factor 2 of the squared error."),
                  Mistake(float(flipped[2]), "The step went uphill: subtract η times the "
                                             "gradient.")))
    yield Exercise(
        "4.7c", CHAPTER, "The new ranking",
        "Before the step item A ranked first. Which item ranks first after it?",
        setup=context, answer="b", hint="compare the three scores after the step.",
        choices={
            "a": Choice("A, still", f"A's score stays {after[0]:g}, since the step moved p at "
                                    f"right angles to q_A, but B's rose to {after[1]:g}."),
            "b": Choice("B", f"B's score rose from {before[1]:g} to {after[1]:g}, past A's "
                             f"{after[0]:g}: one step towards a liked item re-ranks the list."),
            "c": Choice("C", f"C rose too, from {before[2]:g} to {after[2]:g}, but not past A "
                             "or B."),
            "d": Choice("A and B tie", f"No tie: B scores {after[1]:g} and A {after[0]:g}."),
        })


def _direction_decides():
    yield Exercise(
        "4.8", CHAPTER, "Longer user vector, same ranking?",
        r"Items are ranked for a user by the scores $\mathbf p\cdot\mathbf q_i$ (no biases). "
        r"The user's vector is replaced by $3\mathbf p$. What happens to the ranking?",
        answer="a", hint="what does multiplying every score by the same positive number do "
                         "to their order?",
        choices={
            "a": Choice("It stays the same; every score is multiplied by 3.",
                        "(3p)·q = 3(p·q): a positive factor keeps the order, so only the "
                        "direction of p decides the ranking."),
            "b": Choice("It reverses.", "Only a negative factor (pointing p the other way) "
                                        "reverses the order."),
            "c": Choice("Items with long vectors move up the list.",
                        "Every score triples, long items' and short items' alike, so no item "
                        "passes another."),
            "d": Choice("It depends on the items.", "It does not: 3(p·q_i) > 3(p·q_j) exactly "
                                                    "when p·q_i > p·q_j, for any items."),
        })


EXERCISES = [exercise for group in (_source_lookup, _one_hot_by_hand, _table_size,
                                    _repeated_id, _cold_start, _mf_gradient, _reranking,
                                    _direction_decides)
             for exercise in group()]
