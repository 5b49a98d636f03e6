"""The person's own record, for a state-level title written without its state ("मुख्यमंत्री X", "Governor Y").

Before any state is assumed, :func:`held_anywhere` asks whether the named person held a post of that title in any
jurisdiction in the way the claim says (on the date; earlier for "पूर्व"/former; about to for designate; up to a
few days before for outgoing). Only when that does not decide does the judge need the article's state
(:mod:`claimcheck.judge.officeholders.jurisdiction`); when the article gives none, :func:`only_state` is the one
jurisdiction where the tables list the person in such a post, if there is exactly one.

Qualifier windows (:data:`DESIGNATE_DAYS`, :data:`OUTGOING_DAYS`) follow the truth policy of the real-claims
sets: a person named or sworn-in-to-be is "supported" when the tenure starts within a month after the date; an
outgoing holder is "supported" up to a week after the hand-over (reports of the ceremony).
"""

from __future__ import annotations

import datetime as _dt

from claimcheck.find import names
from claimcheck.judge.officeholders.tenure import _bounds, _iso
from claimcheck.judge.officeholders.titles import _title_score

DESIGNATE_DAYS = 30  # a designate's tenure starts within this many days after the date
OUTGOING_DAYS = 7  # an outgoing holder's tenure ended at most this many days before the date


def rank_pool(prep, sig) -> list[str]:
    """Positions of the claim's rank, any jurisdiction, whose title fits the claim's portfolio (a bare title such
    as "मंत्री" fits every post of its rank)."""
    out = prep.rank_pools.get(sig)
    if out is None:
        out = prep.rank_pools[sig] = [
            pid for pid in prep.positions_of_rank(sig.rank)
            if not sig.port or max((_title_score(sig, ps) for ps in prep.pos_sigs[pid]), default=0.0) > 0]
    return out


def _persons(prep, sig, written) -> list[str]:
    ms = prep.rank_index(sig.rank).match(written)
    status, best = names.decide(ms)
    if status == "none":
        return []
    if status == "match" and not best[0].surname_only:
        return [best[0].key]
    return [m.key for m in ms if m.score >= names.THRESHOLD]  # ambiguous or a surname: the date decides below


def qualifier_fits(prep, t, when: _dt.date, qualifier: str | None) -> str | None:
    """Why tenure ``t`` makes the claim true on ``when`` under ``qualifier``, or None."""
    st = prep.state(t, when).state
    sb, eb = _bounds(t.start), _bounds(t.end)
    if qualifier == "former":
        return f"until {_iso(t.end)}" if st == "out_before" else None
    if qualifier == "past" and st == "out_before":
        return f"until {_iso(t.end)}"  # "X was the governor of Assam": held at some time up to the date
    if st == "in":
        return f"from {_iso(t.start) or 'an unsourced date'}"
    if qualifier == "designate" and isinstance(sb, tuple) and sb[0] <= when + _dt.timedelta(days=DESIGNATE_DAYS) \
            and (st in ("out_after", "edge")):
        return f"appointed; in office from {_iso(t.start)}"
    if qualifier == "outgoing" and isinstance(eb, tuple) and eb[0] <= when <= eb[1] + _dt.timedelta(days=OUTGOING_DAYS):
        return f"outgoing; in office until {_iso(t.end)}"
    return None


def held_anywhere(prep, sig, written: str, when: _dt.date, qualifier: str | None):
    """(tenure, why) when exactly one person matching ``written`` held a post of ``sig``'s title (any
    jurisdiction) as ``qualifier`` says on ``when``; else None."""
    pool = set(rank_pool(prep, sig))
    if not pool:
        return None
    hits = []
    for person in _persons(prep, sig, written):
        for t in prep.by_person.get(person, ()):
            if t.position_id in pool:
                why = qualifier_fits(prep, t, when, qualifier)
                if why:
                    hits.append((t, why))
                    break
    if len({t.person_id for t, _ in hits}) != 1:
        return None
    return hits[0]


def only_state(prep, sig, written: str) -> tuple[str | None, str]:
    """(the one jurisdiction where the tables list the person named ``written`` in a post of ``sig``'s rank, how)
    or (None, why not). Any portfolio counts: "औद्योगिक विकास मंत्री X" for a state's MSME minister is still about
    that state."""
    persons = _persons(prep, sig, written)
    if not persons:
        return None, f"the tables do not know {written} in such a post"
    if len(persons) > 1:
        return None, f"'{written}' fits several people in such posts"
    pool = set(prep.positions_of_rank(sig.rank))
    jurs = {getattr(prep.refs.positions[t.position_id], "jurisdiction", "") or ""
            for t in prep.by_person.get(persons[0], ()) if t.position_id in pool}
    jurs.discard("")
    if len(jurs) == 1:
        return jurs.pop(), "the only state where the tables list this person in such a post"
    return None, f"the tables list {written} in such posts in {len(jurs)} jurisdictions ({', '.join(sorted(jurs))})"


_DOC_STATES: dict[tuple, list] = {}


def state_of_others(prep, text: str, when: _dt.date, start: int) -> str | None:
    """The state the other officeholders of ``text`` place it in: the one state whose post (held on ``when``) the
    other mentions' own records give, when they all agree ("मुख्य सचिव X … मुख्यमंत्री पुष्कर सिंह धामी": the
    Chief Minister's record names the state of the Chief Secretary). A mention overlapping ``start`` does not
    vouch for itself. The mentions are found and placed once per document and date."""
    key = (id(prep), hash(text), len(text), when)
    placed = _DOC_STATES.get(key)
    if placed is None:
        placed = _place_mentions(prep, text, when)
        if len(_DOC_STATES) > 64:
            _DOC_STATES.clear()
        _DOC_STATES[key] = placed
    found = {jur for s, e, jur in placed if not s <= start < e}
    return found.pop() if len(found) == 1 else None


def _place_mentions(prep, text: str, when: _dt.date) -> list[tuple[int, int, str]]:
    from claimcheck.find.claims import Context
    from claimcheck.find.officeholders import finder
    from claimcheck.judge.officeholders.titles import title_sig
    from claimcheck.model import Document
    from claimcheck.read.text import fold

    out = []
    ctx = Context(doc=Document(id="", text=text), folded=fold(text), anchor=when, lang="")
    for c in finder.find(ctx):
        for off in tuple(c.offices) or ((c.office,) if c.office else ()):
            sig = title_sig(((c.jurisdiction or "") + " " + off).strip())
            if sig.scope or not sig.rank or not prep.rank_in_states(sig.rank):
                continue
            hit = held_anywhere(prep, sig, c.person or "", when, None)
            if hit is not None:
                jur = getattr(prep.refs.positions[hit[0].position_id], "jurisdiction", "") or ""
                if jur.startswith("IN-"):
                    out.append((c.start, c.end, jur))
    return out
