"""The words a frame is read with (claimcheck/data/statistics.toml, compiled once), and sentence bounds."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from claimcheck.errors import DataError
from claimcheck.find import lexicon
from claimcheck.read.text import fold_string


_SENTENCE_END = "।?!\n"


_WINDOW = 400  # characters each side of a claim: a sentence is rarely longer


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
    default_topic: str | None  # the topic the tables are about, for an article that names none
    measures: tuple[tuple[str, str, int, regex.Pattern], ...]  # (name, kind, priority, words)
    refines: dict[str, str]  # a measure that narrows another when its words follow the counted noun
    dated_only: frozenset[str]  # measures whose figures can be contradicted only for a stated period
    measure_kinds: dict[str, str]  # measure name -> its kind (count, persons, percent, money)
    share_of: dict[str, str]  # a share measure -> the count its part and whole are measured in
    breakdowns: tuple[tuple[str, str, regex.Pattern], ...]  # (key, value, words)
    breakdown_any: regex.Pattern
    breakdown_kinds: dict[str, frozenset[str]]  # a breakdown key that divides only measures of these kinds
    bases: tuple[tuple[str, regex.Pattern], ...]
    basis_ids: dict[str, tuple[str, ...]]  # a [basis.NAME] that names bases: NAME -> those bases
    change_after: regex.Pattern
    change_before: regex.Pattern
    target: regex.Pattern
    employment: regex.Pattern
    earlier: regex.Pattern
    containers: frozenset[str]  # counted nouns that only say "a number of"
    units_hint: regex.Pattern  # every count measure's words and the employment cue: a sentence with none cannot
    #                            imply the topic or carry it (a cheap test before a frame is read)
    backref: regex.Pattern
    comparison_after: regex.Pattern
    comparison_before: regex.Pattern
    substate: regex.Pattern
    genitive_after: regex.Pattern
    boundary: regex.Pattern
    strong_boundary: regex.Pattern
    from_before: regex.Pattern
    from_after: regex.Pattern
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
    lower_abbrev = {a.lower() for a in abbrev}
    region_en = [w for w in codes if w.isascii() and w not in lower_abbrev]
    # a character trie: the document's places are found in one pass over hundreds of names
    region_pat = "|".join(p for p in (
        rf"(?<![\p{{L}}\p{{M}}])(?:{lexicon.trie(region_hi)})(?![\p{{L}}\p{{M}}])",
        rf"(?i:(?<![\p{{L}}\p{{M}}\d])(?:{lexicon.trie(region_en)})(?![\p{{L}}\p{{M}}]))",
        rf"(?<![\p{{L}}\p{{M}}])(?:{lexicon.alternation(abbrev, fold_words=False)})(?![\p{{L}}\p{{M}}])" if abbrev
        else "") if p)
    return _Lex(
        topics=topics, topic_any=_words(all_hi, all_en),
        dated_only=frozenset(n for n, sec in data["measure"].items() if sec.get("dated_only")),
        measure_kinds={n: sec["kind"] for n, sec in data["measure"].items()},
        share_of={n: sec["share_of"] for n, sec in data["measure"].items() if sec.get("share_of")},
        default_topic=next((name for name, sec in data["topic"].items() if sec.get("default")), None), measures=measures, refines=refines, breakdowns=breakdowns,
        breakdown_kinds={key.split("=", 1)[0]: frozenset(sec["kinds"]) for key, sec in data["breakdown"].items()
                         if "kinds" in sec},
        breakdown_any=_words([w for sec in data["breakdown"].values() for w in sec["hi"]],
                             [w for sec in data["breakdown"].values() for w in sec["en"]]),
        bases=bases, basis_ids=basis_ids,
        change_after=_words(cue["change"].get("hi_after", []), cue["change"].get("en_after", [])),
        change_before=_words([], cue["change"].get("en_before", [])),
        target=_words(cue["target"].get("hi", []), cue["target"].get("en", [])),
        employment=_words(cue["employment"]["hi"], cue["employment"]["en"]),
        containers=frozenset(fold_string(w).casefold() for w in cue.get("container", {}).get("hi", [])
                             + cue.get("container", {}).get("en", [])),
        earlier=_words(cue.get("earlier", {}).get("hi", []), cue.get("earlier", {}).get("en", [])),
        units_hint=_words(cue["employment"]["hi"] + [w for sec in data["measure"].values() if sec["kind"] == "count"
                                                    for w in sec["hi"]],
                          cue["employment"]["en"] + [w for sec in data["measure"].values() if sec["kind"] == "count"
                                                     for w in sec["en"]]),
        backref=_words(cue["backref"].get("hi", []), cue["backref"].get("en", [])),
        comparison_after=_words(cue["comparison_after"].get("hi", []), cue["comparison_after"].get("en", [])),
        comparison_before=_words(cue["comparison_before"].get("hi", []), cue["comparison_before"].get("en", [])),
        substate=_words(cue["substate"].get("hi", []), cue["substate"].get("en", [])),
        strong_boundary=regex.compile("|".join([r";"] + [
            rf"\s(?:{lexicon.alternation(cue['strong_boundary'].get('hi', []))})\s",
            rf"(?i:\s(?:{lexicon.alternation(cue['strong_boundary'].get('en', []), fold_words=False)})\s)"])),
        from_before=regex.compile(rf"(?i:\b(?:{lexicon.alternation(cue['from_to']['en_before'], fold_words=False)})"
                                  rf"\s+(?:(?:{lexicon.alternation(cue['from_to']['en_hedges'], fold_words=False)})\s+)?$)"),
        from_after=regex.compile(rf"\s*(?:{lexicon.alternation(cue['from_to']['hi_after'])})\s+"),
        boundary=regex.compile("|".join([r"[,;()]"] + [
            rf"(?<![\p{{L}}\p{{M}}])(?:{lexicon.alternation(cue['boundary'].get('hi', []))})(?![\p{{L}}\p{{M}}])",
            rf"(?i:\b(?:{lexicon.alternation(cue['boundary'].get('en', []), fold_words=False)})\b)"])),
        narrowing=_words(cue["narrowing"].get("hi", []), cue["narrowing"].get("en", [])),
        said_after=_words(cue["said"].get("hi_after", []), []),
        said_before=_words([], cue["said"].get("en_before", [])),
        bound_by={k: tuple(v) for k, v in data.get("bound_by", {}).items()},
        period_start=_words(cue["period_start"].get("hi", []), cue["period_start"].get("en", [])),
        bound_word=regex.compile("(?:%s)(?![\\p{L}\\p{M}])" % lexicon.alternation(
            [w.split(" ", 1)[1] for w in cue["genitive"]["bounds"]
             if any(w.startswith(f + " ") for f in cue["from_to"]["hi_after"])])),
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


def parts_named(text: str, key: str) -> set[str]:
    """The values of breakdown ``key`` that ``text`` names ("मीडियम एंटरप्राइजेज" -> {"medium"})."""
    t = fold_string(text)
    return {v for k, v, pat in _lex().breakdowns if k == key and pat.search(t)}


def share_of(measure: str | None) -> str | None:
    """The count measure a share can be worked out from (statistics.toml ``share_of``), if any."""
    return _lex().share_of.get(measure or "")


def dated_only(measure: str | None) -> bool:
    """Whether a figure of ``measure`` can be contradicted only for a period it states (statistics.toml)."""
    return measure in _lex().dated_only


def topic_hint() -> regex.Pattern:
    """Every topic word of every topic: a document none of them occurs in has no statistic to frame."""
    return _lex().topic_any


# words whose dot is an abbreviation's, not a sentence's end ("Rs. 4,06,310 crore", "Dr. Singh", "No. 5")
_ABBREVIATIONS = frozenset("rs no nos dr mr mrs ms st shri smt sh prof vs govt dept co ltd jr sr lt gen col capt "
                           "approx fig sec vol cr rs".split())


def _abbreviation_dot(text: str, dot: int) -> bool:
    """Whether the ". " at ``dot`` ends an abbreviation or an initial rather than a sentence."""
    i = dot
    while i > 0 and text[i - 1].isalpha() and text[i - 1].isascii():
        i -= 1
    word = text[i:dot].lower()
    return bool(word) and (len(word) == 1 or word in _ABBREVIATIONS) and (i == 0 or not text[i - 1].isalnum())


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Original (start, end) of the sentence around [start, end): split on danda, ?, !, newline and '. ', at most
    ``_WINDOW`` characters each side of the claim."""
    lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    left = max(text.rfind(ch, lo, start) for ch in _SENTENCE_END)
    dot = text.rfind(". ", lo, start)
    while dot != -1 and _abbreviation_dot(text, dot):
        dot = text.rfind(". ", lo, dot)
    left = max(left, dot, lo - 1)
    rights = [i for i in (text.find(ch, end, hi) for ch in _SENTENCE_END) if i != -1]
    dot = text.find(". ", end, hi)
    while dot != -1 and _abbreviation_dot(text, dot):
        dot = text.find(". ", dot + 2, hi)
    if dot != -1:
        rights.append(dot)
    right = min(rights) if rights else hi
    return left + 1, right


def _ends_with(pat: regex.Pattern, s: str) -> bool:
    s = s.rstrip()
    return any(m.end() == len(s) for m in pat.finditer(s))
