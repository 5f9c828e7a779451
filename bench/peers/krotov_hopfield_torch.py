#!/usr/bin/env python3
"""krotov-hopfield-mnist in PyTorch on the CPU, the twin of `neuroai bench krotov-hopfield-mnist`.

Krotov & Hopfield 2019 (PNAS 116:7723), "Unsupervised learning by competing hidden units": 2000
hidden units, p = 3, k = 7, Δ = 0.4, minibatches of 100 images in file order, one epoch. Per
minibatch, as in the authors' published algorithm, with every input ranked against the weights at
the start of the minibatch:

    I   = (sign(W) |W|^(p−1)) vᵀ                     currents, units × batch
    g   = 1 for each input's largest current, −Δ for its k-th largest, 0 elsewhere
    ΔW  = g v − (Σ_batch g I) ⊙ W                    summed over the minibatch
    W  += η ΔW / max|ΔW|                              the largest change of a synapse is η = 0.05

float32, one thread; torch.topk finds the two ranks (the authors sort all currents, which costs
more). Initial weights N(0, 1) drawn as the toolkit's CompetingLayer draws them, so both sides start
from the same weights. Prints one JSON line with the time of the training loop and the same
statistics as the Java side: mean p-norm of the units before and after, the share within 1 % of
the unit sphere, and how many units changed.

Usage: krotov_hopfield_torch.py [--images N] [--seed N]
"""
import argparse
import os

import numpy as np
import torch

from common import Clock, java_normals, mnist, report

UNITS, BATCH, P, K, DELTA, ETA = 2000, 100, 3.0, 7, 0.4, 0.05


def p_norms(w):
    return (w.abs() ** P).sum(dim=1) ** (1 / P)


def train(w, batches):
    arange = torch.arange(BATCH)
    for v in batches:
        currents = (torch.sign(w) * w.abs() ** (P - 1)) @ v.T
        top = torch.topk(currents, K, dim=0).indices
        g = torch.zeros(UNITS, BATCH)
        g[top[0], arange] = 1.0
        g[top[K - 1], arange] = -DELTA
        ds = g @ v - (g * currents).sum(dim=1, keepdim=True) * w
        w += ETA * ds / ds.abs().max().clamp(min=1e-30)
    return w


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--images", type=int, default=60000)
    a.add_argument("--seed", type=int, default=1)
    a = a.parse_args()
    torch.set_num_threads(int(os.environ.get("BENCH_THREADS", "1")))
    x = mnist("train", a.images)
    n = len(x) // BATCH * BATCH
    batches = [b.contiguous() for b in torch.from_numpy(x[:n].astype(np.float32)).split(BATCH)]
    w0 = torch.from_numpy(java_normals(a.seed, UNITS * 784).astype(np.float32).reshape(UNITS, 784))
    w = w0.clone()
    with torch.no_grad(), Clock() as c:
        train(w, batches)
    norms = p_norms(w)
    report({"benchmark": "krotov-hopfield-mnist", "framework": "pytorch " + torch.__version__,
            "threads": os.environ.get("OMP_NUM_THREADS", "unset"), "seed": a.seed, "images": n, "train_s": c.wall,
            "train_cpu_s": c.cpu, "samples_per_s": n / c.wall, "samples_per_cpu_s": n / c.cpu, "initial_head": w0[0, :3].double().numpy(),
            "mean_p_norm_initial": p_norms(w0).mean().item(), "mean_p_norm": norms.mean().item(),
            "units_on_sphere": ((norms - 1).abs() <= 0.01).double().mean().item(),
            "units_changed": int((w != w0).any(dim=1).sum().item()), "final_middle": w[0, 406:409].double().numpy()})


if __name__ == "__main__":
    main()
