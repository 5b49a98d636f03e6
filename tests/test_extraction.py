"""Extraction merge: disjoint claims, longest first, kind priority on ties; line/col; the teaser line."""

from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck.find.claims import resolve_overlaps
from claimcheck.model import Claim, Document


def c(kind, s, e):
    return Claim(doc="d", kind=kind, text="x" * (e - s), start=s, end=e)


def test_longer_span_wins_then_kind_priority():
    kept = resolve_overlaps([c("quantity", 0, 1), c("date", 0, 8), c("money", 10, 14), c("quantity", 10, 14)])
    assert [(k.kind, k.start, k.end) for k in kept] == [("date", 0, 8), ("money", 10, 14)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["quantity", "date", "money", "officeholder"]),
                          st.integers(0, 50), st.integers(1, 12)), max_size=40))
def test_merge_keeps_disjoint_sorted_claims_and_drops_only_overlaps(specs):
    cands = [c(k, s, s + n) for k, s, n in specs]
    kept = resolve_overlaps(cands)
    for a, b in zip(kept, kept[1:]):
        assert a.end <= b.start
    for x in cands:  # every dropped candidate overlaps a kept one that is at least as long
        if x not in kept:
            assert any(x.start < k.end and k.start < x.end and (k.end - k.start) >= (x.end - x.start) for k in kept)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab\n", max_size=30), st.data())
def test_line_col_counts_lines_and_columns_from_one(text, data):
    o = data.draw(st.integers(0, len(text)))
    line = text.count("\n", 0, o) + 1
    col = o - (text.rfind("\n", 0, o) + 1) + 1
    assert Document(id="d", text=text).line_col(o) == (line, col)


def test_teaser_of_another_article_is_outside_the_body():
    text = "मुख्यमंत्री योगी आदित्यनाथ ने 5 सितंबर को बैठक की।\n\nये भी पढ़ें- 3 सितंबर के बाद नहीं बुक होंगी टिकट"
    claims = claimcheck.extract(text, as_of="2024-08-30")
    inside = [x for x in claims if not x.outside_body]
    outside = [x for x in claims if x.outside_body]
    assert any(x.text.startswith("5 सितंबर") for x in inside)
    assert [x.text for x in outside] and all("3 सितंबर" in x.text for x in outside)
    checked = claimcheck.check(text, as_of="2024-08-30")
    assert all(cc.verdict.outcome == "unverifiable" for cc in checked if cc.claim.outside_body)


def test_sentence_window_is_bounded_so_text_without_boundaries_stays_linear():
    from claimcheck.find.frames import sentence_bounds

    text = "9 " * 50_000
    s0, s1 = sentence_bounds(text, 50_000, 50_001)
    assert s1 - s0 <= 2 * 400 + 1
