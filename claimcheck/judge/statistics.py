"""Statistics stage of checking: match a numeric or ranking claim to reference observations and judge it.

A claim is matched on topic (MSME, from its sentence), measure (what its own counted noun is: units or people or
a share), region (the claim's region, else the country) and basis (registration words limit it to registration
bases; otherwise every basis counts and the verdict names the one it rests on). Only observations dated on or
before the claim's date are used; within one basis the latest figure is current and earlier ones are superseded.

The tolerance follows the claim: a range overlaps, a bound is one-sided, a rounded figure ("90 लाख", "6.3 crore")
holds within half a unit of its last significant digit, and a hedge (करीब, about) allows 5%.
"""

from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import dataclass
from typing import Any

import regex

from claimcheck import cache
from claimcheck.find import lexicon
from claimcheck.model import Claim, Evidence, Verdict
from claimcheck.read.text import fold_string

APPROX_TOLERANCE = 0.05
MIN_TOLERANCE = 0.005
MIN_STATES_FOR_RANKING = 5
STALE_REGISTRATION_DAYS = 366  # a registration series this much older than the newest one is superseded
LOCAL_RATIO = 20  # a claim with no region, 20x below every national figure, is taken to be local


@dataclass(frozen=True, slots=True)
class _Lex:
    topic: Any
    measures: tuple[tuple[str, str, Any], ...]  # (measure, unit, pattern) of counts
    registration: Any
    substate: Any
    percent_measures: tuple[tuple[str, Any], ...]
    money_measures: tuple[tuple[str, Any], ...]
    breakdowns: tuple[tuple[dict, Any], ...]
    basis_breakdown: dict[str, dict]


def _words_pattern(section: dict) -> Any:
    hi = lexicon.alternation(section.get("hi", []))
    en = lexicon.alternation(section.get("en", []))
    parts = []
    if hi:
        parts.append(rf"(?<![\p{{L}}\p{{M}}])(?:{hi})(?![\p{{L}}\p{{M}}])")
    if en:
        parts.append(rf"(?i:\b(?:{en})\b)")
    return cache.compile("|".join(parts))


@functools.cache
def _lex() -> _Lex:
    data = lexicon.load("measures")
    measures = tuple(
        (name, sec.get("unit", ""), _words_pattern(sec)) for name, sec in data["measure"].items()
        if not sec.get("percent") and not sec.get("money")
    )
    percent = tuple((name, _words_pattern(sec)) for name, sec in data["measure"].items() if sec.get("percent"))
    money = tuple((name, _words_pattern(sec)) for name, sec in data["measure"].items() if sec.get("money"))
    breakdowns = tuple(
        (dict(kv.split("=", 1) for kv in key.split(";")), _words_pattern(sec))
        for key, sec in data.get("breakdown", {}).items()
    )
    return _Lex(_words_pattern(data["topic"]["msme"]), measures, _words_pattern(data["registration"]),
                _words_pattern(data["substate"]), percent, money, breakdowns,
                {b: dict(kv.split("=", 1) for kv in v.split(";")) for b, v in data.get("basis_breakdown", {}).items()})


@functools.cache
def topic_hint() -> Any:
    """The topic words without their word-boundary conditions: every place the topic pattern matches in a folded
    sentence is also a place this matches (a cheap superset to scan a whole folded document with once)."""
    section = lexicon.load("measures")["topic"]["msme"]
    hi = lexicon.alternation(section.get("hi", []))
    en = lexicon.alternation(section.get("en", []))
    return cache.compile("|".join([f"(?:{hi})"] * bool(hi) + [f"(?i:{en})"] * bool(en)) or "(?!)")


def measure_topic(sentence: str) -> bool:
    """Whether a (folded) sentence is about a topic the statistics tables cover."""
    return bool(_lex().topic.search(sentence))


def breakdown_of(sentence: str) -> dict:
    """The one breakdown a sentence names ("ग्रामीण" → area=rural), or {} when it names none or several."""
    hits = [bd for bd, pat in _lex().breakdowns if pat.search(sentence)]
    return hits[0] if len(hits) == 1 else {}


# ---------------------------------------------------------------------------------------------- claim reading

def measure_of(claim: Claim, sentence: str, after: str = "") -> str | None:
    """The reference measure a claim speaks of, or None when no table covers it.

    ``sentence`` is the claim's sentence and ``after`` the words that follow the claim, both folded; the
    claim's own subject decides the measure, else the first words after it ("अठासी लाख से अधिक इकाइयां").
    """
    lx = _lex()
    if not lx.topic.search(sentence):
        return None
    if claim.kind == "percent":
        for name, pat in lx.percent_measures:
            if name != "msme_count_share" and pat.search(sentence):
                return name
        return "msme_count_share"
    if claim.kind == "money":
        # a sum is checked only against a measure its sentence names, for one size ("सूक्ष्म उद्यम … निवेश")
        if claim.unit != "INR" or not breakdown_of(sentence):
            return None
        return next((name for name, pat in lx.money_measures if pat.search(sentence)), None)
    if claim.kind not in ("quantity", "ranking"):
        return None
    if claim.unit not in (None, "units", "unit", "enterprises", "persons", "rank"):
        return None
    if claim.kind == "quantity" and claim.subtype in ("vague", "ordinal", "age"):
        return None
    subject = fold_string(claim.subject or "")
    # the claim's own counted noun decides; the words right after it when that noun says nothing
    # ("89,99,000 सूक्ष्म, लघु एवं मध्यम उद्यम"); for a ranking without a subject, its sentence
    for text in (subject, (after if not subject else "") if claim.kind == "quantity" else sentence):
        for name, _, pat in lx.measures:
            if text and pat.search(text):
                return name
    return None


def wants_registration(sentence: str) -> bool:
    return bool(_lex().registration.search(sentence))


def rounding_tolerance(number_text: str | None) -> float:
    """Relative half-unit of the last significant digit of the first number written in ``number_text``."""
    if not number_text:
        return APPROX_TOLERANCE
    m = regex.search(r"\d[\d,]*(?:\.\d+)?", fold_string(number_text))
    if not m:
        return APPROX_TOLERANCE  # number words: "नब्बे लाख"
    s = m.group().replace(",", "")
    try:
        mant = float(s)
    except ValueError:
        return APPROX_TOLERANCE
    if mant == 0:
        return MIN_TOLERANCE
    if "." in s:
        half = 0.5 * 10 ** -len(s.split(".")[1])
    else:
        tz = len(s) - len(s.rstrip("0"))
        half = 0.25 * 10**tz if tz else 0.5
    return max(MIN_TOLERANCE, half / mant)


def claim_interval(claim: Claim) -> tuple[float | None, float | None, float, float]:
    """(low, high, tolerance at low, tolerance at high) of a numeric claim."""
    numbers = regex.findall(r"\d[\d,]*(?:\.\d+)?", fold_string(claim.text))
    first = numbers[0] if numbers else None
    last = numbers[-1] if numbers else None
    tl, th = rounding_tolerance(first), rounding_tolerance(last)
    if claim.approx:
        tl, th = max(tl, APPROX_TOLERANCE), max(th, APPROX_TOLERANCE)
    if claim.value is not None and isinstance(claim.value, (int, float)):
        v = float(claim.value)
        lo, hi = v, v
        if claim.qualifier in ("more_than", "at_least"):
            hi = None
        elif claim.qualifier in ("less_than", "up_to"):
            lo = None
        return lo, hi, tl, th
    lo = float(claim.low) if isinstance(claim.low, (int, float)) else None
    hi = float(claim.high) if isinstance(claim.high, (int, float)) else None
    return lo, hi, tl, th


def holds(value: float, lo: float | None, hi: float | None, tl: float, th: float) -> bool:
    if lo is None and hi is None:
        return False
    if lo is not None and value < lo * (1 - tl):
        return False
    if hi is not None and value > hi * (1 + th):
        return False
    return True


# ---------------------------------------------------------------------------------------------- observations

def obs_date(obs, kind: str = "") -> _dt.date | None:
    """The date an observation describes: its as-of cut-off, else the end of its period; for a legal definition
    (``kind='legal'``) the day it came into force, so the one in force on a date is the latest started."""
    if kind == "legal" and obs.period:
        return _parse_loose(obs.period.split("/")[0], end=False)
    if getattr(obs, "as_of", None):
        return obs.as_of if isinstance(obs.as_of, _dt.date) else _parse_loose(str(obs.as_of), end=True)
    period = (obs.period or "").strip()
    if not period:
        return None
    end = period.split("/")[-1] or period.split("/")[0]
    fy = regex.fullmatch(r"(\d{4})-(\d{2})", end)
    if fy and int(fy.group(2)) == (int(fy.group(1)) + 1) % 100:
        return _dt.date(int(fy.group(1)) + 1, 3, 31)
    return _parse_loose(end, end=True)


def _parse_loose(s: str, *, end: bool) -> _dt.date | None:
    m = regex.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", s.strip())
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
    if not when or regex.search(r"\(\d{4}", label):
        return label
    return f"{label} ({'as of ' if obs.as_of else ''}{when})"


def _region_label(code: str) -> str:
    names = lexicon.load("regions").get(code, {}).get("en", [])
    return names[0] if names else code


def fmt_indian(value: float, unit: str = "") -> str:
    """89.99 lakh, 6.34 crore, 14.2 percent: how an Indian newsroom writes the figure."""
    if unit == "percent":
        return f"{value:g}%"
    a = abs(value)
    if a >= 1e7:
        s = f"{value / 1e7:.2f}".rstrip("0").rstrip(".") + " crore"
    elif a >= 1e5:
        s = f"{value / 1e5:.2f}".rstrip("0").rstrip(".") + " lakh"
    else:
        s = f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"
    return f"{s} {unit}".strip()


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


def _claimed_point(lo, hi) -> float | None:
    if lo is not None and hi is not None:
        return (lo + hi) / 2
    return lo if lo is not None else hi


def _describe_claim(lo, hi, unit="") -> str:
    if lo is not None and hi is not None and lo != hi:
        return f"{fmt_indian(lo)}–{fmt_indian(hi, unit)}"
    if lo is not None and hi is None:
        return f"more than {fmt_indian(lo, unit)}"
    if hi is not None and lo is None:
        return f"up to {fmt_indian(hi, unit)}"
    return fmt_indian(lo if lo is not None else hi, unit)


def check_statistic(claim: Claim, refs, when: _dt.date, sentence: str, after: str = "", *,
                    region: str | None = None, tolerance: float | None = None) -> Verdict | None:
    """A verdict for a statistic claim, or None when no reference table covers it.

    ``region`` is the default region (configuration) for a claim that names none; ``tolerance`` a relative
    tolerance (configuration, per kind) that widens the claim's own.
    """
    default_region = region
    if refs is None:
        return None
    measure = measure_of(claim, sentence, after)
    if measure is None:
        return None
    asof = when.isoformat()
    if _lex().substate.search(sentence):
        return Verdict("unverifiable", "the figure is about a district or city; the tables hold state and "
                       "national figures", as_of=asof)
    # no region named in the sentence or the one before: a national figure ("उद्यम पोर्टल पर 2.19 करोड़ …")
    region = claim.region_code or default_region or "IN"
    registration = wants_registration(sentence)
    breakdown = breakdown_of(sentence)
    pool = [
        o for o in refs.observations
        if o.measure == measure and o.region == region
        and ((o.breakdown or {}) == breakdown or (not o.breakdown and _lex().basis_breakdown.get(o.basis) == breakdown))
        and _basis_kind(refs, o.basis) != "claim"
        and (not registration or _basis_kind(refs, o.basis) == "registration")
    ]
    what = f"{measure.replace('_', ' ')} in {_region_label(region)}" + "".join(f", {v}" for v in breakdown.values())
    if not pool:
        return Verdict("unverifiable", f"no reference figure for {what}", as_of=asof)
    dated = [(obs_date(o, _basis_kind(refs, o.basis)), o) for o in pool]
    usable = [(d, o) for d, o in dated if d is not None and d <= when]
    if not usable:
        return Verdict("unverifiable", f"no reference figure for {what} dated on or before {asof}", as_of=asof)
    latest: dict[str, _dt.date] = {}
    for d, o in usable:
        latest[_series(refs, o)] = max(latest.get(_series(refs, o), d), d)
    lo, hi, tl, th = claim_interval(claim)
    if tolerance:
        tl, th = max(tl, tolerance), max(th, tolerance)
    unit = "percent" if claim.kind == "percent" else ""
    claimed = _claimed_point(lo, hi)
    # a registration regime that stopped reporting (UAM, EM-II) is superseded by the one that followed it
    reg_dates = [d for d, o in usable if _basis_kind(refs, o.basis) == "registration"]
    stale_before = max(reg_dates) - _dt.timedelta(days=STALE_REGISTRATION_DAYS) if reg_dates else _dt.date.min

    def is_current(d, o):
        if d != latest[_series(refs, o)]:
            return False
        return _basis_kind(refs, o.basis) != "registration" or d >= stale_before

    current = [o for d, o in usable if is_current(d, o)]
    old = [o for d, o in usable if not is_current(d, o)]
    if claim.region_code is None and default_region is None and claimed and all(o.value > LOCAL_RATIO * claimed for o in current):
        return Verdict("unverifiable", f"claimed {_describe_claim(lo, hi, unit)} names no region and is far below "
                       f"every national figure: probably a local figure the tables do not hold", as_of=asof)
    hit = [o for o in current if holds(o.value, lo, hi, tl, th)]
    said = _describe_claim(lo, hi, unit)
    if hit:
        best = _prefer(refs, hit, registration)
        # a figure on another basis is worth naming only when it is at least as recent as the one that holds
        others = [o for o in current if o.basis != best.basis and not holds(o.value, lo, hi, tl, th)
                  and (obs_date(o) or _dt.date.min) >= (obs_date(best) or _dt.date.min)]
        ev = (_evidence(refs, best, claimed),) + tuple(_evidence(refs, o, claimed) for o in _one_per_basis(others))
        note = ""
        if others:
            o = max(others, key=lambda x: obs_date(x) or _dt.date.min)
            note = f"; on another basis it differs ({_basis_label(refs, o)}: {fmt_indian(o.value, o.unit)})"
        msg = f"claimed {said}; {_basis_label(refs, best)}: {fmt_indian(best.value, best.unit)} — holds on this basis{note}"
        return Verdict("supported", msg, ev, as_of=asof)
    old_hit = [o for o in old if holds(o.value, lo, hi, tl, th)]
    if old_hit:
        was = max(old_hit, key=lambda o: obs_date(o))
        now = _prefer(refs, [o for o in current if _series(refs, o) == _series(refs, was)] or current, registration)
        msg = (f"claimed {said}; that was the figure as of {obs_date(was)} ({_basis_label(refs, was)}: "
               f"{fmt_indian(was.value, was.unit)}), superseded by {fmt_indian(now.value, now.unit)} as of {obs_date(now)}")
        return Verdict("outdated", msg, (_evidence(refs, now, claimed), _evidence(refs, was, claimed)), as_of=asof)
    ref = _prefer(refs, current, registration)
    ev = _evidence(refs, ref, claimed)
    pct = f", {ev.difference:+.0%}" if ev.difference is not None else ""
    msg = f"claimed {said}; {_basis_label(refs, ref)}: {fmt_indian(ref.value, ref.unit)}{pct}"
    others = [o for o in current if o.basis != ref.basis]
    return Verdict("contradicted", msg, (ev,) + tuple(_evidence(refs, o, claimed) for o in _one_per_basis(others)),
                   as_of=asof)


def _series(refs, obs) -> str:
    """Figures that supersede one another: every survey and census estimates the same thing (a newer survey
    supersedes an older census); each registration basis is its own cumulative series."""
    return "estimate" if _basis_kind(refs, obs.basis) in ("survey", "census") else obs.basis


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


# ---------------------------------------------------------------------------------------------- rankings

def check_ranking(claim: Claim, refs, when: _dt.date, sentence: str) -> Verdict:
    """Is ``claim.region_code`` first among the states on the measure, on a named basis, as of ``when``?"""
    asof = when.isoformat()
    if refs is None or not claim.region_code or measure_of(claim, sentence) != "msme_count":
        return ranking_without_topic(claim, refs, asof)
    registration = wants_registration(sentence)
    tables: dict[tuple[str, _dt.date], dict[str, Any]] = {}
    for o in refs.observations:
        if o.measure != "msme_count" or o.breakdown or not o.region.startswith("IN-"):
            continue
        kind = _basis_kind(refs, o.basis)
        if kind == "claim" or (registration and kind != "registration"):
            continue
        d = obs_date(o)
        if d is None or d > when:
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
    order = sorted(per_basis, key=lambda b: (
        (_basis_kind(refs, b) != "registration") if registration else (_basis_kind(refs, b) != "survey"), b))
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
    where = f"ranks {_ordinal(rank)}, not {_ordinal(want)}," if rank else "is not in the table"
    msg = (f"{claimed} {where} on {_basis_label(refs, leader)}; {_region_label(leader.region)} leads with "
           f"{fmt_indian(leader.value, leader.unit)}")
    return Verdict("contradicted", msg, ev, as_of=asof)


def ranking_without_topic(claim: Claim, refs, asof: str) -> Verdict:
    """The verdict on a ranking claim whose sentence names no measure a table ranks states on."""
    if refs is None or not claim.region_code:
        return Verdict("unverifiable", "ranking claim without a region the tables know", as_of=asof)
    return Verdict("unverifiable", "no reference table ranks states on this measure", as_of=asof)


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
