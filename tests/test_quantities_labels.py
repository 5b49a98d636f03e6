"""Numbers that are labels, rate bases or counts after a copula (claimcheck.find.quantities.context.label_of, rate_base,
copula_subject and their use in claimcheck.find.quantities.finder): phone numbers written in groups, numbered things and the
lists after them, the base of a rate, and "of which N crore are <noun>".

Sentences here are written for these tests (not taken from the corpus, the blind sets or any article).
"""

from __future__ import annotations

import pytest

from test_quantities import find  # the finder's test helper, shared


def surfaces(text: str) -> list[str]:
    return [c.text for c in find(text)]


# (sentence, the claims that must be found, as surfaces)
PHONES = [
    ("अधिक जानकारी के लिए मोबाइल 98390 54321 पर संपर्क करें।", []),
    ("शिकायत के लिए हेल्पलाइन 1800 180 5566 या फोन 0512-2334455 पर कॉल करें।", []),
    ("Call the helpline at 1800-425-1234 or phone 98765 43210 for details.", []),
    ("फोन नंबर 98765-43210 पर 500 शिकायतें आईं।", ["500"]),
    ("दूरभाष: 0522 2287654, बैठक में 40 उद्यमी आए।", ["40"]),
    ("Contact: +91 94501 23456. The fair drew 12,000 visitors.", ["12,000"]),
    # a ten-digit mobile number written 5 + 5 with no word before it
    ("इच्छुक अभ्यर्थी 94150 12345 पर बात कर सकते हैं।", []),
]


@pytest.mark.parametrize("text, want", PHONES)
def test_phone_numbers_in_groups_are_not_quantities(text, want):
    assert surfaces(text) == want


LISTS = [
    ("कक्षा एक से पांच तक के 300 स्कूलों में किताबें बांटी गईं।", ["300"]),
    ("Students of class six to eight got 2 lakh bicycles.", ["2 lakh"]),
    ("class eight students will get tablets.", []),
    ("कक्षा 9 से 12 तक के छात्र परीक्षा देंगे।", []),
    ("Water supply was cut in Sectors 12, 14 and 15 of Noida.", []),
    ("वार्ड 3, 4 और 7 में 1,200 घरों को पानी मिला।", ["1,200"]),
    ("The work in Phases 2 and 3 will cost 400 crore.", ["400 crore"]),
    ("खंड 2 और 3 में 50 दुकानें खुलीं।", ["50"]),
    ("Blocks 4, 5 and 6 have 120 flats.", ["120"]),
    ("सेक्टरों 10 व 11 में 35 नए पार्क बने।", ["35"]),
    ("वार्ड नंबर 12 और 13 में 400 घर हैं।", ["400"]),
    ("Ward Nos. 5 and 6 got 30 new lights.", ["30"]),
    ("Work on Phase-2 and 3 has begun.", []),
    ("Classes 6 to 8 will reopen.", []),
]


@pytest.mark.parametrize("text, want", LISTS)
def test_numbered_labels_and_their_lists_are_not_quantities(text, want):
    assert surfaces(text) == want


# the same numbers are counts where no label word numbers them
COUNTS = [
    ("राज्य में 12, 14 और 15 साल की उम्र के बच्चे", ["12", "14", "15 साल"]),
    ("The district has 8 blocks, 9 tehsils and 10 towns.", ["8", "9", "10"]),
    ("योजना में पांच से आठ लाख परिवार शामिल होंगे।", ["पांच से आठ लाख"]),
    ("कक्षा 10 में इस साल 25 लाख छात्र बैठे।", ["25 लाख"]),
]


@pytest.mark.parametrize("text, want", COUNTS)
def test_numbers_without_a_label_word_are_still_found(text, want):
    assert surfaces(text) == want


RATES = [
    ("शिशु मृत्यु दर 38 प्रति 1,000 जीवित जन्म है।", "38"),
    ("The maternal mortality ratio fell to 97 per 1,00,000 live births.", "97"),
    ("प्रति 10 लाख आबादी पर 45 डॉक्टर हैं।", "45"),
    ("The sex ratio is 912 females for every 1,000 males.", "912"),
    ("अपराध दर 12 प्रति लाख आबादी रही।", "12"),
    ("हर 1000 पुरुषों पर 912 महिलाएं हैं।", "912"),
    ("प्रति एक लाख आबादी पर 20 बिस्तर हैं।", "20"),
]


@pytest.mark.parametrize("text, rate", RATES)
def test_the_base_of_a_rate_is_not_a_quantity(text, rate):
    assert surfaces(text) == [rate]


def test_a_price_per_unit_keeps_its_amount():
    assert surfaces("बीज 40 रुपये प्रति किलो की दर से बिका।") == ["40 रुपये"]


COPULA = [
    ("The state has 4.2 crore registered units, of which 1.8 crore are small shops run by women.", "1.8 crore",
     "small shops"),
    ("Out of 9 crore farmers, 3 crore are tenant farmers.", "3 crore", "tenant farmers"),
    ("Of 6 crore firms on the portal, 2.5 crore are informal micro enterprises.", "2.5 crore",
     "informal micro enterprises"),
]


@pytest.mark.parametrize("text, surface, subject", COPULA)
def test_a_plural_copula_and_a_noun_make_a_crore_sized_amount_a_count(text, surface, subject):
    (c,) = [c for c in find(text, "en") if c.text == surface]
    assert (c.kind, c.unit, c.subject) == ("quantity", "units", subject)


@pytest.mark.parametrize("text", [
    "Of the Rs 10,000 crore package, 2,000 crore are earmarked for roads.",
    "Of the 10,000 crore, 2,000 crore are grants to MSMEs.",
    "The dues total 5,000 crore; 3,000 crore are still pending.",
])
def test_a_copula_before_no_noun_or_a_money_noun_leaves_money(text):
    (c,) = [c for c in find(text, "en") if c.text == "2,000 crore" or c.text == "3,000 crore"]
    assert (c.kind, c.unit) == ("money", "INR")


def test_a_duration_after_every_stays_a_duration():
    (c,) = find("The rules are reviewed every five years.", "en")
    assert (c.kind, c.text, c.value) == ("duration", "five years", 5)


@pytest.mark.parametrize("text, want", [
    ("The team will contact 500 farmers this week.", ["500"]),
    ("मोबाइल 500 लोगों ने खरीदे।", ["500"]),
    ("हेल्पलाइन 1076 पर 300 शिकायतें आईं।", ["300"]),
    ("संपर्क नंबर 2287654 है।", []),
])
def test_after_a_phone_word_a_short_number_with_a_counted_noun_is_a_count(text, want):
    assert surfaces(text) == want
