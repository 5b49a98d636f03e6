"""A run's per-document step (suppression, then rendering a streamed format) runs where each document was
processed; whatever the number of jobs, output, notes and exit status are the same."""

from __future__ import annotations

import datetime as _dt
import json
import pickle

import pytest
from typer.testing import CliRunner

from claimcheck import api
from claimcheck.report import baseline
from claimcheck.run import batch
from claimcheck.cli import main as cli
from claimcheck.report.render import Options
from claimcheck.run.process import Step

from standins import fake_run
from test_batch import write_batch
from test_render import sample_report


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(batch, "POOL_MIN_CHARS", 500)
    monkeypatch.setattr(batch, "CHUNK_CHARS", 700)
    monkeypatch.setattr(batch, "CHUNK_DOCS", 3)


def invoke(*args: str):
    return CliRunner().invoke(cli.app, list(args))


@pytest.mark.parametrize("fmt", ["jsonl", "line", "json", "markdown"])
def test_jobs_change_nothing_a_reader_sees(tmp_path, small_chunks, monkeypatch, fmt):
    write_batch(tmp_path / "b.jsonl", 45, bad_every=11)
    monkeypatch.chdir(tmp_path)
    base = tmp_path / "base.json"
    assert invoke("baseline", "create", "b.jsonl", "-o", str(base), "--as-of", "2025-06-01",
                  "--jobs", "1").exit_code == 2  # a broken line: no baseline from an incomplete run
    write_batch(tmp_path / "ok.jsonl", 20)
    assert invoke("baseline", "create", "ok.jsonl", "-o", str(base), "--as-of", "2025-06-01").exit_code == 0
    data = json.loads(base.read_text(encoding="utf-8"))
    assert data["entries"]
    for i, e in enumerate(data["entries"]):  # some accepted findings have expired: the run says so
        if i % 2:
            e["expires"] = "2020-01-01"
    base.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        r = invoke("check", "b.jsonl", "missing.txt", "-f", fmt, "--as-of", "2025-06-01", "--baseline", str(base),
                   "--jobs", jobs)
        outs.append((r.exit_code, r.stdout, r.stderr))
    assert outs[0] == outs[1]
    code, out, err = outs[0]
    assert code == 2 and "no longer suppresses it" in err
    assert "missing.txt" in (out if fmt in ("line", "markdown") else err)  # the report shows errors, or stderr
    assert out.strip()


def test_extract_streams_the_same_with_any_jobs(tmp_path, small_chunks, monkeypatch):
    write_batch(tmp_path / "b.jsonl", 30, bad_every=8)
    monkeypatch.chdir(tmp_path)
    got = [invoke("extract", "b.jsonl", "-f", "jsonl", "--jobs", j) for j in ("1", "2")]
    assert [(r.exit_code, r.stdout, r.stderr) for r in got][0] == [(r.exit_code, r.stdout, r.stderr)
                                                                   for r in got][1]
    assert got[0].exit_code == 2 and len(got[0].stdout.splitlines()) > 30


def test_the_step_handed_to_the_runner_pickles_and_renders_like_the_report(monkeypatch):
    calls: list[dict] = []
    monkeypatch.setattr(api, "run", fake_run(sample_report(failed=True).results, calls))
    r = invoke("check", "draft.txt", "-f", "line", "--show", "all", "--as-of", "2024-08-30")
    step = calls[0]["then"]
    assert isinstance(step, Step) and step.fmt == "line"
    again = pickle.loads(pickle.dumps(step))
    rendered = "".join(again(x)[1] for x in sample_report(failed=True).results)
    body, summary = r.stdout.rsplit("\n", 2)[0] + "\n", r.stdout.splitlines()[-1]
    assert rendered == body and rendered.count("\n") == 6
    assert summary.startswith("2 findings gate publication")
    slim, _text, notes, _tally = again(sample_report().results[0])
    assert slim.claims == () and slim.text is None and notes == []
    assert {cc.verdict.outcome for cc in slim.checked} == {"contradicted", "outdated"}


def test_the_step_for_a_whole_report_format_only_suppresses():
    base, _ = baseline.build(sample_report(), reason="known")
    step = Step("check", fail_on=("contradicted", "outdated"),
                suppress=baseline.Suppression(base, (), _dt.date(2024, 8, 30)), render_options=Options())
    r, text, notes, _tally = step(sample_report().results[0])
    assert text == "" and notes == [] and r.text is None and r.suppressed == 2
    keep = Step("check", suppress=baseline.Suppression(), keep_text=True)
    assert keep(sample_report().results[0])[0].text == sample_report().results[0].text


@pytest.mark.parametrize("as_of, fail_on", [("2025-06-01", "contradicted,outdated"), ("2025-06-01", "none")])
def test_a_streamed_run_keeps_only_what_its_exit_status_needs(tmp_path, monkeypatch, as_of, fail_on):
    """A streamed check keeps the failed documents and one that gates, not every document: memory stays flat."""
    write_batch(tmp_path / "b.jsonl", 40, bad_every=13)
    monkeypatch.chdir(tmp_path)
    runs = []
    real = api.start

    def spy(*a, **k):
        runs.append(real(*a, **k))
        return runs[-1]

    monkeypatch.setattr(api, "start", spy)
    r = invoke("check", "b.jsonl", "-f", "jsonl", "--as-of", as_of, "--fail-on", fail_on)
    assert r.exit_code == 2  # three broken lines
    kept = runs[0].report.results
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert lines  # every claim was streamed
    errors = [x for x in kept if x.error]
    assert len(errors) == 3
    assert len(kept) - len(errors) <= 1
    gates = fail_on != "none" and any(x["verdict"] in ("contradicted", "outdated") for x in lines)
    assert bool(len(kept) - len(errors)) == gates
    assert fail_on == "none" or gates  # the batch does hold findings that gate
