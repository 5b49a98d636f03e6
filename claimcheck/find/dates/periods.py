"""Periods the date finder reads after the years: financial years written "FY25", quarters of a financial year
("Q3 FY25", "Q3FY25", "वित्त वर्ष 2024-25 की तीसरी तिमाही", "the third quarter of FY25") and open intervals around a
year ("pre-2014", "post-2020").

Each function takes the finder's scan (``finder._Scan``: the folded text, the lexicon, the patterns and the
candidates so far) and adds candidates to it. A quarter written with an ordinal and a quarter word takes its
financial year from a fiscal-year candidate already read next to it, so :func:`quarters` runs after the years.
"""

from __future__ import annotations

import datetime as _dt

from claimcheck.find.dates.calendar import _add_months, _iso, _yy


def _fy_end(y: str, y2: str | None, anchor) -> int | None:
    """The calendar year a financial year ends in: "25" and "2025" -> 2025, "2024-25" and "2024-2025" -> 2025."""
    end = _yy(y, anchor)
    if y2 is not None:
        e2 = _yy(y2, anchor) if len(y2) == 4 else end // 100 * 100 + int(y2)
        if len(y2) == 2 and e2 <= end:
            e2 += 100  # "1999-00"
        if e2 != end + 1:
            return None  # "2019-22" is not one financial year
        end = e2
    return end


def quarter_months(sc, fy_end: int, q: int) -> tuple[str, str]:
    """First and last month of quarter ``q`` of the financial year ending in ``fy_end`` (ISO "YYYY-MM")."""
    start = _dt.date(fy_end - 1, sc.L.fy_start, 1)
    y1, m1 = _add_months(start, 3 * (q - 1))
    y2, m2 = _add_months(start, 3 * q - 1)
    return _iso(y1, m1), _iso(y2, m2)


def fiscal(sc) -> None:
    """"FY25", "FY 2024-25": financial years; "Q3 FY25", "Q3FY25", "FY25 Q3", "Q1 FY2024-25": their quarters."""
    for mf in sc.R["fy"].finditer(sc.t):
        y = _yy(mf.group("y"), sc.anchor)
        if mf.group("y2"):
            y += 1
        sc.add(mf.start(), mf.end(), low=f"{y - 1}", high=f"{y}", subtype="fiscal_year")
    for mq in sc.R["fq"].finditer(sc.t):
        b = "b" if mq.group("qb") else ""
        end = _fy_end(mq.group("y" + b), mq.group("y2" + b), sc.anchor)
        if end is not None and sc.L.ymin < end <= sc.L.ymax:
            lo, hi = quarter_months(sc, end, int(mq.group("q" + b)))
            sc.add(mq.start(), mq.end(), low=lo, high=hi, subtype="fiscal_quarter")


def quarters(sc, hits: list[tuple[int, int]]) -> None:
    """An ordinal and a quarter word next to a financial year read before: "वित्त वर्ष 2024-25 की तीसरी तिमाही"
    (the year, a genitive or nothing, the ordinal), "the third quarter of FY25" (the ordinal, "of", the year). A
    quarter word with no financial year next to it is no date ("तीसरी तिमाही में" alone)."""
    if not hits:
        return
    fys = sorted((s, e, f) for s, e, f in sc.out if f.get("subtype") == "fiscal_year" and not f.get("_rel"))
    if not fys:
        return
    by_end = {e: (s, f) for s, e, f in fys}
    by_start = {s: (e, f) for s, e, f in fys}
    for s, e in hits:
        lo = sc.left("l_qord", s, 20)
        if not lo:
            continue
        q = sc.L.ord_quarter[lo.group("o").lower()]
        fy = None
        of = sc.left("l_qof", lo.start(), 12)  # "… 2024-25 की तीसरी", "… 2024-25 तीसरी"
        if of is not None and of.start() in by_end:
            start, fy = by_end[of.start()]
            end = e
        elif (ro := sc.right("r_qof", e)) and ro.end() in by_start:  # "third quarter of (the) FY25"
            end, fy = by_start[ro.end()]
            start = lo.start()
        if fy is not None:
            a, b = quarter_months(sc, int(fy["high"]), q)
            sc.add(start, end, low=a, high=b, subtype="fiscal_quarter")


def open_years(sc) -> None:
    """"pre-2014" (before 2014: high 2014, qualifier before), "post-2020" (low 2020, qualifier after)."""
    L = sc.L
    for m in sc.R["prepost"].finditer(sc.t):
        y = int(m.group("y"))
        if not L.ymin <= y <= L.ymax:
            continue
        if m.group("p").lower() in L.open_before:
            sc.add(m.start(), m.end(), high=f"{y}", qualifier="before", subtype="open_range")
        else:
            sc.add(m.start(), m.end(), low=f"{y}", qualifier="after", subtype="open_range")
