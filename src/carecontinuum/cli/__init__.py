"""The ``carecontinuum`` command line (also ``python -m carecontinuum``).

Commands: ``tour`` (a guided walk through the continuum), ``levels``,
``modalities``, ``classify``, ``path``, ``graph``, ``validate``, ``schema`` and
``teds summary`` (a TEDS-D discharge file by level).
Importing this package is cheap: each command loads the parts of the library
it needs when it runs.

Examples
--------
>>> from carecontinuum.cli import main
>>> main(["levels", "--framework", "continuum"])  # doctest: +ELLIPSIS
Continuum of care
=================
...
0
"""

from __future__ import annotations

from ._app import build_parser, main
from ._invoke import CliResult, invoke

__all__ = ["CliResult", "build_parser", "invoke", "main"]


def __dir__() -> list[str]:
    return list(__all__)
