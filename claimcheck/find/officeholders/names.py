"""Name rules of the officeholder finder: functions over the finder's tokens (``fnd.t``) and vocabulary (``fnd.v``).

A name runs over words that are not stopwords, digits, honorifics, title words or scheme words. After a full title
("मुख्य सचिव", "Finance Minister") that is enough. Where the title alone is weak evidence — a one-word name, a name
after a generic title ("अधिकारी", "officer"), a name appositive to its title ("The Minister, Shri X") or written
before it ("X, मुख्य सचिव") — the name needs evidence of its own (:func:`name_evidence`):

- a common given name or surname (``data/names.toml`` [lexicon]; Devanagari words as listed);
- an honorific before it (श्री, डॉ., प्रो., Shri, Dr.) or a polite suffix after it (जी);
- a cue after it that makes it the doer of the sentence (ने; said, told… — ``[name_cues]``), except after a
  district post, where one word before ने is the post's place ("डीएम सुल्तानपुर ने"), and after a bare head,
  where a noun may take ने ("राज्यपाल अभिभाषण ने");
- for names before or beside the title: two or more capitalised Latin words, or Devanagari words that start a
  line or a sentence (a byline "-X Y, मुख्य सचिव", or "X Y प्रदेश के नए मुख्य सचिव होंगे");

and none of its words may be a common noun that follows titles (``[weak_non_name]``: टीम, दल, साहब, office…) or a
place name. So unusual real names ("केंद्रीय मंत्री तोखन ने") are found without a gazetteer entry.
"""

from __future__ import annotations

from claimcheck.find import names
from claimcheck.find.officeholders.titles import _DEVA, _HAS_DIGIT, _QUOTES


# provided by the finder: fnd.t (tokens), fnd.v (vocabulary), joined(i), is_head(i), region_ending_at(i)


def latin_key(fnd, i: int) -> str:
    tok = fnd.t[i]
    return names.fold_latin(tok.text if tok.latin else names.translit(tok.key))


def known_name(fnd, i: int) -> bool:
    """Token i is a common given name or surname: a Devanagari word as listed (after the text fold), a Latin
    word by the name fold. Devanagari words are not compared by their romanisation, which would let common
    words pass for names (पूरी "full" ~ Puri)."""
    tok = fnd.t[i]
    if not tok.latin:
        return tok.key in fnd.v.lex_deva
    return names.fold_latin(tok.text) in fnd.v.lex_latin


def name_token(fnd, i: int) -> bool:
    tok = fnd.t[i]
    if not tok.word or _HAS_DIGIT.search(tok.text):
        return False
    k = tok.key
    if not tok.latin and tok.text.endswith(".") and k in fnd.v.letters:
        return True  # an initial: "के. विजयेंद्र पांडियन"
    if tok.latin and len(tok.text) == 1 and tok.text.isupper() and i + 1 < len(fnd.t) and fnd.joined(i + 1) \
            and fnd.t[i + 1].latin and fnd.t[i + 1].text[:1].isupper() and fnd.t[i + 1].key not in fnd.v.stop:
        return True  # a one-letter initial that is also a word: "A Santhi Kumari"
    if k in fnd.v.stop or k in fnd.v.honorifics or k in fnd.v.modifiers or k in fnd.v.connectors \
            or fnd.is_head(i):
        return False
    if tok.latin:
        if k in fnd.v.name_cues:
            return False  # "CM Yogi Inaugurates Expo": a headline verb ends the name
        # capitalised; a long all-capitals word is an acronym ("PM CARES"), not a name
        return tok.text[0].isupper() and not (len(tok.text) >= 4 and tok.text.isalpha() and tok.text.isupper())
    return bool(_DEVA.match(tok.text)) and not k.endswith(("ों", "ओं"))

# --- evidence --------------------------------------------------------------------------------------------

def _is_place(fnd, j: int, k: int) -> bool:
    """Tokens j..k-1 are a place name (or end with one): "Uttar Pradesh" is not a person."""
    return fnd.region_ending_at(k - 1) is not None and fnd.region_ending_at(k - 1) >= j


def name_evidence(fnd, j: int, k: int, *, latin_multi: bool = False, clause_start: bool = False,
                  cue: bool = True) -> bool:
    """Tokens j..k-1 look like a person's name beyond following a title (see the module docstring).
    ``latin_multi``: two or more capitalised Latin words count; ``clause_start``: the words start a line or
    a sentence and are Devanagari (checked by the caller); ``cue``: ने/said after the words counts."""
    t, n = fnd.t, len(fnd.t)
    if any(known_name(fnd, x) for x in range(j, k)):
        return True
    if any(t[x].key in fnd.v.weak_non_name for x in range(j, k)) or _is_place(fnd, j, k):
        return False
    if j > 0 and t[j - 1].key in fnd.v.honorifics and fnd.joined(j):
        return True
    if cue and k < n and fnd.joined(k) and t[k].key in fnd.v.name_cues:
        return True
    if k < n and fnd.joined(k) and t[k].key in fnd.v.name_suffix:
        return True  # "विशाख जी"
    if latin_multi and k - j >= 2 and all(t[x].latin for x in range(j, k)):
        return True
    return clause_start and k - j >= 2 and not any(t[x].latin for x in range(j, k))


def place_after_title(fnd, h: int, end: int) -> int:
    """``end`` extended over the place written after a district post before a name: "एसडीएम सदर राजेश
    कुमार", "जिलाधिकारी सुल्तानपुर श्री सुरेंद्र कुमार" (an unknown word, then a common given name or an
    honorific)."""
    t, n = fnd.t, len(fnd.t)
    j = end + 1
    if t[h].key not in fnd.v.local_heads or j >= n or not fnd.joined(j):
        return end
    if t[j].key in fnd.v.local_places:
        return j  # "एसडीएम सदर", "SP City"
    if j + 1 >= n or not fnd.joined(j + 1):
        return end
    if name_token(fnd, j) and not known_name(fnd, j) and (t[j + 1].key in fnd.v.honorifics or (
            name_token(fnd, j + 1) and latin_key(fnd, j + 1) in fnd.v.given)):
        return j
    return end


def is_acronym(fnd, start: int, end: int) -> bool:
    """The title tokens start..end are one abbreviation: spelled letters (एमडी, सीईओ) or Latin capitals."""
    if start != end:
        return False
    tok = fnd.t[start]
    if tok.latin:
        return tok.text.rstrip(".").isupper()
    return names.spelled_letters(tok.key) is not None


def clause_start(fnd, first: int) -> bool:
    """Token ``first`` starts the text, a line, or follows sentence or clause punctuation."""
    if first == 0 or not fnd.joined(first):
        return True
    prev = fnd.t[first - 1]
    return not prev.word and prev.text not in _QUOTES and prev.text not in ",("


def _title_word_surname(fnd, k: int) -> bool:
    """Token k is a title word that is also a known surname ("प्रधान", "Pradhan") and ends the name: what
    follows is no title word, head or name word."""
    t, n = fnd.t, len(fnd.t)
    if k >= n or not fnd.joined(k) or not t[k].word or t[k].key not in fnd.v.modifiers:
        return False
    if latin_key(fnd, k) not in fnd.v.surnames:
        return False
    if k + 1 < n and fnd.joined(k + 1) and (fnd.is_head(k + 1) or fnd.title_word(k + 1)
                                             or name_token(fnd, k + 1)):
        return False
    return True

# --- names right and left of a title ---------------------------------------------------------------------

def name_right(fnd, j: int, h: int | None = None, bare: bool = False) -> int | None:
    """Index of the last token of a name starting at j, or None. ``h`` is the title's head; ``bare`` says the
    title is that head alone (no portfolio or modifier)."""
    n = len(fnd.t)
    while j < n and fnd.t[j].key in fnd.v.honorifics and fnd.joined(j):
        j += 1
    k = j
    while k < n and fnd.joined(k) and name_token(fnd, k):
        k += 1
    if k > j and _title_word_surname(fnd, k):
        k += 1  # "धर्मेंद्र प्रधान ने": a title word that is a surname, where the name ends
    # a place or building after the title ("मुख्य सचिव कमिश्नरी सभागार में", "कलेक्टर कार्यालय"): the name ends
    # before its noun, and the words left must be two or more or follow an honorific — one word right before a
    # building noun names the building ("कलेक्ट्रेट सभागार", "विकास भवन")
    pl = next((x for x in range(j, min(k + 1, n)) if fnd.t[x].key in fnd.v.place_nouns
               and (x < k or fnd.joined(x))), None)
    if pl is not None:
        if pl == j or not (pl - j >= 2 or j > 0 and fnd.t[j - 1].key in fnd.v.honorifics and fnd.joined(j)):
            return None
        k = min(k, pl)
    count = k - j
    if count > 4:
        # two names run together ("… नारायण दत्त तिवारी रोहित शेखर के दावों"): keep the first three words
        if any(fnd.t[x].key in fnd.v.non_name for x in range(j, k)):
            return None
        k, count = j + 3, 3
    if count == 0:
        return None
    if any(fnd.t[x].key in fnd.v.non_name for x in range(j, k)):
        return None
    # a common noun after the first word ends the name: "प्रधानमंत्री बोरिस जॉनसन अस्पताल में"
    cut = next((x for x in range(j + 1, k) if fnd.t[x].key in fnd.v.weak_non_name
                and not (x + 1 < k and latin_key(fnd, x + 1) in fnd.v.surnames)), None)
    # ("मंगू भाई पटेल": a kinship word before a known surname is part of the name)
    if cut is not None:
        k, count = cut, cut - j
    if count >= 3:
        # words after a known surname are not part of the name ("राकेश सचान सरकारी आंकड़ा बताते हुए")
        anchors = [x for x in range(j, k) if latin_key(fnd, x) in fnd.v.surnames]
        # ... but capitalised Latin words closed by punctuation or a function word are all name
        # ("Speaker … Vishweshwar Hegde Kageri and …")
        closed = k >= n or not fnd.t[k].word or fnd.t[k].key in fnd.v.stop or fnd.t[k].key in fnd.v.connectors
        if closed and all(fnd.t[x].latin and fnd.t[x].text[:1].isupper() for x in range(j, k)):
            anchors = []
        if anchors and not any(known_name(fnd, x) for x in range(anchors[-1] + 1, k)):
            k = anchors[-1] + 1
            count = k - j
    if h is not None:
        head = fnd.t[h]
        # प्रमुख/chief heads a title only after an organisation's name ("(ISRO) chief X"): not a generic head
        weak = (count == 1 and (not fnd.t[j].latin or head.key in fnd.v.abbrev)) \
            or (bare and head.key in fnd.v.generic and head.key not in fnd.v.org_heads)
        # one unknown word after a title ("अधिकारी मौके पर", "पीएम कुसुम"), or any name after a generic one
        # after a district post one word before ने is its place ("डीएम सुल्तानपुर ने"); after a bare head a
        # noun may take ने ("राज्यपाल अभिभाषण ने", "मुख्यमंत्री अभ्युदय ने"): there the name needs more than
        # the cue, unless the head is an abbreviation or a jurisdiction is written before it
        cue = head.key not in fnd.v.local_heads and (
            not bare or head.key in fnd.v.abbrev or fnd.jurisdiction_left(h) is not None)
        if weak and not name_evidence(fnd, j, k, cue=cue):
            return None
    last = k - 1
    # a quoted nickname after the name: Ramesh Pokhriyal 'Nishank'
    if k + 2 < n and fnd.t[k].text in _QUOTES and fnd.t[k + 2].text in _QUOTES and name_token(fnd, k + 1):
        last = k + 2
    return last


def name_left(fnd, j: int, floor: int, acronym: bool = False, loose: bool = False) -> int | None:
    """First token of a name ending at j (for 'NAME, TITLE'), or None. ``acronym``: the construction is too
    weak to vouch for Devanagari words that merely start a clause (a bare abbreviation: "मोंटगोमरी काउंटी,
    एमडी" is a place and a US state). ``loose``: an oath or appointment frame vouches for a name of two words
    or more and for what precedes it ("झामुमो के नेता हेमंत सोरेन ने … के रूप में शपथ ली")."""
    t, k, inner = fnd.t, j, 0
    while True:
        while k >= max(floor, 0) and name_token(fnd, k) and (k == j or fnd.joined(k + 1)):
            k -= 1
        # in a frame, initials in brackets inside the name: "चंद्रपुरम पोनुसामी (CP) राधाकृष्णन"
        if loose and k < j and k - 3 >= max(floor, 0) and t[k].text == ")" and t[k - 2].text == "(" \
                and t[k - 1].latin and t[k - 1].text.isupper() and name_token(fnd, k - 3) \
                and all(fnd.joined(x) for x in range(k - 2, k + 2)):
            k, inner = k - 3, inner + 3
            continue
        break
    first = k + 1
    count = j - first + 1 - inner
    if count > 4 or count < 1:
        return None
    if count == 1 and not loose and not (known_name(fnd, first) or (
            first > 0 and fnd.t[first - 1].key in fnd.v.honorifics and fnd.joined(first))):
        return None  # one word before a title must be a known name or follow an honorific: "Mr Sachan, …"
    if any(fnd.t[x].key in fnd.v.non_name for x in range(first, j + 1)):
        return None
    # what precedes the name must be a boundary: start, new line, punctuation or a stopword
    if not loose and k >= floor and k >= 0 and fnd.joined(first) and fnd.t[k].word \
            and fnd.t[k].key not in fnd.v.stop and fnd.t[k].key not in fnd.v.honorifics:
        return None
    # name-first is the weaker construction: the name must look like one
    starts = not acronym and clause_start(fnd, first)
    # a frame vouches for two words, or one capitalised Latin word ("… of Kataria as the Governor")
    framed = loose and (count >= 2 or fnd.t[first].latin) and not _is_place(fnd, first, j + 1) \
        and not any(fnd.t[x].key in fnd.v.weak_non_name for x in range(first, j + 1))
    if not framed and not name_evidence(fnd, first, j + 1, latin_multi=True, clause_start=starts):
        return None
    while first > 0 and fnd.t[first - 1].key in fnd.v.honorifics and fnd.joined(first):
        first -= 1
    return first
