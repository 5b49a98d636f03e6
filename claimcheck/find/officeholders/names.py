"""Name rules of the officeholder finder (mixed into :class:`claimcheck.find.officeholders.finder._Finder`).

A name runs over words that are not stopwords, digits, honorifics, title words or scheme words. After a full title
("मुख्य सचिव", "Finance Minister") that is enough. Where the title alone is weak evidence — a one-word name, a name
after a generic title ("अधिकारी", "officer"), a name appositive to its title ("The Minister, Shri X") or written
before it ("X, मुख्य सचिव") — the name needs evidence of its own (:meth:`_NameRules.name_evidence`):

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


class _NameRules:
    # provided by the finder: self.t (tokens), self.v (vocabulary), joined(i), is_head(i), region_ending_at(i)

    def latin_key(self, i: int) -> str:
        tok = self.t[i]
        return names.fold_latin(tok.text if tok.latin else names.translit(tok.key))

    def known_name(self, i: int) -> bool:
        """Token i is a common given name or surname: a Devanagari word as listed (after the text fold), a Latin
        word by the name fold. Devanagari words are not compared by their romanisation, which would let common
        words pass for names (पूरी "full" ~ Puri)."""
        tok = self.t[i]
        if not tok.latin:
            return tok.key in self.v.lex_deva
        return names.fold_latin(tok.text) in self.v.lex_latin

    def name_token(self, i: int) -> bool:
        tok = self.t[i]
        if not tok.word or _HAS_DIGIT.search(tok.text):
            return False
        k = tok.key
        if not tok.latin and tok.text.endswith(".") and k in self.v.letters:
            return True  # an initial: "के. विजयेंद्र पांडियन"
        if tok.latin and len(tok.text) == 1 and tok.text.isupper() and i + 1 < len(self.t) and self.joined(i + 1) \
                and self.t[i + 1].latin and self.t[i + 1].text[:1].isupper() and self.t[i + 1].key not in self.v.stop:
            return True  # a one-letter initial that is also a word: "A Santhi Kumari"
        if k in self.v.stop or k in self.v.honorifics or k in self.v.modifiers or k in self.v.connectors \
                or self.is_head(i):
            return False
        if tok.latin:
            if k in self.v.name_cues:
                return False  # "CM Yogi Inaugurates Expo": a headline verb ends the name
            # capitalised; a long all-capitals word is an acronym ("PM CARES"), not a name
            return tok.text[0].isupper() and not (len(tok.text) >= 4 and tok.text.isalpha() and tok.text.isupper())
        return bool(_DEVA.match(tok.text)) and not k.endswith(("ों", "ओं"))

    # --- evidence --------------------------------------------------------------------------------------------
    def _is_place(self, j: int, k: int) -> bool:
        """Tokens j..k-1 are a place name (or end with one): "Uttar Pradesh" is not a person."""
        return self.region_ending_at(k - 1) is not None and self.region_ending_at(k - 1) >= j

    def name_evidence(self, j: int, k: int, *, latin_multi: bool = False, clause_start: bool = False,
                      cue: bool = True) -> bool:
        """Tokens j..k-1 look like a person's name beyond following a title (see the module docstring).
        ``latin_multi``: two or more capitalised Latin words count; ``clause_start``: the words start a line or
        a sentence and are Devanagari (checked by the caller); ``cue``: ने/said after the words counts."""
        t, n = self.t, len(self.t)
        if any(self.known_name(x) for x in range(j, k)):
            return True
        if any(t[x].key in self.v.weak_non_name for x in range(j, k)) or self._is_place(j, k):
            return False
        if j > 0 and t[j - 1].key in self.v.honorifics and self.joined(j):
            return True
        if cue and k < n and self.joined(k) and t[k].key in self.v.name_cues:
            return True
        if k < n and self.joined(k) and t[k].key in self.v.name_suffix:
            return True  # "विशाख जी"
        if latin_multi and k - j >= 2 and all(t[x].latin for x in range(j, k)):
            return True
        return clause_start and k - j >= 2 and not any(t[x].latin for x in range(j, k))

    def place_after_title(self, h: int, end: int) -> int:
        """``end`` extended over the place written after a district post before a name: "एसडीएम सदर राजेश
        कुमार", "जिलाधिकारी सुल्तानपुर श्री सुरेंद्र कुमार" (an unknown word, then a common given name or an
        honorific)."""
        t, n = self.t, len(self.t)
        j = end + 1
        if t[h].key not in self.v.local_heads or j >= n or not self.joined(j):
            return end
        if t[j].key in self.v.local_places:
            return j  # "एसडीएम सदर", "SP City"
        if j + 1 >= n or not self.joined(j + 1):
            return end
        if self.name_token(j) and not self.known_name(j) and (t[j + 1].key in self.v.honorifics or (
                self.name_token(j + 1) and self.latin_key(j + 1) in self.v.given)):
            return j
        return end

    def is_acronym(self, start: int, end: int) -> bool:
        """The title tokens start..end are one abbreviation: spelled letters (एमडी, सीईओ) or Latin capitals."""
        if start != end:
            return False
        tok = self.t[start]
        if tok.latin:
            return tok.text.rstrip(".").isupper()
        return names.spelled_letters(tok.key) is not None

    def clause_start(self, first: int) -> bool:
        """Token ``first`` starts the text, a line, or follows sentence or clause punctuation."""
        if first == 0 or not self.joined(first):
            return True
        prev = self.t[first - 1]
        return not prev.word and prev.text not in _QUOTES and prev.text not in ",("

    def _title_word_surname(self, k: int) -> bool:
        """Token k is a title word that is also a known surname ("प्रधान", "Pradhan") and ends the name: what
        follows is no title word, head or name word."""
        t, n = self.t, len(self.t)
        if k >= n or not self.joined(k) or not t[k].word or t[k].key not in self.v.modifiers:
            return False
        if self.latin_key(k) not in self.v.surnames:
            return False
        if k + 1 < n and self.joined(k + 1) and (self.is_head(k + 1) or self.title_word(k + 1)
                                                 or self.name_token(k + 1)):
            return False
        return True

    # --- names right and left of a title ---------------------------------------------------------------------
    def name_right(self, j: int, h: int | None = None, bare: bool = False) -> int | None:
        """Index of the last token of a name starting at j, or None. ``h`` is the title's head; ``bare`` says the
        title is that head alone (no portfolio or modifier)."""
        n = len(self.t)
        while j < n and self.t[j].key in self.v.honorifics and self.joined(j):
            j += 1
        k = j
        while k < n and self.joined(k) and self.name_token(k):
            k += 1
        if k > j and self._title_word_surname(k):
            k += 1  # "धर्मेंद्र प्रधान ने": a title word that is a surname, where the name ends
        count = k - j
        if count > 4:
            # two names run together ("… नारायण दत्त तिवारी रोहित शेखर के दावों"): keep the first three words
            if any(self.t[x].key in self.v.non_name for x in range(j, k)):
                return None
            k, count = j + 3, 3
        if count == 0:
            return None
        if any(self.t[x].key in self.v.non_name for x in range(j, k)):
            return None
        # a common noun after the first word ends the name: "प्रधानमंत्री बोरिस जॉनसन अस्पताल में"
        cut = next((x for x in range(j + 1, k) if self.t[x].key in self.v.weak_non_name
                    and not (x + 1 < k and self.latin_key(x + 1) in self.v.surnames)), None)
        # ("मंगू भाई पटेल": a kinship word before a known surname is part of the name)
        if cut is not None:
            k, count = cut, cut - j
        if count >= 3:
            # words after a known surname are not part of the name ("राकेश सचान सरकारी आंकड़ा बताते हुए")
            anchors = [x for x in range(j, k) if self.latin_key(x) in self.v.surnames]
            # ... but capitalised Latin words closed by punctuation or a function word are all name
            # ("Speaker … Vishweshwar Hegde Kageri and …")
            closed = k >= n or not self.t[k].word or self.t[k].key in self.v.stop or self.t[k].key in self.v.connectors
            if closed and all(self.t[x].latin and self.t[x].text[:1].isupper() for x in range(j, k)):
                anchors = []
            if anchors and not any(self.known_name(x) for x in range(anchors[-1] + 1, k)):
                k = anchors[-1] + 1
                count = k - j
        if h is not None:
            head = self.t[h]
            # प्रमुख/chief heads a title only after an organisation's name ("(ISRO) chief X"): not a generic head
            weak = (count == 1 and (not self.t[j].latin or head.key in self.v.abbrev)) \
                or (bare and head.key in self.v.generic and head.key not in self.v.org_heads)
            # one unknown word after a title ("अधिकारी मौके पर", "पीएम कुसुम"), or any name after a generic one
            # after a district post one word before ने is its place ("डीएम सुल्तानपुर ने"); after a bare head a
            # noun may take ने ("राज्यपाल अभिभाषण ने", "मुख्यमंत्री अभ्युदय ने"): there the name needs more than
            # the cue, unless the head is an abbreviation or a jurisdiction is written before it
            cue = head.key not in self.v.local_heads and (
                not bare or head.key in self.v.abbrev or self.jurisdiction_left(h) is not None)
            if weak and not self.name_evidence(j, k, cue=cue):
                return None
        last = k - 1
        # a quoted nickname after the name: Ramesh Pokhriyal 'Nishank'
        if k + 2 < n and self.t[k].text in _QUOTES and self.t[k + 2].text in _QUOTES and self.name_token(k + 1):
            last = k + 2
        return last

    def name_left(self, j: int, floor: int, acronym: bool = False, loose: bool = False) -> int | None:
        """First token of a name ending at j (for 'NAME, TITLE'), or None. ``acronym``: the construction is too
        weak to vouch for Devanagari words that merely start a clause (a bare abbreviation: "मोंटगोमरी काउंटी,
        एमडी" is a place and a US state). ``loose``: an oath or appointment frame vouches for a name of two words
        or more and for what precedes it ("झामुमो के नेता हेमंत सोरेन ने … के रूप में शपथ ली")."""
        t, k, inner = self.t, j, 0
        while True:
            while k >= max(floor, 0) and self.name_token(k) and (k == j or self.joined(k + 1)):
                k -= 1
            # in a frame, initials in brackets inside the name: "चंद्रपुरम पोनुसामी (CP) राधाकृष्णन"
            if loose and k < j and k - 3 >= max(floor, 0) and t[k].text == ")" and t[k - 2].text == "(" \
                    and t[k - 1].latin and t[k - 1].text.isupper() and self.name_token(k - 3) \
                    and all(self.joined(x) for x in range(k - 2, k + 2)):
                k, inner = k - 3, inner + 3
                continue
            break
        first = k + 1
        count = j - first + 1 - inner
        if count > 4 or count < 1:
            return None
        if count == 1 and not loose and not (self.known_name(first) or (
                first > 0 and self.t[first - 1].key in self.v.honorifics and self.joined(first))):
            return None  # one word before a title must be a known name or follow an honorific: "Mr Sachan, …"
        if any(self.t[x].key in self.v.non_name for x in range(first, j + 1)):
            return None
        # what precedes the name must be a boundary: start, new line, punctuation or a stopword
        if not loose and k >= floor and k >= 0 and self.joined(first) and self.t[k].word \
                and self.t[k].key not in self.v.stop and self.t[k].key not in self.v.honorifics:
            return None
        # name-first is the weaker construction: the name must look like one
        starts = not acronym and self.clause_start(first)
        # a frame vouches for two words, or one capitalised Latin word ("… of Kataria as the Governor")
        framed = loose and (count >= 2 or self.t[first].latin) and not self._is_place(first, j + 1) \
            and not any(self.t[x].key in self.v.weak_non_name for x in range(first, j + 1))
        if not framed and not self.name_evidence(first, j + 1, latin_multi=True, clause_start=starts):
            return None
        while first > 0 and self.t[first - 1].key in self.v.honorifics and self.joined(first):
            first -= 1
        return first
