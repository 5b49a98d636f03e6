"""Batch stage: process many documents on every core, streaming, in input order.

:func:`run_parallel` reads documents lazily (:mod:`claimcheck.read.inputs`), groups them into small chunks and keeps
at most a few chunks per worker in flight, so memory stays flat however long the batch is, and yields one
:class:`DocResult` per document in the order the documents were given. ``jobs=1`` (or a batch too small to be
worth a pool) runs in this process. A document whose processing fails unexpectedly comes back as an error
result naming the exception, so one bad article never stops an archive run. A worker process that is lost
(killed) ends the run with :class:`~claimcheck.errors.RunError` naming the documents not done
(:mod:`claimcheck.run.pool`).

Per-document work that follows processing (applying a baseline, rendering a streamed format) can run in the
worker too (:class:`claimcheck.run.process.Step` is that work): pass it as ``then``, and only its (small) result travels back to this process, which would otherwise
do that work for every document alone while the workers wait.

>>> from claimcheck.options import Options
>>> from claimcheck.run.batch import run_parallel
>>> [r.error for r in run_parallel(["/nonexistent.txt"], Options(jobs=1))]
['/nonexistent.txt: no such file']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from claimcheck.errors import InputError
from claimcheck.model import DocResult, Document
from claimcheck.options import Options
from claimcheck.run.process import process_safely

# A chunk is sent to a worker when it holds this many characters or documents, whichever comes first. Small
# enough that the workers finish together (the last chunk is the most one waits for the other: ~40 ms of work),
# large enough that sending it costs next to nothing.
CHUNK_CHARS = 16_000
CHUNK_DOCS = 64
# Chunks in flight per worker (results are handed on in input order, so a slow chunk holds up the window; the
# other worker keeps busy on the rest of it). Memory stays bounded by the window, whatever the batch.
IN_FLIGHT_PER_JOB = 4
# Below this much text in the whole input, starting worker processes costs more than it saves.
POOL_MIN_CHARS = 100_000


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def error_result(err: InputError) -> DocResult:
    """The result of a document that could not be read; a batch line's is named ``path:line``, as its id would be."""
    doc = f"{err.path}:{err.line}" if err.path and err.line is not None else err.path or "?"
    return DocResult(doc=doc, path=err.path, error=str(err))


def run_parallel(
    paths: Iterable[str],
    options: Options | None = None,
    *,
    then: Callable[[DocResult], Any] | None = None,
) -> Iterator[Any]:
    """Every document behind ``paths`` processed as ``options`` say, on ``options.jobs`` processes (None: all
    cores), yielded in input order.

    With ``then``, ``then(result)`` is computed where the document was processed (in a worker, for a large batch)
    and yielded instead of the result, still in input order; unreadable documents' error results go through it
    too. It must pickle (a module-level function, a ``functools.partial`` of one, or an instance of a module-level
    class) and it sees the result with its ``text``; an exception it raises ends the run.
    """
    from claimcheck.read.inputs import read_documents

    opts = options or Options()
    jobs = default_jobs() if opts.jobs is None or opts.jobs <= 0 else opts.jobs
    items = read_documents(paths, encoding=opts.encoding, lang=opts.doc_lang, input_format=opts.input_format,
                           exclude=opts.exclude)
    if jobs == 1:
        yield from _serial(items, opts, then)
        return
    # Look ahead: a single article (an editor's save) is checked here, without paying for worker start-up.
    head: list[Document | InputError] = []
    size = 0
    for item in items:
        head.append(item)
        if isinstance(item, Document):
            size += len(item.text)
        if size >= POOL_MIN_CHARS and len(head) > 1:
            break
    else:
        yield from _serial(head, opts, then)
        return
    # The first document is processed here: what that builds on first use (lexicons, compiled patterns, reference
    # tables) is then inherited by the forked workers instead of being built again in each of them.
    first = next(k for k, item in enumerate(head) if isinstance(item, Document)) + 1
    yield from _serial(head[:first], opts, then)
    yield from _pooled(_chain(head[first:], items), jobs=jobs, opts=opts, then=then)


def _chain(head: list, rest: Iterator) -> Iterator:
    yield from head
    yield from rest


def _serial(items: Iterable[Document | InputError], opts: Options,
            then: Callable[[DocResult], Any] | None = None) -> Iterator[Any]:
    for item in items:
        r = error_result(item) if isinstance(item, InputError) else process_safely(item, opts)
        yield r if then is None else then(r)


def _chunks(items: Iterable[Document | InputError]) -> Iterator[list[Document | InputError]]:
    chunk: list[Document | InputError] = []
    size = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Document):
            size += len(item.text)
        if size >= CHUNK_CHARS or len(chunk) >= CHUNK_DOCS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _work(docs: list[Document], opts: Options, then: Callable[[DocResult], Any] | None = None) -> list[Any]:
    """Process a chunk; without ``then`` the text is not sent back (the parent still holds it)."""
    if then is None:
        return [replace(process_safely(d, opts), text=None) for d in docs]
    return [then(process_safely(d, opts)) for d in docs]


# A worker's options and ``then``, given once when it starts (inherited, not pickled, under fork) rather than
# with every chunk: a baseline file's entries would otherwise travel with each one.
_JOB: tuple[Options | None, Callable[[DocResult], Any] | None] = (None, None)


def _start_worker(opts: Options, then: Callable[[DocResult], Any] | None) -> None:
    global _JOB
    _JOB = (opts, then)


def _work_in_worker(docs: list[Document]) -> list[Any]:
    return _work(docs, *_JOB)


def _fast_pickling() -> None:
    """Send model records between processes as plain tuples of their fields (rebuilt with the constructor).

    Registered on multiprocessing's own pickler only, so nothing else is affected; it saves about a third of the
    pickling cost (the dataclass default calls ``fields()`` for every record).
    """
    from dataclasses import fields
    from multiprocessing.reduction import ForkingPickler

    from claimcheck import model

    for cls in (model.Claim, model.CheckedClaim, model.Verdict, model.Evidence, model.DocResult, model.Document):
        names = tuple(f.name for f in fields(cls) if f.init)
        if len(names) == len(fields(cls)):
            ForkingPickler.register(cls, _reducer(cls, names))


def _reducer(cls: type, names: tuple[str, ...]):
    import operator

    values = operator.attrgetter(*names)  # one C call for all the fields (names has at least two)

    def reduce(obj):
        return cls, values(obj)

    return reduce


def _pooled(items: Iterator[Document | InputError], *, jobs: int, opts: Options,
            then: Callable[[DocResult], Any] | None = None) -> Iterator[Any]:
    """The pooled path (:mod:`claimcheck.run.pool`): a lost worker ends the run with a RunError naming the
    documents not done; without process support the batch runs here."""
    import multiprocessing as mp

    from claimcheck.run import pool

    _fast_pickling()
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    chunks = _chunks(items)
    results = pool.ordered(chunks, _work_in_worker, jobs=jobs, limit=IN_FLIGHT_PER_JOB * jobs + 1, task=_docs,
                           setup=_start_worker, setup_args=(opts, then), ctx=ctx, name=_name)
    try:
        first = next(results, None)
    except OSError:  # no working process support here: stay in this process
        yield from _serial((item for chunk in chunks for item in chunk), opts, then)
        return
    if first is None:
        return
    yield from _collect(*first, then=then)
    for chunk, out in results:
        yield from _collect(chunk, out, then=then)


def _docs(chunk: list[Document | InputError]) -> list[Document]:
    return [d for d in chunk if isinstance(d, Document)]


def _name(item: Document | InputError) -> tuple[str, str | None] | None:
    """How a lost worker's message names a document: its file, and its id inside a batch file."""
    if not isinstance(item, Document):
        return None
    return (item.path, item.id) if item.path and item.id != item.path else (item.path or item.id, None)


def _collect(chunk, results, *, then: Callable[[DocResult], Any] | None = None) -> Iterator[Any]:
    """The results of one chunk in input order, with the unreadable documents' error results among them."""
    it = iter(results or ())
    for item in chunk:
        if isinstance(item, InputError):
            r = error_result(item)
            yield r if then is None else then(r)
            continue
        r = next(it)
        if then is None and r.error is None:
            r = replace(r, text=item.text)
        yield r
