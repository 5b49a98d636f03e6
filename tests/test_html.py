"""The HTML report: escaping (unit level), and opened in real headless Chromium — highlights and summary in the DOM,
hostile drafts execute nothing, screenshots at phone and desktop sizes.

Chromium comes from Debian's ``chromium`` package (``.ci/run`` installs it); without it the browser tests are
skipped with that reason.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from claimcheck.model import CheckedClaim, Evidence, Report
from claimcheck.report.render import render

from test_render import EXAMPLE, TEXT, checked, sample_report

PWN = "document.documentElement.setAttribute('data-pwned','{}')"
HOSTILE = (
    "Intro 42 लाख units.\n"
    f"<script>{PWN.format('script')}</script> said the chair Asha Rao.\n"
    f"\"><img src=x onerror=\"{PWN.format('img')}\"> rose 12% in 2023.\n"
    f"<svg onload=\"{PWN.format('svg')}\"></svg><iframe srcdoc=\"<b>x</b>\"></iframe>\n"
    "</div></mark></span><b id=\"injected-b\">bold</b> minister Ravi Nair.\n"
)


def hostile_report() -> Report:
    bad_ev = Evidence(summary=f"<img src=y onerror=\"{PWN.format('evidence')}\">",
                      source="\"><b id=\"injected-source\">src</b>",
                      source_url=f"javascript:{PWN.format('link')}", period="<i id='injected-period'>2020</i>")
    bad_ev2 = Evidence(summary="ok", source="Gazette", source_url=f"https://x.example/\"onmouseover=\"{PWN.format('attr')}")
    cc = [
        checked(HOSTILE, "42 लाख", "quantity", "supported", evidence=[bad_ev2]),
        checked(HOSTILE, f"<script>{PWN.format('script')}</script>", "quantity", "contradicted", evidence=[bad_ev],
                message=f"<script>{PWN.format('message')}</script>"),
        checked(HOSTILE, "chair Asha Rao", "officeholder", "outdated", evidence=[bad_ev]),
        checked(HOSTILE, f"\"><img src=x onerror=\"{PWN.format('img')}\">", "percent", "ambiguous"),
        checked(HOSTILE, "12%", "percent", "unverifiable"),
        checked(HOSTILE, "minister Ravi Nair", "officeholder", "contradicted", suppressed="<b id='injected-sup'>x</b>"),
    ]
    return sample_report(text=HOSTILE, checked_claims=cc)


# ---- without a browser -----------------------------------------------------------------------------------------

def test_every_string_is_escaped():
    out = render(hostile_report(), "html")
    body = out.split("</style>", 1)[1]
    assert "<script" not in body and "<img" not in body and "<svg" not in body and "<iframe" not in body
    assert 'id="injected' not in body and "<i " not in body
    assert 'href="javascript' not in body.lower()
    assert not any("onmouseover" in h for h in re.findall(r'href="([^"]*)"', body))
    assert not re.search(r"<[a-z]+[^<>]*\son\w+=", body)  # no tag carries an event handler
    assert html.escape(f"<script>{PWN.format('script')}</script>") in body


def test_only_http_links_and_a_csp_that_forbids_scripts():
    out = render(sample_report(), "html")
    external = [h for h in re.findall(r'href="([^"]*)"', out) if not h.startswith("#")]
    assert external == ["https://example.org/report.pdf", "https://example.org/gazette"]
    assert "Content-Security-Policy" in out and "default-src 'none'" in out
    assert "<script" not in out and "http://" not in out.split("<body>")[0].replace("http-equiv", "")


def test_summary_counts_and_gating_list():
    out = render(sample_report(failed=True), "html")
    assert '<li class="v-contradicted" data-verdict="contradicted"><b>1</b> contradicted</li>' in out
    assert "2 finding(s) gate publication" in out
    assert 'id="failed"' in out and "missing.txt: could not be checked: no such file" in out
    assert out.count('class="claim ') == 5
    index = re.search(r'<ol id="documents-index">(.*?)</ol>', out).group(1)
    assert '<a href="#doc-1">draft.txt</a> — 5 claim(s), <strong>2 gate(s)</strong>' in index
    assert '<a href="#doc-2">missing.txt</a> — could not be checked' in index
    gating = re.search(r'<ol class="findings" id="gating">(.*?)</ol>', out).group(1)
    assert "मंत्री सुरेश वर्मा" in gating and "chair Asha Rao" in gating and "42 लाख" not in gating


# ---- in headless Chromium --------------------------------------------------------------------------------------

def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        exe = shutil.which(name)
        if exe:
            return exe
    pytest.skip("chromium is not installed (Debian package: chromium); the HTML report was not opened in a browser")


def browse(page: Path, *extra: str, timeout: int = 120) -> str:
    with tempfile.TemporaryDirectory() as profile:
        p = subprocess.run(
            [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
             "--virtual-time-budget=3000", *extra, page.as_uri()],
            capture_output=True, text=True, timeout=timeout)
    assert p.returncode == 0, p.stderr[-2000:]
    return p.stdout


def dump_dom(page: Path) -> str:
    return browse(page, "--dump-dom")


def test_browser_runs_scripts_in_this_setup(tmp_path):
    """Control: the same browser invocation does run an inline script, so the tests below can fail."""
    page = tmp_path / "control.html"
    page.write_text(f"<!doctype html><html><body><script>{PWN.format('control')}</script></body></html>",
                    encoding="utf-8")
    assert 'data-pwned="control"' in dump_dom(page)


@pytest.mark.parametrize("with_csp", [True, False])
def test_hostile_draft_executes_nothing(tmp_path, with_csp):
    out = render(hostile_report(), "html")
    if not with_csp:  # escaping alone must hold, without the CSP's second line of defence
        out = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", out)
        assert "Content-Security-Policy" not in out
    page = tmp_path / "report.html"
    page.write_text(out, encoding="utf-8")
    dom = dump_dom(page)
    assert not re.search(r"<html[^>]*data-pwned", dom)
    body = dom.split("<body", 1)[1]
    for tag in ("<script", "<img", "<svg", "<iframe"):
        assert tag not in body, tag
    assert not re.search(r"<[a-z]+[^<>]*\bid=[\"']injected", body)  # no element from the payloads
    assert 'href="javascript' not in body.lower()
    assert not re.search(r"<[a-z]+[^<>]*\son\w+=", body)
    assert "<title>claimcheck report</title>" in dom
    # the payloads are shown as text
    assert "&lt;script&gt;document.documentElement.setAttribute" in body
    assert body.count('<mark class="claim') == 6


def test_example_article_highlights_and_summary_in_the_browser(tmp_path):
    from claimcheck import api
    from claimcheck.options import Options

    results = tuple(api.run([str(EXAMPLE)], Options(command="check", as_of="2025-06-01")))
    report = Report(results=results, as_of="2025-06-01")
    page = tmp_path / "example.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    dom = dump_dom(page)
    n = len(results[0].checked)
    assert n and dom.count('<mark class="claim') == n
    assert 'id="summary"' in dom and 'id="gate"' in dom
    counts = {v: sum(cc.verdict.outcome == v for cc in results[0].checked) for v in
              ("supported", "contradicted", "outdated", "unverifiable", "ambiguous")}
    for v, k in counts.items():
        assert f'data-verdict="{v}"><b>{k}</b> {v}</li>' in dom
    text = results[0].text
    for cc in results[0].checked:  # each highlight holds exactly its claim's text, escaped
        assert f'data-verdict="{cc.verdict.outcome}" aria-label="{cc.verdict.outcome}">{html.escape(text[cc.claim.start:cc.claim.end], quote=False)}' in dom


@pytest.mark.parametrize("size", ["412,900", "1280,900"])
def test_screenshots(tmp_path, size):
    page = tmp_path / "report.html"
    page.write_text(render(hostile_report(), "html"), encoding="utf-8")
    shot = tmp_path / f"shot-{size}.png"
    browse(page, f"--screenshot={shot}", f"--window-size={size}", "--hide-scrollbars")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000


# ---- any input: only our own tags and attributes ----------------------------------------------------------------

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "ul", "ol", "li", "b",
                "main", "section", "div", "mark", "span", "a", "strong", "details", "summary"}


def test_generated_reports_contain_only_our_markup():
    from html.parser import HTMLParser

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from test_sarif import reports

    class Collect(HTMLParser):
        def __init__(self):
            super().__init__()
            self.bad: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag not in ALLOWED_TAGS:
                self.bad.append(tag)
            for name, value in attrs:
                if name.startswith("on") or name in ("src", "srcdoc", "style", "formaction"):
                    self.bad.append(f"{tag}[{name}]")
                if name == "href" and not (value.startswith("#") or value.startswith(("http://", "https://"))):
                    self.bad.append(f"href={value}")

    payloads = st.sampled_from(["<script>x()</script>", "\"><img src=x onerror=y()>", "<a href='javascript:z()'>",
                                "</mark></span><iframe>", "<style>*{}</style>", "'onmouseover='a()", "&lt;b&gt;"])

    @settings(max_examples=100, deadline=None)
    @given(reports(), st.lists(payloads, max_size=3))
    def check(report, extra):
        from dataclasses import replace

        results = tuple(replace(r, text=(r.text or "") + "".join(extra)) if not r.error else r
                        for r in report.results)
        p = Collect()
        p.feed(render(replace(report, results=results), "html"))
        assert p.bad == []

    check()
