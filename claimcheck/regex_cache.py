"""Compiled regular expressions, kept between runs in the user's cache directory.

The finders' patterns are long alternations built from the lexicons, and the ``regex`` module parses a pattern in
Python: compiling them all is about 90 ms, half of what the first document costs and the largest part of the
start-up of a one-article run. A compiled ``regex`` pattern pickles as its compiled program (``regex``'s own
pickling support), and rebuilding it from that takes microseconds. So :func:`compile` remembers every pattern it
compiles, :func:`save` writes them to one file, and the next process builds its patterns from that file.

- **Never stale.** Entries are keyed by the pattern text and flags, so a changed lexicon or pattern is compiled
  afresh; old entries only take room (the file is rewritten with just the patterns in use once it holds more than
  :data:`MAX_ENTRIES`). The file name carries the ``regex`` and Python versions, whose compiled form it holds.
- **Where.** ``$CLAIMCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/claimcheck``, else ``~/.cache/claimcheck``.
  ``CLAIMCHECK_CACHE_DIR=`` (empty) turns the cache off: nothing is read or written.
- **Safely.** The file is read only if it is a regular file owned by this user that no one else may write (it is
  unpickled); it is written to a temporary file that is then renamed over it, so a reader sees a whole file or
  none. Any failure to read or write it is ignored: the cache saves time, it never changes a result.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

# ``regex`` and ``pickle`` are imported on first use: importing this module (as the package does) costs nothing.

# Past this many entries (patterns of older versions of the lexicons), the file keeps only the patterns in use.
MAX_ENTRIES = 2000

# (pattern, flags) -> pickled compiled pattern, as read from the file (None: not read yet)
_stored: dict[tuple[str, int], bytes] | None = None
_used: set[tuple[str, int]] = set()
_new: dict[tuple[str, int], bytes] = {}
# the patterns this process has built (a finder that compiles per call gets the same object back, as from regex)
_built: dict[tuple[str, int], regex.Pattern] = {}


def compile(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, built from the cache when a previous process compiled it."""
    key = (pattern, int(flags))
    built = _built.get(key)
    if built is not None:
        return built
    _built[key] = built = _build(key)
    return built


def _build(key: tuple[str, int]) -> regex.Pattern:
    import pickle

    import regex

    pattern, flags = key
    stored = _load() if _stored is None else _stored
    _used.add(key)
    blob = stored.get(key)
    if blob is not None:
        try:
            compiled = pickle.loads(blob)
        except Exception:  # noqa: BLE001 - a damaged entry: compile it again
            compiled = None
        if isinstance(compiled, regex.Pattern) and compiled.pattern == pattern:
            return compiled
    compiled = regex.compile(pattern, flags)
    if _directory() is not None:
        _new[key] = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
    return compiled


def save() -> None:
    """Write the patterns compiled since the last save (if any) to the cache file; cheap when there are none."""
    global _stored
    if not _new:
        return
    import pickle
    import tempfile

    path = _path()
    entries = dict(_load() if _stored is None else _stored)
    entries.update(_new)
    _new.clear()
    if len(entries) > MAX_ENTRIES:
        entries = {k: v for k, v in entries.items() if k in _used}
    _stored = entries
    if path is None:
        return
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".patterns-", dir=os.path.dirname(path))
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(entries, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:  # read-only or full disk, no home directory: run without the cache
        pass


def _directory() -> str | None:
    where = os.environ.get("CLAIMCHECK_CACHE_DIR")
    if where is not None:
        return where or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "claimcheck") if os.path.isabs(base) else None


def _path() -> str | None:
    import regex

    where = _directory()
    if where is None:
        return None
    version = getattr(regex, "__version__", "unknown")
    return os.path.join(where, f"patterns-regex{version}-py{sys.version_info[0]}.{sys.version_info[1]}.pickle")


def _load() -> dict[tuple[str, int], bytes]:
    """The stored entries (read once per process); empty when there is no usable file."""
    global _stored
    _stored = {}
    path = _path()
    if path is None:
        return _stored
    import pickle

    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
            if not stat.S_ISREG(st.st_mode) or not mine or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return _stored
            entries = pickle.load(f)
    except Exception:  # noqa: BLE001 - missing, unreadable or damaged: start afresh (the next save replaces it)
        return _stored
    if isinstance(entries, dict):
        _stored = {k: v for k, v in entries.items()
                   if isinstance(k, tuple) and len(k) == 2 and isinstance(v, bytes)}
    return _stored
