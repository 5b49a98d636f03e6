"""Regions named near a claim: "उप्र", "उत्तर प्रदेश", "UP", or "प्रदेश"/"राज्य" meaning the document's state.

Names come from ``claimcheck/data/regions.toml`` (ISO 3166-2 code -> English and Hindi forms); the generic words
are in ``data/quantities.toml`` ([regions]). One regex pass per document finds every mention; a claim takes a
mention from its own sentence, else from the sentence before: a named state first, then the country, then a
generic word (resolved to the most mentioned state of the document), the nearest one on ties.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import regex

from claimcheck import cache
from claimcheck.find import lexicon
from claimcheck.find.lexicon import trie
from claimcheck.find.numbers import LB, RB
from claimcheck.read.text import first_run, fold_string, searcher, word_starts

_SENT_END = cache.compile(r"[।!?\n|]|\.(?!\d)")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    code: str | None  # None for a generic word
    country: bool


@functools.cache
def _matcher() -> tuple[regex.Pattern, dict[str, tuple[str | None, bool]], frozenset[str]]:
    table = lexicon.load("regions")
    lookup: dict[str, tuple[str | None, bool]] = {}
    ci_forms, cs_forms = [], []
    for code, spec in table.items():
        country = bool(spec.get("country"))
        for f in spec.get("hi", []):
            lookup[fold_string(f)] = (code, country)
            ci_forms.append(fold_string(f))
        for f in spec.get("en", []):
            if len(f) <= 3 or f.isupper():
                lookup[f] = (code, country)  # "UP", "MP": case-sensitive
                cs_forms.append(f)
            else:
                lookup[f.lower()] = (code, country)
                ci_forms.append(f.lower())
    for f in lexicon.load("quantities")["regions"]["generic"]:
        lookup[fold_string(f).lower()] = (None, False)
        ci_forms.append(fold_string(f).lower())
    pat = rf"{LB}(?:(?P<cs>{trie(cs_forms)})|(?i:(?P<ci>{trie(ci_forms)}))){RB}"
    # a mention begins at a word that begins some form: the pattern is tried only there (see text.run_starts)
    firsts = frozenset(first_run(f) for f in cs_forms + ci_forms)
    return cache.compile(pat), lookup, firsts


@functools.lru_cache(maxsize=8)
def _index(text: str) -> tuple[tuple[int, ...], tuple[Mention, ...], tuple[int, ...], str | None]:
    """Sentence starts, region mentions, and the most mentioned state of a folded text."""
    pat, lookup, firsts = _matcher()
    starts = [0] + [m.end() for m in _SENT_END.finditer(text)]
    mentions = []
    counts: dict[str, int] = {}
    for m in _mentions(text, pat, firsts):
        key = m.group("cs") if m.group("cs") is not None else m.group("ci").lower()
        code, country = lookup.get(key, (None, False))
        mentions.append(Mention(m.start(), m.end(), code, country))
        if code and not country:
            counts[code] = counts.get(code, 0) + 1
    main = max(counts, key=lambda c: counts[c]) if counts else None
    return tuple(starts), tuple(mentions), tuple(m.start for m in mentions), main


def _mentions(text: str, pat: regex.Pattern, firsts: frozenset[str]):
    """``pat.finditer(text)``, trying the pattern only where a word that begins a region name begins."""
    search = searcher(pat, text, word_starts(text, firsts))
    pos = 0
    while (m := search(pos)) is not None:
        yield m
        pos = max(m.end(), m.start() + 1)


def find_region(ctx, fpos: int) -> tuple[str, str] | None:
    """(region as written, ISO code) for a claim at folded offset ``fpos``, or None."""
    text = ctx.folded.text
    starts, mentions, mstarts, main = _index(text)
    if not mentions:
        return None
    k = bisect.bisect_right(starts, fpos) - 1
    s0 = starts[k]
    s1 = starts[k + 1] if k + 1 < len(starts) else len(text)
    sp = starts[k - 1] if k > 0 else s0
    for lo, hi in ((s0, s1), (sp, s0)):
        i, j = bisect.bisect_left(mstarts, lo), bisect.bisect_left(mstarts, hi)
        if j - i > 32:  # a sentence naming very many regions: look at the nearest ones only
            k = bisect.bisect_left(mstarts, fpos, i, j)
            i, j = max(i, k - 16), min(j, k + 16)
        cands = mentions[i:j]
        if not cands:
            continue
        def rank(m: Mention) -> tuple[int, int]:
            level = 0 if (m.code and not m.country) else 1 if m.code else 2
            return level, abs(m.start - fpos)
        for m in sorted(cands, key=rank):
            code = m.code or main
            if code is None:
                continue
            os_, oe = ctx.folded.span(m.start, m.end)
            return ctx.doc.text[os_:oe], code
    return None
