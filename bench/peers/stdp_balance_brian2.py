#!/usr/bin/env python3
"""stdp-balance in Brian2, the twin of `neuroai run stdp-balance`.

Song, Miller & Abbott 2000 (Nat. Neurosci. 3:919) as the toolkit simulates it (StdpBalanceExperiment,
SpikingNetwork, stdp-pair with its preset brian2-song-2000): 1000 Poisson inputs at 15 Hz onto one
conductance-based LIF neuron, τ_m = 10 ms, E_l = −74 mV, V_th = −54 mV, V_reset = −60 mV, no
refractory period, excitatory conductance g_e in units of the leak conductance with τ_e = 5 ms and
E_e = 0 mV, a spike of a synapse of weight w adding g_max·w with g_max = 0.01; additive all-to-all
pair STDP with traces, A₊ = 0.01, A₋ = 0.0105 (fractions of w_max = 1), τ₊ = τ₋ = 20 ms, weights
clipped to [0, w_max], initial weights uniform in [0, w_max]; dt = 0.1 ms, 100 s simulated.
The membrane is integrated by exponential Euler (exact for a step with constant g_e, as the
toolkit's integrator), the rest as Brian2 chooses.

--target cython runs the code generated for Brian2's runtime mode (Cython); --target cpp_standalone
generates a C++ project, compiles it (timed apart: compile_s) and runs it (run_s). Prints one JSON
line with the times and the statistics the toolkit records: output rate over the whole run and over
its last second, mean weight, the share of weights below 0.1 w_max and at or above 0.9 w_max.

Usage: stdp_balance_brian2.py [--target cython|cpp_standalone] [--duration S] [--seed N] [--dir DIR]
"""
import argparse
import os
import resource
import shutil
import tempfile
import time

import brian2 as b2
from brian2 import Hz, mV, ms, second

from common import report


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--target", choices=["cython", "cpp_standalone"], default="cython")
    a.add_argument("--duration", type=float, default=100.0, help="simulated seconds")
    a.add_argument("--seed", type=int, default=1)
    a.add_argument("--dir", help="cpp_standalone: project folder (default: a fresh temporary one, removed after)")
    a = a.parse_args()
    start = time.perf_counter()
    b2.prefs.logging.file_log = False
    folder = None
    if a.target == "cpp_standalone":
        folder = a.dir or tempfile.mkdtemp(prefix="brian2-stdp-")
        b2.set_device("cpp_standalone", directory=folder, build_on_run=False)
    else:
        b2.prefs.codegen.target = "cython"
    b2.seed(a.seed)
    b2.defaultclock.dt = 0.1 * ms
    n_inputs, rate, w_max, g_max = 1000, 15 * Hz, 1.0, 0.01
    tau_m, e_l, v_th, v_reset = 10 * ms, -74 * mV, -54 * mV, -60 * mV
    tau_e, e_e = 5 * ms, 0 * mV
    tau_plus, tau_minus, a_plus, a_minus = 20 * ms, 20 * ms, 0.01 * w_max, 0.0105 * w_max

    inputs = b2.PoissonGroup(n_inputs, rates=rate)
    neuron = b2.NeuronGroup(1, """dv/dt = (e_l - v + g_e * (e_e - v)) / tau_m : volt
                                  dg_e/dt = -g_e / tau_e : 1""",
                            threshold="v > v_th", reset="v = v_reset", method="exponential_euler")
    neuron.v = e_l
    synapses = b2.Synapses(inputs, neuron, """w : 1
                                              dapre/dt = -apre / tau_plus : 1 (event-driven)
                                              dapost/dt = -apost / tau_minus : 1 (event-driven)""",
                           on_pre="""g_e += g_max * w
                                     apre += 1
                                     w = clip(w - a_minus * apost, 0, w_max)""",
                           on_post="""apost += 1
                                      w = clip(w + a_plus * apre, 0, w_max)""")
    synapses.connect()
    synapses.w = "rand() * w_max"
    spikes = b2.SpikeMonitor(neuron)
    c0, t0 = time.process_time(), time.perf_counter()
    b2.run(a.duration * second)
    run_s, run_cpu = time.perf_counter() - t0, time.process_time() - c0
    out = {"benchmark": "stdp-balance", "framework": "brian2 " + b2.__version__, "target": a.target, "seed": a.seed,
           "simulated_s": a.duration}
    if a.target == "cpp_standalone":
        c0, t0 = children_cpu(), time.perf_counter()
        b2.device.build(directory=folder, compile=True, run=False, with_output=False)
        out["compile_s"] = time.perf_counter() - t0
        out["compile_cpu_s"] = children_cpu() - c0
        c0, t0 = children_cpu(), time.perf_counter()
        b2.device.run(folder, False, [])
        out["run_s"] = time.perf_counter() - t0
        out["run_cpu_s"] = children_cpu() - c0
    else:
        # code generation, Cython compilation (cached across runs in ~/.cython) and the simulation
        out["run_s"] = run_s
        out["run_cpu_s"] = run_cpu
    w = synapses.w[:]
    t = spikes.t[:] / second
    out["output_rate_hz"] = len(t) / a.duration
    out["output_rate_last_s_hz"] = float(((t >= a.duration - 1) & (t < a.duration)).sum())
    out["mean_weight"] = float(w.mean())
    out["fraction_weak"] = float((w < 0.1 * w_max).mean())
    out["fraction_strong"] = float((w >= 0.9 * w_max).mean())
    out["script_s"] = time.perf_counter() - start
    if a.target == "cpp_standalone" and not a.dir:
        shutil.rmtree(folder, ignore_errors=True)
    report(out)


if __name__ == "__main__":
    main()
