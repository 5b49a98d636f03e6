"""Name-first frames of the officeholder finder: functions over the finder's tokens (``fnd.t``) and vocabulary (``fnd.v``).

An oath or appointment names its holder before the title, with the verb around it:

- Hindi: "X ने राज्य के उपमुख्यमंत्री पद की शपथ ली", "X और Y को उपमुख्यमंत्री बनाया गया", "X 20 फरवरी को दिल्ली
  की मुख्यमंत्री के रूप में शपथ लेंगी" — the title is followed by a frame word (``[frames] hi_after``: के रूप में,
  पद की शपथ, बनाया…) and preceded, within the clause, by the name and words the frame allows between (ने/को, the
  place and के/की, an ordinal, a date);
- English: "X was sworn in as the Lieutenant Governor of Delhi", "X was elected as the Lok Sabha Speaker", "X
  and Y take oath as the Deputy Chief Minister", "X was the governor of Assam" — ``as``/``was``/``is`` before the
  title (after "the", an ordinal, a party's initials) and verb words (``[frames] en_verbs``) before that.

- a headline gives the post with no verb ("X को बिहार का राज्यपाल"), a passive or headline verb links the name
  ("X appointed Governor of Bihar"), an appointing verb takes the name as its object ("President names X Governor
  of Goa"), and बतौर makes the name before it act in the post ("X ने बतौर मुख्यमंत्री …", subtype "past").

Names joined by और/and before the first one share the title. The qualifier read with any title (former,
designate, outgoing), the appositive name-first forms ("X, the state's MSME minister", "X प्रदेश के नए मुख्य
सचिव होंगे") and the gaps a title may leave before its name ("रह चुके", ", including") are here too. Such claims carry subtype "designate": an oath or
appointment is true from the day it is announced (the judge treats designate as held, or about to be within a
month), "former" when the title says so. Vocabulary in ``data/titles.toml`` ``[frames]``.
"""

from __future__ import annotations

import functools

import regex

from claimcheck.find import lexicon
from claimcheck.find.officeholders import names as _nm
from claimcheck.read.text import fold_string

@functools.cache
def _ordinal() -> regex.Pattern:
    """'14वें', '3rd', 'ग्यारहवीं': a digit run or a word with an ordinal suffix (titles.toml [postpositions])."""
    from claimcheck.find import lexicon

    sfx = lexicon.load("titles")["postpositions"].get("ordinal_suffixes", [])
    alt = "|".join(regex.escape(x) for x in sfx) or "(?!)"
    devanagari = "|".join(regex.escape(x) for x in sfx if not x.isascii()) or "(?!)"
    return regex.compile(rf"^(?:\d+(?:{alt})|[\p{{L}}\p{{M}}]+(?:{devanagari}))$")


@functools.cache
def _frames():
    d = lexicon.load("titles").get("frames", {})
    hi_after = sorted((tuple(fold_string(p).split()) for p in d.get("hi_after", [])), key=len, reverse=True)
    return {
        "hi_after": hi_after,
        "hi_skip": frozenset(fold_string(w) for w in d.get("hi_skip", [])),
        "en_link": frozenset(w.lower() for w in d.get("en_link", [])),
        "en_verbs": frozenset(w.lower() for w in d.get("en_verbs", [])),
        "en_skip": frozenset(w.lower() for w in d.get("en_skip", [])),
        "and": frozenset(fold_string(w).lower() for w in d.get("and", [])),
        "en_past": frozenset(w.lower() for w in d.get("en_past", [])),
        "en_passive": frozenset(w.lower() for w in d.get("en_passive", [])),
        "en_appoint": frozenset(w.lower() for w in d.get("en_appoint", [])),
        "en_after": frozenset(w.lower() for w in d.get("en_after", [])),
        "hi_before": frozenset(fold_string(w) for w in d.get("hi_before", [])),
    }


# provided by the finder: fnd.t, fnd.v, joined(i), region_ending_at(i), name_left(...), _claim(...),
# jurisdiction_left(i)


def qualifier(fnd, start: int, end: int) -> str | None:
    """'former', 'designate' or 'outgoing' when the title (or the word before it or before the place written
    before it: "former West Bengal governor", "The outgoing Governor") says so; the first such word wins."""
    t, v = fnd.t, fnd.v
    ju = fnd.jurisdiction_left(start)
    a = ju[0] if ju else start
    idx = list(range(a, end + 1))  # "नवनियुक्त बिहार के राज्यपाल"
    for b in (a - 1, a - 2):
        if b < 0 or not fnd.joined(b + 1) or not t[b].word:
            break
        idx.insert(0, b)
        if t[b].key not in ("the", "a", "an"):
            break
    for x in idx:
        k = t[x].key
        if k in v.former:
            return "former"
        if k in v.designate or k.endswith(("-designate", "-elect")):
            return "designate"
        if k in v.outgoing:
            return "outgoing"
    return None


def list_gap(fnd, j: int) -> int:
    """Tokens between a plural title and the names it lists: ", including", "namely", "जिनमें"."""
    k, n = j, len(fnd.t)
    while k < n and k - j < 3 and fnd.joined(k) and (fnd.t[k].text == "," or fnd.t[k].key in fnd.v.list_gap):
        k += 1
    return k - j if k > j and fnd.t[k - 1].key in fnd.v.list_gap else 0


def former_gap(fnd, j: int) -> int:
    for ph in fnd.v.former_gap:
        m = len(ph)
        if j + m <= len(fnd.t) and tuple(fnd.t[j + x].key for x in range(m)) == ph \
                and all(fnd.joined(j + x) for x in range(m)):
            return m
    return 0


def _hi_frame_after(fnd, end: int) -> bool:
    t, n = fnd.t, len(fnd.t)
    for ph in _frames()["hi_after"]:
        m = len(ph)
        if end + m < n and all(t[end + 1 + x].key == ph[x] and fnd.joined(end + 1 + x) for x in range(m)):
            return True
    return False


def _skippable_hi(fnd, i: int) -> bool:
    tok, f = fnd.t[i], _frames()
    if not tok.word:
        return False
    return tok.key in f["hi_skip"] or tok.key in fnd.v.genitive or tok.key in fnd.v.dative or tok.key in fnd.v.ergative \
        or bool(_ordinal().match(tok.key)) \
        or tok.key.isdigit() or tok.key in fnd.v.home_region or fnd.region_ending_at(i) is not None \
        or any(fnd.region_ending_at(j) is not None and fnd.region_ending_at(j) <= i < j + 1
               for j in range(i, min(i + 3, len(fnd.t))))


def _frame_place(fnd, lo: int, start: int, end: int) -> tuple:
    """The region a frame gives the title: one written between the name and the title ("झारखंड के 14वें
    मुख्यमंत्री", "the newly elected Telangana Chief Minister") or "of REGION" after it; () when none (a
    party's initials before the title are not its jurisdiction)."""
    t, n = fnd.t, len(fnd.t)
    for b in range(start - 1, lo - 1, -1):
        a = fnd.region_ending_at(b)
        if a is not None and a >= lo:
            return a, b
        if t[b].key in fnd.v.home_region:
            return b, b  # "प्रदेश का नया मुख्य सचिव": the article's state
    if end + 2 < n and t[end + 1].key == "of" and fnd.joined(end + 1):
        for m in range(min(fnd.v.region_maxlen, n - end - 2), 0, -1):
            if tuple(t[end + 2 + x].key for x in range(m)) in fnd.v.regions:
                return end + 2, end + 1 + m
    # a body named before the title in capitals ("as the Lok Sabha Speaker"), not a party's initials
    b = start - 1
    a = b
    while a >= lo and t[a].latin and t[a].text[:1].isupper() and not t[a].text.isupper() \
            and t[a].key not in _frames()["en_skip"]:
        a -= 1
    return (a + 1, b) if a < b else ()


def oath_frame(fnd, start: int, end: int, offices, former, floor: int) -> list:
    """Claims for names written before a title inside an oath or appointment frame (see the module doc)."""
    t = fnd.t
    if start < 1 or not fnd.joined(start):
        return []
    latin = t[end].latin
    f = _frames()
    if latin and t[start].key in f["en_passive"] and start < end:
        # "appointed" read as a modifier ("newly appointed Governor") is the frame's verb after a name
        offices = [(a + 1 if a == start else a, hd) for a, hd in offices]
        start += 1
    k = start - 1
    loose, headline = True, False
    if latin:
        steps = 0
        while k >= 0 and fnd.joined(k + 1) and steps < 4 and (
                t[k].key in f["en_skip"] or _ordinal().match(t[k].key)
                or (t[k].latin and t[k].text[:1].isupper() and t[k].key not in f["en_link"]
                    and t[k].key not in f["en_passive"])
                or fnd.region_ending_at(k) is not None or t[k].text in ("'s", "’s")):
            k, steps = k - 1, steps + 1
        if k >= 0 and t[k].key in f["en_passive"] and _plain_between(fnd, k + 1, start) \
                and (k > 0 and t[k - 1].key in f["en_verbs"] or _title_closes(fnd, end)):
            pass  # "X appointed Governor of Bihar", "X named new Bihar Governor": the title given to X
        elif k >= 0 and t[k].key in f["en_appoint"] and fnd.joined(k + 1):
            return _appointed_object(fnd, k, start, end, offices, former)
        elif k < 0 or t[k].key not in f["en_link"]:
            return []
        past = t[k].key in f["en_past"]
        k -= 1
        steps = 0
        while k >= 0 and fnd.joined(k + 1) and steps < 6 and t[k].key in f["en_verbs"]:
            k, steps = k - 1, steps + 1
    else:
        past = False
        if t[k].key in f["hi_before"]:
            # "X ने बतौर मुख्यमंत्री …": X acting in the post (held by then when ने is written)
            k -= 1
            past = k >= 0 and t[k].key in fnd.v.ergative
            if past:
                k -= 1
            loose = False
            if k < 0 or not t[k].word:
                return []
        elif not _hi_frame_after(fnd, end):
            if not _given_post(fnd, start, end):
                return []
            headline = True  # no verb: the name must start its clause
        steps = 0
        while k >= 0 and fnd.joined(k + 1) and steps < 8 and _skippable_hi(fnd, k):
            k, steps = k - 1, steps + 1
    if k < max(floor, 0) or not fnd.joined(k + 1):
        return []
    first = _nm.name_left(fnd, k, floor + 1, False, loose=loose)
    if first is None or headline and not (first == 0 or not fnd.joined(first) or not t[first - 1].word):
        return []
    qual = former or ("past" if past else "designate")
    jur = _frame_place(fnd, k + 1, start, end)
    out = [fnd._claim(first, end, offices, end, fnd._skip_honorifics(first), k, qual, title_start=start,
                       jur=jur)]
    # "X और Y को …", "X and Y take oath as …": the names before share the title
    j = first - 1
    while j >= 1 and t[j].key in f["and"] and fnd.joined(j) and fnd.joined(j + 1):
        a = _nm.name_left(fnd, j - 1, floor + 1, False, loose=loose)
        if a is None:
            break
        out.insert(0, fnd._claim(a, j - 1, offices, end, fnd._skip_honorifics(a), j - 1, qual,
                                  title_start=start, jur=jur))
        j = a - 1
    return out


def _appointed_object(fnd, v: int, start: int, end: int, offices, former) -> list:
    """"President names X Governor of Bihar", "Modi appointed X the new Chief Secretary": the name between an
    appointing verb (token v) and the title is given the post."""
    t, f = fnd.t, _frames()
    ne = start - 1
    while ne > v and t[ne].key in f["en_skip"] and fnd.joined(ne + 1):
        ne -= 1
    if ne <= v or not fnd.joined(ne + 1):
        return []
    first = _nm.name_left(fnd, ne, v + 1, False, loose=True)
    if first is None or fnd._skip_honorifics(first) != fnd._skip_honorifics(v + 1) or first != v + 1:
        return []
    return [fnd._claim(first, end, offices, end, fnd._skip_honorifics(first), ne, former or "designate",
                       title_start=start, jur=_frame_place(fnd, ne + 1, start, end))]


def _title_closes(fnd, end: int) -> bool:
    """The title ends its clause, or only "of REGION" or a function word follows ("X appointed Governor of Bihar
    on Monday"), not an object ("X made the Chief Minister a promise")."""
    t, n = fnd.t, len(fnd.t)
    r = _of_region(fnd, end)
    j = r[1] + 1 if r else end + 1
    return j >= n or not fnd.joined(j) or not t[j].word or t[j].key in _frames()["en_after"]


def _plain_between(fnd, a: int, b: int) -> bool:
    """Tokens a..b-1 are only articles, ordinals, "new" and place names: no other name stands between a passive
    appointment verb and its title ("Modi named Sinha Governor" gives Sinha, not Modi, the post)."""
    f, x = _frames(), a
    while x < b:
        r = next((e for e in range(min(b - 1, x + 3), x - 1, -1)
                  if fnd.region_ending_at(e) is not None and fnd.region_ending_at(e) == x), None)
        if r is not None:
            x = r + 1
        elif fnd.t[x].key in f["en_skip"] or _ordinal().match(fnd.t[x].key):
            x += 1
        else:
            return False
    return True


def _given_post(fnd, start: int, end: int) -> bool:
    """'को REGION का TITLE' closing its clause: the post given to the name before को, with the verb left out as
    in a headline ("X को बिहार का राज्यपाल, Y को असम का")."""
    t, n = fnd.t, len(fnd.t)
    if end + 1 < n and fnd.joined(end + 1) and t[end + 1].word:
        return False
    g = start - 1
    if g < 2 or t[g].key not in fnd.v.genitive or not fnd.joined(start) or not fnd.joined(g):
        return False
    a = fnd.region_ending_at(g - 1)
    return a is not None and a >= 1 and t[a - 1].key in fnd.v.dative and fnd.joined(a)


def _of_region(fnd, end: int) -> tuple | None:
    """Token range of REGION in "TITLE of REGION" (English)."""
    t, n = fnd.t, len(fnd.t)
    if end + 2 >= n or t[end + 1].key != "of" or not t[end + 1].latin or not fnd.joined(end + 1):
        return None
    for m in range(min(fnd.v.region_maxlen, n - end - 2), 0, -1):
        if tuple(t[end + 2 + x].key for x in range(m)) in fnd.v.regions \
                and all(fnd.joined(end + 2 + x) for x in range(m)):
            return end + 2, end + 1 + m
    return None


def _name_first(fnd, start, end, offices, former, floor) -> list:
    """Claims for a name written before its title: "NAME, [the] [JURISDICTION] TITLE" and "NAME [REGION के]
    TITLE होंगे"; with a plural title, a name joined before the first shares it ("A and B, the deputy chief
    ministers")."""
    t = fnd.t
    c = _name_first_one(fnd, start, end, offices, former, floor)
    if c is None:
        return []
    out = [c[0]]
    first = c[1]
    if t[end].key in fnd.v.plural and first >= 2 and t[first - 1].key in fnd.v.name_joiners \
            and fnd.joined(first) and fnd.joined(first - 1):
        a = _nm.name_left(fnd, first - 2, floor + 1, True)
        if a is not None:
            out.insert(0, fnd._claim(a, first - 2, offices, end, fnd._skip_honorifics(a), first - 2, former,
                                      title_start=start, jur=c[2]))
    return out


def _name_first_one(fnd, start, end, offices, former, floor):
    """(claim, first token of the name, jurisdiction range) for a name before its title, or None."""
    t, n = fnd.t, len(fnd.t)
    i, jur = start - 1, None
    ju = fnd.jurisdiction_left(start)
    if ju is not None:
        q = ju[0] - 1  # "X, the newly elected Telangana Chief Minister": qualifiers before the place
        while q >= 1 and fnd.joined(q + 1) and (t[q].key in fnd.v.designate or t[q].key in fnd.v.outgoing
                                                 or t[q].key in fnd.v.former):
            q -= 1
        if q >= 1 and (t[q].key == "the" or t[q].text == ","):
            i, jur = q, ju  # "Rakesh Sachan, the state's MSME minister", "X, प्रदेश के मुख्य सचिव"
    if i >= 0 and t[i].key == "the":
        i -= 1
    if i >= 1 and t[i].text == ",":
        # the title must end the clause
        if end + 1 < n and fnd.joined(end + 1) and t[end + 1].word and t[end + 1].key not in fnd.v.stop:
            return None
        # "Alok Kumar, Principal Secretary, MSME and Export Promotion, said": the portfolio after a comma
        if end + 2 < n and t[end + 1].text == "," and t[end + 2].key in fnd.v.portfolio:
            k = fnd.portfolio_after(end + 1)
            if k > end + 1 and (k + 1 >= n or not t[k + 1].word or t[k + 1].key in fnd.v.stop):
                end = k
        # a sentence start vouches for the name only in a byline or apposition closed after the title
        # ("-उत्पल कुमार सिंह, मुख्य सचिव"), not before ने ("कानपुर देहात, जिलाधिकारी ने" is a dateline)
        closed = end + 1 >= n or not t[end + 1].word
        # an abbreviation alone may be a place ("…काउंटी, एमडी"); with its organisation written ("नीति आयोग
        # के सीईओ") it is a title
        first = _nm.name_left(fnd, i - 1, floor + 1, (_nm.is_acronym(fnd, start, end) and jur is None) or not closed)
        if first is None:
            return None
        # "X, the Chief Minister of Maharashtra, said": the place after the title is its jurisdiction
        last, of = end, (_of_region(fnd, end) if jur is None else None)
        if of is not None:
            jur, last = of, of[1]
        return (fnd._claim(first, last, offices, end, fnd._skip_honorifics(first), i - 1, former,
                            title_start=start, jur=jur), first, jur)
    # "NAME [को] [REGION के] TITLE होंगे/बने/नियुक्त": the name, then the post it is given
    if end + 1 >= n or t[end + 1].key not in fnd.v.name_first_verbs or not fnd.joined(end + 1):
        return None
    k, jur = start - 1, None
    if k >= 1 and t[k].key in fnd.v.genitive:
        a = fnd._region_chain(k - 1)
        if a is None:
            return None
        jur = (a, k - 1)
        k = a - 1
    given = k >= 1 and t[k].key in fnd.v.dative and fnd.joined(k)
    if given:
        k -= 1  # "X को प्रदेश का नया मुख्य सचिव बनाया गया": the post given to X
    if k < 1 or not fnd.joined(k + 1):
        return None
    # a sentence start vouches for the name only with the jurisdiction or को between ("X प्रदेश के नए मुख्य
    # सचिव होंगे")
    first = _nm.name_left(fnd, k, floor + 1, _nm.is_acronym(fnd, start, end) or (jur is None and not given))
    if first is None:
        return None
    return (fnd._claim(first, end, offices, end, fnd._skip_honorifics(first), k, former, title_start=start,
                        jur=jur or ()), first, jur or ())
