"""Command-line interface: a thin typer layer over :mod:`claimcheck.api`.

Each command parses its flags into an :class:`~claimcheck.options.Options` (:meth:`Options.discover
<claimcheck.options.Options.discover>`: configuration, then flags), calls the library, hands the result to a renderer
and returns the exit status computed by :mod:`claimcheck.report.gate` (0 nothing gates, 1 findings gate, 2
usage/input/data error). Nothing below the CLI prints. Every :class:`~claimcheck.errors.ClaimcheckError` becomes one
line on stderr and exit 2. The baseline commands are in :mod:`claimcheck.cli.baseline`, ``data`` in
:mod:`claimcheck.cli.data`, what they share in :mod:`claimcheck.cli.common`.
"""

from __future__ import annotations

import gc

# A command runs once and exits: the cyclic garbage collector's passes over the many objects that imports and
# lexicons create cost ~20 ms of start-up and free nothing. Raise its threshold for the CLI process only; the
# library leaves the interpreter's settings alone.
gc.set_threshold(100_000, 50, 100)

import errno  # noqa: E402
import os
import signal
import sys
from typing import NoReturn, Optional

import typer

from claimcheck.cli.common import (EXCLUDE_HELP, FORMAT_HELP, INPUT_FORMAT_HELP, NO_COLOR_HELP, PATHS_HELP, QUIET_HELP,
                                   SHOW_HELP, as_of_date, choose_format, drain, emit, err, finish, guard,
                                   refuse_output_among_inputs, use_color, width, write_atomic)
from claimcheck.errors import ClaimcheckError

__all__ = ["app", "main", "entry", "write_atomic"]

# Help is plain click help (rich_markup_mode=None): typer's rich help imports rich's console, tables and its
# Markdown parser, which made `claimcheck --help` cost twice `import typer` (benchmarks/README.md, part 10).
app = typer.Typer(
    rich_markup_mode=None,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Find and check claims in Hindi and Indian-English news.\n\n"
    "Exit status: 0 nothing gates; 1 findings that gate (see --fail-on); 2 usage, input or data error.",
)
config_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Show the configuration that applies.")
app.add_typer(config_app, name="config")


def _mount() -> None:
    from claimcheck.cli.baseline import baseline_app
    from claimcheck.cli.data import data_app

    app.add_typer(baseline_app, name="baseline")
    app.add_typer(data_app, name="data")


_mount()


def _version(value: bool) -> None:
    if value:
        from claimcheck.model import __version__

        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", is_eager=True, callback=_version,
                                       help="Print the version and exit.")) -> None:
    """Find and check claims in Hindi and Indian-English news."""


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help=PATHS_HELP),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="table, line, json or jsonl. " + FORMAT_HELP),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the report to FILE (atomically)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=QUIET_HELP),
    no_color: bool = typer.Option(False, "--no-color", help=NO_COLOR_HELP),
    exclude: list[str] = typer.Option([], "--exclude", help=EXCLUDE_HELP),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Article date YYYY-MM-DD (anchors relative dates)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="hi, en or auto (default: configuration, else auto)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Input encoding (default UTF-8)."),
    input_format: Optional[str] = typer.Option(None, "--input-format", help=INPUT_FORMAT_HELP),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for large batches."),
    config_file: Optional[str] = typer.Option(None, "--config", help="Use this configuration file."),
) -> None:
    """Report every claim found (no checking). jsonl lines carry the claim fields only."""
    from claimcheck import api
    from claimcheck.options import Options
    from claimcheck.report.render import Options as RenderOptions
    from claimcheck.report.render import check_format

    with guard():
        refuse_output_among_inputs(output, paths)
        fmt = choose_format(format, output)
        when = as_of_date(as_of)
        options = Options.discover(paths, config_file=config_file, command="extract", as_of=when, lang=lang,
                                   encoding=encoding, jobs=jobs, input_format=input_format,
                                   exclude=exclude or None)
        to_stdout = not output or output == "-"
        ropts = RenderOptions(color=use_color(no_color, fmt, to_stdout), width=width())
        check_format(fmt, "extract")  # before any work is done
        run, stream = start_run(paths, options, fmt, ropts, keep_text=False)
        # every format: errors to stderr (the report may show them too); the report written as the run goes
        drain(run, errors_to_stderr=True, quiet=quiet, no_color=no_color, stream=stream, output=output)
        report = run.report
        finish(run, fmt, output, quiet=quiet)
        code = api.exit_status(report, options)
    raise typer.Exit(int(code))


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
    input_format: Optional[str] = typer.Option(None, "--input-format", help=INPUT_FORMAT_HELP),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Verdicts that gate, comma-separated, or 'none' "
                                          "(default: configuration, else contradicted,outdated)."),
    no_fail: bool = typer.Option(False, "--no-fail", help="Advisory run: findings never set exit status 1 "
                                 "(input/data errors still exit 2)."),
    baseline_file: Optional[str] = typer.Option(None, "--baseline", help="Accept the findings listed in this "
                                                "baseline file (see `claimcheck baseline create`)."),
    config_file: Optional[str] = typer.Option(None, "--config", help="Use this configuration file instead of "
                                              "searching for pyproject.toml / claimcheck.toml."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for large batches."),
    show: Optional[str] = typer.Option(None, "--show", help=SHOW_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=QUIET_HELP),
    no_color: bool = typer.Option(False, "--no-color", help=NO_COLOR_HELP),
    exclude: list[str] = typer.Option([], "--exclude", help=EXCLUDE_HELP),
) -> None:
    """Check every claim against the reference tables.

    Exit status: 0 nothing gates, 1 a finding gates (verdict in --fail-on and not suppressed), 2 usage, input or
    data error (also when any document of a batch could not be read).
    """
    from claimcheck import api
    from claimcheck.options import Options
    from claimcheck.report.render import Options as RenderOptions
    from claimcheck.report.render import check_format, parse_show

    with guard():
        refuse_output_among_inputs(output, paths)
        fmt = choose_format(format, output)
        to_stdout = not output or output == "-"
        check_format(fmt, "check")  # before any work is done
        ropts = RenderOptions(color=use_color(no_color, fmt, to_stdout), width=width(), show=parse_show(show))
        options = Options.discover(paths, config_file=config_file, command="check", as_of=as_of_date(as_of),
                                   lang=lang, refs=refs or None, fail_on=fail_on, baseline=baseline_file,
                                   no_fail=no_fail or None, jobs=jobs, encoding=encoding,
                                   input_format=input_format, exclude=exclude or None)
        # the run is made here (the baseline is read now) and done in drain(), document by document, each written
        # out (or, for a format whose head summarises the run, to a temporary file) as soon as it is done
        run, stream = start_run(paths, options, fmt, ropts, keep_text=fmt in ("html", "claimreview"))
        # every format: errors to stderr (the report may show them too)
        drain(run, errors_to_stderr=True, quiet=quiet, no_color=no_color, stream=stream, output=output)
        report = run.report
        for n in run.notes:
            err(n)
        finish(run, fmt, output, quiet=quiet)
        code = api.exit_status(report, options)
    raise typer.Exit(int(code))


def start_run(paths: list[str], options, fmt: str, ropts, *, keep_text: bool):  # type: ignore[no-untyped-def]
    """The library run for ``check`` or ``extract``, and the :class:`~claimcheck.report.render.Stream` that
    renders its documents here (None for jsonl, line and github: each is rendered where it was processed)."""
    from claimcheck import api
    from claimcheck.report.render import Stream
    from claimcheck.run.process import STREAMED

    if fmt in STREAMED:
        return api.start(paths, options, fmt=fmt, render_options=ropts, keep_text=False), None
    run = api.start(paths, options, render_options=ropts, keep_text=keep_text, lean=True)
    empty = run.report  # nothing has run yet: what the report says of the whole run (command, date, fail-on)
    return run, Stream(fmt, command=empty.command, as_of=empty.as_of, fail_on=empty.fail_on, options=ropts)


@app.command()
def schema() -> None:
    """Print the JSON Schema of `check --format json`."""
    from claimcheck.report.render.json import schema_text

    with guard():
        emit(schema_text(), None)


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

    from claimcheck.options import Options

    with guard():
        options = Options.discover(paths or [], config_file=config_file, fail_on=fail_on, lang=lang,
                                   baseline=baseline_file)
        print(f"# configuration file: {options.config_path or '(none found)'}")
        for key, value, source in options.rows():
            shown = list(value) if isinstance(value, tuple) else value
            print(f"{key} = {json.dumps(shown, ensure_ascii=False)}  # {source}")


def main() -> None:
    """Console entry point: exit 2 (never 1, which means "findings gate") for any error, with one line on stderr.

    An unexpected exception is a bug: its one-line summary is printed; CLAIMCHECK_DEBUG=1 adds the traceback.
    """
    signal.signal(signal.SIGINT, _interrupted)
    try:
        app()
    except ClaimcheckError as e:
        err(str(e))
        sys.exit(2)
    except OSError as e:
        if e.errno not in _FULL:
            _bug(e)
        # what a command printed did not fit (a file named by -o says so itself, through write_atomic)
        err(f"{e.filename or '<stdout>'}: cannot write the output: {e.strerror}")
        sys.exit(2)
    except Exception as e:  # noqa: BLE001 - the exit-code contract must hold even for bugs
        _bug(e)


_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO)


def _interrupted(signum, frame) -> NoReturn:
    """Ctrl-C: status 130 as shells expect, never click's "Aborted!" with 1, which would read as "findings gate"."""
    err("interrupted: nothing more was checked")
    sys.exit(128 + signum)


def _bug(e: Exception) -> NoReturn:
    if os.environ.get("CLAIMCHECK_DEBUG"):
        import traceback

        traceback.print_exception(e)
    err(f"internal error: {type(e).__name__}: {e} (a bug; set CLAIMCHECK_DEBUG=1 for the traceback)")
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
        except BrokenPipeError:  # the reader left: the status still counts
            pass
        except OSError as e:  # a full disk: what was printed is lost, and the run must not pass for a success
            if stream is sys.stdout:
                err(f"<stdout>: cannot write the output: {e.strerror or e}")
                code = 2
        except ValueError:  # the stream is closed
            pass
    os._exit(code)
