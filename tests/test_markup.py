"""HTML/Markdown drafts: extracted text, (line, col) of every character in the original, suppression comments."""

from __future__ import annotations


from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.read.markup import to_document


def char_at(source: str, line: int, col: int) -> str:
    return source.splitlines(keepends=True)[line - 1][col - 1]


def assert_positions_point_at_the_same_characters(source: str, doc) -> None:
    assert len(doc.positions) == len(doc.text)
    for i, ch in enumerate(doc.text):
        if ch.isspace():
            continue
        line, col = doc.positions[i]
        src = char_at(source, line, col)
        assert src == ch or src == "&", (i, ch, src)  # entities map to their '&'


HTML = """<!doctype html>
<html><head><title>Desk draft</title><style>p { color: red } /* 99 */</style></head>
<body>
<h1>Mills &amp; markets</h1>
<p>The state has <b>42 लाख</b> small units,
said minister <a href="https://x.example/9">Suresh Verma</a>.</p>
<script>var n = 77;</script>
<p>Exports rose 12&#37; in 2023.</p>
</body></html>
"""


def test_html_text_and_positions():
    d = to_document(HTML, doc_id="a.html", path="a.html")
    assert "42 लाख small units" in d.text and "Mills & markets" in d.text and "12% in 2023" in d.text
    assert "77" not in d.text and "99" not in d.text and "color" not in d.text  # script/style skipped
    assert "https" not in d.text  # attributes are not text
    i = d.text.index("42 लाख")
    assert d.line_col(i) == (5, 21)
    assert d.line_col(d.text.index("Suresh")) == (6, 45)
    assert_positions_point_at_the_same_characters(HTML, d)


MD = """# Report on 2024 mills

The state has **42 लाख** small units, said [minister Suresh Verma](https://x.example/9).

1. Exports rose `12%` in 2023.
> Quoted: the chair Asha Rao.

```
code 55
```
"""


def test_markdown_text_and_positions():
    d = to_document(MD, doc_id="a.md", path="a.md")
    assert "Report on 2024 mills" in d.text
    assert "42 लाख small units, said minister Suresh Verma." in d.text
    assert "Exports rose 12% in 2023." in d.text and "1." not in d.text  # list number dropped
    assert "https" not in d.text and "55" not in d.text
    assert d.line_col(d.text.index("42")) == (3, 17)
    assert d.line_col(d.text.index("Asha")) == (6, 21)
    assert_positions_point_at_the_same_characters(MD, d)


def test_markdown_ignore_next_paragraph_and_off_on():
    src = ("Kept 1 paragraph.\n\n<!-- claimcheck: ignore -->\nIgnored 2 here\nand 3 here.\n\nKept 4.\n\n"
           "<!-- claimcheck off -->\nOff 5.\n\nOff 6.\n<!-- claimcheck on -->\nKept 7. <!-- claimcheck off -->\nOff 8.\n")
    d = to_document(src, doc_id="a.md")
    ign = [d.text[a:b] for a, b in d.ignored]
    assert any("Ignored 2 here\nand 3 here." in s for s in ign)
    assert any("Off 5." in s and "Off 6." in s for s in ign)
    assert any("Off 8." in s for s in ign)  # an unclosed off runs to the end
    for kept in ("Kept 1", "Kept 4", "Kept 7"):
        i = d.text.index(kept)
        assert not any(a <= i < b for a, b in d.ignored), kept


def test_html_ignore_next_block_and_off_on():
    src = ("<p>Kept 1.</p><!-- claimcheck: ignore --><p>Ignored <b>2</b>.<br>Ignored 2b.</p><p>Kept 3.</p>"
           "<!--claimcheck off--><div>Off 4.</div><p>Off 5</p><!-- claimcheck on --><p>Kept 6.</p>"
           "<!-- an ordinary comment: claimcheck is great -->")
    d = to_document(src, doc_id="a.html")
    ign = "|".join(d.text[a:b] for a, b in d.ignored)
    assert "Ignored 2.\nIgnored 2b." in ign and "Off 4." in ign and "Off 5" in ign
    assert "Kept" not in ign


def test_unclosed_and_malformed_markup():
    for src in ("<p>Revenue 12% <b><i><div>unclosed", "<!-- never closed 5", "a < b > c & d &unknown; 9",
                "<p title='x>y'>Quoted 7</p", "<<<>>> 8 <//>"):
        d = to_document(src, doc_id="x.html")
        assert len(d.positions) == len(d.text)
        assert_positions_point_at_the_same_characters(src, d)


def test_adversarial_markup_is_read_whole():
    """Long runs of markup that never closes still give a document (the time they take, against ordinary markup
    of the same size, is printed by benchmarks/growth.py and benchmarks/adversarial.py)."""
    n = 20_000
    for src, name in [("<div>" * (n // 5), "nest.html"), ("<!--" + "a" * n, "c.html"), ("<p>" + "&" * n, "amp.html"),
                      ("[" * n, "b.md"), ("[a](" * (n // 4), "p.md"), ("<!--" * (n // 4), "c.md"),
                      ("*_`" * (n // 3), "e.md"), ("<" * n, "lt.html")]:
        d = to_document(src, doc_id=name)
        assert len(d.positions) == len(d.text), name


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("<>/!-&;#*_[]()`~ \n\tpdivab=\"'xyz129लाख०") + [
    "<!--", "-->", "<!-- claimcheck off -->", "<!-- claimcheck on -->", "<!-- claimcheck: ignore -->", "&amp;",
    "<p>", "</p>", "<script>", "\n\n"]), max_size=120).map("".join),
       st.sampled_from(["g.html", "g.md"]))
def test_any_input_gives_consistent_positions_and_spans(src, name):
    d = to_document(src, doc_id=name)
    assert len(d.positions) == len(d.text)
    for a, b in d.ignored:
        assert 0 <= a < b <= len(d.text)
    assert_positions_point_at_the_same_characters(src, d)


def test_unclosed_tags_and_comments_keep_their_text():
    from claimcheck.read.markup import html_to_document

    for unit in ("<div ", "<!-- ", "<p><b><i "):  # growth with the input: benchmarks/growth.py
        d = html_to_document(unit * 5000, doc_id="x")
        assert len(d.positions) == len(d.text), unit
    d = html_to_document("<p>5 < 6 और a <b x</p>", doc_id="x")
    assert d.text.startswith("5 < 6 और a <b x")
