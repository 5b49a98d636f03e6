"""The quantity finder's compiled vocabulary and its number scan (:mod:`claimcheck.find.quantities.finder`).

:func:`lex` builds, once, every pattern and word table the finder reads from ``data/quantities.toml``,
``data/numbers.toml`` and the unit words. :func:`number_search` finds the number expressions of a text trying the
number grammar only where one can begin (a digit, a word that begins a number, a word glued to a currency word),
outside long sequences of numbers (:func:`claimcheck.find.quantities.ranges.sequences`).
"""

from __future__ import annotations

import functools
from types import SimpleNamespace

import regex

from claimcheck import cache
from claimcheck.find import lexicon
from claimcheck.find import numbers
from claimcheck.find import units
from claimcheck.find.quantities import ranges as qranges
from claimcheck.find.numbers import LB, RB
from claimcheck.read.text import first_run, fold_string, last_run, run_inner_starts, run_starts, searcher

_I = regex.IGNORECASE
_WS = r"[ \t]"


def _forms(words) -> list[str]:
    return [fold_string(w).lower() for w in words]


def _alt(words) -> str:
    return lexicon.trie(_forms(words))


# The compiled vocabulary of the finder (one namespace, built once): patterns and lookup tables.
Lex = SimpleNamespace


@functools.cache
def lex() -> Lex:
    q = lexicon.load("quantities")
    p = numbers.patterns()
    uw = units.unit_words()
    qb_map = {fold_string(f).lower(): k for k, forms in q["qualifier_before"].items() for f in forms}
    qa_map = {fold_string(f).lower(): k for k, forms in q["qualifier_after"].items() for f in forms}
    rng = q["ranges"]
    mult = {fold_string(f).lower(): float(k) for k, forms in q["multiples"].items() for f in forms}
    many = _alt(q["vague_quantifiers"]["forms"])
    vague = (rf"(?P<vague>{LB}(?:(?:{many}){_WS}+(?P<vs>{p['scale']})|{p['vague']}){RB}"
             rf"(?P<vt>(?:{_WS}+(?:{p['scale']}){RB})*))")
    cur = lexicon.trie(uw.before)
    # after a currency word only where the text before ends in a currency word's last character: a one-character
    # test that spares the costlier lookbehind at most positions inside words
    cur_last = "".join(regex.escape(ch) for ch in sorted({f[-1] for f in uw.before if f}))
    cur_last = rf"(?<=[{cur_last}])" if cur_last else ""
    glued = _alt(q["artefacts"]["glued_before_digits"])
    start = (rf"(?:(?<![\p{{L}}\p{{M}}\p{{N}}])|{cur_last}(?<=(?<![\p{{L}}\p{{M}}])(?:{cur}))"  # "Rs5,000" too
             rf"|(?<=(?<![\p{{L}}\p{{M}}])(?:{glued}))(?=\d))")  # "कि7 लोगों": a lost space (an artefact)
    num_re = cache.compile(rf"{vague}|(?P<num>{start}(?<!\d[.,]){p['expr']})", _I)
    return SimpleNamespace(
        num_re=num_re,
        range_with_units=frozenset(_forms(rng["with_units"])),
        range_needs_between=frozenset(_forms(rng["needs_between"])),
        range_needs_neighbours=frozenset(_forms(rng.get("needs_neighbours", []))),
        change_to=cache.compile(rf"[ \t]+(?:{_alt(rng['change_to'])})[ \t]+", _I),
        # where num_re can begin: a digit, a word from these, or a word glued to a currency word ("Rsfive")
        num_first=numbers.first_runs() | frozenset(first_run(f) for f in q["vague_quantifiers"]["forms"]),
        cur_tails=tuple(sorted({last_run(f) for f in uw.before} - {""})),
        **qranges.sequence_lexicon(q, numbers.lex()),
        unit_re=uw.after_re,
        unit_map=uw.after,
        prefix_re=uw.before_re,
        prefix_map=uw.before,
        approx_before=cache.compile(rf"{LB}(?:{_alt(q['approx']['before'])})[ \t]*\Z", _I),
        approx_after=cache.compile(rf"(?:{_alt(q['approx']['after'])}){RB}", _I),
        qual_before=cache.compile(rf"{LB}(?P<q>{_alt(qb_map)})[ \t]*\Z", _I),
        qual_before_map=qb_map,
        qual_after=cache.compile(rf"{_WS}*(?P<q>{_alt(qa_map)}){RB}", _I),
        qual_after_map=qa_map,
        sep_re=cache.compile(rf"{_WS}*(?:(?P<s>-|{_alt(rng['separators'])}){_WS}*|{_WS}+)", _I),
        between_after=cache.compile(rf"{_WS}*(?:{_alt(rng['between_after'])}){RB}", _I),
        between_before=cache.compile(rf"{LB}(?:{_alt(rng['between_before'])})[ \t]*\Z", _I),
        count_verb=cache.compile(rf"{_WS}+(?:{_alt(q['count_cues'].get('verbs_after', []))}){RB}", _I),
        money_verb=cache.compile(
            rf"{_WS}+(?:(?:{_alt(q['emphatic']['forms'])}){_WS}+)?(?:{_alt(q['money_nouns'].get('verbs_after', []))}){RB}",
            _I),
        money_noun=cache.compile(
            rf"{_WS}+(?P<link>(?:{_alt(q['money_nouns']['linkers'])}){_WS}+)?"
            rf"(?:\d[\d.,]{{0,20}}(?:{_WS}*(?:{p['scale']})){{0,4}}{_WS}+)?"
            rf"(?:[\p{{L}}\p{{M}}]+{_WS}+)?(?P<noun>{_alt(q['money_nouns']['forms'])}){RB}", _I),
        labels=cache.compile(rf"{LB}(?:{_alt(q['labels']['forms'])})[ \t]*[-:]?[ \t]*\Z", _I),
        not_after=cache.compile(rf"{_WS}*(?:{_alt(q['not_after']['forms'])}){RB}", _I),
        months_before=cache.compile(rf"{LB}(?:{_alt(q['not_after']['months_before'])})[ \t,.]*\Z", _I),
        word_re=cache.compile(r"[ \t]{1,8}([\p{L}\p{M}][\p{L}\p{M}\p{N}'’-]{0,40})"),
        stop=frozenset(_forms(q["stopwords"]["forms"])),
        postpositions=frozenset(_forms(q["postpositions"]["forms"])),
        stop_suffixes=tuple(_forms(q["subject"]["stop_suffixes"])),
        article_before=cache.compile(rf"{LB}(?:{_alt(q['indefinite']['article'])})[ \t]+\Z", _I),
        indefinite=frozenset(_forms(q["indefinite"]["forms"])),
        hyphen_scale=cache.compile(rf"\d-(?:{p['scale']})\Z", _I),
        hyphen_count=cache.compile(
            rf"-?{_WS}*(?:{_alt(q['money_nouns'].get('hyphen_not_before', []))}){RB}", _I),
        scale_re=cache.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{p['scale']}){RB}", _I),
        multiples_re=cache.compile(rf"{LB}(?:{_alt(mult)}){RB}", _I),
        multiples=mult,
        change_from=cache.compile(
            rf"{LB}(?:{_alt(rng['change_before'])})(?:[ \t]+[\p{{L}}\p{{M}}'’-]{{1,20}}){{0,3}}"
            rf"[ \t]+(?:{_alt(rng['change_from'])})[ \t]+(?:(?:{_alt(q['approx']['before'])})[ \t]+)?\Z", _I),
        # "from" right before an amount, or before a hedge and an amount ("went from about 20 to 30"), and the words
        # that keep it a range ("ranging from")
        bare_from=cache.compile(
            rf"{LB}(?:{_alt(rng['change_from'])})[ \t]+(?:(?:{_alt(q['approx']['before'])})[ \t]+)?\Z", _I),
        range_from=cache.compile(rf"{LB}(?:{_alt(rng['range_from'])})[ \t]+(?:{_alt(rng['change_from'])})[ \t]+"
                                 rf"(?:(?:{_alt(q['approx']['before'])})[ \t]+)?\Z", _I),
        change_after=cache.compile(rf"[ \t]*(?:{_alt(rng['change_after'])}){RB}", _I),
        change_sep=frozenset(_forms(rng["change_sep"])),
        changed_before=cache.compile(rf"{LB}(?:{_alt(rng['changed_before'])})[ \t]+\Z", _I),
        worth_before=cache.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?:{p['scale']}|{_alt(f for cur in q['currencies'].values() for f in cur['after'])})"
            rf"[ \t]+(?:{_alt(q['money_nouns']['worth_linkers'])})[ \t]+\Z", _I),
        unit_names=dict(q.get("unit_names", {})),
        share_after=cache.compile(rf"{_WS}+(?:{_alt(q['fraction_share']['after'])}){RB}", _I),
        elision=cache.compile(
            rf"{_WS}*(?:{_alt(rng['elision'])}){_WS}+(?:[\p{{L}}\p{{M}}]+{_WS}+)?", _I),
        bound_join=cache.compile(rf"{_WS}*(?:(?:{_alt(rng['bound_aux'])}){_WS}*)?(?:{_alt(rng['bound_joiners'])})?{_WS}*", _I),
        aux_end=cache.compile(rf"(?:(?:{_alt(rng['bound_aux'])}){RB}|:)[ \t]*\Z", _I),
    )


_DIGIT_START = cache.compile(r"(?<!\d)\d|\.(?=\d)")


def number_starts(t: str, lx: Lex) -> list[int]:
    """Every offset where ``lx.num_re`` can begin, in order (a superset): the regex engine tries its long
    alternations only there instead of at every position of the text."""
    found = set(run_starts(t, lx.num_first))
    found.update(m.start() for m in _DIGIT_START.finditer(t))
    found.update(run_inner_starts(t, lx.cur_tails))
    starts = sorted(found)
    seqs = qranges.sequences(t, lx)
    return qranges.outside(starts, seqs) if seqs else starts


def number_search(t: str, lx: Lex):
    """A function ``pos -> lx.num_re.search(t, pos)`` for non-decreasing ``pos``, trying the pattern only at
    :func:`number_starts` (the same matches, without the engine scanning every position)."""
    return searcher(lx.num_re, t, None if "" in lx.num_first else number_starts(t, lx))
