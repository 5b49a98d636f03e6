"""Options.discover: configuration ([tool.claimcheck] in pyproject.toml, or claimcheck.toml) plus overrides, and
`claimcheck config show`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import api
from claimcheck.cli import main as cli
from claimcheck.errors import UsageError
from claimcheck.options import Options

from paths import ROOT
from standins import fake_run
from test_render import sample_report


def write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_defaults_when_nothing_is_found(tmp_path):
    cfg = Options.discover([str(tmp_path / "a.txt")], cwd=tmp_path)
    assert cfg.config_path is None and cfg == Options()
    assert cfg.fail_on == ("contradicted", "outdated") and cfg.source("fail_on") == "default"


def test_pyproject_found_by_walking_up_from_the_checked_file(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname="x"\n[tool.claimcheck]\nfail_on = ["outdated"]\n'
                                       'refs = ["data/people.csv"]\nlang = "hi"\nregion = "IN-UP"\n')
    draft = write(tmp_path / "desk" / "today" / "a.md", "x")
    elsewhere = tmp_path.parent  # cwd outside the project: the file's location decides
    cfg = Options.discover([str(draft)], cwd=elsewhere)
    assert cfg.config_path == str((tmp_path / "pyproject.toml").resolve())
    assert cfg.fail_on == ("outdated",) and cfg.source("fail_on") == cfg.config_path
    assert cfg.refs == (str((tmp_path / "data" / "people.csv").resolve()),)
    assert (cfg.lang, cfg.region) == ("hi", "IN-UP")


def test_claimcheck_toml_wins_over_pyproject_in_the_same_directory(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.claimcheck]\nlang = 'en'\n")
    write(tmp_path / "claimcheck.toml", "lang = 'hi'\n")
    assert Options.discover(["a.txt"], cwd=tmp_path).lang == "hi"


def test_nearest_file_wins(tmp_path):
    write(tmp_path / "claimcheck.toml", "lang = 'en'\n")
    write(tmp_path / "sub" / "claimcheck.toml", "[tool.claimcheck]\nlang = 'hi'\n")
    draft = write(tmp_path / "sub" / "deeper" / "a.txt", "x")
    assert Options.discover([str(draft)], cwd=tmp_path).lang == "hi"


def test_pyproject_without_our_table_is_passed_over(tmp_path):
    write(tmp_path / "claimcheck.toml", "fail_on = 'contradicted'\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'other'\n")
    draft = write(tmp_path / "pkg" / "a.txt", "x")
    cfg = Options.discover([str(draft)], cwd=tmp_path / "pkg")
    assert cfg.config_path == str((tmp_path / "claimcheck.toml").resolve())
    assert cfg.fail_on == ("contradicted",)


def test_cwd_is_searched_for_stdin(tmp_path):
    write(tmp_path / "claimcheck.toml", "ignore = ['abc0123456789def']\n")
    assert Options.discover(["-"], cwd=tmp_path).ignore == ("abc0123456789def",)


def test_command_line_overrides_and_says_so(tmp_path):
    write(tmp_path / "claimcheck.toml", "fail_on = 'contradicted'\ntolerances = {quantity = 0.05}\n")
    cfg = Options.discover(["a.txt"], cwd=tmp_path, fail_on="ambiguous", lang=None, jobs=2)
    assert cfg.fail_on == ("ambiguous",) and cfg.source("fail_on") == "command line"
    assert cfg.tolerances == {"quantity": 0.05} and cfg.source("tolerances").endswith("claimcheck.toml")
    assert cfg.source("lang") == "default" and cfg.lang == "auto"  # None: not given
    assert cfg.jobs == 2 and cfg.source("jobs") == "command line"


def test_refs_given_extend_the_configured_ones(tmp_path):
    write(tmp_path / "claimcheck.toml", "refs = ['mine.csv']\n")
    cfg = Options.discover(["a.txt"], cwd=tmp_path, refs=["extra.csv"])
    assert cfg.refs == (str((tmp_path / "mine.csv").resolve()), "extra.csv")
    assert cfg.source("refs") == f"{(tmp_path / 'claimcheck.toml').resolve()} + command line"
    assert Options.discover(["a.txt"], cwd=tmp_path, refs=[]).source("refs").endswith("claimcheck.toml")


@pytest.mark.parametrize("override,needle", [
    ({"lang": "fr"}, "command line: lang must be hi, en or auto"),
    ({"fail_on": "bogus"}, "command line: fail-on: unknown verdict 'bogus'"),
    ({"as_of": "30/08/2024"}, "bad date '30/08/2024'"),
    ({"command": "render"}, "unknown command 'render'"),
])
def test_bad_overrides_are_usage_errors(tmp_path, override, needle):
    with pytest.raises(UsageError, match=needle):
        Options.discover(["a.txt"], cwd=tmp_path, **override)


def test_an_unknown_override_is_a_programming_error(tmp_path):
    with pytest.raises(TypeError, match="colour"):
        Options.discover(["a.txt"], cwd=tmp_path, colour="red")


@pytest.mark.parametrize("body,needle", [
    ("colour = 'red'\n", "unknown configuration key(s) colour"),
    ("fail_on = ['wrong']\n", "unknown verdict 'wrong'"),
    ("lang = 'fr'\n", "lang must be hi, en or auto"),
    ("tolerances = {quantity = 7}\n", "tolerances.quantity must be a number between 0 and 1"),
    ("refs = 3\n", "refs must be a string or a list of strings"),
    ("lang = \n", "not valid TOML"),
    ("region = 'XX-YY'\n", "region 'XX-YY' is not a region code"),
    ("tolerances = {quantiy = 0.05}\n", "tolerances.quantiy: not a claim kind"),
    ("fail_on = ''\n", "fail-on is empty"),
])
def test_bad_configuration_names_the_file(tmp_path, body, needle):
    path = write(tmp_path / "claimcheck.toml", body)
    with pytest.raises(UsageError) as e:
        Options.discover(["a.txt"], cwd=tmp_path)
    assert needle in str(e.value) and str(e.value).startswith(str(path.resolve()))


def test_config_show_prints_values_and_sources(tmp_path, monkeypatch):
    cfgfile = write(tmp_path / "claimcheck.toml", "fail_on = ['outdated']\nignore = ['तीन मेगा ग्रुप्स']\n")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli.app, ["config", "show", "--lang", "en"])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    where = str(cfgfile.resolve())
    assert lines[0] == f"# configuration file: {where}"
    assert f'fail_on = ["outdated"]  # {where}' in lines
    assert 'lang = "en"  # command line' in lines
    assert 'ignore = ["तीन मेगा ग्रुप्स"]  # ' + where in lines
    assert "baseline = null  # default" in lines


def test_check_uses_the_discovered_configuration(tmp_path, monkeypatch):
    write(tmp_path / "claimcheck.toml", "fail_on = 'none'\nlang = 'hi'\nrefs = ['mine.csv']\nregion = 'IN-BR'\n"
                                        "tolerances = {quantity = 0.05}\n")
    header = (ROOT / "reference_data" / "persons.csv").read_text(encoding="utf-8").splitlines()[0]
    for name in ("mine.csv", "extra.csv"):  # the tables are read (and validated) before any document
        write(tmp_path / name, header + "\n")
    calls: list[dict] = []
    monkeypatch.setattr(api, "run", fake_run(sample_report().results, calls))
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli.app, ["check", "draft.txt", "-f", "jsonl", "--refs", "extra.csv"])
    assert r.exit_code == 0, r.stderr  # fail_on = none from the file: the sample's findings do not gate
    options = calls[0]["options"]
    assert options.lang == "hi" and options.command == "check"
    assert options.refs == (str((tmp_path / "mine.csv").resolve()), "extra.csv")
    assert options.region == "IN-BR" and options.tolerances == {"quantity": 0.05}
    r = CliRunner().invoke(cli.app, ["check", "draft.txt", "-f", "jsonl", "--fail-on", "outdated"])
    assert r.exit_code == 1


def test_bad_configuration_is_exit_2_one_line(tmp_path, monkeypatch):
    write(tmp_path / "claimcheck.toml", "whatever = 1\n")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli.app, ["check", "draft.txt", "-f", "jsonl"])
    assert r.exit_code == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "unknown configuration key" in r.stderr
