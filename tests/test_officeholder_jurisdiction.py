"""Where a state-level title belongs when the mention does not say, and the qualifiers read with a title.

Sentences are written for these tests; the verdicts rest on the shipped reference tables (Uttar Pradesh).
"""

import pytest

from claimcheck.api import check
from claimcheck.errors import DataError
from claimcheck.judge.officeholders import jurisdiction as J


def _at(text, word):
    i = text.index(word)
    return J.state_for(text, i, i + len(word))


# --- the article's state ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, word, code, how", [
    # datelines: a city with an agency in brackets, a capitalised English city, a city closed by a danda
    ("कानपुर, 3 अप्रैल (वार्ता) मुख्यमंत्री रामलाल ने सभा की।", "मुख्यमंत्री", "IN-UP", "dateline"),
    ("JAIPUR: The Chief Minister opened a school.", "Chief Minister", "IN-RJ", "dateline"),
    ("रांची। राज्यपाल ने झंडा फहराया।", "राज्यपाल", "IN-JH", "dateline"),
    ("Hubballi (Bureau): The Governor met farmers.", "Governor", "IN-KA", "dateline"),
    # the mention's own sentence wins over an earlier one, and an earlier one over the dateline
    ("पटना: बिहार में बाढ़ आई। ओडिशा के दौरे पर गए मुख्यमंत्री ने राहत बांटी।", "मुख्यमंत्री", "IN-OR", "same sentence"),
    ("पटना: गुजरात में निवेश सम्मेलन हुआ। मुख्यमंत्री ने उद्घाटन किया।", "मुख्यमंत्री", "IN-GJ", "earlier"),
    # a state named only in a comparison is not the article's state
    ("भोपाल, 5 मई (भाषा) राजस्थान की तरह यहां भी दो उपमुख्यमंत्री होंगे।", "उपमुख्यमंत्री", "IN-MP", "dateline"),
    ("SHIMLA: Like Kerala, the state will have a new Chief Secretary.", "Chief Secretary", "IN-HP", "dateline"),
])
def test_state_for(text, word, code, how):
    got, why = _at(text, word)
    assert got == code and how in why


@pytest.mark.parametrize("text, word", [
    # no state, no dateline: nothing is assumed
    ("The Chief Minister inaugurated a bridge on Sunday.", "Chief Minister"),
    # a city in running text is not a dateline, and the Union capital is a meeting place
    ("He will meet the Chief Minister in New Delhi after visiting Indore.", "Chief Minister"),
    # a dateline naming two cities in two states does not decide
    ("Mumbai/Chennai, 2 June (PTI): The Governor spoke.", "Governor"),
])
def test_state_unknown(text, word):
    got, why = _at(text, word)
    assert got is None and why


def test_city_gazetteer_is_checked_on_load():
    regions = {"IN": {"en": ["India"]}, "IN-XX": {"en": ["Xland"], "hi": ["एक्सलैंड"]}}
    assert J._check_cities({"IN-XX": {"en": ["Xtown"], "hi": ["एक्सनगर"]}}, regions) == {"xtown": "IN-XX",
                                                                                          "एक्सनगर": "IN-XX"}
    for bad in ({"IN-YY": {"en": ["Ytown"]}},                       # not a region code
                {"IN": {"en": ["Capital"]}},                       # the country is not a state
                {"IN-XX": {"en": ["Xtown"], "mr": ["x"]}},          # unknown key
                {"IN-XX": {"hi": ["Xtown"]}},                      # a Latin name under hi
                {"IN-XX": {"en": [""]}},                           # an empty name
                {"IN-XX": {"en": ["Xland"]}}):                     # a region's own name under a city code? same
        if bad == {"IN-XX": {"en": ["Xland"]}}:
            assert J._check_cities(bad, regions)  # a region name under its own code is allowed (Delhi)
            continue
        with pytest.raises(DataError):
            J._check_cities(bad, regions)
    with pytest.raises(DataError):
        J._check_cities({"IN-XX": {"en": ["Xland"]}}, {**regions, "IN-ZZ": {"en": ["Xland"]}})


def test_shipped_gazetteer_loads():
    assert J.cities()["लखनऊ"] == "IN-UP"
    assert J.cities()["bhopal"] == "IN-MP"


# --- verdicts -----------------------------------------------------------------------------------------------------
def _verdict(text, day, person):
    got = [c for c in check(text, as_of=day) if c.claim.kind == "officeholder" and c.claim.person == person]
    assert len(got) == 1, [(c.claim.text, c.claim.person) for c in check(text, as_of=day)]
    return got[0]


@pytest.mark.parametrize("day, text, person, outcome", [
    # the person's own record places a state title written without its state, whatever the dateline
    ("2024-02-01", "इंदौर, 1 फरवरी (भाषा) मुख्यमंत्री योगी आदित्यनाथ ने निवेशकों को बुलाया।", "योगी आदित्यनाथ",
     "supported"),
    # a person the tables do not know, in an article that names no state: no guess
    ("2024-02-01", "मुख्यमंत्री सुरेंद्रपाल गोयनका ने पुल का उद्घाटन किया।", "सुरेंद्रपाल गोयनका", "unverifiable"),
    # ... with a dateline the state is known, but an unknown person is still no contradiction
    ("2024-02-01", "लखनऊ, 1 फरवरी (भाषा) मुख्यमंत्री सुरेंद्रपाल गोयनका ने पुल का उद्घाटन किया।",
     "सुरेंद्रपाल गोयनका", "unverifiable"),
    # no state written: the only state where the tables list the person in such a post decides, so a holder who
    # has left is outdated
    ("2024-02-01", "राज्यपाल राम नाईक ने कहा कि शिक्षा जरूरी है।", "राम नाईक", "unverifiable"),
    ("2024-02-01", "Chief Minister Akhilesh Yadav laid the foundation stone.", "Akhilesh Yadav", "outdated"),
    # qualifiers: former, designate (named before the oath), outgoing (after the hand-over), handover day
    ("2024-02-01", "पूर्व मुख्यमंत्री अखिलेश यादव ने सभा को संबोधित किया।", "अखिलेश यादव", "supported"),
    ("2024-02-01", "Former Chief Minister Yogi Adityanath spoke.", "Yogi Adityanath", "contradicted"),
    ("2019-07-22", "लखनऊ, 22 जुलाई (भाषा) प्रदेश की मनोनीत राज्यपाल आनंदीबेन पटेल का स्वागत हुआ।", "आनंदीबेन पटेल",
     "supported"),
    ("2019-07-22", "LUCKNOW: The newly-appointed Governor Anandiben Patel will arrive next week.", "Anandiben Patel",
     "supported"),
    ("2019-07-31", "लखनऊ: निवर्तमान राज्यपाल राम नाईक को विदाई दी गई।", "राम नाईक", "supported"),
    ("2019-07-29", "लखनऊ: राज्यपाल आनंदीबेन पटेल ने आज शपथ ली।", "आनंदीबेन पटेल", "supported"),
])
def test_verdicts(day, text, person, outcome):
    cc = _verdict(text, day, person)
    assert cc.verdict.outcome == outcome, cc.verdict.message
    if outcome == "unverifiable":
        assert cc.verdict.message  # says why


def test_unknown_state_message_says_why():
    cc = _verdict("मुख्यमंत्री सुरेंद्रपाल गोयनका ने पुल का उद्घाटन किया।", "2024-02-01", "सुरेंद्रपाल गोयनका")
    assert "state" in cc.verdict.message and "dateline" in cc.verdict.message


@pytest.mark.parametrize("text, subtype", [
    ("मध्य प्रदेश के मनोनीत मुख्यमंत्री रामेश्वर प्रसाद ने कहा", "designate"),
    ("The outgoing Governor Shri Harbans Lal Mehra thanked the staff.", "outgoing"),
    ("former Kerala governor Harbans Lal Mehra was present.", "former"),
    ("Karnataka CM-designate Siddaramaiah met the Governor.", "designate"),
])
def test_qualifier_is_read_with_the_title(text, subtype):
    got = [c.claim for c in check(text, as_of="2024-02-01") if c.claim.kind == "officeholder"]
    assert got and got[0].subtype == subtype, got


def test_the_other_officeholders_of_the_article_give_its_state():
    text = "मुख्य सचिव रामनारायण चौरसिया ने संचालन किया। समारोह में मुख्यमंत्री योगी आदित्यनाथ मौजूद रहे।"
    cc = _verdict(text, "2024-08-30", "रामनारायण चौरसिया")
    # the Chief Minister's own record places the article in Uttar Pradesh; the unknown name is still no
    # contradiction, but the message names that state's holder
    assert cc.verdict.outcome == "unverifiable" and "Uttar Pradesh" in cc.verdict.message
    alone = _verdict("मुख्य सचिव रामनारायण चौरसिया ने संचालन किया।", "2024-08-30", "रामनारायण चौरसिया")
    assert "not known" in alone.verdict.message


def test_a_kind_of_post_no_table_holds_does_not_hide_the_verdict_on_the_other_title():
    cc = _verdict("लखनऊ: सांसद व पूर्व मुख्यमंत्री अखिलेश यादव ने कहा।", "2024-02-01", "अखिलेश यादव")
    assert cc.verdict.outcome == "supported" and "not checked" in cc.verdict.message


def test_initials_run_into_the_surname_are_matched_as_words():
    cc = _verdict("LUCKNOW: Chief Secretary R.K.Tiwari chaired a meeting.", "2021-01-01", "R.K.Tiwari")
    assert cc.verdict.outcome == "supported", cc.verdict.message


def test_initials_in_brackets_inside_a_name():
    text = "लखनऊ: राजेंद्र कुमार (RK) तिवारी ने प्रदेश के मुख्य सचिव के रूप में कार्यभार संभाला।"
    cc = _verdict(text, "2021-01-01", "राजेंद्र कुमार (RK) तिवारी")
    assert cc.verdict.outcome == "supported", cc.verdict.message


def test_vice_president_is_a_rank_of_its_own():
    from claimcheck.judge.officeholders.titles import title_sig
    assert title_sig("उपराष्ट्रपति").rank == title_sig("Vice-President of India").rank != title_sig("राष्ट्रपति").rank


def test_former_with_a_title_without_portfolio():
    cc = _verdict("पूर्व केंद्रीय मंत्री नारायण राणे ने कहा।", "2025-01-01", "नारायण राणे")
    assert cc.verdict.outcome == "supported" and "former" in cc.verdict.message
    # the plain title after the tenure ended is not contradicted by the generic check (not every post is listed)
    assert _verdict("केंद्रीय मंत्री नारायण राणे ने कहा।", "2025-01-01", "नारायण राणे").verdict.outcome == "unverifiable"


@pytest.mark.parametrize("text,name", [
    ("Leader of Opposition Rahul Gandhi met the farmers' delegation.", "Rahul Gandhi"),
    ("लोकसभा में नेता प्रतिपक्ष राहुल गांधी ने किसानों से मुलाकात की।", "राहुल गांधी"),
])
def test_a_leader_of_opposition_is_a_post_of_its_own_rank(text, name):
    cc = _verdict(text, "2024-08-01", name)
    assert cc.verdict.outcome == "supported", cc.verdict.message
