"""The public library API; the CLI is a thin layer over these functions.

Text in, claims out: :func:`extract` and :func:`check`. Files in, a report out, exactly as ``claimcheck check``
makes it (configuration, ``--refs``, suppression, baseline, exit status): build an
:class:`~claimcheck.options.Options` with :meth:`Options.discover <claimcheck.options.Options.discover>`, then
:func:`check_paths` and :func:`exit_status`. :func:`start` is the streaming form the CLI uses; :func:`run` and
:func:`process` are the lower-level steps (no suppression beyond ignore comments).

>>> from claimcheck import extract
>>> [(c.low, c.high) for c in extract("90 से लेकर 96 लाख एमएसएमई यूनिट", as_of="2024-08-30") if c.kind == "quantity"]
[(9000000, 9600000)]
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from claimcheck.model import CheckedClaim, Claim, DocResult, Document, Report
from claimcheck.options import Options, as_date

if TYPE_CHECKING:  # imported when first used: `import claimcheck` stays light for the CLI's start-up
    from claimcheck.report.gate import ExitCode
    from claimcheck.run.collect import Run


def extract(text: str, *, as_of: _dt.date | str | None = None, lang: str | None = None, doc: str = "-") -> list[Claim]:
    """Every checkable claim in ``text``. ``as_of`` is the article's date (anchors "शुक्रवार", "3 सितंबर")."""
    d = Document(id=doc, text=text, date=as_date(as_of), lang=lang)
    return list(process(d, Options(command="extract")).claims)


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
    """Extract the claims of ``text`` and check each against the reference tables as of ``as_of``.

    ``region`` (ISO 3166-2, e.g. "IN-UP") is the default region of claims that name none; ``tolerances`` maps a
    claim kind to a relative tolerance that widens the comparison of numbers (configuration ``tolerances``).
    """
    d = Document(id=doc, text=text, date=as_date(as_of), lang=lang)
    return list(process(d, Options(refs=tuple(refs), region=region, tolerances=tolerances or {})).checked)


def process(doc: Document, options: Options | None = None) -> DocResult:
    """Extract (and for ``options.command == 'check'``, check) one document; never raises for bad text.

    Claims inside an ignore span of the draft come back suppressed; configured ``ignore`` and baselines are
    applied by :func:`check_paths` and :func:`start`.
    """
    from claimcheck.run import process as one

    return one.process(doc, options)


def run(paths: Iterable[str], options: Options | None = None, *,
        then: Callable[[DocResult], Any] | None = None) -> Iterator[Any]:
    """Process every document behind ``paths`` in input order; unreadable ones come back with ``error`` set.

    ``options.jobs`` worker processes share a large batch (None: every core; 1: this process only); results still
    come in input order, streaming. A single article or a small batch is always processed in this process.
    ``then(result)``, if given, is computed where each document was processed and yielded instead of the result
    (see :func:`claimcheck.run.batch.run_parallel`).
    """
    from claimcheck.run.batch import run_parallel

    return run_parallel(paths, options, then=then)


def start(paths: Iterable[str], options: Options | None = None, *, fmt: str | None = None,
          render_options: object = None, keep_text: bool = True, lean: bool = False) -> Run:
    """A run over ``paths`` as the CLI makes it: iterate it for each document as it is done, then read
    ``.report`` and ``.notes``. With ``fmt`` (``jsonl`` or ``line``) each document comes rendered; with ``lean``
    the caller renders each as it comes (:class:`claimcheck.report.render.Stream`). Either way ``.report`` then
    keeps only what the exit status needs (see :class:`claimcheck.run.collect.Run`)."""
    from claimcheck.run.collect import Run

    return Run(paths, options, fmt=fmt, render_options=render_options, keep_text=keep_text, lean=lean,
               source=run)


def check_paths(paths: Iterable[str], options: Options | None = None) -> Report:
    """The report of checking (or, with ``options.command == 'extract'``, extracting) every document behind
    ``paths``: configured ``ignore`` and the baseline applied, as ``claimcheck check`` reports it.

        options = Options.discover(["draft.md"])          # configuration found beside draft.md
        report = check_paths(["draft.md"], options)
        print(render(report, "json"), end="")             # claimcheck.report.render.render
        status = exit_status(report, options)             # 0, 1 or 2
    """
    from claimcheck.run.collect import Run

    return Run(paths, options, source=run).finish().report


def exit_status(report: Report, options: Options | None = None) -> ExitCode:
    """The exit status ``claimcheck`` gives for ``report`` (see :mod:`claimcheck.report.gate`)."""
    from claimcheck.report import gate

    return gate.status(report, no_fail=bool(options and options.no_fail))


def baseline(report: Report, *, previous: Any = None, reason: str | None = None,
             expires: _dt.date | None = None, path: str | None = None) -> tuple[Any, dict[str, int]]:
    """A baseline accepting every finding that gates in ``report`` — a check run made without a baseline
    (``replace(options, baseline=None)``), as ``claimcheck baseline create`` makes it. ``previous`` keeps its
    reasons and expiry dates. Returns the :class:`claimcheck.report.baseline.Baseline` and the counts
    ``{"kept", "added", "removed"}``. ``path`` is the file it will be written to (its fingerprints name the
    documents relative to that directory; default: ``previous``'s, else the current directory); raises :class:`~claimcheck.errors.UsageError` if any document failed.
    """
    from claimcheck.errors import UsageError
    from claimcheck.report import baseline as bl

    if report.failed:
        raise UsageError(f"{len(report.failed)} document(s) could not be checked; baseline not written")
    return bl.build(report, previous=previous, reason=reason, expires=expires, path=path)
