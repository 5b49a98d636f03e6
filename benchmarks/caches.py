"""What each function cache buys: the same work with one cache taken out at a time.

    python benchmarks/caches.py [--mb 0.4] [--only NAME,...] [--limit 60] [--paired 3]
    python benchmarks/caches.py --estimate [--mb 0.4]

Every ``functools.cache`` / ``lru_cache`` in the package is found by looking at the loaded modules (so a cache
added later is measured too). For each, a forked child (modules imported, nothing built yet) replaces the cached
function by the function it wraps, everywhere the package refers to it, then measures in CPU seconds:

- *first document*: ``api.process`` of the example article, cold (what a one-article run adds to its imports);
- *extract* and *check*: ``api.process`` over a JSONL batch of ordinary news (``--mb``, from ``corpus.py``).

It prints each figure against the median of five children with every cache in place, so the last columns say how
much slower a run is without that cache. A child over ``--limit`` seconds is stopped and shown as ``>limit``. A
cache is worth keeping when one of the figures moves by 5 % or more. On a busy machine use ``--paired 3``: each
child without the cache runs beside one with every cache, and the median of the pairs' ratios is printed.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import multiprocessing as mp
import pkgutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def _modules():
    import claimcheck

    out = [claimcheck]
    for info in pkgutil.walk_packages(claimcheck.__path__, "claimcheck."):
        if info.name.endswith("__main__") or ".reference_data" in info.name:
            continue
        try:
            out.append(importlib.import_module(info.name))
        except Exception:  # noqa: BLE001 - an optional extra (dask) that is not installed
            continue
    return out


def caches() -> dict[str, object]:
    """Every cached function the package defines, by qualified name."""
    found = {}
    for mod in _modules():
        for name, obj in list(vars(mod).items()):
            if isinstance(obj, functools._lru_cache_wrapper) and obj.__module__ == mod.__name__:  # type: ignore[attr-defined]
                found[f"{mod.__name__}.{name}"] = obj
    return found


def _uncache(target) -> int:
    """Replace ``target`` by the function it wraps in every module that refers to it; how many places."""
    n = 0
    for mod in list(sys.modules.values()):
        if getattr(mod, "__name__", "").startswith("claimcheck"):
            for name, obj in list(vars(mod).items()):
                if obj is target:
                    setattr(mod, name, target.__wrapped__)
                    n += 1
    return n


def _child(which: str | None, docs_path: str, article: str, out) -> None:
    from claimcheck import api
    from claimcheck.read.inputs import read_documents

    if which is not None:
        _uncache(caches()[which])
    docs = list(read_documents([docs_path]))
    first = list(read_documents([article]))[0]
    t = time.process_time()
    api.process(first, command="check")
    t_first = time.process_time() - t
    figures = [t_first]
    for command in ("extract", "check"):
        t = time.process_time()
        for d in docs:
            api.process(d, command=command)
        figures.append(time.process_time() - t)
    out.send(figures)


def measure(which: str | None, docs_path: str, article: str, limit: float) -> list[float] | None:
    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_child, args=(which, docs_path, article, send))
    p.start()
    ok = recv.poll(limit)
    figures = recv.recv() if ok else None
    p.kill() if not ok else None
    p.join()
    return figures


def estimate(docs_path: str, article: str) -> None:
    """One process, profiled: for each cache, its hits times what one call of the wrapped function costs (the
    cumulative profiled time of its calls, which are the misses, over their number), against the phase's total.
    Deterministic enough to decide 5 % on a busy machine, where timing children with and without a cache is not."""
    import cProfile
    import pstats

    from claimcheck import api
    from claimcheck.read.inputs import read_documents

    found = caches()
    docs = list(read_documents([docs_path]))
    first = list(read_documents([article]))[0]
    phases: dict = {}
    cost: dict[str, tuple[int, float]] = {}  # cache -> (misses seen, profiled seconds per miss)
    for phase, work in (("first doc", lambda: api.process(first, command="check")),
                        ("extract+check", lambda: [api.process(d, command=c) for c in ("extract", "check")
                                                   for d in docs])):
        before = {n: f.cache_info() for n, f in found.items()}
        prof = cProfile.Profile()
        prof.runcall(work)
        stats = pstats.Stats(prof).stats  # (file, line, name) -> (primitive calls, calls, tottime, cumtime, ...)
        total = sum(v[2] for v in stats.values())
        by_code = {}
        for (file, line, _), v in stats.items():
            by_code[(file, line)] = v
        rows = {}
        for n, f in found.items():
            code = getattr(f.__wrapped__, "__code__", None)
            v = by_code.get((code.co_filename, code.co_firstlineno)) if code else None
            info = f.cache_info()
            if v and v[1]:  # a miss's cost from the phase with the most misses (the later, warm one on a tie)
                if v[1] >= cost.get(n, (0, 0.0))[0]:
                    cost[n] = (v[1], v[3] / v[1])
            rows[n] = info.hits - before[n].hits
        phases[phase] = (total, rows)
    print(f"{'cache':58} {'first doc: hits':>15} {'saves':>7}   {'extract+check: hits':>19} {'saves':>7}  verdict")
    for n in sorted(found):
        per = cost.get(n, (0, 0.0))[1]
        (ta, ha), (tb, hb) = [(phases[p][0], phases[p][1][n]) for p in ("first doc", "extract+check")]
        sa, sb = ha * per / ta, hb * per / tb
        verdict = "keep" if max(sa, sb) >= 0.05 else "under 5%"
        print(f"{n:58} {ha:15,d} {sa:6.1%}   {hb:19,d} {sb:6.1%}  {verdict}")
    print(f"(profiled totals: first doc {phases['first doc'][0]:.2f}s, extract+check {phases['extract+check'][0]:.2f}s;"
          " 'saves' = hits x profiled cost of one miss / total)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=0.4)
    ap.add_argument("--only", default="")
    ap.add_argument("--limit", type=float, default=60.0)
    ap.add_argument("--baseline-runs", type=int, default=5)
    ap.add_argument("--paired", type=int, default=1, help="runs of each cache, each beside a run with all caches")
    ap.add_argument("--estimate", action="store_true", help="one profiled process: hits x cost of a miss")
    args = ap.parse_args()
    corpus.compile_bytecode()
    work = Path(tempfile.mkdtemp(prefix="claimcheck-caches-"))
    path = work / "batch.jsonl"
    ndocs, nchars = corpus.write_jsonl(path, int(args.mb * 2**20))
    article = str(sorted((REPO / "examples").glob("*.txt"))[0])
    if args.estimate:
        print(f"batch: {ndocs} documents, {nchars:,} characters")
        estimate(str(path), article)
        return 0
    names = sorted(caches())
    if args.only:
        names = [n for n in names if any(part in n for part in args.only.split(","))]
    print(f"batch: {ndocs} documents, {nchars:,} characters; {len(caches())} function caches; CPU seconds")
    runs = [measure(None, str(path), article, args.limit) for _ in range(args.baseline_runs)]
    base = [statistics.median(r[i] for r in runs if r) for i in range(3)]
    print(f"{'cache taken out':58} {'first doc':>10} {'extract':>9} {'check':>9}   slower by (first/extract/check)")
    print(f"{'(none: every cache in place, median of ' + str(args.baseline_runs) + ')':58} "
          f"{base[0]:9.3f}s {base[1]:8.3f}s {base[2]:8.3f}s")
    for name in names:
        got = measure(name, str(path), article, args.limit)
        if got is None:
            print(f"{name:58} {'>limit':>10}")
            continue
        if args.paired > 1:  # alternate with children that have every cache, against this machine's drift
            pairs = [(got, measure(None, str(path), article, args.limit))]
            pairs += [(measure(name, str(path), article, args.limit), measure(None, str(path), article, args.limit))
                      for _ in range(args.paired - 1)]
            got = [statistics.median(a[i] for a, _ in pairs) for i in range(3)]
            rel = [statistics.median(a[i] / b[i] for a, b in pairs) - 1 for i in range(3)]
        else:
            rel = [g / b - 1 for g, b in zip(got, base)]
        flag = "keep" if max(rel) >= 0.05 else "under 5%"
        print(f"{name:58} {got[0]:9.3f}s {got[1]:8.3f}s {got[2]:8.3f}s   "
              f"{rel[0]:+6.0%} {rel[1]:+6.0%} {rel[2]:+6.0%}  {flag}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
