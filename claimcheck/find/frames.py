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

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from claimcheck.errors import DataError
from claimcheck.find import lexicon
from claimcheck.model import Claim, Frame
from claimcheck.read.text import fold_string

NUMERIC = ("quantity", "percent", "money", "ranking")
_SENTENCE_END = "।?!\n"
_WINDOW = 400  # characters each side of a claim: a sentence is rarely longer
_COUNTED_NOUN = 28  # characters after a count in which its counted noun stands ("7.83 करोड़ सूक्ष्म … उद्यम")
_NEAR = 16  # characters around a figure for words that qualify it directly (change, flow, size)
_BOUNDARY = regex.compile(r";|\s(?:जबकि|बल्कि|लेकिन|किंतु|परंतु|while|whereas|but)\s", regex.I)
_DATELINE_TAIL = regex.compile(r"^\s*(?:[,:|।]|\d|\(|\s-\s)")
_KINDS = {"quantity": ("count", "persons"), "ranking": ("count", "persons"), "percent": ("percent",),
          "money": ("money",)}

_MEASURE_KINDS = ("count", "persons", "percent", "money")


def _words(hi: Sequence[str], en: Sequence[str]) -> regex.Pattern:
    parts = []
    h = lexicon.alternation(hi)
    e = lexicon.alternation(en, fold_words=False)
    if h:
        parts.append(rf"(?<![\p{{L}}\p{{M}}])(?:{h})(?![\p{{L}}\p{{M}}])")
    if e:
        parts.append(rf"(?i:(?<![\p{{L}}\p{{M}}\d])(?:{e})(?![\p{{L}}\p{{M}}]))")
    return regex.compile("|".join(parts) or "(?!)")


@dataclass(frozen=True, slots=True)
class _Lex:
    topics: tuple[tuple[str, regex.Pattern], ...]
    topic_any: regex.Pattern
    measures: tuple[tuple[str, str, int, regex.Pattern], ...]  # (name, kind, priority, words)
    refines: dict[str, str]  # a measure that narrows another when its words follow the counted noun
    breakdowns: tuple[tuple[str, str, regex.Pattern], ...]  # (key, value, words)
    bases: tuple[tuple[str, regex.Pattern], ...]
    basis_ids: dict[str, tuple[str, ...]]  # a [basis.NAME] that names bases: NAME -> those bases
    change_after: regex.Pattern
    change_before: regex.Pattern
    target: regex.Pattern
    backref: regex.Pattern
    comparison_after: regex.Pattern
    comparison_before: regex.Pattern
    agencies: tuple[str, ...]
    substate: regex.Pattern
    genitive_after: regex.Pattern
    boundary: regex.Pattern
    bound_word: regex.Pattern
    narrowing: regex.Pattern
    period_start: regex.Pattern
    said_after: regex.Pattern
    said_before: regex.Pattern
    bound_by: dict[str, tuple[str, ...]]
    generic_state: regex.Pattern
    regions: regex.Pattern
    region_codes: dict[str, str]
    country: frozenset[str]


@functools.cache
def _lex() -> _Lex:
    data = lexicon.load("statistics")  # its schema is checked on load (claimcheck/data/schema/statistics.json)
    bad = sorted(f"measure.{n}: kind {sec['kind']!r}" for n, sec in data["measure"].items()
                 if sec["kind"] not in _MEASURE_KINDS)
    if bad:
        raise DataError(f"claimcheck/data/statistics.toml: {', '.join(bad)} (kinds: {', '.join(_MEASURE_KINDS)})")
    cue = data["cue"]
    topics = tuple((name, _words(sec["hi"], sec["en"])) for name, sec in data["topic"].items())
    all_hi = [w for sec in data["topic"].values() for w in sec["hi"]]
    all_en = [w for sec in data["topic"].values() for w in sec["en"]]
    measures = tuple((name, sec["kind"], sec.get("priority", 1), _words(sec["hi"], sec["en"]))
                     for name, sec in data["measure"].items())
    refines = {name: sec["refines"] for name, sec in data["measure"].items() if "refines" in sec}
    breakdowns = tuple((*key.split("=", 1), _words(sec["hi"], sec["en"])) for key, sec in data["breakdown"].items())
    bases = tuple((kind, _words(sec["hi"], sec["en"])) for kind, sec in data["basis"].items())
    basis_ids = {kind: tuple(sec["bases"]) for kind, sec in data["basis"].items() if sec.get("bases")}
    codes: dict[str, str] = {}
    country = set()
    for code, spec in lexicon.load("regions").items():
        for w in spec.get("hi", []):
            codes[fold_string(w)] = code
        for w in spec.get("en", []):
            codes[w.lower()] = code
        if spec.get("country"):
            country.add(code)
    region_hi = [w for w in codes if not w.isascii()]
    # abbreviations ("UP", "TN") only in capitals: "made up 45 per cent" names no state
    abbrev = sorted({w for spec in lexicon.load("regions").values() for w in spec.get("en", [])
                     if w.replace(".", "").isupper() and len(w.replace(".", "")) <= 3})
    region_en = [w for w in codes if w.isascii() and w.upper().replace(".", "") != w.replace(".", "").upper()
                 or w.isascii() and w not in {a.lower() for a in abbrev}]
    region_pat = "|".join(p for p in (
        _words(region_hi, [w for w in region_en if w not in {a.lower() for a in abbrev}]).pattern,
        rf"(?<![\p{{L}}\p{{M}}])(?:{lexicon.alternation(abbrev, fold_words=False)})(?![\p{{L}}\p{{M}}])" if abbrev
        else "") if p)
    return _Lex(
        topics=topics, topic_any=_words(all_hi, all_en), measures=measures, refines=refines, breakdowns=breakdowns,
        bases=bases, basis_ids=basis_ids,
        change_after=_words(cue["change"].get("hi_after", []), cue["change"].get("en_after", [])),
        change_before=_words([], cue["change"].get("en_before", [])),
        target=_words(cue["target"].get("hi", []), cue["target"].get("en", [])),
        backref=_words(cue["backref"].get("hi", []), cue["backref"].get("en", [])),
        comparison_after=_words(cue["comparison_after"].get("hi", []), cue["comparison_after"].get("en", [])),
        comparison_before=_words(cue["comparison_before"].get("hi", []), cue["comparison_before"].get("en", [])),
        agencies=tuple(cue["dateline"].get("agencies", [])),
        substate=_words(cue["substate"].get("hi", []), cue["substate"].get("en", [])),
        boundary=regex.compile("|".join([r"[,;()]"] + [
            rf"(?<![\p{{L}}\p{{M}}])(?:{lexicon.alternation(cue['boundary'].get('hi', []))})(?![\p{{L}}\p{{M}}])",
            rf"(?i:\b(?:{lexicon.alternation(cue['boundary'].get('en', []), fold_words=False)})\b)"])),
        narrowing=_words(cue["narrowing"].get("hi", []), cue["narrowing"].get("en", [])),
        said_after=_words(cue["said"].get("hi_after", []), []),
        said_before=_words([], cue["said"].get("en_before", [])),
        bound_by={k: tuple(v) for k, v in data.get("bound_by", {}).items()},
        period_start=_words(cue["period_start"].get("hi", []), cue["period_start"].get("en", [])),
        bound_word=regex.compile("(?:%s)(?![\\p{L}\\p{M}])" % lexicon.alternation(
            [w.split(" ", 1)[1] for w in cue["genitive"]["bounds"] if w.startswith("से ")])),
        generic_state=_words(cue["generic_state"].get("hi", []), cue["generic_state"].get("en", [])),
        genitive_after=regex.compile(r"\s*(?:(?:%s)\s+)?(?:(?:%s)\s+)?(?:%s)\s" % (
            lexicon.alternation(cue["genitive"]["currency"]), lexicon.alternation(cue["genitive"]["bounds"]),
            lexicon.alternation(cue["genitive"]["markers"]))),
        regions=regex.compile(region_pat),
        region_codes=codes, country=frozenset(country),
    )


def national(measure: str | None) -> bool:
    """Whether a measure exists only for the whole country (a legal definition: "Rs 1 crore" in a UP story)."""
    return bool(measure) and bool(lexicon.load("statistics")["measure"].get(measure, {}).get("national"))


def bounded_by(basis: str) -> tuple[str, ...]:
    """Bases whose running count is never below ``basis``'s (Udyam portal alone ⊂ portal and Assist Platform)."""
    return _lex().bound_by.get(basis, ())


def basis_rule(name: str | None) -> tuple[str | None, tuple[str, ...]]:
    """What a frame's basis allows: (a kind of source, or None) and (specific bases, or ())."""
    if name is None:
        return None, ()
    ids = _lex().basis_ids.get(name, ())
    return (None, ids) if ids else (name, ())


def topic_hint() -> regex.Pattern:
    """Every topic word of every topic: a document none of them occurs in has no statistic to frame."""
    return _lex().topic_any


# --------------------------------------------------------------------------------------------------- sentences

def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Original (start, end) of the sentence around [start, end): split on danda, ?, !, newline and '. ', at most
    ``_WINDOW`` characters each side of the claim."""
    lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    left = max(text.rfind(ch, lo, start) for ch in _SENTENCE_END)
    left = max(left, text.rfind(". ", lo, start), lo - 1)
    rights = [i for i in (text.find(ch, end, hi) for ch in _SENTENCE_END) if i != -1]
    dot = text.find(". ", end, hi)
    if dot != -1:
        rights.append(dot)
    right = min(rights) if rights else hi
    return left + 1, right


# ----------------------------------------------------------------------------------------------------- regions

@dataclass(frozen=True, slots=True)
class _Place:
    start: int
    end: int
    code: str


def _places(text: str, lo: int, hi: int) -> list[_Place]:
    """Regions named in text[lo:hi], less datelines and places named only for comparison."""
    lx = _lex()
    out = []
    for m in lx.regions.finditer(text, lo, hi):
        word = m.group()
        code = lx.region_codes.get(fold_string(word)) or lx.region_codes.get(word.lower())
        if code is None or _in_dateline(text, m.start(), m.end()):
            continue
        after = fold_string(text[m.end():m.end() + 14])
        before = text[max(0, m.start() - 10):m.start()]
        if lx.comparison_after.match(after.lstrip()) or lx.comparison_before.search(before.rstrip() + " ", 0):
            if lx.comparison_before.search(before) and not before.rstrip().lower().endswith(("like", "unlike", "than",
                                                                                             "after", "of", "behind")):
                pass
            else:
                continue
        out.append(_Place(m.start(), m.end(), code))
    return out


def _in_dateline(text: str, start: int, end: int) -> bool:
    """A place at the head of a line (or of the text) followed by a date, a colon, a comma or an agency."""
    line_start = max(text.rfind("\n", 0, start) + 1, 0)
    head = text[line_start:start]
    if head.strip():  # a dateline opens its line: "लखनऊ, 5 मार्च (भाषा)", "AHMEDABAD:"
        return False
    if _DATELINE_TAIL.match(text[end:end + 4]):
        return True
    tail = text[end:end + 60]
    return any(f"({a})" in tail or f"({a} " in tail for a in _lex().agencies)


# ------------------------------------------------------------------------------------------------------ frames

def frames(text: str, claims: Sequence[Claim], doc_date: str | None = None) -> dict[int, Frame]:
    """The frame of every numeric claim of a document (by index into ``claims``) that names or refers to a topic.

    ``claims`` are the document's claims in text order (dates among them give periods).
    """
    lx = _lex()
    if not any(True for _ in lx.topic_any.finditer(fold_string(text))):
        return {}
    numeric = [(i, c) for i, c in enumerate(claims) if c.kind in NUMERIC and not c.outside_body]
    dates = [c for c in claims if c.kind == "date"]
    out = {}
    for i, c in numeric:
        s0, s1 = sentence_bounds(text, c.start, c.end)
        same = [d for _, d in numeric if s0 <= d.start < s1]
        out[i] = _frame(text, c, s0, s1, same, dates, doc_date)
    return _share_list_nouns(out, numeric, text)


def _share_list_nouns(out: dict[int, Frame], numeric: list[tuple[int, Claim]], text: str) -> dict[int, Frame]:
    """Figures of one list share the noun written once ("X माइक्रो, Y स्मॉल और Z मीडियम यूनिट्स", "X से बढ़कर
    Y करोड़ हो गयी"): a figure whose clause names no measure takes that of its neighbour in the same sentence."""
    from dataclasses import replace

    for k, (i, c) in enumerate(numeric):
        f = out.get(i)
        if f is None or f.measure is not None or f.comparison:
            continue
        s0, s1 = sentence_bounds(text, c.start, c.end)
        for j in (k + 1, k - 1):
            if 0 <= j < len(numeric):
                i2, c2 = numeric[j]
                f2 = out.get(i2)
                if f2 and f2.measure and f2.measure_from == "clause" and c2.kind == c.kind and s0 <= c2.start < s1:
                    out[i] = replace(f, measure=f2.measure, measure_from="list")
                    break
    return out


def _segment(text: str, c: Claim, s0: int, s1: int, same: list[Claim]) -> tuple[int, int]:
    """The figure's own stretch of its sentence: the gap to each neighbouring figure is split at its last phrase
    boundary ("…उद्यम पंजीकृत हुए हैं | और इनसे 34.50 करोड़", "1.64 crore | with an estimated employment figure of
    10.73 crore"): what comes before it belongs to the earlier figure, what comes after to the later one."""
    prev_end = max([d.end for d in same if d.end <= c.start] + [s0])
    next_start = min([d.start for d in same if d.start >= c.end] + [s1])
    b = [m.end() for m in _lex().boundary.finditer(text, prev_end, c.start)]
    lo = b[-1] if b and prev_end > s0 else prev_end
    strong_before = [m.end() for m in _BOUNDARY.finditer(text, prev_end, c.start)]
    if strong_before and prev_end > s0:
        lo = max(lo, strong_before[0]) if lo >= strong_before[0] else strong_before[0]
    if b and prev_end == s0:
        strong = [m.end() for m in _BOUNDARY.finditer(text, prev_end, c.start)]
        lo = strong[-1] if strong else prev_end
    if next_start < s1:
        strong = _BOUNDARY.search(text, c.end, next_start)
        b2 = [m.start() for m in _lex().boundary.finditer(text, c.end, next_start)]
        hi = strong.start() if strong else (b2[-1] if b2 else next_start)
    else:
        m = _BOUNDARY.search(text, c.end, next_start)
        hi = m.start() if m else next_start
    return lo, hi


def _matches(pat: regex.Pattern, s: str) -> list[regex.Match]:
    return list(pat.finditer(s))


def _frame(text: str, c: Claim, s0: int, s1: int, same: list[Claim], dates: list[Claim],
           doc_date: str | None) -> Frame:
    lx = _lex()
    lo, hi = _segment(text, c, s0, s1, same)
    left, right = fold_string(text[lo:c.start]), fold_string(text[c.end:hi])
    sentence = fold_string(text[s0:s1])
    before_text = fold_string(text[max(0, s0 - 2000):s0])
    english = sum(ch.isascii() and ch.isalpha() for ch in text[s0:s1]) > (s1 - s0) / 3

    # topic: the clause or sentence names it, or an earlier sentence does and this one refers back / counts its units
    topic, topic_from = None, None
    for name, pat in lx.topics:
        if pat.search(sentence):
            topic, topic_from = name, "sentence"
            break
    if topic is None:
        for name, pat in lx.topics:
            if pat.search(before_text) and lx.backref.search(sentence):
                topic, topic_from = name, "earlier sentence"
                break

    # measure: the counted noun right after a count, else the most specific measure word of the segment
    kinds = _KINDS.get(c.kind, ())
    if c.kind == "money" and c.unit not in (None, "INR"):
        kinds = ()
    elif c.kind == "money" and c.implicit_unit:
        kinds = ("money", "count", "persons")  # "10.73 crore" with no currency word may count jobs or units
    measure, measure_from = _measure(left, right, kinds, english, c.kind)
    if c.kind == "quantity" and c.subject and measure_from == "clause" and not _describes(c.subject, kinds):
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
    wide = c.kind == "money"  # a limit's size may be named anywhere in its clause ("… वाले उद्यमों को ‘‘सूक्ष्म उद्यम’’")
    for raw in (right, left[::-1]):
        raw = raw if raw is right else left
        for key, value, pat in lx.breakdowns:
            if key in found:
                continue
            near = (right[:len(right) if wide and key == "size" else _COUNTED_NOUN + 12] if raw is right
                    else left[-(len(left) if wide and key == "size" else 40):])
            values = {v for k2, v, p2 in lx.breakdowns if k2 == key and p2.search(lx.regions.sub(" ", near))}
            if key == "size" and len(values) > 1:
                found[key] = set()  # "लघु और मध्यम", "micro, small and medium": the sector, not one size
                continue
            near = _blank_lists(near)
            values = {v for k2, v, p2 in lx.breakdowns if k2 == key and p2.search(near)}
            if values:
                found[key] = values
    found = {k: v for k, v in found.items() if v}
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
    elif _start_of_from_to(left, right, english):
        comparison = "earlier"  # "6.50 करोड़ से बढ़कर 7.34 करोड़", "from 27.3% to 30.1%": a past level, not today's
    elif lx.target.search(left[-80:] + " " + right[:80]):
        comparison = "target"

    region, region_from = _region(text, c, lo, hi, s0, s1)
    period = _period(text, c, lo, hi, s0, s1, dates, same, doc_date)
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


def _blank_lists(s: str) -> str:
    """``s`` with every topic name that lists several sizes ("micro, small and medium") blanked out: such a name is
    the topic, not a breakdown ("सूक्ष्म उद्यम" alone is one)."""
    lx = _lex()

    def blank(m: regex.Match) -> str:
        sizes = {v for k, v, p in lx.breakdowns if k == "size" and p.search(m.group())}
        return " " * len(m.group()) if len(sizes) > 1 else m.group()

    s = lx.regions.sub(lambda m: " " * len(m.group()), s)  # "नई दिल्ली" is a place, not new registrations
    return lx.topic_any.sub(blank, s)


def _ends_with(pat: regex.Pattern, s: str) -> bool:
    s = s.rstrip()
    return any(m.end() == len(s) for m in pat.finditer(s))


def _start_of_from_to(left: str, right: str, english: bool) -> bool:
    """The first figure of "from X to Y" / "X से Y": the level before a change or target, not the target."""
    if english:
        return bool(regex.search(r"\bfrom\s+(?:about\s+|around\s+|nearly\s+)?$", left.lower()))
    m = regex.match(r"\s*से\s+(\S+)", right)
    return bool(m) and not _lex().bound_word.match(right[m.start(1):])


def _measure(left: str, right: str, kinds: tuple[str, ...], english: bool, claim_kind: str,
             whole: bool = False) -> tuple[str | None, str | None]:
    lx = _lex()
    if not kinds:
        return None, None
    cands = [(name, kind, prio, pat) for name, kind, prio, pat in lx.measures if kind in kinds]
    if claim_kind in ("quantity", "ranking") and not whole:
        noun = right[:_COUNTED_NOUN]
        hits = sorted((m.start(), name) for name, _, prio, pat in cands for m in pat.finditer(noun))
        if hits:
            # the noun the figure counts stands right after it; a word later in the clause may narrow it
            # ("35,567 व्यवसाय … बंद हो गए": closures, not businesses)
            first = hits[0][1]
            for name, _, _, pat in cands:
                if lx.refines.get(name) == first and (pat.search(right) or pat.search(left[-24:])):
                    return name, "clause"
            return first, "clause"
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
    return min(scored)[2], "clause"


def _region(text: str, c: Claim, lo: int, hi: int, s0: int, s1: int) -> tuple[str | None, str]:
    """Where the figure is about: a place in its own clause (the nearest before it, else after it), "the State" /
    "प्रदेश" there (the article's state), then the sentence's one state, its generic word, the country, the
    previous sentence's one state, an earlier state the sentence refers back to, else the country by default."""
    lx = _lex()
    if lx.substate.search(fold_string(text[s0:s1])):
        return None, "substate"
    own = _places(text, lo, hi)
    own_states = [p for p in own if p.code not in lx.country]
    if own_states:
        before = [p for p in own_states if p.end <= c.start]
        return (before[-1] if before else own_states[0]).code, "clause"
    earlier = [p for p in _places(text, max(0, s0 - 2000), s0) if p.code not in lx.country]
    if earlier and lx.generic_state.search(fold_string(text[lo:hi])):
        return earlier[-1].code, "earlier sentence"
    if own:
        return own[0].code, "clause"
    sent = _places(text, s0, s1)
    states = {p.code for p in sent} - lx.country
    if len(states) == 1:
        return states.pop(), "sentence"
    if len(states) > 1:
        return None, "several regions"
    if earlier and lx.generic_state.search(fold_string(text[s0:s1])):
        return earlier[-1].code, "earlier sentence"
    if sent:
        return sent[0].code, "sentence"
    if s0 > 1 and "\n\n" not in text[max(0, s0 - 2):s0 + 1]:
        p0, p1 = sentence_bounds(text, s0 - 2, s0 - 1)
        prev = {p.code for p in _places(text, p0, p1)} - lx.country
        if len(prev) == 1:
            return prev.pop(), "previous sentence"
    if earlier and lx.backref.search(fold_string(text[s0:s1])):
        return earlier[-1].code, "earlier sentence"
    if earlier:
        return "IN", f"default (the article also names {earlier[-1].code})"
    return "IN", "default"


def _period(text: str, c: Claim, lo: int, hi: int, s0: int, s1: int, dates: list[Claim], same: list[Claim],
            doc_date: str | None) -> str | None:
    """The period the figure describes: a date range ("1 जुलाई 2020 से 1 अप्रैल 2022 तक" -> a/b), "up to" a date
    ("28 फरवरी 2026 तक" -> /2026-02-28), a financial year, a month or a day. Dates of the dateline or the article's
    own date (when it was said) are not periods of the figure."""

    def usable(d: Claim) -> bool:
        if d.subtype in ("weekday", "relative", "age", "duration", "decade", "century") or d.value == doc_date:
            return False
        if _dateline_date(text, d):
            return False
        lx = _lex()  # the day something was said: "ने 3 सितंबर को बताया", "said on March 3"
        if lx.said_after.match(fold_string(text[d.end:d.end + 24]).lstrip()) or _ends_with(
                lx.said_before, text[max(0, d.start - 16):d.start]):
            return False
        # "since its launch in July 2020", "पोर्टल शुरू होने के बाद": where a count starts, not what it describes
        return not _lex().period_start.search(fold_string(text[max(0, d.start - 24):d.start]))

    def pick(lo_: int, hi_: int) -> list[Claim]:
        return [d for d in dates if lo_ <= d.start and d.end <= hi_ and usable(d)]

    others = [_segment(text, d, s0, s1, same) for d in same if d is not c]
    for lo_, hi_ in ((lo, hi), (s0, s1)):
        found = [d for d in pick(lo_, hi_) if (lo_, hi_) == (lo, hi)
                 or not any(a <= d.start and d.end <= b for a, b in others)]
        periods = _compose(found)
        if len(set(periods)) == 1 or (periods and (lo_, hi_) == (lo, hi)):
            return periods[0] if len(set(periods)) == 1 else _nearest_period(c, found)
    return None


def _dateline_date(text: str, d: Claim) -> bool:
    """The date of a dateline ("लखनऊ, 5 मार्च (भाषा)", "NEW DELHI, March 5 (PTI) -"): near the head of its line,
    after a place and before the agency or the dash that opens the story."""
    line_start = text.rfind("\n", 0, d.start) + 1
    head = text[line_start:d.start]
    if len(head) > 30 or regex.search(r"[।.!?]", head):
        return False
    tail = text[d.end:d.end + 30]
    return bool(regex.match(r"\s*(?:\(|\|\||:|-|–|—)", tail))


def _compose(found: list[Claim]) -> list[str]:
    out = []
    i = 0
    while i < len(found):
        d = found[i]
        if d.qualifier == "since" and isinstance(d.value, str):
            if i + 1 < len(found) and isinstance(found[i + 1].value, str) and found[i + 1].start - d.end < 40:
                out.append(f"{d.value}/{found[i + 1].value}")
                i += 2
                continue
            i += 1
            continue
        p = _period_of(d)
        if p:
            out.append(p)
        i += 1
    return out


def _nearest_period(c: Claim, found: list[Claim]) -> str | None:
    best = min(found, key=lambda d: min(abs(d.start - c.end), abs(c.start - d.end)))
    return _period_of(best)


def _period_of(d: Claim) -> str | None:
    if d.qualifier in ("since", "after", "before"):
        return None
    if d.subtype == "fiscal_year" and d.low and d.high:
        return f"{d.low}-{str(d.high)[-2:]}"
    if isinstance(d.value, str) and regex.fullmatch(r"\d{4}(?:-\d{2}){0,2}", d.value):
        return f"/{d.value}" if d.qualifier == "until" else d.value
    if d.low and d.high and isinstance(d.low, str) and isinstance(d.high, str):
        return f"{d.low}/{d.high}"
    return None
