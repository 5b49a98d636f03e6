"""What claimcheck keeps between runs (parsed lexicons, as plain JSON) and how it compiles its patterns.

- :func:`compile` is ``regex.compile``: patterns are compiled in this process, never read back from disk (a
  compiled program from a file can be altered to match differently or to crash the interpreter).
- :func:`kept` wraps a builder whose result is plain data (a dict of lists, strings, numbers, booleans, None) and
  depends only on claimcheck's data files. The result is kept in a JSON file in the user's cache directory, so the
  next process reads it instead of building it again (parsing the TOML lexicons is ~10 % of a one-article run;
  reading their JSON costs a tenth of that). Nothing else is kept: no code, no compiled pattern, no pickle.

The file's name carries a key made of claimcheck's version, the Python version (whose ``tomllib`` built the data)
and a SHA-256 of the *contents* of every data file (lexicons and shipped tables): an edited file, however its size
or modification time came out, gives a new key. The key is also written inside the file and checked.

- **Where.** ``$CLAIMCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/claimcheck``, else ``~/.cache/claimcheck``.
  ``CLAIMCHECK_CACHE_DIR=`` (empty) turns the cache off: nothing is read or written.
- **Never trusted.** A file is read only if it is a regular file (opened without blocking, so a FIFO or a device
  cannot hang a run), owned by this user, writable by no one else, and small. It must be JSON of the expected
  shape with this installation's key, and each entry carries a SHA-256 of its value: anything else (damaged,
  foreign, of the wrong type, unreadable) is ignored and the result built again. Writes go to a temporary file
  renamed over the old one; a failure to read or write only costs the time the cache would have saved.
"""

from __future__ import annotations

import functools
import os
import stat
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import regex

# Results of this many installations (this one included) are kept side by side.
KEEP_INSTALLATIONS = 3
# A cache file larger than this is not read (the lexicons take ~0.1 MB).
MAX_BYTES = 16 << 20
_FORMAT = 1

F = TypeVar("F", bound=Callable[..., Any])


def compile(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)`` (``regex`` is imported on first use, so importing this module is free)."""
    import regex

    return regex.compile(pattern, flags)


class LazyPatterns(dict):
    """Patterns by name, each compiled when first used: ``sources`` maps every name to its (pattern, flags). For a
    finder's rarer patterns, which most texts never need; once compiled, a pattern is an ordinary dict entry."""

    def __init__(self, sources: dict[str, tuple[str, int]]) -> None:
        super().__init__()
        self.sources = sources

    def __missing__(self, name: str) -> regex.Pattern:
        p = self[name] = compile(*self.sources[name])
        return p


# ------------------------------------------------------------------------------------------------- kept results

_entries: dict[str, Any] | None = None  # what the file held (entry name -> {"digest", "value"}), read once
_new: dict[str, Any] = {}  # entries built by this process and not yet written


def kept(builder: F) -> F:
    """Decorate a builder (positional arguments that JSON can write) returning a dict of plain data that depends
    only on claimcheck's data files. A kept result read back is used only if it is a dict whose digest matches;
    a result that JSON would not give back equal (a tuple, a set, a date inside) is never kept. Put ``functools.cache`` above it: this saves the building, it
    does not hold the result."""
    import json

    name = f"{builder.__module__}.{builder.__qualname__}"

    @functools.wraps(builder)
    def wrapper(*args: Any) -> Any:
        try:
            key = json.dumps([name, list(args)], ensure_ascii=False)
        except (TypeError, ValueError):
            return builder(*args)
        found = _lookup(key)
        if found is not _MISSING:
            return found
        value = builder(*args)
        _remember(key, value)
        return value

    return wrapper  # type: ignore[return-value]


def save() -> None:
    """Write what this process built since the last save (if anything) to the cache file; costs nothing otherwise."""
    global _entries
    if not _new:
        return
    path = _path()
    if path is None:
        _new.clear()
        return
    entries = dict(_entries if _entries is not None else _read(path))
    entries.update(_new)
    _new.clear()
    _entries = entries
    if _write(path, {"format": _FORMAT, "key": _key(), "entries": entries}):
        _sweep(path)


def reload() -> None:
    """Forget what this process read from the cache, as a new process starts: the next use reads the cache directory
    afresh (after ``CLAIMCHECK_CACHE_DIR`` changed, or another process filled it)."""
    global _entries
    _entries = None
    _new.clear()
    _key.cache_clear()


_MISSING = object()


def _digest(value: Any) -> str:
    import hashlib
    import json

    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _lookup(key: str) -> Any:
    global _entries
    if _entries is None:
        _entries = _read(_path())
    entry = _entries.get(key)
    if not isinstance(entry, dict) or not isinstance(entry.get("digest"), str) or "value" not in entry:
        return _MISSING
    value = entry["value"]
    if type(value) is not dict:  # what every kept builder returns
        return _MISSING
    try:
        if _digest(value) != entry["digest"]:
            return _MISSING
    except (TypeError, ValueError, RecursionError):
        return _MISSING
    return value


def _remember(key: str, value: Any) -> None:
    """Keep ``value`` for the next save if JSON gives it back equal (a tuple, a set or a date would not)."""
    import json

    if _path() is None or type(value) is not dict:
        return
    try:
        if json.loads(json.dumps(value, ensure_ascii=False)) != value:
            return
        _new[key] = {"digest": _digest(value), "value": value}
    except (TypeError, ValueError, RecursionError):
        return


# ------------------------------------------------------------------------------------------------------------ files

def directory() -> str | None:
    where = os.environ.get("CLAIMCHECK_CACHE_DIR")
    if where is not None:
        return where or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "claimcheck") if os.path.isabs(base) else None


def _path() -> str | None:
    where, key = directory(), _key()
    return None if where is None or key is None else os.path.join(where, f"built-{key[:24]}.json")


@functools.cache
def _key() -> str | None:
    """claimcheck's version, the Python version and a SHA-256 of the contents of every data file (path and bytes)."""
    import hashlib

    from claimcheck.model import __version__

    roots = [os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")]
    try:
        from claimcheck import reference_data
    except ImportError:  # a source checkout run in place has no such package (nor shipped tables)
        pass
    else:
        roots.append(os.path.dirname(os.path.abspath(reference_data.__file__)))
    digest = hashlib.sha256(f"claimcheck {__version__}\0python {sys.version}\0format {_FORMAT}\n".encode())
    try:
        for root in roots:
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                for f in sorted(filenames):
                    with open(os.path.join(dirpath, f), "rb") as fh:
                        body = fh.read()
                    rel = os.path.relpath(os.path.join(dirpath, f), root)
                    digest.update(f"{rel}\0{len(body)}\0".encode() + hashlib.sha256(body).digest())
    except (OSError, TypeError, ValueError):  # e.g. a zipped installation: no key, nothing kept
        return None
    return digest.hexdigest()


def _read(path: str | None) -> dict[str, Any]:
    """The entries of the cache file; empty when there is none or it is not a safe, whole file of this installation."""
    import json

    if path is None:
        return {}
    try:
        # O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer; it is then refused below
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return {}
    try:
        st = os.fstat(fd)
        mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
        if (not stat.S_ISREG(st.st_mode) or not mine or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
                or st.st_size > MAX_BYTES):
            return {}
        with os.fdopen(fd, "rb") as f:
            fd = -1
            data = json.loads(f.read(MAX_BYTES + 1))
    except (OSError, ValueError, RecursionError):  # unreadable, damaged, not UTF-8 or not JSON: start afresh
        return {}
    finally:
        if fd >= 0:
            os.close(fd)
    if (not isinstance(data, dict) or data.get("format") != _FORMAT or data.get("key") != _key()
            or not isinstance(data.get("entries"), dict)):
        return {}
    return data["entries"]


def _write(path: str, data: dict[str, Any]) -> bool:
    import json
    import tempfile

    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".cache-", suffix=".json", dir=os.path.dirname(path))
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, TypeError, ValueError):  # read-only or full disk, no home directory: run without the cache
        return False
    return True


def _sweep(keep: str) -> None:
    """Remove the cache files of other installations beside ``keep``, all but the :data:`KEEP_INSTALLATIONS` most
    recently written: two virtual environments used in turn do not evict each other, and an edited checkout does
    not fill the disk."""
    import glob

    others = []
    for other in glob.glob(os.path.join(os.path.dirname(keep), "built-*.json")):
        if other != keep:
            try:
                others.append((os.lstat(other).st_mtime_ns, other))
            except OSError:
                continue
    for _, old in sorted(others, reverse=True)[KEEP_INSTALLATIONS - 1:]:
        try:
            os.unlink(old)
        except OSError:
            pass
