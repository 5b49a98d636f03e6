"""What every command of the CLI shares: errors to one stderr line, choosing a format, writing output (atomically
to a file, or to stdout as it comes), the progress bar, the summary line, and draining a library run onto the
terminal.

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
    "table (grouped findings, for people), line, github (workflow annotations), json, jsonl, markdown, sarif, "
    "claimreview or html. Default: the -o file's suffix if it names one, else table — on a terminal or not; "
    "scripts ask for jsonl."
)
SHOW_HELP = ("table, line and github list the findings that gate; also list these (comma-separated verdicts, "
             "'suppressed', or 'all').")
QUIET_HELP = "Print the findings only: no summary line, no progress bar."
NO_COLOR_HELP = "No colours (also when the NO_COLOR environment variable is set)."
EXCLUDE_HELP = ("Skip files and directories that match this glob when walking a directory or expanding a glob "
                "(repeatable; added to the configuration's exclude).")
SUMMARY_ON_STDOUT = ("table", "line", "github")  # formats whose stdout the summary line ends (see finish())
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
    return "table"  # people read the default; machines ask for jsonl (or json, sarif …) by name


def as_of_date(as_of: Optional[str]) -> Optional[_dt.date]:
    """The ``--as-of`` value as a date (its own message names the flag)."""
    if as_of is None:
        return None
    try:
        return _dt.date.fromisoformat(as_of)
    except ValueError:
        raise UsageError(f"bad --as-of {as_of!r} (expected YYYY-MM-DD)") from None


def width() -> int:
    """Columns to wrap the terminal layout at: $COLUMNS, else the terminal's width, else 100 (60 to 200)."""
    import shutil

    return max(60, min(shutil.get_terminal_size((100, 24)).columns, 200))


def use_color(no_color: bool, fmt: str, to_stdout: bool) -> bool:
    """Colours only for the terminal layout on a terminal, unless --no-color or NO_COLOR (https://no-color.org:
    set and not empty) says otherwise."""
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return to_stdout and fmt == "table" and sys.stdout.isatty()


def finish(run: Any, fmt: str, output: Optional[str], *, quiet: bool) -> None:
    """End the run with its summary line (none with --quiet).

    After a format written for people to stdout (table, line; github, whose runner shows any line that is not a
    workflow command as log text), the line ends stdout. After a report written to a file (-o), it goes to
    stderr. After a machine format on stdout (jsonl, json, sarif …), it goes to stderr only when stderr is a
    terminal: a script that captures stderr sees errors there and nothing else.
    """
    from claimcheck.report.render import summary_line

    if quiet:
        return
    to_stdout = not output or output == "-"
    line = summary_line(run.tally, run.options.command)
    if to_stdout and fmt in SUMMARY_ON_STDOUT:
        emit(line + "\n", None)
    elif not to_stdout or sys.stderr.isatty():
        print(line, file=sys.stderr)


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
             total=None) -> Iterator:  # type: ignore[type-arg]
    """Pass items through; when ``enabled`` (stderr is a terminal), show a progress bar on stderr once the run has
    taken ``delay`` seconds: documents done of ``total`` (a callable, counted in a background thread; "?" until
    then), documents per second, elapsed and remaining time. A quick run never shows anything."""
    if not enabled:
        yield from items
        return
    import threading
    import time

    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    prog = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                    TimeElapsedColumn(), TimeRemainingColumn(), console=console or Console(file=sys.stderr),
                    transient=True)
    task = prog.add_task("checking", total=None, rate="")

    known: list[int] = []

    def count() -> None:
        try:
            n = total()
        except Exception:  # noqa: BLE001 - a count that fails leaves the total unknown; the run goes on
            return
        if n:
            known.append(n)
            prog.update(task, total=n)

    def begin() -> None:
        if known != [1]:  # one slow document is no batch: no bar for it
            prog.start()

    if total is not None:
        threading.Thread(target=count, daemon=True).start()
    timer = threading.Timer(delay, begin)
    timer.daemon = True
    timer.start()
    began = time.monotonic()
    n = 0
    try:
        for item in items:
            n += 1
            spent = time.monotonic() - began
            prog.update(task, completed=n, rate=f"{n / spent:.1f} docs/s" if spent > 0 else "")
            yield item
    finally:
        timer.cancel()
        timer.join()
        if prog.live.is_started:
            prog.stop()


def drain(run: Any, *, errors_to_stderr: bool, quiet: bool = False, no_color: bool = False) -> None:
    """Carry a library run (:func:`claimcheck.api.start`) to its end: each streamed document's text to stdout as
    it comes, each failed document's message to stderr (unless the report itself shows errors)."""
    from claimcheck.read.inputs import count_documents

    def total() -> int | None:
        return count_documents(run.paths, exclude=run.options.exclude)

    console = None
    if no_color:
        from rich.console import Console

        console = Console(file=sys.stderr, no_color=True)
    for done in progress(run, enabled=sys.stderr.isatty() and not quiet, total=total, console=console):
        r, text = done[0], done[1]
        if r.error and errors_to_stderr:
            err(r.error)
        if text:
            emit(text, None)
