"""Verdict stage: pair every claim with a verdict, dispatching by kind.

Officeholders go to :mod:`claimcheck.judge.officeholders.judge`, statistics and rankings to :mod:`claimcheck.judge.statistics`. A claim no table
covers is ``unverifiable`` with a message that says why; a claim outside the article body (the teaser of another
article) is not checked. The verdict's date is the article's date.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools

from claimcheck.judge import statistics as stats
from claimcheck.model import CheckedClaim, Claim, Document, Verdict
from claimcheck.read.text import fold_string

_SENTENCE_END = "।?!\n"


_NO_TABLE = "no reference table covers this figure"
_WINDOW = 400  # characters each side: a sentence is rarely longer, and text without any boundary stays linear


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around [start, end) (split on danda, ?, !, newline and '. '), at most ``_WINDOW`` characters
    each side of the claim, folded for matching."""
    return _folded_slice(text, *_sentence_bounds(text, start, end))


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Original (start, end) of the sentence :func:`sentence_of` folds."""
    lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    left = max(text.rfind(ch, lo, start) for ch in _SENTENCE_END)
    left = max(left, text.rfind(". ", lo, start), lo - 1)
    rights = [i for i in (text.find(ch, end, hi) for ch in _SENTENCE_END) if i != -1]
    dot = text.find(". ", end, hi)
    if dot != -1:
        rights.append(dot)
    right = min(rights) if rights else hi
    return left + 1, right


_SLOP = 8  # characters: folding a sentence on its own may differ from the folded document at its two edges


@functools.lru_cache(maxsize=4)
def _topic_places(text: str) -> tuple[list[int], list[int]]:
    """Original (starts, ends) of every place in ``text`` that might name a statistics topic: a superset of what
    the topic words match in any folded sentence of it, found by one scan of the folded document (cached for the
    few documents being checked: the next claim is almost always in the same one)."""
    from claimcheck.read.text import fold

    folded = fold(text)
    starts: list[int] = []
    ends: list[int] = []
    for m in stats.topic_hint().finditer(folded.text):
        s, e = folded.span(m.start(), m.end())
        starts.append(s)
        ends.append(e)
    return starts, ends


def _may_name_topic(text: str, start: int, end: int) -> bool:
    """Whether original [start, end) might name a statistics topic; when not, no table covers its figures.

    Text with many figures and no sentence boundaries (a run of numbers) would otherwise fold a window of
    ``2 * _WINDOW`` characters for each figure only to find no topic word in it.
    """
    starts, ends = _topic_places(text)
    k = bisect.bisect_right(ends, start - _SLOP)
    return k < len(starts) and starts[k] < end + _SLOP


def _folded_slice(text: str, start: int, end: int) -> str:
    """``fold_string(text[start:end])`` (a seam: tests count the sentences folded)."""
    return fold_string(text[start:end])


def check_claim(claim: Claim, refs, when: _dt.date, text: str = "", *, region: str | None = None,
                tolerances: dict[str, float] | None = None) -> Verdict:
    """The verdict for one claim as of ``when``; ``region`` is the default region of claims that name none."""
    return _check(claim, refs, when, when.isoformat(), text, region, tolerances)


def _unverifiable(message: str, asof: str) -> Verdict:
    """The verdict for a figure a table cannot cover, on one date."""
    return Verdict("unverifiable", message, as_of=asof)


def _check(claim: Claim, refs, when: _dt.date, asof: str, text: str, region: str | None,
           tolerances: dict[str, float] | None) -> Verdict:
    if claim.outside_body:
        return _unverifiable("outside the article body (a teaser for another article): not checked", asof)
    if claim.kind == "officeholder":
        from claimcheck.judge.officeholders import judge as people

        return people.check_officeholder(claim, refs, when, region=region, doc_text=text or None)
    if claim.kind not in ("ranking", "quantity", "percent", "money"):
        if claim.kind == "date":
            return _unverifiable("a date gives context; it is not checked on its own", asof)
        return _unverifiable(f"no reference table covers {claim.kind} claims", asof)
    if text:
        # the sentence lies within _WINDOW characters of the claim: no topic there, no need to find the sentence
        near = _may_name_topic(text, claim.start - _WINDOW, claim.end + _WINDOW)
        if near:
            start, end = _sentence_bounds(text, claim.start, claim.end)
            near = _may_name_topic(text, start, end)
        if not near:
            # the sentence names no topic a table covers: the verdict the full check below would reach, sooner
            if claim.kind != "ranking":
                return _unverifiable(_NO_TABLE, asof)
            return stats.ranking_without_topic(claim, refs, asof)
        sentence = _folded_slice(text, start, end)
    else:
        sentence = fold_string(claim.text)
    if claim.kind == "ranking":
        return stats.check_ranking(claim, refs, when, sentence)
    after = fold_string(text[claim.end:claim.end + 40]) if text else ""
    v = stats.check_statistic(claim, refs, when, sentence, after, region=region,
                              tolerance=(tolerances or {}).get(claim.kind))
    if v is not None:
        return v
    return _unverifiable(_NO_TABLE, asof)


def check_claims(claims: list[Claim], refs, when: _dt.date, doc: Document | None = None, *,
                 region: str | None = None, tolerances: dict[str, float] | None = None) -> list[CheckedClaim]:
    text = doc.text if doc is not None else ""
    asof = when.isoformat()
    return [CheckedClaim(c, _check(c, refs, when, asof, text, region, tolerances)) for c in claims]
