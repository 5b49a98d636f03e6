"""Run stage, one document: extract (and check) it, then the per-document work a run does after that.

:func:`process` is the pipeline for one :class:`Document`: find the claims, and for ``check`` judge each against the
reference tables, marking claims inside an ignore span (``<!-- claimcheck: ignore -->``, off/on) as suppressed.
:func:`process_safely` is the same, with any failure turned into an error result, so one bad article never stops
a batch.

:class:`Step` is what a run does to each processed document where it was processed (in a worker, for a large
batch): apply every kind of suppression (ignore spans, configured ``ignore``, a baseline) and, for a streamed
format (jsonl, line), render that document's lines at once. It returns a :class:`Done`.

>>> from claimcheck.model import Document
>>> from claimcheck.options import Options
>>> r = process(Document(id="a", text="उप्र में 96 लाख एमएसएमई यूनिट हैं"), Options(command="extract"))
>>> [c.kind for c in r.claims]
['quantity']
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from claimcheck.errors import ClaimcheckError
from claimcheck.model import Claim, DocResult, Document, Report
from claimcheck.options import Options

# Formats rendered one document at a time, each as soon as it is done.
STREAMED = ("jsonl", "line", "github")


def process(doc: Document, options: Options | None = None) -> DocResult:
    """Extract (and for ``options.command == 'check'``, check) one document; never raises for bad text."""
    from claimcheck.find import lexicon
    from claimcheck.find.claims import extract_document

    options = options or Options()
    lexicon.use(lexicon.overlay_files(options.refs))  # a newsroom's measures and words (no-op when unchanged)
    claims = extract_document(doc, as_of=options.as_of)
    if options.command == "extract":
        result = DocResult(doc=doc.id, path=doc.path, claims=tuple(claims), text=doc.text, title=doc.title)
    else:
        from claimcheck.judge.verdicts import check_claims
        from claimcheck.reference import load_references

        when = doc.date or options.as_of or _dt.date.today()
        checked = [
            replace(cc, suppressed="ignore comment") if _ignored(cc.claim, doc) else cc
            for cc in check_claims(claims, load_references(options.refs), when, doc=doc, region=options.region,
                                   tolerances=dict(options.tolerances) or None,
                                   min_confidence=options.min_confidence)
        ]
        result = DocResult(doc=doc.id, path=doc.path, claims=tuple(claims), checked=tuple(checked), text=doc.text,
                           suppressed=sum(1 for cc in checked if cc.suppressed), ignored=doc.ignored,
                           title=doc.title)
    return result


def _ignored(claim: Claim, doc: Document) -> bool:
    """Inside a span the draft asked claimcheck to skip (``<!-- claimcheck: ignore -->`` and off/on)."""
    return any(a <= claim.start and claim.end <= b for a, b in doc.ignored)


def process_safely(doc: Document, options: Options) -> DocResult:
    """:func:`process`, any failure turned into an error result that names it."""
    try:
        return process(doc, options)
    except ClaimcheckError as e:
        return DocResult(doc=doc.id, path=doc.path, error=str(e))
    except Exception as e:  # noqa: BLE001 - one article must not stop a batch; the message names the bug
        where = f"{doc.path}: " if doc.path and doc.path != doc.id else ""
        return DocResult(
            doc=doc.id,
            path=doc.path,
            error=f"{where}{doc.id}: internal error ({type(e).__name__}: {str(e)[:200]}); please report it",
        )


class Done(NamedTuple):
    """One document after its :class:`Step`: the result, its rendered text ("" unless streamed), notes for the user.

    Once rendered, ``result`` keeps only what the exit status needs (:func:`claimcheck.report.gate.essentials`).
    """

    result: DocResult
    text: str
    notes: list[str]
    tally: Any = None  # the document's counts for the summary line (claimcheck.report.gate.tally)


@dataclass(frozen=True)
class Step:
    """A run's work on each document once processed: suppression (check), then rendering a streamed format.

    ``suppress`` is a :class:`claimcheck.report.baseline.Suppression` (None: none, as for extract); ``fmt`` a
    streamed format to render each document in (None: the whole report is rendered at the end); ``keep_text``
    keeps the document text on unrendered results (renderers that show it need it). Picklable, so a batch runs it
    in its workers.
    """

    command: str = "check"
    as_of: str | None = None
    fail_on: tuple[str, ...] = ()
    suppress: Any = None
    fmt: str | None = None
    render_options: Any = None  # claimcheck.report.render.Options for fmt
    keep_text: bool = False

    def __call__(self, r: DocResult) -> Done:
        from claimcheck.report import gate
        from claimcheck.report.render import render

        notes: list[str] = []
        if self.suppress is not None:
            r, notes = self.suppress(r)
        tally = gate.tally(r, self.fail_on, self.command)
        if self.fmt is None:
            return Done(r if self.keep_text else replace(r, text=None), "", notes, tally)
        one = Report(results=(r,), command=self.command, as_of=self.as_of, fail_on=self.fail_on)
        return Done(gate.essentials(r, self.fail_on), render(one, self.fmt, self.render_options), notes, tally)
