"""Throughput: characters per second for `extract` and `check`, side by side with dateparser's search_dates over
the same documents in the same run; then the `--jobs 2` speed-up over `--jobs 1` on the same batch.

    python benchmarks/throughput.py [--mb 2.2] [--profile extract|check]

The batch (Hindi and English news, see corpus.py) is generated in /tmp. Each stage is warmed up on one document
first (lexicons, patterns and reference tables load once per process), then timed over every document.
Targets: extract ≥ 10× and check ≥ 5× the throughput of search_dates(text, languages=['hi', 'en']); jobs 2 ≥ 1.7×
jobs 1 (library path, and the whole CLI when its --jobs reaches the batch path).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402


def timed(fn, docs) -> tuple[float, int]:
    t = time.perf_counter()
    n = 0
    for d in docs:
        n += fn(d)
    return time.perf_counter() - t, n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=2.2)
    ap.add_argument("--profile", choices=["extract", "check"], help="cProfile one stage and print the top 25")
    ap.add_argument("--skip-cli", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    corpus.compile_bytecode()

    from claimcheck import api
    from claimcheck.options import Options
    from claimcheck.run import batch
    from claimcheck.read.inputs import read_documents

    work = Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    path = work / "batch.jsonl"
    ndocs, nchars = corpus.write_jsonl(path, int(args.mb * 2**20))
    size = path.stat().st_size
    docs = [d for d in read_documents([str(path)])]
    assert all(not isinstance(d, Exception) for d in docs)
    print(f"batch: {ndocs} documents, {nchars:,} characters, {size / 2**20:.2f} MB JSONL ({corpus.shared_note()}); "
          f"{os.cpu_count()} cores")

    from dateparser.search import search_dates

    EXTRACT, CHECK = Options(command="extract"), Options(command="check")

    def run_extract(d):
        r = api.process(d, EXTRACT)
        return len(r.claims)

    def run_check(d):
        r = api.process(d, CHECK)
        return len(r.checked)

    def run_search(d):
        try:
            return len(search_dates(d.text, languages=["hi", "en"]) or [])
        except Exception:  # noqa: BLE001 - the baseline's own failures do not stop the benchmark
            return 0

    for fn in (run_extract, run_check, run_search):  # warm up: load lexicons, tables, dateparser languages
        fn(docs[0])

    if args.profile:
        import cProfile
        import pstats

        fn = run_extract if args.profile == "extract" else run_check
        prof = cProfile.Profile()
        prof.enable()
        timed(fn, docs)
        prof.disable()
        stats = pstats.Stats(prof)
        by_module: dict[str, float] = {}
        for (filename, _, func), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
            if "/claimcheck/" in filename:
                key = filename.split("/claimcheck/")[-1]
            elif "_regex" in func or "/regex/" in filename:
                key = "regex matching (C + wrapper)"
            elif filename == "~":
                key = "other builtins"
            else:
                key = filename.split("/lib/python3")[-1].split("/", 1)[-1] if "/lib/python3" in filename else filename
            by_module[key] = by_module.get(key, 0.0) + tottime
        total = sum(by_module.values())
        print(f"self time by module ({args.profile}, {total:.2f} s under the profiler):")
        for k, v in sorted(by_module.items(), key=lambda kv: -kv[1])[:12]:
            print(f"  {v:7.2f} s {100 * v / total:5.1f}%  {k}")
        stats.sort_stats("cumulative").print_stats(25)
        return 0

    t_ex, n_ex = timed(run_extract, docs)
    t_ch, n_ch = timed(run_check, docs)
    t_sd, n_sd = timed(run_search, docs)
    rate = {k: nchars / t for k, t in (("extract", t_ex), ("check", t_ch), ("search_dates", t_sd))}
    print(f"\n{'stage (one process)':34} {'seconds':>8} {'chars/s':>11} {'vs search_dates':>16} {'found':>8}")
    for name, t, n in (("claimcheck extract", t_ex, n_ex), ("claimcheck check", t_ch, n_ch),
                       ("dateparser search_dates hi,en", t_sd, n_sd)):
        key = name.split()[-1] if "claimcheck" in name else "search_dates"
        print(f"{name:34} {t:8.2f} {rate[key]:11,.0f} {rate[key] / rate['search_dates']:15.1f}x {n:8}")
    ok_ex = rate["extract"] / rate["search_dates"] >= 10
    ok_ch = rate["check"] / rate["search_dates"] >= 5
    print(f"targets: extract >= 10x: {'meets' if ok_ex else 'MISSES'}; check >= 5x: {'meets' if ok_ch else 'MISSES'}")

    # --jobs: whole batch, results consumed in order; each setting 3 times, alternating, median reported
    import statistics

    def lib_run(jobs: int) -> tuple[float, float]:
        t, t0 = time.perf_counter(), os.times()
        n = sum(1 for _ in batch.run_parallel([str(path)], Options(jobs=jobs, command="check")))
        took, t1 = time.perf_counter() - t, os.times()
        assert n == ndocs
        return took, sum(getattr(t1, k) - getattr(t0, k) for k in ("user", "system", "children_user",
                                                                       "children_system"))

    exe = shutil.which("claimcheck") or str(Path(sys.executable).with_name("claimcheck"))

    def cli_run(jobs: int, env: dict[str, str] | None = None) -> tuple[float, float]:
        t, t0 = time.perf_counter(), os.times()
        with open(os.devnull, "wb") as devnull:
            p = subprocess.run([exe, "check", "--format", "jsonl", "--jobs", str(jobs), str(path)], stdout=devnull,
                               stderr=subprocess.PIPE, env=env)
        took, t1 = time.perf_counter() - t, os.times()
        if p.returncode not in (0, 1):
            raise SystemExit(f"CLI failed ({p.returncode}): {p.stderr.decode()[-300:]}")
        return took, (t1.children_user - t0.children_user) + (t1.children_system - t0.children_system)

    runs = {("library", 1): [], ("library", 2): [], ("CLI", 1): [], ("CLI", 2): []}
    if not args.skip_cli:
        cli_run(1)  # the OS file cache warm, as for every later run
    loads = []
    for _ in range(args.repeat):
        for (kind, jobs), got in runs.items():
            if kind.startswith("CLI") and args.skip_cli:
                continue
            loads.append(os.getloadavg()[0])
            got.append(lib_run(jobs) if kind == "library" else cli_run(jobs))
    print(f"\n{'--jobs (check, whole batch)':38} {'median s':>8} {'chars/s':>11} {'speed-up':>9} {'CPU s':>6}")
    speed = {}
    for (kind, jobs), got in runs.items():
        if not got:
            continue
        wall = statistics.median(g[0] for g in got)
        cpu = statistics.median(g[1] for g in got)
        base = statistics.median(g[0] for g in runs[(kind, 1)])
        speed[kind] = base / wall
        label = {"library": "library batch.run_parallel jobs=", "CLI": "CLI claimcheck check --jobs "}[kind]
        print(f"{label + str(jobs):38} {wall:8.2f} {nchars / wall:11,.0f} {base / wall:8.2f}x {cpu:6.2f}")
    print("target: jobs 2 >= 1.7x jobs 1: " + ", ".join(
        f"{kind} {x:.2f}x ({'meets' if x >= 1.7 else 'MISSES'})" for kind, x in speed.items()))
    print(f"(median of {args.repeat} alternating runs each; CPU s = CPU time of the process tree; 1-minute load "
          f"average before the runs: {min(loads):.2f}-{max(loads):.2f} on {os.cpu_count()} cores)")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
