"""Golden test: the bundled example article (examples/) gives every claim of its expected file, with values and
verdicts. The article ships with the repository; the expected file is read from ../shared/examples and the test that
parses it skips with a reason when it is absent."""

import pytest

import claimcheck

from paths import EXAMPLE as ARTICLE, EXPECTED


@pytest.fixture(scope="module")
def text():
    return ARTICLE.read_text(encoding="utf-8")


def find(claims, surface, kind=None):
    hits = [c for c in claims if surface in c.text or c.text in surface and len(c.text) > 2]
    hits = [c for c in hits if kind is None or c.kind == kind]
    assert hits, f"no claim for {surface!r}: {[c.text for c in claims]}"
    return hits[0]


def test_quantities_durations_and_dates(text):
    claims = claimcheck.extract(text, as_of="2024-08-30")
    for c in claims:
        assert text[c.start:c.end] == c.text
    assert find(claims, "तीन मेगा", "quantity").value == 3
    d = find(claims, "शुक्रवार", "date")
    assert d.value == "2024-08-30"
    vague = find(claims, "सैंकड़ों वर्षों", "duration")
    assert vague.low == 100 and vague.high is None
    decades = find(claims, "तीन चार दशकों", "duration")
    assert (decades.low, decades.high) == (30, 40)
    since = find(claims, "2017 से", "date")
    assert since.value == "2017" and since.qualifier == "since"
    units = find(claims, "90 से लेकर 96 लाख", "quantity")
    assert (units.low, units.high) == (9_000_000, 9_600_000)
    assert units.region_code == "IN-UP" and "एमएसएमई" in (units.subject or "")
    rank = find(claims, "सबसे अधिक एमएसएमई यूनिट वाला राज्य", "ranking")
    assert rank.region_code == "IN-UP"
    teaser = find(claims, "3 सितंबर", "date")
    assert teaser.value == "2024-09-03" and teaser.outside_body


OFFICEHOLDERS = {
    "मुख्यमंत्री योगी आदित्यनाथ": "योगी आदित्यनाथ",
    "औद्योगिक विकास मंत्री नंद गोपाल नंदी": "नंद गोपाल नंदी",
    "ग्रामोद्योग मंत्री राकेश सचान": "राकेश सचान",
    "औद्योगिक विकास राज्य मंत्री जसवंत सैनी": "जसवंत सैनी",
    "औद्योगिक विकास आयुक्त मनोज कुमार सिंह": "मनोज कुमार सिंह",
    "प्रमुख सचिव आलोक कुमार": "आलोक कुमार",
    "सीईओ अभिषेक प्रकाश": "अभिषेक प्रकाश",
    "अधिकारी रजनीश कुमार": "रजनीश कुमार",
}


def test_every_officeholder_mention(text):
    claims = [c for c in claimcheck.extract(text, as_of="2024-08-30") if c.kind == "officeholder"]
    for tail, person in OFFICEHOLDERS.items():
        c = next((c for c in claims if c.text.endswith(tail)), None)
        assert c is not None, tail
        assert c.person == person
    two = next(c for c in claims if c.person == "मनोज कुमार सिंह")
    assert len(two.offices) == 2 and two.office.startswith("मुख्य सचिव")


def verdicts(text, as_of):
    return {cc.claim.text: cc.verdict for cc in claimcheck.check(text, as_of=as_of)}


def by_tail(vs, tail):
    return next(v for t, v in vs.items() if t.endswith(tail))


def test_verdicts_on_the_article_date(text):
    vs = verdicts(text, "2024-08-30")
    for tail in OFFICEHOLDERS:
        v = by_tail(vs, tail)
        assert v.outcome == "supported", (tail, v.message)
        assert v.evidence and v.evidence[0].source_url
    units = by_tail(vs, "90 से लेकर 96 लाख")
    assert units.outcome == "supported" and "NSS 73rd round" in units.message and "89.99 lakh" in units.message
    rank = next(v for t, v in vs.items() if t.startswith("सबसे अधिक"))
    assert rank.outcome == "supported" and "NSS 73rd round" in rank.message and "West Bengal" in rank.message
    assert by_tail(vs, "तीन चार दशकों").outcome == "unverifiable"


@pytest.mark.parametrize("as_of,tail,outcome,names", [
    ("2025-06-01", "सीईओ अभिषेक प्रकाश", "outdated", "Vijay Kiran Anand"),
    ("2025-09-01", "औद्योगिक विकास आयुक्त मनोज कुमार सिंह", "outdated", "Shashi Prakash Goyal"),
    ("2021-01-01", "औद्योगिक विकास मंत्री नंद गोपाल नंदी", "contradicted", "Satish Mahana"),
])
def test_verdicts_at_other_dates(text, as_of, tail, outcome, names):
    v = by_tail(verdicts(text, as_of), tail)
    assert v.outcome == outcome, v.message
    assert names in v.message
    assert any(e.source_url for e in v.evidence)


def expected_officeholders() -> list[tuple[str, str]]:
    """(mention, person) rows of the "Officeholders" table in the example's expected file under ../shared."""
    rows, inside = [], False
    for line in EXPECTED.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            inside = line.startswith("## Officeholders")
        elif inside and line.startswith("| ") and not line.startswith("| mention"):
            mention, person = (cell.strip() for cell in line.strip("|").split("|")[:2])
            rows.append((mention.split(" (")[0], person))
    return rows


def test_officeholders_of_the_expected_file_are_supported_on_the_article_date(text):
    if not EXPECTED.exists():
        pytest.skip(f"../shared not present: the expected verdicts are read from {EXPECTED}")
    rows = expected_officeholders()
    assert len(rows) >= 8
    checked = list(claimcheck.check(text, as_of="2024-08-30"))
    for mention, person in rows:
        name = " ".join(mention.split()[-2:])  # the person's name as the article spells it
        hits = [cc for cc in checked if cc.claim.kind == "officeholder" and cc.claim.text.endswith(name)]
        assert hits, mention
        assert all(cc.verdict.outcome == "supported" for cc in hits), (mention, [cc.verdict.message for cc in hits])
        assert any(person.split()[0] in cc.verdict.message for cc in hits), (person, hits[0].verdict.message)
