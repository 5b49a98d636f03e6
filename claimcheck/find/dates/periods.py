"""Periods the date finder reads after the years: financial years written "FY25", quarters of a financial year
("Q3 FY25", "Q3FY25", "वित्त वर्ष 2024-25 की तीसरी तिमाही", "the third quarter of FY25") and open intervals around a
year ("pre-2014", "post-2020"); and the forms anchored on digits alone (numeric dates, clock times).

Each function takes the finder's scan (``finder._Scan``: the folded text, the lexicon, the patterns and the
candidates so far) and adds candidates to it. A quarter written with an ordinal and a quarter word takes its
financial year from a fiscal-year candidate already read next to it, so :func:`quarters` runs after the years.
"""

from __future__ import annotations

import datetime as _dt

from claimcheck.find.dates import spans
from claimcheck.find.dates.calendar import _add_months, _fy_start, _iso, _yy


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
    """An ordinal and a quarter word and the financial year it belongs to:

    - written next to it: "वित्त वर्ष 2024-25 की तीसरी तिमाही" (the year, a genitive or nothing, the ordinal), "the
      third quarter of FY25" (the ordinal, "of", the year): one mention over both;
    - the current one: "चालू वित्त वर्ष की दूसरी तिमाही" (from the article date);
    - the one the text is about: "पहली तिमाही" alone takes the financial year of the nearest year-bearing mention
      before it in the same paragraph, when that is a financial year or a quarter of one (a calendar year, a
      relative year or nothing before it: no date).

    A month range without a year in parentheses beside the quarter ("तीसरी तिमाही (अक्टूबर-दिसंबर)", "(जनवरी-मार्च)
    चौथी तिमाही") takes its year from that financial year."""
    if not hits:
        return
    L = sc.L
    fys = sorted((s, e, f) for s, e, f in sc.out if f.get("subtype") == "fiscal_year" and not f.get("_rel"))
    by_end = {e: (s, f) for s, e, f in fys}
    by_start = {s: (e, f) for s, e, f in fys}
    for s, e in hits:
        lo = sc.left("l_qord", s, 20)
        if not lo:
            continue
        q = L.ord_quarter[lo.group("o").lower()]
        start, end, fy_end, rel = lo.start(), e, None, False
        of = sc.left("l_qof", lo.start(), 12)  # "… 2024-25 की तीसरी", "… 2024-25 तीसरी"
        if of is not None and of.start() in by_end:
            start, f = by_end[of.start()]
            fy_end = int(f["high"])
        elif (ro := sc.right("r_qof", e)) and ro.end() in by_start:  # "third quarter of (the) FY25"
            end, f = by_start[ro.end()]
            fy_end = int(f["high"])
        elif cur := sc.left("l_qcur", lo.start(), 40):  # "चालू वित्त वर्ष की दूसरी तिमाही"
            start, fy_end, rel = cur.start(), _fy_start(sc.a) + 1, True
        else:
            fy_end = _context_fy(sc, start)
        if fy_end is None:
            continue
        a, b = quarter_months(sc, fy_end, q)
        sc.add(start, end, low=a, high=b, subtype="fiscal_quarter", _fy=fy_end, **({"_rel": 1} if rel else {}))
        if not rel:
            _year_months_beside(sc, start, end, fy_end)


_YEARISH = ("fiscal_year", "fiscal_quarter", "year_range", "relative", "decade", "century")


def _context_fy(sc, s: int) -> int | None:
    """The financial year of the nearest year-bearing mention before ``s`` in its paragraph, if it is fiscal."""
    lo = max(0, s - 400, sc.t.rfind("\n", 0, s) + 1)
    best = None
    for cs, ce, f in spans.resolve([c for c in sc.out if lo <= c[0] and c[1] <= s]):  # as they will be reported
        v = f.get("value")
        if f.get("subtype") in _YEARISH or isinstance(v, str) and len(v) == 4:
            best = (cs, ce, f)  # resolve() gives them in text order: the last is the nearest
    if best is None or best[2].get("_rel") or best[2].get("subtype") not in ("fiscal_year", "fiscal_quarter"):
        return None
    f = best[2]
    return f["_fy"] if "_fy" in f else int(f["high"])


def _year_months_beside(sc, qs: int, qe: int, fy_end: int) -> None:
    """Give a yearless month range in parentheses right before or after a quarter the years of its financial
    year (a month from April on is in the year the financial year starts)."""
    for i, (cs, ce, f) in enumerate(sc.out):
        if not f.get("_ay") or f.get("subtype") != "date_range":
            continue
        if sc.R["paren_open"].fullmatch(sc.t, qe, cs) or sc.R["paren_close"].fullmatch(sc.t, ce, qs):
            m1, m2 = int(f["low"][-2:]), int(f["high"][-2:])
            f = {**f, "low": _iso(fy_end - (m1 >= sc.L.fy_start), m1), "high": _iso(fy_end - (m2 >= sc.L.fy_start), m2)}
            f.pop("_ay")
            sc.out[i] = (cs, ce, f)


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


def numeric(sc) -> None:
    """Dates written in digits ("15.04.2022", "2022-04-15", "02.05.21") and clock times ("08:04 AM")."""
    for m in sc.R["numdate"].finditer(sc.t):
        if m.group("d"):
            d, mo, y = int(m.group("d")), int(m.group("m")), _yy(m.group("y"), sc.anchor)
        else:
            d, mo, y = int(m.group("d2")), int(m.group("m2")), int(m.group("y4"))
        if 1 <= mo <= 12 and (v := _iso(y, mo, d)):
            sc.add(m.start(), m.end(), value=v)
    for m in sc.R["ampm"].finditer(sc.t):
        h, mi = int(m.group("h")), int(m.group("mi"))
        if sc.L.ampm[m.group("ap").lower()] == "pm" and h < 12:
            h += 12
        if h <= 24 and mi < 60:
            sc.add(m.start(), m.end(), value=f"T{h:02d}:{mi:02d}", subtype="time")


def date_range(sc, s: int, e: int, m: int, d: int, name: str) -> bool:
    """A first date without a year, a range joiner and a second date with one: a range in the year written;
    without a year, only with a range end after it ("के बीच"): then in the article's year. Two dates with
    their years make a range only when a dash joins them ("from … to …" stays two dates: since, until)."""
    r = sc.right(name, e)
    if not r:
        return False
    L = sc.L
    m2, d2 = L.month.get(r.group("m").lower()) or L.abbr.get(r.group("m").lower()), sc.day(r.group("d"))
    if r.group("y1"):  # "2nd January 2023-7th January 2023": two full dates joined by a dash
        if not (r.group("y") and r.group("j") in L.range_strict and d2 is not None):
            return False
        lo, hi = _iso(int(r.group("y1")), m, d), _iso(int(r.group("y")), m2, d2)
        if lo and hi and lo < hi:
            sc.add(s, r.end(), low=lo, high=hi, subtype="date_range")
            return True
        return False
    if r.group("y"):
        y2 = int(r.group("y"))
    elif sc.right("r_range_end", r.end()):  # "27 मार्च से 29 अप्रैल के बीच": a range in the article's year
        y2 = sc.ay + ((m2, d2) < (m, d)) if sc.ay else None
    else:
        return False
    if d2 is None or (m2, d2) == (m, d):
        return False
    y1 = y2 - 1 if y2 is not None and (m2, d2) < (m, d) else y2
    lo, hi = _iso(y1, m, d), _iso(y2, m2, d2)
    if not (lo and hi):
        return False
    sc.add(s, r.end(), low=lo, high=hi, subtype="date_range")
    return True
