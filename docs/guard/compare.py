#!/usr/bin/env python3
"""Compares the final metrics (finals.py output) of two guard runs, for the experiments in both.

Usage: python3 compare.py finals-before.csv finals-after.csv
"""
import csv, sys

# learners renamed by the change, (experiment, new name) -> old name
RENAMED = {("stdp-balance", "stdp-pair"): "stdp"}

def load(f):
    rows = {}
    for r in csv.DictReader(open(f)):
        learner = RENAMED.get((r["experiment"], r["learner"]), r["learner"])
        rows[(r["experiment"], learner, r["seed"], r["metric"])] = (r["step"], r["value"])
    return rows
a, b = load(sys.argv[1]), load(sys.argv[2])
exps = sorted({k[0] for k in b})
for e in exps:
    ka = {k for k in a if k[0] == e}
    kb = {k for k in b if k[0] == e}
    same = diff = timing = 0
    for k in sorted(ka & kb):
        if a[k] == b[k]:
            same += 1
        elif k[3] == "wall_seconds":
            timing += 1
        else:
            diff += 1
            print(f"  DIFF {k}: before {a[k]} after {b[k]}")
    only_a = sorted(ka - kb); only_b = sorted(kb - ka)
    print(f"{e}: {same} equal, {diff} differ, {timing} timing rows (wall_seconds) differ, {len(only_a)} only before, "
          f"{len(only_b)} only after")
    for k in only_a[:5]: print("   only before:", k, a[k])
    for k in only_b[:5]: print("   only after:", k, b[k])
