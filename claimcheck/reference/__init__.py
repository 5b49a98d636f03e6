"""Reference stage: the curated tables claims are checked against (shipped, plus a newsroom's ``--refs``).

``tables`` reads and types the CSV files, ``validate`` checks every row and builds the records, ``show`` finds
persons, posts and observations for ``claimcheck data show``. This module puts them together.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence

from claimcheck.errors import DataError
from claimcheck.reference import validate as _validate
from claimcheck.reference.show import ShowResult, show
from claimcheck.reference.tables import *  # noqa: F401,F403  (the record types are part of this package's API)
from claimcheck.reference.tables import _read, _Raw, _shipped_files, _user_files

# ------------------------------------------------------------------------------------------------------- building

def _build(raws: list[_Raw], context: References | None = None) -> tuple[References, list[Problem]]:
    """Rows -> records, collecting every problem; ``context`` (the shipped tables) resolves cross-references."""
    return _validate.build(raws, context)


@functools.cache
def _shipped() -> References:
    raws = [_read(path, text, table) for table, path, text in _shipped_files()]
    refs, problems = _build([r for r in raws if r is not None])
    if problems:
        raise _error(problems)
    return refs


def _error(problems: list[Problem]) -> DataError:
    """One DataError for all problems: ``str()`` lists each as ``path:line: message``; ``.problems`` has them."""
    if len(problems) == 1:
        err = DataError(problems[0].message, path=problems[0].path, line=problems[0].line)
    else:
        err = DataError(f"{len(problems)} problems in reference tables:\n" + "\n".join(map(str, problems)))
    err.problems = problems  # type: ignore[attr-defined]
    return err


def _gather(paths: Sequence[str]) -> tuple[list[_Raw], list[Problem]]:
    files, problems = _user_files(paths)
    raws: list[_Raw] = []
    for table, path, text in files:
        raw = _read(path, text, table)
        if raw is None:
            problems.append(Problem(path, 1, "not a reference table: the header names none of "
                                             + ", ".join(c[0] for c in COLUMNS.values())))
            continue
        raws.append(raw)
    return raws, problems


def load_references(extra: Sequence[str] = ()) -> References:
    """The shipped tables plus a newsroom's own (directories of CSVs, or single CSV files recognised by header).

    A newsroom row whose id equals a shipped id replaces the shipped row. Raises DataError listing every problem
    (``err.problems``) when a table is broken; the CLI turns that into exit status 2.
    """
    base = _shipped()
    if not extra:
        return base
    return _with_user_tables(tuple(extra), _stamp(extra))


def _stamp(paths: Sequence[str]) -> tuple:
    """What a newsroom's tables are now (each file's path, size and modification time): a changed file is read
    again, an unchanged one is not read for every document of a run."""
    out = []
    for p in paths:
        files = [os.path.join(p, n) for n in sorted(os.listdir(p))] if os.path.isdir(p) else [p]
        for f in files:
            try:
                st = os.stat(f)
                out.append((f, st.st_size, st.st_mtime_ns, st.st_ino))
            except OSError:
                out.append((f, None))
    return tuple(out)


@functools.lru_cache(maxsize=4)
def _with_user_tables(extra: tuple[str, ...], stamp: tuple) -> References:
    raws, problems = _gather(extra)
    refs, more = _build(raws, _shipped())
    problems += more
    if problems:
        raise _error(problems)
    return refs


def validate(paths: Sequence[str] | None = None) -> list[Problem]:
    """Every problem in the given tables (None = the shipped ones), checked against the shipped tables."""
    if paths is None:
        raws = [_read(path, text, table) for table, path, text in _shipped_files()]
        _, problems = _build([r for r in raws if r is not None])
        return problems
    raws, problems = _gather(paths)
    try:
        base = _shipped()
    except DataError as e:
        return list(getattr(e, "problems", [])) + problems
    _, more = _build(raws, base)
    return problems + more


def summary(paths: Sequence[str] | None = None) -> tuple[int, int]:
    """(tables, rows) in the given files (None = shipped), for the validator's one-line report."""
    if paths is None:
        raws = [_read(path, text, table) for table, path, text in _shipped_files()]
    else:
        raws, _ = _gather(paths)
    raws = [r for r in raws if r is not None]
    return len(raws), sum(len(r.rows) for r in raws)


