"""Reference observations as the statistics judge reads them: the date a figure describes, when it was (at the
latest) published, the period it covers, the series that supersede one another, and the evidence a verdict shows."""

from __future__ import annotations

import datetime as _dt
import functools

import regex

from claimcheck.find import lexicon
from claimcheck.judge.figures import fmt_indian
from claimcheck.model import Evidence


_FY_PAIR = regex.compile(r"(\d{4})-(\d{2})")
_LOOSE_DATE = regex.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_YEAR_IN_LABEL = regex.compile(r"\(\d{4}")


@functools.cache
def _basis_breakdowns() -> dict[str, dict]:
    """Bases whose every figure is one breakdown (the Udyam Assist Platform onboards micro units only)."""
    data = lexicon.load("statistics").get("basis_breakdown", {})
    return {b: dict(kv.split("=", 1) for kv in v.split(";")) for b, v in data.items()}


def obs_date(obs, kind: str = "") -> _dt.date | None:
    """The date an observation describes: its as-of cut-off, else the end of its period; for a legal definition
    (``kind='legal'``) the day it came into force, so the one in force on a date is the latest started."""
    if kind == "legal" and obs.period:
        return _parse_loose(obs.period.split("/")[0], end=False)
    if getattr(obs, "as_of", None):
        return obs.as_of if isinstance(obs.as_of, _dt.date) else _parse_loose(str(obs.as_of), end=True)
    period = (obs.period or "").strip()
    if not period:
        return _parse_loose(str(obs.published), end=True) if getattr(obs, "published", None) else None
    end = period.split("/")[-1] or period.split("/")[0]
    fy = _FY_PAIR.fullmatch(end)
    if fy and int(fy.group(2)) == (int(fy.group(1)) + 1) % 100:
        return _dt.date(int(fy.group(1)) + 1, 3, 31)
    return _parse_loose(end, end=True)


def _parse_loose(s: str, *, end: bool) -> _dt.date | None:
    m = _LOOSE_DATE.fullmatch(s.strip())
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if d:
        return _dt.date(y, int(mo), int(d))
    if mo:
        mo = int(mo)
        if not end:
            return _dt.date(y, mo, 1)
        nxt = _dt.date(y + (mo == 12), mo % 12 + 1, 1)
        return nxt - _dt.timedelta(days=1)
    return _dt.date(y, 12, 31) if end else _dt.date(y, 1, 1)


def _basis_kind(refs, basis: str) -> str:
    b = refs.bases.get(basis) if refs is not None else None
    return getattr(b, "kind", "") or ""


def _basis_label(refs, obs) -> str:
    b = refs.bases.get(obs.basis)
    label = getattr(b, "label_en", None) or obs.basis
    when = obs.as_of or obs.period
    if not when or _YEAR_IN_LABEL.search(label):
        return label
    return f"{label} ({'as of ' if obs.as_of else ''}{when})"


def _region_label(code: str) -> str:
    names = lexicon.load("regions").get(code, {}).get("en", [])
    return names[0] if names else code


def _evidence(refs, obs, claimed: float | None) -> Evidence:
    diff = None
    if claimed is not None and obs.value:
        diff = round((claimed - obs.value) / obs.value, 4)
    return Evidence(
        summary=f"{_basis_label(refs, obs)}: {fmt_indian(obs.value, obs.unit)} in {_region_label(obs.region)}",
        table=getattr(obs, "table", None), row=obs.obs_id, value=obs.value, unit=obs.unit, basis=obs.basis,
        period=obs.period or None, as_of=str(obs.as_of) if obs.as_of else None, source=obs.source or None,
        source_url=(obs.source_url or "").split(" ; ")[0].split(" ")[0] or None, difference=diff,
    )


PUBLICATION_LAG = {"registration": 31, "legal": 0}  # days; any other kind of source: two years


DEFAULT_LAG = 730


MIN_LAG = {"registration": 0, "legal": 0}  # days after its period before a figure can have been published


DEFAULT_MIN_LAG = 180


def published_on(obs, kind: str = "") -> _dt.date | None:
    """When an observation was public by at the latest: its publication date; else, conservatively, the date it
    describes plus the usual lag of its kind of source (a running count is reported within a month; survey and
    accounts figures within two years)."""
    if obs.published:
        d = _parse_loose(str(obs.published), end=True)
        if d is not None:
            return d
    d = obs_date(obs, kind)
    return d + _dt.timedelta(days=PUBLICATION_LAG.get(kind, DEFAULT_LAG)) if d else None


def _period_bounds(period: str) -> tuple[_dt.date | None, _dt.date | None]:
    """First and last day a stated period covers ("2022-23", "2024-09", "2026-02-28", "a/b", "/b" = up to b)."""
    if "/" in period:
        a, b = period.split("/", 1)
        return (_parse_loose(a, end=False) if a else None), (_parse_loose(b, end=True) if b else None)
    fy = _FY_PAIR.fullmatch(period)
    if fy and int(fy.group(2)) == (int(fy.group(1)) + 1) % 100:
        y = int(fy.group(1))
        return _dt.date(y, 4, 1), _dt.date(y + 1, 3, 31)
    return _parse_loose(period, end=False), _parse_loose(period, end=True)


def _is_fy(p: str) -> bool:
    """A financial year written "2022-23" (not a month such as "2023-09")."""
    m = _FY_PAIR.fullmatch(p or "")
    return bool(m) and int(m.group(2)) == (int(m.group(1)) + 1) % 100


def _same_period(obs, period: str, kind: str, *, loose: bool) -> bool:
    """Whether an observation describes the period a claim states. ``loose`` (for support only) also accepts a
    part-year figure inside a stated financial year and a count dated within a week of the stated day."""
    lo, hi = _period_bounds(period)
    if hi is None:
        return False
    if _is_fy(period) and _is_fy(obs.period or "") and "/" not in (obs.period or ""):
        return obs.period == period
    d = obs_date(obs, kind)
    if d is None:
        return False
    slack = _dt.timedelta(days=7)
    if obs.as_of or kind == "registration":
        # a running count describes the end of the stated period ("2020 से 28 फरवरी 2026 तक", "as of …")
        return hi - slack <= d <= hi + slack
    olo, ohi = _period_bounds(obs.period) if obs.period else (None, None)
    if ohi is None:
        return False
    if lo is None:  # up to a month or day: a period ending then
        return abs((ohi - hi).days) <= 31
    if olo is None:
        return False
    if abs((olo - lo).days) <= 31 and abs((ohi - hi).days) <= 31:
        return True
    return loose and lo <= olo and ohi <= hi


def _series(refs, obs) -> str:
    """Figures that supersede one another: every survey and census estimates the same thing (a newer survey
    supersedes an older census); each registration basis is its own cumulative series; a part-year figure
    ("April–September") is its own series and never supersedes a full year's."""
    base = "estimate" if _basis_kind(refs, obs.basis) in ("survey", "census") else obs.basis
    lo, hi = _period_bounds(obs.period) if obs.period and not obs.as_of else (None, None)
    if lo is not None and hi is not None and (hi - lo).days < 360:
        return base + ":part-year"
    return base


def _one_per_basis(obs) -> list:
    seen, out = set(), []
    for o in obs:
        if o.basis not in seen:
            seen.add(o.basis)
            out.append(o)
    return out


_CONF = {"high": 0, "medium": 1, "low": 2}


def _prefer(refs, obs: list, registration: bool):
    """The observation a verdict should rest on: the survey estimate unless registrations were named."""

    def key(o):
        kind = _basis_kind(refs, o.basis)
        first = (kind != "registration") if registration else (kind != "survey")
        return (first, -(obs_date(o) or _dt.date.min).toordinal(), _CONF.get(o.confidence, 3))

    return min(obs, key=key)


def derived_shares(refs, measure: str, count: str, region: str, breakdown: dict) -> list:
    """Shares worked out from two counts of ``count`` on one basis and date: a part with ``breakdown`` over the
    whole of ``region`` ("micro units were over 99 %"), or, with no breakdown, ``region``'s count over the country's
    ("Gujarat has 7.5 % of the registrations"). Each is marked as derived in its notes and its id."""
    from dataclasses import replace

    if breakdown:
        parts = [o for o in refs.observations if o.measure == count and o.region == region
                 and (o.breakdown or {}) == breakdown]
        wholes = [o for o in refs.observations if o.measure == count and o.region == region and not o.breakdown]
    elif region != "IN":
        parts = [o for o in refs.observations if o.measure == count and o.region == region and not o.breakdown]
        wholes = [o for o in refs.observations if o.measure == count and o.region == "IN" and not o.breakdown]
    else:
        return []
    by_key = {}
    for w in wholes:
        by_key.setdefault((w.basis, w.as_of, w.period), w)
    out = []
    for p in parts:
        w = by_key.get((p.basis, p.as_of, p.period))
        if w is None and p.as_of:
            # a running count's whole reported within a week of the part's cut-off (a share barely moves in a week)
            near = [x for x in wholes if x.basis == p.basis and x.as_of and abs((x.as_of - p.as_of).days) <= 7]
            w = min(near, key=lambda x: abs((x.as_of - p.as_of).days)) if near else None
        if w is None or not w.value or p.value > w.value:
            continue
        published = max(x.published for x in (p, w)) if p.published and w.published else ""
        out.append(replace(
            p, obs_id=f"derived:{p.obs_id}/{w.obs_id}", measure=measure, value=round(100 * p.value / w.value, 2),
            unit="percent", value_as_reported=f"{p.value_as_reported or p.value} of {w.value_as_reported or w.value}",
            published=published, confidence="low" if "low" in (p.confidence, w.confidence) else p.confidence,
            notes=f"worked out by claimcheck: {p.obs_id} over {w.obs_id}"))
    return out
