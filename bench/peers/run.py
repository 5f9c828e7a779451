#!/usr/bin/env python3
"""Runs the toolkit and its peers alternately and prints one table of medians and ratios.

Called by bench/run-peers.sh, which installs the peers and builds the command line first. Each
round runs every selected workload once on each side; within a workload the sides alternate,
and the side that goes first alternates from round to round, so that drift in a shared machine's
speed hits both alike. Every process's wall time and CPU time (user + system of the process and its
children, from getrusage) are measured here; the workloads also report the time of their training
loop, and the statistics that show the same work was done. Every JSON line goes to OUT/runs.jsonl.

Usage: run.py ROOT OUT ROUNDS WORKLOADS (comma-separated)
       run.py ROOT OUT 0 WORKLOADS   prints the table of the runs already in OUT/runs.jsonl
"""
import csv
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT, OUT, ROUNDS, ONLY = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(",")
PY = "/usr/bin/python3"
PEERS = os.path.join(ROOT, "bench", "peers")
NEUROAI = os.path.join(ROOT, "bin", "neuroai")


def run(cmd, cwd=ROOT):
    """Runs a command; returns (stdout, wall s, CPU s of it and its children)."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-3000:]}")
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return p.stdout, wall, cpu


def last_json(text):
    return json.loads([line for line in text.splitlines() if line.startswith("{")][-1])


def ours_stdp(rnd):
    folder = os.path.join(OUT, "stdp-balance")
    out, wall, cpu = run([NEUROAI, "run", "stdp-balance", "--out", folder, "--force", "--quiet"])
    final = {}
    with open(os.path.join(folder, "curves.csv")) as f:
        rows = list(csv.DictReader(f))
    last = max(int(r["step"]) for r in rows)
    for r in rows:
        if int(r["step"]) == last:
            final[r["metric"]] = float(r["value"])
    prov = json.load(open(os.path.join(folder, "provenance.json")))
    spikes = prov["per_seed"]["seed 0"]["output_spikes"]
    return {"framework": "neuroai", "process_s": wall, "process_cpu_s": cpu, "simulation_s": prov["wall_seconds"],
            "output_rate_hz": spikes / (last / 1000), "output_rate_last_s_hz": final["output_rate_hz"],
            "mean_weight": final["mean_weight"], "fraction_weak": final["fraction_weak"], "fraction_strong": final["fraction_strong"]}


def brian(target):
    def go(rnd):
        out, wall, cpu = run([PY, "stdp_balance_brian2.py", "--target", target, "--seed", str(rnd)], cwd=PEERS)
        j = last_json(out)
        j.update(process_s=wall, process_cpu_s=cpu)
        if target == "cpp_standalone":
            j["process_without_compile_s"] = wall - j["compile_s"]
            j["process_without_compile_cpu_s"] = cpu - j["compile_cpu_s"]
        return j
    return go


def loop(cmd, cwd=ROOT):
    def go(rnd):
        out, wall, cpu = run([c.replace("{seed}", str(rnd)) for c in cmd], cwd=cwd)
        j = last_json(out)
        j.update(process_s=wall, process_cpu_s=cpu)
        return j
    return go


def ours_demo(rnd):
    folder = os.path.join(OUT, "demo")
    shutil.rmtree(folder, ignore_errors=True)
    out, wall, cpu = run([NEUROAI, "demo", "--quiet", "--out", folder])
    return {"framework": "neuroai", "process_s": wall, "process_cpu_s": cpu}


# workload: (ours, [(peer name, peer)], [(row label, our time key, their time key, our CPU key, their CPU key)], stats)
LOOP = [("training loop", "train_s", "train_s", "train_cpu_s", "train_cpu_s"),
        ("whole process", "process_s", "process_s", "process_cpu_s", "process_cpu_s")]
WORKLOADS = {
    "stdp-balance": (ours_stdp, [("brian2 cython", brian("cython")), ("brian2 cpp_standalone", brian("cpp_standalone"))],
                     {"brian2 cython": [("whole process", "process_s", "process_s", "process_cpu_s", "process_cpu_s"),
                                        ("simulation (run() vs training)", "simulation_s", "run_s", None, "run_cpu_s")],
                      "brian2 cpp_standalone": [("whole process", "process_s", "process_s", "process_cpu_s", "process_cpu_s"),
                                                ("whole process less compile", "process_s", "process_without_compile_s",
                                                 "process_cpu_s", "process_without_compile_cpu_s"),
                                                ("compile alone", None, "compile_s", None, "compile_cpu_s"),
                                                ("simulation (binary vs training)", "simulation_s", "run_s", None, "run_cpu_s")]},
                     ["output_rate_hz", "output_rate_last_s_hz", "mean_weight", "fraction_weak", "fraction_strong"]),
    "gha-mnist": (loop([NEUROAI, "bench", "gha-mnist", "--json", "--seed", "{seed}"]),
                  [("numpy", loop([PY, "gha_mnist.py", "--framework", "numpy", "--seed", "{seed}"], PEERS)),
                   ("pytorch", loop([PY, "gha_mnist.py", "--framework", "torch", "--seed", "{seed}"], PEERS))],
                  {"numpy": LOOP, "pytorch": LOOP}, ["reconstruction_error", "orthonormality_error"]),
    "krotov-hopfield-mnist": (loop([NEUROAI, "bench", "krotov-hopfield-mnist", "--json", "--seed", "{seed}"]),
                              [("pytorch", loop([PY, "krotov_hopfield_torch.py", "--seed", "{seed}"], PEERS))],
                              {"pytorch": LOOP}, ["mean_p_norm", "units_on_sphere", "units_changed"]),
    "mlp-mnist": (loop([NEUROAI, "bench", "mlp-mnist", "--json", "--seed", "{seed}"]),
                  [("pytorch", loop([PY, os.path.join(ROOT, "bench", "mlp_mnist_torch.py"), os.path.join(ROOT, "data", "mnist"),
                                     "--seed", "{seed}"]))],
                  {"pytorch": LOOP}, ["test_acc"]),
    "demo": (ours_demo, [], {}, []),
}


def main():
    unknown = [w for w in ONLY if w not in WORKLOADS]
    if unknown:
        sys.exit(f"unknown workload {', '.join(unknown)}; valid are: {', '.join(WORKLOADS)}")
    os.makedirs(OUT, exist_ok=True)
    results = {}
    if ROUNDS == 0:
        for line in open(os.path.join(OUT, "runs.jsonl")):
            j = json.loads(line)
            if j["workload"] in ONLY:
                results.setdefault((j["workload"], j["side"]), []).append(j)
        table(results, max(j["round"] for rows in results.values() for j in rows))
        return
    log = open(os.path.join(OUT, "runs.jsonl"), "a")
    if "stdp-balance" in ONLY:
        # Brian2 compiles its Cython code once and keeps it (~/.cython): a short discarded run fills that cache
        print("warming Brian2's Cython cache", file=sys.stderr)
        run([PY, "stdp_balance_brian2.py", "--target", "cython", "--duration", "0.1"], cwd=PEERS)
    for rnd in range(1, ROUNDS + 1):
        for name in ONLY:
            ours, peers, _, _ = WORKLOADS[name]
            sides = [("neuroai", ours)] + peers
            if rnd % 2 == 0:
                sides = sides[1:] + sides[:1]
            for side, fn in sides:
                print(f"round {rnd}/{ROUNDS}: {name}, {side}", file=sys.stderr)
                j = fn(rnd)
                j.update(workload=name, side=side, round=rnd)
                log.write(json.dumps(j) + "\n")
                log.flush()
                results.setdefault((name, side), []).append(j)
    table(results, ROUNDS)


def med(rows, key):
    vals = [r[key] for r in rows if key in r and r[key] is not None]
    return statistics.median(vals) if vals else None


def fmt(x, digits=3):
    if x is None:
        return "—"
    if isinstance(x, float) and abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:.{digits}g}"


def table(results, rounds):
    print(f"\nmedians of {rounds} rounds; speed ratio = their time / our time (above 1: ours is faster)\n")
    print("| workload | peer | measure | ours wall (s) | theirs wall (s) | ratio by wall | ours CPU (s) | theirs CPU (s) | ratio by CPU |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in ONLY:
        ours_fn, peers, rows, _ = WORKLOADS[name]
        o = results[(name, "neuroai")]
        if not peers:
            print(f"| {name} | — | whole process | {fmt(med(o, 'process_s'))} | — | — | {fmt(med(o, 'process_cpu_s'))} | — | — |")
        for peer, _ in peers:
            t = results[(name, peer)]
            for label, ow, tw, oc, tc in rows[peer]:
                a, b = (med(o, ow) if ow else None), med(t, tw)
                c, d = (med(o, oc) if oc else None), (med(t, tc) if tc else None)
                rw = b / a if a and b else None
                rc = d / c if c and d else None
                print(f"| {name} | {peer} | {label} | {fmt(a)} | {fmt(b)} | {fmt(rw)} | {fmt(c)} | {fmt(d)} | {fmt(rc)} |")
    print("\nthe same work (medians):\n")
    for name in ONLY:
        _, peers, _, stats = WORKLOADS[name]
        for side in ["neuroai"] + [p for p, _ in peers]:
            rows = results[(name, side)]
            shown = ", ".join(f"{k} {fmt(med(rows, k), 4)}" for k in stats)
            if shown:
                print(f"- {name}, {side} ({rows[0].get('framework', '')}): {shown}")


if __name__ == "__main__":
    main()
