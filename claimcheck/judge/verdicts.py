"""Verdict stage: pair every claim with a verdict, dispatching by kind.

Officeholders go to :mod:`claimcheck.judge.officeholders.judge`; statistics and rankings, with the frame
:mod:`claimcheck.find.frames` reads for each figure, to :mod:`claimcheck.judge.statistics`. A claim no table
covers is ``unverifiable`` with a message that says why; a claim outside the article body (the teaser of another
article) is not checked. The verdict's date is the article's date.
"""

from __future__ import annotations

import datetime as _dt

from claimcheck.find import frames
from claimcheck.judge import statistics as stats
from claimcheck.model import CheckedClaim, Claim, Document, Verdict

_NO_TABLE = "no reference table covers this figure"


def check_claim(claim: Claim, refs, when: _dt.date, text: str = "", *, region: str | None = None,
                tolerances: dict[str, float] | None = None) -> Verdict:
    """The verdict for one claim as of ``when``; ``region`` is the default region of claims that name none."""
    frame = frames.frames(text or claim.text, [claim]).get(0) if claim.kind in frames.NUMERIC else None
    return _check(claim, frame, refs, when, when.isoformat(), text, region, tolerances)


def _unverifiable(message: str, asof: str) -> Verdict:
    """The verdict of a figure no table covers, on one date."""
    return Verdict("unverifiable", message, as_of=asof)


def _check(claim: Claim, frame, refs, when: _dt.date, asof: str, text: str, region: str | None,
           tolerances: dict[str, float] | None, min_confidence: float = stats.MIN_CONFIDENCE) -> Verdict:
    if claim.outside_body:
        return _unverifiable("outside the article body (a teaser for another article): not checked", asof)
    if claim.kind == "officeholder":
        from claimcheck.judge.officeholders import judge as people

        return people.check_officeholder(claim, refs, when, region=region, doc_text=text or None)
    if claim.kind not in ("ranking", "quantity", "percent", "money"):
        if claim.kind == "date" and claim.subtype == "impossible_date":  # the finder keeps "31 सितंबर" to flag it
            return Verdict("contradicted", f"{claim.text!r} is not a date: the month has no such day", as_of=asof)
        if claim.kind == "date":
            return _unverifiable("a date gives context; it is not checked on its own", asof)
        return _unverifiable(f"no reference table covers {claim.kind} claims", asof)
    if frame is None or frame.topic is None:
        if claim.kind == "ranking":
            return stats.ranking_without_topic(claim, refs, asof)
        return _unverifiable(_NO_TABLE, asof)
    if claim.kind == "ranking":
        return stats.check_ranking(claim, frame, refs, when)
    v = stats.check_statistic(claim, frame, refs, when, region=region,
                              tolerance=(tolerances or {}).get(claim.kind), min_confidence=min_confidence)
    if v is not None:
        return v
    return _unverifiable(_NO_TABLE, asof)


def check_claims(claims: list[Claim], refs, when: _dt.date, doc: Document | None = None, *,
                 region: str | None = None, tolerances: dict[str, float] | None = None,
                 min_confidence: float = stats.MIN_CONFIDENCE) -> list[CheckedClaim]:
    text = doc.text if doc is not None else ""
    asof = when.isoformat()
    framed = frames.frames(text, claims, doc.date.isoformat() if doc is not None and doc.date else asof) if text else {}
    return [CheckedClaim(c, _check(c, framed.get(i), refs, when, asof, text, region, tolerances, min_confidence))
            for i, c in enumerate(claims)]
