"""Context around a bare number that decides what it is, for the quantity finder (:mod:`claimcheck.quantities`).

Every check reads a bounded window of folded text next to one candidate (never the whole document), so the finder
stays linear in the length of the text:

* :func:`governed_by_money` — a money noun before the amount governs it ("कुल बजट … सात लाख करोड़ के पार",
  "turnover of 500 crore"): money in INR with the currency supplied from context;
* :func:`counted_before` — what is counted is named before the number ("The number of MSMEs … has crossed
  1 crore", "पंजीकृत इकाइयों की संख्या 2 लाख"): a count, never money;
* :func:`inline_list_marker` — "1. आवेदन 2. भुगतान 3. अनुमोदन": numbered items inside a line are not amounts;
* :func:`age_band` — a bare range of ages ("20-40, 40-60 … उम्र के") near an age word.

Word lists live in ``claimcheck/data/quantities.toml`` (``money_nouns.governing``, ``count_cues``, ``age_cues``).
"""

from __future__ import annotations

import functools
from types import SimpleNamespace

import regex

from . import lexicon, numbers
from .numbers import LB, RB
from .text import fold_string

_I = regex.IGNORECASE
_WORD = r"[\p{L}\p{M}][\p{L}\p{M}\p{N}'’-]{0,30}"
_SENT_END = regex.compile(r"[।!?\n]|\.(?:[ \t]|\Z)")


def _alt(words) -> str:
    return lexicon.trie([fold_string(w).lower() for w in words])


@functools.cache
def _lex() -> SimpleNamespace:
    q = lexicon.load("quantities")
    genitive = _alt(q["count_cues"]["genitive"])
    return SimpleNamespace(
        # a money noun, then at most three words (no punctuation), then the amount: "कुल बजट पहली बार ▯",
        # "turnover of ▯", "लागत करीब ▯"
        money_before=regex.compile(
            rf"{LB}(?:{_alt(q['money_nouns']['governing'])}){RB}(?:[ \t]+{_WORD}){{0,3}}[ \t]*[:-]?[ \t]*\Z", _I),
        # a counting word then at most ten words of the same clause: "the number of MSMEs registered … crossed ▯"
        count_before=regex.compile(
            rf"{LB}(?P<cue>{_alt(q['count_cues']['before'])}){RB}(?:[ \t]+{_WORD}){{0,10}}[ \t]*[:-]?[ \t]*\Z", _I),
        of_after=frozenset(fold_string(w).lower() for w in q["count_cues"]["of_after"]),
        of_before=frozenset(fold_string(w).lower() for w in q["count_cues"]["of_before"]),
        # "पंजीकृत इकाइयों की ▯": the one or two words before the genitive that leads to the counting word
        genitive_before=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?P<s>{_WORD}(?:[ \t]+{_WORD})?)[ \t]+(?:{genitive})[ \t]+\Z", _I),
        age_after=regex.compile(
            rf"[ \t]*(?:(?:{genitive})[ \t]+)?(?:{_alt(q['age_cues']['after_duration'])}){RB}", _I),
        age_cue=regex.compile(rf"{LB}(?:{_alt(q['age_cues']['forms'])}){RB}", _I),
    )


def governed_by_money(t: str, start: int) -> int:
    """Where a money noun (बजट, लागत, turnover…) starts, at most three words before ``start`` in the same clause;
    -1 when there is none."""
    m = _lex().money_before.search(t, max(0, start - 60), start)
    return -1 if m is None else m.start()


def counted_before(t: str, start: int):
    """The match of a counting word ("number of", संख्या, registrations…) earlier in the clause (group "cue"),
    or None."""
    lo = max(0, start - 140)
    window = t[lo:start]
    cut = max(window.rfind(ch) for ch in "।.;!?\n")
    if cut >= 0:
        lo += cut + 1
    lx = _lex()
    found = []
    m = lx.count_before.search(t, lo, start)
    while m is not None and len(found) < 5:
        found.append(m)
        m = lx.count_before.search(t, m.end("cue"), start)
    # the nearest cue that names the counted thing ("number of X …", "इकाइयों की संख्या ▯"), else the nearest
    named = [m for m in found if m.group("cue").lower() in lx.of_after | lx.of_before]
    return (named or found or [None])[-1]


def counted_subject_at(t: str, cue) -> tuple[str, int] | int | None:
    """Where the counted noun of a counting-word match is: for "number of X" the position after "of" (an int, the
    caller reads the noun phrase there); for "X की संख्या" the words X and their start."""
    lx = _lex()
    word = cue.group("cue").lower()
    if word in lx.of_after:
        return cue.end("cue")
    if word in lx.of_before:
        m = lx.genitive_before.search(t, max(0, cue.start() - 60), cue.start())
        if m is not None:
            return m.group("s"), m.start("s")
    return None


def inline_list_marker(t: str, fs: int, fe: int, value: float) -> bool:
    """``N.``/``N)`` before an item, with the item numbered N-1 or N+1 in the same line ("1. आवेदन 2. भुगतान")."""
    if value != int(value) or not 0 < value < 50:
        return False
    item = regex.compile(r"[.)][ \t]+[\p{L}\p{M}(\"'“‘]")
    if item.match(t, fe) is None:
        return False
    n = int(value)
    nxt = regex.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}.,]){n + 1}[.)][ \t]+[\p{{L}}\p{{M}}(\"'“‘]")
    prv = regex.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}.,]){n - 1}[.)][ \t]+[\p{{L}}\p{{M}}(\"'“‘]")
    after = t[fe:fe + 160]
    after = after[: after.find("\n")] if "\n" in after else after
    before = t[max(0, fs - 160):fs]
    before = before[before.rfind("\n") + 1:]
    return bool(nxt.search(after)) or (n > 1 and bool(prv.search(before)))


def age_band(t: str, fs: int, end: int, low: float, high: float) -> bool:
    """A bare range of whole numbers that fit an age, with an age word in the same sentence ("20-40 … उम्र")."""
    if not (0 < low < high <= 120 and low == int(low) and high == int(high)):
        return False
    lx = _lex()
    before = t[max(0, fs - 60):fs]
    m = None
    for m in _SENT_END.finditer(before):
        pass
    if m is not None:
        before = before[m.end():]
    after = t[end:end + 100]
    m = _SENT_END.search(after)
    if m is not None:
        after = after[: m.start()]
    return bool(lx.age_cue.search(before) or lx.age_cue.search(after))



def age_follows(t: str, pos: int) -> bool:
    """An age word right after a duration and its bound words ("60 साल से ज्यादा उम्र", "25 years of age")."""
    return _lex().age_after.match(t, pos) is not None
