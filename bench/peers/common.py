"""What the peer workloads share: MNIST from the IDX files, the clocks, and Java's random numbers.

The toolkit draws initial weights from java.util.SplittableRandom, which is SplitMix64: the state
advances by the golden gamma, each output is the state mixed by two multiplications, and a double
is its top 53 bits. Normal draws are Box-Muller with u1 = 1 - nextDouble() and u2 = nextDouble(),
taking the cosine branch only (InitialWeights and CompetingLayer in the toolkit). Reproducing them
lets both sides start from the same weights.
"""
import gzip
import json
import os
import struct
import sys
import time

import numpy as np

GAMMA = 0x9E3779B97F4A7C15
MASK = (1 << 64) - 1
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "mnist")


def idx(path, dtype=np.float64):
    """An IDX file of MNIST: images as rows of grey level / 255 (float64 unless dtype says), or labels as int64."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, n = struct.unpack(">II", data[:8])
    if magic == 2051:
        rows, cols = struct.unpack(">II", data[8:16])
        return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(n, rows * cols).astype(dtype) / dtype(255.0)
    if magic == 2049:
        return np.frombuffer(data, dtype=np.uint8, offset=8).astype(np.int64)
    sys.exit(f"{path}: wrong magic number {magic}")


def mnist(name, limit, data=DATA):
    """The first `limit` images of train or t10k, float64 in [0, 1]."""
    return idx(os.path.join(data, f"{name}-images-idx3-ubyte.gz"))[:limit]


def splitmix_doubles(seed, n):
    """The first n values of java.util.SplittableRandom(seed).nextDouble()."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed & MASK) + np.uint64(GAMMA) * np.arange(1, n + 1, dtype=np.uint64)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


def java_normals(seed, n):
    """n standard normal draws as the toolkit makes them from SplittableRandom(seed)."""
    d = splitmix_doubles(seed, 2 * n)
    u1 = 1.0 - d[0::2]
    u2 = d[1::2]
    return np.sqrt(-2 * np.log(u1)) * np.cos(2 * np.pi * u2)


class Clock:
    """Wall time and the CPU time of this thread (which does all the work with one BLAS thread)."""

    def __enter__(self):
        self.c0 = time.thread_time()
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.t0
        self.cpu = time.thread_time() - self.c0


def report(fields):
    """Prints one JSON line; arrays become lists."""
    def plain(v):
        if isinstance(v, np.ndarray):
            return v.tolist()
        if isinstance(v, (np.floating, np.integer)):
            return v.item()
        return v
    print(json.dumps({k: plain(v) for k, v in fields.items()}))
