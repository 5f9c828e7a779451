#!/usr/bin/env bash
# Sets up the notebooks on a machine with Java 17+ and Maven: Jupyter from Debian packages (installed
# with apt-get when missing; needs root), the Java kernel rapaio-jupyter-kernel 3.0.1 from Maven
# Central into notebooks/.kernel/, a kernelspec "neuroai-java" into notebooks/.jupyter/kernels/ (found
# through JUPYTER_PATH, nothing is installed for the user), and the toolkit's jar. Safe to run again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nb="$root/notebooks"
version=3.0.1

packages=(jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel jupyter-notebook)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if (( ${#missing[@]} )); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo=sudo; fi
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# the kernel jar from Maven Central (through Maven, into the local repository and a copy here)
if [[ ! -f "$nb/.kernel/rapaio-jupyter-kernel-$version.jar" ]]; then
  echo "setup: fetching io.github.padreati:rapaio-jupyter-kernel:$version" >&2
  mkdir -p "$nb/.kernel"
  (cd "$nb/.kernel" && mvn -B -q dependency:copy -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$version" \
      -DoutputDirectory="$nb/.kernel")
fi

# the kernel's loop thread, replaced: 3.0.1's may end before it polls once, leaving a kernel that never
# answers (kernel-fix/LoopThread.java says why); kernel.sh puts this class before the kernel's jar
fix_src="$nb/kernel-fix/LoopThread.java"
fix_class="$nb/.kernel/fix/org/rapaio/jupyter/kernel/channels/LoopThread.class"
if [[ ! -f "$fix_class" || "$fix_src" -nt "$fix_class" ]]; then
  javac --release 17 -d "$nb/.kernel/fix" "$fix_src"
fi

# the kernelspec: Jupyter finds it through JUPYTER_PATH=notebooks/.jupyter (run-all.sh and the README set it)
mkdir -p "$nb/.jupyter/kernels/neuroai-java"
cat > "$nb/.jupyter/kernels/neuroai-java/kernel.json" <<JSON
{
  "argv": ["bash", "$nb/kernel.sh", "{connection_file}"],
  "display_name": "Java (neuroai)",
  "language": "java",
  "interrupt_mode": "message"
}
JSON

# the toolkit's jar and class path, built as bin/neuroai builds them when missing or stale
"$root/bin/neuroai" --version > /dev/null
JUPYTER_PATH="$nb/.jupyter" jupyter kernelspec list 2>/dev/null | grep neuroai-java >&2
echo "setup: done; run notebooks/run-all.sh, or open them with: JUPYTER_PATH=notebooks/.jupyter jupyter notebook notebooks/" >&2
