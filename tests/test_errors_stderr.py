"""Errors reach stderr in every format, once: a broken --refs table is one message before any document (not one per
document), and a batch line that cannot be read is named ``path:line: message``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from paths import ROOT

FORMATS = ("line", "table", "markdown", "json", "jsonl", "sarif", "html", "claimreview")


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True, timeout=120,
                          cwd=cwd)


@pytest.fixture
def batch(tmp_path):
    p = tmp_path / "b.jsonl"
    good = {"text": "The bridge was opened by Chief Minister Akhilesh Yadav on Monday.", "date": "2024-03-15"}
    lines = [json.dumps({"id": f"story-{n}", **good}) for n in range(1, 3)]
    lines.insert(2, '{"id": "story-3", "text": "cut off')
    lines.append(json.dumps({"id": "story-4", **good}))
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


@pytest.fixture
def broken_refs(tmp_path):
    header = (ROOT / "reference_data" / "persons.csv").read_text(encoding="utf-8").splitlines()[0]
    d = tmp_path / "refs"
    d.mkdir()
    (d / "persons.csv").write_text(header + "\nNot An Id!,Somebody,,,\n", encoding="utf-8")
    return d


@pytest.mark.parametrize("fmt", ["line", "table", "markdown", "jsonl", "json"])
def test_a_broken_refs_table_is_reported_once_on_stderr_before_any_document(batch, broken_refs, fmt):
    p = run("check", str(batch), "--refs", str(broken_refs), "--format", fmt)
    assert p.returncode == 2
    assert p.stdout == ""  # no document was reported: the run stopped before the first
    lines = p.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"claimcheck: {broken_refs / 'persons.csv'}:2: ")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_puts_a_batch_line_error_on_stderr_as_path_line_message(batch, fmt):
    p = run("check", str(batch), "--format", fmt)
    assert p.returncode == 2, p.stderr
    assert p.stderr.splitlines() == [f"claimcheck: {batch}:3: malformed JSON: Unterminated string starting at "
                                     "(column 27)"]


def test_the_line_and_markdown_reports_name_the_batch_line_too(batch):
    p = run("check", str(batch), "--format", "line")
    assert f"{batch}:3: error: malformed JSON" in p.stdout
    p = run("check", str(batch), "--format", "markdown")
    assert "b.jsonl:3`: malformed JSON" in p.stdout  # (the markdown escapes the underscores of the path)
