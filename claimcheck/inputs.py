"""Read stage: turn the paths a user gives into :class:`Document` records, one error per unreadable document.

A path is a text file, ``-`` (standard input), a ``.jsonl`` batch (one ``{"id", "text", "date"?, "lang"?}``
object a line), or a directory (searched recursively for .txt, .md, .html, .htm, .jsonl). Every document
that cannot be read is yielded as an :class:`InputError` naming the file (and line), so a batch goes on and
nothing is skipped silently.
"""

from __future__ import annotations

import datetime as _dt
import glob
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .model import Document

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")


def parse_date(value: object, *, where: str) -> _dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"date must be a string YYYY-MM-DD, got {type(value).__name__}", path=where)
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"bad date {value!r} (expected YYYY-MM-DD)", path=where) from None


def decode(data: bytes, *, name: str, encoding: str | None = None) -> str:
    """Decode bytes as UTF-8 (or ``encoding``), honouring a UTF-8/UTF-16 byte-order mark."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as e:
            raise InputError(f"cannot decode as {encoding}: {e}", path=name) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(f"invalid UTF-16 at byte {e.start}", path=name) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(
            f"invalid UTF-8 at byte offset {e.start}; pass --encoding if the file uses another encoding",
            path=name,
        ) from None
    if "\x00" in text:
        raise InputError(f"binary file (NUL byte at character {text.index(chr(0))})", path=name)
    return text


def expand(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Expand directories (recursively) and globs into file paths, in a stable order."""
    for p in paths:
        if p == "-":
            yield p
            continue
        if any(ch in p for ch in "*?[") and not os.path.exists(p):
            hits = sorted(glob.glob(p, recursive=True))
            if not hits:
                yield InputError("no file matches this pattern", path=p)
            for h in hits:
                yield from expand([h])
            continue
        path = Path(p)
        if path.is_dir():
            try:
                found = sorted(
                    str(f) for f in path.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES
                )
            except PermissionError as e:
                yield InputError(f"permission denied: {e.filename}", path=p)
                continue
            if not os.access(p, os.R_OK | os.X_OK):
                yield InputError("permission denied", path=p)
                continue
            if not found:
                yield InputError("directory holds no .txt, .md, .html or .jsonl file", path=p)
            yield from found
        else:
            yield p


def read_documents(
    paths: Iterable[str], *, encoding: str | None = None, lang: str | None = None, stdin=None
) -> Iterator[Document | InputError]:
    """Every document behind ``paths``, or an :class:`InputError` in its place."""
    for p in expand(paths):
        if isinstance(p, InputError):
            yield p
            continue
        try:
            if p == "-":
                data = (stdin or sys.stdin.buffer).read()
                name = "<stdin>"
            else:
                name = p
                with open(p, "rb") as f:
                    data = f.read()
        except FileNotFoundError:
            yield InputError("no such file", path=p)
            continue
        except PermissionError:
            yield InputError("permission denied", path=p)
            continue
        except IsADirectoryError:
            yield InputError("is a directory", path=p)
            continue
        except OSError as e:
            yield InputError(f"cannot read: {e.strerror}", path=p)
            continue
        if name.lower().endswith(".jsonl"):
            yield from _jsonl_documents(data, name=name, encoding=encoding, lang=lang)
            continue
        try:
            text = decode(data, name=name, encoding=encoding)
        except InputError as e:
            yield e
            continue
        yield from _markup_document(text, name=name, lang=lang)


def _markup_document(text: str, *, name: str, lang: str | None) -> Iterator[Document | InputError]:
    low = name.lower()
    if low.endswith((".html", ".htm", ".md", ".markdown")):
        from . import markup

        try:
            yield markup.to_document(text, doc_id=name, path=name, lang=lang)
        except InputError as e:
            yield e
        return
    yield Document(id=name, text=text, path=name if name != "<stdin>" else None, lang=lang)


def _jsonl_documents(data: bytes, *, name: str, encoding: str | None, lang: str | None):
    try:
        text = decode(data, name=name, encoding=encoding)
    except InputError as e:
        yield e
        return
    yield from iter_jsonl_lines(text.splitlines(), name=name, lang=lang)


def iter_jsonl_lines(lines: Iterable[str], *, name: str, lang: str | None = None):
    """Documents from JSONL lines; a bad line becomes an :class:`InputError` with its line number."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(f"malformed JSON ({e.msg} at column {e.colno})", path=name, line=n)
            continue
        if not isinstance(obj, dict):
            yield InputError("a batch line must be a JSON object with 'id' and 'text'", path=name, line=n)
            continue
        text = obj.get("text")
        if not isinstance(text, str):
            yield InputError("missing or non-string 'text'", path=name, line=n)
            continue
        doc_id = obj.get("id", f"{name}:{n}")
        if not isinstance(doc_id, (str, int)):
            yield InputError("'id' must be a string or a number", path=name, line=n)
            continue
        doc_id = str(doc_id)
        try:
            date = parse_date(obj.get("date"), where=f"{name}:{n}")
        except InputError as e:
            yield InputError(e.message + f" in document {doc_id!r}", path=name, line=n)
            continue
        doc_lang = obj.get("lang") if obj.get("lang") in ("hi", "en") else lang
        yield Document(id=doc_id, text=text, date=date, lang=doc_lang, path=name)
