"""Unit tests for the date finder (claimcheck/dates.py), on sentences written for these tests.

Every case is anchored at a fixed article date (never today). Each should-find case names the surface that must
be inside the reported span and the fields the claim must carry.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.find.dates import finder as dates
from claimcheck.find.claims import Context
from claimcheck.model import Document
from claimcheck.read.text import fold

FRI = dt.date(2024, 8, 30)  # a Friday
THU = dt.date(2020, 5, 14)  # a Thursday


def date_claims(text: str, anchor: dt.date = FRI, lang: str = "hi"):
    doc = Document(id="t", text=text, date=anchor, lang=lang)
    ctx = Context(doc=doc, folded=fold(text), anchor=anchor, lang=lang)
    claims = dates.find(ctx)
    for c in claims:
        assert c.kind == "date"
        assert c.text == text[c.start:c.end]
    return claims


def one(text: str, surface: str, anchor: dt.date = FRI):
    """The single date claim whose span covers ``surface``."""
    i = text.index(surface)
    hits = [c for c in date_claims(text, anchor) if c.start <= i and i + len(surface) <= c.end]
    assert len(hits) == 1, (text, [(c.text, c.value) for c in date_claims(text, anchor)])
    return hits[0]


def _has_numbers() -> bool:
    try:
        from claimcheck.find.numbers import word_value

        return word_value("पांच") == 5
    except Exception:
        return False


SHOULD_FIND = [
    # full dates, Hindi
    ("बैठक 3 सितंबर के बाद होगी।", "3 सितंबर", {"value": "2024-09-03", "qualifier": "after"}),
    ("योजना 15 जनवरी 2019 को शुरू हुई थी।", "15 जनवरी 2019", {"value": "2019-01-15"}),
    ("आवेदन 30 नवम्बर, 2023 तक जमा होंगे।", "30 नवम्बर, 2023", {"value": "2023-11-30", "qualifier": "until"}),
    ("नियम 07 फ़रवरी 2022 को बदला गया।", "07 फ़रवरी 2022", {"value": "2022-02-07"}),
    ("परीक्षा 1० दिसम्बर को होगी।", "1० दिसम्बर", {"value": "2024-12-10"}),
    ("आदेश 15.04.2022 से लागू है।", "15.04.2022", {"value": "2022-04-15", "qualifier": "since"}),
    ("सूची 02.05.21 को जारी हुई।", "02.05.21", {"value": "2021-05-02"}),
    ("पहली जुलाई से नया सत्र शुरू होगा।", "पहली जुलाई", {"value": "2024-07-01", "qualifier": "since"}),
    # month + year, month alone
    ("मार्च-2021 में यह काम पूरा हुआ।", "मार्च-2021", {"value": "2021-03"}),
    ("जुलाई, 2019 में निवेश बढ़ा।", "जुलाई, 2019", {"value": "2019-07"}),
    ("अप्रेल 2018 में सर्वे हुआ।", "अप्रेल 2018", {"value": "2018-04"}),
    ("अप्रील 2018 में सर्वे हुआ।", "अप्रील 2018", {"value": "2018-04"}),
    ("अक्टूबर में चुनाव होंगे।", "अक्टूबर", {"value": "2024-10"}),
    ("सड़क का काम सितम्बर तक चलेगा।", "सितम्बर", {"value": "2024-09", "qualifier": "until"}),
    # English
    ("The scheme ran till September 30, 2022.", "September 30, 2022", {"value": "2022-09-30", "qualifier": "until"}),
    ("It opened on 12 March 2023 in Kanpur.", "12 March 2023", {"value": "2023-03-12"}),
    ("Orders placed in Sept. 2021 were delayed.", "Sept. 2021", {"value": "2021-09"}),
    ("Sales dipped in May and recovered in June.", "May", {"value": "2024-05"}),
    ("Results came out on Friday.", "Friday", {"value": "2024-08-30", "subtype": "weekday"}),
    ("Talks were held last Monday.", "Monday", {"value": "2024-08-26", "subtype": "weekday"}),
    # years
    ("उद्योग 2015 से लगातार बढ़ रहा है।", "2015", {"value": "2015", "qualifier": "since"}),
    ("साल 2030 तक लक्ष्य पूरा होगा।", "2030", {"value": "2030", "qualifier": "until"}),
    ("2010 के बाद हालात बदले।", "2010", {"value": "2010", "qualifier": "after"}),
    ("Exports will double by 2027.", "2027", {"value": "2027", "qualifier": "until"}),
    ("Turnout in the 2019 Lok Sabha polls rose.", "2019", {"value": "2019"}),
    ("ओलंपिक 2028 की तैयारी जारी है।", "2028", {"value": "2028", "subtype": "in_name"}),
    ("वित्त वर्ष 2022-23 में निर्यात बढ़ा।", "2022-23", {"low": "2022", "high": "2023", "subtype": "fiscal_year"}),
    ("2021-22 के बजट में प्रावधान था।", "2021-22", {"low": "2021", "high": "2022", "subtype": "fiscal_year"}),
    ("FY23 results beat estimates.", "FY23", {"low": "2022", "high": "2023", "subtype": "fiscal_year"}),
    ("1991 से 2001 के बीच आबादी बढ़ी।", "1991", {"low": "1991", "high": "2001", "subtype": "year_range"}),
    ("1990-1995 के दौरान मिलें बंद हुईं।", "1990-1995", {"low": "1990", "high": "1995", "subtype": "year_range"}),
    ("Between 2011 and 2016 the number fell.", "2011", {"low": "2011", "high": "2016", "subtype": "year_range"}),
    ("1970 के दशक में कारखाना खुला।", "1970", {"low": "1970", "high": "1979", "subtype": "decade"}),
    ("Mills closed in the 1990s.", "1990s", {"low": "1990", "high": "1999", "subtype": "decade"}),
    ("18वीं सदी का किला देखने लोग आते हैं।", "18वीं सदी", {"low": "1701", "high": "1800", "subtype": "century"}),
    # ranges of dates
    ("10 से 12 अक्टूबर तक मेला लगेगा।", "10 से 12 अक्टूबर",
     {"low": "2024-10-10", "high": "2024-10-12", "subtype": "date_range"}),
    ("Sales peaked in July-August 2023.", "July-August 2023", {"low": "2023-07", "high": "2023-08"}),
    ("The fair runs from October 14 to 18.", "October 14 to 18", {"low": "2024-10-14", "high": "2024-10-18"}),
    # a range whose ends are full dates is two dates, each with its qualifier
    ("1 जून 2022 से 31 मई 2023 तक 800 आवेदन आए।", "1 जून 2022", {"value": "2022-06-01", "qualifier": "since"}),
    ("1 जून 2022 से 31 मई 2023 तक 800 आवेदन आए।", "31 मई 2023", {"value": "2023-05-31", "qualifier": "until"}),
    # relative to the article date
    ("समिति ने शुक्रवार को रिपोर्ट सौंपी।", "शुक्रवार", {"value": "2024-08-30", "subtype": "weekday"}),
    ("बीते मंगलवार को मेला शुरू हुआ।", "मंगलवार", {"value": "2024-08-27", "subtype": "weekday"}),
    ("गत शुक्रवार को बैठक हुई।", "शुक्रवार", {"value": "2024-08-23", "subtype": "weekday"}),
    ("बृहस्पतिवार को बारिश हुई।", "बृहस्पतिवार", {"value": "2024-08-29", "subtype": "weekday"}),
    ("पिछले साल नवंबर में मेला लगा था।", "नवंबर", {"value": "2023-11"}),
    ("Prices peaked in June last year.", "June", {"value": "2023-06"}),
    ("पिछले महीने बिक्री घटी।", "पिछले महीने", {"value": "2024-07"}),
    ("गत वर्ष उत्पादन कम रहा।", "गत वर्ष", {"value": "2023"}),
    ("पिछले वित्त वर्ष में घाटा हुआ।", "पिछले वित्त वर्ष", {"low": "2023", "high": "2024", "subtype": "fiscal_year"}),
    ("तीन दिन पहले", "तीन दिन पहले", {"value": "2024-08-27"}),
    ("मेला 4 दिन बाद शुरू होगा।", "4 दिन बाद", {"value": "2024-09-03"}),
    # clock times (excluded from scoring, but they keep "10" from being read as an amount)
    ("शाम 5 बजे सभा होगी।", "5 बजे", {"value": "T17:00", "subtype": "time"}),
    ("साढ़े 11 बजे तक बाजार खुला रहा।", "साढ़े 11 बजे", {"value": "T11:30", "subtype": "time"}),
    ("सुबह 7 बजकर 15 मिनट पर", "7 बजकर 15 मिनट", {"value": "T07:15", "subtype": "time"}),
    ("रात 12 बजे से कर्फ्यू लगेगा।", "12 बजे", {"value": "T00:00", "subtype": "time"}),
    ("रात 2 बजे आग लगी।", "2 बजे", {"value": "T02:00", "subtype": "time"}),
    ("पौने 5 बजे तक", "पौने 5 बजे", {"value": "T04:45", "subtype": "time"}),
    ("5 और 6 सितंबर को शिविर लगेगा।", "5", {"value": "2024-09-05"}),
    ("5 और 6 सितंबर को शिविर लगेगा।", "6 सितंबर", {"value": "2024-09-06"}),
    ("The hearing is on Tues. 3 Sept.", "3 Sept", {"value": "2024-09-03"}),
    ("2019 की तुलना में उत्पादन बढ़ा।", "2019", {"value": "2019"}),
    # कल is yesterday or tomorrow: reported, not resolved
    ("कल बैठक होगी।", "कल", {"value": None, "subtype": "ambiguous"}),
]


@pytest.mark.parametrize("text,surface,fields", SHOULD_FIND, ids=[c[1] for c in SHOULD_FIND])
def test_should_find(text, surface, fields):
    c = one(text, surface)
    for k, v in fields.items():
        assert getattr(c, k) == v, (k, c)


@pytest.mark.skipif(not _has_numbers(), reason="claimcheck.find.numbers.word_value not available")
@pytest.mark.parametrize("text,surface,value", [
    ("मेला छह अक्तूबर 2021 को खत्म हुआ।", "छह अक्तूबर 2021", "2021-10-06"),
    ("पच्चीस दिसंबर को अवकाश रहेगा।", "पच्चीस दिसंबर", "2024-12-25"),
    ("दो दिन पहले आदेश आया।", "दो दिन पहले", "2024-08-28"),
    ("इक्कीसवीं सदी में", "इक्कीसवीं सदी", None),
])
def test_number_word_days(text, surface, value):
    c = one(text, surface)
    if value:
        assert c.value == value
    else:
        assert (c.low, c.high) == ("2001", "2100")


SHOULD_NOT_FIND = [
    "अस्पताल में 1985 मरीज भर्ती हैं।",  # a count that looks like a year
    "2000 से अधिक लोग पहुंचे।",
    "1950 से 2000 लोग रोज आते हैं।",
    "उन्होंने 1950 वर्षों का इतिहास बताया।",  # a duration
    "कोविड-19 के मामले बढ़े।",
    "पीएम 2.5 का स्तर 300 रहा।",
    "Call 9876543210 or 0522-2017555 for help.",
    "You may apply in person. May I come in?",
    "शहर में कैंडल मार्च निकाला गया।",
    "कल-कारखाने बंद रहे।",
    "The firm earned Rs 2019 crore.",
    "Loans reached the 2000 units that applied.",  # a count after a weak cue
    "The scheme covers a total of 2050 villages.",
    "कुल आवेदनों का आंकड़ा 2040 तक पहुंचा।",
    "2000 में से 1500 आवेदन स्वीकृत हुए।",
    "करीब 2000 में से आधे लौट गए।",
    "जन आंदोलन तेज हुआ।",
    "version 2.0.1 was released",
    "इस महीने बिक्री बढ़ी।",  # the article's own month, like आज: not reported
    "हर सोमवार को जनसुनवाई होती है।",  # recurring, not a date
    "चुनाव से दो दिन पहले प्रचार थमा।",  # counted from an event, not from the article date
    "The Sun and the Mail reported it.",
    "सरकार ने 14 दिन के क्वारंटीन का आदेश दिया।",  # a duration
]


@pytest.mark.parametrize("text", SHOULD_NOT_FIND)
def test_should_not_find(text):
    assert [(c.text, c.value) for c in date_claims(text)] == []


def test_teaser_date_is_reported_like_any_other():
    text = "मुख्य खबर।\nये भी पढ़ें- यात्री ध्यान दें, 3 सितंबर के बाद टिकट नहीं मिलेंगे"
    c = one(text, "3 सितंबर")
    assert (c.value, c.qualifier) == ("2024-09-03", "after")


def test_weekday_resolution_depends_on_the_anchor():
    assert one("शनिवार को", "शनिवार", THU).value == "2020-05-09"
    assert one("सोमवार को", "सोमवार", dt.date(2020, 5, 11)).value == "2020-05-11"  # on or before: the same day
    assert one("पिछले सोमवार को", "सोमवार", dt.date(2020, 5, 11)).value == "2020-05-04"


def test_year_is_taken_from_the_anchor_not_the_past():
    # dateparser's PREFER_DATES_FROM='past' would move this to 2023; the default (and claimcheck) keep 2024
    assert one("3 सितंबर को", "3 सितंबर").value == "2024-09-03"
    assert one("3 सितंबर को", "3 सितंबर", dt.date(2019, 1, 2)).value == "2019-09-03"


def test_weekday_followed_by_its_date_is_two_claims_naming_one_day():
    cs = date_claims("सोमवार, 12 जनवरी 2015 को")
    assert [(c.text, c.value, c.subtype) for c in cs] == [("सोमवार", "2015-01-12", "weekday"),
                                                          ("12 जनवरी 2015", "2015-01-12", None)]


def test_offsets_survive_folding():
    text = "फ़रवरी 2020 और ३ सितम्बर को"  # precomposed nukta letter, Devanagari digit, न्/म् + consonant
    cs = date_claims(text)
    assert [(c.text, c.value) for c in cs] == [("फ़रवरी 2020", "2020-02"), ("३ सितम्बर", "2024-09-03")]


ORACLE = ["3 सितंबर", "15 जनवरी 2019", "30 नवम्बर, 2023", "07 फ़रवरी 2022", "12 March 2023", "September 30, 2022",
          "शुक्रवार", "मंगलवार", "Friday", "अगस्त 2021"]


@pytest.mark.parametrize("span", ORACLE)
def test_values_agree_with_dateparser_on_spans_both_read(span):
    """dateparser (languages hi/en, RELATIVE_BASE = the anchor, default PREFER_DATES_FROM) as an oracle."""
    dateparser = pytest.importorskip("dateparser")
    base = dt.datetime.combine(FRI, dt.time())
    data = dateparser.date.DateDataParser(languages=["hi", "en"], settings={"RELATIVE_BASE": base}).get_date_data(span)
    assert data.date_obj is not None
    iso = data.date_obj.date().isoformat()
    expected = iso[:7] if data.period == "month" else iso
    assert one(span, span).value == expected


def test_scan_finds_each_repeated_date_once():
    """Work grows with the dates in the text: 8 times the text, 8 times the candidates (the time it takes is
    printed by benchmarks/growth.py, and the page figure against dateparser by benchmarks/throughput.py)."""

    def found(n):
        return len(dates.scan(fold("3 सितंबर 2020 से, सितंबर तक, 2021 के बाद " * n).text, FRI))

    assert found(400) > 0 and found(3200) == 8 * found(400)


@pytest.mark.parametrize("anchor", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_extreme_anchors_do_not_raise(anchor):
    text = "पिछले शुक्रवार, गत वर्ष मार्च में, अगले महीने की 2 तारीख, दो दिन बाद, last week, FY99, 3 सितंबर"
    assert all(c.text == text[c.start:c.end] for c in date_claims(text, anchor))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .,-/:सितंबरजनवरीमईशुक्रवारसेतककेबादFYMayJune१२०")),
               max_size=60))
def test_never_raises_and_spans_are_consistent(text):
    cands = dates.scan(fold(text).text, FRI)
    last = 0
    for s, e, f in cands:
        assert last <= s < e
        last = e
    date_claims(text)


def test_relative_date_keeps_its_postposition_outside_the_span():
    import claimcheck

    got = [c for c in claimcheck.extract("पिछले वर्ष से उत्पादन बढ़ा।", as_of="2024-08-30") if c.kind == "date"]
    assert [(c.text, c.value, c.qualifier) for c in got] == [("पिछले वर्ष", "2023", "since")]
