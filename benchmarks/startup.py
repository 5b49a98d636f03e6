"""Start-up: `claimcheck check examples/<the example>.txt` as a whole process, against `python -c "import typer"`.

    python benchmarks/startup.py [--runs 15] [--importtime] [--other PATH/TO/claimcheck]
    python benchmarks/startup.py --help-cost [--runs 5] [--other PATH/TO/claimcheck]

Both commands run alternately in the same run (so machine load hits both alike); the medians and their ratio are
printed (target: claimcheck ≤ 7× the typer baseline). claimcheck keeps nothing between runs (claimcheck.cache), so
every run is a first run. ``--importtime`` adds the slowest imports of one claimcheck
run from ``python -X importtime`` (cumulative µs), to show what to import lazily. ``--other`` adds the rows of a
second installation's ``claimcheck`` executable (e.g. the last release in its own virtual environment), run in
the same alternation, so a change is measured against the code before it under the same load; its second row
sets ``CLAIMCHECK_CACHE_DIR=``, which turned off the on-disk cache of versions before part 6.

``--help-cost`` measures instead the CPU time (user + system, from ``os.wait4``) of ``claimcheck --help``,
``claimcheck --version`` and ``claimcheck check --help`` against ``python -c "import typer"``, best of N
alternating runs (CPU time, because a loaded machine inflates wall-clock figures).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    t = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    took = time.perf_counter() - t
    if p.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr.decode()[-500:]}")
    return took


def importtime(cmd_args: list[str], cwd: Path, top: int) -> list[tuple[int, int, str]]:
    p = subprocess.run([sys.executable, "-X", "importtime", "-m", "claimcheck", *cmd_args], cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    rows = []
    for line in p.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        parts = line[len("import time:"):].split("|")
        self_us, cum_us, name = int(parts[0]), int(parts[1]), parts[2].rstrip()
        depth = (len(name) - len(name.lstrip())) // 2
        if depth <= 1 or name.strip().startswith("claimcheck"):
            rows.append((cum_us, self_us, name))
    # imports made by claimcheck itself and their direct children, the largest first
    rows.sort(reverse=True)
    return rows[:top]


def cpu_time(cmd: list[str], cwd: Path) -> float:
    """User + system CPU seconds of one run of ``cmd`` (a child process, measured by the kernel)."""
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed")
    return usage.ru_utime + usage.ru_stime


def help_cost(exe: str, other: str | None, runs: int) -> int:
    rows = {}
    for name, path in (("claimcheck", exe), (other, other)):
        if path:
            for args in (["--help"], ["--version"], ["check", "--help"]):
                rows[f"{name} {' '.join(args)}"] = [path, *args]
    rows['python -c "import typer"'] = [sys.executable, "-c", "import typer"]
    best = {label: float("inf") for label in rows}
    for _ in range(runs):
        for label, cmd in rows.items():
            best[label] = min(best[label], cpu_time(cmd, REPO))
    base = best['python -c "import typer"']
    print(f"CPU time (user + system), best of {runs} alternating runs "
          f"(python {sys.version.split()[0]}, {os.cpu_count()} cores)")
    for label, t in best.items():
        print(f"{label[-50:]:50} {t * 1000:7.0f} ms  = {t / base:.2f}x typer")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--importtime", action="store_true")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--other", help="a second installation's claimcheck executable, measured alongside")
    ap.add_argument("--help-cost", action="store_true", help="CPU time of --help and --version instead")
    args = ap.parse_args()
    if args.help_cost:
        exe = shutil.which("claimcheck") or str(Path(sys.executable).with_name("claimcheck"))
        return help_cost(exe, args.other, args.runs)
    corpus.compile_bytecode()
    examples = sorted((REPO / "examples").glob("*.txt"))
    if not examples:
        raise SystemExit("examples/ holds no article")
    article = examples[0].relative_to(REPO)
    exe = shutil.which("claimcheck") or str(Path(sys.executable).with_name("claimcheck"))
    ours = [exe, "check", str(article)]
    base = [sys.executable, "-c", "import typer"]
    env_note = f"python {sys.version.split()[0]}, {os.cpu_count()} cores"
    no_cache = {**os.environ, "CLAIMCHECK_CACHE_DIR": ""}
    timed(ours, REPO), timed(base, REPO)  # warm the OS file cache for both, and claimcheck's cache
    theirs = [args.other, *ours[1:]] if args.other else None
    if theirs:
        timed(theirs, REPO)
    a, b, d, e = [], [], [], []
    for _ in range(args.runs):
        a.append(timed(ours, REPO))
        b.append(timed(base, REPO))
        if theirs:
            d.append(timed(theirs, REPO))
            e.append(timed(theirs, REPO, no_cache))
    ma, mb = statistics.median(a), statistics.median(b)
    print(f"start-up, median of {args.runs} runs each, alternating ({env_note})")
    print(f"{'command':58} {'median':>9} {'min':>9} {'max':>9}")
    print(f"{'claimcheck check ' + str(article):58} {ma * 1000:8.0f}ms {min(a) * 1000:8.0f}ms {max(a) * 1000:8.0f}ms")
    label = 'python -c "import typer"'
    print(f"{label:58} {mb * 1000:8.0f}ms {min(b) * 1000:8.0f}ms {max(b) * 1000:8.0f}ms")
    for label, runs in ((f"{args.other} check (--other)", d), ("  the same, cache off", e)):
        if runs:
            m = statistics.median(runs)
            print(f"{label[-58:]:58} {m * 1000:8.0f}ms {min(runs) * 1000:8.0f}ms {max(runs) * 1000:8.0f}ms"
                  f"  = {m / mb:.2f}x typer")
    verdict = "meets" if ma / mb <= 7 else "MISSES"
    print(f"ratio {ma / mb:.2f}x (target <= 7x: {verdict})")
    if args.importtime:
        print("\nslowest imports of one `claimcheck check` run (python -X importtime; cumulative, self in ms):")
        for cum, self_us, name in importtime(["check", str(article)], REPO, args.top):
            print(f"  {cum / 1000:8.1f} {self_us / 1000:8.1f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
