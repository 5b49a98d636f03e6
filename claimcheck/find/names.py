"""Person names across scripts: transliteration, a Latin fold, honorifics, initials and fuzzy matching. (Office
titles as canonical tokens are in :mod:`claimcheck.judge.officeholders.titles`.)

- :func:`translit` turns Devanagari into colloquial Latin with schwa deletion (राकेश सचान -> "rakesh sachaan",
  नरेंद्र -> "narendra"); the table is ``data/names.toml``.
- :func:`fold_latin` folds a Latin string so spelling variants meet (case, diacritics, aa/ee/oo, sh/s, w/v, ph/f,
  z/j, aspirates, a final "a", a schwa-like medial "a").
- :func:`name_tokens` gives the folded tokens of a name, honorifics dropped, spelled initials ("एसपी", "S.P.",
  "SP") split into one-letter tokens, a quoted nickname dropped.
- :class:`NameIndex` holds the variants of many persons, blocked by the first letter of the first token and the
  first two letters of the last token so a look-up scores a small bucket, not every row; :meth:`NameIndex.match`
  scores with rapidfuzz's plain ``ratio`` on whole folded names (never token_set/partial ratios, which let
  "Manoj Kumar" win over "Manoj Kumar Singh"), requires every token to start with the same letter, and
  :func:`decide` applies a threshold and a margin over the runner-up.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import regex

from claimcheck import cache
from claimcheck.find import lexicon
from claimcheck.read.text import fold_string

THRESHOLD = 88.0  # minimum score (0-100) for a name to match
MARGIN = 6.0  # the best must beat the runner-up (another person) by this much, unless it is exact
SURNAME_ONLY = 0.97  # factor on the score of a one-token mention matched to a surname or alias
SMALL = 64  # an index with at most this many persons is scanned whole instead of by blocks

_DEVA_WORD = cache.compile(r"[\p{Devanagari}]+")
_WORD = cache.compile(r"[\p{L}\p{M}\p{N}]+(?:\.(?=\p{L}))?")
_DOTTED = cache.compile(r"\b(\p{Lu})\.\s+(?=\p{Lu}\.)")
_NAME_WORD = cache.compile(r"[\p{L}\p{M}\p{N}]+(?:\.[\p{L}\p{M}\p{N}]+)*\.?")
_QUOTED = cache.compile(r"[‘'\"“][^‘’'\"“”]{1,30}[’'\"”]")
_VIRAMA = "\u094D"
_ANUSVARA = "\u0902"
_VISARGA = "\u0903"


@functools.cache
def _t() -> dict:
    """The transliteration table from data/names.toml (keys folded like document text)."""
    d = lexicon.load("names")
    s = d["signs"]
    return {
        "cons": _consonants(d["consonants"]),
        "vowels": dict(d["vowels"]),
        "matras": dict(d["matras"]),
        "anusvara": s["anusvara"],
        "anusvara_labial": s["anusvara_labial"],
        "visarga": s["visarga"],
        "labials": frozenset(s["labials"]),
        "exceptions": {fold_string(k): v for k, v in d["exceptions"].items()},
        "letters": {fold_string(k): v for k, v in d["letters"].items()},
        "rules": tuple((cache.compile(p), r) for p, r in d["fold"]["rules"]),
        # literal rules run as str.replace in order, anchored ones ("y$") as regexes after them
        "fold_plan": (tuple((p, r) for p, r in d["fold"]["rules"] if regex.escape(p) == p),
                      tuple((cache.compile(p), r) for p, r in d["fold"]["rules"] if regex.escape(p) != p)),
        "drop_final_a": bool(d["fold"].get("drop_final_a", True)),
        "drop_medial_schwa": bool(d["fold"].get("drop_medial_schwa", False)),
        "keep_final_after_cluster": frozenset(d["signs"].get("keep_final_after_cluster", ["r", "y", "v", "l"])),
    }


def _consonants(table: dict) -> dict:
    """Plain letters first; a nukta letter only adds a key its folded form does not already have."""
    out = {k: v for k, v in table.items() if fold_string(k) == k}
    for k, v in table.items():
        out.setdefault(fold_string(k), v)
    return out


@functools.cache
def _honorifics() -> frozenset:
    words = lexicon.load("names")["honorifics"]["words"]
    return frozenset(fold_latin(translit(w)) for w in words)


def _translit_word(w: str) -> str:
    """One (folded) Devanagari word -> Latin; schwa deleted word-finally and in V C _ C V."""
    t = _t()
    if w in t["exceptions"]:
        return t["exceptions"][w]
    # a segment is [consonant or None, vowel: str | None (virama) | "a" (inherent), extra output]
    segs: list[list] = []
    i, n = 0, len(w)
    while i < n:
        ch = w[i]
        if ch in t["cons"]:
            seg = [t["cons"][ch], "a", ""]
            i += 1
            if i < n and w[i] == "\u093C":
                i += 1
            if i < n and w[i] in t["matras"]:
                seg[1] = t["matras"][w[i]]
                i += 1
            elif i < n and w[i] == _VIRAMA:
                seg[1] = None
                i += 1
            segs.append(seg)
        elif ch in t["vowels"]:
            segs.append([None, t["vowels"][ch], ""])
            i += 1
        elif ch in (_ANUSVARA, "\u0901"):
            nxt = w[i + 1] if i + 1 < n else ""
            segs.append([None, "", t["anusvara_labial"] if nxt in t["labials"] else t["anusvara"]])
            i += 1
        elif ch == _VISARGA:
            segs.append([None, "", t["visarga"]])
            i += 1
        else:
            segs.append([None, "", ch if ch.isascii() else ""])
            i += 1

    def carries_vowel(k: int) -> bool:
        s = segs[k]
        return bool(s[1]) or (s[0] is None and bool(s[2]))  # a vowel, or an anusvara/visarga after one

    cons = [k for k, s in enumerate(segs) if s[0] is not None]
    for pos in range(len(cons) - 1, -1, -1):
        k = cons[pos]
        if segs[k][1] != "a":
            continue
        in_cluster = k > 0 and segs[k - 1][0] is not None and segs[k - 1][1] is None
        if all(s[0] is None and not s[1] and not s[2] for s in segs[k + 1:]):  # word-final
            # a final cluster keeps its vowel when it ends in र/य/व/ल (नरेंद्र, मिश्र, आदित्य, शुक्ल)
            if len(cons) > 1 and not (in_cluster and segs[k][0] in t["keep_final_after_cluster"]):
                segs[k][1] = ""
            continue
        nxt = k + 1
        if k == 0 or in_cluster or segs[nxt][0] is None or not segs[nxt][1]:
            continue
        if carries_vowel(k - 1):
            segs[k][1] = ""
    return "".join((s[0] or "") + (s[1] or "") + s[2] for s in segs)


def translit(s: str) -> str:
    """Colloquial Latin transliteration of the Devanagari in ``s`` (राकेश सचान -> 'rakesh sachaan')."""
    return _DEVA_WORD.sub(lambda m: _translit_word(m.group()), fold_string(s))


_DOUBLE = cache.compile(r"(.)\1+")
_NON_NAME_CHARS = cache.compile(r"[^a-z0-9 ]+")


@functools.lru_cache(maxsize=65536)
def _fold_word(w: str) -> str:
    literal, anchored = _t()["fold_plan"]
    for pat, rep in literal:
        w = w.replace(pat, rep)
    for pat, rep in anchored:
        w = pat.sub(rep, w)
    w = _DOUBLE.sub(r"\1", w)
    if _t()["drop_final_a"] and len(w) > 3 and w.endswith("a") and w[-2] not in "aeiou":
        w = w[:-1]
    if _t()["drop_medial_schwa"]:
        w = _drop_schwa(w)
    return w


_VOWELS = frozenset("aeiou")


def _drop_schwa(w: str) -> str:
    """Drop an "a" in V C _ C V, right to left, never two in a row (sitaraman -> sitarman, draupadi ->
    draupdi); applied to both scripts after the fold, so it only makes spellings meet."""
    chars = list(w)
    i = len(chars) - 3
    while i >= 2:
        if chars[i] == "a" and chars[i - 1] not in _VOWELS and chars[i - 2] in _VOWELS \
                and chars[i + 1] not in _VOWELS and chars[i + 2] in _VOWELS and chars[i - 1].isalpha() \
                and chars[i + 1].isalpha():
            del chars[i]
            i -= 3  # the consonant before cannot lose another schwa right away
            continue
        i -= 1
    return "".join(chars)


def fold_latin(s: str) -> str:
    """Fold a Latin name (or one word of it) so spelling variants compare equal."""
    s = s.lower()
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
    s = _NON_NAME_CHARS.sub("", s)
    return " ".join(_fold_word(w) for w in s.split())


def _initials(tok: str, original: str) -> str | None:
    """'sp' when a token is spelled initials: एसपी, S.P., SP (all capitals, at most 3 letters)."""
    tok = tok.replace(".", "") if _DEVA_WORD.search(tok) else tok
    if _DEVA_WORD.fullmatch(tok):
        letters = _t()["letters"]
        out, i = [], 0
        keys = sorted(letters, key=len, reverse=True)
        while i < len(tok):
            for k in keys:
                if tok.startswith(k, i):
                    out.append(letters[k])
                    i += len(k)
                    break
            else:
                return None
        return "".join(out) if len(out) >= 2 else None
    if "." in original and all(len(p) == 1 for p in original.strip(".").split(".")):
        return original.replace(".", "").lower()
    if original.isupper() and 2 <= len(original) <= 3 and original.isalpha():
        return original.lower()
    return None


def letter_names() -> frozenset:
    """Devanagari spellings of Roman letter names (folded): "के", "एस", "पी"…, for initials such as "के. विजय"."""
    return frozenset(_t()["letters"])


def spelled_letters(word: str) -> str | None:
    """Latin letters of a Devanagari word that spells out letter names ("एमडी" -> "md", "एसपी" -> "sp"), else
    None."""
    return _initials(fold_string(word), word) if _DEVA_WORD.fullmatch(word) else None


@functools.lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """Folded tokens of a name; initials become one-letter tokens; honorifics and quoted nicknames dropped."""
    hon = _honorifics()
    name = _QUOTED.sub(" ", fold_string(name))
    raw = []
    # join dotted initials: "S. P. Goyal" -> "S.P." "Goyal"
    if ". " in name:
        name = _DOTTED.sub(r"\1.", name)
    raw = _NAME_WORD.findall(name)
    out: list[str] = []
    for w in raw:
        core = w.rstrip(".")
        f = fold_string(core) if _DEVA_WORD.search(core) else core
        ini = _initials(f, w)
        if ini and not (_DEVA_WORD.search(core) and fold_latin(translit(f)) in hon):
            out.extend(ini)
            continue
        latin = fold_latin(translit(f) if _DEVA_WORD.search(f) else f)
        for part in latin.split():
            if part in hon or not part:
                continue
            out.append(part)
    return tuple(out)


def name_key(name: str) -> str:
    return " ".join(name_tokens(name))


_SKELETON_DROP = str.maketrans("", "", "aeiouy")


def _skeleton(word: str) -> str:
    """A name word's consonants, doubled letters once and w as v: how its spelling variants agree."""
    out = []
    for ch in word.translate(_SKELETON_DROP).replace("w", "v").replace("b", "v"):
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _letters_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and all(x[:1] == y[:1] for x, y in zip(a, b))


def score_tokens(m: tuple[str, ...], v: tuple[str, ...]) -> float:
    """0-100: how well mention tokens ``m`` name variant ``v`` (both from :func:`name_tokens`)."""
    from rapidfuzz.fuzz import ratio

    if not m or not v:
        return 0.0
    best = 0.0
    cands = [v]
    if len(v) >= 3 and len(m) == 2:
        cands.append((v[0], v[-1]))  # middle name dropped: राजेंद्र तिवारी ~ Rajendra Kumar Tiwari
    for c in cands:
        penalty = 1.0 if c is v else 0.97
        if any(len(x) == 1 for x in m) and len(c) == len(m):
            # initials: every one-letter token must be the initial of the variant's token
            if all((len(x) == 1 and y[:1] == x) or (len(x) > 1 and x[:1] == y[:1]) for x, y in zip(m, c)):
                full = [y for x, y in zip(m, c) if len(x) > 1]
                mine = [x for x in m if len(x) > 1]
                s = ratio(" ".join(mine), " ".join(full)) if mine else 90.0
                best = max(best, s * 0.98 * penalty)
            continue
        if len(m) == 1 and len(c) >= 2:
            s = ratio(m[0], c[-1]) * SURNAME_ONLY
            best = max(best, s * penalty)
            continue
        if not _letters_agree(m, c):
            continue
        s = ratio(" ".join(m), " ".join(c)) * penalty
        if len(m) >= 2 and _skeleton(m[0]) != _skeleton(c[0]) and not m[0].startswith(c[0]) \
                and not c[0].startswith(m[0]):
            # the given names differ in their consonants (Sanjeev / Sanjay, Rajesh / Rakesh): another person of
            # the same surname, not a spelling variant (Brijesh / Brajesh, Droupadi / Drapaudi agree)
            s = min(s, THRESHOLD - 1)
        best = max(best, s)
    if len(m) >= 3 and len(v) == 2 and not any(len(x) == 1 for x in m) and _letters_agree((m[0], m[-1]), v):
        # a middle name the reference leaves out: नरेंद्र दामोदरदास मोदी ~ Narendra Modi
        best = max(best, ratio(f"{m[0]} {m[-1]}", " ".join(v)) * 0.97)
    if len(m) != len(v) and len(m) > 1 and len(v) > 1 and m[0][:1] == v[0][:1] and m[-1][-1:] == v[-1][-1:]:
        # a name split or joined differently: योगी आदित्य नाथ ~ Yogi Adityanath
        best = max(best, ratio("".join(m), "".join(v)) * 0.97)
    return best


@dataclass(frozen=True, slots=True)
class Match:
    key: str  # the person id
    score: float
    variant: str
    surname_only: bool = False


class NameIndex:
    """Folded name variants of many persons, blocked for sub-linear look-up.

    Names are folded lazily: a look-up among a few keys (the holders of a post) folds only their names; the
    blocks for a look-up over everybody are built on the first such look-up.
    """

    def __init__(self) -> None:
        self._raw: dict[str, list[str]] = {}
        self._variants: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._blocks: dict[tuple[str, str], set[str]] | None = None
        self._last: dict[str, set[str]] = {}
        self._exact: dict[tuple[str, ...], set[str]] = {}
        self._memo: dict[str, list[Match]] = {}

    def add(self, key: str, names) -> None:
        self._memo.clear()
        self._raw.setdefault(key, []).extend(n for n in names if n)
        self._variants.pop(key, None)
        if self._blocks is not None:
            self._index(key)

    def __len__(self) -> int:
        return len(self._raw)

    def variants(self, key: str) -> list[tuple[tuple[str, ...], str]]:
        v = self._variants.get(key)
        if v is None:
            v = [(t, nm) for nm in self._raw.get(key, ()) if (t := name_tokens(nm))]
            self._variants[key] = v
        return v

    def _index(self, key: str) -> None:
        for toks, _ in self.variants(key):
            self._exact.setdefault(toks, set()).add(key)
            self._blocks.setdefault((toks[0][:1], toks[-1][:2]), set()).add(key)
            for t in toks:  # a one-token mention (surname, nickname) looks up every token
                self._last.setdefault(t[:2], set()).add(key)

    def _ensure_blocks(self) -> None:
        if self._blocks is None:
            self._blocks = {}
            for key in self._raw:
                self._index(key)

    def candidates(self, toks: tuple[str, ...]) -> set[str]:
        if not toks:
            return set()
        self._ensure_blocks()
        if len(toks) == 1:
            return set(self._last.get(toks[0][:2], ()))
        return set(self._blocks.get((toks[0][:1], toks[-1][:2]), ()))

    def match(self, name: str, among=None) -> list[Match]:
        """Persons whose variants score at least 60 against ``name``, best first (one entry per person)."""
        if among is None:
            # a name is looked up again and again in one index (each mention, each title of a run): the answer
            # depends only on the name while the index is unchanged (add() clears it)
            hit = self._memo.get(name)
            if hit is None:
                if len(self._memo) >= 4096:
                    self._memo.clear()
                hit = self._memo[name] = self._match(name, None)
            return list(hit)
        return self._match(name, among)

    def _match(self, name: str, among) -> list[Match]:
        toks = name_tokens(name)
        if among is not None:
            keys = [k for k in among if k in self._raw]
        elif len(self._raw) <= SMALL:
            keys = list(self._raw)  # a small index (the holders of one post) is scanned whole
        else:
            self._ensure_blocks()
            if len(toks) > 1 and toks in self._exact:
                # an exact variant: only exact rivals can tie with it (see decide), so no fuzzy scan is needed
                keys = self._exact[toks]
            else:
                keys = self.candidates(toks)
        out = []
        for k in keys:
            best, var = 0.0, ""
            for vt, vn in self.variants(k):
                s = 100.0 if vt == toks else score_tokens(toks, vt)
                if s > best:
                    best, var = s, vn
            if best >= 60:
                out.append(Match(k, round(best, 2), var, surname_only=len(toks) == 1))
        out.sort(key=lambda m: (-m.score, m.key))
        return out


def decide(matches: list[Match], threshold: float = THRESHOLD, margin: float = MARGIN):
    """('match', [best]) | ('ambiguous', [tied…]) | ('none', []) under the threshold and margin rules."""
    ok = [m for m in matches if m.score >= threshold]
    if not ok:
        return "none", []
    best = ok[0]
    rivals = [m for m in ok[1:] if best.score - m.score < margin]
    if not rivals or (best.score >= 100 and all(m.score < 100 for m in rivals)):
        return "match", [best]
    return "ambiguous", [best, *rivals]
