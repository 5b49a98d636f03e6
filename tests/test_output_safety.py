"""Where a report goes: ``-o`` writes atomically only to regular files, never replaces a device, FIFO or symlink,
respects a read-only file, and leaves no temporary file when interrupted; a full disk, a TOML file that is not
UTF-8 or nests too deeply, and a deeply nested or BOM-marked baseline each get one line naming the file."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
import threading

import pytest

DRAFT = "The bridge was opened by Chief Minister Akhilesh Yadav on Monday.\n"


def run(*args, cwd=None, stdout=subprocess.PIPE):
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, timeout=120, cwd=cwd)


@pytest.fixture
def draft(tmp_path):
    p = tmp_path / "draft.txt"
    p.write_text(DRAFT, encoding="utf-8")
    return p


def _leftovers(directory):
    return [n for n in os.listdir(directory) if n.endswith(".tmp")]


def _device(path, minor):
    """A character device like /dev/null (minor 3) or /dev/full (minor 7) at ``path``: the test never hands the
    system's own devices to -o, where a regression (as root) would replace them with a file."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except (PermissionError, AttributeError, OSError) as e:
        pytest.skip(f"cannot make a device node here ({e})")
    return path


def test_a_device_given_as_output_is_written_through_not_replaced(draft, tmp_path):
    full = _device(tmp_path / "full", 7)
    p = run("check", str(draft), "--format", "json", "-o", str(full))
    assert p.returncode == 2
    assert p.stderr.strip() == f"claimcheck: {full}: cannot write output: No space left on device"
    null = _device(tmp_path / "null", 3)
    p = run("check", str(draft), "--format", "json", "-o", str(null), "--as-of", "2024-03-15")
    assert p.returncode == 1, p.stderr
    assert stat.S_ISCHR(os.lstat(full).st_mode) and stat.S_ISCHR(os.lstat(null).st_mode)
    assert not _leftovers(tmp_path)


def test_a_fifo_is_written_into_not_replaced(draft, tmp_path):
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    p = run("check", str(draft), "--format", "jsonl", "-o", str(fifo), "--as-of", "2024-03-15")
    reader.join(30)
    assert p.returncode == 1, p.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and '"person": "Akhilesh Yadav"' in got[0]
    assert not _leftovers(tmp_path)


def test_a_symlink_stays_a_link_and_its_target_gets_the_report(draft, tmp_path):
    target = tmp_path / "reports" / "latest.json"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(target)
    p = run("check", str(draft), "-o", str(link), "--as-of", "2024-03-15")
    assert p.returncode == 1, p.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert '"version"' in target.read_text(encoding="utf-8")
    assert not _leftovers(tmp_path) and not _leftovers(target.parent)


def test_a_read_only_report_file_is_refused_and_left_alone(draft, tmp_path):
    out = tmp_path / "report.json"
    out.write_text("kept\n", encoding="utf-8")
    out.chmod(0o444)
    p = run("check", str(draft), "-o", str(out), "--as-of", "2024-03-15")
    assert p.returncode == 2
    assert p.stderr.strip() == f"claimcheck: {out}: cannot write output: the file is read-only (not replaced)"
    assert out.read_text(encoding="utf-8") == "kept\n" and not _leftovers(tmp_path)


@pytest.mark.parametrize("signame,code", [("SIGTERM", 143), ("SIGINT", 130)])
@pytest.mark.parametrize("when", ["writing", "making"])
def test_a_signal_while_the_report_is_written_leaves_no_temporary_file(tmp_path, signame, code, when):
    out = tmp_path / "report.json"
    out.write_text("previous report\n", encoding="utf-8")
    script = textwrap.dedent(f"""
        import os, signal, sys, tempfile
        from claimcheck.cli import common
        def fsync(fd):  # the signal arrives while the temporary file is being written
            os.kill(os.getpid(), signal.{signame})
        real_mkstemp = tempfile.mkstemp
        def mkstemp(*a, **k):  # ... or the moment it exists, before its name is returned
            made = real_mkstemp(*a, **k)
            os.kill(os.getpid(), signal.{signame})
            return made
        if "{when}" == "writing":
            os.fsync = fsync
        else:
            tempfile.mkstemp = mkstemp
        common.write_atomic(sys.argv[1], "new report\\n" * 1000)
    """)
    p = subprocess.run([sys.executable, "-c", script, str(out)], capture_output=True, text=True, timeout=60)
    assert p.returncode == code, p.stderr
    assert f"interrupted: {out} not written" in p.stderr
    assert not _leftovers(tmp_path) and out.read_text(encoding="utf-8") == "previous report\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("args", [("check", "--format", "jsonl"), ("check", "--format", "table"), ("schema",)])
def test_a_full_disk_on_standard_output_is_one_line_not_a_bug(draft, args):
    args = (*args, str(draft), "--as-of", "2024-03-15") if args[0] == "check" else args
    with open("/dev/full", "w") as full:
        p = run(*args, stdout=full)
    assert p.returncode == 2
    assert p.stderr.splitlines()[-1].startswith("claimcheck: <stdout>: cannot write the ")
    assert "No space left on device" in p.stderr and "internal error" not in p.stderr


def test_a_configuration_that_is_not_utf8_or_nests_too_deeply_is_named(draft, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b'lang = "hi\xff"\n')
    p = run("check", str(draft), "--config", str(bad))
    assert p.returncode == 2 and p.stderr.strip() == f"claimcheck: {bad}: not valid TOML: invalid UTF-8 at byte offset 10"
    bad.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    p = run("check", str(draft), "--config", str(bad))
    assert p.returncode == 2
    assert p.stderr.strip() == f"claimcheck: {bad}: not valid TOML: arrays or tables nested too deeply"


def test_a_lexicon_that_is_not_utf8_or_nests_too_deeply_is_named(tmp_path):
    lexicon = tmp_path / "names.toml"
    lexicon.write_bytes(b'# names\nx = "\xff"\n')
    p = run("data", "validate", str(lexicon))
    assert p.returncode == 2 and f"{lexicon}:2: not valid TOML: invalid UTF-8 at byte offset 13" in p.stdout
    lexicon.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    p = run("data", "validate", str(lexicon))
    assert p.returncode == 2 and "nested too deeply" in p.stdout and "internal error" not in p.stderr


def test_a_baseline_nested_too_deeply_is_named_and_one_with_a_bom_is_read(draft, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    p = run("check", str(draft), "--baseline", str(deep))
    assert p.returncode == 2 and p.stderr.strip() == f"claimcheck: {deep}: baseline is not valid JSON (nested too deeply)"
    made = tmp_path / "baseline.json"
    assert run("baseline", "create", str(draft), "-o", str(made), "--as-of", "2024-03-15").returncode == 0
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + made.read_bytes())
    p = run("check", str(draft), "--baseline", str(bom), "--as-of", "2024-03-15")
    assert p.returncode == 0, p.stderr
