"""Renderers: turn a finished :class:`~claimcheck.model.Report` into text, one module per format.

Renderers only render. Whether a finding gates comes from :mod:`claimcheck.report.gate`; the exit status is never
computed here. Every renderer is a function ``render(report, options) -> str`` and is deterministic for a given
report (no timestamps, stable order).
"""

from __future__ import annotations

import re

import importlib
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from claimcheck.errors import UsageError
from claimcheck.model import CheckedClaim, DocResult, Evidence, Report

FORMATS = ("table", "line", "json", "jsonl", "markdown", "sarif", "claimreview", "html")
EXTRACT_FORMATS = ("table", "line", "json", "jsonl")


@dataclass(frozen=True, slots=True)
class Options:
    color: bool = False  # ANSI colours (table on a terminal)
    width: int = 110
    relative_to: str | None = None  # directory paths are shown relative to (default: as given)


def render(report: Report, fmt: str, options: Options | None = None) -> str:
    """``report`` rendered in format ``fmt`` (one of :data:`FORMATS`)."""
    check_format(fmt, report.command)
    mod = importlib.import_module(f".{fmt}", __name__)
    return mod.render(report, options or Options())


def check_format(fmt: str, command: str = "check") -> None:
    """Raise :class:`UsageError` unless ``fmt`` can render the output of ``command``."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if command == "extract" and fmt not in EXTRACT_FORMATS:
        raise UsageError(f"extract supports --format {', '.join(EXTRACT_FORMATS)}; {fmt} needs verdicts (use check)")


# ---- helpers shared by the renderers -------------------------------------------------------------------------


def display_path(r: DocResult, options: Options | None = None) -> str:
    """The path (or id) a document is shown under."""
    p = r.path or r.doc
    if options and options.relative_to and r.path and os.path.isabs(r.path):
        try:
            rel = os.path.relpath(r.path, options.relative_to)
        except ValueError:  # another drive
            return p
        if not rel.startswith(".."):
            p = rel
    return p


def location(r: DocResult, cc: CheckedClaim, options: Options | None = None) -> str:
    c = cc.claim
    where = display_path(r, options)
    if r.path and r.doc != r.path:  # a document inside a batch file
        where = f"{where}#{r.doc}"
    return f"{where}:{c.line or 1}:{c.col or 1}"


def end_line_col(cc: CheckedClaim) -> tuple[int, int]:
    """Line and column just past the claim (exact for plain text; claim text assumed contiguous)."""
    c = cc.claim
    line, col = c.line or 1, c.col or 1
    if "\n" in c.text:
        return line + c.text.count("\n"), len(c.text) - c.text.rfind("\n")
    return line, col + len(c.text)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL, else None (never a javascript:, data: or relative link)."""
    if not url or not isinstance(url, str):
        return None
    u = url.strip()
    if any(ord(ch) < 0x21 or ch in "\"'<>`\\" for ch in u):
        return None
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return u


def fmt_difference(d: float | None) -> str | None:
    if d is None:
        return None
    try:
        pct = float(d) * 100
    except (TypeError, ValueError):
        return None
    if pct != pct or pct in (float("inf"), float("-inf")):
        return None
    return f"{pct:+.1f}%".replace("-", "\u2212")


def evidence_line(e: Evidence) -> str:
    """One line: summary; period/as-of; difference; source (no URL)."""
    bits = [e.summary]
    when = e.period or e.as_of
    if when and when not in e.summary:
        bits.append(f"({when})")
    diff = fmt_difference(e.difference)
    if diff:
        bits.append(f"difference {diff}")
    if e.source and e.source not in e.summary:
        bits.append(f"— {e.source}")
    return one_line(" ".join(bits))


def _error_split(r: DocResult) -> tuple[str, str]:
    """(where, message) of a document's error: ``path:line`` for a batch line that could not be read."""
    err = one_line(r.error or "")
    for p in sorted({r.path or "", r.doc}, key=len, reverse=True):  # "b.jsonl:3" before "b.jsonl"
        if p and err.startswith(f"{p}:"):
            return p, err[len(p) + 1:].strip()
    return r.path or r.doc, err


def error_text(r: DocResult) -> str:
    """A document's error without its leading location (renderers show :func:`error_where` next to it)."""
    return _error_split(r)[1]


def error_where(r: DocResult) -> str:
    """Where a document's error is: its path, or ``path:line`` for a batch line."""
    return _error_split(r)[0]


def message(cc: CheckedClaim) -> str:
    """The verdict's message without a leading "<verdict>: " (renderers show the verdict beside it)."""
    m = one_line(cc.verdict.message)
    prefix = f"{cc.verdict.outcome}:"
    return m[len(prefix):].strip() if m.lower().startswith(prefix) else m


def one_line(s: object) -> str:
    """``s`` on one line, with every control character shown as an escape: a label from a newsroom's table cannot
    move the cursor or recolour a terminal (``\x1b[31m`` prints as text)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", " ".join(str(s).split()))


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


_PLAIN = frozenset({str, int, bool, type(None)})
_INF = (float("inf"), float("-inf"))


def jsonable(obj: object) -> object:
    """``obj`` with non-finite floats as None and unknown scalars as strings, so JSON output is always valid."""
    t = type(obj)
    # exact types first, in one set lookup each (the renderers call this for every claim of a batch)
    if t in _PLAIN:
        return obj
    if t is dict:
        return {k if type(k) is str else str(k): v if type(v) in _PLAIN else jsonable(v)
                for k, v in obj.items()}  # type: ignore[attr-defined]
    if t is list or t is tuple:
        return [v if type(v) in _PLAIN else jsonable(v) for v in obj]  # type: ignore[attr-defined]
    # subclasses (an IntEnum, an OrderedDict …) by their base
    if isinstance(obj, float):
        return obj if obj == obj and obj not in _INF else None
    if isinstance(obj, (str, int, bool)):
        return obj
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [jsonable(v) for v in obj]
    return str(obj)
