"""The public library API; the CLI is a thin layer over these functions.

>>> from claimcheck import extract
>>> [(c.low, c.high) for c in extract("90 से लेकर 96 लाख एमएसएमई यूनिट", as_of="2024-08-30") if c.kind == "quantity"]
[(9000000, 9600000)]
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from claimcheck.errors import UsageError
from claimcheck.model import CheckedClaim, Claim, DocResult, Document


def _as_date(value: _dt.date | str | None) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"bad date {value!r} (expected YYYY-MM-DD)") from None


def extract(text: str, *, as_of: _dt.date | str | None = None, lang: str | None = None, doc: str = "-") -> list[Claim]:
    """Every checkable claim in ``text``. ``as_of`` is the article's date (anchors "शुक्रवार", "3 सितंबर")."""
    d = Document(id=doc, text=text, date=_as_date(as_of), lang=lang)
    return list(process(d, command="extract").claims)


def check(
    text: str,
    *,
    as_of: _dt.date | str | None = None,
    lang: str | None = None,
    refs: Sequence[str] = (),
    doc: str = "-",
    region: str | None = None,
    tolerances: dict[str, float] | None = None,
) -> list[CheckedClaim]:
    """Extract the claims of ``text`` and check each against the reference tables as of ``as_of``."""
    d = Document(id=doc, text=text, date=_as_date(as_of), lang=lang)
    return list(process(d, refs=refs, region=region, tolerances=tolerances).checked)


def process(
    doc: Document,
    *,
    command: str = "check",
    as_of: _dt.date | None = None,
    refs: Sequence[str] = (),
    region: str | None = None,
    tolerances: dict[str, float] | None = None,
) -> DocResult:
    """Extract (and for ``command='check'``, check) one document; never raises for bad text.

    ``region`` (ISO 3166-2, e.g. "IN-UP") is the default region of claims that name none; ``tolerances`` maps a
    claim kind to a relative tolerance that widens the comparison of numbers (configuration ``tolerances``).
    """
    from claimcheck.find.claims import extract_document

    claims = extract_document(doc, as_of=as_of)
    if command == "extract":
        result = DocResult(doc=doc.id, path=doc.path, claims=tuple(claims), text=doc.text)
    else:
        from claimcheck.reference import load_references
        from claimcheck.judge.verdicts import check_claims

        when = doc.date or as_of or _dt.date.today()
        checked = [
            replace(cc, suppressed="ignore comment") if _ignored(cc.claim, doc) else cc
            for cc in check_claims(claims, load_references(refs), when, doc=doc, region=region,
                                   tolerances=tolerances)
        ]
        result = DocResult(doc=doc.id, path=doc.path, claims=tuple(claims), checked=tuple(checked), text=doc.text,
                           suppressed=sum(1 for cc in checked if cc.suppressed), ignored=doc.ignored)
    return result


def _ignored(claim: Claim, doc: Document) -> bool:
    """Inside a span the draft asked claimcheck to skip (``<!-- claimcheck: ignore -->`` and off/on)."""
    return any(a <= claim.start and claim.end <= b for a, b in doc.ignored)


def run(
    paths: Iterable[str],
    *,
    command: str = "check",
    as_of: _dt.date | str | None = None,
    lang: str | None = None,
    refs: Sequence[str] = (),
    encoding: str | None = None,
    jobs: int | None = None,
    region: str | None = None,
    tolerances: dict[str, float] | None = None,
    then: Callable[[DocResult], Any] | None = None,
) -> Iterator[Any]:
    """Process every document behind ``paths`` in input order; unreadable ones come back with ``error`` set.

    ``jobs`` worker processes share a large batch (None: every core; 1: this process only); results still come
    in input order, streaming. A single article or a small batch is always processed in this process.
    ``then(result)``, if given, is computed where each document was processed and yielded instead of the result
    (see :func:`claimcheck.run.batch.run_parallel`): per-document work such as rendering a streamed format then runs
    on every core, and only its output travels back.
    """
    from claimcheck.run.batch import run_parallel

    return run_parallel(paths, jobs=jobs, command=command, as_of=_as_date(as_of), lang=lang, refs=refs,
                        encoding=encoding, region=region, tolerances=tolerances, then=then)
