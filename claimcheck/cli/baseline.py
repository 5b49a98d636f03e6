"""`claimcheck baseline create|update`: accept today's findings by fingerprint (a thin layer over
:func:`claimcheck.api.start` and :func:`claimcheck.api.baseline`)."""

from __future__ import annotations

import datetime as _dt
import os
from typing import Optional

import typer

from claimcheck.cli.common import INPUT_FORMAT_HELP, PATHS_HELP, as_of_date, drain, err, guard, write_atomic
from claimcheck.errors import UsageError

baseline_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Accept known findings by fingerprint (baseline files).")


def _baseline_cmd(update: bool, paths, output, reason, expires, as_of, lang, refs, encoding, fail_on,  # type: ignore[no-untyped-def]
                  config_file, jobs, input_format=None) -> None:
    from dataclasses import replace

    from claimcheck import api
    from claimcheck.options import Options
    from claimcheck.report import baseline as bl

    with guard():
        exp = None
        if expires:
            try:
                exp = _dt.date.fromisoformat(expires)
            except ValueError:
                raise UsageError(f"bad --expires {expires!r} (expected YYYY-MM-DD)") from None
        if not output:  # the configured baseline, else the conventional name
            output = Options.discover(paths, config_file=config_file).baseline or "claimcheck-baseline.json"
        previous = bl.load(output) if update else None
        if not update and os.path.exists(output):
            raise UsageError("baseline exists; use `claimcheck baseline update` to refresh it", path=output)
        options = Options.discover(paths, config_file=config_file, command="check", as_of=as_of_date(as_of),
                                   lang=lang, refs=refs or None, fail_on=fail_on, jobs=jobs, encoding=encoding,
                                   input_format=input_format)
        run = api.start(paths, replace(options, baseline=None), keep_text=False)  # what gates without one
        drain(run, errors_to_stderr=True)
        base, stats = api.baseline(run.report, previous=previous, reason=reason, expires=exp, path=output)
        write_atomic(output, base.to_json())
        err(f"{output}: {len(base.entries)} accepted finding(s) ({stats['added']} added, {stats['kept']} kept, "
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
    input_format: Optional[str] = typer.Option(None, "--input-format", help=INPUT_FORMAT_HELP),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Which verdicts to accept (default: those that gate)."),
    config_file: Optional[str] = typer.Option(None, "--config"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1),
) -> None:
    """Accept every finding that gates today: write their fingerprints to a new baseline file."""
    _baseline_cmd(False, paths, output, reason, expires, as_of, lang, refs, encoding, fail_on, config_file, jobs, input_format)


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
    input_format: Optional[str] = typer.Option(None, "--input-format", help=INPUT_FORMAT_HELP),
    fail_on: Optional[str] = typer.Option(None, "--fail-on"),
    config_file: Optional[str] = typer.Option(None, "--config"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1),
) -> None:
    """Refresh a baseline: add new findings, keep reasons and expiry of existing ones, drop those gone."""
    _baseline_cmd(True, paths, output, reason, expires, as_of, lang, refs, encoding, fail_on, config_file, jobs, input_format)
