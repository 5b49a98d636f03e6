"""Statistics checking: tolerance that follows the claim, bases named, superseded figures, rankings."""

import datetime as dt

import pytest

from claimcheck.model import Claim
from claimcheck.reference import Basis, Observation, References
from claimcheck.judge.statistics import claim_interval, holds, rounding_tolerance

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


def verdicts(text: str, when: dt.date, refs=REFS, **kw) -> dict:
    """Every figure of ``text`` (our own sentences) read and judged against ``refs``: claim text -> verdict."""
    from claimcheck.find.claims import extract_document
    from claimcheck.judge.verdicts import check_claims
    from claimcheck.model import Document

    doc = Document(id="t", text=text, date=when)
    return {cc.claim.text: cc.verdict for cc in check_claims(extract_document(doc), refs, when, doc, **kw)
            if cc.claim.kind in ("quantity", "percent", "money", "ranking")}


@pytest.mark.parametrize("text,outcome", [
    ("उत्तर प्रदेश में 90 लाख एमएसएमई इकाइयां हैं।", "supported"),
    ("उत्तर प्रदेश में करीब 90 लाख एमएसएमई इकाइयां हैं।", "supported"),
    ("Uttar Pradesh has 9 million MSMEs.", "supported"),
    ("उत्तर प्रदेश में 90 से लेकर 96 लाख एमएसएमई इकाइयां हैं।", "supported"),
    # the survey named: only the survey decides, and it says otherwise
    ("राष्ट्रीय नमूना सर्वेक्षण के अनुसार उत्तर प्रदेश में 60 लाख एमएसएमई इकाइयां हैं।", "contradicted"),
    # no basis named, and the running count published after the article is far below: wrong on every basis
    ("उत्तर प्रदेश में 95 लाख एमएसएमई इकाइयां हैं।", "contradicted"),
])
def test_counts_against_every_basis(text, outcome):
    refs = References(observations=REFS.observations + (
        obs("r-up-3", "IN-UP", 2_000_000, basis="REG", period="", as_of=D(2025, 1, 1)),), bases=REFS.bases)
    (v,) = verdicts(text, D(2024, 8, 30), refs).values()
    assert v.outcome == outcome, v.message
    if outcome == "supported":
        assert v.evidence[0].basis == "SURVEY" and "Survey estimate" in v.message
    if outcome == "contradicted":
        assert v.evidence[0].difference is not None and v.evidence[0].source_url and v.frame.measure == "msme_count"


def test_a_running_count_without_a_later_snapshot_cannot_be_contradicted():
    # UP's registrations were last counted in 2023: a 60 lakh count in 2024 may be a snapshot the tables lack
    (v,) = verdicts("उत्तर प्रदेश में 60 लाख एमएसएमई इकाइयां हैं।", D(2024, 8, 30)).values()
    assert v.outcome == "unverifiable" and "snapshot" in v.message


def test_registration_words_limit_the_bases_and_old_counts_are_outdated():
    text = "उत्तर प्रदेश में {} एमएसएमई इकाइयां पंजीकृत हैं।"
    (now,) = verdicts(text.format("14 लाख"), D(2023, 7, 1)).values()
    assert now.outcome == "supported" and now.evidence[0].basis == "REG"
    (old,) = verdicts(text.format("4.5 लाख"), D(2024, 1, 1)).values()
    assert old.outcome == "outdated" and "superseded" in old.message
    # before the later count existed, the old one was current
    (then,) = verdicts(text.format("4.5 लाख"), D(2022, 1, 1)).values()
    assert then.outcome == "supported"
    # the survey estimate is not a registration count, and a running count is never contradicted from below
    (survey,) = verdicts(text.format("90 लाख"), D(2024, 1, 1)).values()
    assert survey.outcome == "unverifiable"


def test_figures_dated_after_the_claim_are_not_used():
    (v,) = verdicts("उत्तर प्रदेश में 14 लाख एमएसएमई इकाइयां पंजीकृत हैं।", D(2019, 1, 1)).values()
    assert v.outcome == "unverifiable"


def test_measure_comes_from_the_counted_noun_not_the_topic_alone():
    (v,) = verdicts("देश में एमएसएमई क्षेत्र 11 करोड़ लोगों को रोजगार देता है।", D(2022, 1, 1)).values()
    assert v.outcome == "supported" and v.evidence[0].row == "e-in"
    # a count of something else in an MSME sentence is not an MSME statistic
    (other,) = verdicts("एमएसएमई विभाग के 25 अधिकारी बैठक में थे।", D(2022, 1, 1)).values()
    assert other.outcome == "unverifiable" and other.frame is not None and other.frame.measure is None
    # no topic in the sentence or before it: no table covers the figure
    (none,) = verdicts("मेले में 90 लाख लोग आए।", D(2022, 1, 1)).values()
    assert none.outcome == "unverifiable" and none.frame is None


def test_rankings_are_computed_on_a_named_basis():
    (v,) = verdicts("उत्तर प्रदेश सबसे अधिक एमएसएमई वाला राज्य है।", D(2024, 8, 30)).values()
    assert v.outcome == "supported" and "Survey estimate" in v.message and "Maharashtra" in v.message
    (v,) = verdicts("तमिलनाडु सबसे अधिक एमएसएमई वाला राज्य है।", D(2024, 8, 30)).values()
    assert v.outcome == "contradicted" and "Uttar Pradesh" in v.message
    (v,) = verdicts("महाराष्ट्र में सबसे अधिक पंजीकृत एमएसएमई हैं।", D(2024, 8, 30)).values()
    assert v.outcome == "supported"


def test_configured_tolerance_and_default_region():
    text = "एमएसएमई इकाइयां 85 लाख हैं।"  # names no region: the newsroom's configured region applies
    refs = References(observations=REFS.observations + (
        obs("r-up-3", "IN-UP", 2_000_000, basis="REG", period="", as_of=D(2025, 1, 1)),), bases=REFS.bases)
    (v,) = verdicts(text, D(2024, 1, 1), refs, region="IN-UP").values()
    assert v.outcome == "contradicted", v.message
    (v,) = verdicts(text, D(2024, 1, 1), refs, region="IN-UP", tolerances={"quantity": 0.06}).values()
    assert v.outcome == "supported" and v.evidence[0].row == "s-up"


def test_an_implied_topic_supports_a_matching_figure_but_never_contradicts():
    # the article names no topic: its figure is read as the tables' topic, which may support it ...
    (v,) = verdicts("Uttar Pradesh has 90 lakh enterprises.", D(2022, 1, 1)).values()
    assert v.outcome == "supported" and v.frame.topic_from == "implied"
    # ... but a figure that would be wrong is not called so: the article never said it was about MSMEs
    (w,) = verdicts("Uttar Pradesh has 40 lakh enterprises.", D(2022, 1, 1)).values()
    assert w.outcome == "unverifiable" and "does not say the figure is about MSMEs" in w.message
    (named,) = verdicts("Uttar Pradesh has 40 lakh MSME enterprises.", D(2022, 1, 1)).values()
    assert named.outcome == "contradicted"


def _shipped(text: str, day: dt.date) -> dict:
    from claimcheck.reference import load_references

    return verdicts(text, day, refs=load_references())


def test_dollars_are_compared_only_with_dollar_figures():
    got = _shipped("MSME exports were worth $190 billion in 2021-22 and $143.9 billion in 2020-21.", D(2023, 9, 1))
    assert [v.outcome for v in got.values()] == ["supported", "supported"], [v.message for v in got.values()]
    assert "$190 billion" in got["$190 billion"].message
    (wrong,) = _shipped("MSME exports were worth $290 billion in 2021-22.", D(2023, 9, 1)).values()
    assert wrong.outcome == "contradicted", wrong.message


def test_a_growing_level_without_its_period_is_not_called_wrong():
    # bank credit to MSMEs grows every year: "now" may be a year the tables do not hold yet
    (now,) = _shipped("Bank credit to MSMEs now stands at Rs 40 lakh crore, the minister said.", D(2025, 7, 1)).values()
    assert now.outcome == "unverifiable" and "states no period" in now.message, now.message
    (dated,) = _shipped("Bank credit to MSMEs was Rs 40 lakh crore in 2021-22.", D(2025, 7, 1)).values()
    assert dated.outcome == "contradicted", dated.message


def test_a_limit_that_was_in_force_until_the_article_is_an_earlier_level():
    # the day before the 2025 limits came into force, "previously 1 crore" is the limit then in force
    (v,) = _shipped("सूक्ष्म उद्यम के लिए निवेश की सीमा पहले 1 करोड़ रुपये थी।", D(2025, 3, 30)).values()
    assert v.outcome == "supported", v.message


def test_a_share_the_tables_lack_is_worked_out_from_a_part_and_its_whole():
    # REFS holds Uttar Pradesh's count and the country's on one basis, and no share: 89.99 / 633.88 = 14.2 %
    (v,) = verdicts("Uttar Pradesh accounts for about 14 per cent of the country's MSMEs.", D(2022, 1, 1)).values()
    assert v.outcome == "supported" and v.evidence[0].row.startswith("derived:"), v.message
    (w,) = verdicts("Uttar Pradesh accounts for 35 per cent of the country's MSMEs.", D(2022, 1, 1)).values()
    assert w.outcome == "contradicted" and "14.2%" in w.message, w.message


def test_a_bound_read_as_an_open_range_is_a_bound():
    from claimcheck.judge.figures import claim_interval

    c = qty("over 30%", low=30, kind="percent", unit="percent", qualifier="more_than")
    lo, hi, tl, _ = claim_interval(c)
    assert (lo, hi) == (30, None) and not holds(29.2, lo, hi, tl, 0.0) and holds(30.4, lo, hi, tl, 0.0)
