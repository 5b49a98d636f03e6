"""Reference tables: the shipped data loads and validates; dates, coverage and lookups behave; broken tables give
every problem with its line."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import pytest

import claimcheck.reference as R
from claimcheck.errors import DataError

D = dt.date


@pytest.fixture(scope="module")
def refs():
    return R.load_references()


# ------------------------------------------------------------------------------------------------ shipped data

def test_shipped_tables_validate_cleanly():
    assert R.validate() == []


def test_every_shipped_row_has_a_source(refs):
    for o in refs.observations:
        assert o.source_url or o.source, o.obs_id
    for t in refs.tenures:
        assert t.source_url or t.source, t.tenure_id
    for b in refs.bases.values():
        assert b.source_url or b.kind == "claim", b.basis


def test_meta_files_describe_exactly_the_columns():
    base = resources.files("claimcheck.reference_data")
    for table, cols in R.COLUMNS.items():
        meta = json.loads(base.joinpath(f"{table}.meta.json").read_text(encoding="utf-8"))
        assert tuple(meta["columns"]) == cols, table
        assert meta["title"] and meta["description"] and meta["license"]


def test_references_are_resolved(refs):
    for t in refs.tenures:
        assert t.person_id in refs.persons and t.position_id in refs.positions
    for o in refs.observations:
        assert o.basis in refs.bases


def test_observation_types(refs):
    up = [o for o in refs.observations if o.region == "IN-UP" and o.basis == "NSS73" and o.measure == "msme_count"
          and not o.breakdown]
    assert len(up) == 1
    assert up[0].value == 8_999_000 and up[0].unit == "enterprises" and up[0].value_as_reported == "89.99 lakh"
    udyam = [o for o in refs.observations if o.basis == "UDYAM_URP" and o.as_of is not None]
    assert udyam and all(isinstance(o.as_of, dt.date) for o in udyam)
    assert all(isinstance(o.breakdown, dict) for o in refs.observations)


def test_nss_ranking_needs_its_basis(refs):
    nss = {o.region: o.value for o in refs.observations
           if o.basis == "NSS73" and o.measure == "msme_count" and not o.breakdown and o.region != "IN"}
    assert max(nss, key=nss.get) == "IN-UP"
    assert sorted(nss, key=nss.get, reverse=True)[1] == "IN-WB"


# ------------------------------------------------------------------------------------------------ dates

def test_date_bounds_follow_precision():
    assert R.date_bounds("2017-03-19") == (D(2017, 3, 19), D(2017, 3, 19))
    assert R.date_bounds("2024-02") == (D(2024, 2, 1), D(2024, 2, 29))
    assert R.date_bounds("2019") == (D(2019, 1, 1), D(2019, 12, 31))
    assert R.date_bounds("unknown") == (None, None)
    for bad in ("2017-13", "17-03-19", "2017/03/19", "March 2017", ""):
        with pytest.raises(ValueError):
            R.date_bounds(bad)


def _t(start, end, last_attested="", nature="regular"):
    return R.Tenure("t", "p", "x", start, end, "", nature, last_attested, "https://example.org", "", "high", "")


def test_covers_half_open_with_ambiguous_handover():
    t = _t("2017-03-19", "2022-03-25")
    assert t.covers(D(2017, 3, 18)) is False
    assert t.covers(D(2017, 3, 19)) is None  # handover day: predecessor may still match
    assert t.covers(D(2020, 1, 1)) is True
    assert t.covers(D(2022, 3, 25)) is None
    assert t.covers(D(2022, 3, 26)) is False
    assert t.covers(D(2017, 3, 19), boundary_ambiguous=False) is True
    assert t.covers(D(2022, 3, 25), boundary_ambiguous=False) is False


def test_covers_reduced_precision_and_open_or_unknown_end():
    t = _t("2017-03", "2019")
    assert t.covers(D(2017, 2, 28)) is False
    assert t.covers(D(2017, 3, 15)) is None
    assert t.covers(D(2018, 6, 1)) is True
    assert t.covers(D(2019, 6, 1)) is None
    assert t.covers(D(2020, 1, 1)) is False
    assert _t("2022-03-28", None).covers(D(2030, 1, 1)) is True
    u = _t("2019-09-09", "unknown", last_attested="2020-05")
    assert u.covers(D(2020, 1, 1)) is True  # attested in office later
    assert u.covers(D(2021, 1, 1)) is None  # never "still in office"
    assert _t("unknown", "2025-07-28").covers(D(2024, 1, 1)) is None
    assert _t("unknown", "2025-07-28").covers(D(2025, 8, 1)) is False


def test_end_bounds_open_and_unknown():
    assert _t("2020", None).end_bounds() == (dt.date.max, dt.date.max)
    assert _t("2020", "unknown").end_bounds() == (None, None)


# ------------------------------------------------------------------------------------------------ lookups

@pytest.mark.parametrize("post, day, who", [
    # 2025-10-15, not 2025-09-01: Goyal was on leave in September 2025, when Deepak Kumar held additional charge
    ("in-up.chief-secretary", D(2025, 10, 15), "shashi-prakash-goyal"),
    ("in-up.chief-secretary", D(2024, 8, 30), "manoj-kumar-singh"),
    ("in-up.invest-up-ceo", D(2025, 6, 1), "vijay-kiran-anand"),
    ("in-up.invest-up-ceo", D(2024, 8, 30), "abhishek-prakash"),
    ("in-up.minister-industrial-development", D(2021, 1, 1), "satish-mahana"),
    ("in-up.minister-industrial-development", D(2024, 8, 30), "nand-gopal-gupta-nandi"),
    ("in-up.chief-minister", D(2024, 8, 30), "yogi-adityanath"),
    ("in.president", D(2020, 1, 1), "ram-nath-kovind"),
])
def test_holder_on_a_date(refs, post, day, who):
    sure = [t.person_id for t, c in refs.holders(post, day) if c is True]
    assert sure == [who]


def test_tenures_are_sorted_and_by_person(refs):
    cs = refs.tenures_for_position("in-up.chief-secretary")
    starts = [t.start_bounds()[0] for t in cs if t.start_bounds()[0]]
    assert starts == sorted(starts)
    nandi = {t.position_id for t in refs.tenures_for_person("nand-gopal-gupta-nandi")}
    assert {"in-up.minister-industrial-development", "in-up.minister-civil-aviation"} <= nandi


@pytest.mark.parametrize("query, person", [
    ("Nandi", "nand-gopal-gupta-nandi"),
    ("नन्दी", "nand-gopal-gupta-nandi"),
    ("एसपी गोयल", "shashi-prakash-goyal"),
    ("S.P. Goyal", "shashi-prakash-goyal"),
    ("sp goyal", "shashi-prakash-goyal"),
    ("योगी आदित्यनाथ", "yogi-adityanath"),
])
def test_show_finds_people_in_any_script(refs, query, person):
    assert [p.person_id for p, _ in R.show(query, refs).persons] == [person]


def test_show_prefers_exact_titles_and_finds_metrics(refs):
    res = R.show("मुख्य सचिव", refs)
    ids = [p.position_id for p, _ in res.positions]
    assert "in-up.chief-secretary" in ids and all(i.endswith(".chief-secretary") for i in ids), ids
    assert res.positions[0][1], "post listed with its holders"
    obs = R.show("उत्तर प्रदेश NSS73 msme_count", refs).observations
    ids = {o.obs_id for o in obs}
    assert "nss73.in-up.msme_count.2015-07_2016-06" in ids
    assert all(i.startswith("nss73.in-up.msme_count.") for i in ids), ids  # its breakdowns at most
    assert R.show("zzz-no-such-thing", refs).empty


# ------------------------------------------------------------------------------------------------ broken tables

TENURES_HEADER = ",".join(R.COLUMNS["tenures"])
SRC = "https://example.org/a"


def _write(tmp_path, name, lines):
    p = tmp_path / name
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


@pytest.fixture
def broken(tmp_path):
    d = tmp_path / "refs"
    d.mkdir()
    _write(d, "persons.csv", [
        ",".join(R.COLUMNS["persons"]),
        "jane-doe,Jane Doe,जेन डो,JD,",          # 2 ok
        "jane-doe,Jane Again,,,",               # 3 duplicate id
        'john-roe,John "JR" Roe,,,',            # 4 ok: a quote inside an unquoted field is kept
        '"broken-quote,Bad,,,',                 # 5 stray quote
    ])
    _write(d, "positions.csv", [
        ",".join(R.COLUMNS["positions"]),
        "xx.editor,Editor,संपादक,IN-UP,संपादक;Editor,yes,",  # 2 ok
        "xx.bad,Bad,,IN-ZZ,,maybe,",                        # 3 region, titles, yes/no
    ])
    _write(d, "tenures.csv", [
        TENURES_HEADER,
        f"t1,jane-doe,xx.editor,2020-01-01,2022-01-01,term_ended,regular,,{SRC},,high,",   # 2 ok
        f"t2,john-roe,xx.editor,2021-06-01,,,regular,2023,{SRC},,high,",                  # 3 overlaps t1
        f"t3,nobody,xx.editor,2023-13-01,2022-01-01,fired,sometimes,,,,sure,",            # 4 many problems
        f"t4,jane-doe,xx.editor,2019-05-01,2019-05-01,retired,regular,,{SRC},,high,",     # 5 end not after start
        f"t5,jane-doe,xx.editor,2018,2018-06,,acting,,{SRC},,high,",                      # 6 end_cause missing: ok
        f"t6,jane-doe,xx.editor,2018-02,2018-03,retired,regular,,not a url,,high,",       # 7 bad url
        "t7,jane-doe,xx.editor,2018-01,2018-02",                                          # 8 too few fields
    ])
    _write(d, "stats.csv", [  # recognised by its header
        ",".join(R.COLUMNS["msme_stats"]),
        f"o1,msme_count,NSS73,IN-UP,,2015-16,,100,enterprises,1 thousand,{SRC},,,high,",   # 2 ok
        f"o2,msme_count,NOPE,IN-XX,size,2015-99,2020-02,89.99 lakh,units,,,,,very,",       # 3 many problems
        f"o3,msme_count_share,NSS73,IN,,2015-16,,140,percent,140%,{SRC},,,high,",          # 4 over 100 percent
    ])
    _write(d, "bad_header.csv", ["person_id,label_en", "x,X"])
    _write(d, "notes.csv", ["a,b", "1,2"])
    return d


def _where(problems):
    return {(p.path.rsplit("/", 1)[-1], p.line) for p in problems}


def test_validate_lists_every_problem_with_its_line(broken):
    problems = R.validate([str(broken)])
    where = _where(problems)
    expected = {("persons.csv", 3), ("persons.csv", 5), ("positions.csv", 3), ("tenures.csv", 3),
                ("tenures.csv", 4), ("tenures.csv", 5), ("tenures.csv", 7), ("tenures.csv", 8),
                ("stats.csv", 3), ("stats.csv", 4), ("bad_header.csv", 1), ("notes.csv", 1)}
    assert where == expected, [str(p) for p in problems]
    msgs = {(w, p.message) for p in problems for w in [(p.path.rsplit("/", 1)[-1], p.line)]}
    text = "\n".join(f"{w[0]}:{w[1]}: {m}" for w, m in sorted(msgs))
    for needle in ("duplicate person_id 'jane-doe'", "stray or unbalanced quote", "IN-ZZ", "single_holder",
                   "titles is empty", "overlaps 't1'", "unknown person_id 'nobody'", "month", "'fired'",
                   "'sometimes'", "'sure'", "no source", "not after start", "not an http(s) URL",
                   "fields, header has", "unknown basis 'NOPE'", "IN-XX", "breakdown", "period",
                   "not a plain number", "'units'", "value_as_reported is empty", "over 100 percent",
                   "missing column(s) for table persons", "not a reference table"):
        assert needle in text, needle
    # several problems of one row are all listed, not just the first
    assert sum(1 for p in problems if p.path.endswith("tenures.csv") and p.line == 4) >= 6


def test_good_rows_of_a_broken_table_are_not_reported(broken):
    where = _where(R.validate([str(broken)]))
    for ok in [("persons.csv", 2), ("persons.csv", 4), ("tenures.csv", 2), ("tenures.csv", 6), ("stats.csv", 2)]:
        assert ok not in where


def test_load_references_raises_one_data_error_with_all_problems(broken):
    with pytest.raises(DataError) as e:
        R.load_references([str(broken)])
    assert len(e.value.problems) == len(R.validate([str(broken)]))
    assert "tenures.csv:4:" in str(e.value)


def test_newsroom_tables_extend_the_shipped_ones(tmp_path):
    _write(tmp_path, "my_posts.csv", [  # recognised by header, not by name
        ",".join(R.COLUMNS["positions"]),
        "desk.editor,Editor of the desk,डेस्क संपादक,org:our-paper,संपादक;Editor,yes,",
    ])
    _write(tmp_path, "persons.csv", [",".join(R.COLUMNS["persons"]), "reporter-x,Reporter X,रिपोर्टर एक्स,RX,"])
    _write(tmp_path, "tenures.csv", [
        TENURES_HEADER,
        f"local.1,reporter-x,desk.editor,2020-01,2023-04-01,resigned,regular,,{SRC},Our desk,medium,",
        f"local.2,yogi-adityanath,desk.editor,2023-04-01,,,regular,2024,{SRC},Our desk,low,",
    ])
    refs = R.load_references([str(tmp_path)])
    assert "reporter-x" in refs.persons and "yogi-adityanath" in refs.persons
    assert [t.person_id for t in refs.tenures_for_position("desk.editor")] == ["reporter-x", "yogi-adityanath"]
    assert len(refs.tenures) == len(R.load_references().tenures) + 2


def test_newsroom_tenure_overlapping_a_shipped_one_is_reported(tmp_path):
    f = _write(tmp_path, "terms.csv", [
        TENURES_HEADER,
        f"local.1,akhilesh-yadav,in-up.chief-minister,2020-01-01,2021-01-01,,regular,,{SRC},,low,",
    ])
    problems = R.validate([str(f)])
    assert len(problems) == 1 and problems[0].line == 2
    assert "overlaps 'in-up.chief-minister.yogi-adityanath.2017-03-19'" in problems[0].message


def test_newsroom_row_with_a_shipped_id_replaces_it(tmp_path):
    shipped = R.load_references()
    t = shipped.tenures_for_position("in-up.chief-minister")[-1]
    _write(tmp_path, "tenures.csv", [
        TENURES_HEADER,
        f"{t.tenure_id},{t.person_id},{t.position_id},{t.start},,,regular,2030-01-01,{SRC},Our desk,medium,",
    ])
    refs = R.load_references([str(tmp_path)])
    mine = [x for x in refs.tenures if x.tenure_id == t.tenure_id]
    assert len(mine) == 1 and mine[0].last_attested == "2030-01-01"
    assert R.load_references().tenures_for_position("in-up.chief-minister")[-1].last_attested == t.last_attested


def test_missing_path_is_a_problem_not_a_crash(tmp_path):
    problems = R.validate([str(tmp_path / "nope.csv")])
    assert len(problems) == 1 and "no such file" in problems[0].message


def test_readme_figures_are_current(capsys):
    """reference_data/README.md carries the output of scripts/figures.py verbatim (regenerate it when data change)."""
    import importlib.util
    from pathlib import Path

    script = Path(__file__).parents[1] / "reference_data" / "scripts" / "figures.py"
    spec = importlib.util.spec_from_file_location("figures", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.main()
    out = capsys.readouterr().out
    readme = resources.files("claimcheck.reference_data").joinpath("README.md").read_text(encoding="utf-8")
    assert out.strip() in readme
