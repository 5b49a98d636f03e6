"""Context that decides what a bare number is (claimcheck.find.quantities.context and its use in claimcheck.find.quantities.finder):
money from a governing noun or a coordinated currency, counts named before the number, inline list markers, age
bands, currencies on both ends of a range, and the implicit_unit / orig_value / orig_unit fields.

Sentences here are written for these tests (not taken from the corpus, the blind set or any article).
"""

from __future__ import annotations

import pytest
from test_quantities import find, one  # the finder's test helpers, shared




# (sentence, surface, low-or-value, high) — money in INR with the currency supplied from context
IMPLICIT_MONEY = [
    ("राज्य का कुल बजट इस बार नौ लाख करोड़ के पार चला गया।", "नौ लाख करोड़", 9e12, None),
    ("मंत्री ने 275 करोड़ की 31 परियोजनाओं का शिलान्यास किया।", "275 करोड़", 2.75e9, None),
    ("60 हजार से कम लागत वाले उपकरण भी शामिल होंगे।", "60 हजार", None, 6e4),
    ("जिले के हस्तशिल्प का टर्नओवर 300 से 450 करोड़ के बीच आंका गया।", "300 से 450 करोड़", 3e9, 4.5e9),
    ("सीमा तीन करोड़ से बढ़ाकर आठ करोड़ रुपये कर दी गई।", "तीन करोड़", 3e7, None),
    ("500 से 700 करोड़ का कारोबार होने की उम्मीद है।", "500 से 700 करोड़", 5e9, 7e9),
    ("परियोजना की लागत करीब 1,800 करोड़ है।", "1,800 करोड़", 1.8e10, None),
    ("उनका मासिक वेतन 65 हजार है।", "65 हजार", 6.5e4, None),
]


@pytest.mark.parametrize("text, surface, value, high", IMPLICIT_MONEY)
def test_money_from_context_is_inr_with_implicit_unit(text, surface, value, high):
    c = one(text, surface)
    assert (c.kind, c.unit, c.implicit_unit) == ("money", "INR", True)
    got = c.value if c.value is not None else c.low
    if value is not None:
        assert got == pytest.approx(value)
    if high is not None:
        assert c.high == pytest.approx(high)


@pytest.mark.parametrize("text, surface", [
    ("The total outlay of the mission is 2,400 crore.", "2,400 crore"),
    ("Annual turnover of the cluster stood at 900 crore.", "900 crore"),
])
def test_english_money_nouns_govern_an_amount(text, surface):
    c = [c for c in find(text, "en") if c.text == surface][0]
    assert (c.kind, c.unit, c.implicit_unit) == ("money", "INR", True)


@pytest.mark.parametrize("text, surface", [
    ("The ministry spent 750 crore on new clusters.", "750 crore"),
    ("Rs 120 crore was sanctioned and 80 crore released.", "80 crore"),
])
def test_verbs_of_spending_and_a_crore_sum_with_nothing_counted_are_money(text, surface):
    c = [c for c in find(text, "en") if c.text == surface][0]
    assert (c.kind, c.unit, c.implicit_unit) == ("money", "INR", True)


def test_a_crore_sum_past_its_bound_with_nothing_counted_is_money():
    c = one("यह आंकड़ा 20 हजार करोड़ के पार पहुंच गया।", "20 हजार करोड़")
    assert (c.kind, c.low, c.implicit_unit) == ("money", 2e11, True)


@pytest.mark.parametrize("text, surface", [
    ("The bank sanctioned 3 lakh loans this year.", "3 lakh"),
    ("They lifted 4 crore people out of poverty.", "4 crore"),
])
def test_english_counts_stay_counts(text, surface):
    c = [c for c in find(text, "en") if c.text == surface][0]
    assert c.kind == "quantity"


def test_a_currency_passes_along_a_list_of_amounts_in_both_directions():
    got = [(c.text, c.kind, c.implicit_unit) for c in find("चार करोड़, छह करोड़ और 9 करोड़ रुपये दिए गए।")]
    assert got == [("चार करोड़", "money", True), ("छह करोड़", "money", True), ("9 करोड़ रुपये", "money", False)]
    got = [(c.text, c.kind) for c in find("Rs 4 crore, 6 crore and 9 crore were paid out.", "en")]
    assert got == [("Rs 4 crore", "money"), ("6 crore", "money"), ("9 crore", "money")]
    got = [(c.text, c.kind) for c in find("Rs 4 crore for 6 crore people.", "en")]
    assert got == [("Rs 4 crore", "money"), ("6 crore", "quantity")]


def test_a_written_currency_is_not_implicit():
    c = one("सीमा तीन करोड़ से बढ़ाकर आठ करोड़ रुपये कर दी गई।", "आठ करोड़ रुपये")
    assert c.kind == "money" and not c.implicit_unit


# counts of people, units and things stay counts even next to a money noun
COUNTS = [
    ("बजट में 40 हजार नए शिक्षकों की भर्ती का प्रावधान है।", "40 हजार"),
    ("निवेश से तीन लाख युवाओं को रोजगार मिलेगा।", "तीन लाख"),
    ("18000 करोड़ के 42 लाख ऋण स्वीकृत हुए।", "42 लाख"),
    ("दो लाख परियोजनाओं को मंजूरी मिली।", "दो लाख"),
    ("जिले की आबादी 40 लाख है।", "40 लाख"),
]


@pytest.mark.parametrize("text, surface", COUNTS)
def test_counts_are_not_money(text, surface):
    c = one(text, surface)
    assert c.kind == "quantity" and c.unit == "units"


def test_a_count_named_before_the_number_is_a_count_with_that_subject():
    text = "The number of artisans enrolled under the scheme has crossed 2 crore."
    c = [c for c in find(text, "en") if c.text == "2 crore"][0]
    assert (c.kind, c.low, c.qualifier, c.subject) == ("quantity", 2e7, "more_than", "artisans")
    c = one("पोर्टल पर पंजीकृत कारीगरों की संख्या 3 करोड़ के पार पहुंच गई है।", "3 करोड़")
    assert (c.kind, c.low, c.subject) == ("quantity", 3e7, "पंजीकृत कारीगरों")


def test_currency_on_both_ends_or_before_the_first_end_makes_one_range():
    c = [c for c in find("Exports are put at Rs 2,500-3,000 crore a year.", "en") if c.kind == "money"]
    assert [(x.text, x.low, x.high, x.unit) for x in c] == [("Rs 2,500-3,000 crore", 2.5e10, 3e10, "INR")]
    c = one("₹3 लाख से ₹8 लाख तक का ऋण मिलेगा।", "₹3 लाख से ₹8 लाख")
    assert (c.kind, c.low, c.high) == ("money", 3e5, 8e5)
    c = [c for c in find("Loans range from Rs 10 lakh to Rs 2 crore.", "en") if c.kind == "money"]
    assert [(x.low, x.high) for x in c] == [(1e6, 2e7)]


def test_a_change_from_one_amount_to_another_is_two_amounts():
    got = [(c.text, c.value) for c in find("The cap was raised from Rs 3 crore to Rs 7 crore.", "en")]
    assert got == [("Rs 3 crore", 3e7), ("Rs 7 crore", 7e7)]
    got = [(c.kind, c.value, c.implicit_unit) for c in find("The share rose from 4 to 6 per cent.", "en")]
    assert got == [("percent", 4, True), ("percent", 6, False)]


def test_a_span_of_labels_is_not_a_range_claim():
    assert find("कक्षा 9-12 के छात्रों को छात्रवृत्ति मिलेगी।") == []
    assert [c.low for c in find("इस बार 9-12 छात्र चुने गए।")] == [9]


@pytest.mark.parametrize("text", [
    "पोर्टल पर 1. पंजीकरण 2. सत्यापन 3. प्रमाणपत्र की सुविधा है।",
    "Steps: 1. register 2. verify 3. download the certificate.",
    "प्रक्रिया: 1) आवेदन 2) जांच 3) स्वीकृति।",
])
def test_inline_list_markers_are_not_claims(text):
    assert find(text, "en" if text.isascii() else "hi") == []


def test_a_lone_number_before_a_full_stop_is_still_a_claim():
    assert [c.value for c in find("इस साल कुल इकाइयां बढ़कर 12. नई इकाइयां भी आईं।")] == [12]


def test_age_bands_without_a_unit_near_an_age_word():
    cs = find("30 प्रतिशत 18-30, 45 प्रतिशत 30-50 और बाकी 50 साल से अधिक उम्र के लोग हैं।")
    bands = [(c.text, c.kind, c.subtype, c.low, c.high, c.implicit_unit) for c in cs if c.subtype == "age"]
    assert bands == [("18-30", "duration", "age", 18, 30, True), ("30-50", "duration", "age", 30, 50, True),
                     ("50 साल", "duration", "age", 50, None, False)]  # an age word after a duration: an age too


def test_a_bare_range_with_no_age_word_or_with_a_counted_noun_is_no_age():
    assert [c.subtype for c in find("योजना 5 साल की अवधि के लिए है।")] == [None]
    assert all(c.kind == "quantity" for c in find("20-25 लोगों की उम्र पूछी गई।"))
    assert all(c.subtype != "age" for c in find("इस साल 20-40 इकाइयां बंद हुईं।"))


def test_a_hedge_before_an_article_and_a_scale_word():
    c = [c for c in find("Nearly a lakh weavers attended the fair.", "en") if c.kind == "quantity"][0]
    assert (c.value, c.approx) == (1e5, True)


@pytest.mark.parametrize("text, orig_value, orig_unit, years", [
    ("काम तीन महीने में पूरा होगा।", 3, "month", 0.25),
    ("यह बदलाव दो दशकों में आया।", 2, "decade", 20),
    ("प्रशिक्षण 15 दिन चलेगा।", 15, "day", round(15 / 365, 6)),
])
def test_durations_keep_the_stated_amount_and_unit(text, orig_value, orig_unit, years):
    c = [c for c in find(text) if c.kind == "duration"][0]
    assert (c.orig_value, c.orig_unit, c.unit) == (orig_value, orig_unit, "year")
    assert c.value == pytest.approx(years)


def test_context_look_arounds_find_the_same_claims_in_every_repetition():
    """The same figures in every repetition of a sentence (how the time grows with it: benchmarks/growth.py)."""
    unit = "बजट में कुल 1. आवेदन 2. भुगतान संख्या 5 करोड़ के पार 20-40 उम्र "
    once = [(c.kind, c.text, c.value) for c in find(unit)]
    assert once and [(c.kind, c.text, c.value) for c in find(unit * 200)] == once * 200
