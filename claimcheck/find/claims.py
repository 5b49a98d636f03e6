"""Extraction stage: run every claim finder over a document and merge what they find into one claim list.

Finders live in their own modules (numbers/quantities, dates, officeholders) and share one signature:
``find(ctx: Context) -> list[Claim]``, reading ``ctx.folded.text`` and reporting original offsets via
``ctx.claim(...)``. This module owns the merge: overlapping candidates are resolved (longer span first, then
kind priority), the teaser line of another article is marked, and lines/columns are attached.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
from dataclasses import dataclass
from typing import Any, Callable

import regex

from claimcheck import cache
from claimcheck.model import Claim, Document
from claimcheck.read.text import Folded, fold, fold_string

# When two candidates overlap and have the same length, the earlier kind in this list wins.
_PRIORITY = {k: i for i, k in enumerate(("officeholder", "ranking", "date", "money", "percent", "duration", "quantity"))}

_DEVANAGARI = cache.compile(r"\p{Devanagari}")
_LATIN = cache.compile(r"[A-Za-z]")


@functools.cache
def _teaser() -> regex.Pattern:
    """Teaser lines ("ये भी पढ़ें- …", "Also Read: …"; the phrases are in dates.toml): from the phrase to the end of
    its line, on folded text."""
    from claimcheck.find import lexicon

    phrases = sorted({r"\s+".join(regex.escape(w) for w in fold_string(f).split())
                      for f in lexicon.load("dates")["teaser"]["forms"]}, key=lambda p: (-len(p), p))
    return cache.compile(rf"(?m)^[ \t]*(?:{'|'.join(phrases)})(?![\p{{L}}\p{{M}}]).*$", regex.IGNORECASE)


_END = float("inf")


@dataclass(frozen=True, slots=True)
class Context:
    """What a finder sees: the document, its folded text, the anchor date and the language; and, when the
    extraction stage made it, where lines and teaser lines are (so a claim gets its line, column and
    outside-body mark when it is made, not copied afterwards)."""

    doc: Document
    folded: Folded
    anchor: _dt.date | None  # the article's date (or --as-of); None when neither is known: never the clock's date
    lang: str
    locate: Callable[[int], tuple[int, int]] | None = None
    teasers: tuple[tuple[int, int], ...] = ()  # original spans of teaser lines, sorted and disjoint

    def claim(self, kind: str, fstart: int, fend: int, **fields: Any) -> Claim:
        """A claim over the folded span [fstart, fend), with its offsets mapped back to the original text."""
        s, e = self.folded.span(fstart, fend)
        if self.locate is not None:
            fields["line"], fields["col"] = self.locate(s)
            k = bisect.bisect_right(self.teasers, (s, _END)) - 1  # the last teaser starting at or before s
            if k >= 0 and s < self.teasers[k][1]:
                fields["outside_body"] = True
        return Claim(doc=self.doc.id, kind=kind, text=self.doc.text[s:e], start=s, end=e, **fields)


def detect_lang(text: str) -> str:
    """'hi' when Devanagari letters outnumber Latin ones, else 'en'."""
    dev = len(_DEVANAGARI.findall(text[:20000]))
    lat = len(_LATIN.findall(text[:20000]))
    return "hi" if dev >= lat else "en"


def _finders() -> list[Callable[[Context], list[Claim]]]:
    from claimcheck.find.dates import finder as dates
    from claimcheck.find.officeholders import finder as officeholders
    from claimcheck.find.quantities import finder as quantities
    from claimcheck.find import rankings

    return [quantities.find, dates.find, officeholders.find, rankings.find]


def extract_document(doc: Document, *, as_of: _dt.date | None = None) -> list[Claim]:
    """Every claim in ``doc``, sorted by position. Never raises on odd text."""
    anchor = doc.date or as_of  # a date without a year takes its year from here, never from the machine's clock
    lang = doc.lang if doc.lang in ("hi", "en") else detect_lang(doc.text)
    folded = fold(doc.text)
    teasers = tuple(folded.span(m.start(), m.end()) for m in _teaser().finditer(folded.text))  # one per line
    ctx = Context(doc=doc, folded=folded, anchor=anchor, lang=lang, locate=doc.locator(), teasers=teasers)
    cands: list[Claim] = []
    for find in _finders():
        cands.extend(find(ctx))
    return resolve_overlaps(cands)


def resolve_overlaps(cands: list[Claim]) -> list[Claim]:
    """Keep a set of non-overlapping claims: longest span first, then kind priority, then leftmost."""
    order = sorted(cands, key=lambda c: (-(c.end - c.start), _PRIORITY.get(c.kind, 99), c.start))
    # kept spans are disjoint and kept sorted, so only the neighbours of an insertion point can overlap
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Claim] = []
    for c in order:
        if c.end <= c.start:
            continue
        i = bisect.bisect_right(starts, c.start)
        if (i and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        kept.insert(i, c)
    return kept
