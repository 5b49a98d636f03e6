"""`claimcheck data ...` commands (placeholder until the reference stage lands)."""

from __future__ import annotations

import typer

data_app = typer.Typer(no_args_is_help=True, help="Inspect and validate reference tables.")
