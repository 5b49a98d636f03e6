"""`claimcheck data validate|show`: exit codes and output lines."""

from __future__ import annotations

import re

from typer.testing import CliRunner

import claimcheck.reference as R
from claimcheck.cli.data import data_app

runner = CliRunner()


def test_validate_shipped_prints_summary_and_exits_0():
    r = runner.invoke(data_app, ["validate"])
    assert r.exit_code == 0, r.output
    tables, rows = R.summary()
    assert r.output.strip() == f"ok: {tables} tables, {rows} rows, 9 lexicons"
    assert tables == 5 and rows > 200


def test_validate_broken_table_lists_every_problem_and_exits_2(tmp_path):
    f = tmp_path / "tenures.csv"
    f.write_text("\n".join([
        ",".join(R.COLUMNS["tenures"]),
        "t1,yogi-adityanath,in-up.chief-minister,2030-01-01,2029-01-01,,regular,,https://example.org,,high,",
        'bad "line',
        "t3,nobody,in-up.governor,2040,,,regular,,,,high,",
    ]) + "\n", encoding="utf-8")
    r = runner.invoke(data_app, ["validate", str(f)])
    assert r.exit_code == 2
    lines = [ln for ln in r.stdout.splitlines() if ln.strip()]
    assert all(re.match(rf"{re.escape(str(f))}:\d+: ", ln) for ln in lines), lines
    assert {int(ln.split(":")[1]) for ln in lines} == {2, 3, 4}
    assert len(lines) == len(R.validate([str(f)])) >= 4


def test_validate_good_user_table_exits_0(tmp_path):
    f = tmp_path / "people.csv"
    f.write_text(",".join(R.COLUMNS["persons"]) + "\nx-y,X Y,एक्स वाई,,\n", encoding="utf-8")
    r = runner.invoke(data_app, ["validate", str(f)])
    assert r.exit_code == 0 and r.output.strip() == "ok: 1 tables, 1 rows"


def test_show_person_lists_tenures_with_sources():
    r = runner.invoke(data_app, ["show", "नंदी"])
    assert r.exit_code == 0, r.output
    assert "nand-gopal-gupta-nandi" in r.output
    assert "2022-03-28 – in office" in r.output and "2019-08-22 – 2022-03-25" in r.output
    assert "source: https://" in r.output


def test_show_post_and_metric():
    r = runner.invoke(data_app, ["show", "Chief Secretary"])
    assert "post in-up.chief-secretary" in r.output and "Shashi Prakash Goyal" in r.output
    r = runner.invoke(data_app, ["show", "UP NSS73 msme_count"])
    assert "8,999,000 enterprises" in r.output and "'89.99 lakh'" in r.output


def test_show_nothing_exits_1():
    r = runner.invoke(data_app, ["show", "qqqq-nothing"])
    assert r.exit_code == 1
