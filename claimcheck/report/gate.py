"""The gate: which findings block publication, and the exit status of a run — computed here and only here.

Exit codes are a contract (renderers never decide them):

=====  ======================================================================================
0      nothing gates: no unsuppressed claim has a verdict in ``fail_on`` (or ``--no-fail``)
1      at least one unsuppressed claim has a verdict in ``fail_on``
2      usage, input or data error — including any document of a batch that could not be read;
       an incomplete run is never reported as clean, so 2 wins over 1 (and ``--no-fail`` keeps it)
=====  ======================================================================================

>>> from claimcheck.model import Report
>>> status(Report()) is ExitCode.OK
True
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace

from claimcheck.model import VERDICTS, CheckedClaim, DocResult, Report
from claimcheck.options import DEFAULT_FAIL_ON, parse_fail_on  # noqa: F401 - the gate's vocabulary, re-exported

class ExitCode(enum.IntEnum):
    """The documented exit statuses of ``claimcheck``."""

    OK = 0
    FINDINGS = 1
    ERROR = 2


def gates(cc: CheckedClaim, fail_on: Iterable[str]) -> bool:
    """Whether this one checked claim blocks: its verdict is in ``fail_on`` and nothing suppresses it."""
    return cc.suppressed is None and not cc.claim.outside_body and cc.verdict.outcome in tuple(fail_on)


def essentials(r: DocResult, fail_on: Iterable[str]) -> DocResult:
    """What :func:`status` still needs of a result once it has been rendered: its error and the claims that gate.

    A streamed run keeps only this of each document, so its memory does not grow with the batch.
    """
    fail_on = tuple(fail_on)
    return replace(r, claims=(), text=None, checked=tuple(cc for cc in r.checked if gates(cc, fail_on)))


def gating(report: Report) -> Iterator[tuple[DocResult, CheckedClaim]]:
    """Every (document, claim) that gates under ``report.fail_on``, in report order."""
    for r in report.results:
        for cc in r.checked:
            if gates(cc, report.fail_on):
                yield r, cc


def counts(report: Report) -> dict[str, int]:
    """Claims per verdict (suppressed ones included), plus ``suppressed``, ``gating``, ``documents``, ``failed``."""
    c: Counter[str] = Counter({v: 0 for v in VERDICTS})
    sup = 0
    for r in report.results:
        for cc in r.checked:
            c[cc.verdict.outcome] += 1
            sup += cc.suppressed is not None
    out = {v: c[v] for v in VERDICTS}
    out["suppressed"] = sup
    out["gating"] = sum(1 for _ in gating(report))
    out["documents"] = report.documents
    out["failed"] = len(report.failed)
    return out


def tally(r: DocResult, fail_on: Iterable[str], command: str = "check") -> Counter[str]:
    """One document's counts for the summary line: ``documents``, ``failed``, ``claims``, claims per verdict,
    ``suppressed``, ``gating`` and ``gating:<verdict>``. Counters of a run's documents add up."""
    fail_on = tuple(fail_on)
    t: Counter[str] = Counter(documents=1)
    if r.error:
        t["failed"] += 1
        return t
    if command == "extract":
        t["claims"] += len(r.claims)
        return t
    for cc in r.checked:
        t["claims"] += 1
        t[cc.verdict.outcome] += 1
        t["suppressed"] += cc.suppressed is not None
        if gates(cc, fail_on):
            t["gating"] += 1
            t[f"gating:{cc.verdict.outcome}"] += 1
    return t


def status(report: Report, *, no_fail: bool = False) -> ExitCode:
    """The exit status of a finished run (see the module docstring for the contract)."""
    if report.failed:
        return ExitCode.ERROR
    if no_fail:
        return ExitCode.OK
    return ExitCode.FINDINGS if any(True for _ in gating(report)) else ExitCode.OK
