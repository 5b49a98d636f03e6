"""Officeholder verdicts on small synthetic tables built here (invented persons and posts)."""

import datetime as dt
from pathlib import Path
from types import SimpleNamespace as NS

import pytest

from claimcheck.model import Claim
from claimcheck.judge.officeholders.judge import article_region, check_officeholder, title_sig  # re-exported from people_titles

from paths import EXAMPLE, SHARED
D = dt.date.fromisoformat


def person(pid, en, hi, *aliases):
    return NS(person_id=pid, label_en=en, label_hi=hi, aliases=tuple(aliases), notes="")


def position(pid, en, hi, jur, titles, single=True):
    return NS(position_id=pid, label_en=en, label_hi=hi, jurisdiction=jur, titles=tuple(titles),
              single_holder=single, notes="")


def tenure(pid, pos, start, end=None, last=None):
    return NS(tenure_id=f"{pos}.{pid}.{start}", person_id=pid, position_id=pos, start=start, end=end,
              end_cause="", nature="regular", last_attested=last, source_url=f"https://example.org/{pid}",
              source="example.org", confidence="high", notes="")


@pytest.fixture(scope="module")
def refs():
    persons = [
        person("ravi", "Ravi Shankar Tripathi", "रवि शंकर त्रिपाठी", "R.S. Tripathi", "आरएस त्रिपाठी"),
        person("meena", "Meena Kumari Joshi", "मीना कुमारी जोशी"),
        person("harish", "Harish Chandra Rawat", "हरीश चंद्र रावत", "Harish Rawat", "हरीश रावत"),
        person("gopal", "Gopal Das 'Guddu'", "गोपाल दास 'गुड्डू'", "Guddu", "गुड्डू", "गोपाल दास गुड्डू"),
        person("sunita", "Sunita Verma", "सुनीता वर्मा"),
        person("vk1", "Vinod Kumar (I)", "विनोद कुमार", "Vinod Kumar"),
        person("vk2", "Vinod Kumar (II)", "विनोद कुमार", "Vinod Kumar"),
        person("tarun", "Tarun Saxena", "तरुण सक्सेना"),
        person("pm", "Kamal Nath Bose", "कमल नाथ बोस", "बोस"),
    ]
    positions = [
        position("xx.cs", "Chief Secretary of Testland", "टेस्टलैंड के मुख्य सचिव", "IN-UP", ["मुख्य सचिव", "Chief Secretary"]),
        position("xx.iidc", "Industrial Development Commissioner", "औद्योगिक विकास आयुक्त", "IN-UP",
                 ["अवस्थापना एवं औद्योगिक विकास आयुक्त", "औद्योगिक विकास आयुक्त", "IIDC"]),
        position("xx.min-ind", "Minister of Industrial Development", "औद्योगिक विकास मंत्री", "IN-UP",
                 ["औद्योगिक विकास मंत्री", "Industrial Development Minister"]),
        position("xx.min-avi", "Minister of Civil Aviation", "नागरिक उड्डयन मंत्री", "IN-UP", ["नागरिक उड्डयन मंत्री"]),
        position("xx.ps-msme", "Principal Secretary, MSME", "प्रमुख सचिव, एमएसएमई", "IN-UP",
                 ["प्रमुख सचिव एमएसएमई", "एमएसएमई विभाग के प्रमुख सचिव"]),
        position("xx.dycm", "Deputy Chief Minister", "उपमुख्यमंत्री", "IN-UP", ["उपमुख्यमंत्री"], single=False),
        position("in.pm", "Prime Minister", "प्रधानमंत्री", "IN", ["प्रधानमंत्री", "पीएम", "Prime Minister"]),
    ]
    tenures = [
        tenure("ravi", "xx.cs", "2019-06-30", "2022-01-31"),
        tenure("meena", "xx.cs", "2022-01-31", "2024-06-30"),
        tenure("harish", "xx.cs", "2024-06-30", None, last="2025-01"),
        tenure("harish", "xx.iidc", "2023-03", "2024-06-30"),
        tenure("gopal", "xx.min-avi", "2019-08-22", "2022-03-25"),
        tenure("gopal", "xx.min-ind", "2022-03-28", None, last="2025-01"),
        tenure("sunita", "xx.min-ind", "2017-03-22", "2022-03-25"),
        tenure("vk1", "xx.ps-msme", "2018-01-01", "2020-01-01"),
        tenure("vk2", "xx.ps-msme", "2023-05-01", "unknown", last="2024-12-31"),
        tenure("tarun", "xx.dycm", "2017-03-19", None, last="2025-01"),
        tenure("pm", "in.pm", "2014-05-26", None, last="2025-01"),
    ]
    return NS(persons={p.person_id: p for p in persons}, positions={p.position_id: p for p in positions},
              tenures=tuple(tenures))


def claim(person, office, offices=(), jurisdiction=None, subtype=None):
    return Claim(doc="t", kind="officeholder", text=f"{office} {person}", start=0, end=1, person=person,
                 office=office, offices=tuple(offices) or (office,), jurisdiction=jurisdiction, subtype=subtype)


def verdict(refs, c, day, region="IN-UP"):
    return check_officeholder(c, refs, D(day), region=region)


def test_supported_across_scripts_and_initials(refs):
    for name in ("हरीश चंद्र रावत", "Harish Chandra Rawat", "हरीश रावत"):
        v = verdict(refs, claim(name, "मुख्य सचिव"), "2024-08-30")
        assert v.outcome == "supported", v.message
        assert v.evidence[0].value == "Harish Chandra Rawat" and v.evidence[0].source_url
    assert verdict(refs, claim("आरएस त्रिपाठी", "मुख्य सचिव"), "2020-01-01").outcome == "supported"
    assert verdict(refs, claim("Ravi Shankar Tripathi", "Chief Secretary"), "2020-01-01").outcome == "supported"


def test_outdated_names_the_holder_on_that_date(refs):
    v = verdict(refs, claim("रवि शंकर त्रिपाठी", "मुख्य सचिव"), "2023-01-01")
    assert v.outcome == "outdated"
    assert "Meena Kumari Joshi" in v.message and "2022-01-31" in v.message
    assert any(e.value == "Meena Kumari Joshi" for e in v.evidence)


def test_contradicted_when_someone_else_held_it_and_the_person_only_later(refs):
    v = verdict(refs, claim("गोपाल दास गुड्डू", "औद्योगिक विकास मंत्री"), "2021-01-01")
    assert v.outcome == "contradicted"
    assert "Sunita Verma" in v.message
    # a nickname alone is enough once the post and date decide
    assert verdict(refs, claim("गुड्डू", "औद्योगिक विकास मंत्री"), "2024-01-01").outcome == "supported"


def test_handover_day(refs):
    # on the day of the hand-over the person taking charge holds the post (truth policy of the real-claims sets);
    # the one handing over, named with the plain title, is left ambiguous
    assert verdict(refs, claim("मीना कुमारी जोशी", "मुख्य सचिव"), "2022-01-31").outcome == "supported"
    assert verdict(refs, claim("रवि शंकर त्रिपाठी", "मुख्य सचिव"), "2022-01-31").outcome == "ambiguous"
    # ... and supported when the text calls them outgoing
    c = claim("रवि शंकर त्रिपाठी", "मुख्य सचिव", subtype="outgoing")
    assert verdict(refs, c, "2022-01-31").outcome == "supported"
    assert verdict(refs, c, "2022-02-03").outcome == "supported"
    assert verdict(refs, c, "2022-03-15").outcome != "supported"
    assert verdict(refs, claim("मीना कुमारी जोशी", "मुख्य सचिव"), "2022-02-01").outcome == "supported"


def test_reduced_precision_boundary_is_ambiguous(refs):
    c = claim("हरीश चंद्र रावत", "अवस्थापना एवं औद्योगिक विकास आयुक्त")
    assert verdict(refs, c, "2023-03-15").outcome == "ambiguous"
    assert verdict(refs, c, "2023-06-15").outcome == "supported"


def test_namesakes_decided_by_post_and_date_or_ambiguous(refs):
    c = claim("विनोद कुमार", "प्रमुख सचिव", jurisdiction="एमएसएमई विभाग")
    assert verdict(refs, c, "2019-01-01").evidence[0].value == "Vinod Kumar (I)"
    assert verdict(refs, c, "2024-01-01").evidence[0].value == "Vinod Kumar (II)"
    assert verdict(refs, c, "2021-06-01").outcome == "ambiguous"  # neither holds it then: the name cannot decide


def test_unsourced_start_is_bounded_by_the_predecessor_on_a_single_holder_post():
    persons = [person("a", "Asha Rani", "आशा रानी"), person("b", "Bela Devi", "बेला देवी")]
    pos = [position("p.ps", "Principal Secretary, MSME", "प्रमुख सचिव, एमएसएमई", "IN-UP", ["प्रमुख सचिव एमएसएमई"])]
    ten = [tenure("a", "p.ps", "unknown", "2022-09-01"), tenure("b", "p.ps", "unknown", "2025-07-28")]
    r = NS(persons={p.person_id: p for p in persons}, positions={p.position_id: p for p in pos}, tenures=tuple(ten))
    c = claim("आशा रानी", "प्रमुख सचिव एमएसएमई")
    assert verdict(r, c, "2021-06-01").outcome == "supported"  # Bela's term began after Asha's ended
    assert verdict(r, claim("बेला देवी", "प्रमुख सचिव एमएसएमई"), "2024-01-01").outcome == "supported"
    assert verdict(r, claim("बेला देवी", "प्रमुख सचिव एमएसएमई"), "2021-06-01").outcome != "supported"


def test_unknown_end_after_last_attestation_is_unverifiable(refs):
    c = claim("विनोद कुमार", "प्रमुख सचिव", jurisdiction="एमएसएमई विभाग")
    assert verdict(refs, c, "2024-06-01").outcome == "supported"
    v = verdict(refs, c, "2025-06-01")
    assert v.outcome in ("unverifiable", "ambiguous")


def test_unverifiable_when_no_table_covers_the_post_or_person(refs):
    v = verdict(refs, claim("अनिल मेहता", "स्वास्थ्य मंत्री"), "2024-01-01")
    assert v.outcome == "unverifiable" and "covers" in v.message
    # another state's chief secretary when the article is about a state without a table
    v = verdict(refs, claim("अनिल मेहता", "मुख्य सचिव"), "2024-01-01", region="IN-GA")
    assert v.outcome == "unverifiable"


def test_unknown_person_on_a_covered_single_post_is_contradicted_only_where_the_claim_names_the_state(refs):
    v = verdict(refs, claim("अनिल मेहता", "मुख्य सचिव", jurisdiction="उत्तर प्रदेश"), "2023-01-01")
    assert v.outcome == "contradicted" and "Meena Kumari Joshi" in v.message
    # the article's state is a guess: the chief secretary of another state may be meant
    v = verdict(refs, claim("अनिल मेहता", "मुख्य सचिव"), "2023-01-01")
    assert v.outcome == "unverifiable" and "Meena Kumari Joshi" in v.message
    # on a post with several holders at once an unknown name is not a contradiction
    assert verdict(refs, claim("अनिल मेहता", "उपमुख्यमंत्री"), "2023-01-01").outcome == "unverifiable"


def test_two_offices_worst_outcome_wins_with_evidence_for_each(refs):
    c = claim("हरीश चंद्र रावत", "मुख्य सचिव",
              offices=("मुख्य सचिव", "अवस्थापना एवं औद्योगिक विकास आयुक्त"))
    v = verdict(refs, c, "2024-03-01")  # IIDC then, chief secretary only from 2024-06-30
    assert v.outcome == "contradicted" and "supported" in v.message
    assert {e.value for e in v.evidence} >= {"Harish Chandra Rawat", "Meena Kumari Joshi"}
    v = verdict(refs, c, "2024-08-30")  # chief secretary then, IIDC only until 2024-06-30
    assert v.outcome == "outdated" and "supported" in v.message


def test_surname_only_mentions(refs):
    assert verdict(refs, claim("बोस", "प्रधानमंत्री"), "2020-01-01").outcome == "supported"
    assert verdict(refs, claim("बोस", "पीएम"), "2020-01-01").outcome == "supported"


def test_former_holders(refs):
    c = claim("रवि शंकर त्रिपाठी", "मुख्य सचिव", subtype="former")
    assert verdict(refs, c, "2023-01-01").outcome == "supported"
    # a former holder the tables do not reach back to is not a contradiction
    c = claim("गोपाल दास गुड्डू", "मुख्य सचिव", subtype="former")
    assert verdict(refs, c, "2023-01-01").outcome == "unverifiable"
    c = claim("हरीश चंद्र रावत", "मुख्य सचिव", subtype="former")
    assert verdict(refs, c, "2025-01-01").outcome == "contradicted"


def test_title_signatures_keep_rank_apart():
    assert title_sig("मुख्य सचिव").rank == title_sig("Chief Secretary").rank
    assert title_sig("अपर मुख्य सचिव").rank != title_sig("मुख्य सचिव").rank
    assert title_sig("प्रमुख सचिव").rank != title_sig("मुख्य सचिव").rank
    assert title_sig("मुख्यमंत्री").rank == title_sig("Chief Minister").rank == title_sig("सीएम").rank
    assert title_sig("उपमुख्यमंत्री").rank != title_sig("मुख्यमंत्री").rank
    assert title_sig("औद्योगिक विकास राज्य मंत्री").rank == title_sig("Minister of State").rank
    assert title_sig("केंद्रीय वित्त मंत्री").scope == "IN"


def test_article_region():
    assert article_region("लखनऊ में उप्र सरकार ने कहा कि उत्तर प्रदेश आगे है।") == "IN-UP"
    assert article_region("no place named here") is None


DATES = {"2024-08-30": "supported", "2025-06-01": "outdated", "2025-09-01": "outdated", "2021-01-01": "contradicted"}


@pytest.mark.parametrize("day", sorted(DATES))
def test_example_article_against_the_shipped_tables(day):
    from claimcheck.api import extract
    from claimcheck.reference import load_references

    refs = load_references()
    text = EXAMPLE.read_text(encoding="utf-8")
    got = {}
    for c in extract(text, as_of="2024-08-30"):
        if c.kind == "officeholder":
            got[c.person] = check_officeholder(c, refs, D(day), doc_text=text)
    if day == "2024-08-30":
        assert all(v.outcome == "supported" for v in got.values()), {k: v.message for k, v in got.items()}
    elif day == "2025-06-01":
        v = got["अभिषेक प्रकाश"]
        assert v.outcome == "outdated" and "Vijay Kiran Anand" in v.message
    elif day == "2025-09-01":
        v = got["मनोज कुमार सिंह"]
        assert v.outcome == "outdated" and "Goyal" in v.message
    else:
        v = got["नंद गोपाल नंदी"]
        assert v.outcome == "contradicted" and "Mahana" in v.message


def test_a_title_without_portfolio_is_checked_against_every_post_of_that_rank(refs):
    assert verdict(refs, claim("गोपाल दास गुड्डू", "मंत्री"), "2024-01-01").outcome == "supported"
    assert verdict(refs, claim("Gopal Das", "minister"), "2020-01-01").outcome == "supported"  # civil aviation
    # not holding one of the listed minister posts is no contradiction: the tables do not list every ministry
    assert verdict(refs, claim("गोपाल दास गुड्डू", "मंत्री"), "2018-01-01").outcome == "unverifiable"
    assert verdict(refs, claim("अनिल मेहता", "मंत्री"), "2024-01-01").outcome == "unverifiable"


def test_namesakes_under_a_title_without_portfolio_are_ambiguous():
    persons = [person("a1", "Amit Verma (I)", "अमित वर्मा", "Amit Verma"),
               person("a2", "Amit Verma (II)", "अमित वर्मा", "Amit Verma")]
    pos = [position("p.h", "Principal Secretary, Health", "", "IN-UP", ["प्रमुख सचिव स्वास्थ्य"]),
           position("p.e", "Principal Secretary, Energy", "", "IN-UP", ["प्रमुख सचिव ऊर्जा"])]
    ten = [tenure("a1", "p.h", "2020-01-01"), tenure("a2", "p.e", "2021-01-01")]
    r = NS(persons={p.person_id: p for p in persons}, positions={p.position_id: p for p in pos}, tenures=tuple(ten))
    assert verdict(r, claim("अमित वर्मा", "प्रमुख सचिव"), "2022-01-01").outcome == "ambiguous"
    assert verdict(r, claim("अमित वर्मा", "प्रमुख सचिव"), "2020-06-01").outcome == "supported"  # only one then
    assert verdict(r, claim("अमित वर्मा", "प्रमुख सचिव स्वास्थ्य"), "2022-01-01").outcome == "supported"
