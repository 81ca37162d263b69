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
from carecontinuum._facade import ORIGINS


def _modules() -> list[ModuleType]:
    found = [carecontinuum]
    for info in pkgutil.walk_packages(carecontinuum.__path__, "carecontinuum."):
        if info.name.endswith("__main__"):
            continue
        found.append(importlib.import_module(info.name))
    return found


def _collect() -> dict[str, doctest.DocTest]:
    """Module docstrings and everything defined in each module, published objects included.

    ``DocTestFinder`` skips an object whose ``__module__`` names another module,
    which is what :func:`carecontinuum._facade.publish` does on purpose; those
    objects are found through ``ORIGINS`` and run with their defining module's
    globals.
    """
    finder = doctest.DocTestFinder(exclude_empty=True)
    tests: dict[str, doctest.DocTest] = {}
    modules = _modules()
    by_name = {m.__name__: m for m in modules}
    # published objects first, so each keeps its defining module's globals even when a
    # facade has already cached the name (which would make the facade look like its home)
    for obj, origin in list(ORIGINS.items()):
        module = by_name.get(origin)
        if module is None:
            continue
        qualified = f"{obj.__module__}.{obj.__qualname__}"  # type: ignore[attr-defined]
        for test in finder.find(obj, qualified, module=False, globs=dict(vars(module))):
            tests.setdefault(test.name, test)
    for module in modules:
        for test in finder.find(module):
            tests.setdefault(test.name, test)
    return {name: t for name, t in sorted(tests.items()) if t.examples}


_TESTS = _collect()


def test_examples_were_found() -> None:
    assert len(_TESTS) >= 100


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
