"""Print the reference-data figures for reference_data/README.md (rows per table, posts, periods).

Run from the repository root with the project's venv: ``python reference_data/scripts/figures.py``. The README's
figures section is this script's output pasted verbatim, so that nobody types the numbers by hand.
"""

from __future__ import annotations

import collections

from claimcheck.reference import COLUMNS, load_references, summary


def main() -> None:
    refs = load_references()
    tables, rows = summary()
    counts = {
        "msme_stats": len(refs.observations), "bases": len(refs.bases), "persons": len(refs.persons),
        "positions": len(refs.positions), "tenures": len(refs.tenures),
    }
    assert sum(counts.values()) == rows and tables == len(COLUMNS)
    print("| table | rows |\n|---|---|")
    for t in COLUMNS:
        print(f"| {t}.csv | {counts[t]} |")
    print(f"| **total** | **{rows}** |\n")

    print("### Observations by basis and measure\n")
    by = collections.Counter((o.basis, o.measure) for o in refs.observations)
    print("| basis | measure | rows | regions |\n|---|---|---|---|")
    for (b, m), n in sorted(by.items()):
        regions = sorted({o.region for o in refs.observations if o.basis == b and o.measure == m})
        print(f"| {b} | {m} | {n} | {', '.join(regions)} |")
    nss_states = sorted({o.region for o in refs.observations if o.basis == "NSS73" and o.measure == "msme_count"
                         and not o.breakdown and o.region != "IN"})
    print(f"\nNSS 73rd round state counts: {len(nss_states)} states ({', '.join(nss_states)}).")
    periods = [o.as_of for o in refs.observations if o.as_of]
    print(f"Udyam/UAM cut-off dates (as_of) range from {min(periods)} to {max(periods)}.\n")

    print("### Posts and tenures\n")
    print("| post | jurisdiction | tenures | earliest start | open (in office per latest source) | "
          "unknown ends |\n|---|---|---|---|---|---|")
    for pid, pos in sorted(refs.positions.items(), key=lambda kv: (kv[1].jurisdiction, kv[0])):
        ts = refs.tenures_for_position(pid)
        known = [t for t in ts if t.start_bounds()[0]]
        open_ = sum(1 for t in ts if t.end is None)
        unknown = sum(1 for t in ts if t.end == "unknown")
        first = min(known, key=lambda t: t.start_bounds()[0]).start if known else "unknown"
        print(f"| {pid} | {pos.jurisdiction} | {len(ts)} | {first} | {open_} | {unknown} |")
    starts = [t.start for t in refs.tenures if t.start_bounds()[0]]
    attested = [t.last_attested for t in refs.tenures if t.last_attested]
    print(f"\n{len(refs.positions)} posts, {len(refs.tenures)} tenures of {len(refs.persons)} persons. "
          f"Earliest start {min(starts)}; latest attestation {max(attested)}; "
          f"{sum(1 for t in refs.tenures if t.start == 'unknown')} tenures with an unknown start, "
          f"{sum(1 for t in refs.tenures if t.end == 'unknown')} with an unknown end.")
    conf = collections.Counter(t.confidence for t in refs.tenures)
    oconf = collections.Counter(o.confidence for o in refs.observations)
    print(f"Confidence: tenures {dict(sorted(conf.items()))}; observations {dict(sorted(oconf.items()))}.")


if __name__ == "__main__":
    main()
