#!/usr/bin/env bash
# Starts the Java kernel of the notebooks (rapaio-jupyter-kernel) with the toolkit on its class path,
# the JVM options of bin/neuroai and ND4J's native build for this CPU. Jupyter runs it through the
# kernelspec that setup.sh writes; it takes the connection file as its one argument.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kernel_jar="$root/notebooks/.kernel/rapaio-jupyter-kernel-3.0.1.jar"
jar="$root/compare/target/neuroai-compare-0.1.0-SNAPSHOT.jar"
# setup.sh compiles a fixed loop thread for the kernel (kernel-fix/LoopThread.java); it comes before
# the kernel's jar on the class path, and so replaces the kernel's own
fix="$root/notebooks/.kernel/fix"
if [[ ! -f "$kernel_jar" || ! -f "$jar" || ! -f "$root/compare/target/classpath.txt" \
      || ! -f "$fix/org/rapaio/jupyter/kernel/channels/LoopThread.class" ]]; then
  echo "neuroai kernel: run notebooks/setup.sh first" >&2
  exit 1
fi
. "$root/bin/native.sh"
# the kernel's class path is ';'-separated
export RJK_CLASSPATH="$jar;$(tr ':' ';' < "$root/compare/target/classpath.txt")"
export RJK_TIMEOUT_MILLIS=-1
# the kernel logs every message it handles: into a file, so that run-all.sh and the server stay readable
mkdir -p "$root/out/notebooks"
log="$root/out/notebooks/kernel.log"
exec java -Djava.awt.headless=true -Dneuroai.data="${NEUROAI_DATA:-$root/data}" -Dneuroai.home="$root" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dorg.bytedeco.javacpp.platform.extension="$ext" ${NEUROAI_JAVA_OPTS:--Xmx3g} \
  -cp "$fix:$kernel_jar" org.rapaio.jupyter.kernel.MainApp "$@" >> "$log" 2>&1
