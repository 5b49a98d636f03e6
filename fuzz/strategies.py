"""Hypothesis strategies for news-like hostile text, shared by the property tests and the long fuzz run.

The vocabulary is every surface form in claimcheck's own data files (number, scale, month, unit, title and region
words — so it grows as the lexicons grow) plus tokens that stress the grammar: digits in every grouping and
script, Devanagari digits, decimals, ranges, ₹/Rs/$, percent signs, danda, ZWJ/ZWNJ and the nukta (alone and
inside words and numbers), direction marks, HTML fragments and very long tokens.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

from hypothesis import strategies as st

# Tokens of our own (not taken from any corpus).
EXTRA = [
    "लाख", "करोड़", "करोड", "हजार", "हज़ार", "सौ", "अरब", "खरब", "lakh", "crore", "million", "billion",
    "मंत्री", "सचिव", "मुख्य सचिव", "मुख्यमंत्री", "राज्य मंत्री", "Minister", "Chief Secretary", "the",
    "जनवरी", "सितंबर", "सितम्बर", "अगस्त", "शुक्रवार", "सोमवार", "पिछले", "बीते", "गत", "वर्ष", "साल", "दशक",
    "से", "तक", "लेकर", "करीब", "लगभग", "से अधिक", "up to", "about", "over", "में", "का", "की", "ने", "है", "हैं",
    "एमएसएमई", "यूनिट", "उप्र", "यूपी", "उत्तर प्रदेश", "प्रदेश", "रुपये", "रुपए", "₹", "Rs", "Rs.", "$", "डॉलर",
    "फीसदी", "फ़ीसदी", "प्रतिशत", "%", "per cent", "डेढ़", "ढाई", "साढ़े", "सवा", "पौने", "सैंकड़ों", "हजारों",
    "मनोज", "कुमार", "सिंह", "राकेश", "सचान", "योगी", "आदित्यनाथ", "Manoj", "Kumar", "Singh",
    "कोविड-19", "एन95", "पीएम 2.5", "2.0", "ये भी पढ़ें", "Also Read",
    "।", "॥", ",", ".", "-", "–", "—", "/", ":", "(", ")", "\"", "'", "“", "”", "\n", "\n\n", "  ", "\t",
    "\u200d", "\u200c", "\u093c", "\u094d", "\u0901", "\u200e", "\u200f", "\u202e", "\u2066", "\u00a0", "\ufeff",
    "<p>", "</p>", "<b>", "<!--", "-->", "<script>", "&nbsp;", "&amp;", "**", "#",
    "०", "१", "२", "३", "४", "५", "६", "७", "८", "९", "٣", "𝟗",
]


@functools.cache
def vocabulary() -> tuple[str, ...]:
    words: set[str] = set(EXTRA)

    def walk(node) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if any(ch.isalpha() for ch in k):
                    words.add(k)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str) and 0 < len(node) <= 40:
            words.add(node)

    for entry in resources.files("claimcheck.data").iterdir():
        if entry.name.endswith(".toml"):
            try:
                walk(tomllib.loads(entry.read_text(encoding="utf-8")))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue
    return tuple(sorted(words))


def _digits() -> st.SearchStrategy[str]:
    plain = st.integers(min_value=0, max_value=10**15).map(str)
    indian = st.integers(min_value=0, max_value=10**13).map(indian_grouping)
    western = st.integers(min_value=0, max_value=10**12).map(lambda n: f"{n:,}")
    decimal = st.tuples(st.integers(0, 10**6), st.integers(0, 999)).map(lambda t: f"{t[0]}.{t[1]}")
    deva = plain.map(lambda s: s.translate(str.maketrans("0123456789", "०१२३४५६७८९")))
    rng = st.tuples(st.integers(0, 999), st.sampled_from(["-", "–", " से ", " to ", "-से-"]), st.integers(0, 999)).map(
        lambda t: f"{t[0]}{t[1]}{t[2]}")
    fiscal = st.integers(1990, 2030).map(lambda y: f"{y}-{(y + 1) % 100:02d}")
    date = st.tuples(st.integers(1, 31), st.integers(1, 12), st.integers(1900, 2100)).map(
        lambda t: f"{t[0]}/{t[1]}/{t[2]}")
    lone = st.sampled_from([",", ",,", ".", "..", ",0", "0,", "00", "1,2,3,4,5", "1.2.3"])
    return st.one_of(plain, indian, western, decimal, deva, rng, fiscal, date, lone)


def indian_grouping(n: int) -> str:
    s = str(n)
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return ",".join(groups + [tail])


def _mutate(word: str) -> st.SearchStrategy[str]:
    """A word with a joiner, nukta or virama pushed inside it (what copy-paste from the web leaves behind)."""
    if len(word) < 2:
        return st.just(word)
    return st.tuples(st.integers(1, len(word) - 1), st.sampled_from(["\u200d", "\u200c", "\u093c", "\u094d", "\u00ad"])).map(
        lambda t: word[: t[0]] + t[1] + word[t[0]:])


@st.composite
def token(draw) -> str:
    kind = draw(st.integers(0, 9))
    if kind <= 4:
        return draw(st.sampled_from(vocabulary()))
    if kind <= 6:
        return draw(_digits())
    if kind == 7:
        return draw(st.sampled_from(vocabulary()).flatmap(_mutate))
    if kind == 8:
        return draw(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6))
    return draw(st.sampled_from(["", " ", "", "-", "।"]))


@st.composite
def news_text(draw, max_tokens: int = 60) -> str:
    """Whitespace-joined tokens, sometimes glued without a space (numbers touching words)."""
    toks = draw(st.lists(token(), max_size=max_tokens))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "", "\n", "\u00a0"]), min_size=len(toks), max_size=len(toks)))
    return "".join(t + s for t, s in zip(toks, seps))


def any_text() -> st.SearchStrategy[str]:
    """Arbitrary Unicode (no lone surrogates, which the read stage refuses) or news-like text."""
    return st.one_of(news_text(), st.text(max_size=200))


def as_of_dates():
    import datetime as dt

    return st.one_of(st.none(), st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2199, 12, 31)))


# Markup pieces of our own, for the HTML/Markdown reader: malformed and overlapping comments, CDATA and other
# declarations, unclosed and skipped tags, entities good and bad, Markdown line and inline marks.
MARKUP = [
    "<!--", "-->", "<!-->", "<!--->", "<!---->", "--!>", "<!-- x -->", "<!- -", "--", "-", "!",
    "<!-- claimcheck: ignore -->", "<!-- claimcheck off -->", "<!-- claimcheck on -->", "<!--claimcheck:ignore-->",
    "<![CDATA[", "]]>", "<![CDATA[x]]>", "<![", "<!DOCTYPE html>", "<!doctype", "<?xml version='1.0'?>", "<?", "?>",
    "<p>", "</p>", "<p", "<div", "<div class='a", "</div>", "<b>", "</b>", "<br>", "<br/>", "</br>", "<hr/>",
    "<script>", "</script>", "<style>", "</style>", "<svg>", "</svg>", "<template>", "<noscript>", "<title>",
    "<a href=\"x\">", "<a href='x", "</a>", "<img src=x onerror=y>", "<", ">", "</", "<>", "</>", "< p>", "<p/",
    "&amp;", "&nbsp;", "&lt;", "&gt;", "&#2350;", "&#x92E;", "&#X92e;", "&", "&#", "&#x;", "&#;", "&nbsp",
    "&#99999999;", "&#0;", "&#xD800;", "&bogus;", "&amp", "&#2350",
    "```", "~~~", "# ", "## ", "> ", "- ", "* ", "1. ", "[a](b)", "![i](s)", "[x](", "](", "`", "``", "*", "**", "_",
    "__", "~~", "---", "***", "\n", "\n\n", "\r\n", " ", "\t",
]


@st.composite
def markup_text(draw, max_pieces: int = 80) -> str:
    """Markup pieces mixed with news tokens, glued or spaced."""
    piece = st.one_of(st.sampled_from(MARKUP), st.sampled_from(MARKUP), token())
    parts = draw(st.lists(piece, max_size=max_pieces))
    seps = draw(st.lists(st.sampled_from(["", "", " ", "\n"]), min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps))
