"""Officeholder verdicts: does the named person hold the named post on the claim's date?

Steps for one claim (each of its ``offices`` is checked and the worst outcome wins):

1. title -> candidate positions. The written title (plus the organisation written before it, "इनवेस्ट यूपी के")
   is reduced to canonical tokens (``[canon]`` in data/titles.toml): *rank* tokens (chief, secretary, minister,
   mos…) must equal a position title's rank tokens exactly, and the claim's portfolio tokens must be at least half
   covered by that title's. Positions are blocked by jurisdiction: the one written in the claim, else the state
   the article is about plus the Union and organisations — never another state's post by default.
2. name -> person across scripts (:mod:`claimcheck.names`): first among the holders of the candidate posts, then
   among all persons (to tell "held another post" from "unknown"). A surname-only mention ("पासवान", "मोदी")
   counts only when one holder of the post matches.
3. tenure at the date, half-open [start, end): a handover day or a reduced-precision bound containing the date is
   "ambiguous"; an unsourced end after the last attestation is "unverifiable".
"""

from __future__ import annotations

import bisect
import datetime as _dt
from dataclasses import dataclass

import regex

from . import names
from .names import Sig, _title_score, article_region, title_sig  # noqa: F401 (article_region is public here too)
from .model import Evidence, Verdict

DEFAULT_REGION = "IN-UP"  # the state the shipped tables cover, for articles that name none
_BAD = ("contradicted", "outdated", "ambiguous", "unverifiable", "supported")  # worst first
_BEST = ("supported", "ambiguous", "unverifiable", "outdated", "contradicted")  # best reading first


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


# --- prepared reference data ---------------------------------------------------------------------------------------
class _Prepared:
    def __init__(self, refs) -> None:
        self.refs = refs
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


# --- verdicts -----------------------------------------------------------------------------------------------------
def candidate_positions(prep: _Prepared, office: str, jurisdiction: str | None, region: str | None) -> list[str]:
    sig = title_sig(((jurisdiction or "") + " " + office).strip())
    scope = sig.scope
    if jurisdiction and scope is None:
        scope = title_sig(jurisdiction).scope
    # where to look: the jurisdiction the claim names, else the article's state (UP when unknown) and the Union;
    # never another state's post unless the claim names that state
    keys = [scope] if scope is not None else [region or DEFAULT_REGION, "IN"]
    pool: set[str] = set()
    for k in keys:
        pool |= prep.by_key.get((sig.rank, k), set())
    if jurisdiction:
        for w in names.fold_latin(names.translit(jurisdiction)).split():
            pool |= prep.by_key.get((sig.rank, "org:" + w), set())
    scored = []
    for pid in pool:
        best = max((_title_score(sig, ps) for ps in prep.pos_sigs[pid]), default=0.0)
        if best > 0:
            scored.append((best, pid))
    if not scored:
        return []
    top = max(b for b, _ in scored)
    return [pid for b, pid in sorted(scored, key=lambda x: (-x[0], x[1])) if b >= top - 0.25]


def _label(prep, person_id) -> str:
    p = prep.refs.persons.get(person_id)
    return (p.label_en or p.label_hi or person_id) if p else person_id


def _pos_label(prep, pid) -> str:
    p = prep.refs.positions.get(pid)
    return (p.label_en or pid) if p else pid


def _url(t) -> str | None:
    u = getattr(t, "source_url", None) or ""
    return u.split(" ; ")[0].split(";")[0].strip() or None


def _holders_on(prep, pid, when) -> list:
    return [t for t in prep.near(pid, when) if _tenure_state(t, when).state == "in"]


def _evidence(prep, t, when, summary) -> Evidence:
    return Evidence(summary=summary, table="officeholders", row=getattr(t, "tenure_id", None),
                    value=_label(prep, t.person_id), period=f"{_iso(t.start)}/{_iso(t.end)}",
                    as_of=when.isoformat(), source=getattr(t, "source", None), source_url=_url(t))


def _holder_text(prep, pid, when, exclude=None) -> tuple[str, list]:
    hs = [t for t in _holders_on(prep, pid, when) if t.person_id != exclude]
    if not hs:
        return "", []
    parts = [f"{_label(prep, t.person_id)} (from {_iso(t.start) or 'an unsourced date'})" for t in hs]
    return " and ".join(parts), hs


def _check_position(prep, pid, person_ids, written, when, former, known=True) -> tuple[str, str, list[Evidence]]:
    """(outcome, message, evidence) for one position and the person(s) the name matched."""
    post = _pos_label(prep, pid)
    pos = prep.refs.positions[pid]
    single = bool(getattr(pos, "single_holder", True))
    d = when.isoformat()
    if len(person_ids) > 1:
        labels = ", ".join(_label(prep, p) for p in person_ids)
        return "ambiguous", f"ambiguous: '{written}' matches {labels}; post and date do not decide", []
    person = person_ids[0] if person_ids else None
    holders, htenures = _holder_text(prep, pid, when, exclude=person)

    mine = prep.tenures_of(person, pid) if person else []
    near = prep.near(pid, when)
    if former and not mine:
        # "पूर्व मुख्यमंत्री X": a past tenure the tables may not reach back to is no contradiction
        return ("unverifiable", f"unverifiable: the tables do not list {written} as a former holder of {post}"
                " (they may not reach back far enough)", [])
    if person is None:
        if holders and single and known:
            ev = [_evidence(prep, t, when, f"{_label(prep, t.person_id)} held {post} on {d}") for t in htenures]
            return ("contradicted", f"contradicted: on {d} {post} was held by {holders}, not {written}", ev)
        ev = [_evidence(prep, t, when, f"{_label(prep, t.person_id)} held {post} on {d}") for t in htenures]
        return ("unverifiable", f"unverifiable: {written} is not in the reference tables"
                + (f"; on {d} {post} was held by {holders}" if holders else ""), ev)
    who = _label(prep, person)
    states = [(t, prep.state(t, when)) for t in mine]
    ins = [(t, s) for t, s in states if s.state == "in"]
    if ins:
        t, s = ins[0]
        src = _url(t) or "no URL"
        if former:
            return ("contradicted", f"contradicted: {who} still held {post} on {d} (from {_iso(t.start)}), "
                    f"not a former holder — source {src}", [_evidence(prep, t, when, f"{who} held {post} on {d}")])
        handover = single and any(_bounds(o.end) == (when, when) for o in near if o.person_id != person) \
            and _bounds(t.start) == (when, when)
        if handover:
            return ("ambiguous", f"ambiguous: {d} is the handover day of {post} ({who} from {d})",
                    [_evidence(prep, t, when, f"{who} took over {post} on {d}")])
        note = f"; {s.note}" if s.note else ""
        return ("supported", f"supported: {who} held {post} on {d} (from {_iso(t.start) or 'an unsourced date'}"
                f"{', until ' + _iso(t.end) if _iso(t.end) else ''}{note}) — source {src}",
                [_evidence(prep, t, when, f"{who} held {post} on {d}")])
    edges = [(t, s) for t, s in states if s.state == "edge" or s.note == "handover"]
    if edges and not former:
        t, s = edges[0]
        why = "handover day" if s.note == "handover" else s.note
        return ("ambiguous", f"ambiguous: {who} and {post} on {d}: {why}",
                [_evidence(prep, t, when, f"{who}: {post} {_iso(t.start)}–{_iso(t.end)}")])
    unknowns = [(t, s) for t, s in states if s.state == "unknown"]
    before = [t for t, s in states if s.state == "out_before"]
    if unknowns and not before:
        t, s = unknowns[0]
        if single and htenures:
            # someone else certainly held the single-holder post then: the unsourced bound lies elsewhere
            ev = [_evidence(prep, h, when, f"{_label(prep, h.person_id)} held {post} on {d}") for h in htenures]
            held_later = _bounds(t.start) == "unknown" and isinstance(_bounds(t.end), tuple)
            outcome = "contradicted" if held_later and not former else "outdated"
            return (outcome, f"{outcome}: on {d} {post} was held by {holders}; {who}'s tenure "
                    f"({_iso(t.start)}–{_iso(t.end) or 'open'}) does not cover it", ev)
        rivals = [o for o in near if o.person_id != person
                  and prep.state(o, when).state == "unknown"]
        if rivals and single:
            ev = [_evidence(prep, o, when, f"{_label(prep, o.person_id)}: {post} {_iso(o.start)}–{_iso(o.end)}")
                  for o in [t, *rivals]]
            return ("unverifiable", f"unverifiable: {who} and {_label(prep, rivals[0].person_id)} both have "
                    f"unsourced bounds for {post} around {d}", ev)
        if _bounds(t.start) == "unknown" and not former:
            return ("supported", f"supported: {who} held {post} on {d} per the reference (start not sourced"
                    f"{', until ' + _iso(t.end) if _iso(t.end) else ''}) — source {_url(t) or 'no URL'}",
                    [_evidence(prep, t, when, f"{who} held {post} (start not sourced)")])
        return ("unverifiable", f"unverifiable: {who} held {post} from {_iso(t.start)}; {s.note}, so {d} "
                f"cannot be checked — source {_url(t) or 'no URL'}", [_evidence(prep, t, when, f"{who}: {s.note}")])
    if before:
        t = max(before, key=lambda x: _bounds(x.end)[1] if isinstance(_bounds(x.end), tuple) else _dt.date.min)
        ev = [_evidence(prep, t, when, f"{who} held {post} {_iso(t.start)}–{_iso(t.end)}")]
        ev += [_evidence(prep, h, when, f"{_label(prep, h.person_id)} held {post} on {d}") for h in htenures]
        if former:
            return ("supported", f"supported: {who} is a former holder of {post} (until {_iso(t.end)}) — "
                    f"source {_url(t) or 'no URL'}", ev)
        msg = f"outdated: {who} was {post} until {_iso(t.end)}"
        msg += f"; on {d} the post was held by {holders}" if holders else f"; no holder on {d} is in the tables"
        return ("outdated", msg + f" — source {_url(htenures[0] if htenures else t) or 'no URL'}", ev)
    # the person held the post only later, or never
    ev = [_evidence(prep, h, when, f"{_label(prep, h.person_id)} held {post} on {d}") for h in htenures]
    later = [t for t, s in states if s.state == "out_after"]
    if holders:
        extra = f" ({who} held it only from {_iso(later[0].start)})" if later else ""
        return ("contradicted", f"contradicted: on {d} {post} was held by {holders}, not {who}{extra}"
                f" — source {_url(htenures[0]) or 'no URL'}", ev)
    firm = [t for t in later if (getattr(t, "confidence", "") or "high") == "high"]
    if firm and not former:
        # a firmly dated later start: the person did not hold the post yet, whoever did
        t = min(firm, key=lambda x: _bounds(x.start)[0])
        others = [o for o in near if o.person_id != person
                  and prep.state(o, when).state in ("unknown", "edge")]
        ev = [_evidence(prep, t, when, f"{who} held {post} from {_iso(t.start)}")]
        ev += [_evidence(prep, o, when, f"{_label(prep, o.person_id)}: {post} {_iso(o.start)}–{_iso(o.end)}")
               for o in others]
        maybe = f"; the post was then probably held by {_label(prep, others[0].person_id)}" if others else ""
        return ("contradicted", f"contradicted: {who} held {post} only from {_iso(t.start)}, after {d}{maybe}"
                f" — source {_url(t) or 'no URL'}", ev)
    return ("unverifiable", f"unverifiable: the tables name no holder of {post} on {d}", ev)


def check_officeholder(claim, refs, when: _dt.date, *, region: str | None = None, doc_text: str | None = None) -> Verdict:
    """Verdict for an officeholder claim on ``when``. ``region`` is the ISO code of the state the article is about
    (found from ``doc_text`` when not given)."""
    d = when.isoformat()
    if refs is None or not getattr(refs, "persons", None):
        return Verdict("unverifiable", "unverifiable: no officeholder reference table is loaded", as_of=d)
    prep = prepare(refs)
    if region is None and doc_text:
        region = article_region(doc_text)
    explicit = title_sig(claim.jurisdiction).scope if claim.jurisdiction else None
    offices = tuple(claim.offices) or ((claim.office,) if claim.office else ())
    former = (claim.subtype == "former")
    written = claim.person or ""
    results = []
    for off in offices:
        sig = title_sig(((claim.jurisdiction or "") + " " + off).strip())
        cands = candidate_positions(prep, off, claim.jurisdiction, region)
        # a person unknown to the tables contradicts a post only where the claim itself names the jurisdiction
        # (or the post is national): a region guessed from the article may be wrong
        known = bool(explicit or sig.scope) or all(
            (getattr(prep.refs.positions[c], "jurisdiction", "") or "") == "IN"
            or (getattr(prep.refs.positions[c], "jurisdiction", "") or "").startswith("org:") for c in cands)
        if not cands and sig.rank and not sig.port:
            results.append(_check_generic(prep, sig, claim.jurisdiction, region, written, when, off))
            continue
        if not cands:
            results.append(("unverifiable", f"unverifiable: no reference table covers the post '{off}'", []))
            continue
        results.append(_check_office(prep, cands, written, when, former, known))
    if not results:
        return Verdict("unverifiable", "unverifiable: no office in the claim", as_of=d)
    results.sort(key=lambda r: _BAD.index(r[0]))
    outcome = results[0][0]
    msg = " | ".join(r[1] for r in results) if len(results) > 1 else results[0][1]
    ev = tuple(e for r in results for e in r[2])
    return Verdict(outcome, msg, ev, as_of=d)


def _check_generic(prep, sig, jurisdiction, region, written, when, office):
    """A title without a portfolio ("केंद्रीय मंत्री पासवान", "Union minister Smriti Irani"): supported when the
    person held any post of that rank in scope on the date; otherwise unverifiable (the tables do not list every
    post of a rank, so nothing is contradicted)."""
    scope = sig.scope or (title_sig(jurisdiction).scope if jurisdiction else None)
    keys = [scope] if scope is not None else [region or DEFAULT_REGION, "IN"]
    pool = sorted(set().union(*(prep.by_key.get((sig.rank, k), set()) for k in keys)))
    merged: dict[str, names.Match] = {}
    for pid in pool:
        for m in prep.holders_index(pid).match(written):
            if m.key not in merged or m.score > merged[m.key].score:
                merged[m.key] = m
    status, best = names.decide(sorted(merged.values(), key=lambda m: (-m.score, m.key)))
    held = []  # (person, tenure) in office on the date
    for m in best if status in ("match", "ambiguous") else []:
        t = next((t for pid in pool for t in prep.tenures_of(m.key, pid) if prep.state(t, when).state == "in"), None)
        if t is not None:
            held.append((m.key, t))
    if len(held) == 1:
        person, t = held[0]
        post, who = _pos_label(prep, t.position_id), _label(prep, person)
        return ("supported", f"supported: {who} held {post} on {when.isoformat()} (from "
                f"{_iso(t.start) or 'an unsourced date'}) — source {_url(t) or 'no URL'}",
                [_evidence(prep, t, when, f"{who} held {post} on {when.isoformat()}")])
    if len(held) > 1:
        who = " and ".join(f"{_label(prep, p)} ({_pos_label(prep, t.position_id)})" for p, t in held)
        return ("ambiguous", f"ambiguous: '{written}' may be {who}; the title does not say which post",
                [_evidence(prep, t, when, f"{_label(prep, p)} held {_pos_label(prep, t.position_id)}")
                 for p, t in held])
    return ("unverifiable", f"unverifiable: the tables show no '{office}' post held by {written} on "
            f"{when.isoformat()}", [])


def _check_office(prep, cands, written, when, former, known):
    toks = names.name_tokens(written)
    merged: dict[str, names.Match] = {}
    for pid in cands:
        for m in prep.holders_index(pid).match(written):
            if m.key not in merged or m.score > merged[m.key].score:
                merged[m.key] = m
    matches = sorted(merged.values(), key=lambda m: (-m.score, m.key))
    status, best = names.decide(matches)
    if status == "none" and len(toks) >= 3:
        # a word the finder took into the name ("राकेश सचान बोले"): try without the last word
        return _check_office(prep, cands, written.rsplit(maxsplit=1)[0], when, former, known)

    def held(person, states):
        return any(prep.state(t, when).state in states for pid in cands for t in prep.tenures_of(person, pid))

    if status == "match" and best[0].surname_only:
        # a surname or nickname alone: accept when one holder of the post on that date (or ever) matches
        ok = [m for m in matches if m.score >= names.THRESHOLD]
        on_date = [m for m in ok if held(m.key, ("in", "edge"))]
        if len(on_date) == 1:
            best = on_date
        elif len(on_date) > 1:
            status, best = "ambiguous", on_date
    if status == "ambiguous":
        # post and date may decide between namesakes
        on_date = [m for m in best if held(m.key, ("in", "edge", "unknown"))]
        if len(on_date) == 1:
            status, best = "match", on_date
    if status == "match":
        pid_person = best[0].key
        pos = [pid for pid in cands if prep.tenures_of(pid_person, pid)]
        # a title that fits several posts ("Flipkart CEO": CEO or Group CEO) holds if any reading holds
        res = [_check_position(prep, pid, [pid_person], written, when, former, known) for pid in pos or cands[:1]]
        return min(res, key=lambda r: _BEST.index(r[0]))
    if status == "ambiguous":
        return _check_position(prep, cands[0], [m.key for m in best], written, when, former, known)
    # not a holder of these posts: a known person (held something else) or nobody in the tables
    # look among the persons of the same jurisdictions only (blocking: never the whole table)
    jurs = {getattr(prep.refs.positions[c], "jurisdiction", "") or "" for c in cands}
    glob = sorted((m for j in jurs for m in prep.people_of(j).match(written)), key=lambda m: (-m.score, m.key))
    gstatus, gbest = names.decide(glob)
    person = [gbest[0].key] if gstatus == "match" and not gbest[0].surname_only and len(toks) > 1 else []
    return _check_position(prep, cands[0], person, written, when, former, known)
