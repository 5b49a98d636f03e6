"""Verdict accuracy and false alarms on checked-claim cases written for this project (tests/data)."""

import json
from pathlib import Path

import pytest

import claimcheck

DATA = Path(__file__).resolve().parent / "data"
BAD = {"contradicted", "outdated"}


def load(name):
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{name} not present")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(cases):
    n = ok = fa = fa_base = 0
    wrong = []
    for case in cases:
        checked = claimcheck.check(case["text"], as_of=case["date"], lang=case["lang"], doc=case["id"])
        for e in case["expect"]:
            s = case["text"].index(e["surface"])
            span = (s, s + len(e["surface"]))
            cands = [cc for cc in checked if cc.claim.start < span[1] and span[0] < cc.claim.end]
            cands.sort(key=lambda cc: cc.verdict.outcome == "unverifiable")
            got = cands[0].verdict.outcome if cands else "(no claim)"
            n += 1
            ok += got == e["verdict"]
            if e["verdict"] in ("supported", "unverifiable"):
                fa_base += 1
                fa += got in BAD
            if got != e["verdict"]:
                wrong.append((case["id"], e["surface"], e["verdict"], got))
    return ok / n, fa / max(fa_base, 1), wrong


@pytest.mark.parametrize("name", ["check_cases.jsonl", "check_cases_blind.jsonl", "holdout2_check.jsonl"])
def test_verdict_accuracy_and_false_alarms(name):
    acc, false_alarms, wrong = score(load(name))
    assert acc >= 0.90, wrong
    assert false_alarms <= 0.03, wrong
