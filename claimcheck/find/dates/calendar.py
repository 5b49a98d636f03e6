"""Calendar arithmetic for the date finder: ISO strings at the precision a text gives, month steps, two-digit
years, Indian financial years (April to March) and the n-th weekday of a month."""

from __future__ import annotations

import datetime as _dt


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _add_months(d: _dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _yy(v: str, anchor: _dt.date) -> int:
    """A two-digit year: within ten years after the anchor's year, else the century before."""
    y = int(v)
    if len(v) == 4:
        return y
    c = anchor.year // 100 * 100
    return c + y if c + y <= anchor.year + 10 else c - 100 + y


def _fy_start(d: _dt.date) -> int:
    return d.year if d.month >= 4 else d.year - 1


def _nth_weekday(y: int, m: int, w: int, k: int) -> str | None:
    if k > 0:
        first = _dt.date(y, m, 1)
        d = first + _dt.timedelta(days=(w - first.weekday()) % 7 + 7 * (k - 1))
    else:
        ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
        last = _dt.date(ny, nm, 1) - _dt.timedelta(days=1)
        d = last - _dt.timedelta(days=(last.weekday() - w) % 7)
    return d.isoformat() if d.month == m else None

