"""Clean stage: folding for matching never shifts the offsets reported to the user."""

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.read import text as text_mod
from claimcheck.read.text import fold, fold_string

ALPHABET = list("कखगघचजडढनमयरलवसहािीुूेैोौंँ़्ऩ०१२३४५६७८९0123456789 ,.-।") + [
    "\u200d", "\u200c", "\u00a0", "\u095c", "\u095e", "\u2013", "\ufeff", "\u200e", "a", "Z",
]


def test_folds_variants_used_in_real_news():
    assert fold("करो़ड़").text == "करोड"  # stray nukta after the vowel sign
    assert fold("क़रीब").text == fold("करीब").text  # precomposed nukta letter
    assert fold("नन्दी").text == fold("नंदी").text  # half nasal vs anusvara
    assert fold("हँसी").text == "हंसी"  # chandrabindu
    assert fold("१२,३४,५६७").text == "12,34,567"
    assert fold("संयुक्\u200dत").text == "संयुक्त"
    assert fold("5\u00a0करोड़").text == "5 करोड"
    assert fold("10–12").text == "10-12"


def test_span_maps_back_to_the_original_text():
    s = "कुल करो़ड़ रुपये और संयुक्\u200dत सचिव"
    f = fold(s)
    for word in ("करोड", "संयुक्त सचिव", "रुपये"):
        i = f.text.index(word)
        a, b = f.span(i, i + len(word))
        assert fold_string(s[a:b]) == word
    i = f.text.index("करोड")
    a, b = f.span(i, i + 4)
    assert s[a:b] == "करो़ड़"  # the trailing nukta stays inside the span


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=60), st.data())
def test_every_folded_span_is_a_valid_original_span(text, data):
    f = fold(text)
    assert f.text == fold_string(text)
    n = len(f.text)
    i = data.draw(st.integers(0, n))
    j = data.draw(st.integers(i, n))
    a, b = f.span(i, j)
    assert 0 <= a <= b <= len(text)
    if j > i:
        # what the span covers folds back to what was matched
        assert fold_string(text[a:b]).startswith(f.text[i:j]) or f.text[i:j] in fold_string(text[a:b])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted({chr(k) for k in text_mod._ONE_TO_ONE} | set("ab १२क़—ड़ \n"))),
               min_size=300, max_size=900))
def test_one_to_one_translation_scans_long_texts_the_same(s):
    assert text_mod._one_to_one(s) == s.translate(text_mod._ONE_TO_ONE)


def test_precomposed_nukta_letters_of_converted_fonts_fold_to_their_base():
    from claimcheck.read.text import fold

    f = fold("28 फऱवरी औऱ")
    assert f.text == "28 फरवरी और" and f.span(3, 8) == (3, 8)
    import claimcheck

    (d,) = [c for c in claimcheck.extract("बैठक 28 फऱवरी को होगी।", as_of="2025-01-10") if c.kind == "date"]
    assert d.value == "2025-02-28" and d.text == "28 फऱवरी"
