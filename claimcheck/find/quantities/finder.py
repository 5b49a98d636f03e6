"""Finder for numeric claims: quantity (counts and measures), money, percent and duration.

Stages, each one compiled-regex pass or a walk over the (few) numbers found:
1. candidates: every number expression (:mod:`claimcheck.find.numbers`) and vague amount (सैंकड़ों, "कई हजार");
2. context: a currency symbol before, a unit word after (percent, currency, duration, age, measure), hedges and
   bounds on either side (kept out of the value: ``approx``, ``qualifier``), labels and identifiers that make a
   numeral part of a name (कोविड-19, पीएम 2.5), dates and times left to the dates finder;
3. ranges (:mod:`claimcheck.find.quantities.ranges`): two numbers joined by "-", "से (लेकर)", "to", "या" or a space
   between number words share the scale and unit written once ("90 से लेकर 96 लाख", "तीन चार दशकों"); what a bare
   number is decided from its context by :mod:`claimcheck.find.quantities.context`;
4. claims: kind and value (durations in years through :mod:`claimcheck.find.units`), what a count counts (``subject``)
   and the region (:mod:`claimcheck.find.regions`).

Word lists live in ``claimcheck/data/quantities.toml`` and ``numbers.toml``.
"""

from __future__ import annotations

import bisect
import functools
import math
from dataclasses import dataclass, field

import regex

from claimcheck import cache
from claimcheck.find import numbers
from claimcheck.find import units
from claimcheck.find.quantities import context as qctx
from claimcheck.find.quantities import ranges as qranges
from claimcheck.find.quantities.lexicon import Lex as _Lex
from claimcheck.find.quantities.lexicon import lex as _lex
from claimcheck.find.quantities.lexicon import number_search

_PUNCT_END = cache.compile(r"[ \t]*(?:[,;:।.!?)\]\"'|\n]|$)")


@functools.cache
def _re(pattern: str) -> regex.Pattern:
    """A small fixed pattern, compiled once."""
    return cache.compile(pattern)


@dataclass
class _Cand:
    fs: int
    fe: int  # end of the number expression
    value: float
    text: str
    vague: bool = False
    has_scale: bool = False
    scale: float = 1.0  # product of trailing scale words ("96 लाख" -> 1e5)
    digits: bool = False
    kind: str | None = None  # percent, money, duration, age, quantity (measure) or None
    unit: str | None = None
    end: int = 0  # end of number + unit
    cur_start: int | None = None  # start of a currency prefix
    low: float | None = None
    high: float | None = None
    extra: dict = field(default_factory=dict)


def _candidates(t: str, lx: _Lex) -> list[_Cand]:
    out: list[_Cand] = []
    nlex = numbers.lex()
    pos = 0
    search = number_search(t, lx)
    while True:
        m = search(pos)
        if m is None:
            break
        pos = m.end()
        if m.group("vague") is not None:
            vs = m.group("vs")
            head = m.group()[: m.start("vt") - m.start()]
            low = nlex.scales[vs.lower()] if vs else nlex.vague[head.lower()]
            if m.group("vt"):  # "हजारों करोड़" = at least 1000 crore
                low *= numbers.read("1 " + m.group("vt").strip())[0]
            out.append(_Cand(m.start(), m.end(), low, m.group(), vague=True, end=m.end()))
            continue
        r = numbers.read(m.group())
        if r is None or r[1] == 0:
            continue
        value, n = r
        if not math.isfinite(value):
            continue
        pos = m.start() + n  # the rest of a permissive match is searched again ("तीन चार")
        text = m.group()[:n]
        c = _Cand(m.start(), m.start() + n, value, text, end=m.start() + n)
        c.digits, c.has_scale, c.scale = _shape(text, value, lx.scale_re)
        out.append(c)
    for m in lx.multiples_re.finditer(t):
        c = _Cand(m.start(), m.end(), lx.multiples[m.group().lower()], m.group(), end=m.end())
        c.kind, c.unit = "quantity", "times"
        out.append(c)
    out.sort(key=lambda c: c.fs)
    return out


@functools.lru_cache(maxsize=4096)  # the same figures recur in a text ("96 लाख", "1 करोड़")
def _shape(text: str, value: float, scale_re: regex.Pattern) -> tuple[bool, bool, float]:
    """(written with digits, has a scale word, the scale factor the trailing scale words apply) of a number
    expression ``text`` of value ``value``: "96 लाख" -> (True, True, 1e5)."""
    digits = any(map(str.isdigit, text))
    scales = list(scale_re.finditer(text))
    scale = 1.0
    if scales:
        # the scale words after the last number token apply to a range's first end as well
        tail = text[scales[0].start():]
        lead = numbers.read(text[: scales[0].start()].strip())
        if lead and lead[0] and _re(r"[\s\p{L}\p{M}]+").fullmatch(tail):
            scale = value / lead[0]
    return digits, bool(scales), scale


def _attach_units(t: str, c: _Cand, lx: _Lex) -> None:
    u = lx.unit_re.match(t, c.fe)
    if u is not None and not (u.start("u") == c.fe and not c.digits and t[c.fe - 1:c.fe].isalpha()):
        kind, key = lx.unit_map[u.group("u").lower()]
        c.kind, c.unit, c.end = kind, key, u.end()
        if kind == "money":  # "3 डॉलर 50 सेंट"
            sm = units.subunit_at(t, c.end)
            sub = numbers.read(sm.group("n")) if sm else None
            if sub is not None and sub[1] == len(sm.group("n")) and 0 < sub[0] < 100:
                c.value += sub[0] / 100
                c.end = sm.end()
    lo = max(0, c.fs - 12)
    pm = lx.prefix_re.search(t, lo, c.fs)
    if pm is not None:
        code = lx.prefix_map[pm.group("c").lower()]
        if c.kind in (None, "money"):
            c.kind, c.unit, c.cur_start = "money", c.unit or code, pm.start()


def _context_ok(t: str, c: _Cand, lx: _Lex) -> bool:
    """False for numerals that are names, labels, identifiers, list markers, phone numbers, dates or times."""
    fs, fe = c.fs, c.fe
    before = t[max(0, fs - 2):fs]
    if _re(r"[\p{L}\p{M}]-\Z").search(before):
        return False  # कोविड-19, एन-95
    if (c.kind is None and c.low is not None and c.digits and not c.has_scale
            and lx.labels.search(t, max(0, fs - 16), fs)):
        return False  # "कक्षा 9-12", "वार्ड 3-4": a span of labels
    if (c.digits and not c.has_scale and c.low is None and _re(r"(?:1[89]|20)\d\d").fullmatch(c.text)
            and lx.months_before.search(t, max(0, fs - 12), fs)):
        return False  # "मई 2025 माह", "May 2025 months": a year after a month name, whatever unit follows
    if c.kind is None and c.low is None and not c.vague:
        if lx.not_after.match(t, fe):
            return False
        if c.digits and not c.has_scale:
            txt = c.text.replace(",", "")
            if _re(r"[./]\d").match(t[fe:fe + 2]) or _re(r"\d[./:-]\Z").search(t[max(0, fs - 2):fs]):
                return False  # 31.03.2023, 192.168.1.2, 9:30
            if _re(r":\d").match(t[fe:fe + 2]) and not _re(r":1(?!\d)").match(t[fe:fe + 3]):
                return False
            if _re(r"\d{7,12}|0\d{3,}").fullmatch(c.text) or (_re(r"-\d").match(t[fe:fe + 2])):
                return False  # phone numbers and hyphenated codes
            if _re(r"(?:1[89]|20)\d\d").fullmatch(txt) and "," not in c.text:
                return False  # a bare year: the dates finder's
            if _re(r"\d+\.0").fullmatch(c.text):
                return False  # "2.0" versions
            if lx.labels.search(t, max(0, fs - 16), fs) or lx.months_before.search(t, max(0, fs - 12), fs):
                return False
            if _at_line_start(t, fs) and _re(r"[.)]").match(t[fe:fe + 1]) and c.value < 100:
                return False  # "8." list marker
            if qctx.inline_list_marker(t, fs, fe, c.value):
                return False  # "पोर्टल पर 1. आवेदन 2. भुगतान"
            if fe < len(t) and _re(r"[\p{L}\p{M}]").match(t[fe]):
                return False  # glued to a word that is no unit: "180एमएल", "14वें"
    return True


def _subject(t: str, end: int, lx: _Lex) -> tuple[str | None, int]:
    """The counted noun phrase right after ``end`` (as folded text) and its end, or (None, end)."""
    words = []
    pos = end
    for _ in range(3):
        m = lx.word_re.match(t, pos)
        if m is None:
            break
        w = m.group(1)
        if w.lower() in lx.stop or (words and w.lower().endswith(lx.stop_suffixes)):
            break
        words.append((w, m.end()))
        pos = m.end()
        if w.endswith("ों") or w.endswith("ओं"):
            break
    if not words:
        return None, end
    if len(words) == 3 and not (words[2][0].endswith("ों") or words[2][0].isascii() and words[2][0].endswith("s")):
        words = words[:2]
    return t[end:words[-1][1]].strip(), words[-1][1]


def _num(v: float | None) -> float | int | None:
    if v is None:
        return None
    r = float(f"{v:.15g}")
    if r == int(r) and abs(r) < 1e16:
        return int(r)
    return r


_LOW_Q = {"more_than", "at_least"}
_HIGH_Q = {"less_than", "up_to"}


def _qualify(t: str, c: _Cand, kind: str, start: int, lx: _Lex, fields: dict) -> tuple[str | None, int]:
    """Hedges and bounds around a claim: sets fields['approx'], returns (qualifier, end of the bound words)."""
    window = max(0, start - 30)
    if lx.approx_before.search(t, window, start):
        fields["approx"] = True
    qb = lx.qual_before.search(t, window, start)
    qual = lx.qual_before_map[qb.group("q").lower()] if qb else None
    after = c.end
    am = lx.approx_after.match(t, after)
    if am:
        fields["approx"] = True
        after = am.end()
    qa = lx.qual_after.match(t, after)
    qend = after
    if qa is not None and c.low is None:
        qa_kind = lx.qual_after_map[qa.group("q").lower()]
        if qa_kind in ("ago", "since", "after") and kind != "duration":
            qa_kind = None
        if qa_kind == "up_to" and kind == "duration":
            qa_kind = None
        if qa_kind:
            qual, qend = qa_kind, qa.end()
    if qual == "since" and kind != "duration":
        qual = None
    return qual, qend


def _kind_of(ctx, t: str, c: _Cand, lx: _Lex, fields: dict) -> str | None:
    """Kind and unit fields of a candidate with no unit word (None: not a claim)."""
    end = c.end
    plain = c.text.strip().lower()
    if (c.has_scale and lx.scale_re.sub("", plain).strip() == "" and not (_bounded(t, c, lx) or _alone(t, c, lx))
            and not lx.article_before.search(t, max(0, c.fs - 4), c.fs)):
        return None  # a bare scale word with no unit: "अरब देशों", "लाख कोशिशों"
    if not c.has_scale and not c.vague and plain in lx.indefinite and c.low is None:
        return None
    if not c.digits and c.value < 1 and c.low is None and lx.share_after.match(t, end):
        c.value *= 100  # "आधे से ज्यादा", "half of": a share
        fields["unit"] = "percent"
        return "percent"
    if (c.has_scale and c.scale >= 1e5 and lx.hyphen_scale.search(c.text) and lx.word_re.match(t, end)
            and not lx.hyphen_count.match(t, end)):
        fields["unit"], fields["implicit_unit"] = "INR", True  # "the 2,000-crore project": a sum as a modifier
        return "money"
    mn = lx.money_noun.match(t, end) if c.has_scale else None
    if mn is None and c.has_scale and c.value >= 1000 and lx.money_verb.match(t, end):
        fields["unit"], fields["implicit_unit"] = "INR", True  # "20 लाख मंजूर किए गए", "2 crore sanctioned"
        return "money"
    if mn is None and c.has_scale:  # "10 लाख करोड़ से अधिक के एमओयू": look past the bound words
        qa = lx.qual_after.match(t, end)
        mn = lx.money_noun.match(t, qa.end()) if qa is not None and qa.group("q").strip() != "से" else None
    worth = lx.worth_before.search(t, max(0, c.fs - 40), c.fs) is not None  # "86000 करोड़ के 63 लाख कर्ज": a count
    if mn is not None and c.value >= 1000 and not worth and (
            mn.group("link") or not mn.group("noun").lower().endswith(("ों", "ओं", "s"))):
        # "50 लाख की लागत", "350 करोड़ की 42 परियोजनाओं", "45 हजार से कम लागत" (but "दो लाख परियोजनाओं",
        # "2 lakh loans" count)
        fields["unit"], fields["implicit_unit"] = "INR", True
        return "money"
    if c.has_scale and (cop := qctx.copula_subject(t, end, lambda tt, at: _subject(tt, at, lx))):
        fields["unit"], fields["subject"] = "units", _orig(ctx, t, cop[1], cop[0])  # "of which 2.39 crore are …"
        return "quantity"
    if c.has_scale and lx.count_verb.match(t, end):
        fields["unit"] = "units"  # "5 करोड़ लाभान्वित हुए", "2 crore enrolled": people, not money
        return "quantity"
    if (c.has_scale and qctx.copula_participle(t, end, lambda tt, at: _subject(tt, at, lx))
            and qctx.governed_by_money(t, c.fs) < 0):  # (but "projects worth 3,500 crore were launched")
        fields["unit"] = "units"  # "1.5 crore were vaccinated"
        return "quantity"
    cue = qctx.counted_before(t, c.fs)  # "the number of MSMEs … has crossed 1 crore"
    counted = cue.start() if cue is not None else -1
    governed = qctx.governed_by_money(t, c.fs) if c.has_scale else -1
    # "कुल बजट पहली बार सात लाख करोड़ के पार": a money noun before, nothing counted after
    if governed > counted and not worth and _subject_after(t, c, lx)[0] is None:
        fields["unit"], fields["implicit_unit"] = "INR", True
        return "money"
    if counted < 0 and c.has_scale and c.value >= 1e7 and (mn is not None or _nothing_counted(t, end, lx) or (
            (qa := lx.qual_after.match(t, end)) is not None and qa.group("q").strip() != "से"
            and _nothing_counted(t, qa.end(), lx))):  # "10 हजार करोड़ के पार पहुंच गया": a crore-sized sum
        fields["unit"], fields["implicit_unit"] = "INR", True
        return "money"
    if (c.digits and not c.has_scale and t[c.fs - 1:c.fs] == "(" and t[end:end + 1] == ")"
            and _re(r"[\p{L}\p{M}][ \t]*\Z").search(t[max(0, c.fs - 3):c.fs - 1]) and 0 < c.value <= 120
            and c.value == int(c.value)):
        fields["unit"], fields["subtype"] = "year", "age"  # "हैरिस (56)"
        return "duration"
    subject, end = _subject_after(t, c, lx)
    if (c.low is not None and c.digits and not c.has_scale and subject is None
            and qctx.age_band(t, c.fs, c.end, c.low, c.high)):
        fields["unit"], fields["subtype"], fields["implicit_unit"] = "year", "age", True  # "20-40, 40-60 … उम्र"
        return "duration"
    if subject is None and not c.digits and not c.vague and c.low is None and not _bounded(t, c, lx):
        if not c.has_scale and not _alone(t, c, lx):
            return None  # a bare number word ("दो", "तीन") with nothing counted
    fields["unit"] = "units"
    if subject is None and cue is not None and counted >= governed:  # named before it: "the number of MSMEs …"
        at = qctx.counted_subject_at(t, cue)
        if isinstance(at, int):
            subject, end = _subject(t, at, lx)[0], at
        elif at is not None:
            subject, end = at
    if subject:
        fields["subject"] = _orig(ctx, t, end, subject)
    return "quantity"


def _nothing_counted(t: str, pos: int, lx: _Lex) -> bool:
    """The clause ends at ``pos``, or a verb or auxiliary follows (not a postposition that leads to a noun)."""
    if _PUNCT_END.match(t, pos):
        return True
    nxt = lx.word_re.match(t, pos)
    w = nxt.group(1).lower() if nxt else None
    return w is not None and w in lx.stop and w not in lx.postpositions


def _subject_after(t: str, c: _Cand, lx: _Lex) -> tuple[str | None, int]:
    """What a count counts, right after it or past its bound words ("32 करोड़ से अधिक गरीबों"), and where to look."""
    subject, _ = _subject(t, c.end, lx)
    if subject is None and (qa := lx.qual_after.match(t, c.end)) is not None:
        subject, _ = _subject(t, qa.end(), lx)
        if subject:
            return subject, qa.end()
    return subject, c.end


def _at_line_start(t: str, pos: int) -> bool:
    """Only blanks between the line start and ``pos`` (looking back a bounded distance)."""
    lo = max(0, pos - 80)
    nl = t.rfind("\n", lo, pos)
    if nl < 0 and lo > 0:
        return False
    return not t[nl + 1:pos].strip()


def _minus(t: str, c: _Cand) -> bool:
    if c.low is not None or c.vague or c.cur_start is not None or c.fs < 1 or t[c.fs - 1] != "-":
        return False
    if c.fs >= 2 and t[c.fs - 2] not in " \t(":
        return False
    return not _at_line_start(t, c.fs - 1)


def _bounded(t: str, c: _Cand, lx: _Lex) -> bool:
    qa = lx.qual_after.match(t, c.end)
    if qa is not None and (lx.qual_after_map[qa.group("q").lower()] not in ("since", "ago", "after", "up_to")
                           or qa.group("q") not in ("तक",) and lx.qual_after_map[qa.group("q").lower()] == "up_to"):
        return True
    qb = lx.qual_before.search(t, max(0, c.fs - 30), c.fs)
    return qb is not None and lx.qual_before_map[qb.group("q").lower()] != "since"


def _alone(t: str, c: _Cand, lx: _Lex) -> bool:
    """A number word that stands alone (a list item, a heading, an answer: "जवाब है सोलह")."""
    before = t[max(0, c.fs - 40):c.fs]
    line_before = before[before.rfind("\n") + 1:]
    return bool(_PUNCT_END.fullmatch(t, c.end, min(len(t), c.end + 3)) or _PUNCT_END.match(t, c.end)) and (
        not line_before.strip() or lx.aux_end.search(line_before) is not None)


def find(ctx) -> list:
    """Every quantity, money, percent and duration claim in ``ctx``."""
    from claimcheck.find import regions

    t = ctx.folded.text
    lx = _lex()
    cands = _candidates(t, lx)
    urls = []
    # a link needs "://" or "www.", an e-mail address "@": most texts have neither, and the scan is costly
    if "@" in t or "://" in t or "www." in t.lower():
        urls = [(m.start(), m.end()) for m in _re(r"(?i)\b(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+").finditer(t)]
    if urls:  # numbers inside links and e-mail addresses are not claims
        ustarts = [a for a, _ in urls]
        cands = [c for c in cands if (k := bisect.bisect_right(ustarts, c.fs) - 1) < 0 or c.fs >= urls[k][1]]
    for c in cands:
        if c.kind is None:
            _attach_units(t, c, lx)
    cands = qranges.merge_ranges(t, cands, lx)
    qranges.elide(t, cands, lx)
    drafts: list[list] = []  # [start, end, qend, kind, value, low, high, fields]
    label = None  # ("phone" | "list", end) of the last number read as a label: "मोबाइल 94150 12345", "Sectors 8, 9"
    for c in cands:
        what = qctx.label_of(t, c, label, lambda: _subject_after(t, c, lx)[0] is not None)
        label = (what, c.fe) if what else None
        start = c.cur_start if c.cur_start is not None else c.fs
        if what or not _context_ok(t, c, lx) or qctx.rate_base(t, start, c.kind):  # "64 per 1,000 live births"
            continue
        fields: dict = {}
        if c.extra.get("implicit"):
            fields["implicit_unit"] = True
        kind = c.kind
        partner = c.extra.get("elided_to")
        if kind is None and partner is not None and _kind_of(ctx, t, partner, lx, pf := {}) == "money":
            kind = "money"  # the scale and sum written once, after the second amount: "from 5 to 7 crore"
            fields["unit"], fields["implicit_unit"] = pf["unit"], True
        if kind is None:
            kind = _kind_of(ctx, t, c, lx, fields)
            if kind is None:
                continue
        lo, hi, val = c.low, c.high, c.value
        if _minus(t, c):  # "वृद्धि दर -2.3 प्रतिशत" (but "-5 करोड़" at a line start is a bullet)
            val, start = -val, c.fs - 1
        if kind == "percent":
            if c.unit and c.unit != "percent":  # basis points: reported in percentage points, stated amount kept
                fields["orig_unit"] = c.unit
                fields["orig_value"] = _num(val) if lo is None else {"low": _num(lo), "high": _num(hi)}
                f = units.factor(c.unit, "percentage_point")
                val, lo, hi = (None if x is None else round(x * f, 9) for x in (val, lo, hi))
            fields["unit"] = "percent"
        elif kind == "money":
            fields.setdefault("unit", c.unit)
        elif kind in ("duration", "age") and c.unit:
            # the amount and unit as stated ("तीन महीने": 3, month)
            fields["orig_unit"] = lx.unit_names.get(c.unit, c.unit)
            fields["orig_value"] = _num(val) if lo is None else {"low": _num(lo), "high": _num(hi)}
            f = units.factor(c.unit, "year")  # years, rounded to 6 decimals as the corpus conventions say
            val, lo, hi = (None if x is None else round(x * f, 6) for x in (val, lo, hi))
            if kind == "age":
                fields["subtype"] = "age"
            kind = "duration"
            fields["unit"] = "year"
        elif kind == "quantity" and c.unit and c.unit != "units" and "unit" not in fields:
            f = units.factor(c.unit, c.unit)
            val, lo, hi = val * f, (lo * f if lo is not None else None), (hi * f if hi is not None else None)
            fields["unit"] = c.unit
        hedge_at = start  # "nearly a lakh people": the hedge is read before the article that means "one"
        am = lx.article_before.search(t, max(0, c.fs - 4), c.fs) if c.has_scale and not c.digits else None
        if start == c.fs and am is not None:
            hedge_at = am.start()
        qual, qend = _qualify(t, c, kind, hedge_at, lx, fields)
        if c.vague:
            fields["subtype"] = "vague"
            lo, hi, val = val, None, None
        elif lo is not None:
            val = None
        elif qual in _LOW_Q:
            lo, val = val, None
        elif qual in _HIGH_Q:
            hi, val = val, None
        elif qual == "exactly":
            lo = hi = val
            val = None
        if kind == "duration" and "subtype" not in fields and qctx.age_follows(t, qend):
            fields["subtype"] = "age"  # "60 साल से ज्यादा उम्र के"
        if qual and qual != "exactly":
            fields["qualifier"] = qual
        drafts.append([start, c.end, qend, kind, val, lo, hi, fields])
    drafts = qranges.join_bounds(t, drafts, lx)
    claims = []
    for start, end, _q, kind, val, lo, hi, fields in drafts:
        if kind in ("quantity", "money", "percent"):
            reg = regions.find_region(ctx, start)
            if reg:
                fields["region"], fields["region_code"] = reg
        claims.append(ctx.claim(kind, start, end, value=_num(val), low=_num(lo), high=_num(hi), **fields))
    return claims


def _orig(ctx, t: str, end: int, subject: str) -> str:
    s = t.index(subject, end)
    os_, oe = ctx.folded.span(s, s + len(subject))
    return ctx.doc.text[os_:oe]
