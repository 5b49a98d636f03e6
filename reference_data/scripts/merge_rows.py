"""Merge reviewed rows (a folder of CSVs in the shipped schema) into reference_data/: same id replaces, new id appends."""
import csv, io, sys, pathlib
src = pathlib.Path(sys.argv[1]); dst = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else 'reference_data')
for f in sorted(src.glob('*.csv')):
    target = dst / f.name
    if not target.exists():
        print(f"skip {f.name}: no such shipped table"); continue
    with open(target, encoding='utf-8', newline='') as fh:
        rd = csv.DictReader(fh); cols = rd.fieldnames; rows = list(rd)
    key = cols[0]
    with open(f, encoding='utf-8', newline='') as fh:
        rd2 = csv.DictReader(fh)
        assert rd2.fieldnames == cols, (f, rd2.fieldnames)
        new = list(rd2)
    index = {r[key]: i for i, r in enumerate(rows)}
    rep = add = 0
    for r in new:
        if r[key] in index: rows[index[r[key]]] = r; rep += 1
        else: index[r[key]] = len(rows); rows.append(r); add += 1
    out = io.StringIO(); w = csv.DictWriter(out, fieldnames=cols, lineterminator='\n'); w.writeheader(); w.writerows(rows)
    target.write_text(out.getvalue(), encoding='utf-8')
    print(f"{f.name}: {rep} replaced, {add} added, {len(rows)} rows")
