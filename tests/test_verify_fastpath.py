"""The verdict stage's shortcuts give the verdicts of the full check.

Two shortcuts keep text with very many figures (a run of numbers, a title and name repeated) linear: a figure whose
sentence cannot name a statistics topic is unverifiable without folding its sentence (one scan of the folded
document finds every place a topic word might be), and an officeholder claim already checked with the same title,
name, date and region reuses its verdict. These tests compare both with the full check on generated text.
"""

from __future__ import annotations

import datetime as _dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.judge import statistics as stats
from claimcheck.judge import verdicts as verify
from claimcheck.find.claims import extract_document
from claimcheck.model import Document
from claimcheck.judge.officeholders.tenure import prepare
from claimcheck.reference import load_references

PIECES = [
    # topic words, alone and glued to letters (the shortcut's scan ignores word boundaries)
    "एमएसएमई", "MSME", "msmes", "Udyam", "xUdyamx", "उद्यम पोर्टल", "लघु उद्योग", "सूक्ष्म, लघु एवं मध्यम",
    "small and medium enterprises", "small industries",
    # figures and their counted nouns
    "96 लाख", "90 से 96 लाख", "2.19 करोड़", "12%", "करीब 14 प्रतिशत", "₹5 करोड़", "Rs 1 crore", "9", "1,23,456",
    "यूनिट", "इकाइयां", "उद्यम", "पंजीकरण", "enterprises", "units",
    # places, rankings, districts, titles and names
    "उत्तर प्रदेश", "Uttar Pradesh", "सबसे अधिक एमएसएमई वाला राज्य", "first among states", "जिले में",
    "मुख्य सचिव मनोज कुमार सिंह", "मुख्यमंत्री योगी आदित्यनाथ", "Chief Minister Yogi Adityanath",
    # sentence boundaries, folding edges (nasal + virama, nukta, joiners) and long stretches without a boundary
    "।", ". ", "\n", "?", "न्", "्", "ज़", "\u200d", "\u093c", " ", " ", " ", "क" * 390, "9 " * 60,
]

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _full(claims, refs, when, doc):
    """The verdicts without either shortcut: every figure's sentence is folded and checked, every officeholder
    claim is checked afresh."""
    with pytest.MonkeyPatch.context() as m:
        m.setattr(verify, "_may_name_topic", lambda *a: True)
        out = []
        for c in claims:
            prepare(refs).verdicts.clear()
            out.append(verify.check_claim(c, refs, when, doc.text))
        return out


@SETTINGS
@given(parts=st.lists(st.sampled_from(PIECES), min_size=1, max_size=40),
       when=st.sampled_from([_dt.date(2019, 5, 1), _dt.date(2024, 8, 30), _dt.date(2025, 6, 1)]))
def test_shortcuts_give_the_verdicts_of_the_full_check(parts, when):
    text = " ".join(parts)
    refs = load_references(())
    doc = Document(id="t", text=text, date=when)
    claims = extract_document(doc)
    fast = [cc.verdict for cc in verify.check_claims(claims, refs, when, doc=doc)]
    assert fast == _full(claims, refs, when, doc)


def test_checked_officeholder_verdict_is_reused_and_equal():
    refs = load_references(())
    when = _dt.date(2024, 8, 30)
    text = "मुख्य सचिव मनोज कुमार सिंह ने कहा। " * 3
    doc = Document(id="t", text=text, date=when)
    claims = [c for c in extract_document(doc) if c.kind == "officeholder"]
    assert len(claims) == 3
    prepare(refs).verdicts.clear()
    verdicts = [cc.verdict for cc in verify.check_claims(claims, refs, when, doc=doc)]
    assert len(prepare(refs).verdicts) == 1  # three claims, one check
    assert verdicts[0] == verdicts[1] == verdicts[2]
    assert verdicts[0].outcome != "unverifiable" or "no officeholder" not in verdicts[0].message
    # another date is another key
    other = verify.check_claims(claims[:1], refs, _dt.date(2010, 1, 1), doc=doc)
    assert len(prepare(refs).verdicts) == 2
    assert other[0].verdict.as_of == "2010-01-01"


def test_figures_without_a_topic_word_fold_no_sentence():
    refs = load_references(())
    when = _dt.date(2024, 8, 30)
    # thousands of figures and no sentence boundary: each sentence window is 800 characters
    text = "96 लाख लोग और 12% " * 3_000
    doc = Document(id="t", text=text, date=when)
    claims = extract_document(doc)
    assert len(claims) > 1000
    folded = []
    real = verify._folded_slice
    with pytest.MonkeyPatch.context() as m:
        m.setattr(verify, "_folded_slice", lambda *a: folded.append(a) or real(*a))
        checked = verify.check_claims(claims, refs, when, doc=doc)
        assert folded == []
        assert {cc.verdict.message for cc in checked} == {"no reference table covers this figure"}
        # the same figures after a topic word are checked in full (their sentences are folded)
        text2 = "एमएसएमई " + text
        doc2 = Document(id="t2", text=text2, date=when)
        verify.check_claims(extract_document(doc2)[:5], refs, when, doc=doc2)
        assert folded


@pytest.mark.parametrize("section", ["hi", "en"])
def test_topic_hint_finds_every_topic_word_even_inside_a_word(section):
    from claimcheck.find import lexicon
    from claimcheck.read.text import fold_string

    words = lexicon.load("measures")["topic"]["msme"][section]
    for w in words:
        for s in (w, "अ" + w + "अ", "x" + w.upper() + "x", w.lower()):
            f = fold_string(s)
            if stats.measure_topic(f):
                assert stats.topic_hint().search(f), s
        assert stats.topic_hint().search("अ" + fold_string(w) + "अ"), w
