"""The exit-code contract: 0 nothing gates, 1 findings gate, 2 usage/input/data error — library and CLI."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from claimcheck import api
from claimcheck.cli import main as cli
from claimcheck.report import gate
from claimcheck.errors import UsageError
from claimcheck.report.gate import ExitCode, parse_fail_on, status
from claimcheck.model import DocResult, Report

from standins import fake_run as standin_run
from test_render import TEXT, checked, sample_report


def test_exit_codes_are_a_fixed_contract():
    assert [int(c) for c in ExitCode] == [0, 1, 2]
    assert [c.name for c in ExitCode] == ["OK", "FINDINGS", "ERROR"]


def test_default_fail_on_is_contradicted_and_outdated():
    assert parse_fail_on(None) == ("contradicted", "outdated")
    assert status(sample_report()) is ExitCode.FINDINGS


@pytest.mark.parametrize("outcome,code", [("supported", 0), ("unverifiable", 0), ("ambiguous", 0),
                                          ("contradicted", 1), ("outdated", 1)])
def test_each_verdict_under_the_default(outcome, code):
    rep = sample_report(checked_claims=[checked(TEXT, "42 लाख", "quantity", outcome)])
    assert status(rep) == code


def test_fail_on_chooses_the_verdicts():
    rep = sample_report()
    assert status(replace(rep, fail_on=parse_fail_on("none"))) is ExitCode.OK
    only_amb = sample_report(checked_claims=[checked(TEXT, "2023", "date", "ambiguous")],
                             fail_on=parse_fail_on("ambiguous"))
    assert status(only_amb) is ExitCode.FINDINGS
    assert parse_fail_on("outdated , CONTRADICTED") == ("contradicted", "outdated")
    assert parse_fail_on("any") == ("supported", "contradicted", "outdated", "unverifiable", "ambiguous")
    with pytest.raises(UsageError, match="unknown verdict 'wrong'"):
        parse_fail_on("contradicted,wrong")


def test_no_fail_and_suppression_do_not_gate_but_errors_still_do():
    assert status(sample_report(), no_fail=True) is ExitCode.OK
    sup = [checked(TEXT, "chair Asha Rao", "officeholder", "outdated", suppressed="ignore comment")]
    assert status(sample_report(checked_claims=sup)) is ExitCode.OK
    assert status(sample_report(failed=True)) is ExitCode.ERROR
    assert status(sample_report(failed=True), no_fail=True) is ExitCode.ERROR


def test_claims_outside_the_article_body_do_not_gate():
    cc = checked(TEXT, "chair Asha Rao", "officeholder", "outdated", outside_body=True)
    assert status(sample_report(checked_claims=[cc])) is ExitCode.OK


def test_counts():
    c = gate.counts(sample_report(failed=True))
    assert (c["supported"], c["contradicted"], c["outdated"], c["unverifiable"], c["ambiguous"]) == (1, 1, 1, 1, 1)
    assert (c["gating"], c["documents"], c["failed"], c["suppressed"]) == (2, 2, 1, 0)


def test_renderers_do_not_decide_the_exit_status():
    import inspect

    from claimcheck.report import render

    for fmt in render.FORMATS:
        module = render._MODULE.get(fmt, fmt)
        src = inspect.getsource(__import__(f"claimcheck.report.render.{module}", fromlist=["render"]))
        assert "ExitCode" not in src and "sys.exit" not in src and "status(" not in src, fmt


# ---- through the CLI (the checking stage replaced by hand-built results) -----------------------------------------

@pytest.fixture
def fake_run(monkeypatch):
    """Make api.run return the given DocResults; records the keyword arguments (options, then) of each call."""
    calls: list[dict] = []

    def install(results):
        monkeypatch.setattr(api, "run", standin_run(results, calls))
        return calls

    return install


def invoke(*args: str):
    return CliRunner().invoke(cli.app, list(args))


def test_cli_exit_1_when_findings_gate(fake_run):
    fake_run(sample_report().results)
    r = invoke("check", "draft.txt", "--format", "jsonl")
    assert r.exit_code == 1, r.output
    assert len(r.stdout.splitlines()) == 5


def test_cli_exit_0_when_nothing_gates(fake_run):
    fake_run(sample_report(checked_claims=[checked(TEXT, "42 लाख", "quantity", "supported")]).results)
    assert invoke("check", "draft.txt", "-f", "line").exit_code == 0


def test_cli_fail_on_and_no_fail(fake_run):
    fake_run(sample_report().results)
    assert invoke("check", "d.txt", "-f", "jsonl", "--fail-on", "none").exit_code == 0
    assert invoke("check", "d.txt", "-f", "jsonl", "--fail-on", "supported").exit_code == 1
    assert invoke("check", "d.txt", "-f", "jsonl", "--no-fail").exit_code == 0


def test_cli_exit_2_for_a_failed_document_even_with_no_fail(fake_run):
    fake_run(sample_report(failed=True).results)
    r = invoke("check", "d.txt", "missing.txt", "-f", "jsonl", "--no-fail")
    assert r.exit_code == 2
    assert r.stderr.splitlines() == ["claimcheck: missing.txt: no such file"]
    assert len(r.stdout.splitlines()) == 5  # the readable document is still reported


@pytest.mark.parametrize("args,needle", [
    (["check", "d.txt", "--fail-on", "bogus"], "unknown verdict 'bogus'"),
    (["check", "d.txt", "--format", "pdf"], "unknown format 'pdf'"),
    (["check", "d.txt", "--as-of", "yesterday"], "bad --as-of"),
    (["extract", "d.txt", "--format", "sarif"], "needs verdicts"),
])
def test_cli_usage_errors_are_one_line_and_exit_2(fake_run, args, needle):
    fake_run(sample_report().results)
    r = invoke(*args)
    assert r.exit_code == 2
    assert r.exception is None or isinstance(r.exception, SystemExit)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimcheck: ") and needle in lines[0]


def test_typer_usage_error_exits_2():
    r = invoke("check", "d.txt", "--no-such-option")
    assert r.exit_code == 2


def test_main_turns_unexpected_errors_into_exit_2(monkeypatch, capsys):
    def crash(paths, **kw):
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "run", crash)
    monkeypatch.setattr("sys.argv", ["claimcheck", "check", "d.txt", "-f", "jsonl"])
    monkeypatch.delenv("CLAIMCHECK_DEBUG", raising=False)
    with pytest.raises(SystemExit) as e:
        cli.main()
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error: RuntimeError: boom" in err


def test_default_format_on_a_pipe_is_the_human_layout(fake_run):
    fake_run(sample_report().results)
    r = invoke("check", "d.txt")  # CliRunner's stdout is not a terminal: people still get the human layout
    lines = r.stdout.splitlines()
    assert lines and not lines[0].startswith("{")
    assert any(": contradicted  “" in x for x in lines)
    assert "gate" in lines[-1] and "claims checked" in lines[-1]  # it ends with the summary line
    r = invoke("check", "d.txt", "--format", "jsonl")  # machines ask for jsonl
    assert [json.loads(x)["verdict"] for x in r.stdout.splitlines()][:2] == ["supported", "contradicted"]


def test_help_documents_exit_codes_and_default_format():
    r = invoke("check", "--help")
    text = " ".join(x for x in r.stdout.split() if x != "│")
    assert "else table — on a terminal or not" in text and "Exit status" in text


def test_jobs_is_passed_to_run_when_supported(fake_run, monkeypatch):
    calls = fake_run(sample_report().results)
    invoke("check", "d.txt", "-f", "jsonl", "--jobs", "3")
    # api.run is replaced by a **kw function here: the options it is handed carry the flag
    assert calls[-1]["options"].jobs == 3


def test_extract_with_errors_exits_2(fake_run):
    fake_run([DocResult(doc="x", path="x", error="x: no such file")])
    r = invoke("extract", "x", "-f", "jsonl")
    assert r.exit_code == 2 and r.stderr.strip() == "claimcheck: x: no such file"


def test_empty_report_is_ok():
    assert status(Report()) is ExitCode.OK


@pytest.mark.parametrize("command", ["check", "extract"])
def test_line_oriented_output_streams_before_the_batch_ends(monkeypatch, capsys, command):
    """jsonl/line on stdout are written per document, so a long archive run shows (and keeps) its progress."""
    first, second = sample_report().results[0], replace(sample_report().results[0], doc="b.txt", path="b.txt")
    if command == "extract":
        first = replace(first, claims=tuple(cc.claim for cc in first.checked), checked=())
        second = replace(second, claims=first.claims)
    seen_mid_run = []

    def run(paths, **kw):
        then = kw.get("then") or (lambda r: r)  # as the real run does, document by document
        yield then(first)
        seen_mid_run.append(capsys.readouterr().out)
        yield then(second)

    monkeypatch.setattr(api, "run", run)
    monkeypatch.setattr("sys.argv", ["claimcheck", command, "a.txt", "b.txt", "-f", "jsonl"])
    with pytest.raises(SystemExit):
        cli.main()
    rest = capsys.readouterr().out
    assert len(seen_mid_run[0].splitlines()) == 5 and len(rest.splitlines()) == 5


def test_essentials_keep_the_error_and_what_gates_only():
    rep = sample_report()
    r = replace(rep.results[0], text="the text")
    slim = gate.essentials(r, rep.fail_on)
    assert slim.claims == () and slim.text is None and slim.doc == r.doc
    assert slim.checked == tuple(cc for cc in r.checked if gate.gates(cc, rep.fail_on)) and slim.checked
    assert status(replace(rep, results=(slim,))) is status(rep)
    assert gate.essentials(r, ()).checked == ()
    failed = DocResult(doc="x", path="x", error="x: no such file")
    assert gate.essentials(failed, rep.fail_on) == failed
