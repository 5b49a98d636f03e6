"""The date finder's lexicon and patterns, built once from ``claimcheck/data/dates.toml``.

:func:`lex` gives the word tables (folded; English keys lower-cased), :func:`patterns` the compiled patterns:
"r_*" match forward from a position, "l_*" match backward from a position (regex REVERSE). The words that can anchor
a date (``Lex.anchors``) are looked up among a document's words, not scanned for.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from claimcheck import cache
from claimcheck.find import lexicon
from claimcheck.read.text import fold_string

# ------------------------------------------------------------------------------------------------ lexicon


@dataclass(frozen=True)
class Lex:
    """dates.toml, folded; English keys lower-cased (look up with ``word.lower()``)."""

    month: dict[str, int]
    abbr: dict[str, int]
    weekday: dict[str, int]
    rel: dict[str, str]
    unit: dict[str, str]
    ago: dict[str, str]
    q_after: dict[str, str]
    q_before: dict[str, str]
    ord_day: dict[str, int]
    ord_week: dict[str, int]
    time_frac: dict[str, int]
    ampm: dict[str, str]
    anchors: dict[str, tuple[str, ...]]  # a word that can anchor a date -> its readers ("month", "weekday", …)
    sets: dict[str, frozenset]
    lists: dict[str, list]
    ymin: int
    ymax: int
    ord_quarter: dict[str, int]  # "तीसरी", "third", "3rd" -> 3
    fy_start: int  # the month a financial year starts in
    step = {"past": -1, "this": 0, "next": 1}

    @functools.cached_property
    def anchor_keys(self) -> frozenset[str]:
        """The anchors casefolded, for looking up a document's words (text.run_spans)."""
        return frozenset(k.casefold() for k in self.anchors)

    def __getattr__(self, name):  # word sets and lists by name: L.cue_before, L.day_units …
        sets = object.__getattribute__(self, "sets")
        if name in sets:
            return sets[name]
        return object.__getattribute__(self, "lists")[name]


def _f(w: str) -> str:
    return fold_string(w).lower()


def _index(table: dict, cast=int) -> dict[str, int]:
    return {_f(w): cast(k) for k, forms in table.items() for w in forms}


@functools.cache
def lex() -> Lex:
    d = lexicon.load("dates")
    y, t, u = d["years"], d["time"], d["units"]
    sets = {
        "en_ambiguous": d["months"]["en_ambiguous"]["forms"], "month_not_before": d["months"]["not_before"]["forms"],
        "month_not_after": d["months"]["not_after"]["forms"], "cue_before": y["cue_before"],
        "weak_cue_before": y["weak_cue_before"],
        "ok_after": y["ok_after"], "amount_before": y["amount_before"], "function_before": y["function_before"],
        "amount_words": y["amount_words"], "week_needs_month": d["ordinals"]["week_needs_month"]["forms"], "pm_before": t["pm_before"], "night_before": t["night_before"],
        "range_strict": d["ranges"]["strict"], "recurring": d["weekdays"]["recurring"]["forms"],
        "event_before": d["ago_event"]["before"], "month_joiners": d["months"]["en_joiners"]["forms"],
        "modifier_before": y["modifier_before"],
    }
    sets = {k: frozenset(_f(w) for w in v) for k, v in sets.items()}
    try:
        from claimcheck.find.numbers import lex as _nlex

        sets["amount_words"] |= frozenset(_nlex().scales)
    except Exception:  # pragma: no cover - the numbers grammar is optional here
        pass
    lists = {
        "fiscal_units": u["fiscal_year"], "day_units": u["day"], "year_units": u["year"], "week_units": u["week"], "month_units": u["month"],
        "day_word": d["day_word"]["forms"], "of_words": d["day_word"]["of"], "oclock": t["oclock"],
        "minute": t["minutes"], "am_before": t["am_before"], "ambiguous": d["ambiguous"]["forms"],
        "range_joiners": d["ranges"]["joiners"], "range_ends": d["ranges"]["ends"],
        "between": d["ranges"]["between"], "and_words": d["ranges"]["and"], "list_joiners": d["ranges"]["list"]["forms"],
        "fiscal_before": d["fiscal"]["before"], "amount_after": y["amount_after"],
        "decade_after": d["decade"]["after"], "century_after": d["century"]["after"],
        "ord_suffix": tuple(_f(w) for w in d["ordinals"]["suffix"]["forms"]),
        "day_suffix_hi": d["ordinals"]["day_suffix"]["hi"], "day_suffix_en": d["ordinals"]["day_suffix"]["en"],
        "genitive": d["postpositions"]["genitive"], "locative": d["postpositions"]["locative"],
        "teaser": d["teaser"]["forms"], "future_words": d["weekdays"]["future"]["words"],
        "future_endings": d["weekdays"]["future"]["hi_endings"], "open_before": y["open_before"], "open_after": y["open_after"],
        "event_after": y["event_after"],
        "quarter_words": d["quarters"]["words"], "quarter_of": d["quarters"]["of"],
        "fiscal_prefix": d["quarters"]["fiscal_prefix"], "quarter_letter": (d["quarters"]["letter"],),
        "quarter_current": d["quarters"]["current"],
    }
    lists = {k: (v if isinstance(v, tuple) else [_f(w) for w in v]) for k, v in lists.items()}
    lists["daypart"] = sorted(sets["pm_before"] | sets["night_before"]) + lists["am_before"]
    months = {**_index(d["months"]["hi"]), **_index(d["months"]["en"])}
    weekdays = {**_index(d["weekdays"]["hi"]), **_index(d["weekdays"]["en"])}
    rel = {_f(w): k for k, forms in d["relative"].items() for w in forms}
    anchors: dict[str, tuple[str, ...]] = {}
    for kind, forms in (("month", [*months, *_index(d["months"]["abbr"])]), ("weekday", weekdays),
                        ("rel", [f.split()[0] for f in rel]), ("dayunit", lists["day_units"]),
                        ("tarikh", lists["day_word"]), ("century", lists["century_after"]),
                        ("decade", [f.split()[-1] for f in lists["decade_after"] if len(f) > 2]),
                        ("ambig", lists["ambiguous"]), ("oclock", lists["oclock"]),
                        ("quarter", lists["quarter_words"])):
        for f in forms:
            f = f.rstrip(".")
            anchors[f] = anchors.get(f, ()) + (kind,)
    return Lex(
        month=months, abbr={k.rstrip("."): v for k, v in _index(d["months"]["abbr"]).items()},
        weekday={k.rstrip("."): v for k, v in weekdays.items()}, rel=rel, anchors=anchors,
        unit={_f(w): k for k, forms in u.items() if k != "fiscal_year" for w in forms},
        ago={_f(w): k for k, forms in d["ago"].items() for w in forms},
        q_after={_f(w): k for k, forms in d["qualifiers"]["hi_after"].items() for w in forms},
        q_before={_f(w): k for k, forms in d["qualifiers"]["en_before"].items() for w in forms},
        ord_day=_index({k: v for k, v in d["ordinals"]["day"].items()}),
        ord_week=_index({k: v for k, v in d["ordinals"]["week"].items()}),
        time_frac={_f(w): int(v) for w, v in t["fractions"].items()},
        ampm={**{_f(w): "am" for w in t["am_after"]}, **{_f(w): "pm" for w in t["pm_after"]}},
        sets=sets, lists=lists, ymin=int(y["min"]), ymax=int(y["max"]),
        ord_quarter={k: v for k, v in _index({**d["ordinals"]["day"], **d["ordinals"]["week"]}).items() if 1 <= v <= 4},
        fy_start=int(d["fiscal"]["start_month"]),
    )


_W = r"[\p{L}\p{M}\p{N}]"
_LB = rf"(?<!{_W})"
_RB = rf"(?!{_W})"
_F = regex.IGNORECASE


def _alt(forms) -> str:
    return lexicon.alternation(forms, fold_words=False)


@functools.cache
def patterns() -> cache.LazyPatterns:
    """Every pattern the finder uses, by name, each compiled when first used: most texts never reach the rarer
    contexts (a day range, "of the month", a decade), so they need not pay for compiling them."""
    L = lex()
    months = _alt(list(L.month) + list(L.abbr))
    rel, of, dw = _alt(L.rel), _alt(L.of_words), _alt(L.day_word)
    sfx_hi, sfx = _alt(L.day_suffix_hi), _alt(L.day_suffix_en + L.day_suffix_hi)
    _TOK = rf"(?:\d{{1,2}}(?:{sfx})?|[\p{{L}}\p{{M}}]+)"  # a day: digits (an ordinal suffix too) or one word
    # a quarter "Q3", a fiscal prefix "FY", a financial year after it: "25", "2025", "2024-25", "'25"
    _Q, _FY = regex.escape(L.quarter_letter[0]), _alt(L.fiscal_prefix)
    _fyy = r"\s*'?(?P<y{0}>\d{{4}}|\d{{2}})(?:\s*[-–/]\s*(?P<y2{0}>\d{{4}}|\d{{2}}))?(?!\d)".format
    c = {
        "year": r"(?<![\d.,/:₹$-]|\d-|[A-Za-z]-?)(?P<y>\d{4})(?:(?P<sep>\s*[-–/]\s*)(?P<y2>\d{4}|\d{2}))?"
                r"(?!\d|[.,:/]\d|%)",
        "fy": rf"{_LB}(?:FY|F\.Y\.)\s*'?(?P<y>\d{{2}}|\d{{4}})(?:-(?P<y2>\d{{2}}))?(?!\d)",
        "numdate": r"(?<![\d.,/:-])(?:(?P<d>\d{1,2})(?P<s>[./-])(?P<m>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})"
                   r"|(?P<y4>\d{4})(?P<s2>[./-])(?P<m2>\d{1,2})(?P=s2)(?P<d2>\d{1,2}))(?!\d|[.,/:-]\d)",
        "ampm": rf"(?<![\d.:])(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})\s*(?P<ap>{_alt(L.ampm)})(?:(?<=\.)|{_RB})",
        "r_relunit": rf"(?P<r>{rel})\s+(?:(?P<fy>{_alt(L.fiscal_units)})|(?P<u>{_alt(L.unit)})){_RB}",
        "r_ago": rf"\s+(?P<a>{_alt(L.ago)}){_RB}",
        # a year after a day, not the start of a year range ("2019-20"); a clock time after a dash is no range
        "r_year": r"\s*,?\s*[-–]?\s*(?P<y>\d{4})(?!\d|[.,:/]\d|%|\s*[-–]\s*\d++(?![:.]\d))",
        "r_day": rf"\s*(?:,|-|(?:{of})\s)?\s*(?P<d>{_TOK})(?P<t>\s*(?:{dw}))?{_RB}",
        "r_month": rf"\s*(?P<j>{_alt(L.range_joiners)})\s*(?P<m>{months})(?:(?<=\.)|{_RB})",
        "r_dayrange": rf"\s*(?:{_alt(L.range_joiners)})\s*(?P<d>\d{{1,2}})(?:{_alt(L.day_suffix_en)})?(?!\d|[.,:/]\d|\s*(?:{months}))",
        "r_dm_range": rf"(?:\s*,?\s*(?P<y1>\d{{4}}))?\s*(?P<j>{_alt(L.range_joiners)})\s*(?P<d>{_TOK})\s+(?P<m>{months})(?:(?<=\.)|{_RB})"
                      r"(?:\s*,?\s*(?P<y>\d{4})(?!\d|[.,:/]\d|%))?",
        "r_md_range": rf"(?:\s*,?\s*(?P<y1>\d{{4}}))?\s*(?P<j>{_alt(L.range_joiners)})\s*(?P<m>{months})(?:(?<=\.)|{_RB})\s*(?P<d>\d{{1,2}})"
                      rf"(?:{_alt(L.day_suffix_en)})?(?:\s*,?\s*(?P<y>\d{{4}})(?!\d|[.,:/]\d|%))?",
        "r_ofyear": rf"\s+(?:{of})\s+(?P<y>\d{{4}})(?!\d|[.,:/]\d|%|\s*[-–]\s*\d)",
        "l_yearof": rf"(?<![\d.,/:₹$-])(?P<y>\d{{4}})\s*(?:{of})\s+",
        "fq": rf"(?<![\p{{L}}\p{{N}}])(?:{_Q}(?P<q>[1-4])\s*[-–'’,]?\s*(?:of\s+)?(?:{_FY}|(?=\d{{4}}\s*[-–/]\s*\d{{2}}))"
              rf"{_fyy('')}|(?:{_FY}){_fyy('b')}\s*[-–]?\s*{_Q}(?P<qb>[1-4]))(?![\p{{L}}\p{{N}}])",
        "prepost": rf"(?<![\p{{L}}\p{{M}}\p{{N}}])(?P<p>{_alt(L.open_before + L.open_after)})\s*[-–]?\s*(?P<y>\d{{4}})"
                   r"(?!\d|[.,:/]\d|%)",
        "l_qord": rf"(?<!{_W})(?P<o>{_alt(L.ord_quarter)})\s+",
        "l_qof": rf"(?:\s+(?:{_alt(L.quarter_of)}))?\s*",
        "l_qcur": rf"(?<!{_W})(?:{_alt(L.quarter_current)})\s+(?:{_alt(L.fiscal_units)})\s*(?:(?:{_alt(L.quarter_of)})\s+)?",
        "paren_open": r"\s*\(\s*",
        "paren_close": r"\s*\)\s*",
        "r_qof": rf"\s+(?:{_alt(L.quarter_of)})\s+",
        "r_event": rf"(?:\s+[\p{{L}}\p{{M}}]+)?\s+(?:{_alt(L.event_after)}){_RB}",  # "2026 assembly election"
        "sent_end": r"[।?!\n]|\.(?=\s|$)",
        "future": rf"(?<![\p{{L}}\p{{M}}']){_alt(L.future_words)}(?![\p{{L}}\p{{M}}])"
                  rf"|(?:{_alt(L.future_endings)})(?![\p{{L}}\p{{M}}])",
        "r_ofday": rf"\s*(?:{of})\s+(?P<d>{_TOK})(?:\s*(?:{dw}))?{_RB}",
        "r_tok": r"\s*(?P<t>[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}])",
        "r_minutes": rf"\s*(?P<mm>\d{{1,2}})\s*(?:{_alt(L.minute)}){_RB}",
        "r_qual": rf"\s*(?P<q>{_alt(L.q_after)}){_RB}",
        "r_amount": rf"\s*(?:{_alt(L.amount_after)}){_RB}",
        "r_decade": rf"\s*(?:{_alt(L.decade_after)})(?:{_RB}|(?<=s))",
        "r_range_end": rf"\s*(?:{_alt(L.range_ends)}){_RB}",
        "r_to_num": rf"\s*(?:{_alt(L.range_joiners)})\s*\d{{4}}",
        "l_day": rf"(?:(?<!{_W})(?P<d1>{_TOK})\s*(?:{_alt(L.range_joiners)})\s*)?(?<!{_W})(?P<d>{_TOK})(?:\s*[-/.]\s*|\s+)",
        "l_relyear": rf"(?<!{_W})(?P<r>{rel})\s+(?:{_alt(L.year_units)})\s+(?:(?:{of}|{_alt(L.locative)})\s+)?",
        "r_relyear": rf"\s*,?\s*(?P<r>{rel})\s+(?:{_alt(L.year_units)}){_RB}",
        "l_rel": rf"(?<!{_W})(?P<r>{rel})\s+(?:(?P<wk>{_alt(L.week_units)})\s+(?:(?:{of})\s+)?)?",
        "l_nth": rf"(?<!{_W})(?:(?P<m>{months})|(?P<r>{rel})\s+(?:{_alt(L.month_units)}))\s+(?:{of})\s+"
                 rf"(?P<o>{_alt(L.ord_week)})\s+",
        "l_num": rf"(?<!{_W})(?P<n>{_TOK})\s*",
        "l_listday": rf"(?<!{_W})(?P<d1>{_TOK})\s*(?:{_alt(L.list_joiners)})\s*",
        "l_ord": rf"(?<!{_W})(?P<o>{_alt(L.ord_week)})\s+",
        "l_tok": r"(?P<t>[\p{L}\p{M}\p{N}.']+|[^\s])\s*",
        "l_time": rf"(?:(?<!{_W})(?P<p>{_alt(L.daypart)})\s+)?(?:(?<!{_W})(?P<f>{_alt(L.time_frac)})\s+)?"
                  r"(?<![\d.:])(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*",
        "l_qual": rf"(?<![\p{{L}}\p{{M}}])(?P<q>{_alt(L.q_before)})\s+",
        "l_fiscal": rf"(?<![\p{{L}}\p{{M}}])(?:{_alt(L.fiscal_before)})\s*-?\s*",
        "l_range_y": rf"(?:(?<!{_W})(?P<b>{_alt(L.between)})\s+)?(?P<y1>\d{{4}})\s*"
                     rf"(?P<j>{_alt(L.range_joiners + L.and_words)})\s*",
        "l_decade": rf"(?<![\d.,])(?:(?P<n>\d{{4}})\s*(?:{_alt(L.genitive)})?|(?P<n2>[3-9]0)\s*(?:{_alt(L.genitive)}))\s+",
        "day_suffix": rf"(?:{sfx_hi})$",  # a day number word's ordinal suffix
        "day_digits": rf"(\d{{1,2}})(?:{sfx})?",  # a day in digits, with an ordinal suffix or none
    }
    flags = {k: _F | (regex.REVERSE if k.startswith("l_") else 0) for k in c}
    flags["day_suffix"] = flags["day_digits"] = 0  # matched on lower-cased words
    return cache.LazyPatterns({k: (v, flags[k]) for k, v in c.items()})
