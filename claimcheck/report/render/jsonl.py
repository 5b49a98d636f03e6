"""``jsonl``: one JSON object a line — the claim fields, plus ``verdict``, ``message`` and ``evidence`` for check.

This is the batch contract the scorers read; per-document errors go to stderr (from the CLI), never here.
"""

from __future__ import annotations

import json

from claimcheck.report.render import Options
from claimcheck.report.render import Tally
from claimcheck.report.render import jsonable
from claimcheck.model import DocResult

HEADLESS = True


# Characters str.splitlines() treats as line breaks that json.dumps(ensure_ascii=False) leaves raw.
_LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}
# json.dumps(…, ensure_ascii=False) builds this encoder anew on every call
_encode = json.JSONEncoder(ensure_ascii=False).encode


def _line(d: dict) -> str:
    """One JSON object on exactly one line, whatever splitter the reader uses."""
    s = _encode(jsonable(d))
    # translate() looks up every character; these three are rare, and `in` finds them at memchr speed
    if "\x85" in s or "\u2028" in s or "\u2029" in s:
        s = s.translate(_LINE_BREAKS)
    return s


def document(r: DocResult, i: int, tally: Tally, options: Options) -> str:
    if r.error:
        return ""
    rows = [c.to_dict() for c in r.claims] if tally.command == "extract" else [cc.to_dict() for cc in r.checked]
    return "".join(_line(d) + "\n" for d in rows)


def head(tally: Tally, options: Options) -> str:
    return ""


tail = head

