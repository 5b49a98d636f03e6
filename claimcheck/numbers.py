"""Number grammar: Hindi and Indian-English number expressions on folded text.

Covers digits (ASCII or Devanagari, folded to ASCII), 3-2-2 Indian grouping ("12,34,567") and western grouping
("1,234,567"), decimals, Hindi number words 0-99 with spelling variants, English number words ("twenty-one"),
scale words that stack and add up Indian-style ("1.2 लाख करोड़" = 1.2e12; "7 लाख 36 हजार 437 करोड़ 71 लाख"
= 736437e7 + 71e5), fractions (डेढ़, ढाई) and modifiers (साढ़े, सवा, पौने). All word lists come from
``claimcheck/data/numbers.toml``.

Public helpers:

>>> word_value("पच्चीस")
25
>>> parse_number("एक लाख 64 हजार आठ सौ 82 करोड़")
1648820000000.0
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from . import lexicon
from .text import fold_string

# Characters that make a word continue (letters, vowel signs, viramas, digits).
WORD_CHAR = r"[\p{L}\p{M}\p{N}]"
LB = rf"(?<!{WORD_CHAR})"  # left word boundary
RB = rf"(?!{WORD_CHAR})"  # right word boundary


@dataclass(frozen=True, slots=True)
class Lexicon:
    words: dict[str, int]  # folded Hindi/English number word -> 0..99 (no compounds)
    hi_words: frozenset[str]
    en_dev: dict[str, int]  # English words in Devanagari, only before a scale
    scales: dict[str, float]
    fractions: dict[str, float]
    modifiers: dict[str, float]
    vague: dict[str, float]
    en_units: dict[str, int]  # English 1..9 (for compounds "twenty-one")
    en_tens: dict[str, int]


@functools.cache
def lex() -> Lexicon:
    data = lexicon.load("numbers")
    words: dict[str, int] = {}
    hi: set[str] = set()
    for key, forms in data["hi"].items():
        for f in forms:
            w = fold_string(f)
            words[w] = int(key)
            hi.add(w)
    en_units, en_tens = {}, {}
    for key, forms in data["en"].items():
        for f in forms:
            words[f.lower()] = int(key)
            if 1 <= int(key) <= 9:
                en_units[f.lower()] = int(key)
            elif int(key) >= 20:
                en_tens[f.lower()] = int(key)
    en_dev = {fold_string(f): int(k) for k, forms in data.get("en_devanagari", {}).items() for f in forms}
    scales = {}
    for spec in data["scales"].values():
        for f in spec["forms"]:
            scales[fold_string(f).lower()] = float(spec["value"])
    fractions = {fold_string(f).lower(): float(k) for k, forms in data["fractions"].items() for f in forms}
    modifiers = {fold_string(f): float(k) for k, forms in data["modifiers"].items() for f in forms}
    vague = {fold_string(f).lower(): float(k) for k, forms in data["vague"].items() for f in forms}
    return Lexicon(words, frozenset(hi), en_dev, scales, fractions, modifiers, vague, en_units, en_tens)


def word_value(folded_word: str) -> int | None:
    """Value 0-99 of one Hindi or English number word (folded; English case-insensitive), else None.

    English tens compounds are accepted with a hyphen or a space ("twenty-one", "twenty one").
    """
    lx = lex()
    w = folded_word.strip()
    v = lx.words.get(w)
    if v is None:
        v = lx.words.get(w.lower())
    if v is not None:
        return v
    parts = regex.split(r"[\s-]+", w.lower())
    if len(parts) == 2 and parts[0] in lx.en_tens and parts[1] in lx.en_units:
        return lx.en_tens[parts[0]] + lx.en_units[parts[1]]
    return None


# ---------------------------------------------------------------------------------------------- patterns

DIGITS = r"\d+(?:,\d{2,3}(?!\d))*(?:\.\d+)?"


@functools.cache
def patterns() -> dict[str, str]:
    """Regex sources (folded text, use with IGNORECASE) for the parts of a number expression."""
    lx = lex()
    en_tens = "|".join(sorted(lx.en_tens, key=len, reverse=True))
    en_units = "|".join(sorted(lx.en_units, key=len, reverse=True))
    word = lexicon.alternation(list(lx.words), fold_words=False)
    scale = lexicon.alternation(list(lx.scales), fold_words=False)
    frac = lexicon.alternation(list(lx.fractions), fold_words=False)
    mod = lexicon.alternation(list(lx.modifiers), fold_words=False)
    endev = lexicon.alternation(list(lx.en_dev), fold_words=False)
    en_comp = rf"(?:{en_tens})[\s-](?:{en_units})"
    # one numeric atom (no scale): digits, a (compound) number word, a fraction, a modifier + atom
    atom = rf"(?:{DIGITS}|{LB}(?:{en_comp}|{word}){RB})"
    frac_atom = rf"{LB}(?:{frac}){RB}"
    mod_atom = rf"{LB}(?:{mod}){RB}\s*(?:{atom}|(?={LB}(?:{scale}){RB}))"
    any_atom = rf"(?:{mod_atom}|{frac_atom}|{atom})"
    scale_tok = rf"\s*(?<![\p{{L}}\p{{M}}])(?:{scale}){RB}"
    # an expression: atom (scale | atom)*, where an atom after an atom needs a scale somewhere before it
    expr = rf"{any_atom}(?:(?:{scale_tok})++(?:\s+{atom}(?:{scale_tok})*+)*+)?"
    dev_expr = rf"{LB}(?:{endev})\s+(?:{scale}){RB}(?:{scale_tok})*+"
    return {
        "atom": any_atom,
        "word": word,
        "scale": scale,
        "frac": frac,
        "mod": mod,
        "expr": rf"(?:{expr}|{dev_expr})",
        "vague": lexicon.alternation(list(lx.vague), fold_words=False),
    }


@functools.cache
def _token_re() -> regex.Pattern:
    p = patterns()
    lx = lex()
    en_tens = "|".join(sorted(lx.en_tens, key=len, reverse=True))
    en_units = "|".join(sorted(lx.en_units, key=len, reverse=True))
    endev = lexicon.alternation(list(lx.en_dev), fold_words=False)
    return regex.compile(
        rf"(?P<d>{DIGITS})|(?<![\p{{L}}\p{{M}}])(?P<s>{p['scale']}){RB}|{LB}(?:(?P<c>(?:{en_tens})[\s-](?:{en_units}))|(?P<f>{p['frac']})"
        rf"|(?P<m>{p['mod']})|(?P<w>{p['word']})|(?P<e>{endev})){RB}",
        regex.IGNORECASE,
    )


@functools.cache
def expr_re() -> regex.Pattern:
    return regex.compile(patterns()["expr"], regex.IGNORECASE)


def digits_value(s: str) -> float:
    return float(s.replace(",", ""))


def evaluate(text: str) -> float | None:
    """Value of a folded number expression (as matched by :func:`expr_re`); None when it has no number."""
    r = read(text)
    return None if r is None else r[0]


def read(text: str) -> tuple[float, int] | None:
    """(value, end) of the longest valid number expression at the start of folded ``text``.

    Tokens that cannot continue the expression end it: a second bare number after a bare number, or a bare
    number after a scale that is not smaller than that scale ("5 करोड़ 2020" reads as 5 करोड़).
    """
    lx = lex()
    total = 0.0
    group: float | None = None
    last_scale = 0.0  # the scale last applied to ``total``
    pending_mod: float | None = None
    seen = False
    bare_after_scale = False  # the current group is a bare number that follows a scale
    end = 0
    pos = 0
    tok_re = _token_re()
    while True:
        m = tok_re.match(text, pos)
        if m is None:
            break
        kind = m.lastgroup
        tok = m.group()
        if kind == "m":
            if pending_mod is not None:
                break
            pending_mod = lx.modifiers[tok]
        elif kind == "s":
            s = lx.scales[tok.lower()]
            if pending_mod is not None:  # "सवा सौ", "सवा लाख": the modifier applies to one
                group = (group or 0.0) + 1 + pending_mod
                pending_mod = None
            if group is None and not seen:
                group = 1.0  # a bare scale word: "हजार रुपये"
            seen = True
            bare_after_scale = False
            if s == 100:
                group = (group if group is not None else 1.0) * 100
            else:
                g = group or 0.0
                if last_scale and s > last_scale:
                    total = (total + g) * s
                else:
                    total += g * s
                last_scale = s
                group = None
            end = m.end()
        else:
            if kind == "d":
                v = digits_value(tok)
            elif kind == "c":
                v = float(word_value(tok) or 0)
            elif kind == "f":
                v = lx.fractions[tok.lower()]
            elif kind == "e":
                v = float(lx.en_dev[tok])
            else:
                v = float(lx.words.get(tok, lx.words.get(tok.lower(), 0)))
            if pending_mod is not None:
                v += pending_mod
                pending_mod = None
            if group is not None and not (group >= 100 and group % 100 == 0 and v < 100):
                break  # two bare numbers in a row (only "आठ सौ 82" adds up)
            if seen and last_scale and group is None and v >= last_scale:
                break
            group = (group or 0.0) + v
            bare_after_scale = seen
            seen = True
            end = m.end()
        pos = m.end()
        ws = regex.match(r"[ \t]*", text[pos:])
        pos += ws.end() if ws else 0
        if pos >= len(text):
            break
    if not seen:
        return None
    del bare_after_scale
    return total + (group or 0.0), end


def parse_number(text: str) -> float | None:
    """Value of ``text`` when the whole of it is one number expression, else None.

    >>> parse_number("1.2 लाख करोड़")
    1200000000000.0
    >>> parse_number("साढ़े 24 हजार")
    24500.0
    """
    f = fold_string(text).strip()
    if not f:
        return None
    r = read(f)
    if r is None or r[1] != len(f):
        return None
    return r[0]
