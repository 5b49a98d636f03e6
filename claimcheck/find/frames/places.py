"""Where a figure is about: places in its clause or sentence, less datelines and places named only to compare."""

from __future__ import annotations

import bisect
import functools

from dataclasses import dataclass


from claimcheck.model import Claim
from claimcheck.read.text import fold_string
from claimcheck.find import datelines
from claimcheck.find.frames.words import _ends_with, _lex, sentence_bounds


@dataclass(frozen=True, slots=True)
class _Place:
    start: int
    end: int
    code: str


def _places(text: str, lo: int, hi: int) -> list[_Place]:
    """Regions named in text[lo:hi], less datelines and places named only for comparison."""
    starts, places = _all_places(text)
    return [p for p in places[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)] if p.end <= hi]


@functools.lru_cache(maxsize=4)  # every figure of a document asks for places of its clause and sentences
def _all_places(text: str) -> tuple[list[int], list[_Place]]:
    lx = _lex()
    out = []
    for m in lx.regions.finditer(text):
        code = _code(m.group())
        if code is None or datelines.place_at(text, m.start(), m.end()):
            continue
        if lx.comparison_after.match(fold_string(text[m.end():m.end() + 14]).lstrip()) or _ends_with(
                lx.comparison_before, text[max(0, m.start() - 12):m.start()]):
            continue  # "यूपी की तरह", "like Gujarat": named to compare with
        out.append(_Place(m.start(), m.end(), code))
    return [p.start for p in out], out


@functools.lru_cache(maxsize=1024)
def _code(word: str) -> str | None:
    lx = _lex()
    return lx.region_codes.get(fold_string(word)) or lx.region_codes.get(word.lower())


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
    def earlier_states() -> list[_Place]:
        return [p for p in _places(text, max(0, s0 - 2000), s0) if p.code not in lx.country]

    if lx.generic_state.search(fold_string(text[lo:hi])) and (earlier := earlier_states()):
        return earlier[-1].code, "earlier sentence"
    if own:
        return own[0].code, "clause"
    sent = _places(text, s0, s1)
    states = {p.code for p in sent} - lx.country
    if len(states) == 1:
        return states.pop(), "sentence"
    if len(states) > 1:
        return None, "several regions"
    if lx.generic_state.search(fold_string(text[s0:s1])) and (earlier := earlier_states()):
        return earlier[-1].code, "earlier sentence"
    if sent:
        return sent[0].code, "sentence"
    if s0 > 1 and "\n\n" not in text[max(0, s0 - 2):s0 + 1]:
        p0, p1 = sentence_bounds(text, s0 - 2, s0 - 1)
        prev = {p.code for p in _places(text, p0, p1)} - lx.country
        if len(prev) == 1:
            return prev.pop(), "previous sentence"
    earlier = earlier_states()
    if earlier and lx.backref.search(fold_string(text[s0:s1])):
        return earlier[-1].code, "earlier sentence"
    if earlier:
        return "IN", f"default (the article also names {earlier[-1].code})"
    return "IN", "default"
