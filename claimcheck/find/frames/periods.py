"""When a figure is about: the period stated in its clause or sentence, less the dateline's date, the day something
was said, and where a count started."""

from __future__ import annotations


import regex

from claimcheck.model import Claim
from claimcheck.read.text import fold_string
from claimcheck.find import datelines
from claimcheck.find.frames.words import _ends_with, _lex


_ISO = regex.compile(r"\d{4}(?:-\d{2}){0,2}")


_ADJACENT = 20  # characters between a figure and the date that is its own ("22.9 per cent in 2022-23")


def _period(text: str, c: Claim, lo: int, hi: int, s0: int, s1: int, dates: list[Claim],
            others, doc_date: str | None, figures: tuple = (), english: bool = False) -> str | None:
    """The period the figure describes: a date range ("1 जुलाई 2020 से 1 अप्रैल 2022 तक" -> a/b), "up to" a date
    ("28 फरवरी 2026 तक" -> /2026-02-28), a financial year, a month or a day. Dates of the dateline or the article's
    own date (when it was said) are not periods of the figure."""

    def usable(d: Claim) -> bool:
        if d.subtype in ("weekday", "relative", "age", "duration", "decade", "century") or d.value == doc_date:
            return False
        if datelines.date_at(text, d.start, d.end):
            return False
        lx = _lex()  # the day something was said: "ने 3 सितंबर को बताया", "said on March 3"
        if lx.said_after.match(fold_string(text[d.end:d.end + 24]).lstrip()) or _ends_with(
                lx.said_before, text[max(0, d.start - 16):d.start]):
            return False
        # "since its launch in July 2020", "पोर्टल शुरू होने के बाद": where a count starts, not what it describes
        return not _lex().period_start.search(fold_string(text[max(0, d.start - 24):d.start]))

    def anothers(d: Claim) -> bool:
        # a date written next to another figure is that figure's: after it in English ("22.9 per cent in 2022-23
        # to 26.2 per cent in 2023-24"), before it in Hindi ("2022-23 में 22.9 प्रतिशत से 2023-24 में 26.2 प्रतिशत")
        if english:
            return any(a_end <= d.start < c.start and d.start - a_end <= _ADJACENT for _, a_end in figures)
        return any(c.end <= d.end <= a_start and a_start - d.end <= _ADJACENT for a_start, _ in figures)

    def pick(lo_: int, hi_: int) -> list[Claim]:
        return [d for d in dates if lo_ <= d.start and d.end <= hi_ and usable(d) and not anothers(d)]

    for lo_, hi_ in ((lo, hi), (s0, s1)):
        found = pick(lo_, hi_)
        if found and (lo_, hi_) != (lo, hi):
            spans = others()
            found = [d for d in found if not any(a <= d.start and d.end <= b for a, b in spans)]
        periods = _compose(found)
        if len(set(periods)) == 1 or (periods and (lo_, hi_) == (lo, hi)):
            return periods[0] if len(set(periods)) == 1 else _nearest_period(c, found)
    return None


def _compose(found: list[Claim]) -> list[str]:
    out = []
    i = 0
    while i < len(found):
        d = found[i]
        if d.qualifier == "since" and isinstance(d.value, str):
            if i + 1 < len(found) and isinstance(found[i + 1].value, str) and found[i + 1].start - d.end < 40:
                out.append(f"{d.value}/{found[i + 1].value}")
                i += 2
                continue
            i += 1
            continue
        p = _period_of(d)
        if p:
            out.append(p)
        i += 1
    return out


def _nearest_period(c: Claim, found: list[Claim]) -> str | None:
    best = min(found, key=lambda d: min(abs(d.start - c.end), abs(c.start - d.end)))
    return _period_of(best)


def _period_of(d: Claim) -> str | None:
    if d.qualifier in ("since", "after", "before"):
        return None
    if d.subtype == "fiscal_year" and d.low and d.high:
        return f"{d.low}-{str(d.high)[-2:]}"
    if isinstance(d.value, str) and _ISO.fullmatch(d.value):
        return f"/{d.value}" if d.qualifier == "until" else d.value
    if d.low and d.high and isinstance(d.low, str) and isinstance(d.high, str):
        return f"{d.low}/{d.high}"
    return None
