"""Ranges and elided units for the quantity finder (:mod:`claimcheck.find.quantities.finder`).

* two numbers joined by "-", "से (लेकर)", "to", "या" or a space between number words share the scale and unit
  written once ("90 से लेकर 96 लाख", "तीन चार दशकों"); a currency before the first end covers both
  ("Rs 4,000-4,500 crore");
* "(raised …) from X to Y" and "X से Y हो गया" are changes: two amounts, not a range; so are two ends written one in
  digits, one in words, around a dash ("half – 45 per cent" is an aside);
* a bare number before "और"/"से बढ़ाकर" and a number with a unit takes that scale and unit (``implicit_unit``);
* a lower and an upper bound joined by "और"/"पर"/"and" make one range ("10 से बड़ी और 20 से छोटी");
* a long sequence of numbers with only separators between them ("9 9 9 …", "1-2-3-…", "एक दो तीन चार …") is a table
  row or a count, not claims: :func:`sequences` finds it before any number is read (one linear scan).

Candidates are the finder's ``_Cand`` records and ``lx`` its compiled vocabulary; every look-around is bounded.
"""

from __future__ import annotations

import functools

import regex

from claimcheck import cache
from claimcheck.find import lexicon
from claimcheck.find.quantities import context as qctx
from claimcheck.read.text import fold_string, run_spans


@functools.cache
def _re(pattern: str) -> regex.Pattern:
    """A small fixed pattern, compiled once."""
    return cache.compile(pattern)


def sequence_lexicon(q: dict, nlex) -> dict:
    """The quantity finder's vocabulary for :func:`sequences` (from ``[sequences]`` and ``[ranges]``)."""
    spec = q["sequences"]
    n = int(spec["min_numbers"])
    marks = regex.escape(spec["marks"], special_only=False)
    joiners = lexicon.trie(sorted({fold_string(w).lower() for w in q["ranges"]["separators"] if w.strip()}))
    num = r"\d++(?:[.,:]\d++)*+"
    return {
        "sequence_re": cache.compile(
            rf"(?<![\p{{L}}\p{{M}}\p{{N}}]|\d[.,:]){num}(?:(?:[ \t{marks}]++|[ \t]+(?:{joiners})[ \t]+){num}){{{n - 1},}}+",
            regex.IGNORECASE),
        "sequence_min": n,
        "bare_words": frozenset(w.casefold() for w in nlex.words),
    }


def sequences(t: str, lx) -> list[tuple[int, int]]:
    """Spans of ``t`` holding a sequence of at least ``lx.sequence_min`` numbers in digits (separated by spaces,
    punctuation, currency signs or a range separator) or bare number words (separated by spaces), in order."""
    out = [m.span() for m in lx.sequence_re.finditer(t)]
    words = run_spans(t, lx.bare_words)
    i, n = 0, len(words)
    while i < n:
        j = i
        while j + 1 < n and 0 < words[j + 1][0] - words[j][1] <= 4 \
                and not t[words[j][1]:words[j + 1][0]].strip(" \t"):
            j += 1
        if j - i + 1 >= lx.sequence_min:
            out.append((words[i][0], words[j][1]))
        i = j + 1
    out.sort()
    return out


def outside(starts: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """The sorted ``starts`` that fall in none of the sorted, disjoint ``spans``."""
    out, k, n = [], 0, len(spans)
    for s in starts:
        while k < n and spans[k][1] <= s:
            k += 1
        if k == n or s < spans[k][0]:
            out.append(s)
    return out


def merge_ranges(t: str, cands: list, lx) -> list:
    out: list = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands) and not a.vague and not cands[i + 1].vague:
            b = cands[i + 1]
            gap_start = a.end
            sm = lx.sep_re.fullmatch(t, gap_start, b.cur_start if b.cur_start is not None else b.fs)
            if sm is not None and _range_ok(t, a, b, sm.group("s"), lx):
                lo = a.value
                if _prefix_only(a) and b.kind is None:  # "Rs 4,000-4,500 crore": the currency before the first end
                    b.kind, b.unit = a.kind, a.unit
                if (a.kind is None or _prefix_only(a)) and not a.has_scale and b.scale > 1 and lo * b.scale <= b.value:
                    lo *= b.scale
                if lo < b.value:
                    b.low, b.high = lo, b.value
                    b.fs = a.cur_start if a.cur_start is not None else a.fs
                    b.cur_start = None
                    out.append(b)
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _prefix_only(c) -> bool:
    """Money only through a currency written before it ("Rs 4,000"), with no unit word after."""
    return c.kind == "money" and c.cur_start is not None and c.end == c.fe


def _change_from(t: str, a, lx) -> bool:
    """``a`` follows "raised/increased/cut … from", or "from" alone unless a range word comes before it ("ranging
    from"): "from X to Y" is then a change, two amounts, not a range."""
    s = a.cur_start if a.cur_start is not None else a.fs
    lo = max(0, s - 60)
    if lx.change_from.search(t, lo, s) is not None:
        return True
    return lx.bare_from.search(t, lo, s) is not None and lx.range_from.search(t, lo, s) is None


def _change_after(t: str, a, b, sep: str | None, lx) -> bool:
    """"X से Y हो गया": Y is what X became (a change), not the upper end of a range; but "बढ़कर X से Y हो गया" says
    the pair is the new value (a range)."""
    if (sep or "").lower() not in lx.change_sep or lx.change_after.match(t, b.end) is None:
        return False
    s = a.cur_start if a.cur_start is not None else a.fs
    return lx.changed_before.search(t, max(0, s - 24), s) is None


def _written_alike(a, b) -> bool:
    """Both ends of a range in digits or both in words: "half – 45 per cent" is an aside, not a range."""
    return a.digits == b.digits


def _range_ok(t: str, a, b, sep: str | None, lx) -> bool:
    s0 = (sep or "").lower()
    if s0 == "to" and _change_from(t, a, lx):
        return False
    if _change_after(t, a, b, sep, lx):
        return False
    if s0 in ("-", "to") and not _written_alike(a, b):
        return False
    if _re(r"\d[-/.]\Z").search(t[max(0, a.fs - 2):a.fs]) or _re(r"[-/.]\d").match(t[b.fe:b.fe + 2]):
        return False  # one end is part of a chain of hyphenated numbers: a phone number or a code
    if a.kind is None and a.digits and not a.has_scale and qctx.after_phone_cue(t, a.fs):
        return False  # "Dial 100 or 112": numbers to call
    if a.kind is not None and (a.kind, a.unit) != (b.kind, b.unit):
        if not (_prefix_only(a) and b.kind is None and b.cur_start is None and (sep or "").lower() in ("-", "to")):
            return False
    if a.kind is not None and (sep or "").lower() not in lx.range_with_units:
        return False
    if b.digits and _re(r"(?:1[89]|20)\d\d").fullmatch(b.text) and not _re(r"(?:1[89]|20)\d\d").fullmatch(a.text):
        return False  # "16 to 2019": a number, then a year
    if sep is None:  # a bare space: "तीन चार दशकों", "बीस पच्चीस"
        return (not a.digits and not b.digits and not a.has_scale and a.value >= 1 and a.value == int(a.value)
                and a.value < b.value <= 2 * a.value)
    s = sep.lower()
    if s in lx.range_needs_neighbours:
        # "दो या तीन दिन", "10 or 12 lakh" are ranges; "200 या 500 रुपये" is a list
        la, lb = a.value, (b.value if a.has_scale or not b.scale else b.value / b.scale)
        if not la < lb <= 2 * la:
            return False
    if s in lx.range_needs_between:
        return bool(lx.between_after.match(t, b.end)) or bool(lx.between_before.search(t, max(0, a.fs - 12), a.fs))
    if s == "-":
        # 2019-20 (fiscal year), 0522-2230006 (phone), 31-03 are not ranges
        if a.digits and _re(r"(?:19|20)\d\d").fullmatch(a.text) and not b.has_scale and b.kind is None:
            return False
        if _re(r"0\d+").fullmatch(a.text) or _re(r"\d{6,}").fullmatch(b.text):
            return False
    return True


def elide(t: str, cands: list, lx) -> None:
    """A bare number followed by "और"/"से बढ़ाकर"/"," and a number with a unit takes that scale and unit; read from
    the right so a list passes the unit on ("पांच, सात और 10 करोड़ रुपये")."""
    for a, b in reversed(list(zip(cands, cands[1:]))):
        if a.kind is not None or a.vague or a.low is not None or b.low is not None:
            continue
        if (b.kind is None and not b.has_scale) or (a.has_scale and b.kind is None):
            continue
        if _re(r"(?:1[89]|20)\d\d").fullmatch(a.text):
            continue
        bs = b.cur_start if b.cur_start is not None else b.fs
        sm = lx.sep_re.fullmatch(t, a.end, bs)
        sep = sm.group("s") if sm is not None else None
        lead = b.value / b.scale if b.scale else b.value
        if lx.elision.fullmatch(t, a.end, bs) is None and not (
                lx.change_to.fullmatch(t, a.end, bs) and _change_from(t, a, lx)) and not (
                sm is not None and _change_after(t, a, b, sep, lx)) and not (
                (sep or "").lower() in lx.change_sep and a.value > (b.value if a.has_scale else lead)):
            continue  # (the last: "9 से 6 प्रतिशत", a fall from one amount to another, never a range)
        if a.has_scale:  # "88 हजार करोड़ से बढ़कर 1.75 लाख करोड़ रुपये": only the unit is elided
            if not (b.value / 100 <= a.value <= b.value * 100):
                continue
        else:
            if not (lead / 10 <= a.value <= lead * 10):
                continue
            a.value *= b.scale
        a.kind, a.unit = b.kind, b.unit
        a.extra["implicit"] = True
        if b.kind is None:  # "raised from 5 to 7 crore": a takes whatever b turns out to be (money here)
            a.extra["elided_to"] = b
    for a, b in zip(cands, cands[1:]):  # "Rs 5 crore, 7 crore and 10 crore": the currency carries on
        if (a.kind != "money" or not a.has_scale or b.kind is not None or not b.has_scale or b.vague
                or b.cur_start is not None or lx.elision.fullmatch(t, a.end, b.fs) is None):
            continue
        nxt = lx.word_re.match(t, b.end)
        if _re(r"[ \t]*(?:[,;:।.!?)]|\Z)").match(t, b.end) or (nxt and nxt.group(1).lower() in lx.stop):
            b.kind, b.unit = a.kind, a.unit
            b.extra["implicit"] = True


def join_bounds(t: str, drafts: list[list], lx) -> list[list]:
    """A lower and an upper bound joined by "और"/"पर"/"and" make one range ("10 से बड़ी और 20 से छोटी")."""
    out: list[list] = []
    i = 0
    while i < len(drafts):
        a = drafts[i]
        if i + 1 < len(drafts):
            b = drafts[i + 1]
            a_low = a[5] is not None and a[6] is None and a[4] is None
            a_high = a[6] is not None and a[5] is None and a[4] is None
            b_low = b[5] is not None and b[6] is None and b[4] is None
            b_high = b[6] is not None and b[5] is None and b[4] is None
            m = lx.bound_join.match(t, a[2])
            if m is not None and m.end() >= b[0] - 12 and a[3] == b[3] and ((a_low and b_high) or (a_high and b_low)):
                gap = t[m.end():b[0]]
                if _re(r"[ \t]*(?:[\p{L}\p{M}]+[ \t]+){0,3}").fullmatch(gap):
                    lo = a[5] if a_low else b[5]
                    hi = b[6] if a_low else a[6]
                    if lo < hi:
                        fields = {k: v for k, v in a[7].items() if k != "qualifier"}
                        out.append([a[0], b[1], b[2], a[3], None, lo, hi, fields])
                        i += 2
                        continue
        out.append(a)
        i += 1
    return out
