"""The compiled-pattern cache: patterns come back from it unchanged, and a bad or foreign file is never used."""

from __future__ import annotations

import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from claimcheck import regex_cache

REPO = Path(__file__).resolve().parents[1]
PATTERN = r"(?<![\p{L}\p{M}])(?:लाख|करोड़|crore)(?![\p{L}\p{M}])"


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """The module as a new process sees it, with its cache in ``tmp_path / "cache"``; restored afterwards."""
    for name, value in (("_stored", None), ("_used", set()), ("_new", {}), ("_built", {})):
        monkeypatch.setattr(regex_cache, name, value)
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _new_process(monkeypatch) -> list[str]:
    """Forget what this process built (as a new process would) and record every real compile from now on."""
    for name, value in (("_stored", None), ("_used", set()), ("_new", {}), ("_built", {})):
        monkeypatch.setattr(regex_cache, name, value)
    compiled: list[str] = []
    real = regex.compile

    def spy(pattern, flags=0, *args, **kwargs):
        compiled.append(pattern)
        return real(pattern, flags, *args, **kwargs)

    monkeypatch.setattr(regex, "compile", spy)
    return compiled


def _the_file(where: Path) -> Path:
    files = list(where.glob("patterns-*.pickle"))
    assert len(files) == 1, files
    return files[0]


def test_a_saved_pattern_comes_back_without_compiling_and_matches_the_same(fresh, monkeypatch):
    first = regex_cache.compile(PATTERN, regex.IGNORECASE)
    assert regex_cache.compile(PATTERN, regex.IGNORECASE) is first  # one object per process, as from regex
    regex_cache.save()
    path = _the_file(fresh)
    assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0
    compiled = _new_process(monkeypatch)
    again = regex_cache.compile(PATTERN, regex.IGNORECASE)
    assert compiled == []
    assert (again.pattern, again.flags, again.groups) == (first.pattern, first.flags, first.groups)
    text = "96 लाख इकाइयाँ, 2 CRORE rupees, लाखों नहीं"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in first.finditer(text)] != []


def test_other_flags_or_a_changed_pattern_are_compiled_and_kept_too(fresh, monkeypatch):
    regex_cache.compile(PATTERN)
    regex_cache.save()
    compiled = _new_process(monkeypatch)
    regex_cache.compile(PATTERN, regex.IGNORECASE)
    regex_cache.compile(PATTERN + "|अरब")
    assert compiled == [PATTERN, PATTERN + "|अरब"]
    regex_cache.save()
    compiled = _new_process(monkeypatch)
    for p, f in ((PATTERN, 0), (PATTERN, regex.IGNORECASE), (PATTERN + "|अरब", 0)):
        regex_cache.compile(p, f)
    assert compiled == []


def test_save_without_new_patterns_writes_nothing(fresh):
    regex_cache.save()
    assert not fresh.exists()
    regex_cache.compile(PATTERN)
    regex_cache.save()
    path = _the_file(fresh)
    stamp = path.stat().st_mtime_ns
    regex_cache.compile(PATTERN)
    regex_cache.save()
    assert path.stat().st_mtime_ns == stamp


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps(["a", "list"]),
                                    pickle.dumps({(PATTERN, 0): b"garbage"}), pickle.dumps({"bad key": b"x"})])
def test_a_damaged_file_is_ignored_and_replaced(fresh, monkeypatch, damage):
    regex_cache.compile(PATTERN)
    regex_cache.save()
    path = _the_file(fresh)
    path.write_bytes(damage)
    compiled = _new_process(monkeypatch)
    p = regex_cache.compile(PATTERN)
    assert compiled == [PATTERN] and p.search("5 लाख")
    regex_cache.save()
    compiled = _new_process(monkeypatch)
    regex_cache.compile(PATTERN)
    assert compiled == []


def test_a_file_others_may_write_is_not_read(fresh, monkeypatch):
    regex_cache.compile(PATTERN)
    regex_cache.save()
    path = _the_file(fresh)
    os.chmod(path, 0o666)
    compiled = _new_process(monkeypatch)
    regex_cache.compile(PATTERN)
    assert compiled == [PATTERN]


def test_an_empty_setting_turns_the_cache_off(fresh, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", "")
    assert regex_cache.compile(PATTERN).search("2 लाख")
    regex_cache.save()
    assert not fresh.exists() and regex_cache._new == {}


def test_an_unwritable_place_only_costs_the_cache(fresh, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(blocker / "cache"))  # a directory under a file: cannot exist
    assert regex_cache.compile(PATTERN).search("2 लाख")
    regex_cache.save()  # no exception
    assert blocker.read_text() == "x"


def test_the_default_place_is_the_xdg_cache_directory(monkeypatch, tmp_path):
    monkeypatch.delenv("CLAIMCHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert regex_cache._directory() == str(tmp_path / "xdg" / "claimcheck")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert regex_cache._directory() == str(tmp_path / "home" / ".cache" / "claimcheck")


def test_patterns_of_older_lexicons_are_dropped_once_the_file_is_full(fresh, monkeypatch):
    for k in range(5):
        regex_cache.compile(f"old{k}")
    regex_cache.save()
    _new_process(monkeypatch)
    monkeypatch.setattr(regex_cache, "MAX_ENTRIES", 4)
    regex_cache.compile("old0")
    regex_cache.compile("new")
    regex_cache.save()
    with open(_the_file(fresh), "rb") as f:
        assert sorted(pattern for pattern, _ in pickle.load(f)) == ["new", "old0"]


def test_the_cli_gives_the_same_output_from_a_cold_and_a_warm_cache(tmp_path):
    example = sorted((REPO / "examples").glob("*.txt"))[0]
    env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "claimcheck", "check", "--format", "jsonl", "--as-of", "2024-08-30", str(example)]
    cold = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert len(list((tmp_path / "cache").glob("patterns-*.pickle"))) == 1
    warm = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert cold.returncode == warm.returncode and cold.stderr == warm.stderr == ""
    assert cold.stdout == warm.stdout and '"verdict"' in cold.stdout
