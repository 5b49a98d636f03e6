"""The one data model every stage passes on and every renderer reads.

A :class:`Document` goes in; extraction turns it into :class:`Claim` records; checking pairs each claim with a
:class:`Verdict` (a :class:`CheckedClaim`); a run over many documents is a :class:`Report` of
:class:`DocResult` records. All are small frozen dataclasses; ``to_dict`` gives the JSON shape the CLI prints.
"""

from __future__ import annotations

import datetime as _dt
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

KINDS = ("quantity", "money", "percent", "duration", "date", "officeholder", "ranking")
__version__ = "0.1.0"  # the package version; reports name it (claimcheck.__version__ is this)

VERDICTS = ("supported", "contradicted", "outdated", "unverifiable", "ambiguous")


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its id (or path), its text exactly as given, and the date that anchors relative dates."""

    id: str
    text: str
    date: _dt.date | None = None
    lang: str | None = None
    path: str | None = None
    # For HTML/Markdown input: ``text`` is the extracted prose and ``positions[i]`` is the (line, col) in the
    # original file of text[i] (a sequence: markup.LineCols computes each pair when asked). ``None`` means
    # ``text`` *is* the file and lines/cols are counted in it.
    positions: Sequence[tuple[int, int]] | None = None
    # Spans of ``text`` (start, end) that checking must skip (suppression comments in drafts).
    ignored: tuple[tuple[int, int], ...] = ()
    title: str | None = None  # the article's title, where the input names one (Markdown front matter)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code-point offset, in the original file."""
        return self.locator()(offset)

    def locator(self):
        """A function offset -> (line, col) that finds many offsets fast (newlines indexed once)."""
        if self.positions is not None:
            pos = self.positions
            return lambda offset: pos[min(offset, len(pos) - 1)] if pos else (1, 1)
        import bisect

        newlines: list[int] = []
        i = self.text.find("\n")
        while i != -1:
            newlines.append(i)
            i = self.text.find("\n", i + 1)

        def locate(offset: int) -> tuple[int, int]:
            k = bisect.bisect_left(newlines, offset)
            return (k + 1, offset - (newlines[k - 1] + 1 if k else 0) + 1)

        return locate


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable statement found in a document.

    ``text == document.text[start:end]`` always holds (offsets in code points into the text as given).
    Numeric kinds carry ``value`` or, for ranges, approximations and bounds, ``low``/``high`` (None = open end);
    ``unit`` says what the number is in. Dates carry ISO strings at the precision the text gives.
    """

    doc: str
    kind: str
    text: str
    start: int
    end: int
    value: Any = None
    low: Any = None
    high: Any = None
    unit: str | None = None
    approx: bool = False
    qualifier: str | None = None
    implicit_unit: bool = False  # the unit, currency or scale was supplied from context ("310 करोड़ की परियोजना")
    orig_value: Any = None  # a duration as stated ("तीन", 3) before conversion to years
    orig_unit: str | None = None  # … and its stated unit ("month")
    subtype: str | None = None
    subject: str | None = None  # what is counted, as written ("एमएसएमई यूनिट")
    region: str | None = None  # the region as written ("उप्र", "प्रदेश")
    region_code: str | None = None  # ISO 3166-2 code of that region ("IN-UP")
    person: str | None = None
    office: str | None = None
    offices: tuple[str, ...] = ()  # every title one person is given ("मुख्य सचिव", "औद्योगिक विकास आयुक्त")
    jurisdiction: str | None = None  # for officeholders, as written
    outside_body: bool = False  # e.g. the "ये भी पढ़ें" teaser of another article
    line: int | None = None
    col: int | None = None

    def to_dict(self) -> dict[str, Any]:
        # a shallow read of the fields: values are plain (str, numbers, small dicts), so asdict's deep copy of
        # every claim only cost time (7x slower on a batch's worth of claims); all fields in one C call
        values = list(_claim_values(self))
        values[_OFFICES] = list(values[_OFFICES])
        return {k: v for k, v in zip(_CLAIM_FIELDS, values) if v is not None and v != [] and v is not False
                or k in _ALWAYS}


_ALWAYS = {"doc", "kind", "text", "start", "end"}
_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))
_OFFICES = _CLAIM_FIELDS.index("offices")
_claim_values = operator.attrgetter(*_CLAIM_FIELDS)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reference fact a verdict rests on."""

    summary: str  # human readable: "NSS 73rd round (2015-16): 89.99 lakh enterprises in Uttar Pradesh"
    table: str | None = None  # which reference table
    row: str | None = None  # its row id
    value: Any = None  # reference value (number) or holder (person label)
    unit: str | None = None
    basis: str | None = None
    period: str | None = None
    as_of: str | None = None
    source: str | None = None  # publisher / document
    source_url: str | None = None
    difference: float | None = None  # (claimed - reference) / reference

    def to_dict(self) -> dict[str, Any]:
        return {f: v for f in _EVIDENCE_FIELDS if (v := getattr(self, f)) is not None}


_EVIDENCE_FIELDS = tuple(f.name for f in fields(Evidence))


@dataclass(frozen=True, slots=True)
class Frame:
    """What a statistical figure says it measures, read from the clause that governs it (find.frames).

    Each ``*_from`` says where the reader found the value ("clause", "sentence", "earlier sentence", "default"),
    so an editor sees what was checked and the judge knows how far it may rely on it.
    """

    topic: str | None = None  # "msme"
    topic_from: str | None = None
    measure: str | None = None  # a measure of the reference tables ("export_share")
    measure_from: str | None = None
    breakdown: tuple[tuple[str, str], ...] = ()  # (("size", "micro"),)
    breakdown_unsure: tuple[str, ...] = ()  # keys named with several values ("micro … small")
    region: str | None = None  # ISO 3166-2
    region_from: str | None = None
    period: str | None = None  # "2022-23", "2024-09", "2026-02-28", "2020-07-01/2021-03-31"
    basis: str | None = None  # a kind of basis the sentence names ("registration", "survey")
    comparison: str | None = None  # "change" (a growth rate) or "target" (a plan or promise)
    refers_back: bool = False  # the sentence refers to an earlier one ("इनमें से", "in this respect")

    def to_dict(self) -> dict[str, Any]:
        d = {f: getattr(self, f) for f in _FRAME_FIELDS}
        d["breakdown"] = {k: v for k, v in self.breakdown}
        d["breakdown_unsure"] = list(self.breakdown_unsure)
        return {k: v for k, v in d.items() if v not in (None, {}, [], False)}


_FRAME_FIELDS = tuple(f.name for f in fields(Frame))


@dataclass(frozen=True, slots=True)
class Verdict:
    outcome: str  # one of VERDICTS
    message: str
    evidence: tuple[Evidence, ...] = ()
    as_of: str | None = None  # the date the claim was checked for
    frame: Frame | None = None  # what a statistic was checked as
    confidence: float | None = None  # 0..1: how sure the reading of the claim is (gating may ask for a minimum)


@dataclass(frozen=True, slots=True)
class CheckedClaim:
    claim: Claim
    verdict: Verdict
    # Why this finding does not gate although its verdict might: "ignore comment", "baseline: <reason>",
    # "config ignore". None = not suppressed.
    suppressed: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = self.claim.to_dict()
        d["verdict"] = self.verdict.outcome
        d["message"] = self.verdict.message
        d["evidence"] = [e.to_dict() for e in self.verdict.evidence]
        if self.verdict.as_of:
            d["as_of"] = self.verdict.as_of
        if self.verdict.frame is not None:
            d["frame"] = self.verdict.frame.to_dict()
        if self.verdict.confidence is not None:
            d["confidence"] = self.verdict.confidence
        if self.suppressed:
            d["suppressed"] = self.suppressed
        return d


@dataclass(frozen=True, slots=True)
class DocResult:
    """What one document gave: its claims (checked or not), or the error that stopped it."""

    doc: str
    path: str | None = None
    claims: tuple[Claim, ...] = ()
    checked: tuple[CheckedClaim, ...] = ()
    error: str | None = None
    suppressed: int = 0  # findings accepted by a baseline or an ignore comment
    text: str | None = None  # the document text, for renderers that show it (html)
    ignored: tuple[tuple[int, int], ...] = ()  # Document.ignored: spans of ``text`` under a suppression comment
    title: str | None = None  # Document.title


@dataclass(frozen=True, slots=True)
class Report:
    results: tuple[DocResult, ...] = ()
    command: str = "check"
    as_of: str | None = None
    fail_on: tuple[str, ...] = ("contradicted", "outdated")
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return len(self.results)

    @property
    def failed(self) -> list[DocResult]:
        return [r for r in self.results if r.error]


def claim_fields() -> list[str]:
    return [f.name for f in fields(Claim)]
