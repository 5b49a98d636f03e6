"""``line`` and ``github``: one finding a line.

``line`` is ``path:line:col: verdict: message [claim]``, for editors, grep and the pre-commit hook. Errors are
``path: error: message``; suppressed findings say so at the end of the line. Like the terminal layout, it lists
the findings that gate, and those ``options.show`` asks for (``--show``); ``extract`` lists every claim.

``github`` is GitHub Actions workflow commands, which annotate a pull request's diff directly (as ruff's ``github``
format does): ``::error title=…,file=…,line=…,col=…,endLine=…,endColumn=…::message``. The level follows the
SARIF report's rule: a finding that gates is an ``error``; with ``--show``, a contradicted or outdated finding that
does not gate (suppressed, or its verdict not in fail-on) is a ``warning`` and any other is a ``notice``. A
document that could not be read is an ``error`` on its file.
"""

from __future__ import annotations

from claimcheck.report.render import Options
from claimcheck.report.render import Tally
from claimcheck.report.render import display_path
from claimcheck.report.render import end_line_col
from claimcheck.report.render import error_text, error_where
from claimcheck.report.render import in_batch
from claimcheck.report.render import location
from claimcheck.report.render import message
from claimcheck.report.render import message_without_sources
from claimcheck.report.render import one_line
from claimcheck.report.render import shown
from claimcheck.report.render import source_urls
from claimcheck.report import gate
from claimcheck.model import CheckedClaim, DocResult


HEADLESS = True  # both formats: one document at a time, nothing before or after (claimcheck.report.render.Stream)


def document(r: DocResult, i: int, tally: Tally, options: Options) -> str:
    out: list[str] = []
    if r.error:
        out.append(f"{error_where(r)}: error: {error_text(r)}")
    elif tally.command == "extract":
        for c in r.claims:
            out.append(f"{r.path or r.doc}:{c.line or 1}:{c.col or 1}: {c.kind}: {one_line(c.text)}")
    else:
        for cc in r.checked:
            if not shown(cc, tally.fail_on, options.show):
                continue
            note = f" (suppressed: {one_line(cc.suppressed)})" if cc.suppressed else ""
            out.append(f"{location(r, cc, options)}: {cc.verdict.outcome}: {message(cc)}"
                       f" [{one_line(cc.claim.text)}]{note}")
    return "".join(line + "\n" for line in out)


def head(tally: Tally, options: Options) -> str:
    return ""


tail = head_github = tail_github = head


def level(cc: CheckedClaim, fail_on: tuple[str, ...]) -> str:
    """The workflow command of a finding: ``error`` if it gates, ``warning`` for another contradicted or outdated
    one, else ``notice``."""
    if gate.gates(cc, fail_on):
        return "error"
    return "warning" if cc.verdict.outcome in ("contradicted", "outdated") else "notice"


def _data(s: str) -> str:
    """A workflow command's message, escaped as the runner expects."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    """A workflow command's property value, escaped."""
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def document_github(r: DocResult, i: int, tally: Tally, options: Options) -> str:
    out: list[str] = []
    path = display_path(r, options)
    if r.error:
        out.append(f"::error title={_prop('claimcheck: could not be read')},file={_prop(path)}::"
                   f"{_data(error_text(r))}")
    else:
        for cc in r.checked:
            if not shown(cc, tally.fail_on, options.show):
                continue
            c = cc.claim
            line, col = c.line or 1, c.col or 1
            end_line, end_col = end_line_col(cc)
            where = f"file={_prop(path)},line={line},col={col},endLine={end_line},endColumn={end_col}"
            title = f"claimcheck ({cc.verdict.outcome})"
            text = f"{cc.verdict.outcome}: “{one_line(c.text)}” — {message_without_sources(cc)}"
            if in_batch(r):
                text = f"{r.doc}: {text}"
            urls = source_urls(cc)
            if urls:
                text += " — source " + " ".join(urls)
            if cc.suppressed:
                text += f" (suppressed: {one_line(cc.suppressed)})"
            out.append(f"::{level(cc, tally.fail_on)} title={_prop(title)},{where}::{_data(text)}")
    return "".join(line + "\n" for line in out)
