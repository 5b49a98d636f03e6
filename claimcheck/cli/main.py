"""Command-line interface: a thin typer layer over :mod:`claimcheck.api`.

Each command parses options, calls the library, hands the result to a renderer and returns the exit status
computed by :mod:`claimcheck.report.gate` (0 nothing gates, 1 findings gate, 2 usage/input/data error). Nothing below
this module prints. Every :class:`~claimcheck.errors.ClaimcheckError` becomes one line on stderr and exit 2.
"""

from __future__ import annotations

import gc

# A command runs once and exits: the cyclic garbage collector's passes over the many objects that imports and
# lexicons create cost ~20 ms of start-up and free nothing. Raise its threshold for the CLI process only; the
# library leaves the interpreter's settings alone.
gc.set_threshold(100_000, 50, 100)

import contextlib  # noqa: E402
import datetime as _dt
import inspect
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, Optional

import typer

from claimcheck.errors import ClaimcheckError, UsageError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Find and check claims in Hindi and Indian-English news.\n\n"
    "Exit status: 0 nothing gates; 1 findings that gate (see --fail-on); 2 usage, input or data error.",
)
config_app = typer.Typer(no_args_is_help=True, help="Show the configuration that applies.")
baseline_app = typer.Typer(no_args_is_help=True, help="Accept known findings by fingerprint (baseline files).")
app.add_typer(config_app, name="config")
app.add_typer(baseline_app, name="baseline")


def _mount() -> None:
    from claimcheck.cli.data import data_app

    app.add_typer(data_app, name="data")


_mount()

PATHS_HELP = "Text, Markdown or HTML files, directories, globs, .jsonl batches, or - for stdin."
FORMAT_HELP = (
    "table, line, json, jsonl, markdown, sarif, claimreview or html. Default: the -o file's suffix if it names "
    "one, else table when stdout is a terminal and jsonl when it is not (pipes and scripts get jsonl)."
)
# Formats rendered one document at a time, each as soon as it is done (on stdout).
STREAMED = ("jsonl", "line")
SUFFIX_FORMAT = {".json": "json", ".jsonl": "jsonl", ".sarif": "sarif", ".html": "html", ".htm": "html",
                 ".md": "markdown", ".txt": "line", ".jsonld": "claimreview"}


def _err(msg: str) -> None:
    print(f"claimcheck: {msg}", file=sys.stderr)


@contextlib.contextmanager
def _guard() -> Iterator[None]:
    """Turn a ClaimcheckError into one line on stderr and exit 2 (never a traceback)."""
    try:
        yield
    except ClaimcheckError as e:
        _err(str(e))
        raise typer.Exit(2) from None


def _choose_format(fmt: Optional[str], output: Optional[str]) -> str:
    if fmt:
        return fmt.lower()
    if output:
        return SUFFIX_FORMAT.get(os.path.splitext(output)[1].lower(), "jsonl")
    return "table" if sys.stdout.isatty() else "jsonl"


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


def _run_kwargs(**kw: object) -> dict[str, object]:
    """Keyword arguments for api.run, leaving out those this version of the API does not accept yet."""
    from claimcheck import api

    params = inspect.signature(api.run).parameters
    accepts_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    return {k: v for k, v in kw.items() if (k in params or accepts_any) and v is not None}


def _progress(items: Iterator, enabled: bool, delay: float = 1.0, console=None,  # type: ignore[no-untyped-def, type-arg]
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


@dataclass(frozen=True)
class _Finish:
    """The CLI's work on each document once processed, done where it was processed (a worker, in a large batch):
    suppression (check), then, for a streamed format, rendering the document's lines.

    Returns ``(result, text, notes)``: the rendered text ("" when the whole report is rendered at the end), notes
    for stderr, and the result cut down to what is still needed — once rendered, only what the exit status needs;
    otherwise all but the document text, unless a renderer shows it.
    """

    command: str
    as_of: Optional[str] = None
    fail_on: tuple[str, ...] = ()
    suppress: Any = None  # a baseline.Suppression, for check
    fmt: Optional[str] = None  # a streamed format (jsonl, line)
    options: Any = None  # render.Options for fmt
    keep_text: bool = False

    def __call__(self, r: Any) -> tuple[Any, str, list[str]]:
        from claimcheck.report import gate
        from claimcheck.model import Report
        from claimcheck.report.render import render

        notes: list[str] = []
        if self.suppress is not None:
            r, notes = self.suppress(r)
        if self.fmt is None:
            return (r if self.keep_text else replace(r, text=None)), "", notes
        one = Report(results=(r,), command=self.command, as_of=self.as_of, fail_on=self.fail_on)
        return gate.essentials(r, self.fail_on), render(one, self.fmt, self.options), notes


def _collect(paths: list[str], *, finish: _Finish, as_of: Optional[str], lang: str, refs: tuple[str, ...],
             encoding: Optional[str], jobs: Optional[int], errors_to_stderr: bool,
             region: Optional[str] = None, tolerances: Optional[dict] = None):  # type: ignore[no-untyped-def]
    """Run the documents with ``finish`` applied to each; write streamed output as it comes, in input order.

    Returns the (finished) results and the notes for stderr.
    """
    from claimcheck import api

    kwargs = _run_kwargs(command=finish.command, as_of=as_of, lang=None if lang == "auto" else lang,
                         refs=list(refs), encoding=encoding, jobs=jobs, region=region,
                         tolerances=tolerances or None, then=finish)
    results = []
    notes: list[str] = []
    gating_kept = False
    done = api.run(paths, **kwargs)  # (result, rendered text, notes) per document: see _Finish
    for r, text, more in _progress(done, enabled=sys.stderr.isatty(), result=lambda item: item[0]):
        if r.error and errors_to_stderr:
            _err(r.error)
        if text:
            _emit(text, None)
        notes.extend(more)
        if finish.fmt is not None and not r.error:
            # streamed and rendered: the exit status needs the failed documents and whether anything gates, so
            # one gating document is kept and the rest let go (memory stays flat however long the batch)
            if not r.checked or gating_kept:
                continue
            gating_kept = True
        results.append(r)
    return results, notes


def _emit(text: str, output: Optional[str]) -> None:
    if output and output != "-":
        write_atomic(output, text)
    else:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:  # `claimcheck check … | head`: the reader left; the exit status still counts
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())


def _as_of_date(as_of: Optional[str]) -> Optional[str]:
    if as_of is None:
        return None
    try:
        return _dt.date.fromisoformat(as_of).isoformat()
    except ValueError:
        raise UsageError(f"bad --as-of {as_of!r} (expected YYYY-MM-DD)") from None


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help=PATHS_HELP),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="table, line, json or jsonl. " + FORMAT_HELP),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the report to FILE (atomically)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Article date YYYY-MM-DD (anchors relative dates)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="hi, en or auto (default: configuration, else auto)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Input encoding (default UTF-8)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for large batches."),
    config_file: Optional[str] = typer.Option(None, "--config", help="Use this configuration file."),
) -> None:
    """Report every claim found (no checking). jsonl lines carry the claim fields only."""
    from claimcheck import config as cfgmod
    from claimcheck.report.gate import ExitCode
    from claimcheck.model import Report
    from claimcheck.report.render import Options, check_format, render

    with _guard():
        fmt = _choose_format(format, output)
        as_of = _as_of_date(as_of)
        cfg = cfgmod.load(paths, config_file=config_file).override(lang=lang)
        to_stdout = not output or output == "-"
        opts = Options(color=to_stdout and fmt == "table" and sys.stdout.isatty(), width=_width())
        check_format(fmt, "extract")  # before any work is done
        streaming = to_stdout and fmt in STREAMED
        finish = _Finish("extract", as_of=as_of, fmt=fmt if streaming else None, options=opts)
        results, _notes = _collect(paths, finish=finish, as_of=as_of, lang=cfg.lang.value, refs=(),
                                   encoding=encoding, jobs=jobs,
                                   errors_to_stderr=not (to_stdout and fmt in ("table", "line")))
        report = Report(results=tuple(results), command="extract", as_of=as_of)
        if not streaming:
            _emit(render(report, fmt, opts), output)
    raise typer.Exit(int(ExitCode.ERROR if report.failed else ExitCode.OK))


def _width() -> int:
    try:
        return max(60, min(os.get_terminal_size(sys.stdout.fileno()).columns, 200))
    except (OSError, ValueError):
        return 120


def _check_report(paths: list[str], *, as_of, lang, refs, encoding, jobs, fail_on, config_file, baseline_file,  # type: ignore[no-untyped-def]
                  keep_text: bool, errors_to_stderr: bool, use_baseline: bool = True, stream: Optional[str] = None,
                  options=None):
    """Run check with the resolved configuration; returns (report, config, notes).

    Suppression is applied to each document where it is processed; with ``stream`` (a streamed format) each
    document is also rendered there and written at once, so line-oriented output to a pipe is not held back
    until the whole batch is done, and the report keeps only what the exit status needs.
    """
    from claimcheck.report import baseline as bl
    from claimcheck import config as cfgmod
    from claimcheck.model import Report

    as_of = _as_of_date(as_of)
    cfg = cfgmod.load(paths, config_file=config_file)
    extra_refs = tuple(refs or ())
    cfg = cfg.override(lang=lang, fail_on=fail_on, baseline=baseline_file)
    if extra_refs:
        merged = cfg.refs.value + extra_refs
        src = cfgmod.COMMAND_LINE if not cfg.refs.value else f"{cfg.refs.source} + {cfgmod.COMMAND_LINE}"
        cfg = replace(cfg, refs=cfgmod.Setting(merged, src))
    base = bl.load(cfg.baseline.value) if (use_baseline and cfg.baseline.value) else None
    finish = _Finish("check", as_of=as_of, fail_on=cfg.fail_on.value,
                     suppress=bl.Suppression(base, tuple(cfg.ignore.value)), fmt=stream, options=options,
                     keep_text=keep_text)
    results, notes = _collect(paths, finish=finish, as_of=as_of, lang=cfg.lang.value, refs=cfg.refs.value,
                              encoding=encoding, jobs=jobs, errors_to_stderr=errors_to_stderr,
                              region=cfg.region.value, tolerances=cfg.tolerances.value)
    report = Report(results=tuple(results), command="check", as_of=as_of, fail_on=cfg.fail_on.value)
    return report, cfg, notes


@app.command()
def check(
    paths: list[str] = typer.Argument(..., help=PATHS_HELP),
    format: Optional[str] = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the report to FILE (atomically: a "
                                         "failed run never leaves a half-written file)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Check claims as of YYYY-MM-DD (default: each "
                                        "article's date, else today)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="hi, en or auto (default: configuration, else auto)."),
    refs: list[str] = typer.Option([], "--refs", help="Extra reference tables (repeatable; added to configured)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Input encoding (default UTF-8)."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Verdicts that gate, comma-separated, or 'none' "
                                          "(default: configuration, else contradicted,outdated)."),
    no_fail: bool = typer.Option(False, "--no-fail", help="Advisory run: findings never set exit status 1 "
                                 "(input/data errors still exit 2)."),
    baseline_file: Optional[str] = typer.Option(None, "--baseline", help="Accept the findings listed in this "
                                                "baseline file (see `claimcheck baseline create`)."),
    config_file: Optional[str] = typer.Option(None, "--config", help="Use this configuration file instead of "
                                              "searching for pyproject.toml / claimcheck.toml."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for large batches."),
) -> None:
    """Check every claim against the reference tables.

    Exit status: 0 nothing gates, 1 a finding gates (verdict in --fail-on and not suppressed), 2 usage, input or
    data error (also when any document of a batch could not be read).
    """
    from claimcheck.report import gate
    from claimcheck.report.render import Options, check_format, render

    with _guard():
        fmt = _choose_format(format, output)
        to_stdout = not output or output == "-"
        check_format(fmt, "check")  # before any work is done
        opts = Options(color=to_stdout and fmt == "table" and sys.stdout.isatty(), width=_width())
        streaming = to_stdout and fmt in STREAMED
        report, _cfg, notes = _check_report(
            paths, as_of=as_of, lang=lang, refs=refs, encoding=encoding, jobs=jobs, fail_on=fail_on,
            config_file=config_file, baseline_file=baseline_file, keep_text=fmt in ("html", "claimreview"),
            errors_to_stderr=not (to_stdout and fmt in ("table", "line", "markdown")),
            stream=fmt if streaming else None, options=opts)
        if not streaming:
            _emit(render(report, fmt, opts), output)
        for n in notes:
            _err(n)
        code = gate.status(report, no_fail=no_fail)
    raise typer.Exit(int(code))


@app.command()
def schema() -> None:
    """Print the JSON Schema of `check --format json`."""
    from claimcheck.report.render.json import schema_text

    sys.stdout.write(schema_text())


@config_app.command("show")
def config_show(
    paths: list[str] = typer.Argument(None, help="The files you would check (the search starts beside them)."),
    config_file: Optional[str] = typer.Option(None, "--config", help="Use this configuration file."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on"),
    lang: Optional[str] = typer.Option(None, "--lang"),
    baseline_file: Optional[str] = typer.Option(None, "--baseline"),
) -> None:
    """Print the resolved configuration and where each value came from (default / file / command line)."""
    import json

    from claimcheck import config as cfgmod

    with _guard():
        cfg = cfgmod.load(paths or [], config_file=config_file).override(fail_on=fail_on, lang=lang,
                                                                           baseline=baseline_file)
        print(f"# configuration file: {cfg.path or '(none found)'}")
        for key, value, source in cfg.rows():
            shown = list(value) if isinstance(value, tuple) else value
            print(f"{key} = {json.dumps(shown, ensure_ascii=False)}  # {source}")


def _baseline_cmd(update: bool, paths, output, reason, expires, as_of, lang, refs, encoding, fail_on,  # type: ignore[no-untyped-def]
                  config_file, jobs) -> None:
    from claimcheck.report import baseline as bl

    with _guard():
        exp = None
        if expires:
            try:
                exp = _dt.date.fromisoformat(expires)
            except ValueError:
                raise UsageError(f"bad --expires {expires!r} (expected YYYY-MM-DD)") from None
        if not output:  # the configured baseline, else the conventional name
            from claimcheck import config as cfgmod

            output = cfgmod.load(paths, config_file=config_file).baseline.value or "claimcheck-baseline.json"
        previous = bl.load(output) if update else None
        if not update and os.path.exists(output):
            raise UsageError("baseline exists; use `claimcheck baseline update` to refresh it", path=output)
        report, _cfg, _notes = _check_report(
            paths, as_of=as_of, lang=lang, refs=refs, encoding=encoding, jobs=jobs, fail_on=fail_on,
            config_file=config_file, baseline_file=None, keep_text=False, errors_to_stderr=True, use_baseline=False)
        if report.failed:
            raise UsageError(f"{len(report.failed)} document(s) could not be checked; baseline not written")
        base, stats = bl.build(report, previous=previous, reason=reason, expires=exp)
        write_atomic(output, base.to_json())
        _err(f"{output}: {len(base.entries)} accepted finding(s) ({stats['added']} added, {stats['kept']} kept, "
             f"{stats['removed']} removed)")


@baseline_app.command("create")
def baseline_create(
    paths: list[str] = typer.Argument(..., help=PATHS_HELP),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Baseline file to write (default: the "
                                         "configured baseline, else claimcheck-baseline.json)."),
    reason: Optional[str] = typer.Option(None, "--reason", help="Why these findings are accepted."),
    expires: Optional[str] = typer.Option(None, "--expires", help="YYYY-MM-DD after which entries gate again."),
    as_of: Optional[str] = typer.Option(None, "--as-of"),
    lang: Optional[str] = typer.Option(None, "--lang"),
    refs: list[str] = typer.Option([], "--refs"),
    encoding: Optional[str] = typer.Option(None, "--encoding"),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Which verdicts to accept (default: those that gate)."),
    config_file: Optional[str] = typer.Option(None, "--config"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1),
) -> None:
    """Accept every finding that gates today: write their fingerprints to a new baseline file."""
    _baseline_cmd(False, paths, output, reason, expires, as_of, lang, refs, encoding, fail_on, config_file, jobs)


@baseline_app.command("update")
def baseline_update(
    paths: list[str] = typer.Argument(..., help=PATHS_HELP),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Baseline file to update (default: the "
                                         "configured baseline, else claimcheck-baseline.json)."),
    reason: Optional[str] = typer.Option(None, "--reason", help="Reason for newly added entries."),
    expires: Optional[str] = typer.Option(None, "--expires", help="Expiry for newly added entries (YYYY-MM-DD)."),
    as_of: Optional[str] = typer.Option(None, "--as-of"),
    lang: Optional[str] = typer.Option(None, "--lang"),
    refs: list[str] = typer.Option([], "--refs"),
    encoding: Optional[str] = typer.Option(None, "--encoding"),
    fail_on: Optional[str] = typer.Option(None, "--fail-on"),
    config_file: Optional[str] = typer.Option(None, "--config"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1),
) -> None:
    """Refresh a baseline: add new findings, keep reasons and expiry of existing ones, drop those gone."""
    _baseline_cmd(True, paths, output, reason, expires, as_of, lang, refs, encoding, fail_on, config_file, jobs)


def main() -> None:
    """Console entry point: exit 2 (never 1, which means "findings gate") for any error, with one line on stderr.

    An unexpected exception is a bug: its one-line summary is printed; CLAIMCHECK_DEBUG=1 adds the traceback.
    """
    try:
        app()
    except ClaimcheckError as e:
        _err(str(e))
        sys.exit(2)
    except Exception as e:  # noqa: BLE001 - the exit-code contract must hold even for bugs
        if os.environ.get("CLAIMCHECK_DEBUG"):
            import traceback

            traceback.print_exc()
        _err(f"internal error: {type(e).__name__}: {e} (a bug; set CLAIMCHECK_DEBUG=1 for the traceback)")
        sys.exit(2)


def entry() -> None:
    """Process entry point (the ``claimcheck`` script, ``python -m claimcheck``): :func:`main`, then exit at once.

    A command runs once: after its output is flushed, tearing the interpreter down (freeing every lexicon, pattern
    and table object one by one) takes ~45 ms and gives nothing back the operating system would not. So the
    process ends with ``os._exit`` and the same status. :func:`main` stays the function tests call.
    """
    try:
        main()
        code = 0
    except SystemExit as e:
        if e.code is None or isinstance(e.code, int):
            code = e.code or 0
        else:  # sys.exit("message"): what the interpreter would print, and status 1
            print(e.code, file=sys.stderr)
            code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader left, or the stream is closed: the status still counts
            pass
    os._exit(code)
