#!/usr/bin/env bash
# Runs every built-in experiment and bundled comparison of the guard in quick mode with seeds 0-2
# into OUT, and writes OUT/finals.csv: the final value of every metric of every learner and seed.
# Usage: docs/guard/run.sh OUT        then: python3 docs/guard/compare.py docs/guard/finals-before.csv OUT/finals.csv
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$1"
mkdir -p "$out"
for e in pca xor conditioning bcm-selectivity associative-memory mnist-local-vs-backprop gradient-alignment stdp-balance \
         digits-features iris-linear xor-depth; do
  rm -rf "${out:?}/$e"
  "$root/bin/neuroai" run "$e" --quick --seeds 3 --out "$out/$e" --quiet
done
python3 "$root/docs/guard/finals.py" "$out" > "$out/finals.csv"
