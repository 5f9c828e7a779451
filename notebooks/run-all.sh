#!/usr/bin/env bash
# Executes every notebook headless in quick mode, into out/notebooks/ (NAME.ipynb with outputs and
# NAME.html), and fails if any cell fails. It also checks that the committed notebooks carry no
# outputs, and runs 01-neuron once more with one parameter changed, checking that its figure changes.
# Run notebooks/setup.sh once first. Give notebook files to run only those.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nb="$root/notebooks"
out="$root/out/notebooks"
py=/usr/bin/python3
export JUPYTER_PATH="$nb/.jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
export PYDEVD_DISABLE_FILE_VALIDATION=1

if [[ ! -f "$nb/.jupyter/kernels/neuroai-java/kernel.json" ]]; then
  echo "run-all: no kernel; run notebooks/setup.sh first" >&2
  exit 1
fi
# the kernel loads the toolkit's jar: rebuild it when the sources changed, as bin/neuroai does
"$root/bin/neuroai" --version > /dev/null

if (( $# )); then notebooks=("$@"); else notebooks=("$nb"/[0-9][0-9]-*.ipynb); fi
"$py" "$nb/tools/nb.py" clean "${notebooks[@]}"

mkdir -p "$out"
start=$SECONDS
failed=0
for f in "${notebooks[@]}"; do
  "$py" "$nb/tools/nb.py" run "$f" "$out" || failed=1
done

# one parameter changed in a cell changes the figure: 01-neuron with a longer membrane time constant
if (( ! $# )) && (( ! failed )); then
  "$py" "$nb/tools/nb.py" run "$nb/01-neuron.ipynb" "$out" tauMs=40 || failed=1
  "$py" "$nb/tools/nb.py" differs "$out/01-neuron.ipynb" "$out/01-neuron-tauMs=40.ipynb" || failed=1
fi
echo "run-all: $(( SECONDS - start )) s for ${#notebooks[@]} notebooks; executed copies and HTML in $out" >&2
exit $failed
