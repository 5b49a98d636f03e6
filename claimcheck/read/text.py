"""Clean stage: fold Unicode variants for matching while keeping a map back to the caller's offsets.

Folding (for matching only, never for what is reported):
- Devanagari digits → ASCII digits; chandrabindu → anusvara; precomposed nukta letters (क़…य़, ऩ ऱ ऴ) → base letter;
  the combining nukta (U+093C) is dropped; a nasal consonant + virama before a consonant (न्द) → anusvara (ंद);
- zero-width joiners/non-joiners, word joiner, soft hyphen, direction marks and BOM are dropped;
- NBSP and other spaces → ' '; dashes and the minus sign → '-'; curly quotes → straight quotes;
- a vowel sign split in two by font conversion or OCR (ा + े for ो, ा + ै for ौ, अ + ा for आ) → the one letter.

:func:`fold` returns a :class:`Folded` whose ``span`` maps a folded (start, end) back to the original text.
Length-preserving changes are one-to-one character translations; only deletions and 2→1 changes build
breakpoints, so clean text costs two regex scans.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from dataclasses import dataclass

import regex

from claimcheck import cache

_ONE_TO_ONE = {
    **{0x0966 + i: ord("0") + i for i in range(10)},  # Devanagari digits
    0x0901: 0x0902,  # chandrabindu -> anusvara
    0x0958: 0x0915, 0x0959: 0x0916, 0x095A: 0x0917, 0x095B: 0x091C,  # क़ ख़ ग़ ज़
    0x095C: 0x0921, 0x095D: 0x0922, 0x095E: 0x092B, 0x095F: 0x092F,  # ड़ ढ़ फ़ य़
    0x0929: 0x0928, 0x0931: 0x0930, 0x0934: 0x0933,  # ऩ ऱ ऴ ("फऱवरी", "औऱ" in converted fonts)
    0x00A0: 0x20, 0x2007: 0x20, 0x2009: 0x20, 0x200A: 0x20, 0x202F: 0x20, 0x3000: 0x20, 0x2002: 0x20,
    0x2003: 0x20, 0x0009: 0x20,
    0x2010: 0x2D, 0x2011: 0x2D, 0x2012: 0x2D, 0x2013: 0x2D, 0x2014: 0x2D, 0x2015: 0x2D, 0x2212: 0x2D,
    0x2018: 0x27, 0x2019: 0x27, 0x201C: 0x22, 0x201D: 0x22,
}
# translate() looks every character up; the characters to change are rare in news text, so a longer text is
# scanned for them (one compiled character class) and only the runs found are translated
_ONE_RE = cache.compile("[" + "".join(regex.escape(chr(k)) for k in _ONE_TO_ONE) + "]+")


def _one_to_one(s: str) -> str:
    if len(s) < 256:
        return s.translate(_ONE_TO_ONE)
    return _ONE_RE.sub(_one_repl, s)


def _one_repl(m: regex.Match) -> str:
    return m.group().translate(_ONE_TO_ONE)


_DROP = "\u093C\u200B\u200C\u200D\u2060\uFEFF\u00AD\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069"
# A vowel sign split in two by font conversion or OCR ("कराेड़": ा + े for ो; "अाज": अ + ा for आ) is one letter.
_SPLIT_VOWELS = {"\u093E\u0947": "\u094B", "\u093E\u0948": "\u094C", "\u0905\u093E": "\u0906"}
_EDIT = cache.compile(rf"[{_DROP}]+|[ङञणनम]\u094D(?=[क-ह])|{'|'.join(_SPLIT_VOWELS)}")


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text plus breakpoints: folded[fpos[k] + d] came from original[opos[k] + d]."""

    original: str
    text: str
    fpos: tuple[int, ...] = (0,)
    opos: tuple[int, ...] = (0,)

    def orig(self, i: int) -> int:
        """Original offset of folded offset ``i`` (a start position)."""
        k = bisect.bisect_right(self.fpos, i) - 1
        return self.opos[k] + (i - self.fpos[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of folded [start, end); a trailing combining nukta stays inside the span."""
        if end <= start:
            o = self.orig(start)
            return o, o
        s = self.orig(start)
        e = self.orig(end - 1) + 1
        n = len(self.original)
        while e < n and self.original[e] in "\u093C\u094D" and self.original[e - 1] != "\u094D":
            e += 1
        if e < n and self.original[e - 1:e + 1] in _SPLIT_VOWELS:  # the folded letter ends with both halves
            e += 1
        return s, e


def fold_string(s: str) -> str:
    """Fold a word or phrase (e.g. a lexicon entry) the same way documents are folded."""
    return _EDIT.sub(_edit_repl, _one_to_one(s))


def _edit_repl(m: regex.Match) -> str:
    g = m.group()
    if g[-1] == "\u094D":
        return "ं"
    return _SPLIT_VOWELS.get(g, "")


@functools.lru_cache(maxsize=4)  # extraction and checking fold the same document
def fold(text: str) -> Folded:
    t = _one_to_one(text)
    pieces: list[str] = []
    fpos, opos = [0], [0]
    last = 0
    flen = 0
    for m in _EDIT.finditer(t):
        pieces.append(t[last:m.start()])
        flen += m.start() - last
        rep = _edit_repl(m)
        if rep:
            pieces.append(rep)
            flen += 1
            # the anusvara stands for the nasal consonant; the virama is dropped
            fpos.append(flen)
            opos.append(m.end())
        else:
            fpos.append(flen)
            opos.append(m.end())
        last = m.end()
    if len(fpos) == 1:
        return Folded(text, t)
    pieces.append(t[last:])
    return Folded(text, "".join(pieces), tuple(fpos), tuple(opos))


# --- word runs: the cheap first pass of the finders ------------------------------------------------------------
# A finder's pattern that begins with a word from its vocabulary after a left word boundary can only match where a
# maximal run of letters and combining marks begins. One split per document gives every run and its offset; a
# finder then tries its (costly) pattern only at the runs whose casefolded form starts one of its entries, instead
# of letting the regex engine try its alternations at every position of the text.
_RUN = cache.compile(r"([\p{L}\p{M}]+)")


@functools.lru_cache(maxsize=4)
def runs(text: str) -> tuple[list[str], list[int], list[int]]:
    """(casefolded runs of letters and marks, their start offsets, their end offsets) of ``text``; cached for the
    few texts of one document."""
    parts = _RUN.split(text)  # separator, run, separator, run, ..., separator
    ends = list(itertools.accumulate(map(len, parts)))
    return list(map(str.casefold, parts[1::2])), ends[0::2], ends[1::2]


def first_run(entry: str) -> str:
    """The leading run of letters and marks of a lexicon entry, casefolded ("dozens of" -> "dozens"); '' when the
    entry does not begin with a letter."""
    m = _RUN.match(entry)
    return m.group().casefold() if m else ""


def last_run(entry: str) -> str:
    """The trailing run of letters and marks of an entry, casefolded ("us rs" -> "rs"); '' when it ends otherwise."""
    parts = _RUN.split(entry)
    return parts[-2].casefold() if len(parts) >= 3 and parts[-1] == "" else ""


def run_starts(text: str, keys: frozenset[str] | set[str]) -> list[int]:
    """Sorted offsets where a run of letters and marks whose casefolded form is in ``keys`` begins."""
    words, starts, _ = runs(text)
    return [s for w, s in zip(words, starts) if w in keys]


def word_starts(text: str, firsts: frozenset[str]) -> list[int] | None:
    """:func:`run_starts` for the first words of a pattern's forms (see :func:`first_run`); None when some form
    does not begin with a letter, so the pattern may begin anywhere."""
    return None if "" in firsts else run_starts(text, firsts)


def searcher(pattern: regex.Pattern, text: str, starts: list[int] | None):
    """A function ``pos -> pattern.search(text, pos)`` for non-decreasing ``pos`` that tries the pattern only at the
    sorted offsets ``starts`` where a match can begin (None: everywhere)."""
    if starts is None:
        return functools.partial(pattern.search, text)
    match = pattern.match
    n = len(starts)
    i = 0

    def search(pos: int):
        nonlocal i
        while i < n and starts[i] < pos:
            i += 1
        while i < n:
            m = match(text, starts[i])
            if m is not None:
                return m
            i += 1
        return None

    return search


def run_spans(text: str, keys: frozenset[str] | set[str]) -> list[tuple[int, int]]:
    """(start, end) of every run of letters and marks whose casefolded form is in ``keys``, in order."""
    words, starts, ends = runs(text)
    return [(s, e) for w, s, e in zip(words, starts, ends) if w in keys]


def run_inner_starts(text: str, prefixes: tuple[str, ...]) -> list[int]:
    """Offsets just after a prefix from ``prefixes`` (casefolded) at the start of a longer run: where a word glued
    to a currency word begins ("Rsfive" -> the offset of "five")."""
    if not prefixes:
        return []
    words, starts, _ = runs(text)
    out = []
    for w, s in zip(words, starts):
        if w.startswith(prefixes):
            out.extend(s + len(p) for p in prefixes
                       if len(w) > len(p) and w.startswith(p) and text[s:s + len(p)].casefold() == p)
    return out
