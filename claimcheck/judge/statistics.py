"""Statistics judge: a numeric claim, read as a frame (claimcheck.find.frames), against the reference observations.

The policy is written in the README ("Verdict policy"): a figure is ``supported`` when an observation of its frame's
measure, region, breakdown and basis holds for its period (or is current at the article's date, or brackets a running
count); ``contradicted`` or ``outdated`` only when such an observation had surely been published by the article's
date, the claim fails on every basis it could be on, and the frame was read surely enough; ``unverifiable``
otherwise, naming the nearest figure and why it does not decide. Nothing here names a topic or a measure: they come
from the frame and the tables.
"""

from __future__ import annotations

import datetime as _dt

from claimcheck.find.frames import basis_rule, bounded_by, dated_only, national, share_of
from claimcheck.model import Claim, Frame, Verdict
from claimcheck.judge.figures import (  # noqa: F401 (re-exported: the judge's arithmetic)
    APPROX_TOLERANCE, MIN_TOLERANCE, _claimed_point, _describe_claim, claim_interval, fmt_indian, holds,
    rounding_tolerance)
from claimcheck.judge.observations import (  # noqa: F401
    DEFAULT_MIN_LAG, MIN_LAG, _basis_breakdowns, _basis_kind, _basis_label, _evidence, _one_per_basis,
    _period_bounds, _prefer, _region_label, _same_period, _series, derived_shares, obs_date, published_on)
from claimcheck.judge.rankings import check_ranking, ranking_without_topic  # noqa: F401 (verdicts dispatch here)

STALE_REGISTRATION_DAYS = 366  # a registration regime this much older than the newest one was replaced by it
STALE_SNAPSHOT_DAYS = 180  # a running count quoted this much older than the published one is outdated
GRACE_DAYS = 3  # a release reported the day it came out may carry the next day's publication date
MIN_CONFIDENCE = 0.6  # below this, the reading of a claim is too unsure to call it wrong
PLAUSIBLE = 3.0  # a figure more than this many times off most likely measures something else (a part, a unit)


def confidence(frame: Frame, pool_kinds: set[str], configured_region: bool = False) -> float:
    """How sure the frame's reading is: each value taken from further away than the figure's clause costs."""
    c = 1.0
    if frame.measure_from != "clause":
        c *= 0.7
    if frame.topic_from == "earlier sentence":
        c *= 0.9
    elif frame.topic_from == "implied":
        c *= 0.6  # the article names no topic: the tables' own is assumed
    if frame.refers_back:
        c *= 0.5  # "इनमें से", "in this respect": an earlier sentence may narrow what is counted
    rf = frame.region_from or ""
    if rf.startswith("default") and configured_region:
        pass  # the newsroom's configured region is not a guess
    elif rf.startswith("default (the article"):
        c *= 0.4
    elif rf.startswith("default") or rf in ("earlier sentence", "previous sentence"):
        c *= 0.8
    if frame.basis is None and len(pool_kinds) > 1:
        c *= 0.8
    if frame.period is None:
        c *= 0.9
    return round(c, 2)


_INDEX: dict[int, tuple[object, dict]] = {}


def _by_measure_and_region(refs) -> dict[tuple[str, str], list]:
    """The tables' observations by (measure, region), built once per set of tables (every figure looks there)."""
    obs = refs.observations
    hit = _INDEX.get(id(obs))
    if hit is None or hit[0] is not obs:
        index: dict[tuple[str, str], list] = {}
        for o in obs:
            index.setdefault((o.measure, o.region), []).append(o)
        _INDEX.clear()
        _INDEX[id(obs)] = hit = (obs, index)
    return hit[1]


def check_statistic(claim: Claim, frame: Frame | None, refs, when: _dt.date, *, region: str | None = None,
                    tolerance: float | None = None, min_confidence: float = MIN_CONFIDENCE) -> Verdict | None:
    """A verdict for a statistical claim read as ``frame`` (see :func:`_check_statistic`). A frame whose topic is
    only implied (the article names none) may support a claim, never gate one: anything else is unverifiable."""
    implied = frame is not None and frame.topic_from == "implied"
    v = _check_statistic(claim, frame, refs, when, region=region, tolerance=tolerance,
                         min_confidence=0.0 if implied else min_confidence)
    if v is None or frame is None or v.outcome in ("supported", "unverifiable", "ambiguous"):
        return v
    if frame.period is None and dated_only(frame.measure):
        return Verdict("unverifiable", f"a level that grows every year, and the claim states no period: it may be a "
                       f"newer figure than the tables hold, so it is not called {v.outcome} ({v.message})",
                       v.evidence, as_of=v.as_of, frame=frame, confidence=v.confidence)
    if frame.topic_from != "implied":
        return v
    return Verdict("unverifiable", f"the article does not say the figure is about {frame.topic.upper()}s, so it is "
                   f"not called {v.outcome} ({v.message})", v.evidence, as_of=v.as_of, frame=frame,
                   confidence=v.confidence)


def _check_statistic(claim: Claim, frame: Frame | None, refs, when: _dt.date, *, region: str | None = None,
                     tolerance: float | None = None, min_confidence: float = MIN_CONFIDENCE) -> Verdict | None:
    """A verdict for a statistical claim read as ``frame``, or None when no topic of the tables is in question.

    Conservative (README, "Verdict policy"): ``contradicted`` or ``outdated`` only when the tables hold an
    observation that matches the frame on measure, region, breakdown and basis, for the claim's period (or current
    at its date), published on or before ``when``, the frame was read with at least ``min_confidence``, and the
    difference is within what a misstatement looks like (``PLAUSIBLE``). Whatever does not hold otherwise is
    ``unverifiable``, naming the nearest figure and why it does not decide.
    """
    if refs is None or frame is None or frame.topic is None:
        return None
    asof = when.isoformat()

    def unverifiable(why: str, ev: tuple = ()) -> Verdict:
        return Verdict("unverifiable", why, ev, as_of=asof, frame=frame)

    if frame.comparison == "target":
        return unverifiable("a target, plan or promise: no published figure can decide it")
    if frame.comparison == "change":
        return unverifiable("a change (growth or fall) rather than a level: the tables hold levels")
    if frame.measure is None:
        return unverifiable("the clause does not say what this figure measures")
    if frame.breakdown_unsure:
        return unverifiable(f"the clause names several {', '.join(frame.breakdown_unsure)} groups")
    if frame.region_from == "substate":
        return unverifiable("the figure is about a district or city; the tables hold state and national figures")
    code = frame.region
    if code is None:
        return unverifiable("the sentence names several regions and the clause none")
    if (frame.region_from or "").startswith("default") and region:
        code = region  # the configured region of the newsroom
    if national(frame.measure):
        code = "IN"
    breakdown = dict(frame.breakdown)
    want_kind, want_bases = basis_rule(frame.basis)
    pool = [
        o for o in _by_measure_and_region(refs).get((frame.measure, code), ())
        if ((o.breakdown or {}) == breakdown
             or (not o.breakdown and _basis_breakdowns().get(o.basis) == breakdown))
        and _basis_kind(refs, o.basis) != "claim"
        and (claim.kind != "money" or o.unit not in ("INR", "USD") or o.unit == (claim.unit or "INR"))  # $ with $
        and (want_kind is None or _basis_kind(refs, o.basis) == want_kind)
        and (not want_bases or o.basis in want_bases)
    ]
    count = share_of(frame.measure)
    if count:
        # a share the tables do not hold for a basis and date is worked out from the counts there (part / whole)
        held = {(o.basis, o.as_of, o.period) for o in pool}
        pool += [o for o in derived_shares(refs, frame.measure, count, code, breakdown)
                 if (o.basis, o.as_of, o.period) not in held and _basis_kind(refs, o.basis) != "claim"
                 and (want_kind is None or _basis_kind(refs, o.basis) == want_kind)
                 and (not want_bases or o.basis in want_bases)]
    what = f"{frame.measure.replace('_', ' ')} in {_region_label(code)}" + "".join(f", {v}" for v in breakdown.values())
    if frame.period:
        what += f" for {frame.period}"
    if not pool:
        return unverifiable(f"no reference figure for {what}")
    lo, hi, tl, th = claim_interval(claim)
    if tolerance:
        tl, th = max(tl, tolerance), max(th, tolerance)
    claimed = _claimed_point(lo, hi)
    if claimed is None:
        return unverifiable("the figure has no value to compare")
    said = _describe_claim(lo, hi, "percent" if claim.kind == "percent" else "")
    kinds = {_basis_kind(refs, o.basis) for o in pool}
    conf = confidence(frame, kinds, configured_region=bool(region))
    public = [o for o in pool if (published_on(o, _basis_kind(refs, o.basis)) or _dt.date.max) <= when]
    reg = frame.basis is not None and frame.basis != "survey"

    def ok(o) -> bool:
        return holds(o.value, lo, hi, tl, th)

    def supported(best, note: str = "", others=()) -> Verdict:
        # a figure on another basis is worth naming when it is at least as recent as the one that holds
        differ = [o for o in others if o.basis != best.basis and not ok(o)
                  and (obs_date(o) or _dt.date.min) >= (obs_date(best) or _dt.date.min)]
        if differ:
            o = max(differ, key=lambda x: obs_date(x) or _dt.date.min)
            note += f"; on another basis it differs ({_basis_label(refs, o)}: {fmt_indian(o.value, o.unit)})"
        msg = f"claimed {said}; {_basis_label(refs, best)}: {fmt_indian(best.value, best.unit)} — holds{note}"
        ev = (_evidence(refs, best, claimed),) + tuple(_evidence(refs, o, claimed) for o in _one_per_basis(differ))
        return Verdict("supported", msg, ev, as_of=asof, frame=frame, confidence=conf)

    def plausible(o) -> bool:
        return bool(o.value) and claimed > 0 and 1 / PLAUSIBLE <= claimed / o.value <= PLAUSIBLE

    def contradicted(ref, others=(), note: str = "") -> Verdict:
        ev = _evidence(refs, ref, claimed)
        pct = f", {ev.difference:+.0%}" if ev.difference is not None else ""
        msg = f"claimed {said}{note}; {_basis_label(refs, ref)}: {fmt_indian(ref.value, ref.unit)}{pct}"
        return Verdict("contradicted", msg, (ev,) + tuple(_evidence(refs, o, claimed) for o in _one_per_basis(others)),
                       as_of=asof, frame=frame, confidence=conf)

    def undecided(near, why: str) -> Verdict:
        return unverifiable(f"claimed {said}; nearest figure {_basis_label(refs, near)}: "
                            f"{fmt_indian(near.value, near.unit)} ({why})", (_evidence(refs, near, claimed),))

    def nearest(obs: list):
        return min(obs, key=lambda o: abs(o.value - claimed) / (abs(o.value) or 1))

    if frame.period:
        plo, phi = _period_bounds(frame.period)
        same = [o for o in pool if _same_period(o, frame.period, _basis_kind(refs, o.basis), loose=True)]
        hit = [o for o in same if ok(o)]
        if hit:
            return supported(_prefer(refs, hit, reg), f" for {frame.period}")
        between = _bracketed(refs, pool, lo, hi, tl, th, phi or when, phi or when)
        if between:
            return supported(between, f" (between the published counts around {frame.period})")
        strict = [o for o in same if o in public
                  and _same_period(o, frame.period, _basis_kind(refs, o.basis), loose=False) and plausible(o)]
        cumulative = all(_basis_kind(refs, o.basis) == "registration" for o in strict)
        if strict and conf >= min_confidence and not (frame.basis is None and cumulative and "registration" in kinds
                                                      and len(kinds) > 1):
            return contradicted(_prefer(refs, strict, reg), note=f" for {frame.period}")
        if not same:
            return undecided(nearest(pool), f"no figure for {frame.period} in the tables")
        return undecided(nearest(same), "published after the article" if not any(o in public for o in same)
                         else "the reading of the claim is too unsure to call it wrong" if conf < min_confidence
                         else "too far off to be the same measure")

    if frame.comparison == "earlier":
        # the start of "from X to Y": a past level, true if it was ever the figure
        # (a legal limit counts from the day it came into force: the one replaced on the article's day was a level)
        hit = [o for o in pool if ok(o) and (obs_date(o, _basis_kind(refs, o.basis)) or _dt.date.max) <= when]
        if hit:
            return supported(max(hit, key=lambda o: obs_date(o) or _dt.date.min), " (an earlier level)")
        return undecided(nearest(pool), "an earlier level the tables do not hold")

    # No period stated: the figure is presented as current at the article's date. A table's `published` is when
    # the page it was read from printed the figure, so it bounds the first release from above: a figure is surely
    # public by then, and possibly public once its period had ended by the usual minimum lag of its source.
    def kind_of(o) -> str:
        return _basis_kind(refs, o.basis)

    def date_of(o) -> _dt.date:
        return obs_date(o, kind_of(o)) or _dt.date.min

    grace = when + _dt.timedelta(days=GRACE_DAYS)
    sure = [o for o in pool if (published_on(o, kind_of(o)) or _dt.date.max) <= grace]
    sure_ids = {id(o) for o in sure}  # membership by identity: comparing observations field by field is slow
    possible = sure + [o for o in pool if id(o) not in sure_ids and obs_date(o, kind_of(o)) is not None
                       and date_of(o) + _dt.timedelta(days=MIN_LAG.get(kind_of(o), DEFAULT_MIN_LAG)) <= when]
    if not possible:
        return undecided(nearest(pool), f"no figure had been published by {asof}")
    series: dict[str, list] = {}
    for o in possible:
        series.setdefault(_series(refs, o), []).append(o)
    # a registration regime that stopped reporting a year before the newest one (UAM, EM-II) was replaced by it
    reg_latest = max((date_of(o) for o in possible if kind_of(o) == "registration"), default=None)
    if reg_latest is not None:
        for name in [n for n, obs in series.items() if kind_of(obs[0]) == "registration"
                     and max(date_of(o) for o in obs) < reg_latest - _dt.timedelta(days=STALE_REGISTRATION_DAYS)]:
            del series[name]
    could_be_current: dict[str, list] = {}  # per series: what a reader at the article's date may have seen last
    for name, obs in series.items():
        sure_dates = [date_of(o) for o in obs if id(o) in sure_ids]
        floor = max(sure_dates) if sure_dates else _dt.date.min
        could_be_current[name] = [o for o in obs if date_of(o) >= floor and
                                  (id(o) in sure_ids and date_of(o) == floor or id(o) not in sure_ids
                                   or date_of(o) > floor)]
    current = [o for obs in could_be_current.values() for o in obs]
    hit = [o for o in current if ok(o)]
    if hit:
        return supported(_prefer(refs, hit, reg), others=[o for o in current if id(o) in sure_ids])
    between = _bracketed(refs, pool, lo, hi, tl, th, when, when)
    if between:
        return supported(between, " (between the counts published before and after the article)")
    if conf < min_confidence:
        return undecided(nearest(current), "the reading of the claim is too unsure to call it wrong")
    # each series says why the claim fails: off (a contradiction on that basis), low (an older running count?)
    verdicts = {}
    for name, obs in could_be_current.items():
        if obs[0].unit == "percent":  # a share of the same whole: no running count, no unit to mistake
            verdicts[name] = "off"
            continue
        if kind_of(obs[0]) != "registration":
            verdicts[name] = "off" if all(plausible(o) for o in obs) else "open"
            continue
        # a running count only rises: a claim above the count published after the article cannot be a snapshot
        # of it; a claim below the current count may be an older snapshot (outdated), never a contradiction
        top = max(o.value for o in obs)
        bounds = (obs[0].basis, *bounded_by(obs[0].basis))
        later = [x.value for x in pool if x.basis in bounds and x.as_of and date_of(x) > when]
        if lo is not None and later and lo > max(later + [top]) * (1 + th):
            verdicts[name] = "off"
        elif hi is not None and hi < min(o.value for o in obs) * (1 - tl):
            verdicts[name] = "low"
        else:
            verdicts[name] = "open"
    current_ids = {id(o) for o in current}
    older = [o for o in sure if id(o) not in current_ids and ok(o)]
    if older and all(v in ("off", "low") for v in verdicts.values()):
        was = max(older, key=date_of)
        now = [o for o in could_be_current.get(_series(refs, was), []) if id(o) in sure_ids]
        now_o = max(now, key=date_of) if now else None
        gap = (date_of(now_o) - date_of(was)).days if now_o else 0
        stale = now_o is not None and gap >= (STALE_SNAPSHOT_DAYS if kind_of(was) == "registration" else 1)
        if stale and (frame.basis is not None or kind_of(was) != "registration"):
            msg = (f"claimed {said}; that was the figure for {was.period or obs_date(was)} "
                   f"({_basis_label(refs, was)}: {fmt_indian(was.value, was.unit)}), superseded by "
                   f"{fmt_indian(now_o.value, now_o.unit)} for {now_o.period or obs_date(now_o)}, published by "
                   f"{published_on(now_o, kind_of(now_o))}")
            return Verdict("outdated", msg, (_evidence(refs, now_o, claimed), _evidence(refs, was, claimed)),
                           as_of=asof, frame=frame, confidence=conf)
        return undecided(was, "an earlier figure; the claim does not say for when")
    if verdicts and all(v == "off" for v in verdicts.values()):
        obs = [o for o in current if id(o) in sure_ids] or current
        ref = _prefer(refs, obs, reg)
        if all(id(o) in sure_ids for o in current):
            return contradicted(ref, [o for o in obs if o.basis != ref.basis])
        return undecided(ref, "the figure that would decide it may not have been published by then")
    return undecided(nearest(current), "a running count: the figure may be a snapshot the tables lack"
                     if "open" in verdicts.values() and any(kind_of(o) == "registration" for o in current)
                     else "too far off to be the same measure")


def _bracketed(refs, pool: list, lo, hi, tl: float, th: float, start: _dt.date, end: _dt.date):
    """For a running count (registrations), the snapshot before ``start`` when the claim lies between it and the
    next snapshot after ``end`` (a count reported for a day between two published ones)."""
    for basis in sorted({o.basis for o in pool if _basis_kind(refs, o.basis) == "registration" and o.as_of
                         and o.unit != "percent"}):
        snaps = sorted(((obs_date(o), o) for o in pool if o.basis == basis and o.as_of), key=lambda x: x[0])
        before = [o for d, o in snaps if d <= start]
        after = [o for d, o in snaps if d >= end]
        if not before or not after:
            continue
        a, b = before[-1], after[0]
        low, high = min(a.value, b.value) * (1 - tl), max(a.value, b.value) * (1 + th)
        top = hi if hi is not None else float("inf")
        bottom = lo if lo is not None else 0.0
        if bottom <= high and top >= low:
            return a
    return None


# ---------------------------------------------------------------------------------------------- rankings


