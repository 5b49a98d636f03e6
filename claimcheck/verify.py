"""Verdict stage (placeholder until implemented): pair each claim with a verdict."""

from __future__ import annotations

from .model import CheckedClaim, Verdict


def check_claims(claims, refs, when, doc=None):
    return [CheckedClaim(c, Verdict("unverifiable", "no reference table covers this claim", as_of=when.isoformat()))
            for c in claims]
