"""Grammar words live in the data files, not in the finders' code: the words moved out of code (teaser phrases,
ordinal day suffixes, case markers, range connectors) still act, and no new word literal creeps back into a
finder's code without being listed here with its reason."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

import claimcheck
from claimcheck.find import lexicon

FIND = Path(claimcheck.__file__).parent / "find"
_WORD = re.compile(r"[\u0900-\u0963\u0966-\u097F]+")  # Devanagari letters and marks, not the danda

# Words still in code, each with why it is not grammar data (yet).
STILL_IN_CODE = {
    ("officeholders/finder.py", "मंत्रि"): "a stem (मंत्रिमंडल) that is not a head ending in मंत्री",
    ("officeholders/names.py", "ों"): "oblique plural suffix: a plural noun is no name",
    ("officeholders/names.py", "ओं"): "oblique plural suffix",
    ("officeholders/titles.py", "डॉ"): "honorifics written with a dot inside the tokeniser",
    ("officeholders/titles.py", "डा"): "honorifics written with a dot inside the tokeniser",
    ("officeholders/titles.py", "प्रो"): "honorifics written with a dot inside the tokeniser",
    ("quantities/finder.py", "ों"): "oblique plural suffix of a counted noun",
    ("quantities/finder.py", "ओं"): "oblique plural suffix of a counted noun",
    ("quantities/finder.py", "से"): "the bare 'since' qualifier, told apart from its longer forms",
    ("quantities/finder.py", "तक"): "the bare 'up to' qualifier, told apart from its longer forms",
    ("rankings.py", "है"): "copula after a ranking phrase (measures.toml is being reworked for generic topics)",
    ("rankings.py", "हैं"): "copula after a ranking phrase",
    ("rankings.py", "बना"): "copula after a ranking phrase",
    ("rankings.py", "बन"): "copula after a ranking phrase",
    ("rankings.py", "गया"): "copula after a ranking phrase",
}


def code_words() -> set[tuple[str, str]]:
    """(file under find/, Devanagari word) for every string literal in code that is not a docstring."""
    found = set()
    for path in sorted(FIND.rglob("*.py")):
        toks = list(tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline))
        for i, t in enumerate(toks):
            if t.type != tokenize.STRING:
                continue
            before = toks[i - 1].type if i else tokenize.NEWLINE
            after = toks[i + 1].type if i + 1 < len(toks) else tokenize.NEWLINE
            if before in (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT) and \
                    after == tokenize.NEWLINE:
                continue  # a docstring
            for w in _WORD.findall(t.string):
                found.add((path.relative_to(FIND).as_posix(), w))
    return found


def test_no_grammar_word_in_finder_code_beyond_the_listed_ones():
    assert code_words() == set(STILL_IN_CODE)


def test_moved_words_are_in_the_data_files():
    dates, quantities, titles = (lexicon.load(n) for n in ("dates", "quantities", "titles"))
    assert "इसे भी पढ़िए" in dates["teaser"]["forms"] and "also read" in dates["teaser"]["forms"]
    assert set(dates["ordinals"]["day_suffix"]["en"]) == {"st", "nd", "rd", "th"}
    assert "से लेकर" in quantities["ranges"]["with_units"]
    assert set(titles["postpositions"]["genitive"]) == {"के", "की", "का"}


def extract(text):
    return claimcheck.extract(text, as_of="2024-08-30")


@pytest.mark.parametrize("line,teaser", [
    ("इसे भी पढ़िए: 7 सितंबर को मेला लगेगा।", True),
    ("यह भी पढ़ें - 7 सितंबर को मेला", True),
    ("ALSO  READ: fair on 7 September", True),
    ("ये भी पढ़ेंगे 7 सितंबर को", False),  # a verb, not the teaser phrase
    ("Also reading: 7 September", False),
])
def test_teaser_lines_from_the_data(line, teaser):
    dates = [c for c in extract("बाजार 2 अगस्त को खुला।\n" + line) if c.kind == "date"]
    assert [c.outside_body for c in dates] == [False, teaser]


def test_ordinal_day_suffixes_from_the_data():
    assert [c.value for c in extract("The fair opens on 21st August 2024.")] == ["2024-08-21"]
    century = extract("यह 20वीं सदी की बात है।")[0]
    assert (century.low, century.high, century.subtype) == ("1901", "2000", "century")


def test_range_connector_with_units_from_the_data():
    one = extract("लागत 5 करोड़ रुपये से लेकर 7 करोड़ रुपये तक है।")
    assert [(c.low, c.high) for c in one] == [(50_000_000, 70_000_000)]
    two = extract("लागत 5 करोड़ रुपये या 7 करोड़ रुपये है।")
    assert [c.value for c in two] == [50_000_000, 70_000_000]


def test_genitive_markers_from_the_data():
    assert [c.text for c in extract("इनवेस्ट यूपी के सीईओ अभिषेक प्रकाश ने कहा।")] == ["सीईओ अभिषेक प्रकाश"]
    decade = extract("यह 1990 के दशक की बात है।")[0]
    assert (decade.low, decade.high) == ("1990", "1999")
