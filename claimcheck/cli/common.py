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
from collections.abc import Iterable, Iterator
from typing import Any, Optional

import typer

from claimcheck.errors import ClaimcheckError, UsageError

PATHS_HELP = "Text, Markdown or HTML files, directories, globs, .jsonl batches, or - for stdin."
FORMAT_HELP = (
    "table, line, json, jsonl, markdown, sarif, claimreview or html. Default: the -o file's suffix if it names "
    "one, else table when stdout is a terminal and jsonl when it is not (pipes and scripts get jsonl)."
)
INPUT_FORMAT_HELP = ("How standard input and .jsonl lines without a \"format\" field read: markdown, html, text or "
                     "auto (default: auto, told from the text). Files read as their suffix says.")
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
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".claimcheck-", suffix=".tmp", dir=directory)
    except OSError as e:
        raise UsageError(f"cannot write output: {e.strerror}", path=path) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(content)
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

    prog = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                    console=console or Console(file=sys.stderr), transient=True)
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


def drain(run: Any, *, errors_to_stderr: bool) -> None:
    """Carry a library run (:func:`claimcheck.api.start`) to its end: each streamed document's text to stdout as
    it comes, each failed document's message to stderr (unless the report itself shows errors)."""
    for done in progress(run, enabled=sys.stderr.isatty(), result=lambda item: item[0]):
        r, text = done[0], done[1]
        if r.error and errors_to_stderr:
            err(r.error)
        if text:
            emit(text, None)
