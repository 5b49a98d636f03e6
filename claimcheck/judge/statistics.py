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
import math
from dataclasses import dataclass
from typing import Any

import regex

from claimcheck import cache
from claimcheck.find import lexicon
from claimcheck.find.frames import basis_rule, bounded_by, national
from claimcheck.model import Claim, Evidence, Frame, Verdict
from claimcheck.read.text import fold_string

APPROX_TOLERANCE = 0.05
MIN_TOLERANCE = 0.005
MIN_STATES_FOR_RANKING = 5
STALE_REGISTRATION_DAYS = 366
STALE_SNAPSHOT_DAYS = 180  # a running count quoted this much older than the published one is outdated  # a registration series this much older than the newest one is superseded
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
@cache.kept
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
    """(low, high, tolerance below, tolerance above) of a numeric claim.

    A written figure holds down to half a unit of its last digit below and a whole unit above (news rounds and
    also truncates: "45%" for 45.56%); a figure in words ("six crore") or a fraction word ("पौने दो लाख") holds
    within 5%, or half its leading unit when that is wider (at most 10%).
    """
    numbers = regex.findall(r"\d[\d,]*(?:\.\d+)?", fold_string(claim.text))
    if numbers:
        tl, th = rounding_tolerance(numbers[0]), rounding_tolerance(numbers[-1])
        last = numbers[-1].replace(",", "")
        if "." in last or not last.endswith("0"):
            th = 2 * th  # the last digit may be truncated: "45" for 45.56
    else:
        tl = th = _word_tolerance(claim.value if claim.value is not None else claim.low)
    if claim.approx:
        tl, th = max(tl, APPROX_TOLERANCE), max(th, APPROX_TOLERANCE)
    if claim.value is not None and isinstance(claim.value, (int, float)):
        v = float(claim.value)
        lo, hi = v, v
        # a bound is a bound: "over 30%" does not hold for 29.2%, whatever the rounding of "30"
        if claim.qualifier in ("more_than", "at_least"):
            hi, tl = None, MIN_TOLERANCE
        elif claim.qualifier in ("less_than", "up_to"):
            lo, th = None, MIN_TOLERANCE
        return lo, hi, tl, th
    lo = float(claim.low) if isinstance(claim.low, (int, float)) else None
    hi = float(claim.high) if isinstance(claim.high, (int, float)) else None
    return lo, hi, tl, th


def _word_tolerance(value) -> float:
    if not isinstance(value, (int, float)) or value <= 0:
        return APPROX_TOLERANCE
    mant = float(value) / 10 ** int(math.floor(math.log10(value)))
    if abs(mant - round(mant)) < 1e-9:
        return min(0.1, max(APPROX_TOLERANCE, 0.5 / round(mant)))
    return APPROX_TOLERANCE


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
        return _parse_loose(str(obs.published), end=True) if getattr(obs, "published", None) else None
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


GRACE_DAYS = 3  # a release reported the day it came out may carry the next day's publication date
MIN_CONFIDENCE = 0.6  # below this, the reading of a claim is too unsure to call it wrong
PLAUSIBLE = 3.0  # a figure more than this many times off most likely measures something else (a part, a unit)


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


def confidence(frame: Frame, pool_kinds: set[str], configured_region: bool = False) -> float:
    """How sure the frame's reading is: each value taken from further away than the figure's clause costs."""
    c = 1.0
    if frame.measure_from != "clause":
        c *= 0.7
    if frame.topic_from == "earlier sentence":
        c *= 0.9
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


def _period_bounds(period: str) -> tuple[_dt.date | None, _dt.date | None]:
    """First and last day a stated period covers ("2022-23", "2024-09", "2026-02-28", "a/b", "/b" = up to b)."""
    if "/" in period:
        a, b = period.split("/", 1)
        return (_parse_loose(a, end=False) if a else None), (_parse_loose(b, end=True) if b else None)
    fy = regex.fullmatch(r"(\d{4})-(\d{2})", period)
    if fy and int(fy.group(2)) == (int(fy.group(1)) + 1) % 100:
        y = int(fy.group(1))
        return _dt.date(y, 4, 1), _dt.date(y + 1, 3, 31)
    return _parse_loose(period, end=False), _parse_loose(period, end=True)


_FY = regex.compile(r"\d{4}-(\d{2})")


def _is_fy(p: str) -> bool:
    m = _FY.fullmatch(p or "")
    return bool(m) and not (1 <= int(m.group(1)) <= 12 and False)


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


def check_statistic(claim: Claim, frame: Frame | None, refs, when: _dt.date, *, region: str | None = None,
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
        o for o in refs.observations
        if o.measure == frame.measure and o.region == code
        and ((o.breakdown or {}) == breakdown
             or (not o.breakdown and _lex().basis_breakdown.get(o.basis) == breakdown))
        and _basis_kind(refs, o.basis) != "claim"
        and (want_kind is None or _basis_kind(refs, o.basis) == want_kind)
        and (not want_bases or o.basis in want_bases)
    ]
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
        hit = [o for o in pool if ok(o) and (obs_date(o) or _dt.date.max) <= when]
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
    possible = sure + [o for o in pool if o not in sure and obs_date(o, kind_of(o)) is not None
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
        sure_dates = [date_of(o) for o in obs if o in sure]
        floor = max(sure_dates) if sure_dates else _dt.date.min
        could_be_current[name] = [o for o in obs if date_of(o) >= floor and
                                  (o in sure and date_of(o) == floor or o not in sure or date_of(o) > floor)]
    current = [o for obs in could_be_current.values() for o in obs]
    hit = [o for o in current if ok(o)]
    if hit:
        return supported(_prefer(refs, hit, reg), others=[o for o in current if o in sure])
    between = _bracketed(refs, pool, lo, hi, tl, th, when, when)
    if between:
        return supported(between, " (between the counts published before and after the article)")
    if conf < min_confidence:
        return undecided(nearest(current), "the reading of the claim is too unsure to call it wrong")
    # each series says why the claim fails: off (a contradiction on that basis), low (an older running count?)
    verdicts = {}
    for name, obs in could_be_current.items():
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
    older = [o for o in sure if o not in current and ok(o)]
    if older and all(v in ("off", "low") for v in verdicts.values()):
        was = max(older, key=date_of)
        now = [o for o in could_be_current.get(_series(refs, was), []) if o in sure]
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
        obs = [o for o in current if o in sure] or current
        ref = _prefer(refs, obs, reg)
        if all(o in sure for o in current):
            return contradicted(ref, [o for o in obs if o.basis != ref.basis])
        return undecided(ref, "the figure that would decide it may not have been published by then")
    return undecided(nearest(current), "a running count: the figure may be a snapshot the tables lack"
                     if "open" in verdicts.values() and any(kind_of(o) == "registration" for o in current)
                     else "too far off to be the same measure")


def _bracketed(refs, pool: list, lo, hi, tl: float, th: float, start: _dt.date, end: _dt.date):
    """For a running count (registrations), the snapshot before ``start`` when the claim lies between it and the
    next snapshot after ``end`` (a count reported for a day between two published ones)."""
    for basis in sorted({o.basis for o in pool if _basis_kind(refs, o.basis) == "registration" and o.as_of}):
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
