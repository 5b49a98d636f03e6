"""What claimcheck builds from its own data on first use, kept between runs in the user's cache directory.

A run's first document used to cost ~190 ms of building before any checking: compiling the finders' patterns
(long alternations from the lexicons, which the ``regex`` module parses in Python: ~90 ms), parsing the TOML
lexicons (~23 ms), reading and indexing the reference tables (~22 ms), building the title vocabulary (~11 ms).
That is most of a one-article run's start-up and the serial part of a ``--jobs`` batch. Two stores keep it:

- :func:`compile` is ``regex.compile`` backed by a file of compiled patterns. A compiled ``regex`` pattern pickles
  as its compiled program (``regex``'s own pickling support) and is rebuilt from it in microseconds. Entries are
  keyed by pattern text and flags, so they are never stale: a changed pattern is simply compiled again. Once the
  file holds more than :data:`MAX_PATTERNS`, it is rewritten with just the patterns in use; the files of older
  ``regex`` versions go as those of older installations do (below).
- :func:`kept` wraps a builder whose result depends only on claimcheck's own files (code, lexicons, shipped
  tables). Its results are stored in a file whose name carries a stamp of every one of those files (path, size,
  modification time): any change to the installation gives a new file (the files of the last
  :data:`KEEP_INSTALLATIONS` installations are kept, older ones removed).

:func:`save` writes what is new (nothing, and almost no time, when nothing is); the library's entry points call it
after each document.

- **Where.** ``$CLAIMCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/claimcheck``, else ``~/.cache/claimcheck``.
  ``CLAIMCHECK_CACHE_DIR=`` (empty) turns the cache off: nothing is read or written.
- **Safely.** File names carry the Python (and ``regex``) version. A file is read only if it is a regular file
  owned by this user that no one else may write (it is unpickled); it is written to a temporary file that is then
  renamed over it, so a reader sees a whole file or none. Any failure to read or write is ignored: the cache saves
  time, it never changes a result.
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

# ``regex`` and ``pickle`` are imported on first use: importing this module (as the package does) costs nothing.

# Past this many entries (patterns of older versions of the lexicons), the file keeps only the patterns in use.
MAX_PATTERNS = 2000
# Results of this many installations (this one included) are kept side by side.
KEEP_INSTALLATIONS = 3
_PY = f"py{sys.version_info[0]}.{sys.version_info[1]}"

F = TypeVar("F", bound=Callable[..., Any])


class _Store:
    """One cache file: key -> pickled bytes; read once per process, rewritten whole when something was added."""

    def __init__(self, file_name: Callable[[], str | None], max_entries: int | None = None,
                 sweep: str | None = None) -> None:
        self._file_name = file_name  # None: no file (the cache is off or the stamp cannot be taken)
        self._max = max_entries
        self._sweep = sweep  # a glob of the files of other installations (see _sweep)
        self.forget()

    def forget(self) -> None:
        self._entries: dict[Any, bytes] | None = None
        self._new: dict[Any, bytes] = {}
        self._used: set[Any] = set()

    def path(self) -> str | None:
        where, name = directory(), self._file_name()
        return None if where is None or name is None else os.path.join(where, name)

    def get(self, key: Any) -> bytes | None:
        if self._entries is None:
            self._entries = _read(self.path())
        self._used.add(key)
        return self._entries.get(key)

    def put(self, key: Any, value: Any) -> None:
        """Remember ``value`` pickled (if this process has a file to write it to and it pickles)."""
        import pickle

        if self.path() is None:
            return
        try:
            self._new[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - a value that does not pickle is built again in every process
            self._new.pop(key, None)

    def save(self) -> None:
        if not self._new:
            return
        entries = dict(self._entries if self._entries is not None else _read(self.path()))
        entries.update(self._new)
        self._new = {}
        if self._max is not None and len(entries) > self._max:
            entries = {k: v for k, v in entries.items() if k in self._used}
        self._entries = entries
        path = self.path()
        if path is not None and _write(path, entries) and self._sweep:
            _sweep(path, self._sweep)


def _pattern_file() -> str:
    import regex

    return f"patterns-regex{getattr(regex, '__version__', 'unknown')}-{_PY}.pickle"


def _kept_file() -> str | None:
    stamp = _stamp()
    return None if stamp is None else f"built-{stamp}-{_PY}.pickle"


_patterns = _Store(_pattern_file, max_entries=MAX_PATTERNS, sweep=f"patterns-*-{_PY}.pickle")
_kept = _Store(_kept_file, sweep=f"built-*-{_PY}.pickle")
# the patterns this process has built (a finder that compiles per call gets the same object back, as from regex)
_built: dict[tuple[str, int], regex.Pattern] = {}


def compile(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, rebuilt from the cache when a previous process compiled it."""
    key = (pattern, int(flags))
    built = _built.get(key)
    if built is None:
        built = _built[key] = _compile(key)
    return built


def _compile(key: tuple[str, int]) -> regex.Pattern:
    import regex

    blob = _patterns.get(key)
    if blob is not None:
        compiled = _unpickle(blob)
        if isinstance(compiled, regex.Pattern) and compiled.pattern == key[0]:
            return compiled
    compiled = regex.compile(*key)
    _patterns.put(key, compiled)
    return compiled


class LazyPatterns(dict):
    """Patterns by name, each compiled (with :func:`compile`) when first used: ``sources`` maps every name to its
    (pattern, flags). For a finder's rarer patterns, which most texts never need; once compiled, a pattern is an
    ordinary dict entry, so using it costs nothing extra."""

    def __init__(self, sources: dict[str, tuple[str, int]]) -> None:
        super().__init__()
        self.sources = sources

    def __missing__(self, name: str) -> regex.Pattern:
        p = self[name] = compile(*self.sources[name])
        return p


def kept(builder: F) -> F:
    """Decorate a builder (positional, hashable arguments) whose result depends only on claimcheck's own files.

    The result is read from the cache when this installation stored it before, else built and stored. Put
    ``functools.cache`` above it: this only saves the building, it does not hold the result.
    """
    name = f"{builder.__module__}.{builder.__qualname__}"

    @functools.wraps(builder)
    def wrapper(*args: Any) -> Any:
        key = (name, args)
        blob = _kept.get(key)
        if blob is not None:
            value = _unpickle(blob)
            if value is not _DAMAGED:
                return value
        value = builder(*args)
        _kept.put(key, value)
        return value

    return wrapper  # type: ignore[return-value]


def save() -> None:
    """Write what this process built since the last save (if anything) to the cache files."""
    _patterns.save()
    _kept.save()


def reload() -> None:
    """Forget what this process read from the cache and built through it, as a new process starts: the next use
    reads the cache directory afresh (after ``CLAIMCHECK_CACHE_DIR`` changed, or another process filled it).
    Objects already handed out stay valid."""
    _patterns.forget()
    _kept.forget()
    _built.clear()
    _stamp.cache_clear()


# ------------------------------------------------------------------------------------------------------------ files

_DAMAGED = object()


def _unpickle(blob: bytes) -> Any:
    import pickle

    try:
        return pickle.loads(blob)
    except Exception:  # noqa: BLE001 - a damaged entry: build it again
        return _DAMAGED


def directory() -> str | None:
    where = os.environ.get("CLAIMCHECK_CACHE_DIR")
    if where is not None:
        return where or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "claimcheck") if os.path.isabs(base) else None


@functools.cache
def _stamp() -> str | None:
    """A digest of every file of the installed package and its shipped tables: path, size, modification time."""
    import hashlib

    roots = [os.path.dirname(os.path.abspath(__file__))]
    try:
        from claimcheck import reference_data
    except ImportError:  # a source checkout run in place has no such package (nor shipped tables to keep)
        pass
    else:
        roots.append(os.path.dirname(os.path.abspath(reference_data.__file__)))
    digest = hashlib.sha256()
    try:
        for root in roots:
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                for f in sorted(filenames):
                    st = os.stat(os.path.join(dirpath, f))
                    digest.update(f"{os.path.relpath(os.path.join(dirpath, f), root)}\0{st.st_size}\0"
                                  f"{st.st_mtime_ns}\n".encode())
    except (OSError, TypeError, ValueError):  # e.g. a zipped installation: no stamp, no kept results
        return None
    return digest.hexdigest()[:20]


def _read(path: str | None) -> dict[Any, bytes]:
    """The entries of a cache file; empty when there is none, it is damaged, or it is not safe to unpickle."""
    if path is None:
        return {}
    import pickle

    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
            if not stat.S_ISREG(st.st_mode) or not mine or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return {}
            entries = pickle.load(f)
    except Exception:  # noqa: BLE001 - missing, unreadable or damaged: start afresh (the next save replaces it)
        return {}
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if isinstance(k, tuple) and len(k) == 2 and isinstance(v, bytes)}


def _write(path: str, entries: dict[Any, bytes]) -> bool:
    import pickle
    import tempfile

    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".cache-", dir=os.path.dirname(path))
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(entries, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:  # read-only or full disk, no home directory: run without the cache
        return False
    return True


def _sweep(keep: str, pattern: str) -> None:
    """Remove the files ``pattern`` matches beside ``keep`` (results of other installations), all but the
    :data:`KEEP_INSTALLATIONS` most recently written: two virtual environments used in turn do not evict each
    other, and an edited checkout does not fill the disk."""
    import glob

    others = []
    for other in glob.glob(os.path.join(os.path.dirname(keep), pattern)):
        if other != keep:
            try:
                others.append((os.stat(other).st_mtime_ns, other))
            except OSError:
                continue
    for _, old in sorted(others, reverse=True)[KEEP_INSTALLATIONS - 1:]:
        try:
            os.unlink(old)
        except OSError:
            pass
