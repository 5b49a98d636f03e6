"""Statistics checking: tolerance that follows the claim, bases named, superseded figures, rankings."""

import datetime as dt

import pytest

from claimcheck.model import Claim
from claimcheck.reference import Basis, Observation, References
from claimcheck.judge.statistics import check_ranking, check_statistic, claim_interval, holds, rounding_tolerance
from claimcheck.read.text import fold_string

D = dt.date


def obs(i, region, value, basis="SURVEY", measure="msme_count", period="2015-07/2016-06", as_of=None):
    return Observation(obs_id=i, measure=measure, basis=basis, region=region, breakdown={}, period=period,
                       as_of=as_of, value=value, unit="enterprises", value_as_reported="", source_url="https://x.test/s",
                       source="test table", published="", confidence="high", notes="")


REFS = References(
    observations=(
        obs("s-up", "IN-UP", 8_999_000), obs("s-wb", "IN-WB", 8_867_000), obs("s-tn", "IN-TN", 4_948_000),
        obs("s-mh", "IN-MH", 4_778_000), obs("s-ka", "IN-KA", 3_834_000), obs("s-in", "IN", 63_388_000),
        obs("r-up-1", "IN-UP", 450_000, basis="REG", period="", as_of=D(2021, 11, 30)),
        obs("r-up-2", "IN-UP", 1_400_000, basis="REG", period="", as_of=D(2023, 6, 1)),
        obs("r-mh", "IN-MH", 2_914_000, basis="REG", period="", as_of=D(2023, 6, 1)),
        obs("r-tn", "IN-TN", 1_644_000, basis="REG", period="", as_of=D(2023, 6, 1)),
        obs("r-gj", "IN-GJ", 1_202_000, basis="REG", period="", as_of=D(2023, 6, 1)),
        obs("r-rj", "IN-RJ", 1_189_000, basis="REG", period="", as_of=D(2023, 6, 1)),
        obs("e-in", "IN", 111_000_000, measure="msme_employment"),
    ),
    bases={"SURVEY": Basis("SURVEY", "Survey estimate (2015-16)", "", "survey", "", ""),
           "REG": Basis("REG", "Registrations", "", "registration", "", "")},
)


def qty(text, *, value=None, low=None, high=None, region="IN-UP", subject="एमएसएमई इकाइयां", **kw):
    return Claim(doc="t", kind=kw.pop("kind", "quantity"), text=text, start=0, end=len(text), value=value, low=low,
                 high=high, unit=kw.pop("unit", "units"), subject=subject, region_code=region, **kw)


@pytest.mark.parametrize("text,expected", [
    ("90 लाख", 0.25 * 10 / 90), ("89.99 लाख", 0.005), ("6.3 करोड़", 0.05 / 6.3), ("9 million", 0.5 / 9),
    ("नब्बे लाख", 0.05), ("८९.९९ लाख", 0.005), ("1,20,000", 0.25 * 10_000 / 120_000),
])
def test_rounding_tolerance_follows_the_printed_figure(text, expected):
    assert rounding_tolerance(text) == pytest.approx(max(0.005, expected))


def test_interval_keeps_bounds_one_sided():
    lo, hi, *_ = claim_interval(qty("88 लाख", value=8_800_000, qualifier="more_than"))
    assert (lo, hi) == (8_800_000, None)
    assert holds(8_867_000, lo, hi, 0.005, 0.005)
    assert not holds(8_000_000, lo, hi, 0.005, 0.005)


SENT = fold_string("उत्तर प्रदेश में एमएसएमई इकाइयां हैं")


@pytest.mark.parametrize("claim,outcome", [
    (qty("90 लाख", value=9_000_000), "supported"),
    (qty("करीब 90 लाख", value=9_000_000, approx=True), "supported"),
    (qty("9 million", value=9_000_000), "supported"),
    (qty("90 से लेकर 96 लाख", low=9_000_000, high=9_600_000), "supported"),
    (qty("60 लाख", value=6_000_000), "contradicted"),
    (qty("95 लाख", value=9_500_000), "contradicted"),
])
def test_counts_against_every_basis(claim, outcome):
    v = check_statistic(claim, REFS, D(2024, 8, 30), SENT)
    assert v.outcome == outcome, v.message
    if outcome == "supported":
        assert v.evidence[0].basis == "SURVEY" and "Survey estimate" in v.message
    if outcome == "contradicted":
        assert v.evidence[0].difference is not None and v.evidence[0].source_url


def test_registration_words_limit_the_bases_and_old_figures_are_outdated():
    sent = fold_string("उत्तर प्रदेश में एमएसएमई इकाइयां पंजीकृत हैं")
    now = check_statistic(qty("14 लाख", value=1_400_000), REFS, D(2023, 7, 1), sent)
    assert now.outcome == "supported" and now.evidence[0].basis == "REG"
    old = check_statistic(qty("4.5 लाख", value=450_000), REFS, D(2024, 1, 1), sent)
    assert old.outcome == "outdated" and "superseded" in old.message
    # before the later figure existed, the old one was current
    assert check_statistic(qty("4.5 लाख", value=450_000), REFS, D(2022, 1, 1), sent).outcome == "supported"
    # the survey estimate is not a registration count
    assert check_statistic(qty("90 लाख", value=9_000_000), REFS, D(2024, 1, 1), sent).outcome == "contradicted"


def test_figures_dated_after_the_claim_are_not_used():
    sent = fold_string("उत्तर प्रदेश में एमएसएमई इकाइयां पंजीकृत हैं")
    v = check_statistic(qty("14 लाख", value=1_400_000), REFS, D(2019, 1, 1), sent)
    assert v.outcome == "unverifiable"


def test_measure_comes_from_the_counted_noun_not_the_topic_alone():
    sent = fold_string("देश में एमएसएमई क्षेत्र 11 करोड़ लोगों को रोजगार देता है")
    v = check_statistic(qty("11 करोड़", value=110_000_000, region=None, subject="लोगों"), REFS, D(2022, 1, 1), sent)
    assert v.outcome == "supported" and v.evidence[0].row == "e-in"
    # a count of something else in an MSME sentence is not an MSME count
    other = qty("25 अधिकारी", value=25, subject="अधिकारी")
    assert check_statistic(other, REFS, D(2022, 1, 1), SENT) is None
    # no MSME topic in the sentence: no table covers it
    assert check_statistic(qty("90 लाख", value=9_000_000), REFS, D(2022, 1, 1), fold_string("90 लाख लोग")) is None


def test_rankings_are_computed_on_a_named_basis():
    sent = fold_string("उत्तर प्रदेश सबसे अधिक एमएसएमई वाला राज्य है")
    rank = qty("सबसे अधिक एमएसएमई वाला राज्य", kind="ranking", value=1, unit="rank", subject="एमएसएमई")
    v = check_ranking(rank, REFS, D(2024, 8, 30), sent)
    assert v.outcome == "supported" and "Survey estimate" in v.message and "Maharashtra" in v.message
    tn = qty("सबसे अधिक एमएसएमई वाला राज्य", kind="ranking", value=1, unit="rank", subject="एमएसएमई", region="IN-TN")
    v = check_ranking(tn, REFS, D(2024, 8, 30), sent)
    assert v.outcome == "contradicted" and "Uttar Pradesh" in v.message
    reg = fold_string("महाराष्ट्र में सबसे अधिक पंजीकृत एमएसएमई हैं")
    mh = qty("सबसे अधिक पंजीकृत एमएसएमई", kind="ranking", value=1, unit="rank", subject="एमएसएमई", region="IN-MH")
    assert check_ranking(mh, REFS, D(2024, 8, 30), reg).outcome == "supported"


def test_configured_tolerance_and_default_region():
    sent = fold_string("एमएसएमई इकाइयां 85 लाख हैं")
    c = qty("85 लाख", value=8_500_000, region=None)
    assert check_statistic(c, REFS, D(2024, 1, 1), sent, region="IN-UP").outcome == "contradicted"
    v = check_statistic(c, REFS, D(2024, 1, 1), sent, region="IN-UP", tolerance=0.06)
    assert v.outcome == "supported" and v.evidence[0].row == "s-up"
