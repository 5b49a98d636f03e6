"""Peak memory of `claimcheck check` in every output format, on batches of 1, 16 and 64 MB: flat in input size?

    python benchmarks/report_memory.py [--mb 1,16,64] [--formats json,html,…] [--jobs 2] [--other OLD/bin/claimcheck]

Each batch is a JSONL file built in /tmp from the repository's own text (the example article and our sentences;
benchmarks/corpus.py), never in the repository. Each run is ``claimcheck check BATCH -f FORMAT -o /tmp/…
--jobs J --no-fail`` as its own child process. Two figures, both from the kernel:

- ``peak``: ``ru_maxrss`` of ``os.wait4`` on the child: the largest resident set of any one process of the run
  (the parent, or a worker it waited for);
- ``parent``: the parent's own ``VmHWM`` (``/proc/PID/status``, its high-water mark), read every 0.1 s while it
  runs (the last reading before it exits).

The report is written to a file in /tmp and deleted. ``--other`` adds the same runs of a second installation's
``claimcheck`` (the code before a change, in its own virtual environment), alternating with this one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

FORMATS = ("jsonl", "line", "json", "html", "markdown", "sarif", "claimreview", "table")


def hwm_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def measure(cmd: list[str]) -> dict:
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    last = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            kb = hwm_kb(p.pid)
            if kb:
                last[0] = max(last[0], kb)
            stop.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    err = p.stderr.read() if p.stderr else b""
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    th.join()
    return {"rc": p.returncode, "seconds": time.perf_counter() - t, "peak_mb": usage.ru_maxrss / 1024,
            "parent_mb": last[0] / 1024, "stderr": err.decode("utf-8", "replace")[-400:]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", default="1,16,64", help="batch sizes in MB (comma-separated)")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--other", help="a second installation's claimcheck executable, measured alongside")
    ap.add_argument("--keep", action="store_true", help="keep the generated batches")
    args = ap.parse_args()
    exe = shutil.which("claimcheck") or str(Path(sys.executable).with_name("claimcheck"))
    corpus.compile_bytecode()
    tmp = Path(tempfile.mkdtemp(prefix="claimcheck-report-memory-"))
    exes = [("this", exe)] + ([("other", args.other)] if args.other else [])
    print(f"claimcheck check BATCH -f FORMAT -o FILE --jobs {args.jobs} --no-fail; python "
          f"{sys.version.split()[0]}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print(f"{'code':6} {'MB':>4} {'docs':>6} {'format':12} {'peak':>9} {'parent':>9} {'time':>8}  exit")
    try:
        for mb in [float(x) for x in args.mb.split(",")]:
            batch = tmp / f"batch-{mb:g}MB.jsonl"
            docs, _ = corpus.write_jsonl(batch, int(mb * 2**20), bundled_only=True)
            for fmt in args.formats.split(","):
                for label, path in exes:
                    out = tmp / f"report.{fmt}"
                    r = measure([path, "check", str(batch), "-f", fmt, "-o", str(out), "--jobs", str(args.jobs),
                                 "--no-fail"])
                    out.unlink(missing_ok=True)
                    print(f"{label:6} {mb:4g} {docs:6} {fmt:12} {r['peak_mb']:7.0f}MB {r['parent_mb']:7.0f}MB "
                          f"{r['seconds']:7.1f}s  {r['rc']}" + (f"  {r['stderr'].strip()[-200:]}" if r["rc"] else ""),
                          flush=True)
            if not args.keep:
                batch.unlink()
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
