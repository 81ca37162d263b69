"""Types of optional dependencies, for annotations that must resolve at run time.

Type checkers see the real classes.  At run time these names are ``Any``, so
``typing.get_type_hints`` works on every public function whether or not the
extra (matplotlib, pandas, numpy) is installed, and importing a module never
imports an optional package.

Examples
--------
>>> import typing
>>> from carecontinuum._typing import Axes
>>> Axes is typing.Any
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["Axes", "DataFrame", "Figure", "Series"]

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from pandas import DataFrame, Series
else:
    Axes = Figure = DataFrame = Series = Any
