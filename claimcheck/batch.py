"""Batch stage: process many documents on every core, streaming, in input order.

:func:`run_parallel` reads documents lazily (:mod:`claimcheck.inputs`), groups them into small chunks and keeps
at most a few chunks per worker in flight, so memory stays flat however long the batch is, and yields one
:class:`DocResult` per document in the order the documents were given. ``jobs=1`` (or a batch too small to be
worth a pool) runs in this process. A document whose processing fails unexpectedly comes back as an error
result naming the exception, so one bad article never stops an archive run.

>>> from claimcheck.batch import run_parallel
>>> [r.error for r in run_parallel(["/nonexistent.txt"], jobs=1)]
['/nonexistent.txt: no such file']
"""

from __future__ import annotations

import datetime as _dt
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from .errors import ClaimcheckError, InputError
from .model import DocResult, Document

# A chunk is sent to a worker when it holds this many characters or documents, whichever comes first.
CHUNK_CHARS = 64_000
CHUNK_DOCS = 64
# Below this much text in the whole input, starting worker processes costs more than it saves.
POOL_MIN_CHARS = 100_000


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def error_result(err: InputError) -> DocResult:
    return DocResult(doc=err.path or "?", path=err.path, error=str(err))


def process_safely(doc: Document, opts: dict) -> DocResult:
    """:func:`claimcheck.api.process` with keyword options ``opts``, any failure turned into an error result."""
    from .api import process

    try:
        return process(doc, **opts)
    except ClaimcheckError as e:
        return DocResult(doc=doc.id, path=doc.path, error=str(e))
    except Exception as e:  # noqa: BLE001 - one article must not stop a batch; the message names the bug
        where = f"{doc.path}: " if doc.path and doc.path != doc.id else ""
        return DocResult(
            doc=doc.id,
            path=doc.path,
            error=f"{where}{doc.id}: internal error ({type(e).__name__}: {str(e)[:200]}); please report it",
        )


def _as_date(value: _dt.date | str | None) -> _dt.date | None:
    from .api import _as_date as conv

    return conv(value)


def run_parallel(
    paths: Iterable[str],
    *,
    jobs: int | None = None,
    command: str = "check",
    as_of: _dt.date | str | None = None,
    lang: str | None = None,
    refs: Sequence[str] = (),
    encoding: str | None = None,
    region: str | None = None,
    tolerances: dict[str, float] | None = None,
) -> Iterator[DocResult]:
    """Every document behind ``paths`` processed on ``jobs`` processes (None: all cores), yielded in input order."""
    from .inputs import read_documents

    opts = dict(command=command, as_of=_as_date(as_of), refs=tuple(refs), region=region,
                tolerances=dict(tolerances or {}))
    jobs = default_jobs() if jobs is None or jobs <= 0 else jobs
    items = read_documents(paths, encoding=encoding, lang=lang)
    if jobs == 1:
        yield from _serial(items, opts)
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
        yield from _serial(head, opts)
        return
    yield from _pooled(_chain(head, items), jobs=jobs, opts=opts)


def _chain(head: list, rest: Iterator) -> Iterator:
    yield from head
    yield from rest


def _serial(items: Iterable[Document | InputError], opts: dict) -> Iterator[DocResult]:
    for item in items:
        if isinstance(item, InputError):
            yield error_result(item)
        else:
            yield process_safely(item, opts)


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


def _work(docs: list[Document], opts: dict) -> list[DocResult]:
    """Worker side: process a chunk; the text is not sent back (the parent still holds it)."""
    return [replace(process_safely(d, opts), text=None) for d in docs]


_FAST = False


def _fast_pickling() -> None:
    """Send model records between processes as plain tuples of their fields (rebuilt with the constructor).

    Registered on multiprocessing's own pickler only, so nothing else is affected; it saves about a third of the
    pickling cost (the dataclass default calls ``fields()`` for every record).
    """
    global _FAST
    if _FAST:
        return
    from dataclasses import fields
    from multiprocessing.reduction import ForkingPickler

    from . import model

    for cls in (model.Claim, model.CheckedClaim, model.Verdict, model.Evidence, model.DocResult, model.Document):
        names = tuple(f.name for f in fields(cls) if f.init)
        if len(names) == len(fields(cls)):
            ForkingPickler.register(cls, _reducer(names))
    _FAST = True


def _reducer(names: tuple[str, ...]):
    def reduce(obj):
        return type(obj), tuple(getattr(obj, n) for n in names)

    return reduce


def _pooled(items: Iterator[Document | InputError], *, jobs: int, opts: dict) -> Iterator[DocResult]:
    import concurrent.futures as cf
    import multiprocessing as mp
    from concurrent.futures.process import BrokenProcessPool

    _fast_pickling()
    try:
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
        pool = cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx)
    except (OSError, ValueError, ImportError):  # no working process support here: stay in this process
        yield from _serial(items, opts)
        return
    window: deque = deque()
    limit = 2 * jobs + 1
    broken = False
    try:
        for chunk in _chunks(items):
            docs = [d for d in chunk if isinstance(d, Document)]
            fut = None
            if docs and not broken:
                try:
                    fut = pool.submit(_work, docs, opts)
                except (BrokenProcessPool, RuntimeError):
                    broken = True
            window.append((chunk, fut))
            while len(window) >= limit or (broken and window):
                yield from _collect(*window.popleft(), opts=opts)
        while window:
            yield from _collect(*window.popleft(), opts=opts)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(chunk, fut, *, opts: dict) -> Iterator[DocResult]:
    """The results of one chunk in input order; a chunk whose worker died is redone here, so nothing is lost."""
    from concurrent.futures.process import BrokenProcessPool

    docs = [d for d in chunk if isinstance(d, Document)]
    results: list[DocResult] = []
    if fut is not None:
        try:
            results = fut.result()
        except BrokenProcessPool:  # a worker was killed (out of memory, a signal)
            results = []
        except Exception:  # noqa: BLE001 - e.g. a result that cannot travel back: redo the chunk here
            results = []
    if len(results) != len(docs):
        results = _work(docs, opts)
    it = iter(results)
    for item in chunk:
        if isinstance(item, InputError):
            yield error_result(item)
            continue
        r = next(it)
        yield replace(r, text=item.text) if r.error is None else r
