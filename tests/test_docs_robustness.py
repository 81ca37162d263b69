"""The "Robustness and security" page states the limits the code enforces.

Every module-level limit of the package (a public ``MAX_*`` constant, found by
reading the source with ``ast``, plus the echo limit and the longest session)
must have a row in the page's table of limits that names the constant and
gives its value; a row that names a constant gives the value the code has.
Change a limit and this test says which line of docs/robustness.md to fix.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path
from typing import get_args

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "robustness.md"
SRC = ROOT / "src" / "carecontinuum"
_LIMIT_NAME = re.compile(r"^(?:MAX_[A-Z_]+|ECHO_LIMIT)$")


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _limits_in_source() -> list[tuple[str, str]]:
    """(module, name) of every module-level limit constant assigned in the package."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            for target in targets:
                if isinstance(target, ast.Name) and _LIMIT_NAME.match(target.id):
                    found.append((_module_name(path), target.id))
    return found


LIMITS = _limits_in_source()


def _table_rows() -> dict[str, str]:
    """The rows of the page's table of limits, keyed by the constant each names."""
    text = PAGE.read_text(encoding="utf-8")
    section = text.split("## The limits", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[2].startswith("`"):
            rows[cells[2].split("`")[1]] = cells[1]
    return rows


def _states(cell: str, value: int) -> bool:
    return cell in {str(value), f"{value:,}"}


def test_the_source_has_the_limits_the_page_was_written_for() -> None:
    names = {name for _, name in LIMITS}
    expected = {"MAX_QUANTITY_LENGTH", "MAX_DEPTH", "MAX_INT_DIGITS", "ECHO_LIMIT"}
    assert expected <= names, f"limits not found in the source: {expected - names}"


@pytest.mark.parametrize(("module", "name"), LIMITS, ids=[f"{m}.{n}" for m, n in LIMITS])
def test_every_limit_is_on_the_page_with_its_value(module: str, name: str) -> None:
    value = getattr(importlib.import_module(module), name)
    assert isinstance(value, int)
    rows = _table_rows()
    assert name in rows, f"docs/robustness.md has no row for {module}.{name} = {value:,}"
    assert _states(rows[name], value), (
        f"docs/robustness.md says {name} is {rows[name]!r}; {module} has {value:,}"
    )


def test_every_row_names_a_limit_of_the_code() -> None:
    names = {name for _, name in LIMITS} | {"SessionHours", "datetime.date.min"}
    unknown = set(_table_rows()) - names
    assert not unknown, f"rows naming constants the code does not have: {unknown}"


def test_the_longest_session_is_the_one_the_model_enforces() -> None:
    from carecontinuum.schedules._session import SessionHours

    marker = get_args(SessionHours)[1]
    assert marker.le == 24
    assert _states(_table_rows()["SessionHours"], marker.le)


def test_the_page_is_in_the_site_index() -> None:
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    for page in ("robustness", "errors", "contract"):
        assert re.search(rf"^{page}$", index, re.M), f"{page} is not in a toctree of index.md"
