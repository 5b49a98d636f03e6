"""Command-line interface: a thin typer layer over :mod:`claimcheck.api`.

Each command parses options, calls the library, hands the result to a renderer and returns the exit status
computed by :mod:`claimcheck.gate`. Nothing below this module prints.
"""

from __future__ import annotations

import sys
from typing import Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Find and check claims in Hindi and Indian-English news.")


def _mount() -> None:
    from .cli_data import data_app

    app.add_typer(data_app, name="data")


_mount()


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Text files, directories, globs, .jsonl batches, or - for stdin."),
    format: str = typer.Option("jsonl", "--format", "-f", help="table or jsonl"),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Article date YYYY-MM-DD (anchors relative dates)."),
    lang: str = typer.Option("auto", "--lang", help="hi, en or auto"),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Input encoding (default UTF-8)."),
) -> None:
    """Report every claim found."""
    import json

    from . import api

    code = 0
    for r in api.run(paths, command="extract", as_of=as_of, lang=None if lang == "auto" else lang, encoding=encoding):
        if r.error:
            print(f"claimcheck: {r.error}", file=sys.stderr)
            code = 2
            continue
        for c in r.claims:
            print(json.dumps(c.to_dict(), ensure_ascii=False))
    raise typer.Exit(code)


@app.command()
def check(
    paths: list[str] = typer.Argument(..., help="Text files, directories, globs, .jsonl batches, or - for stdin."),
    format: str = typer.Option("jsonl", "--format", "-f"),
    as_of: Optional[str] = typer.Option(None, "--as-of"),
    lang: str = typer.Option("auto", "--lang"),
    refs: list[str] = typer.Option([], "--refs", help="Extra reference tables (repeatable)."),
    encoding: Optional[str] = typer.Option(None, "--encoding"),
) -> None:
    """Check every claim against the reference tables."""
    import json

    from . import api

    code = 0
    for r in api.run(paths, command="check", as_of=as_of, lang=None if lang == "auto" else lang, refs=refs, encoding=encoding):
        if r.error:
            print(f"claimcheck: {r.error}", file=sys.stderr)
            code = 2
            continue
        for c in r.checked:
            print(json.dumps(c.to_dict(), ensure_ascii=False))
    raise typer.Exit(code)


def main() -> None:
    from .errors import ClaimcheckError

    try:
        app()
    except ClaimcheckError as e:
        print(f"claimcheck: {e}", file=sys.stderr)
        sys.exit(2)
