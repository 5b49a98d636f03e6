"""Calendar arithmetic for the date finder: ISO strings at the precision a text gives, month steps, two-digit
years, Indian financial years (April to March) and the n-th weekday of a month."""

from __future__ import annotations

import datetime as _dt


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str | None:
    """ISO 8601 at the precision given; a year of None (a date without a year in an undated article) gives the
    ISO partial forms "--MM-DD" and "--MM", which never borrow a year from the machine's clock."""
    if y is None:
        if m is None or not 1 <= m <= 12:
            return None
        if d is None:
            return f"--{m:02d}"
        return f"--{m:02d}-{d:02d}" if valid_day(m, d) else None
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def valid_day(m: int, d: int, y: int | None = None) -> bool:
    """Whether day ``d`` exists in month ``m`` (of year ``y``; with no year, in some year: 29 February is)."""
    try:
        _dt.date(2000 if y is None else y, m, d)  # 2000 is a leap year
    except ValueError:
        return False
    return True


def _add_months(d: _dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _yy(v: str, anchor: _dt.date | None) -> int:
    """A two-digit year: within ten years after the anchor's year, else the century before. With no article date,
    the POSIX pivot (00-68 -> 20xx, 69-99 -> 19xx), never the machine's clock."""
    y = int(v)
    if len(v) == 4:
        return y
    if anchor is None:
        return 2000 + y if y <= 68 else 1900 + y
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

