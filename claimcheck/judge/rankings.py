"""Ranking claims ("सबसे अधिक एमएसएमई वाला राज्य", "the second highest"): the claimed rank against the latest complete
state table of the frame's measure, on a named basis (registrations when named, else the survey first)."""

from __future__ import annotations

import datetime as _dt
from typing import Any


from claimcheck.model import Claim, Frame, Verdict
from claimcheck.judge.figures import fmt_indian
from claimcheck.judge.observations import _CONF, _basis_kind, _basis_label, _evidence, _region_label, obs_date


MIN_STATES_FOR_RANKING = 5


def check_ranking(claim: Claim, frame: Frame | None, refs, when: _dt.date) -> Verdict:
    """Is ``claim.region_code`` at the claimed rank among the states on the frame's measure, on a named basis (or
    the survey first), as of ``when``?"""
    asof = when.isoformat()
    if claim.subtype == "part" and refs is not None and frame is not None and frame.topic is not None:
        return check_part(claim, frame, refs, when)
    if refs is None or not claim.region_code or frame is None or frame.topic is None or frame.measure is None:
        return ranking_without_topic(claim, refs, asof)
    registration = frame.basis is not None and frame.basis != "survey"
    tables: dict[tuple[str, _dt.date], dict[str, Any]] = {}
    breakdown = dict(frame.breakdown)  # "महिला स्वामित्व वाले उद्यमों की सबसे अधिक हिस्सेदारी": ranked on that part
    for o, d in _usable(refs, registration, when):
        if o.measure != frame.measure or (o.breakdown or {}) != breakdown or not o.region.startswith("IN-"):
            continue
        snap = tables.setdefault((o.basis, d), {})
        if o.region not in snap or _CONF.get(o.confidence, 3) < _CONF.get(snap[o.region].confidence, 3):
            snap[o.region] = o
    full = {k: v for k, v in tables.items() if len(v) >= MIN_STATES_FOR_RANKING}
    if not full:
        return Verdict("unverifiable", "no state-wise table complete enough to rank on", as_of=asof)
    # latest complete snapshot per basis
    per_basis: dict[str, tuple[_dt.date, dict]] = {}
    for (basis, d), snap in full.items():
        if basis not in per_basis or d > per_basis[basis][0]:
            per_basis[basis] = (d, snap)
    # the named kind of source first (else the survey); within a kind the newest table (a registration regime
    # replaced by the next one, UAM by Udyam, ranks nothing any more)
    order = sorted(per_basis, key=lambda b: (
        (_basis_kind(refs, b) != "registration") if registration else (_basis_kind(refs, b) != "survey"),
        -per_basis[b][0].toordinal(), b))
    results = []
    for basis in order:
        d, snap = per_basis[basis]
        ranked = sorted(snap.values(), key=lambda o: -o.value)
        leader = ranked[0]
        rank = next((i + 1 for i, o in enumerate(ranked) if o.region == claim.region_code), None)
        results.append((basis, d, ranked, leader, rank))
    basis, d, ranked, leader, rank = results[0]
    ev = tuple(_evidence(refs, o, None) for o in ranked[:2])
    claimed = _region_label(claim.region_code)
    others = [r for r in results[1:] if r[3].region != claim.region_code]
    note = "".join(
        f"; on {_basis_label(refs, r[3])} {_region_label(r[3].region)} leads" for r in others[:1]
    )
    want = int(claim.value) if isinstance(claim.value, (int, float)) else 1
    if rank == want:
        own = ranked[rank - 1]
        nxt = ranked[rank] if rank < len(ranked) else None
        prev = ranked[rank - 2] if rank > 1 else None
        msg = (f"{claimed} ranks {_ordinal(rank)} on {_basis_label(refs, own)}: {fmt_indian(own.value, own.unit)}"
               + (f", behind {_region_label(prev.region)} {fmt_indian(prev.value, prev.unit)}" if prev else "")
               + (f", ahead of {_region_label(nxt.region)} {fmt_indian(nxt.value, nxt.unit)}" if nxt else "")
               + note)
        ev = tuple(_evidence(refs, o, None) for o in ranked[max(0, rank - 2):rank + 1])
        return Verdict("supported", msg, ev, as_of=asof)
    holds_elsewhere = [r for r in results[1:] if r[4] == want]
    if holds_elsewhere and frame.basis is None:
        # the sentence does not say which count it ranks on, and on another the claim holds: not a wrong claim
        b2, d2, ranked2, _, _ = holds_elsewhere[0]
        own = ranked2[want - 1]
        msg = (f"ambiguous: {claimed} ranks {_ordinal(want)} on {_basis_label(refs, own)} "
               f"({fmt_indian(own.value, own.unit)}) but {_ordinal(rank) if rank else 'is not ranked'} on "
               f"{_basis_label(refs, leader)}; the sentence does not say which count it means")
        return Verdict("ambiguous", msg, (_evidence(refs, own, None), _evidence(refs, leader, None)), as_of=asof)
    where = f"ranks {_ordinal(rank)}, not {_ordinal(want)}," if rank else "is not in the table"
    msg = (f"{claimed} {where} on {_basis_label(refs, leader)}; {_region_label(leader.region)} leads with "
           f"{fmt_indian(leader.value, leader.unit)}")
    return Verdict("contradicted", msg, ev, as_of=asof)


def _usable(refs, registration: bool, when: _dt.date):
    """(observation, its date) of every row a ranking may use: no bare claims, only registrations when they are
    named, and dated on or before ``when``."""
    for o in refs.observations:
        kind = _basis_kind(refs, o.basis)
        if kind == "claim" or (registration and kind != "registration"):
            continue
        d = obs_date(o)
        if d is not None and d <= when:
            yield o, d


def ranking_without_topic(claim: Claim, refs, asof: str) -> Verdict:
    """The verdict on a ranking claim whose sentence names no measure a table ranks states on."""
    if refs is None or not claim.region_code:
        return Verdict("unverifiable", "ranking claim without a region the tables know", as_of=asof)
    return Verdict("unverifiable", "no reference table ranks states on this measure", as_of=asof)


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def check_part(claim: Claim, frame: Frame, refs, when: _dt.date) -> Verdict:
    """"उसमें से सबसे अधिक मीडियम एंटरप्राइजेज रहे": is the named size the largest of the sector, on the latest
    national table of all sizes (on the named kind of source; the survey first) published by ``when``?"""
    from claimcheck.find.frames import parts_named, share_of

    asof = when.isoformat()
    named = parts_named(claim.subject or "", "size")
    if len(named) != 1:
        return Verdict("unverifiable", "the part ranked is not one size of the sector", as_of=asof)
    want = next(iter(named))
    measure = frame.measure or "msme_count"
    registration = frame.basis is not None and frame.basis != "survey"
    tables: dict[tuple[str, _dt.date], dict[str, Any]] = {}
    for o, d in _usable(refs, registration, when):
        size = (o.breakdown or {}).get("size")
        # the sizes' counts, or their shares of the whole (the same order)
        if (o.measure != measure and share_of(o.measure) != measure) or o.region != "IN" or not size \
                or len(o.breakdown) != 1:
            continue
        tables.setdefault((o.basis + "/" + o.measure, d), {})[size] = o
    full = [(d, b.split("/")[0], t) for (b, d), t in tables.items() if {"micro", "small", "medium"} <= set(t)]
    if not full:
        return Verdict("unverifiable", "no table of all three sizes to rank them on", as_of=asof)
    d, basis, table = max(full, key=lambda x: (
        (_basis_kind(refs, x[1]) == "registration") if registration else (_basis_kind(refs, x[1]) == "survey"), x[0]))
    ranked = sorted(table.values(), key=lambda o: -o.value)
    leader = ranked[0]
    ev = tuple(_evidence(refs, o, None) for o in ranked)
    label = _basis_label(refs, leader)
    if leader.breakdown["size"] == want:
        return Verdict("supported", f"{want} units are the most on {label}: {fmt_indian(leader.value, leader.unit)}",
                       ev, as_of=asof)
    mine = table[want]
    return Verdict("contradicted", f"{leader.breakdown['size']} units are the most on {label} "
                   f"({fmt_indian(leader.value, leader.unit)}), not {want} ({fmt_indian(mine.value, mine.unit)})",
                   ev, as_of=asof)
