"""Officeholder forms that held-out news writes and the development corpus did not (issue 14): two titles of one
person, name-first and headline forms, a title shared by a list of names, and a place written after a title.

Every sentence here is written for the test; the names are invented.
"""

import pytest

from claimcheck.api import extract


def officeholders(text):
    return [c for c in extract(text, as_of="2024-08-30") if c.kind == "officeholder"]


def pairs(text):
    return [(c.person, c.offices) for c in officeholders(text)]


# --- two titles of one person joined by एवं/और/and -----------------------------------------------------------

@pytest.mark.parametrize("text, person, offices", [
    ("कलेक्टर एवं जिला मजिस्ट्रेट रमेश वर्मा ने बाढ़ राहत की समीक्षा की।", "रमेश वर्मा",
     ("कलेक्टर", "जिला मजिस्ट्रेट")),
    ("जिलाधिकारी और मजिस्ट्रेट अनिल कुमार सिंह ने आदेश जारी किया।", "अनिल कुमार सिंह",
     ("जिलाधिकारी", "मजिस्ट्रेट")),
    ("District Collector and Magistrate Priya Raghavan reviewed the relief camps.", "Priya Raghavan",
     ("District Collector", "Magistrate")),
    ("Collector-cum-District Magistrate Priya Raghavan reviewed the relief camps.", "Priya Raghavan",
     ("Collector-cum-District Magistrate",)),
])
def test_two_titles_of_one_person(text, person, offices):
    assert pairs(text) == [(person, offices)]


# --- name-first and headline forms ----------------------------------------------------------------------------

def test_post_given_with_ko_in_a_headline_without_its_verb():
    cs = officeholders("बड़ा फेरबदल: सुरेश प्रसाद सिन्हा को बिहार का राज्यपाल")
    assert [(c.person, c.office, c.jurisdiction, c.subtype) for c in cs] == [
        ("सुरेश प्रसाद सिन्हा", "राज्यपाल", "बिहार", "designate")]
    # with the verb written, as before
    cs = officeholders("केंद्र ने अनिल कुमार सिंह को असम का नया राज्यपाल नियुक्त किया।")
    assert [(c.person, c.jurisdiction) for c in cs] == [("अनिल कुमार सिंह", "असम")]


def test_headline_list_of_posts_given():
    cs = officeholders("फेरबदल: सुरेश प्रसाद सिन्हा को बिहार का राज्यपाल, कमला देवी को असम की राज्यपाल")
    assert [(c.person, c.jurisdiction) for c in cs] == [("सुरेश प्रसाद सिन्हा", "बिहार"), ("कमला देवी", "असम")]
    # without the verb the name must start its clause
    assert officeholders("उन्होंने सुरेश को बिहार का राज्यपाल।") == []


def test_ko_region_ka_title_needs_the_clause_to_end_there():
    # "को … का मुख्यमंत्री" followed by more words is no headline appointment
    assert officeholders("उन्होंने सुरेश प्रसाद को बिहार का मुख्यमंत्री आवास दिखाया।") == []


@pytest.mark.parametrize("text, person, jurisdiction", [
    ("Suresh Prasad Sinha appointed Governor of Bihar", "Suresh Prasad Sinha", "Bihar"),
    ("Meena Iyer named new Kerala Governor", "Meena Iyer", "Kerala"),
    ("Anita Rao has been appointed the new Chief Secretary of Assam.", "Anita Rao", "Assam"),
])
def test_passive_appointment_names_the_holder_first(text, person, jurisdiction):
    cs = officeholders(text)
    assert [(c.person, c.jurisdiction, c.subtype) for c in cs] == [(person, jurisdiction, "designate")]


def test_a_title_as_the_object_of_made_is_no_appointment():
    assert officeholders("Sachin Rao Patil made the Chief Minister a promise.") == []


def test_the_object_of_an_appointing_verb_holds_the_post_not_its_subject():
    cs = officeholders("Chandra appointed Suresh Sinha Governor of Bihar")
    assert [(c.person, c.jurisdiction, c.subtype) for c in cs] == [("Suresh Sinha", "Bihar", "designate")]
    cs = officeholders("President names Ramesh Kumar Patil Governor of Goa")
    assert [(c.person, c.jurisdiction) for c in cs] == [("Ramesh Kumar Patil", "Goa")]
    assert officeholders("He named the Governor in his speech.") == []


def test_batour_title_makes_the_name_before_act_in_the_post():
    cs = officeholders("रमेश कुमार यादव ने बतौर मुख्यमंत्री पहली बैठक की।")
    assert [(c.person, c.office, c.subtype) for c in cs] == [("रमेश कुमार यादव", "मुख्यमंत्री", "past")]
    # "पहली बार" after a title is no name
    assert officeholders("मुख्यमंत्री पहली बार पहुंचे।") == []


def test_name_comma_title_of_region_takes_the_region():
    text = "The plan was praised by Ramesh Kumar Patil, the Chief Minister of Maharashtra, in Mumbai."
    cs = officeholders(text)
    assert [(c.person, c.office, c.jurisdiction) for c in cs] == [
        ("Ramesh Kumar Patil", "Chief Minister", "Maharashtra")]
    assert text[cs[0].start:cs[0].end] == "Ramesh Kumar Patil, the Chief Minister of Maharashtra"
    cs = officeholders("Talks were led by Hamid Raza Qureshi, Foreign Minister, on Monday.")
    assert [(c.person, c.office) for c in cs] == [("Hamid Raza Qureshi", "Foreign Minister")]


# --- a title shared by a list of names ------------------------------------------------------------------------

@pytest.mark.parametrize("text, persons", [
    ("मंत्री सुरेश राणा, अनिल शर्मा और कमला देवी मौजूद रहे।", ["सुरेश राणा", "अनिल शर्मा", "कमला देवी"]),
    ("कैबिनेट मंत्री सुरेश राणा और अनिल शर्मा ने मेहमानों का स्वागत किया।", ["सुरेश राणा", "अनिल शर्मा"]),
    ("Union Minister Suresh Rana and Anil Sharma said the bridge would open soon.", ["Suresh Rana", "Anil Sharma"]),
])
def test_a_post_many_hold_is_shared_by_a_list(text, persons):
    cs = officeholders(text)
    assert [c.person for c in cs] == persons
    assert len({c.office for c in cs}) == 1
    # the first name has the title written before it; the others may not, so they are never contradicted
    assert cs[0].subtype is None and all(c.subtype == "shared" for c in cs[1:])


def test_plural_mlas_share_their_title():
    cs = officeholders("Opposition MLAs Ravi Teja, Anil Sharma and Kamla Devi walked out of the House.")
    assert [(c.person, c.office) for c in cs] == [("Ravi Teja", "MLAs"), ("Anil Sharma", "MLAs"), ("Kamla Devi", "MLAs")]


def test_a_new_title_after_a_comma_starts_a_new_mention():
    cs = officeholders("विधायक सुरेश राणा, अनिल शर्मा और कमला देवी, सांसद रमेश पटेल ने भाग लिया।")
    assert [(c.person, c.office) for c in cs] == [
        ("सुरेश राणा", "विधायक"), ("अनिल शर्मा", "विधायक"), ("कमला देवी", "विधायक"), ("रमेश पटेल", "सांसद")]
    cs = officeholders("कैबिनेट मंत्री सुरेश राणा, राज्य मंत्री अनिल शर्मा और विधायक कमला देवी मौजूद रहे।")
    assert [(c.person, c.office) for c in cs] == [
        ("सुरेश राणा", "कैबिनेट मंत्री"), ("अनिल शर्मा", "राज्य मंत्री"), ("कमला देवी", "विधायक")]


@pytest.mark.parametrize("text, persons", [
    # one holder: a portfolio, or Chief/मुख्य in the title
    ("वित्त मंत्री सुरेश राणा और अनिल शर्मा ने बात की।", ["सुरेश राणा"]),
    ("Chief Minister Suresh Rana and Anil Sharma said the talks went well.", ["Suresh Rana"]),
    # two names that do not act together
    ("चुनाव में केंद्रीय मंत्री सुरेश राणा और अनिल शर्मा आगे हैं।", ["सुरेश राणा"]),
])
def test_a_title_not_shared(text, persons):
    assert [c.person for c in officeholders(text)] == persons


# --- a place or building after a title ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "मुख्य सचिव कमिश्नरी सभागार में बैठक लेंगे।",
    "मुख्य सचिव कलेक्ट्रेट सभागार में पहुंचे।",
    "जिलाधिकारी विकास भवन में समीक्षा बैठक करेंगे।",
    "कलेक्टर कार्यालय में जनसुनवाई हुई।",
    "The DM office was closed on Monday.",
    "The Chief Secretary Collectorate Hall meeting was put off.",
])
def test_a_place_after_a_title_is_not_a_name(text):
    assert officeholders(text) == []


def test_a_name_before_a_building_noun_is_kept():
    cs = officeholders("मंत्री राकेश कुमार सभागार में पहुंचे।")
    assert [c.person for c in cs] == ["राकेश कुमार"]
