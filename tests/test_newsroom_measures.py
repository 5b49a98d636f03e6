"""A newsroom's own measure, added as data only (#13 part 3): a ``statistics.toml`` beside its tables, given with
--refs, teaches the finder the measure's words, and its rows are judged, with no code change and no edit of the
installed package. The basis, measure and figures below are made up for this file; nothing here is a shipped fact."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import cli
from tests.test_newsroom_posts import _table

LEXICON = """\
[topic.water_test]
hi = ["जल कर"]
en = ["water tax"]

[measure.water_tax_collection]
kind = "money"
priority = 2
hi = ["जल कर वसूली"]
en = ["water tax collection"]
"""


def _newsroom(tmp: Path, lexicon: str | None = LEXICON) -> Path:
    refs = tmp / "refs"
    refs.mkdir()
    if lexicon is not None:
        (refs / "statistics.toml").write_text(lexicon, encoding="utf-8")
    _table(refs / "bases.csv", "bases.csv", [dict(
        basis="CITY_LEDGER_TEST", label_en="City ledger (test)", label_hi="नगर बही (परीक्षण)", kind="accounts",
        description="made up for a test", source_url="https://example.org/ledger")])
    _table(refs / "msme_stats.csv", "msme_stats.csv", [dict(
        obs_id="city_ledger_test.in-up.water_tax_collection.2023-24", measure="water_tax_collection",
        basis="CITY_LEDGER_TEST", region="IN-UP", period="2023-24", value="2500000000", unit="INR",
        value_as_reported="250 करोड़", source_url="https://example.org/ledger", source="ledger",
        published="2024-05-02", confidence="high")])
    return refs


def _check(tmp: Path, refs: Path, text: str):
    art = tmp / "a.txt"
    art.write_text(text, encoding="utf-8")
    p = cli("check", "--as-of", "2024-09-01", "--refs", str(refs), "--format", "jsonl", str(art), cwd=tmp)
    rows = [json.loads(x) for x in p.stdout.decode("utf-8").splitlines() if x.strip()]
    money = [r for r in rows if r.get("kind") == "money"]
    return p, money


def test_a_measure_added_in_the_newsrooms_lexicon_is_found_and_judged(tmp_path):
    refs = _newsroom(tmp_path)
    p, money = _check(tmp_path, refs, "उत्तर प्रदेश में 2023-24 में जल कर वसूली 250 करोड़ रुपये रही।")
    assert p.returncode == 0, p.stderr
    assert [m["verdict"] for m in money] == ["supported"], money
    p, money = _check(tmp_path, refs, "उत्तर प्रदेश में 2023-24 में जल कर वसूली 320 करोड़ रुपये रही।")
    assert p.returncode == 1, p.stderr
    assert [m["verdict"] for m in money] == ["contradicted"], money
    assert "City ledger (test)" in json.dumps(money, ensure_ascii=False)


def test_without_the_lexicon_the_same_rows_decide_nothing(tmp_path):
    refs = _newsroom(tmp_path, lexicon=None)
    p, money = _check(tmp_path, refs, "उत्तर प्रदेश में 2023-24 में जल कर वसूली 320 करोड़ रुपये रही।")
    assert p.returncode == 0, p.stderr
    assert [m["verdict"] for m in money] == ["unverifiable"], money


def test_a_broken_newsroom_lexicon_is_one_line_naming_the_file_and_exit_2(tmp_path):
    refs = _newsroom(tmp_path, lexicon='[measure.broken]\nkind = "money"\nhi = "one word, not a list"\n')
    p, _ = _check(tmp_path, refs, "जल कर वसूली 900 करोड़ रुपये रही।")
    err = p.stderr.decode("utf-8").strip()
    assert p.returncode == 2 and len(err.splitlines()) == 1, err
    assert "statistics.toml:3" in err and "list of strings" in err and "Traceback" not in err
    v = cli("data", "validate", str(refs), cwd=tmp_path)
    out = v.stdout.decode("utf-8")
    assert v.returncode == 2 and "statistics.toml:3: measure.broken.hi must be a list of strings" in out, out
    assert "missing required key 'en' in [measure.broken]" in out  # an entry it adds must be whole
