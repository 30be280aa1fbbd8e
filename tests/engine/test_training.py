"""End to end: the training loop learns, stops early, reports divergence; and the scalar tracer."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnbook as nb  # noqa: E402
from nnbook.tracer import graph_layout, topological_order  # noqa: E402
from nnbook.training import minibatches  # noqa: E402


def mlp(rng, *sizes, activation=nb.Tanh):
    """Linear layers of the given sizes with ``activation`` between them."""
    layers = [nb.Linear(fan_in, fan_out, rng=rng) for fan_in, fan_out in zip(sizes, sizes[1:])]
    between = [[layer, activation()] for layer in layers[:-1]]
    return nb.Sequential(*[module for pair in between for module in pair], layers[-1])


def test_221_network_learns_xor():
    # A 2-2-1 net has a local minimum (loss ln(2)/2, two points at logit 0) that some seeds
    # fall into; with this seed, sigmoid units and momentum SGD it finds the XOR solution.
    rng = np.random.default_rng(0)
    X, y = nb.xor()
    model = mlp(rng, 2, 2, 1, activation=nb.Sigmoid)
    history = nb.fit(model, nb.BCEWithLogits(), nb.SGD(model.parameters(), lr=1.0, momentum=0.9), X, y,
                     epochs=1000, batch_size=4, rng=rng)
    assert nb.accuracy(model, X, y) == 1.0
    assert history.train_loss[-1] < 0.01 < history.train_loss[0]


def moons(seed=0):
    rng = np.random.default_rng(seed)
    X, y = nb.two_moons(400, noise=0.1, rng=rng)
    return nb.train_validation_split(X, y, rng=rng)


def test_mlp_separates_two_moons():
    rng = np.random.default_rng(1)
    train, validation = moons()
    model = mlp(rng, 2, 16, 16, 1, activation=nb.ReLU)
    nb.fit(model, nb.BCEWithLogits(), nb.Adam(model.parameters(), lr=0.01), *train, epochs=60,
           batch_size=32, rng=rng, validation=validation)
    assert len(validation[0]) == 100
    assert nb.accuracy(model, *validation) >= 0.95


def curve_fit(seed, epochs, **options):
    """A wide tanh net on 40 noisy points: it overfits, so validation loss turns up."""
    rng = np.random.default_rng(seed)
    X, y = nb.noisy_curve(40, noise=0.3, rng=rng)
    train, validation = nb.train_validation_split(X, y, rng=rng)
    model = mlp(rng, 1, 32, 32, 1)
    history = nb.fit(model, nb.MeanSquaredError(), nb.Adam(model.parameters(), lr=0.02), *train,
                     epochs=epochs, batch_size=8, rng=rng, validation=validation, **options)
    return model, history, validation


def test_history_lengths():
    _, history, _ = curve_fit(0, epochs=7)
    assert len(history.train_loss) == len(history.val_loss) == 7
    assert (history.best_epoch, history.stopped_early) == (None, False)
    assert all(np.isfinite(history.train_loss + history.val_loss))


@pytest.mark.parametrize("seed", [0, 1])
def test_early_stopping_restores_best_weights(seed):
    patience = 10
    model, history, validation = curve_fit(seed, epochs=300, patience=patience)
    assert history.stopped_early
    assert len(history.val_loss) == history.best_epoch + patience + 1 < 300
    assert history.val_loss[history.best_epoch] == min(history.val_loss)
    restored = nb.evaluate(model, nb.MeanSquaredError(), *validation)
    assert restored == history.val_loss[history.best_epoch]
    assert history.val_loss[-1] > history.val_loss[history.best_epoch]


def test_early_stopping_restores_batchnorm_running_statistics():
    rng = np.random.default_rng(0)
    X, labels = nb.spirals(60, rng=rng)
    train, validation = nb.train_validation_split(X, labels, rng=rng)
    model = nb.Sequential(nb.Linear(2, 16, rng=rng, bias=False), nb.BatchNorm1d(16), nb.ReLU(),
                          nb.Linear(16, 3, rng=rng))
    history = nb.fit(model, nb.SoftmaxCrossEntropy(), nb.Adam(model.parameters(), lr=0.05),
                     *train, epochs=200, batch_size=16, rng=rng, validation=validation,
                     patience=5)
    assert history.stopped_early and len(model.buffers()) == 2
    restored = nb.evaluate(model, nb.SoftmaxCrossEntropy(), *validation)
    assert restored == history.val_loss[history.best_epoch]


def test_huge_learning_rate_diverges():
    rng = np.random.default_rng(0)
    X, y = nb.noisy_curve(40, rng=rng)
    model = mlp(rng, 1, 8, 1)
    optimizer = nb.SGD(model.parameters(), lr=1e6, momentum=0.9)
    with np.errstate(over="ignore", invalid="ignore"), pytest.raises(nb.TrainingDiverged) as caught:
        nb.fit(model, nb.MeanSquaredError(), optimizer, X, y, epochs=50, batch_size=8, rng=rng)
    error = caught.value
    assert isinstance(error, FloatingPointError)
    assert isinstance(error.history, nb.History)
    assert f"in epoch {len(error.history.train_loss)}." in str(error)
    assert nb.DEBUGGING_MAP in str(error)
    assert "clip gradients first, then lower the learning rate" in str(error)


@pytest.mark.parametrize("n, batch_size", [(10, 3), (12, 4), (5, 8), (1, 1)])
def test_minibatches_cover_every_index_once(n, batch_size, rng):
    batches = minibatches(n, batch_size, rng)
    np.testing.assert_array_equal(np.sort(np.concatenate(batches)), np.arange(n))
    assert [len(b) for b in batches[:-1]] == [batch_size] * (len(batches) - 1)
    assert 1 <= len(batches[-1]) <= batch_size


@pytest.mark.parametrize("n, batch_size, sizes", [(10, 3, [3, 3, 3]), (12, 4, [4, 4, 4]),
                                                  (5, 8, [5])])
def test_drop_last_leaves_out_the_short_batch(n, batch_size, sizes, rng):
    batches = minibatches(n, batch_size, rng, drop_last=True)
    assert [len(b) for b in batches] == sizes
    assert len(set(np.concatenate(batches))) == sum(sizes)


def test_fit_is_deterministic():
    histories = [curve_fit(3, epochs=5)[1] for _ in range(2)]
    assert histories[0] == histories[1]
    assert histories[0] != curve_fit(4, epochs=5)[1]


def fan_out():
    """f = x * x + 3 x: the node x is used three times."""
    x = nb.Scalar(1.5, "x")
    f = (x * x + 3.0 * x).named("f")
    f.backward()
    return x, f


def test_backward_sums_over_paths():
    x, f = fan_out()
    assert f.value == 1.5 ** 2 + 4.5
    assert x.grad == 2 * 1.5 + 3.0


def test_backward_resets_earlier_gradients():
    x, f = fan_out()
    f.backward()
    assert x.grad == 2 * 1.5 + 3.0


def test_chain_table_rejects_a_leaf_that_is_not_an_input():
    _, f = fan_out()
    with pytest.raises(ValueError, match="is not an input of"):
        nb.chain_table(f, nb.Scalar(2.0, "stranger"))


def test_draw_graph_has_one_box_per_node():
    _, f = fan_out()
    ax = nb.draw_graph(f)
    boxes = [text for text in ax.texts if "\nvalue " in text.get_text()]
    edges = [text for text in ax.texts if text.get_text().startswith("∂ ")]  # local derivatives
    nodes = [node for node in topological_order(f) if node.op != "const"]   # numbers not drawn
    assert len(boxes) == len(nodes)
    assert len(edges) == sum(p.op != "const" for node in nodes for p in node.parents)
    assert any(text.get_text().startswith("f\nvalue 6.75\ngrad 1") for text in boxes)
    plt.close(ax.figure)


def test_draw_graph_puts_the_chain_on_one_row_and_inputs_beside_their_use():
    x, w, b = nb.Scalar(1.0, "x"), nb.Scalar(0.5, "w"), nb.Scalar(0.0, "b")
    z = (w * x + b).named("z")
    loss = z.sigmoid().named("a").half_squared_error(0.0).named("L")
    position = graph_layout(loss)
    assert position[id(loss)] == (4, 0) and position[id(z)][1] == 0
    assert position[id(b)] == (1, 1)            # b sits just left of the sum that uses it
    assert len(set(position.values())) == len(position)
