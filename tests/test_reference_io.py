"""Reading a newsroom's tables: once per run, bounded, and with labels that cannot carry control characters."""

from __future__ import annotations

import subprocess
import sys

import claimcheck.reference as R

PERSONS = "person_id,label_en,label_hi,aliases,notes\n"


def test_a_control_character_in_a_label_is_a_problem(tmp_path):
    f = tmp_path / "persons.csv"
    f.write_text(PERSONS + "esc-person,Bad\x1b[31mName,बैड नाम,,\n", encoding="utf-8")
    problems = R.validate([str(f)])
    assert [p.line for p in problems] == [2] and "control character" in problems[0].message


def test_a_device_is_not_read_as_a_table():
    # /dev/zero never ends: it is refused before any read (pytest-timeout guards the test, not a clock)
    p = subprocess.run([sys.executable, "-m", "claimcheck", "data", "validate", "/dev/zero"], capture_output=True,
                       text=True, timeout=60)
    assert p.returncode == 2 and "not a regular file" in p.stderr + p.stdout


def test_tables_are_read_once_per_run_and_again_when_they_change(tmp_path, monkeypatch):
    f = tmp_path / "persons.csv"
    f.write_text(PERSONS + "newsroom-person,Asha Verma,आशा वर्मा,,\n", encoding="utf-8")
    calls = []
    real = R._gather
    monkeypatch.setattr(R, "_gather", lambda paths: calls.append(paths) or real(paths))
    R._with_user_tables.cache_clear()
    for _ in range(3):  # three documents of one run
        assert "newsroom-person" in R.load_references([str(f)]).persons
    assert len(calls) == 1
    f.write_text(PERSONS + "newsroom-person,Asha Verma Rao,आशा वर्मा राव,,\n", encoding="utf-8")
    assert R.load_references([str(f)]).persons["newsroom-person"].label_en == "Asha Verma Rao"
    assert len(calls) == 2


def test_overlaps_are_still_found_along_a_long_chain(tmp_path):
    positions = ("position_id,label_en,label_hi,jurisdiction,titles,single_holder,notes\n"
                 "org-x.head,Head of X,एक्स प्रमुख,IN,Head of X,yes,\n")
    persons = PERSONS + "".join(f"p{i},Person {i},व्यक्ति {i},,\n" for i in range(60))
    src = "https://example.org/a"
    rows = ["tenure_id,person_id,position_id,start,end,end_cause,nature,last_attested,source_url,source,confidence,notes"]
    for i in range(60):
        start, end = f"{1950 + i}-01-01", f"{1951 + i}-01-01"
        if i == 40:
            end = "1992-06-01"  # runs past the next holder's whole term into the one after
        rows.append(f"org-x.head.p{i}.{start},p{i},org-x.head,{start},{end},term_ended,regular,,{src},test,high,")
    (tmp_path / "positions.csv").write_text(positions, encoding="utf-8")
    (tmp_path / "persons.csv").write_text(persons, encoding="utf-8")
    (tmp_path / "tenures.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    problems = [p for p in R.validate([str(tmp_path)]) if "overlaps" in p.message]
    assert sorted(p.message.split("'")[1] for p in problems) == ["org-x.head.p41.1991-01-01",
                                                                  "org-x.head.p42.1992-01-01"]
    assert all("p40" in p.message for p in problems)
