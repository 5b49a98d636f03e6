"""Conventions a newsroom's tools expect of the CLI: --version, an empty --fail-on refused, no report over an input."""

from __future__ import annotations

import subprocess
import sys

from paths import EXAMPLE


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True, timeout=120,
                          cwd=cwd)


def test_version():
    from claimcheck.model import __version__

    p = run("--version")
    assert p.returncode == 0 and p.stdout.strip() == f"claimcheck {__version__}"


def test_an_empty_fail_on_is_refused_not_read_as_none():
    p = run("check", "--fail-on", "", str(EXAMPLE))
    assert p.returncode == 2 and "fail-on is empty" in p.stderr
    assert run("check", "--fail-on", "none", "--as-of", "2021-01-01", str(EXAMPLE)).returncode == 0


def test_an_empty_fail_on_in_the_configuration_is_refused_too(tmp_path):
    (tmp_path / "claimcheck.toml").write_text("fail_on = []\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("मुख्यमंत्री योगी आदित्यनाथ ने कहा।\n", encoding="utf-8")
    p = run("check", str(draft), cwd=tmp_path)
    assert p.returncode == 2 and "fail-on is empty" in p.stderr


def test_the_report_never_overwrites_an_input(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("मुख्यमंत्री योगी आदित्यनाथ ने कहा।\n", encoding="utf-8")
    for command in ("check", "extract"):
        p = run(command, "-o", str(draft), str(draft))
        assert p.returncode == 2 and "also an input" in p.stderr
        assert draft.read_text(encoding="utf-8") == "मुख्यमंत्री योगी आदित्यनाथ ने कहा।\n"


def test_the_output_file_s_ending_names_its_format_or_is_refused(tmp_path):
    for name, first in (("r.sarif.json", '"$schema"'), ("r.markdown", "#"), ("r.jsonl", "{")):
        out = tmp_path / name
        p = run("check", "--as-of", "2024-08-30", "-o", str(out), str(EXAMPLE))
        assert p.returncode == 0, p.stderr
        text = out.read_text(encoding="utf-8")
        assert first in text.splitlines()[0] or (name.endswith("sarif.json") and '"runs"' in text), name
    for name in ("report.pdf", "report.csv", "report"):
        p = run("check", "--as-of", "2024-08-30", "-o", str(tmp_path / name), str(EXAMPLE))
        assert p.returncode == 2 and "pass --format" in p.stderr
        assert not (tmp_path / name).exists()
    assert run("check", "--as-of", "2024-08-30", "--format", "json", "-o", str(tmp_path / "report.out"),
               str(EXAMPLE)).returncode == 0


def test_text_outputs_show_control_characters_as_escapes():
    from claimcheck.model import CheckedClaim, Claim, DocResult, Report, Verdict
    from claimcheck.report.render import Options, render

    claim = Claim(doc="d", kind="officeholder", text="मंत्री X\x1b[2J", start=0, end=10, line=1, col=1)
    verdict = Verdict("contradicted", "held by \x1b[31mY\x1b[0m\x07 then")
    report = Report(results=(DocResult(doc="d", path="d.txt", checked=(CheckedClaim(claim, verdict),)),))
    for fmt in ("line", "markdown", "table"):
        out = render(report, fmt, Options(color=False, width=100))
        assert "\x1b" not in out and "\x07" not in out, fmt
        assert "x1b" in out, fmt  # shown, escaped (Markdown escapes the backslash again)


def test_ctrl_c_while_waiting_for_input_exits_130_not_1():
    """SIGINT is not "findings gate" (1): the run says it was interrupted and exits 128 + 2."""
    import signal
    import subprocess
    import sys
    import time

    p = subprocess.Popen([sys.executable, "-m", "claimcheck", "check", "-", "--as-of", "2024-01-01"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        time.sleep(3)  # started, and blocked reading standard input
        p.send_signal(signal.SIGINT)
        out, errs = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
    assert p.returncode == 130, (p.returncode, errs)
    assert b"interrupted" in errs and b"Aborted" not in errs
