"""The package's import structure: no import cycles inside a subpackage.

Imports are read with :mod:`ast` — module-level, function-level and
``TYPE_CHECKING`` imports alike — so a cycle hidden behind a lazy import is
caught too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "carecontinuum"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every carecontinuum module *path* imports, anywhere in the file."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("carecontinuum"):
                found.add(target)
                found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("carecontinuum"))
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in SRC.rglob("*.py")}
    return {name: {m for m in _imports(path) if m in modules} for name, path in modules.items()}


def _subpackages() -> list[str]:
    return sorted(p.parent.name for p in SRC.glob("*/__init__.py"))


def _cycle(graph: dict[str, set[str]], members: set[str]) -> list[str] | None:
    """One import cycle among *members* (a subpackage's private modules), if any."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node] & members):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(members):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


@pytest.mark.parametrize("package", _subpackages())
def test_no_import_cycle_inside_a_subpackage(package: str) -> None:
    graph = _graph()
    prefix = f"carecontinuum.{package}."
    # the package's __init__ re-exports its modules; cycles among the modules are the point
    members = {m for m in graph if m.startswith(prefix)}
    assert _cycle(graph, members) is None, " → ".join(_cycle(graph, members) or [])


def test_the_reader_sees_imports() -> None:
    graph = _graph()
    assert "carecontinuum.levels._model" in graph["carecontinuum.levels._framework"]
    assert "carecontinuum.errors" in graph["carecontinuum.levels._framework"]
