"""``table``: the terminal report — grouped diagnostics, as ruff prints them, that hold in a real terminal.

Each finding is a header line ``path:line:col: verdict  “claim”``, then, indented, the verdict's message, its
evidence (period in words, publisher) and each source URL once. Lines are wrapped at ``options.width`` on spaces
only (a URL is never cut, so a terminal can still open it) and nothing is aligned in columns: Devanagari vowel
signs, which terminals and libraries disagree about the width of, cannot push a border out of line.

Only the findings that gate are listed unless ``options.show`` asks for more (``--show``); ``extract`` lists every
claim. The summary line is not part of this output: the command line prints it after the run.
"""

from __future__ import annotations

import textwrap

from claimcheck.model import CheckedClaim, DocResult, Evidence
from claimcheck.report.render import Options
from claimcheck.report.render import Tally
from claimcheck.report.render import domain
from claimcheck.report.render import error_text, error_where
from claimcheck.report.render import fmt_difference
from claimcheck.report.render import location
from claimcheck.report.render import message_without_sources
from claimcheck.report.render import one_line
from claimcheck.report.render import period_words
from claimcheck.report.render import dates_in_words
from claimcheck.report.render import shown
from claimcheck.report.render import source_urls

# ANSI SGR codes per verdict (only when options.color)
STYLE = {"supported": "32", "contradicted": "1;31", "outdated": "1;33", "unverifiable": "2", "ambiguous": "35"}
MAX_EVIDENCE = 3  # evidence items shown per finding; the rest are counted
MAX_PUBLISHER = 60  # characters of an evidence's publisher shown


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color and code else text


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, width=max(40, width), initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [first.rstrip()]


def _evidence_text(e: Evidence) -> str:
    summary = dates_in_words(e.summary)
    bits = [summary]
    when = e.period or e.as_of
    if when and when not in e.summary and (period_words(when) or "") not in summary:
        bits.append(f"({period_words(when)})")
    diff = fmt_difference(e.difference)
    if diff:
        bits.append(f"difference {diff}")
    publisher = one_line(e.source or domain(e.source_url) or "")
    if len(publisher) > MAX_PUBLISHER:  # the full citation is in the html, markdown and json reports
        publisher = publisher[:MAX_PUBLISHER].rsplit(" ", 1)[0].rstrip(",;:(") + " …"
    if publisher and publisher not in e.summary:
        bits.append(f"— {publisher}")
    return one_line(" ".join(bits))


def _finding(r: DocResult, cc: CheckedClaim, options: Options) -> list[str]:
    color, width = options.color, options.width
    v = cc.verdict.outcome
    where = location(r, cc, options)
    note = (f" (suppressed: {one_line(cc.suppressed)})" if cc.suppressed
            else " (outside the article body)" if cc.claim.outside_body else "")
    head = f"{_paint(where, '1', color)}: {_paint(v, STYLE.get(v, ''), color)}" + _paint(note, "2", color)
    quoted = f"“{one_line(cc.claim.text)}”"
    # code points overcount what Devanagari takes on screen, so a line within the width in code points fits
    if len(f"{where}: {v}{note}  {quoted}") <= width:
        out = [f"{head}  {quoted}"]
    else:  # a long claim goes below its header, wrapped
        out = [head] + _wrap(quoted, width, "    ", "    ")
    out += _wrap(dates_in_words(message_without_sources(cc)), width, "  ", "  ")
    evidence = cc.verdict.evidence
    for e in evidence[:MAX_EVIDENCE]:
        out += _wrap(_evidence_text(e), width, "  = evidence: ", "    ")
    if len(evidence) > MAX_EVIDENCE:
        out.append(f"  = {len(evidence) - MAX_EVIDENCE} more evidence: --format html, markdown or json")
    for u in source_urls(cc):
        out.append(f"  = source: {u}")
    return out


HEADLESS = True  # one document at a time, nothing before or after (claimcheck.report.render.Stream)


def document(r: DocResult, i: int, tally: Tally, options: Options) -> str:
    out: list[str] = []
    if r.error:
        where = error_where(r)
        out.append(f"{_paint(where, '1', options.color)}: {_paint('error', '1;31', options.color)}: "
                   f"{error_text(r)}")
    elif tally.command == "extract":
        for c in r.claims:
            norm = c.value if c.value is not None else (f"{c.low}–{c.high}" if c.low or c.high else c.person)
            where = f"{r.path or r.doc}:{c.line or 1}:{c.col or 1}"
            note = "" if norm is None else f" = {one_line(norm)}" + (f" {c.unit}" if c.unit else "")
            out.append(f"{_paint(where, '1', options.color)}: {c.kind}  “{one_line(c.text)}”{note}")
    else:
        for cc in r.checked:
            if shown(cc, tally.fail_on, options.show):
                out += _finding(r, cc, options)
                out.append("")
    return "".join(line + "\n" for line in out)


def head(tally: Tally, options: Options) -> str:
    return ""


tail = head
