"""Renderers: turn a :class:`~claimcheck.model.Report` into text, one module per format.

Renderers only render. Whether a finding gates comes from :mod:`claimcheck.report.gate`; the exit status is never
computed here. Every format renders in three parts, so a batch of any size is rendered with flat memory
(:class:`Stream`): ``document(r, i, tally, options)`` is one document's text, rendered as soon as it is done;
``head(tally, options)`` and ``tail(tally, options)`` come before and after all of them and may only use the
:class:`Tally` (counts, failed documents, the first findings that gate and documents, all bounded but the failed
ones), since they are rendered once every document has been. A format whose head is always empty has
``HEADLESS = True``: its documents can be written out at once. (A format rendered by a module not named after
it, :data:`_MODULE`, has ``document_<format>``, ``head_<format>`` and ``tail_<format>``.) :func:`render` puts the
three parts together for a finished report; output is deterministic (no timestamps, stable order).
"""

from __future__ import annotations

import re

import importlib
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from claimcheck.errors import UsageError
from claimcheck.model import KINDS, VERDICTS, CheckedClaim, DocResult, Evidence, Report
from claimcheck.report import gate

FORMATS = ("table", "line", "json", "jsonl", "markdown", "sarif", "claimreview", "html", "github")
EXTRACT_FORMATS = ("table", "line", "json", "jsonl")
# Formats a person reads: they list the findings that gate (and what --show adds), and the summary line ends
# their output on stdout. Every other format is for a machine and lists everything.
HUMAN = ("table", "line")
# The module that renders a format, where it is not named after it (``github`` shares ``line``'s one-finding-a-
# line shape; the render package keeps to eight modules).
_MODULE = {"github": "line"}
# What ``--show`` accepts besides the verdicts.
SHOW_EXTRA = ("suppressed", "all")


@dataclass(frozen=True, slots=True)
class Options:
    color: bool = False  # ANSI colours (table on a terminal)
    width: int = 110
    relative_to: str | None = None  # directory paths are shown relative to (default: as given)
    # What the human formats list besides the findings that gate: verdicts, "suppressed", "all" (``--show``).
    show: tuple[str, ...] = ()


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
        c = self.counts
        c["documents"] += 1
        i = c["documents"]
        bare = DocResult(doc=r.doc, path=r.path, error=r.error, suppressed=r.suppressed, title=r.title)
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
        self.mod = importlib.import_module(f".{_MODULE.get(fmt, fmt)}", __name__)
        suffix = f"_{fmt}" if fmt in _MODULE else ""
        self._document = getattr(self.mod, f"document{suffix}")
        self._head = getattr(self.mod, f"head{suffix}")
        self._tail = getattr(self.mod, f"tail{suffix}")
        self.options = options or Options()
        self.tally = Tally(command, as_of, fail_on)

    @property
    def headless(self) -> bool:
        """Whether the head is always empty (each document's text can be written out at once)."""
        return bool(getattr(self.mod, "HEADLESS", False))

    def document(self, r: DocResult) -> str:
        i = self.tally.add(r)
        return self._document(r, i, self.tally, self.options)

    def head(self) -> str:
        return self._head(self.tally, self.options)

    def tail(self) -> str:
        return self._tail(self.tally, self.options)


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


def json_items(items, tally, depth: int) -> str:
    """The items of the cut-out list, ``depth`` levels deep, counted into ``tally.written`` (the first item of the
    whole list has no comma before it)."""
    out = []
    for obj in items:
        out.append(json_item(obj, tally.written == 0, depth))
        tally.written += 1
    return "".join(out)


def parse_show(value: str | None) -> tuple[str, ...]:
    """``--show supported,unverifiable`` as a tuple; an unknown word is a :class:`UsageError`."""
    if not value:
        return ()
    out = []
    for raw in value.split(","):
        v = raw.strip().lower()
        if not v:
            continue
        if v not in VERDICTS and v not in SHOW_EXTRA:
            raise UsageError(f"--show: unknown value {v!r} (choose from {', '.join(VERDICTS + SHOW_EXTRA)})")
        out.append(v)
    return tuple(out)


def shown(cc: CheckedClaim, fail_on: tuple[str, ...], show: tuple[str, ...]) -> bool:
    """Whether a human format lists this finding: it gates, or ``show`` asks for its verdict (or for
    suppressed findings, or for all)."""
    if gate.gates(cc, fail_on) or "all" in show:
        return True
    if cc.suppressed or cc.claim.outside_body:
        return "suppressed" in show
    return cc.verdict.outcome in show


def summary_line(t: dict[str, int], command: str = "check") -> str:
    """The one line every run ends with, from :func:`claimcheck.report.gate.tally` counts, e.g. "2 findings gate
    publication (1 outdated, 1 contradicted); 14 claims checked, 9 supported, 3 unverifiable"."""
    docs, failed = t.get("documents", 0), t.get("failed", 0)
    tail = f"; {failed} of {docs} document{'s' if docs != 1 else ''} could not be read" if failed else ""
    where = f" in {docs} documents" if docs != 1 else ""
    if command == "extract":
        return f"{_n(t.get('claims', 0), 'claim')} found{where}{tail}"
    g = t.get("gating", 0)
    if g:
        parts = ", ".join(f"{t[f'gating:{v}']} {v}" for v in VERDICTS if t.get(f"gating:{v}"))
        head = f"{_n(g, 'finding')} {'gates' if g == 1 else 'gate'} publication ({parts})"
    elif failed:
        head = "No finding gates publication in what was read"
    else:
        head = "No finding gates publication"
    rest = [f"{_n(t.get('claims', 0), 'claim')} checked{where}"]
    # the verdicts of the claims that do not gate (those that gate are counted above)
    rest += [f"{t[v] - t.get(f'gating:{v}', 0)} {v}" for v in VERDICTS if t.get(v, 0) > t.get(f"gating:{v}", 0)]
    if t.get("suppressed"):
        rest.append(f"{t['suppressed']} suppressed")
    return f"{head}; {', '.join(rest)}{tail}"


def _n(k: int, word: str) -> str:
    return f"{k} {word}{'' if k == 1 else 's'}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# an ISO date, or a range of two ISO dates or months (a month alone is left as it is: "2011-12" may be a
# financial year)
_RANGE_IN_TEXT = re.compile(r"(?<![\w.-])(\d{4}-\d{2}(?:-\d{2})?)(?:\s*[–/]\s*(\d{4}-\d{2}(?:-\d{2})?))?"
                            r"(?![\w.-]|/\d)")


def date_words(iso: str) -> str:
    """"2017-03-19" as "19 Mar 2017" ("2015-07" as "Jul 2015"); anything else unchanged."""
    m = _ISO.match(iso.strip())
    if not m:
        return iso
    y, mo, d = m.groups()
    if not mo or not 1 <= int(mo) <= 12:
        return y if not mo else iso
    month = _MONTHS[int(mo) - 1]
    if d:
        import datetime as _dt

        try:
            _dt.date(int(y), int(mo), int(d))
        except ValueError:
            return iso
        return f"{int(d)} {month} {y}"
    return f"{month} {y}"


def period_words(period: str | None) -> str | None:
    """A period as a reader says it: "2017-03-19/" → "since 19 Mar 2017", "a/b" → "19 Mar 2017 – 25 Mar 2022",
    "/b" → "until 25 Mar 2022", one date → that date in words."""
    if not period:
        return period
    if "/" not in period:
        return date_words(period)
    a, _, b = period.partition("/")
    a, b = a.strip(), b.strip()
    if a and b:
        return f"{date_words(a)} – {date_words(b)}"
    if a:
        return f"since {date_words(a)}"
    return f"until {date_words(b)}" if b else period


def dates_in_words(text: str) -> str:
    """Every ISO date in ``text`` in words ("19 Mar 2017"), and a range "YYYY-MM-DD–YYYY-MM-DD" (or with "/")
    as "19 Mar 2017 – 25 Mar 2022"."""
    def one(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        if b and (len(a) == 10 or len(b) == 10):
            return f"{date_words(a)} – {date_words(b)}"
        return date_words(a) if not b and len(a) == 10 else m.group()

    return _RANGE_IN_TEXT.sub(one, text)


def domain(url: str | None) -> str | None:
    """The host of an http(s) URL without "www." — the short text of a source link."""
    u = safe_url(url)
    if not u:
        return None
    host = (urlsplit(u).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def source_urls(cc: CheckedClaim) -> list[str]:
    """The distinct safe source URLs of a finding's evidence, in order."""
    out: list[str] = []
    for e in cc.verdict.evidence:
        u = safe_url(e.source_url)
        if u and u not in out:
            out.append(u)
    return out


def message_without_sources(cc: CheckedClaim) -> str:
    """:func:`message` without its "— source <url>" parts whose URL the evidence lists anyway (a URL shown once)."""
    m = message(cc)
    for u in source_urls(cc):
        for sep in (" — source ", " - source ", "; source "):
            m = m.replace(sep + u, "")
    return m.strip()


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


def in_batch(r: DocResult) -> bool:
    """Whether ``r`` is one document of a JSONL batch (shown as ``path#id``); a draft whose front matter names
    an id is still shown by its path alone, so ``path:line:col`` stays what editors parse."""
    return bool(r.path and r.doc != r.path and r.path.lower().endswith(".jsonl"))


def location(r: DocResult, cc: CheckedClaim, options: Options | None = None) -> str:
    c = cc.claim
    where = display_path(r, options)
    if in_batch(r):
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
