"""Chain coverage of the single-holder head posts (Chief Minister, Governor, Lieutenant Governor, Administrator):
the share of days from 2014-01-01 (or the post's first tenure, if later) to today that some tenure of the post
covers. Open tenures run to today; a month or year bound covers its whole month or year; unknown bounds count as not
covered.

    python reference_data/scripts/coverage.py [--since 2014-01-01] [--today YYYY-MM-DD] [--weakest 5]
"""
import argparse
import csv
import datetime as dt
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
HEADS = (".chief-minister", ".governor", ".lieutenant-governor", ".administrator")


def day(s, end=False):
    """A full date, or a month or year read as its first day (a start) or its last day (an end)."""
    s = (s or "").strip()
    try:
        if len(s) >= 10:
            return dt.date.fromisoformat(s[:10])
        if len(s) == 7:
            y, m = int(s[:4]), int(s[5:7])
            if not end:
                return dt.date(y, m, 1)
            return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
        if len(s) == 4:
            return dt.date(int(s), 12, 31) if end else dt.date(int(s), 1, 1)
    except ValueError:
        return None
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--since", default="2014-01-01")
    ap.add_argument("--today", default=dt.date.today().isoformat())
    ap.add_argument("--weakest", type=int, default=5)
    a = ap.parse_args()
    since, today = dt.date.fromisoformat(a.since), dt.date.fromisoformat(a.today)
    posts = [r["position_id"] for r in csv.DictReader(open(HERE / "positions.csv", encoding="utf-8"))
             if r["position_id"].endswith(HEADS) and r["position_id"].startswith("in-")]
    tenures = list(csv.DictReader(open(HERE / "tenures.csv", encoding="utf-8")))
    cov = {}
    for p in posts:
        spans = []
        for t in tenures:
            if t["position_id"] != p:
                continue
            s, e = day(t["start"]), day(t["end"], end=True) if t["end"] else today
            if s is None or e is None:
                continue
            spans.append((max(s, since), min(e, today)))
        starts = [day(t["start"]) for t in tenures if t["position_id"] == p and day(t["start"])]
        lo = max(since, min(starts)) if starts and min(starts) > since else since
        covered = set()
        for s, e in spans:
            d = s
            while d <= e:
                if d >= lo:
                    covered.add(d)
                d += dt.timedelta(days=1)
        total = (today - lo).days + 1
        cov[p] = len(covered) / total if total > 0 else 0.0
    mean = sum(cov.values()) / len(cov)
    print(f"{len(cov)} head posts (CM, Governor, LG, Administrator), {a.since} to {a.today}: mean coverage {mean:.3f}")
    for p, c in sorted(cov.items(), key=lambda kv: kv[1])[:a.weakest]:
        print(f"  {p}: {c:.3f}")


if __name__ == "__main__":
    main()
