"""Argument checks shared by every public function that is not a pydantic model.

Pydantic models validate their own fields; plain functions (``classify_all``,
``ContinuumGraph.subgraph``, the population functions ...) check their
arguments here, so that one rule holds everywhere:

* a ``str`` (or ``bytes``) where a sequence is expected is refused, never split
  into characters;
* a ``bool`` where a number, a code or an id is expected is refused, never read
  as 0 or 1.

Examples
--------
>>> as_tuple(["IOP", "PHP"], "levels")
('IOP', 'PHP')
>>> as_tuple("IOP", "levels")
Traceback (most recent call last):
...
TypeError: levels must be a sequence (a list or tuple), not a single str 'IOP'
>>> not_bool(True, "hours")
Traceback (most recent call last):
...
TypeError: hours must be a number, not a bool (True)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from ._text import echo

__all__ = ["as_tuple", "not_bool"]

T = TypeVar("T")


def as_tuple(value: Iterable[T] | Any, name: str) -> tuple[T, ...]:
    """*value* as a tuple; refuses a string, bytes, a mapping or a non-iterable.

    Parameters
    ----------
    value:
        What the caller passed where a sequence is expected.
    name:
        The argument's name, for the message.

    Returns
    -------
    tuple
        The items, in order.

    Raises
    ------
    TypeError
        Naming the argument and what was passed instead.

    Examples
    --------
    >>> as_tuple(x for x in "ab")
    Traceback (most recent call last):
    ...
    TypeError: as_tuple() missing 1 required positional argument: 'name'
    >>> as_tuple((1, 2), "weeks")
    (1, 2)
    >>> as_tuple(None, "weeks")
    Traceback (most recent call last):
    ...
    TypeError: weeks must be a sequence (a list or tuple), not NoneType None
    """
    if isinstance(value, str | bytes | bytearray):
        raise TypeError(
            f"{name} must be a sequence (a list or tuple), not a single "
            f"{type(value).__name__} {echo(value)}"
        )
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise TypeError(
            f"{name} must be a sequence (a list or tuple), not {type(value).__name__} {echo(value)}"
        )
    return tuple(value)


def not_bool(value: T, name: str, expected: str = "a number") -> T:
    """Return *value*, refusing a ``bool`` where *expected* is wanted.

    ``True`` is an ``int`` to Python; to a schedule or a person id it is a
    mistake, so it is refused rather than read as 1.

    Raises
    ------
    TypeError
        Naming the argument.

    Examples
    --------
    >>> not_bool(3, "days")
    3
    >>> not_bool(False, "person id", "an id")
    Traceback (most recent call last):
    ...
    TypeError: person id must be an id, not a bool (False)
    """
    if isinstance(value, bool):
        raise TypeError(f"{name} must be {expected}, not a bool ({value!r})")
    return value
