"""Run stage, worker processes: chunks of work handed to ``jobs`` processes, results back in input order.

Each worker has a pipe of its own for tasks and one for results, and the parent waits on those pipes and on the
workers' process sentinels together, so a worker that dies is noticed at once, whatever it was doing: a result
it was half-way through sending reads as end-of-file, never as a wait. (``concurrent.futures`` shares one result
queue between all its workers; a worker killed while writing to it left the queue's reader waiting for the rest
of the message forever: issue 15.) A lost worker ends the run with :class:`~claimcheck.errors.RunError`, which
names the documents not done; it is not retried, since whatever killed it (the kernel's out-of-memory killer, an
operator) would most likely do it again.

No worker outlives the parent: on Linux each asks the kernel for SIGKILL when its parent dies
(``PR_SET_PDEATHSIG``), so even a SIGKILLed or SIGTERMed parent leaves no orphan; elsewhere a worker ends when its
task pipe closes (at the latest after its current chunk). Workers ignore SIGINT: Ctrl-C is the parent's to handle,
and the parent ends its workers when the run ends, however it ends.

Test hook (documented, read by the workers only): ``CLAIMCHECK_TEST_WORKER_DIES=<document id>`` makes the worker
that gets that document kill itself with SIGKILL after processing its chunk; ``<document id>:send`` makes it die
half-way through writing the chunk's result to its pipe. Tests use it to reproduce a lost worker.
"""

from __future__ import annotations

import os
import signal
import struct
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from claimcheck.errors import RunError

TEST_HOOK = "CLAIMCHECK_TEST_WORKER_DIES"
# Chunks sent to a worker ahead of its results: the next one is waiting when it finishes one, whatever the parent
# is busy with. (A thread in the worker takes tasks off its pipe as they come, so sending one never blocks.)
DEPTH = 2
_NAMED = 100  # documents named in a lost-worker message; the rest are counted


@dataclass
class _Worker:
    process: Any
    tasks: Any  # the parent's end: it sends (key, chunk)
    results: Any  # the parent's end: it receives (key, results)
    keys: deque = field(default_factory=deque)  # the chunks sent to it and not yet returned, in order


def ordered(chunks: Iterable[list], work: Callable[[list], list], *, jobs: int, limit: int,
            task: Callable[[list], list] = list, setup: Callable[..., None] | None = None,
            setup_args: tuple = (), ctx: Any = None,
            name: Callable[[Any], Any] = str) -> Iterator[tuple[list, list | None]]:
    """``(chunk, work(task(chunk)))`` for every chunk, in order, ``work`` running on ``jobs`` worker processes.

    A chunk whose ``task`` is empty is yielded with ``None``. At most ``limit`` chunks are read ahead of the one
    yielded last. ``setup(*setup_args)`` runs once in each worker first. Starting the workers can raise OSError
    (no process support); a lost worker raises :class:`RunError` naming the items of every chunk read and not yet
    yielded, those of its own chunk first: ``name(item)`` is a name, a (file, id) pair, or None (not named).
    """
    import multiprocessing as mp
    from multiprocessing.connection import wait

    ctx = ctx or mp.get_context()
    workers = _start(ctx, jobs, work, setup, setup_args)
    window: deque[tuple[int, list]] = deque()
    done: dict[int, list | None] = {}
    source = iter(chunks)
    more = True
    key = 0
    try:
        while True:
            while more and len(window) < limit:
                w = min(workers, key=lambda x: len(x.keys))
                if len(w.keys) >= DEPTH:
                    break
                chunk = next(source, None)
                if chunk is None:
                    more = False
                    break
                window.append((key, chunk))
                todo = task(chunk)
                if todo:
                    w.keys.append(key)
                    try:
                        w.tasks.send((key, todo))
                    except OSError:  # it has died
                        _lost(w, window, name)
                else:
                    done[key] = None
                key += 1
            while window and window[0][0] in done:
                k, chunk = window.popleft()
                yield chunk, done.pop(k)
            if not window:
                if more:
                    continue
                return
            busy = [w for w in workers if w.keys]
            ready = set(wait([w.results for w in busy] + [w.process.sentinel for w in busy]))
            for w in busy:
                if w.results not in ready and w.process.sentinel not in ready:
                    continue
                try:
                    if w.results.poll():
                        k, out = w.results.recv()
                        done[k] = out
                        w.keys.remove(k)
                        continue
                except (EOFError, OSError):
                    pass
                _lost(w, window, name)
    finally:
        _stop(workers)


def _lost(w: _Worker, window: deque, name: Callable[[Any], Any]) -> None:
    w.process.join(1)
    code = w.process.exitcode
    how = (f"killed by signal {-code}" if code is not None and code < 0
           else f"exit status {code}" if code is not None else "its pipe closed")
    # its own chunk first, then the rest read ahead (in input order)
    chunks = [chunk for k, chunk in window if k in w.keys] + [chunk for k, chunk in window if k not in w.keys]
    names = [n for chunk in chunks for n in map(name, chunk) if n is not None]
    raise RunError(f"a worker process was lost ({how}); the run was stopped before {len(names)} document(s) "
                   f"were done: {_listed(names)}; documents after them in the input were not read")


def _listed(names: list) -> str:
    """``a.txt, b.jsonl#3, #4, #5, c.txt`` (the first :data:`_NAMED`): a file named once for its run of ids."""
    out: list[str] = []
    last = None
    for n in names[:_NAMED]:
        path, doc = n if isinstance(n, tuple) else (str(n), None)
        if doc is None:
            out.append(path)
        else:
            out.append(f"#{doc}" if path == last else f"{path}#{doc}")
        last = path
    more = len(names) - _NAMED
    return ", ".join(out) + (f" … and {more} more" if more > 0 else "")


def _start(ctx: Any, jobs: int, work: Callable, setup: Callable | None, setup_args: tuple) -> list[_Worker]:
    import gc

    forked = ctx.get_start_method() == "fork"
    workers: list[_Worker] = []
    frozen = forked and gc.isenabled()
    if frozen:
        # what this process holds already (lexicons, tables, the caller's data) goes to the collector's permanent
        # generation before the fork, so the workers' collections never walk it (nor copy its pages to touch it)
        gc.freeze()
    try:
        for _ in range(jobs):
            task_r, task_w = ctx.Pipe(duplex=False)
            res_r, res_w = ctx.Pipe(duplex=False)
            # under fork a worker inherits the parent's ends of the earlier workers' pipes: it closes them, so
            # only the parent can keep a pipe open and a dead worker's pipe reads as end-of-file
            inherited = [c for x in workers for c in (x.tasks, x.results)] + [task_w, res_r] if forked else []
            p = ctx.Process(target=_serve, args=(task_r, res_w, inherited, os.getpid(), work, setup, setup_args),
                            daemon=True, name="claimcheck-worker")
            p.start()
            task_r.close()
            res_w.close()
            workers.append(_Worker(p, task_w, res_r))
    except BaseException:
        _stop(workers)
        raise
    finally:
        if frozen:
            gc.unfreeze()
    return workers


def _stop(workers: list[_Worker]) -> None:
    """End every worker: close its task pipe (an idle worker exits), then terminate what is still running."""
    for w in workers:
        for c in (w.tasks, w.results):
            try:
                c.close()
            except OSError:
                pass
    for w in workers:
        w.process.join(0 if w.keys else 0.5)
        if w.process.is_alive():
            w.process.kill()
            w.process.join(5)


def _serve(tasks: Any, results: Any, inherited: list, parent: int, work: Callable, setup: Callable | None,
           setup_args: tuple) -> None:
    """A worker's loop: chunks in, results out, until the task pipe closes."""
    for c in inherited:
        c.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)
    if setup is not None:
        setup(*setup_args)
    doomed, mode = _hook()
    import queue
    import threading

    inbox: queue.SimpleQueue = queue.SimpleQueue()

    def take() -> None:  # tasks off the pipe as they come, so the parent never waits to send one
        while True:
            try:
                inbox.put(tasks.recv())
            except (EOFError, OSError):
                inbox.put(None)
                return

    threading.Thread(target=take, daemon=True).start()
    while True:
        task = inbox.get()
        if task is None:
            os._exit(0)  # the parent closed the pipe (or is gone): nothing more to do, and nothing to flush
        key, chunk = task
        out = work(chunk)
        if doomed is not None and any(getattr(item, "id", None) == doomed for item in chunk):
            _die(results, (key, out), half=mode == "send")
        try:
            results.send((key, out))
        except OSError:  # the parent is gone
            os._exit(0)


def _die_with(parent: int) -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux); exit now if it already has."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)


def _hook() -> tuple[str | None, str]:
    value = os.environ.get(TEST_HOOK)
    if not value:
        return None, ""
    doc, _, mode = value.rpartition(":") if value.endswith((":send", ":work")) else (value, "", "work")
    return doc, mode


def _die(results: Any, message: object, *, half: bool) -> None:
    """The test hook: SIGKILL this worker, after writing half of ``message`` to its pipe if ``half``."""
    if half:
        from multiprocessing.reduction import ForkingPickler

        body = bytes(ForkingPickler.dumps(message))
        data = struct.pack("!i", len(body)) + body[: max(1, len(body) // 2)]
        fd = results.fileno()
        while data:
            data = data[os.write(fd, data):]
    os.kill(os.getpid(), signal.SIGKILL)
