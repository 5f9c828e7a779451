#!/usr/bin/env bash
# Runs the toolkit and its peers side by side: stdp-balance against Brian2 (Cython and C++ standalone),
# gha-mnist against NumPy and PyTorch, krotov-hopfield-mnist and mlp-mnist against PyTorch, and the demo
# (ours only). Installs the peers from Debian when they are missing, builds the command line when needed,
# runs ours and theirs alternately for N rounds and prints one table of medians and ratios
# (bench/peers/run.py; every run's JSON line goes to OUT/runs.jsonl).
#
# Usage: bench/run-peers.sh [--rounds N] [--only W1,W2,...] [--out DIR] [--limits]
#   --rounds N   rounds (default 3); --only a subset of stdp-balance,gha-mnist,krotov-hopfield-mnist,mlp-mnist,demo
#   --out DIR    where the runs write (default /tmp/neuroai-peers); --limits also measures the machine's limits
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds=3
valid=stdp-balance,gha-mnist,krotov-hopfield-mnist,mlp-mnist,demo
only=$valid
out=/tmp/neuroai-peers
limits=no
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --limits) limits=yes; shift ;;
    *) echo "run-peers.sh: unknown option '$1'; valid are --rounds N, --only W1,W2, --out DIR, --limits" >&2; exit 2 ;;
  esac
done
if ! [[ "$rounds" =~ ^[1-9][0-9]*$ ]]; then
  echo "run-peers.sh: --rounds must be a whole number >= 1, not '$rounds'" >&2; exit 2
fi
for w in ${only//,/ }; do
  [[ ",$valid," == *",$w,"* ]] || { echo "run-peers.sh: unknown workload '$w' in --only; valid are $valid" >&2; exit 2; }
done

# The peers as Debian packages them: Brian2 2.5 (its C++ standalone target needs g++), PyTorch, NumPy. Debian's
# PyTorch and NumPy call the system BLAS (libblas.so.3); with only the reference BLAS they run many times slower,
# so OpenBLAS is installed too, to measure them as their users run them.
missing=()
for p in python3-brian python3-torch python3-numpy libopenblas0-pthread g++; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi
/usr/bin/python3 -c "import brian2, torch, numpy" 2>/dev/null || { echo "run-peers.sh: brian2, torch or numpy does not import in /usr/bin/python3" >&2; exit 1; }

# the command line: bin/neuroai builds it when it is missing or older than the sources
"$root/bin/neuroai" --version >/dev/null

# One thread each: OpenMP, OpenBLAS and PyTorch's intra-op pool.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 BENCH_THREADS=1
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are set in this machine's environment (Haswell, 512 KB): they pin
# OpenBLAS to its AVX2 kernels on a CPU with AVX-512. Debian's OpenBLAS 0.3.21 detects this CPU itself and picks a
# faster kernel, so they are unset for the peers, as users without them run; bin/neuroai, unset, chooses the
# kernel for ND4J's older OpenBLAS 0.3.19, which does not know this CPU (BENCHMARKS.md, mlp-mnist).
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE

{
  echo "machine: $(nproc --all) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(uptime | sed 's/.*load/load/')"
  echo "peers: brian2 $(/usr/bin/python3 -c 'import brian2; print(brian2.__version__)' 2>/dev/null), torch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)'), numpy $(/usr/bin/python3 -c 'import numpy; print(numpy.__version__)'), openblas $(dpkg-query -W -f='${Version}' libopenblas0-pthread)"
} >&2
if [[ "$limits" == yes ]]; then
  /usr/bin/python3 "$root/bench/peers/limits.py"
fi
/usr/bin/python3 "$root/bench/peers/run.py" "$root" "$out" "$rounds" "$only"
echo "load after the runs: $(uptime | sed 's/.*load/load/')" >&2
