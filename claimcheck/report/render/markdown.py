"""``markdown``: a report for a pull request or a ticket — summary, failed documents, one table per document.

Everything from articles and data is escaped (Markdown punctuation backslashed, HTML brackets as entities), so a
draft cannot inject links, images or markup into the ticket. Only http(s) source links become links.
"""

from __future__ import annotations

from claimcheck.report.render import Options
from claimcheck.report.render import display_path
from claimcheck.report.render import error_text, error_where
from claimcheck.report.render import evidence_line
from claimcheck.report.render import message
from claimcheck.report.render import one_line
from claimcheck.report.render import safe_url
from claimcheck.report import gate
from claimcheck.model import VERDICTS, Report

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


def render(report: Report, options: Options) -> str:
    c = gate.counts(report)
    lines = ["# claimcheck report", ""]
    checked = c["documents"] - c["failed"]
    lines.append(f"**{c['documents']}** document(s): {checked} checked, {c['failed']} failed."
                 + (f" Checked as of {esc(report.as_of)}." if report.as_of else ""))
    lines.append("")
    lines.append("| " + " | ".join(VERDICTS) + " | suppressed |")
    lines.append("|" + "---:|" * (len(VERDICTS) + 1))
    lines.append("| " + " | ".join(str(c[v]) for v in VERDICTS) + f" | {c['suppressed']} |")
    lines.append("")
    fail_on = ", ".join(report.fail_on) or "nothing"
    if c["gating"]:
        lines.append(f"**{c['gating']} finding(s) gate** (fail on: {fail_on}).")
    else:
        lines.append(f"Nothing gates (fail on: {fail_on}).")
    lines.append("")
    if report.failed:
        lines += ["## Documents that could not be checked", ""]
        lines += [f"- `{esc(error_where(r))}`: {esc(error_text(r))}" for r in report.failed]
        lines.append("")
    for r in report.results:
        if r.error:
            continue
        lines += [f"## {esc(display_path(r, options))}" + (f" — {esc(r.doc)}" if r.path and r.doc != r.path else ""), ""]
        if not r.checked:
            lines += ["No claims found.", ""]
            continue
        lines.append("| where | verdict | claim | message | evidence |")
        lines.append("|---|---|---|---|---|")
        for cc in r.checked:
            cl = cc.claim
            verdict = cc.verdict.outcome
            if gate.gates(cc, report.fail_on):
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
    return "\n".join(lines).rstrip("\n") + "\n"
