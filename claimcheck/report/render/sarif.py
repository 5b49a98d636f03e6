"""``sarif``: SARIF 2.1.0 for code-scanning tools — one rule per claim kind, locations with line and column.

Levels: a finding that gates is ``error``; a contradicted/outdated one that does not gate (suppressed or not in
fail-on) is ``warning``; ambiguous and unverifiable are ``note``; supported is ``none``. Suppressed findings
carry a SARIF ``suppressions`` entry (``inSource`` for ignore comments, ``external`` for baselines/config).
Columns count Unicode code points (``columnKind``), as claimcheck does.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

from claimcheck.report.render import HOLE
from claimcheck.report.render import Options
from claimcheck.report.render import Tally
from claimcheck.report.render import display_path
from claimcheck.report.render import end_line_col
from claimcheck.report.render import evidence_line
from claimcheck.report.render import json_around
from claimcheck.report.render import json_items
from claimcheck.report.render import message
from claimcheck.report.render import one_line
from claimcheck.report.render import safe_url
from claimcheck.report import gate
from claimcheck.model import KINDS, DocResult, Report

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


def _rules(tally: Tally) -> list[dict[str, Any]]:
    return [{
        "id": rule_id(k),
        "name": f"{k.capitalize()}Claim",
        "shortDescription": {"text": RULES.get(k, f"A {k} claim")},
        "fullDescription": {"text": RULES.get(k, f"A {k} claim") + ", checked against claimcheck's reference tables."},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"tags": ["fact-check", k]},
    } for k in (*KINDS, *tally.kinds)]


def _results(r: DocResult, tally: Tally, options: Options) -> list[dict[str, Any]]:
    from claimcheck.report.baseline import doc_key, fingerprint

    if r.error:
        return []
    index = {k: i for i, k in enumerate((*KINDS, *tally.kinds))}
    uri = _uri(display_path(r, replace(options, relative_to=options.relative_to or os.getcwd())))
    key = doc_key(r.doc, r.path)
    results = []
    for cc in r.checked:
        c = cc.claim
        end_line, end_col = end_line_col(cc)
        text = message(cc) + "".join(f" Evidence: {evidence_line(e)}." for e in cc.verdict.evidence)
        res: dict[str, Any] = {
            "ruleId": rule_id(c.kind),
            "ruleIndex": index[c.kind],
            "level": _level(cc, tally.fail_on),
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
    return results


def _page(tally: Tally, results: list) -> dict[str, Any]:
    from claimcheck.model import __version__

    notifications = [{"level": "error", "message": {"text": one_line(r.error)},
                      "descriptor": {"id": "claimcheck/input-error"}} for r in tally.failed]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "claimcheck", "version": __version__, "semanticVersion": __version__,
                                "informationUri": "https://pypi.org/project/claimcheck/", "rules": _rules(tally)}},
            "invocations": [{"executionSuccessful": not tally.failed,
                             "toolExecutionNotifications": notifications}],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"failOn": list(tally.fail_on), "asOf": tally.as_of,
                           "documents": tally.documents, "failed": len(tally.failed)},
        }],
    }


def to_data(report: Report, options: Options) -> dict[str, Any]:
    """The whole log as one JSON-ready dict (what :func:`render` writes, built in memory)."""
    tally = Tally(report.command, report.as_of, report.fail_on)
    results = []
    for r in report.results:
        tally.add(r)
        results.extend(_results(r, tally, options))
    return _page(tally, results)


# Written in parts (claimcheck.report.render.Stream): the log down to "results", each document's results, the rest.


def head(tally: Tally, options: Options) -> str:
    return json_around(_page(tally, [HOLE]), tally.written)[0]


def document(r: DocResult, i: int, tally: Tally, options: Options) -> str:
    return json_items(_results(r, tally, options), tally, 4)


def tail(tally: Tally, options: Options) -> str:
    return json_around(_page(tally, [HOLE]), tally.written)[1]
