"""Malformed HTML comments in the HTML/Markdown reader: each input ends (guarded by pytest-timeout, no clock) and
keeps its text as a browser-like parser shows it.

``<!-->`` and ``<!--->`` open a comment whose "-->" overlaps the opener, so they close nothing; the reader used to
loop forever on them.
"""

from __future__ import annotations

import pytest

from claimcheck.read.markup import to_document

CASES = {
    "abc<!-->": "abc<!-->",
    "<p>Hi</p><!-->": "Hi\n<!-->",
    "a<!--->b": "a<!--->b",
    "<!-->": "<!-->",
    "<!--->": "<!--->",
    "<!---->x": "x",  # a real (empty) comment
    "a<!-- note -->b<!-->c": "ab<!-->c",
    "<!-->one<!-->two": "two",  # the first opener is closed by the second's "-->", as html.parser reads it
    "x<!--": "x<!--",
    "<p>Rise of 12%<!-- </p>": "Rise of 12%<!-- \n",
}


@pytest.mark.timeout(10)
@pytest.mark.parametrize("source", sorted(CASES))
def test_html_malformed_comment_ends_and_keeps_text(source):
    doc = to_document(source, doc_id="draft.html")
    assert doc.text == CASES[source]
    assert len(doc.positions) == len(doc.text)


@pytest.mark.timeout(10)
@pytest.mark.parametrize("source", sorted(CASES))
def test_markdown_malformed_comment_ends(source):
    doc = to_document(source, doc_id="draft.md")
    assert len(doc.positions) == len(doc.text)
    assert doc.text.strip() or source == "<!---->x"


@pytest.mark.timeout(10)
def test_a_directive_before_a_malformed_comment_still_acts():
    doc = to_document("<!-- claimcheck: ignore --><p>skip 5%</p><p>keep 7%<!--></p>", doc_id="d.html")
    ignored = "".join(doc.text[a:b] for a, b in doc.ignored)
    assert "skip 5%" in ignored and "keep 7%" not in ignored
    assert "keep 7%" in doc.text


@pytest.mark.timeout(20)
def test_many_overlapping_comment_openers():
    source = "<p>x</p>" + "<!-->" * 20_001
    doc = to_document(source, doc_id="d.html")
    assert doc.text == "x\n<!-->"  # the first opener runs to the last "-->"; the last opener closes nothing


@pytest.mark.timeout(10)
@pytest.mark.parametrize("source,text", [
    ("a<![x>b", "ab"),  # an unknown marked-section keyword: html.parser raised AssertionError (found by fuzz/)
    ("<![>", ""),
    ("<p>a</p><![ x ]>b", "a\nb"),
    ("a<![endif]>b", "ab"),
    ("<![x", "<![x"),
])
def test_html_unknown_marked_section_is_dropped_not_a_crash(source, text):
    assert to_document(source, doc_id="d.html").text == text
