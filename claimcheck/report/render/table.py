"""``table``: the terminal report (rich) — grouped by document, coloured by verdict, with evidence and source."""

from __future__ import annotations

import io

from claimcheck.report.render import Options
from claimcheck.report.render import Tally
from claimcheck.report.render import display_path
from claimcheck.report.render import error_text
from claimcheck.report.render import message
from claimcheck.report.render import one_line
from claimcheck.report.render import safe_url
from claimcheck.report import gate
from claimcheck.model import VERDICTS, DocResult

STYLE = {"supported": "green", "contradicted": "bold red", "outdated": "bold yellow", "unverifiable": "dim",
         "ambiguous": "magenta"}


HEADLESS = True


def _console(options: Options, buf: io.StringIO):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(file=buf, force_terminal=options.color, no_color=not options.color, width=options.width,
                   highlight=False, emoji=False, markup=False, soft_wrap=False)


def document(r: DocResult, i: int, tally: Tally, options: Options) -> str:
    from rich.table import Table
    from rich.text import Text

    buf = io.StringIO()
    con = _console(options, buf)
    title = display_path(r, options) + (f" — {r.doc}" if r.path and r.doc != r.path else "")
    if r.error:
        con.print(Text(f"{title}: could not be checked: {error_text(r)}", style="bold red"))
        return buf.getvalue()
    con.print(Text(title, style="bold underline"))
    if tally.command == "extract":
        t = Table(show_header=True, header_style="bold", expand=False)
        for col in ("where", "kind", "claim", "normalised"):
            t.add_column(col)
        for c in r.claims:
            norm = c.value if c.value is not None else (f"{c.low}–{c.high}" if c.low or c.high else c.person)
            t.add_row(f"{c.line or 1}:{c.col or 1}", c.kind, one_line(c.text), "" if norm is None else str(norm))
        con.print(t if r.claims else Text("  no claims found", style="dim"))
        return buf.getvalue()
    if not r.checked:
        con.print(Text("  no claims found", style="dim"))
        return buf.getvalue()
    t = Table(show_header=True, header_style="bold", expand=False, show_lines=False)
    for col in ("where", "verdict", "claim", "evidence", "source"):
        t.add_column(col, overflow="fold")
    for cc in r.checked:
        c = cc.claim
        v = Text(cc.verdict.outcome, style=STYLE.get(cc.verdict.outcome, ""))
        if gate.gates(cc, tally.fail_on):
            v.append(" ✗ gates", style="bold red")
        elif cc.suppressed:
            v.append(f" (suppressed: {cc.suppressed})", style="dim")
        ev = Text(message(cc))
        extra = len(cc.verdict.evidence) - 1
        if extra > 0:
            ev.append(f"\n(+{extra} more evidence: --format html, markdown or json)", style="dim")
        first = cc.verdict.evidence[0] if cc.verdict.evidence else None
        src = (safe_url(first.source_url) or first.source or "") if first else ""
        t.add_row(f"{c.line or 1}:{c.col or 1}", v, Text(one_line(c.text)), ev, Text(one_line(src)))
    con.print(t)
    return buf.getvalue()


def head(tally: Tally, options: Options) -> str:
    return ""


def tail(tally: Tally, options: Options) -> str:
    from rich.text import Text

    buf = io.StringIO()
    con = _console(options, buf)
    c = tally.counts
    ok = c["documents"] - c["failed"]
    summary = Text(f"{c['documents']} document(s): {ok} checked, {c['failed']} failed")
    if tally.command != "extract":
        summary.append(" · ")
        for v in VERDICTS:
            summary.append(f"{v} {c[v]}  ", style=STYLE[v] if c[v] else "")
        summary.append(f"suppressed {c['suppressed']}")
        con.print(summary)
        fail_on = ", ".join(tally.fail_on) or "nothing"
        if c["gating"]:
            con.print(Text(f"{c['gating']} finding(s) gate (fail on: {fail_on})", style="bold red"))
        else:
            con.print(Text(f"nothing gates (fail on: {fail_on})", style="green"))
    else:
        con.print(summary)
    for r in tally.failed:
        con.print(Text(f"failed: {r.path or r.doc}: {error_text(r)}", style="red"))
    return buf.getvalue()
