"""Context around a bare number that decides what it is, for the quantity finder (:mod:`claimcheck.find.quantities.finder`).

Every check reads a bounded window of folded text next to one candidate (never the whole document), so the finder
stays linear in the length of the text:

* :func:`governed_by_money` — a money noun before the amount governs it ("कुल बजट … सात लाख करोड़ के पार",
  "turnover of 500 crore"): money in INR with the currency supplied from context;
* :func:`counted_before` — what is counted is named before the number ("The number of MSMEs … has crossed
  1 crore", "पंजीकृत इकाइयों की संख्या 2 लाख"): a count, never money;
* :func:`inline_list_marker` — "1. आवेदन 2. भुगतान 3. अनुमोदन": numbered items inside a line are not amounts;
* :func:`age_band` — a bare range of ages ("20-40, 40-60 … उम्र के") near an age word;
* :func:`label_of` — numbers that are labels, not amounts: the groups of a phone number after a phone word
  ("मोबाइल 94150 12345"), numbers after a word that numbers things and the list that continues them ("कक्षा एक से
  आठ", "in Sectors 8, 9 and 10");
* :func:`rate_base` — the base of a rate after "per"/"प्रति" ("64 per 1,000 live births": 1,000 is no amount);
* :func:`copula_subject` — a plural copula and a noun after an amount ("of which 2.39 crore are informal micro
  enterprises"): a count of that noun.

Word lists live in ``claimcheck/data/quantities.toml`` (``money_nouns.governing``, ``count_cues``, ``age_cues``,
``numbered_labels``, ``phone``, ``rate_base``, ``copula_count``).
"""

from __future__ import annotations

import bisect
import functools
from types import SimpleNamespace

import regex

from claimcheck import cache
from claimcheck.find import lexicon
from claimcheck.find.numbers import LB, RB
from claimcheck.read.text import first_run, fold_string, word_starts

_I = regex.IGNORECASE
_WORD = r"[\p{L}\p{M}][\p{L}\p{M}\p{N}'’-]{0,30}"
_SENT_END = cache.compile(r"[।!?\n]|\.(?:[ \t]|\Z)")


def _alt(words) -> str:
    return lexicon.trie([fold_string(w).lower() for w in words])


@functools.cache
def _lex() -> SimpleNamespace:
    q = lexicon.load("quantities")
    genitive = _alt(q["count_cues"]["genitive"])
    return SimpleNamespace(
        # a money noun, then at most three words (no punctuation), then the amount: "कुल बजट पहली बार ▯",
        # "turnover of ▯", "लागत करीब ▯"
        money_before=cache.compile(
            rf"{LB}(?:{_alt(q['money_nouns']['governing'])}){RB}(?:[ \t]+{_WORD}){{0,3}}[ \t]*[:-]?[ \t]*\Z", _I),
        # a counting word then at most ten words of the same clause: "the number of MSMEs registered … crossed ▯"
        count_before=cache.compile(
            rf"{LB}(?P<cue>{_alt(q['count_cues']['before'])}){RB}(?:[ \t]+{_WORD}){{0,10}}[ \t]*[:-]?[ \t]*\Z", _I),
        of_after=frozenset(fold_string(w).lower() for w in q["count_cues"]["of_after"]),
        of_before=frozenset(fold_string(w).lower() for w in q["count_cues"]["of_before"]),
        # "पंजीकृत इकाइयों की ▯": the one or two words before the genitive that leads to the counting word
        genitive_before=cache.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?P<s>{_WORD}(?:[ \t]+{_WORD})?)[ \t]+(?:{genitive})[ \t]+\Z", _I),
        age_after=cache.compile(
            rf"[ \t]*(?:(?:{genitive})[ \t]+)?(?:{_alt(q['age_cues']['after_duration'])}){RB}", _I),
        age_cue=cache.compile(rf"{LB}(?:{_alt(q['age_cues']['forms'])}){RB}", _I),
        # the first words of the money nouns and counting words: a match of money_before / count_before begins at
        # one of them, so a clause without any needs no search (see _word_near)
        money_firsts=frozenset(first_run(fold_string(w)) for w in q["money_nouns"]["governing"]),
        count_firsts=frozenset(first_run(fold_string(w)) for w in q["count_cues"]["before"]),
    )


@functools.lru_cache(maxsize=8)
def _starts_of(t: str, which: str) -> list[int] | None:
    """Sorted offsets in ``t`` where a word of ``_lex().<which>`` begins (one pass over the document's words);
    None when some form does not begin with a letter (then every clause is searched)."""
    return word_starts(t, getattr(_lex(), which))


def _word_near(t: str, which: str, lo: int, hi: int) -> bool:
    """Whether a word from ``_lex().<which>`` may begin in [lo, hi) of ``t``."""
    starts = _starts_of(t, which)
    if starts is None:
        return True
    k = bisect.bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


_MARKS = " \t:-+."


@functools.cache
def _labels() -> SimpleNamespace:
    """Words and (lazily compiled: most texts have no phone number, label, rate or copula near a number) patterns
    for labels, phone numbers, rate bases and copulas. Each pattern has a plain-string prefilter (``*_end``: what
    the text before the number ends with; ``copula_words``): a pattern is compiled and tried only when the
    prefilter passes."""
    q = lexicon.load("quantities")
    ph, nl, cop, cn = q["phone"], q["numbered_labels"], q["copula_count"], q["case_numbers"]

    def folded(words) -> tuple[str, ...]:
        return tuple(sorted({fold_string(w).lower() for w in words}))

    # a word may end in "." ("mob.", "nos."): the boundary after it is then the dot itself
    end = r"(?:(?<=\.)|(?![\p{L}\p{M}\p{N}]))"
    joiners = folded(nl["list_joiners"])
    marks = regex.escape("".join(j for j in joiners if len(j) == 1 and not j.isalpha()))
    words = _alt(j for j in joiners if not (len(j) == 1 and not j.isalpha()))
    numbered, cues, rate, copula = (folded(nl["forms"]), folded(ph["cues"]), folded(q["rate_base"]["before"]),
                                    folded(cop["forms"]))

    def ends(*lists) -> tuple[str, ...]:  # what the text before a number can end with, once _MARKS are stripped
        return tuple(sorted({w.rstrip(_MARKS) for words in lists for w in folded(words)} - {""}))

    return SimpleNamespace(
        numbered_end=ends(nl["forms"], nl["number_words"]), case_end=ends(cn["number_words"]), phone_end=ends(ph["cues"], ph["number_words"], ["+91"]),
        rate_end=ends(rate), copula_words=copula,
        re=cache.LazyPatterns({
            "numbered": (rf"{LB}(?:{_alt(numbered)}){end}(?:[ \t]*(?:{_alt(nl['number_words'])}){end})?"
                         rf"[ \t]*[-:]?[ \t]*\Z", _I),
            "case": (rf"{LB}(?:{_alt(folded(cn['nouns']))})[ \t]+(?:{_alt(folded(cn['number_words']))}){end}"
                     rf"[ \t]*[-:]?[ \t]*\Z", _I),
            "list_gap": (rf"[ \t]*(?:[{marks}][ \t]*(?:(?:{words})[ \t]+)?|(?:{words})[ \t]+)", _I),
            "phone": (rf"{LB}(?:{_alt(cues)}){end}(?:[ \t]*(?:{_alt(ph['number_words'])}){end}){{0,2}}"
                      rf"[ \t]*[-:]?[ \t]*(?:\+[ \t]*(?:91)?[ \t-]*)?\Z", _I),
            "phone_gap": (r"[ \t]*[-–/]?[ \t]*", 0),
            "next_group": (r"[ \t]*[-–/]?[ \t]*\d", 0),
            "digit_groups": (r"\d+(?:[ \t]*[-–/][ \t]*\d+)*", 0),
            "mobile": (r"[6-9]\d{4}[ \t]\d{5}(?![\p{N}\p{L}\p{M}]|[.,]\d)", 0),
            "rate": (rf"{LB}(?:{_alt(rate)})[ \t]+\Z", _I),
            "copula": (rf"[ \t]+(?:{_alt(copula)}){RB}", _I),
        }),
        not_nouns=frozenset(fold_string(w).lower() for w in cop["not_nouns"]),
        money=frozenset(fold_string(w).lower() for w in q["money_nouns"]["forms"]),
        money_verbs=frozenset(fold_string(w).lower() for w in q["money_nouns"].get("verbs_after", [])),
        participle=tuple(fold_string(w).lower() for w in q["subject"]["stop_suffixes"]),
    )


def _after(suffixes: tuple[str, ...], t: str, lo: int, hi: int) -> bool:
    """``t[lo:hi]``, without blanks and marks at its end, ends with one of ``suffixes`` (a prefilter: the pattern
    then decides, with word boundaries)."""
    return t[lo:hi].rstrip(_MARKS).lower().endswith(suffixes)


def label_of(t: str, c, prev: tuple[str, int] | None, counted) -> str | None:
    """"phone" or "list" when the finder's candidate ``c`` is a label, else None. Only a whole number with no scale
    or unit can be one (digits or number words, a range too: "कक्षा एक से आठ").

    ``prev`` is (what, end) of the previous number when it was a label: a phone number goes on over blanks and
    hyphens ("94150 12345", "0522-2287654") and to another number after "or"/"या"/"," that counts nothing, a list of
    labels over commas and "और"/"and" ("Sectors 8, 9 and 10").
    ``counted()`` says whether a counted noun follows the number: after a phone word a short single group is a
    phone number only when none does ("हेल्पलाइन 1076 पर", but "contact 500 farmers" counts).
    """
    if c.kind is not None or c.has_scale or c.vague or c.value != int(c.value):
        return None
    fs, fe = c.fs, c.fe
    lx = _labels()
    p = lx.re
    if t[fs:fs + 1].isdigit() and p["digit_groups"].fullmatch(t, fs, fe):
        if prev is not None and prev[0] == "phone" and p["phone_gap"].fullmatch(t, prev[1], fs):
            return "phone"
        if prev is not None and prev[0] == "phone" and p["list_gap"].fullmatch(t, prev[1], fs) and not counted():
            return "phone"  # another number for the same line: "1800-11-4000 or 14404", "1967 एवं 1800-233-3663"
        lo = max(0, fs - 40)
        if fe - fs == 5 and p["mobile"].match(t, fs):
            return "phone"
        if _after(lx.phone_end, t, lo, fs) and p["phone"].search(t, lo, fs) and (
                fe - fs >= 6 or not t[fs:fe].isdigit() or p["next_group"].match(t, fe) or not counted()):
            return "phone"
    if prev is not None and prev[0] == "list" and p["list_gap"].fullmatch(t, prev[1], fs):
        return "list"
    lo = max(0, fs - 24)
    if _after(lx.numbered_end, t, lo, fs) and p["numbered"].search(t, lo, fs):
        return "list"
    if _after(lx.case_end, t, max(0, fs - 40), fs) and p["case"].search(t, max(0, fs - 40), fs):
        return "list"  # "मुकदमा संख्या 45", "FIR No. 123"
    return None


def after_phone_cue(t: str, fs: int) -> bool:
    """A phone word ends right before ``fs`` ("Dial 100 or 112": 100 is a number to call, not a range's end)."""
    lx = _labels()
    lo = max(0, fs - 40)
    return _after(lx.phone_end, t, lo, fs) and lx.re["phone"].search(t, lo, fs) is not None


def rate_base(t: str, fs: int, kind: str | None) -> bool:
    """The number at ``fs`` follows "per"/"प्रति"/"every": the base of a rate ("64 per 1,000 live births"). Only a
    count, measure or sum can be one (not a percent, not a duration: "every five years" is a frequency)."""
    if kind not in (None, "quantity", "money"):
        return False
    lx = _labels()
    lo = max(0, fs - 12)
    return _after(lx.rate_end, t, lo, fs) and lx.re["rate"].search(t, lo, fs) is not None


def copula_subject(t: str, pos: int, subject) -> tuple[str, int] | None:
    """After an amount ending at ``pos``: a plural copula ("are", "हैं") and a noun phrase ("are informal micro
    enterprises"), as (noun phrase, its start); None when there is none or it starts with no noun ("are earmarked",
    "are still pending"). ``subject(t, at)`` reads the noun phrase at a position (the finder's reader)."""
    lx = _labels()
    after = _after_copula(t, pos, subject)
    if after is None:
        return None
    phrase, at = after
    words = phrase.split()
    if any(w.lower() in lx.money for w in words):
        return None
    if words[0].lower() in lx.not_nouns or (len(words) == 1 and words[0].lower().endswith(lx.participle)):
        return None
    return phrase, at


def _after_copula(t: str, pos: int, subject) -> tuple[str, int] | None:
    """The noun phrase read after a plural copula that follows ``pos``, and where it starts; None without one."""
    lx = _labels()
    window = t[pos:pos + 8].lower()
    if not any(w in window for w in lx.copula_words):
        return None
    m = lx.re["copula"].match(t, pos)
    if m is None:
        return None
    phrase, _ = subject(t, m.end())
    return (phrase, m.end()) if phrase else None


def copula_participle(t: str, pos: int, subject) -> bool:
    """After an amount ending at ``pos``: a plural copula and a participle that is no verb of spending ("1.5 crore
    were vaccinated", "2 करोड़ हैं पंजीकृत"): people or things were counted, not money ("2,000 crore were spent")."""
    lx = _labels()
    after = _after_copula(t, pos, subject)
    if after is None or len(after[0].split()) != 1:
        return False
    phrase = after[0]
    w = phrase.lower()
    return w.endswith(lx.participle) and w not in lx.money_verbs and w not in lx.not_nouns


def governed_by_money(t: str, start: int) -> int:
    """Where a money noun (बजट, लागत, turnover…) starts, at most three words before ``start`` in the same clause;
    -1 when there is none."""
    lo = max(0, start - 60)
    if not _word_near(t, "money_firsts", lo, start):
        return -1
    m = _lex().money_before.search(t, lo, start)
    return -1 if m is None else m.start()


def counted_before(t: str, start: int):
    """The match of a counting word ("number of", संख्या, registrations…) earlier in the clause (group "cue"),
    or None."""
    lo = max(0, start - 140)
    if not _word_near(t, "count_firsts", lo, start):  # none in the widest window: most figures stop here
        return None
    window = t[lo:start]
    cut = max(window.rfind(ch) for ch in "।.;!?\n")
    if cut >= 0:
        lo += cut + 1
    if not _word_near(t, "count_firsts", lo, start):
        return None
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


_LIST_ITEM = cache.compile(r"[.)][ \t]+[\p{L}\p{M}(\"'“‘]")


def _numbered(n: int) -> regex.Pattern:
    """The marker of list item ``n`` ("2. ", "2) ") before a word."""
    return cache.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}.,]){n}[.)][ \t]+[\p{{L}}\p{{M}}(\"'“‘]")


def inline_list_marker(t: str, fs: int, fe: int, value: float) -> bool:
    """``N.``/``N)`` before an item, with the item numbered N-1 or N+1 in the same line ("1. आवेदन 2. भुगतान")."""
    if value != int(value) or not 0 < value < 50:
        return False
    if _LIST_ITEM.match(t, fe) is None:
        return False
    n = int(value)
    after = t[fe:fe + 160]
    after = after[: after.find("\n")] if "\n" in after else after
    before = t[max(0, fs - 160):fs]
    before = before[before.rfind("\n") + 1:]
    return bool(_numbered(n + 1).search(after)) or (n > 1 and bool(_numbered(n - 1).search(before)))


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
