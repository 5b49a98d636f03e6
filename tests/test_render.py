"""Renderers: each format from hand-built checked claims (verdicts do not depend on the checking stage here).

``sample_report`` is shared with the gate, baseline, SARIF and HTML tests.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from claimcheck.model import CheckedClaim, Claim, DocResult, Evidence, Report, Verdict
from claimcheck.report.render import FORMATS, Options, render, safe_url

from paths import EXAMPLE, SHARED  # noqa: F401  (the example article ships in examples/)

# Our own sentences (not from any corpus).
TEXT = ("राज्य में 42 लाख छोटे कारखाने हैं, मंत्री सुरेश वर्मा ने कहा।\n"
        "The board's chair Asha Rao said exports rose 12% in 2023.\n"
        "District collector Ravi Nair opened the fair.")


def claim(text: str, surface: str, kind: str, doc: str = "draft.txt", **fields) -> Claim:
    start = text.index(surface)
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    return Claim(doc=doc, kind=kind, text=surface, start=start, end=start + len(surface), line=line, col=col,
                 **fields)


def checked(text: str, surface: str, kind: str, outcome: str, *, doc: str = "draft.txt", evidence=(),
            message: str | None = None, suppressed: str | None = None, **fields) -> CheckedClaim:
    return CheckedClaim(claim(text, surface, kind, doc=doc, **fields),
                        Verdict(outcome, message or f"{outcome} by the test", tuple(evidence), as_of="2024-08-30"),
                        suppressed=suppressed)


EV_STAT = Evidence(summary="Survey 2015-16: 41.8 lakh units", table="stats", row="s1", value=4180000, unit="units",
                   basis="survey", period="2015-16", source="Ministry annual report",
                   source_url="https://example.org/report.pdf", difference=0.0048)
EV_HOLDER = Evidence(summary="Meera Das held the post on 2024-08-30", table="tenures", row="t7", value="Meera Das",
                     as_of="2024-08-30", source="State gazette", source_url="https://example.org/gazette")


def sample_checked(text: str = TEXT, doc: str = "draft.txt") -> tuple[CheckedClaim, ...]:
    return (
        checked(text, "42 लाख", "quantity", "supported", doc=doc, evidence=[EV_STAT], value=4200000, unit="units"),
        checked(text, "मंत्री सुरेश वर्मा", "officeholder", "contradicted", doc=doc, evidence=[EV_HOLDER],
                person="सुरेश वर्मा", office="मंत्री"),
        checked(text, "chair Asha Rao", "officeholder", "outdated", doc=doc, person="Asha Rao", office="chair"),
        checked(text, "12%", "percent", "unverifiable", doc=doc, value=12),
        checked(text, "2023", "date", "ambiguous", doc=doc, value="2023"),
    )


def sample_report(*, fail_on=("contradicted", "outdated"), failed: bool = False, text: str = TEXT,
                  checked_claims=None) -> Report:
    results = [DocResult(doc="draft.txt", path="draft.txt", checked=tuple(checked_claims or sample_checked(text)),
                         text=text)]
    if failed:
        results.append(DocResult(doc="missing.txt", path="missing.txt", error="missing.txt: no such file"))
    return Report(results=tuple(results), as_of="2024-08-30", fail_on=tuple(fail_on))


# ---- jsonl: the scorers' contract -------------------------------------------------------------------------------

def test_jsonl_lines_are_claim_fields_plus_verdict_message_evidence():
    out = render(sample_report(), "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["verdict"] for r in rows] == ["supported", "contradicted", "outdated", "unverifiable", "ambiguous"]
    for r in rows:
        assert {"doc", "kind", "text", "start", "end", "verdict", "message", "evidence"} <= set(r)
        assert TEXT[r["start"]:r["end"]] == r["text"]
    assert rows[0]["evidence"][0]["source_url"] == "https://example.org/report.pdf"
    assert rows[0]["value"] == 4200000


def test_jsonl_for_extract_has_no_verdicts():
    cc = sample_checked()
    rep = Report(results=(DocResult(doc="d", path="d", claims=tuple(c.claim for c in cc)),), command="extract")
    rows = [json.loads(line) for line in render(rep, "jsonl").splitlines()]
    assert len(rows) == len(cc) and not any("verdict" in r for r in rows)


def test_jsonl_leaves_failed_documents_out_of_stdout():
    out = render(sample_report(failed=True), "jsonl")
    assert "missing.txt" not in out


# ---- line -------------------------------------------------------------------------------------------------------

def test_line_format_is_path_line_col_verdict_message():
    lines = render(sample_report(failed=True), "line", Options(show=("all",))).splitlines()
    assert lines[1].startswith("draft.txt:1:")
    path, line, col, verdict, rest = lines[1].split(":", 4)
    assert (path, verdict.strip()) == ("draft.txt", "contradicted")
    assert TEXT.splitlines()[int(line) - 1][int(col) - 1:].startswith("मंत्री सुरेश वर्मा")
    assert lines[2].startswith("draft.txt:2:") and ": outdated: " in lines[2]
    assert lines[-1] == "missing.txt: error: no such file"


def test_line_marks_suppressed_findings():
    cc = list(sample_checked())
    cc[1] = CheckedClaim(cc[1].claim, cc[1].verdict, suppressed="baseline: agreed with desk")
    out = render(sample_report(checked_claims=cc), "line", Options(show=("suppressed",)))
    assert "(suppressed: baseline: agreed with desk)" in out.splitlines()[0]


# ---- markdown ---------------------------------------------------------------------------------------------------

def test_markdown_summary_and_escaping():
    text = "Claim [click](javascript:alert(1)) | <img src=x onerror=alert(1)> has 42 लाख units."
    cc = [checked(text, "42 लाख", "quantity", "contradicted", evidence=[
        Evidence(summary="**bold** <b>x</b>", source="S", source_url="javascript:alert(2)")])]
    cc.append(checked(text, "[click](javascript:alert(1)) | <img src=x onerror=alert(1)>", "quantity", "outdated"))
    out = render(sample_report(text=text, checked_claims=cc), "markdown")
    assert "2 finding(s) gate" in out
    assert "<img" not in out and "<b>" not in out
    import re

    assert not re.search(r"(?<!\\)\]\(", out)  # every "](" from the draft is escaped: no link is formed
    assert "javascript:alert(2)" not in out  # a non-http source URL is not even shown as a link target
    assert "\\*\\*bold\\*\\*" in out
    table_rows = [ln for ln in out.splitlines() if ln.startswith("| 1:")]
    assert all(ln.count(" | ") == 4 for ln in table_rows)  # a '|' in the article cannot add a column


def test_markdown_links_only_http_sources():
    out = render(sample_report(), "markdown")
    assert "[source](<https://example.org/report.pdf>)" in out


# ---- table ------------------------------------------------------------------------------------------------------

def test_table_is_grouped_diagnostics_that_hold_at_80_columns():
    out = render(sample_report(failed=True), "table", Options(width=80))
    lines = out.splitlines()
    # one header per finding that gates (path:line:col: verdict  “claim”), evidence indented below it
    heads = [ln for ln in lines if not ln.startswith(" ") and ln]
    assert heads == ["draft.txt:1:36: contradicted  “मंत्री सुरेश वर्मा”", "draft.txt:2:13: outdated  “chair Asha Rao”",
                     "missing.txt: error: no such file"]
    assert "  = evidence: Meera Das held the post on 30 Aug 2024 — State gazette" in lines
    assert lines.count("  = source: https://example.org/gazette") == 1  # the source once
    assert not any(ch in out for ch in "│┃┏└╇")  # no table borders for Devanagari to push out of line
    assert all(len(ln) <= 80 for ln in lines if "://" not in ln)
    assert "\x1b[" not in out  # no colour codes unless asked


def test_table_is_coloured_on_request():
    out = render(sample_report(), "table", Options(color=True, width=160))
    assert "\x1b[" in out


# ---- json and claimreview ---------------------------------------------------------------------------------------

def test_json_summary_and_gating_flags():
    data = json.loads(render(sample_report(failed=True), "json"))
    assert data["version"] == 1
    assert data["summary"]["documents"] == 2 and data["summary"]["failed"] == 1
    assert data["failed"][0]["doc"] == "missing.txt"
    gating = [c["text"] for d in data["documents"] for c in d["claims"] if c["gating"]]
    assert gating == ["मंत्री सुरेश वर्मा", "chair Asha Rao"]


def test_claimreview_only_contradicted_and_outdated():
    data = json.loads(render(sample_report(), "claimreview"))
    assert data["@context"] == "https://schema.org"
    reviews = data["@graph"]
    assert [r["itemReviewed"]["text"] for r in reviews] == ["मंत्री सुरेश वर्मा", "chair Asha Rao"]
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["False", "Outdated"]
    assert reviews[0]["citation"] == [{"@type": "CreativeWork", "url": "https://example.org/gazette"}]
    assert "सुरेश वर्मा ने कहा" in reviews[0]["claimReviewed"]


def test_claimreview_leaves_out_suppressed():
    cc = [checked(TEXT, "chair Asha Rao", "officeholder", "outdated", suppressed="ignore comment")]
    assert json.loads(render(sample_report(checked_claims=cc), "claimreview"))["@graph"] == []


@pytest.mark.parametrize("url,ok", [
    ("https://a.example/x", True), ("http://a.example", True), ("javascript:alert(1)", False),
    ("JAVASCRIPT:alert(1)", False), (" javascript:alert(1)", False), ("data:text/html,x", False),
    ("//evil.example/x", False), ("/relative", False), ("https://a.example/\"onmouseover=x", False),
    ("vbscript:x", False), ("https:///nohost", False), ("", False), (None, False),
])
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) == ok


def test_every_format_renders_a_report_with_failures_and_odd_values():
    cc = [CheckedClaim(claim(TEXT, "42 लाख", "quantity", value=float("nan"), high=float("inf")),
                       Verdict("contradicted", "m", (Evidence(summary="s", difference=float("nan")),)))]
    rep = sample_report(failed=True, checked_claims=cc)
    for fmt in FORMATS:
        out = render(rep, fmt)
        if fmt in ("json", "sarif", "claimreview"):
            json.loads(out)  # NaN/inf never make invalid JSON
            assert "NaN" not in out and "Infinity" not in out


# ---- atomic output ----------------------------------------------------------------------------------------------

def test_output_file_is_written_atomically(tmp_path, monkeypatch):
    from claimcheck.cli import main as cli
    from claimcheck.errors import UsageError

    target = tmp_path / "report.html"
    target.write_text("previous report", encoding="utf-8")
    target.chmod(0o640)
    cli.write_atomic(str(target), "new report")
    assert target.read_text(encoding="utf-8") == "new report"
    assert target.stat().st_mode & 0o777 == 0o640  # an existing report keeps its permissions
    fresh = tmp_path / "fresh.json"
    cli.write_atomic(str(fresh), "{}")
    mask = os.umask(0)
    os.umask(mask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~mask
    fresh.unlink()

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli.os, "replace", boom)
    with pytest.raises(UsageError, match="No space left"):
        cli.write_atomic(str(target), "half")
    assert target.read_text(encoding="utf-8") == "new report"
    assert sorted(os.listdir(tmp_path)) == ["report.html"]  # no temp file left behind


def test_failed_render_leaves_no_file(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from claimcheck import api
    from claimcheck.cli import main as cli
    from claimcheck.report.render import html as html_renderer
    from standins import fake_run

    monkeypatch.setattr(api, "run", fake_run(sample_report().results))

    def broken(*args):
        raise RuntimeError("renderer crashed half way")

    monkeypatch.setattr(html_renderer, "document", broken)  # a report is rendered a document at a time
    out = tmp_path / "r.html"
    r = CliRunner().invoke(cli.app, ["check", "x.txt", "-o", str(out)])
    assert r.exit_code != 0
    assert not out.exists() and os.listdir(tmp_path) == []
