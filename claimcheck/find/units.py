"""Unit arithmetic through one pint registry built only from ``claimcheck/data/units.txt``.

The registry is created lazily, once per process (pint costs ~100-150 ms to import); pint's default registry is
never used (it reads "lakh units" as micro-nits and "Rs" as a ronnasecond). Surface words are mapped to the Latin
unit names of that file by the finders before any conversion.

The conversions the finders make on every run (each duration unit to years) are also kept in
``claimcheck/data/unit_factors.json``, computed with that registry by ``python -m claimcheck.find.units --write``, so a
run that only needs them never imports pint; pint stays the source of truth (a test recomputes the table) and is
still used for any pair the table lacks.
"""

from __future__ import annotations

import functools
import json
import sys
from dataclasses import dataclass
from importlib import resources

import regex

from claimcheck import cache

TABLE = "unit_factors.json"


@functools.cache
def registry():
    """The project's pint UnitRegistry (built on first use)."""
    import pint

    ureg = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=False)
    path = resources.files("claimcheck.data").joinpath("units.txt")
    with resources.as_file(path) as p:
        ureg.load_definitions(str(p))
    return ureg


def pint_factor(unit: str, to: str) -> float:
    """How many ``to`` one ``unit`` is, computed by pint (the source of truth for :data:`TABLE`)."""
    ureg = registry()
    return float(ureg.Quantity(1.0, unit).to(to).magnitude)


@functools.cache
def table() -> dict[str, dict[str, float]]:
    """The precomputed factors of :data:`TABLE` (``{unit: {to: factor}}``), read once; empty when absent."""
    try:
        raw = resources.files("claimcheck.data").joinpath(TABLE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return json.loads(raw)


def factor(unit: str, to: str) -> float:
    """How many ``to`` one ``unit`` is (``factor("day", "year") == 1/365``).

    A unit to itself is 1; pairs in :data:`TABLE` are read from it; any other pair goes through pint.
    """
    if unit == to:
        return 1.0
    f = table().get(unit, {}).get(to)
    return float(f) if f is not None else pint_factor(unit, to)


def convert(value: float, unit: str, to: str) -> float:
    """``value`` in ``unit`` expressed in ``to`` (both names from data/units.txt)."""
    return value * factor(unit, to)


@functools.cache
def _subunit_word() -> regex.Pattern:
    from claimcheck.find import lexicon
    from claimcheck.find import numbers
    from claimcheck.read.text import fold_string

    forms = (fold_string(f).lower() for f in lexicon.load("quantities")["subunits"]["forms"])
    return cache.compile(rf"(?:{lexicon.trie(forms)}){numbers.RB}", regex.IGNORECASE)


@functools.cache
def _subunit_re() -> regex.Pattern:
    from claimcheck.find import lexicon
    from claimcheck.find import numbers
    from claimcheck.read.text import fold_string

    conj = lexicon.trie(numbers.lex().ops["conjunction"])
    forms = (fold_string(f).lower() for f in lexicon.load("quantities")["subunits"]["forms"])
    return cache.compile(rf"[ \t]*(?:(?:{conj}|,)[ \t]*)?(?P<n>{numbers.patterns()['expr']})[ \t]*"
                         rf"(?:{lexicon.trie(forms)}){numbers.RB}", regex.IGNORECASE)


@functools.lru_cache(maxsize=1)  # one scan per document: without it, each money figure rescans the whole text
def _last_subunit_word(text: str) -> int:
    return max((m.start() for m in _subunit_word().finditer(text, overlapped=True)), default=-1)


def subunit_at(text: str, pos: int) -> regex.Match | None:
    """The subunit amount right at ``pos`` of folded ``text`` ("3 डॉलर| 50 सेंट"; group "n" is its number).

    Its pattern repeats the whole number grammar (~50 ms to compile), so it is compiled, and tried, only when a
    subunit word (सेंट, paise…) occurs at or after ``pos``: most texts have none.
    """
    if _last_subunit_word(text) < pos:
        return None
    return _subunit_re().match(text, pos)


def table_pairs() -> list[tuple[str, str]]:
    """The pairs :data:`TABLE` holds: every duration unit of data/quantities.toml to years (ages are in years), and
    basis points to percentage points."""
    from claimcheck.find import lexicon

    q = lexicon.load("quantities")
    pairs = [(u, "year") for u in q["durations"] if u != "year"]
    if q["percent"].get("basis_points"):
        pairs.append(("bp", "percentage_point"))  # basis points are reported in percentage points
    return sorted(pairs)


def compute_table() -> dict[str, dict[str, float]]:
    """:data:`TABLE` as pint computes it now (what ``python -m claimcheck.find.units --write`` writes)."""
    out: dict[str, dict[str, float]] = {}
    for unit, to in table_pairs():
        out.setdefault(unit, {})[to] = pint_factor(unit, to)
    return out


def render_table(tab: dict[str, dict[str, float]]) -> str:
    return json.dumps(tab, indent=1, sort_keys=True) + "\n"


@dataclass(frozen=True)
class UnitWords:
    """Surface unit words of data/quantities.toml, mapped to (kind, unit name) before any arithmetic."""

    after_re: regex.Pattern  # a unit word right after a number (group "u")
    after: dict[str, tuple[str, str]]  # folded form -> (kind, unit): percent, money, duration, age, quantity
    before_re: regex.Pattern  # a currency symbol/abbreviation ending right before a number (group "c")
    before: dict[str, str]  # folded form -> currency code


def unit_words() -> UnitWords:
    from claimcheck.find import lexicon
    from claimcheck.find.numbers import RB
    from claimcheck.read.text import fold_string

    q = lexicon.load("quantities")
    after: dict[str, tuple[str, str]] = {}

    def add(forms, kind: str, unit: str) -> None:
        for f in forms:
            after[fold_string(f).lower()] = (kind, unit)

    add(q["percent"]["forms"], "percent", "percent")
    add(q["percent"].get("basis_points", []), "percent", "bp")
    before: dict[str, str] = {}
    for code, spec in q["currencies"].items():
        add(spec.get("after", []), "money", code)
        for f in spec.get("before", []):
            before[fold_string(f).lower()] = code
    for pint_name, forms in q["durations"].items():
        add(forms, "duration", pint_name)
    add(q["ages"]["forms"], "age", "year")
    for key, spec in q["measures"].items():
        add(spec["forms"], "quantity", key)
    emph = lexicon.trie(fold_string(f) for f in q["emphatic"]["forms"])
    # after spaces (or glued to digits: "3.5साल"), with an optional emphatic particle in between ("पांच ही दिन")
    # or joined by a hyphen ("5-year plan", "56-year-old")
    after_re = cache.compile(rf"(?:[ \t]*(?:(?:{emph})[ \t]+)?|-)(?P<u>{lexicon.trie(after)})(?:(?<=%)|{RB})",
                             regex.IGNORECASE)
    before_re = cache.compile(rf"(?<![\p{{L}}\p{{M}}])(?P<c>{lexicon.trie(before)})[ \t]*\Z", regex.IGNORECASE)
    return UnitWords(after_re, after, before_re, before)


def _main(argv: list[str]) -> int:
    """``python -m claimcheck.find.units [--write]``: print (or write into the package) the factor table from pint."""
    from pathlib import Path

    text = render_table(compute_table())
    if argv == ["--write"]:
        (Path(__file__).parent.parent / "data" / TABLE).write_text(text, encoding="utf-8")
    elif argv:
        print("usage: python -m claimcheck.find.units [--write]", file=sys.stderr)
        return 2
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
