"""Start-up work that is skipped when a text does not need it must give the same claims when it is needed."""

from __future__ import annotations

from claimcheck import api
from claimcheck.find import units


def test_subunits_after_a_money_unit_still_add_up():
    cl = api.extract("उसने 3 डॉलर 50 सेंट दिए, फिर 5 rupees 20 paise और 7 डॉलर")
    assert [(c.text, c.value) for c in cl] == [("3 डॉलर 50 सेंट", 3.5), ("5 rupees 20 paise", 5.2), ("7 डॉलर", 7)]


def test_a_subunit_word_only_before_the_amount_does_not_attach():
    assert units.subunit_at("50 पैसे बचे, 3 डॉलर", 17) is None
    m = units.subunit_at("3 डॉलर 50 पैसे", 6)
    assert m is not None and m.group("n") == "50"


def test_every_date_pattern_compiles_though_each_is_compiled_only_when_used():
    """Lazy compilation must not hide a broken pattern until some rare text reaches it."""
    import regex

    from claimcheck.find.dates import lexicon as dates_lexicon

    pats = dates_lexicon.patterns()
    assert pats.sources and all(isinstance(pats[name], regex.Pattern) for name in pats.sources)
