"""Suppression: fingerprints, baseline create/update/expiry, config ignore, ignore comments."""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from claimcheck import api
from claimcheck.report import baseline
from claimcheck.cli import main as cli
from claimcheck.errors import UsageError
from claimcheck.report.gate import ExitCode, status
from claimcheck.model import DocResult

from standins import fake_run
from test_render import TEXT, checked, claim, sample_report


def test_fingerprint_ignores_position_but_not_document_or_value():
    a = claim(TEXT, "42 लाख", "quantity", value=4200000)
    moved = replace(a, start=a.start + 50, end=a.end + 50, line=9, col=3)
    assert baseline.fingerprint(a) == baseline.fingerprint(moved)
    assert baseline.fingerprint(a) != baseline.fingerprint(a, "other.txt")
    assert baseline.fingerprint(a) != baseline.fingerprint(replace(a, value=4300000))
    assert baseline.fingerprint(a) == baseline.fingerprint(replace(a, value=4200000.0))  # int/float alike


def test_fingerprint_normalises_names():
    a = claim(TEXT, "chair Asha Rao", "officeholder", person="Asha  Rao", office="Chair")
    b = replace(a, person="asha rao", office="chair")
    assert baseline.fingerprint(a) == baseline.fingerprint(b)
    assert len(baseline.fingerprint(a)) == 16


def test_fingerprint_falls_back_to_text_when_nothing_is_normalised():
    a = claim(TEXT, "42 लाख", "quantity")
    b = claim(TEXT, "2023", "quantity")
    assert baseline.fingerprint(a) != baseline.fingerprint(b)


def test_build_accepts_the_findings_that_gate():
    base, stats = baseline.build(sample_report(), reason="desk agreed")
    assert sorted(e.verdict for e in base.entries) == ["contradicted", "outdated"]
    assert all(e.reason == "desk agreed" for e in base.entries)
    assert stats == {"kept": 0, "added": 2, "removed": 0}
    rep, notes = baseline.apply(sample_report(), baseline=base)
    assert status(rep) is ExitCode.OK and notes == []
    assert [cc.suppressed for cc in rep.results[0].checked if cc.suppressed] == ["baseline: desk agreed"] * 2
    assert rep.results[0].suppressed == 2


def test_expired_entry_stops_suppressing_and_says_so():
    base, _ = baseline.build(sample_report(), expires=_dt.date(2024, 9, 1))
    rep, notes = baseline.apply(sample_report(), baseline=base, today=_dt.date(2024, 8, 31))
    assert status(rep) is ExitCode.OK and notes == []
    rep, notes = baseline.apply(sample_report(), baseline=base, today=_dt.date(2024, 9, 2))
    assert status(rep) is ExitCode.FINDINGS
    assert len(notes) == 2 and "expired on 2024-09-01" in notes[0] and notes[0].startswith("draft.txt:1:")


def test_config_ignore_by_text_or_fingerprint():
    rep = sample_report()
    cc = rep.results[0].checked
    fp = baseline.fingerprint(cc[2].claim, "draft.txt")
    out, _ = baseline.apply(rep, ignore=["मंत्री  सुरेश वर्मा", fp])
    assert [c.suppressed for c in out.results[0].checked] == [None, "config ignore", "config ignore", None, None]
    assert status(out) is ExitCode.OK


def test_ignored_spans_suppress_claims_inside_them():
    r = sample_report().results[0]
    start = TEXT.index("The board")
    r = replace(r, ignored=((start, TEXT.index("\n", start)),))
    out, _ = baseline.apply(replace(sample_report(), results=(r,)))
    sup = {c.claim.text: c.suppressed for c in out.results[0].checked}
    assert sup["chair Asha Rao"] == "ignore comment" and sup["12%"] == "ignore comment"
    assert sup["मंत्री सुरेश वर्मा"] is None
    assert status(out) is ExitCode.FINDINGS  # the contradicted minister outside the span still gates


def test_baseline_file_round_trip_and_errors(tmp_path):
    base, _ = baseline.build(sample_report(), reason="r", expires=_dt.date(2030, 1, 1))
    p = tmp_path / "b.json"
    p.write_text(base.to_json(), encoding="utf-8")
    again = baseline.load(str(p))
    assert again.by_fingerprint() == base.by_fingerprint()
    p.write_text('{"version": 1, "entries": [{"fingerprint": "x", "expires": "soon"}]}', encoding="utf-8")
    with pytest.raises(UsageError, match="bad expires 'soon'"):
        baseline.load(str(p))
    p.write_text("{", encoding="utf-8")
    with pytest.raises(UsageError, match="not valid JSON"):
        baseline.load(str(p))
    with pytest.raises(UsageError, match="baseline file not found"):
        baseline.load(str(tmp_path / "none.json"))


# ---- CLI: baseline create / update, check --baseline ------------------------------------------------------------

@pytest.fixture
def results(monkeypatch):
    box = {"results": sample_report().results}
    monkeypatch.setattr(api, "run", lambda paths, **kw: fake_run(box["results"])(paths, **kw))
    return box


def run(*args):
    return CliRunner().invoke(cli.app, list(args))


def test_cli_baseline_create_then_check_passes(tmp_path, results):
    b = tmp_path / "baseline.json"
    r = run("baseline", "create", "draft.txt", "-o", str(b), "--reason", "known, correction filed")
    assert r.exit_code == 0, r.output
    assert "2 accepted finding(s) (2 added, 0 kept, 0 removed)" in r.stderr
    data = json.loads(b.read_text(encoding="utf-8"))
    assert data["version"] == 2 and {e["reason"] for e in data["entries"]} == {"known, correction filed"}
    assert run("check", "draft.txt", "-f", "jsonl").exit_code == 1
    r = run("check", "draft.txt", "-f", "jsonl", "--baseline", str(b))
    assert r.exit_code == 0
    assert sum(1 for line in r.stdout.splitlines() if '"suppressed": "baseline: known, correction filed"' in line) == 2
    # create refuses to overwrite
    assert run("baseline", "create", "draft.txt", "-o", str(b)).exit_code == 2


def test_cli_baseline_update_keeps_reasons_adds_new_and_drops_gone(tmp_path, results):
    b = tmp_path / "baseline.json"
    run("baseline", "create", "draft.txt", "-o", str(b), "--reason", "first")
    cc = list(results["results"][0].checked)
    cc[2] = checked(TEXT, "chair Asha Rao", "officeholder", "supported", person="Asha Rao", office="chair")
    cc[3] = checked(TEXT, "12%", "percent", "contradicted", value=12)
    results["results"] = (replace(results["results"][0], checked=tuple(cc)),)
    r = run("baseline", "update", "draft.txt", "-o", str(b), "--reason", "second", "--expires", "2031-01-01")
    assert r.exit_code == 0, r.output
    assert "(1 added, 1 kept, 1 removed)" in r.stderr
    entries = {e["text"]: e for e in json.loads(b.read_text(encoding="utf-8"))["entries"]}
    assert entries["मंत्री सुरेश वर्मा"]["reason"] == "first" and "expires" not in entries["मंत्री सुरेश वर्मा"]
    assert entries["12%"] == {**entries["12%"], "reason": "second", "expires": "2031-01-01"}
    assert "chair Asha Rao" not in entries


def test_cli_expired_baseline_gates_again_and_says_so(tmp_path, results):
    b = tmp_path / "baseline.json"
    run("baseline", "create", "draft.txt", "-o", str(b), "--expires", "2020-01-01")
    r = run("check", "draft.txt", "-f", "jsonl", "--baseline", str(b))
    assert r.exit_code == 1
    assert r.stderr.count("expired on 2020-01-01 and no longer suppresses it") == 2


def test_cli_baseline_from_configuration(tmp_path, results, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claimcheck.toml").write_text("baseline = 'accepted.json'\n", encoding="utf-8")
    assert run("check", "draft.txt", "-f", "jsonl").exit_code == 2  # configured but not created yet: say so
    assert run("baseline", "create", "draft.txt").exit_code == 0  # writes the configured file
    assert (tmp_path / "accepted.json").is_file()
    assert run("check", "draft.txt", "-f", "jsonl").exit_code == 0


def test_cli_baseline_not_written_when_a_document_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(api, "run", fake_run(
        sample_report().results + (DocResult(doc="gone.txt", path="gone.txt", error="gone.txt: no such file"),)))
    b = tmp_path / "b.json"
    r = run("baseline", "create", "draft.txt", "gone.txt", "-o", str(b))
    assert r.exit_code == 2 and not b.exists()


def test_suppression_one_document_at_a_time_equals_apply_and_survives_pickling():
    import pickle

    base, _ = baseline.build(sample_report(), reason="desk agreed", expires=_dt.date(2024, 9, 1))
    for today in (_dt.date(2024, 8, 31), _dt.date(2024, 9, 2)):
        rep, notes = baseline.apply(sample_report(), baseline=base, ignore=["42 लाख"], today=today)
        step = baseline.Suppression(base, ("42 लाख",), today)
        again = pickle.loads(pickle.dumps(step))
        for s in (step, again):
            got = [s(r) for r in sample_report().results]
            assert tuple(r for r, _ in got) == rep.results
            assert [n for _, more in got for n in more] == notes
    assert baseline.Suppression().today == _dt.date.today()
