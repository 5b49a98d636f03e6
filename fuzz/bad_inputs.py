"""Run the CLI on every kind of bad input and print a Markdown table of what each gets (for docs/ROBUSTNESS.md).

    python fuzz/bad_inputs.py [--long-line-mb 50]

Each case is built in a scratch directory and run as `claimcheck extract <args>` (whole process); the table shows
the exit status, the messages on stderr, how many claims still came out, and whether a traceback appeared.
tests/test_inputs.py asserts the same behaviour case by case.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARTICLE = ("लखनऊ, 30 अगस्त। उत्तर प्रदेश में 96 लाख एमएसएमई यूनिट हैं और सरकार ने 5,000 करोड़ रुपये का बजट रखा "
           "है। The state has 1.2 lakh crore rupees in exports, up 12 per cent since 2017.\n")


def cases(d: Path, long_mb: float):
    def w(name: str, data: bytes | str) -> str:
        p = d / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode() if isinstance(data, str) else data)
        return name

    line = lambda **o: json.dumps(o, ensure_ascii=False)  # noqa: E731
    yield "missing file", ["extract", "nope.txt"]
    yield "a directory with no text files", ["extract", w("empty-dir/x.bin", b"\x00") and "empty-dir"]
    yield "glob matching nothing", ["extract", "nomatch-*.txt"]
    yield "device (/dev/zero)", ["extract", "/dev/zero"]
    yield "unreadable file (chmod 000; as non-root)", ["extract", w("locked.txt", ARTICLE)]
    yield "invalid UTF-8 (cp1252 é)", ["extract", w("latin.txt", "मुख्य सचिव ".encode() + b"caf\xe9 96 lakh")]
    yield "the same with --encoding cp1252", ["extract", "--encoding", "cp1252", w("cp.txt", "café 96 lakh".encode("cp1252"))]
    yield "unknown --encoding", ["extract", "--encoding", "klingon", w("a.txt", ARTICLE)]
    yield "UTF-8 BOM", ["extract", w("bom8.txt", b"\xef\xbb\xbf" + ARTICLE.encode())]
    yield "UTF-16 LE with BOM", ["extract", w("bom16.txt", b"\xff\xfe" + ARTICLE.encode("utf-16-le"))]
    yield "UTF-16 without BOM", ["extract", w("nobom16.txt", ARTICLE.encode("utf-16-le"))]
    yield "PNG image named .txt", ["extract", w("img.txt", b"\x89PNG\r\n\x1a\n" + bytes(64))]
    yield "PDF named .txt", ["extract", w("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3")]
    yield "random binary", ["extract", w("blob.txt", bytes(range(256)) * 8)]
    yield "NUL byte inside text", ["extract", w("nul.txt", "96 लाख".encode() + b"\x00" + "यूनिट".encode())]
    yield "empty file", ["extract", w("empty.txt", b"")]
    yield "whitespace-only file", ["extract", w("blank.txt", b" \n\t\n")]
    yield "empty stdin", ["extract", "-"]
    yield "bidi marks, RLO, Arabic, math digits", ["extract", w("bidi.txt", "\u202bउत्तर प्रदेश\u202c में \u200f96 लाख\u200e; "
                                                                  "\u2067مرحبا\u2069 ١٢٣ 𝟗𝟔 lakh\n")]
    yield "ZWJ/ZWNJ inside numbers and names", ["extract", w("zw.txt", "मुख्य सचिव मनोज\u200d कुमार सिं\u200cह: प्रदेश में "
                                                               "9\u200d6 ला\u200dख यूनिट।\n")]
    batch = [
        line(id="ok1", text=ARTICLE, date="2024-08-30"),
        '{"id": "broken", "text": "unterminated',
        "[1, 2, 3]",
        line(id="notext"),
        line(id="blank", text="  "),
        line(id="baddate", text=ARTICLE, date="2024-13-45"),
        line(id="farfuture", text=ARTICLE, date="9999-01-01"),
        '{"id": "badbytes", "text": "caf\xe9"}',
        '{"id": "surrogate", "text": "\\ud800 96 lakh"}',
        "[" * 50_000 + "]" * 50_000,
        line(id="ok2", text=ARTICLE),
    ]
    raw = "\n".join(batch).encode("utf-8", "surrogateescape").replace(b"caf\xc3\xa9", b"caf\xe9")
    yield "JSONL: 9 bad lines among 2 good", ["extract", w("batch.jsonl", raw + b"\n")]
    yield "JSONL with BOM and CRLF", ["extract", w("crlf.jsonl", b"\xef\xbb\xbf" + (line(id="a", text=ARTICLE) + "\r\n").encode())]
    yield "bad --as-of", ["check", "--as-of", "30/08/2024", "a.txt"]
    yield "unclosed HTML", ["extract", w("u.html", "<html><body><p>उत्तर प्रदेश में 96 लाख <b>यूनिट <i ")]
    yield "script in HTML", ["extract", w("s.html", "<p>96 लाख</p><script>var x = '12 crore';</script>")]
    if long_mb:
        chunk = ARTICLE.strip() + " "
        n = int(long_mb * 2**20) // len(chunk.encode())
        yield f"{long_mb:g} MB on a single line", ["extract", w("long.txt", chunk * n)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--long-line-mb", type=float, default=5)
    args = ap.parse_args()
    exe = shutil.which("claimcheck") or str(Path(sys.executable).with_name("claimcheck"))
    d = Path(tempfile.mkdtemp(prefix="claimcheck-bad-"))
    print("| input | exit | what the user sees (stderr) | claims out | seconds |")
    print("|---|---|---|---|---|")
    for name, argv in cases(d, args.long_line_mb):
        if name.startswith("unreadable"):
            (d / "locked.txt").chmod(0)
        t = time.perf_counter()
        p = subprocess.run([exe, *argv], cwd=d, capture_output=True, input=b"", timeout=3600)
        took = time.perf_counter() - t
        err = p.stderr.decode("utf-8", "replace")
        tb = "Traceback" in err
        lines = [x.replace(str(d) + "/", "").replace("|", "\\|") for x in err.splitlines() if x.strip()]
        shown = "<br>".join(f"`{x[:150]}`" for x in lines[:12]) or "(nothing)"
        if os.geteuid() == 0 and name.startswith("unreadable"):
            shown += " *(run as root: root reads any file; as a user: `permission denied`, see tests)*"
        n = sum(1 for x in p.stdout.decode("utf-8", "replace").splitlines() if x.strip())
        print(f"| {name} | {p.returncode} | {'**TRACEBACK** ' if tb else ''}{shown} | {n} | {took:.1f} |")
    shutil.rmtree(d, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
