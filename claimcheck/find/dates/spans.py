"""Span bookkeeping for the date finder: overlap resolution and the qualifiers around a date ("से", "तक", "since")."""

from __future__ import annotations

import bisect


def resolve(cands: list[tuple[int, int, dict]]) -> list[tuple[int, int, dict]]:
    """Non-overlapping candidates, longest first, then leftmost (kept intervals stay sorted: O(n log n))."""
    starts: list[int] = []
    kept: list[tuple[int, int, dict]] = []
    for c in sorted(cands, key=lambda c: (c[0] - c[1], c[0])):
        if c[1] <= c[0]:
            continue
        i = bisect.bisect_left(starts, c[0])
        if i < len(kept) and kept[i][0] < c[1] or i > 0 and kept[i - 1][1] > c[0]:
            continue
        starts.insert(i, c[0])
        kept.insert(i, c)
    return kept


def qualify(sc, s: int, e: int, f: dict, lo: int, hi: int) -> tuple[int, int, dict]:
    L = sc.L
    rq = sc.right("r_qual", e)
    if rq and rq.end() <= hi:
        f["qualifier"] = L.q_after[rq.group("q").lower()]
        # a relative date keeps its postposition outside the span: "पिछले वर्ष" is what an editor reads as
        # the date ("पिछले वर्ष से" is that date with qualifier since), as the annotation conventions do
        return s, (e if f.get("subtype") == "relative" else rq.end()), f
    lq = sc.left("l_qual", s, 25)
    if lq and lq.start() >= lo:
        f["qualifier"] = L.q_before[lq.group("q").lower()]
        return lq.start(), e, f
    return s, e, f


def future(sc, s: int, e: int) -> bool:
    """Whether the sentence around [s, e) speaks of the future (a future marker of [weekdays.future])."""
    t, lo, hi = sc.t, max(0, s - 250), min(len(sc.t), e + 250)
    start = lo
    for m in sc.R["sent_end"].finditer(t, lo, s):
        start = m.end()
    m2 = sc.R["sent_end"].search(t, e, hi)
    return bool(sc.R["future"].search(t, start, m2.start() if m2 else hi))
