"""Verdict stage: pair every claim with a verdict, dispatching by kind.

Officeholders go to :mod:`claimcheck.people`, statistics and rankings to :mod:`claimcheck.stats`. A claim no table
covers is ``unverifiable`` with a message that says why; a claim outside the article body (the teaser of another
article) is not checked. The verdict's date is the article's date.
"""

from __future__ import annotations

import datetime as _dt
import functools

from .model import CheckedClaim, Claim, Document, Verdict
from .text import fold_string

_SENTENCE_END = "।?!\n"


_WINDOW = 400  # characters each side: a sentence is rarely longer, and text without any boundary stays linear


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around [start, end) (split on danda, ?, !, newline and '. '), at most ``_WINDOW`` characters
    each side of the claim, folded for matching."""
    lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    left = max(text.rfind(ch, lo, start) for ch in _SENTENCE_END)
    left = max(left, text.rfind(". ", lo, start), lo - 1)
    rights = [i for i in (text.find(ch, end, hi) for ch in _SENTENCE_END) if i != -1]
    dot = text.find(". ", end, hi)
    if dot != -1:
        rights.append(dot)
    right = min(rights) if rights else hi
    return _folded_slice(text, left + 1, right)


@functools.lru_cache(maxsize=256)
def _folded_slice(text: str, start: int, end: int) -> str:
    """``fold_string(text[start:end])``, once per sentence: a sentence often holds several claims (the document
    string hashes once and compares by identity, so the cache costs little)."""
    return fold_string(text[start:end])


def check_claim(claim: Claim, refs, when: _dt.date, text: str = "", *, region: str | None = None,
                tolerances: dict[str, float] | None = None) -> Verdict:
    """The verdict for one claim as of ``when``; ``region`` is the default region of claims that name none."""
    asof = when.isoformat()
    if claim.outside_body:
        return Verdict("unverifiable", "outside the article body (a teaser for another article): not checked", as_of=asof)
    if claim.kind == "officeholder":
        from . import people

        return people.check_officeholder(claim, refs, when, region=region, doc_text=text or None)
    sentence = sentence_of(text, claim.start, claim.end) if text else fold_string(claim.text)
    if claim.kind == "ranking":
        from . import stats

        return stats.check_ranking(claim, refs, when, sentence)
    if claim.kind in ("quantity", "percent", "money"):
        from . import stats

        after = fold_string(text[claim.end:claim.end + 40]) if text else ""
        v = stats.check_statistic(claim, refs, when, sentence, after, region=region,
                                  tolerance=(tolerances or {}).get(claim.kind))
        if v is not None:
            return v
        return Verdict("unverifiable", "no reference table covers this figure", as_of=asof)
    if claim.kind == "date":
        return Verdict("unverifiable", "a date gives context; it is not checked on its own", as_of=asof)
    return Verdict("unverifiable", f"no reference table covers {claim.kind} claims", as_of=asof)


def check_claims(claims: list[Claim], refs, when: _dt.date, doc: Document | None = None, *,
                 region: str | None = None, tolerances: dict[str, float] | None = None) -> list[CheckedClaim]:
    text = doc.text if doc is not None else ""
    return [CheckedClaim(c, check_claim(c, refs, when, text, region=region, tolerances=tolerances)) for c in claims]
