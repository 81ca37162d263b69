"""Units and numbers in words, for messages that read as English.

Examples
--------
>>> unit_words("day / week")
'days per week'
>>> unit_words("day / week", plural=False)
'day per week'
>>> number_text(24.0), number_text(2.5)
('24', '2.5')
"""

from __future__ import annotations

__all__ = ["number_text", "plural_unit", "unit_words"]

# Units whose English plural is the name plus "s"; others are written as given.
_COUNTABLE = frozenset(
    {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "session"}
)


def plural_unit(name: str) -> str:
    """The plural of a unit name the library uses (``'hour'`` → ``'hours'``).

    Examples
    --------
    >>> plural_unit("session"), plural_unit("mg")
    ('sessions', 'mg')
    """
    return f"{name}s" if name in _COUNTABLE else name


def unit_words(unit: str, *, plural: bool = True) -> str:
    """A unit in words: ``'hour / day'`` → ``'hours per day'``.

    Parameters
    ----------
    unit:
        A unit in the library's canonical form, ``"amount"`` or
        ``"amount / calendar unit"``.
    plural:
        Whether the amount is plural (``'1 day per week'`` is not).

    Returns
    -------
    str
        The words.

    Examples
    --------
    >>> unit_words("hour"), unit_words("session / week")
    ('hours', 'sessions per week')
    """
    amount, _, per = (part.strip() for part in unit.partition("/"))
    words = plural_unit(amount) if plural else amount
    return f"{words} per {per}" if per else words


def number_text(number: float) -> str:
    """A number as people write it: ``24`` rather than ``24.0``; ``repr`` otherwise.

    Examples
    --------
    >>> number_text(7), number_text(0.1), number_text(1e300)
    ('7', '0.1', '1e+300')
    """
    value = float(number)
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)
