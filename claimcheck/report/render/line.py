"""``line``: ``path:line:col: verdict: message [claim]`` — one finding a line, for editors and grep.

Errors are ``path: error: message``. Suppressed findings say so at the end of the line.
"""

from __future__ import annotations

from claimcheck.report.render import Options
from claimcheck.report.render import error_text, error_where
from claimcheck.report.render import location
from claimcheck.report.render import message
from claimcheck.report.render import one_line
from claimcheck.model import Report


def render(report: Report, options: Options) -> str:
    out: list[str] = []
    for r in report.results:
        if r.error:
            out.append(f"{error_where(r)}: error: {error_text(r)}")
            continue
        if report.command == "extract":
            for c in r.claims:
                out.append(f"{r.path or r.doc}:{c.line or 1}:{c.col or 1}: {c.kind}: {one_line(c.text)}")
            continue
        for cc in r.checked:
            tail = f" (suppressed: {cc.suppressed})" if cc.suppressed else ""
            out.append(f"{location(r, cc, options)}: {cc.verdict.outcome}: {message(cc)}"
                       f" [{one_line(cc.claim.text)}]{tail}")
    return "".join(line + "\n" for line in out)
