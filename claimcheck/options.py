"""The options of a run — one frozen :class:`Options` — and how they are found: configuration plus overrides.

Every entry point takes an :class:`Options`: the library (:mod:`claimcheck.api`), the batch and distributed runners
(:mod:`claimcheck.run`) and, through :meth:`Options.discover`, the command line. Each value remembers where it came
from (``default``, a configuration file, or ``command line``), which ``claimcheck config show`` prints.

Configuration is ``[tool.claimcheck]`` in ``pyproject.toml``, or a ``claimcheck.toml``, found by walking up. Search
starts at the directory of each checked file (in order), then the current directory, and walks up to the filesystem
root; in each directory ``claimcheck.toml`` (top-level keys, or a ``[tool.claimcheck]`` table) wins over
``pyproject.toml`` (only its ``[tool.claimcheck]`` table counts). The first file found is used; nothing is merged
across files. Overrides (the command line's flags) win over the file, except ``refs`` and ``exclude``, which they extend.

Keys::

    refs = ["newsroom/officeholders.csv"]   # extra reference tables (and folders of them, with a newsroom's own
                                            # statistics.toml of measure words), relative to the config file
    fail_on = ["contradicted", "outdated"]   # verdicts that gate (or a comma-separated string)
    min_confidence = 0.6                     # a statistic is called wrong only when its frame was read this surely
    tolerances = { quantity = 0.02 }         # relative tolerance per claim kind, 0..1
    lang = "hi"                              # hi, en or auto
    region = "IN-UP"                         # default region (ISO 3166-2) for claims that name none
    ignore = ["3f2a9c1d0b7e4a56", "तीन मेगा ग्रुप्स"]  # claim fingerprints or claim texts never to report as gating
    baseline = "claimcheck-baseline.json"    # accepted findings, relative to the config file
    exclude = ["archive", "*.draft-old.md"]  # globs a directory walk skips (claimcheck.read.inputs.excluded)

>>> Options().fail_on
('contradicted', 'outdated')
>>> Options(as_of="2024-08-30", jobs=1).as_of
datetime.date(2024, 8, 30)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck.errors import UsageError
from claimcheck.model import VERDICTS

# The keys a configuration file may set (``config show`` lists them in this order).
KEYS = ("refs", "fail_on", "tolerances", "lang", "region", "ignore", "baseline", "min_confidence", "exclude")
# What only a caller (the command line, a library user) sets.
RUN_KEYS = ("as_of", "no_fail", "jobs", "encoding", "command", "input_format")
DEFAULT = "default"
COMMAND_LINE = "command line"
COMMANDS = ("check", "extract")
DEFAULT_FAIL_ON: tuple[str, ...] = ("contradicted", "outdated")


def parse_fail_on(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Normalise a ``--fail-on`` value ("contradicted,outdated", a list, "none") to a tuple of verdicts.

    >>> parse_fail_on("outdated, contradicted")
    ('contradicted', 'outdated')
    >>> parse_fail_on("none")
    ()
    """
    if value is None:
        return DEFAULT_FAIL_ON
    items = value.split(",") if isinstance(value, str) else list(value)
    if not any(isinstance(x, str) and x.strip() for x in items) and not any(not isinstance(x, str) for x in items):
        # an unset $FAIL_ON in a CI recipe must not turn the gate off: "none" says that on purpose
        raise UsageError("fail-on is empty: name the verdicts that gate (e.g. contradicted,outdated), or 'none' to "
                         "turn the gate off")
    out: set[str] = set()
    for raw in items:
        if not isinstance(raw, str):
            raise UsageError(f"fail-on: expected verdict names, got {raw!r}")
        v = raw.strip().lower()
        if not v or v == "none":
            continue
        if v == "any":
            out.update(VERDICTS)
            continue
        if v not in VERDICTS:
            raise UsageError(f"fail-on: unknown verdict {v!r} (choose from {', '.join(VERDICTS)}, any, none)")
        out.add(v)
    return tuple(v for v in VERDICTS if v in out)


TOLERANCE_KINDS = ("quantity", "money", "percent")  # the claim kinds a statistics verdict compares numbers for


def _region_codes() -> frozenset[str]:
    """The region codes of claimcheck/data/regions.toml, read only when a configuration names a region."""
    import tomllib
    from importlib import resources

    return frozenset(tomllib.loads(resources.files("claimcheck.data").joinpath("regions.toml").read_text("utf-8")))


def as_date(value: _dt.date | str | None) -> _dt.date | None:
    """A date from a ``date`` or an ISO ``YYYY-MM-DD`` string (``None`` stays ``None``)."""
    if value is None or isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise UsageError(f"bad date {value!r} (expected YYYY-MM-DD)") from None


@dataclass(frozen=True)
class Options:
    """Everything that shapes a run. Build it directly (``Options(as_of="2024-08-30")``) or with :meth:`discover`.

    ``command`` is ``check`` or ``extract``; ``as_of`` is the date claims are checked as of (default: each
    article's date, else today); ``lang`` is ``hi``, ``en`` or ``auto``; ``jobs`` worker processes share a large
    batch (None: every core); ``no_fail`` makes findings advisory (the exit status is then 0 unless a document
    failed). ``sources`` says where each value came from; ``config_path`` is the configuration file read, if any.
    """

    command: str = "check"
    as_of: _dt.date | None = None
    lang: str = "auto"
    region: str | None = None
    refs: tuple[str, ...] = ()
    fail_on: tuple[str, ...] = DEFAULT_FAIL_ON
    tolerances: Mapping[str, float] = field(default_factory=dict, hash=False)
    baseline: str | None = None
    min_confidence: float = 0.6  # claimcheck.judge.statistics.MIN_CONFIDENCE
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    no_fail: bool = False
    jobs: int | None = None
    encoding: str | None = None
    input_format: str | None = None  # how standard input and batch lines read: markdown, html, text (None: sniffed)
    config_path: str | None = None
    sources: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.command not in COMMANDS:
            raise UsageError(f"unknown command {self.command!r} (check or extract)")
        object.__setattr__(self, "as_of", as_date(self.as_of))
        object.__setattr__(self, "refs", tuple(self.refs))
        object.__setattr__(self, "ignore", tuple(self.ignore))
        object.__setattr__(self, "exclude", tuple(self.exclude))
        object.__setattr__(self, "tolerances", dict(self.tolerances or {}))
        if self.input_format not in (None, "auto", "text", "markdown", "html"):
            raise UsageError(f"unknown input format {self.input_format!r} (auto, text, markdown or html)")

    @property
    def doc_lang(self) -> str | None:
        """The language documents are read as (``None``: detect each one)."""
        return None if self.lang == "auto" else self.lang

    def source(self, key: str) -> str:
        """Where the value of ``key`` came from: ``default``, a configuration file, or ``command line``."""
        return self.sources.get(key, DEFAULT)

    def rows(self) -> list[tuple[str, Any, str]]:
        """(key, value, source) of every configuration key, for ``claimcheck config show``."""
        return [(k, getattr(self, k), self.source(k)) for k in KEYS]

    @classmethod
    def discover(cls, paths: Iterable[str] | None = None, config_file: str | None = None, cwd: Path | None = None,
                 **overrides: Any) -> Options:
        """The options for checking ``paths``: the configuration found for them, then ``overrides`` on top.

        ``config_file`` names the file instead of searching. An override of None means "not given"; ``refs``
        and ``exclude`` extend the configured values (as ``--refs`` and ``--exclude`` do) rather than replacing
        them. Values are validated as the configuration's are; a bad one is a :class:`UsageError` naming the
        file, or ``command line``.
        """
        unknown = sorted(set(overrides) - set(KEYS) - set(RUN_KEYS))
        if unknown:
            raise TypeError(f"Options.discover() got unknown option(s) {', '.join(unknown)}")
        path, values, sources = _load(list(paths or []), config_file=config_file, cwd=cwd)
        for k, v in overrides.items():
            if v is None:
                continue
            if k in ("refs", "exclude"):
                extra = _validate(k, v, base=None, where=COMMAND_LINE)
                if not extra:
                    continue
                src = sources.get(k)
                values[k] = values.get(k, ()) + extra
                sources[k] = f"{src} + {COMMAND_LINE}" if src else COMMAND_LINE
                continue
            values[k] = _validate(k, v, base=None, where=COMMAND_LINE) if k in KEYS else v
            sources[k] = COMMAND_LINE
        return cls(config_path=path, sources=sources, **values)


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


def _load(paths: list[str], *, config_file: str | None, cwd: Path | None
          ) -> tuple[str | None, dict[str, Any], dict[str, str]]:
    """(the file read, its validated values, their sources) for ``paths`` or the explicit ``config_file``."""
    if config_file:
        found: Path | None = Path(config_file)
        if not found.is_file():
            raise UsageError("configuration file not found", path=config_file)
    else:
        here = cwd or Path.cwd()
        starts = [(here / p) for p in paths if p not in ("-",) and not any(ch in p for ch in "*?[")]
        starts.append(here)
        found = find_config(starts)
    if found is None:
        return None, {}, {}
    data = _read_toml(found)
    table = _tool_table(data)
    if table is None:
        if found.name == "pyproject.toml":
            return str(found), {}, {}
        table = data
    return (str(found), *_from_table(table, path=found))


def _from_table(table: dict[str, Any], *, path: Path) -> tuple[dict[str, Any], dict[str, str]]:
    unknown = sorted(set(table) - set(KEYS) - {k.replace("_", "-") for k in KEYS})
    if unknown:
        raise UsageError(f"unknown configuration key(s) {', '.join(unknown)} (known: {', '.join(KEYS)})",
                         path=str(path))
    where = str(path)
    values: dict[str, Any] = {}
    for k in KEYS:
        raw = table.get(k, table.get(k.replace("_", "-")))
        if raw is not None:
            values[k] = _validate(k, raw, base=path.parent, where=where)
    return values, {k: where for k in values}


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a file to read: `import claimcheck` stays light

    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"not valid TOML: {e}", path=str(path)) from None
    except UnicodeDecodeError as e:
        raise UsageError(f"not valid TOML: invalid UTF-8 at byte offset {e.start}", path=str(path)) from None
    except RecursionError:
        raise UsageError("not valid TOML: arrays or tables nested too deeply", path=str(path)) from None
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
    if isinstance(raw, tuple):
        raw = list(raw)
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise UsageError(f"{key} must be a string or a list of strings", path=where)
    return tuple(raw)


def _validate(key: str, raw: Any, *, base: Path | None, where: str) -> Any:
    if key == "fail_on":
        try:
            return parse_fail_on(raw if isinstance(raw, (str, list, tuple)) else [raw])
        except UsageError as e:
            raise UsageError(e.message, path=where) from None
    if key in ("refs", "ignore", "exclude"):
        items = _strings(key, raw, where)
        if key == "refs" and base is not None:
            items = tuple(str((base / p)) if not Path(p).is_absolute() else p for p in items)
        return items
    if key == "tolerances":
        if not isinstance(raw, Mapping):
            raise UsageError("tolerances must be a table of kind = number (e.g. quantity = 0.02)", path=where)
        out = {}
        for k, v in raw.items():
            if k not in TOLERANCE_KINDS:
                raise UsageError(f"tolerances.{k}: not a claim kind that has a tolerance "
                                 f"(choose from {', '.join(TOLERANCE_KINDS)})", path=where)
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 1:
                raise UsageError(f"tolerances.{k} must be a number between 0 and 1", path=where)
            out[str(k)] = float(v)
        return out
    if key == "min_confidence":
        if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not 0 <= raw <= 1:
            raise UsageError("min_confidence must be a number between 0 and 1", path=where)
        return float(raw)
    if key == "lang":
        if raw not in ("hi", "en", "auto"):
            raise UsageError(f"lang must be hi, en or auto, not {raw!r}", path=where)
        return raw
    if key in ("region", "baseline"):
        if not isinstance(raw, str) or not raw:
            raise UsageError(f"{key} must be a non-empty string", path=where)
        if key == "region" and raw not in _region_codes():
            raise UsageError(f"region {raw!r} is not a region code of claimcheck/data/regions.toml (e.g. IN-UP)",
                             path=where)
        if key == "baseline" and base is not None and not Path(raw).is_absolute():
            return str(base / raw)
        return raw
    raise UsageError(f"unknown configuration key {key!r}", path=where)
