"""``line``: ``path:line:col: verdict: message [claim]`` — one finding a line, for editors and grep.

Errors are ``path: error: message``. Suppressed findings say so at the end of the line.
"""

from __future__ import annotations

from claimcheck.report.render import Options
from claimcheck.report.render import Tally
from claimcheck.report.render import error_text
from claimcheck.report.render import location
from claimcheck.report.render import message
from claimcheck.report.render import one_line
from claimcheck.model import DocResult

HEADLESS = True


def document(r: DocResult, i: int, tally: Tally, options: Options) -> str:
    out: list[str] = []
    if r.error:
        out.append(f"{r.path or r.doc}: error: {error_text(r)}")
    elif tally.command == "extract":
        for c in r.claims:
            out.append(f"{r.path or r.doc}:{c.line or 1}:{c.col or 1}: {c.kind}: {one_line(c.text)}")
    else:
        for cc in r.checked:
            note = f" (suppressed: {cc.suppressed})" if cc.suppressed else ""
            out.append(f"{location(r, cc, options)}: {cc.verdict.outcome}: {message(cc)}"
                       f" [{one_line(cc.claim.text)}]{note}")
    return "".join(line + "\n" for line in out)


def head(tally: Tally, options: Options) -> str:
    return ""


tail = head
