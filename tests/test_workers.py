"""Issue 15, workers: a lost worker ends a `--jobs 2` run with exit 2 naming the documents not done (never a hang),
and no worker outlives its parent. Every process is run with a timeout, so a hang fails the test instead of CI.

Workers are killed with the documented test hook ``CLAIMCHECK_TEST_WORKER_DIES`` (claimcheck.run.pool).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest

from claimcheck.run import pool

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

# Our own sentences, about 300 characters a document: 600 of them are well past the size that starts workers.
LINES = [
    "जिले में इस साल 4,200 नए राशन कार्ड बने और 38 फीसदी आवेदन अब भी लंबित हैं, अधिकारी ने बताया।",
    "The municipal corporation spent Rs 140 crore on 62 km of new drains in 2023, its annual report says.",
    "पिछले तीन वर्षों में जिले की साक्षरता दर 71 प्रतिशत से बढ़कर 79 प्रतिशत हो गई।",
    "About 1.8 lakh pilgrims visited the fair on Sunday, up 12% from last year, the district said.",
]


def write_batch(path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(LINES[(i + k) % len(LINES)] for k in range(3))
            f.write(json.dumps({"id": f"n{i}", "text": text, "date": "2024-08-30"}, ensure_ascii=False) + "\n")


def cli(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


@pytest.mark.parametrize("when", ["work", "send"])
def test_a_lost_worker_ends_the_run_with_exit_2_naming_the_documents(tmp_path, when):
    write_batch(tmp_path / "b.jsonl", 600)
    p = cli("check", str(tmp_path / "b.jsonl"), "--jobs", "2", "-f", "jsonl",
            env={pool.TEST_HOOK: f"n300:{when}"})
    assert p.returncode == 2, p.stderr[-2000:]
    errors = [line for line in p.stderr.splitlines() if "worker process was lost" in line]
    assert len(errors) == 1 and "killed by signal 9" in errors[0], p.stderr[-2000:]
    assert "Traceback" not in p.stderr
    named = set(re.findall(r"#(n\d+)", errors[0]))
    assert "n300" in named and "b.jsonl#n" in errors[0]
    # what came out before the loss is whole JSONL, and none of it is a document named as not done
    done = {json.loads(line)["doc"] for line in p.stdout.splitlines()}
    assert "n300" not in done and not named & done


def test_a_lost_worker_writes_no_report_file(tmp_path):
    write_batch(tmp_path / "b.jsonl", 600)
    out = tmp_path / "report.json"
    p = cli("check", str(tmp_path / "b.jsonl"), "--jobs", "2", "-o", str(out), env={pool.TEST_HOOK: "n450:send"})
    assert p.returncode == 2 and "n450" in re.findall(r"#(n\d+)", p.stderr) and not out.exists()


def test_the_hook_names_a_document_no_worker_gets_and_the_run_is_whole(tmp_path):
    """The control: with the hook aimed at no document, the same run ends normally with every document."""
    write_batch(tmp_path / "b.jsonl", 600)
    p = cli("check", str(tmp_path / "b.jsonl"), "--jobs", "2", "-f", "jsonl", "--no-fail",
            env={pool.TEST_HOOK: "no-such-document:send"})
    assert p.returncode == 0, p.stderr[-2000:]
    assert len({json.loads(line)["doc"] for line in p.stdout.splitlines()}) > 500


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as f:
            return not any(line.startswith("State:") and "Z" in line for line in f)
    except OSError:
        return False


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_no_worker_outlives_its_parent(tmp_path, sig):
    write_batch(tmp_path / "b.jsonl", 4000)
    parent = subprocess.Popen([sys.executable, "-m", "claimcheck", "check", str(tmp_path / "b.jsonl"), "--jobs",
                               "2", "-f", "jsonl"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
            time.sleep(0.05)
            workers = _children(parent.pid)
        assert len(workers) == 2, "the run did not start two workers"
        parent.send_signal(sig)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 15
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_alive, workers)), "a worker outlived its parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait(10)
        for w in _children(parent.pid):
            os.kill(w, signal.SIGKILL)
