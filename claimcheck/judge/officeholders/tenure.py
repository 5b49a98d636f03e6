"""Tenures and the prepared reference indexes for officeholder checking (used by :mod:`claimcheck.judge.officeholders.judge`).

- :func:`_bounds` / :func:`_tenure_state`: what a tenure's start and end (full dates, months, years, "unknown")
  say about one day: in office, ended, not yet started, a reduced-precision or handover edge, or unknown.
- :class:`_Prepared` (built once per references object by :func:`prepare`): name indexes of every person, of the
  holders of a post and of the persons of a jurisdiction, positions blocked by (rank tokens, jurisdiction), and
  tenures by post and by person with start-date bisection (:meth:`_Prepared.near`).
"""

from __future__ import annotations

import bisect
import datetime as _dt
from dataclasses import dataclass

import regex

from claimcheck.find import names
from claimcheck.judge.officeholders.titles import Sig, title_sig

# --- dates --------------------------------------------------------------------------------------------------------
def _bounds(v) -> tuple[_dt.date, _dt.date] | None | str:
    """(earliest, latest) day a date field can mean; None for empty (open); 'unknown' for an unsourced bound."""
    if v is None or v == "":
        return None
    if isinstance(v, _dt.datetime):
        v = v.date()
    if isinstance(v, _dt.date):
        return v, v
    if isinstance(v, (tuple, list)) and len(v) == 2:
        return v[0], v[1]
    s = str(v).strip()
    if s.lower() == "unknown":
        return "unknown"
    try:
        if len(s) == 4:
            y = int(s)
            return _dt.date(y, 1, 1), _dt.date(y, 12, 31)
        if len(s) == 7:
            y, m = int(s[:4]), int(s[5:7])
            nxt = _dt.date(y + (m == 12), m % 12 + 1, 1)
            return _dt.date(y, m, 1), nxt - _dt.timedelta(days=1)
        d = _dt.date.fromisoformat(s[:10])
        return d, d
    except ValueError:
        return "unknown"


def _iso(v) -> str:
    if v is None or v == "":
        return ""
    return v.isoformat() if isinstance(v, _dt.date) else str(v)


@dataclass(frozen=True, slots=True)
class _Span:
    """A tenure's state on a day: 'in', 'out_before' (ended), 'out_after' (not yet started), 'edge' (reduced
    precision or handover), 'unknown' (an unsourced bound decides)."""

    state: str
    note: str = ""


def _tenure_state(t, when: _dt.date) -> _Span:
    sb, eb = _bounds(getattr(t, "start", None)), _bounds(getattr(t, "end", None))
    last = _bounds(getattr(t, "last_attested", None))
    last_hi = last[1] if isinstance(last, tuple) else None
    if isinstance(sb, tuple):
        if when < sb[0]:
            return _Span("out_after")
        if when <= sb[1] and sb[0] != sb[1]:
            return _Span("edge", f"start known only as {_iso(t.start)}")
    if isinstance(eb, tuple):
        if when > eb[1] or (when >= eb[1] and eb[0] == eb[1] and when != eb[0]):
            return _Span("out_before")
        if when == eb[0] == eb[1]:
            return _Span("out_before", "handover")
        if eb[0] <= when <= eb[1] and eb[0] != eb[1]:
            return _Span("edge", f"end known only as {_iso(t.end)}")
    if sb == "unknown" and eb == "unknown":
        return _Span("unknown", "start and end not sourced")
    if sb == "unknown":
        return _Span("unknown", "start not sourced")
    if eb == "unknown":
        if last_hi and when <= last_hi:
            return _Span("in", f"end not sourced; attested {_iso(t.last_attested)}")
        return _Span("unknown", "end not sourced" + (f" after {_iso(t.last_attested)}" if last_hi else ""))
    if sb is None:
        return _Span("unknown", "start not sourced")
    return _Span("in")


# An open tenure is the latest source's word that its holder is in office. It shows that nobody else held a
# single-holder post only up to six months after the day a source last showed the holder in it (the horizon of
# `claimcheck data status`): later than that, a change the tables have not caught up with is possible, and naming
# someone else is unverifiable rather than wrong.
ATTESTED_FOR_DAYS = 183


def last_seen(t, when: _dt.date) -> _dt.date | None:
    """For an open tenure that ``when`` is more than :data:`ATTESTED_FOR_DAYS` after its latest attestation (or,
    with none, its start), that day; else None."""
    if _bounds(getattr(t, "end", None)) is not None:
        return None
    seen = _bounds(getattr(t, "last_attested", None)) or _bounds(getattr(t, "start", None))
    if not isinstance(seen, tuple):
        return None
    return seen[1] if (when - seen[1]).days > ATTESTED_FOR_DAYS else None


# --- prepared reference data ---------------------------------------------------------------------------------------
class _Prepared:
    def __init__(self, refs) -> None:
        self.refs = refs
        # verdicts already reached, by everything a verdict depends on (see people.check_officeholder): a text
        # that repeats one title and name (or a long article that names its minister fifty times) checks it once
        self.verdicts: dict[tuple, object] = {}
        self._rank_pos: dict[frozenset, list[str]] = {}
        self.rank_pools: dict[object, list[str]] = {}  # record.rank_pool by title signature (a few dozen a run)
        self.candidates: dict[tuple, list[str]] = {}  # judge.candidate_positions by (title, jurisdiction, region)
        self._rank_ix: dict[frozenset, names.NameIndex] = {}
        self.index = names.NameIndex()  # every person; names are folded lazily (see NameIndex)
        for pid, p in refs.persons.items():
            self.index.add(pid, [p.label_en, p.label_hi, *(p.aliases or ())])
        self._jur_index: dict[str, names.NameIndex] = {}
        self._pos_index: dict[str, names.NameIndex] = {}
        self._by_start: dict[str, tuple] = {}
        self.pos_sigs: dict[str, list[Sig]] = {}
        for pid, pos in refs.positions.items():
            titles = list(pos.titles or ()) + [pos.label_hi, pos.label_en]
            self.pos_sigs[pid] = [title_sig(t) for t in titles if t]
        self.by_pos: dict[str, list] = {}
        self.by_person: dict[str, list] = {}
        for t in refs.tenures:
            self.by_pos.setdefault(t.position_id, []).append(t)
            self.by_person.setdefault(t.person_id, []).append(t)
        # positions blocked by (rank tokens, jurisdiction), organisations by (rank tokens, a word of their slug),
        # so a title is compared with the few posts of its rank where the claim can be
        self.by_key: dict[tuple[frozenset, str], set[str]] = {}
        for pid, sigs in self.pos_sigs.items():
            jur = getattr(refs.positions[pid], "jurisdiction", "") or ""
            for s in sigs:
                if jur.startswith("org:"):
                    for w in regex.split(r"[-_.]", jur[4:]):
                        if w:
                            self.by_key.setdefault((s.rank, "org:" + names.fold_latin(w)), set()).add(pid)
                else:
                    self.by_key.setdefault((s.rank, jur), set()).add(pid)


    def positions_of_rank(self, rank: frozenset) -> list[str]:
        """Every position (any jurisdiction) with a title of these rank tokens, sorted."""
        got = self._rank_pos.get(rank)
        if got is None:
            got = self._rank_pos[rank] = sorted({pid for (r, _), ps in self.by_key.items() if r == rank
                                                for pid in ps})
        return got

    def rank_index(self, rank: frozenset) -> names.NameIndex:
        """A name index of everybody who held a post of these rank tokens anywhere (built on first use)."""
        ix = self._rank_ix.get(rank)
        if ix is None:
            ix = self._rank_ix[rank] = names.NameIndex()
            for pid in self.positions_of_rank(rank):
                for t in self.by_pos.get(pid, ()):
                    p = self.refs.persons.get(t.person_id)
                    if p is not None and t.person_id not in ix._raw:
                        ix.add(t.person_id, [p.label_en, p.label_hi, *(p.aliases or ())])
        return ix

    def rank_in_states(self, rank: frozenset) -> bool:
        """Some state-level post (a jurisdiction other than the Union or an organisation) has these rank tokens."""
        return any(r == rank and j and j != "IN" and not j.startswith("org:") for r, j in self.by_key)

    def state(self, t, when: _dt.date) -> _Span:
        """The tenure's state on ``when``, with an unsourced start bounded by the tenures of a single-holder post
        that ended before this one ended (terms do not overlap: Alok Kumar's unsourced start on a post comes after
        the end of his predecessor's term)."""
        sp = _tenure_state(t, when)
        if sp.state != "unknown" or _bounds(t.start) != "unknown":
            return sp
        pos = self.refs.positions.get(t.position_id)
        eb = _bounds(t.end)
        if pos is None or not getattr(pos, "single_holder", True) or not isinstance(eb, tuple):
            return sp
        lo = None
        for o in self.by_pos.get(t.position_id, ()):
            ob = _bounds(o.end)
            if o is not t and isinstance(ob, tuple) and ob[1] <= eb[0]:
                lo = ob[0] if lo is None else max(lo, ob[0])
        if lo is not None and when < lo:
            return _Span("out_after", f"start not sourced, after {lo.isoformat()}")
        return sp

    def holders_index(self, pid: str) -> names.NameIndex:
        """A name index of everybody who ever held ``pid`` (built on first use)."""
        ix = self._pos_index.get(pid)
        if ix is None:
            ix = self._pos_index[pid] = names.NameIndex()
            for t in self.by_pos.get(pid, ()):
                p = self.refs.persons.get(t.person_id)
                if p is not None and t.person_id not in ix._raw:
                    ix.add(t.person_id, [p.label_en, p.label_hi, *(p.aliases or ())])
        return ix

    def tenures_of(self, person: str, pid: str) -> list:
        return [t for t in self.by_person.get(person, ()) if t.position_id == pid]

    def near(self, pid: str, when: _dt.date) -> list:
        """The tenures of ``pid`` that can matter on ``when``: started by then (or unsourced) and not ended long
        before; found by bisection on start dates and a backward scan that stops after a run of ended tenures."""
        starts, ts, undated = self._sorted(pid)
        i = bisect.bisect_right(starts, when)
        out, ended = list(undated), 0
        for k in range(i - 1, -1, -1):
            t = ts[k]
            st = _tenure_state(t, when).state
            out.append(t)
            ended = ended + 1 if st == "out_before" else 0
            if ended >= 25:
                break
        out.extend(ts[i:i + 3])  # the next starts (for handover days and reduced precision)
        return out

    def _sorted(self, pid: str):
        v = self._by_start.get(pid)
        if v is None:
            dated, undated = [], []
            for t in self.by_pos.get(pid, ()):
                b = _bounds(t.start)
                (dated if isinstance(b, tuple) else undated).append((b[0] if isinstance(b, tuple) else None, t))
            dated.sort(key=lambda x: x[0])
            v = self._by_start[pid] = ([d for d, _ in dated], [t for _, t in dated], [t for _, t in undated])
        return v

    def people_of(self, jurisdiction: str) -> names.NameIndex:
        """A name index of the persons who held any post in ``jurisdiction`` (built on first use)."""
        ix = self._jur_index.get(jurisdiction)
        if ix is None:
            ix = self._jur_index[jurisdiction] = names.NameIndex()
            seen = set()
            for pid, pos in self.refs.positions.items():
                if (getattr(pos, "jurisdiction", "") or "") != jurisdiction:
                    continue
                for t in self.by_pos.get(pid, ()):
                    if t.person_id not in seen and t.person_id in self.refs.persons:
                        seen.add(t.person_id)
                        p = self.refs.persons[t.person_id]
                        ix.add(t.person_id, [p.label_en, p.label_hi, *(p.aliases or ())])
        return ix


_PREP: dict[int, _Prepared] = {}


def prepare(refs) -> _Prepared:
    """Indexes over ``refs`` (built once per references object)."""
    p = _PREP.get(id(refs))
    if p is None or p.refs is not refs:
        if len(_PREP) > 4:
            _PREP.clear()
        p = _PREP[id(refs)] = _Prepared(refs)
    return p
