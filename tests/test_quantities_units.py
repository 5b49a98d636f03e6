"""Unit arithmetic through the project's own pint registry, and unit/currency words (claimcheck.find.units)."""

from __future__ import annotations

import pytest

from claimcheck.find import units


def test_durations_in_years_with_a_365_day_year():
    assert units.factor("dashak", "year") == 10
    assert units.factor("sadi", "year") == 100
    assert units.factor("month", "year") == pytest.approx(1 / 12)
    assert units.factor("week", "year") == pytest.approx(7 / 365)
    assert units.factor("day", "year") == pytest.approx(1 / 365)
    assert units.factor("hour", "year") == pytest.approx(1 / 8760)
    assert units.convert(3, "dashak", "year") == 30


def test_measures():
    assert units.factor("quintal", "tonne") == pytest.approx(0.1)
    assert units.factor("km", "metre") == 1000
    assert units.factor("MW", "kW") == 1000


@pytest.mark.parametrize("name", ["lakh", "crore", "Rs", "decade", "percent", "meter"])
def test_the_registry_is_ours_not_pints_default(name):
    """pint's default registry knows these (decade as a log unit, Rs as ronnasecond); ours must not."""
    import pint

    with pytest.raises(pint.errors.UndefinedUnitError):
        units.registry().Quantity(1, name)


def test_registry_is_built_once():
    assert units.registry() is units.registry()


@pytest.mark.parametrize(
    "word, kind, unit",
    [("रुपये", "money", "INR"), ("रूपए", "money", "INR"), ("डालर", "money", "USD"), ("यूरो", "money", "EUR"),
     ("फ़ीसदी", "percent", "percent"), ("per cent", "percent", "percent"), ("दशकों", "duration", "dashak"),
     ("हफ़्ते", "duration", "week"), ("वर्षीय", "age", "year"), ("मेगावाट", "quantity", "MW"), ("गुना", "quantity", "times")],
)
def test_unit_words(word, kind, unit):
    from claimcheck.read.text import fold_string

    uw = units.unit_words()
    m = uw.after_re.match(" " + fold_string(word).lower())
    assert m is not None and uw.after[m.group("u").lower()] == (kind, unit)


@pytest.mark.parametrize("prefix, code", [("₹", "INR"), ("Rs.", "INR"), ("Rs", "INR"), ("US$", "USD"), ("$", "USD")])
def test_currency_prefixes(prefix, code):
    uw = units.unit_words()
    m = uw.before_re.search(f"cost {prefix} ")
    assert m is not None and uw.before[m.group("c").lower()] == code
