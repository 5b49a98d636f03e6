"""Growth: how the time of one stage grows when its input grows k times (linear ≈ k, quadratic ≈ k²).

    python benchmarks/growth.py [--repeat 3]

The figures the test suite used to assert on wall-clock time (and that failed now and then on a loaded machine) are
printed here instead: each case runs the same input at a small and a large size, best of ``--repeat``, and prints
both times and their ratio against the size ratio. Asserts nothing; read the last column ("linear" means the ratio
stays below twice the size ratio; a large size under 50 ms is flagged as likely noise, the slack the tests had).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _best(fn, arg, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn(arg)
        best = min(best, time.perf_counter() - t)
    return best


def cases():
    from claimcheck.find.claims import Context
    from claimcheck.find.dates import finder as dates
    from claimcheck.find.quantities import finder as quantities
    from claimcheck.model import Document
    from claimcheck.read.markup import html_to_document, to_document
    from claimcheck.read.text import fold

    fri = dt.date(2024, 8, 30)

    def quantity_claims(text: str):
        return quantities.find(Context(Document(id="d", text=text), fold(text), fri, "hi"))

    def scan(text: str):
        return dates.scan(fold(text).text, fri)

    yield "date scan, dates in a row", 400, 8, lambda n: "3 सितंबर 2020 से, सितंबर तक, 2021 के बाद " * n, scan
    yield "date scan, one page", 80, 8, lambda n: "बैठक 3 सितंबर के बाद होगी और 2017 से अब तक 90 लाख यूनिट बनीं। " * n, scan
    for unit in ("1 ", "1-", "1,", "1:", "एक ", "दो ", "(1)", "5% ", "a.b "):
        yield f"quantities, run of {unit!r}", 2000, 4, lambda n, u=unit: u * n, quantity_claims
    unit = "बजट में कुल 1. आवेदन 2. भुगतान संख्या 5 करोड़ के पार 20-40 उम्र "
    yield "quantities, context look-arounds", 200, 8, lambda n: unit * n, quantity_claims
    for unit in ("<div ", "<!-- ", "<p><b><i "):
        yield f"html, unclosed {unit!r}", 5000, 8, lambda n, u=unit: u * n, lambda s: html_to_document(s, doc_id="x")
    for src, name, per in [("<div>", "nest.html", 5), ("<!--", "c.html", 1), ("&", "amp.html", 1),
                           ("[", "b.md", 1), ("[a](", "p.md", 4), ("<!--", "c.md", 4), ("*_`", "e.md", 3),
                           ("<", "lt.html", 1)]:
        yield (f"markup {name}, {src!r} repeated", 25_000 // per, 8, lambda n, s=src: s * n,
               lambda s, nm=name: to_document(s, doc_id=nm))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"{'case':44} {'small':>9} {'large':>9} {'k':>3} {'ratio':>7}  growth")
    for name, n, k, make, fn in cases():
        small, large = make(n), make(n * k)
        fn(small)  # warm the patterns
        ts, tl = _best(fn, small, args.repeat), _best(fn, large, args.repeat)
        ratio = tl / max(ts, 1e-9)
        verdict = "linear" if ratio < 2 * k else ("QUADRATIC?" if ratio > k * k / 2 else "super-linear")
        if verdict != "linear" and tl < 0.05:  # the old tests' slack: under 50 ms a ratio is mostly noise
            verdict += " (under 50 ms: noise?)"
        print(f"{name:44} {ts * 1000:8.1f}ms {tl * 1000:8.1f}ms {k:3d} {ratio:6.1f}x  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
