"""Date finder: dates, years, fiscal years, decades, centuries, weekdays and relative dates in Hindi and English.

Works on folded text (``ctx.folded.text``) by anchoring on a cheap token (a month name, a weekday, a four-digit
number, "तारीख", "बजे", …) and reading the few tokens around it with small anchored patterns. Values are ISO 8601
at the precision the text gives ("2024-09-03", "2024-09", "2017"); what the text leaves implicit (the year of
"3 सितंबर", the date of "शुक्रवार", "पिछले महीने") is resolved against ``ctx.anchor``, the article's date; with no
article date, a date keeps no year ("--09-03") and a relative date no value (the machine's clock is never read).
Ranges, fiscal years and quarters (periods.py), decades, centuries and open years ("pre-2014") carry
``low``/``high``. A day the month lacks ("31 सितंबर") is kept with subtype "impossible_date" for the verdict to
flag. Word lists live in ``claimcheck/data/dates.toml``.

dateparser is not called here: every form read comes apart into pieces the lexicon maps exactly, at a small fraction
of the cost of ``dateparser.search_dates``; the tests use dateparser as an oracle for the spans both can read.
"""

from __future__ import annotations

import datetime as _dt

from claimcheck import cache
from claimcheck.find.dates import periods, spans
from claimcheck.find.dates.calendar import _add_months, _fy_start, _iso, _nth_weekday, valid_day
from claimcheck.find.dates.lexicon import Lex, lex
from claimcheck.find.dates.lexicon import patterns as _re
from claimcheck.read.text import run_spans

_DIGIT = cache.compile(r"\p{N}")

_COMMA_GAP = cache.compile(r"[\s,]*")

# ------------------------------------------------------------------------------------------------ helpers


def _day(tok: str | None, L: Lex) -> int | None:
    """Day of month 1..31 written as digits, a number word or a feminine ordinal ("पहली"), else None."""
    if not tok:
        return None
    t = tok.lower()
    if t in L.ord_day:
        return L.ord_day[t]
    m = _re()["day_digits"].fullmatch(t)
    v = int(m.group(1)) if m else _word(t)
    if v is None and t.endswith(L.ord_suffix):
        v = _word(_re()["day_suffix"].sub("", t))
    return v if v is not None and 1 <= v <= 31 else None


def _word(w: str) -> int | None:
    try:  # the numbers helper's word grammar; dates still work (digits only) without it
        from claimcheck.find.numbers import word_value
    except ImportError:  # pragma: no cover
        return None
    try:
        return word_value(w)
    except Exception:  # pragma: no cover - defensive: never let a neighbour's bug stop extraction
        return None


def anchor_hits(t: str, L: Lex) -> list[tuple[int, int, str]]:
    """(start, end, word) of every word of ``t`` that can anchor a date: Devanagari anchors first, then Latin ones
    (matched without case), each in text order. Every anchor is one word, so the document's words are looked up
    (text.run_spans) rather than the text scanned for every form."""
    words = [(s, e, t[s:e]) for s, e in run_spans(t, L.anchor_keys)]
    n = len(t)
    hits = [(s, e, w) for s, e, w in words
            if not w.isascii() and w in L.anchors  # Devanagari: as written, not next to a digit
            and not (s and _DIGIT.match(t, s - 1)) and not (e < n and _DIGIT.match(t, e))]
    return hits + [(s, e, w) for s, e, w in words if w.isascii() and w.isalpha()]


class _Scan:
    """One pass over a folded text: candidates as (start, end, fields) before overlap resolution."""

    def __init__(self, text: str, anchor: _dt.date | None):
        # with no article date, values that depend on it are computed from a stand-in and then dropped (``_rel``),
        # and a date without a year keeps none ("--09-03"): the machine's clock is never read
        self.t, self.anchor, self.L, self.R = text, anchor, lex(), _re()
        self.a = anchor or _dt.date(2000, 1, 3)
        self.ay = anchor.year if anchor else None
        self.quarter_hits: list[tuple[int, int]] = []  # "तिमाही", "quarter": read once the financial years are
        self.out: list[tuple[int, int, dict]] = []

    def add(self, s: int, e: int, **f) -> None:
        self.out.append((s, e, f))

    def day(self, tok: str | None) -> int | None:
        return _day(tok, self.L)

    def left(self, name: str, s: int, width: int = 60):
        return self.R[name].match(self.t, max(0, s - width), s)

    def right(self, name: str, e: int):
        return self.R[name].match(self.t, e)

    def prev_tok(self, s: int) -> str:
        m = self.left("l_tok", s, 30)
        return m.group("t").lower() if m else ""

    def next_tok(self, e: int) -> str:
        m = self.right("r_tok", e)
        return m.group("t").lower() if m else ""

    def words(self) -> None:
        """Dispatch every word that can anchor a date (month, weekday, तारीख, सदी, बजे, …) to its reader."""
        anchors, t = self.L.anchors, self.t
        hits = anchor_hits(t, self.L)
        for s, e, w in hits:
            for k in anchors[w.lower()]:
                try:
                    getattr(self, "at_" + k)(s, e, w)
                except (OverflowError, ValueError):  # a resolved date outside years 1..9999: no claim
                    continue

    # ---------------------------------------------------------------------------------------- months
    def at_month(self, s: int, e: int, word: str) -> None:
        L, key = self.L, word.lower()
        m = L.month.get(key) or L.abbr.get(key)
        latin = word.isascii()
        if latin and not word[0].isupper():
            return
        if key in L.abbr and key not in L.month and self.t[e:e + 1] == ".":
            e += 1
        year = day = None
        ld = self.left("l_day", s)
        if ld and (d := _day(ld.group("d"), L)) is not None:
            s2 = ld.start("d")
            d1 = _day(ld.group("d1"), L) if ld.group("d1") else None
            if d1 is not None and d1 < d:
                s2 = ld.start("d1")
            else:
                d1 = None
            if d1 is None and periods.date_range(self, s2, e, m, d, "r_dm_range"):  # "11 अगस्त से 17 सितंबर 2022"
                return
            ry = self.right("r_year", e)
            if ry:
                year, e = int(ry.group("y")), ry.end()
            y = year if year is not None else self.ay
            if d1 is not None:
                lo, hi = _iso(y, m, d1), _iso(y, m, d)
                if lo and hi:
                    self.add(s2, e, low=lo, high=hi, subtype="date_range")
            elif self._date(s2, e, y, m, d, year):
                # "5 और 6 सितंबर", "1, 2 और 3 मार्च": the days listed before are dates too
                while (ll := self.left("l_listday", s2, 30)) and (d0 := _day(ll.group("d1"), L)) is not None \
                        and d0 < d and (v0 := _iso(y, m, d0)):
                    self.add(ll.start("d1"), ll.end("d1"), value=v0)
                    s2, d = ll.start("d1"), d0
            return
        ry = self.right("r_year", e)
        if ry:
            year = int(ry.group("y"))
        else:
            rd = self.right("r_day", e)
            if rd and (d := _day(rd.group("d"), L)) is not None and self._day_end_ok(rd.end("d")):
                day, de = d, rd.end()
                if periods.date_range(self, s, de, m, day, "r_md_range"):  # "August 11 to September 17, 2022"
                    return
                rr = self.right("r_dayrange", de)  # "September 25 to 29"
                d2 = int(rr.group("d")) if rr and day < int(rr.group("d")) <= 31 and self._day_end_ok(rr.end()) else None
                ry = self.right("r_year", rr.end() if d2 else de)
                if ry:
                    year, de = int(ry.group("y")), ry.end()
                elif d2:
                    de = rr.end()
                y = year if year is not None else self.ay
                if d2 and (lo := _iso(y, m, day)) and (hi := _iso(y, m, d2)):
                    self.add(s, de, low=lo, high=hi, subtype="date_range")
                elif not d2:
                    self._date(s, de, y, m, day, year)
                return
        rm = self.right("r_month", e)
        if rm and (m2 := L.month.get(rm.group("m").lower()) or L.abbr.get(rm.group("m").lower())) and m2 != m:
            # "May-June 2020", "April to June 2024", "अप्रैल से जून", "नवंबर से फरवरी": a range of months; without a
            # shared year only between full month names (or with a hyphen)
            ry2 = self.right("r_year", rm.end())
            full = key in L.month and rm.group("m").lower() in L.month
            if rm.group("j").lower() in L.range_strict or ry2 or full:
                y2 = int(ry2.group("y")) if ry2 else (self.ay + (m2 < m) if self.ay else None)
                y1 = y2 - (m2 < m) if y2 else None  # a range across the new year ends in the year written
                self.add(s, ry2.end() if ry2 else rm.end(), low=_iso(y1, m), high=_iso(y2, m2), subtype="date_range",
                         **({} if ry2 else {"_ay": 1}))
                return
        if year is not None:
            self.add(s, ry.end(), value=_iso(year, m))
        elif key in L.month and self._month_alone_ok(s, e, word, latin):  # "जन", "Jan" alone are not months
            # "पिछले साल अक्तूबर में", "in October last year": the month of that year
            lr, rr = self.left("l_relyear", s, 30), self.right("r_relyear", e)
            ly = self.left("l_yearof", s, 16) or self.right("r_ofyear", e)  # "2015 के जुलाई", "July of 2015"
            if ly and L.ymin <= int(ly.group("y")) <= L.ymax:
                self.add(min(s, ly.start()), max(e, ly.end()), value=_iso(int(ly.group("y")), m))
            elif lr or rr:
                step = L.step[L.rel[(lr or rr).group("r").lower()]]
                self.add(lr.start() if lr else s, e if lr else rr.end(), value=_iso(self.a.year + step, m), _rel=1)
            else:
                self.add(s, e, value=_iso(self.ay, m))

    def _date(self, s: int, e: int, y: int | None, m: int, d: int, written: int | None) -> bool:
        """Add the date y-m-d; a day the month never has ("31 सितंबर", "30 February 2023", 29 February of a year
        written and not leap) is kept as a claim with subtype "impossible_date" and no value, for the verdict to
        flag. A 29 February whose year came from the article date keeps no year ("--02-29")."""
        v = _iso(y, m, d)
        if v is None and valid_day(m, d, written):
            v = _iso(None, m, d)
        if v is not None:
            self.add(s, e, value=v)
            return True
        self.add(s, e, value=None, subtype="impossible_date")
        return False

    def _day_end_ok(self, e: int) -> bool:
        """A day written after the month ("March 31") must not be the start of an amount ("मार्च 20 लाख")."""
        if self.t[e:e + 1] in ",." and self.t[e + 1:e + 2].isdigit():
            return False  # "March, 12,34,567 guarantees": digit groups of an amount, not a day
        nt = self.next_tok(e)
        if nt[:1].isdigit():  # "Jan 19 2025": a year may follow the day
            return len(nt) == 4 and self.L.ymin <= int(nt) <= self.L.ymax and bool(self.right("r_year", e))
        return nt not in self.L.amount_words

    def _month_alone_ok(self, s: int, e: int, word: str, latin: bool) -> bool:
        L = self.L
        pt, nt = self.prev_tok(s), self.next_tok(e)
        if latin:
            if word.lower() not in L.en_ambiguous:
                return True
            if pt in L.cue_before or pt in L.weak_cue_before or pt in L.rel:
                return True
            if pt in L.month_joiners:
                ps = self.left("l_tok", s, 30)
                return bool(ps) and self.prev_tok(ps.start()) in L.month
            return False
        return pt not in L.month_not_before and nt not in L.month_not_after

    # -------------------------------------------------------------------------------------- weekdays
    def at_weekday(self, s: int, e: int, word: str) -> None:
        L, a = self.L, self.a
        if word.isascii() and not word[0].isupper():
            return
        if word.isascii() and len(word) <= 5:
            if self.t[e:e + 1] != ".":
                return  # "Sun", "Sat" without the abbreviation dot are ordinary words
            e += 1
        if self.prev_tok(s) in L.recurring:
            return
        w = L.weekday[word.lower()]
        nth = self.left("l_nth", s)
        if nth:
            k = L.ord_week[nth.group("o").lower()]
            if nth.group("m"):
                y, m = a.year, L.month.get(nth.group("m").lower()) or L.abbr[nth.group("m").lower()]
            else:
                y, m = _add_months(a, L.step[L.rel[nth.group("r").lower()]])
            if v := _nth_weekday(y, m, w, k):
                self.add(nth.start(), e, value=v, subtype="weekday", _rel=1)
            return
        lo = self.left("l_ord", s, 20)
        if lo and lo.group("o").lower() not in L.week_needs_month:
            if v := _nth_weekday(a.year, a.month, w, L.ord_week[lo.group("o").lower()]):
                self.add(lo.start(), e, value=v, subtype="weekday", _rel=1)
            return
        rel = self.left("l_rel", s, 40)
        if rel:
            direction = L.rel[rel.group("r").lower()]
            monday = a - _dt.timedelta(days=a.weekday())
            if rel.group("wk") or direction == "this":
                d = monday + _dt.timedelta(days=7 * L.step[direction] + w)
            elif direction == "past":
                d = a - _dt.timedelta(days=(a.weekday() - w) % 7 or 7)
            else:
                d = a + _dt.timedelta(days=(w - a.weekday()) % 7 or 7)
            self.add(rel.start(), e, value=d.isoformat(), subtype="weekday", _rel=1)
            return
        if spans.future(self, s, e):  # "बैठक सोमवार को होगी": the next one (the article's own day counts)
            d = a + _dt.timedelta(days=(w - a.weekday()) % 7)
        else:
            d = a - _dt.timedelta(days=(a.weekday() - w) % 7)
        self.add(s, e, value=d.isoformat(), subtype="weekday", _bare=w, _rel=1)

    # ------------------------------------------------------------------------------ other word anchors
    def at_rel(self, s: int, e: int, word: str) -> None:
        L, a = self.L, self.a
        m = self.right("r_relunit", s)
        if not m or (step := L.step[L.rel[m.group("r").lower()]]) == 0:
            return  # "इस महीने", "this year": the article's own period, like "आज"
        if m.group("fy"):
            y = _fy_start(a) + step
            self.add(s, m.end(), low=f"{y}", high=f"{y + 1}", subtype="fiscal_year", _rel=1)
            return
        unit = L.unit[m.group("u").lower()]
        if unit == "month":
            y, mo = _add_months(a, step)
            rd = self.right("r_ofday", m.end())
            if rd and (d := _day(rd.group("d"), L)) and (v := _iso(y, mo, d)):
                self.add(s, rd.end(), value=v, _rel=1)  # "अगले महीने की 20 तारीख"
            else:
                self.add(s, m.end(), value=_iso(y, mo), subtype="relative", _rel=1)
        elif unit == "year":
            self.add(s, m.end(), value=f"{a.year + step}", subtype="relative", _rel=1)
        elif unit == "week":
            mon = a - _dt.timedelta(days=a.weekday() - 7 * step)
            self.add(s, m.end(), low=mon.isoformat(), high=(mon + _dt.timedelta(days=6)).isoformat(),
                     subtype="relative", _rel=1)

    def at_dayunit(self, s: int, e: int, word: str) -> None:
        """"दो दिन पहले" / "3 days ago": a date N days before (or after) the article date."""
        ra = self.right("r_ago", e)
        ln = self.left("l_num", s, 30) if ra else None
        n = _number(ln.group("n")) if ln else None
        if n is not None and 1 <= n <= 366 and self.prev_tok(ln.start("n")) not in self.L.event_before:
            sign = -1 if self.L.ago[ra.group("a").lower()] == "before" else 1
            self.add(ln.start("n"), ra.end(), value=(self.a + _dt.timedelta(days=sign * n)).isoformat(),
                     subtype="relative", _rel=1)

    def at_tarikh(self, s: int, e: int, word: str) -> None:
        ln = self.left("l_num", s, 30)
        d = _day(ln.group("n"), self.L) if ln else None
        if d is not None and (v := _iso(self.a.year, self.a.month, d)):
            self.add(ln.start("n"), e, value=v, _rel=1)

    def at_century(self, s: int, e: int, word: str) -> None:
        ln = self.left("l_num", s, 30)
        n = ln.group("n").lower() if ln else ""
        if n.endswith(self.L.ord_suffix) and not n.isdigit():
            sfx = "".join(self.L.day_suffix_en) + "".join(s[0] for s in self.L.day_suffix_hi)  # "5th", "5वीं" -> 5
            k = int(n[:2].rstrip(sfx)) if n[:1].isdigit() else _word(self.R["day_suffix"].sub("", n))
            if k and 1 <= k <= 30:
                self.add(ln.start("n"), e, low=f"{(k - 1) * 100 + 1}", high=f"{k * 100}", subtype="century")

    def at_decade(self, s: int, e: int, word: str) -> None:
        ln = self.left("l_decade", s, 12)
        if ln:
            y = int(ln.group("n")) if ln.group("n") else 1900 + int(ln.group("n2"))
            if y % 10 == 0:
                self.add(ln.start(), e, low=f"{y}", high=f"{y + 9}", subtype="decade")

    def at_quarter(self, s: int, e: int, word: str) -> None:
        self.quarter_hits.append((s, e))

    def at_ambig(self, s: int, e: int, word: str) -> None:
        if self.t[s - 1:s] != "-" and self.t[e:e + 1] != "-":
            self.add(s, e, value=None, subtype="ambiguous")

    def at_oclock(self, s: int, e: int, word: str) -> None:
        L = self.L
        lt = self.left("l_time", s, 40)
        if not lt:
            return
        h, mi, start = int(lt.group("h")), int(lt.group("mi") or 0), lt.start("h")
        rm = self.right("r_minutes", e)
        if rm:
            mi, e = int(rm.group("mm")), rm.end()
        if lt.group("f") and not lt.group("mi"):
            f = L.time_frac[lt.group("f")]
            (h, mi), start = ((h - 1, 60 + f) if f < 0 else (h, f)), lt.start("f")
        p = lt.group("p")
        if p and h < 12 and (p in L.pm_before or p in L.night_before and h >= 5):
            h += 12
        elif p and h == 12 and p in L.night_before:
            h = 0  # "रात 12 बजे" is midnight
        if 0 <= h <= 23 and mi < 60:
            self.add(start, e, value=f"T{h:02d}:{mi:02d}", subtype="time")

    # ----------------------------------------------------------------------------------------- years
    def years(self) -> None:
        L = self.L
        for my in self.R["year"].finditer(self.t):
            s, e = my.start(), my.end()
            y, y2s = int(my.group("y")), my.group("y2")
            fiscal = self.left("l_fiscal", s, 30)
            if y2s:
                y2 = int(y2s) if len(y2s) == 4 else y // 100 * 100 + int(y2s)
                if len(y2s) == 2 and y2 <= y:
                    y2 += 100  # "1999-00", "1998-03"
                if len(y2s) == 2 and y2 == y + 1 and L.ymin <= y <= L.ymax:  # "2019-20": a financial year
                    self.add(fiscal.start() if fiscal else s, e, low=f"{y}", high=f"{y2}", subtype="fiscal_year")
                    continue
                # "2002-2003", "2003-17" (a short second year names the years up to it): a range of years
                if y < y2 <= y + (200 if len(y2s) == 4 else 99) and L.ymin <= y and y2 <= L.ymax and \
                        self._year_ctx(s, e) is not None:
                    sub = "fiscal_year" if fiscal and y2 == y + 1 else "year_range"
                    self.add(fiscal.start() if fiscal else s, e, low=f"{y}", high=f"{y2}", subtype=sub)
                    continue
                e = my.end("y")
            if not L.ymin <= y <= L.ymax:
                continue
            if fiscal:
                self.add(fiscal.start(), e, low=f"{y - 1}", high=f"{y}", subtype="fiscal_year")
                continue
            rd = self.right("r_decade", e)
            if rd and y % 10 == 0:
                self.add(s, rd.end(), low=f"{y}", high=f"{y + 9}", subtype="decade")
                continue
            ctx = self._year_ctx(s, e)
            if ctx is None:
                continue
            lr = self.left("l_range_y", s, 24)
            if lr and lr.group("j").lower() in L.and_words and not (lr.group("b") or self.right("r_range_end", e)):
                lr = None
            if lr and L.ymin <= int(lr.group("y1")) < y and self._year_ctx(lr.start("y1"), lr.end("y1"), True) == "":
                self.add(lr.start(), e, low=lr.group("y1"), high=f"{y}", subtype="year_range")
                continue
            self.add(s, e, value=f"{y}", subtype=ctx or None)

    def _year_ctx(self, s: int, e: int, left_only: bool = False) -> str | None:
        """'' for a plain year, 'in_name' for a year in a name, None when the number is an amount, not a year."""
        L = self.L
        lt = self.left("l_tok", s, 30)
        raw = lt.group("t") if lt else ""
        pt = raw.lower()
        if pt in L.amount_before or self.right("r_amount", e):
            return None
        rn = self.right("r_tok", e)
        raw_next = rn.group("t") if rn else ""
        nt = raw_next.lower()
        ok_after = not nt or not nt[:1].isalnum() and nt not in ("%", "₹", "$") or nt in L.ok_after or nt in L.month \
            or nt not in L.amount_words and bool(self.R["r_event"].match(self.t, rn.end())) if rn else not nt
        if pt in L.cue_before or pt in L.month:
            return "" if (ok_after or left_only or nt not in L.amount_words) else None
        if pt in L.weak_cue_before and (ok_after or left_only or raw_next.isascii() and raw_next[:1].isupper()):
            return ""
        if pt in L.modifier_before and raw_next.isascii() and raw_next.isalpha() and raw_next.islower() \
                and not raw_next.endswith("s") and nt not in L.amount_words:
            return ""  # "a 2018 judgment", "the 1995 verdict": a count would take a plural ("the 2000 votes")
        if not left_only and self.right("r_to_num", e):
            return None  # "1950 से 2000 लोग": a range of amounts (a year range was tried before)
        if not ok_after and not left_only:
            return None
        if pt and (pt[:1].isalpha() or pt[-1:].isalpha()) and pt not in L.function_before and pt not in L.rel:
            if raw.isascii() and not raw[:1].isupper():
                return ""
            return "in_name"
        return ""

    # ---------------------------------------------------------------------------------- digit anchors


def _number(tok: str) -> int | None:
    return int(tok) if tok.isdigit() else _word(tok.lower())


def scan(text: str, anchor: _dt.date | None) -> list[tuple[int, int, dict]]:
    """Date candidates in folded ``text`` as (start, end, fields), non-overlapping, qualifiers attached."""
    sc = _Scan(text, anchor)
    sc.words()
    sc.years()
    periods.fiscal(sc)
    periods.quarters(sc, sc.quarter_hits)
    periods.open_years(sc)
    periods.numeric(sc)
    kept = spans.resolve(sc.out)
    out: list[tuple[int, int, dict]] = []
    i = 0
    while i < len(kept):
        s, e, f = kept[i]
        # "सोमवार, 12 जनवरी 2016", "Friday, October 25": two mentions; the weekday names the date that follows it
        # when the two agree (a full date of another weekday leaves the weekday read on its own)
        w = f.pop("_bare", None)
        if w is not None and i + 1 < len(kept):
            s2, _, f2 = kept[i + 1]
            v2 = f2.get("value")
            if _COMMA_GAP.fullmatch(text[e:s2]) and isinstance(v2, str) and len(v2) == 10 and v2[:1].isdigit() \
                    and _dt.date.fromisoformat(v2).weekday() == w:
                f["value"] = v2
                f.pop("_rel", None)
        if f.get("subtype") not in ("time", "ambiguous", "date_range", "year_range", "open_range", "fiscal_quarter"):
            s, e, f = spans.qualify(sc, s, e, f, out[-1][1] if out else 0,
                               kept[i + 1][0] if i + 1 < len(kept) else len(text))
        out.append((s, e, f))
        i += 1
    return out


def find(ctx) -> list:
    """Date claims in ``ctx`` (kind "date"), values resolved against ``ctx.anchor``."""
    out = []
    for s, e, f in scan(ctx.folded.text, ctx.anchor):
        if f.get("_rel") and ctx.anchor is None:  # relative to an article date nobody gave: left unresolved
            f["value"] = f["low"] = f["high"] = None
        fields = {k: v for k, v in f.items() if v is not None and not k.startswith("_")}
        out.append(ctx.claim("date", s, e, **fields))
    return out
