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
INPUT_FORMAT_HELP = ("How standard input and .jsonl lines without a \"format\" field read: markdown, html, text or "
                     "auto (default: auto, told from the text). Files read as their suffix says.")
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


def write_atomic(path: str, content: str | Iterable[str]) -> None:
    """Write the report ``content`` to the file ``path``, never leaving a half-written or a stray temporary file.

    ``content`` is the text, or an iterable of its parts, written as they come (a report made while the run goes,
    never held whole in memory); an exception the iterable raises (a lost worker, say) leaves ``path`` as it was.

    A regular file (or a new one) is written atomically: into a temporary file beside it, then ``os.replace``; a
    failure, SIGINT or SIGTERM on the way removes the temporary file and leaves the old file as it was. A symlink
    is followed: its target is replaced that way and the link stays a link. A character device (``/dev/null``,
    ``/dev/stdout``) or a FIFO is written through, never replaced by a file. A read-only file, a directory, a
    block device or a socket is refused (a :class:`UsageError` naming ``path``: exit status 2).
    """
    import stat

    try:
        st = os.stat(path)  # follows a symlink: what would be written is its target
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise UsageError(f"cannot write output: {e.strerror}", path=path) from None
    target = path
    if st is not None:
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
            _write_through(path, content)
            return
        if stat.S_ISDIR(st.st_mode):
            raise UsageError("cannot write output: is a directory", path=path)
        if not stat.S_ISREG(st.st_mode):
            raise UsageError("cannot write output: not a regular file, a character device or a FIFO", path=path)
        if not st.st_mode & 0o222 or not os.access(path, os.W_OK):  # root may write anything: ask the mode too
            raise UsageError("cannot write output: the file is read-only (not replaced)", path=path)
        if os.path.islink(path):
            target = os.path.realpath(path)
            if not os.path.isfile(target):  # a link the kernel resolves by itself (/proc/self/fd/1): write into it
                _write_through(path, content)
                return
    elif os.path.islink(path):  # a dangling link: create its target, keep the link
        target = os.path.realpath(path)
    _replace_atomically(target, content, shown=path)


def _parts(content: str | Iterable[str]) -> Iterable[str]:
    return (content,) if isinstance(content, str) else content


def _write_through(path: str, content: str | Iterable[str]) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="") as f:
            for part in _parts(content):
                f.write(part)
    except OSError as e:
        raise UsageError(f"cannot write output: {e.strerror or e}", path=path) from None


@contextlib.contextmanager
def _signals_end_the_run() -> Iterator[None]:
    """SIGINT and SIGTERM raise SystemExit(128 + signal) while the block runs, so its clean-up runs first (the
    default SIGTERM ends the process at once). Only the main thread may set handlers; elsewhere nothing changes."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):  # type: ignore[no-untyped-def]
        raise SystemExit(128 + signum)

    old = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)


def _replace_atomically(target: str, content: str | Iterable[str], *, shown: str) -> None:
    directory = os.path.dirname(os.path.abspath(target))
    tmp = None
    with _signals_end_the_run():
        try:
            held = _hold_signals()  # a signal while the file is made is handled once its name is known
            try:
                fd, tmp = tempfile.mkstemp(prefix=".claimcheck-", suffix=".tmp", dir=directory)
            finally:
                _release_signals(held)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                for part in _parts(content):
                    f.write(part)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, _mode_for(target))  # mkstemp makes 0600; a report gets the usual permissions
            os.replace(tmp, target)
        except OSError as e:
            _remove(tmp)
            raise UsageError(f"cannot write output: {e.strerror or e}", path=shown) from None
        except ClaimcheckError:  # the run that made the content failed: its own message says why
            _remove(tmp)
            raise
        except BaseException:
            _remove(tmp)
            err(f"interrupted: {shown} not written")
            raise


def _hold_signals():  # type: ignore[no-untyped-def]
    """Hold SIGINT and SIGTERM back (main thread only); returns what :func:`_release_signals` restores."""
    import signal
    import threading

    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})


def _release_signals(old) -> None:  # type: ignore[no-untyped-def]
    import signal

    if old is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _remove(tmp: Optional[str]) -> None:
    if tmp is not None:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def emit(text: str, output: Optional[str]) -> None:
    if output and output != "-":
        write_atomic(output, text)
        return
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `claimcheck check … | head`: the reader left; the exit status still counts
        _drop_stdout()
    except OSError as e:  # a full disk, a closed terminal: the report is lost, and the run says so
        _drop_stdout()
        raise UsageError(f"cannot write the report: {e.strerror or e}", path="<stdout>") from None


def _drop_stdout() -> None:
    """Send what is left of standard output nowhere, so the interpreter's last flush cannot fail again."""
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

    # stdout goes through the bar's console only when it is the same terminal: redirected, a report written while
    # the bar shows would otherwise land on stderr
    prog = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                    TimeElapsedColumn(), TimeRemainingColumn(), console=console or Console(file=sys.stderr),
                    transient=True, redirect_stdout=sys.stdout.isatty())
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


def drain(run: Any, *, errors_to_stderr: bool, quiet: bool = False, no_color: bool = False, stream: Any = None,
          output: Optional[str] = None) -> None:
    """Carry a library run (:func:`claimcheck.api.start`) to its end, writing the report to ``output`` (a file,
    see :func:`write_atomic`; None or "-": stdout) as it comes: each document rendered where it was processed
    (jsonl, line, github), or here by ``stream`` (a :class:`claimcheck.report.render.Stream`, every other
    format). Each failed document's message goes to stderr (unless the report itself shows errors).

    Memory stays flat in the size of the batch: a format whose head summarises the whole run (json, html, …) has
    its documents written to a temporary file first, then the head, the documents and the tail to ``output``.
    """
    parts = _report_parts(run, errors_to_stderr=errors_to_stderr, quiet=quiet, no_color=no_color, stream=stream)
    if output and output != "-":
        write_atomic(output, parts)
    else:
        for part in parts:
            emit(part, None)


def _report_parts(run: Any, *, errors_to_stderr: bool, quiet: bool, no_color: bool,
                  stream: Any) -> Iterator[str]:
    from claimcheck.read.inputs import count_documents

    def total() -> int | None:
        return count_documents(run.paths, exclude=run.options.exclude)

    console = None
    if no_color:
        from rich.console import Console

        console = Console(file=sys.stderr, no_color=True)
    spool = None
    if stream is not None and not stream.headless:
        spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
    try:
        for done in progress(run, enabled=sys.stderr.isatty() and not quiet, total=total, console=console):
            r, text = done[0], done[1]
            if r.error and errors_to_stderr:
                err(r.error)
            if stream is not None:
                text = stream.document(r)
            if text:
                if spool is not None:
                    spool.write(text)
                else:
                    yield text
        if stream is not None:
            yield stream.head()
            if spool is not None:
                spool.seek(0)
                yield from iter(lambda: spool.read(1 << 16), "")
            yield stream.tail()
    finally:
        if spool is not None:
            spool.close()
