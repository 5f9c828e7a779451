# Sourced by bin/neuroai and bin/neuroai-spark: sets $ext, the name of ND4J's native build for this CPU,
# OPENBLAS_CORETYPE and OMP_NUM_THREADS.

# One OpenMP thread per process was faster and steadier than two on a 2-core machine; seeds run in parallel instead.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"

# Native code for this CPU, from the flags in /proc/cpuinfo. The classpath holds ND4J's generic x86-64,
# AVX2 and AVX-512 builds; given none of them by name, ND4J would load the AVX-512 one even on a CPU
# without AVX-512, so the build is always named (an empty name is the generic one). OpenBLAS 0.3.19,
# bundled with ND4J, does not recognise recent CPUs and falls back to a slow generic kernel; it gets the
# kernel of the instruction set the CPU has, unless OPENBLAS_CORETYPE is set already.
# NEUROAI_NATIVE=generic|avx2|avx512 overrides the choice.
flags=" $(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null || true) "
has() { for f in "$@"; do [[ "$flags" == *" $f "* ]] || return 1; done; }
isa="${NEUROAI_NATIVE:-}"
if [[ -z "$isa" ]]; then
  if has avx512f avx512cd avx512bw avx512dq avx512vl; then isa=avx512
  elif has avx2 fma; then isa=avx2
  else isa=generic; fi
fi
case "$isa" in
  avx512) ext=-avx512 core=SkylakeX ;;
  avx2) ext=-avx2 core=Haswell ;;
  generic) ext= core= ;;
  *) echo "neuroai: NEUROAI_NATIVE must be generic, avx2 or avx512, not '$isa'." >&2; exit 2 ;;
esac
if [[ -z "${OPENBLAS_CORETYPE:-}" && -n "$core" ]]; then
  export OPENBLAS_CORETYPE="$core"
fi

