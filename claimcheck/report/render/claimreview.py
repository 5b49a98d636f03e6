"""``claimreview``: schema.org ClaimReview JSON-LD for the contradicted and outdated claims.

The format fact-check publishers use. Ratings follow a 1–5 scale where 1 is false: contradicted claims are rated
1 ("False"), outdated ones 2 ("Outdated"). Suppressed findings are left out. Only http(s) URLs are emitted.
"""

from __future__ import annotations

from typing import Any

from claimcheck.report.render import HOLE
from claimcheck.report.render import Options
from claimcheck.report.render import Tally
from claimcheck.report.render import display_path
from claimcheck.report.render import evidence_line
from claimcheck.report.render import json_around
from claimcheck.report.render import json_items
from claimcheck.report.render import message
from claimcheck.report.render import one_line
from claimcheck.report.render import safe_url
from claimcheck.model import DocResult, Report

RATING = {"contradicted": (1, "False"), "outdated": (2, "Outdated")}


def _sentence(text: str | None, start: int, end: int) -> str:
    """The sentence around a claim (bounded to 400 characters), for ``claimReviewed``."""
    if not text:
        return ""
    lo = max(0, start - 300)
    hi = min(len(text), end + 300)
    left = max(text.rfind(ch, lo, start) for ch in ".।!?\n")
    cut = [i for i in (text.find(ch, end, hi) for ch in ".।!?\n") if i != -1]
    right = min(cut) + 1 if cut else hi
    return one_line(text[left + 1 if left >= lo else lo:right])


def _reviews(r: DocResult, tally: Tally, options: Options) -> list[dict[str, Any]]:
    from claimcheck.report.baseline import doc_key, fingerprint

    if r.error:
        return []
    reviews = []
    for cc in r.checked:
        outcome = cc.verdict.outcome
        if outcome not in RATING or cc.suppressed or cc.claim.outside_body:
            continue
        c = cc.claim
        value, name = RATING[outcome]
        urls = [u for u in (safe_url(e.source_url) for e in cc.verdict.evidence) if u]
        appearance: dict[str, Any] = {"@type": "CreativeWork", "name": display_path(r, options)}
        if safe_url(r.doc):
            appearance["url"] = safe_url(r.doc)
        review: dict[str, Any] = {
            "@type": "ClaimReview",
            "identifier": fingerprint(c, doc_key(r.doc, r.path)),
            "claimReviewed": _sentence(r.text, c.start, c.end) or c.text,
            "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1,
                             "alternateName": name},
            "reviewBody": one_line(message(cc) + "".join(f" {evidence_line(e)}." for e in cc.verdict.evidence)),
            "itemReviewed": {"@type": "Claim", "text": c.text, "appearance": [appearance]},
            "author": {"@type": "Organization", "name": "claimcheck"},
        }
        if cc.verdict.as_of:  # the date the claim was checked for
            review["temporalCoverage"] = cc.verdict.as_of
        if urls:
            review["citation"] = [{"@type": "CreativeWork", "url": u} for u in urls]
        reviews.append(review)
    return reviews


def to_data(report: Report, options: Options) -> dict[str, Any]:
    """The whole page as one JSON-ready dict (what :func:`render` writes, built in memory)."""
    tally = Tally(report.command, report.as_of, report.fail_on)
    reviews = []
    for r in report.results:
        tally.add(r)
        reviews.extend(_reviews(r, tally, options))
    return {"@context": "https://schema.org", "@graph": reviews}


# Written in parts (claimcheck.report.render.Stream): the page down to "@graph", each document's reviews, the rest.
_PAGE = {"@context": "https://schema.org", "@graph": [HOLE]}


def head(tally: Tally, options: Options) -> str:
    return json_around(_PAGE, tally.written)[0]


def document(r: DocResult, i: int, tally: Tally, options: Options) -> str:
    return json_items(_reviews(r, tally, options), tally, 2)


def tail(tally: Tally, options: Options) -> str:
    return json_around(_PAGE, tally.written)[1]
