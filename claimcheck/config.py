"""Configuration: ``[tool.claimcheck]`` in ``pyproject.toml``, or a ``claimcheck.toml``, found by walking up.

Search starts at the directory of each checked file (in order), then the current directory, and walks up to the
filesystem root; in each directory ``claimcheck.toml`` (top-level keys, or a ``[tool.claimcheck]`` table) wins over
``pyproject.toml`` (only its ``[tool.claimcheck]`` table counts). The first file found is used; nothing is merged
across files. Command-line options override the file; every value remembers where it came from.

Keys::

    refs = ["newsroom/officeholders.csv"]   # extra reference tables, relative to the config file
    fail_on = ["contradicted", "outdated"]   # verdicts that gate (or a comma-separated string)
    tolerances = { quantity = 0.02 }         # relative tolerance per claim kind, 0..1
    lang = "hi"                              # hi, en or auto
    region = "IN-UP"                         # default region (ISO 3166-2) for claims that name none
    ignore = ["3f2a9c1d0b7e4a56", "तीन मेगा ग्रुप्स"]  # claim fingerprints or claim texts never to report as gating
    baseline = "claimcheck-baseline.json"    # accepted findings, relative to the config file

>>> Config().fail_on.value
('contradicted', 'outdated')
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

from claimcheck.errors import UsageError
from claimcheck.report.gate import DEFAULT_FAIL_ON, parse_fail_on

T = TypeVar("T")
KEYS = ("refs", "fail_on", "tolerances", "lang", "region", "ignore", "baseline")
DEFAULT = "default"
COMMAND_LINE = "command line"


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    """A resolved value and where it came from: ``default``, a file path, or ``command line``."""

    value: T
    source: str = DEFAULT


@dataclass(frozen=True, slots=True)
class Config:
    refs: Setting[tuple[str, ...]] = field(default_factory=lambda: Setting(()))
    fail_on: Setting[tuple[str, ...]] = field(default_factory=lambda: Setting(DEFAULT_FAIL_ON))
    tolerances: Setting[dict[str, float]] = field(default_factory=lambda: Setting({}))
    lang: Setting[str] = field(default_factory=lambda: Setting("auto"))
    region: Setting[str | None] = field(default_factory=lambda: Setting(None))
    ignore: Setting[tuple[str, ...]] = field(default_factory=lambda: Setting(()))
    baseline: Setting[str | None] = field(default_factory=lambda: Setting(None))
    path: str | None = None  # the file the configuration was read from

    def override(self, **values: Any) -> Config:
        """A copy with command-line values (those not None) taking precedence."""
        changes = {k: Setting(_validate(k, v, base=None, where=COMMAND_LINE), COMMAND_LINE)
                   for k, v in values.items() if v is not None}
        return replace(self, **changes)

    def rows(self) -> list[tuple[str, Any, str]]:
        """(key, value, source) for ``claimcheck config show``."""
        return [(k, getattr(self, k).value, getattr(self, k).source) for k in KEYS]


def find_config(starts: list[Path]) -> Path | None:
    """The nearest configuration file above any of ``starts`` (tried in order)."""
    seen: set[Path] = set()
    for start in starts:
        try:
            d = start.resolve()
        except OSError:
            continue
        if not d.is_dir():
            d = d.parent
        for cand in (d, *d.parents):
            if cand in seen:
                break
            seen.add(cand)
            own = cand / "claimcheck.toml"
            if own.is_file():
                return own
            py = cand / "pyproject.toml"
            if py.is_file() and _tool_table(_read_toml(py)) is not None:
                return py
    return None


def load(paths: list[str] | None = None, *, config_file: str | None = None, cwd: Path | None = None) -> Config:
    """The configuration that applies to ``paths`` (or the explicit ``config_file``)."""
    if config_file:
        found: Path | None = Path(config_file)
        if not found.is_file():
            raise UsageError("configuration file not found", path=config_file)
    else:
        here = cwd or Path.cwd()
        starts = [(here / p) for p in (paths or []) if p not in ("-",) and not any(ch in p for ch in "*?[")]
        starts.append(here)
        found = find_config(starts)
    if found is None:
        return Config()
    data = _read_toml(found)
    table = _tool_table(data)
    if table is None:
        if found.name == "pyproject.toml":
            return Config(path=str(found))
        table = data
    return from_table(table, path=found)


def from_table(table: dict[str, Any], *, path: Path) -> Config:
    unknown = sorted(set(table) - set(KEYS) - {k.replace("_", "-") for k in KEYS})
    if unknown:
        raise UsageError(f"unknown configuration key(s) {', '.join(unknown)} (known: {', '.join(KEYS)})",
                         path=str(path))
    where = str(path)
    values = {}
    for k in KEYS:
        raw = table.get(k, table.get(k.replace("_", "-")))
        if raw is not None:
            values[k] = Setting(_validate(k, raw, base=path.parent, where=where), where)
    return Config(path=where, **values)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"not valid TOML: {e}", path=str(path)) from None
    except OSError as e:
        raise UsageError(f"cannot read configuration: {e.strerror}", path=str(path)) from None


def _tool_table(data: dict[str, Any]) -> dict[str, Any] | None:
    tool = data.get("tool")
    if isinstance(tool, dict) and isinstance(tool.get("claimcheck"), dict):
        return tool["claimcheck"]
    return None


def _strings(key: str, raw: Any, where: str) -> tuple[str, ...]:
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise UsageError(f"{key} must be a string or a list of strings", path=where)
    return tuple(raw)


def _validate(key: str, raw: Any, *, base: Path | None, where: str) -> Any:
    if key == "fail_on":
        try:
            return parse_fail_on(raw if isinstance(raw, (str, list, tuple)) else [raw])
        except UsageError as e:
            raise UsageError(e.message, path=where) from None
    if key in ("refs", "ignore"):
        items = _strings(key, raw, where)
        if key == "refs" and base is not None:
            items = tuple(str((base / p)) if not Path(p).is_absolute() else p for p in items)
        return items
    if key == "tolerances":
        if not isinstance(raw, dict):
            raise UsageError("tolerances must be a table of kind = number (e.g. quantity = 0.02)", path=where)
        out = {}
        for k, v in raw.items():
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 1:
                raise UsageError(f"tolerances.{k} must be a number between 0 and 1", path=where)
            out[str(k)] = float(v)
        return out
    if key == "lang":
        if raw not in ("hi", "en", "auto"):
            raise UsageError(f"lang must be hi, en or auto, not {raw!r}", path=where)
        return raw
    if key in ("region", "baseline"):
        if not isinstance(raw, str) or not raw:
            raise UsageError(f"{key} must be a non-empty string", path=where)
        if key == "baseline" and base is not None and not Path(raw).is_absolute():
            return str(base / raw)
        return raw
    raise UsageError(f"unknown configuration key {key!r}", path=where)
