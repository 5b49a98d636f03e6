"""Dask: how an archive file smaller than the largest partition (32 MiB) is shared by the workers of a cluster.

    python benchmarks/dask_partitions.py [--mb 16] [--workers 2] [--command check] [--keep]

Builds a JSONL batch of about ``--mb`` MB in /tmp from the repository's own text (the example article and our
sentences), then runs :func:`claimcheck.run.distributed.check_archive` on a fresh ``LocalCluster`` of
``--workers`` single-threaded worker processes twice: with the partition size the cluster gets by default, and
with the fixed 32 MiB partitions of the code before issue 15 (``partition_size="32MiB"``). Prints wall time,
partitions, partition size and which worker ran how many partitions, for each. Needs ``claimcheck[dist]``.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402


def run(batch: str, out: str, workers: int, command: str, partition_size) -> dict:
    from dask.distributed import Client, LocalCluster

    from claimcheck.options import Options
    from claimcheck.run.distributed import check_archive

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster, Client(cluster) as client:
        t = time.perf_counter()
        summary = check_archive(batch, out, Options(command=command, as_of="2024-08-30"), client=client,
                                partition_size=partition_size)
        summary["wall"] = time.perf_counter() - t
    return summary


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=16)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--command", default="check", choices=("check", "extract"))
    ap.add_argument("--keep", action="store_true", help="keep the generated batch and outputs")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="claimcheck-dask-")
    batch = os.path.join(tmp, "batch.jsonl")
    docs, chars = corpus.write_jsonl(batch, int(args.mb * 2**20), bundled_only=True)
    size = os.path.getsize(batch)
    print(f"batch: {size / 2**20:.1f} MiB, {docs} documents, {chars} characters; {args.workers} workers x 1 "
          f"thread; {args.command}; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    try:
        for label, ps in (("default (by worker count)", None), ("fixed 32 MiB (before)", "32MiB")):
            s = run(batch, os.path.join(tmp, "out-" + ("auto" if ps is None else "fixed")), args.workers,
                    args.command, ps)
            ran = collections.Counter(s["workers"])
            print(f"{label:26} wall {s['wall']:7.1f} s  partitions {s['partitions']:3}  "
                  f"partition size {s['partition_size'] / 2**20:5.2f} MiB  documents {s['documents']}  "
                  f"ran on: {', '.join(f'{w} x{n}' for w, n in sorted(ran.items()))}")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
