"""Runs and checks the notebooks for run-all.sh (Debian's python3-nbformat, -nbclient and -nbconvert).

  nb.py clean NOTEBOOK...            fail if a notebook has outputs or execution counts (commit them stripped)
  nb.py strip NOTEBOOK...            remove outputs and execution counts in place
  nb.py run NOTEBOOK OUTDIR [NAME=VALUE]...
                                     execute headless into OUTDIR/NAME.ipynb and OUTDIR/NAME.html; fail if a
                                     cell fails; NAME=VALUE first replaces the value of the variable NAME in
                                     the cell tagged "parameters" (as papermill does), and the copies get
                                     the suffix "-NAME=VALUE"
  nb.py differs A.ipynb B.ipynb      fail unless the figures of the cells tagged "figure" differ
"""
import atexit
import base64
import hashlib
import re
import sys
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

CELL_TIMEOUT = 120  # seconds; a quick notebook takes well under that in all
START_TIMEOUT = 180  # seconds for the kernel's JVM to start and bind its sockets


def listening_ports():
    """The TCP ports in the LISTEN state, read from /proc/net (connecting to find out would disturb the kernel)."""
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    cols = line.split()
                    if cols[3] == "0A":
                        ports.add(int(cols[1].rsplit(":", 1)[1], 16))
        except OSError:
            pass
    return ports


def start_kernel(cwd):
    """Starts the Java kernel and returns its manager once the kernel can take messages.

    rapaio-jupyter-kernel 3.0.1 binds its sockets before it installs its message handlers, and a
    kernel_info_request that arrives in between kills its shell thread (a NullPointerException in
    Channels.getHandler, in out/notebooks/kernel.log), which a loaded machine makes likely. So the
    client is connected only once every port listens and a moment has passed.
    """
    km = KernelManager(kernel_name="neuroai-java")
    km.start_kernel(cwd=cwd)
    ports = [km.shell_port, km.iopub_port, km.stdin_port, km.control_port, km.hb_port]
    deadline = time.time() + START_TIMEOUT
    while not set(ports) <= listening_ports():
        if not km.is_alive() or time.time() > deadline:
            km.shutdown_kernel(now=True)
            raise RuntimeError("the kernel did not start; see out/notebooks/kernel.log")
        time.sleep(0.5)
    time.sleep(3)
    return km


def clean(paths):
    bad = []
    for p in paths:
        nb = nbformat.read(p, as_version=4)
        for i, c in enumerate(nb.cells):
            if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None):
                bad.append(f"{p}: cell {i + 1} has outputs; strip them with notebooks/tools/nb.py strip {p}")
                break
    for b in bad:
        print(b, file=sys.stderr)
    return 1 if bad else 0


def strip(paths):
    for p in paths:
        nb = nbformat.read(p, as_version=4)
        for c in nb.cells:
            if c.cell_type == "code":
                c.outputs = []
                c.execution_count = None
            c.metadata.pop("execution", None)
        nbformat.write(nb, p)
    return 0


def inject(nb, name, value):
    """Replaces 'TYPE NAME = OLD;' by 'TYPE NAME = VALUE;' in the cell tagged parameters."""
    pattern = re.compile(r"^(\s*[\w<>\[\]]+\s+" + re.escape(name) + r"\s*=\s*)([^;]+)(;.*)$", re.M)
    for c in nb.cells:
        if c.cell_type == "code" and "parameters" in c.metadata.get("tags", []):
            new, n = pattern.subn(lambda m: m.group(1) + value + m.group(3), c.source)
            if n != 1:
                raise SystemExit(f"no single variable '{name}' in the parameters cell")
            c.source = new
            return
    raise SystemExit("no cell tagged 'parameters'")


def run(path, outdir, assignments):
    path = Path(path)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    nb = nbformat.read(path, as_version=4)
    suffix = ""
    for a in assignments:
        name, value = a.split("=", 1)
        inject(nb, name, value)
        suffix += f"-{name}={value}"
    t0 = time.time()
    failed = None
    for attempt in (1, 2):  # a kernel that still fails to answer at its start gets one more try
        km = start_kernel(str(path.parent))
        client = NotebookClient(nb, km=km, timeout=CELL_TIMEOUT, startup_timeout=60, kernel_name="neuroai-java",
                                resources={"metadata": {"path": str(path.parent)}})
        failed = None
        try:
            client.execute()
        except Exception as e:  # the executed copy is written anyway, with the failing cell's error in it
            failed = e
        finally:
            km.shutdown_kernel(now=True)
            # the kernel is shut down here; the client's own clean-up at exit would find none and say so
            atexit.unregister(client._cleanup_kernel)
        started = any(c.get("outputs") or c.get("execution_count") for c in nb.cells if c.cell_type == "code")
        if failed is None or started:
            break
        print(f"{path.name}: the kernel did not answer at its start ({failed}); starting it again", file=sys.stderr)
    seconds = time.time() - t0
    base = outdir / (path.stem + suffix)
    nbformat.write(nb, str(base) + ".ipynb")
    html, _ = HTMLExporter().from_notebook_node(nb)
    Path(str(base) + ".html").write_text(html, encoding="utf-8")
    figures = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                  if "image/png" in o.get("data", {}))
    status = "FAILED" if failed else "ok"
    print(f"{path.name}{suffix}: {status} in {seconds:.1f} s, {figures} figures -> {base}.html", flush=True)
    if failed:
        print(str(failed)[-3000:], file=sys.stderr)
        return 1
    return 0


def figures(path):
    nb = nbformat.read(path, as_version=4)
    out = []
    for c in nb.cells:
        if c.cell_type == "code" and "figure" in c.metadata.get("tags", []):
            for o in c.get("outputs", []):
                png = o.get("data", {}).get("image/png")
                if png:
                    out.append(hashlib.sha256(base64.b64decode(png)).hexdigest())
    return out


def differs(a, b):
    fa, fb = figures(a), figures(b)
    if not fa or not fb:
        print(f"no figure in a cell tagged 'figure' of {a if not fa else b}", file=sys.stderr)
        return 1
    if fa == fb:
        print(f"the tagged figures of {a} and {b} are the same bytes: the parameter changed nothing", file=sys.stderr)
        return 1
    print(f"the tagged figure differs: {fa[0][:12]} -> {fb[0][:12]}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "clean":
        sys.exit(clean(args))
    if cmd == "strip":
        sys.exit(strip(args))
    if cmd == "run":
        sys.exit(run(args[0], args[1], args[2:]))
    if cmd == "differs":
        sys.exit(differs(args[0], args[1]))
    raise SystemExit(__doc__)
