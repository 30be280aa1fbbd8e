"""The tracer's graph drawing (chapter 6): enough digits, named operations, nothing overlapping."""

import itertools

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import nnbook as nb  # noqa: E402


def one_neuron():
    x, w, b = nb.Scalar(1.0).named("x"), nb.Scalar(0.5).named("w"), nb.Scalar(0.0).named("b")
    loss = (w * x + b).named("z").sigmoid().named("a").half_squared_error(0.0).named("L")
    loss.backward()
    return loss


def fan_out():
    h = nb.Scalar(1.0).named("h")
    a1, a2 = (1.0 * h).named("a1"), (2.0 * h).named("a2")
    loss = (a1.half_squared_error(1 - 0.6225).named("l1")
            + a2.half_squared_error(2 - 0.30).named("l2")).named("L")
    loss.backward()
    return h, loss


def texts(ax):
    return [text.get_text() for text in ax.texts]


def test_gradients_show_four_decimals():
    h, loss = fan_out()
    ax = nb.draw_graph(loss)
    assert round(h.grad, 4) == 1.2225
    assert "h\nvalue 1\ngrad 1.2225" in texts(ax)
    plt.close(ax.figure)


def test_an_unnamed_operation_is_labelled_with_what_it_computes():
    ax = nb.draw_graph(one_neuron())
    assert any(text.startswith("w × x\nvalue 0.5\n") for text in texts(ax))
    assert not any(text.startswith("×\n") for text in texts(ax))
    plt.close(ax.figure)


@pytest.mark.parametrize("build", [one_neuron, lambda: fan_out()[1]])
def test_no_two_labels_overlap_and_the_figure_fits_a_page(build):
    ax = nb.draw_graph(build())
    ax.figure.canvas.draw()
    labels = [text for text in ax.texts if text.get_text()]     # not the arrows
    boxes = [text.get_bbox_patch().get_window_extent() for text in labels]
    for first, second in itertools.combinations(boxes, 2):
        assert not first.overlaps(second)
    assert ax.figure.get_size_inches()[0] <= 6.4
    assert min(text.get_fontsize() for text in labels) >= 11
    plt.close(ax.figure)
