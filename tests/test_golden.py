"""Golden tests per language: our own short articles, checked as of a fixed date, against reviewed outputs.

The outputs are deterministic (fixed date, input order, no timestamps); run ``pytest --update-golden`` after a
deliberate change and review the diff of ``tests/golden/*.expected.jsonl``.
"""

import json
from pathlib import Path

import pytest

import claimcheck

GOLDEN = Path(__file__).resolve().parent / "golden"
AS_OF = "2024-09-25"
CASES = sorted(p.name for p in GOLDEN.glob("*.txt"))


def render(name: str) -> str:
    text = (GOLDEN / name).read_text(encoding="utf-8")
    lines = []
    for cc in claimcheck.check(text, as_of=AS_OF, doc=name):
        d = cc.to_dict()
        assert text[d["start"]:d["end"]] == d["text"]
        lines.append(json.dumps(d, ensure_ascii=False, sort_keys=True))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", CASES)
def test_golden(name, request):
    expected = GOLDEN / name.replace(".txt", ".expected.jsonl")
    got = render(name)
    if request.config.getoption("--update-golden"):
        expected.write_text(got, encoding="utf-8")
        pytest.skip(f"rewrote {expected.name}")
    assert expected.exists(), f"no golden output yet: run pytest --update-golden and review {expected.name}"
    assert got == expected.read_text(encoding="utf-8")


def test_every_language_has_a_golden_article():
    assert {n.split("-")[0] for n in CASES} >= {"hi", "en"}
