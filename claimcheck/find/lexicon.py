"""Language knowledge lives in data files (``claimcheck/data/*.toml``); this module loads and validates them.

Each file maps canonical keys to lists of surface forms. Surface forms are folded (see :mod:`claimcheck.read.text`)
when loaded, so matchers can compare them with folded document text. A file is parsed once per process.

Every lexicon has a schema, ``claimcheck/data/schema/<name>.json``, checked when the file is loaded and by
``claimcheck data validate``. A schema mirrors the file: a JSON object is a TOML table whose keys are the allowed
keys (a key ending in ``?`` is optional, the others are required, ``*`` stands for any other key, keys starting with
``$`` are comments); a JSON string is the type of a value: ``str``, ``int``, ``number``, ``bool``, ``list[str]``,
``list[list[str]]``. A problem is reported as ``file:line: message`` (:class:`~claimcheck.errors.DataError`).
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import tomllib
from importlib import resources
from collections.abc import Sequence
from typing import Any

from claimcheck.errors import DataError


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed ``claimcheck/data/<name>.toml`` with the newsroom's own file of that name on top, if one is in use
    (:func:`use`). Read-only by convention: callers must not mutate it."""
    data = _shipped(name)
    for path in _OVERLAYS:
        if _stem(path) == name:
            data = merge(data, _overlay(path))
    return data


def _shipped(name: str) -> dict[str, Any]:
    file = resources.files("claimcheck.data").joinpath(f"{name}.toml")
    try:
        raw = file.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise DataError(f"missing data file {name}.toml") from e
    data, found = parse(name, raw, str(file))
    _raise_first(found)
    return data


def _raise_first(found: list[DataError]) -> None:
    if found:
        more = f" (and {len(found) - 1} more: run claimcheck data validate)" if len(found) > 1 else ""
        raise DataError(found[0].message + more, path=found[0].path, line=found[0].line)


# A newsroom's own lexicon files (a statistics.toml adding a measure, say), read on top of the shipped ones. They are
# a setting of the whole process: every derived table (compiled patterns, tries) is rebuilt when they change.
_OVERLAYS: tuple[str, ...] = ()


@functools.cache
def overlay_files(paths: tuple[str, ...]) -> tuple[str, ...]:
    """The lexicon files among reference paths (``--refs``): ``.toml`` files named like a shipped lexicon, given
    directly or inside a given directory."""
    import os

    out = []
    for p in paths:
        if os.path.isdir(p):
            out += [os.path.join(p, n) for n in sorted(os.listdir(p)) if n.endswith(".toml") and n[:-5] in NAMES]
        elif p.endswith(".toml"):
            out.append(p)
    return tuple(out)


def use(paths: Sequence[str]) -> None:
    """Read the lexicon files ``paths`` on top of the shipped lexicons from now on (in this process). Each is named
    like the lexicon it extends (``statistics.toml``); its tables are merged in and its lists extend the shipped
    ones. Raises :class:`DataError` naming the file and line of the first problem."""
    global _OVERLAYS
    paths = tuple(str(p) for p in paths)
    if paths == _OVERLAYS:
        return
    _raise_first([e for p in paths for e in validate_file(p)])
    _OVERLAYS = paths
    _forget_derived()


def _forget_derived() -> None:
    """Clear every cache of claimcheck's modules: all of them are built from lexicons or tables."""
    import sys

    for mod_name, mod in list(sys.modules.items()):
        if mod is None or not (mod_name == "claimcheck" or mod_name.startswith("claimcheck.")):
            continue
        for value in list(vars(mod).values()):
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == mod_name:
                value.cache_clear()


def merge(base: Any, extra: Any) -> Any:
    """``extra`` read on top of ``base``: tables merged key by key, lists extended (without repeats), other
    values replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra


def _stem(path: str) -> str:
    from pathlib import Path

    return Path(path).stem


@functools.cache
def _overlay(path: str) -> dict[str, Any]:
    with open(path, "rb") as f:
        return tomllib.loads(f.read().decode("utf-8"))


NAMES = ("cities", "dates", "measures", "names", "numbers", "quantities", "regions", "statistics", "titles")  # the shipped lexicons


def parse(name: str, raw: str, path: str) -> tuple[dict[str, Any], list[DataError]]:
    """``raw`` (the text of lexicon ``name``, read from ``path``) parsed, and every problem found in it against the
    schema of ``name``, each a :class:`DataError` carrying ``path`` and a line."""
    try:
        data = tomllib.loads(raw)
    except RecursionError:
        return {}, [DataError("not valid TOML: arrays or tables nested too deeply", path=path, line=1)]
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\s*\(at line (\d+), column \d+\)$", str(e))
        line = int(m.group(1)) if m else max(1, raw.count("\n"))
        msg = str(e)[:m.start()] if m else str(e)
        return {}, [DataError(f"not valid TOML: {msg}", path=path, line=line)]
    return data, _checked(name, data, raw, path)


def _checked(name: str, data: dict[str, Any], raw: str, path: str) -> list[DataError]:
    """Every problem of ``data`` (read from ``raw`` at ``path``) against the schema of lexicon ``name``."""
    try:
        schema = _schema(name)
    except FileNotFoundError:
        return [DataError(f"no schema for a lexicon named {name!r} (lexicons: {', '.join(NAMES)})", path=path, line=1)]
    found: list[tuple[tuple[str, ...], str]] = []
    _check(data, schema, (), found)
    if not found:
        return []
    lines = _key_lines(raw)
    return [DataError(msg, path=path, line=_line_of(keys, lines)) for keys, msg in found]


def validate_file(path: str) -> list[DataError]:
    """Every problem of the lexicon file at ``path``, checked against the schema named by its file name."""
    from pathlib import Path

    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        return [DataError(f"cannot read lexicon: {e.strerror or e}", path=path)]
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        return [DataError(f"not valid TOML: invalid UTF-8 at byte offset {e.start}", path=path, line=line)]
    if p.stem not in NAMES:
        return parse(p.stem, raw, path)[1]  # names the lexicons a file may be
    try:
        own = tomllib.loads(raw)
    except (tomllib.TOMLDecodeError, RecursionError):
        return parse(p.stem, raw, path)[1]  # reports the syntax error with its line
    # A file that lacks some of the lexicon's sections is a newsroom's addition to the shipped lexicon: it is checked
    # merged with it (an entry it adds must be whole), with the lines of this file. A file with every section is a
    # whole lexicon (an edited copy of a shipped one) and is checked alone.
    top = [k.rstrip("?") for k in _schema(p.stem) if not k.endswith("?") and k != "*" and not k.startswith("$")]
    if all(k in own for k in top):
        return _checked(p.stem, own, raw, path)
    return _checked(p.stem, merge(_shipped(p.stem), own), raw, path)


def validate_shipped() -> list[DataError]:
    """Every problem of the shipped lexicons (``claimcheck/data/*.toml``), file by file."""
    out: list[DataError] = []
    for name in NAMES:
        file = resources.files("claimcheck.data").joinpath(f"{name}.toml")
        out += parse(name, file.read_text(encoding="utf-8"), str(file))[1]
    return out


@functools.cache
def _schema(name: str) -> dict[str, Any]:
    text = resources.files("claimcheck.data").joinpath("schema", f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


_TYPES = {
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "list[str]": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    "list[list[str]]": lambda v: isinstance(v, list) and all(_TYPES["list[str]"](x) for x in v),
}
_NAMED = {"str": "a string", "int": "an integer", "number": "a number", "bool": "true or false",
          "list[str]": "a list of strings", "list[list[str]]": "a list of lists of strings"}


def _kind(v: Any) -> str:
    if isinstance(v, dict):
        return "a table"
    if isinstance(v, list):
        bad = next((x for x in v if not isinstance(x, str)), None)
        return f"a list holding {_kind(bad)} ({bad!r})" if bad is not None else "a list of strings"
    return {bool: "true/false", int: "an integer", float: "a number", str: "a string"}.get(type(v), type(v).__name__)


def _check(value: Any, spec: Any, keys: tuple[str, ...], found: list) -> None:
    where = ".".join(keys)
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            found.append((keys, f"{where} must be a table, not {_kind(value)}"))
            return
        allowed = {k.rstrip("?"): k for k in spec if k != "*" and not k.startswith("$")}
        for k, v in value.items():
            if k in allowed:
                _check(v, spec[allowed[k]], keys + (k,), found)
            elif "*" in spec:
                _check(v, spec["*"], keys + (k,), found)
            else:
                near = difflib.get_close_matches(k, list(allowed), n=1)
                hint = f" (did you mean {near[0]!r}?)" if near else f" (allowed: {', '.join(sorted(allowed))})"
                found.append((keys + (k,), f"unknown key {k!r} in [{where or 'top level'}]{hint}"))
        for k in sorted(k for k, s in allowed.items() if not s.endswith("?") and k not in value):
            found.append((keys, f"missing required key {k!r} in [{where or 'top level'}]"))
    elif not _TYPES[spec](value):
        found.append((keys, f"{where} must be {_NAMED[spec]}, not {_kind(value)}"))


_KEY = re.compile(r'\s*(?:"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_-]+))\s*')


def _split_key(s: str) -> tuple[tuple[str, ...], int]:
    """The segments of the dotted TOML key at the start of ``s``, and where the key ends."""
    parts: list[str] = []
    i = 0
    while True:
        m = _KEY.match(s, i)
        if not m:
            return tuple(parts), i
        parts.append(next(g for g in m.groups() if g is not None))
        i = m.end()
        if not s.startswith(".", i):
            return tuple(parts), i
        i += 1


def _key_lines(raw: str) -> dict[tuple[str, ...], int]:
    """The line (1-based) where each table header and each ``key =`` of ``raw`` first appears, by key path."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for n, line in enumerate(raw.splitlines(), 1):
        s = line.lstrip()
        if s.startswith("["):
            keys, end = _split_key(s.lstrip("["))
            if keys and s.lstrip("[")[end:].startswith("]"):
                table = keys
                lines.setdefault(table, n)
            continue
        keys, end = _split_key(s)
        if keys and s[end:].startswith("="):
            lines.setdefault(table + keys, n)
    return lines


def _line_of(keys: tuple[str, ...], lines: dict[tuple[str, ...], int]) -> int:
    while keys and keys not in lines:
        keys = keys[:-1]
    return lines.get(keys, 1)


def alternation(words, *, fold_words: bool = True) -> str:
    """A regex alternation of ``words`` (folded), longest first so the longest surface form wins."""
    from claimcheck.read.text import fold_string

    import regex

    forms = {fold_string(w) if fold_words else w for w in words if w}
    return "|".join(regex.escape(w) for w in sorted(forms, key=lambda w: (-len(w), w)))


def trie(words) -> str:
    """A regex matching any of ``words`` (used as given: fold them first), as an alternation factored by common
    prefixes (a character trie); ``(?!)`` (matches nothing) when there are no words.

    Same language as :func:`alternation`, but the regex engine walks shared prefixes once: scanning a text for
    hundreds of words costs a fraction of the flat alternation. ``trie(["ab", "abc", "ad"])`` is
    ``a(?:b(?:c)?|d)``.
    """
    import regex

    root: dict = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        parts = [regex.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root) or "(?!)"
