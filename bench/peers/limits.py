#!/usr/bin/env python3
"""The machine's limits on one core: peak FLOP/s of a large single-precision matrix product
(OpenBLAS sgemm through NumPy, one thread) and memory bandwidth of a large copy. Prints one JSON line.
Best of several repeats, since a shared machine only ever slows a repeat down."""
import json
import os
import time

import numpy as np

n = 3000
a = np.random.default_rng(1).standard_normal((n, n), dtype=np.float32)
b = np.random.default_rng(2).standard_normal((n, n), dtype=np.float32)
a @ b
times = []
for _ in range(5):
    t0 = time.perf_counter()
    a @ b
    times.append(time.perf_counter() - t0)
best = min(times)
gflops = 2 * n ** 3 / best / 1e9
src = np.ones(64 * 2 ** 20, dtype=np.float64)  # 512 MB
dst = np.empty_like(src)
copy = []
for _ in range(5):
    t0 = time.perf_counter()
    np.copyto(dst, src)
    copy.append(time.perf_counter() - t0)
gbs = 2 * src.nbytes / min(copy) / 1e9  # read and write
print(json.dumps({"sgemm_n": n, "sgemm_gflops_one_core": round(gflops, 1), "copy_mb": src.nbytes >> 20,
                  "copy_gb_per_s_read_plus_write": round(gbs, 1),
                  "threads": os.environ.get("OPENBLAS_NUM_THREADS", "unset")}))
