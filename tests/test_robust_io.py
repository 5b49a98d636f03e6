"""No network at run time, and no writes outside the output the user asked for."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples").glob("*.txt"))


@pytest.fixture
def example() -> Path:
    if not EXAMPLES:
        pytest.skip("examples/ holds no article")
    return EXAMPLES[0]


@pytest.fixture
def no_network(monkeypatch):
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return calls


def test_extract_and_check_make_no_connection(example, no_network):
    from claimcheck import api
    from claimcheck.options import Options

    text = example.read_text(encoding="utf-8")
    claims = api.extract(text, as_of="2024-08-30")
    checked = api.check(text, as_of="2024-08-30")
    results = list(api.run([str(example)], Options(command="check")))
    assert claims and checked and results[0].error is None
    assert no_network == []


def test_the_cli_makes_no_connection(example, tmp_path):
    """The whole CLI, in a fresh interpreter whose sockets refuse to connect."""
    guard = (
        "import socket, sys\n"
        "def refuse(*a, **k):\n"
        "    sys.stderr.write('NETWORK ACCESS ATTEMPTED %r\\n' % (a,)); raise OSError('network disabled')\n"
        "socket.socket.connect = refuse; socket.socket.connect_ex = refuse\n"
        "socket.create_connection = refuse; socket.getaddrinfo = refuse\n"
        "from claimcheck.cli.main import main\n"
        "sys.argv = ['claimcheck'] + sys.argv[1:]\n"
        "main()\n"
    )
    for command in ("extract", "check"):
        p = subprocess.run([sys.executable, "-c", guard, command, "--format", "jsonl", str(example)], cwd=tmp_path,
                           capture_output=True, text=True)
        assert "NETWORK ACCESS ATTEMPTED" not in p.stderr
        assert "Traceback" not in p.stderr
        assert p.returncode in (0, 1), p.stderr
        assert p.stdout.strip()


def _snapshot(*roots: Path) -> dict[str, tuple[int, float]]:
    out = {}
    for root in roots:
        for dirpath, _, files in os.walk(root):
            for f in files:
                full = os.path.join(dirpath, f)
                st = os.stat(full)
                out[full] = (st.st_size, st.st_mtime_ns)
    return out


def _run_five_ways(example: Path, tmp_path: Path, **env_extra: str) -> tuple[Path, Path, list[str], list[str]]:
    """Run the CLI five ways in an empty directory with HOME, TMPDIR and the XDG directories empty; return what
    was created and what was changed anywhere under them."""
    work, home, tmp = tmp_path / "work", tmp_path / "home", tmp_path / "tmp"
    for d in (work, home, tmp):
        d.mkdir()
    shutil.copy(example, work / example.name)
    (work / "batch.jsonl").write_text(
        '{"id": "x", "text": "उत्तर प्रदेश में 96 लाख यूनिट हैं", "date": "2024-08-30"}\n{"bad json\n', encoding="utf-8")
    env = {**os.environ, "HOME": str(home), "TMPDIR": str(tmp), "XDG_CACHE_HOME": str(home / ".cache"),
           "XDG_CONFIG_HOME": str(home / ".config"), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("CLAIMCHECK_CACHE_DIR", None)  # the test session's own cache directory (conftest) does not apply
    env.update(env_extra)
    exe = shutil.which("claimcheck")
    cmd = [exe] if exe else [sys.executable, "-m", "claimcheck"]
    before = _snapshot(work, home, tmp)
    runs = [
        ["extract", example.name],
        ["check", example.name],
        ["check", "--jobs", "2", example.name, "batch.jsonl"],
        ["check", example.name, "-o", "report.json"],
        ["check", example.name, "--format", "html", "-o", "out/report.html"],
    ]
    for args in runs:
        (work / "out").mkdir(exist_ok=True)
        p = subprocess.run(cmd + args, cwd=work, env=env, capture_output=True, text=True)
        assert "Traceback" not in p.stderr, (args, p.stderr)
    after = _snapshot(work, home, tmp)
    new = sorted(set(after) - set(before))
    changed = sorted(k for k in before if after.get(k) != before[k])
    return work, home, new, changed


def test_the_cli_writes_the_requested_output_and_its_cache_only(example, tmp_path):
    work, home, new, changed = _run_five_ways(example, tmp_path)
    assert changed == []
    cache = [f for f in new if f.startswith(str(home / ".cache" / "claimcheck") + os.sep)]
    assert cache == []  # nothing is kept between runs (see claimcheck.cache)
    assert sorted(set(new) - set(cache)) == [str(work / "out" / "report.html"), str(work / "report.json")]


def test_with_the_cache_off_the_cli_writes_nothing_but_the_requested_output(example, tmp_path):
    work, _, new, changed = _run_five_ways(example, tmp_path, CLAIMCHECK_CACHE_DIR="")
    assert changed == []
    assert new == [str(work / "out" / "report.html"), str(work / "report.json")]
