"""Suppression: claim fingerprints, baseline files of accepted findings, and applying every kind of suppression.

A fingerprint identifies a claim across edits of its article: the document plus the *normalised* claim (kind,
value/low/high/unit, person, office, region code) — never its line or offset, so moving a paragraph keeps it.
When extraction normalised nothing (no value, person or office), the folded surface text stands in. A file is named
by :func:`doc_key`: its resolved path relative to a root (a baseline's directory; elsewhere the current directory),
so ``drafts/x.txt``, ``./drafts/x.txt`` and ``/home/desk/drafts/x.txt`` are one document; a batch line by its id.

A baseline file (JSON) lists accepted findings::

    {"version": 2, "entries": [{"fingerprint": "…", "doc": "…", "kind": "officeholder", "text": "…",
                                 "verdict": "outdated", "reason": "correction pending", "expires": "2025-01-31"}]}

An entry whose ``expires`` date has passed stops suppressing, and the run says so. A version 1 baseline (its
fingerprints name a file as it was typed, relative to the directory it was made in) is still read: its entries match
a file however it is typed now, as long as the run starts in that directory; ``baseline update`` rewrites it as
version 2.

>>> from claimcheck.model import Claim
>>> fingerprint(Claim(doc="a.md", kind="quantity", text="90 लाख", start=0, end=6, value=9000000)) == \\
...     fingerprint(Claim(doc="a.md", kind="quantity", text="90 लाख", start=40, end=46, value=9000000, line=3))
True
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from claimcheck.errors import UsageError
from claimcheck.model import Claim, DocResult, Report

VERSION = 2
READABLE = (1, 2)  # baseline versions this one reads


def _norm(v: Any) -> Any:
    if isinstance(v, str):
        from claimcheck.read.text import fold_string

        return " ".join(unicodedata.normalize("NFC", fold_string(v)).casefold().split())
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, (int, float)):
        return format(float(v), ".12g")
    if isinstance(v, (list, tuple)):
        return [_norm(x) for x in v]
    return str(v)


def normalised(claim: Claim) -> dict[str, Any]:
    """The parts of a claim that identify it, normalised (no positions)."""
    d: dict[str, Any] = {"kind": claim.kind}
    for k in ("value", "low", "high", "unit", "person", "office", "region_code"):
        v = getattr(claim, k)
        if v is not None:
            d[k] = _norm(v)
    if claim.offices:
        d["offices"] = sorted(_norm(o) for o in claim.offices)
    if len(d) == 1:
        d["text"] = _norm(claim.text)
    return d


def doc_key(doc: str, path: str | None = None, root: str | None = None) -> str:
    """How a document is named in a fingerprint, however its path was typed: a file (``doc == path``) by its
    resolved path relative to ``root`` (default: the current directory), with "/" between parts; a batch line by
    its id, or, for a line that gave none (``path:line``), by the file's key and the line; anything else as is."""
    if not path or path == "<stdin>":
        return doc
    if doc == path:
        return _relative(path, root)
    rest = doc[len(path) + 1:] if doc.startswith(path + ":") else ""
    return f"{_relative(path, root)}:{rest}" if rest.isdigit() else doc


def _relative(path: str, root: str | None) -> str:
    try:
        full = os.path.realpath(path)
    except (ValueError, OSError):  # not a path the system can resolve (a NUL in a made-up name): as typed
        return path
    try:
        rel = os.path.relpath(full, os.path.realpath(root or os.curdir))
    except ValueError:  # another drive
        rel = full
    return rel.replace(os.sep, "/")


def fingerprint(claim: Claim, doc: str | None = None) -> str:
    """A stable 16-hex-digit fingerprint of ``claim`` in document ``doc`` (default ``claim.doc``); pass
    :func:`doc_key` of a file's document, so the fingerprint does not depend on how its path was typed."""
    payload = json.dumps([doc if doc is not None else claim.doc, normalised(claim)], ensure_ascii=False,
                         sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Entry:
    fingerprint: str
    doc: str = ""
    kind: str = ""
    text: str = ""
    verdict: str = ""
    reason: str | None = None
    expires: _dt.date | None = None
    prior: bool = field(default=False, compare=False, repr=False)  # while building: kept from the previous baseline

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"fingerprint": self.fingerprint, "doc": self.doc, "kind": self.kind,
                             "text": self.text, "verdict": self.verdict}
        if self.reason:
            d["reason"] = self.reason
        if self.expires:
            d["expires"] = self.expires.isoformat()
        return d


@dataclass(frozen=True, slots=True)
class Baseline:
    entries: tuple[Entry, ...] = ()
    path: str | None = None
    version: int = VERSION

    def by_fingerprint(self) -> dict[str, Entry]:
        return {e.fingerprint: e for e in self.entries}

    @property
    def root(self) -> str | None:
        """The directory its fingerprints name files relative to (None: the current directory)."""
        return os.path.dirname(os.path.abspath(self.path)) if self.path and self.version >= 2 else None

    def to_json(self) -> str:
        entries = sorted(self.entries, key=lambda e: (e.doc, e.kind, e.text, e.fingerprint))
        return json.dumps({"version": VERSION, "entries": [e.to_dict() for e in entries]},
                          ensure_ascii=False, indent=2) + "\n"


class _Index:
    """Finds the entry of a baseline that accepts a claim, whatever the version of the baseline."""

    def __init__(self, baseline: Baseline) -> None:
        self.entries = baseline.by_fingerprint()
        self.root = baseline.root
        self.legacy: dict[str, set[str]] | None = None
        if baseline.version == 1:  # fingerprints of documents as typed: index the spellings by what they name
            self.legacy = {}
            for e in baseline.entries:
                self.legacy.setdefault(_relative(e.doc, None) if e.doc else "", set()).add(e.doc)

    def finder(self, doc: str, path: str | None):  # type: ignore[no-untyped-def]
        """A function claim -> (fingerprint, entry or None) for the claims of one document."""
        entries = self.entries
        if self.legacy is None:
            key = doc_key(doc, path, self.root)
            return lambda c: (fp := fingerprint(c, key), entries.get(fp))
        spellings = [doc, *sorted(self.legacy.get(doc_key(doc, path), set()) - {doc})]

        def find(c: Claim) -> tuple[str, Entry | None]:
            for spelled in spellings:
                fp = fingerprint(c, spelled)
                if fp in entries:
                    return fp, entries[fp]
            return fingerprint(c, spellings[0]), None

        return find


def load(path: str) -> Baseline:
    """Read a baseline file; any problem is a :class:`UsageError` naming the file."""
    try:
        with open(path, encoding="utf-8-sig") as f:  # a byte-order mark (Windows editors add one) is accepted
            data = json.load(f)
    except RecursionError:
        raise UsageError("baseline is not valid JSON (nested too deeply)", path=path) from None
    except FileNotFoundError:
        raise UsageError("baseline file not found (create it with `claimcheck baseline create`)", path=path) from None
    except UnicodeDecodeError as e:
        raise UsageError(f"baseline is not valid UTF-8 (byte offset {e.start})", path=path) from None
    except OSError as e:
        raise UsageError(f"cannot read baseline: {e.strerror or e}", path=path) from None
    except json.JSONDecodeError as e:
        raise UsageError(f"baseline is not valid JSON ({e.msg})", path=path, line=e.lineno) from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise UsageError(f'baseline must be {{"version": {VERSION}, "entries": [...]}}', path=path)
    version = data.get("version")
    if version not in READABLE or isinstance(version, bool):
        raise UsageError(f"baseline version {str(version)[:20]} is not one this claimcheck reads "
                         f"({', '.join(map(str, READABLE))}); make it again with `claimcheck baseline create`",
                         path=path)
    out = []
    for n, raw in enumerate(data["entries"], 1):
        if not isinstance(raw, dict) or not isinstance(raw.get("fingerprint"), str):
            raise UsageError(f"entry {n} has no fingerprint", path=path)
        expires = raw.get("expires")
        try:
            exp = _dt.date.fromisoformat(expires) if expires else None
        except (TypeError, ValueError):
            raise UsageError(f"entry {n}: bad expires {expires!r} (expected YYYY-MM-DD)", path=path) from None
        out.append(Entry(fingerprint=raw["fingerprint"], doc=str(raw.get("doc", "")), kind=str(raw.get("kind", "")),
                         text=str(raw.get("text", "")), verdict=str(raw.get("verdict", "")),
                         reason=raw.get("reason") or None, expires=exp))
    return Baseline(tuple(out), path=path, version=version)


def build(report: Report, *, previous: Baseline | None = None, reason: str | None = None,
          expires: _dt.date | None = None, path: str | None = None) -> tuple[Baseline, dict[str, int]]:
    """A baseline accepting every finding of ``report`` that would gate; keeps reasons/expiry of ``previous``.

    ``path`` is the file it will be written to (default: ``previous``'s): its fingerprints name files relative to
    that directory. Returns the baseline and counts ``{"kept", "added", "removed"}``.
    """
    path = path or (previous.path if previous else None)
    root = Baseline(path=path).root
    index = _Index(previous) if previous else None
    entries: dict[str, Entry] = {}
    matched: set[str] = set()
    for r in report.results:
        key = doc_key(r.doc, r.path, root)
        find = index.finder(r.doc, r.path) if index else None
        for cc in r.checked:
            if cc.verdict.outcome not in report.fail_on or cc.claim.outside_body:
                continue
            fp = fingerprint(cc.claim, key)
            if fp in entries:
                continue
            prior = find(cc.claim)[1] if find else None
            if prior is not None:
                matched.add(prior.fingerprint)
            entries[fp] = Entry(fp, doc=key, kind=cc.claim.kind, text=cc.claim.text, verdict=cc.verdict.outcome,
                                reason=prior.reason if prior else reason,
                                expires=prior.expires if prior else expires, prior=prior is not None)
    kept = sum(1 for e in entries.values() if e.prior)
    old = len(previous.by_fingerprint()) if previous else 0
    stats = {"kept": kept, "added": len(entries) - kept, "removed": old - len(matched)}
    return Baseline(tuple(replace(e, prior=False) for e in entries.values()), path=path), stats


def _overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


@dataclass(frozen=True)
class Suppression:
    """Every kind of suppression (ignore comments, config ``ignore``, a baseline), for one document at a time.

    Picklable, so a batch can apply it where each document was processed (``run(..., then=…)``). ``today`` decides
    which baseline entries have expired (default: the day it is made).
    """

    baseline: Baseline | None = None
    ignore: tuple[str, ...] = ()
    today: _dt.date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "ignore", tuple(self.ignore))
        if self.today is None:
            object.__setattr__(self, "today", _dt.date.today())

    @cached_property
    def _index(self) -> _Index | None:
        return _Index(self.baseline) if self.baseline and self.baseline.entries else None

    @cached_property
    def _ignored_keys(self) -> set[Any]:
        return {_norm(x) for x in self.ignore} | set(self.ignore)

    def __getstate__(self) -> dict[str, Any]:  # the lookup tables are rebuilt where they are used
        return {"baseline": self.baseline, "ignore": self.ignore, "today": self.today}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for k, v in state.items():
            object.__setattr__(self, k, v)

    def __call__(self, r: DocResult) -> tuple[DocResult, list[str]]:
        """``r`` with its suppressed claims marked and counted, and notes for the user (expired baseline entries)."""
        today = self.today
        ignored_keys = self._ignored_keys
        notes: list[str] = []
        # a fingerprint per claim costs a fold: only when it is looked up
        find = self._index.finder(r.doc, r.path) if self._index and r.checked else None
        key = doc_key(r.doc, r.path) if ignored_keys and r.checked else r.doc
        checked = []
        for cc in r.checked:
            why = cc.suppressed
            c = cc.claim
            if why:
                pass
            elif r.ignored and _overlaps(r.ignored, c.start, c.end):
                why = "ignore comment"
            elif ignored_keys and (_norm(c.text) in ignored_keys or fingerprint(c, key) in ignored_keys
                                   or (key != r.doc and fingerprint(c, r.doc) in ignored_keys)):
                why = "config ignore"  # (a fingerprint copied from a report made before paths were resolved too)
            elif find is not None and (found := find(c))[1] is not None:
                fp, e = found
                if e.expires is not None and e.expires < today:
                    where = f"{r.path or r.doc}:{c.line}:{c.col}" if c.line else (r.path or r.doc)
                    notes.append(f"{where}: baseline entry {fp} for {c.text!r} expired on {e.expires.isoformat()}"
                                 " and no longer suppresses it")
                else:
                    why = "baseline" + (f": {e.reason}" if e.reason else "")
            checked.append(replace(cc, suppressed=why) if why else cc)
        sup = sum(1 for cc in checked if cc.suppressed)
        return replace(r, checked=tuple(checked), suppressed=sup), notes


def apply(report: Report, *, baseline: Baseline | None = None, ignore: Iterable[str] = (),
          today: _dt.date | None = None) -> tuple[Report, list[str]]:
    """Mark suppressed claims (ignore comments, config ``ignore``, baseline) and count them per document.

    Returns the new report and notes for the user (expired baseline entries).
    """
    suppress = Suppression(baseline, tuple(ignore), today)
    notes: list[str] = []
    results: list[DocResult] = []
    for r in report.results:
        done, more = suppress(r)
        results.append(done)
        notes.extend(more)
    return replace(report, results=tuple(results)), notes
