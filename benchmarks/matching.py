"""Cost growth: matching time per officeholder claim with 1k, 10k and 100k generated officeholder rows.

    python benchmarks/matching.py [--rows 1000,10000,100000] [--claims 300] [--profile 100000]

Tables are generated with claimcheck.reference's own row types (Person, Position, Tenure): 37 jurisdictions ×
~60 posts (Chief Minister, Chief Secretary, ministers and principal secretaries by portfolio, district
magistrates), tenures of 1–4 years chained back from 2025, names drawn from syllables written in both Latin and
Devanagari so cross-script matching is exercised. Claims are true holders (English and Hindi names), wrong
holders, unknown people and former holders, at dates inside tenures (the memo of verdicts already reached is
cleared before each timed call, so each one matches). Per-claim time is the median over the
claims after one warm-up pass (indexes are built once per table: that cost is shown separately).
Target: sub-linear growth (blocking by position and jurisdiction before fuzzy scoring).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time

SYLLABLES = [("ra", "रा"), ("ma", "म"), ("ka", "क"), ("sha", "श"), ("vi", "वि"), ("na", "न"), ("de", "दे"),
             ("pa", "प"), ("su", "सु"), ("la", "ला"), ("ja", "ज"), ("ya", "य"), ("ti", "ति"), ("ga", "ग"),
             ("ha", "ह"), ("mo", "मो"), ("ku", "कु"), ("ro", "रो"), ("bha", "भ"), ("dha", "ध"), ("ni", "नि"),
             ("sa", "स"), ("va", "व"), ("ri", "रि"), ("chan", "चं"), ("dra", "द्र"), ("pra", "प्र"), ("ksh", "क्ष")]
SURNAMES = [("Singh", "सिंह"), ("Kumar", "कुमार"), ("Yadav", "यादव"), ("Sharma", "शर्मा"), ("Verma", "वर्मा"),
            ("Gupta", "गुप्ता"), ("Mishra", "मिश्रा"), ("Pathak", "पाठक"), ("Rao", "राव"), ("Reddy", "रेड्डी"),
            ("Nair", "नायर"), ("Patel", "पटेल"), ("Das", "दास"), ("Joshi", "जोशी"), ("Tiwari", "तिवारी")]
PORTFOLIOS = [("Finance", "वित्त"), ("Health", "स्वास्थ्य"), ("Education", "शिक्षा"), ("Industries", "उद्योग"),
              ("MSME", "एमएसएमई"), ("Agriculture", "कृषि"), ("Home", "गृह"), ("Revenue", "राजस्व"),
              ("Transport", "परिवहन"), ("Energy", "ऊर्जा"), ("Tourism", "पर्यटन"), ("Labour", "श्रम"),
              ("Housing", "आवास"), ("Forest", "वन"), ("Irrigation", "सिंचाई"), ("Sports", "खेल"),
              ("Culture", "संस्कृति"), ("Women and Child Development", "महिला एवं बाल विकास"),
              ("Rural Development", "ग्राम्य विकास"), ("Food and Civil Supplies", "खाद्य एवं रसद"),
              ("Information Technology", "सूचना प्रौद्योगिकी"), ("Urban Development", "नगर विकास"),
              ("Panchayati Raj", "पंचायती राज"), ("Social Welfare", "समाज कल्याण"), ("Textiles", "वस्त्र")]


def jurisdictions():
    import tomllib
    from importlib import resources

    data = tomllib.loads(resources.files("claimcheck.data").joinpath("regions.toml").read_text(encoding="utf-8"))
    out = []
    for code, v in data.items():
        if isinstance(v, dict) and code.startswith("IN-"):
            en = v.get("en") or v.get("name_en") or code
            hi = v.get("hi") or v.get("name_hi") or ""
            out.append((code, en[0] if isinstance(en, list) else en, hi[0] if isinstance(hi, list) else hi))
    return out or [("IN-UP", "Uttar Pradesh", "उत्तर प्रदेश")]


def posts(code: str, en: str, hi: str):
    """(position_id, label_en, label_hi, titles) of one jurisdiction."""
    slug = code.lower()
    yield f"{slug}.chief-minister", f"Chief Minister of {en}", f"{hi} के मुख्यमंत्री", ("मुख्यमंत्री", "Chief Minister", "CM")
    yield f"{slug}.chief-secretary", f"Chief Secretary of {en}", f"{hi} के मुख्य सचिव", ("मुख्य सचिव", "Chief Secretary")
    for p_en, p_hi in PORTFOLIOS:
        ps = p_en.lower().replace(" ", "-")
        yield (f"{slug}.minister.{ps}", f"{p_en} Minister of {en}", f"{hi} के {p_hi} मंत्री",
               (f"{p_hi} मंत्री", f"{p_en} Minister", f"Minister of {p_en}"))
        yield (f"{slug}.principal-secretary.{ps}", f"Principal Secretary, {p_en}, {en}", f"प्रमुख सचिव {p_hi}",
               (f"प्रमुख सचिव {p_hi}", f"Principal Secretary, {p_en}", f"Principal Secretary {p_en}"))
    for d in range(8):
        yield (f"{slug}.dm.district-{d}", f"District Magistrate, District {d}, {en}", f"जिलाधिकारी जिला {d}",
               (f"जिलाधिकारी जिला {d}", f"District Magistrate District {d}"))


def generate(rows: int, seed: int = 5):
    from claimcheck.reference import Person, Position, References, Tenure

    rng = random.Random(seed)
    positions = {}
    for code, en, hi in jurisdictions():
        for pid, l_en, l_hi, titles in posts(code, en, hi):
            positions[pid] = Position(position_id=pid, label_en=l_en, label_hi=l_hi, jurisdiction=code,
                                      titles=titles, single_holder=True, notes="")
    pids = sorted(positions)
    persons: dict[str, Person] = {}
    tenures = []
    made = 0
    for i, pid in enumerate(pids):
        per_post = rows // len(pids) + (1 if i < rows % len(pids) else 0)
        end = dt.date(2025, 6, 1) - dt.timedelta(days=rng.randint(0, 300))
        for j in range(per_post):
            start = end - dt.timedelta(days=rng.randint(365, 4 * 365))
            k = len(persons)
            parts = [rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))]
            sur = rng.choice(SURNAMES)
            given_en = "".join(p[0] for p in parts).capitalize()
            given_hi = "".join(p[1] for p in parts)
            per_id = f"p{k:06d}"
            persons[per_id] = Person(person_id=per_id, label_en=f"{given_en} {sur[0]}",
                                     label_hi=f"{given_hi} {sur[1]}", aliases=(), notes="")
            tenures.append(Tenure(tenure_id=f"t{made:06d}", person_id=per_id, position_id=pid,
                                  start=start.isoformat(), end=end.isoformat() if j else None,
                                  end_cause="", nature="regular", last_attested="" if j else "2025-06", source_url="https://example.org/", source="generated", confidence="high",
                                  notes=""))
            made += 1
            end = start
    return References(persons=persons, positions=positions, tenures=tuple(tenures))


def claims(refs, n: int, seed: int = 9):
    from claimcheck.model import Claim

    rng = random.Random(seed)
    ts = [t for t in refs.tenures if t.start]
    names = {code: (en, hi) for code, en, hi in jurisdictions()}
    out = []
    for i in range(n):
        t = rng.choice(ts)
        pos = refs.positions[t.position_id]
        per = refs.persons[t.person_id]
        s = dt.date.fromisoformat(t.start)
        e = dt.date.fromisoformat(t.end) if t.end else dt.date(2025, 6, 1)
        when = s + dt.timedelta(days=max(1, (e - s).days // 2))
        kind = i % 4
        hindi = i % 2 == 0
        name = per.label_hi if hindi else per.label_en
        if kind == 1:  # somebody else's name
            name = rng.choice(list(refs.persons.values())).label_hi if hindi else rng.choice(
                list(refs.persons.values())).label_en
        elif kind == 2:
            name = "अनाम व्यक्ति" if hindi else "Nobody Unknown"
        office = pos.titles[0] if hindi else pos.titles[1]
        jur = names[pos.jurisdiction][1 if hindi else 0] if i % 3 else None  # a third leave it to the article
        out.append((Claim(doc="bench", kind="officeholder", text=f"{office} {name}", start=0, end=1, person=name,
                          office=office, offices=(office,), jurisdiction=jur,
                          subtype="former" if kind == 3 else None, region_code=pos.jurisdiction), when,
                    pos.jurisdiction))
    return out


def bench(rows: int, n: int) -> dict:
    from claimcheck.judge.officeholders import judge as people

    t = time.perf_counter()
    refs = generate(rows)
    gen = time.perf_counter() - t
    t = time.perf_counter()
    people.prepare(refs)
    prep = time.perf_counter() - t
    cs = claims(refs, n)
    t = time.perf_counter()
    for c, when, region in cs:  # warm-up: lazy per-post and per-jurisdiction indexes
        people.check_officeholder(c, refs, when, region=region)
    warm = time.perf_counter() - t
    times = []
    outcomes: dict[str, int] = {}
    memo = people.prepare(refs).verdicts  # verdicts already reached: cleared so every timed call matches afresh
    for c, when, region in cs:
        memo.clear()
        t = time.perf_counter()
        v = people.check_officeholder(c, refs, when, region=region)
        times.append(time.perf_counter() - t)
        outcomes[v.outcome] = outcomes.get(v.outcome, 0) + 1
    return {"rows": len(refs.tenures), "persons": len(refs.persons), "positions": len(refs.positions),
            "generate": gen, "prepare": prep, "first_pass": warm / n, "median": statistics.median(times),
            "p95": sorted(times)[int(0.95 * len(times)) - 1], "outcomes": outcomes}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", default="1000,10000,100000")
    ap.add_argument("--claims", type=int, default=300)
    ap.add_argument("--profile", type=int, help="cProfile the claims at this table size")
    args = ap.parse_args()
    sizes = [int(x) for x in args.rows.split(",")]
    if args.profile:
        import cProfile
        import pstats

        from claimcheck.judge.officeholders import judge as people

        refs = generate(args.profile)
        cs = claims(refs, args.claims)
        prof = cProfile.Profile()
        prof.enable()
        people.prepare(refs)
        for c, when, region in cs:
            people.check_officeholder(c, refs, when, region=region)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        return 0
    print(f"officeholder matching, {args.claims} claims per table (true/wrong/unknown/former, Hindi and English)")
    print(f"{'rows':>8} {'persons':>8} {'posts':>6} {'index build':>12} {'cold/claim':>11} {'median/claim':>13} "
          f"{'p95/claim':>10} {'growth':>7}  outcomes")
    prev = None
    for rows in sizes:
        r = bench(rows, args.claims)
        growth = f"{r['median'] / prev['median']:6.2f}x" if prev else "      -"
        print(f"{r['rows']:8} {r['persons']:8} {r['positions']:6} {r['prepare'] * 1000:10.0f}ms "
              f"{r['first_pass'] * 1000:9.2f}ms {r['median'] * 1000:11.3f}ms {r['p95'] * 1000:8.3f}ms {growth}  "
              f"{dict(sorted(r['outcomes'].items()))}")
        prev = r
    print("growth = median per-claim time against the previous (10x smaller) table; sub-linear means < 10x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
