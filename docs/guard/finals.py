#!/usr/bin/env python3
"""Final value of every (learner, seed, metric) in curves.csv of each run folder under a root."""
import csv, os, sys
root = sys.argv[1]
out = []
for exp in sorted(os.listdir(root)):
    f = os.path.join(root, exp, "curves.csv")
    if not os.path.isfile(f):
        continue
    last = {}
    with open(f) as fh:
        for r in csv.DictReader(fh):
            key = (r["learner"], int(r["seed"]), r["metric"])
            step = int(r["step"])
            if key not in last or step >= last[key][0]:
                last[key] = (step, r["value"])
    for (l, s, m), (step, v) in sorted(last.items()):
        out.append((exp, l, s, m, step, v))
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["experiment", "learner", "seed", "metric", "step", "value"])
for row in out:
    w.writerow(row)
