"""Read stage: turn the paths a user gives into :class:`Document` records, one error per unreadable document.

A path is a text file, ``-`` (standard input), a ``.jsonl`` batch (one ``{"id", "text", "date"?, "lang"?}``
object a line), or a directory (walked recursively for .txt, .md, .html, .htm, .jsonl; hidden directories such
as ``.git`` are not entered). Every document that cannot be read is yielded as an :class:`InputError` naming the
file (and line), so a batch goes on and nothing is skipped silently.

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
import fnmatch
import glob
import io
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator

from claimcheck import cache
from claimcheck.errors import InputError, UsageError
from claimcheck.model import Document

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
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


def expand(paths: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[str | InputError]:
    """Expand directories (recursively) and globs into file paths, in a stable order; unlistable parts are errors.

    What a walk or a glob finds is left out if it matches an ``exclude`` pattern or is a claimcheck report."""
    exclude = tuple(exclude)
    for p in paths:
        if p == "-":
            yield p
            continue
        if any(ch in p for ch in "*?[") and not os.path.exists(p):
            hits = sorted(glob.glob(p, recursive=True))
            if not hits:
                yield InputError("no file matches this pattern", path=p)
            for h in hits:
                if os.path.isdir(h):
                    if not excluded(h, exclude):
                        yield from _walk(h, exclude)
                elif not excluded(h, exclude) and not is_report(h):
                    yield h
            continue
        if os.path.isdir(p):
            yield from _walk(p, exclude)
        else:
            yield p


def excluded(path: str, patterns: tuple[str, ...], root: str | None = None) -> bool:
    """Whether ``path`` or any tail of it (``a/b/c``, ``b/c``, ``c``) matches one of the glob ``patterns``.

    With ``root`` (the directory being walked, which ``path`` is inside), only tails that start at the root's own
    name or below it count: what lies above the directory a user named never excludes all of it."""
    if not patterns:
        return False
    parts = [x for x in path.replace(os.sep, "/").split("/") if x not in ("", ".")]
    first = 0
    if root is not None:
        depth = len([x for x in root.replace(os.sep, "/").split("/") if x not in ("", ".")])
        first = max(0, depth - 1)
    tails = ["/".join(parts[i:]) for i in range(first, len(parts))]
    for pat in patterns:
        pat = pat.replace(os.sep, "/").strip("/")
        if pat.startswith("./"):
            pat = pat[2:]
        if any(fnmatch.fnmatchcase(t, pat) for t in tails):
            return True
    return False


_LINE_REPORT = cache.compile(
    r"^(?:::(?:error|warning|notice) title=claimcheck"
    r"|\S[^\n]*:\d+:\d+: (?:supported|contradicted|outdated|unverifiable|ambiguous"
    r"|quantity|money|percent|duration|date|officeholder|ranking): )")


def is_report(path: str) -> bool:
    """Whether the file at ``path`` is a report claimcheck wrote (told by its content, see the module docstring)."""
    low = path.lower()
    try:
        with open(path, "rb") as f:
            head = f.read(1 << 16)
    except OSError:
        return False  # reading it later reports the error
    text = head.decode("utf-8", "replace").lstrip("\ufeff")
    if low.endswith((".html", ".htm")):
        return ('<meta name="generator" content="claimcheck' in text
                or "<title>claimcheck report</title>" in text)
    if low.endswith((".md", ".markdown")):
        return text.startswith("# claimcheck report")
    if low.endswith(".jsonl"):
        first = next((ln for ln in text.split("\n") if ln.strip()), "")
        try:
            obj = json.loads(first)
        except ValueError:
            return False
        return (isinstance(obj, dict) and "doc" in obj and "id" not in obj
                and ("verdict" in obj or ("kind" in obj and "start" in obj)))
    if low.endswith((".json", ".sarif")):
        return '"name": "claimcheck"' in text or '"claimcheck/' in text
    return bool(_LINE_REPORT.match(text))


def count_documents(paths: Iterable[str], exclude: Iterable[str] = ()) -> int | None:
    """How many documents ``paths`` hold (the lines of a .jsonl batch, one a file), for a progress bar's total;
    None when it cannot be known (standard input)."""
    n = 0
    for p in expand(paths, exclude):
        if p == "-":
            return None
        if isinstance(p, InputError):
            n += 1
            continue
        if not p.lower().endswith(".jsonl"):
            n += 1
            continue
        try:
            with open(p, "rb") as f:
                last = b"\n"
                for block in iter(lambda: f.read(1 << 20), b""):  # noqa: B023
                    n += block.count(b"\n")
                    last = block[-1:]
                n += last != b"\n"
        except OSError:
            n += 1
    return n


def _walk(root: str, exclude: tuple[str, ...] = ()) -> Iterator[str | InputError]:
    found: list[tuple[str, str | InputError]] = []

    def onerror(e: OSError) -> None:
        where = e.filename or root
        reason = "permission denied" if isinstance(e, PermissionError) else (e.strerror or str(e))
        found.append((where, InputError(f"cannot list directory: {reason}", path=where)))

    skipped = 0
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")
                       and not excluded(os.path.join(dirpath, d), exclude, root)]
        for f in filenames:
            if f.lower().endswith(TEXT_SUFFIXES):
                full = os.path.join(dirpath, f)
                if excluded(full, exclude, root) or is_report(full):
                    skipped += 1
                    continue
                found.append((full, full))
    if not found:
        what = "no .txt, .md, .html or .jsonl file" + (" that is not excluded or a claimcheck report" if skipped
                                                       else "")
        yield InputError(f"directory holds {what}", path=root)
        return
    found.sort(key=lambda t: t[0])
    for _, item in found:
        yield item


def read_documents(
    paths: Iterable[str], *, encoding: str | None = None, lang: str | None = None, stdin=None,
    exclude: Iterable[str] = (),
) -> Iterator[Document | InputError]:
    """Every document behind ``paths``, or an :class:`InputError` in its place (lazily, in input order)."""
    encoding = check_encoding(encoding)
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
            yield from _text_document(data, name="<stdin>", encoding=encoding, lang=lang)
            continue
        try:
            f = _open(p)
        except InputError as e:
            yield e
            continue
        with f:
            if p.lower().endswith(".jsonl"):
                yield from _jsonl_stream(f, name=p, encoding=encoding, lang=lang)
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


def _text_document(data: bytes, *, name: str, encoding: str | None, lang: str | None):
    try:
        text = decode(data, name=name, encoding=encoding)
    except InputError as e:
        yield e
        return
    if not text.strip():
        yield InputError("empty document: no text to check", path=name)
        return
    low = name.lower()
    if low.endswith((".html", ".htm", ".md", ".markdown")):
        from claimcheck.read import markup

        try:
            doc = markup.to_document(text, doc_id=name, path=name, lang=lang)
        except InputError as e:
            yield e
            return
        except Exception as e:  # noqa: BLE001 - a markup bug must not stop the batch (the read stage runs in the parent)
            yield InputError(f"internal error reading markup ({type(e).__name__}: {str(e)[:200]}); please report it",
                             path=name)
            return
        if not doc.text.strip():
            yield InputError("no text outside the markup: nothing to check", path=name)
            return
        yield doc
        return
    yield Document(id=name, text=text, path=name if name != "<stdin>" else None, lang=lang)


def _jsonl_stream(f: io.BufferedReader, *, name: str, encoding: str | None, lang: str | None):
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
                yield from _jsonl_line(line, n, name=name, lang=lang)
        except UnicodeDecodeError as e:
            yield InputError(f"cannot decode as {encoding or 'utf-16'}: {e.reason}; the rest of the file is unread",
                             path=name, line=n + 1)
        return
    yield from iter_jsonl_bytes(f, name=name, encoding=encoding, lang=lang)


def iter_jsonl_bytes(
    raw_lines: Iterable[bytes], *, name: str, encoding: str | None = None, lang: str | None = None,
    first_line: int = 1, offset: int = 0,
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
        yield from _jsonl_line(line, n, name=name, lang=lang)


def iter_jsonl_lines(lines: Iterable[str], *, name: str, lang: str | None = None):
    """Documents from JSONL lines; a bad line becomes an :class:`InputError` with its line number."""
    for n, line in enumerate(lines, 1):
        yield from _jsonl_line(line, n, name=name, lang=lang)


def _jsonl_line(line: str, n: int, *, name: str, lang: str | None):
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
    yield Document(id=doc_id, text=text, date=date, lang=doc_lang, path=name)
