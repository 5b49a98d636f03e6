"""The package layout is the pipeline: stages as folders, each importing only the stages before it.

Reads the source tree's import statements (nothing is imported or run), so it guards the shape a newcomer sees in
``ls claimcheck/``: at most 8 flat modules, no module over 500 lines, no import cycle, no backward import.
"""

from __future__ import annotations

import ast
import functools
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent / "claimcheck"
# The pipeline, in order. A module may import from its own stage, from any earlier stage, and from the base.
BASE = ("model", "errors", "options", "cache", "data")
STAGES = ("read", "find", "reference", "judge", "report", "run", "api", "cli")


@functools.cache
def _modules() -> dict[str, pathlib.Path]:
    out = {}
    for f in sorted(ROOT.rglob("*.py")):
        parts = f.relative_to(ROOT.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = f
    return out


def _imports(name: str, path: pathlib.Path) -> set[str]:
    is_pkg = path.name == "__init__.py"
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_pkg else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if mod.startswith("claimcheck"):
                subs = {f"{mod}.{a.name}" for a in node.names} & set(_modules())
                out.update(subs or {mod})  # "from claimcheck import cache" depends on the module, not the package
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("claimcheck"))
    mods = _modules()
    return {m for m in out if m in mods and m != name}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _rank(stage: str) -> int:
    if stage in BASE:
        return -1
    if stage in STAGES:
        return STAGES.index(stage)
    return len(STAGES)  # __init__ / __main__: the package's face may import anything


def test_at_most_eight_flat_modules():
    flat = sorted(p.name for p in ROOT.glob("*.py"))
    assert len(flat) <= 8, flat


def test_every_stage_is_a_folder():
    for stage in STAGES:
        assert (ROOT / stage).is_dir() or (ROOT / f"{stage}.py").is_file(), stage


@pytest.mark.parametrize("name,path", sorted(_modules().items()))
def test_no_module_over_500_lines(name, path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 500, name


def test_stages_import_only_earlier_stages():
    bad = []
    for name, path in _modules().items():
        own = _rank(_stage(name))
        for dep in _imports(name, path):
            if _rank(_stage(dep)) > own and own != len(STAGES):
                bad.append(f"{name} -> {dep}")
    assert not bad, bad


def test_no_import_cycles():
    mods = _modules()
    graph = {n: _imports(n, p) for n, p in mods.items()}
    # a package's __init__ and its children naturally refer to each other's names only one way; any cycle counts
    seen: dict[str, int] = {}
    cycles = []

    def visit(n, stack):
        seen[n] = 1
        stack.append(n)
        for d in sorted(graph[n]):
            if seen.get(d) == 1:
                cycles.append(stack[stack.index(d):] + [d])
            elif d not in seen:
                visit(d, stack)
        stack.pop()
        seen[n] = 2

    for n in sorted(graph):
        if n not in seen:
            visit(n, [])
    assert not cycles, cycles[:5]


def test_no_class_is_split_across_files():
    """A class is written in one module: none extends a class imported from another claimcheck module (a mixin
    kept elsewhere to stay under the line budget), except the error hierarchy, whose subclasses are errors."""
    bad = []
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                    and (n.level or (n.module or "").startswith("claimcheck")) for a in n.names}
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for base in node.bases:
                    if isinstance(base, ast.Name) and base.id in imported and not base.id.endswith("Error"):
                        bad.append(f"{name}.{node.name}({base.id})")
    assert not bad, bad
