"""Vocabulary and tokens for the officeholder finder (:mod:`claimcheck.find.officeholders.finder`).

:func:`vocab` loads ``data/titles.toml`` (heads, abbreviations, modifiers, portfolios, connectors, stop and
non-name words, honorifics, name cues), the name gazetteer of ``data/names.toml`` and the region names of
``data/regions.toml`` once per process, folded like document text (Hindi) or lower-cased (English).
:func:`tokens` splits folded text into words and one-character punctuation tokens with their offsets.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from claimcheck import cache
from claimcheck.find import lexicon
from claimcheck.find import names
from claimcheck.read.text import first_run, fold_string, runs

# A word: letters/marks/digits with inner dots, hyphens or apostrophes ("S.P", "Ex-CM", "O'Brien");
# any other non-space character is a one-character token.
_TOKEN = cache.compile(r"[\p{L}\p{M}\p{N}]+(?:[.\-'][\p{L}\p{M}\p{N}]+)*|\S")
_LATIN = cache.compile(r"[A-Za-z]")
_DEVA = cache.compile(r"\p{Devanagari}")
_HAS_DIGIT = cache.compile(r"\d")
_QUOTES = {"'", '"', "‘", "’", "“", "”"}


class _Vocab:
    def __init__(self) -> None:
        d = lexicon.load("titles")

        def hi(xs):
            return {fold_string(x) for x in xs}

        def en(xs):
            return {x.lower() for x in xs}

        heads_hi, heads_en = set(), set()
        mods = hi(d["modifiers"]["hi"]) | en(d["modifiers"]["en"])
        for x in d["heads"]["hi"]:
            w = fold_string(x).split()
            heads_hi.add(w[-1])
            mods |= set(w[:-1])
        for x in d["heads"]["en"]:
            w = x.lower().split()
            heads_en.add(w[-1])
            mods |= set(w[:-1])
        self.heads = heads_hi | heads_en
        self.generic = hi(d["heads"].get("generic", [])) | en(d["heads"].get("generic", []))
        self.org_heads = hi(d["heads"].get("org_heads", [])) | en(d["heads"].get("org_heads", []))
        lex = lexicon.load("names").get("lexicon", {})
        words = lex.get("given", []) + lex.get("surnames", [])
        self.lex_deva = {fold_string(w) for w in words}
        self.lex_latin = {names.fold_latin(names.translit(w)) for w in words}
        middle = {names.fold_latin(names.translit(w)) for w in lex.get("middle", [])}
        self.surnames = {names.fold_latin(names.translit(w)) for w in lex.get("surnames", [])} - middle
        self.given = {names.fold_latin(names.translit(w)) for w in lex.get("given", [])}
        self.head_suffix = tuple(hi(d["heads"]["hi_suffix"]))
        self.abbrev = {}
        for k, v in d["abbrev"].items():
            w = fold_string(k).split()
            self.abbrev[w[-1] if _DEVA.search(k) else w[-1].lower()] = v
            mods |= {x.lower() for x in w[:-1]}
        self.modifiers = mods
        self.head_keys = frozenset(self.abbrev) | self.heads | self.org_heads  # keys is_head looks up
        self.head_firsts = frozenset(first_run(k) for k in self.head_keys)  # their first words, for title_lines
        self.former = hi(d["modifiers"]["former"]) | en(d["modifiers"]["former"])
        self.designate = hi(d["modifiers"].get("designate", [])) | en(d["modifiers"].get("designate", []))
        self.outgoing = hi(d["modifiers"].get("outgoing", [])) | en(d["modifiers"].get("outgoing", []))
        self.portfolio = hi(d["portfolio"]["hi"]) | en(d["portfolio"]["en"])
        self.connectors = hi(d["connectors"]["hi"]) | en(d["connectors"]["en"])
        self.post_head = [tuple(p.lower().split()) for p in d["post_head"]["en"] + d["post_head"]["hi"]]
        self.former_gap = sorted((tuple(fold_string(p).split()) for p in d["former_gap"]["hi"] + d["former_gap"]["en"]),
                                 key=len, reverse=True)
        self.stop = hi(d["stop"]["hi"]) | en(d["stop"]["en"])
        self.non_name = hi(d["non_name"]["hi"]) | en(d["non_name"]["en"])
        self.foreign = hi(d["foreign"]["hi"])
        self.home_region = hi(d.get("home_region", {}).get("hi", [])) | en(d.get("home_region", {}).get("en", []))
        self.honorifics = hi(d["honorifics"]["hi"]) | en(d["honorifics"]["en"])
        self.name_first_verbs = hi(d["name_first_verbs"]["hi"]) | en(d["name_first_verbs"]["en"])
        self.weak_non_name = hi(d["weak_non_name"]["hi"]) | en(d["weak_non_name"]["en"])
        self.name_cues = hi(d["name_cues"]["hi"]) | en(d["name_cues"]["en"])
        self.genitive, self.dative = hi(d["postpositions"]["genitive"]), hi(d["postpositions"]["dative"])
        self.ergative = hi(d["postpositions"].get("ergative", []))
        self.ordinal_suffixes = tuple(d["postpositions"].get("ordinal_suffixes", []))
        self.titles_only = hi(d["connectors"]["titles_only"]) | en(d["connectors"]["titles_only"])
        self.name_joiners = hi(d["connectors"]["names"]) | en(d["connectors"]["names"])
        self.department = hi(d["portfolio"]["department"]) | en(d["portfolio"]["department"])
        self.shared = {tuple(fold_string(p).split()) for p in d["shared"]["hi"]} \
            | {tuple(p.lower().split()) for p in d["shared"]["en"]}
        self.both = hi(d["shared"]["both"]) | en(d["shared"]["both"])
        self.plural = hi(d["shared"]["plural"]) | en(d["shared"]["plural"])
        self.multi_heads = hi(d["shared"].get("multi_heads", [])) | en(d["shared"].get("multi_heads", []))
        self.single = hi(d["shared"].get("single", [])) | en(d["shared"].get("single", []))
        places = d.get("place_nouns", {})
        self.place_nouns = hi(places.get("hi", [])) | en(places.get("en", []))
        self.list_gap = hi(d["shared"].get("list_gap", [])) | en(d["shared"].get("list_gap", []))
        self.local_heads = hi(d["local_heads"]["hi"]) | en(d["local_heads"]["en"])
        self.local_places = {fold_string(x).lower() for x in d["local_heads"]["places"]}
        self.name_suffix = hi(d["name_suffix"]["hi"]) | en(d["name_suffix"]["en"])
        self.letters = names.letter_names()
        # region names as token tuples (folded Hindi, lower-case English)
        regs = lexicon.load("regions")
        self.regions: dict[tuple[str, ...], str] = {}
        for code, v in regs.items():
            for name in v.get("hi", []):
                self.regions[tuple(fold_string(name).split())] = code
            for name in v.get("en", []):
                self.regions[tuple(name.lower().split())] = code
        self.region_last = frozenset(k[-1] for k in self.regions if k)
        self.region_maxlen = max((len(k) for k in self.regions), default=1)


@functools.cache
def vocab() -> _Vocab:
    return _Vocab()


class _Tok(NamedTuple):
    """A token: offsets into the folded text, its text, its lookup key (Latin lower-cased, a final dot dropped),
    whether it is a word and a Latin word (both from its first character), and whether a newline precedes it.
    Built with ``tuple.__new__`` in :func:`tokens` (a document has hundreds of thousands of them)."""

    s: int
    e: int
    text: str
    key: str
    word: bool
    latin: bool
    nl_before: bool


_new = tuple.__new__


_WORD_CHAR = cache.compile(r"[\p{L}\p{M}\p{N}]")


_CLASSES: dict[str, tuple[bool, bool]] = {}


def _first_char_class(c: str) -> tuple[bool, bool]:
    """(is a word token, is a Latin token) for a token starting with character ``c``."""
    r = _CLASSES.get(c)
    if r is None:
        r = (c.isalnum() or bool(_WORD_CHAR.match(c)), bool(_LATIN.match(c)))
        if len(_CLASSES) < 4096:
            _CLASSES[c] = r
    return r


def _tok(s: int, e: int, text: str, nl_before: bool) -> _Tok:
    word, latin = _CLASSES.get(text[0]) or _first_char_class(text[0])
    key = text.lower().rstrip(".") if latin else text.rstrip(".")
    return _new(_Tok, (s, e, text, key, word, latin, nl_before))


_DOTTED_HI = frozenset({"डॉ", "डा", "प्रो"})


def title_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text`` holding a word that may head a title (a head or abbreviation, or a
    word ending in a head suffix: "गृहमंत्री"). A title, its place and its name are written on one line, so the
    finder needs only these lines' tokens."""
    v = vocab()
    firsts, suffix = v.head_firsts, v.head_suffix
    words, starts, _ = runs(text)
    spans: list[tuple[int, int]] = []
    for w, s in zip(words, starts):
        if (w in firsts or w.endswith(suffix)) and not (spans and s < spans[-1][1]):
            e = text.find("\n", s)
            spans.append((text.rfind("\n", 0, s) + 1, len(text) if e == -1 else e))
    return spans


def tokens(text: str, spans: list[tuple[int, int]] | None = None) -> list[_Tok]:
    """The tokens of ``text``, or of its lines ``spans`` (whole lines, in order) only. A token after a newline
    has ``nl_before``, so no rule that stops at a line break sees the lines left out."""
    out: list[_Tok] = []
    append = out.append
    last_e = -1  # end of the last token kept
    n = len(text)
    letters = names.letter_names()
    latin_match = _LATIN.match
    find = text.find
    classes = _CLASSES
    for lo, hi in spans if spans is not None else ((0, n),):
        prev = max(lo - 1, 0)  # the newline that ends the line before, if any
        for m in _TOKEN.finditer(text, lo, hi):
            s, e = m.span()
            # an initial or short abbreviation keeps its dot ("S.P.", "Dr.", "डॉ.", "के. विजय")
            if e < n and text[e] == ".":
                w = m.group()
                if latin_match(w) and (len(w) <= 3 or "." in w) or w in _DOTTED_HI \
                        or w in letters and text[e + 1:e + 2] == " ":
                    e += 1
            if s < last_e:
                continue
            w = text[s:e]
            nl = prev < s and find("\n", prev, s) != -1
            if len(w) > 3 and w[-2:] in ("'s", "’s"):  # possessive: "Adityanath's" -> "Adityanath" "'s"
                append(_tok(s, e - 2, text[s:e - 2], nl))
                append(_tok(e - 2, e, text[e - 2:e], False))
            else:  # _tok(s, e, w, nl) written out: this runs for every token of every title line
                word, latin = classes.get(w[0]) or _first_char_class(w[0])
                append(_new(_Tok, (s, e, w, w.lower().rstrip(".") if latin else w.rstrip("."), word, latin, nl)))
            prev = last_e = e
    return out
