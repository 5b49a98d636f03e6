"""Officeholder verdicts end to end (extract + check) on our own sentences against the shipped tables.

Only facts the research folder sources are used (UP chief ministers, chief secretaries, industry ministers,
Union MSME ministers, Presidents); claims about posts no table covers must stay unverifiable (no false alarm).
"""

import pytest

from claimcheck.api import check

CASES = [
    ("2024-10-01", "लखनऊ में मुख्यमंत्री योगी आदित्यनाथ ने नई नीति जारी की।", "योगी आदित्यनाथ", "supported"),
    ("2025-08-15", "मुख्य सचिव मनोज कुमार सिंह ने अधिकारियों के साथ बैठक की।", "मनोज कुमार सिंह", "outdated"),
    ("2025-08-15", "मुख्य सचिव एसपी गोयल ने अधिकारियों के साथ बैठक की।", "एसपी गोयल", "supported"),
    ("2023-07-10", "Industrial Development Minister Nand Gopal Gupta Nandi met investors in Lucknow.",
     "Nand Gopal Gupta Nandi", "supported"),
    ("2020-07-10", "Industrial Development Minister Nand Gopal Gupta Nandi met investors in Lucknow.",
     "Nand Gopal Gupta Nandi", "contradicted"),
    ("2020-07-10", "Industrial Development Minister Satish Mahana met investors in Lucknow.", "Satish Mahana",
     "supported"),
    ("2023-01-05", "उत्तर प्रदेश के औद्योगिक विकास मंत्री सतीश महाना ने कहा कि निवेश बढ़ा है।", "सतीश महाना", "outdated"),
    ("2022-01-10", "केंद्रीय एमएसएमई मंत्री नारायण राणे ने योजना शुरू की।", "नारायण राणे", "supported"),
    ("2024-12-10", "MSME Minister Narayan Rane inaugurated the fair.", "Narayan Rane", "outdated"),
    ("2020-05-01", "पंजाब के वित्त मंत्री मनप्रीत बादल ने बजट रखा।", "मनप्रीत बादल", "unverifiable"),
    ("2017-05-01", "President Ram Nath Kovind addressed the gathering.", "Ram Nath Kovind", "contradicted"),
    ("2023-03-01", "राष्ट्रपति रामनाथ कोविंद ने कहा", "रामनाथ कोविंद", "outdated"),
    ("2025-05-20", "इन्वेस्ट यूपी के सीईओ अभिषेक प्रकाश ने निवेशकों से बात की।", "अभिषेक प्रकाश", "outdated"),
    ("2024-03-01", "उपमुख्यमंत्री दिनेश शर्मा ने अस्पताल का निरीक्षण किया।", "दिनेश शर्मा", "outdated"),
    ("2023-09-10", "Rakesh Sachan, the State MSME Minister, visited the expo.", "Rakesh Sachan", "supported"),
    ("2020-06-01", "मुख्य सचिव आरके तिवारी ने जिलाधिकारियों को निर्देश दिए।", "आरके तिवारी", "supported"),
    ("2021-06-01", "बिहार के मुख्य सचिव त्रिपुरारी शरण ने कहा", "त्रिपुरारी शरण", "supported"),  # Bihar's CS chain since 2019
    ("2024-02-01", "उत्तर प्रदेश के पूर्व मुख्यमंत्री अखिलेश यादव ने आरोप लगाया।", "अखिलेश यादव", "supported"),
    ("2020-02-01", "जिलाधिकारी अभिषेक प्रकाश ने बैठक ली।", "अभिषेक प्रकाश", "unverifiable"),
    ("2020-06-01", "मुख्य सचिव उत्पल कुमार सिंह ने कहा कि राज्य तैयार है।", "उत्पल कुमार सिंह", "supported"),  # his own record: Uttarakhand CS then
    ("2019-07-29", "लखनऊ, 29 जुलाई (भाषा) राज्यपाल राम नाईक ने विदाई समारोह में भाग लिया।", "राम नाईक",
     "ambiguous"),
    # no state in the text, and the person was Governor of two states: which post is meant is not known
    ("2019-07-29", "राज्यपाल राम नाईक ने विदाई समारोह में भाग लिया।", "राम नाईक", "unverifiable"),
    # a second name sharing a title that several hold, checked like the first
    ("2024-08-01", "उपमुख्यमंत्री केशव प्रसाद मौर्य और ब्रजेश पाठक ने अस्पताल देखे।", "ब्रजेश पाठक", "supported"),
    ("2024-08-01", "Deputy Chief Ministers Keshav Prasad Maurya and Dinesh Sharma met officials.", "Dinesh Sharma",
     "outdated"),
    # ... but a singular title may not reach the second name: never a false alarm on it
    ("2024-08-01", "उपमुख्यमंत्री केशव प्रसाद मौर्य और अखिलेश यादव के बीच बहस हुई।", "अखिलेश यादव", "unverifiable"),
    ("2024-08-01", "उपमुख्यमंत्री केशव प्रसाद मौर्य और दिनेश शर्मा ने पौधे लगाए।", "दिनेश शर्मा", "unverifiable"),
    # name-first over a possessive jurisdiction; a PIB-style appositive with an honorific
    ("2024-09-20", "Rakesh Sachan, the state's MSME minister, opened the fair.", "Rakesh Sachan", "supported"),
    ("2024-09-20", "The Union Minister for Micro, Small and Medium Enterprises, Shri Jitan Ram Manjhi, spoke.",
     "Jitan Ram Manjhi", "supported"),
    # a portfolio named loosely: the person's post on the date shares a portfolio word (MSME)
    ("2024-09-20", "एमएसएमई एवं निर्यात प्रोत्साहन मंत्री राकेश सचान ने मेले का उद्घाटन किया।", "राकेश सचान",
     "supported"),
    # ... but a portfolio the person never held is still contradicted
    ("2024-09-20", "औद्योगिक विकास मंत्री राकेश सचान ने मेले का उद्घाटन किया।", "राकेश सचान", "contradicted"),
    # a person unknown to the tables: a post that exists in states too, or a surname alone, is no contradiction
    ("2024-09-20", "वित्त मंत्री हरिओम ठकराल ने बजट पेश किया।", "हरिओम ठकराल", "unverifiable"),
    ("2024-09-20", "पूर्वी तिमोर के राष्ट्रपति ठकराल ने कहा कि व्यापार बढ़ेगा।", "ठकराल", "unverifiable"),
    # a foreign head of government is not India's
    ("2024-09-20", "ब्रिटिश प्रधानमंत्री हरिओम ठकराल ने बधाई दी।", "हरिओम ठकराल", "unverifiable"),
    # ... while a Union title written as such still is
    ("2024-09-20", "केंद्रीय वित्त मंत्री हरिओम ठकराल ने बजट पेश किया।", "हरिओम ठकराल", "contradicted"),
]


@pytest.mark.parametrize("day, text, person, expected", CASES)
def test_verdicts(day, text, person, expected):
    got = [c for c in check(text, as_of=day) if c.claim.kind == "officeholder" and c.claim.person == person]
    assert len(got) == 1, [c.claim.text for c in check(text, as_of=day)]
    v = got[0].verdict
    assert v.outcome == expected, v.message
    if expected in ("supported", "outdated", "contradicted"):
        assert v.evidence and any(e.source_url for e in v.evidence)
    if expected == "outdated":
        assert "held by" in v.message


def test_three_initials_in_one_word_do_not_loop():
    # "S.C.L." is one word of three initials: the retry without the last word must not recurse forever
    got = [c for c in check("MSME Secretary S.C.L. Das said registrations rose.", as_of="2024-09-20")
           if c.claim.kind == "officeholder"]
    assert len(got) == 1 and got[0].verdict.outcome in ("unverifiable", "supported", "contradicted", "outdated")
