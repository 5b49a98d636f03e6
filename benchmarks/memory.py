"""Streaming: peak memory of a 200 MB JSONL batch (target: under 300 MB peak RSS), measured with /usr/bin/time -v.

    python benchmarks/memory.py [--mb 200] [--jobs 2] [--modes library,cli] [--keep]

The batch is generated in /tmp (never in the repository). Each mode runs as its own process under
``/usr/bin/time -v``; its "Maximum resident set size" is the largest single process of the tree (the parent or
one worker). A sampler also sums the RSS of the whole process tree every 0.2 s, since the workers together hold
more than any one of them. Modes:

- ``library``: ``for r in claimcheck.run.batch.run_parallel([batch], Options(jobs=J))`` — results are
  consumed and dropped, as a streaming consumer does;
- ``cli``: ``claimcheck check --format jsonl --jobs J batch > /dev/null`` (the CLI builds its report from all
  results, so this shows what the renderers keep).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402


def tree_rss(pid: int) -> int:
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for q in procs:
        try:
            total += q.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(cmd: list[str]) -> dict:
    t = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        p = subprocess.Popen(["/usr/bin/time", "-v", *cmd], stdout=devnull, stderr=subprocess.PIPE)
        samples: list[tuple[float, int]] = []
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                samples.append((time.perf_counter() - t, tree_rss(p.pid)))
                stop.wait(0.2)

        th = threading.Thread(target=sample, daemon=True)
        th.start()
        _, err = p.communicate()
        stop.set()
        th.join()
    took = time.perf_counter() - t
    text = err.decode("utf-8", "replace")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    peak_tree = max((s for _, s in samples), default=0)
    # growth: the tree's RSS in the second quarter of the run against the last quarter
    q2 = [s for at, s in samples if took * 0.25 <= at < took * 0.5]
    q4 = [s for at, s in samples if at >= took * 0.75]
    return {
        "rc": p.returncode, "seconds": took, "maxrss_mb": int(m.group(1)) / 1024 if m else float("nan"),
        "tree_peak_mb": peak_tree / 2**20, "q2_mb": (max(q2) / 2**20) if q2 else float("nan"),
        "q4_mb": (max(q4) / 2**20) if q4 else float("nan"), "stderr": text[-600:],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=200)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--modes", default="library,cli")
    ap.add_argument("--keep", action="store_true", help="keep the generated batch in /tmp")
    args = ap.parse_args()
    if not Path("/usr/bin/time").exists():
        raise SystemExit("/usr/bin/time (GNU time) is not installed")
    work = Path(tempfile.mkdtemp(prefix="claimcheck-mem-"))
    path = work / "batch.jsonl"
    t = time.perf_counter()
    ndocs, nchars = corpus.write_jsonl(path, int(args.mb * 2**20))
    print(f"batch: {ndocs:,} documents, {nchars:,} characters, {path.stat().st_size / 2**20:.0f} MB JSONL in {work} "
          f"(generated in {time.perf_counter() - t:.0f} s); jobs={args.jobs}, {os.cpu_count()} cores")
    exe = shutil.which("claimcheck") or str(Path(sys.executable).with_name("claimcheck"))
    cmds = {
        "library": [sys.executable, "-c",
                    "import sys; from claimcheck.run.batch import run_parallel\n"
                    "from claimcheck.options import Options\n"
                    "n = 0\n"
                    f"for r in run_parallel([{str(path)!r}], Options(jobs={args.jobs}, command='check')):\n"
                    "    n += 1\n"
                    f"assert n == {ndocs}, n\n"],
        "cli": [exe, "check", "--format", "jsonl", "--jobs", str(args.jobs), str(path)],
    }
    print(f"\n{'mode':9} {'seconds':>8} {'chars/s':>10} {'max RSS (1 proc)':>17} {'tree peak':>10} "
          f"{'tree q2':>8} {'tree q4':>8}  target <300 MB")
    for mode in args.modes.split(","):
        r = measure(cmds[mode])
        ok = "meets" if r["rc"] in (0, 1) and r["tree_peak_mb"] < 300 else "MISSES"
        print(f"{mode:9} {r['seconds']:8.0f} {nchars / r['seconds']:10,.0f} {r['maxrss_mb']:15.0f}MB "
              f"{r['tree_peak_mb']:8.0f}MB {r['q2_mb']:6.0f}MB {r['q4_mb']:6.0f}MB  {ok} (exit {r['rc']})")
        if r["rc"] not in (0, 1):
            print("   " + r["stderr"].replace("\n", "\n   "))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
