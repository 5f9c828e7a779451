#!/usr/bin/env python3
"""gha-mnist in NumPy or PyTorch, the twin of `neuroai bench gha-mnist`.

Sanger's rule (generalised Hebbian algorithm) with 100 linear units, one online pass over the MNIST
training images in file order, one update per image (the rule is sequential: each update uses the
weights the previous one left), constant rate 1e-3, float64 as on the Java side. The initial rows
are the toolkit's: unit-norm rows in random directions from SplittableRandom(seed).

    y  = W x
    ΔW = η (y xᵀ − LT[y yᵀ] W)          (LT: lower triangle with the diagonal)

--form cumsum (the default) computes LT[y yᵀ] W as y_i · Σ_{k≤i} y_k W_k, a cumulative sum over the
rows, O(units × inputs) like the update itself; --form tril builds the 100 × 100 triangle and
multiplies it by W, the textbook matrix form, which costs 100 times more arithmetic. A competent
user picks the faster; both are here to show the choice.

Prints one JSON line: wall and CPU time of the training loop, samples per second, and the same
statistics as the Java side (relative reconstruction error on the test images before and after,
max |WWᵀ − I|), plus the best reconstruction error any 100-dimensional subspace reaches on those
images (the top 100 eigenvectors of the training images' second-moment matrix), for reference.

Usage: gha_mnist.py [--framework numpy|torch] [--form cumsum|tril] [--images N] [--test-images N] [--seed N]
"""
import argparse
import os

import numpy as np

from common import Clock, java_normals, mnist, report

UNITS = 100
ETA = 1e-3


def initial_weights(seed, units, inputs):
    """RuleNetwork's RANDOM_DIRECTION rows of norm 1: normal draws row after row, each row scaled to norm 1."""
    w = java_normals(seed, units * inputs).reshape(units, inputs)
    return w / np.sqrt((w * w).sum(axis=1, keepdims=True))


def reconstruction_error(w, x):
    r = (x @ w.T) @ w
    return float(((x - r) ** 2).sum() / (x * x).sum())


def train(w, x, form, lib):
    """One pass of Sanger's rule over the rows of x, in place; lib is numpy or torch (the same calls in both)."""
    eta = ETA
    if form == "tril":
        for xi in x:
            y = w @ xi
            w += eta * (lib.outer(y, xi) - lib.tril(lib.outer(y, y)) @ w)
    else:
        for xi in x:
            y = w @ xi
            w += eta * (lib.outer(y, xi) - y[:, None] * lib.cumsum(y[:, None] * w, 0))
    return w


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--framework", choices=["numpy", "torch"], default="numpy")
    a.add_argument("--form", choices=["cumsum", "tril"], default="cumsum")
    a.add_argument("--images", type=int, default=60000)
    a.add_argument("--test-images", type=int, default=10000)
    a.add_argument("--seed", type=int, default=1)
    a = a.parse_args()
    x = mnist("train", a.images)
    test = mnist("t10k", a.test_images)
    w0 = initial_weights(a.seed, UNITS, 784)
    before = reconstruction_error(w0, test)
    if a.framework == "torch":
        import torch
        torch.set_num_threads(int(os.environ.get("BENCH_THREADS", "1")))
        version = "pytorch " + torch.__version__
        wt, xt = torch.from_numpy(w0.copy()), torch.from_numpy(x)
        with torch.no_grad(), Clock() as c:
            train(wt, xt, a.form, torch)
        w = wt.numpy()
    else:
        version = "numpy " + np.__version__
        w = w0.copy()
        with Clock() as c:
            train(w, x, a.form, np)
    # the best any 100-dimensional subspace can do: the top eigenvectors of the second-moment matrix
    evals, evecs = np.linalg.eigh(x.T @ x / len(x))
    best = reconstruction_error(evecs[:, ::-1][:, :UNITS].T, test)
    report({"benchmark": "gha-mnist", "framework": version, "form": a.form, "threads": os.environ.get("OMP_NUM_THREADS", "unset"),
            "seed": a.seed, "images": len(x), "train_s": c.wall, "train_cpu_s": c.cpu, "samples_per_s": len(x) / c.wall,
            "samples_per_cpu_s": len(x) / c.cpu, "initial_head": w0[0, :3], "test_images": len(test),
            "reconstruction_error_initial": before, "reconstruction_error": reconstruction_error(w, test),
            "orthonormality_error": float(np.abs(w @ w.T - np.eye(UNITS)).max()), "final_middle": w[0, 406:409],
            "reconstruction_error_pca": best})


if __name__ == "__main__":
    main()
