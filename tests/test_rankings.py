"""Ranking claims: where they are found, the rank they claim, and what is not one."""

import pytest

import claimcheck


def rankings(text, as_of="2024-05-01"):
    return [c for c in claimcheck.extract(text, as_of=as_of) if c.kind == "ranking"]


@pytest.mark.parametrize("text,region,rank", [
    ("सबसे अधिक एमएसएमई यूनिट वाला राज्य उप्र है।", "IN-UP", 1),
    ("उत्तर प्रदेश देश में सबसे अधिक एमएसएमई वाला राज्य है।", "IN-UP", 1),
    ("देश में सबसे ज्यादा पंजीकृत एमएसएमई महाराष्ट्र में हैं।", "IN-MH", 1),
    ("Uttar Pradesh has the highest number of MSMEs in the country.", "IN-UP", 1),
    ("एमएसएमई की संख्या में तमिलनाडु तीसरे स्थान पर है।", "IN-TN", 3),
    ("Bihar has 34 lakh MSMEs, the second highest number among all states.", "IN-BR", 2),
    ("Rajasthan tops among all the states in MSME registrations this year.", "IN-RJ", 1),
    ("Kerala is a small state. It has the second-largest number of MSMEs in the country.", "IN-KL", 2),
])
def test_found_with_region_and_rank(text, region, rank):
    found = rankings(text)
    assert found, text
    assert (found[0].region_code, found[0].value) == (region, rank)


@pytest.mark.parametrize("text", [
    "भारत पदक तालिका में दूसरे स्थान पर है।",          # no MSME topic in the sentence
    "सबसे अधिक बारिश वाला राज्य केरल रहा।",            # the superlative is about rain, not a table's measure
    "The team had the highest score of any state.",
    "Rajasthan tops the medal table among all the states.",  # leads, but not in anything the tables count
])
def test_not_rankings(text):
    assert not [c for c in claimcheck.check(text, as_of="2024-05-01")
                if c.claim.kind == "ranking" and c.verdict.outcome != "unverifiable"]


def test_rank_two_is_judged_as_rank_two():
    v = [cc.verdict for cc in claimcheck.check("एमएसएमई की संख्या में पश्चिम बंगाल देश में दूसरे स्थान पर है।",
                                                as_of="2022-03-01") if cc.claim.kind == "ranking"][0]
    assert v.outcome == "supported" and "behind Uttar Pradesh" in v.message
    v = [cc.verdict for cc in claimcheck.check("एमएसएमई की संख्या में कर्नाटक दूसरे स्थान पर है।",
                                                as_of="2022-03-01") if cc.claim.kind == "ranking"][0]
    assert v.outcome == "contradicted"


def test_investment_limit_follows_the_definition_in_force():
    text = "सूक्ष्म उद्यम के लिए निवेश की सीमा 1 करोड़ रुपये है।"
    assert claimcheck.check(text, as_of="2023-01-01")[0].verdict.outcome == "supported"
    later = claimcheck.check(text, as_of="2025-06-01")[0].verdict
    assert later.outcome == "outdated" and "2.5 crore" in later.message
    # a project's cost is no definition
    assert claimcheck.check("सड़क परियोजना पर 1 करोड़ रुपये का निवेश होगा।", as_of="2023-01-01")[0].verdict.outcome \
        == "unverifiable"


def test_a_rank_that_holds_on_one_count_and_not_on_another_is_ambiguous_not_wrong():
    # no basis named: fourth on the registrations table of mid-March 2023, not on the 2015-16 survey
    (v,) = [cc.verdict for cc in claimcheck.check("Gujarat has the fourth highest number of MSMEs in the country.",
                                                   as_of="2023-04-01") if cc.claim.kind == "ranking"]
    assert v.outcome == "ambiguous" and "does not say which count" in v.message, v.message
    # named, the registrations table decides
    (w,) = [cc.verdict for cc in claimcheck.check("Gujarat has the fourth highest number of registered MSMEs.",
                                                   as_of="2023-04-01") if cc.claim.kind == "ranking"]
    assert w.outcome == "supported", w.message


def test_the_highest_share_of_a_part_is_ranked_on_that_part():
    # NSS state table of women-owned units: West Bengal leads, Tamil Nadu is second
    text = "एमएसएमई क्षेत्र में पश्चिम बंगाल में महिला स्वामित्व वाले उद्यमों की सबसे अधिक हिस्सेदारी है।"
    (v,) = [cc.verdict for cc in claimcheck.check(text, as_of="2024-10-01") if cc.claim.kind == "ranking"]
    assert v.outcome == "supported", v.message
    other = "एमएसएमई क्षेत्र में तमिलनाडु में महिला स्वामित्व वाले उद्यमों की सबसे अधिक हिस्सेदारी है।"
    (w,) = [cc.verdict for cc in claimcheck.check(other, as_of="2024-10-01") if cc.claim.kind == "ranking"]
    assert w.outcome == "contradicted" and "West Bengal" in w.message, w.message


@pytest.mark.parametrize("text,outcome", [
    ("उद्यम पोर्टल पर अब तक जितने एमएसएमई ने रजिस्ट्रेशन कराया है, उनमें से सबसे ज्यादा लघु उद्यम रहे।", "contradicted"),
    ("Of the MSMEs registered on the Udyam portal so far, most of them are micro units.", "supported"),
])
def test_the_largest_size_of_the_sector_is_ranked_on_a_table_of_all_sizes(text, outcome):
    (v,) = [cc.verdict for cc in claimcheck.check(text, as_of="2023-01-01") if cc.claim.kind == "ranking"]
    assert v.outcome == outcome and "micro units are the most" in v.message, v.message
