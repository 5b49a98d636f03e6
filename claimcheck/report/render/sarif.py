"""``sarif``: SARIF 2.1.0 for code-scanning tools — one rule per claim kind, locations with line and column.

Levels: a finding that gates is ``error``; a contradicted/outdated one that does not gate (suppressed or not in
fail-on) is ``warning``; ambiguous and unverifiable are ``note``; supported is ``none``. Suppressed findings
carry a SARIF ``suppressions`` entry (``inSource`` for ignore comments, ``external`` for baselines/config).
Columns count Unicode code points (``columnKind``), as claimcheck does.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

from claimcheck.report.render import Options
from claimcheck.report.render import display_path
from claimcheck.report.render import end_line_col
from claimcheck.report.render import evidence_line
from claimcheck.report.render import jsonable
from claimcheck.report.render import message
from claimcheck.report.render import one_line
from claimcheck.report.render import safe_url
from claimcheck.report import gate
from claimcheck.model import KINDS, Report

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
RULES = {
    "quantity": "A count or amount stated as a number",
    "money": "An amount of money",
    "percent": "A percentage or share",
    "duration": "A length of time",
    "date": "A date or year",
    "officeholder": "A person named as holding an office",
    "ranking": "A ranking or superlative (first, largest…)",
}


def rule_id(kind: str) -> str:
    return f"claimcheck/{kind}"


def _level(cc, fail_on) -> str:  # type: ignore[no-untyped-def]
    if gate.gates(cc, fail_on):
        return "error"
    if cc.verdict.outcome in ("contradicted", "outdated"):
        return "warning"
    if cc.verdict.outcome == "supported":
        return "none"
    return "note"


def _uri(path: str) -> str:
    """A relative URI reference for a relative path; a file: URI for an absolute one."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(path.replace("\\", "/"), safe="/:@-._~!$&'()*+,;=")


def to_data(report: Report, options: Options) -> dict[str, Any]:
    from claimcheck.model import __version__
    from claimcheck.report.baseline import doc_key, fingerprint

    kinds = list(KINDS) + sorted({cc.claim.kind for r in report.results for cc in r.checked} - set(KINDS))
    index = {k: i for i, k in enumerate(kinds)}
    rules = [{
        "id": rule_id(k),
        "name": f"{k.capitalize()}Claim",
        "shortDescription": {"text": RULES.get(k, f"A {k} claim")},
        "fullDescription": {"text": RULES.get(k, f"A {k} claim") + ", checked against claimcheck's reference tables."},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"tags": ["fact-check", k]},
    } for k in kinds]
    results = []
    for r in report.results:
        if r.error:
            continue
        uri = _uri(display_path(r, replace(options, relative_to=options.relative_to or os.getcwd())))
        key = doc_key(r.doc, r.path)
        for cc in r.checked:
            c = cc.claim
            end_line, end_col = end_line_col(cc)
            text = message(cc) + "".join(f" Evidence: {evidence_line(e)}." for e in cc.verdict.evidence)
            res: dict[str, Any] = {
                "ruleId": rule_id(c.kind),
                "ruleIndex": index[c.kind],
                "level": _level(cc, report.fail_on),
                "kind": "fail" if cc.verdict.outcome in ("contradicted", "outdated") else
                        ("pass" if cc.verdict.outcome == "supported" else "review"),
                "message": {"text": one_line(f"{cc.verdict.outcome}: “{c.text}”: {text}")},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {"startLine": c.line or 1, "startColumn": c.col or 1, "endLine": end_line,
                                   "endColumn": max(end_col, 1), "snippet": {"text": c.text}},
                    },
                    **({"logicalLocations": [{"name": r.doc, "kind": "module"}]} if r.path and r.doc != r.path else {}),
                }],
                "partialFingerprints": {"claimcheckFingerprint/v1": fingerprint(c, key)},
                "properties": {
                    "verdict": cc.verdict.outcome,
                    "evidence": [e.to_dict() for e in cc.verdict.evidence],
                    **({"asOf": cc.verdict.as_of} if cc.verdict.as_of else {}),
                },
            }
            links = [u for u in (safe_url(e.source_url) for e in cc.verdict.evidence) if u]
            if links:
                res["relatedLocations"] = [{"id": i + 1, "physicalLocation": {"artifactLocation": {"uri": u}},
                                            "message": {"text": "source"}} for i, u in enumerate(links)]
            if cc.suppressed:
                res["suppressions"] = [{"kind": "inSource" if cc.suppressed == "ignore comment" else "external",
                                        "justification": cc.suppressed}]
            results.append(res)
    notifications = [{"level": "error", "message": {"text": one_line(r.error)},
                      "descriptor": {"id": "claimcheck/input-error"}} for r in report.failed]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "claimcheck", "version": __version__, "semanticVersion": __version__,
                                "informationUri": "https://pypi.org/project/claimcheck/", "rules": rules}},
            "invocations": [{"executionSuccessful": not report.failed,
                             "toolExecutionNotifications": notifications}],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"failOn": list(report.fail_on), "asOf": report.as_of,
                           "documents": report.documents, "failed": len(report.failed)},
        }],
    }


def render(report: Report, options: Options) -> str:
    return json.dumps(jsonable(to_data(report, options)), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
