"""The public API: what __all__ promises, docstring examples, and functions that stay functions."""

import doctest

import pytest

import claimcheck
import claimcheck.api
import claimcheck.run.batch


def test_all_names_exist():
    for name in claimcheck.__all__:
        assert hasattr(claimcheck, name), name


def test_extract_stays_a_function_after_use():
    claimcheck.extract("96 लाख")
    claimcheck.check("96 लाख", as_of="2024-01-01")
    assert callable(claimcheck.extract) and callable(claimcheck.check)


@pytest.mark.parametrize("module", [claimcheck, claimcheck.api, claimcheck.run.batch])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted and not result.failed


def test_bad_date_is_a_usage_error():
    with pytest.raises(claimcheck.UsageError):
        claimcheck.extract("x", as_of="30/08/2024")
