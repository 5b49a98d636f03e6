"""claimcheck keeps nothing between runs: whatever lies in the cache directory an older version used never changes a
result, never runs code and never stops a run, and nothing is written there.

Older versions unpickled compiled patterns and built tables from ``$CLAIMCHECK_CACHE_DIR`` (or
``$XDG_CACHE_HOME/claimcheck``): a crafted file ran code, one changed byte dropped claims, a FIFO hung every run, a
valid entry of the wrong type gave an internal error, and an edited table was served stale. Each case below puts
such a file where those versions looked and runs the CLI as a user would, against a run in a clean environment.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TEXT = "राज्य में 5 लाख इकाइयां हैं और 2.5 करोड़ रुपये का निवेश 3 सितंबर 2024 को हुआ।\n"
# the names older versions read (patterns and built results, per regex and Python version)
OLD_NAMES = ("patterns-regex2024.11.6-py3.11.pickle", "built-0123456789abcdef0123-py3.11.pickle",
             "built-f2a0d56c8e13a7734077a350.json")


def _run(cwd: Path, cache_dir: Path | None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    (cwd / "a.txt").write_text(TEXT, encoding="utf-8")
    extra = {"CLAIMCHECK_CACHE_DIR": str(cache_dir), "XDG_CACHE_HOME": str(cache_dir)} if cache_dir else {}
    cmd = [sys.executable, "-m", "claimcheck", "extract", "--format", "jsonl", "--as-of", "2024-09-20", "a.txt"]
    # a run that blocks (as on a FIFO) fails here instead of hanging the suite
    return subprocess.run(cmd, env={**os.environ, **extra, **(env or {})}, capture_output=True, text=True, cwd=cwd,
                          timeout=60)


@pytest.fixture(scope="module")
def expected(tmp_path_factory) -> str:
    p = _run(tmp_path_factory.mktemp("clean"), None)
    assert p.returncode == 0 and p.stderr == "", p.stderr
    assert '"5 लाख"' in p.stdout and '"value": 500000,' in p.stdout
    return p.stdout


def _hostile(where: Path, kind: str, marker: Path) -> None:
    where.mkdir(parents=True, exist_ok=True)

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    for name in OLD_NAMES:
        path = where / name
        if kind == "crafted pickle":
            path.write_bytes(pickle.dumps({("x", 0): pickle.dumps(Payload())}))
        elif kind == "one changed byte":
            path.write_bytes(pickle.dumps({("(?:लाख)", 2): b"\x80\x05" + b"\x00" * 40}))
        elif kind == "wrong type":
            path.write_bytes(pickle.dumps({("claimcheck.find.numbers.lex", ()): pickle.dumps("not a lexicon")}))
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "unreadable":
            path.mkdir()
            (path / "x").write_text("x")
        elif kind == "garbage":
            path.write_bytes(bytes(range(256)) * 8)


KINDS = ["crafted pickle", "one changed byte", "wrong type", "fifo", "unreadable", "garbage"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_hostile_cache_directory_changes_nothing(tmp_path, expected, kind):
    if kind == "fifo" and not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    where, marker = tmp_path / "cache", tmp_path / "pwned"
    _hostile(where, kind, marker)
    before = sorted(p.name for p in where.iterdir())
    p = _run(tmp_path, where)
    assert (p.returncode, p.stderr, p.stdout) == (0, "", expected)
    assert not marker.exists()
    assert sorted(p.name for p in where.iterdir()) == before  # nothing read, nothing written


def test_a_run_writes_no_cache(tmp_path, expected):
    home = tmp_path / "home"
    p = _run(tmp_path, None, env={"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")})
    assert p.stdout == expected and not home.exists()


def test_an_edited_data_file_is_read_as_it_is_now(tmp_path):
    """The lakh scale is edited in place to the same size and modification time: the next run sees the edit."""
    tree = tmp_path / "tree"
    shutil.copytree(REPO / "claimcheck", tree / "claimcheck", ignore=shutil.ignore_patterns("__pycache__"))
    if (REPO / "reference_data").is_dir():
        shutil.copytree(REPO / "reference_data", tree / "claimcheck" / "reference_data")
    env = {"PYTHONPATH": str(tree)}
    before = _run(tree, None, env=env)
    assert before.returncode == 0 and '"value": 500000,' in before.stdout, before.stderr
    numbers = tree / "claimcheck" / "data" / "numbers.toml"
    st = numbers.stat()
    body = numbers.read_text(encoding="utf-8")
    assert body.count("value = 100_000\n") == 1
    numbers.write_text(body.replace("value = 100_000\n", "value = 200_000\n"), encoding="utf-8")
    os.utime(numbers, ns=(st.st_atime_ns, st.st_mtime_ns))
    after = _run(tree, None, env=env)
    assert after.returncode == 0 and '"value": 1000000,' in after.stdout and '"value": 500000,' not in after.stdout
