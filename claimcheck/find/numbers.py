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
import itertools
import math
from dataclasses import dataclass

import regex

from claimcheck import cache
from claimcheck.find import lexicon
from claimcheck.read.text import first_run, fold_string

# Characters that make a word continue (letters, vowel signs, viramas, digits).
WORD_CHAR = r"[\p{L}\p{M}\p{N}]"
LB = rf"(?<!{WORD_CHAR})"  # left word boundary
# Legacy-font conversion writes a closing parenthesis as "द्ध" glued to the word before it ("30 नवंबरद्ध" for
# "30 नवंबर)"): a word of the vocabulary still ends there. (No Hindi word is a vocabulary word + "द्ध".)
CLOSE_ARTEFACT = "\u0926\u094D\u0927"
RB = rf"(?!(?!{CLOSE_ARTEFACT}(?!{WORD_CHAR})){WORD_CHAR})"  # right word boundary


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
    ops: dict[str, frozenset[str]]  # negative, decimal, conjunction, per
    denominators: dict[str, int]


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
    ops = {k: frozenset(fold_string(f).lower() for f in forms) for k, forms in data["operators"].items()}
    dens = {fold_string(f): int(k) for k, forms in data["denominators"].items() for f in forms}
    return Lexicon(words, frozenset(hi), en_dev, scales, fractions, modifiers, vague, en_units, en_tens, ops, dens)


def first_runs() -> frozenset[str]:
    """The casefolded first word of every entry that can begin a number expression or a vague amount (the
    ``expr`` and ``vague`` patterns of :func:`patterns`): a number in words can only begin at such a word."""
    lx = lex()
    entries = itertools.chain(lx.words, lx.scales, lx.fractions, lx.modifiers, lx.denominators, lx.en_tens,
                              lx.en_dev, lx.ops["negative"], lx.vague)
    return frozenset(first_run(e) for e in entries)


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
    parts = _SPLIT_WORDS.split(w.lower())
    if len(parts) == 2 and parts[0] in lx.en_tens and parts[1] in lx.en_units:
        return lx.en_tens[parts[0]] + lx.en_units[parts[1]]
    return None


# ---------------------------------------------------------------------------------------------- patterns

_SPLIT_WORDS = cache.compile(r"[\s-]+")

# A dot may stand for a group comma when a comma group follows ("5.32,655.33" = 5,32,655.33, a typing or OCR slip);
# a decimal point alone never follows a letter or a vowel sign ("रू.500" is 500 rupees, not .5).
DIGITS = (r"(?:(?<!\d)(?:\d{1,3}(?:\.\d{2})++(?=,\d{3}(?!\d))|\d+)(?:,\d{2,3}(?!\d))*(?:\.\d+)?"
          r"|(?<![\d.\p{L}\p{M}])\.\d+)")


MAX_TOKENS = 24  # the longest number written in words has ~12 ("एक सौ पच्चीस करोड़ पैंतीस लाख … तेरह")


def _alt(words) -> str:
    return lexicon.trie(words)


def patterns() -> dict[str, str]:
    """Regex sources (folded text, use with IGNORECASE) for the parts of a number expression.

    ``expr`` is deliberately permissive (a run of number tokens); :func:`read` decides how much of it is one
    number, so callers search again from where :func:`read` stopped.
    """
    lx = lex()
    en_tens = "|".join(sorted(lx.en_tens, key=len, reverse=True))
    en_units = "|".join(sorted(lx.en_units, key=len, reverse=True))
    word, scale, frac = _alt(lx.words), _alt(lx.scales), _alt(lx.fractions)
    mod, endev = _alt(lx.modifiers), _alt(lx.en_dev)
    neg, dec = _alt(lx.ops["negative"]), _alt(lx.ops["decimal"])
    conj, per = _alt(lx.ops["conjunction"]), _alt(lx.ops["per"])
    en_comp = rf"(?:{en_tens})[\s-](?:{en_units})"
    atom = rf"(?:{DIGITS}|{LB}(?:{en_comp}|{word}){RB})"
    frac_atom = rf"{LB}(?:{frac}){RB}"
    mod_atom = rf"{LB}(?:{mod}){RB}(?:[ \t]*(?:{atom}|(?=(?<![\p{{L}}\p{{M}}])(?:{scale}){RB})))?"
    any_atom = rf"(?:{mod_atom}|{frac_atom}|{atom})"
    # For scanning, every word that can be part of a number is one alternation (one trie), tried once per word
    # start; the expression is a permissive run of such tokens and read() decides how much of it is a number.
    union = _alt(set(lx.words) | set(lx.scales) | set(lx.fractions) | set(lx.modifiers) | set(lx.denominators))
    tok = rf"(?:{en_comp}|{union}){RB}"
    # The token alternation is long (~1.7k characters) and the regex module parses patterns in Python: it is
    # written out once, as group "numtok" at the first token, and called by name where a run continues
    # ((?&numtok) matches the group's pattern, whatever the first token was). Writing it three times cost ~13 ms
    # of every start-up. A pattern may therefore hold ``expr`` only once.
    # "₹1,000-crore project": a hyphen may join a scale word to its number
    # "छह हजार इकतीस करोड़, बयासी लाख": a comma between groups written in words (read() decides)
    cont = (rf"[ \t]*(?:{DIGITS}|(?<![\p{{L}}\p{{M}}])(?&numtok))|-(?:{scale}){RB}|,[ \t]*(?&numtok)"
            rf"|[ \t]+(?:{conj}|{dec}|{per}){RB}[ \t]+(?={DIGITS}|(?&numtok))")
    # (no left boundary here: callers put their own, e.g. after "Rs" in "Rs5,000")
    # at most MAX_TOKENS tokens: a run of "1 1 1 …" must not make every rescan read to its end
    expr = rf"(?:(?:{neg}){RB}[ \t]+)?(?:{DIGITS}|(?P<numtok>{tok}))(?:{cont}){{0,{MAX_TOKENS}}}+"
    dev_expr = rf"{LB}(?:{endev})[ \t]+(?:{scale}){RB}(?:[ \t]*(?<![\p{{L}}\p{{M}}])(?:{scale}){RB})*+"
    return {
        "atom": any_atom,
        "word": word,
        "scale": scale,
        "frac": frac,
        "mod": mod,
        "expr": rf"(?:{expr}|{dev_expr})",
        "vague": _alt(lx.vague),
    }


@functools.cache
def _token_re() -> regex.Pattern:
    p = patterns()
    lx = lex()
    en_tens = "|".join(sorted(lx.en_tens, key=len, reverse=True))
    en_units = "|".join(sorted(lx.en_units, key=len, reverse=True))
    ops = "|".join(rf"(?P<{k[:3]}>{_alt(v)})" for k, v in lx.ops.items())
    return cache.compile(
        rf"(?:[ \t]*|-(?=(?:{p['scale']}){RB}))(?:(?P<d>{DIGITS})|(?<![\p{{L}}\p{{M}}])(?P<s>{p['scale']}){RB}"
        rf"|{LB}(?:(?P<c>(?:{en_tens})[\s-](?:{en_units}))|(?P<f>{p['frac']})|(?P<m>{p['mod']})"
        rf"|(?P<w>{p['word']})|(?P<e>{_alt(lx.en_dev)})|(?P<q>{_alt(lx.denominators)})|{ops}){RB})",
        regex.IGNORECASE,
    )


def digits_value(s: str) -> float:
    """Value of a digit string (ASCII digits after folding). The ``regex`` module's Unicode tables may call a
    character a digit that Python's ``float`` does not know (Kawi, U+11F58): such a string is no number (NaN;
    the finders drop non-finite values), not a crash (found by the fuzz run)."""
    comma = s.rfind(",")
    if comma > 0 and "." in s[:comma]:  # "5.32,655.33": the dots before the last comma group digits
        s = s[:comma].replace(".", "") + s[comma:]
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return math.nan


def evaluate(text: str) -> float | None:
    """Value of a folded number expression (as matched by the ``expr`` pattern of :func:`patterns`); None when it has no number."""
    r = read(text)
    return None if r is None else r[0]


def _number_token(lx: Lexicon, kind: str, tok: str) -> float | None:
    if kind == "d":
        return digits_value(tok)
    if kind == "c":
        return float(word_value(tok) or 0)
    if kind == "f":
        return lx.fractions[tok.lower()]
    if kind == "e":
        return float(lx.en_dev[tok])
    if kind == "w":
        return float(lx.words.get(tok, lx.words.get(tok.lower(), 0)))
    return None


_PLAIN_DIGITS = cache.compile(r"\d+(?:,\d{2,3})*(?:\.\d+)?")


@functools.lru_cache(maxsize=4096)  # pure, and the same figures recur in a text ("1", "10 लाख")
def read(text: str) -> tuple[float, int] | None:
    """(value, end) of the longest valid number expression at the start of folded ``text``, else None.

    Indian compounds add up group by group and a larger scale multiplies everything before it
    ("7 लाख 36 हजार 437 करोड़ 71 लाख"); scales below a thousand (सौ, दर्जन) multiply only their group.
    Tokens that cannot continue the expression end it: a second bare number after a bare number, a bare number
    after a scale that is not smaller than that scale ("5 करोड़ 2020" reads as 5 करोड़), an "और" not followed by
    a smaller part ("दो हजार और दो सौ" = 2200, but "दो सौ और दो हजार" stops at दो सौ).
    """
    if _PLAIN_DIGITS.fullmatch(text):  # the commonest case, one digit group ("96", "1,23,456.5"): no grammar
        return digits_value(text), len(text)
    lx = lex()
    tok_re = _token_re()
    total = 0.0
    group: float | None = None
    last_scale = 0.0  # the scale last applied to ``total``
    small_scale = 0.0  # the last scale of any size (for "और")
    last_v = 0.0  # the last number token (for तिहाई/चौथाई and बटा)
    pending_mod: float | None = None
    sign = 1.0
    seen = False
    end = 0
    pos = 0
    n = len(text)
    trailing: tuple[int, float] | None = None
    words_only = True  # no digit so far (a comma joins groups only in a number written in words)
    last_kind = ""
    while pos < n:
        m = tok_re.match(text, pos)
        if m is None:
            if last_kind == "s" and words_only and group is None and last_scale >= 1000 and pending_mod is None:
                joined = _comma_group(text, pos, last_scale)
                if joined is not None:
                    total += joined[0]
                    end = joined[1]
            break
        kind = m.lastgroup
        last_kind = kind
        if kind == "d":
            words_only = False
        tok = m.group(kind)
        low = tok.lower()
        if kind == "neg":
            if seen or pending_mod is not None or sign < 0:
                break
            sign = -1.0
        elif kind == "m":
            if pending_mod is not None or (group is not None and not (group >= 100 and group % 100 == 0)):
                break
            pending_mod = lx.modifiers[tok]
        elif kind == "s":
            s = lx.scales[low]
            if pending_mod is not None:  # "सवा सौ", "सवा लाख": the modifier applies to one
                group = (group or 0.0) + 1 + pending_mod
                pending_mod = None
            if group is None and not seen:
                if len(low) < 3 and low.isascii():
                    break  # an abbreviation ("cr", "mn") stands for a scale only after a number: "Cr. No. 12"
                group = 1.0  # a bare scale word: "हजार रुपये"
            if group is None and s < 1000:
                break
            seen = True
            if (s == 100 and group is not None and group >= 100 and group % 100 == 0 and last_scale >= 1000
                    and small_scale != 100):
                # "14 हजार 500 सौ रुपये": in a compound, a hundreds word after whole hundreds repeats them (but "322
                # सौ" alone is 32,200)
                end = m.end()
                pos = m.end()
                continue
            small_scale = s
            if s < 1000:
                group = (group if group is not None else 1.0) * s
            else:
                g = group or 0.0
                if last_scale and s > last_scale:
                    total = (total + g) * s
                else:
                    total += g * s
                last_scale = s
                group = None
            end = m.end()
        elif kind == "q":  # दो तिहाई
            if group is None or pending_mod is not None:
                break
            group = group - last_v + last_v / lx.denominators[tok]
            end = m.end()
        elif kind in ("con", "dec", "per"):
            if not seen or pending_mod is not None:
                break
            rest = text[m.end():]
            if kind == "con" and group is not None and (m2 := tok_re.match(rest)) is not None \
                    and m2.lastgroup == "f" and lx.fractions[m2.group("f").lower()] < 1:
                # "two and a half lakh" = 2.5 lakh: the fraction joins the group, a scale after it applies to both
                group += lx.fractions[m2.group("f").lower()]
                end = pos = m.end() + m2.end()
                continue
            if kind == "dec":
                digits = ""
                p2 = 0
                while True:
                    m2 = tok_re.match(rest, p2)
                    if m2 is None or m2.lastgroup not in ("w", "d") or len(m2.group(m2.lastgroup)) > 8:
                        break
                    v2 = _number_token(lx, m2.lastgroup, m2.group(m2.lastgroup))
                    if v2 is None or v2 != int(v2):
                        break
                    digits += str(int(v2))
                    p2 = m2.end()
                if not digits or group is None:
                    break
                group += float("0." + digits)
                end = m.end() + p2
                break
            sub = read(rest)
            if sub is None or sub[0] <= 0:
                break
            if kind == "per":
                if group is None:
                    break
                group = group - last_v + last_v / sub[0]
            else:
                cap = small_scale if small_scale else 0.0
                if not (sub[0] < 1 or (cap and sub[0] < cap)):
                    break
                group = (group or 0.0) + sub[0]
            end = m.end() + sub[1]
            break
        else:
            v = _number_token(lx, kind, tok)
            if v is None:
                break
            if pending_mod is not None:
                v += pending_mod
                pending_mod = None
            if group is not None and not (group >= 100 and group % 100 == 0 and v < 100 and small_scale == 100):
                break  # two bare numbers in a row (only "आठ सौ 82" adds up)
            if seen and last_scale and group is None and v >= last_scale:
                break
            if seen and last_scale and group is None:
                trailing = (end, v)  # a bare part after a scale: undone below if nothing follows and v >= 1000
            group = (group or 0.0) + v
            last_v = v
            seen = True
            end = m.end()
        pos = m.end()
    if pending_mod is not None and not seen:
        # "सवा किलो": a modifier with nothing after it counts from one
        m = tok_re.match(text, 0)
        if m is not None and m.lastgroup == "m":
            return 1 + pending_mod, m.end()
    if not seen:
        return None
    if trailing is not None and group == trailing[1] and trailing[1] >= 1000:
        return sign * total, trailing[0]  # "5 करोड़ 2020 में": the 2020 is another number
    return sign * (total + (group or 0.0)), end


_COMMA = cache.compile(r",[ \t]*")
_ANY_DIGIT = cache.compile(r"\d")


def _comma_group(text: str, pos: int, last_scale: float) -> tuple[float, int] | None:
    """(value, end) of the group after a comma at ``pos`` that continues a number written in words ("छह हजार इकतीस
    करोड़, बयासी लाख, पैंतीस हजार"): in words, and smaller than the scale before the comma; else None ("दस करोड़,
    बीस करोड़" are two numbers)."""
    cm = _COMMA.match(text, pos)
    if cm is None:
        return None
    sub = read(text[cm.end():])
    if sub is None or not 0 < sub[0] < last_scale or _ANY_DIGIT.search(text, cm.end(), cm.end() + sub[1]):
        return None
    return sub[0], cm.end() + sub[1]


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
