"""Read stage: turn the paths a user gives into :class:`Document` records, one error per unreadable document.

A path is a text file, ``-`` (standard input), a ``.jsonl`` batch (one ``{"id", "text", "date"?, "lang"?,
"format"?}`` object a line), or a directory (walked recursively for .txt, .md, .html, .htm, .jsonl; hidden directories such
as ``.git`` are not entered). Every document that cannot be read is yielded as an :class:`InputError` naming the
file (and line), so a batch goes on and nothing is skipped silently.

Markup: a ``.md``/``.markdown`` file is read as Markdown, ``.html``/``.htm`` as HTML, any other file as plain text.
Text without a file name (standard input, a batch line) is read as its declared format (``input_format``, or a
line's ``"format"``: ``markdown``, ``html``, ``text`` or ``auto``); undeclared or ``auto``, it is sniffed
(:func:`claimcheck.read.markup.sniff`), so a claim inside ``**…**`` or ``<b>…</b>`` is never lost.

A directory walk or a glob leaves out (a path named outright is always read):

* what matches an ``exclude`` glob (configuration ``exclude``, ``--exclude``): a pattern matches a path when it
  matches the path or any tail of it that starts at the walked directory's name or below (``reports`` skips
  every ``reports`` directory; ``drafts/old`` skips ``drafts/old`` when ``drafts`` or its parent is walked;
  ``*.bak.md`` matches by name), much as gitignore does;
* claimcheck's own reports, told by their content (:func:`is_report`): an HTML report's generator meta tag or
  title, a Markdown report's heading, JSONL findings (objects with ``doc`` and ``verdict`` or ``kind``/``start``
  and no ``id``), ``line`` output and GitHub annotations. (JSON and SARIF reports end in .json/.sarif, which a
  walk does not read.)

Streaming: a ``.jsonl`` batch is read line by line, so memory does not grow with the batch; one text file is one
document and is read whole. Decoding is strict: invalid bytes are reported with their byte offset, never replaced,
so that offsets into the text stay the caller's offsets.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import io
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace as _replace

from claimcheck import cache
from claimcheck.errors import InputError, UsageError
from claimcheck.model import Document
from claimcheck.read.paths import (  # noqa: F401 (the reader's API)
    TEXT_SUFFIXES, count_documents, excluded, expand, is_report)

# Article dates outside this range are almost certainly typos (and would push date arithmetic off the calendar).
MIN_DATE = _dt.date(1800, 1, 1)
MAX_DATE = _dt.date(2199, 12, 31)

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.odt)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)
_SURROGATE = cache.compile(r"[\ud800-\udfff]")
_WIDE = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}


def parse_date(value: object, *, where: str) -> _dt.date | None:
    """An article date from a batch line: ``YYYY-MM-DD`` (a time part after it is ignored), or None."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"date must be a string YYYY-MM-DD, got {type(value).__name__}", path=where)
    try:
        d = _dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"bad date {value[:40]!r} (expected YYYY-MM-DD)", path=where) from None
    if not MIN_DATE <= d <= MAX_DATE:
        raise InputError(f"implausible date {value[:40]!r} (expected a year from 1800 to 2199)", path=where)
    return d


def check_encoding(encoding: str | None) -> str | None:
    """The canonical codec name of ``encoding``, or a :class:`UsageError` for an unknown one."""
    if not encoding:
        return None
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise UsageError(f"unknown encoding {encoding!r} (try utf-8, utf-16, cp1252, latin-1)") from None


def _sniff_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary file ({what}), not text"
    nul = data.find(b"\x00", 0, 1 << 20)
    if nul < 0:
        nul = data.find(b"\x00")
    if nul < 0:
        return None
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if len(head) >= 8 and max(even, odd) > len(head) // 4 and min(even, odd) == 0:
        guess = "utf-16-le" if odd else "utf-16-be"
        return f"looks like UTF-16 without a byte-order mark; pass --encoding {guess}"
    return f"binary file (NUL byte at byte offset {nul}), not text"


def decode(data: bytes, *, name: str, encoding: str | None = None) -> str:
    """Decode bytes as UTF-8 (or ``encoding``), honouring a UTF-8/UTF-16 byte-order mark; never guesses silently."""
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as e:
            raise InputError(f"cannot decode as {encoding} at byte offset {e.start}: {e.reason}", path=name) from None
        except LookupError:
            raise UsageError(f"unknown encoding {encoding!r}") from None
        if text.startswith("\ufeff"):
            text = text[1:]
        if "\x00" in text:
            raise InputError(f"binary file (NUL character at offset {text.index(chr(0))}), not text", path=name)
        return text
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(f"invalid UTF-16 at byte offset {e.start}: {e.reason}", path=name) from None
        if "\x00" in text:
            raise InputError(f"binary file (NUL character at offset {text.index(chr(0))}), not text", path=name)
        return text
    why = _sniff_binary(data)
    if why:
        raise InputError(why, path=name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(
            f"invalid UTF-8 at byte offset {e.start} (line {line}); "
            "pass --encoding (e.g. --encoding cp1252) if the file uses another encoding",
            path=name,
        ) from None


def check_input_format(fmt: str | None) -> str | None:
    """``fmt`` if it is a known input format (None and "auto" mean: tell from the text), else a UsageError."""
    from claimcheck.read.markup import FORMATS

    if fmt is None or fmt == "auto":
        return None
    if fmt not in FORMATS:
        raise UsageError(f"unknown input format {fmt!r} (one of {', '.join(FORMATS)})")
    return fmt


def read_documents(
    paths: Iterable[str], *, encoding: str | None = None, lang: str | None = None, stdin=None,
    input_format: str | None = None, exclude: Iterable[str] = (),
) -> Iterator[Document | InputError]:
    """Every document behind ``paths``, or an :class:`InputError` in its place (lazily, in input order).

    ``input_format`` (markdown, html, text; None or auto: sniffed) is how standard input and batch lines without a
    ``"format"`` of their own are read."""
    encoding = check_encoding(encoding)
    fmt = check_input_format(input_format)
    for p in expand(paths, exclude):
        if isinstance(p, InputError):
            yield p
            continue
        if p == "-":
            try:
                data = (stdin or sys.stdin.buffer).read()
            except OSError as e:
                yield InputError(f"cannot read: {e.strerror or e}", path="<stdin>")
                continue
            yield from _text_document(data, name="<stdin>", encoding=encoding, lang=lang, fmt=fmt or "auto")
            continue
        try:
            f = _open(p)
        except InputError as e:
            yield e
            continue
        with f:
            if p.lower().endswith(".jsonl"):
                yield from _jsonl_stream(f, name=p, encoding=encoding, lang=lang, fmt=fmt)
                continue
            try:
                data = f.read()
            except OSError as e:
                yield InputError(f"cannot read: {e.strerror or e}", path=p)
                continue
        yield from _text_document(data, name=p, encoding=encoding, lang=lang)


def _open(p: str) -> io.BufferedReader:
    try:
        mode = os.stat(p).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("is a directory", path=p)
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise InputError("not a regular file (device or socket)", path=p)
        return open(p, "rb")
    except FileNotFoundError:
        raise InputError("no such file", path=p) from None
    except PermissionError:
        raise InputError("permission denied", path=p) from None
    except IsADirectoryError:
        raise InputError("is a directory", path=p) from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=p) from None


def _text_document(data: bytes, *, name: str, encoding: str | None, lang: str | None, fmt: str | None = None):
    """The document of a file's bytes: read as its suffix says, or (``fmt``, for standard input) as declared;
    ``fmt="auto"`` sniffs the text."""
    try:
        text = decode(data, name=name, encoding=encoding)
    except InputError as e:
        yield e
        return
    if not text.strip():
        yield InputError("empty document: no text to check", path=name)
        return
    low = name.lower()
    if low.endswith((".html", ".htm")):
        fmt = "html"
    elif low.endswith((".md", ".markdown")):
        fmt = "markdown"
    elif fmt == "auto":
        from claimcheck.read.markup import sniff

        fmt = sniff(text)
    path = name if name != "<stdin>" else None
    if fmt in ("html", "markdown"):
        yield _markup(text, fmt, doc_id=name, path=path, lang=lang, where=(name, None))
        return
    yield Document(id=name, text=text, path=path, lang=lang)


def _markup(text: str, fmt: str, *, doc_id: str, path: str | None, lang: str | None,
            where: tuple[str, int | None]) -> Document | InputError:
    """The Document of an HTML or Markdown text, or the error (naming ``where``: path, line) in its place."""
    from claimcheck.read import markup

    name, line = where
    try:
        doc = markup.to_document(text, doc_id=doc_id, path=path, lang=lang, fmt=fmt)
    except InputError as e:
        return e
    except Exception as e:  # noqa: BLE001 - a markup bug must not stop the batch (the read stage runs in the parent)
        return InputError(f"internal error reading markup ({type(e).__name__}: {str(e)[:200]}); please report it",
                          path=name, line=line)
    if not doc.text.strip():
        return InputError("no text outside the markup: nothing to check", path=name, line=line)
    return doc


def _jsonl_stream(f: io.BufferedReader, *, name: str, encoding: str | None, lang: str | None,
                  fmt: str | None = None):
    """Documents of an open JSONL file, one line at a time; a bad line is an error for that line only."""
    head = f.peek(4)[:4]
    wide = encoding in _WIDE or (encoding is None and head.startswith((b"\xff\xfe", b"\xfe\xff")))
    if wide:
        # newlines are not single bytes here: decode the stream as a whole, still line by line
        text = io.TextIOWrapper(f, encoding=encoding or "utf-16", newline="\n")
        n = 0
        try:
            for n, line in enumerate(text, 1):
                if n == 1:
                    line = line.lstrip("\ufeff")
                yield from _jsonl_line(line, n, name=name, lang=lang, fmt=fmt)
        except UnicodeDecodeError as e:
            yield InputError(f"cannot decode as {encoding or 'utf-16'}: {e.reason}; the rest of the file is unread",
                             path=name, line=n + 1)
        return
    yield from iter_jsonl_bytes(f, name=name, encoding=encoding, lang=lang, fmt=fmt)


def iter_jsonl_bytes(
    raw_lines: Iterable[bytes], *, name: str, encoding: str | None = None, lang: str | None = None,
    first_line: int = 1, offset: int = 0, fmt: str | None = None,
) -> Iterator[Document | InputError]:
    """Documents from the raw lines of a JSONL file (or of a part of one that starts at line ``first_line`` and
    byte ``offset``, for partitioned runs); an undecodable line is an error naming its byte offset."""
    codec = encoding or "utf-8"
    for n, raw in enumerate(raw_lines, first_line):
        start = offset
        offset += len(raw)
        if start == 0 and raw.startswith(b"\xef\xbb\xbf"):
            raw, start = raw[3:], start + 3
        try:
            line = raw.decode(codec)
        except UnicodeDecodeError as e:
            yield InputError(
                f"invalid {'UTF-8' if codec == 'utf-8' else codec} at byte offset {start + e.start}; "
                "pass --encoding if the file uses another encoding",
                path=name,
                line=n,
            )
            continue
        yield from _jsonl_line(line, n, name=name, lang=lang, fmt=fmt)


def iter_jsonl_lines(lines: Iterable[str], *, name: str, lang: str | None = None, fmt: str | None = None):
    """Documents from JSONL lines; a bad line becomes an :class:`InputError` with its line number."""
    for n, line in enumerate(lines, 1):
        yield from _jsonl_line(line, n, name=name, lang=lang, fmt=fmt)


def _jsonl_line(line: str, n: int, *, name: str, lang: str | None, fmt: str | None = None):
    """The document of one batch line; ``fmt`` is how its text reads when the line declares no ``"format"``
    (None: sniffed)."""
    line = line.rstrip("\r\n")
    if not line.strip():
        return
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        yield InputError(f"malformed JSON: {e.msg} (column {e.colno})", path=name, line=n)
        return
    except RecursionError:
        yield InputError("malformed JSON: nested too deeply", path=name, line=n)
        return
    except ValueError as e:  # e.g. an integer with more digits than Python converts
        yield InputError(f"malformed JSON: {str(e)[:80]}", path=name, line=n)
        return
    if not isinstance(obj, dict):
        yield InputError("a batch line must be a JSON object with 'id' and 'text'", path=name, line=n)
        return
    text = obj.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {type(text).__name__}, not a string"
        yield InputError(f"'text' is {what}", path=name, line=n)
        return
    doc_id = obj.get("id", f"{name}:{n}")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
        yield InputError("'id' must be a string or a number", path=name, line=n)
        return
    doc_id = str(doc_id)
    bad = _SURROGATE.search(text) or _SURROGATE.search(doc_id)
    if bad:
        yield InputError(f"unpaired surrogate \\u{ord(bad.group()):04x} in document {doc_id[:60]!r}", path=name,
                         line=n)
        return
    if not text.strip():
        yield InputError(f"document {doc_id[:60]!r} has no text", path=name, line=n)
        return
    try:
        date = parse_date(obj.get("date"), where=f"{name}:{n}")
    except InputError as e:
        yield InputError(e.message + f" in document {doc_id[:60]!r}", path=name, line=n)
        return
    doc_lang = obj.get("lang") if obj.get("lang") in ("hi", "en") else lang
    declared = obj.get("format", fmt)
    if declared is None or declared == "auto":
        from claimcheck.read.markup import sniff

        declared = sniff(text)
    elif declared not in ("text", "markdown", "html"):
        yield InputError(f"'format' of document {doc_id[:60]!r} must be markdown, html, text or auto, "
                         f"not {str(declared)[:40]!r}", path=name, line=n)
        return
    if declared == "text":
        yield Document(id=doc_id, text=text, date=date, lang=doc_lang, path=name)
        return
    doc = _markup(text, declared, doc_id=doc_id, path=name, lang=doc_lang, where=(name, n))
    yield doc if isinstance(doc, InputError) else _replace(doc, date=date)
