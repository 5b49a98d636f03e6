"""`claimcheck data ...`: validate reference tables and look things up in them (thin layer over reference.py)."""

from __future__ import annotations

from typing import Optional

import typer

data_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Inspect and validate reference tables.")


@data_app.command("validate")
def validate_cmd(
    paths: Optional[list[str]] = typer.Argument(
        None, help="CSV tables or directories of them, or lexicon .toml files (default: the shipped ones)."),
) -> None:
    """List every problem as path:line: message (exit 2 if any); else print a one-line summary."""
    from claimcheck.find import lexicon
    from claimcheck.reference import summary, validate

    tables = [p for p in paths or [] if not p.endswith(".toml")]
    # lexicon files given, and those a newsroom keeps beside its tables (statistics.toml …)
    lexicons = [p for p in paths or [] if p.endswith(".toml")] + [
        f for f in lexicon.overlay_files(tuple(tables)) if f not in (paths or [])]
    shipped = not paths
    problems = lexicon.validate_shipped() if shipped else [e for p in lexicons for e in lexicon.validate_file(p)]
    if shipped or tables:
        problems += validate(tables or None)
    for p in problems:
        typer.echo(str(p))
    if problems:
        typer.echo(f"{len(problems)} problem(s)", err=True)
        raise typer.Exit(2)
    parts = [f"{len(lexicons) or len(lexicon.NAMES)} lexicons"] if shipped or lexicons else []
    if shipped or tables:
        n_tables, n_rows = summary(tables or None)
        parts.insert(0, f"{n_tables} tables, {n_rows} rows")
    typer.echo("ok: " + ", ".join(parts))


@data_app.command("status")
def status_cmd(
    refs: list[str] = typer.Argument(None, help="A newsroom's own tables too (CSV files or directories)."),
    months: int = typer.Option(6, "--months", min=1, help="An open tenure not attested for this many months is listed."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="The day to judge currency on (default: today)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json (for a scheduled job)."),
    weakest: int = typer.Option(5, "--weakest", min=0, help="List this many posts with the least chain coverage."),
) -> None:
    """What needs a refresh: stale statistic series, open tenures not attested lately, gaps in single-holder
    chains since 2014 and the chains' coverage, and rows without a source."""
    import datetime as _dt
    import json

    from claimcheck.errors import UsageError
    from claimcheck.reference import load_references
    from claimcheck.reference.status import status

    if fmt not in ("text", "json"):
        raise UsageError(f"--format must be text or json, not {fmt!r}")
    try:
        day = _dt.date.fromisoformat(as_of) if as_of else _dt.date.today()
    except ValueError:
        raise UsageError(f"bad --as-of {as_of!r} (expected YYYY-MM-DD)") from None
    st = status(load_references(refs or []), day, months=months)
    if fmt == "json":
        typer.echo(json.dumps(st.to_dict(), ensure_ascii=False, indent=1))
        return
    typer.echo(f"# reference data status as of {st.as_of}")
    typer.echo(f"stale series ({len(st.stale_series)}): latest observation older than its source's cadence")
    for s in st.stale_series:
        bd = ";".join(f"{k}={v}" for k, v in s["breakdown"].items())
        typer.echo(f"  {s['measure']} [{s['basis']}] {s['region']}{' ' + bd if bd else ''}: latest {s['latest']} "
                   f"({s['age_days']} days; cadence {s['cadence_days']})")
    typer.echo(f"open tenures not attested for {st.months} months ({len(st.unattested)})")
    for t in st.unattested:
        typer.echo(f"  {t['tenure']}: last attested {t['last_attested'] or 'never'}")
    typer.echo(f"gaps in single-holder chains since 2014 ({len(st.gaps)})")
    for g in st.gaps:
        after = f"; after {g['after'].replace('_', ' ')}" if g["after"] else ""
        typer.echo(f"  {g['position']}: {g['from']} – {g['to'] or 'today'} ({g['days']} days{after})")
    mean, n = st.mean_coverage()
    heads, n_heads = st.mean_coverage(suffixes=HEAD_POSTS)
    typer.echo(f"chain coverage since 2014 (or a post's first tenure): mean {mean:.3f} over {n} single-holder posts; "
               f"{heads:.3f} over the {n_heads} CM, Governor, LG and Administrator posts")
    for c in sorted(st.coverage, key=lambda c: c["share"])[:weakest]:
        typer.echo(f"  {c['position']}: {c['share']:.3f} ({c['from']} – {c['to']})")
    typer.echo(f"rows without a source ({len(st.unsourced)})")
    for r in st.unsourced:
        typer.echo(f"  {r['table']}: {r['row']}")


HEAD_POSTS = (".chief-minister", ".governor", ".lieutenant-governor", ".administrator")


@data_app.command("series")
def series_cmd(
    refs: list[str] = typer.Argument(None, help="A newsroom's own tables too (CSV files or directories)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Every statistic series (measure, basis, region, breakdown): its rows, its latest observation, and the day
    that observation was published."""
    import json

    from claimcheck.errors import UsageError
    from claimcheck.reference import load_references
    from claimcheck.reference.status import series

    if fmt not in ("text", "json"):
        raise UsageError(f"--format must be text or json, not {fmt!r}")
    rows = series(load_references(refs or []))
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    typer.echo(f"# {len(rows)} series: measure [basis] region breakdown: rows, latest observation, published")
    for s in rows:
        bd = ";".join(f"{k}={v}" for k, v in s["breakdown"].items())
        closed = " (source ended)" if s["closed"] else ""
        typer.echo(f"{s['measure']} [{s['basis']}] {s['region']}{' ' + bd if bd else ''}: {s['rows']} row(s), "
                   f"latest {s['latest'] or '?'}, published {s['published'] or '?'}{closed}")


@data_app.command("show")
def show_cmd(
    query: str = typer.Argument(..., help="A person (any script, alias), a post title, or metric words."),
    refs: list[str] = typer.Option([], "--refs", help="Extra reference tables (repeatable)."),
    limit: int = typer.Option(50, "--limit", help="At most this many observations."),
) -> None:
    """Show matching persons with their tenures, posts with their holders, and statistics."""
    from claimcheck.reference import load_references, show

    r = load_references(refs)
    res = show(query, r)
    if res.empty:
        typer.echo(f"nothing matches {query!r}", err=True)
        raise typer.Exit(1)
    from claimcheck.report.render import one_line

    def echo(text: str) -> None:  # labels may come from a newsroom's table: no control character reaches the terminal
        typer.echo(one_line(text))

    for person, tenures in res.persons:
        echo(f"person {person.person_id}: {person.label_en} / {person.label_hi}")
        if person.aliases:
            echo(f"  aliases: {'; '.join(person.aliases)}")
        for t in tenures:
            pos = r.positions.get(t.position_id)
            echo(f"  {_span(t)}  {pos.label_en if pos else t.position_id}{_nature(t)}")
            echo(f"      source: {_first_url(t.source_url) or t.source}")
    for pos, tenures in res.positions:
        echo(f"post {pos.position_id}: {pos.label_en} / {pos.label_hi} [{pos.jurisdiction}]")
        echo(f"  titles: {'; '.join(pos.titles)}")
        for t in tenures:
            p = r.persons.get(t.person_id)
            echo(f"  {_span(t)}  {p.label_en if p else t.person_id}{_nature(t)}")
            echo(f"      source: {_first_url(t.source_url) or t.source}")
    for o in res.observations[:limit]:
        when = f"as of {o.as_of}" if o.as_of else (o.period or f"published {o.published}")
        bd = ";".join(f"{k}={v}" for k, v in o.breakdown.items())
        echo(f"{o.obs_id}: {o.measure} [{o.basis}] {o.region}{' ' + bd if bd else ''} {when}: "
                   f"{o.value:,.15g} {o.unit} (reported {o.value_as_reported!r}; {o.confidence})")
        echo(f"      source: {_first_url(o.source_url) or o.source}")
    if len(res.observations) > limit:
        echo(f"… {len(res.observations) - limit} more observations (--limit)")


def _span(t) -> str:
    end = "unknown" if t.end == "unknown" else (t.end or f"in office (last attested {t.last_attested or '?'})")
    return f"{t.start} – {end}"


def _nature(t) -> str:
    return "" if t.nature == "regular" else f" ({t.nature.replace('_', ' ')})"


def _first_url(s: str) -> str:
    return s.split(" ; ")[0].strip() if s else ""
