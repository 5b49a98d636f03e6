"""The CLI end to end through the real pipeline (as a subprocess, like a newsroom's hook or CI job runs it).

The drafts are our own sentences; the facts they test (Invest UP's CEO on 2025-06-01) are in the shipped tables.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DRAFT_MD = """# आज की बैठक

इनवेस्ट यूपी के सीईओ अभिषेक प्रकाश ने निवेशकों से मुलाकात की।

<!-- claimcheck: ignore -->
बाद में इनवेस्ट यूपी के सीईओ अभिषेक प्रकाश ने **बैठक** की अध्यक्षता की।
"""

DRAFT_HTML = """<html><body>
<h1>बैठक</h1>
<p>इनवेस्ट यूपी के <b>सीईओ अभिषेक प्रकाश</b> ने निवेशकों से मुलाकात की।</p>
<!-- claimcheck off -->
<p>इनवेस्ट यूपी के सीईओ अभिषेक प्रकाश ने बैठक की।</p>
<!-- claimcheck on -->
</body></html>
"""


def cli(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    exe = shutil.which("claimcheck")
    cmd = [exe] if exe else [sys.executable, "-m", "claimcheck"]
    env = {k: v for k, v in os.environ.items() if k != "CLAIMCHECK_DEBUG"}
    return subprocess.run(cmd + list(args), cwd=cwd, input=stdin, capture_output=True, timeout=300, env=env)


def rows(p: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in p.stdout.decode("utf-8").splitlines() if line.strip()]


def ceo_claims(p):
    return [r for r in rows(p) if r["kind"] == "officeholder" and "अभिषेक प्रकाश" in r["text"]]


def test_ignore_comment_in_markdown_suppresses_the_next_paragraph(tmp_path):
    (tmp_path / "draft.md").write_text(DRAFT_MD, encoding="utf-8")
    p = cli("check", "draft.md", "--as-of", "2025-06-01", "-f", "jsonl", cwd=tmp_path)
    assert p.returncode == 1, p.stderr
    first, second = ceo_claims(p)
    assert first["verdict"] == second["verdict"] == "outdated"
    assert "suppressed" not in first and second["suppressed"] == "ignore comment"
    lines = DRAFT_MD.splitlines()
    for c in (first, second):  # line and column point into the Markdown file itself
        assert lines[c["line"] - 1][c["col"] - 1:].startswith(c["text"])
    assert (first["line"], second["line"]) == (3, 6)


def test_off_on_in_html_and_positions_in_the_html_file(tmp_path):
    (tmp_path / "d.html").write_text(DRAFT_HTML, encoding="utf-8")
    p = cli("check", "d.html", "--as-of", "2025-06-01", "-f", "line", "--show", "suppressed", cwd=tmp_path)
    assert p.returncode == 1
    out = p.stdout.decode().splitlines()
    assert out[0].startswith("d.html:3:23: outdated: ") and "Vijay Kiran Anand" in out[0]
    assert out[1].startswith("d.html:5:") and out[1].endswith("(suppressed: ignore comment)")


def test_everything_suppressed_passes_the_gate(tmp_path):
    (tmp_path / "d.md").write_text("<!-- claimcheck off -->\n" + DRAFT_MD, encoding="utf-8")
    p = cli("check", "d.md", "--as-of", "2025-06-01", "-f", "jsonl", cwd=tmp_path)
    assert p.returncode == 0 and all(c.get("suppressed") for c in ceo_claims(p))


def test_before_the_change_the_same_draft_passes(tmp_path):
    (tmp_path / "draft.md").write_text(DRAFT_MD, encoding="utf-8")
    p = cli("check", "draft.md", "--as-of", "2024-08-30", "-f", "jsonl", cwd=tmp_path)
    assert p.returncode == 0, p.stdout
    assert {c["verdict"] for c in ceo_claims(p)} == {"supported"}


def test_output_format_follows_the_file_suffix_and_stdout_stays_empty(tmp_path):
    (tmp_path / "draft.md").write_text(DRAFT_MD, encoding="utf-8")
    for name, check in [("r.sarif", lambda t: json.loads(t)["version"] == "2.1.0"),
                        ("r.json", lambda t: json.loads(t)["version"] == 1),
                        ("r.html", lambda t: t.startswith("<!doctype html>")),
                        ("r.md", lambda t: t.startswith("# claimcheck report"))]:
        p = cli("check", "draft.md", "--as-of", "2025-06-01", "-o", name, cwd=tmp_path)
        # nothing on stdout; on stderr only the summary line every run ends with
        assert p.returncode == 1 and p.stdout == b"", (name, p.stdout)
        assert p.stderr.decode().splitlines() == ["1 finding gates publication (1 outdated); 2 claims checked, "
                                                  "1 outdated, 1 suppressed"], (name, p.stderr)
        assert check((tmp_path / name).read_text(encoding="utf-8")), name
    assert not [f for f in os.listdir(tmp_path) if f.startswith(".claimcheck-")]


def test_baseline_round_trip_through_the_real_pipeline(tmp_path):
    (tmp_path / "draft.md").write_text(DRAFT_MD, encoding="utf-8")
    p = cli("baseline", "create", "draft.md", "--as-of", "2025-06-01", "-o", "b.json", "--reason", "desk", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    p = cli("check", "draft.md", "--as-of", "2025-06-01", "--baseline", "b.json", "-f", "jsonl", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    # the fingerprint survives an edit that moves the claim (new paragraph above it)
    (tmp_path / "draft.md").write_text("नई भूमिका।\n\n" + DRAFT_MD, encoding="utf-8")
    p = cli("check", "draft.md", "--as-of", "2025-06-01", "--baseline", "b.json", "-f", "jsonl", cwd=tmp_path)
    assert p.returncode == 0
    assert [c.get("suppressed") for c in ceo_claims(p)] == ["baseline: desk", "ignore comment"]


def test_extract_json_and_table(tmp_path):
    (tmp_path / "draft.md").write_text(DRAFT_MD, encoding="utf-8")
    p = cli("extract", "draft.md", "-f", "json", cwd=tmp_path)
    assert p.returncode == 0
    data = json.loads(p.stdout)
    assert data["command"] == "extract" and data["documents"][0]["claims"]
    assert all("verdict" not in c for c in data["documents"][0]["claims"])
    p = cli("extract", "draft.md", "-f", "table", cwd=tmp_path)
    assert p.returncode == 0 and "अभिषेक प्रकाश" in p.stdout.decode()


def test_stdin_and_python_dash_m(tmp_path):
    p = subprocess.run([sys.executable, "-m", "claimcheck", "check", "-", "--as-of", "2025-06-01", "-f", "line"],
                       input="इनवेस्ट यूपी के सीईओ अभिषेक प्रकाश ने कहा।".encode(), capture_output=True, cwd=tmp_path,
                       timeout=300)
    assert p.returncode == 1, p.stderr
    assert p.stdout.decode().startswith("<stdin>:1:")


def test_config_file_changes_the_gate(tmp_path):
    (tmp_path / "draft.md").write_text(DRAFT_MD, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.claimcheck]\nfail_on = ['contradicted']\n", encoding="utf-8")
    assert cli("check", "draft.md", "--as-of", "2025-06-01", "-f", "jsonl", cwd=tmp_path).returncode == 0
    sub = tmp_path / "sub"
    sub.mkdir()
    # run from elsewhere: the file's own directory decides
    assert cli("check", str(tmp_path / "draft.md"), "--as-of", "2025-06-01", "-f", "jsonl", cwd=sub).returncode == 0
    p = cli("config", "show", "draft.md", cwd=tmp_path)
    assert f'fail_on = ["contradicted"]  # {(tmp_path / "pyproject.toml").resolve()}' in p.stdout.decode()


@pytest.mark.parametrize("args", [["check"], ["check", "x", "--fail-on"], ["nosuch"]])
def test_usage_errors_exit_2_without_traceback(tmp_path, args):
    p = cli(*args, cwd=tmp_path)
    assert p.returncode == 2 and b"Traceback" not in p.stderr


def test_docs_show_every_format_and_the_hooks_run_the_cli():
    from claimcheck.report.render import FORMATS

    root = Path(__file__).parents[1]
    docs = (root / "docs" / "REPORTS.md").read_text(encoding="utf-8")
    for fmt in FORMATS:
        assert f"**{fmt}**" in docs, f"docs/REPORTS.md does not show --format {fmt}"
    for code in ("| 0 |", "| 1 |", "| 2 |"):
        assert code in docs
    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"claimcheck", "claimcheck-advisory"}
    for h in hooks:
        assert h["entry"].startswith("claimcheck check ") and h["language"] == "python"


def test_every_command_has_help():
    from typer.testing import CliRunner

    from claimcheck.cli.main import app

    for cmd in (["check"], ["extract"], ["schema"], ["config", "show"], ["baseline", "create"],
                ["baseline", "update"]):
        r = CliRunner().invoke(app, cmd + ["--help"])
        assert r.exit_code == 0 and len(r.stdout) > 100, cmd


@pytest.mark.parametrize("as_of,fail_on,code", [("2024-08-30", None, 0), ("2025-06-01", None, 1),
                                                ("2025-06-01", "contradicted", 0), ("2021-01-01", "contradicted", 1)])
def test_example_article_gate(tmp_path, as_of, fail_on, code):
    """The canonical article: clean on its own date; an outdated CEO on 2025-06-01 (expected.md)."""
    from test_render import EXAMPLE

    args = ["check", str(EXAMPLE), "--as-of", as_of, "-f", "json"] + (["--fail-on", fail_on] if fail_on else [])
    p = cli(*args, cwd=tmp_path)
    assert p.returncode == code, p.stderr
    data = json.loads(p.stdout)
    gating = [c["text"] for c in data["documents"][0]["claims"] if c["gating"]]
    assert len(gating) == data["summary"]["gating"] and bool(gating) == bool(code)
    if as_of == "2025-06-01" and not fail_on:
        assert any("अभिषेक प्रकाश" in g for g in gating)


def test_progress_only_on_a_terminal_and_only_for_slow_runs():
    import io
    import time

    from claimcheck.cli import common as cli_mod

    class R:
        path, doc = "a.txt", "a.txt"

    items = [R()] * 3
    assert list(cli_mod.progress(iter(items), enabled=False)) == items

    def slow():
        for r in items:
            time.sleep(0.15)
            yield r

    from rich.console import Console

    quick, slowed = io.StringIO(), io.StringIO()
    assert list(cli_mod.progress(iter(items), enabled=True, delay=0.3,
                                  console=Console(file=quick, force_terminal=True))) == items
    assert list(cli_mod.progress(slow(), enabled=True, delay=0.1,
                                  console=Console(file=slowed, force_terminal=True))) == items
    assert "checking" not in quick.getvalue() and "done" not in quick.getvalue()  # a quick run shows nothing
    assert "3/?" in slowed.getvalue() and "docs/s" in slowed.getvalue()  # done of a total not yet known, a rate
