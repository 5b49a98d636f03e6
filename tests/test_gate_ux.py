"""The conventions a newsroom's tools have taught it (issue 15): human output by default, findings first with one
summary line, -q / --no-color / NO_COLOR, a progress bar, Markdown front matter, directory scans that skip
claimcheck's own reports and honour ``exclude``, recipes that install this project, GitHub annotations, and an HTML
report whose gating list names documents, links sources by their site and says dates in words.

Sentences are our own; the officeholder cases rely only on the shipped table's Uttar Pradesh Chief Ministers.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from claimcheck.model import CheckedClaim, DocResult, Evidence, Report, Verdict
from claimcheck.report import gate
from claimcheck.report.render import Options, render, summary_line

from test_render import TEXT, checked, sample_report

ROOT = Path(__file__).resolve().parent.parent
# Akhilesh Yadav was Chief Minister of Uttar Pradesh until March 2017: outdated as of 2024, supported in 2016.
OUTDATED_2024 = "उत्तर प्रदेश के मुख्यमंत्री अखिलेश यादव ने आज लखनऊ में नई सड़क खोली।\n"


def cli(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    exe = shutil.which("claimcheck")
    cmd = [exe] if exe else [sys.executable, "-m", "claimcheck"]
    e = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    e.update(env or {})
    return subprocess.run(cmd + list(args), cwd=cwd, capture_output=True, text=True, timeout=300, env=e)


# ---- 1. human output is the default, on a terminal or not --------------------------------------------------------

def test_default_output_on_a_pipe_is_for_people_and_jsonl_is_asked_for(tmp_path):
    (tmp_path / "a.txt").write_text(OUTDATED_2024, encoding="utf-8")
    p = cli("check", "a.txt", "--as-of", "2024-03-15", cwd=tmp_path)  # stdout is a pipe here
    assert p.returncode == 1, p.stderr
    first = p.stdout.splitlines()[0]
    assert first.startswith("a.txt:1:") and ": outdated  “" in first
    m = cli("check", "a.txt", "--as-of", "2024-03-15", "--format", "jsonl", cwd=tmp_path)
    rows = [json.loads(x) for x in m.stdout.splitlines()]
    assert "outdated" in [r["verdict"] for r in rows]
    assert m.stderr == ""  # a script that pipes jsonl gets a clean stderr (no summary when it is not a terminal)


# ---- 2. findings first, one summary line, -q, --no-color, NO_COLOR ----------------------------------------------

def test_line_output_lists_what_gates_then_what_show_adds():
    rep = sample_report()
    lines = render(rep, "line").splitlines()
    assert [x.split(": ")[1] for x in lines] == ["contradicted", "outdated"]
    more = render(rep, "line", Options(show=("supported", "unverifiable"))).splitlines()
    assert [x.split(": ")[1] for x in more] == ["supported", "contradicted", "outdated", "unverifiable"]
    cc = list(rep.results[0].checked)
    cc[1] = CheckedClaim(cc[1].claim, cc[1].verdict, suppressed="baseline: known")
    hidden = sample_report(checked_claims=cc)
    assert [x.split(": ")[1] for x in render(hidden, "line").splitlines()] == ["outdated"]
    assert len(render(hidden, "line", Options(show=("suppressed",))).splitlines()) == 2


def test_summary_line_counts_what_gates_and_the_rest():
    t = gate.tally(sample_report().results[0], ("contradicted", "outdated"))
    assert summary_line(t) == ("2 findings gate publication (1 contradicted, 1 outdated); 5 claims checked, "
                               "1 supported, 1 unverifiable, 1 ambiguous")
    t = gate.tally(sample_report().results[0], ())
    assert summary_line(t).startswith("No finding gates publication; 5 claims checked, 1 supported, 1 contradicted")
    failed = t + gate.tally(DocResult(doc="x", path="x", error="x: no such file"), ())
    assert summary_line(failed).endswith("; 1 of 2 documents could not be read")


def test_every_run_ends_with_the_summary_line_where_it_belongs(tmp_path):
    (tmp_path / "a.txt").write_text(OUTDATED_2024 + "The state has 75 districts.\n", encoding="utf-8")
    args = ("check", "a.txt", "--as-of", "2024-03-15")
    human = cli(*args, "--format", "line", cwd=tmp_path)
    assert human.stdout.splitlines()[-1].startswith("1 finding gates publication (1 outdated); ")
    assert len(human.stdout.splitlines()) == 2  # the finding that gates, then the summary
    shown = cli(*args, "--format", "line", "--show", "supported,unverifiable", cwd=tmp_path)
    assert len(shown.stdout.splitlines()) > 2
    to_file = cli(*args, "-o", "r.json", cwd=tmp_path)  # a report file: the summary goes to stderr
    assert to_file.stdout == "" and to_file.stderr.startswith("1 finding gates publication")
    quiet = cli(*args, "--format", "line", "-q", cwd=tmp_path)
    assert len(quiet.stdout.splitlines()) == 1 and quiet.stderr == ""
    quiet_file = cli(*args, "-q", "-o", "r.html", cwd=tmp_path)
    assert quiet_file.stderr == "" and quiet_file.returncode == 1
    bad = cli(*args, "--show", "everything", cwd=tmp_path)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "--show" in bad.stderr


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    from claimcheck.cli import common

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert common.use_color(False, "table", True)
    assert not common.use_color(True, "table", True)  # --no-color
    assert not common.use_color(False, "table", False)  # -o FILE
    assert not common.use_color(False, "line", True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not common.use_color(False, "table", True)
    monkeypatch.setenv("NO_COLOR", "")  # https://no-color.org: set *and not empty*
    assert common.use_color(False, "table", True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert not common.use_color(False, "table", True)


# ---- 3. the terminal layout -------------------------------------------------------------------------------------

def test_terminal_layout_shows_each_source_once_and_reads_at_80_columns():
    ev = (Evidence(summary="X held the post 2012-03-15–2017-03-19", period="2012-03-15/2017-03-19", source="gazette",
                   source_url="https://example.org/a"),
          Evidence(summary="Y held the post on 2024-03-15", period="2017-03-19/", source="gazette",
                   source_url="https://example.org/b"))
    msg = "X was the officer until 2017-03-19 — source https://example.org/b"
    cc = [checked(TEXT, "मंत्री सुरेश वर्मा", "officeholder", "outdated", evidence=ev, message=msg)]
    out = render(sample_report(checked_claims=cc), "table", Options(width=80))
    assert out.count("https://example.org/b") == 1 and out.count("https://example.org/a") == 1
    assert "until 19 Mar 2017" in out and "(since 19 Mar 2017)" in out and "15 Mar 2012 – 19 Mar 2017" in out
    assert all(len(x) <= 80 for x in out.splitlines())


def test_a_long_claim_goes_below_its_header_so_no_line_passes_80_columns():
    text = "सूचना: " + "सूक्ष्म लघु एवं मध्यम उद्योग तथा खादी व ग्रामोद्योग विभाग के प्रमुख सचिव श्री अमुक कुमार ने कहा।"
    cc = [checked(text, text[7:-7], "officeholder", "contradicted", message="wrong post")]
    out = render(sample_report(text=text, checked_claims=cc), "table", Options(width=80)).splitlines()
    assert out[0] == "draft.txt:1:8: contradicted" and out[1].startswith("    “सूक्ष्म")
    assert all(len(x) <= 80 for x in out)


# ---- 4. progress ------------------------------------------------------------------------------------------------

def test_progress_bar_shows_a_total_and_a_rate():
    from rich.console import Console

    from claimcheck.cli.common import progress

    buf = io.StringIO()
    con = Console(file=buf, force_terminal=True, width=100)

    def slow():
        for i in range(3):
            time.sleep(0.3)
            yield i

    assert list(progress(slow(), enabled=True, delay=0, console=con, total=lambda: 3)) == [0, 1, 2]
    out = buf.getvalue()
    assert re.search(r"[123]/3", out) and "docs/s" in out
    quiet = io.StringIO()
    list(progress(slow(), enabled=False, console=Console(file=quiet, force_terminal=True), total=lambda: 3))
    assert quiet.getvalue() == ""


def test_progress_total_counts_batch_lines_and_files(tmp_path):
    from claimcheck.read.inputs import count_documents

    (tmp_path / "b.jsonl").write_text('{"id": 1, "text": "a"}\n{"id": 2, "text": "b"}\n{"id": 3, "text": "c"}')
    (tmp_path / "c.txt").write_text("x")
    assert count_documents([str(tmp_path)]) == 4
    assert count_documents(["-"]) is None


# ---- 5. Markdown front matter -----------------------------------------------------------------------------------

FRONT = ("---\ntitle: \"मुख्यमंत्री अखिलेश यादव पर 96 लाख की रिपोर्ट\"\ndate: 2016-05-02\nid: story-7\n---\n"
         "# शीर्षक\n\n" + OUTDATED_2024)


def test_front_matter_gives_date_id_title_and_is_not_checked():
    from claimcheck.read.markup import to_document

    d = to_document(FRONT, doc_id="a.md", path="a.md")
    assert (d.id, str(d.date), d.title) == ("story-7", "2016-05-02", "मुख्यमंत्री अखिलेश यादव पर 96 लाख की रिपोर्ट")
    assert "96" not in d.text and "title" not in d.text and "---" not in d.text
    i = d.text.index("अखिलेश")
    line, col = d.line_col(i)
    assert FRONT.splitlines()[line - 1][col - 1:].startswith("अखिलेश")  # offsets into the file stay exact
    toml_front = "+++\ndate = \"2016-05-02\"\n+++\n" + OUTDATED_2024
    assert str(to_document(toml_front, doc_id="b.md").date) == "2016-05-02"
    plain = "---\n\nA rule above, not front matter.\n"
    assert to_document(plain, doc_id="c.md").date is None


def test_front_matter_date_is_the_article_date(tmp_path):
    (tmp_path / "a.md").write_text(FRONT, encoding="utf-8")
    p = cli("check", "a.md", "--format", "jsonl", cwd=tmp_path)
    rows = [json.loads(x) for x in p.stdout.splitlines()]
    assert p.returncode == 0, p.stderr
    assert [r["verdict"] for r in rows if r["kind"] == "officeholder"] == ["supported"]  # as of 2016-05-02
    assert all(r["doc"] == "story-7" and r["line"] == 8 for r in rows)
    assert not any("96" in r["text"] for r in rows)  # the title is not checked
    (tmp_path / "a.md").write_text(FRONT.replace("2016-05-02", "2024-03-15"), encoding="utf-8")
    later = cli("check", "a.md", "--format", "line", cwd=tmp_path)
    assert later.returncode == 1 and later.stdout.startswith("a.md:8:")  # path:line:col, no #id for editors
    (tmp_path / "a.md").write_text(FRONT.replace("2016-05-02", "next week"), encoding="utf-8")
    bad = cli("check", "a.md", "--format", "jsonl", cwd=tmp_path)
    assert bad.returncode == 2 and bad.stderr.splitlines()[0] == (
        "claimcheck: a.md: front matter: bad date 'next week' (expected YYYY-MM-DD)")


# ---- 6. directory scans -----------------------------------------------------------------------------------------

def test_a_directory_scan_skips_claimcheck_reports_and_honours_exclude(tmp_path):
    drafts = tmp_path / "drafts"
    (drafts / "old").mkdir(parents=True)
    (drafts / "a.md").write_text(OUTDATED_2024, encoding="utf-8")
    (drafts / "old" / "b.txt").write_text(OUTDATED_2024, encoding="utf-8")
    (drafts / "c.bak.md").write_text(OUTDATED_2024, encoding="utf-8")
    for out in ("r.html", "r.jsonl", "r.md", "r.txt"):  # every report format a walk would otherwise read
        p = cli("check", "drafts/a.md", "--as-of", "2024-03-15", "-o", f"drafts/{out}", cwd=tmp_path)
        assert p.returncode == 1 and (drafts / out).exists(), p.stderr
    p = cli("check", "--format", "github", "--as-of", "2024-03-15", "drafts/a.md", cwd=tmp_path)
    (drafts / "annotations.txt").write_text(p.stdout, encoding="utf-8")

    def docs(*extra: str) -> list[str]:
        r = cli("extract", "drafts", "--format", "jsonl", *extra, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        return sorted({json.loads(x)["doc"] for x in r.stdout.splitlines()})

    assert docs() == ["drafts/a.md", "drafts/c.bak.md", "drafts/old/b.txt"]
    assert docs("--exclude", "old", "--exclude", "*.bak.md") == ["drafts/a.md"]
    (tmp_path / "claimcheck.toml").write_text('exclude = ["drafts/old"]\n', encoding="utf-8")
    assert docs() == ["drafts/a.md", "drafts/c.bak.md"]
    assert docs("--exclude", "c.*") == ["drafts/a.md"]  # the flag adds to the configuration
    # a file named outright is read, report or not
    named = cli("extract", "drafts/old/b.txt", "--format", "jsonl", cwd=tmp_path)
    assert named.returncode == 0 and named.stdout


# ---- 7. recipes -------------------------------------------------------------------------------------------------

def test_recipes_install_this_project_at_a_tag_of_its_version():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "claimcheck-hi"  # "claimcheck" on the package index is another project
    assert project["scripts"]["claimcheck"].startswith("claimcheck.")
    docs = {p: p.read_text(encoding="utf-8") for p in
            (ROOT / "README.md", ROOT / "docs" / "REPORTS.md", ROOT / "docs" / "SCALE.md", ROOT / ".pre-commit-hooks.yaml")}
    for path, text in docs.items():
        assert not re.search(r"pip install [\"']?claimcheck(?![-\w])", text), path
        for rev in re.findall(r"rev: (\S+)", text):
            assert rev == f"v{project['version']}", (path, rev)
        for spec in re.findall(r"pip install (\S+)", text):
            assert "claimcheck-hi" in spec or spec.startswith(("\"git+", "git+", ".", "'.", "\".", "-")), (path, spec)


# ---- 8. GitHub annotations --------------------------------------------------------------------------------------

def test_github_annotations_follow_the_documented_levels_and_escape():
    out = render(sample_report(), "github").splitlines()
    assert [x.split(" ")[0] for x in out] == ["::error", "::error"]
    assert out[0].startswith("::error title=claimcheck (contradicted),file=draft.txt,line=1,col=36,endLine=1,"
                             "endColumn=54::contradicted: “मंत्री सुरेश वर्मा”")
    every = render(sample_report(fail_on=("contradicted",)), "github", Options(show=("all",))).splitlines()
    assert [x.split(" ")[0] for x in every] == ["::notice", "::error", "::warning", "::notice", "::notice"]
    odd = [checked(TEXT, "12%", "percent", "contradicted", message="100% wrong,\nsee: here")]
    rep = Report(results=(DocResult(doc="a,b:c\n.txt", path="a,b:c\n.txt", checked=tuple(odd)),),
                 fail_on=("contradicted",))
    line = render(rep, "github")
    assert line.count("\n") == 1 and "file=a%2Cb%3Ac%0A.txt" in line and "100%25 wrong, see: here" in line


def test_github_format_through_the_cli(tmp_path):
    (tmp_path / "a.txt").write_text(OUTDATED_2024, encoding="utf-8")
    p = cli("check", "a.txt", "--as-of", "2024-03-15", "--format", "github", cwd=tmp_path)
    assert p.returncode == 1
    lines = p.stdout.splitlines()
    assert lines[0].startswith("::error title=claimcheck (outdated),file=a.txt,line=1,col=")
    assert not lines[-1].startswith("::") and "gates publication" in lines[-1]  # the summary is plain log text


# ---- 9. the HTML report -----------------------------------------------------------------------------------------

def test_html_gating_list_names_documents_links_sites_and_says_dates_in_words():
    ev = (Evidence(summary="X held the post 2012-03-15–2017-03-19", period="2012-03-15/2017-03-19",
                   source="State gazette", source_url="https://www.example.org/very/long/path/to/a/notice.pdf"),
          Evidence(summary="Y held the post", period="2017-03-19/", source_url="https://news.example.net/x/y"))
    msg = "Y held the post — source https://news.example.net/x/y | outdated: also named elsewhere"
    cc = (checked(TEXT, "मंत्री सुरेश वर्मा", "officeholder", "outdated", evidence=ev, doc="one.md", message=msg),)
    other = (checked(TEXT, "chair Asha Rao", "officeholder", "contradicted", doc="two.md"),)
    rep = Report(results=(DocResult(doc="one.md", path="one.md", checked=cc, text=TEXT),
                          DocResult(doc="two.md", path="two.md", checked=other, text=TEXT)))
    page = render(rep, "html")
    gating = page[page.index('id="gating"'):page.index("</ol>", page.index('id="gating"'))]
    assert "one.md:1:36" in gating and "two.md:2:13" in gating
    assert '>example.org</a>' in page and '>news.example.net</a>' in page
    assert ">https://www.example.org/very" not in page  # the URL is the link's target, not its text
    visible = re.sub(r"<[^>]*>", "", page)
    assert "http" not in visible and "also named elsewhere" in visible  # no plain URL left in the text
    assert "since 19 Mar 2017" in page and "15 Mar 2012 – 19 Mar 2017" in page
    assert "2017-03-19/" not in page and "2012-03-15/2017-03-19" not in page


# ---- the README shows the terminal output as it prints --------------------------------------------------------

def test_the_readme_shows_the_terminal_output_as_it_prints_at_80_columns(request):
    """The README's console block is the real output at 80 columns (``pytest --update-golden`` rewrites it)."""
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    block = re.search(r"```console\n(.*?)```\n", text, re.S)
    assert block, "README has no console block"
    commands = [ln[2:] for ln in block.group(1).splitlines() if ln.startswith("$ ")]
    assert commands
    shown = ""
    for command in commands:
        args = command.split()[1:]
        p = cli(*args, cwd=ROOT, env={"COLUMNS": "80"})
        assert p.returncode in (0, 1), p.stderr
        shown += f"$ {command}\n{p.stdout}"
    if request.config.getoption("--update-golden"):
        readme.write_text(text[:block.start(1)] + shown + text[block.end(1):], encoding="utf-8")
    assert block.group(1) == shown
