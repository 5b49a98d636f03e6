"""`claimcheck data status`: the refresh work list (stale series, unattested open tenures, gaps, unsourced rows)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import claimcheck.reference as R
from claimcheck.reference.status import status

SRC = "https://example.org/a"


def _tables(tmp_path):
    (tmp_path / "positions.csv").write_text(
        "position_id,label_en,label_hi,jurisdiction,titles,single_holder,notes\n"
        "org-y.head,Head of Y,वाई प्रमुख,IN,Head of Y,yes,\n", encoding="utf-8")
    (tmp_path / "persons.csv").write_text(
        "person_id,label_en,label_hi,aliases,notes\n"
        "y-one,Yamini One,यामिनी वन,,\ny-two,Yash Two,यश टू,,\n", encoding="utf-8")
    (tmp_path / "tenures.csv").write_text(
        "tenure_id,person_id,position_id,start,end,end_cause,nature,last_attested,source_url,source,confidence,notes\n"
        f"org-y.head.y-one.2015-01-01,y-one,org-y.head,2015-01-01,2018-01-01,term_ended,regular,,{SRC},test,high,\n"
        f"org-y.head.y-two.2019-01-01,y-two,org-y.head,2019-01-01,,,regular,2025-01,{SRC},test,high,\n",
        encoding="utf-8")
    (tmp_path / "msme_stats.csv").write_text(
        "obs_id,measure,basis,region,breakdown,period,as_of,value,unit,value_as_reported,source_url,source,published,"
        "confidence,notes\n"
        f"udyam_urp.in-sk.msme_count.2024-01-31,msme_count,UDYAM_URP,IN-SK,,,2024-01-31,1000,enterprises,1000,{SRC},"
        "test,2024-02-01,high,\n", encoding="utf-8")
    return tmp_path


def test_the_work_list_names_each_kind_of_item(tmp_path):
    refs = R.load_references([str(_tables(tmp_path))])
    st = status(refs, dt.date(2026, 12, 7), months=6)
    assert any(g["position"] == "org-y.head" and g["from"] == "2018-01-01" and g["to"] == "2019-01-01"
               for g in st.gaps)
    assert any(t["tenure"] == "org-y.head.y-two.2019-01-01" for t in st.unattested)
    assert any(s["region"] == "IN-SK" and s["latest"] == "2024-01-31" for s in st.stale_series)
    # attested recently enough and counted recently enough: not listed
    st = status(refs, dt.date(2024, 5, 1), months=6)
    assert not any(t["tenure"].startswith("org-y.head.y-two") for t in st.unattested)
    assert not any(s["region"] == "IN-SK" for s in st.stale_series)


def test_json_for_a_scheduled_job(tmp_path):
    p = subprocess.run([sys.executable, "-m", "claimcheck", "data", "status", str(_tables(tmp_path)), "--as-of",
                        "2026-12-07", "--format", "json"], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    assert set(d) == {"as_of", "months", "stale_series", "unattested", "gaps", "coverage", "unsourced"}
    assert d["as_of"] == "2026-12-07" and d["unsourced"] == []
    bad = subprocess.run([sys.executable, "-m", "claimcheck", "data", "status", "--as-of", "yesterday"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "bad --as-of" in bad.stderr


def test_gaps_say_what_ended_the_tenure_before_them_and_coverage_counts_the_days(tmp_path):
    refs = R.load_references([str(_tables(tmp_path))])
    st = status(refs, dt.date(2026, 12, 7), months=6)
    gap = next(g for g in st.gaps if g["position"] == "org-y.head")
    assert gap["after"] == "term_ended"
    cov = next(c for c in st.coverage if c["position"] == "org-y.head")
    whole = (dt.date(2026, 12, 7) - dt.date(2015, 1, 1)).days
    assert cov["from"] == "2015-01-01" and cov["share"] == round((whole - 365) / whole, 4)


def test_an_abolished_post_has_no_gap_after_it_and_an_ended_source_is_never_stale(tmp_path):
    _tables(tmp_path)
    (tmp_path / "positions.csv").write_text(
        "position_id,label_en,label_hi,jurisdiction,titles,single_holder,notes\n"
        "org-y.head,Head of Y,वाई प्रमुख,IN,Head of Y,yes,\n"
        "org-z.head,Head of Z,ज़ेड प्रमुख,IN,Head of Z,yes,\n", encoding="utf-8")
    with open(tmp_path / "tenures.csv", "a", encoding="utf-8") as fh:
        fh.write(f"org-z.head.y-two.2014-01-01,y-two,org-z.head,2014-01-01,2016-06-30,abolished,regular,,{SRC},t,high,\n")
    (tmp_path / "bases.csv").write_text(
        "basis,label_en,label_hi,kind,description,source_url,ended\n"
        f"OLDREG,An old register,पुराना रजिस्टर,registration,replaced in 2020,{SRC},2020-06-30\n", encoding="utf-8")
    with open(tmp_path / "msme_stats.csv", "a", encoding="utf-8") as fh:
        fh.write(f"oldreg.in-sk.msme_count.2019-01-31,msme_count,OLDREG,IN-SK,,,2019-01-31,900,enterprises,900,{SRC},"
                 "test,2019-02-01,high,\n")
    refs = R.load_references([str(tmp_path)])
    st = status(refs, dt.date(2026, 12, 7), months=6)
    assert not any(g["position"] == "org-z.head" for g in st.gaps)
    assert next(c for c in st.coverage if c["position"] == "org-z.head")["share"] == 1.0
    assert not any(s["basis"] == "OLDREG" for s in st.stale_series)
    assert any(s["basis"] == "UDYAM_URP" and s["region"] == "IN-SK" for s in st.stale_series)


def test_series_lists_each_series_with_its_latest_observation_and_publication(tmp_path):
    p = subprocess.run([sys.executable, "-m", "claimcheck", "data", "series", str(_tables(tmp_path)), "--format",
                        "json"], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    rows = json.loads(p.stdout)
    sk = [r for r in rows if r["region"] == "IN-SK" and r["basis"] == "UDYAM_URP" and not r["breakdown"]]
    assert len(sk) == 1 and sk[0]["latest"] == "2024-01-31" and sk[0]["published"] == "2024-02-01"
    assert all(r["rows"] >= 1 for r in rows)
    assert any(r["closed"] for r in rows if r["basis"] == "UAM")  # a shipped regime that ended


def test_an_unsourced_end_covers_the_chain_as_far_as_the_holder_was_last_seen(tmp_path):
    _tables(tmp_path)
    with open(tmp_path / "tenures.csv", "a", encoding="utf-8") as fh:
        fh.write(f"org-y.head.y-one.2018-01-01,y-one,org-y.head,2018-01-01,unknown,unknown,regular,2018-06,{SRC},t,high,\n")
    st = status(R.load_references([str(tmp_path)]), dt.date(2026, 12, 7), months=6)
    gap = next(g for g in st.gaps if g["position"] == "org-y.head")
    assert (gap["from"], gap["to"]) == ("2018-06-30", "2019-01-01")
