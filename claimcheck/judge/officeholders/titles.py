"""Office titles as canonical tokens, for matching a written title to a reference position (used by
:mod:`claimcheck.judge.officeholders.judge`).

:func:`title_sig` reduces a title phrase ("अपर मुख्य सचिव (एमएसएमई)", "Union MSME Minister", "सीएम") to *rank* tokens
(chief, secretary, minister, mos…), which must agree exactly between claim and position, *portfolio* tokens, and a
*scope* (a region written in the title, or "IN" for केंद्रीय/Union); the vocabulary is ``[canon]`` in
``data/titles.toml``. :func:`article_region` finds the state an article is about.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from claimcheck import cache
from claimcheck.find import lexicon
from claimcheck.find.names import fold_latin, translit
from claimcheck.read.text import fold_string

# --- office titles -------------------------------------------------------------------------------------------------
# A written title and a reference position's title phrases are compared as canonical tokens (data/titles.toml
# [canon]): rank tokens must agree exactly, the claim's portfolio must be at least half covered.
_PUNCT = cache.compile(r"[^\p{L}\p{M}\p{N}\s-]+")


@functools.cache
def _canon():
    d = lexicon.load("titles")
    phrases, words = [], {}
    for key, forms in d["canon"].items():
        for f in forms:
            f2 = _norm(f)
            if " " in f2:
                phrases.append((f2, key))
            else:
                words[f2] = key
    phrases.sort(key=lambda p: -len(p[0]))
    cls = d["canon_class"]
    abbrev = {(_norm(k)): _norm(v) for k, v in d["abbrev"].items()}
    regions = {}
    for code, v in lexicon.load("regions").items():
        for nm in v.get("hi", []) + v.get("en", []):
            regions[_norm(nm)] = code
    return {
        "phrases": phrases, "words": words, "rank": frozenset(cls["rank"]),
        "generic": frozenset(_norm(x) for x in cls["generic"]),
        "national": frozenset(_norm(x) for x in cls["scope_national"]),
        "abbrev": abbrev, "regions": regions, "former": frozenset(_norm(x) for x in d["modifiers"]["former"]),
        "home": frozenset(_norm(x) for x in d.get("home_region", {}).get("hi", [])
                          + d.get("home_region", {}).get("en", [])),
        # the finder's title heads ("महापौर", "mayor"): a head no [canon] rank covers is a rank of its own, so a
        # newsroom's own post ("Mayor of Lucknow", titles महापौर;मेयर) matches a title written with that head
        "heads": frozenset(w for x in d["heads"]["hi"] + d["heads"]["en"] for w in [_norm(x)] if " " not in w),
    }


def _norm(s: str) -> str:
    s = _PUNCT.sub(" ", fold_string(s).lower())
    return " ".join(s.split())


@dataclass(frozen=True, slots=True)
class Sig:
    rank: frozenset
    port: frozenset
    scope: str | None  # ISO code of a region written in the title, or "IN" for केंद्रीय/Union


@functools.cache
def _region_re():
    c = _canon()
    alt = "|".join(regex.escape(n) for n in sorted(c["regions"], key=len, reverse=True))
    return cache.compile(rf"(?<= )(?:{alt})(?= )")


@functools.lru_cache(maxsize=65536)
def title_sig(text: str) -> Sig:
    """Canonical rank and portfolio tokens of a title phrase (with any organisation written before it)."""
    c = _canon()
    s = " " + _norm(text) + " "
    scope = None
    # regions are scope, not portfolio
    m = _region_re().search(s)
    if m:
        scope = c["regions"][m.group()]
        s = _region_re().sub(" ", s)
    words = []
    for w in s.split():
        if w.endswith(("-designate", "-elect")):  # "cm-designate": the title, qualified
            w = w.rsplit("-", 1)[0]
        w = c["abbrev"].get(w, w)
        words.extend(_split_compound(w))
    s = " " + " ".join(words) + " "
    for ph, key in c["phrases"]:
        if f" {ph} " in s:
            s = s.replace(f" {ph} ", f" {key} ")
    rank, port = set(), set()
    for w in s.split():
        if w in c["national"]:
            scope = scope or "IN"
        if w in c["generic"] or w in c["home"]:
            continue
        k = c["words"].get(w, w)
        if k in c["rank"]:
            rank.add(k)
        elif k in _canon_keys():
            port.add(k)
        else:
            port.add(fold_latin(translit(k)))
    port.discard("")
    if not rank:
        own = {w for w in port if w in c["heads"]} | {fold_latin(translit(w)) for w in s.split() if w in c["heads"]}
        rank = {w for w in s.split() if w in c["heads"]}
        port -= own
    return Sig(frozenset(rank), frozenset(port), scope)


@functools.cache
def _canon_keys() -> frozenset:
    return frozenset(lexicon.load("titles")["canon"])


def _split_compound(w: str) -> list[str]:
    """'मुख्यमंत्री' -> ['मुख्य', 'मंत्री']; 'उपमुख्यमंत्री' -> ['उप', 'मुख्य', 'मंत्री']."""
    for head in ("मंत्री",):
        if w.endswith(head) and len(w) > len(head):
            pre = w[: -len(head)]
            out = []
            if pre.startswith("उप") and len(pre) > 2:
                out, pre = ["उप"], pre[2:]
            return out + [pre, head]
    return [w]


@functools.cache
def _weak_port() -> frozenset:
    return frozenset(lexicon.load("titles")["canon_class"].get("weak_port", []))


def _title_score(claim: Sig, pos: Sig) -> float:
    if not claim.rank or claim.rank != pos.rank:
        return 0.0
    if not claim.port:
        return 1.0 if not pos.port else 0.0
    port = claim.port - _weak_port() or claim.port  # "parliamentary affairs": parliamentary must be covered
    cover = len(port & pos.port) / len(port)
    return cover if cover >= 0.5 else 0.0


@functools.lru_cache(maxsize=64)
def article_region(text: str) -> str | None:
    """The state an article is about: the state named most often in it (None when none is named)."""
    c = _canon()
    s = " " + _norm(text) + " "
    counts: dict[str, int] = {}
    for nm, code in c["regions"].items():
        if code == "IN" or len(nm) < 2:
            continue
        n = s.count(f" {nm} ")
        if n:
            counts[code] = counts.get(code, 0) + n
    return max(counts, key=lambda k: (counts[k], k)) if counts else None
