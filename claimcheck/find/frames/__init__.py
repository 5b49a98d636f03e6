"""Frame reader: what each statistical figure of a document measures, of whom, where and when.

A figure's frame is read from the clause that governs it, not from keywords anywhere in its sentence:

- its **own segment** is the text between the figure before it and the figure after it in the same sentence (cut at
  strong clause boundaries), so the figures of a list ("जीडीपी में 30.1 प्रतिशत, विनिर्माण में 35.4 प्रतिशत और
  निर्यात में …") get a frame each;
- the **measure** is the noun right after a count ("7.83 करोड़ … उद्यम", "11 crore jobs"), else the most specific
  measure word of the segment, nearest first; the sentence is used only when the figure is its sentence's only one;
- the **topic** is named in the clause or sentence, or in an earlier sentence that this one refers back to
  ("यह क्षेत्र", "the sector", "such units");
- the **region** is a place named in the segment, else the one place of the sentence, else an earlier sentence's
  state when this one refers back ("the State has"), else the country; a dateline ("नई दिल्ली, 18 दिसंबर (भाषा)")
  and a place named only for comparison ("यूपी की तरह") never count;
- the **period** is the date, month or financial year stated in the segment, else the one period of the sentence;
- **breakdown** (size, owner, activity, new registrations), **basis** (registrations, survey) and **comparison**
  (a change, a target) come from words of the segment (``claimcheck/data/statistics.toml``).

The reader only reads; :mod:`claimcheck.judge.statistics` decides what a frame lets it conclude.
"""

from __future__ import annotations

import bisect

from dataclasses import replace

from collections.abc import Sequence

import regex

from claimcheck.model import Claim, Frame
from claimcheck.read.text import fold, fold_string
from claimcheck.find.frames.periods import _period
from claimcheck.find.frames.places import _region
from claimcheck.find.frames.words import (  # noqa: F401 (the reader's public helpers)
    _WINDOW, _ends_with, _lex, basis_rule, bounded_by, dated_only, national, parts_named, sentence_bounds, share_of, topic_hint)

NUMERIC = ("quantity", "percent", "money", "ranking")
_COUNTED_NOUN = 28  # characters after a count in which its counted noun stands ("7.83 करोड़ सूक्ष्म … उद्यम")
_NEAR = 16  # characters around a figure for words that qualify it directly (change, flow, size)
_KINDS = {"quantity": ("count", "persons"), "ranking": ("count", "persons"), "percent": ("percent",),
          "money": ("money",)}


# --------------------------------------------------------------------------------------------------- sentences


# ----------------------------------------------------------------------------------------------------- regions


# ------------------------------------------------------------------------------------------------------ frames

def frames(text: str, claims: Sequence[Claim], doc_date: str | None = None) -> dict[int, Frame]:
    """The frame of every numeric claim of a document (by index into ``claims``) that names or refers to a topic.

    ``claims`` are the document's claims in text order (dates among them give periods).
    """
    lx = _lex()
    named_anywhere = lx.topic_any.search(fold_string(text)) is not None
    if not named_anywhere and lx.default_topic is None:
        return {}
    numeric = [(i, c) for i, c in enumerate(claims) if c.kind in NUMERIC and not c.outside_body]
    dates = [c for c in claims if c.kind == "date"]
    # where the document names a topic (original offsets), found once: a figure whose sentence names none, and
    # whose sentence does not refer back to an earlier mention, is framed no further (most figures of a batch)
    folded = fold(text)
    mentions = sorted(folded.span(m.start(), m.end())[0] for m in lx.topic_any.finditer(folded.text))
    out = {}
    sentences: dict[tuple[int, int], str] = {}

    hints: dict[tuple[int, int], bool] = {}

    def hinted(s0: int, s1: int) -> bool:  # the sentence names a unit of the topic or employment (cheap, cached)
        if (s0, s1) not in hints:
            if (s0, s1) not in sentences:
                sentences[(s0, s1)] = fold_string(text[s0:s1])
            hints[(s0, s1)] = lx.units_hint.search(sentences[(s0, s1)]) is not None
        return hints[(s0, s1)]

    def framed(c: Claim, s0: int, s1: int) -> Frame:
        if (s0, s1) not in sentences:
            sentences[(s0, s1)] = fold_string(text[s0:s1])
        # a ranking phrase is no figure's boundary: its words ("… की सबसे अधिक हिस्सेदारी है, जो … 23.42%") are
        # the clause of the share after it
        same = [d for _, d in numeric if s0 <= d.start < s1 and (d.kind != "ranking" or d is c)]
        return _frame(text, c, s0, s1, same, dates, doc_date, sentences[(s0, s1)])

    for i, c in numeric:
        if not named_anywhere:
            # an article that names no topic at all: a figure whose own clause names a measure of the tables
            # ("7.47 crore enterprises employing 32.82 crore persons, the sector …") is read as the default
            # topic's, marked as implied (the judge lets such a reading support a claim, never contradict one)
            if c.kind not in ("quantity", "percent"):
                out[i] = _NO_TOPIC  # money and rankings are never implied (see _counts_units)
                continue
            if c.kind == "quantity" and not lx.units_hint.search(fold_string(text[max(0, c.start - 60):c.end + 60])):
                out[i] = _NO_TOPIC  # a count with no unit of the topic or employment word around it
                continue
            s0, s1 = sentence_bounds(text, c.start, c.end)
            out[i] = replace(framed(c, s0, s1), topic=lx.default_topic, topic_from="implied") \
                if hinted(s0, s1) else _NO_TOPIC
            continue
        if bisect.bisect_left(mentions, c.end + _AFTER) == bisect.bisect_left(mentions, c.start - _CONTEXT - _WINDOW):
            out[i] = _NO_TOPIC  # no topic named anywhere near: no sentence to find
            continue
        s0, s1 = sentence_bounds(text, c.start, c.end)
        k = bisect.bisect_left(mentions, max(0, s0 - 8))
        named_here = k < len(mentions) and mentions[k] < s1
        named_before = bisect.bisect_left(mentions, s0) > bisect.bisect_left(mentions, s0 - _CONTEXT)
        if not named_here and not named_before:
            out[i] = _NO_TOPIC
            continue
        if (s0, s1) not in sentences:
            sentences[(s0, s1)] = fold_string(text[s0:s1])
        if not named_here and not lx.backref.search(sentences[(s0, s1)]):
            # no back-reference, but the figure counts the units the article is about ("अकेले पिछले साल 13,290
            # उद्योग बंद हो गये" after a sentence about MSMEs): the article's topic carries to it. People ("40 हजार
            # लोग पहुंचे" at an MSME fair) and money are not the topic's units, so they do not carry it.
            if c.kind != "quantity" or not hinted(s0, s1) or not lx.units_hint.search(
                    fold_string(text[c.end:c.end + _COUNTED_NOUN + 12])):
                out[i] = _NO_TOPIC
                continue
            f = framed(c, s0, s1)
            counts_units = f.measure_from == "clause" and _counts_units(f.measure, "")
            topic = _earlier_topic(text, s0) if counts_units else None
            out[i] = replace(f, topic=topic, topic_from="earlier sentence") if topic and counts_units else _NO_TOPIC
            continue
        out[i] = framed(c, s0, s1)
    out = _share_list_nouns(out, numeric, text)
    out = _share_of_the_country(out, numeric, text)
    out = _ranked_in_apposition(out, numeric, text)
    if not named_anywhere:
        # implied only where the figure's own clause (or its list's noun) names a measure that ties it to the topic
        for i, c in numeric:
            f = out[i]
            if f.topic_from == "implied" and not (f.measure_from in ("clause", "list") and _counts_units(
                    f.measure, sentences[sentence_bounds(text, c.start, c.end)])):
                out[i] = _NO_TOPIC
    return out


def _governed_by_target(text: str, s0: int, start: int) -> bool:
    """A target word earlier in the sentence governs every figure after it up to a strong clause boundary: "a vision
    to attract ₹5 lakh crore investments and create employment for 50 lakh persons" is a plan in both figures."""
    before = text[s0:start]
    hit = None
    for hit in _lex().target.finditer(fold_string(before)):
        pass
    if hit is None:
        return False
    return not _lex().strong_boundary.search(fold_string(before), hit.end())


def _counts_units(measure: str | None, sentence: str) -> bool:
    """Whether a figure read as ``measure`` counts the units of the tables' topic (enterprises, registrations,
    closures), or counts people in a sentence that also counts such units ("7.47 crore enterprises employing
    32.82 crore persons"). People alone ("मेले में 90 लाख लोग आए") or money do not tie a figure to the topic."""
    kinds = _lex().measure_kinds
    if kinds.get(measure) == "count":
        return True
    if kinds.get(measure) == "persons" and _lex().employment.search(sentence):
        return True  # "123 million individuals have found employment in the sector"
    # people or a share ("93 प्रतिशत सूक्ष्म … इकाइयां") in a sentence that counts units
    return kinds.get(measure) in ("persons", "percent") and any(
        kind == "count" and pat.search(sentence) for _, kind, _, pat in _lex().measures)


def _earlier_topic(text: str, s0: int) -> str | None:
    """The topic named last before a sentence (within ``_CONTEXT`` characters)."""
    before = fold_string(text[max(0, s0 - _CONTEXT):s0])
    best, at = None, -1
    for name, pat in _lex().topics:
        for m in pat.finditer(before):
            if m.start() > at:
                best, at = name, m.start()
    return best


def _ranked_in_apposition(out: dict[int, Frame], numeric: list[tuple[int, Claim]], text: str) -> dict[int, Frame]:
    """"with over 35 lakh registered MSMEs, the highest in the country, …": a superlative set right after a figure
    ranks what that figure counts, not a measure named later in the sentence."""
    for k, (i, c) in enumerate(numeric):
        f = out.get(i)
        if c.kind != "ranking" or c.subject or f is None or f.topic is None or k == 0:
            continue
        j, d = numeric[k - 1]
        g = out.get(j)
        if g is not None and g.measure and d.kind == "quantity" and 0 <= c.start - d.end <= 40 \
                and not _lex().strong_boundary.search(text, d.end, c.start):
            out[i] = replace(f, measure=g.measure, measure_from="list", breakdown=g.breakdown)
    return out


def _share_of_the_country(out: dict[int, Frame], numeric: list[tuple[int, Claim]], text: str) -> dict[int, Frame]:
    """"the State has 49.48 lakh MSMEs (around 8 per cent of the total in the country)": the country a share's clause
    names is its whole, not its region; the share is of the state the sentence's other figures are about."""
    country = _lex().country
    for i, c in numeric:
        f = out.get(i)
        if f is None or f.topic is None or not share_of(f.measure) or f.region not in country \
                or f.region_from != "clause" or f.breakdown:
            continue
        s0, s1 = sentence_bounds(text, c.start, c.end)
        states = {out[j].region for j, d in numeric if j != i and s0 <= d.start < s1 and out.get(j) is not None
                  and out[j].region and out[j].region not in country}
        if len(states) == 1:
            out[i] = replace(f, region=states.pop(), region_from="the sentence's other figures (the country is the whole)")
    return out


def _share_list_nouns(out: dict[int, Frame], numeric: list[tuple[int, Claim]], text: str) -> dict[int, Frame]:
    """Figures of one list share the noun written once ("X माइक्रो, Y स्मॉल और Z मीडियम यूनिट्स", "X से बढ़कर
    Y करोड़ हो गयी"): a figure whose clause names no measure takes that of its neighbour in the same sentence."""
    from dataclasses import replace

    # two passes: a noun written after the last figure reaches the first through the ones between
    for k, (i, c) in [*enumerate(numeric), *reversed(list(enumerate(numeric)))]:
        f = out.get(i)
        if f is None or f.topic is None or f.measure_from not in (None, "earlier sentence") \
                or f.comparison not in (None, "earlier"):
            continue  # a change or a target is not a level of the listed noun; "from X to Y" is
        s0, s1 = sentence_bounds(text, c.start, c.end)
        for j in (k + 1, k - 1):
            if 0 <= j < len(numeric):
                i2, c2 = numeric[j]
                f2 = out.get(i2)
                same_kind = (c2.kind == c.kind and c2.unit == c.unit) or (
                    c.kind == "money" and c.implicit_unit and c2.kind == "quantity")  # "X करोड़ … से बढ़कर Y करोड़"
                if f2 and f2.measure and f2.measure_from in ("clause", "list") and same_kind and s0 <= c2.start < s1:
                    # a breakdown that does not divide the shared measure's kind goes ("1.73 लाख की मालिक
                    # महिलाएं": women owners of units, not women employed)
                    kind = _lex().measure_kinds.get(f2.measure)
                    allowed = _lex().breakdown_kinds
                    bd = tuple((k, v) for k, v in f.breakdown if kind in allowed.get(k, {kind}))
                    if (f.comparison == "earlier" or f2.comparison == "earlier") and not bd:
                        bd = f2.breakdown  # "from X to Y": both levels are of the same part
                    if national(f2.measure) and not any(k == "size" for k, _ in bd):
                        size = dict(f2.breakdown).get("size") or _one_size(fold_string(text[s0:s1]))
                        bd = tuple(sorted(bd + ((("size", size),) if size else ())))
                    out[i] = replace(f, measure=f2.measure, measure_from="list", breakdown=bd)
                    break
    return out


_LATIN_LETTER = regex.compile(r"[A-Za-z]")
_AFTER = 600  # characters after a figure in which the rest of its sentence may name the topic
_CONTEXT = 2000  # characters before a sentence in which a topic or state it refers back to is looked for
_NO_TOPIC = Frame()


def _segment(text: str, c: Claim, s0: int, s1: int, same: list[Claim]) -> tuple[int, int]:
    """The figure's own stretch of its sentence: the gap to each neighbouring figure is split at its last phrase
    boundary ("…उद्यम पंजीकृत हुए हैं | और इनसे 34.50 करोड़", "1.64 crore | with an estimated employment figure of
    10.73 crore"): what comes before it belongs to the earlier figure, what comes after to the later one."""
    prev_end = max([d.end for d in same if d.end <= c.start] + [s0])
    next_start = min([d.start for d in same if d.start >= c.end] + [s1])
    b = [m.end() for m in _lex().boundary.finditer(text, prev_end, c.start)]
    lo = b[-1] if b and prev_end > s0 else prev_end
    strong_before = [m.end() for m in _lex().strong_boundary.finditer(text, prev_end, c.start)]
    if strong_before and prev_end > s0:
        lo = max(lo, strong_before[0])
    if b and prev_end == s0:
        strong = [m.end() for m in _lex().strong_boundary.finditer(text, prev_end, c.start)]
        lo = strong[-1] if strong else prev_end
    if next_start < s1:
        strong = _lex().strong_boundary.search(text, c.end, next_start)
        b2 = [m.start() for m in _lex().boundary.finditer(text, c.end, next_start)]
        hi = strong.start() if strong else (b2[-1] if b2 else next_start)
    else:
        m = _lex().strong_boundary.search(text, c.end, next_start)
        hi = m.start() if m else next_start
    return lo, hi


def _frame(text: str, c: Claim, s0: int, s1: int, same: list[Claim], dates: list[Claim],
           doc_date: str | None, sentence: str) -> Frame:
    lx = _lex()
    lo, hi = _segment(text, c, s0, s1, same)
    left, right = fold_string(text[lo:c.start]), fold_string(text[c.end:hi])
    english = len(_LATIN_LETTER.findall(text, s0, s1)) > (s1 - s0) / 3

    # topic: the clause or sentence names it, or an earlier sentence does and this one refers back / counts its units
    topic, topic_from = None, None
    for name, pat in lx.topics:
        if pat.search(sentence):
            topic, topic_from = name, "sentence"
            break
    if topic is None and lx.backref.search(sentence):
        before_text = fold_string(text[max(0, s0 - _CONTEXT):s0])
        for name, pat in lx.topics:
            if pat.search(before_text):
                topic, topic_from = name, "earlier sentence"
                break

    # measure: the counted noun right after a count, else the most specific measure word of the segment
    kinds = _KINDS.get(c.kind, ())
    ranked_share = next((name for name, kind, _, pat in lx.measures
                         if c.kind == "ranking" and c.subject and kind == "percent"
                         and pat.search(fold_string(c.subject))), None)
    if ranked_share:
        kinds = ("percent",)  # "की सबसे अधिक हिस्सेदारी", "the highest share": a ranking of shares
    if c.kind == "money" and c.unit not in (None, "INR", "USD"):
        kinds = ()  # a currency no table is in
    elif c.kind == "money" and c.implicit_unit:
        kinds = ("money", "count", "persons")  # "10.73 crore" with no currency word may count jobs or units
    # the rest of the sentence up to the next figure: a verb there may narrow a count ("… (MSMEs) shuttered")
    nxt = min([d.start for d in same if d.start >= c.end] + [s1])
    tail = fold_string(text[c.end:nxt]) if nxt > hi else right
    measure, measure_from = _measure(left, right, kinds, english, c.kind, tail=tail)
    if measure is None and ranked_share:
        measure, measure_from = ranked_share, "clause"  # the ranked noun is the share itself
    if c.kind == "quantity" and c.subject and measure_from == "clause" and not _describes(c.subject, kinds) \
            and fold_string(c.subject).casefold() not in lx.containers:  # "number of guarantees"
        # the finder read what the figure counts ("25 अधिकारी"): no measure of the tables counts that
        measure, measure_from = None, "subject"
    if measure is None and measure_from != "subject" and len(same) == 1 and kinds:
        measure, _ = _measure(sentence, "", kinds, english, c.kind, whole=True)
        measure_from = "sentence" if measure else None
    back = s0
    for _ in range(2):
        if measure is not None or measure_from == "subject" or not kinds or back <= 1 \
                or not lx.backref.search(sentence):
            break
        # "Starting at 49.77% in FY20, it declined to …": the measure of the sentence it refers to
        p0, p1 = sentence_bounds(text, back - 2, back - 1)
        measure, _ = _measure(fold_string(text[p0:p1]), "", kinds, english, c.kind, whole=True)
        measure_from = "earlier sentence" if measure else None
        back = p0

    # breakdown: size / owner / activity / flow words near the figure, less topic names ("micro, small and medium")
    found: dict[str, set[str]] = {}
    # a limit's size may be named anywhere in its clause ("… वाले उद्यमों को ‘‘सूक्ष्म उद्यम’’"), and so may the part a
    # share is of ("The percentage of female-owned establishments rose from 22.9 per cent …")
    wide = c.kind in ("money", "percent")
    sides = []
    for near, far in ((right[:_COUNTED_NOUN + 12], right), (left[-40:], left)):
        sides.append((near, far if wide else near))
    for near, far in sides:
        if not lx.breakdown_any.search(far):
            continue  # no breakdown word at all (most figures)
        texts = {n: (lx.regions.sub(" ", n), _blank_lists(n)) for n in {near, far}}
        kind = lx.measure_kinds.get(measure)
        keys = {k for k, _, _ in lx.breakdowns if kind is None or kind in lx.breakdown_kinds.get(k, {kind})}
        keys -= set(found)
        for key in sorted(keys):
            unplaced, blanked = texts[far if key == "size" or c.kind == "percent" else near]
            # a limit's clause names the sector before the size it defines ("सूक्ष्म, लघु एवं मझोले उद्यमों को
            # ‘‘सूक्ष्म उद्यम’’"): there the sector's name is set aside before sizes are counted
            values = {v for k2, v, p2 in lx.breakdowns if k2 == key and p2.search(blanked if wide else unplaced)}
            if key == "size" and len(values) > 1:
                found[key] = set()  # "लघु और मध्यम", "micro, small and medium": the sector, not one size
                continue
            values = {v for k2, v, p2 in lx.breakdowns if k2 == key and p2.search(blanked)}
            if values:
                found[key] = values
    found = {k: v for k, v in found.items() if v}
    if national(measure) and "size" not in found:
        # a legal limit's size is named once for the whole definition ("1 करोड़ के निवेश और 5 करोड़ के कारोबार वाले
        # उपक्रमों को सूक्ष्म उद्यम माना जाएगा"), or in the sentence a limit refers back to ("इसकी सीमा पहले …")
        size = _one_size(sentence)
        if size is None and lx.backref.search(sentence) and s0 > 1:
            p0, _ = sentence_bounds(text, s0 - 2, s0 - 1)
            size = _one_size(fold_string(text[p0:s0]))
        if size:
            found["size"] = {size}
    breakdown = tuple(sorted((k, next(iter(v))) for k, v in found.items() if len(v) == 1))
    unsure = tuple(sorted(k for k, v in found.items() if len(v) > 1))

    # basis: a platform named in the figure's own clause, else a kind of source named in its sentence
    own = left + " " + right
    basis = next((name for name, pat in lx.bases if pat.search(own)), None)
    if basis is None:
        basis = next((name for name, pat in lx.bases if name not in lx.basis_ids and pat.search(sentence)), None)

    # comparison: a change ("66 प्रतिशत बढ़", "grew by 15%") or a target / plan
    comparison = None
    if c.kind == "percent" and (lx.change_after.match(right.lstrip()[:_NEAR + 8])
                                or _ends_with(lx.change_before, left[-_NEAR:])):
        comparison = "change"
    elif _start_of_from_to(left, right, english) or lx.earlier.search(left[-24:] + " " + right[:12]):
        comparison = "earlier"  # "6.50 करोड़ से बढ़कर 7.34 करोड़", "from 27.3% to 30.1%": a past level, not today's
    elif lx.target.search(left[-80:] + " " + right[:80]) or _governed_by_target(text, s0, c.start):
        comparison = "target"

    region, region_from = _region(text, c, lo, hi, s0, s1)
    def others() -> list[tuple[int, int]]:  # the other figures' clauses: a date there is that figure's
        return [_segment(text, d, s0, s1, same) for d in same if d is not c]

    period = _period(text, c, lo, hi, s0, s1, dates, others, doc_date,
                     figures=tuple((d.start, d.end) for d in same if d is not c), english=english)
    return Frame(topic=topic, topic_from=topic_from, measure=measure, measure_from=measure_from,
                 breakdown=breakdown, breakdown_unsure=unsure, region=region, region_from=region_from,
                 period=period, basis=basis, comparison=comparison,
                 refers_back=bool(lx.narrowing.search(sentence)))


def _describes(subject: str, kinds: tuple[str, ...]) -> bool:
    """Whether a counted noun is a measure's word, a breakdown's or the topic's ("सूक्ष्म", "MSMEs")."""
    lx = _lex()
    s = fold_string(subject)
    return (any(pat.search(s) for _, kind, _, pat in lx.measures if kind in kinds)
            or any(pat.search(s) for _, _, pat in lx.breakdowns) or bool(lx.topic_any.search(s)))


def _one_size(sentence: str) -> str | None:
    """The one size a sentence names outside the sector's name, if exactly one."""
    blanked = _blank_lists(sentence)
    sizes = {v for k, v, p in _lex().breakdowns if k == "size" and p.search(blanked)}
    return next(iter(sizes)) if len(sizes) == 1 else None


def _blank_lists(s: str) -> str:
    """``s`` with every topic name that lists several sizes ("micro, small and medium") blanked out: such a name is
    the topic, not a breakdown ("सूक्ष्म उद्यम" alone is one)."""
    lx = _lex()

    def blank(m: regex.Match) -> str:
        sizes = {v for k, v, p in lx.breakdowns if k == "size" and p.search(m.group())}
        return " " * len(m.group()) if len(sizes) > 1 else m.group()

    s = lx.regions.sub(lambda m: " " * len(m.group()), s)  # "नई दिल्ली" is a place, not new registrations
    return lx.topic_any.sub(blank, s)


def _start_of_from_to(left: str, right: str, english: bool) -> bool:
    """The first figure of "from X to Y" / "X से Y": the level before a change or target, not the target."""
    lx = _lex()
    if english:
        return bool(lx.from_before.search(left))
    m = lx.from_after.match(right)
    return bool(m) and not lx.bound_word.match(right[m.end():])


def _measure(left: str, right: str, kinds: tuple[str, ...], english: bool, claim_kind: str,
             whole: bool = False, tail: str = "") -> tuple[str | None, str | None]:
    lx = _lex()
    if not kinds:
        return None, None
    cands = [(name, kind, prio, pat) for name, kind, prio, pat in lx.measures if kind in kinds]

    def narrowed(first: str) -> str:
        # a word later in the clause may narrow the counted noun ("35,567 व्यवसाय … बंद हो गए": closures)
        for name, _, _, pat in cands:
            if lx.refines.get(name) == first and (pat.search(tail or right) or pat.search(left[-60:])):
                return name
        return first

    if claim_kind in ("quantity", "ranking") and not whole:
        noun = right[:_COUNTED_NOUN]
        hits = sorted((m.start(), name) for name, _, prio, pat in cands for m in pat.finditer(noun))
        if hits:  # the noun the figure counts stands right after it
            return narrowed(hits[0][1]), "clause"
    # Hindi puts the governing noun after a figure joined by a genitive ("1 करोड़ रुपये तक के निवेश"), else
    # before it ("निर्यात में 45%"); English after it ("45% of exports"), else before ("the share of GDP is 30%")
    after_first = english or bool(_lex().genitive_after.match(right))
    scored = []
    for name, kind, prio, pat in cands:
        prio = prio if kind in ("percent", "money") else 0
        for m in pat.finditer(left):
            scored.append((-prio, (len(left) - m.end()) + (8 if after_first else 0), name))
        for m in pat.finditer(right):
            scored.append((-prio, m.start() + (0 if after_first else 8), name))
    if not scored:
        return None, None
    return narrowed(min(scored)[2]) if not whole else min(scored)[2], "clause"


