"""Beyond one machine: check an archive of JSONL batches on a Dask cluster, writing JSONL results.

:func:`check_archive` splits every input file into byte ranges of about ``partition_size`` (each range owns the
lines that *start* inside it; by default, sized so every worker of the cluster gets about
:data:`PARTITIONS_PER_WORKER` of them, between :data:`MIN_PARTITION_SIZE` and :data:`MAX_PARTITION_SIZE`), maps claimcheck's own batch path (:func:`claimcheck.run.process.process_safely`) over the
partitions with ``dask.bag`` and writes one ``part-NNNNN.jsonl`` per partition. Concatenated in name order, the
parts hold exactly what a single-process run (:func:`claimcheck.api.run`) gives, in the same order, with the same
error messages and line numbers: a first, cheap pass counts the newlines of every range in parallel so each
partition knows the line number it starts at.

Paths go through fsspec (a dask dependency), so ``s3://bucket/archive/*.jsonl`` works where the matching fsspec
backend is installed and the workers can read it. Text files (.txt, .md, .html) in the glob are one document each.

    from dask.distributed import Client, LocalCluster
    from claimcheck.options import Options
    from claimcheck.run.distributed import check_archive
    with LocalCluster(n_workers=8, threads_per_worker=1) as cluster, Client(cluster) as client:
        summary = check_archive("archive/2024-*.jsonl", "out/", Options(as_of="2024-08-30"), client=client)

Requires ``pip install "claimcheck[dist]"`` (dask[distributed]); nothing here is imported by the CLI.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from claimcheck.model import DocResult
from claimcheck.options import Options

# Partitions are sized from the input and the cluster: about PARTITIONS_PER_WORKER per worker thread (so the
# workers finish together), never above MAX (a partition's results are written by one task) nor below MIN (a
# task's overhead). A fixed 32 MiB ran any file smaller than that on one worker, however big the cluster.
MAX_PARTITION_SIZE = DEFAULT_PARTITION_SIZE = 32 * 2**20
MIN_PARTITION_SIZE = 64 * 2**10
PARTITIONS_PER_WORKER = 4


@dataclass(frozen=True)
class Part:
    """One unit of work: bytes [start, end) of ``path`` (lines starting in it), or a group of whole text files."""

    index: int
    path: str
    start: int = 0
    end: int = 0
    first_line: int = 1
    files: tuple[str, ...] = ()


def result_record(r: DocResult, command: str = "check") -> dict[str, Any]:
    """The JSON object written for one document: its id and path, and its claims (checked) or its error."""
    rec: dict[str, Any] = {"doc": r.doc, "path": r.path}
    if r.error is not None:
        rec["error"] = r.error
    elif command == "extract":
        rec["claims"] = [c.to_dict() for c in r.claims]
    else:
        rec["checked"] = [cc.to_dict() for cc in r.checked]
    return rec


def check_archive(
    input_glob: str | Sequence[str],
    output_dir: str,
    options: Options | None = None,
    *,
    client: Any = None,
    partition_size: int | str | None = None,
) -> dict[str, Any]:
    """Process every document of the files matching ``input_glob`` as ``options`` say (its ``command``, ``as_of``,
    ``lang``, ``refs``, ``region``, ``tolerances``, ``encoding``) on Dask; write ``output_dir/part-*.jsonl``.

    ``partition_size`` (bytes, or a string like ``"64MB"``) fixes the size of a partition; by default it is the
    input's size over :data:`PARTITIONS_PER_WORKER` partitions per worker thread of the cluster (see
    :func:`partition_size_for`). Returns a summary: ``{"documents", "errors", "partitions", "partition_size",
    "parts": [paths], "workers": [the worker that ran each part]}``. With ``client=None`` the current Dask
    scheduler is used (the active distributed Client if there is one).
    """
    import dask.bag as db
    import fsspec
    from dask.utils import parse_bytes

    from claimcheck.errors import UsageError
    from claimcheck.read.inputs import check_encoding

    options = options or Options()
    encoding = check_encoding(options.encoding)
    size = None
    if partition_size is not None:
        size = parse_bytes(partition_size) if isinstance(partition_size, str) else int(partition_size)
        if size <= 0:
            raise UsageError("partition_size must be positive")
    globs = [input_glob] if isinstance(input_glob, str) else list(input_glob)
    files: list[tuple[str, int]] = []
    fs = None
    for g in globs:
        fs, _, found = fsspec.get_fs_token_paths(g)
        if not found:
            raise UsageError(f"no file matches {g!r}")
        files.extend((p, fs.size(p)) for p in sorted(found))
    if size is None:
        size = partition_size_for(sum(n for _, n in files), worker_threads(client))
    ranges = _ranges(files, size, encoding, fs)
    compute = {"scheduler": client} if client is not None else {}

    # pass 1: newlines per byte range, in parallel, so every partition knows its first line number
    counts = db.from_sequence(ranges, npartitions=max(1, len(ranges))).map(_count_newlines, fs=fs).compute(**compute)
    parts = _number(ranges, counts)

    out_fs, _, (out_root,) = fsspec.get_fs_token_paths(output_dir)
    out_fs.makedirs(out_root, exist_ok=True)
    job = dict(fs=fs, out_fs=out_fs, out_root=out_root, options=options, encoding=encoding)
    done = db.from_sequence(parts, npartitions=max(1, len(parts))).map(_run_part, **job).compute(**compute)
    return {
        "documents": sum(d["documents"] for d in done),
        "errors": sum(d["errors"] for d in done),
        "partitions": len(parts),
        "partition_size": size,
        "parts": [d["output"] for d in done],
        "workers": [d["worker"] for d in done],
    }


def partition_size_for(total_bytes: int, workers: int) -> int:
    """The partition size that gives each of ``workers`` worker threads about :data:`PARTITIONS_PER_WORKER`
    partitions of ``total_bytes``, within [:data:`MIN_PARTITION_SIZE`, :data:`MAX_PARTITION_SIZE`].

    >>> partition_size_for(16 * 2**20, 2) == 2 * 2**20
    True
    >>> partition_size_for(10 * 2**30, 8) == MAX_PARTITION_SIZE, partition_size_for(1000, 8) == MIN_PARTITION_SIZE
    (True, True)
    """
    want = -(-max(total_bytes, 1) // (max(workers, 1) * PARTITIONS_PER_WORKER))
    return max(MIN_PARTITION_SIZE, min(MAX_PARTITION_SIZE, want))


def worker_threads(client: Any = None) -> int:
    """How many tasks the scheduler runs at once: the threads of the distributed cluster (``client``, else the
    active Client), else this machine's cores for Dask's local schedulers (1 for the synchronous one)."""
    import dask

    if client is None:
        try:
            from distributed import default_client

            client = default_client()
        except (ImportError, ValueError):  # no distributed, or no active Client
            client = None
    nthreads = getattr(client, "nthreads", None)
    if callable(nthreads):
        return max(1, sum(nthreads().values()))
    scheduler = client if isinstance(client, str) else dask.config.get("scheduler", None)
    if scheduler in ("sync", "synchronous", "single-threaded"):
        return 1
    import os

    return os.cpu_count() or 1


def _ranges(files: list[tuple[str, int]], size: int, encoding: str | None, fs) -> list[Part]:
    """Byte ranges of JSONL files, and groups of whole text files, each about ``size`` bytes."""
    wide = encoding is not None and encoding.startswith(("utf-16", "utf-32"))
    out: list[Part] = []
    group: list[str] = []
    group_bytes = 0

    def flush() -> None:
        nonlocal group, group_bytes
        if group:
            out.append(Part(index=0, path=group[0], files=tuple(group)))
            group, group_bytes = [], 0

    for path, n in files:
        if not path.lower().endswith(".jsonl"):
            group.append(path)
            group_bytes += n
            if group_bytes >= size:
                flush()
            continue
        flush()
        if wide or n <= size or _has_wide_bom(fs, path):  # UTF-16/32 cannot be split on a newline byte
            out.append(Part(index=0, path=path, start=0, end=max(n, 1)))
            continue
        for start in range(0, n, size):
            out.append(Part(index=0, path=path, start=start, end=min(start + size, n)))
    flush()
    return out


def _has_wide_bom(fs, path: str) -> bool:
    if fs is None:
        return False
    with fs.open(path, "rb") as f:
        return f.read(2) in (b"\xff\xfe", b"\xfe\xff")


def _count_newlines(part: Part, fs) -> int:
    if part.files:
        return 0
    with fs.open(part.path, "rb") as f:
        f.seek(part.start)
        remaining, n = part.end - part.start, 0
        while remaining > 0:
            block = f.read(min(remaining, 1 << 22))
            if not block:
                break
            n += block.count(b"\n")
            remaining -= len(block)
    return n


def _number(ranges: list[Part], counts: list[int]) -> list[Part]:
    """Give every range its index and the line number of the first line that starts inside it."""
    out = []
    seen: dict[str, int] = {}
    for i, (p, c) in enumerate(zip(ranges, counts)):
        before = seen.get(p.path, 0)  # newlines in [0, p.start)
        seen[p.path] = before + c
        out.append(Part(index=i, path=p.path, start=p.start, end=p.end, first_line=before + 1, files=p.files))
    return out


def _owned_lines(f, part: Part) -> Iterator[tuple[int, bytes]]:
    """(byte offset, raw line) for the lines whose first byte lies in [start, end)."""
    pos = part.start
    if pos > 0:
        f.seek(pos - 1)
        skipped = f.readline()  # the rest of a line that began before this range (just b"\n" if none did)
        pos = pos - 1 + len(skipped)
    else:
        f.seek(0)
    while pos < part.end:
        raw = f.readline()
        if not raw:
            break
        yield pos, raw
        pos += len(raw)


def _documents(part: Part, fs, encoding, lang):
    from claimcheck.read.inputs import _jsonl_stream, _text_document, iter_jsonl_bytes

    if part.files:
        for path in part.files:
            with fs.open(path, "rb") as f:
                data = f.read()
            yield from _text_document(data, name=path, encoding=encoding, lang=lang)
        return
    with fs.open(part.path, "rb") as f:
        if part.start == 0 and part.end >= fs.size(part.path):
            import io

            # a whole file: exactly the single-process reader (this also covers UTF-16/32 files)
            reader = io.BufferedReader(io.BytesIO(f.read())) if _wide(f, encoding) else _Peekable(f)
            yield from _jsonl_stream(reader, name=part.path, encoding=encoding, lang=lang)
            return
        lines = _owned_lines(f, part)
        first = next(lines, None)
        if first is None:
            return
        offset, raw = first
        # a range that starts mid-line owns the next line: its number is one more than the newlines before start
        line_no = part.first_line + (1 if offset > part.start else 0)

        def raws():
            yield raw
            for _, r in lines:
                yield r

        yield from iter_jsonl_bytes(raws(), name=part.path, encoding=encoding, lang=lang, first_line=line_no,
                                    offset=offset)


def _wide(f, encoding) -> bool:
    head = f.read(2)
    f.seek(0)
    return (encoding or "").startswith(("utf-16", "utf-32")) or head in (b"\xff\xfe", b"\xfe\xff")


class _Peekable:
    """A binary file with the ``peek`` the JSONL reader uses to look for a byte-order mark."""

    def __init__(self, f):
        self.f = f

    def peek(self, n: int) -> bytes:
        pos = self.f.tell()
        data = self.f.read(n)
        self.f.seek(pos)
        return data

    def __iter__(self):
        return iter(self.f)


def _run_part(part: Part, *, fs, out_fs, out_root, options: Options, encoding) -> dict[str, Any]:
    """Worker side: process one partition with claimcheck's batch path and write its JSONL atomically."""
    from claimcheck.run.batch import _serial

    name = f"part-{part.index:05d}.jsonl"
    final = f"{out_root.rstrip('/')}/{name}"
    tmp = f"{out_root.rstrip('/')}/.{name}.tmp"
    docs = errors = 0
    with out_fs.open(tmp, "w", encoding="utf-8") as out:
        for r in _serial(_documents(part, fs, encoding, options.doc_lang), options):
            docs += 1
            errors += r.error is not None
            out.write(json.dumps(result_record(r, options.command), ensure_ascii=False) + "\n")
    out_fs.mv(tmp, final)
    return {"documents": docs, "errors": errors, "output": final, "worker": _worker_name()}


def _worker_name() -> str:
    """The distributed worker running this task (its address), else this process."""
    import os

    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return f"pid {os.getpid()}"
