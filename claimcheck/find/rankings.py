"""Finder stage for ranking claims: "सबसे अधिक एमएसएमई यूनिट वाला राज्य उप्र है", "UP has the highest number of MSMEs",
"देश में सबसे ज्यादा पंजीकृत एमएसएमई उत्तर प्रदेश में हैं", "West Bengal …, the second highest number among all states".

A ranking claim names a superlative (data/measures.toml ``[ranking]``, optionally after an ordinal: the claimed
rank is ``value``), what is ranked (``subject``), and the region said to hold that rank — inside the phrase
("… वाला राज्य उप्र है"), before it in the sentence ("उप्र … सबसे अधिक …", "UP has the highest …"), or after it.
"""

from __future__ import annotations

import functools

import regex

from claimcheck import cache
from claimcheck.find import lexicon
from claimcheck.model import Claim
from claimcheck.read.text import fold_string

_SUBJECT_MAX = 40  # characters between the superlative and its tail
_DIGIT_OR_COMMA = cache.compile(r"\d|,")
_END = cache.compile(r"[।!?\n]|\.(?!\d)")


@functools.cache
def _patterns():
    data = lexicon.load("measures")["ranking"]
    names: dict[str, str] = {}
    for code, sec in lexicon.load("regions").items():
        if sec.get("country"):
            continue
        for w in sec.get("hi", []) + sec.get("en", []):
            names[fold_string(w).lower()] = code
    region = (rf"(?<![\p{{L}}\p{{M}}])(?P<region>{lexicon.alternation(names)})(?![\p{{L}}\p{{M}}])")
    sup_hi, tail = lexicon.alternation(data["hi"]), lexicon.alternation(data["hi_tail"])
    subj_hi, subj_en = lexicon.alternation(data["subject_hi"]), lexicon.alternation(data["subject_en"])
    ord_hi = lexicon.alternation(data["ordinals_hi"])
    ord_en = "|".join(regex.escape(w) for w in data["ordinals_en"])
    verb = r"(?:\s+(?:है|हैं|बना|बन\s+गया))?"
    hindi_tail = cache.compile(
        rf"(?:(?P<ord>{ord_hi})\s+)?(?:{sup_hi})\s+(?P<subject>[^।.?!\n]{{1,{_SUBJECT_MAX}}}?)\s+(?:{tail}){verb}"
        rf"(?:\s+{region}{verb})?"
    )
    hindi_plain = cache.compile(
        rf"(?:(?P<ord>{ord_hi})\s+)?(?:{sup_hi})\s+(?P<subject>{subj_hi})(?![\p{{L}}\p{{M}}])"
    )
    first_hi = lexicon.alternation(data["first_hi"])
    place_hi = lexicon.alternation(data["place_hi"])
    hindi_place = cache.compile(
        rf"(?<![\p{{L}}\p{{M}}])(?:(?P<ord>{ord_hi})|(?P<first>{first_hi}))\s+(?:{place_hi})(?![\p{{L}}\p{{M}}])"
    )
    english_alone = cache.compile(
        rf"(?i:\bthe\s+(?:(?P<ord>{ord_en})[- ])?(?:highest|largest|most)(?:\s+number)?\s+"
        rf"(?:{lexicon.alternation(data['alone_en'])})\b)"
    )
    english = cache.compile(
        rf"(?i:(?:the\s+)?(?:(?P<ord>{ord_en})[- ])?(?:{lexicon.alternation(data['en'])})\s+(?P<subject>{subj_en})\b"
        rf"|(?:the\s+)?(?P<ord2>{ord_en})[- ]highest(?:\s+number)?(?:\s+among\s+(?:all\s+)?(?:the\s+)?states)?)"
    )
    english_lead = cache.compile(
        rf"(?i:\b(?:{lexicon.alternation(data.get('lead_en', []))})\b(?=[^.!?\n]{{0,80}}?"
        rf"(?:{lexicon.alternation(data['alone_en'])})\b))" if data.get("lead_en") else r"(?!)")
    ords = {fold_string(k): v for k, v in data["ordinals_hi"].items()}
    ords.update({k.lower(): v for k, v in data["ordinals_en"].items()})
    ords.update({fold_string(k): 1 for k in data["first_hi"]})
    patterns = (hindi_tail, hindi_plain, hindi_place, english, english_alone, english_lead)
    # words each pattern cannot match without (a cheap substring test spares the scan of most texts); English
    # ones are looked for in the casefolded text, as the patterns ignore case
    sup = tuple(fold_string(w) for w in data["hi"])
    required = (sup, sup, tuple(fold_string(w) for w in data["place_hi"]),
                tuple(w.casefold() for w in data["en"]) + ("highest",), ("highest", "largest", "most"),
                tuple(w.casefold() for w in data.get("lead_en", [])))
    backref = cache.compile(
        rf"(?i:\b(?:{lexicon.alternation(data.get('backref_en', []))})\b)|"
        rf"(?<![\p{{L}}\p{{M}}])(?:{lexicon.alternation(data.get('backref_hi', []))})(?![\p{{L}}\p{{M}}])")
    return tuple(zip(patterns, required, (False, False, False, True, True, True))), \
        cache.compile(region, regex.IGNORECASE), names, ords, backref


def _sentence(text: str, pos: int) -> tuple[int, int]:
    left = 0
    for m in _END.finditer(text, max(0, pos - 400), pos):
        left = m.end()
    m = _END.search(text, pos)
    return left, (m.start() if m else len(text))


@functools.cache
def _part_pattern():
    """"उसमें से सबसे अधिक मीडियम …", "most of them were micro": a superlative before one size of the sector."""
    data = lexicon.load("measures")["ranking"]
    sizes = lexicon.load("statistics")["breakdown"]
    words = [w for key, sec in sizes.items() if key.startswith("size=") for w in sec["hi"] + sec["en"]]
    if not data.get("part_lead_hi") and not data.get("part_lead_en"):
        return None
    part = lexicon.alternation(words)
    hi = (rf"(?<![\p{{L}}\p{{M}}])(?:{lexicon.alternation(data.get('part_lead_hi', []))})\s+(?:{lexicon.alternation(data['hi'])})"
          rf"\s+(?P<part>(?:{part})(?![\p{{L}}\p{{M}}])[^।.?!,\n]{{0,30}}?)"
          rf"(?=\s+(?:{lexicon.alternation(data.get('part_verbs_hi', []))})(?![\p{{L}}\p{{M}}]))")
    en = (rf"(?i:\bmost\s+(?:{lexicon.alternation(data.get('part_lead_en', []))})\s+"
          rf"(?:{lexicon.alternation(data.get('part_verbs_en', []))})\s+(?P<part2>(?:{part})\b))")
    return cache.compile(hi + "|" + en)


def _parts(ctx) -> list[Claim]:
    pat = _part_pattern()
    if pat is None:
        return []
    text = ctx.folded.text
    out = []
    for m in pat.finditer(text):
        g = "part" if m.group("part") else "part2"
        if not _about_ranked_things(text, m.start(), m.end()):
            continue
        out.append(ctx.claim("ranking", m.start(), m.end(), value=1, unit="rank", subtype="part",
                             subject=_original(ctx, *m.span(g)).strip()))
    return out


def find(ctx) -> list[Claim]:
    patterns, region_re, names, ords, backref = _patterns()
    text = ctx.folded.text
    out: list[Claim] = _parts(ctx)
    folded_case = None
    for pat, required, latin in patterns:
        if latin and folded_case is None:
            folded_case = text.casefold()
        hay = folded_case if latin else text
        if not any(w in hay for w in required):
            continue
        for m in pat.finditer(text):
            start, end = m.start(), m.end()
            groups = m.groupdict()
            rspan = m.span("region") if groups.get("region") else None
            if rspan is None:
                s0, s1 = _sentence(text, start)
                before = list(region_re.finditer(text, s0, start))
                after = region_re.search(text, end, s1)
                pick = before[-1] if before else after
                if pick is None and s0 > 1 and backref.search(text, s0, start):
                    # "It has the third-largest number …": the state of the sentence before
                    p0, _ = _sentence(text, s0 - 2)
                    earlier = list(region_re.finditer(text, p0, s0))
                    pick = earlier[-1] if earlier else None
                if pick is not None:
                    rspan = pick.span()
            if rspan is None:
                continue
            code = names.get(text[rspan[0]:rspan[1]].lower())
            if code is None:
                continue
            gap = text[rspan[1]:start]
            if rspan[0] < start and len(gap) <= 20 and not _DIGIT_OR_COMMA.search(gap):
                start = rspan[0]  # "UP has the highest number of MSMEs": the region belongs to the claim
            rank_word = groups.get("ord") or groups.get("ord2") or groups.get("first")
            rank = ords.get(rank_word.lower(), 1) if rank_word else 1
            subject = groups.get("subject")
            if subject is None and not _about_ranked_things(text, start, end):
                continue
            out.append(ctx.claim(
                "ranking", start, end, value=rank, unit="rank",
                subject=_original(ctx, *m.span("subject")).strip() if subject else None,
                region=_original(ctx, *rspan), region_code=code,
            ))
    return out


def _original(ctx, fstart: int, fend: int) -> str:
    a, b = ctx.folded.span(fstart, fend)
    return ctx.doc.text[a:b]


def _about_ranked_things(text: str, start: int, end: int) -> bool:
    """A superlative with no subject of its own ranks something only when its sentence names what is counted
    (checking decides which measure); "दूसरे स्थान पर" in a sports report is not a claim the tables cover."""
    from claimcheck.find.frames import topic_hint

    s0, s1 = _sentence(text, start)
    return bool(topic_hint().search(fold_string(text[s0:s1])))
