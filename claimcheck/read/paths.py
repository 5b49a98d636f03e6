"""Which files a run reads: paths, globs and directory walks expanded in order, with what a walk leaves out (an
``exclude`` glob, claimcheck's own reports, told by their content). Used by :mod:`claimcheck.read.inputs`."""

from __future__ import annotations

import fnmatch
import glob
import json
import os
from collections.abc import Iterable, Iterator

from claimcheck import cache
from claimcheck.errors import InputError

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")

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
