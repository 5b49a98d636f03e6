"""Lieutenant Governors: the one-word Hindi title and the English title reach the LG posts of the tables."""

import pytest

import claimcheck


@pytest.mark.parametrize("text", [
    "दिल्ली के उपराज्यपाल विनय कुमार सक्सेना ने फाइल लौटाई।",
    "Delhi Lieutenant Governor Vinai Kumar Saxena returned the file.",
])
def test_lieutenant_governor_titles(text):
    checked = [cc for cc in claimcheck.check(text, as_of="2023-05-01") if cc.claim.kind == "officeholder"]
    assert checked and checked[0].verdict.outcome == "supported", [c.verdict.message for c in checked]
    assert "Lieutenant Governor of Delhi" in checked[0].verdict.message
