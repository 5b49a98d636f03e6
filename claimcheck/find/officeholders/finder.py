"""Officeholder finder: a title phrase plus a person's name, in either order.

"मुख्य सचिव मनोज कुमार सिंह", "इनवेस्ट यूपी के सीईओ अभिषेक प्रकाश", "Prime Minister Narendra Modi",
"Rakesh Sachan, the State MSME Minister", "पीएम मोदी". One person with two titles ("मुख्य सचिव तथा अवस्थापना एवं
औद्योगिक विकास आयुक्त मनोज कुमार सिंह") gives one claim with both ``offices``.

A title phrase is found from its head word (मंत्री, सचिव, आयुक्त, Minister…) outwards: to the left over
modifiers and portfolio words (joined by एवं/व/तथा/and/commas), to the right over a bracketed portfolio
("(गृह)") and a few post-head words ("of State"). The jurisdiction or organisation written before it ("उत्तर प्रदेश
के", "WHO के", "Delhi") is reported but kept out of the span. The name runs over words that are not stopwords,
digits, titles or scheme words ("प्रधानमंत्री आवास योजना" is not a person) and ends after a known surname
when unknown words follow; a one-word name, a name after a generic title ("अधिकारी"), an appositive name and a
name written before its title need evidence of their own — a known name, an honorific, "ने"/"said" after it,
capitalised Latin words, a line or sentence start (:mod:`claimcheck.find.officeholders.names`). A second name joined by
और/and shares a title that several people hold at once ("उपमुख्यमंत्री A और B", subtype "shared") or a plural
one ("Deputy Chief Ministers A and B"). A place or organisation may also stand between title and name ("Chief
Minister of Uttar Pradesh, Shri X", "सीईओ इन्वेस्ट यूपी X"), and an appointment names its holder first ("X को
प्रदेश का नया मुख्य सचिव बनाया गया"). प्रमुख/chief heads a title after an organisation ("WHO प्रमुख X").
Name-first forms (appositions, oath and appointment frames) and the qualifiers read with a title (former,
designate, outgoing, past) are in :mod:`claimcheck.find.officeholders.frames`. Title vocabulary is in
``data/titles.toml`` (loaded by :mod:`claimcheck.find.officeholders.titles`). Works on the folded text (nukta and
ZWJ removed), so "संयुक्‍त सचिव" matches.
"""

from __future__ import annotations

from claimcheck.find.officeholders.titles import title_lines, tokens, vocab
from claimcheck.find.officeholders import frames as _fr
from claimcheck.find.officeholders import names as _nm


class _Finder:
    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.text = ctx.folded.text
        self.v = vocab()
        self.t = tokens(self.text, title_lines(self.text))

    # --- word classes -------------------------------------------------------------------------------------
    def is_head(self, i: int) -> bool:
        tok = self.t[i]
        if not tok.word:
            return False
        k = tok.key
        if k in self.v.abbrev:
            # Latin abbreviations only in capitals ("PM Modi", not "4 pm")
            return not tok.latin or tok.text.rstrip(".").isupper()
        if k in self.v.heads:
            return True
        if k.endswith(("-designate", "-elect")):  # "CM-designate", "President-elect"
            base = k.rsplit("-", 1)[0]
            return base in self.v.heads or base in self.v.abbrev
        if k in self.v.org_heads:
            return self._org_head(i)
        return not tok.latin and k.endswith(self.v.head_suffix) and len(k) > 2 and not k.startswith("मंत्रि")

    def _org_head(self, i: int) -> bool:
        """प्रमुख/chief heads a title after an organisation's name and before a name ("WHO प्रमुख टेड्रोस"), not
        before another title word ("प्रमुख सचिव") nor after a function word ("देश के प्रमुख उद्योगपति")."""
        t, n = self.t, len(self.t)
        if i == 0 or i + 1 >= n or not self.joined(i) or not self.joined(i + 1):
            return False
        if t[i - 1].text == ")":  # "Indian Space Research Organisation (ISRO) chief S Somanath"
            o = self._bracket_open(i - 1)
            if o is None or not all(t[x].text.isupper() for x in range(o + 1, i - 1)):
                return False
        elif not t[i - 1].word:
            return False
        p, q = t[i - 1].key, t[i + 1]
        if p in self.v.stop or p in self.v.modifiers or p in self.v.connectors or p in self.v.heads:
            return False
        return q.word and q.key not in self.v.heads and q.key not in self.v.abbrev and not self.title_word(i + 1) \
            and not q.key.endswith(self.v.head_suffix)

    def title_word(self, i: int) -> bool:
        k = self.t[i].key
        if not self.t[i].word:
            return False
        if k in self.v.modifiers or k in self.v.portfolio:
            return True
        # a hyphenated title joined by सह/cum: "Collector-cum-District Magistrate"
        parts = k.split("-")
        v = self.v
        return len(parts) > 2 and any(p in v.titles_only for p in parts) \
            and all(p in v.titles_only or p in v.heads or p in v.abbrev or p in v.modifiers or p in v.portfolio
                    for p in parts)

    def joined(self, i: int) -> bool:
        """Token i follows token i-1 on the same line."""
        return i > 0 and not self.t[i].nl_before

    def region_ending_at(self, i: int) -> int | None:
        """Start index of a region name whose last token is i."""
        if self.t[i].key not in self.v.region_last:
            return None
        for n in range(min(self.v.region_maxlen, i + 1), 0, -1):
            key = tuple(self.t[j].key for j in range(i - n + 1, i + 1))
            if key in self.v.regions and all(self.joined(j) for j in range(i - n + 2, i + 1)):
                return i - n + 1
        return None

    # --- title ---------------------------------------------------------------------------------------------
    def title_left(self, h: int, floor: int = -1) -> tuple[int, list[tuple[int, int]]]:
        """(first token of the title phrase, [(start, head) for each coordinated title, left to right]); the
        phrase does not reach back to ``floor`` (the last token of a claim already made: "राज्यपाल X खान और
        निवर्तमान राज्यपाल Y" — खान ends a name there, it is not the portfolio "mines")."""
        offices: list[tuple[int, int]] = []
        cur_head, start, i = h, h, h - 1
        while i > max(floor, -1) and self.joined(i + 1):
            if self.region_ending_at(i) is not None and self.t[i].key not in self.v.portfolio:
                break
            if self.title_word(i) or (self.is_head(i) and self.t[i].key in self.v.abbrev and i == start - 1):
                start, i = i, i - 1
                continue
            o = self._bracket_open(i)
            if o is not None and o > 0 and self.title_word(o - 1):
                start, i = o, o - 1  # "सूक्ष्म, लघु एवं मध्यम उद्यम (एमएसएमई) मंत्री"
                continue
            if self.t[i].key in self.v.connectors and i > 0 and i - 1 > floor and self.joined(i):
                if self.title_word(i - 1) and self.t[i - 1].key not in self.v.modifiers | self.v.stop:
                    start, i = i - 1, i - 2
                    continue
                if self.is_head(i - 1) and self.t[i].key != ",":  # "सचिव, अपर मुख्य सचिव": a list, not one person
                    offices.append((start, cur_head))
                    cur_head = start = i - 1
                    i -= 2
                    continue
            c = self._coord_across_org(start)
            if c is not None:
                offices.append((start, cur_head))
                cur_head = start = c
                i = c - 1
                continue
            break
        offices.append((start, cur_head))
        offices.reverse()
        return start, offices

    def _coord_across_org(self, start: int) -> int | None:
        """Head index of a title joined to the one at ``start`` over 'ORG के': "गृहमंत्री व भाजपा के अध्यक्ष"."""
        t = self.t
        j = start - 1
        if j < 3 or t[j].key not in self.v.genitive or not self.joined(start):
            return None
        k = j - 1
        while k >= 0 and j - k <= 4 and t[k].word and self.joined(k + 1) and t[k].key not in self.v.stop \
                and t[k].key not in self.v.connectors and not self.is_head(k):
            k -= 1
        if k == j - 1 or k < 1 or t[k].key not in self.v.connectors or t[k].key == ",":
            return None
        return k - 1 if self.is_head(k - 1) and self.joined(k) else None

    def title_right(self, h: int) -> int:
        """Last token of the title: the head plus a bracketed portfolio and post-head words ("of State")."""
        n = len(self.t)
        end = self._bracket(h)
        for ph in self.v.post_head:
            m = len(ph)
            if end + m < n and tuple(self.t[end + 1 + x].key for x in range(m)) == ph \
                    and all(self.joined(end + 1 + x) for x in range(m)):
                end = self._bracket(end + m)  # "Minister of State (Independent Charge)"
                break
        if self.t[h].latin:
            k = end + 1
            if k < n and self.joined(k) and (self.t[k].key in ("of", "for") or self.t[h].key == "mos"):
                k2 = k + 1 if self.t[k].key in ("of", "for") else k
                last = None
                while k2 < n and self.joined(k2) and (self.t[k2].key in self.v.portfolio
                                                      or self.t[k2].key in ("and", "&", ",") and last is not None
                                                      and k2 + 1 < n and self.t[k2 + 1].key in self.v.portfolio):
                    if self.t[k2].key in self.v.portfolio:
                        last = k2
                    k2 += 1
                if last is not None:
                    end = self._bracket(last)  # "Minister of Micro, Small and Medium Enterprises (MSME)"
        return end

    def _bracket(self, end: int) -> int:
        """``end`` extended over a bracketed portfolio right after it ("(गृह)", "(Independent Charge)")."""
        j, n = end + 1, len(self.t)
        if j < n and self.t[j].text == "(" and self.joined(j):
            for k in range(j + 1, min(j + 6, n)):
                if self.t[k].text == ")":
                    if k > j + 1 and all(self.t[x].word for x in range(j + 1, k)) \
                            and all(self.joined(x) for x in range(j + 1, k + 1)):
                        return k
                    break
        return end

    def _bracket_open(self, i: int) -> int | None:
        """Index of the "(" of a short bracket of words closing at token i, or None."""
        if self.t[i].text != ")":
            return None
        for k in range(i - 1, max(i - 6, -1), -1):
            if self.t[k].text == "(":
                return k if k < i - 1 and all(self.t[x].word for x in range(k + 1, i)) \
                    and all(self.joined(x) for x in range(k + 1, i + 1)) else None
        return None

    def region_after(self, end: int) -> tuple[int, int] | None:
        """Token range of the place or organisation written between a title and its name: "Chief Minister of
        Uttar Pradesh, Shri …" (an English title's "of REGION"), "सीईओ इन्वेस्ट यूपी अभिषेक प्रकाश", "राज्यपाल
        उत्तर प्रदेश आनंदीबेन पटेल" (up to three words ending in a region, then a name of two words or more)."""
        t, n = self.t, len(self.t)
        if end + 2 < n and t[end + 1].key == "of" and t[end + 1].latin and self.joined(end + 1):
            for m in range(min(self.v.region_maxlen, n - end - 2), 0, -1):
                if tuple(t[end + 2 + x].key for x in range(m)) in self.v.regions \
                        and all(self.joined(end + 2 + x) for x in range(m)):
                    return end + 2, end + 1 + m
            return None
        for b in range(end + 1, min(end + 4, n)):
            if not self.joined(b):
                return None
            a = self.region_ending_at(b)
            if a is not None and a > end:
                ne = _nm.name_right(self, b + 1) if b + 1 < n and self.joined(b + 1) else None
                return (end + 1, b) if ne is not None and ne > b + 1 else None
            if not _nm.name_token(self, b) and t[b].key not in self.v.home_region:
                return None
        return None

    def portfolio_after(self, end: int) -> int:
        """Extend a title over portfolio words written after the head ("अपर मुख्य सचिव एमएसएमई एवं निर्यात
        प्रोत्साहन अमित मोहन प्रसाद", "Principal Secretary MSME Alok Kumar") when a name of two or more words
        follows them, or when the clause ends there ("…, मंत्री औद्योगिक विकास")."""
        t, n = self.t, len(self.t)
        k, last = end + 1, None
        if k < n and t[k].text == "," and k + 1 < n and t[k + 1].key in self.v.portfolio:
            k += 1  # "प्रमुख सचिव, एमएसएमई आलोक कुमार", "Principal Secretary, MSME and Export Promotion, said"
        while k < n and self.joined(k) and t[k].word:
            if t[k].key in self.v.portfolio or t[k].key in self.v.department:
                last = k
            elif not (t[k].key in self.v.connectors and last is not None):
                break
            k += 1
        if last is None:
            return end
        j = last + 1
        ne = _nm.name_right(self, j) if j < n and self.joined(j) else None
        if ne is not None:
            return last if ne - j >= 1 else end
        if j >= n or not t[j].word or t[j].key in self.v.stop:
            return last
        return end

    def jurisdiction_left(self, start: int) -> tuple[int, int] | None:
        """Token range (a, b) of the place or organisation written just before the title."""
        i = start - 1
        if i < 0 or not self.joined(start):
            return None
        t = self.t
        if t[i].key in self.v.genitive and i > 0 and self.joined(i):
            b = i - 1
            a = self._region_chain(b)
            if a is not None and t[a].key in self.v.home_region:
                return a, b  # "राज्य के", "प्रदेश के": the article's state
            # a region that is part of a longer name is an organisation ("इनवेस्ट यूपी के")
            if a is not None and not (a > 0 and self.joined(a) and self.t[a - 1].word
                                      and self.t[a - 1].key not in self.v.stop):
                return a, b
            a, depth = b + 1, 0
            for x in range(b, max(b - 7, -1), -1):
                tx = t[x]
                if tx.text == ")":
                    depth += 1
                elif tx.text == "(":
                    depth -= 1
                elif depth == 0 and (not tx.word or tx.key in self.v.stop and tx.key not in self.v.home_region):
                    break
                a = x
                if not self.joined(x):
                    break
            return (a, b) if a <= b and depth == 0 else None
        if t[i].key in self.v.foreign:
            return i, i  # "अमेरिकी राष्ट्रपति"
        if t[i].text == ")" and t[start].key in self.v.org_heads:
            o = self._bracket_open(i)
            if o is not None:
                return o + 1, i - 1  # "(ISRO) chief": the organisation's initials
        if t[start].key in self.v.org_heads and t[i].word and not t[i].latin and t[i].key not in self.v.stop:
            return i, i  # "डब्ल्यूएचओ प्रमुख", "सपा प्रमुख": the organisation the head heads
        if t[i].text in ("'s", "’s") or t[i].key == "s" and i > 1 and t[i - 1].text in ("'", "’"):
            i -= 2 if t[i].key == "s" else 1
        a = self._region_chain(i)
        if a is not None:
            # "Invest UP CEO": a capitalised word before the region makes it an organisation's name
            while a > 0 and i - a < 3 and self.joined(a) and t[a - 1].latin and t[a - 1].text[0].isupper() \
                    and t[a - 1].key not in self.v.stop and t[a - 1].key not in self.v.modifiers \
                    and t[a - 1].key not in self.v.portfolio and not self.is_head(a - 1):
                a -= 1
            return a, i
        if t[i].latin and t[i].text[0].isupper() and t[i].key not in self.v.portfolio \
                and t[i].key not in self.v.stop and t[i].key not in self.v.modifiers and not self.is_head(i):
            a = i  # an organisation: "BJP president", "Flipkart CEO"
            while a - 1 >= 0 and i - a < 2 and self.joined(a) and t[a - 1].latin and t[a - 1].text[0].isupper() \
                    and t[a - 1].key not in self.v.stop and not self.is_head(a - 1):
                a -= 1
            return a, i
        return None

    def _region_chain(self, b: int) -> int | None:
        """Start of 'region (और|and|,) region …' ending at b, or a home-region word ('प्रदेश के'); "उत्तर प्रदेश"
        is a region, not the home-region word प्रदेश."""
        a = self.region_ending_at(b)
        if a is None:
            return b if b >= 0 and self.t[b].key in self.v.home_region else None
        while a >= 2 and self.t[a - 1].key in self.v.connectors and self.joined(a):
            a2 = self.region_ending_at(a - 2)
            if a2 is None:
                break
            a = a2
        return a

    # --- main ----------------------------------------------------------------------------------------------
    def run(self) -> list:
        out = []
        taken_until = -1
        t, n = self.t, len(self.t)
        v = self.v
        maybe_head = v.head_keys
        for h in range(n):
            if h <= taken_until:
                continue
            # a cheap first test: is_head is false for a key in no head set that cannot take the head suffix
            k = t[h].key
            if k not in maybe_head and (not k.endswith(("-designate", "-elect")) if t[h].latin
                                        else not k.endswith(v.head_suffix)):
                continue
            if not self.is_head(h):
                continue
            start, offices = self.title_left(h, taken_until)
            if start <= taken_until:
                continue
            end = self.title_right(h)
            end = _nm.place_after_title(self, h, self.portfolio_after(end))
            former = _fr.qualifier(self, start, end)
            j, place = end + 1, self.region_after(end)
            if place is not None:
                j = place[1] + 1  # the name after "Chief Minister of Uttar Pradesh"
            gap = _fr.former_gap(self, j) if j < n else 0
            if gap:
                former = "former"
            elif t[end].key in v.plural:
                gap = _fr.list_gap(self, j)  # "several Punjab ministers, including A and B"
            bare = start == h and end == h
            name_end = _nm.name_right(self, j + gap, h, bare) if j + gap < n and self.joined(j + gap) else None
            if name_end is None and gap == 0 and j + 1 < n and t[j].text == "," and self.joined(j):
                # an appositive name: "The Vice President, Shri M Venkaiah Naidu has suggested"
                ne = _nm.name_right(self, j + 1, h, bare)
                if ne is not None and self._appositive(self._skip_honorifics(j + 1), ne):
                    name_end, gap = ne, 1
            if name_end is not None:
                ns = self._skip_honorifics(j + gap)
                out.append(self._claim(start, name_end, offices, end, ns, name_end, former, jur=place))
                taken_until = name_end
                # "उपमुख्यमंत्री A और B", "Deputy Chief Ministers A and B": B holds the title too
                more, plain = self._coordinated(h, start, end, name_end, bare)
                for bs, be in more:
                    out.append(self._claim(bs, be, offices, end, self._skip_honorifics(bs), be, former,
                                           title_start=start, jur=place, shared=not plain))
                    taken_until = be
                continue
            cs = _fr.oath_frame(self, start, end, offices, former, taken_until) \
                or _fr._name_first(self, start, end, offices, former, taken_until)
            if cs:
                out.extend(cs)
                taken_until = end
        return out

    def _appositive(self, ns: int, ne: int) -> bool:
        """A name set off by commas after its title ("The Finance Minister, Shri X, said") has evidence of its
        own; capitalised Latin words count when the apposition closes right after them."""
        t, n = self.t, len(self.t)
        if _nm.name_evidence(self, ns, ne + 1):
            return True
        closed = ne + 1 >= n or not t[ne + 1].word or t[ne + 1].key in self.v.name_cues
        return closed and _nm.name_evidence(self, ns, ne + 1, latin_multi=True)

    def _coordinated(self, h: int, start: int, end: int, name_end: int, bare: bool) -> tuple[list, bool]:
        """Token ranges of further names that share the title before ``name_end``'s name, and whether the text
        says plainly that they share it (a plural title, "दोनों"/"both"); titles several people hold at once
        (``[shared]``) share it too, but not plainly. A name with a title of its own ("उपमुख्यमंत्री A और गृह
        मंत्री B") is found on its own."""
        t, n = self.t, len(self.t)
        keys = tuple(t[x].key for x in range(start, end + 1))
        plural = keys[-1] in self.v.plural
        out, k, conj = [], name_end + 1, False
        while k + 1 < n and self.joined(k) and self.joined(k + 1) and t[k].key in self.v.connectors \
                and t[k].key not in self.v.titles_only:
            if self.is_head(k + 1) or self.title_word(k + 1):
                if plural and out:
                    return out, True  # "Ministers A, B, C, MLA D": the list under the plural title ends here
                if len(out) >= 2 and self._multi(keys):
                    return out, False  # "विधायक A, B और C, सांसद D": a new title starts a new mention
                return [], False
            ne = _nm.name_right(self, k + 1, h, bare)
            if ne is None or _nm._is_place(self, k + 1, ne + 1):
                break  # "…, Assam CM X": a place starts the next title
            conj = t[k].text != ","
            out.append((k + 1, ne))
            k = ne + 1
        if not out or not (conj or plural):
            return [], False
        if plural:
            return out, True
        if k < n and self.joined(k) and (self.is_head(k) or self.title_word(k)):
            return [], False
        if k < n and t[k].key in self.v.both:
            return out, True
        if any(keys[-len(p):] == p for p in self.v.shared if len(p) <= len(keys)):
            return out, False
        # a post many hold at once, before names that act together: "मंत्री A, B और C ने", "कैबिनेट मंत्री A और B
        # ने स्वागत किया", "Union Minister A and B said"
        if self._multi(keys) and (len(out) >= 2 or k < n and self.joined(k) and t[k].key in self.v.name_cues):
            return out, False
        return [], False  # "केंद्रीय मंत्री A और B आगे हैं": B is not said to be a minister

    def _multi(self, keys: tuple) -> bool:
        """The title is a post many hold at once with no portfolio ("कैबिनेट मंत्री", "विधायक", "Union Minister")."""
        return keys[-1] in self.v.multi_heads and all(x in self.v.modifiers and x not in self.v.single
                                                      for x in keys[:-1])

    def _skip_honorifics(self, i: int) -> int:
        while i < len(self.t) - 1 and self.t[i].key in self.v.honorifics:
            i += 1
        return i

    def _claim(self, s, e, offices, title_end, ns, ne, former, title_start=None, jur=None, shared=False):
        ctx, t = self.ctx, self.t
        text = ctx.doc.text

        def orig(a, b):
            os_, oe = ctx.folded.span(t[a].s, t[b].e)
            return text[os_:oe]

        ts = title_start if title_start is not None else s
        offs = []
        for k, (a, hd) in enumerate(offices):
            b = title_end if k == len(offices) - 1 else hd
            offs.append(orig(a, b))
        if jur is None:
            jur = self.jurisdiction_left(ts)
        fields = dict(person=orig(ns, ne), office=offs[0], offices=tuple(offs))
        if jur:
            fields["jurisdiction"] = orig(*jur)
        if former:
            fields["subtype"] = former if isinstance(former, str) else "former"
        elif shared:
            fields["subtype"] = "shared"  # a title written once before two names (see _coordinated)
        return ctx.claim("officeholder", t[s].s, t[e].e, **fields)


def find(ctx) -> list:
    """Officeholder claims in ``ctx`` (title phrase + name)."""
    try:
        return _Finder(ctx).run()
    except Exception:  # pragma: no cover - a finder must never break extraction
        return []
