"""Run every docstring example in the package.

Public classes report ``carecontinuum`` as their module, which hides them from
``--doctest-modules``; this collector walks every module and every public
object instead, so no example is skipped.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from types import ModuleType

import pytest

import carecontinuum


def _modules() -> list[ModuleType]:
    found = [carecontinuum]
    for info in pkgutil.walk_packages(carecontinuum.__path__, "carecontinuum."):
        if info.name.endswith("__main__"):
            continue
        found.append(importlib.import_module(info.name))
    return found


def _collect() -> dict[str, doctest.DocTest]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    tests: dict[str, doctest.DocTest] = {}
    for module in _modules():
        for test in finder.find(module):
            tests.setdefault(test.name, test)
        for name, obj in vars(module).items():
            if name.startswith("_") or not isinstance(obj, type):
                continue
            if str(getattr(obj, "__module__", "")).startswith("carecontinuum"):
                qualified = f"{obj.__module__}.{obj.__qualname__}"
                for test in finder.find(obj, qualified, module=False, globs=dict(vars(module))):
                    tests.setdefault(test.name, test)
    return {name: t for name, t in sorted(tests.items()) if t.examples}


_TESTS = _collect()


def test_examples_were_found() -> None:
    assert len(_TESTS) >= 20


@pytest.mark.parametrize("name", list(_TESTS))
def test_docstring_example(name: str) -> None:
    test = _TESTS[name]
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    test.globs = dict(test.globs)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} example(s) failed in {name}"
