"""Issue 15, memory: every format is written a document at a time, so a run holds no report whole in memory.

Peak-memory figures are in benchmarks/README.md (benchmarks/report_memory.py); nothing here is timed. These tests
check that the streamed output is exactly what rendering the whole report gives (and still valid JSON/HTML), that
the run keeps only what the exit status needs, and that what the head of a report keeps is bounded.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from claimcheck import api
from claimcheck.cli import main as cli
from claimcheck.model import DocResult
from claimcheck.options import Options
from claimcheck.report.render import FORMATS, Stream, Tally, render

from test_render import sample_checked, sample_report

# Our own article-like texts, with claims that are supported, contradicted and unverifiable on the date used.
TEXTS = [
    "जिले में इस साल 4,200 नए राशन कार्ड बने और 38 फीसदी आवेदन अब भी लंबित हैं, अधिकारी ने बताया।\n\n"
    "The municipal corporation spent Rs 140 crore on 62 km of new drains in 2023.",
    "उत्तर प्रदेश में करीब 96 लाख एमएसएमई यूनिट हैं।\n\nAbout 1.8 lakh pilgrims visited the fair on Sunday.",
    "No numbers here at all.",
    "पिछले तीन वर्षों में जिले की साक्षरता दर 71 प्रतिशत से बढ़कर 79 प्रतिशत हो गई।",
]


@pytest.fixture
def articles(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    names = []
    for i, text in enumerate(TEXTS):
        (tmp_path / f"a{i}.txt").write_text(text, encoding="utf-8")
        names.append(f"a{i}.txt")
    return [*names[:2], "missing.txt", *names[2:]]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_written_report_is_the_whole_report_rendered(articles, tmp_path, fmt):
    r = CliRunner().invoke(cli.app, ["check", *articles, "-f", fmt, "--as-of", "2024-08-30", "-o",
                                     str(tmp_path / "out.report")])
    assert r.exit_code == 2, r.stdout  # missing.txt
    written = (tmp_path / "out.report").read_text(encoding="utf-8")
    options = Options.discover(articles, command="check", as_of=_dt.date(2024, 8, 30), jobs=1)
    report = api.check_paths(articles, options)
    assert written == render(report, fmt, cli_render_options())
    if fmt in ("json", "sarif", "claimreview"):
        json.loads(written)
    if fmt == "html":
        assert_balanced(written)
        assert written.count('<section class="doc"') == len(articles)


def cli_render_options():
    from claimcheck.cli.common import width
    from claimcheck.report.render import Options as RenderOptions

    return RenderOptions(color=False, width=width())


class _Tags(HTMLParser):
    VOID = {"meta", "br", "img", "link", "input", "hr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (self.stack[-3:], tag)
        self.stack.pop()


def assert_balanced(page: str) -> None:
    p = _Tags()
    p.feed(page)
    p.close()
    assert p.stack == [] and page.startswith("<!doctype html>")


@pytest.mark.parametrize("fmt", ["json", "html", "markdown", "sarif", "claimreview", "table"])
def test_the_run_keeps_only_what_the_exit_status_needs(articles, fmt):
    """After a run the report holds the failed documents and at most one that gates, whatever the format."""
    options = Options(command="check", jobs=1, as_of=_dt.date(2030, 1, 1))
    run = api.start(articles * 5, options, lean=True, keep_text=fmt in ("html", "claimreview"))
    stream = Stream(fmt, command="check", as_of="2030-01-01", fail_on=options.fail_on)
    for done in run:
        stream.document(done.result)
    kept = run.report.results
    assert stream.tally.documents == 25 and stream.tally.counts["failed"] == 5
    assert sum(1 for r in kept if not r.error) <= 1 and all(r.text is None for r in kept)
    assert int(api.exit_status(run.report, options)) == 2


def test_what_the_head_keeps_is_bounded():
    one = sample_report().results[0]
    tally = Tally("check", "2024-08-30", ("contradicted", "outdated"))
    for i in range(2000):
        tally.add(replace(one, doc=f"d{i}"))
    tally.add(DocResult(doc="gone", path="gone", error="gone: no such file"))
    assert len(tally.gating) == Tally.GATING and len(tally.index) == Tally.INDEX
    assert tally.counts["gating"] == 2 * 2000 and tally.counts["documents"] == 2001 and len(tally.failed) == 1
    assert tally.claims == len(sample_checked()) * 2000
    assert all(r.text is None and not r.checked for _, _, r, _ in tally.gating)


@pytest.mark.parametrize("fmt", ["json", "sarif", "claimreview", "html", "markdown"])
def test_an_empty_run_and_a_failed_one_are_still_valid(fmt):
    for report in (replace(sample_report(), results=()), replace(sample_report(failed=True),
                                                                 results=sample_report(failed=True).results[1:])):
        out = render(report, fmt)
        if fmt == "html":
            assert_balanced(out)
        elif fmt != "markdown":
            json.loads(out)
