"""Run every docstring example in the package.

Public objects keep their defining module as ``__module__``, so the standard
:class:`doctest.DocTestFinder` finds every example by walking the modules.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import carecontinuum


def _collect() -> dict[str, doctest.DocTest]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    names = ["carecontinuum"] + [
        info.name
        for info in pkgutil.walk_packages(carecontinuum.__path__, "carecontinuum.")
        if not info.name.endswith("__main__")
    ]
    tests: dict[str, doctest.DocTest] = {}
    for name in names:
        for test in finder.find(importlib.import_module(name)):
            if test.examples:
                tests[test.name] = test
    return dict(sorted(tests.items()))


_TESTS = _collect()


def test_examples_were_found() -> None:
    assert len(_TESTS) >= 130


@pytest.mark.parametrize("name", list(_TESTS))
def test_docstring_example(name: str) -> None:
    test = _TESTS[name]
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    test.globs = dict(test.globs)
    # examples run as a user's code would: without the module's `from __future__ import
    # annotations`, which doctest would otherwise apply to every example
    test.globs.pop("annotations", None)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} example(s) failed in {name}"
