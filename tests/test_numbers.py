"""The hand-written number grammar (claimcheck.find.numbers): words, scales, compounds, fractions, round trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.find.numbers import parse_number, read, word_value
from claimcheck.read.text import fold_string


@pytest.mark.parametrize(
    "word, value",
    [
        ("पच्चीस", 25), ("पचीस", 25), ("छियानवे", 96), ("छियान्नबे", 96), ("छियानबे", 96), ("पन्द्रह", 15),
        ("पंद्रह", 15), ("अड़तीस", 38), ("पाँच", 5), ("पांच", 5), ("छः", 6), ("निन्यानवे", 99), ("शून्य", 0),
        ("twenty-one", 21), ("twenty one", 21), ("Seven", 7), ("ninety", 90),
    ],
)
def test_word_value_reads_spelling_variants(word, value):
    assert word_value(fold_string(word)) == value


@pytest.mark.parametrize("word", ["लाख", "सौ", "कंपनी", "एकता", "", "hundred", "twenty-ten"])
def test_word_value_rejects_non_number_words(word):
    assert word_value(fold_string(word)) is None


@pytest.mark.parametrize(
    "text, value",
    [
        ("1.2 लाख करोड़", 1.2e12),
        ("20 लाख करोड़", 2e13),
        ("एक लाख 64 हजार आठ सौ 82 करोड़", 164882e7),
        ("7 लाख 36 हजार 437 करोड़ 71 लाख", 7364377100000),
        ("08 लाख 08 हजार 736 करोड़", 808736e7),
        ("53 हजार 5 करोड़", 53005e7),
        ("तेरह लाख चालीस हजार करोड़", 134e11),
        ("दो लाख 90 हजार 401", 290401),
        ("एक करोड़ 40 लाख", 14e6),
        ("12,34,567", 1234567),
        ("1,234,567", 1234567),
        ("१२,३४,५६७", 1234567),
        ("8,08,736.06", 808736.06),
        ("0042", 42),
        ("साढ़े 24 हजार", 24500),
        ("साढे बारह", 12.5),
        ("सवा सौ", 125),
        ("सवा नौ लाख", 925000),
        ("पौने दो लाख", 175000),
        ("डेढ़ करोड़", 15e6),
        ("ढ़ाई लाख", 250000),
        ("ढाई", 2.5),
        ("आधा दर्जन", 6),
        ("एक सौ पच्चीस", 125),
        ("दो हजार और दो सौ", 2200),
        ("दो तिहाई", 2 / 3),
        ("पांच बटा आठ", 0.625),
        ("माइनस पांच दशमलव पांच", -5.5),
        ("two crore", 2e7),
        ("eight crore", 8e7),
        ("twenty-one thousand", 21000),
        ("1.5 billion", 1.5e9),
        ("Rs", None),
        ("20.51crore", 205100000),
        ("वन ट्रिलियन", 1e12),
        ("40 हज़ार करोड़", 4e11),
        ("5,000 करोड", 5e10),
    ],
)
def test_parse_number(text, value):
    got = parse_number(text)
    if value is None:
        assert got is None
    else:
        assert got == pytest.approx(value, rel=1e-9)


@pytest.mark.parametrize("text", ["कंपनी", "एक कंपनी", "लाख कोशिशें", "दो सौ और दो हजार", "5 करोड़ 2020", "अरब देश", ""])
def test_parse_number_needs_the_whole_text_to_be_one_number(text):
    assert parse_number(text) is None


def test_read_stops_where_the_number_stops():
    f = fold_string("5 करोड़ 2020 में")
    value, end = read(f)
    assert value == 5e7 and f[:end] == fold_string("5 करोड़")
    f = fold_string("तीन चार दशकों")
    value, end = read(f)
    assert value == 3 and f[:end] == "तीन"


# ---------------------------------------------------------------------------------------- round trips


def indian_grouping(n: int) -> str:
    s = str(n)
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return ",".join(groups + [tail])


def western_grouping(n: int) -> str:
    return f"{n:,}"


def devanagari_digits(s: str) -> str:
    return s.translate({ord("0") + i: 0x0966 + i for i in range(10)})


def hindi_words(n: int) -> str:
    """n in Hindi words via indic-numtowords; above 10^9 (where it spells digit by digit) as "X करोड़ Y"."""
    from indic_numtowords import num2words

    if n < 10**9:
        return num2words(str(n), lang="hi")
    crores, rest = divmod(n, 10**7)
    words = f"{num2words(str(crores), lang='hi')} करोड़"
    return f"{words} {num2words(str(rest), lang='hi')}" if rest else words


NUMBERS = st.integers(min_value=0, max_value=10**13 - 1)


def test_indian_grouping_helper():
    assert indian_grouping(1234567) == "12,34,567"
    assert indian_grouping(100) == "100"
    assert indian_grouping(10**12) == "10,00,00,00,00,000"


@settings(max_examples=300, deadline=None)
@given(NUMBERS)
def test_indian_grouped_digits_round_trip(n):
    assert parse_number(indian_grouping(n)) == n


@settings(max_examples=200, deadline=None)
@given(NUMBERS)
def test_western_grouped_digits_round_trip(n):
    assert parse_number(western_grouping(n)) == n


@settings(max_examples=200, deadline=None)
@given(NUMBERS)
def test_devanagari_digits_round_trip(n):
    assert parse_number(devanagari_digits(indian_grouping(n))) == n
    assert parse_number(devanagari_digits(str(n))) == n


@settings(max_examples=400, deadline=None)
@given(NUMBERS)
def test_hindi_words_round_trip(n):
    pytest.importorskip("indic_numtowords")
    assert parse_number(hindi_words(n)) == n


@pytest.mark.parametrize("n", [0, 6, 18, 44, 53, 63, 66, 67, 79, 87, 96, 99, 100, 101, 999, 10**5, 10**7, 10**9,
                               10**12, 10**13 - 1])
def test_hindi_words_edges(n):
    pytest.importorskip("indic_numtowords")
    assert parse_number(hindi_words(n)) == n


@pytest.mark.parametrize("n", range(100))
def test_every_hindi_word_below_a_hundred_with_its_variants(n):
    pytest.importorskip("indic_numtowords")
    from indic_numtowords import num2words

    for form in set(num2words(str(n), lang="hi", variations=True)):
        assert word_value(fold_string(form)) == n, form


def test_digits_python_cannot_read_are_no_claim():
    """Found by the fuzz run: the regex module's newer Unicode tables call these digits; float() does not."""
    import claimcheck

    for ch in ("\U00011f58", "\U00016d70", "\U0001e4f5"):
        assert [c for c in claimcheck.extract(f"कुल {ch} लाख इकाइयां") if c.kind == "quantity"] == []
        claimcheck.check(ch, as_of="2024-01-01")  # and no crash


@pytest.mark.parametrize("text, value", [
    ("छह हजार इकतीस करोड़, बयासी लाख", 6031e7 + 82e5),
    ("two and a half lakh", 250000),
    ("four and a half", 4.5),
    ("5.32,655.33", 532655.33),
    ("1.23,456", 123456),
])
def test_groups_joined_by_commas_halves_and_dotted_groups(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["दस करोड़, बीस करोड़", "पांच करोड़, 20 लाख", "31.03.2023"])
def test_what_does_not_join(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text, value", [
    ("14 हजार 500 सौ", 14500),  # in a compound, whole hundreds then सौ repeat the hundreds
    ("2 लाख 300 सौ", 200300),
    ("322 सौ", 32200),  # alone, सौ multiplies
    ("पांच सौ", 500),
])
def test_a_hundreds_word_after_hundreds(text, value):
    assert parse_number(text) == value
