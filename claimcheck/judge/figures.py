"""How a written figure compares with a reference value: rounding, hedges and bounds, and how a figure is written
back in Indian style (89.99 lakh, 6.34 crore)."""

from __future__ import annotations

import math

import regex

from claimcheck.model import Claim
from claimcheck.read.text import fold_string


APPROX_TOLERANCE = 0.05


MIN_TOLERANCE = 0.005


_NUMBER = regex.compile(r"\d[\d,]*(?:\.\d+)?")


def rounding_tolerance(number_text: str | None) -> float:
    """Relative half-unit of the last significant digit of the first number written in ``number_text``."""
    if not number_text:
        return APPROX_TOLERANCE
    m = _NUMBER.search(fold_string(number_text))
    if not m:
        return APPROX_TOLERANCE  # number words: "नब्बे लाख"
    s = m.group().replace(",", "")
    try:
        mant = float(s)
    except ValueError:
        return APPROX_TOLERANCE
    if mant == 0:
        return MIN_TOLERANCE
    if "." in s:
        half = 0.5 * 10 ** -len(s.split(".")[1])
    else:
        tz = len(s) - len(s.rstrip("0"))
        half = 0.25 * 10**tz if tz else 0.5
    return max(MIN_TOLERANCE, half / mant)


def claim_interval(claim: Claim) -> tuple[float | None, float | None, float, float]:
    """(low, high, tolerance below, tolerance above) of a numeric claim.

    A written figure holds down to half a unit of its last digit below and a whole unit above (news rounds and
    also truncates: "45%" for 45.56%); a figure in words ("six crore") or a fraction word ("पौने दो लाख") holds
    within 5%, or half its leading unit when that is wider (at most 10%).
    """
    numbers = _NUMBER.findall(fold_string(claim.text))
    if numbers:
        tl, th = rounding_tolerance(numbers[0]), rounding_tolerance(numbers[-1])
        last = numbers[-1].replace(",", "")
        if "." in last or not last.endswith("0"):
            th = 2 * th  # the last digit may be truncated: "45" for 45.56
    else:
        tl = th = _word_tolerance(claim.value if claim.value is not None else claim.low)
    if claim.approx:
        tl, th = max(tl, APPROX_TOLERANCE), max(th, APPROX_TOLERANCE)
    if claim.value is not None and isinstance(claim.value, (int, float)):
        v = float(claim.value)
        lo, hi = v, v
        # a bound is a bound: "over 30%" does not hold for 29.2%, whatever the rounding of "30"
        if claim.qualifier in ("more_than", "at_least"):
            hi, tl = None, MIN_TOLERANCE
        elif claim.qualifier in ("less_than", "up_to"):
            lo, th = None, MIN_TOLERANCE
        return lo, hi, tl, th
    lo = float(claim.low) if isinstance(claim.low, (int, float)) else None
    hi = float(claim.high) if isinstance(claim.high, (int, float)) else None
    # a bound read as an open range ("over 30%": low 30, no high) is a bound too
    if claim.qualifier in ("more_than", "at_least") and hi is None:
        tl = MIN_TOLERANCE
    elif claim.qualifier in ("less_than", "up_to") and lo is None:
        th = MIN_TOLERANCE
    return lo, hi, tl, th


def _word_tolerance(value) -> float:
    if not isinstance(value, (int, float)) or value <= 0:
        return APPROX_TOLERANCE
    mant = float(value) / 10 ** int(math.floor(math.log10(value)))
    if abs(mant - round(mant)) < 1e-9:
        return min(0.1, max(APPROX_TOLERANCE, 0.5 / round(mant)))
    return APPROX_TOLERANCE


def holds(value: float, lo: float | None, hi: float | None, tl: float, th: float) -> bool:
    if lo is None and hi is None:
        return False
    if lo is not None and value < lo * (1 - tl):
        return False
    if hi is not None and value > hi * (1 + th):
        return False
    return True


def fmt_indian(value: float, unit: str = "") -> str:
    """89.99 lakh, 6.34 crore, 14.2 percent: how an Indian newsroom writes the figure."""
    if unit == "percent":
        return f"{value:g}%"
    a = abs(value)
    if unit == "USD":  # dollars are written in millions and billions, not lakh and crore
        scale = next(((d, w) for d, w in ((1e9, " billion"), (1e6, " million")) if a >= d), (1, ""))
        return "$" + f"{value / scale[0]:,.2f}".rstrip("0").rstrip(".") + scale[1]
    if a >= 1e7:
        s = f"{value / 1e7:.2f}".rstrip("0").rstrip(".") + " crore"
    elif a >= 1e5:
        s = f"{value / 1e5:.2f}".rstrip("0").rstrip(".") + " lakh"
    else:
        s = f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"
    return f"{s} {unit}".strip()


def _claimed_point(lo, hi) -> float | None:
    if lo is not None and hi is not None:
        return (lo + hi) / 2
    return lo if lo is not None else hi


def _describe_claim(lo, hi, unit="") -> str:
    if lo is not None and hi is not None and lo != hi:
        return f"{fmt_indian(lo)}–{fmt_indian(hi, unit)}"
    if lo is not None and hi is None:
        return f"more than {fmt_indian(lo, unit)}"
    if hi is not None and lo is None:
        return f"up to {fmt_indian(hi, unit)}"
    return fmt_indian(lo if lo is not None else hi, unit)
