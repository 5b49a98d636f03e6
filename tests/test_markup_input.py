"""Markup that arrives without a file name (standard input, batch lines) is read as markup: a claim inside
emphasis or a tag is never lost, a declared format is honoured, and so are ignore comments. An ignore comment covers
the next block only."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from claimcheck.read.inputs import read_documents
from claimcheck.read.markup import markdown_to_document, sniff

OUTDATED = "2024-03-15"  # Akhilesh Yadav left the post of Chief Minister of Uttar Pradesh in 2017
MARKDOWN = "The bridge was opened by Chief Minister **Akhilesh Yadav** on Monday.\n"
HTML = "<p>The bridge was opened by Chief Minister <b>Akhilesh Yadav</b> on Monday.</p>\n"


def run(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], input=stdin, capture_output=True, text=True,
                          timeout=120, cwd=cwd)


@pytest.mark.parametrize("text", [MARKDOWN, HTML])
def test_markup_on_standard_input_gates_as_the_same_file_does(tmp_path, text):
    p = run("check", "-", "--as-of", OUTDATED, "--format", "jsonl", stdin=text)
    assert p.returncode == 1, p.stdout + p.stderr
    claim = json.loads(p.stdout.splitlines()[0])
    assert claim["person"] == "Akhilesh Yadav" and claim["verdict"] == "outdated"
    suffix = ".html" if text.startswith("<") else ".md"
    (tmp_path / f"draft{suffix}").write_text(text, encoding="utf-8")
    assert run("check", str(tmp_path / f"draft{suffix}"), "--as-of", OUTDATED).returncode == 1


def test_a_declared_input_format_is_honoured_on_standard_input():
    # declared plain text: the asterisks are the writer's own, and no officeholder claim is read across them
    assert run("check", "-", "--as-of", OUTDATED, "--input-format", "text", stdin=MARKDOWN).returncode == 0
    assert run("check", "-", "--as-of", OUTDATED, "--input-format", "markdown", stdin=MARKDOWN).returncode == 1
    p = run("check", "-", "--input-format", "pdf", stdin=MARKDOWN)
    assert p.returncode == 2 and "unknown input format 'pdf'" in p.stderr


def test_ignore_comments_are_honoured_on_standard_input():
    p = run("check", "-", "--as-of", OUTDATED, "--format", "jsonl",
            stdin="<!-- claimcheck: ignore -->\n" + MARKDOWN)
    assert p.returncode == 0, p.stdout + p.stderr
    assert json.loads(p.stdout.splitlines()[0])["suppressed"] == "ignore comment"


def test_batch_lines_are_read_as_their_markup_or_their_declared_format(tmp_path):
    lines = [
        {"id": "md", "text": MARKDOWN, "date": OUTDATED},
        {"id": "html", "text": HTML, "date": OUTDATED},
        {"id": "plain", "text": MARKDOWN, "date": OUTDATED, "format": "text"},
        {"id": "skipped", "text": "<!-- claimcheck: ignore -->" + HTML, "date": OUTDATED},
        {"id": "bad", "text": MARKDOWN, "format": "docx"},
    ]
    batch = tmp_path / "b.jsonl"
    batch.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    docs = list(read_documents([str(batch)]))
    md, html, plain, skipped, bad = docs
    assert "**" not in md.text and "<b>" not in html.text and "**" in plain.text
    assert md.date.isoformat() == OUTDATED and html.date.isoformat() == OUTDATED
    assert skipped.ignored and "Akhilesh" in skipped.text[skipped.ignored[0][0]:skipped.ignored[0][1]]
    assert str(bad) == f"{batch}:5: 'format' of document 'bad' must be markdown, html, text or auto, not 'docx'"
    p = run("check", str(batch), "--format", "jsonl")
    records = [json.loads(x) for x in p.stdout.splitlines()]
    gating = {r["doc"] for r in records if r["verdict"] == "outdated" and not r.get("suppressed")}
    assert p.returncode == 2 and gating == {"md", "html"}  # exit 2: line 5 is an error, and says so
    assert f"{batch}:5: 'format'" in p.stderr


def test_sniffing_keeps_plain_text_plain():
    assert sniff("2019. The fund grew 5 * 3 times; see file_name_here.") == "text"
    assert sniff("AT&T said x < y > z") == "text"
    assert sniff(MARKDOWN) == "markdown" and sniff(HTML) == "html"
    assert sniff("Shares of <b>A</b> and **B** rose") == "markdown"  # Markdown with inline HTML
    assert sniff("<!-- claimcheck: ignore -->\nA plain paragraph.") == "markdown"


@pytest.mark.parametrize("source,ignored", [
    ("<!-- claimcheck: ignore -->\nPara one.\n- item two\n", "Para one.\n"),
    ("<!-- claimcheck: ignore -->\nPara one.\n## Head\n", "Para one.\n"),
    ("<!-- claimcheck: ignore -->\n## Head\nPara one.\n", "Head\n"),
    ("<!-- claimcheck: ignore -->\n- item one\n  more of it\n- item two\n", "item one\n  more of it\n"),
    ("<!-- claimcheck: ignore -->\n1. first\n2. second\n", "first\n"),
    ("<!-- claimcheck: ignore -->\nPara one.\n> a quote\n", "Para one.\n"),
    ("<!-- claimcheck: ignore -->\nline one\nline two\n\nnext para\n", "line one\nline two\n"),
])
def test_an_ignore_comment_covers_the_next_block_only(source, ignored):
    doc = markdown_to_document(source, doc_id="d.md")
    assert [doc.text[a:b] for a, b in doc.ignored] == [ignored]


def test_an_ignore_comment_does_not_swallow_the_list_item_after_its_paragraph(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("<!-- claimcheck: ignore -->\nA paragraph the desk accepts.\n"
                     "- The bridge was opened by Chief Minister Akhilesh Yadav.\n", encoding="utf-8")
    p = run("check", str(draft), "--as-of", OUTDATED, "--format", "jsonl")
    assert p.returncode == 1, p.stdout + p.stderr


def test_in_an_html_fragment_a_blank_line_ends_the_ignored_block():
    from claimcheck.read.markup import html_to_document

    doc = html_to_document("<!-- claimcheck: ignore -->A fragment with <b>bold</b> text.\n\nThe next paragraph.\n",
                           doc_id="<stdin>")
    assert [doc.text[a:b].strip() for a, b in doc.ignored] == ["A fragment with bold text."]
    p = run("check", "-", "--as-of", OUTDATED, stdin="<!-- claimcheck: ignore -->An <b>accepted</b> paragraph.\n\n"
            "The bridge was opened by Chief Minister Akhilesh Yadav on Monday.\n")
    assert p.returncode == 1, p.stdout + p.stderr
