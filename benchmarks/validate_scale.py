"""How `claimcheck data validate` grows with the size of a newsroom's officeholder tables.

Generates tables of 1k, 10k and 100k tenure rows (single-holder posts, each a chain of consecutive terms, so the
overlap and gap checks have real work to do), validates each in a fresh child process and prints the wall and CPU
time, and the time per 1,000 rows: a linear check keeps that last column flat. Also times the shipped tables.
Generated tables go to a temporary folder, never into the repository.

    python benchmarks/validate_scale.py [--rows 1000,10000,100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLES = ROOT / "reference_data"
TERMS_PER_POST = 10


def header(name: str) -> list[str]:
    with open(TABLES / name, encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh))


def write(path: Path, name: str, rows) -> None:
    cols = header(name)
    with open(path / name, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols)
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in cols})


def build(folder: Path, n: int) -> None:
    posts = max(1, n // TERMS_PER_POST)
    write(folder, "positions.csv", (dict(position_id=f"in-up.bench-post-{p}", label_en=f"Bench post {p}",
                                         label_hi=f"पद {p}", jurisdiction="IN-UP", titles=f"benchpost{p}",
                                         single_holder="yes", notes="generated") for p in range(posts)))
    write(folder, "persons.csv", (dict(person_id=f"bench-person-{i}", label_en=f"Bench Person {i}",
                                       label_hi=f"व्यक्ति {i}", notes="generated") for i in range(n)))

    def tenures():
        for i in range(n):
            p, k = divmod(i, TERMS_PER_POST)
            start = dt.date(1990, 1, 1) + dt.timedelta(days=400 * k)
            end = start + dt.timedelta(days=399)
            last = k == TERMS_PER_POST - 1
            yield dict(tenure_id=f"in-up.bench-post-{p}.bench-person-{i}.{start}", person_id=f"bench-person-{i}",
                       position_id=f"in-up.bench-post-{p}", start=start.isoformat(),
                       end="" if last else end.isoformat(), end_cause="" if last else "term_ended",
                       nature="regular", last_attested="2026-01" if last else "",
                       source_url="https://example.org/generated", source="generated", confidence="high")
    write(folder, "tenures.csv", tenures())


def timed(paths: list[str]) -> tuple[float, float, str]:
    code = ("import sys, time, resource; from claimcheck import reference as R; t=time.perf_counter(); "
            "p=R.validate(sys.argv[1:]); w=time.perf_counter()-t; "
            "c=resource.getrusage(resource.RUSAGE_SELF); print(w, len(p))")
    t0 = os.times()
    out = subprocess.run([sys.executable, "-c", code, *paths], capture_output=True, text=True, check=True).stdout
    t1 = os.times()
    wall, problems = out.split()
    return float(wall), (t1.children_user - t0.children_user) + (t1.children_system - t0.children_system), problems


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", default="1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"{'tables':<28}{'rows':>9}{'validate s (best)':>19}{'process CPU s':>15}{'ms / 1k rows':>14}"
          f"{'marginal':>10}{'problems':>10}")
    best = min(timed([])[0] for _ in range(args.repeat))
    print(f"{'shipped':<28}{'':>9}{best:>19.3f}")
    with tempfile.TemporaryDirectory(prefix="cc-validate-") as tmp:
        prev = None  # (rows, seconds) of the smaller table: the marginal cost per 1k rows between the two
        for n in (int(x) for x in args.rows.split(",")):
            folder = Path(tmp) / f"rows-{n}"
            folder.mkdir()
            build(folder, n)
            runs = [timed([str(folder)]) for _ in range(args.repeat)]
            wall = min(r[0] for r in runs)
            cpu = min(r[1] for r in runs)
            marginal = f"{(wall - prev[1]) * 1e6 / (n - prev[0]):.1f}" if prev else ""
            print(f"{'generated (' + str(n // TERMS_PER_POST) + ' posts)':<28}{n:>9}{wall:>19.3f}{cpu:>15.3f}"
                  f"{wall * 1e6 / n:>14.2f}{marginal:>10}{runs[0][2]:>10}")
            prev = (n, wall)


if __name__ == "__main__":
    main()
