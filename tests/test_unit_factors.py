"""The precomputed unit-factor table (claimcheck/data/unit_factors.json) agrees with pint, its source of truth."""

from __future__ import annotations

import subprocess
import sys

import pytest

from claimcheck.find import units


def test_table_is_what_pint_computes_now():
    """Fails when data/units.txt or the duration units change without `python -m claimcheck.find.units --write`."""
    assert units.table() == units.compute_table(), "run `python -m claimcheck.find.units --write` and commit the table"


def test_table_covers_every_duration_unit_the_finders_convert():
    from claimcheck.find import lexicon

    for unit in lexicon.load("quantities")["durations"]:
        assert units.factor(unit, "year") == units.pint_factor(unit, "year")


@pytest.mark.parametrize("unit", ["day", "sadi", "km", "MW", "times", "no_such_unit"])
def test_a_unit_to_itself_is_one_without_pint(unit):
    assert units.factor(unit, unit) == 1.0


def test_pairs_outside_the_table_still_go_through_pint():
    assert ("km", "metre") not in units.table_pairs()
    assert units.factor("km", "metre") == 1000
    assert units.factor("year", "month") == pytest.approx(12)


def test_extracting_durations_does_not_import_pint():
    code = ("import sys\nfrom claimcheck import api\n"
            "cl = api.extract('योजना तीन महीने और 21 दिन चली, 2 दशक पुरानी है', as_of='2024-08-30')\n"
            "assert any(c.kind == 'duration' for c in cl), cl\n"
            "print('pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
