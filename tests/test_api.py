"""The public API: what __all__ promises, docstring examples, functions that stay functions, and the library call
that reproduces a CLI run (README "A CLI run, from Python")."""

import doctest
import os
import subprocess
import sys

import pytest

import claimcheck
import claimcheck.api
import claimcheck.options
import claimcheck.run.batch
import claimcheck.run.collect
import claimcheck.run.process


def test_all_names_exist():
    for name in claimcheck.__all__:
        assert hasattr(claimcheck, name), name


def test_extract_stays_a_function_after_use():
    claimcheck.extract("96 लाख")
    claimcheck.check("96 लाख", as_of="2024-01-01")
    assert callable(claimcheck.extract) and callable(claimcheck.check)


@pytest.mark.parametrize("module", [claimcheck, claimcheck.api, claimcheck.options, claimcheck.run.batch,
                                    claimcheck.run.collect, claimcheck.run.process])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted and not result.failed


def test_bad_date_is_a_usage_error():
    with pytest.raises(claimcheck.UsageError):
        claimcheck.extract("x", as_of="30/08/2024")


# ---- the library reproduces a CLI run: configuration, baseline, rendering and exit status ----------------------

FIRST = "# बैठक\n\nइनवेस्ट यूपी के सीईओ अभिषेक प्रकाश ने आज निवेशकों के साथ बैठक की।\n"
LATER = ("\nउत्तर प्रदेश के मुख्य सचिव दुर्गा शंकर मिश्र ने भी बैठक ली।\n\n"
         "राष्ट्रीय नमूना सर्वेक्षण के अनुसार उत्तर प्रदेश में 50 लाख एमएसएमई यूनिट हैं।\n")


def _cli(*args: str, cwd) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CLAIMCHECK_DEBUG"}
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=cwd, capture_output=True, timeout=300,
                          env=env)


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """A draft whose first finding was accepted in the configured baseline; then it gained two more findings, one of
    which the configuration ignores."""
    (tmp_path / "claimcheck.toml").write_text('baseline = "accepted.json"\nignore = ["मुख्य सचिव दुर्गा शंकर मिश्र"]\n',
                                              encoding="utf-8")
    (tmp_path / "draft.md").write_text(FIRST, encoding="utf-8")
    made = _cli("baseline", "create", "draft.md", "--as-of", "2025-06-01", "--reason", "desk", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "accepted.json").is_file()
    (tmp_path / "draft.md").write_text(FIRST + LATER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", ["check", "extract"])
def test_the_readme_call_gives_what_the_cli_gives(newsroom, command):
    from claimcheck.report.render import render

    cli = _cli(command, "--format", "json", "--as-of", "2025-06-01", "draft.md", cwd=newsroom)
    options = claimcheck.Options.discover(["draft.md"], command=command, as_of="2025-06-01")
    report = claimcheck.check_paths(["draft.md"], options)
    assert render(report, "json").encode("utf-8") == cli.stdout
    assert int(claimcheck.exit_status(report, options)) == cli.returncode, cli.stderr
    if command == "check":
        assert cli.returncode == 1  # the new figure gates
        why = {cc.claim.text: cc.suppressed for r in report.results for cc in r.checked}
        assert why["मुख्य सचिव दुर्गा शंकर मिश्र"] == "config ignore"
        assert "baseline: desk" in why.values()
        assert options.baseline == str(newsroom / "accepted.json")
        assert options.source("baseline") == str(newsroom / "claimcheck.toml")


def test_the_baseline_call_gives_what_the_cli_writes(newsroom):
    from dataclasses import replace

    from claimcheck.report import baseline as bl

    options = claimcheck.Options.discover(["draft.md"], as_of="2025-06-01")
    report = claimcheck.start(["draft.md"], replace(options, baseline=None)).finish().report
    previous = bl.load(options.baseline)
    base, stats = claimcheck.api.baseline(report, previous=previous, reason="later")
    assert stats == {"kept": 1, "added": 2, "removed": 0}
    assert _cli("baseline", "update", "draft.md", "--as-of", "2025-06-01", "--reason", "later",
                cwd=newsroom).returncode == 0
    assert (newsroom / "accepted.json").read_text(encoding="utf-8") == base.to_json()


def test_options_travel_to_workers_and_compare_by_value():
    import pickle

    opts = claimcheck.Options(as_of="2024-08-30", tolerances={"quantity": 0.1}, refs=["a.csv"])
    assert pickle.loads(pickle.dumps(opts)) == opts
    assert opts.refs == ("a.csv",) and opts.as_of.isoformat() == "2024-08-30"
    with pytest.raises(claimcheck.UsageError, match="bad date"):
        claimcheck.Options(as_of="yesterday")
