"""``json``: one JSON document for the whole run, with a format version; validated by ``report.schema.json``.

Shape (``claimcheck schema`` prints the full JSON Schema)::

    {"version": 1, "tool": {"name": "claimcheck", "version": "…"}, "command": "check", "as_of": null,
     "fail_on": ["contradicted", "outdated"],
     "summary": {"documents": 1, "failed": 0, "claims": 9, "gating": 0, "suppressed": 0, "supported": 7, …},
     "failed": [{"doc": "…", "error": "…"}],
     "documents": [{"doc": "…", "path": "…", "error": null, "suppressed": 0,
                    "claims": [{…claim fields…, "verdict": "…", "message": "…", "evidence": […],
                                "fingerprint": "…", "gating": false}]}]}
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from claimcheck.report.render import Options
from claimcheck.report.render import jsonable
from claimcheck.report import gate
from claimcheck.model import Report

VERSION = 1


def schema_text() -> str:
    """The shipped JSON Schema of this format."""
    return resources.files("claimcheck.data").joinpath("report.schema.json").read_text(encoding="utf-8")


def to_data(report: Report) -> dict[str, Any]:
    from claimcheck.model import __version__
    from claimcheck.report.baseline import doc_key, fingerprint

    counts = gate.counts(report)
    docs = []
    n_claims = 0
    for r in report.results:
        claims: list[dict[str, Any]] = []
        key = doc_key(r.doc, r.path)
        if report.command == "extract":
            claims = [c.to_dict() | {"fingerprint": fingerprint(c, key)} for c in r.claims]
        else:
            for cc in r.checked:
                d = cc.to_dict()
                d["fingerprint"] = fingerprint(cc.claim, key)
                d["gating"] = gate.gates(cc, report.fail_on)
                claims.append(d)
        n_claims += len(claims)
        docs.append({"doc": r.doc, "path": r.path, "error": r.error, "suppressed": r.suppressed, "claims": claims})
    summary = {"documents": counts["documents"], "failed": counts["failed"], "claims": n_claims,
               "gating": counts["gating"], "suppressed": counts["suppressed"]}
    if report.command != "extract":
        summary.update({v: counts[v] for v in ("supported", "contradicted", "outdated", "unverifiable", "ambiguous")})
    return {
        "version": VERSION,
        "tool": {"name": "claimcheck", "version": __version__},
        "command": report.command,
        "as_of": report.as_of,
        "fail_on": list(report.fail_on),
        "summary": summary,
        "failed": [{"doc": r.doc, "path": r.path, "error": r.error} for r in report.failed],
        "documents": docs,
    }


def render(report: Report, options: Options) -> str:
    return json.dumps(jsonable(to_data(report)), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
