"""check_archive on Dask gives exactly what a single-process run gives: same documents, order, errors, lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

dask = pytest.importorskip("dask", reason="dask is not installed (pip install 'claimcheck[dist]')")
pytest.importorskip("dask.bag", reason="dask.bag is not installed")

from claimcheck import api  # noqa: E402
from claimcheck.options import Options  # noqa: E402
from claimcheck.run.distributed import check_archive, result_record  # noqa: E402

SENTENCES = [
    "उत्तर प्रदेश में करीब 96 लाख एमएसएमई यूनिट हैं, मुख्य सचिव मनोज कुमार सिंह ने 3 सितंबर को बताया।",
    "राज्य सरकार ने 2023-24 में 1.2 लाख करोड़ रुपये का निर्यात किया, जो 12 फीसदी अधिक है।",
    "The MSME minister Rakesh Sachan said on Friday that 5,000 crore rupees would be spent over three years.",
    "Exports rose 18% to $2.5 billion in 2022, up from Rs 90-96 lakh in 2017.",
]


def make_archive(root: Path) -> list[str]:
    root.mkdir()
    a = root / "a-2024.jsonl"
    with open(a, "wb") as f:
        f.write(b"\xef\xbb\xbf")
        for i in range(40):
            if i in (7, 23):
                f.write(b'{"id": "broken", "text": \n')
            elif i == 15:
                f.write(b'{"id": "latin1", "text": "caf\xe9"}\n')
            elif i == 30:
                f.write(b"\n")
            else:
                text = " ".join(SENTENCES[(i + k) % 4] for k in range(1 + i % 3))
                f.write(json.dumps({"id": f"a{i}", "text": text, "date": "2024-08-30"}, ensure_ascii=False).encode()
                        + b"\n")
        f.write(json.dumps({"id": "last-no-newline", "text": SENTENCES[0]}, ensure_ascii=False).encode())
    b = root / "b-2024.jsonl"
    b.write_bytes(("\r\n".join(json.dumps({"id": f"b{i}", "text": SENTENCES[i % 4]}, ensure_ascii=False)
                               for i in range(5)) + "\r\n").encode("utf-16"))
    (root / "c-2024.jsonl").write_bytes(b"")
    (root / "d-2024.txt").write_text(SENTENCES[1], encoding="utf-8")
    (root / "e-2024.txt").write_bytes(b"")
    return sorted(str(p) for p in root.iterdir())


def single_process(files: list[str], command: str) -> list[dict]:
    return [result_record(r, command) for r in api.run(files, Options(command=command, as_of="2024-08-30"))]


def read_parts(summary: dict) -> list[dict]:
    rows = []
    for part in summary["parts"]:
        rows.extend(json.loads(line) for line in Path(part).read_text(encoding="utf-8").splitlines())
    return rows


@pytest.mark.parametrize("size", [13, 64, 333, 10**6])
def test_every_partition_size_gives_the_single_process_result(tmp_path, size):
    files = make_archive(tmp_path / "in")
    want = single_process(files, "extract")
    with dask.config.set(scheduler="synchronous"):
        summary = check_archive(str(tmp_path / "in" / "*-2024.*"), str(tmp_path / f"out{size}"),
                                Options(command="extract", as_of="2024-08-30"), partition_size=size)
    assert read_parts(summary) == want
    assert summary["documents"] == len(want)
    assert summary["errors"] == sum("error" in r for r in want) > 0
    errs = [r["error"] for r in want if "error" in r]
    assert any(":8: malformed JSON" in e for e in errs) and any(":16: invalid UTF-8" in e for e in errs)


def test_local_cluster_of_two_workers_equals_single_process(tmp_path):
    distributed = pytest.importorskip("dask.distributed", reason="dask.distributed is not installed")
    files = make_archive(tmp_path / "in")
    want = single_process(files, "check")
    assert sum("checked" in r for r in want) >= 40, [r.get("error") for r in want][:3]
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as client:
        summary = check_archive(str(tmp_path / "in" / "*-2024.*"), str(tmp_path / "out"),
                                Options(command="check", as_of="2024-08-30"), client=client, partition_size=1500)
    assert summary["partitions"] > 4
    assert read_parts(summary) == want
    leftovers = [p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("part-")]
    assert leftovers == []


def test_bad_arguments(tmp_path):
    from claimcheck.errors import UsageError

    with pytest.raises(UsageError, match="no file matches"):
        check_archive(str(tmp_path / "none-*.jsonl"), str(tmp_path / "out"))
    (tmp_path / "x.jsonl").write_text("{}\n")
    with pytest.raises(UsageError, match="unknown command"):
        check_archive(str(tmp_path / "x.jsonl"), str(tmp_path / "out"), Options(command="render"))
    with pytest.raises(UsageError, match="unknown encoding"):
        check_archive(str(tmp_path / "x.jsonl"), str(tmp_path / "out"), Options(encoding="nope"))


def test_a_file_smaller_than_the_largest_partition_is_shared_by_every_worker(tmp_path):
    """Issue 15: by default the partitions follow the cluster's worker count, not a fixed 32 MiB (which ran any
    smaller file on one worker)."""
    distributed = pytest.importorskip("dask.distributed", reason="dask.distributed is not installed")
    from claimcheck.run import distributed as dist

    (tmp_path / "in").mkdir()
    path = tmp_path / "in" / "one.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(1500):
            text = " ".join(SENTENCES[(i + k) % 4] for k in range(3))
            f.write(json.dumps({"id": f"x{i}", "text": text}, ensure_ascii=False) + "\n")
    size = path.stat().st_size
    assert dist.MIN_PARTITION_SIZE * 8 < size < dist.MAX_PARTITION_SIZE
    want = single_process([str(path)], "extract")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as client:
        summary = check_archive(str(path), str(tmp_path / "out"), Options(command="extract", as_of="2024-08-30"),
                                client=client)
    assert summary["partition_size"] == dist.partition_size_for(size, 2)
    assert summary["partitions"] == -(-size // summary["partition_size"]) >= 2 * dist.PARTITIONS_PER_WORKER - 1
    assert len(set(summary["workers"])) == 2, summary["workers"]
    assert read_parts(summary) == want


def test_worker_threads_follow_the_scheduler():
    from claimcheck.run.distributed import worker_threads

    assert worker_threads("synchronous") == 1
    with dask.config.set(scheduler="synchronous"):
        assert worker_threads() == 1
