"""Officeholder finder: title phrase + name in either order, with our own sentences."""

import json
from pathlib import Path

import pytest

from claimcheck.api import extract

from paths import EXAMPLE, SHARED


def officeholders(text, lang=None):
    return [c for c in extract(text, as_of="2024-08-30", lang=lang) if c.kind == "officeholder"]


def one(text, lang=None):
    cs = officeholders(text, lang)
    assert len(cs) == 1, [c.text for c in cs]
    c = cs[0]
    assert text[c.start:c.end] == c.text
    return c


@pytest.mark.parametrize(
    "text, surface, person, office",
    [
        ("राज्य के वित्त मंत्री सुरेश खन्ना ने बजट पेश किया।", "वित्त मंत्री सुरेश खन्ना", "सुरेश खन्ना", "वित्त मंत्री"),
        ("कल उपमुख्यमंत्री ब्रजेश पाठक ने अस्पताल देखा।", "उपमुख्यमंत्री ब्रजेश पाठक", "ब्रजेश पाठक", "उपमुख्यमंत्री"),
        ("बैठक के बाद राज्यपाल आनंदीबेन पटेल ने शपथ दिलाई।", "राज्यपाल आनंदीबेन पटेल", "आनंदीबेन पटेल", "राज्यपाल"),
        ("पीएम मोदी ने कहा कि काम होगा।", "पीएम मोदी", "मोदी", "पीएम"),
        ("सीएम योगी ने निर्देश दिए।", "सीएम योगी", "योगी", "सीएम"),
        ("अपर मुख्य सचिव (एमएसएमई) नवनीत सहगल ने बताया", "अपर मुख्य सचिव (एमएसएमई) नवनीत सहगल", "नवनीत सहगल",
         "अपर मुख्य सचिव (एमएसएमई)"),
        ("मुख्य सचिव एसपी गोयल ने अफसरों से कहा", "मुख्य सचिव एसपी गोयल", "एसपी गोयल", "मुख्य सचिव"),
        ("जिलाधिकारी श्री राजेश कुमार ने निरीक्षण किया।", "जिलाधिकारी श्री राजेश कुमार", "राजेश कुमार", "जिलाधिकारी"),
        ("Chief Minister Yogi Adityanath on Monday opened the expo.", "Chief Minister Yogi Adityanath",
         "Yogi Adityanath", "Chief Minister"),
        ("Later, education minister Anita Rao met teachers.", "education minister Anita Rao", "Anita Rao",
         "education minister"),
        ("Union Minister of State for MSME Shobha Karandlaje visited the cluster.",
         "Union Minister of State for MSME Shobha Karandlaje", "Shobha Karandlaje",
         "Union Minister of State for MSME"),
    ],
)
def test_title_then_name(text, surface, person, office):
    c = one(text)
    assert (c.text, c.person, c.office) == (surface, person, office)


@pytest.mark.parametrize(
    "text, surface, person, office",
    [
        ("Rakesh Sachan, the State MSME Minister, said the fair helps weavers.",
         "Rakesh Sachan, the State MSME Minister", "Rakesh Sachan", "State MSME Minister"),
        ("S.P. Goyal, Chief Secretary, chaired the review.", "S.P. Goyal, Chief Secretary", "S.P. Goyal",
         "Chief Secretary"),
        ("-दीपक कुमार वर्मा, मुख्य सचिव", "दीपक कुमार वर्मा, मुख्य सचिव", "दीपक कुमार वर्मा", "मुख्य सचिव"),
        ("आलोक रंजन यूपी के नए मुख्य सचिव होंगे।", "आलोक रंजन यूपी के नए मुख्य सचिव", "आलोक रंजन", "नए मुख्य सचिव"),
    ],
)
def test_name_then_title(text, surface, person, office):
    c = one(text)
    assert (c.text, c.person, c.office) == (surface, person, office)


def test_one_person_two_titles():
    t = "समारोह में मुख्य सचिव तथा अवस्थापना एवं औद्योगिक विकास आयुक्त रमेश चंद्र वर्मा उपस्थित रहे।"
    c = one(t)
    assert c.offices == ("मुख्य सचिव", "अवस्थापना एवं औद्योगिक विकास आयुक्त")
    assert c.office == "मुख्य सचिव"
    assert c.person == "रमेश चंद्र वर्मा"
    c = one("केंद्रीय कृषि मंत्री व पार्टी के राष्ट्रीय अध्यक्ष सुनील दत्त ने रैली की।")
    assert c.offices == ("केंद्रीय कृषि मंत्री", "राष्ट्रीय अध्यक्ष")


def test_portfolio_with_commas_and_conjunctions_then_next_title():
    t = "मंच पर औद्योगिक विकास मंत्री अजय राय, सूक्ष्म, लघु एवं मध्यम उद्यम तथा खादी मंत्री विनय सिंह मौजूद थे।"
    cs = officeholders(t)
    assert [c.person for c in cs] == ["अजय राय", "विनय सिंह"]
    assert cs[1].office == "सूक्ष्म, लघु एवं मध्यम उद्यम तथा खादी मंत्री"


def test_jurisdiction_and_organisation_are_outside_the_span():
    c = one("बिहार के मुख्य सचिव अरुण कुमार ने कहा")
    assert c.jurisdiction == "बिहार" and c.text == "मुख्य सचिव अरुण कुमार"
    c = one("इनवेस्ट यूपी के सीईओ राहुल मेहता ने निवेशकों से बात की।")
    assert c.jurisdiction == "इनवेस्ट यूपी" and c.text == "सीईओ राहुल मेहता"
    c = one("Flipkart CEO Kalyan Krishnamurthy said sales grew.")
    assert c.jurisdiction == "Flipkart"
    c = one("Delhi health minister Satyendar Jain said beds were ready.")
    assert c.jurisdiction == "Delhi" and c.office == "health minister"


def test_zero_width_joiners_inside_title_and_name():
    t = "गृह मंत्रालय की संयुक्\u200dत सचिव पुण्\u200dय सलिला श्रीवास्\u200dतव ने कहा"
    c = one(t)
    assert c.text == "संयुक्\u200dत सचिव पुण्\u200dय सलिला श्रीवास्\u200dतव"
    assert c.jurisdiction == "गृह मंत्रालय"


def test_former_holders():
    c = one("पूर्व मुख्यमंत्री कल्याण सिंह ने कहा")
    assert c.subtype == "former"
    c = one("राज्य के मुख्यमंत्री रहते हुए विजय रूपाणी ने यह योजना शुरू की।")
    assert c.subtype == "former" and c.person == "विजय रूपाणी"
    assert one("मुख्यमंत्री विजय रूपाणी ने कहा").subtype is None


@pytest.mark.parametrize(
    "text",
    [
        "बैठक में मुख्य सचिव ने कहा कि काम जल्द पूरा होगा।",
        "the chief minister said the scheme would continue.",
        "The Prime Minister has also launched an app.",
        "योगी ने कहा कि प्रदेश आगे बढ़ेगा।",
        "Adityanath said the state would grow.",
        "प्रधानमंत्री आवास योजना के तहत घर बने।",
        "प्रधानमंत्री गरीब कल्याण अन्न योजना से राशन मिला।",
        "लोगों ने मुख्यमंत्री राहत कोष में दान दिया।",
        "पीएम केयर्स फंड में योगदान दिया गया।",
        "पीएम 2.5 का स्तर बढ़ा।",
        "मुख्यमंत्री पद के उम्मीदवार राम सिंह चुनाव हार गए।",
        "बैठक में कई अधिकारी मौजूद रहे।",
        "उन्होंने कहा कि वे मुख्यमंत्री हैं।",
        "Pradhan Mantri Awas Yojana gave houses.",
    ],
)
def test_not_officeholder_claims(text):
    assert officeholders(text) == []


def test_coordinated_names_do_not_share_a_title():
    cs = officeholders("दौड़ में केंद्रीय मंत्री राजेश वर्मा और सुरेश यादव आगे हैं।")
    assert [c.person for c in cs] == ["राजेश वर्मा"]


def test_quoted_nickname_and_possessive():
    c = one("Union education minister Ramesh Pokhriyal 'Nishank' wrote to states.")
    assert c.person == "Ramesh Pokhriyal 'Nishank'"
    c = one("UP Chief Minister Yogi Adityanath's office said so.")
    assert c.person == "Yogi Adityanath" and c.jurisdiction == "UP"


def test_example_article_gives_its_eight_officeholders():
    text = EXAMPLE.read_text(encoding="utf-8")
    cs = officeholders(text)
    persons = {c.person for c in cs}
    for p in ("योगी आदित्यनाथ", "नंद गोपाल नंदी", "राकेश सचान", "जसवंत सैनी", "मनोज कुमार सिंह", "आलोक कुमार",
              "अभिषेक प्रकाश", "रजनीश कुमार"):
        assert p in persons
    two = [c for c in cs if c.person == "मनोज कुमार सिंह"][0]
    assert len(two.offices) == 2


def test_dev_corpus_officeholder_recall_and_precision():
    sents = SHARED / "dev-corpus" / "sentences.jsonl"
    gold_path = SHARED / "dev-corpus" / "gold.jsonl"
    if not sents.exists():
        pytest.skip("../shared not present: dev corpus")
    gold = {}
    for line in gold_path.open(encoding="utf-8"):
        g = json.loads(line)
        if g["kind"] == "officeholder":
            gold.setdefault(g["id"], []).append((g["start"], g["end"]))
    tp = fp = fn = 0
    for line in sents.open(encoding="utf-8"):
        s = json.loads(line)
        preds = [(c.start, c.end) for c in officeholders(s["text"], s.get("lang"))]
        gs = gold.get(s["id"], [])
        hit = {g for g in gs for p in preds if p[0] < g[1] and g[0] < p[1]}
        tp += len(hit)
        fn += len(gs) - len(hit)
        fp += sum(1 for p in preds if not any(p[0] < g[1] and g[0] < p[1] for g in gs))
    assert tp / (tp + fn) >= 0.9
    assert tp / (tp + fp) >= 0.92


def test_portfolio_after_the_head_and_official_name_first_style():
    c = one("अपर मुख्य सचिव एमएसएमई एवं निर्यात प्रोत्साहन अमित मोहन प्रसाद ने बताया कि निर्यात बढ़ा।")
    assert c.office == "अपर मुख्य सचिव एमएसएमई एवं निर्यात प्रोत्साहन" and c.person == "अमित मोहन प्रसाद"
    c = one("Principal Secretary MSME Kiran Bedi reviewed the scheme.")
    assert c.office == "Principal Secretary MSME" and c.person == "Kiran Bedi"
    # a name that starts with a portfolio word stays whole
    assert one("मंत्री विकास दुबे ने कहा").person == "विकास दुबे"
    c = one("डॉ. नवनीत सहगल, अपर मुख्य सचिव ने कहा")
    assert c.person == "नवनीत सहगल" and c.text.startswith("डॉ.")
    c = one("श्री हरि प्रसाद वर्मा, मंत्री औद्योगिक विकास ने कहा")
    assert c.office == "मंत्री औद्योगिक विकास" and c.person == "हरि प्रसाद वर्मा"


@pytest.mark.parametrize(
    "text",
    [
        "अधिकारी मौके पर पहुंचे और जांच की।",
        "कई अधिकारी बताते हैं कि काम धीमा है।",
        "अधिकारी अलर्ट मोड पर हैं।",
        "बैठक में मंत्री समूह ने निर्णय लिया।",
        "पीएम मित्र पार्क के लिए जमीन दी गई।",
        "पीएम कुसुम योजना में सोलर पंप मिले।",
        "PM Gati Shakti plan was discussed.",
        "PM MITRA park was approved.",
    ],
)
def test_generic_titles_and_scheme_names_need_a_real_name(text):
    assert officeholders(text) == []


def test_generic_title_with_a_known_given_name():
    assert one("जिला पूर्ति अधिकारी राजेश कुमार ने बताया").person == "राजेश कुमार"
    assert one("Minister Gadkari said roads would be built.").person == "Gadkari"


def test_cum_titles_home_region_and_given_names_that_are_also_nouns():
    c = one("उपायुक्त सह जिला दंडाधिकारी रीना सहाय ने पुष्टि की।")
    assert c.offices == ("उपायुक्त", "जिला दंडाधिकारी") and c.person == "रीना सहाय"
    c = one("गांव का युवक राज्य के कृषि मंत्री अमर बाउरी के क्षेत्र का है।")
    assert c.jurisdiction == "राज्य"
    assert one("जिलाधिकारी कौशल किशोर ने बताया").person == "कौशल किशोर"


def test_portfolio_after_a_comma():
    c = one("Vinod Rai, Principal Secretary, MSME and Export Promotion, said the policy was ready.")
    assert c.office == "Principal Secretary, MSME and Export Promotion" and c.person == "Vinod Rai"
    c = one("प्रमुख सचिव, एमएसएमई विनोद राय ने कहा")
    assert c.office == "प्रमुख सचिव, एमएसएमई" and c.person == "विनोद राय"
    assert officeholders("मुख्य सचिव, स्वास्थ्य विभाग ने कहा") == []


def test_name_ends_at_a_known_surname_or_a_verb():
    assert one("एमएसएमई मंत्री हरि सचान सरकारी आंकड़ा बताते हुए बोले कि निर्यात बढ़ा।").person == "हरि सचान"
    assert one("मंत्री गोपाल गुप्ता नंदी ने कहा").person == "गोपाल गुप्ता नंदी"
    assert one("जिलाधिकारी सुनील कुमार राजपूत ने कहा").person == "सुनील कुमार राजपूत"
    assert one("मंत्री अरुण सक्सेना बोले कि काम होगा").person == "अरुण सक्सेना"


def test_appositive_name_and_comma_lists_of_titles():
    c = one("The Vice President, Shri M Venkaiah Naidu has suggested that milk be given.")
    assert c.person == "M Venkaiah Naidu" and c.office == "Vice President"
    assert officeholders('"We are ready," said the Chief Minister, who visited the site.') == []
    # a comma lists different people: only the named one is an officeholder, with only its own title
    c = one("मुख्य सचिव, अपर मुख्य सचिव गृह अवनीश कुमार अवस्थी मौजूद थे।")
    assert c.offices == ("अपर मुख्य सचिव गृह",)
    # a Title-Case headline: the name ends at the known surname
    assert one("PM Modi Releases Funds Worth Rs 2,691 Crore").person == "Modi"
