"""Date forms the finder used to miss or misread (issue 14), on sentences written for these tests: a weekday beside
its date, a year before its month, month and date ranges, dates without a year in an undated article, fiscal
quarters, short year ranges, years modifying a noun, pre-/post- years and impossible dates."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.find.claims import Context, extract_document
from claimcheck.find.dates import finder as dates
from claimcheck.judge.verdicts import check_claim
from claimcheck.model import Document
from claimcheck.read.text import fold

SAT = dt.date(2025, 3, 8)


def found(text: str, anchor: dt.date | None = SAT) -> list[tuple]:
    doc = Document(id="t", text=text, date=anchor, lang="hi")
    cs = dates.find(Context(doc=doc, folded=fold(text), anchor=anchor, lang="hi"))
    for c in cs:
        assert c.text == text[c.start:c.end]
    return [(c.text, c.value, c.low, c.high, c.subtype) for c in cs]


# --------------------------------------------------------------------------- a weekday and its date: two mentions
@pytest.mark.parametrize("text,weekday,date,value", [
    ("सभा मंगलवार 11 मार्च को बुलाई गई है।", "मंगलवार", "11 मार्च", "2025-03-11"),
    ("The board meets on Friday, March 14, in Pune.", "Friday", "March 14", "2025-03-14"),
    ("रविवार, 2 फरवरी 2025 को मेला लगा।", "रविवार", "2 फरवरी 2025", "2025-02-02"),
])
def test_weekday_and_its_date_are_two_mentions(text, weekday, date, value):
    got = found(text)
    assert (weekday, value, None, None, "weekday") in got  # the weekday names the day that follows it
    assert (date, value, None, None, None) in got


def test_weekday_that_disagrees_with_the_date_keeps_its_own_reading():
    got = found("सभा बुधवार 4 मार्च को हुई थी।")  # 4 March 2025 is a Tuesday
    assert ("बुधवार", "2025-03-05", None, None, "weekday") in got
    assert ("4 मार्च", "2025-03-04", None, None, None) in got


@pytest.mark.parametrize("text,weekday,value", [
    ("जांच टीम सोमवार को गांव पहुंचेगी।", "सोमवार", "2025-03-10"),  # the article is of Saturday 8 March 2025
    ("सोमवार को जांच टीम गांव पहुंची थी।", "सोमवार", "2025-03-03"),
    ("The panel will meet on Thursday to decide.", "Thursday", "2025-03-13"),
    ("The panel met on Thursday. It will meet again soon.", "Thursday", "2025-03-06"),  # another sentence's future
    ("मेला शनिवार को लगेगा।", "शनिवार", "2025-03-08"),  # the article's own day
])
def test_bare_weekday_follows_the_tense_of_its_sentence(text, weekday, value):
    assert (weekday, value, None, None, "weekday") in found(text)


def test_full_dates_joined_by_a_dash_are_one_range():
    assert found("Roundup (3rd March 2024-9th March 2024) is out.") == [
        ("3rd March 2024-9th March 2024", None, "2024-03-03", "2024-03-09", "date_range")]
    assert found("Fair: March 3, 2024 – March 9, 2024.") == [
        ("March 3, 2024 – March 9, 2024", None, "2024-03-03", "2024-03-09", "date_range")]
    got = [g[:2] for g in found("It ran from 3 March 2024 to 9 March 2024.")]  # from … to …: since and until
    assert got == [("from 3 March 2024", "2024-03-03"), ("to 9 March 2024", "2024-03-09")]


# ------------------------------------------------------------------------------------ a year before its month
@pytest.mark.parametrize("text,surface,value", [
    ("गांव में 2019 के अक्टूबर में सड़क बनी।", "2019 के अक्टूबर", "2019-10"),
    ("उस साल 1998 की जुलाई में बाढ़ आई।", "1998 की जुलाई", "1998-07"),
    ("The mill shut in November of 2016.", "November of 2016", "2016-11"),
])
def test_year_before_or_of_its_month_is_composed(text, surface, value):
    assert (surface, value, None, None, None) in found(text)


# ----------------------------------------------------------------------------------------------- ranges
@pytest.mark.parametrize("text,surface,low,high", [
    ("भर्ती मई से जुलाई तक चलेगी।", "मई से जुलाई", "2025-05", "2025-07"),
    ("सर्दी का सत्र दिसंबर से फरवरी तक चलता है।", "दिसंबर से फरवरी", "2025-12", "2026-02"),
    ("मेला 3 अक्टूबर से 9 अक्टूबर 2023 तक लगा।", "3 अक्टूबर से 9 अक्टूबर 2023", "2023-10-03", "2023-10-09"),
    ("कैंप 25 जुलाई से 4 अगस्त 2021 तक चला।", "25 जुलाई से 4 अगस्त 2021", "2021-07-25", "2021-08-04"),
    ("The survey ran from July to September 2023.", "July to September 2023", "2023-07", "2023-09"),
    ("Camps ran from June 5 to June 9, 2022 across the state.", "June 5 to June 9, 2022", "2022-06-05", "2022-06-09"),
    ("शिविर 28 दिसंबर से 3 जनवरी 2024 तक चला।", "28 दिसंबर से 3 जनवरी 2024", "2023-12-28", "2024-01-03"),
])
def test_month_and_date_ranges(text, surface, low, high):
    assert (surface, None, low, high, "date_range") in found(text)


def test_two_dates_with_their_own_years_stay_two_mentions():
    got = found("योजना जून 2018 से अगस्त 2020 तक चली।")
    assert [g[:2] for g in got] == [("जून 2018 से", "2018-06"), ("अगस्त 2020 तक", "2020-08")]


# ------------------------------------------------------------------------- the year comes from the article date
def test_date_without_a_year_takes_the_article_year():
    assert found("परीक्षा 3 सितंबर को होगी।", dt.date(2019, 1, 2))[0][1] == "2019-09-03"
    assert found("The exam is on September 3.", dt.date(2031, 6, 1))[0][1] == "2031-09-03"


@pytest.mark.parametrize("text,value", [
    ("परीक्षा 3 सितंबर को होगी।", "--09-03"),
    ("The exam is on September 3.", "--09-03"),
    ("फसल अक्टूबर में कटेगी।", "--10"),
])
def test_undated_article_leaves_the_year_open(text, value):
    assert found(text, None)[0][1] == value


def test_undated_article_leaves_relative_dates_unresolved():
    got = found("सभा सोमवार को हुई और पिछले महीने भी, तीन दिन पहले भी।", None)
    assert got and all(g[1] is None and g[2] is None and g[3] is None for g in got)


def test_extract_document_never_reads_the_clock():
    doc = Document(id="d", text="परीक्षा 3 सितंबर को होगी।", lang="hi")
    assert [c.value for c in extract_document(doc) if c.kind == "date"] == ["--09-03"]
    assert [c.value for c in extract_document(doc, as_of=dt.date(2022, 5, 1)) if c.kind == "date"] == ["2022-09-03"]


# ----------------------------------------------------------------------------------------- fiscal quarters
@pytest.mark.parametrize("text,surface,low,high", [
    ("कंपनी का मुनाफा Q2 FY24 में घटा।", "Q2 FY24", "2023-07", "2023-09"),
    ("Net profit rose in Q4FY23 on higher sales.", "Q4FY23", "2023-01", "2023-03"),
    ("Revenue fell in Q1 FY2023-24.", "Q1 FY2023-24", "2023-04", "2023-06"),
    ("Results for FY26 Q1 are due.", "FY26 Q1", "2025-04", "2025-06"),
    ("वित्त वर्ष 2022-23 की दूसरी तिमाही में बिक्री बढ़ी।", "वित्त वर्ष 2022-23 की दूसरी तिमाही", "2022-07", "2022-09"),
    ("The second quarter of FY24 was weak.", "second quarter of FY24", "2023-07", "2023-09"),
])
def test_fiscal_quarters(text, surface, low, high):
    assert (surface, None, low, high, "fiscal_quarter") in found(text)


def test_quarter_without_a_financial_year_is_not_a_date():
    assert found("तीसरी तिमाही में बिक्री बढ़ी।") == []


# ------------------------------------------------------------------------------------------ years and ranges
@pytest.mark.parametrize("text,surface,low,high,subtype", [
    ("The study covers 1998-07 in three states.", "1998-07", "1998", "2007", "year_range"),
    ("यह अध्ययन 2004-15 के दौरान हुआ।", "2004-15", "2004", "2015", "year_range"),
    ("राज्य का बजट 2021-22 में बढ़ा।", "2021-22", "2021", "2022", "fiscal_year"),  # the year after: a financial year
])
def test_short_year_ranges(text, surface, low, high, subtype):
    assert (surface, None, low, high, subtype) in found(text)


@pytest.mark.parametrize("text,surface", [
    ("She lost the 2017 assembly election narrowly.", "2017"),
    ("After the 2011 state census, districts were split.", "2011"),
])
def test_year_modifying_an_event_noun(text, surface):
    assert (surface, surface, None, None, None) in found(text)


@pytest.mark.parametrize("text,surface", [
    ("The bench relied on a 2014 judgment of the court.", "2014"),
    ("He cited the 1977 verdict.", "1977"),
])
def test_year_between_an_article_and_a_singular_noun_modifies_it(text, surface):
    assert (surface, surface, None, None, None) in found(text)


def test_year_before_a_plural_noun_is_a_count():
    assert found("The party needed the 2000 votes it lost.") == []


def test_year_before_an_amount_is_not_modifying_an_event():
    assert found("They approved the 2000 crore budget.") == []


def test_pre_and_post_years_are_open_intervals():
    doc = Document(id="t", text="Tariffs were flat pre-2016 and rose post 2019.", date=SAT, lang="en")
    cs = dates.find(Context(doc=doc, folded=fold(doc.text), anchor=SAT, lang="en"))
    assert [(c.text, c.low, c.high, c.qualifier) for c in cs] == [("pre-2016", None, "2016", "before"),
                                                                  ("post 2019", "2019", None, "after")]


# ------------------------------------------------------------------------------------------ impossible dates
@pytest.mark.parametrize("text,surface", [
    ("परीक्षा 31 जून को होगी।", "31 जून"),
    ("The notice is dated 30 February 2021.", "30 February 2021"),
    ("आदेश 29 फरवरी 2023 को जारी हुआ।", "29 फरवरी 2023"),
    ("The order of April 31 was withdrawn.", "April 31"),
])
def test_impossible_date_is_kept_and_flagged(text, surface):
    got = [g for g in found(text) if g[0] == surface]
    assert got == [(surface, None, None, None, "impossible_date")]
    c = next(c for c in extract_document(Document(id="t", text=text, date=SAT)) if c.text == surface)
    v = check_claim(c, None, SAT, text)
    assert v.outcome == "contradicted" and "not a date" in v.message


def test_leap_day_without_a_year_is_a_date():
    assert found("मेला 29 फरवरी को लगेगा।", None)[0][1] == "--02-29"
    assert found("मेला 29 फरवरी को लगेगा।", dt.date(2024, 1, 5))[0][1] == "2024-02-29"


# ----------------------------------------------------------------- quarters named by the text around them
def test_quarter_takes_the_financial_year_the_paragraph_is_about():
    text = ("वित्त वर्ष 2022-23 की दूसरी तिमाही (जुलाई-सितंबर) में बिक्री बढ़ी, जबकि पहली तिमाही में घटी थी। "
            "(अक्टूबर-दिसंबर) तीसरी तिमाही में भी यही रहा।")
    got = found(text)
    assert ("वित्त वर्ष 2022-23 की दूसरी तिमाही", None, "2022-07", "2022-09", "fiscal_quarter") in got
    assert ("जुलाई-सितंबर", None, "2022-07", "2022-09", "date_range") in got  # its year from the quarter
    assert ("पहली तिमाही", None, "2022-04", "2022-06", "fiscal_quarter") in got
    assert ("तीसरी तिमाही", None, "2022-10", "2022-12", "fiscal_quarter") in got
    assert ("अक्टूबर-दिसंबर", None, "2022-10", "2022-12", "date_range") in got


def test_quarter_after_a_calendar_year_is_not_read():
    assert [g for g in found("साल 2021 में कंपनी बनी और पहली तिमाही में घाटा हुआ।") if g[4] == "fiscal_quarter"] == []


def test_quarter_of_the_current_financial_year():
    got = found("चालू वित्त वर्ष की चौथी तिमाही में निर्यात बढ़ा।")  # article of 8 March 2025: FY 2024-25
    assert ("चालू वित्त वर्ष की चौथी तिमाही", None, "2025-01", "2025-03", "fiscal_quarter") in got


@pytest.mark.parametrize("text,surfaces", [
    ("शिविर 7, 8 और 9 नवंबर को लगेंगे।", [("7", "2025-11-07"), ("8", "2025-11-08"), ("9 नवंबर", "2025-11-09")]),
])
def test_listed_days_share_the_month(text, surfaces):
    assert [g[:2] for g in found(text)] == surfaces


def test_date_range_with_a_range_end_and_no_year():
    got = found("परीक्षाएं 10 अप्रैल से 2 मई के बीच होंगी।")
    assert ("10 अप्रैल से 2 मई", None, "2025-04-10", "2025-05-02", "date_range") in got
    # "से … तक" stays two dates (since / until), as the annotation conventions read it
    assert [g[:2] for g in found("परीक्षाएं 10 अप्रैल से 2 मई तक होंगी।")] == [("10 अप्रैल से", "2025-04-10"),
                                                                            ("2 मई तक", "2025-05-02")]


def test_year_before_a_dash_and_a_clock_time_belongs_to_the_date():
    got = found("Updated: Monday, Mar 3, 2025 - 10:15 AM IST")
    assert ("Mar 3, 2025", "2025-03-03", None, None, None) in got
    assert ("2025", "2025", None, None, None) not in got


def test_digit_groups_after_a_month_are_an_amount_not_a_day():
    import claimcheck

    got = [(c.kind, c.text) for c in claimcheck.extract("Till March, 12,34,567 guarantees were approved.",
                                                         as_of="2024-06-01") if c.kind == "date"]
    assert got == [("date", "Till March")]
    (d,) = [c for c in claimcheck.extract("The meeting is on March 12, 2024.", as_of="2024-06-01") if c.kind == "date"]
    assert d.value == "2024-03-12"
