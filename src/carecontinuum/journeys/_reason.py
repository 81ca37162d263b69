"""Why a placement ended: the TEDS discharge ``REASON`` codes [TEDS].

Labels are the TEDS-D codebooks' exact wording (2015–2019 value tables
[TEDS-D-CB]); older wording, such as the 2006–2014 codebooks' "Left against
professional advice" for 2, is accepted as an alias.
"""

from __future__ import annotations

import numbers
from enum import IntEnum
from typing import Any

from .._lookup import normalize_key
from .._text import echo
from ._numbers import plain_whole

__all__ = ["DischargeReason", "coerce_reason"]


class DischargeReason(IntEnum):
    """The TEDS-D ``REASON`` codes for why a treatment episode ended [TEDS].

    Values are the codebook's integers, so they round-trip through JSON and
    data files unchanged; ``-9`` is the codebook's "missing".

    Examples
    --------
    >>> DischargeReason(1).label
    'Treatment completed'
    >>> DischargeReason.TRANSFERRED.label
    'Transferred to another treatment program or facility'
    >>> DischargeReason.DROPPED_OUT.aliases
    ('Dropped out', 'Left against professional advice')
    """

    COMPLETED = 1
    DROPPED_OUT = 2
    TERMINATED = 3
    TRANSFERRED = 4
    INCARCERATED = 5
    DEATH = 6
    OTHER = 7
    MISSING = -9

    @property
    def label(self) -> str:
        """The codebook's exact wording [TEDS-D-CB]."""
        return _LABELS[self]

    @property
    def aliases(self) -> tuple[str, ...]:
        """Other wording for the code: older codebooks' labels and short forms [TEDS]."""
        return _ALIASES.get(self, ())


_LABELS = {
    DischargeReason.COMPLETED: "Treatment completed",
    DischargeReason.DROPPED_OUT: "Dropped out of treatment",
    DischargeReason.TERMINATED: "Terminated by facility",
    DischargeReason.TRANSFERRED: "Transferred to another treatment program or facility",
    DischargeReason.INCARCERATED: "Incarcerated",
    DischargeReason.DEATH: "Death",
    DischargeReason.OTHER: "Other",
    DischargeReason.MISSING: "Missing/unknown/not collected/invalid",
}

#: Older or shorter wording: "Left against professional advice" is the 2006–2014
#: codebooks' label for 2 [TEDS]; the others are the library's earlier short labels.
_ALIASES = {
    DischargeReason.DROPPED_OUT: ("Dropped out", "Left against professional advice"),
    DischargeReason.TRANSFERRED: ("Transferred to another program or facility",),
    DischargeReason.MISSING: ("Missing",),
}

_BY_WORDS = {normalize_key(r.name): r for r in DischargeReason} | {
    normalize_key(label): r for r in DischargeReason for label in (_LABELS[r], *_ALIASES.get(r, ()))
}


#: Text of more digits than this is no REASON code: refused before int() reads it.
_MAX_CODE_DIGITS = 4


#: Longer text than this is no code, name or label of a discharge reason.
_MAX_TEXT = 200


def _whole_code(value: numbers.Number) -> int:
    """A whole number of another type (``4.0``, ``Decimal(4)``) as its int; else refused."""
    try:
        number = plain_whole(float(value) if isinstance(value, float) else value)
    except ValueError:
        number = None
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    if not isinstance(number, int) or abs(number) > 10**_MAX_CODE_DIGITS:
        raise ValueError(f"{echo(value)} is not a TEDS REASON code (a whole number)")
    return number


def coerce_reason(value: Any) -> Any:
    """Accept a code (``4``, ``"4"``), a member name (``"transferred"``) or the codebook label.

    A bool is refused (it is not a code); a whole float such as ``4.0`` (how a
    column of codes with missing values is stored) is read as its integer.
    """
    if isinstance(value, bool):
        raise ValueError(f"a discharge reason must be a TEDS REASON code, not a bool ({value!r})")
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        plain = value.item()
        if type(plain).__module__ != "numpy":  # a longdouble's item() is itself
            return coerce_reason(plain)
    if isinstance(value, numbers.Number) and not isinstance(value, int):
        return _whole_code(value)
    if isinstance(value, str):
        if len(value) > _MAX_TEXT:  # longer than any label: refused before normalizing it
            raise ValueError(f"{echo(value)} is not a discharge reason (too long)")
        text = value.strip()
        digits = text.removeprefix("-")
        if digits.isascii() and digits.isdigit():
            if len(digits) > _MAX_CODE_DIGITS:  # no code is that long; int() would be slow
                raise ValueError(f"{echo(value)} is not a TEDS REASON code (too many digits)")
            return int(text)
        found = _BY_WORDS.get(normalize_key(text))
        if found is None:
            known = ", ".join(f"{r.value} {r.label}" for r in DischargeReason)
            raise ValueError(f"unknown discharge reason {echo(value)}; TEDS REASON codes: {known}")
        return found
    return value
