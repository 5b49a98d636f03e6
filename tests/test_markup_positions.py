"""The positions of a draft's extracted text are computed when asked for, and behave as the tuple of their pairs."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.read.markup import LineCols, to_document


def offset_of(source: str, line: int, col: int) -> int:
    return sum(len(x) + 1 for x in source.split("\n")[:line - 1]) + col - 1


HTML = "<html><body>\n<h1>Title</h1>\n<p>Revenue rose <b>12%</b>\nto ₹5 करोड़ &amp; more</p>\n<p>ये भी 96 लाख</p>\n"


def test_positions_point_at_the_characters_they_stand_for():
    d = to_document(HTML, doc_id="a.html", path="a.html")
    assert isinstance(d.positions, LineCols)
    assert len(d.positions) == len(d.text)
    lines = HTML.split("\n")
    for i, ch in enumerate(d.text):
        line, col = d.positions[i]
        if ch.strip() and ch != "&":
            assert lines[line - 1][col - 1] == ch, (i, ch, line, col)
    assert d.positions[-1] == d.positions[len(d.text) - 1]
    assert d.positions[2:5] == tuple(d.positions[i] for i in range(2, 5))


def test_equal_to_and_hashed_as_the_tuple_and_survives_pickling():
    d = to_document(HTML, doc_id="a.html", path="a.html")
    as_tuple = tuple(d.positions)
    assert d.positions == as_tuple and as_tuple == d.positions
    assert hash(d.positions) == hash(as_tuple)
    back = pickle.loads(pickle.dumps(d))
    assert back.positions == d.positions and back == d
    other = to_document(HTML.replace("Title", "Titles"), doc_id="a.html", path="a.html")
    assert other.positions != d.positions


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<b>", "\n", "abc ", "96 लाख ", "&amp;", "<br>", "  ", "x"]),
                max_size=40))
def test_every_plain_character_maps_back_to_itself(parts):
    source = "".join(parts)
    d = to_document(source, doc_id="g.html", path="g.html")
    assert len(d.positions) == len(d.text)
    for i, ch in enumerate(d.text):
        line, col = d.positions[i]
        if ch not in "\n&":
            assert source[offset_of(source, line, col)] == ch
