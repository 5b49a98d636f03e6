"""The numeric-claim finder (claimcheck.find.quantities.finder): should-find / should-not-find, Hindi and English.

Sentences here are written for these tests (not taken from the corpus or any article).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.find.quantities import finder as quantities
from claimcheck.find.claims import Context
from claimcheck.model import Document
from claimcheck.read.text import fold

KINDS = ("quantity", "money", "percent", "duration")


def find(text: str, lang: str = "hi"):
    doc = Document(id="t", text=text, date=dt.date(2024, 8, 30), lang=lang)
    ctx = Context(doc=doc, folded=fold(text), anchor=doc.date, lang=lang)
    return quantities.find(ctx)


def one(text: str, surface: str):
    hits = [c for c in find(text) if c.text == surface]
    assert len(hits) == 1, [(c.kind, c.text) for c in find(text)]
    return hits[0]


# (sentence, surface, kind, value, low, high, unit)
SHOULD_FIND = [
    ("इस साल बजट 6,90,242 करोड़ रुपये का है।", "6,90,242 करोड़ रुपये", "money", 690242e7, None, None, "INR"),
    ("सरकार ने 1.2 लाख करोड़ रुपए खर्च किए।", "1.2 लाख करोड़ रुपए", "money", 1.2e12, None, None, "INR"),
    ("कुल 3 लाख 12 हजार 500 करोड़ रुपये मिले।", "3 लाख 12 हजार 500 करोड़ रुपये", "money", 312500e7, None, None, "INR"),
    ("सड़क पर ₹ 450 करोड़ लगेंगे।", "₹ 450 करोड़", "money", 450e7, None, None, "INR"),
    ("उन्हें 40 अरब डॉलर का ऑर्डर मिला।", "40 अरब डॉलर", "money", 4e10, None, None, "USD"),
    ("नई सड़क 210 करोड़ की लागत से बनेगी।", "210 करोड़", "money", 210e7, None, None, "INR"),
    ("मदद के लिए 12 से 15 हजार रुपये दिए जाएंगे।", "12 से 15 हजार रुपये", "money", None, 12000, 15000, "INR"),
    ("निवेश 70-80 करोड़ डॉलर रहा।", "70-80 करोड़ डॉलर", "money", None, 7e8, 8e8, "USD"),
    ("बिक्री में 12.5 फीसदी की बढ़त हुई।", "12.5 फीसदी", "percent", 12.5, None, None, "percent"),
    ("ब्याज दर साढ़े सात प्रतिशत है।", "साढ़े सात प्रतिशत", "percent", 7.5, None, None, "percent"),
    ("लक्ष्य का 85 % पूरा हुआ।", "85 %", "percent", 85, None, None, "percent"),
    ("बेरोजगारी 8-10 फ़ीसद रही।", "8-10 फ़ीसद", "percent", None, 8, 10, "percent"),
    ("जिले में 14 लाख पचास हजार किसान हैं।", "14 लाख पचास हजार", "quantity", 1450000, None, None, "units"),
    ("करीब 80 से 85 लाख छोटी इकाइयां चल रही हैं।", "80 से 85 लाख", "quantity", None, 8e6, 8.5e6, "units"),
    ("मेले में सात नए स्टॉल लगे।", "सात", "quantity", 7, None, None, "units"),
    ("गोदाम में 45 लाख टन गेहूं रखा है।", "45 लाख टन", "quantity", 4.5e6, None, None, "tonne"),
    ("नई लाइन 120 किलोमीटर लंबी है।", "120 किलोमीटर", "quantity", 120, None, None, "km"),
    ("संयंत्र 660 मेगावाट बिजली बनाएगा।", "660 मेगावाट", "quantity", 660, None, None, "MW"),
    ("उत्पादन ढाई गुना हो गया।", "ढाई गुना", "quantity", 2.5, None, None, "times"),
    ("यह काम दो साल में पूरा होगा।", "दो साल", "duration", 2, None, None, "year"),
    ("बैठक डेढ़ घंटे चली।", "डेढ़ घंटे", "duration", round(1.5 / 8760, 6), None, None, "year"),
    ("योजना पिछले दो-तीन दशकों से ठप थी।", "दो-तीन दशकों", "duration", None, 20, 30, "year"),
    ("मेला 21 दिन चलेगा।", "21 दिन", "duration", round(21 / 365, 6), None, None, "year"),
    ("उनके 72 वर्षीय पिता ने कहा।", "72 वर्षीय", "duration", 72, None, None, "year"),
    ("हजारों वर्षों से यह परंपरा चली आ रही है।", "हजारों वर्षों", "duration", None, 1000, None, "year"),
    ("योजना से लाखों लोगों को फायदा हुआ।", "लाखों", "quantity", None, 1e5, None, "units"),
    ("बाढ़ से हजारों करोड़ रुपये का नुकसान हुआ।", "हजारों करोड़ रुपये", "money", None, 1e10, None, "INR"),
    ("पुल 50 लाख की लागत से बना।", "50 लाख", "money", 5e6, None, None, "INR"),
    ("निर्यात 60 हजार करोड़ से बढ़कर 1.2 लाख करोड़ रुपये हुआ।", "60 हजार करोड़", "money", 6e11, None, None, "INR"),
    ("पहले दिन 4.1 और दूसरे दिन 4.6 दिन का औसत रहा।", "4.6 दिन", "duration", round(4.6 / 365, 6), None, None, "year"),
    ("दर 4 से बढ़ाकर 6 फीसदी की गई।", "4", "percent", 4, None, None, "percent"),
    ("कीमत 3 डॉलर 25 सेंट है।", "3 डॉलर 25 सेंट", "money", 3.25, None, None, "USD"),
    ("यह संख्या 40 से ज्यादा और 60 से कम है।", "40 से ज्यादा और 60", "quantity", None, 40, 60, "units"),
    ("इसके लिए 3,200 करोड़ का प्रावधान है।", "3,200 करोड़", "money", 32e9, None, None, "INR"),
    ("5 लाख करोड़ से अधिक के एमओयू हुए।", "5 लाख करोड़", "money", None, 5e12, None, "INR"),
]


@pytest.mark.parametrize("text, surface, kind, value, low, high, unit", SHOULD_FIND)
def test_should_find(text, surface, kind, value, low, high, unit):
    c = one(text, surface)
    assert c.kind == kind
    assert c.unit == unit
    for got, want in ((c.value, value), (c.low, low), (c.high, high)):
        if want is None:
            assert got is None
        else:
            assert got == pytest.approx(want, rel=1e-9)
    assert c.text == text[c.start:c.end]


EN_SHOULD_FIND = [
    ("The state got Rs 2,400 crore for roads.", "Rs 2,400 crore", "money", 24e9, "INR"),
    ("Exports rose by 7 per cent last quarter.", "7 per cent", "percent", 7, "percent"),
    ("It will cost US$ 3.5 million.", "US$ 3.5 million", "money", 3.5e6, "USD"),
    ("The scheme covers 2.75 lakh artisans.", "2.75 lakh", "quantity", 275000, "units"),
    ("Two crore families were covered.", "Two crore", "quantity", 2e7, "units"),
    ("The work took six months.", "six months", "duration", 0.5, "year"),
    ("A 400 km corridor was approved.", "400 km", "quantity", 400, "km"),
    ("a ₹1,500-crore expressway was cleared.", "₹1,500-crore", "money", 15e9, "INR"),
    ("Each unit got Rs5,000 as aid.", "Rs5,000", "money", 5000, "INR"),
    ("a 5-year plan was drafted.", "5-year", "duration", 5, "year"),
    ("Growth slipped to -1.8 per cent.", "-1.8 per cent", "percent", -1.8, "percent"),
    ("Floods hit a dozen districts.", "dozen", "quantity", 12, "units"),
]


@pytest.mark.parametrize("text, surface, kind, value, unit", EN_SHOULD_FIND)
def test_should_find_english(text, surface, kind, value, unit):
    c = one(text, surface)
    assert (c.kind, c.unit) == (kind, unit)
    assert c.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text, surface, approx, qualifier, low, high",
    [
        ("लगभग 300 करोड़ रुपये खर्च हुए।", "300 करोड़ रुपये", True, None, None, None),
        ("करीब 2 हजार से अधिक लोग आए।", "2 हजार", True, "more_than", 2000, None),
        ("500 से कम दुकानें खुलीं।", "500", False, "less_than", None, 500),
        ("कम से कम 40 गांव प्रभावित हुए।", "40", False, "at_least", 40, None),
        ("5 लाख रुपये तक का कर्ज मिलेगा।", "5 लाख रुपये", False, "up_to", None, 5e5),
        ("nearly 900 schools were shut.", "900", True, None, None, None),
        ("over 60 per cent voted.", "60 per cent", False, "more_than", 60, None),
    ],
)
def test_hedges_and_bounds_stay_out_of_the_value(text, surface, approx, qualifier, low, high):
    c = one(text, surface)
    assert c.approx is approx
    assert c.qualifier == qualifier
    if low is not None or high is not None:
        assert (c.low, c.high) == (low, high) and c.value is None


def test_ago_and_since_on_durations():
    assert one("यह 15 साल पहले शुरू हुआ।", "15 साल").qualifier == "ago"
    c = one("सैकड़ों वर्षों से यहां मेला लगता है।", "सैकड़ों वर्षों")
    assert (c.low, c.high, c.subtype, c.qualifier) == (100, None, "vague", "since")


def test_counted_subject_and_region_from_the_previous_sentence():
    text = "देश में सबसे अधिक छोटी इकाइयां उत्तर प्रदेश में हैं। 80 से 85 लाख छोटी इकाइयां चल रही हैं।"
    c = one(text, "80 से 85 लाख")
    assert c.subject == "छोटी इकाइयां"
    assert (c.region, c.region_code) == ("उत्तर प्रदेश", "IN-UP")


def test_subject_after_a_bound_and_before_a_participle():
    assert one("40 लाख से अधिक युवाओं को काम मिला।", "40 लाख").subject == "युवाओं"
    assert one("यहां 12 हजार इकाइयां संचालित हैं।", "12 हजार").subject == "इकाइयां"


def test_generic_state_word_means_the_most_mentioned_state():
    text = "बिहार में नई नीति आई। बिहार सरकार ने कहा कि राज्य में 12 लाख दुकानें हैं।"
    c = one(text, "12 लाख")
    assert c.region_code == "IN-BR"


@pytest.mark.parametrize(
    "text",
    [
        "कोविड-19 के मरीज बढ़े।",
        "एन95 मास्क बांटे गए।",
        "पीएम 2.5 का स्तर बढ़ा।",
        "योगी सरकार 2.0 का पहला साल।",
        "Mission Poshan 2.0 was launched.",
        "हेल्पलाइन 1800-180-5145 पर फोन करें।",
        "संपर्क: 0522-2234567",
        "8. इस बारे में बैठक हुई।",
        "एक कंपनी ने एक बार फिर आवेदन किया।",
        "इनमें से एक ने एक साथ काम किया।",
        "एक जिला एक उत्पाद योजना चल रही है।",
        "वे अरब देशों से लौटे।",
        "उसे जाने दो।",
        "साल 2019 में यह शुरू हुआ।",
        "बैठक 10 बजे हुई।",
        "विवरण https://example.gov.in/scheme?id=2024&amt=500 पर है।",
        "लिखें: info2024@example.in",
        "उसने 14वें दिन कहा।",
    ],
)
def test_should_not_find(text):
    assert find(text) == [], [(c.kind, c.text) for c in find(text)]


def test_a_day_next_to_a_month_is_left_to_the_dates_finder():
    assert [c.text for c in find("5 सितंबर को 40 लाख रुपये मिले।")] == ["40 लाख रुपये"]


TEXT = st.text(alphabet=st.sampled_from(list("0123456789१२३ ,.-%₹$()\nलाखकरोड़हजारसेतकएकदोतीनफीसदीरुपये साल Rs crore")),
               max_size=80)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_never_raises_and_spans_are_exact(text):
    for c in find(text):
        assert c.kind in KINDS
        assert c.text == text[c.start:c.end]
        assert c.start < c.end


def test_region_prefers_a_named_state_then_the_country_and_none_without_a_mention():
    from claimcheck.find.regions import find_region

    def region(text, surface):
        doc = Document(id="t", text=text, date=dt.date(2024, 8, 30), lang="hi")
        ctx = Context(doc=doc, folded=fold(text), anchor=doc.date, lang="hi")
        return find_region(ctx, ctx.folded.text.index(surface))

    assert region("देश में सबसे ज्यादा 20 लाख दुकानें यूपी में हैं।", "20") == ("यूपी", "IN-UP")
    assert region("देश में 20 लाख दुकानें हैं।", "20") == ("देश", "IN")
    assert region("शहर में 20 लाख दुकानें हैं।", "20") is None
    assert region("In Uttar Pradesh, 20 lakh shops are open.", "20") == ("Uttar Pradesh", "IN-UP")
    assert region("The setup cost 20 lakh.", "20") is None  # "up" inside "setup" is no region


def test_a_hyphen_at_a_line_start_is_a_bullet_not_a_minus():
    c = one("सुविधाएं:\n-5 करोड़ रुपये तक का कर्ज", "5 करोड़ रुपये")
    assert c.high == 5e7
    c = one("विकास दर -0.5 फीसदी रही।", "-0.5 फीसदी")
    assert c.value == -0.5


@pytest.mark.parametrize("unit", ["1 ", "1-", "1,", "1:", "एक ", "दो ", "(1)", "5% ", "a.b "])
def test_pathological_runs_give_claims_inside_the_text(unit):
    """A run of number-like tokens is read to the end (how its time grows with its length: benchmarks/growth.py)."""
    text = unit * 2000
    assert all(0 <= c.start < c.end <= len(text) and c.text == text[c.start:c.end] for c in find(text))


@pytest.mark.parametrize("text", [
    "अंक 9 9 9 9 9 9 9 9 9 9",
    "1-2-3-4-5-6-7-8-9-10",
    "5% 6% 7% 8% 9% 10% 11% 12%",
    "1 से 2 से 3 से 4 से 5 से 6 से 7 से 8",
    "₹1 ₹2 ₹3 ₹4 ₹5 ₹6 ₹7 ₹8",
    "एक दो तीन चार पांच छह सात आठ नौ दस",
    "one two three four five six seven eight",
])
def test_a_long_sequence_of_numbers_states_no_claim(text):
    assert [c for c in find(text) if c.kind != "date"] == []


@pytest.mark.parametrize("text, n", [
    ("क्रमशः 12%, 15%, 18% और 20% की वृद्धि हुई", 4),
    ("1, 2, 3, 4, 5, 6 और 7 नंबर के प्लॉट 12 लाख रुपये में बिके", 8),  # seven: below the sequence length
    ("सात लाख छत्तीस हजार चार सौ सैंतीस करोड़ इकहत्तर लाख रुपये का बजट", 1),
    ("9 9 9 9 9 9 9 9 9 9. इस साल 96 लाख इकाइयां बनीं", 1),  # the sentence after a sequence is read
])
def test_lists_and_long_numbers_are_not_sequences(text, n):
    assert len([c for c in find(text) if c.kind != "date"]) >= n
