"""The cache of what claimcheck builds on first use: patterns and built lexicons and tables come back unchanged,
a changed installation is never served an old result, and a bad or foreign file is never used."""

from __future__ import annotations

import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from claimcheck import cache

REPO = Path(__file__).resolve().parents[1]
PATTERN = r"(?<![\p{L}\p{M}])(?:लाख|करोड़|crore)(?![\p{L}\p{M}])"


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """The module as a new process sees it, with its cache in ``tmp_path / "cache"``."""
    cache.reload()
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    yield tmp_path / "cache"
    cache.reload()  # what this test read or built stays out of the tests after it


def _new_process(monkeypatch) -> list[str]:
    """Forget what this process built (as a new process would) and record every real compile from now on."""
    cache.reload()
    compiled: list[str] = []
    real = regex.compile

    def spy(pattern, flags=0, *args, **kwargs):
        compiled.append(pattern)
        return real(pattern, flags, *args, **kwargs)

    monkeypatch.setattr(regex, "compile", spy)
    return compiled


def _the_file(where: Path, prefix: str = "patterns") -> Path:
    files = list(where.glob(f"{prefix}-*.pickle"))
    assert len(files) == 1, files
    return files[0]


def test_a_saved_pattern_comes_back_without_compiling_and_matches_the_same(fresh, monkeypatch):
    first = cache.compile(PATTERN, regex.IGNORECASE)
    assert cache.compile(PATTERN, regex.IGNORECASE) is first  # one object per process, as from regex
    cache.save()
    path = _the_file(fresh)
    assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0
    compiled = _new_process(monkeypatch)
    again = cache.compile(PATTERN, regex.IGNORECASE)
    assert compiled == []
    assert (again.pattern, again.flags, again.groups) == (first.pattern, first.flags, first.groups)
    text = "96 लाख इकाइयाँ, 2 CRORE rupees, लाखों नहीं"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in first.finditer(text)] != []


def test_other_flags_or_a_changed_pattern_are_compiled_and_kept_too(fresh, monkeypatch):
    cache.compile(PATTERN)
    cache.save()
    compiled = _new_process(monkeypatch)
    cache.compile(PATTERN, regex.IGNORECASE)
    cache.compile(PATTERN + "|अरब")
    assert compiled == [PATTERN, PATTERN + "|अरब"]
    cache.save()
    compiled = _new_process(monkeypatch)
    for p, f in ((PATTERN, 0), (PATTERN, regex.IGNORECASE), (PATTERN + "|अरब", 0)):
        cache.compile(p, f)
    assert compiled == []


def test_save_without_new_patterns_writes_nothing(fresh):
    cache.save()
    assert not fresh.exists()
    cache.compile(PATTERN)
    cache.save()
    path = _the_file(fresh)
    stamp = path.stat().st_mtime_ns
    cache.compile(PATTERN)
    cache.save()
    assert path.stat().st_mtime_ns == stamp


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps(["a", "list"]),
                                    pickle.dumps({(PATTERN, 0): b"garbage"}), pickle.dumps({"bad key": b"x"})])
def test_a_damaged_file_is_ignored_and_replaced(fresh, monkeypatch, damage):
    cache.compile(PATTERN)
    cache.save()
    path = _the_file(fresh)
    path.write_bytes(damage)
    compiled = _new_process(monkeypatch)
    p = cache.compile(PATTERN)
    assert compiled == [PATTERN] and p.search("5 लाख")
    cache.save()
    compiled = _new_process(monkeypatch)
    cache.compile(PATTERN)
    assert compiled == []


def test_a_file_others_may_write_is_not_read(fresh, monkeypatch):
    cache.compile(PATTERN)
    cache.save()
    path = _the_file(fresh)
    os.chmod(path, 0o666)
    compiled = _new_process(monkeypatch)
    cache.compile(PATTERN)
    assert compiled == [PATTERN]


def test_an_empty_setting_turns_the_cache_off(fresh, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", "")
    assert cache.compile(PATTERN).search("2 लाख")
    cache.save()
    assert not fresh.exists()


def test_an_unwritable_place_only_costs_the_cache(fresh, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(blocker / "cache"))  # a directory under a file: cannot exist
    assert cache.compile(PATTERN).search("2 लाख")
    cache.save()  # no exception
    assert blocker.read_text() == "x"


def test_the_default_place_is_the_xdg_cache_directory(monkeypatch, tmp_path):
    monkeypatch.delenv("CLAIMCHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.directory() == str(tmp_path / "xdg" / "claimcheck")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.directory() == str(tmp_path / "home" / ".cache" / "claimcheck")


def test_patterns_of_older_lexicons_are_dropped_once_the_file_is_full(fresh, monkeypatch):
    for k in range(5):
        cache.compile(f"old{k}")
    cache.save()
    _new_process(monkeypatch)
    monkeypatch.setattr(cache._patterns, "_max", 4)
    cache.compile("old0")
    cache.compile("new")
    cache.save()
    with open(_the_file(fresh), "rb") as f:
        assert sorted(pattern for pattern, _ in pickle.load(f)) == ["new", "old0"]


def test_the_cli_gives_the_same_output_from_a_cold_and_a_warm_cache(tmp_path):
    example = sorted((REPO / "examples").glob("*.txt"))[0]
    env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "claimcheck", "check", "--format", "jsonl", "--as-of", "2024-08-30", str(example)]
    cold = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tmp_path)  # the installed package
    assert len(list((tmp_path / "cache").glob("patterns-*.pickle"))) == 1
    warm = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tmp_path)
    assert cold.returncode == warm.returncode and cold.stderr == warm.stderr == ""
    assert cold.stdout == warm.stdout and '"verdict"' in cold.stdout


# ------------------------------------------------------------------------------------------- results of builders

CALLS: list[tuple] = []


@cache.kept
def _table(n: int) -> dict:
    CALLS.append((n,))
    return {"n": n, "pattern": regex.compile(PATTERN), "rows": list(range(n))}


@cache.kept
def _unpicklable() -> object:
    CALLS.append(("lambda",))
    return lambda: 1


def test_a_kept_result_is_built_once_per_installation(fresh, monkeypatch):
    CALLS.clear()
    first = _table(3)
    cache.save()
    _the_file(fresh, "built")
    cache.reload()
    again = _table(3)
    assert CALLS == [(3,)]  # the second "process" read it
    assert again["rows"] == first["rows"] and again["pattern"].search("2 लाख")
    _table(4)  # other arguments: built and added
    assert CALLS == [(3,), (4,)]


def test_a_changed_installation_builds_afresh_and_only_the_last_three_are_kept(fresh, monkeypatch):
    CALLS.clear()
    _table(2)
    cache.save()
    first = _the_file(fresh, "built")
    os.utime(first, (1_000_000, 1_000_000))  # written long ago (explicit times: some filesystems keep seconds only)
    names = [first.name]
    for k in range(3):
        cache.reload()
        with monkeypatch.context() as m:
            m.setattr(cache, "_stamp", lambda: f"installation{k}")
            _table(2)
            cache.save()
            names.append(f"built-installation{k}-{cache._PY}.pickle")
            os.utime(fresh / names[-1], (1_000_000 + 10 * (k + 1),) * 2)
            cache._kept.forget()
    assert CALLS == [(2,)] * 4  # each installation built its own
    assert sorted(p.name for p in fresh.glob("built-*.pickle")) == sorted(names[1:])  # the oldest went


def test_the_stamp_follows_every_file_of_the_installation(monkeypatch, tmp_path):
    from claimcheck.find import lexicon

    before = cache._stamp()
    assert before is not None
    data = Path(lexicon.__file__).parent.parent / "data" / "numbers.toml"
    st = data.stat()
    try:
        os.utime(data, ns=(st.st_atime_ns, st.st_mtime_ns + 1))
        cache._stamp.cache_clear()
        assert cache._stamp() not in (None, before)
    finally:
        os.utime(data, ns=(st.st_atime_ns, st.st_mtime_ns))
        cache._stamp.cache_clear()
    assert cache._stamp() == before


def test_without_the_tables_package_the_stamp_covers_the_code(monkeypatch):
    """A source checkout imported in place (python -c from the repository root) has no claimcheck.reference_data."""
    cache._stamp.cache_clear()
    monkeypatch.setitem(sys.modules, "claimcheck.reference_data", None)  # makes the import fail
    try:
        assert cache._stamp() not in (None, "")
    finally:
        cache._stamp.cache_clear()


def test_a_result_that_does_not_pickle_is_built_in_every_process(fresh):
    CALLS.clear()
    assert _unpicklable()() == 1
    cache.save()
    cache.reload()
    assert _unpicklable()() == 1
    assert CALLS == [("lambda",), ("lambda",)]


def test_the_shipped_lexicons_and_tables_come_back_equal(fresh):
    from claimcheck.find import lexicon
    import claimcheck.reference as reference

    built = {name: lexicon.load.__wrapped__(name) for name in ("numbers", "titles", "regions")}
    refs = reference._shipped.__wrapped__()
    cache.save()
    cache.reload()
    assert {name: lexicon.load.__wrapped__(name) for name in built} == built
    again = reference._shipped.__wrapped__()
    assert again is not refs
    assert again.tenures_for_position("in-up.chief-secretary") == refs.tenures_for_position("in-up.chief-secretary")


@pytest.mark.parametrize("setting", ["SOMEWHERE", ""])
def test_config_show_says_where_the_cache_is(tmp_path, setting):
    where = str(tmp_path / "c") if setting else ""
    env = {**os.environ, "CLAIMCHECK_CACHE_DIR": where}
    p = subprocess.run([sys.executable, "-m", "claimcheck", "config", "show"], env=env, capture_output=True,
                       text=True, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[1] == (f"# cache of built patterns, lexicons and tables: {where or '(off)'} "
                                         "(CLAIMCHECK_CACHE_DIR; empty turns it off)")
