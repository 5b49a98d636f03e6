"""`claimcheck --help` and `--version` load neither the pipeline stages nor rich (issue 15, start-up).

The figures (CPU time against `python -c 'import typer'`) are in benchmarks/README.md; this only checks which
modules a help or version run imports, in a fresh interpreter.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PROBE = """
import json, sys
sys.argv = ["claimcheck", *json.loads(sys.argv[1])]
from claimcheck.cli.main import main
try:
    main()
except SystemExit:
    pass
heavy = ("claimcheck.find", "claimcheck.judge", "claimcheck.reference", "claimcheck.read", "claimcheck.report",
         "claimcheck.run", "claimcheck.api", "rich", "markdown_it")
sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m.startswith(heavy))))
"""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["check", "--help"], ["extract", "--help"],
                                  ["baseline", "create", "--help"], ["data", "--help"]])
def test_help_and_version_import_no_stage(args):
    p = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True, timeout=60)
    assert p.stdout.strip(), p.stderr  # the help or the version was printed
    assert json.loads(p.stderr.strip().splitlines()[-1]) == []


def test_library_names_still_import_from_the_package():
    import claimcheck

    assert callable(claimcheck.extract) and claimcheck.Options is not None and claimcheck.__version__
    assert "check_paths" in dir(claimcheck)
    with pytest.raises(AttributeError):
        claimcheck.no_such_name  # noqa: B018
