"""A newsroom's own kind of post, added as data only (#13 part 3): a positions table with its Hindi and English
titles, given with --refs, is matched by the finder and the judge with no code change. The post, person and
tenure below are made up for this file (a fictional mayor of a real city); nothing here is a shipped fact."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.test_cli import cli

ROOT = Path(__file__).resolve().parents[1] / "reference_data"


def _table(path: Path, shipped: str, rows: list[dict]) -> None:
    with open(ROOT / shipped, encoding="utf-8", newline="") as fh:
        cols = next(csv.reader(fh))
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols)
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in cols})


def _newsroom(tmp: Path) -> Path:
    refs = tmp / "refs"
    refs.mkdir()
    _table(refs / "positions.csv", "positions.csv", [dict(
        position_id="in-up.mayor-lucknow", label_en="Mayor of Lucknow", label_hi="लखनऊ की महापौर",
        jurisdiction="IN-UP", titles="महापौर;मेयर;Mayor", single_holder="yes", notes="test post")])
    _table(refs / "persons.csv", "persons.csv", [
        dict(person_id="kamla-testwati", label_en="Kamla Testwati", label_hi="कमला टेस्टवती", notes="fictional"),
        dict(person_id="vimla-purvwati", label_en="Vimla Purvwati", label_hi="विमला पूर्ववती", notes="fictional")])
    _table(refs / "tenures.csv", "tenures.csv", [
        dict(tenure_id="in-up.mayor-lucknow.vimla-purvwati.2017-12-12", person_id="vimla-purvwati",
             position_id="in-up.mayor-lucknow", start="2017-12-12", end="2023-05-25", end_cause="term_ended",
             nature="regular", source_url="https://example.org/newsroom-register", source="newsroom register",
             confidence="high"),
        dict(tenure_id="in-up.mayor-lucknow.kamla-testwati.2023-05-26", person_id="kamla-testwati",
             position_id="in-up.mayor-lucknow", start="2023-05-26", nature="regular", last_attested="2024-12",
             source_url="https://example.org/newsroom-register", source="newsroom register", confidence="high")])
    return refs


def _rows(tmp: Path, text: str, refs: Path | None, as_of: str = "2024-06-01") -> list[dict]:
    draft = tmp / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    extra = ["--refs", str(refs)] if refs else []
    p = cli("check", str(draft), "--as-of", as_of, *extra, "--format", "jsonl", cwd=tmp)
    assert p.returncode in (0, 1), p.stderr.decode()
    rows = [json.loads(x) for x in p.stdout.decode().splitlines() if x.strip()]
    return [r for r in rows if r["kind"] == "officeholder"]


def _verdicts(tmp: Path, text: str, refs: Path | None, as_of: str = "2024-06-01") -> dict[str, str]:
    return {r["text"]: r["verdict"] for r in _rows(tmp, text, refs, as_of)}


def test_a_newsroom_post_is_found_and_judged_from_its_own_table(tmp_path):
    refs = _newsroom(tmp_path)
    got = _verdicts(tmp_path, "लखनऊ की महापौर कमला टेस्टवती ने कहा। Lucknow Mayor Kamla Testwati said.", refs)
    assert sorted(got.values()) == ["supported", "supported"], got


def test_the_newsroom_post_gates_a_former_holder_named_as_the_present_one(tmp_path):
    refs = _newsroom(tmp_path)
    got = _verdicts(tmp_path, "लखनऊ की महापौर विमला पूर्ववती ने कहा।", refs)
    assert list(got.values()) == ["outdated"], got


def test_without_the_table_the_post_is_unverifiable(tmp_path):
    got = _verdicts(tmp_path, "लखनऊ की महापौर कमला टेस्टवती ने कहा।", None)
    assert list(got.values()) == ["unverifiable"], got


def test_someone_else_named_long_after_the_holder_was_last_attested_is_unverifiable(tmp_path):
    refs = _newsroom(tmp_path)  # the holder's open tenure was last attested in December 2024
    with open(refs / "persons.csv", "a", encoding="utf-8") as fh:
        fh.write("nirmala-nayiwati,Nirmala Nayiwati,निर्मला नयीवती,,fictional\n")
    with open(refs / "positions.csv", "a", encoding="utf-8") as fh:
        fh.write("in-up.municipal-commissioner-lucknow,Municipal Commissioner of Lucknow,लखनऊ नगर आयुक्त,IN-UP,"
                 "नगर आयुक्त;Municipal Commissioner,yes,test post\n")
    with open(refs / "tenures.csv", "a", encoding="utf-8") as fh:  # she is known, in another post
        fh.write("in-up.municipal-commissioner-lucknow.nirmala-nayiwati.2023-01-02,nirmala-nayiwati,"
                 "in-up.municipal-commissioner-lucknow,2023-01-02,,,regular,2026-02,https://example.org/r,"
                 "newsroom register,high,\n")
    text = "उत्तर प्रदेश में लखनऊ की महापौर निर्मला नयीवती ने कहा।"
    assert list(_verdicts(tmp_path, text, refs, "2025-05-01").values()) == ["contradicted"]  # within six months
    late = _rows(tmp_path, text, refs, "2026-03-01")
    assert [r["verdict"] for r in late] == ["unverifiable"], late
    assert "last show Kamla Testwati (from 2023-05-26) in it on 2024-12-31" in late[0]["message"], late
    # a sourced end still decides: the former holder named as the present one stays outdated
    assert list(_verdicts(tmp_path, "लखनऊ की महापौर विमला पूर्ववती ने कहा।", refs, "2026-03-01").values()) == [
        "outdated"]


def test_the_regular_holder_named_while_someone_holds_the_post_in_the_interim_is_ambiguous(tmp_path):
    refs = _newsroom(tmp_path)  # Kamla Testwati holds the post from 2023-05-26 (open)
    rows = (refs / "tenures.csv").read_text(encoding="utf-8").splitlines()
    rows = [r.replace(",2023-05-26,,,regular,2024-12,", ",2023-05-26,2024-02-01,replaced,regular,,")
            if r.startswith("in-up.mayor-lucknow.kamla-testwati.") else r for r in rows]
    rows += [
        "in-up.mayor-lucknow.vimla-purvwati.2024-02-01,vimla-purvwati,in-up.mayor-lucknow,2024-02-01,2024-05-01,"
        "replaced,additional_charge,,https://example.org/r,newsroom register,high,",
        "in-up.mayor-lucknow.kamla-testwati.2024-05-01,kamla-testwati,in-up.mayor-lucknow,2024-05-01,,,regular,"
        "2024-12,https://example.org/r,newsroom register,high,"]
    (refs / "tenures.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    text = "लखनऊ की महापौर कमला टेस्टवती ने कहा।"
    away = _rows(tmp_path, text, refs, "2024-03-01")
    assert [r["verdict"] for r in away] == ["ambiguous"], away
    assert "in the interim (additional charge)" in away[0]["message"], away
    assert list(_verdicts(tmp_path, text, refs, "2024-06-01").values()) == ["supported"]
