"""Lexicon schemas: every data file in claimcheck/data has one; a typo in a lexicon is one ``file:line: message``
line and exit 2 (from ``claimcheck data validate`` and when the lexicon is loaded), never an internal error."""

from __future__ import annotations

import re
import shutil
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli.data import data_app
from claimcheck.errors import DataError
from claimcheck.find import lexicon

runner = CliRunner()
DATA = Path(str(resources.files("claimcheck.data")))


def test_every_lexicon_file_has_a_schema_and_the_shipped_ones_pass():
    assert sorted(p.stem for p in DATA.glob("*.toml")) == sorted(lexicon.NAMES)
    assert sorted(p.stem for p in (DATA / "schema").glob("*.json")) == sorted(lexicon.NAMES)
    assert lexicon.validate_shipped() == []


def edited(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, int]:
    """A copy of the shipped lexicon ``name`` with ``old`` replaced by ``new`` once, and the line of the edit."""
    raw = (DATA / f"{name}.toml").read_text(encoding="utf-8")
    assert raw.count(old) >= 1, old
    at = raw.index(old)
    path = tmp_path / f"{name}.toml"
    path.write_text(raw.replace(old, new, 1), encoding="utf-8")
    return path, raw.count("\n", 0, at) + 1


def validate(path: Path):
    r = runner.invoke(data_app, ["validate", str(path)])
    lines = [ln for ln in r.stdout.splitlines() if ln.strip()]
    return r.exit_code, lines


def test_mistyped_key_is_one_line_naming_file_and_line(tmp_path):
    path, line = edited(tmp_path, "dates", "oclock = [", "oclok = [")
    code, lines = validate(path)
    assert code == 2
    # the unknown key, and the key it was meant to be is now missing: both point at the table
    assert lines[0] == f"{path}:{line}: unknown key 'oclok' in [time] (did you mean 'oclock'?)"
    assert all(re.match(rf"{re.escape(str(path))}:\d+: ", ln) for ln in lines)


def test_unknown_key_alone_is_exactly_one_line(tmp_path):
    path, line = edited(tmp_path, "quantities", "[emphatic]\n", "[emphatic]\nextra = [\"x\"]\n")
    code, lines = validate(path)
    assert code == 2 and lines == [f"{path}:{line + 1}: unknown key 'extra' in [emphatic] (allowed: forms)"]


def test_wrong_type_is_one_line(tmp_path):
    path, line = edited(tmp_path, "numbers", "value = 12\n", "value = \"12\"\n")
    code, lines = validate(path)
    assert code == 2 and lines == [f"{path}:{line}: scales.dozen.value must be an integer, not a string"]


def test_wrong_element_type_in_a_list_is_one_line(tmp_path):
    path, line = edited(tmp_path, "regions", 'en = ["Bihar"]', 'en = ["Bihar", 7]')
    code, lines = validate(path)
    assert code == 2
    assert lines == [f"{path}:{line}: IN-BR.en must be a list of strings, not a list holding an integer (7)"]


def test_missing_required_key_names_its_table(tmp_path):
    path, line = edited(tmp_path, "numbers", "[scales.dozen]\nvalue = 12\n", "[scales.dozen]\n")
    code, lines = validate(path)
    assert code == 2 and lines == [f"{path}:{line}: missing required key 'value' in [scales.dozen]"]


def test_invalid_toml_is_one_line(tmp_path):
    path, line = edited(tmp_path, "titles", 'hi = ["ने"]', 'hi = ["ने"')
    code, lines = validate(path)
    assert code == 2 and len(lines) == 1
    assert re.fullmatch(rf"{re.escape(str(path))}:\d+: not valid TOML: .+", lines[0]), lines
    assert line <= int(lines[0][len(str(path)) + 1:].split(":")[0]) <= line + 1


def test_a_file_with_no_schema_is_a_problem_not_a_crash(tmp_path):
    path = tmp_path / "colours.toml"
    path.write_text("[red]\nhi = [\"लाल\"]\n", encoding="utf-8")
    code, lines = validate(path)
    assert code == 2 and lines == [f"{path}:1: no schema for a lexicon named 'colours' (lexicons: "
                                   f"{', '.join(lexicon.NAMES)})"]


def test_good_lexicon_copy_validates(tmp_path):
    path = tmp_path / "measures.toml"
    shutil.copy(DATA / "measures.toml", path)
    code, lines = validate(path)
    assert code == 0 and lines == ["ok: 1 lexicons"]


def test_loading_a_broken_lexicon_raises_a_data_error_with_file_and_line(tmp_path, monkeypatch):
    """What ``check`` meets when an installed lexicon was edited badly: a DataError (exit 2), not a KeyError."""
    shutil.copytree(DATA, tmp_path / "data")
    path, line = edited(tmp_path / "data", "names", "drop_final_a = true", "drop_final_a = \"yes\"")
    monkeypatch.setattr(lexicon.resources, "files", lambda package: tmp_path / "data")
    build = lexicon.load
    while hasattr(build, "__wrapped__"):  # below the in-process and persistent caches
        build = build.__wrapped__
    with pytest.raises(DataError) as e:
        build("names")
    assert str(e.value) == f"{path}:{line}: fold.drop_final_a must be true or false, not a string"
