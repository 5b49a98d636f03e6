"""Reference stage: the curated tables claims are checked against (MSME statistics, officeholders with terms).

Five CSV tables ship inside the package (``claimcheck.reference_data``); a newsroom adds its own beside them:

- ``msme_stats.csv``: one observation a row (measure, basis, region, breakdown, period / as-of, value, source);
- ``bases.csv``: what each basis of a figure means (NSS 73rd round survey, Udyam registrations …);
- ``persons.csv``, ``positions.csv``, ``tenures.csv``: Wikidata-style officeholders (person, post, start/end).

Tables are data: read with the :mod:`csv` module only, one physical line a row (no line breaks inside fields),
so every problem has a line number. :func:`load_references` raises :class:`~claimcheck.errors.DataError` listing
every problem (``.problems``); :func:`validate` returns them. Dates of tenures keep their precision: ``2017-03-19``
(day), ``2017-03`` (month) or ``2017`` (year); validity is half-open ``[start, end)``.

>>> refs = load_references()
>>> [t.person_id for t in refs.tenures_for_position("in-up.chief-secretary")][-1]
'shashi-prakash-goyal'
"""

from __future__ import annotations

import calendar
import csv
import datetime as _dt
import functools
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources

from claimcheck.errors import DataError

# table -> columns, in order. The first column is the row id.
COLUMNS: dict[str, tuple[str, ...]] = {
    "msme_stats": ("obs_id", "measure", "basis", "region", "breakdown", "period", "as_of", "value", "unit",
                   "value_as_reported", "source_url", "source", "published", "confidence", "notes"),
    "bases": ("basis", "label_en", "label_hi", "kind", "description", "source_url", "ended"),
    "persons": ("person_id", "label_en", "label_hi", "aliases", "notes"),
    "positions": ("position_id", "label_en", "label_hi", "jurisdiction", "titles", "single_holder", "notes"),
    "tenures": ("tenure_id", "person_id", "position_id", "start", "end", "end_cause", "nature", "last_attested",
                "source_url", "source", "confidence", "notes"),
}
# columns a table may leave out (older newsroom tables predate them); an absent one reads as empty
OPTIONAL: dict[str, frozenset[str]] = {"bases": frozenset({"ended"})}
TABLES = tuple(COLUMNS)  # also the load order: a table's references point to tables loaded before it
CONFIDENCE = ("high", "medium", "low")
KINDS = ("survey", "registration", "census", "accounts", "legal", "claim")
UNITS = ("enterprises", "establishments", "persons", "percent", "INR", "USD")
NATURES = ("regular", "acting", "additional_charge")
END_CAUSES = ("term_ended", "new_ministry", "portfolio_changed", "retired", "resigned", "suspended", "transferred",
              "promoted", "replaced", "regularised", "died", "removed", "president_rule", "abolished", "unknown")
UNKNOWN = "unknown"
MAX_TABLE_CHARS = 256 * 2**20  # a newsroom table larger than this is read no further


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a table: ``path:line: message`` (line 0 = the file as a whole)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class Observation:
    obs_id: str
    measure: str
    basis: str
    region: str
    breakdown: dict
    period: str
    as_of: _dt.date | None
    value: float
    unit: str
    value_as_reported: str
    source_url: str
    source: str
    published: str
    confidence: str
    notes: str
    table: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Basis:
    basis: str
    label_en: str
    label_hi: str
    kind: str
    description: str
    source_url: str
    ended: str = ""  # the day (any precision) the source stopped taking new data: its series are closed, not stale


@dataclass(frozen=True, slots=True)
class Person:
    person_id: str
    label_en: str
    label_hi: str
    aliases: tuple[str, ...]
    notes: str

    @property
    def names(self) -> tuple[str, ...]:
        """Every name form: labels first, then aliases."""
        return tuple(n for n in (self.label_en, self.label_hi, *self.aliases) if n)


@dataclass(frozen=True, slots=True)
class Position:
    position_id: str
    label_en: str
    label_hi: str
    jurisdiction: str
    titles: tuple[str, ...]
    single_holder: bool
    notes: str


@dataclass(frozen=True, slots=True)
class Tenure:
    """A person holding a position from ``start`` until ``end`` (exclusive).

    ``end`` is None when the latest source shows the person in office (``last_attested`` says when), or the
    string ``'unknown'`` when the end was not sourced: never read that as "still in office".
    """

    tenure_id: str
    person_id: str
    position_id: str
    start: str
    end: str | None
    end_cause: str
    nature: str
    last_attested: str
    source_url: str
    source: str
    confidence: str
    notes: str
    table: str = ""
    line: int = 0

    def start_bounds(self) -> tuple[_dt.date | None, _dt.date | None]:
        """Earliest and latest day the start can mean (None, None when unknown)."""
        return date_bounds(self.start)

    def end_bounds(self) -> tuple[_dt.date | None, _dt.date | None]:
        """Earliest and latest day the end can mean: (date.max, date.max) when open, (None, None) when unknown."""
        if self.end is None:
            return (_dt.date.max, _dt.date.max)
        return date_bounds(self.end)

    def covers(self, day: _dt.date, *, boundary_ambiguous: bool = True) -> bool | None:
        """Whether the person held the post on ``day``: True, False, or None when the data cannot tell.

        None on a handover day (the day-precision start or end: both holders can match) unless
        ``boundary_ambiguous=False``, inside the span a reduced-precision date can mean, and after the start when
        the end is ``unknown`` (except up to ``last_attested``, when a source showed the person in office).
        """
        s_lo, s_hi = self.start_bounds()
        e_lo, e_hi = self.end_bounds()
        if s_lo is not None and day < s_lo:
            return False
        if e_hi is not None and day >= e_hi and not (boundary_ambiguous and day == e_hi == e_lo):
            return False
        if boundary_ambiguous and (day == s_lo == s_hi or day == e_lo == e_hi):
            return None
        attested = date_bounds(self.last_attested)[0] if self.last_attested else None
        if s_hi is None:  # unknown start: only an attestation makes it true
            return True if attested is not None and day == attested else None
        if day < s_hi:
            return None
        if e_lo is None:  # unknown end
            return True if attested is not None and day <= attested else None
        return True if day < e_lo else None


@dataclass(frozen=True)
class References:
    observations: tuple[Observation, ...] = ()
    bases: dict[str, Basis] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    tenures: tuple[Tenure, ...] = ()

    def tenures_for_position(self, position_id: str) -> tuple[Tenure, ...]:
        """Tenures of a post, oldest first (unknown starts first)."""
        return tuple(sorted((t for t in self.tenures if t.position_id == position_id), key=_tenure_key))

    def tenures_for_person(self, person_id: str) -> tuple[Tenure, ...]:
        return tuple(sorted((t for t in self.tenures if t.person_id == person_id), key=_tenure_key))

    def holders(self, position_id: str, day: _dt.date) -> list[tuple[Tenure, bool | None]]:
        """Tenures of a post that do or may cover ``day``, with :meth:`Tenure.covers` (True or None)."""
        out = []
        for t in self.tenures_for_position(position_id):
            c = t.covers(day)
            if c is not False:
                out.append((t, c))
        return out


def _tenure_key(t: Tenure) -> tuple:
    lo = t.start_bounds()[0]
    return (lo or _dt.date.min, t.tenure_id)


# ---------------------------------------------------------------------------------------------------------- dates

def date_bounds(s: str) -> tuple[_dt.date | None, _dt.date | None]:
    """(earliest, latest) day an ISO date at day, month or year precision can mean; (None, None) for 'unknown'.

    >>> date_bounds("2017-03")
    (datetime.date(2017, 3, 1), datetime.date(2017, 3, 31))
    """
    if s == UNKNOWN:
        return (None, None)
    p = s.split("-")
    if len(p) == 1 and len(p[0]) == 4 and p[0].isdigit():
        y = int(p[0])
        return (_dt.date(y, 1, 1), _dt.date(y, 12, 31))
    if len(p) == 2 and len(p[0]) == 4 and len(p[1]) == 2 and p[0].isdigit() and p[1].isdigit():
        y, m = int(p[0]), int(p[1])
        if not 1 <= m <= 12:
            raise ValueError(f"month out of range in {s!r}")
        return (_dt.date(y, m, 1), _dt.date(y, m, calendar.monthrange(y, m)[1]))
    if len(p) == 3 and [len(x) for x in p] == [4, 2, 2]:
        d = _dt.date.fromisoformat(s)
        return (d, d)
    raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {s!r}")


def parse_breakdown(s: str) -> dict[str, str]:
    """``size=micro;area=rural`` -> {'size': 'micro', 'area': 'rural'}; '' -> {}."""
    out: dict[str, str] = {}
    for part in s.split(";"):
        part = part.strip()
        if not part:
            continue
        k, sep, v = part.partition("=")
        if not sep or not k.strip() or not v.strip():
            raise ValueError(f"breakdown part {part!r} is not key=value")
        if k.strip() in out:
            raise ValueError(f"breakdown key {k.strip()!r} given twice")
        out[k.strip()] = v.strip()
    return out


def _split(s: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in s.split(";") if p.strip())


# -------------------------------------------------------------------------------------------------------- reading

@dataclass
class _Raw:
    """Rows of one table file as dicts, with their line numbers and the problems met while reading."""

    table: str
    path: str
    rows: list[tuple[int, dict[str, str]]]
    problems: list[Problem]


def table_of_header(header: Sequence[str]) -> str | None:
    """The table a CSV header belongs to (by its id column), or None."""
    ids = {cols[0]: name for name, cols in COLUMNS.items()}
    for col in header:
        if col.strip() in ids:
            return ids[col.strip()]
    return None


def _read(path: str, text: str, table: str | None = None) -> _Raw | None:
    """Parse one CSV file line by line so that a stray quote costs one line, not the rest of the file."""
    problems: list[Problem] = []
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return _Raw(table or "?", path, [], [Problem(path, 1, "empty file: expected a header row")])
    header = [h.strip() for h in next(csv.reader([lines[0].lstrip("\ufeff")]))]
    table = table or table_of_header(header)
    if table is None:
        return None
    cols = COLUMNS[table]
    missing = [c for c in cols if c not in header and c not in OPTIONAL.get(table, ())]
    extra = [c for c in header if c not in cols]
    if missing:
        problems.append(Problem(path, 1, f"missing column(s) for table {table}: {', '.join(missing)}"))
    if extra:
        problems.append(Problem(path, 1, f"unknown column(s) for table {table}: {', '.join(extra)}"))
    dups = sorted({c for c in header if header.count(c) > 1})
    if dups:
        problems.append(Problem(path, 1, f"duplicate column(s): {', '.join(dups)}"))
    rows: list[tuple[int, dict[str, str]]] = []
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        try:
            cells = next(csv.reader([line], strict=True))
        except csv.Error as e:
            problems.append(Problem(path, n, f"malformed CSV line ({e}): a stray or unbalanced quote?"))
            continue
        if len(cells) != len(header):
            problems.append(Problem(path, n, f"{len(cells)} fields, header has {len(header)} "
                                             "(an unquoted comma, or a line break inside a field?)"))
            continue
        row = {h: c.strip() for h, c in zip(header, cells)}
        for c in OPTIONAL.get(table, ()):
            row.setdefault(c, "")
        rows.append((n, row))
    return _Raw(table, path, rows, problems)


def _shipped_files() -> list[tuple[str, str, str]]:
    """(table, display path, text) of the tables shipped in claimcheck.reference_data."""
    base = resources.files("claimcheck.reference_data")
    out = []
    for t in TABLES:
        f = base.joinpath(f"{t}.csv")
        out.append((t, f"reference_data/{t}.csv", f.read_text(encoding="utf-8")))
    return out


def _user_files(paths: Iterable[str]) -> tuple[list[tuple[str | None, str, str]], list[Problem]]:
    out: list[tuple[str | None, str, str]] = []
    problems: list[Problem] = []
    for p in paths:
        if p.lower().endswith(".toml"):
            continue  # a newsroom's lexicon (statistics.toml …): claimcheck.find.lexicon reads it
        if os.path.isdir(p):
            names = sorted(n for n in os.listdir(p) if n.lower().endswith(".csv"))
            if not names and not any(n.lower().endswith(".toml") for n in os.listdir(p)):
                problems.append(Problem(p, 0, "directory holds no .csv reference table or .toml lexicon"))
            files = [os.path.join(p, n) for n in names]
        else:
            files = [p]
        for f in files:
            stem = os.path.splitext(os.path.basename(f))[0]
            try:
                if os.path.exists(f) and not os.path.isfile(f):
                    problems.append(Problem(f, 0, "not a regular file (a device, FIFO or socket is not a table)"))
                    continue
                with open(f, encoding="utf-8", newline="") as fh:
                    text = fh.read(MAX_TABLE_CHARS + 1)
                if len(text) > MAX_TABLE_CHARS:
                    problems.append(Problem(f, 0, f"larger than {MAX_TABLE_CHARS // 2**20} Mi characters: not read "
                                                  "(split the table, or check that this is a reference table)"))
                    continue
            except FileNotFoundError:
                problems.append(Problem(f, 0, "no such file or directory"))
                continue
            except (OSError, UnicodeDecodeError) as e:
                problems.append(Problem(f, 0, f"cannot read as UTF-8 text: {e}"))
                continue
            out.append((stem if stem in COLUMNS else None, f, text))
    return out, problems
