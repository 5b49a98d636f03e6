"""What every command of the CLI shares: errors to one stderr line, choosing a format, writing output (atomically
to a file, or to stdout as it comes), the progress spinner, and draining a library run onto the terminal.

This is the only place, with the commands themselves, that prints.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Optional

import typer

from claimcheck.errors import ClaimcheckError, UsageError

PATHS_HELP = "Text, Markdown or HTML files, directories, globs, .jsonl batches, or - for stdin."
FORMAT_HELP = (
    "table, line, json, jsonl, markdown, sarif, claimreview or html. Default: the -o file's suffix if it names "
    "one, else table when stdout is a terminal and jsonl when it is not (pipes and scripts get jsonl)."
)
SUFFIX_FORMAT = {".sarif.json": "sarif", ".json": "json", ".jsonl": "jsonl", ".sarif": "sarif", ".html": "html",
                 ".htm": "html", ".md": "markdown", ".markdown": "markdown", ".txt": "line", ".jsonld": "claimreview"}


def err(msg: str) -> None:
    print(f"claimcheck: {msg}", file=sys.stderr)


@contextlib.contextmanager
def guard() -> Iterator[None]:
    """Turn a ClaimcheckError into one line on stderr and exit 2 (never a traceback)."""
    try:
        yield
    except ClaimcheckError as e:
        err(str(e))
        raise typer.Exit(2) from None


def refuse_output_among_inputs(output: Optional[str], paths: Iterable[str]) -> None:
    """``-o draft.md draft.md`` would overwrite the article with its report: refuse it before any work."""
    if not output or output == "-" or not os.path.exists(output):
        return
    for p in paths:
        try:
            if p != "-" and os.path.exists(p) and os.path.samefile(p, output):
                raise UsageError("the output file is also an input; choose another -o", path=output)
        except OSError:
            continue


def choose_format(fmt: Optional[str], output: Optional[str]) -> str:
    if fmt:
        return fmt.lower()
    if output and output != "-":
        name = os.path.basename(output).lower()
        for suffix, known in SUFFIX_FORMAT.items():  # longest first: ".sarif.json" before ".json"
            if name.endswith(suffix):
                return known
        raise UsageError(f"cannot tell the report format from the file name (known endings: "
                         f"{', '.join(SUFFIX_FORMAT)}); pass --format", path=output)
    return "table" if sys.stdout.isatty() else "jsonl"


def as_of_date(as_of: Optional[str]) -> Optional[_dt.date]:
    """The ``--as-of`` value as a date (its own message names the flag)."""
    if as_of is None:
        return None
    try:
        return _dt.date.fromisoformat(as_of)
    except ValueError:
        raise UsageError(f"bad --as-of {as_of!r} (expected YYYY-MM-DD)") from None


def width() -> int:
    try:
        return max(60, min(os.get_terminal_size(sys.stdout.fileno()).columns, 200))
    except (OSError, ValueError):
        return 120


def _mode_for(path: str) -> int:
    """The existing file's permissions, else 0666 less the umask (what open() would have given)."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomic(path: str, content: str) -> None:
    """Write ``content`` to ``path`` via a temporary file in the same directory and ``os.replace``."""
    with atomic_writer(path) as write:
        write(content)


@contextlib.contextmanager
def atomic_writer(path: str) -> Iterator[Callable[[str], None]]:
    """A ``write(text)`` that appends to a temporary file in ``path``'s directory; when the block ends without an
    exception, the file replaces ``path`` (``os.replace``), else it is removed: a failed run never leaves a
    half-written report. Text can be written as it is made, so the report is never held whole in memory."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".claimcheck-", suffix=".tmp", dir=directory)
    except OSError as e:
        raise UsageError(f"cannot write output: {e.strerror}", path=path) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:

            def write(text: str) -> None:
                try:
                    f.write(text)
                except OSError as e:
                    raise UsageError(f"cannot write output: {e.strerror}", path=path) from None

            yield write
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(path))  # mkstemp makes 0600; a report gets the usual permissions
        os.replace(tmp, path)
    except OSError as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise UsageError(f"cannot write output: {e.strerror}", path=path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def emit(text: str, output: Optional[str]) -> None:
    if output and output != "-":
        write_atomic(output, text)
    else:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:  # `claimcheck check … | head`: the reader left; the exit status still counts
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())


def progress(items: Iterable, enabled: bool, delay: float = 1.0, console=None,  # type: ignore[no-untyped-def, type-arg]
             result=lambda item: item) -> Iterator:  # type: ignore[type-arg]
    """Pass items through; on a terminal, show a spinner on stderr once the run has taken ``delay`` seconds.

    ``result(item)`` is the item's DocResult (named in the spinner's line)."""
    if not enabled:
        yield from items
        return
    import threading

    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    # stdout goes through the spinner's console only when it is the same terminal: redirected, a report written
    # while the spinner shows would otherwise land on stderr
    prog = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                    console=console or Console(file=sys.stderr), transient=True, redirect_stdout=sys.stdout.isatty())
    task = prog.add_task("checking…", total=None)
    timer = threading.Timer(delay, prog.start)  # a quick run never shows anything
    timer.daemon = True
    timer.start()
    n = 0
    try:
        for item in items:
            n += 1
            r = result(item)
            prog.update(task, description=f"{n} document(s) done · {r.path or r.doc}"[:100])
            yield item
    finally:
        timer.cancel()
        timer.join()
        if prog.live.is_started:
            prog.stop()


def drain(run: Any, *, errors_to_stderr: bool, stream: Any = None, output: Optional[str] = None) -> None:
    """Carry a library run (:func:`claimcheck.api.start`) to its end, writing the report to ``output`` (a file,
    atomically; None or "-": stdout) as it comes: each document rendered where it was processed (jsonl, line), or
    here by ``stream`` (a :class:`claimcheck.report.render.Stream`, for every other format). Each failed
    document's message goes to stderr (unless the report itself shows errors).

    Memory stays flat in the size of the batch: a format whose head summarises the whole run (json, html, …) has
    its documents written to a temporary file first, then the head, the documents and the tail to ``output``.
    """
    with (atomic_writer(output) if output and output != "-" else _stdout_writer()) as write:
        spool = None
        if stream is not None and not stream.headless:
            spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
            put = spool.write
        else:
            put = write
        try:
            for done in progress(run, enabled=sys.stderr.isatty(), result=lambda item: item[0]):
                r, text = done[0], done[1]
                if r.error and errors_to_stderr:
                    err(r.error)
                if stream is not None:
                    text = stream.document(r)
                if text:
                    put(text)
            if stream is not None:
                write(stream.head())
                if spool is not None:
                    spool.seek(0)
                    for block in iter(lambda: spool.read(1 << 16), ""):
                        write(block)
                write(stream.tail())
        finally:
            if spool is not None:
                spool.close()


@contextlib.contextmanager
def _stdout_writer() -> Iterator[Callable[[str], None]]:
    yield lambda text: emit(text, None)
