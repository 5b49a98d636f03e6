"""The process entry point ends the process at once after main() with main()'s status and flushed output."""

from __future__ import annotations

import subprocess
import sys

import pytest

RUN = "import sys; from claimcheck.cli.main import {fn}; sys.argv = ['claimcheck'] + sys.argv[1:]; {fn}()"
TEXT = "उत्तर प्रदेश में करीब 96 लाख एमएसएमई यूनिट हैं। Exports rose 18% to $2.5 billion in 2022.\n"


def run(fn: str, *args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", RUN.format(fn=fn), *args], cwd=cwd, capture_output=True)


@pytest.mark.parametrize("args", [
    ("check", "-f", "jsonl", "--as-of", "2025-06-01", "a.txt"),
    ("check", "-f", "line", "--as-of", "2025-06-01", "a.txt", "missing.txt"),
    ("extract", "-f", "json", "a.txt"),
    ("check", "--no-such-option", "a.txt"),
    ("schema",),
])
def test_entry_gives_what_main_gives(tmp_path, args):
    (tmp_path / "a.txt").write_text(TEXT * 50, encoding="utf-8")
    want, got = run("main", *args, cwd=tmp_path), run("entry", *args, cwd=tmp_path)
    assert (got.returncode, got.stdout, got.stderr) == (want.returncode, want.stdout, want.stderr)
    assert got.stdout or got.stderr


def test_entry_keeps_the_status_when_the_reader_leaves(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT * 2000, encoding="utf-8")
    p = subprocess.Popen([sys.executable, "-c", RUN.format(fn="entry"), "extract", "-f", "jsonl", "a.txt"],
                         cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.readline()
    p.stdout.close()  # like `| head -1`
    err = p.stderr.read()
    assert p.wait() == 0 and b"Traceback" not in err
