"""Which state a state-level title without a written jurisdiction belongs to ("मुख्यमंत्री X", "Governor Y").

There is no fixed default state. For a mention at [start, end) of a document the state comes from, in order:

1. the mention's own sentence: the state named nearest to it (before it first);
2. the text before the sentence (headline and earlier sentences): the state named most often there (the latest
   on a tie);
3. the dateline: "लखनऊ, 12 मार्च (भाषा)", "BHOPAL:", "नई दिल्ली, … (एजेंसी)", "Bhubaneswar:", as
   :mod:`claimcheck.find.datelines` reads it (the frames read the same datelines); the nearest dateline before the
   mention, else the first one;
4. the text after the sentence (most often named).

A region named in a comparison ("यूपी की तरह", "like Uttar Pradesh") is skipped, and so are the Union capital
("नई दिल्ली": a meeting place, counted only as a dateline) and ambiguous abbreviations ("MP", "एमपी") in running
text (``[jurisdiction]`` in ``data/titles.toml``). :func:`state_for` returns the code and how it was found, or
``(None, why)``. The judge first asks the person's own record (a post of that title held on the date anywhere)
and uses this state only when that does not decide.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import regex

from claimcheck import cache
from claimcheck.find import datelines, lexicon
from claimcheck.read.text import fold, fold_string

# the city gazetteer and the dateline reader are the find stage's (claimcheck.find.datelines)
_check_cities, cities = datelines._check_cities, datelines.cities


def _alt(names) -> str:
    return "|".join(regex.escape(n) for n in sorted(set(names), key=lambda n: (-len(n), n)))


_B = r"(?<![\p{L}\p{M}\p{N}])"
_E = r"(?![\p{L}\p{M}\p{N}])"


@functools.cache
def _vocab():
    d = lexicon.load("titles").get("jurisdiction", {})
    regions: dict[str, str] = {}  # folded name (English lower-cased) -> code, states and territories only
    ambiguous = {fold_string(a) for a in d.get("ambiguous", [])}
    capital = {fold_string(c).lower() for c in d.get("capital", [])}
    cased: list[str] = []  # all-capitals abbreviations, matched case-sensitively ("UP", not "set up")
    for code, v in lexicon.load("regions").items():
        if code == "IN" or v.get("country"):
            continue
        for nm in v.get("hi", []) + v.get("en", []):
            f = fold_string(nm)
            if f in ambiguous or f.lower() in capital:
                continue
            if regex.fullmatch(r"[A-Z.&]+", f):
                cased.append(f)
                regions[f] = code
            else:
                regions[f.lower()] = code
    plain = [n for n in regions if n not in cased]
    region_re = cache.compile(rf"{_B}(?:(?i:{_alt(plain)})|{_alt(cased)}){_E}")
    after = _alt(fold_string(w) for w in d.get("comparison_after", []))
    before = _alt(fold_string(w).lower() for w in d.get("comparison_before", []))
    comp_after = cache.compile(rf"\s*(?:{after}){_E}") if after else None
    comp_before = cache.compile(rf"(?i:{_B}(?:{before}))\s*$") if before else None
    cap_re = cache.compile(rf"(?i:{_B}(?:{_alt(capital)}){_E})") if capital else None
    return regions, region_re, comp_after, comp_before, cap_re


_SENT = cache.compile(r"[।?!\n|]|(?<![A-Z][a-z]?|\b[A-Z])\.(?=\s)")


@dataclass(frozen=True)
class _Doc:
    """Per document: folded text, sentence starts, region mentions (folded offset, code) and datelines."""

    folded: object
    sent_starts: tuple[int, ...]
    mentions: tuple[tuple[int, str], ...]
    datelines: tuple[tuple[int, str], ...]


@functools.lru_cache(maxsize=8)
def _doc(text: str) -> _Doc:
    regions, region_re, comp_after, comp_before, cap_re = _vocab()
    f = fold(text)
    t = f.text
    starts = [0] + [m.end() for m in _SENT.finditer(t)]
    dls, masked = [], []
    for dl in datelines.read(text):
        a, b = _to_folded(f, dl.start), _to_folded(f, dl.end)
        masked.append((a, b))
        if dl.code is not None:  # "Delhi/Hyderabad": two states, no decision
            dls.append((a, dl.code))
    if cap_re is not None:
        masked.extend(m.span() for m in cap_re.finditer(t))  # "नई दिल्ली" in running text: a place to meet
    mentions = []
    for m in region_re.finditer(t):
        if any(a <= m.start() < b for a, b in masked):
            continue
        if comp_after is not None and comp_after.match(t, m.end()):
            continue
        if comp_before is not None and comp_before.search(t[max(0, m.start() - 20):m.start()]):
            continue
        g = m.group()
        code = regions.get(g) or regions.get(g.lower())
        if code:
            mentions.append((m.start(), code))
    return _Doc(f, tuple(starts), tuple(mentions), tuple(dls))


def _to_folded(f, pos: int) -> int:
    """Folded offset of original offset ``pos`` (the nearest breakpoint at or before it)."""
    k = bisect.bisect_right(f.opos, pos) - 1
    return f.fpos[k] + (pos - f.opos[k]) if k >= 0 else pos


def _most(mentions) -> str | None:
    counts: dict[str, list[int]] = {}
    for pos, code in mentions:
        c = counts.setdefault(code, [0, 0])
        c[0] += 1
        c[1] = max(c[1], pos)
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k][0], counts[k][1], k))


def state_for(text: str, start: int, end: int) -> tuple[str | None, str]:
    """(ISO code, how it was found) for a mention at original [start, end) of ``text``; (None, why) when the
    text does not say."""
    if not text:
        return None, "no text to read a state from"
    d = _doc(text)
    fs, fe = _to_folded(d.folded, start), _to_folded(d.folded, end)
    k = bisect.bisect_right(d.sent_starts, fs) - 1
    s_lo = d.sent_starts[k] if k >= 0 else 0
    s_hi = next((s for s in d.sent_starts if s > fe), len(d.folded.text) + 1)
    own = [(p, c) for p, c in d.mentions if s_lo <= p < s_hi and not fs <= p < fe]
    if own:
        before = [x for x in own if x[0] < fs]
        p, code = before[-1] if before else own[0]
        return code, "named in the same sentence"
    earlier = _most([x for x in d.mentions if x[0] < s_lo])
    if earlier:
        return earlier, "named earlier in the article"
    dl = [x for x in d.datelines if x[0] <= fs]
    if dl or d.datelines:
        code = (dl[-1] if dl else d.datelines[0])[1]
        return code, "from the dateline"
    later = _most([x for x in d.mentions if x[0] >= s_hi])
    if later:
        return later, "named later in the article"
    return None, "the article names no state (not in the sentence, before or after it) and has no dateline"
