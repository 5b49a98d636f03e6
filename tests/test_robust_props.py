"""Property tests over generated Devanagari/Latin/digit/punctuation text (strategies in fuzz/strategies.py).

extract and check never raise; every span is valid; the output is deterministic and does not depend on the other
documents in a batch, on their order, or on ``jobs``. The long run of the same properties is fuzz/run_fuzz.py.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
from strategies import any_text, as_of_dates, news_text  # noqa: E402

from claimcheck.api import check as cc_check, extract as cc_extract  # noqa: E402  (claimcheck.extract is shadowed by the submodule; see report)
from claimcheck.run import batch  # noqa: E402
from claimcheck.options import Options  # noqa: E402
from claimcheck.model import KINDS, VERDICTS  # noqa: E402

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_valid(claims, text):
    for c in claims:
        assert c.kind in KINDS, c
        assert 0 <= c.start <= c.end <= len(text), c
        assert c.text == text[c.start:c.end], c
        json.dumps(c.to_dict(), ensure_ascii=False)  # every claim is serialisable


@SETTINGS
@given(text=any_text(), as_of=as_of_dates(), lang=st.sampled_from([None, "hi", "en"]))
def test_extract_never_raises_and_spans_are_valid(text, as_of, lang):
    claims = cc_extract(text, as_of=as_of, lang=lang)
    assert_valid(claims, text)
    assert claims == cc_extract(text, as_of=as_of, lang=lang)  # deterministic


@SETTINGS
@given(text=any_text(), as_of=as_of_dates())
def test_check_never_raises_and_spans_are_valid(text, as_of):
    checked = cc_check(text, as_of=as_of)
    assert_valid([cc.claim for cc in checked], text)
    for cc in checked:
        assert cc.verdict.outcome in VERDICTS
        json.dumps(cc.to_dict(), ensure_ascii=False)
    assert checked == cc_check(text, as_of=as_of)


def _write(path: Path, docs: list[tuple[str, str]]):
    with open(path, "w", encoding="utf-8") as f:
        for doc_id, text in docs:
            f.write(json.dumps({"id": doc_id, "text": text, "date": "2024-08-30"}, ensure_ascii=False) + "\n")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(texts=st.lists(news_text(), min_size=2, max_size=12), seed=st.randoms())
def test_batch_order_and_jobs_do_not_change_results(tmp_path_factory, monkeypatch, texts, seed):
    monkeypatch.setattr(batch, "POOL_MIN_CHARS", 1)
    monkeypatch.setattr(batch, "CHUNK_DOCS", 2)
    texts = [t if t.strip() else "खाली" for t in texts]
    docs = [(f"d{i}", t) for i, t in enumerate(texts)]
    shuffled = docs[:]
    seed.shuffle(shuffled)
    d = tmp_path_factory.mktemp("b")
    _write(d / "a.jsonl", docs)
    _write(d / "b.jsonl", shuffled)
    serial, pooled = Options(jobs=1, command="check"), Options(jobs=2, command="check")
    one = {r.doc: replace(r, path=None) for r in batch.run_parallel([str(d / "a.jsonl")], serial)}
    two = {r.doc: replace(r, path=None) for r in batch.run_parallel([str(d / "b.jsonl")], pooled)}
    assert one == two
    assert [r.doc for r in batch.run_parallel([str(d / "b.jsonl")], Options(jobs=2, command="extract"))] == [
        i for i, _ in shuffled]
    from claimcheck.read.markup import sniff, to_document

    for doc_id, text in docs:
        assert one[doc_id].error is None, one[doc_id].error
        # a batch line that reads as markup ("# Chief Secretary …", "&amp;") is checked as its text, like a .md
        # file: offsets index the text the reader gave the finders, line and column the line as written
        fmt = sniff(text)
        read = text if fmt == "text" else to_document(text, doc_id=doc_id, fmt=fmt).text
        assert_valid(one[doc_id].claims, read)


@pytest.mark.parametrize("text", ["", " ", "\u200d", "\ufeff", "०", "1" * 5000, "लाख " * 2000, "," * 10000])
def test_edge_texts(text):
    assert_valid(cc_extract(text, as_of="2024-08-30"), text)
    assert_valid([cc.claim for cc in cc_check(text, as_of="2024-08-30")], text)
