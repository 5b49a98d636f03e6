"""Unit arithmetic through one pint registry built only from ``claimcheck/data/units.txt``.

The registry is created lazily, once per process (pint costs ~100 ms to import); pint's default registry is never
used (it reads "lakh units" as micro-nits and "Rs" as a ronnasecond). Surface words are mapped to the Latin unit
names of that file by the finders before any conversion.
"""

from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def registry():
    """The project's pint UnitRegistry (built on first use)."""
    import pint

    ureg = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=False)
    path = resources.files("claimcheck.data").joinpath("units.txt")
    with resources.as_file(path) as p:
        ureg.load_definitions(str(p))
    return ureg


@functools.cache
def factor(unit: str, to: str) -> float:
    """How many ``to`` one ``unit`` is (``factor("day", "year") == 1/365``)."""
    ureg = registry()
    return float(ureg.Quantity(1.0, unit).to(to).magnitude)


def convert(value: float, unit: str, to: str) -> float:
    """``value`` in ``unit`` expressed in ``to`` (both names from data/units.txt)."""
    return value * factor(unit, to)
