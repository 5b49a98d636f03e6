"""Renderers: turn a :class:`~claimcheck.model.Report` into text, one module per format.

Renderers only render. Whether a finding gates comes from :mod:`claimcheck.report.gate`; the exit status is never
computed here. Every format renders in three parts, so a batch of any size is rendered with flat memory
(:class:`Stream`): ``document(r, i, tally, options)`` is one document's text, rendered as soon as it is done;
``head(tally, options)`` and ``tail(tally, options)`` come before and after all of them and may only use the
:class:`Tally` (counts, failed documents, the first findings that gate and documents, all bounded but the failed
ones), since they are rendered once every document has been. A format whose head is always empty has
``HEADLESS = True``: its documents can be written out at once. :func:`render` puts the three parts together for a
finished report; output is deterministic (no timestamps, stable order).
"""

from __future__ import annotations

import re

import importlib
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from claimcheck.errors import UsageError
from claimcheck.model import KINDS, VERDICTS, CheckedClaim, DocResult, Evidence, Report

FORMATS = ("table", "line", "json", "jsonl", "markdown", "sarif", "claimreview", "html")
EXTRACT_FORMATS = ("table", "line", "json", "jsonl")


@dataclass(frozen=True, slots=True)
class Options:
    color: bool = False  # ANSI colours (table on a terminal)
    width: int = 110
    relative_to: str | None = None  # directory paths are shown relative to (default: as given)


def render(report: Report, fmt: str, options: Options | None = None) -> str:
    """``report`` rendered in format ``fmt`` (one of :data:`FORMATS`)."""
    s = Stream(fmt, command=report.command, as_of=report.as_of, fail_on=report.fail_on, options=options)
    body = "".join([s.document(r) for r in report.results])
    return s.head() + body + s.tail()


class Tally:
    """What a report's head and tail need of the documents rendered so far, kept as they pass.

    ``counts`` is :func:`claimcheck.report.gate.counts` of them (claims per verdict, ``suppressed``, ``gating``,
    ``documents``, ``failed``), ``claims`` the claims listed, ``failed`` the documents that failed (their error
    only), ``gating`` the first :attr:`GATING` findings that gate as ``(i, j, doc, claim)`` (document ``i``, its
    claim ``j``, both from 1) and ``index`` the first :attr:`INDEX` documents as ``(i, doc, claims, gating)``.
    The ``doc`` kept is the result without its text or claims.
    """

    GATING = 50
    INDEX = 500

    def __init__(self, command: str = "check", as_of: str | None = None, fail_on: tuple[str, ...] = ()) -> None:
        self.command, self.as_of, self.fail_on = command, as_of, tuple(fail_on)
        self.counts: dict[str, int] = {v: 0 for v in VERDICTS} | {"suppressed": 0, "gating": 0, "documents": 0,
                                                                  "failed": 0}
        self.claims = 0
        self.kinds: list[str] = []  # claim kinds outside KINDS, in the order first seen
        self.written = 0  # items a format has written to its cut-out list (json_item) so far
        self.failed: list[DocResult] = []
        self.gating: list[tuple[int, int, DocResult, CheckedClaim]] = []
        self.index: list[tuple[int, DocResult, int, int]] = []

    @property
    def documents(self) -> int:
        return self.counts["documents"]

    def add(self, r: DocResult) -> int:
        """Count ``r`` in; returns its number (from 1)."""
        from claimcheck.report import gate

        c = self.counts
        c["documents"] += 1
        i = c["documents"]
        bare = DocResult(doc=r.doc, path=r.path, error=r.error, suppressed=r.suppressed)
        if r.error:
            c["failed"] += 1
            self.failed.append(bare)
        self.claims += len(r.claims) if self.command == "extract" else len(r.checked)
        gating = 0
        for j, cc in enumerate(r.checked, 1):
            if cc.claim.kind not in KINDS and cc.claim.kind not in self.kinds:
                self.kinds.append(cc.claim.kind)
            c[cc.verdict.outcome] = c.get(cc.verdict.outcome, 0) + 1
            c["suppressed"] += cc.suppressed is not None
            if gate.gates(cc, self.fail_on):
                gating += 1
                if len(self.gating) < self.GATING:
                    self.gating.append((i, j, bare, cc))
        c["gating"] += gating
        if len(self.index) < self.INDEX:
            self.index.append((i, bare, len(r.checked), gating))
        return i


class Stream:
    """A report rendered a document at a time: :meth:`document` for each, in order, then :meth:`head` (to go
    before them) and :meth:`tail` (after them)."""

    def __init__(self, fmt: str, *, command: str = "check", as_of: str | None = None,
                 fail_on: tuple[str, ...] = (), options: Options | None = None) -> None:
        check_format(fmt, command)
        self.fmt = fmt
        self.mod = importlib.import_module(f".{fmt}", __name__)
        self.options = options or Options()
        self.tally = Tally(command, as_of, fail_on)

    @property
    def headless(self) -> bool:
        """Whether the head is always empty (each document's text can be written out at once)."""
        return bool(getattr(self.mod, "HEADLESS", False))

    def document(self, r: DocResult) -> str:
        i = self.tally.add(r)
        return self.mod.document(r, i, self.tally, self.options)

    def head(self) -> str:
        return self.mod.head(self.tally, self.options)

    def tail(self) -> str:
        return self.mod.tail(self.tally, self.options)


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


def error_text(r: DocResult) -> str:
    """A document's error without the leading ``path: `` (renderers show the path next to it)."""
    err = one_line(r.error or "")
    for p in (r.path, r.doc):
        if p and err.startswith(f"{p}:"):
            return err[len(p) + 1:].strip()
    return err


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


# JSON formats written in parts: json.dumps(…, indent=2) of the whole page, with the list that holds one item per
# claim or document cut out and written item by item (a line of JSON text never holds a raw newline, so an item
# is indented by prefixing each of its lines).
HOLE = "\x00claimcheck: the items go here\x00"


def json_around(data: object, items: int) -> tuple[str, str]:
    """The text of ``data`` (with one list ``[HOLE]`` in it) before and after that list's items, for a list that
    will hold ``items`` of them."""
    import json

    text = json.dumps(jsonable(data), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    at = text.index(json.dumps(HOLE))
    before, after = text[: text.rindex("\n", 0, at)], text[at + len(json.dumps(HOLE)):]
    if items:
        return before, after
    return before + "]", after[after.index("]") + 1:]  # "[]", as json.dumps writes an empty list


def json_item(obj: object, first: bool, depth: int) -> str:
    """One item of the cut-out list, ``depth`` levels deep (two spaces a level), with the comma before it."""
    import json

    text = json.dumps(jsonable(obj), ensure_ascii=False, indent=2, allow_nan=False)
    pad = "  " * depth
    return ("\n" if first else ",\n") + "\n".join(pad + line for line in text.split("\n"))


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
