"""The cache in the user's cache directory never changes a result and never stops a run.

Every test runs the CLI as a user would, with ``CLAIMCHECK_CACHE_DIR`` pointing at a directory the test has
prepared (filled by an earlier run, then damaged, replaced or made hostile), and compares the output with a run
whose cache is off. The bad cases are the ones found in the wild: a crafted pickle, one changed byte, a FIFO, a
valid entry of the wrong type, an unreadable or foreign file, an edited data file with its size and time kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TEXT = "राज्य में 5 लाख इकाइयां हैं और 2.5 करोड़ रुपये का निवेश 3 सितंबर 2024 को हुआ।\n"


def _run(tmp_path: Path, where: str, *, env: dict[str, str] | None = None, cwd: Path | None = None,
         timeout: float = 120) -> subprocess.CompletedProcess:
    article = (cwd or tmp_path) / "a.txt"
    if not article.exists():
        article.write_text(TEXT, encoding="utf-8")
    cmd = [sys.executable, "-m", "claimcheck", "extract", "--format", "jsonl", "--as-of", "2024-09-20", "a.txt"]
    return subprocess.run(cmd, env={**os.environ, **(env or {}), "CLAIMCHECK_CACHE_DIR": where},
                          capture_output=True, text=True, cwd=cwd or tmp_path, timeout=timeout)


@pytest.fixture(scope="module")
def expected(tmp_path_factory) -> str:
    tmp = tmp_path_factory.mktemp("off")
    p = _run(tmp, "")
    assert p.returncode == 0 and p.stderr == "", p.stderr
    assert '"5 लाख"' in p.stdout and "500000" in p.stdout
    return p.stdout


@pytest.fixture
def warm(tmp_path) -> Path:
    """A cache directory filled by one ordinary run; returns the file it wrote."""
    where = tmp_path / "cache"
    assert _run(tmp_path, str(where)).returncode == 0
    files = list(where.glob("*.json"))
    assert len(files) == 1, files
    return files[0]


def _same(tmp_path: Path, where: Path, expected: str) -> None:
    p = _run(tmp_path, str(where), timeout=60)  # a run that blocks fails here instead of hanging the suite
    assert (p.returncode, p.stderr, p.stdout) == (0, "", expected)


def _retype(path: Path, make) -> None:
    """Rewrite every entry of the cache file with ``make(value)``, with a digest that matches the new value."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["entries"].values():
        entry["value"] = make(entry["value"])
        entry["digest"] = hashlib.sha256(json.dumps(entry["value"], ensure_ascii=False, sort_keys=True)
                                         .encode()).hexdigest()
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_warm_cache_gives_the_output_of_a_cold_one(tmp_path, warm, expected):
    _same(tmp_path, warm.parent, expected)


def test_a_crafted_pickle_in_the_cache_directory_runs_no_code(tmp_path, warm, expected):
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    blob = pickle.dumps({("x", 0): pickle.dumps(Payload())})
    for name in (warm.name, "patterns-regex2024-py3.11.pickle", "built-0-py3.11.pickle", "data.pickle"):
        (warm.parent / name).write_bytes(blob)
    _same(tmp_path, warm.parent, expected)
    assert not marker.exists()


@pytest.mark.parametrize("damage", ["one byte", "truncated", "empty", "not json", "binary"])
def test_a_damaged_file_is_rebuilt(tmp_path, warm, expected, damage):
    body = warm.read_bytes()
    if damage == "one byte":  # still JSON, still the right shape: 100_000 (lakh) becomes 900_000
        assert body.count(b'"lakh": {"value": 100000') == 1
        body = body.replace(b'"lakh": {"value": 100000', b'"lakh": {"value": 900000')
    else:
        body = {"truncated": body[: len(body) // 2], "empty": b"", "not json": b"{'a': 1}",
                "binary": bytes(range(256)) * 4}[damage]
    warm.write_bytes(body)
    _same(tmp_path, warm.parent, expected)
    _same(tmp_path, warm.parent, expected)  # and the file the last run wrote in its place is good


@pytest.mark.parametrize("wrong", [list, str, lambda v: None, lambda v: 7])
def test_a_valid_entry_of_the_wrong_type_is_rebuilt(tmp_path, warm, expected, wrong):
    _retype(warm, wrong)
    _same(tmp_path, warm.parent, expected)


def test_a_fifo_in_place_of_the_file_does_not_block(tmp_path, warm, expected):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    name = warm.name
    warm.unlink()
    os.mkfifo(warm.parent / name)
    _same(tmp_path, warm.parent, expected)


@pytest.mark.parametrize("kind", ["directory", "no permission", "symlink loop", "dangling symlink"])
def test_an_unreadable_file_is_rebuilt(tmp_path, warm, expected, kind):
    name = warm.name
    if kind == "no permission":
        warm.chmod(0)
    else:
        warm.unlink()
        if kind == "directory":
            (warm.parent / name).mkdir()
        elif kind == "symlink loop":
            (warm.parent / name).symlink_to(warm.parent / name)
        else:
            (warm.parent / name).symlink_to(tmp_path / "nowhere")
    _same(tmp_path, warm.parent, expected)


def test_a_file_others_may_write_or_of_another_installation_is_not_read(tmp_path, warm, expected):
    good = warm.read_text(encoding="utf-8")
    _retype(warm, lambda v: {**v, "scales": {"lakh": {"value": 900_000, "forms": ["लाख"]}}})
    warm.chmod(0o666)  # crafted by someone else: not read
    _same(tmp_path, warm.parent, expected)
    data = json.loads(good)
    data["key"] = "0" * 64  # another installation's entries under this name
    warm.write_text(json.dumps(data), encoding="utf-8")
    warm.chmod(0o600)
    _retype(warm, lambda v: {**v, "scales": {"lakh": {"value": 900_000, "forms": ["लाख"]}}})
    _same(tmp_path, warm.parent, expected)


def test_an_unwritable_place_only_costs_the_time(tmp_path, expected):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    _same(tmp_path, blocker / "cache", expected)


def test_an_edited_data_file_is_never_served_from_an_older_cache(tmp_path):
    """The lakh scale is edited in place to the same size and modification time: the next run must see it."""
    tree = tmp_path / "tree"
    shutil.copytree(REPO / "claimcheck", tree / "claimcheck", ignore=shutil.ignore_patterns("__pycache__"))
    if (REPO / "reference_data").is_dir():
        shutil.copytree(REPO / "reference_data", tree / "claimcheck" / "reference_data")
    env = {"PYTHONPATH": str(tree)}
    where = str(tmp_path / "cache")
    before = _run(tmp_path, where, env=env, cwd=tree)
    assert before.returncode == 0 and "\"value\": 500000," in before.stdout, before.stderr
    numbers = tree / "claimcheck" / "data" / "numbers.toml"
    st = numbers.stat()
    body = numbers.read_text(encoding="utf-8")
    assert body.count("value = 100_000\n") == 1
    numbers.write_text(body.replace("value = 100_000\n", "value = 200_000\n"), encoding="utf-8")
    os.utime(numbers, ns=(st.st_atime_ns, st.st_mtime_ns))
    after = _run(tmp_path, where, env=env, cwd=tree)
    assert after.returncode == 0 and "\"value\": 1000000," in after.stdout and "\"value\": 500000," not in after.stdout


def test_an_empty_setting_writes_nothing(tmp_path, expected):
    home = tmp_path / "home"
    p = _run(tmp_path, "", env={"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")})
    assert p.stdout == expected and not home.exists()


@pytest.mark.parametrize("setting", ["SOMEWHERE", ""])
def test_config_show_says_where_the_cache_is(tmp_path, setting):
    where = str(tmp_path / "c") if setting else ""
    env = {**os.environ, "CLAIMCHECK_CACHE_DIR": where}
    p = subprocess.run([sys.executable, "-m", "claimcheck", "config", "show"], env=env, capture_output=True,
                       text=True, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[1] == (f"# cache of parsed lexicons: {where or '(off)'} "
                                         "(CLAIMCHECK_CACHE_DIR; empty turns it off)")
