"""The finders try their costly patterns only where a word that can begin a match begins (text.run_starts).
These tests hold that shortcut to the plain scan it replaces: the same matches, on written and generated text."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.find import lexicon
from claimcheck.find import numbers
from claimcheck.find.quantities import lexicon as quantity_lexicon
from claimcheck.find import regions
from claimcheck.read.text import first_run, fold, last_run, run_inner_starts, run_starts


def _plain(t: str, pattern: regex.Pattern) -> list[tuple[int, int]]:
    out, pos = [], 0
    while (m := pattern.search(t, pos)) is not None:
        out.append(m.span())
        pos = m.end() if m.end() > m.start() else m.start() + 1
    return out


def _shortcut(t: str) -> list[tuple[int, int]]:
    lx = quantity_lexicon.lex()
    search = quantity_lexicon.number_search(t, lx)
    out, pos = [], 0
    while (m := search(pos)) is not None:
        out.append(m.span())
        pos = m.end() if m.end() > m.start() else m.start() + 1
    return out


def _vocab() -> list[str]:
    words: list[str] = []
    for name in ("numbers", "quantities", "regions"):
        stack = [lexicon.load(name)]
        while stack:
            x = stack.pop()
            if isinstance(x, dict):
                stack.extend(x.values())
            elif isinstance(x, list):
                stack.extend(x)
            elif isinstance(x, str):
                words.append(x)
    return sorted(set(words))


VOCAB = _vocab()
PIECES = VOCAB + ["1", "12", "1,23,456", "3.5", ".5", "९", "₹", "Rs", "Rs.", "$", "%", "-", ",", ".", "।", "(", "'"]
SEPS = ["", " ", "  ", "\n", "-", ",", ".", "'"]


@st.composite
def texts(draw) -> str:
    n = draw(st.integers(1, 25))
    parts = []
    for _ in range(n):
        p = draw(st.sampled_from(PIECES))
        if draw(st.booleans()):
            p = p.upper() if draw(st.booleans()) else p.title()
        parts.append(p + draw(st.sampled_from(SEPS)))
    return "".join(parts)


WRITTEN = [
    "उत्तर प्रदेश में 96 लाख इकाइयां हैं, यानी डेढ़ करोड़ लोग; Rs5,000 and Rsfive hundred, minus 3, ₹ढाई सौ",
    "कई हजार लोग, dozens of people, twenty-one days, साढ़े तीन, .5 per cent, 1,23,456 and UP, U.P. and J&K",
    "हजारों करोड़ का निवेश; पौने दो सौ; MP में; बंगाल; राज्य के 12 जिलों में दो-तीन दिन",
]


def test_every_entry_begins_with_a_letter() -> None:
    lx = quantity_lexicon.lex()
    assert "" not in lx.num_first, "an entry that begins with no letter would need the full scan"
    assert "" not in regions._matcher()[2]
    assert "rs" in lx.cur_tails and "₹" not in lx.cur_tails


def test_runs_helpers() -> None:
    assert first_run("dozens of") == "dozens" and first_run("$5") == ""
    assert last_run("us rs") == "rs" and last_run("rs.") == ""
    t = "Rsfive और दो"
    assert run_starts(t, frozenset({"दो"})) == [t.index("दो")]
    assert run_inner_starts(t, ("rs",)) == [2]


def test_written_text_same_matches() -> None:
    lx = quantity_lexicon.lex()
    for s in WRITTEN:
        t = fold(s).text
        assert _shortcut(t) == _plain(t, lx.num_re)
        pat, _, firsts = regions._matcher()
        assert [m.span() for m in regions._mentions(t, pat, firsts)] == [m.span() for m in pat.finditer(t)]
    assert _shortcut(fold(WRITTEN[0]).text)  # the texts do hold numbers


@settings(max_examples=300, deadline=None)
@given(texts())
def test_generated_text_same_matches(s: str) -> None:
    t = fold(s).text
    lx = quantity_lexicon.lex()
    assert _shortcut(t) == _plain(t, lx.num_re)
    pat, _, firsts = regions._matcher()
    assert [m.span() for m in regions._mentions(t, pat, firsts)] == [m.span() for m in pat.finditer(t)]


def test_corpus_same_matches() -> None:
    from pathlib import Path
    import json
    import pytest

    path = Path(__file__).resolve().parents[1].parent / "shared" / "dev-corpus" / "sentences.jsonl"
    if not path.exists():
        pytest.skip("../shared not present: the dev corpus is read from there")
    lx = quantity_lexicon.lex()
    pat, _, firsts = regions._matcher()
    for line in path.read_text(encoding="utf-8").splitlines():
        t = fold(json.loads(line)["text"]).text
        assert _shortcut(t) == _plain(t, lx.num_re)
        assert [m.span() for m in regions._mentions(t, pat, firsts)] == [m.span() for m in pat.finditer(t)]
    assert numbers.first_runs()


def _anchor_oracle(t: str, L) -> list[tuple[int, int, str]]:
    """The scan the date finder used before: a trie of the Devanagari anchors, then every Latin word."""
    from claimcheck.find.lexicon import trie

    w = r"[\p{L}\p{M}\p{N}]"
    dev = regex.compile(rf"(?<!{w})(?:{trie([a for a in L.anchors if not a.isascii()])})(?!{w})")
    latin = regex.compile(r"(?<![\p{L}\p{M}])[A-Za-z]+(?![\p{L}\p{M}])")
    hits = [(m.start(), m.end(), m.group()) for m in dev.finditer(t)]
    hits += [(m.start(), m.end(), m.group()) for m in latin.finditer(t) if m.group().lower() in L.anchors]
    return hits


DATE_PIECES = ["जनवरी", "सितंबर", "Sept", "september", "MONDAY", "सोमवार", "पिछले", "तारीख", "सदी", "बजे", "3", "2024",
               "९", "x", "é", "वर्ष", "ago", "March", "मार्च"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(DATE_PIECES), st.sampled_from(SEPS)), min_size=1, max_size=20))
def test_date_anchor_hits_same_as_scan(parts) -> None:
    from claimcheck.find.dates import finder as dates
    from claimcheck.find.dates import lexicon as dates_lexicon

    t = fold("".join(a + b for a, b in parts)).text
    L = dates_lexicon.lex()
    assert dates.anchor_hits(t, L) == _anchor_oracle(t, L)


def test_date_anchor_hits_written() -> None:
    from claimcheck.find.dates import finder as dates
    from claimcheck.find.dates import lexicon as dates_lexicon

    t = fold("3 सितंबर 2024 (सोमवार) को, 5जनवरी, last Monday, MARCH 3 और पिछले वर्ष").text
    L = dates_lexicon.lex()
    hits = dates.anchor_hits(t, L)
    assert hits == _anchor_oracle(t, L)
    assert "जनवरी" not in [w for _, _, w in hits]  # glued to a digit: no anchor


def _officeholders_both_ways(text: str) -> tuple[list, list]:
    """Officeholder claims found on the title lines' tokens (as the finder does) and on every token."""
    import datetime as dt

    from claimcheck.find.officeholders import finder as officeholders
    from claimcheck.find.claims import Context
    from claimcheck.model import Document
    from claimcheck.find.officeholders.titles import tokens

    ctx = Context(doc=Document(id="t", text=text), folded=fold(text), anchor=dt.date(2024, 8, 30), lang="hi")
    lines = officeholders.find(ctx)
    f = officeholders._Finder(ctx)
    f.t = tokens(f.text)
    return lines, f.run()


TITLE_LINES = [
    "मुख्यमंत्री योगी आदित्यनाथ ने कहा", "उत्तर प्रदेश के मुख्य सचिव मनोज कुमार सिंह", "Chief Minister of Uttar Pradesh,",
    "Shri Yogi Adityanath said", "सीईओ इन्वेस्ट यूपी अभिषेक प्रकाश", "केंद्रीय गृहमंत्री व भाजपा के पूर्व अध्यक्ष",
    "अमित शाह", "The Vice President, Shri M Venkaiah Naidu has", "प्रमुख सचिव, एमएसएमई आलोक कुमार", "बाजार में 5 लाख लोग",
    "PM Modi", "Dr. S.P. Goyal", "खेलमंत्री अनुराग ठाकुर ने", "उपमुख्यमंत्री केशव प्रसाद मौर्य और ब्रजेश पाठक", "Minister", "of State (Independent Charge)",
    "", "  ", "Chief Minister", "of Uttar Pradesh, Shri Yogi Adityanath said", "Yogi Adityanath, Chief Minister",
    "former", "पूर्व", "के पूर्व मुख्यमंत्री", "अखिलेश यादव", "(गृह)", "सचिव,", "अपर मुख्य सचिव", "राज्यपाल", "आनंदीबेन पटेल ने", "Flipkart CEO Kalyan Krishnamurthy's", "(MSME) मंत्री", "मंत्री राकेश सचान",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TITLE_LINES), min_size=1, max_size=12),
       st.lists(st.sampled_from(["\n", " ", "\n\n", ". ", "\n  "]), min_size=12, max_size=12))
def test_officeholders_on_title_lines_same_as_on_all_tokens(lines, seps) -> None:
    text = "".join(a + b for a, b in zip(lines, seps))
    a, b = _officeholders_both_ways(text)
    assert a == b


def test_officeholders_on_title_lines_written() -> None:
    text = "\n".join(TITLE_LINES)
    a, b = _officeholders_both_ways(text)
    assert a == b and len(a) >= 5


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789,.") + ["९", "٣", " ", "लाख", "-"]), min_size=1, max_size=14))
def test_plain_digit_shortcut_reads_like_the_grammar(parts: list[str]) -> None:
    s = "".join(parts)
    assume_plain = numbers._PLAIN_DIGITS.fullmatch(s) is not None
    fast = numbers.read(s)
    # the grammar alone: hide the shortcut by reading through a one-character prefix the grammar skips
    slow = numbers.read(" " + s)
    if assume_plain:
        assert fast is not None and slow is not None
        assert (fast[0], fast[1] + 1) == slow or (fast[0] != fast[0] and slow[0] != slow[0])


RANKING_PIECES = ["सबसे अधिक एमएसएमई यूनिट वाला राज्य उप्र है", "UP has the highest number of MSMEs",
                  "West Bengal has the second highest number among all states", "दूसरे स्थान पर है महाराष्ट्र",
                  "देश में सबसे ज्यादा पंजीकृत एमएसएमई उत्तर प्रदेश में हैं", "THE LARGEST NUMBER OF MSME units",
                  "बिहार", "एमएसएमई की संख्या", "the most", "in India", "।", "\n", ". ", " "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(RANKING_PIECES), min_size=1, max_size=10))
def test_rankings_skip_only_patterns_that_cannot_match(parts) -> None:
    import datetime as dt

    from claimcheck.find import rankings
    from claimcheck.find.claims import Context
    from claimcheck.model import Document

    text = " ".join(parts)
    ctx = Context(doc=Document(id="t", text=text), folded=fold(text), anchor=dt.date(2024, 8, 30), lang="hi")
    found = rankings.find(ctx)
    pats, *rest = rankings._patterns()
    real = rankings._patterns
    try:
        rankings._patterns = lambda: (tuple((p, ("",), latin) for p, _, latin in pats), *rest)
        assert rankings.find(ctx) == found
    finally:
        rankings._patterns = real


def _count_and_money_words() -> list[str]:
    q = lexicon.load("quantities")
    return sorted(set(q["money_nouns"]["governing"]) | set(q["count_cues"]["before"]))


CLAUSE_PIECES = _count_and_money_words()[:40] + ["96 लाख", "7 करोड़", "1.2 lakh", "5 crore", "इकाइयों", "of", "की",
                                                 "संख्या", "कुल", "।", ".", "\n", "पहली बार", "crossed", "के पार"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CLAUSE_PIECES), min_size=1, max_size=14))
def test_clause_cue_shortcut_finds_what_the_search_finds(parts) -> None:
    from claimcheck.find.quantities import context as qctx

    t = fold(" ".join(parts)).text
    positions = range(0, len(t) + 1, 3)
    fast = [(qctx.governed_by_money(t, p), getattr(qctx.counted_before(t, p), "span", lambda: None)())
            for p in positions]
    real = qctx._word_near
    try:
        qctx._word_near = lambda *a: True
        slow = [(qctx.governed_by_money(t, p), getattr(qctx.counted_before(t, p), "span", lambda: None)())
                for p in positions]
    finally:
        qctx._word_near = real
    assert fast == slow
