#!/usr/bin/env python3
"""The mlp-mnist workload in PyTorch, to compare with `neuroai bench mlp-mnist`.

784-256-10 ReLU MLP, softmax cross-entropy, Adam 1e-3, batch 128, one epoch over the 60,000 MNIST
training images, then accuracy on the 10,000 test images. Pixels scaled to [0, 1]. The images are
shuffled by the same seeded SplitMix64 Fisher-Yates shuffle as the Java side, so both train on the
same samples in the same order. Prints one JSON object with samples_per_s (training only, wall
time), samples_per_cpu_s (the same by the CPU time of the training thread, which does all the work
with one thread), test_acc and order_head (the first five sample indices, to check the order against Java's).

Before the clock starts, --warmup iterations (default 100) train a discarded model, as on the Java
side, where they let the JIT compile the training code.

Usage: mlp_mnist_torch.py [DATA_DIR] [--seed N] [--warmup N]
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers"))
from common import idx  # noqa: E402  (MNIST's IDX files, shared with the other peer workloads)


MASK = (1 << 64) - 1


def permutation(n, seed):
    """0..n-1 shuffled as SplitMixOrder.permutation does in Java: Fisher-Yates, position i (from the
    last down to the second) swapping with SplitMix64's next output mod (i + 1)."""
    state = seed & MASK
    p = list(range(n))
    for i in range(n - 1, 0, -1):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        j = z % (i + 1)
        p[i], p[j] = p[j], p[i]
    return p


def main():
    args = argparse.ArgumentParser()
    args.add_argument("data", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "data", "mnist"))
    args.add_argument("--seed", type=int, default=1)
    args.add_argument("--warmup", type=int, default=100, help="iterations of a discarded model before the clock starts")
    a = args.parse_args()
    data = a.data
    threads = int(os.environ.get("BENCH_THREADS", "1"))
    torch.set_num_threads(threads)
    torch.manual_seed(a.seed)
    order = permutation(60000, a.seed)
    x = torch.from_numpy(idx(os.path.join(data, "train-images-idx3-ubyte.gz"), np.float32))[order].contiguous()
    y = torch.from_numpy(idx(os.path.join(data, "train-labels-idx1-ubyte.gz")))[order].contiguous()
    xt = torch.from_numpy(idx(os.path.join(data, "t10k-images-idx3-ubyte.gz"), np.float32))
    yt = torch.from_numpy(idx(os.path.join(data, "t10k-labels-idx1-ubyte.gz")))
    loss_fn = torch.nn.CrossEntropyLoss()
    n = x.shape[0] // 128 * 128
    discarded = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    discarded_opt = torch.optim.Adam(discarded.parameters(), lr=1e-3)
    for i in range(a.warmup):
        s = i * 128 % n
        discarded_opt.zero_grad()
        loss_fn(discarded(x[s:s + 128]), y[s:s + 128]).backward()
        discarded_opt.step()
    torch.manual_seed(a.seed)
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    c0 = time.thread_time()
    t0 = time.perf_counter()
    for s in range(0, n, 128):
        opt.zero_grad()
        loss = loss_fn(model(x[s:s + 128]), y[s:s + 128])
        loss.backward()
        opt.step()
    dt = time.perf_counter() - t0
    cpu = time.thread_time() - c0
    with torch.no_grad():
        acc = (model(xt).argmax(1) == yt).float().mean().item()
    print(json.dumps({"framework": "pytorch " + torch.__version__, "threads": threads, "seed": a.seed, "warmup_iterations": a.warmup,
                      "order_head": order[:5], "samples_per_s": n / dt, "train_s": dt, "train_cpu_s": cpu,
                      "samples_per_cpu_s": n / cpu, "test_acc": acc}))


if __name__ == "__main__":
    main()
