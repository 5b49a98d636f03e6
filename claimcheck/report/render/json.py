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
from claimcheck.report.render import Tally
from claimcheck.report.render import jsonable
from claimcheck.report import gate
from claimcheck.model import DocResult, Report

VERSION = 1


def schema_text() -> str:
    """The shipped JSON Schema of this format."""
    return resources.files("claimcheck.data").joinpath("report.schema.json").read_text(encoding="utf-8")


def to_data(report: Report) -> dict[str, Any]:
    """The whole report as one JSON-ready dict (what :func:`render` writes, built in memory)."""
    tally = Tally(report.command, report.as_of, report.fail_on)
    docs = []
    for r in report.results:
        tally.add(r)
        docs.append(_document(r, tally))
    return _meta(tally) | {"documents": docs}


def _document(r: DocResult, tally: Tally) -> dict[str, Any]:
    from claimcheck.report.baseline import doc_key, fingerprint

    key = doc_key(r.doc, r.path)
    claims: list[dict[str, Any]] = []
    if tally.command == "extract":
        claims = [c.to_dict() | {"fingerprint": fingerprint(c, key)} for c in r.claims]
    else:
        for cc in r.checked:
            d = cc.to_dict()
            d["fingerprint"] = fingerprint(cc.claim, key)
            d["gating"] = gate.gates(cc, tally.fail_on)
            claims.append(d)
    return {"doc": r.doc, "path": r.path, "error": r.error, "suppressed": r.suppressed, "claims": claims}


def _meta(tally: Tally) -> dict[str, Any]:
    """Everything but the documents (in the order written: it comes first)."""
    from claimcheck.model import __version__

    counts = tally.counts
    summary = {"documents": counts["documents"], "failed": counts["failed"], "claims": tally.claims,
               "gating": counts["gating"], "suppressed": counts["suppressed"]}
    if tally.command != "extract":
        summary.update({v: counts[v] for v in ("supported", "contradicted", "outdated", "unverifiable", "ambiguous")})
    return {
        "version": VERSION,
        "tool": {"name": "claimcheck", "version": __version__},
        "command": tally.command,
        "as_of": tally.as_of,
        "fail_on": list(tally.fail_on),
        "summary": summary,
        "failed": [{"doc": r.doc, "path": r.path, "error": r.error} for r in tally.failed],
    }


def _dumps(obj: object) -> str:
    return json.dumps(jsonable(obj), ensure_ascii=False, indent=2, allow_nan=False)


# The page is json.dumps(…, indent=2) of the whole report, written in parts: the object without its last member,
# then each document (indented two levels: a line of JSON text never holds a raw newline), then the closing.


def head(tally: Tally, options: Options) -> str:
    meta = _dumps(_meta(tally))
    return meta[: meta.rindex("\n}")] + ',\n  "documents": [' + ("" if tally.documents else "]")


def document(r: DocResult, i: int, tally: Tally, options: Options) -> str:
    return ("\n" if i == 1 else ",\n") + "\n".join("    " + line for line in _dumps(_document(r, tally)).split("\n"))


def tail(tally: Tally, options: Options) -> str:
    return ("\n  ]" if tally.documents else "") + "\n}\n"
