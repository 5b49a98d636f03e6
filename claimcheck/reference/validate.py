"""Row checks and cross-table checks for the reference tables (used by :mod:`claimcheck.reference.tables`).

:func:`build` turns parsed rows into records and collects every problem on the way: types (numbers, ISO dates,
yes/no, enumerations), ids (duplicates, unknown person/position/basis), dates in order, sources present, and
overlapping regular tenures on single-holder posts. Acting and additional-charge tenures may overlap a regular
one (a regular holder on leave or suspended while someone holds the charge), so they are not checked for overlap.
"""

from __future__ import annotations

import datetime as _dt
import math
import unicodedata

from claimcheck import cache
from claimcheck.reference import tables as R

_ID = cache.compile(r"[a-z0-9][a-z0-9._-]*")
_BASIS = cache.compile(r"[A-Z][A-Z0-9_]*")
_MEASURE = cache.compile(r"[a-z][a-z0-9_]*")
_ORG = cache.compile(r"org:[a-z0-9][a-z0-9_-]*")
_FY = cache.compile(r"(\d{4})-(\d{2})")
ORDER = ("bases", "msme_stats", "persons", "positions", "tenures")


def _regions() -> frozenset[str]:
    from claimcheck.find.lexicon import load

    return frozenset(load("regions"))


def check_period(s: str) -> None:
    """Raise ValueError unless ``s`` is '', an ISO date (any precision), an interval ``A/B`` (B may be open) or a
    financial year ``YYYY-YY`` (a YYYY-MM whose month equals the next year's last two digits reads as a FY)."""
    if not s:
        return
    if "/" in s:
        a, _, b = s.partition("/")
        R.date_bounds(a)
        if b:
            if R.date_bounds(b)[1] < R.date_bounds(a)[0]:
                raise ValueError(f"interval {s!r} ends before it starts")
        return
    m = _FY.fullmatch(s)
    if m and (int(m.group(1)) + 1) % 100 == int(m.group(2)):
        return
    R.date_bounds(s)


def _day(s: str) -> _dt.date:
    lo, hi = R.date_bounds(s)
    if lo is None or lo != hi:
        raise ValueError(f"expected a day date YYYY-MM-DD, got {s!r}")
    return lo


class _Ctx:
    def __init__(self, path: str, line: int, problems: list[R.Problem]):
        self.path, self.line, self.problems = path, line, problems

    def bad(self, msg: str) -> None:
        self.problems.append(R.Problem(self.path, self.line, msg))

    def enum(self, row: dict, col: str, allowed, *, empty_ok: bool = False) -> None:
        v = row[col]
        if not v and empty_ok:
            return
        if v not in allowed:
            self.bad(f"{col} {v!r} is not one of: {', '.join(allowed)}")

    def nonempty(self, row: dict, col: str) -> None:
        if not row[col]:
            self.bad(f"{col} is empty")

    def source(self, row: dict) -> None:
        urls = [u.strip() for u in row.get("source_url", "").split(" ; ") if u.strip()]
        for u in urls:
            if not u.startswith(("http://", "https://")) or " " in u:
                self.bad(f"source_url {u!r} is not an http(s) URL (separate several with ' ; ')")
        if not urls and not row.get("source", ""):
            self.bad("no source: give source_url and/or source")

    def date(self, row: dict, col: str, *, day: bool = False, unknown_ok: bool = False) -> None:
        v = row[col]
        if not v or (unknown_ok and v == R.UNKNOWN):
            return
        try:
            _day(v) if day else R.date_bounds(v)
        except ValueError as e:
            self.bad(f"{col}: {e}")


def _check_row(table: str, row: dict, c: _Ctx, regions: frozenset[str]) -> None:
    rid = row[R.COLUMNS[table][0]]
    for col, value in row.items():
        # a label that carries a terminal escape sequence or a stray control character would print raw
        if value and any(unicodedata.category(ch) == "Cc" for ch in value):
            c.bad(f"{col} has a control character ({', '.join(sorted({repr(ch) for ch in value if unicodedata.category(ch) == 'Cc'}))})")
    if table == "bases":
        if not _BASIS.fullmatch(rid):
            c.bad(f"basis {rid!r} must be UPPER_CASE letters, digits and _")
        c.nonempty(row, "label_en")
        c.enum(row, "kind", R.KINDS)
        c.date(row, "ended")
        if row["kind"] != "claim":
            c.source(row)
        return
    if not _ID.fullmatch(rid):
        c.bad(f"{R.COLUMNS[table][0]} {rid!r} must be lower-case letters, digits, '.', '_' or '-'")
    if table == "msme_stats":
        if not _MEASURE.fullmatch(row["measure"]):
            c.bad(f"measure {row['measure']!r} must be a lower_case slug (e.g. msme_count)")
        if row["region"] not in regions:
            c.bad(f"region {row['region']!r} is not an ISO 3166-2 code of claimcheck/data/regions.toml (IN, IN-UP …)")
        try:
            R.parse_breakdown(row["breakdown"])
        except ValueError as e:
            c.bad(f"breakdown: {e}")
        try:
            check_period(row["period"])
        except ValueError as e:
            c.bad(f"period: {e}")
        c.date(row, "as_of", day=True)
        if not (row["period"] or row["as_of"] or row["published"]) and row["basis"] != "CLAIM":
            c.bad("no period, as_of or published date: say what date the figure describes")
        try:
            v = float(row["value"])
            if not math.isfinite(v):
                raise ValueError
            if v < 0:
                c.bad(f"value {row['value']!r} is negative")
            if row["unit"] == "percent" and v > 100:
                c.bad(f"value {row['value']!r} is over 100 percent")
        except ValueError:
            c.bad(f"value {row['value']!r} is not a plain number (write 8999000, not '89.99 lakh')")
        c.enum(row, "unit", R.UNITS)
        c.nonempty(row, "value_as_reported")
        c.date(row, "published", day=True)
        c.enum(row, "confidence", R.CONFIDENCE)
        c.source(row)
    elif table == "persons":
        c.nonempty(row, "label_en")
    elif table == "positions":
        c.nonempty(row, "label_en")
        j = row["jurisdiction"]
        if j not in regions and not _ORG.fullmatch(j):
            c.bad(f"jurisdiction {j!r} is neither a region code (IN, IN-UP …) nor org:<slug>")
        if not R._split(row["titles"]):
            c.bad("titles is empty: give the phrases that name this post, ';'-separated")
        c.enum(row, "single_holder", ("yes", "no"))
    elif table == "tenures":
        c.date(row, "start", unknown_ok=True)
        c.date(row, "end", unknown_ok=True)
        c.date(row, "last_attested")
        c.enum(row, "nature", R.NATURES)
        c.enum(row, "end_cause", R.END_CAUSES, empty_ok=True)
        c.enum(row, "confidence", R.CONFIDENCE)
        c.source(row)
        if row["end_cause"] and not row["end"]:
            c.bad(f"end_cause {row['end_cause']!r} given but end is empty (empty end = still in office)")
        try:
            s_lo, _ = R.date_bounds(row["start"])
            e_lo, e_hi = R.date_bounds(row["end"]) if row["end"] else (None, None)
            a_lo, a_hi = R.date_bounds(row["last_attested"]) if row["last_attested"] else (None, None)
        except ValueError:
            return  # already reported
        if s_lo is not None and e_hi is not None and e_hi <= s_lo:
            c.bad(f"end {row['end']} is not after start {row['start']}")
        if s_lo is not None and a_hi is not None and a_hi < s_lo:
            c.bad(f"last_attested {row['last_attested']} is before start {row['start']}")
        if e_hi is not None and a_lo is not None and a_lo > e_hi:
            c.bad(f"last_attested {row['last_attested']} is after end {row['end']}")


def _record(table: str, row: dict, path: str, line: int):
    if table == "bases":
        return R.Basis(**{k: row[k] for k in R.COLUMNS[table]})
    if table == "msme_stats":
        d = {k: row[k] for k in R.COLUMNS[table]}
        d["breakdown"] = R.parse_breakdown(row["breakdown"])
        d["as_of"] = _day(row["as_of"]) if row["as_of"] else None
        d["value"] = float(row["value"])
        return R.Observation(**d, table=path, line=line)
    if table == "persons":
        return R.Person(row["person_id"], row["label_en"], row["label_hi"], R._split(row["aliases"]), row["notes"])
    if table == "positions":
        return R.Position(row["position_id"], row["label_en"], row["label_hi"], row["jurisdiction"],
                          R._split(row["titles"]), row["single_holder"] == "yes", row["notes"])
    d = {k: row[k] for k in R.COLUMNS[table]}
    d["end"] = row["end"] or None
    return R.Tenure(**d, table=path, line=line)


def build(raws: list, context: R.References | None) -> tuple[R.References, list[R.Problem]]:
    problems: list[R.Problem] = []
    regions = _regions()
    ctx = context or R.References()
    stores = {
        "bases": dict(ctx.bases), "persons": dict(ctx.persons), "positions": dict(ctx.positions),
        "msme_stats": {o.obs_id: o for o in ctx.observations}, "tenures": {t.tenure_id: t for t in ctx.tenures},
    }
    new_ids: dict[str, dict[str, tuple[str, int]]] = {t: {} for t in ORDER}
    pending_refs: list[tuple[str, str, str, str, int]] = []  # (table, column, value, path, line)
    for table in ORDER:
        for raw in (r for r in raws if r.table == table):
            problems.extend(raw.problems)
            if any("missing column" in p.message for p in raw.problems):
                continue
            for line, row in raw.rows:
                row = {k: row.get(k, "") for k in R.COLUMNS[table]}
                c = _Ctx(raw.path, line, problems)
                before = len(problems)
                rid = row[R.COLUMNS[table][0]]
                if not rid:
                    c.bad(f"{R.COLUMNS[table][0]} is empty")
                    continue
                if rid in new_ids[table]:
                    p, n = new_ids[table][rid]
                    c.bad(f"duplicate {R.COLUMNS[table][0]} {rid!r} (first at {p}:{n})")
                    continue
                new_ids[table][rid] = (raw.path, line)
                _check_row(table, row, c, regions)
                if table == "msme_stats":
                    pending_refs.append(("bases", "basis", row["basis"], raw.path, line))
                elif table == "tenures":
                    pending_refs.append(("persons", "person_id", row["person_id"], raw.path, line))
                    pending_refs.append(("positions", "position_id", row["position_id"], raw.path, line))
                if len(problems) == before:
                    stores[table][rid] = _record(table, row, raw.path, line)
    for table, col, value, path, line in pending_refs:
        if value not in stores[table] and value not in new_ids[table]:
            problems.append(R.Problem(path, line, f"unknown {col} {value!r} (not in {table})"))
    tenures = tuple(stores["tenures"].values())
    problems += _overlaps(tenures, stores["positions"], set(new_ids["tenures"].values()))
    refs = R.References(
        observations=tuple(stores["msme_stats"].values()), bases=stores["bases"], persons=stores["persons"],
        positions=stores["positions"], tenures=tenures,
    )
    return refs, sorted(problems, key=lambda p: (p.path, p.line))


def _overlaps(tenures, positions, new: set[tuple[str, int]]) -> list[R.Problem]:
    """Regular tenures on a single-holder post that certainly overlap (reported at the later row, if it is new)."""
    out: list[R.Problem] = []
    by_pos: dict[str, list] = {}
    for t in tenures:
        pos = positions.get(t.position_id)
        if pos is None or not pos.single_holder or t.nature != "regular" or t.end == R.UNKNOWN:
            continue
        if t.start_bounds()[0] is None:
            continue
        by_pos.setdefault(t.position_id, []).append(t)
    for pid, ts in by_pos.items():
        ts.sort(key=lambda t: t.start_bounds()[0])
        for i, a in enumerate(ts):
            a_end_latest = a.end_bounds()[1]
            for b in ts[i + 1:]:
                if a_end_latest is not None and b.start_bounds()[0] >= a_end_latest:
                    break  # sorted by start: no later tenure can overlap this one (one pass down a chain)
                if b.start_bounds()[1] < a.end_bounds()[0] and a.start_bounds()[1] < b.end_bounds()[0]:
                    later = b if (b.table, b.line) in new else a
                    other = a if later is b else b
                    if (later.table, later.line) not in new:
                        continue
                    out.append(R.Problem(later.table, later.line,
                                         f"tenure {later.tenure_id!r} overlaps {other.tenure_id!r} "
                                         f"({other.table}:{other.line}) on single-holder post {pid!r}"))
    return out
