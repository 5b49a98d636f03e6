"""Linear time: 1 MB adversarial inputs against 1 MB of ordinary news text (target: each within 3× ordinary).

    python benchmarks/adversarial.py [--mb 1] [--only NAME,...] [--profile NAME] [--long-line-mb 50]

Every input goes through the whole pipeline a user runs — read stage (markup for .html/.md), extraction, checking
— via ``batch.run_parallel([file], Options(jobs=1))``, each in a forked child (modules already warm) with a
time limit, so a pattern that backtracks catastrophically is reported as a timeout instead of hanging the run.
``--profile NAME`` prints where one input's time goes. ``--long-line-mb N`` also runs the CLI on one N-MB line
(`claimcheck extract`, whole process, /usr/bin/time -v for its peak RSS).
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing as mp
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402


def fill(unit: str, size: int) -> str:
    """``unit`` repeated until the UTF-8 size reaches ``size`` bytes."""
    n = max(1, size // max(1, len(unit.encode())))
    return unit * n


def number_words(count: int) -> str:
    """``count`` number words in a row, cycling through claimcheck's own Hindi and English number lexicon."""
    from claimcheck.find import lexicon

    data = lexicon.load("numbers")
    words: list[str] = []
    for section in ("hi", "en"):
        for forms in data.get(section, {}).values():
            words.extend(forms if isinstance(forms, list) else [forms])
    return " ".join(itertools.islice(itertools.cycle(words), count))


def inputs(size: int) -> dict[str, tuple[str, str]]:
    """name -> (file suffix, text)."""
    lakh_scales = "एक लाख दो करोड़ तीन हजार चार सौ पांच अरब "
    return {
        "ordinary news (baseline)": (".txt", corpus.ordinary_text(size).encode()[:size].decode("utf-8", "ignore")),
        "digits and commas 1,23,45,...": (".txt", fill("1,23,45,", size)),
        "one 1 MB digit run": (".txt", fill("1234567890", size)),
        "digits separated by spaces": (".txt", fill("9 ", size)),
        "decimal points 1.2.3.4...": (".txt", fill("1.2.", size)),
        "लाख लाख लाख ...": (".txt", fill("लाख ", size)),
        "100,000 number words": (".txt", number_words(100_000)),
        "number words + scales": (".txt", fill(lakh_scales, size)),
        "₹ and digits ₹1₹2₹3": (".txt", fill("₹1 ₹", size)),
        "range chain 1-2-3-4-...": (".txt", fill("12-", size)),
        "range words 1 से 2 से 3...": (".txt", fill("1 से 2 से ", size)),
        "percent runs 5% 5% %%": (".txt", fill("5% %% ", size)),
        "dates 3 सितंबर 3 सितंबर...": (".txt", fill("3 सितंबर ", size)),
        "fiscal 2023-24-25-26...": (".txt", fill("2023-24-", size)),
        "relative पिछले पिछले ...": (".txt", fill("पिछले ", size)),
        "titles मुख्य सचिव मंत्री ...": (".txt", fill("मुख्य सचिव मंत्री प्रमुख सचिव ", size)),
        "titles Minister Secretary ...": (".txt", fill("Chief Minister Secretary ", size)),
        "names without titles": (".txt", fill("मनोज कुमार सिंह ", size)),
        "title + name pairs": (".txt", fill("मुख्य सचिव मनोज कुमार सिंह ", size)),
        "spaces": (".txt", "क " + " " * (size - 8) + " 96 लाख"),
        "danda runs ।।।।": (".txt", fill("।", size)),
        "danda and spaces । । ।": (".txt", fill(" । ", size)),
        "ZWJ runs": (".txt", fill("9\u200d", size)),
        "newlines": (".txt", fill("\n", size - 10) + "96 लाख"),
        "open parentheses ((((": (".txt", fill("(", size)),
        "teaser lines ये भी पढ़ें": (".txt", fill("ये भी पढ़ें 96 लाख\n", size)),
        "unclosed HTML <p><b><i ...": (".html", "<html><body>" + fill("<p><b>96 लाख <i ", size)),
        "unclosed tag <div <div <div": (".html", fill("<div ", size)),
        "unclosed comment <!-- ...": (".html", "<p>96 लाख</p><!--" + fill("96 लाख ", size)),
        "deeply nested <div>": (".html", "<div>" * (size // 12) + "96 लाख" + "</div>" * (size // 12)),
        "nested Markdown > > > ": (".md", fill("> ", size // 2) + "96 लाख\n"),
        "Markdown emphasis ****": (".md", fill("*_", size)),
    }


def _child(path: str, q) -> None:
    from claimcheck.options import Options
    from claimcheck.run.batch import run_parallel

    t = time.perf_counter()
    try:
        results = list(run_parallel([path], Options(jobs=1, command="check")))
        err = next((r.error for r in results if r.error), None)
        n = sum(len(r.checked) for r in results)
        q.put((time.perf_counter() - t, n, err))
    except BaseException as e:  # noqa: BLE001
        q.put((time.perf_counter() - t, 0, f"{type(e).__name__}: {e}"))


def run_one(path: str, limit: float) -> tuple[float | None, int, str | None]:
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(path, q))
    p.start()
    p.join(limit)
    if p.is_alive():
        p.kill()
        p.join()
        return None, 0, f"timeout after {limit:.0f} s"
    try:
        return q.get(timeout=5)
    except Exception:  # noqa: BLE001
        return None, 0, f"child died (exit {p.exitcode})"


def _profile_child(path: str, q) -> None:
    import cProfile
    import pstats

    from claimcheck.options import Options
    from claimcheck.run.batch import run_parallel

    prof = cProfile.Profile()
    prof.enable()
    list(run_parallel([path], Options(jobs=1, command="check")))
    prof.disable()
    st = pstats.Stats(prof)
    rows = sorted(((v[2], k) for k, v in st.stats.items()), reverse=True)[:3]  # type: ignore[attr-defined]
    total = sum(v[2] for v in st.stats.values()) or 1.0  # type: ignore[attr-defined]
    out = []
    def name(f: str, line: int, fn: str) -> str:
        if f == "~":
            return fn.replace("<method ", "").replace("<built-in method ", "").rstrip(">").replace(" objects", "")
        return (f.split("/claimcheck/")[-1] if "/claimcheck/" in f else Path(f).name) + f":{line} {fn}"

    for t, (f, line, fn) in rows:
        where = name(f, line, fn)
        if f == "~":  # a builtin: name the claimcheck caller that spends most of it
            callers = st.stats[(f, line, fn)][4]  # type: ignore[attr-defined]
            if callers:
                ck = max(callers, key=lambda c: callers[c][2])
                where += " in " + name(*ck)
        out.append(f"{100 * t / total:.0f}% {where}")
    q.put("; ".join(out))


def explain(text: str, suffix: str, work: Path, limit: float) -> str:
    """Where the time goes for a smaller copy of an input (its top three functions by self time)."""
    path = work / f"explain{suffix}"
    path.write_text(text, encoding="utf-8")
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=_profile_child, args=(str(path), q))
    p.start()
    p.join(limit)
    if p.is_alive():
        p.kill()
        p.join()
        return f"(profile did not finish in {limit:.0f} s)"
    try:
        return q.get(timeout=5)
    except Exception:  # noqa: BLE001
        return "(profile failed)"


def warm() -> None:
    from claimcheck import api

    api.check("उत्तर प्रदेश में 96 लाख यूनिट हैं, मुख्य सचिव मनोज कुमार सिंह ने 3 सितंबर को कहा। 12% more.",
              as_of="2024-08-30")
    try:
        from claimcheck.read import markup  # noqa: F401
    except ImportError:
        pass


def long_line(mb: float, work: Path) -> None:
    sentence = " ".join(corpus.OWN_HI + corpus.OWN_EN) + " "
    path = work / "long-line.txt"
    with open(path, "w", encoding="utf-8") as f:
        target, written = int(mb * 2**20), 0
        chunk = sentence * 200
        while written < target:
            f.write(chunk)
            written += len(chunk.encode())
    exe = shutil.which("claimcheck") or str(Path(sys.executable).with_name("claimcheck"))
    t = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        p = subprocess.run(["/usr/bin/time", "-v", exe, "extract", "--format", "jsonl", str(path)], stdout=devnull,
                           stderr=subprocess.PIPE)
    took = time.perf_counter() - t
    m = re.search(rb"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    rss = int(m.group(1)) / 1024 if m else float("nan")
    tail = p.stderr.decode("utf-8", "replace").split("\tCommand being timed")[0].strip()[-300:]
    print(f"\nlong line: {path.stat().st_size / 2**20:.0f} MB on one line, `claimcheck extract`: exit {p.returncode}, "
          f"{took:.0f} s, peak RSS {rss:.0f} MB" + (f"\n  stderr: {tail}" if tail else ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--only", help="comma-separated substrings of input names")
    ap.add_argument("--profile", help="cProfile the input whose name contains this")
    ap.add_argument("--limit", type=float, default=0, help="time limit per input (default: 10x ordinary, >= 30 s)")
    ap.add_argument("--long-line-mb", type=float, default=0)
    ap.add_argument("--no-explain", action="store_true", help="do not profile the inputs outside 3x")
    args = ap.parse_args()
    size = int(args.mb * 2**20)
    work = Path(tempfile.mkdtemp(prefix="claimcheck-adv-"))
    warm()
    cases = inputs(size)
    paths = {}
    for i, (name, (suffix, text)) in enumerate(cases.items()):
        paths[name] = str(work / f"in{i:02d}{suffix}")
        Path(paths[name]).write_text(text, encoding="utf-8")

    if args.profile:
        import cProfile
        import pstats

        name = next(n for n in cases if args.profile in n)
        from claimcheck.options import Options
        from claimcheck.run.batch import run_parallel

        prof = cProfile.Profile()
        prof.enable()
        list(run_parallel([paths[name]], Options(jobs=1, command="check")))
        prof.disable()
        print(f"profile of {name!r}:")
        pstats.Stats(prof).sort_stats("cumulative").print_stats(20)
        return 0

    base_name = "ordinary news (baseline)"
    base, base_n, base_err = run_one(paths[base_name], 3600)
    if base is None or base_err:
        print(f"baseline failed: {base_err}")
        return 1
    limit = args.limit or max(30.0, 10 * base)
    print(f"adversarial inputs of {args.mb:g} MB (UTF-8) through read + extract + check, one process each; "
          f"{corpus.shared_note()}")
    print(f"{'input':34} {'MB':>5} {'seconds':>8} {'x ordinary':>10} {'claims':>7}  result")
    print(f"{base_name:34} {Path(paths[base_name]).stat().st_size / 2**20:5.2f} {base:8.2f} {1:10.2f} "
          f"{base_n:7}  baseline")
    bad = []
    ran = 0
    for name in cases:
        if name == base_name or (args.only and not any(s in name for s in args.only.split(","))):
            continue
        ran += 1
        took, n, err = run_one(paths[name], limit)
        mb = Path(paths[name]).stat().st_size / 2**20
        ratio = (took / base) if took is not None else float("inf")
        verdict = "ok" if ratio <= 3 else "SLOW"
        if err and took is not None and ratio <= 3 and "internal error" not in err:
            verdict = f"ok (refused: {err.split(': ', 1)[-1][:80]})"  # an input error, given in time
        elif err:
            verdict = ("TIMEOUT" if took is None else "ERROR") + f": {err[:110]}"
        if ratio > 3 or verdict.startswith(("TIMEOUT", "ERROR")):
            bad.append(name)
        shown = f"{took:8.2f}" if took is not None else f"{'>' + format(limit, '.0f'):>8}"
        print(f"{name:34} {mb:5.2f} {shown} {ratio:10.2f} {n:7}  {verdict}")
    print(f"\n{ran - len(bad)} of {ran} inputs within 3x ordinary; "
          f"{'outside: ' + ', '.join(bad) if bad else 'none outside'}")
    if bad and not args.no_explain:
        print(f"\nwhere the time goes (cProfile of the same input at {args.mb / 20:g} MB; top three by self time):")
        small = inputs(size // 20)
        for name in bad:
            suffix, text = small[name]
            print(f"  {name}: {explain(text, suffix, work, 40)}")
    if args.long_line_mb:
        long_line(args.long_line_mb, work)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
