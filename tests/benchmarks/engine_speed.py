"""Benchmark: one training step of the engine against its matrix multiplies alone.

A 784-256-256-10 ReLU MLP, batch 256, softmax cross-entropy and Adam. The
baseline runs, in the same process and interleaved with the engine, exactly the
matrix multiplies that step performs (three forward, six backward) with
``np.matmul`` on arrays of the same shapes and dtype. The ratio engine/baseline
is the engine's overhead: everything that is not a matmul.

Run: ``make bench`` (or ``python tests/benchmarks/engine_speed.py``).
"""

import os
import statistics
import time

import numpy as np

import nnbook as nb

SIZES = (784, 256, 256, 10)
BATCH = 256


def build_step(dtype, rng):
    """A closure running one forward/backward/Adam step of the MLP in ``dtype``."""
    layers = []
    for fan_in, fan_out in zip(SIZES[:-1], SIZES[1:]):
        layers += [nb.Linear(fan_in, fan_out, rng=rng, dtype=dtype), nb.ReLU()]
    model = nb.Sequential(*layers[:-1])
    loss, optimizer = nb.SoftmaxCrossEntropy(), nb.Adam(model.parameters(), lr=1e-3)
    x = rng.standard_normal((BATCH, SIZES[0])).astype(dtype)
    labels = rng.integers(0, SIZES[-1], BATCH)

    def step():
        optimizer.zero_grad()
        loss.forward(model.forward(x), labels)
        model.backward(loss.backward())
        optimizer.step()

    return step


def build_matmuls(dtype, rng):
    """A closure running the step's nine matrix multiplies on same-shaped arrays."""
    pairs = []
    for fan_in, fan_out in zip(SIZES[:-1], SIZES[1:]):
        x = rng.standard_normal((BATCH, fan_in)).astype(dtype)
        w = rng.standard_normal((fan_out, fan_in)).astype(dtype)
        g = rng.standard_normal((BATCH, fan_out)).astype(dtype)
        pairs += [(x, w.T), (g.T, x), (g, w)]      # forward, weight grad, input grad

    def matmuls():
        for a, b in pairs:
            np.matmul(a, b)

    return matmuls


def median_seconds(fn, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def compare(dtype, rounds=15, repeats=10):
    """Median seconds of (engine step, matmuls alone) and the median of the per-round ratios.

    The two run interleaved round by round, so a slow spell of the machine slows both
    within a round and cancels in that round's ratio.
    """
    rng = np.random.default_rng(0)
    step, matmuls = build_step(dtype, rng), build_matmuls(dtype, rng)
    step(), matmuls()                                   # warm up caches and BLAS threads
    engine, baseline = [], []
    for _ in range(rounds):
        engine.append(median_seconds(step, repeats))
        baseline.append(median_seconds(matmuls, repeats))
    ratio = statistics.median(e / b for e, b in zip(engine, baseline))
    return statistics.median(engine), statistics.median(baseline), ratio


def main():
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    print(f"MLP {'-'.join(map(str, SIZES))}, batch {BATCH}, ReLU, softmax cross-entropy, Adam"
          f" (OPENBLAS_NUM_THREADS={threads})")
    engine, baseline, ratio = compare(np.float32)
    print(f"float32 training step:        {engine * 1e3:8.2f} ms")
    print(f"float32 matmuls alone (9):    {baseline * 1e3:8.2f} ms")
    print(f"ratio step / matmuls:         {ratio:8.2f}   (target <= 1.5)")
    engine64, _, ratio64 = compare(np.float64, rounds=5)
    print(f"float64 training step:        {engine64 * 1e3:8.2f} ms "
          f"({1 / engine64:.1f} steps/s; ratio {ratio64:.2f})")


if __name__ == "__main__":
    main()
