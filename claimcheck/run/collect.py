"""Run stage, a whole run: every document through the batch runner and its :class:`~claimcheck.run.process.Step`,
assembled into the :class:`~claimcheck.model.Report` the gate and the renderers read.

A :class:`Run` is what ``claimcheck check`` and ``claimcheck extract`` do between parsing their flags and rendering:
iterate it to get each document's :class:`~claimcheck.run.process.Done` as soon as it is done (in input order), and
afterwards read ``run.report`` and ``run.notes`` (expired baseline entries, for the user). The baseline file and the
reference tables (``--refs``) are read when the run is made, so a missing or malformed one is one error
(:class:`~claimcheck.errors.DataError`, :class:`~claimcheck.errors.UsageError`) before any work, not an error for
every document.

>>> from claimcheck.options import Options
>>> run = Run(["/nonexistent.txt"], Options(jobs=1))
>>> [done.result.error for done in run], run.report.documents
(['/nonexistent.txt: no such file'], 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from claimcheck.model import DocResult, Report
from claimcheck.options import Options
from claimcheck.run.batch import run_parallel
from claimcheck.run.process import STREAMED, Done, Step


class Run:
    """One run over ``paths`` as ``options`` say.

    ``fmt``, a streamed format (jsonl, line), has each document rendered where it was processed (``Done.text``);
    the report then keeps only what the exit status needs: the failed documents and one that gates, so memory
    stays flat however long the batch. So does ``lean``, for a caller that renders each document itself as it
    is yielded (:class:`claimcheck.report.render.Stream`). Otherwise the report holds every result, with its text
    if ``keep_text``.
    ``source(paths, options=, then=)`` processes the documents (:func:`claimcheck.run.batch.run_parallel`; the
    library passes :func:`claimcheck.api.run`).
    """

    def __init__(self, paths: Iterable[str], options: Options | None = None, *, fmt: str | None = None,
                 render_options: object = None, keep_text: bool = True, lean: bool = False,
                 source: Callable[..., Iterator[Any]] = run_parallel) -> None:
        from claimcheck.report import baseline as bl

        self.paths = paths
        self.source = source
        self.options = options = options or Options()
        if fmt is not None and fmt not in STREAMED:
            raise ValueError(f"{fmt!r} is not rendered per document (streamed formats: {', '.join(STREAMED)})")
        self.as_of = options.as_of.isoformat() if options.as_of else None
        suppress = None
        from claimcheck.find import lexicon

        lexicon.use(lexicon.overlay_files(options.refs))  # a broken lexicon of the newsroom's: one DataError now
        if options.command == "check":
            from claimcheck.reference import load_references

            load_references(options.refs)  # a broken table: one DataError now (the documents find it cached)
            base = bl.load(options.baseline) if options.baseline else None
            suppress = bl.Suppression(base, options.ignore)
        self.step = Step(options.command, as_of=self.as_of, fail_on=self._fail_on(), suppress=suppress, fmt=fmt,
                         render_options=render_options, keep_text=keep_text)
        self.lean = lean or fmt is not None
        self.results: list[DocResult] = []
        self.notes: list[str] = []
        self.tally: Counter[str] = Counter()  # the run's counts so far, for the summary line

    def _fail_on(self) -> tuple[str, ...]:
        return self.options.fail_on if self.options.command == "check" else ()

    def __iter__(self) -> Iterator[Done]:
        from claimcheck.report import gate

        gating_kept = False
        for done in self.source(self.paths, options=self.options, then=self.step):
            yield done
            r = done.result
            self.notes.extend(done.notes)
            if done.tally is not None:
                self.tally.update(done.tally)
            if self.lean and not r.error:
                # rendered already: the exit status needs the failed documents and whether anything gates, so
                # one gating document is kept and the rest let go
                if self.step.fmt is None:
                    r = gate.essentials(r, self._fail_on())
                if not r.checked or gating_kept:
                    continue
                gating_kept = True
            self.results.append(r)

    @property
    def report(self) -> Report:
        """The report of what has run so far (all of it, once iterated)."""
        if self.options.command == "extract":
            return Report(results=tuple(self.results), command="extract", as_of=self.as_of)
        return Report(results=tuple(self.results), command="check", as_of=self.as_of, fail_on=self.options.fail_on)

    def finish(self) -> Run:
        """Run to the end (nothing streamed is shown); returns this run."""
        for _ in self:
            pass
        return self
