"""How current and complete the reference tables are (``claimcheck data status`` and ``data series``).

The work list of a desk that keeps them:

- **stale series**: a statistic series (measure, basis, region, breakdown) whose latest observation is older than
  the cadence of its kind of source (a running count is reported every few months; national accounts and export
  shares yearly; a survey, a census or a legal definition has no cadence). A series whose source has ``ended``
  (a registration regime replaced by the next) is closed, never stale;
- **unattested tenures**: a tenure still open (in office per the latest source) whose ``last_attested`` is older
  than N months, or missing;
- **gaps**: days since 2014 (or since the post's first tenure) that no tenure of a single-holder post covers, more
  than a month long, including an open end after the last holder left, with the cause the tenure before the gap
  ended by (``president_rule`` …). A post whose last tenure ended with ``abolished`` ended there: no gap after it;
- **coverage**: for each single-holder post, the share of those days its tenures cover (an end that is not sourced
  counts as far as ``last_attested``; a start that is not sourced, not at all);
- **unsourced rows**: rows with neither a source URL nor a publisher.

:func:`series` lists every statistic series with its latest observation and the day that was published.
The module only reads the loaded tables; the CLI renders its results as text or JSON.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, field

from claimcheck.reference.tables import References, date_bounds

CADENCE_DAYS = {"registration": 183, "accounts": 2 * 366}  # other kinds of source are one-off or have no cadence
SINCE = _dt.date(2014, 1, 1)
MIN_GAP_DAYS = 31


@dataclass(frozen=True)
class Status:
    as_of: str
    months: int
    stale_series: list[dict] = field(default_factory=list)
    unattested: list[dict] = field(default_factory=list)
    gaps: list[dict] = field(default_factory=list)
    coverage: list[dict] = field(default_factory=list)
    unsourced: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def empty(self) -> bool:
        return not (self.stale_series or self.unattested or self.gaps or self.unsourced)

    def mean_coverage(self, *, suffixes: tuple[str, ...] = ()) -> tuple[float, int]:
        """Mean coverage of the posts (those whose id ends with one of ``suffixes``, if given), and their number."""
        shares = [c["share"] for c in self.coverage if not suffixes or c["position"].endswith(suffixes)]
        return (sum(shares) / len(shares) if shares else 1.0), len(shares)


def status(refs: References, as_of: _dt.date, *, months: int = 6) -> Status:
    """The refresh work list of ``refs`` on ``as_of``."""
    out = Status(as_of=as_of.isoformat(), months=months)
    _stale(refs, as_of, out)
    _unattested(refs, as_of, months, out)
    _chains(refs, as_of, out)
    for o in refs.observations:
        if not (o.source_url or o.source):
            out.unsourced.append({"table": o.table, "row": o.obs_id})
    for t in refs.tenures:
        if not (t.source_url or t.source):
            out.unsourced.append({"table": t.table, "row": t.tenure_id})
    return out


def _described(o) -> _dt.date | None:
    if o.as_of:
        return o.as_of if isinstance(o.as_of, _dt.date) else date_bounds(str(o.as_of))[1]
    if o.period:
        end = o.period.split("/")[-1] or o.period.split("/")[0]
        return _fy_end(end) or _bound(end)
    return _bound(o.published) if o.published else None


def _bound(s: str) -> _dt.date | None:
    try:
        return date_bounds(s)[1]
    except ValueError:
        return None


def _fy_end(head: str) -> _dt.date | None:
    if len(head) == 7 and head[4] == "-" and head[:4].isdigit() and head[5:].isdigit():
        y = int(head[:4])
        if int(head[5:]) == (y + 1) % 100:
            return _dt.date(y + 1, 3, 31)
    return None


def _stale(refs: References, as_of: _dt.date, out: Status) -> None:
    latest: dict[tuple, tuple[_dt.date, object]] = {}
    for o in refs.observations:
        b = refs.bases.get(o.basis)
        kind = b.kind if b else ""
        if kind not in CADENCE_DAYS or (o.breakdown or {}).get("flow") or (b and b.ended):
            continue
        d = _described(o)
        if d is None or d > as_of:
            continue
        key = (o.measure, o.basis, o.region, tuple(sorted((o.breakdown or {}).items())))
        if key not in latest or d > latest[key][0]:
            latest[key] = (d, o)
    for (measure, basis, region, bd), (d, o) in sorted(latest.items(), key=lambda kv: kv[1][0]):
        b = refs.bases.get(basis)
        age = (as_of - d).days
        if age > CADENCE_DAYS[b.kind]:
            out.stale_series.append({"measure": measure, "basis": basis, "region": region,
                                     "breakdown": dict(bd), "latest": d.isoformat(), "row": o.obs_id,
                                     "cadence_days": CADENCE_DAYS[b.kind], "age_days": age})


def _months_before(day: _dt.date, months: int) -> _dt.date:
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    return _dt.date(y, m + 1, min(day.day, 28))


def _unattested(refs: References, as_of: _dt.date, months: int, out: Status) -> None:
    limit = _months_before(as_of, months)
    for t in refs.tenures:
        if t.end is not None:
            continue
        seen = date_bounds(t.last_attested)[1] if t.last_attested else None
        if seen is None or seen < limit:
            out.unattested.append({"tenure": t.tenure_id, "position": t.position_id, "person": t.person_id,
                                   "last_attested": t.last_attested or None, "table": t.table})


def _chains(refs: References, as_of: _dt.date, out: Status) -> None:
    """Gaps and coverage of each single-holder post from 2014 (or its first tenure) to ``as_of`` or its abolition."""
    by_post: dict[str, list] = {}
    for t in refs.tenures:
        pos = refs.positions.get(t.position_id)
        if pos is not None and pos.single_holder:
            by_post.setdefault(t.position_id, []).append(t)
    for pid, ts in sorted(by_post.items()):
        spans = []
        until = as_of
        for t in ts:
            s = date_bounds(t.start)[0] if t.start != "unknown" else None
            e = as_of if t.end is None else (date_bounds(t.end)[1] if t.end != "unknown" else None)
            if e is None and t.last_attested:
                e = date_bounds(t.last_attested)[1]  # an unsourced end: covered as far as a source saw the holder
            if t.end_cause == "abolished" and e is not None:
                until = min(until, e)
            if s is not None and e is not None:
                spans.append((s, e, t.end_cause))
        if not spans:
            continue
        spans.sort()
        first = cursor = max(SINCE, spans[0][0])
        if first >= until:
            continue
        covered, cause = 0, ""
        for s, e, why in spans:
            s, e = max(s, first), min(e, until)
            if s > cursor and (s - cursor).days > MIN_GAP_DAYS:
                out.gaps.append({"position": pid, "from": cursor.isoformat(), "to": s.isoformat(),
                                 "days": (s - cursor).days, "after": cause})
            if e > cursor:
                covered += (e - max(s, cursor)).days
                cursor, cause = e, why
        if cursor < until and (until - cursor).days > MIN_GAP_DAYS:
            out.gaps.append({"position": pid, "from": cursor.isoformat(), "to": None, "days": (until - cursor).days,
                             "after": cause})
        out.coverage.append({"position": pid, "from": first.isoformat(), "to": until.isoformat(),
                             "share": round(min(1.0, covered / max(1, (until - first).days)), 4)})


def series(refs: References) -> list[dict]:
    """Every statistic series (measure, basis, region, breakdown) with its number of rows, its latest observation
    (the day it describes: cut-off, end of period, or publication) and the day that observation was published."""
    groups: dict[tuple, list] = {}
    for o in refs.observations:
        key = (o.measure, o.basis, o.region, tuple(sorted((o.breakdown or {}).items())))
        groups.setdefault(key, []).append(o)
    out = []
    for (measure, basis, region, bd), obs in sorted(groups.items()):
        dated = [(d, o) for o in obs if (d := _described(o)) is not None]
        d, o = max(dated, key=lambda x: (x[0], x[1].published or "")) if dated else (None, obs[-1])
        b = refs.bases.get(basis)
        out.append({"measure": measure, "basis": basis, "region": region, "breakdown": dict(bd), "rows": len(obs),
                    "latest": d.isoformat() if d else None, "published": o.published or None, "row": o.obs_id,
                    "closed": bool(b and b.ended)})
    return out
