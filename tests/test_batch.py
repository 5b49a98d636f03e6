"""The parallel batch path: same results as one process, in input order, streaming, and one bad document never
stops (or silently drops from) a batch."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys

import pytest

from claimcheck import api
from claimcheck.run import batch
from claimcheck.model import DocResult
from claimcheck.options import Options
from claimcheck.run import process as per_doc

SENTENCES = [
    "उत्तर प्रदेश में करीब 96 लाख एमएसएमई यूनिट हैं, मुख्य सचिव मनोज कुमार सिंह ने 3 सितंबर को बताया।",
    "राज्य सरकार ने 2023-24 में 1.2 लाख करोड़ रुपये का निर्यात किया, जो पिछले साल से 12 फीसदी अधिक है।",
    "The MSME minister Rakesh Sachan said on Friday that 5,000 crore rupees would be spent over three years.",
    "पिछले दो दशकों में बेरोजगारी दर 7.5 प्रतिशत से घटकर साढ़े चार प्रतिशत रह गई।",
    "Exports rose 18% to $2.5 billion in 2022, up from Rs 90-96 lakh in 2017.",
    "कोविड-19 के दौरान एक बार फिर योगी सरकार 2.0 ने सैंकड़ों करोड़ रुपये दिए।",
]


def write_batch(path, n: int, *, bad_every: int = 0) -> list[str]:
    ids = []
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            if bad_every and i % bad_every == bad_every - 1:
                f.write('{"id": "broken", "text": \n')
                ids.append(None)
                continue
            text = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 4))
            f.write(json.dumps({"id": f"d{i}", "text": text, "date": "2024-08-30"}, ensure_ascii=False) + "\n")
            ids.append(f"d{i}")
    return ids


@pytest.fixture
def small_chunks(monkeypatch):
    """Make a few kilobytes look like a big batch, so the pool, the chunking and the window are all exercised."""
    monkeypatch.setattr(batch, "POOL_MIN_CHARS", 500)
    monkeypatch.setattr(batch, "CHUNK_CHARS", 700)
    monkeypatch.setattr(batch, "CHUNK_DOCS", 3)


@pytest.mark.parametrize("command", ["extract", "check"])
def test_jobs_do_not_change_results_or_order(tmp_path, small_chunks, command):
    ids = write_batch(tmp_path / "b.jsonl", 60, bad_every=7)
    one = list(batch.run_parallel([str(tmp_path / "b.jsonl")], Options(jobs=1, command=command)))
    two = list(batch.run_parallel([str(tmp_path / "b.jsonl")], Options(jobs=2, command=command)))
    assert one == two
    assert len(one) == len(ids)
    for want, r in zip(ids, one):
        if want is None:
            assert r.error and "malformed JSON" in r.error
        else:
            assert r.doc == want and r.error is None and r.text


def test_serial_path_equals_api_process(tmp_path):
    write_batch(tmp_path / "b.jsonl", 10)
    from claimcheck.read.inputs import read_documents

    want = [api.process(d, Options()) for d in read_documents([str(tmp_path / "b.jsonl")])]
    assert list(batch.run_parallel([str(tmp_path / "b.jsonl")], Options(jobs=1, command="check"))) == want


def test_errors_keep_their_place_among_paths(tmp_path, small_chunks):
    write_batch(tmp_path / "a.jsonl", 20)
    (tmp_path / "x.txt").write_text(SENTENCES[0], encoding="utf-8")
    paths = [str(tmp_path / "missing.txt"), str(tmp_path / "a.jsonl"), str(tmp_path / "gone.jsonl"),
             str(tmp_path / "x.txt")]
    got = list(batch.run_parallel(paths, Options(jobs=2, command="extract")))
    assert got[0].error.endswith("missing.txt: no such file")
    assert [r.doc for r in got[1:21]] == [f"d{i}" for i in range(20)]
    assert got[21].error.endswith("gone.jsonl: no such file")
    assert got[22].doc.endswith("x.txt") and got[22].error is None
    assert len(got) == 23


def test_a_crashing_document_becomes_an_error_result(tmp_path, small_chunks, monkeypatch):
    write_batch(tmp_path / "b.jsonl", 12)
    real = per_doc.process

    def flaky(doc, options):
        if doc.id == "d5":
            raise ZeroDivisionError("boom in a finder")
        return real(doc, options)

    monkeypatch.setattr(per_doc, "process", flaky)
    for jobs in (1, 2):
        got = list(batch.run_parallel([str(tmp_path / "b.jsonl")], Options(jobs=jobs, command="extract")))
        assert len(got) == 12
        assert "internal error (ZeroDivisionError: boom in a finder)" in got[5].error
        assert got[5].doc == "d5"
        assert all(r.error is None for i, r in enumerate(got) if i != 5)


def test_a_killed_worker_ends_the_run_naming_what_was_not_done(tmp_path, small_chunks, monkeypatch):
    """Issue 15: a lost worker is an error naming the documents not done (exit 2 from the CLI), never a hang and
    never a silent redo; what was done before it still comes out, in order."""
    from claimcheck.errors import RunError

    write_batch(tmp_path / "b.jsonl", 30)
    parent = os.getpid()
    real = per_doc.process

    def dies_in_worker(doc, options):
        if doc.id == "d10" and os.getpid() != parent:
            os._exit(9)
        return real(doc, options)

    monkeypatch.setattr(per_doc, "process", dies_in_worker)
    got = []
    with pytest.raises(RunError) as e:
        for r in batch.run_parallel([str(tmp_path / "b.jsonl")], Options(jobs=2, command="extract")):
            got.append(r.doc)
    assert got == [f"d{i}" for i in range(len(got))] and len(got) <= 10
    assert "exit status 9" in str(e.value) and "b.jsonl#d10" in str(e.value)


def test_input_is_read_lazily(tmp_path, small_chunks):
    """The reader is never far ahead of the consumer, so memory does not grow with the batch."""
    for i in range(200):
        (tmp_path / f"{i:03}.txt").write_text(SENTENCES[i % len(SENTENCES)] * 3, encoding="utf-8")
    pulled = 0

    def paths():
        nonlocal pulled
        for i in range(200):
            pulled += 1
            yield str(tmp_path / f"{i:03}.txt")

    it = batch.run_parallel(paths(), Options(jobs=2, command="extract"))
    first = next(it)
    assert first.error is None
    window = (batch.IN_FLIGHT_PER_JOB * 2 + 1) * batch.CHUNK_DOCS
    assert pulled <= window + 2 * batch.CHUNK_DOCS, pulled
    rest = list(it)
    assert len(rest) == 199 and pulled == 200
    it.close()


def test_one_small_document_does_not_start_a_pool(tmp_path, monkeypatch):
    from claimcheck.run import pool

    def no_pool(*a, **k):
        raise AssertionError("a pool was started for one document")

    monkeypatch.setattr(pool, "_start", no_pool)
    (tmp_path / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    [r] = batch.run_parallel([str(tmp_path / "a.txt")], Options(jobs=4, command="extract"))
    assert r.error is None


def test_without_process_support_the_batch_still_runs(tmp_path, small_chunks, monkeypatch):
    from claimcheck.run import pool

    def broken(*a, **k):
        raise OSError(38, "Function not implemented")

    write_batch(tmp_path / "b.jsonl", 20)
    want = list(batch.run_parallel([str(tmp_path / "b.jsonl")], Options(jobs=1, command="extract")))
    monkeypatch.setattr(pool, "_start", broken)
    assert list(batch.run_parallel([str(tmp_path / "b.jsonl")], Options(jobs=2, command="extract"))) == want


def test_default_jobs_is_every_core():
    assert batch.default_jobs() == len(os.sched_getaffinity(0))


def _cli_has_jobs() -> bool:
    exe = shutil.which("claimcheck")
    cmd = [exe] if exe else [sys.executable, "-m", "claimcheck"]
    out = subprocess.run(cmd + ["check", "--help"], capture_output=True, text=True).stdout
    return "--jobs" in out


@pytest.mark.skipif(not _cli_has_jobs(), reason="the CLI has no --jobs option yet")
def test_cli_jobs_output_is_identical(tmp_path):
    write_batch(tmp_path / "b.jsonl", 400, bad_every=50)
    exe = shutil.which("claimcheck")
    cmd = [exe] if exe else [sys.executable, "-m", "claimcheck"]
    outs = []
    for jobs in ("1", "2"):
        p = subprocess.run(cmd + ["check", "--format", "jsonl", "--jobs", jobs, "b.jsonl"], cwd=tmp_path,
                           capture_output=True)
        assert b"Traceback" not in p.stderr
        outs.append((p.returncode, p.stdout, p.stderr))
    assert outs[0] == outs[1]


def test_docresult_pickles():
    import pickle

    from claimcheck.model import Claim

    r = DocResult(doc="a", claims=(Claim(doc="a", kind="percent", text="12%", start=0, end=3, value=12.0,
                                         offices=("x",)),))
    assert pickle.loads(pickle.dumps(r)) == r


def test_results_travel_between_processes_unchanged(tmp_path):
    """The tuple reducers registered on multiprocessing's pickler rebuild every record exactly."""
    from multiprocessing.reduction import ForkingPickler

    write_batch(tmp_path / "b.jsonl", 12)
    results = list(batch.run_parallel([str(tmp_path / "b.jsonl")], Options(jobs=1, command="check")))
    assert any(r.checked for r in results)
    batch._fast_pickling()
    assert pickle.loads(ForkingPickler.dumps(results)) == results


# ---- then: per-document work done where the document was processed --------------------------------------------

def doc_and_pid(r: DocResult) -> tuple[str, str | None, int]:
    """A ``then`` step (module level, so it pickles): what it saw and which process ran it."""
    return r.doc, r.error, os.getpid()


def claims_with_text(r: DocResult) -> tuple[int, bool]:
    return len(r.claims), r.error is not None or bool(r.text)


def explode(r: DocResult) -> None:
    raise ValueError(f"step failed on {r.doc}")


@pytest.mark.parametrize("jobs", [1, 2])
def test_then_results_come_in_input_order_errors_included(tmp_path, small_chunks, jobs):
    ids = write_batch(tmp_path / "b.jsonl", 40, bad_every=9)
    paths = [str(tmp_path / "b.jsonl"), str(tmp_path / "missing.txt")]
    plain = list(batch.run_parallel(paths, Options(jobs=1, command="extract")))
    got = list(batch.run_parallel(paths, Options(jobs=jobs, command="extract"), then=doc_and_pid))
    assert [(d, e) for d, e, _pid in got] == [(r.doc, r.error) for r in plain]
    assert [d for d, e, _pid in got if e is None] == [i for i in ids if i]
    assert got[-1][1].endswith("missing.txt: no such file")
    assert len(got) == len(ids) + 1


def test_then_runs_in_the_workers_and_sees_the_text(tmp_path, small_chunks):
    write_batch(tmp_path / "b.jsonl", 30)
    two = Options(jobs=2, command="extract")
    got = list(batch.run_parallel([str(tmp_path / "b.jsonl")], two, then=doc_and_pid))
    assert {pid for _d, _e, pid in got[1:]} - {os.getpid()}, "every step ran in this process"
    # the first document warms this process's caches, which the forked workers then share
    assert got[0][2] == os.getpid()
    seen = list(batch.run_parallel([str(tmp_path / "b.jsonl")], two, then=claims_with_text))
    assert seen == [(len(r.claims), True)
                    for r in batch.run_parallel([str(tmp_path / "b.jsonl")], Options(jobs=1, command="extract"))]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_then_step_ends_the_run(tmp_path, small_chunks, jobs):
    write_batch(tmp_path / "b.jsonl", 20)
    with pytest.raises(ValueError, match="step failed on d0"):
        list(batch.run_parallel([str(tmp_path / "b.jsonl")], Options(jobs=jobs, command="extract"), then=explode))


def test_api_run_passes_then_on(tmp_path):
    write_batch(tmp_path / "b.jsonl", 3)
    got = list(api.run([str(tmp_path / "b.jsonl")], Options(command="extract", jobs=1), then=doc_and_pid))
    assert [d for d, _e, _p in got] == ["d0", "d1", "d2"]
