"""Datelines: where and when a story was filed, at the head of a line — "लखनऊ, 5 मार्च (भाषा)", "NEW DELHI, March 5
(PTI) -", "BHOPAL:", "Kolkata/Hyderabad:". One reading per document, shared by every stage that must not take a
dateline for content: the frames (a dateline's place is not the region of a figure, its date is not a figure's
period) and the officeholder judge (a dateline's state is the state of a title the text does not place).

- :func:`read`: the document's datelines. A dateline is a line that opens with a place (a city of
  ``data/cities.toml``, a state or territory of ``data/regions.toml`` other than the ambiguous abbreviations, or the
  Union capital; ``[jurisdiction]`` in ``data/titles.toml``), optionally a second place after "/", followed by the
  separator that opens the story (",", ":", "।", "|", "- ", "–", "—", after an optional bracketed agency or bureau),
  a digit (its date) or a bracket, or with an agency of ``statistics.toml [cue.dateline]`` in brackets close after it.
  Its state is the one its place(s) name (none when two places name two states).
- :func:`place_at`: whether a place mention lies in a dateline's place.
- :func:`date_at`: whether a date mention is a dateline's date: inside a short line head (no sentence mark before
  it) and followed by what opens a story (a bracketed agency, a colon, a dash), whether or not the place is known.

Offsets are into the text as given; names are matched on folded text (:func:`claimcheck.read.text.fold`).
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import regex

from claimcheck import cache
from claimcheck.errors import DataError
from claimcheck.find import lexicon
from claimcheck.read.text import fold, fold_string

_CODE = regex.compile(r"^IN-[A-Z]{2}$")
_B = r"(?<![\p{L}\p{M}\p{N}])"
_E = r"(?![\p{L}\p{M}\p{N}])"
_HEAD_CHARS = 30  # a dateline's date stands this close to the head of its line
_SENTENCE_MARK = regex.compile(r"[।.!?]")
_STORY_OPENS = regex.compile(r"\s*(?:\(|\|\||:|-|–|—)")


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int  # its first place
    end: int  # after its separator
    places: tuple[tuple[int, int], ...]
    code: str | None  # the state its place(s) name; None for two states


def _check_cities(raw: dict, regions: dict) -> dict[str, str]:
    """``{folded lower-case city name: code}`` from the parsed cities file, or DataError naming what is wrong."""
    out: dict[str, str] = {}
    region_names = {}
    for code, v in regions.items():
        for nm in v.get("hi", []) + v.get("en", []):
            region_names[fold_string(nm).lower()] = code
    for code, v in raw.items():
        if not isinstance(v, dict) or not _CODE.match(code) or code not in regions:
            raise DataError(f"cities.toml: [{code}] is not a state or territory code of regions.toml")
        extra = set(v) - {"hi", "en"}
        if extra:
            raise DataError(f"cities.toml: [{code}] has unknown keys {sorted(extra)} (allowed: hi, en)")
        for lang in ("hi", "en"):
            names = v.get(lang, [])
            if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
                raise DataError(f"cities.toml: [{code}] {lang} must be a list of non-empty strings")
            for n in names:
                if lang == "hi" and not regex.search(r"\p{Devanagari}", n):
                    raise DataError(f"cities.toml: [{code}] hi name {n!r} is not in Devanagari")
                if lang == "en" and regex.search(r"\p{Devanagari}", n):
                    raise DataError(f"cities.toml: [{code}] en name {n!r} is in Devanagari")
                k = fold_string(n).lower()
                if out.get(k, code) != code:
                    raise DataError(f"cities.toml: {n!r} is listed under both [{out[k]}] and [{code}]")
                if region_names.get(k, code) != code:
                    raise DataError(f"cities.toml: {n!r} under [{code}] is the name of region {region_names[k]}")
                out[k] = code
    return out


@functools.cache
def cities() -> dict[str, str]:
    """The city gazetteer: folded lower-case name -> ISO code (validated on load)."""
    return _check_cities(lexicon.load("cities"), lexicon.load("regions"))


def _alt(names) -> str:
    return "|".join(regex.escape(n) for n in sorted(set(names), key=lambda n: (-len(n), n)))


@functools.cache
def places() -> dict[str, str]:
    """Every place a dateline may name: folded lower-case name -> state or territory code."""
    d = lexicon.load("titles").get("jurisdiction", {})
    ambiguous = {fold_string(a).lower() for a in d.get("ambiguous", [])}
    capital = {fold_string(c).lower() for c in d.get("capital", [])}
    out = dict(cities())
    for code, v in lexicon.load("regions").items():
        if code == "IN" or v.get("country"):
            continue
        for nm in v.get("hi", []) + v.get("en", []):
            k = fold_string(nm).lower()
            if k not in ambiguous and k not in capital:
                out.setdefault(k, code)
    for c in capital:
        out.setdefault(c, "IN-DL")
    return out


@functools.cache
def _pattern() -> tuple[regex.Pattern, regex.Pattern, tuple[str, ...]]:
    place = _alt(places())
    cue = lexicon.load("statistics")["cue"]["dateline"]
    agencies = tuple(fold_string(a) for a in cue.get("agencies", []))
    # words that may begin a place's line without being a place themselves ("नयी दिल्ली" when only "दिल्ली" is known)
    prefix = _alt(fold_string(w) for w in cue.get("place_prefixes", []))
    head = rf"(?m)^[ \t\[\]\"'“‘]*(?:(?:{prefix})\s+)?" if prefix else r"(?m)^[ \t\[\]\"'“‘]*"
    names = rf"(?i:(?P<c>{place})(?:\s*/\s*(?P<c2>{place}))?){_E}"
    pat = cache.compile(rf"{head}{names}(?:\s*(?:\([^)\n]{{1,40}}\)\s*)?(?:[,:।|]|-\s|–|—)|(?=\s*[\d(]))")
    return pat, cache.compile(head + names), agencies


@functools.lru_cache(maxsize=8)  # every figure and title of a document asks
def read(text: str) -> tuple[Dateline, ...]:
    """The datelines of ``text``, in order."""
    pat, plain, agencies = _pattern()
    f = fold(text)
    t = f.text
    table = places()
    out: list[Dateline] = []
    seen: set[int] = set()
    for m in pat.finditer(t):
        out.append(_dateline(f, m, table))
        seen.add(m.start())
    for m in plain.finditer(t):  # a place with an agency close after it: "लखनऊ 5 मार्च (भाषा)"
        if m.start() in seen:
            continue
        tail = t[m.end():m.end() + 60]
        if any(f"({a})" in tail or f"({a} " in tail for a in agencies):
            out.append(_dateline(f, m, table))
    out.sort(key=lambda d: d.start)
    return tuple(out)


def _dateline(f, m: regex.Match, table: dict[str, str]) -> Dateline:
    spans = [m.span("c")] + ([m.span("c2")] if m.group("c2") else [])
    codes = {table[m.group("c").lower()]} | ({table[m.group("c2").lower()]} if m.group("c2") else set())
    return Dateline(f.span(*m.span("c"))[0], f.span(m.start(), m.end())[1], tuple(f.span(a, b) for a, b in spans),
                    codes.pop() if len(codes) == 1 else None)


def place_at(text: str, start: int, end: int) -> bool:
    """Whether the place mention at [start, end) of ``text`` overlaps a dateline's place ("नई दिल्ली" over the
    dateline's "दिल्ली")."""
    dls = read(text)
    k = bisect.bisect_right(dls, end, key=lambda d: d.start) - 1
    return k >= 0 and any(start < b and a < end for a, b in dls[k].places)


def date_at(text: str, start: int, end: int) -> bool:
    """Whether the date mention at [start, end) is a dateline's date: near the head of its line (no sentence mark
    before it), before the agency or the dash that opens the story."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    if len(head) > _HEAD_CHARS or _SENTENCE_MARK.search(head):
        return False
    return bool(_STORY_OPENS.match(text[end:end + 30]))
