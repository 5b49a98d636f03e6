"""Officeholder verdicts: does the named person hold the named post on the claim's date?

Steps for one claim (each of its ``offices`` is checked and the worst outcome wins):

1. title -> candidate positions. The written title (plus the organisation written before it, "इनवेस्ट यूपी के")
   is reduced to canonical tokens (``[canon]`` in data/titles.toml): *rank* tokens (chief, secretary, minister,
   mos…) must equal a position title's rank tokens exactly, and the claim's portfolio tokens must be at least half
   covered by that title's. Positions are blocked by jurisdiction: the one written in the claim, else the state
   the article is about plus the Union and organisations — never another state's post by default.
2. name -> person across scripts (:mod:`claimcheck.find.names`): first among the holders of the candidate posts, then
   among all persons (to tell "held another post" from "unknown"). A surname-only mention ("पासवान", "मोदी")
   counts only when one holder of the post matches.
3. tenure at the date, half-open [start, end): a handover day or a reduced-precision bound containing the date is
   "ambiguous"; an unsourced end after the last attestation is "unverifiable". Tenure states and the prepared
   indexes are in :mod:`claimcheck.judge.officeholders.tenure`.
"""

from __future__ import annotations

import datetime as _dt

import regex

from claimcheck.find import names
from claimcheck.model import Evidence, Verdict
from claimcheck.judge.officeholders import jurisdiction, record
from claimcheck.judge.officeholders.titles import _title_score, article_region, title_sig  # noqa: F401 (article_region is public here too)
from claimcheck.judge.officeholders.tenure import _bounds, _iso, _Prepared, _tenure_state, last_seen, prepare  # noqa: F401 (prepare is public here)

_BAD = ("contradicted", "outdated", "ambiguous", "unverifiable", "supported")  # worst first
_BEST = ("supported", "ambiguous", "unverifiable", "outdated", "contradicted")  # best reading first


# --- verdicts -----------------------------------------------------------------------------------------------------
def candidate_positions(prep: _Prepared, office: str, jurisdiction: str | None, region: str | None) -> list[str]:
    """The posts a written title can be, best first (memoised per prepared tables: a run repeats its titles)."""
    key = (office, jurisdiction, region)
    got = prep.candidates.get(key)
    if got is None:
        if len(prep.candidates) >= 8192:
            prep.candidates.clear()
        got = prep.candidates[key] = _candidate_positions(prep, office, jurisdiction, region)
    return list(got)


def _candidate_positions(prep: _Prepared, office: str, jurisdiction: str | None, region: str | None) -> list[str]:
    sig = title_sig(((jurisdiction or "") + " " + office).strip())
    scope = sig.scope
    if jurisdiction and scope is None:
        scope = title_sig(jurisdiction).scope
    # where to look: the jurisdiction the claim names, else the article's state (when known) and the Union;
    # never another state's post unless the claim names that state
    keys = [scope] if scope is not None else [r for r in (region,) if r] + ["IN"]
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


def _held(prep, hit, when, qualifier) -> tuple[str, str, list[Evidence]]:
    """The 'supported' outcome for a tenure the person's own record gives (see :mod:`.record`)."""
    t, why = hit
    post, who, d = _pos_label(prep, t.position_id), _label(prep, t.person_id), when.isoformat()
    verb = "is a former holder of" if qualifier == "former" else "held" if why.startswith(("from", "until")) else "and"
    return ("supported", f"supported: {who} {verb} {post} on {d} ({why}) — source {_url(t) or 'no URL'}",
            [_evidence(prep, t, when, f"{who}: {post} {_iso(t.start)}–{_iso(t.end)}")])


def _check_position(prep, pid, person_ids, written, when, former, known=True,
                    qualifier=None) -> tuple[str, str, list[Evidence]]:
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
    # the holders show that nobody else held the post only while a source attests them (tenure.last_seen)
    seen = [last_seen(t, when) for t in htenures]
    firm = bool(htenures) and not all(seen)
    unseen = "" if firm or not htenures else (
        f"; the tables last show {holders} in it on {max(x for x in seen if x).isoformat()}, and a change after "
        "that is not in them")

    mine = prep.tenures_of(person, pid) if person else []
    near = prep.near(pid, when)
    if qualifier in ("designate", "outgoing", "past"):
        for t in mine:
            why = record.qualifier_fits(prep, t, when, qualifier)
            if why:
                return _held(prep, (t, why), when, qualifier)
    if former and not mine:
        # "पूर्व मुख्यमंत्री X": a past tenure the tables may not reach back to is no contradiction
        return ("unverifiable", f"unverifiable: the tables do not list {written} as a former holder of {post}"
                " (they may not reach back far enough)", [])
    if person is None:
        if holders and single and known and firm:
            ev = [_evidence(prep, t, when, f"{_label(prep, t.person_id)} held {post} on {d}") for t in htenures]
            return ("contradicted", f"contradicted: on {d} {post} was held by {holders}, not {written}", ev)
        ev = [_evidence(prep, t, when, f"{_label(prep, t.person_id)} held {post} on {d}") for t in htenures]
        return ("unverifiable", f"unverifiable: {written} is not in the reference tables"
                + (unseen or (f"; on {d} {post} was held by {holders}" if holders else "")), ev)
    who = _label(prep, person)
    states = [(t, prep.state(t, when)) for t in mine]
    ins = [(t, s) for t, s in states if s.state == "in"]
    if ins:
        t, s = ins[0]
        src = _url(t) or "no URL"
        if former:
            return ("contradicted", f"contradicted: {who} still held {post} on {d} (from {_iso(t.start)}), "
                    f"not a former holder — source {src}", [_evidence(prep, t, when, f"{who} held {post} on {d}")])
        # on a handover day the person sworn in holds the post
        handover = _bounds(t.start) == (when, when)
        note = f"; {s.note}" if s.note else ("; sworn in that day" if handover else "")
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
        if single and firm:
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
        back = [r for r, s in states if s.state == "out_after"]
        if not former and back and htenures and all(h.nature != "regular" for h in htenures):
            # someone held the post only in the interim (acting, additional charge) and this person came back to
            # it: news often keeps the title of the one away (ill, on leave), so it is no finding
            ev.append(_evidence(prep, back[0], when, f"{who} held {post} again from {_iso(back[0].start)}"))
            return ("ambiguous", f"ambiguous: on {d} {holders} held {post} in the interim "
                    f"({', '.join(h.nature.replace('_', ' ') for h in htenures)}); {who} held it until "
                    f"{_iso(t.end)} and again from {_iso(back[0].start)}", ev)
        if former:
            return ("supported", f"supported: {who} is a former holder of {post} (until {_iso(t.end)}) — "
                    f"source {_url(t) or 'no URL'}", ev)
        msg = f"outdated: {who} was {post} until {_iso(t.end)}"
        msg += f"; on {d} the post was held by {holders}" if holders else f"; no holder on {d} is in the tables"
        return ("outdated", msg + f" — source {_url(htenures[0] if htenures else t) or 'no URL'}", ev)
    # the person held the post only later, or never
    ev = [_evidence(prep, h, when, f"{_label(prep, h.person_id)} held {post} on {d}") for h in htenures]
    later = [t for t, s in states if s.state == "out_after"]
    if holders and not firm:
        return ("unverifiable", f"unverifiable: the tables do not show {who} in {post} on {d}{unseen}", ev)
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


def check_officeholder(claim, refs, when: _dt.date, *, region: str | None = None,
                       doc_text: str | None = None) -> Verdict:
    """Verdict for an officeholder claim on ``when``. The state of a state-level title the claim does not write
    comes from ``doc_text`` (:func:`claimcheck.judge.officeholders.jurisdiction.state_for`); ``region`` (a
    configured default, ISO code) is used only when the text gives none."""
    d = when.isoformat()
    if refs is None or not getattr(refs, "persons", None):
        return Verdict("unverifiable", "unverifiable: no officeholder reference table is loaded", as_of=d)
    prep = prepare(refs)
    ctx, how = jurisdiction.state_for(doc_text, claim.start, claim.end) if doc_text else (None, "no text")
    if ctx is None and region:
        ctx, how = region, "the configured default region"
    if ctx is None and doc_text:
        ctx = record.state_of_others(prep, doc_text, when, claim.start)
        if ctx is not None:
            how = "the state of the other officeholders named in the article"
    offices = tuple(claim.offices) or ((claim.office,) if claim.office else ())
    key = (when, ctx, how, claim.jurisdiction, offices, claim.subtype, claim.person)
    v = prep.verdicts.get(key)
    if v is None:
        if len(prep.verdicts) >= _MEMO:
            prep.verdicts.clear()
        v = prep.verdicts[key] = _check_officeholder(claim, prep, when, ctx, offices, how)
    return v


_MEMO = 4096
_INITIALS_RUN = regex.compile(r"(?<=\.)(?=\p{L})")
_BRACKET_INITIALS = regex.compile(r"\s*\(([A-Z]{2,4})\)\s*")
_NOT_COVERED = "no reference table covers the post"
_NO_KIND = "no reference table holds posts like"
QUALIFIERS = ("former", "designate", "outgoing", "past")


def _check_officeholder(claim, prep, when: _dt.date, region: str | None, offices: tuple, how: str = "") -> Verdict:
    d = when.isoformat()
    explicit = title_sig(claim.jurisdiction).scope if claim.jurisdiction else None
    qualifier = claim.subtype if claim.subtype in QUALIFIERS else None
    former = qualifier == "former"
    # initials run into the name ("वी.के.सक्सेना", "V.K.Saxena") are matched as separate words
    written = _INITIALS_RUN.sub(" ", claim.person or "")
    m = _BRACKET_INITIALS.search(written)
    if m and written[m.end():].strip():
        # "चंद्रपुरम पोनुसामी (CP) राधाकृष्णन": the text gives the initials the name is known by; match those
        # with the surname after them ("C P राधाकृष्णन"), as the tables list such names
        written = " ".join(m.group(1)) + " " + written[m.end():].strip()
    results = []
    for off in offices:
        sig = title_sig(((claim.jurisdiction or "") + " " + off).strip())
        where = region
        # a post the title names with its organisation ("RBI गवर्नर", "ISRO chairman"): no state is in question
        org_post = False
        if claim.jurisdiction and not (explicit or sig.scope):
            jport = title_sig(claim.jurisdiction).port  # what the words before the title name ("RBI")
            orgs = candidate_positions(prep, off, claim.jurisdiction, None)
            org_post = bool(jport) and bool(orgs) and all(
                (getattr(prep.refs.positions[c], "jurisdiction", "") or "") == "IN"
                or (getattr(prep.refs.positions[c], "jurisdiction", "") or "").startswith("org:") for c in orgs) \
                and any(jport & ps.port for c in orgs for ps in prep.pos_sigs[c])
        if not (explicit or sig.scope or org_post) and sig.rank and prep.rank_in_states(sig.rank):
            # a state-level title without its state: the person's own record first, then the article's state
            hit = record.held_anywhere(prep, sig, written, when, qualifier)
            if hit is not None:
                t = hit[0]
                results.append(_check_position(prep, t.position_id, [t.person_id], written, when, former, True,
                                               qualifier))
                continue
            if where is None:
                where, why = record.only_state(prep, sig, written)
                if where is None:
                    results.append(("unverifiable", f"unverifiable: which state's '{off}' is meant is not known: "
                                    f"{how}, and {why}", []))
                    continue
        cands = candidate_positions(prep, off, claim.jurisdiction, where)
        # a person unknown to the tables contradicts a post only where the claim itself names the jurisdiction,
        # or where the post exists only nationally (President, Prime Minister: no state has a post of that rank)
        # and the name is more than a surname: a region guessed from the article may be wrong, "वित्त मंत्री X"
        # in a state paper is the state's minister, and "राष्ट्रपति ट्रंप" is not a claim about India
        known = bool(explicit or sig.scope) or (org_post and bool(cands)) or (
            len(names.name_tokens(written)) >= 2 and not prep.rank_in_states(sig.rank) and all(
                (getattr(prep.refs.positions[c], "jurisdiction", "") or "") == "IN"
                or (getattr(prep.refs.positions[c], "jurisdiction", "") or "").startswith("org:") for c in cands))
        if not cands and sig.rank and not sig.port and prep.positions_of_rank(sig.rank):
            results.append(_check_generic(prep, sig, claim.jurisdiction, where, written, when, off, qualifier))
            continue
        if not cands:
            kind = not sig.rank or not prep.positions_of_rank(sig.rank)
            results.append(("unverifiable", f"unverifiable: {_NO_KIND if kind else _NOT_COVERED} '{off}'", []))
            continue
        results.append(_check_office(prep, cands, written, when, former, known, sig, qualifier))
    if not results:
        return Verdict("unverifiable", "unverifiable: no office in the claim", as_of=d)
    # a title of a kind no table holds ("सांसद व पूर्व सीएम X": no table lists MPs) does not hide the verdict on
    # the titles the tables do hold; the message still names it
    decided = [r for r in results if r[0] != "unverifiable"]
    uncovered = [r for r in results if r[0] == "unverifiable" and _NO_KIND in r[1]]
    if decided and uncovered and len(decided) + len(uncovered) == len(results):
        results = decided + [("supported", r[1].replace("unverifiable: ", "not checked: "), r[2]) for r in uncovered]
    results.sort(key=lambda r: _BAD.index(r[0]))
    outcome = results[0][0]
    # one office: the message need not repeat the verdict; several: each part says its own
    msg = " | ".join(r[1] for r in results) if len(results) > 1 else _unprefixed(results[0][1], outcome)
    ev = tuple(e for r in results for e in r[2])
    if claim.subtype == "shared" and outcome in ("contradicted", "outdated"):
        # a title written once before two names may not reach the second ("उपमुख्यमंत्री X और अखिलेश यादव के
        # बीच"): never a false alarm on it
        return Verdict("unverifiable", f"unverifiable: the title before an earlier name may not apply to {written}"
                       f" ({msg})", ev, as_of=d)
    return Verdict(outcome, msg, ev, as_of=d)


def _unprefixed(message: str, outcome: str) -> str:
    return message[len(outcome) + 2:] if message.startswith(outcome + ": ") else message


def _check_generic(prep, sig, jurisdiction, region, written, when, office, qualifier=None):
    """A title without a portfolio ("केंद्रीय मंत्री पासवान", "Union minister Smriti Irani"): supported when the
    person held any post of that rank in scope on the date; otherwise unverifiable (the tables do not list every
    post of a rank, so nothing is contradicted)."""
    scope = sig.scope or (title_sig(jurisdiction).scope if jurisdiction else None)
    keys = [scope] if scope is not None else [r for r in (region,) if r] + ["IN"]
    pool = sorted(set().union(*(prep.by_key.get((sig.rank, k), set()) for k in keys)))
    merged: dict[str, names.Match] = {}
    for pid in pool:
        for m in prep.holders_index(pid).match(written):
            if m.key not in merged or m.score > merged[m.key].score:
                merged[m.key] = m
    status, best = names.decide(sorted(merged.values(), key=lambda m: (-m.score, m.key)))
    held = []  # (person, tenure) in office on the date, or as the qualifier says ("पूर्व केंद्रीय मंत्री X")
    for m in best if status in ("match", "ambiguous") else []:
        t = next((t for pid in pool for t in prep.tenures_of(m.key, pid)
                  if (record.qualifier_fits(prep, t, when, qualifier) if qualifier
                      else prep.state(t, when).state == "in")), None)
        if t is not None:
            held.append((m.key, t))
    if len(held) == 1 and qualifier:
        return _held(prep, (held[0][1], record.qualifier_fits(prep, held[0][1], when, qualifier)), when, qualifier)
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


def _check_office(prep, cands, written, when, former, known, sig=None, qualifier=None):
    toks = names.name_tokens(written)
    merged: dict[str, names.Match] = {}
    for pid in cands:
        for m in prep.holders_index(pid).match(written):
            if m.key not in merged or m.score > merged[m.key].score:
                merged[m.key] = m
    matches = sorted(merged.values(), key=lambda m: (-m.score, m.key))
    status, best = names.decide(matches)
    shorter = written.rsplit(maxsplit=1)[0]
    if status == "none" and len(toks) >= 3 and shorter != written:
        # a word the finder took into the name ("राकेश सचान बोले"): try without the last word (a single word
        # of three initials, "के.एस.पी.", cannot be shortened)
        return _check_office(prep, cands, shorter, when, former, known, sig, qualifier)

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
        res = [_check_position(prep, pid, [pid_person], written, when, former, known, qualifier)
               for pid in pos or cands[:1]]
        return min(res, key=lambda r: _BEST.index(r[0]))
    if status == "ambiguous":
        return _check_position(prep, cands[0], [m.key for m in best], written, when, former, known, qualifier)
    # not a holder of these posts: a known person (held something else) or nobody in the tables
    # look among the persons of the same jurisdictions only (blocking: never the whole table)
    jurs = {getattr(prep.refs.positions[c], "jurisdiction", "") or "" for c in cands}
    glob = sorted((m for j in jurs for m in prep.people_of(j).match(written)), key=lambda m: (-m.score, m.key))
    gstatus, gbest = names.decide(glob)
    person = [gbest[0].key] if gstatus == "match" and not gbest[0].surname_only and len(toks) > 1 else []
    if person and sig is not None and not former:
        # news names portfolios loosely ("एमएसएमई एवं निर्यात प्रोत्साहन मंत्री" for the MSME minister, whose
        # post the tables title "सूक्ष्म, लघु एवं मध्यम उद्यम मंत्री"): a post of the same rank that the person
        # held on the date and that shares a portfolio word with the claim supports it
        t = _overlapping_post(prep, person[0], sig, when)
        if t is not None:
            post, who = _pos_label(prep, t.position_id), _label(prep, person[0])
            return ("supported", f"supported: {who} held {post} on {when.isoformat()} (from "
                    f"{_iso(t.start) or 'an unsourced date'}), which shares the claim's portfolio — source "
                    f"{_url(t) or 'no URL'}", [_evidence(prep, t, when, f"{who} held {post} on {when.isoformat()}")])
    return _check_position(prep, cands[0], person, written, when, former, known, qualifier)


def _overlapping_post(prep, person, sig, when):
    """A tenure of ``person`` in office on ``when`` whose post has ``sig``'s rank and shares a portfolio token."""
    if not sig.port:
        return None
    for t in prep.by_person.get(person, ()):
        if prep.state(t, when).state != "in":
            continue
        if any(ps.rank == sig.rank and ps.port & sig.port for ps in prep.pos_sigs.get(t.position_id, ())):
            return t
    return None
