"""The suite tests this source tree: in-process imports and the CLI subprocesses both load claimcheck from the
checkout (pyproject's ``pythonpath`` and the editable install of the README's test command), and every test runs
under pytest-timeout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import claimcheck
from paths import ROOT


def test_imports_come_from_this_tree():
    assert Path(claimcheck.__file__).resolve().parent == ROOT / "claimcheck"


def test_cli_subprocesses_run_this_tree(tmp_path):
    p = subprocess.run([sys.executable, "-c", "import claimcheck; print(claimcheck.__file__)"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=60)
    where = Path(p.stdout.strip()).resolve().parent
    assert where == ROOT / "claimcheck", (
        f"a subprocess imports claimcheck from {where}: install this checkout with pip install -e '.[test]'")


def test_every_test_has_a_timeout(pytestconfig):
    assert pytestconfig.pluginmanager.hasplugin("timeout")
    assert float(pytestconfig.getini("timeout")) > 0
