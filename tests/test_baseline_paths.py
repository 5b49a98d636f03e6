"""A baseline's fingerprints do not depend on how a path was typed: ``baseline create .`` then a hook that passes
``drafts/x.txt``, ``./drafts/x.txt`` or an absolute path suppresses the same finding. Version 1 baselines (paths as
typed) are still read, and ``baseline update`` rewrites them as version 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from claimcheck.model import Document
from claimcheck.options import Options
from claimcheck.report.baseline import doc_key, fingerprint
from claimcheck.run.process import process

AS_OF = "2024-03-15"
DRAFT = "The bridge was opened by Chief Minister Akhilesh Yadav on Monday.\n"


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True, timeout=120,
                          cwd=cwd)


@pytest.fixture
def desk(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def spellings(desk):
    return ["drafts/x.txt", "./drafts/x.txt", "drafts/../drafts/x.txt", str(desk / "drafts" / "x.txt")]


def test_a_baseline_made_of_a_directory_suppresses_the_file_however_it_is_typed(desk):
    assert run("check", "drafts/x.txt", "--as-of", AS_OF, cwd=desk).returncode == 1  # the finding gates
    p = run("baseline", "create", ".", "--as-of", AS_OF, cwd=desk)
    assert p.returncode == 0, p.stderr
    saved = json.loads((desk / "claimcheck-baseline.json").read_text(encoding="utf-8"))
    assert saved["version"] == 2 and [e["doc"] for e in saved["entries"]] == ["drafts/x.txt"]
    for typed in spellings(desk):
        p = run("check", typed, "--as-of", AS_OF, "--baseline", "claimcheck-baseline.json", cwd=desk)
        assert p.returncode == 0, (typed, p.stdout, p.stderr)
    # from another directory: the baseline's own directory is the root its paths are relative to
    p = run("check", "x.txt", "--as-of", AS_OF, "--baseline", "../claimcheck-baseline.json", cwd=desk / "drafts")
    assert p.returncode == 0, p.stderr


def test_report_fingerprints_do_not_depend_on_the_spelling(desk):
    seen = set()
    for typed in spellings(desk):
        p = run("check", typed, "--as-of", AS_OF, "--format", "json", cwd=desk)
        seen |= {c["fingerprint"] for d in json.loads(p.stdout)["documents"] for c in d["claims"]}
    assert len(seen) == 2  # the officeholder and the weekday, once each


def test_doc_key_names_a_batch_line_by_its_id_or_its_line(desk, monkeypatch):
    monkeypatch.chdir(desk)
    assert doc_key("./b.jsonl:7", "./b.jsonl") == doc_key("b.jsonl:7", "b.jsonl") == "b.jsonl:7"
    assert doc_key("story-1", "./b.jsonl") == "story-1" and doc_key("<stdin>", None) == "<stdin>"


def test_a_version_1_baseline_still_suppresses_and_update_rewrites_it(desk, monkeypatch):
    monkeypatch.chdir(desk)
    claim = next(cc.claim for cc in process(Document(id="x", text=DRAFT), Options(as_of=AS_OF)).checked
                 if cc.verdict.outcome == "outdated")
    typed = "./drafts/x.txt"  # as `baseline create .` typed it before paths were resolved
    old = {"version": 1, "entries": [{"fingerprint": fingerprint(claim, typed), "doc": typed, "kind": claim.kind,
                                      "text": claim.text, "verdict": "outdated", "reason": "correction pending"}]}
    (desk / "old.json").write_text(json.dumps(old), encoding="utf-8")
    for typed_now in spellings(desk):
        p = run("check", typed_now, "--as-of", AS_OF, "--baseline", "old.json", cwd=desk)
        assert p.returncode == 0, (typed_now, p.stderr)
    p = run("baseline", "update", "drafts/x.txt", "-o", "old.json", "--as-of", AS_OF, cwd=desk)
    assert p.returncode == 0 and "(0 added, 1 kept, 0 removed)" in p.stderr
    new = json.loads((desk / "old.json").read_text(encoding="utf-8"))
    assert new["version"] == 2 and new["entries"][0]["reason"] == "correction pending"
    assert run("check", "./drafts/x.txt", "--as-of", AS_OF, "--baseline", "old.json", cwd=desk).returncode == 0


def test_a_baseline_of_an_unknown_version_is_refused_clearly(desk):
    (desk / "future.json").write_text('{"version": 9, "entries": []}', encoding="utf-8")
    p = run("check", "drafts/x.txt", "--baseline", "future.json", cwd=desk)
    assert p.returncode == 2
    assert p.stderr.strip() == ("claimcheck: future.json: baseline version 9 is not one this claimcheck reads (1, 2); "
                                "make it again with `claimcheck baseline create`")
