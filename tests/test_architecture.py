"""The shape of the package, checked (issue 11; docs/architecture.md).

* the layer contract of ``pyproject.toml`` (import-linter) holds, with no
  exception listed;
* no import cycle among lexversion's modules, imports inside functions
  included (grimp reads every import statement; ``graphlib`` finds the cycle);
* no module of 800 lines or more, and at most three functions over 80 lines
  (Alembic migrations aside): a function that fits in a head does one job.

The figures are printed by ``python -m tests.test_architecture`` for the
closing note of a change.
"""

from __future__ import annotations

import ast
import graphlib
import sys
import tomllib
from pathlib import Path

import grimp
import pytest
from importlinter.cli import lint_imports

from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "src" / "lexversion"
MAX_MODULE_LINES = 800
MAX_FUNCTION_LINES = 80
MAX_LONG_FUNCTIONS = 3


def _sources() -> list[Path]:
    """Every Python module of the package, migrations aside (they are generated shapes)."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def long_functions() -> list[tuple[int, str]]:
    """``(lines, "module.py:function")`` of every function longer than the limit, longest first."""
    out = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = (node.end_lineno or node.lineno) - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    out.append((n, f"{path.relative_to(PACKAGE)}:{node.name}"))
    return sorted(out, reverse=True)


def module_sizes() -> list[tuple[int, str]]:
    """``(lines, "module.py")`` of every module, largest first."""
    sizes = [
        (len(p.read_text(encoding="utf-8").splitlines()), str(p.relative_to(PACKAGE)))
        for p in _sources()
    ]
    return sorted(sizes, reverse=True)


def import_cycle() -> tuple[str, ...] | None:
    """One cycle of lexversion modules importing each other, or ``None``."""
    graph = grimp.build_graph("lexversion", cache_dir=None)
    deps = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    try:
        graphlib.TopologicalSorter(deps).prepare()
    except graphlib.CycleError as e:
        return tuple(e.args[1])
    return None


def test_layer_contract_holds_with_no_exceptions() -> None:
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    assert contracts, "pyproject.toml lists no import-linter contract"
    assert not any("ignore_imports" in c for c in contracts), "an exception is listed"
    assert lint_imports(str(REPO_ROOT / "pyproject.toml"), no_cache=True, no_logo=True) == 0


def test_no_import_cycle() -> None:
    assert import_cycle() is None


def test_modules_are_small() -> None:
    largest = module_sizes()[0]
    assert largest[0] < MAX_MODULE_LINES, largest


def test_functions_fit_in_a_head() -> None:
    long = long_functions()
    assert len(long) <= MAX_LONG_FUNCTIONS, long


@pytest.mark.parametrize("limit", [MAX_FUNCTION_LINES])
def test_the_function_count_sees_a_long_function(limit: int, tmp_path: Path) -> None:
    """The counter itself: a function of ``limit + 1`` lines is seen, one of ``limit`` is not."""
    body = "\n".join(f"    x{i} = {i}" for i in range(limit - 1))
    tree = ast.parse(f"def f():\n{body}\n\ndef g():\n{body}\n    y = 0\n")
    lengths = {
        n.name: (n.end_lineno or 0) - n.lineno + 1
        for n in ast.walk(tree)
        if isinstance(n, ast.FunctionDef)
    }
    assert lengths == {"f": limit, "g": limit + 1}


if __name__ == "__main__":  # figures for a closing note
    print("import cycle:", import_cycle() or "none")
    print("largest modules:", *(f"{n} {m}" for n, m in module_sizes()[:5]), sep="\n  ")
    print(f"functions over {MAX_FUNCTION_LINES} lines:", *long_functions(), sep="\n  ")
    sys.exit(0)
