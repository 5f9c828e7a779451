#!/usr/bin/env python3
"""The mlp-mnist workload in PyTorch, to compare with `neuroai bench mlp-mnist`.

784-256-10 ReLU MLP, softmax cross-entropy, Adam 1e-3, batch 128, one epoch over the 60,000 MNIST
training images in a fixed order, then accuracy on the 10,000 test images. Pixels scaled to [0, 1].
Prints one JSON object with samples_per_s (training only) and test_acc.
"""
import gzip
import json
import os
import struct
import sys
import time

import numpy as np
import torch


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, n = struct.unpack(">II", data[:8])
    if magic == 2051:
        rows, cols = struct.unpack(">II", data[8:16])
        return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(n, rows * cols).astype(np.float32) / 255.0
    if magic == 2049:
        return np.frombuffer(data, dtype=np.uint8, offset=8).astype(np.int64)
    sys.exit(f"{path}: wrong magic number {magic}")


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "data", "mnist")
    threads = int(os.environ.get("BENCH_THREADS", "1"))
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    x = torch.from_numpy(idx(os.path.join(data, "train-images-idx3-ubyte.gz")))
    y = torch.from_numpy(idx(os.path.join(data, "train-labels-idx1-ubyte.gz")))
    xt = torch.from_numpy(idx(os.path.join(data, "t10k-images-idx3-ubyte.gz")))
    yt = torch.from_numpy(idx(os.path.join(data, "t10k-labels-idx1-ubyte.gz")))
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    n = x.shape[0] // 128 * 128
    t0 = time.perf_counter()
    for s in range(0, n, 128):
        opt.zero_grad()
        loss = loss_fn(model(x[s:s + 128]), y[s:s + 128])
        loss.backward()
        opt.step()
    dt = time.perf_counter() - t0
    with torch.no_grad():
        acc = (model(xt).argmax(1) == yt).float().mean().item()
    print(json.dumps({"framework": "pytorch " + torch.__version__, "threads": threads, "samples_per_s": n / dt,
                      "train_s": dt, "test_acc": acc}))


if __name__ == "__main__":
    main()
