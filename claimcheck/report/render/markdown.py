"""``markdown``: a report for a pull request or a ticket — summary, failed documents, one table per document.

Everything from articles and data is escaped (Markdown punctuation backslashed, HTML brackets as entities), so a
draft cannot inject links, images or markup into the ticket. Only http(s) source links become links.
"""

from __future__ import annotations

from claimcheck.report.render import Options
from claimcheck.report.render import Tally
from claimcheck.report.render import display_path
from claimcheck.report.render import error_text, error_where
from claimcheck.report.render import evidence_line
from claimcheck.report.render import message
from claimcheck.report.render import one_line
from claimcheck.report.render import safe_url
from claimcheck.report import gate
from claimcheck.model import VERDICTS, DocResult

_SPECIAL = set("\\`*_[]|~")


def esc(s: object) -> str:
    """Escape text for a Markdown table cell (one line, no markup, no HTML)."""
    out = []
    for ch in one_line(s):
        if ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == "&":
            out.append("&amp;")
        elif ch in _SPECIAL:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _link(url: str | None, label: str) -> str:
    u = safe_url(url)
    if not u:
        return esc(label)
    u = u.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{esc(label)}](<{u}>)" if ">" not in u else esc(label)


# The report in three parts (claimcheck.report.render.Stream). Each part's lines end with an empty one, so the
# page is the parts' lines joined by newlines and ends with exactly one.


def head(tally: Tally, options: Options) -> str:
    c = tally.counts
    lines = ["# claimcheck report", ""]
    checked = c["documents"] - c["failed"]
    lines.append(f"**{c['documents']}** document(s): {checked} checked, {c['failed']} failed."
                 + (f" Checked as of {esc(tally.as_of)}." if tally.as_of else ""))
    lines.append("")
    lines.append("| " + " | ".join(VERDICTS) + " | suppressed |")
    lines.append("|" + "---:|" * (len(VERDICTS) + 1))
    lines.append("| " + " | ".join(str(c[v]) for v in VERDICTS) + f" | {c['suppressed']} |")
    lines.append("")
    fail_on = ", ".join(tally.fail_on) or "nothing"
    if c["gating"]:
        lines.append(f"**{c['gating']} finding(s) gate** (fail on: {fail_on}).")
    else:
        lines.append(f"Nothing gates (fail on: {fail_on}).")
    lines.append("")
    if tally.failed:
        lines += ["## Documents that could not be checked", ""]
        lines += [f"- `{esc(error_where(r))}`: {esc(error_text(r))}" for r in tally.failed]
        lines.append("")
    return "\n".join(lines)


def document(r: DocResult, i: int, tally: Tally, options: Options) -> str:
    if r.error:
        return ""
    lines = [f"## {esc(display_path(r, options))}" + (f" — {esc(r.doc)}" if r.path and r.doc != r.path else ""), ""]
    if not r.checked:
        return "\n" + "\n".join(lines + ["No claims found.", ""])
    lines.append("| where | verdict | claim | message | evidence |")
    lines.append("|---|---|---|---|---|")
    for cc in r.checked:
        cl = cc.claim
        verdict = cc.verdict.outcome
        if gate.gates(cc, tally.fail_on):
            verdict = f"**{verdict}** (gates)"
        elif cc.suppressed:
            verdict = f"{verdict} (suppressed: {esc(cc.suppressed)})"
        shown = cc.verdict.evidence[:3]
        ev = "<br>".join(
            esc(evidence_line(e)) + (" " + _link(e.source_url, "source") if safe_url(e.source_url) else "")
            for e in shown
        )
        if len(cc.verdict.evidence) > len(shown):
            ev += f"<br>… {len(cc.verdict.evidence) - len(shown)} more (see --format json)"
        lines.append(f"| {cl.line or 1}:{cl.col or 1} | {verdict} | {esc(cl.text)} ({cl.kind}) | "
                     f"{esc(message(cc))} | {ev} |")
    lines.append("")
    return "\n" + "\n".join(lines)


def tail(tally: Tally, options: Options) -> str:
    return ""
