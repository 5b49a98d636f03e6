"""Checking officeholders stays fast as the tables grow: positions and persons are blocked, never scanned.

Growth is counted as work done (persons whose names a check compares), not timed: the time per claim against
1k/10k/100k rows is printed by ``benchmarks/matching.py``.
"""

import datetime as dt
import random
from types import SimpleNamespace as NS

from claimcheck.find.names import NameIndex
from claimcheck.model import Claim
from claimcheck.judge.officeholders.judge import check_officeholder, prepare


def synth(n, seed=3):
    rnd = random.Random(seed)
    cons, vows = "bcdghjklmnprstvy", "aeiou"

    def word():
        return "".join(rnd.choice(cons) + rnd.choice(vows) for _ in range(rnd.randint(2, 3))).capitalize()

    states = [f"IN-S{i}" for i in range(30)] + ["IN-UP"]
    posts = ["Chief Secretary", "Chief Minister", "Finance Minister", "Health Minister", "Governor",
             "Principal Secretary, Health", "Industries Minister", "Director General of Police"]
    persons, positions, tenures = {}, {}, []
    for k in range(n):
        st = rnd.choice(states)
        post = rnd.choice(posts)
        pid = f"{st}.{post}"
        positions.setdefault(pid, NS(position_id=pid, label_en=post, label_hi="", jurisdiction=st, titles=(post,),
                                     single_holder=True, notes=""))
        per = f"p{k}"
        persons[per] = NS(person_id=per, label_en=f"{word()} {word()}", label_hi="", aliases=(), notes="")
        day = dt.date(1900, 1, 1) + dt.timedelta(days=30 * (k // len(positions) + 1) + k % 29)
        tenures.append(NS(tenure_id=f"t{k}", person_id=per, position_id=pid, start=day.isoformat(),
                          end=(day + dt.timedelta(days=20)).isoformat(), end_cause="", nature="regular",
                          last_attested=None, source_url="https://example.org", source="example",
                          confidence="high", notes=""))
    return NS(persons=persons, positions=positions, tenures=tuple(tenures))


def claims(refs):
    some = [t for t in refs.tenures if t.position_id.startswith("IN-UP.")][:10]
    out = []
    for t in some:
        name = refs.persons[t.person_id].label_en
        out.append((Claim(doc="d", kind="officeholder", text="x", start=0, end=1, person=name,
                          office=refs.positions[t.position_id].label_en, jurisdiction="Uttar Pradesh"),
                    dt.date.fromisoformat(t.start) + dt.timedelta(days=5)))
    out.append((Claim(doc="d", kind="officeholder", text="x", start=0, end=1, person="Nobody Knownhere",
                      office="Chief Secretary", jurisdiction="Uttar Pradesh"), dt.date(1950, 1, 1)))
    return out


def work(refs, monkeypatch):
    """Outcomes of the claims, and how many persons' names their checks compared (after one warm-up round that
    builds the lazy indexes)."""
    memo = prepare(refs).verdicts
    cs = claims(refs)
    for c, day in cs:
        check_officeholder(c, refs, day)
    memo.clear()  # verdicts already reached: every counted check matches afresh
    seen = []
    real = NameIndex.variants
    with monkeypatch.context() as m:
        m.setattr(NameIndex, "variants", lambda self, key: seen.append(key) or real(self, key))
        # every counted check matches afresh: past the memo of names already looked up (NameIndex.match)
        m.setattr(NameIndex, "match", lambda self, name, among=None: self._match(name, among))
        outcomes = [check_officeholder(c, refs, day).outcome for c, day in cs]
    return len(seen), outcomes


def test_checks_grow_sub_linearly_with_the_tables(monkeypatch):
    small, large = synth(1_000), synth(20_000)
    ws, out_s = work(small, monkeypatch)
    wl, out_l = work(large, monkeypatch)
    assert out_s[:-1] == ["supported"] * (len(out_s) - 1) and out_l[:-1] == ["supported"] * (len(out_l) - 1)
    assert 0 < ws and wl < ws * 8, (ws, wl)  # 20x the rows
