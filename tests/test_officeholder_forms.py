"""Officeholder forms: oath and appointment frames, plural lists, initials, titles inside names, qualifiers.

Every sentence here is written for the test (no text from the development sets).
"""

import pytest

from claimcheck.api import extract


def officeholders(text):
    return [c for c in extract(text, as_of="2024-08-30") if c.kind == "officeholder"]


def persons(text):
    return [c.person for c in officeholders(text)]


@pytest.mark.parametrize("text, person, subtype", [
    # Hindi: the name, then ने/को, a place with के/की, an ordinal or a date, then the title and the frame word
    ("रामकिशोर वर्मा ने राज्य के नौवें मुख्यमंत्री पद की शपथ ली।", "रामकिशोर वर्मा", "designate"),
    ("सुधा रानी सिंह 14 मार्च को हरियाणा की उपमुख्यमंत्री के रूप में शपथ लेंगी।", "सुधा रानी सिंह", "designate"),
    ("पार्टी के वरिष्ठ नेता गिरधारी लाल ने झारखंड के 12वें राज्यपाल के रूप में शपथ ली।", "गिरधारी लाल", "designate"),
    # English: the name, verb words, as/was, then the title
    ("Harendra Pal Dutta was sworn in as the Governor of Goa on Monday.", "Harendra Pal Dutta", "designate"),
    ("Meera Kumari Lal was elected as the Lok Sabha Speaker.", "Meera Kumari Lal", "designate"),
    ("Tarun Das Mehta was the governor of Tripura before.", "Tarun Das Mehta", "past"),
])
def test_oath_and_appointment_frames(text, person, subtype):
    cs = [c for c in officeholders(text) if c.person == person]
    assert cs, [(c.text, c.person) for c in officeholders(text)]
    assert cs[0].subtype == subtype


def test_frame_with_two_names_gives_each_the_title():
    got = persons("अमरेश सिंह और कविता देवी को उपमुख्यमंत्री बनाया गया है।")
    assert got == ["अमरेश सिंह", "कविता देवी"]
    got = persons("Suresh Nath Rao and Anita Bhave take oath as the Deputy Chief Minister of Goa.")
    assert got == ["Suresh Nath Rao", "Anita Bhave"]


def test_frame_place_is_the_region_not_a_party():
    c = [c for c in officeholders("Ravi Prakash Nayak sworn in as the first BJP Chief Minister of Goa on Monday.")][0]
    assert c.jurisdiction == "Goa"


def test_frames_need_a_name():
    assert officeholders("कई अफसरों को जिलाधिकारी बनाया गया।") == []
    assert officeholders("The panel was set up as the Chief Minister wanted.") == []


def test_plural_title_lists_names_up_to_the_next_title():
    got = persons("Ministers Arun Kumar Pillai, K R Menon, Sita Ram Yadav, MLA Gopal Rao and others came.")
    assert got[:3] == ["Arun Kumar Pillai", "K R Menon", "Sita Ram Yadav"]
    got = persons("Union Ministers Arvind Menon, Anil Bose and Lata Das, Goa CM Prem Sawant came.")
    assert got == ["Arvind Menon", "Anil Bose", "Lata Das", "Prem Sawant"]
    got = persons("several Kerala ministers, including Joseph Kurian and Rahul Varghese, attended.")
    assert got == ["Joseph Kurian", "Rahul Varghese"]


def test_one_letter_initial_and_a_kinship_word_in_a_name():
    assert persons("State Chief Secretary A Lakshmi Devi chaired the meeting.") == ["A Lakshmi Devi"]
    assert persons("गुजरात के राज्यपाल रमण भाई पटेल ने कहा।") == ["रमण भाई पटेल"]


def test_a_title_word_inside_a_name_does_not_end_it():
    # प्रधान is a title word (प्रधानमंत्री, प्रधान सचिव) and a surname
    assert persons("केंद्रीय शिक्षा मंत्री रमेश प्रधान ने कहा।") == ["रमेश प्रधान"]


def test_name_first_with_qualifiers_and_an_organisation():
    c = officeholders("Vikram Singh Rathore, the newly elected Goa Chief Minister, met officials.")[0]
    assert (c.person, c.subtype, c.jurisdiction) == ("Vikram Singh Rathore", "designate", "Goa")
    c = officeholders("सुरेश चंद्र अय्यर, नीति आयोग के सीईओ")[0]
    assert c.person == "सुरेश चंद्र अय्यर"


def test_a_claim_before_a_title_does_not_lend_it_a_portfolio_word():
    # खान ("mines") ends the first name; it is not a portfolio of the second title
    got = [(c.person, c.subtype) for c in officeholders(
        "राज्यपाल रहमान अली खान और निवर्तमान राज्यपाल सोमेश्वर प्रसाद से मुलाकात की।")]
    assert got == [("रहमान अली खान", None), ("सोमेश्वर प्रसाद", "outgoing")]


def test_military_rank_before_a_name_is_not_part_of_it():
    got = persons("सेवानिवृत्त लेफ्टिनेंट जनरल हरदीप सिंह ने राज्य के दसवें राज्यपाल के रूप में शपथ ली।")
    assert got == ["हरदीप सिंह"]


def test_past_tense_link_and_a_one_word_name_in_a_frame():
    cs = officeholders("Before that, Malviya was the governor of Tripura.")
    assert [(c.person, c.subtype) for c in cs] == [("Malviya", "past")]
    assert persons("He read the warrant appointing Malviya as the Governor.") == ["Malviya"]


def test_hindi_frame_with_the_name_right_before_the_title():
    assert persons("साथ ही रमाकांत दुबे विधानसभा अध्यक्ष की जिम्मेदारी संभालेंगे।") == ["रमाकांत दुबे"]


def test_capitalised_latin_name_after_a_surname_is_kept_whole():
    assert persons("Speaker of Legislative Assembly Ramesh Hegde Kolar and others came.") == ["Ramesh Hegde Kolar"]


def test_an_organisation_in_brackets_before_chief():
    cs = officeholders("Indian Oceanic Research Agency (IORA) chief T Ramanan said so on Friday.")
    assert [(c.person, c.jurisdiction) for c in cs] == [("T Ramanan", "IORA")]


def test_a_commission_is_part_of_the_title():
    c = officeholders("Ravi Narayan Pillai, Chairman, Handloom and Village Industries Commission, opened the fair.")[0]
    assert c.person == "Ravi Narayan Pillai" and c.office.endswith("Commission")


def test_organisation_chief_needs_no_cue_after_the_name():
    cs = officeholders("Indian Oceanic Research Agency (IORA) chief S Venkat Rao on Monday said it will launch.")
    assert [(c.person, c.jurisdiction) for c in cs] == [("S Venkat Rao", "IORA")]
