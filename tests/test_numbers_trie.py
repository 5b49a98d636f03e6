"""The shared prefix-trie alternation (claimcheck.find.lexicon.trie) that the number, unit, region and date patterns use."""

from __future__ import annotations

import inspect

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.find.dates import lexicon as dates_lexicon
from claimcheck.find import lexicon
from claimcheck.find import numbers
from claimcheck.find.quantities import finder as quantities
from claimcheck.find.quantities import context as quantity_context
from claimcheck.find import regions
from claimcheck.find import units

_words = st.lists(st.text(alphabet="abकखा्ं.-", min_size=0, max_size=5), max_size=12)


@settings(max_examples=200, deadline=None)
@given(_words, st.text(alphabet="abकखा्ं.-", max_size=6))
def test_trie_matches_the_same_words_as_a_longest_first_alternation(words, probe):
    t = regex.compile(rf"(?:{lexicon.trie(words)})")
    a = regex.compile(rf"(?:{lexicon.alternation(words, fold_words=False) or '(?!)'})")
    assert bool(t.fullmatch(probe)) == bool(a.fullmatch(probe))
    # and the longest word wins at a position, as in the alternation
    ma, mt = a.match(probe), t.match(probe)
    assert (ma and ma.group()) == (mt and mt.group())


def test_trie_factors_common_prefixes():
    assert lexicon.trie(["ab", "abc", "ad"]) == "a(?:b(?:c)?|d)"
    assert lexicon.trie(["x.y"]) == r"x\.y"


def test_trie_of_nothing_matches_nothing():
    assert regex.compile(lexicon.trie([])).search("anything") is None
    assert regex.compile(lexicon.trie(["", ""])).search("anything") is None


def test_one_trie_builder_shared_by_every_pattern_module():
    # the builder lives in lexicon only: no module keeps a private copy of it
    for mod in (numbers, dates_lexicon, quantities, quantity_context, regions, units):
        src = inspect.getsource(mod)
        assert "setdefault(ch" not in src, mod.__name__
    assert "lexicon.trie(" in inspect.getsource(numbers)
