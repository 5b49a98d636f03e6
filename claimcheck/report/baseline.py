"""Suppression: claim fingerprints, baseline files of accepted findings, and applying every kind of suppression.

A fingerprint identifies a claim across edits of its article: the document id plus the *normalised* claim (kind,
value/low/high/unit, person, office, region code) — never its line or offset, so moving a paragraph keeps it.
When extraction normalised nothing (no value, person or office), the folded surface text stands in.

A baseline file (JSON) lists accepted findings::

    {"version": 1, "entries": [{"fingerprint": "…", "doc": "…", "kind": "officeholder", "text": "…",
                                 "verdict": "outdated", "reason": "correction pending", "expires": "2025-01-31"}]}

An entry whose ``expires`` date has passed stops suppressing, and the run says so.

>>> from claimcheck.model import Claim
>>> fingerprint(Claim(doc="a.md", kind="quantity", text="90 लाख", start=0, end=6, value=9000000)) == \\
...     fingerprint(Claim(doc="a.md", kind="quantity", text="90 लाख", start=40, end=46, value=9000000, line=3))
True
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from claimcheck.errors import UsageError
from claimcheck.model import Claim, DocResult, Report

VERSION = 1


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


def fingerprint(claim: Claim, doc: str | None = None) -> str:
    """A stable 16-hex-digit fingerprint of ``claim`` in document ``doc`` (default ``claim.doc``)."""
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

    def by_fingerprint(self) -> dict[str, Entry]:
        return {e.fingerprint: e for e in self.entries}

    def to_json(self) -> str:
        entries = sorted(self.entries, key=lambda e: (e.doc, e.kind, e.text, e.fingerprint))
        return json.dumps({"version": VERSION, "entries": [e.to_dict() for e in entries]},
                          ensure_ascii=False, indent=2) + "\n"


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
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("entries"), list):
        raise UsageError(f'baseline must be {{"version": {VERSION}, "entries": [...]}}', path=path)
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
    return Baseline(tuple(out), path=path)


def build(report: Report, *, previous: Baseline | None = None, reason: str | None = None,
          expires: _dt.date | None = None) -> tuple[Baseline, dict[str, int]]:
    """A baseline accepting every finding of ``report`` that would gate; keeps reasons/expiry of ``previous``.

    Returns the baseline and counts ``{"kept", "added", "removed"}``.
    """
    old = previous.by_fingerprint() if previous else {}
    entries: dict[str, Entry] = {}
    for r in report.results:
        for cc in r.checked:
            if cc.verdict.outcome not in report.fail_on or cc.claim.outside_body:
                continue
            fp = fingerprint(cc.claim, r.doc)
            if fp in entries:
                continue
            prior = old.get(fp)
            entries[fp] = Entry(fp, doc=r.doc, kind=cc.claim.kind, text=cc.claim.text, verdict=cc.verdict.outcome,
                                reason=prior.reason if prior else reason,
                                expires=prior.expires if prior else expires)
    kept = sum(1 for fp in entries if fp in old)
    stats = {"kept": kept, "added": len(entries) - kept, "removed": sum(1 for fp in old if fp not in entries)}
    return Baseline(tuple(entries.values())), stats


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
    def _entries(self) -> dict[str, Entry]:
        return self.baseline.by_fingerprint() if self.baseline else {}

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
        entries = self._entries
        ignored_keys = self._ignored_keys
        notes: list[str] = []
        need_fp = bool(entries or ignored_keys)  # a fingerprint per claim costs a fold: only when it is looked up
        checked = []
        for cc in r.checked:
            why = cc.suppressed
            c = cc.claim
            fp = fingerprint(c, r.doc) if need_fp else None
            if why:
                pass
            elif r.ignored and _overlaps(r.ignored, c.start, c.end):
                why = "ignore comment"
            elif ignored_keys and (fp in ignored_keys or _norm(c.text) in ignored_keys):
                why = "config ignore"
            elif fp is not None and fp in entries:
                e = entries[fp]
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
