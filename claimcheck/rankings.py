"""Finder stage for ranking claims: "सबसे अधिक एमएसएमई यूनिट वाला राज्य उप्र है", "UP has the highest number of MSMEs".

A ranking claim names a superlative (data/measures.toml ``[ranking]``), what is ranked (the subject words between
the superlative and "वाला राज्य", or after "number of"), and the region said to rank first — after the phrase
("… वाला राज्य उप्र है") or before it ("उप्र … सबसे अधिक …", "UP has the highest …") within the sentence.
"""

from __future__ import annotations

import functools

import regex

from . import lexicon
from .model import Claim

_SUBJECT_MAX = 40  # characters between the superlative and its tail


@functools.cache
def _patterns():
    data = lexicon.load("measures")["ranking"]
    regions = lexicon.load("regions")
    names: dict[str, str] = {}
    from .text import fold_string

    for code, sec in regions.items():
        if sec.get("country"):
            continue
        for w in sec.get("hi", []) + sec.get("en", []):
            names[fold_string(w).lower()] = code
    region_alt = lexicon.alternation(names)
    region = rf"(?<![\p{{L}}\p{{M}}])(?P<region>{region_alt})(?![\p{{L}}\p{{M}}])"
    sup_hi = lexicon.alternation(data["hi"])
    tail = lexicon.alternation(data["hi_tail"])
    sup_en = lexicon.alternation(data["en"])
    hi_after = regex.compile(
        rf"(?:{sup_hi})\s+(?P<subject>[^।.?!\n]{{1,{_SUBJECT_MAX}}}?)\s+(?:{tail})(?:\s+(?:है|हैं|बना|बन\s+गया))?"
        rf"(?:\s+{region}(?:\s+(?:है|हैं|बना|बन\s+गया))?)?"
    )
    en = regex.compile(
        rf"(?i:(?:the\s+)?(?:{sup_en})\s+(?P<subject>MSMEs?(?:\s+units)?|micro,?\s+small\s+and\s+medium\s+enterprises))"
    )
    return hi_after, en, regex.compile(region, regex.IGNORECASE), names


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    left = max(text.rfind(ch, 0, pos) for ch in "।.?!\n") + 1
    rights = [i for i in (text.find(ch, pos) for ch in "।?!\n") if i != -1]
    return left, min(rights) if rights else len(text)


def find(ctx) -> list[Claim]:
    hi_after, en, region_re, names = _patterns()
    text = ctx.folded.text
    out: list[Claim] = []
    for pat in (hi_after, en):
        for m in pat.finditer(text):
            start, end = m.start(), m.end()
            code = None
            rspan = None
            if m.groupdict().get("region"):
                code = names.get(m.group("region").lower())
                rspan = m.span("region")
            else:
                s0, s1 = _sentence_bounds(text, start)
                before = list(region_re.finditer(text, s0, start))
                if before:
                    r = before[-1]
                    code, rspan = names.get(r.group("region").lower()), r.span()
                    start = r.start()
                else:
                    after = region_re.search(text, end, s1)
                    if after:
                        code, rspan = names.get(after.group("region").lower()), after.span()
            if code is None or rspan is None:
                continue
            out.append(ctx.claim("ranking", start, end, value=1, unit="rank",
                                 subject=_original(ctx, *m.span("subject")).strip(),
                                 region=_original(ctx, *rspan), region_code=code))
    return out


def _original(ctx, fstart: int, fend: int) -> str:
    a, b = ctx.folded.span(fstart, fend)
    return ctx.doc.text[a:b]
