"""``show``: find persons, posts and statistics in the reference tables for ``claimcheck data show QUERY``.

Persons match on any name form (labels and aliases, either script), posts on their labels and title phrases;
an exact name or title beats a partial one. Statistics match when every word of the query names the observation
(its measure, basis, region code or region name, a breakdown value, or a piece of its id). Matching folds case,
Unicode variants (see :func:`claimcheck.read.text.fold_string`), dots and apostrophes: "S.P. Goyal" = "SP Goyal".
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck import cache
from claimcheck.reference import tables as R

_PUNCT = cache.compile(r"[.'’‘\"`]+")
_SPACE = cache.compile(r"[\s,]+")


def norm(s: str) -> str:
    """Fold a name, title or query for comparison."""
    from claimcheck.read.text import fold_string

    return _SPACE.sub(" ", _PUNCT.sub("", fold_string(s).casefold())).strip()


@dataclass(frozen=True)
class ShowResult:
    query: str
    persons: tuple[tuple[R.Person, tuple[R.Tenure, ...]], ...] = ()
    positions: tuple[tuple[R.Position, tuple[R.Tenure, ...]], ...] = ()
    observations: tuple[R.Observation, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.persons or self.positions or self.observations)


def _best(items, forms_of, q: str):
    exact, partial = [], []
    for it in items:
        forms = [norm(f) for f in forms_of(it)]
        if q in forms:
            exact.append(it)
        elif any(q in f for f in forms):
            partial.append(it)
    return exact or partial


def _region_names() -> dict[str, str]:
    """Folded region name -> code, from claimcheck/data/regions.toml."""
    from claimcheck.find.lexicon import load

    out: dict[str, str] = {}
    for code, entry in load("regions").items():
        out[norm(code)] = code
        for name in entry.get("en", []) + entry.get("hi", []):
            out.setdefault(norm(name), code)
    return out


def _obs_words(o: R.Observation, refs: R.References) -> set[str]:
    words = {norm(o.measure), norm(o.basis), norm(o.region)}
    words |= {norm(v) for v in o.breakdown.values()} | {norm(f"{k}={v}") for k, v in o.breakdown.items()}
    b = refs.bases.get(o.basis)
    if b:
        words.add(norm(b.kind))
    return words


def show(query: str, refs: R.References) -> ShowResult:
    """Persons (with their tenures), posts (with their holders) and observations matching ``query``."""
    q = norm(query)
    if not q:
        return ShowResult(query)
    persons = _best(refs.persons.values(), lambda p: (p.person_id, *p.names), q)
    positions = _best(refs.positions.values(), lambda p: (p.position_id, p.label_en, p.label_hi, *p.titles), q)
    # statistics: replace region names (longest first) by their codes, then every word must name the observation
    names = _region_names()
    text = f" {q} "
    for name in sorted(names, key=len, reverse=True):
        if len(name) > 1 and f" {name} " in text:
            text = text.replace(f" {name} ", f" {norm(names[name])} ")
    words = text.split()
    measures = {norm(o.measure) for o in refs.observations}
    obs = []
    for o in refs.observations:
        have = _obs_words(o, refs)
        oid = norm(o.obs_id)
        if all(w in have or (w not in measures and len(w) >= 4 and w in oid) for w in words):
            obs.append(o)
    return ShowResult(
        query=query,
        persons=tuple((p, refs.tenures_for_person(p.person_id)) for p in persons),
        positions=tuple((p, refs.tenures_for_position(p.position_id)) for p in positions),
        observations=tuple(obs),
    )
