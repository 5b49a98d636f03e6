"""Bad input through the real CLI: every case gets one clear line and exit 2 (or a per-document error while the
rest of a batch is still processed) — never a traceback, never a silently skipped document.

Each case runs ``claimcheck extract`` or ``claimcheck check`` as a subprocess in a scratch directory.
The table in docs/ROBUSTNESS.md lists the same cases and what each gets.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = (
    "लखनऊ, 30 अगस्त। उत्तर प्रदेश में 96 लाख एमएसएमई यूनिट हैं और सरकार ने 5,000 करोड़ रुपये का बजट रखा है। "
    "The state has 1.2 lakh crore rupees in exports, up 12 per cent since 2017.\n"
)


def cli(*args: str, cwd: Path, stdin: bytes | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    # these cases read the claims as a machine does: they ask for jsonl (the default is the human layout)
    if args and args[0] in ("check", "extract") and not {"--format", "-f", "-o", "--output"} & set(args):
        args = (args[0], "--format", "jsonl", *args[1:])
    exe = shutil.which("claimcheck")
    cmd = [exe] if exe else [sys.executable, "-m", "claimcheck"]
    return subprocess.run(cmd + list(args), cwd=cwd, input=stdin, capture_output=True, timeout=timeout)


def errors(proc: subprocess.CompletedProcess) -> list[str]:
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return [line for line in err.splitlines() if line.strip()]


def claims(proc: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines() if line.strip()]


def test_good_article_is_the_baseline(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    p = cli("extract", "--format", "jsonl", "a.txt", cwd=tmp_path)
    assert p.returncode in (0, 1), p.stderr
    assert errors(p) == []
    for c in claims(p):
        assert ARTICLE[c["start"]:c["end"]] == c["text"]


@pytest.mark.parametrize("command", ["extract", "check"])
def test_missing_file(tmp_path, command):
    p = cli(command, "nope.txt", cwd=tmp_path)
    assert p.returncode == 2
    assert errors(p) == ["claimcheck: nope.txt: no such file"]


def test_missing_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    good = cli("extract", "a.txt", cwd=tmp_path)
    p = cli("extract", "nope.txt", "a.txt", cwd=tmp_path)
    assert p.returncode == 2
    assert len(errors(p)) == 1
    assert claims(p) == claims(good)


def test_invalid_utf8_names_file_and_byte_offset(tmp_path):
    data = "मुख्य सचिव ने कहा".encode() + b" caf\xe9 " + "96 लाख".encode()
    (tmp_path / "latin.txt").write_bytes(data)
    p = cli("extract", "latin.txt", cwd=tmp_path)
    assert p.returncode == 2
    [line] = errors(p)
    offset = data.index(b"\xe9")
    assert "latin.txt" in line and f"byte offset {offset}" in line and "--encoding" in line


def test_encoding_option_reads_a_legacy_file(tmp_path):
    (tmp_path / "cp.txt").write_bytes("Exports rose 12 per cent to Rs 5,000 crore in 2023 — café".encode("cp1252"))
    p = cli("extract", "--encoding", "cp1252", "cp.txt", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert errors(p) == []


def test_unknown_encoding_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    p = cli("extract", "--encoding", "no-such-codec", "a.txt", cwd=tmp_path)
    assert p.returncode == 2
    [line] = errors(p)
    assert "no-such-codec" in line


@pytest.mark.parametrize("bom,codec", [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_byte_order_marks_give_the_same_claims(tmp_path, bom, codec):
    (tmp_path / "plain.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bom.txt").write_bytes(bom + ARTICLE.encode(codec))
    plain = cli("extract", "plain.txt", cwd=tmp_path)
    withbom = cli("extract", "bom.txt", cwd=tmp_path)
    assert withbom.returncode == plain.returncode
    assert errors(withbom) == []
    strip = [{k: v for k, v in c.items() if k != "doc"} for c in claims(withbom)]
    assert strip == [{k: v for k, v in c.items() if k != "doc"} for c in claims(plain)]


def test_utf16_without_bom_is_recognised(tmp_path):
    (tmp_path / "u16.txt").write_bytes(ARTICLE.encode("utf-16-le"))
    p = cli("extract", "u16.txt", cwd=tmp_path)
    assert p.returncode == 2
    [line] = errors(p)
    assert "--encoding utf-16-le" in line
    ok = cli("extract", "--encoding", "utf-16-le", "u16.txt", cwd=tmp_path)
    assert ok.returncode == 0 and errors(ok) == []


@pytest.mark.parametrize(
    "name,data,expect",
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("blob.txt", bytes(range(256)) * 16, "NUL byte at byte offset 0"),
        ("nul.txt", "96 लाख".encode() + b"\x00" + "यूनिट".encode(), "NUL byte at byte offset"),
    ],
)
def test_binary_files(tmp_path, name, data, expect):
    (tmp_path / name).write_bytes(data)
    p = cli("check", name, cwd=tmp_path)
    assert p.returncode == 2
    [line] = errors(p)
    assert name in line and expect in line


@pytest.mark.parametrize("content", [b"", b"   \n\n\t ", b"\xef\xbb\xbf"])
def test_empty_files(tmp_path, content):
    (tmp_path / "empty.txt").write_bytes(content)
    p = cli("check", "empty.txt", cwd=tmp_path)
    assert p.returncode == 2
    assert errors(p) == ["claimcheck: empty.txt: empty document: no text to check"]


def test_empty_stdin(tmp_path):
    p = cli("extract", "-", cwd=tmp_path, stdin=b"")
    assert p.returncode == 2
    assert errors(p) == ["claimcheck: <stdin>: empty document: no text to check"]


def test_stdin_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    p = cli("extract", "-", cwd=tmp_path, stdin=ARTICLE.encode())
    f = cli("extract", "a.txt", cwd=tmp_path)
    assert p.returncode == f.returncode
    assert [c["text"] for c in claims(p)] == [c["text"] for c in claims(f)]


def test_long_single_line(tmp_path):
    """2 MB on one line here (the 50 MB run is in benchmarks/adversarial.py --long-line; see docs/ROBUSTNESS.md)."""
    sentence = ARTICLE.strip() + " "
    text = sentence * (2_000_000 // len(sentence.encode()))
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    p = cli("extract", "long.txt", cwd=tmp_path, timeout=600)
    assert p.returncode == 0, p.stderr[-500:]
    assert errors(p) == []
    out = claims(p)
    for c in out[:50] + out[-50:]:
        assert text[c["start"]:c["end"]] == c["text"]


def test_direction_marks_and_mixed_scripts(tmp_path):
    text = "\u202bउत्तर प्रदेश\u202c में \u200f96 लाख\u200e units; \u2067مرحبا\u2069 Rs 5,000 करोड़ ١٢٣ 𝟗𝟔 lakh\n"
    (tmp_path / "bidi.txt").write_text(text, encoding="utf-8")
    p = cli("extract", "bidi.txt", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert errors(p) == []
    for c in claims(p):
        assert text[c["start"]:c["end"]] == c["text"]


def test_zero_width_joiners_inside_numbers_and_names(tmp_path):
    plain = "मुख्य सचिव मनोज कुमार सिंह ने बताया कि प्रदेश में 96 लाख यूनिट हैं।\n"
    zw = "मुख्य सचिव मनोज\u200d कुमार सिं\u200cह ने बताया कि प्रदेश में 9\u200d6 ला\u200dख यूनिट हैं।\n"
    (tmp_path / "plain.txt").write_text(plain, encoding="utf-8")
    (tmp_path / "zw.txt").write_text(zw, encoding="utf-8")
    a, b = cli("extract", "plain.txt", cwd=tmp_path), cli("extract", "zw.txt", cwd=tmp_path)
    assert a.returncode == b.returncode == 0
    assert errors(b) == []
    got = claims(b)
    for c in got:
        assert zw[c["start"]:c["end"]] == c["text"]
    # the joiners are invisible: the same claims with the same values come out
    keys = ("kind", "value", "low", "high", "unit")
    assert [tuple(c.get(k) for k in keys) for c in got] == [tuple(c.get(k) for k in keys) for c in claims(a)]


def _batch(tmp_path: Path, lines: list[str | bytes]) -> Path:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"".join((x if isinstance(x, bytes) else x.encode()) + b"\n" for x in lines))
    return path


def test_malformed_jsonl_lines_are_reported_with_line_numbers_and_the_rest_is_checked(tmp_path):
    good = json.dumps({"id": "ok1", "text": ARTICLE, "date": "2024-08-30"}, ensure_ascii=False)
    good2 = json.dumps({"id": "ok2", "text": ARTICLE}, ensure_ascii=False)
    _batch(tmp_path, [
        good,                                                   # 1
        '{"id": "broken", "text": "unterminated',               # 2
        "[1, 2, 3]",                                            # 3
        json.dumps({"id": "notext"}),                           # 4
        json.dumps({"id": "numtext", "text": 42}),              # 5
        json.dumps({"id": "blank", "text": "   "}),             # 6
        json.dumps({"id": "baddate", "text": ARTICLE, "date": "2024-13-45"}, ensure_ascii=False),  # 7
        json.dumps({"id": "intdate", "text": ARTICLE, "date": 20240830}, ensure_ascii=False),      # 8
        json.dumps({"id": "farfuture", "text": ARTICLE, "date": "9999-01-01"}, ensure_ascii=False),  # 9
        b'{"id": "badbytes", "text": "caf\xe9"}',               # 10
        '{"id": "surrogate", "text": "\\ud800 96 lakh"}',      # 11
        "[" * 100_000 + "]" * 100_000,                          # 12
        json.dumps({"id": ["x"], "text": "a"}),                 # 13
        "",                                                     # 14 (blank lines are allowed)
        good2,                                                  # 15
    ])
    p = cli("extract", "batch.jsonl", cwd=tmp_path)
    assert p.returncode == 2
    errs = errors(p)
    bad_lines = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]
    assert len(errs) == len(bad_lines), errs
    for n, line in zip(bad_lines, errs):
        assert line.startswith(f"claimcheck: batch.jsonl:{n}: "), line
    assert "byte offset" in errs[bad_lines.index(10)]
    docs = {c["doc"] for c in claims(p)}
    assert docs <= {"ok1", "ok2"}
    single = cli("extract", "-", cwd=tmp_path, stdin=ARTICLE.encode())
    if claims(single):
        assert docs == {"ok1", "ok2"}


def test_jsonl_with_bom_and_crlf(tmp_path):
    body = "\r\n".join(json.dumps({"id": f"d{i}", "text": ARTICLE}, ensure_ascii=False) for i in range(3))
    (tmp_path / "b.jsonl").write_bytes(b"\xef\xbb\xbf" + body.encode() + b"\r\n")
    (tmp_path / "w.jsonl").write_bytes(b"\xff\xfe" + body.encode("utf-16-le"))
    for name in ("b.jsonl", "w.jsonl"):
        p = cli("extract", name, cwd=tmp_path)
        assert p.returncode == 0, p.stderr
        assert errors(p) == []


def test_jsonl_nul_escape_is_text_not_binary(tmp_path):
    _batch(tmp_path, [json.dumps({"id": "n", "text": "96 लाख\u0000 यूनिट"}, ensure_ascii=False)])
    p = cli("extract", "batch.jsonl", cwd=tmp_path)
    assert p.returncode == 0 and errors(p) == []


def test_bad_as_of_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    p = cli("check", "--as-of", "30/08/2024", "a.txt", cwd=tmp_path)
    assert p.returncode == 2
    [line] = errors(p)
    assert "30/08/2024" in line


def test_directory_without_text_files_and_unmatched_glob(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.bin").write_bytes(b"\x00")
    p = cli("extract", "d", "nomatch*.txt", cwd=tmp_path)
    assert p.returncode == 2
    errs = errors(p)
    assert len(errs) == 2
    assert "d: directory holds no" in errs[0] and "nomatch*.txt: no file matches" in errs[1]


def test_directory_walk_reports_broken_links_and_skips_hidden_dirs(tmp_path):
    (tmp_path / "d" / ".git").mkdir(parents=True)
    (tmp_path / "d" / ".git" / "notes.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "d" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(tmp_path / "gone.txt", tmp_path / "d" / "b.txt")
    p = cli("extract", "d", cwd=tmp_path)
    assert p.returncode == 2
    [line] = errors(p)
    assert "b.txt: no such file" in line
    assert all(c["doc"].endswith("a.txt") for c in claims(p))


def test_device_is_refused(tmp_path):
    p = cli("extract", "/dev/zero", cwd=tmp_path, timeout=60)
    assert p.returncode == 2
    assert errors(p) == ["claimcheck: /dev/zero: not a regular file (device or socket)"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file; the permission cases run in-process below")
def test_unreadable_file_and_directory(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt").chmod(0)
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "d" / "sub").chmod(0)
    try:
        p = cli("extract", "a.txt", "d", cwd=tmp_path)
    finally:
        (tmp_path / "a.txt").chmod(0o644)
        (tmp_path / "d" / "sub").chmod(0o755)
    assert p.returncode == 2
    errs = errors(p)
    assert errs[0] == "claimcheck: a.txt: permission denied"
    assert "sub: cannot list directory: permission denied" in errs[1]


def test_permission_errors_in_process(tmp_path, monkeypatch):
    """The same cases as above with the OS refusing (simulated, because root may read anything)."""
    from typer.testing import CliRunner

    from claimcheck.read import inputs
    from claimcheck.cli.main import app

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    real_open, real_walk = open, os.walk

    def deny_open(path, *a, **k):
        if str(path).endswith("a.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    def deny_walk(top, onerror=None, **k):
        for dirpath, dirs, files in real_walk(top, onerror=onerror, **k):
            if dirpath.endswith("sub"):
                onerror(PermissionError(13, "Permission denied", dirpath))
                continue
            yield dirpath, dirs, files

    monkeypatch.setattr(inputs, "open", deny_open, raising=False)
    monkeypatch.setattr(inputs.os, "walk", deny_walk)
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["extract", "--format", "jsonl", "a.txt", "d"])
    assert r.exit_code == 2
    assert r.exception is None or isinstance(r.exception, SystemExit)
    err = r.stderr if hasattr(r, "stderr") else r.output
    lines = [x for x in err.splitlines() if x.startswith("claimcheck:")]
    assert "claimcheck: a.txt: permission denied" in lines
    assert any("sub: cannot list directory: permission denied" in x for x in lines)


def test_markup_without_text(tmp_path):
    (tmp_path / "e.html").write_text("<html><head><script>var x = 96;</script></head><body> </body></html>")
    p = cli("extract", "e.html", cwd=tmp_path)
    assert p.returncode == 2
    assert errors(p) == ["claimcheck: e.html: no text outside the markup: nothing to check"]


def test_a_markup_bug_is_an_error_for_that_file_only(tmp_path, monkeypatch):
    """The read stage runs in the parent process: a crash there must not take the batch down."""
    from claimcheck.read import markup
    from claimcheck.options import Options
    from claimcheck.run.batch import run_parallel

    def broken(*a, **k):
        raise KeyError("boom")

    monkeypatch.setattr(markup, "to_document", broken)
    (tmp_path / "a.html").write_text("<p>96 लाख</p>", encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    got = list(run_parallel([str(tmp_path / "a.html"), str(tmp_path / "b.txt")],
                            Options(jobs=1, command="extract")))
    assert "internal error reading markup (KeyError" in got[0].error
    assert got[1].error is None and got[1].doc.endswith("b.txt")
