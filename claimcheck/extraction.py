"""Extraction stage: run every claim finder over a document and merge what they find into one claim list.

Finders live in their own modules (numbers/quantities, dates, officeholders) and share one signature:
``find(ctx: Context) -> list[Claim]``, reading ``ctx.folded.text`` and reporting original offsets via
``ctx.claim(...)``. This module owns the merge: overlapping candidates are resolved (longer span first, then
kind priority), the teaser line of another article is marked, and lines/columns are attached.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from dataclasses import dataclass, replace
from typing import Any, Callable

import regex

from .model import Claim, Document
from .text import Folded, fold

# When two candidates overlap and have the same length, the earlier kind in this list wins.
_PRIORITY = {k: i for i, k in enumerate(("officeholder", "ranking", "date", "money", "percent", "duration", "quantity"))}

_DEVANAGARI = regex.compile(r"\p{Devanagari}")
_LATIN = regex.compile(r"[A-Za-z]")
# "ये भी पढ़ें-" / "यह भी पढ़ें:" / "Also Read:" teasers: from the marker to the end of its line
_TEASER = regex.compile(r"(?m)^[ \t]*(?:(?:ये|यह|इसे)\s+भी\s+पढ(?:ें|े|िए)|also\s+read)(?![\p{L}\p{M}]).*$",
                        regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Context:
    """What a finder sees: the document, its folded text, the anchor date and the language."""

    doc: Document
    folded: Folded
    anchor: _dt.date
    lang: str

    def claim(self, kind: str, fstart: int, fend: int, **fields: Any) -> Claim:
        """A claim over the folded span [fstart, fend), with its offsets mapped back to the original text."""
        s, e = self.folded.span(fstart, fend)
        return Claim(doc=self.doc.id, kind=kind, text=self.doc.text[s:e], start=s, end=e, **fields)


def detect_lang(text: str) -> str:
    """'hi' when Devanagari letters outnumber Latin ones, else 'en'."""
    dev = len(_DEVANAGARI.findall(text[:20000]))
    lat = len(_LATIN.findall(text[:20000]))
    return "hi" if dev >= lat else "en"


def _finders() -> list[Callable[[Context], list[Claim]]]:
    from . import dates, officeholders, quantities, rankings

    return [quantities.find, dates.find, officeholders.find, rankings.find]


def extract_document(doc: Document, *, as_of: _dt.date | None = None) -> list[Claim]:
    """Every claim in ``doc``, sorted by position. Never raises on odd text."""
    anchor = doc.date or as_of or _dt.date.today()
    lang = doc.lang if doc.lang in ("hi", "en") else detect_lang(doc.text)
    ctx = Context(doc=doc, folded=fold(doc.text), anchor=anchor, lang=lang)
    cands: list[Claim] = []
    for find in _finders():
        cands.extend(find(ctx))
    claims = resolve_overlaps(cands)
    teasers = [ctx.folded.span(m.start(), m.end()) for m in _TEASER.finditer(ctx.folded.text)]
    teaser_starts = [a for a, _ in teasers]  # sorted and disjoint (one per line)
    out = []
    locate = doc.locator()
    for c in claims:
        line, col = locate(c.start)
        k = bisect.bisect_right(teaser_starts, c.start) - 1
        outside = k >= 0 and c.start < teasers[k][1]
        out.append(replace(c, line=line, col=col, outside_body=outside or c.outside_body))
    return out


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
