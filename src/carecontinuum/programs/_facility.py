"""``Facility``: the place that runs programs, as a treatment directory lists it.

A facility in the SAMHSA treatment locator [LOCATOR] has an id (``frid``),
one or two names, an address, a phone number, a website and coordinates.
Every program a facility offers refers to the same :class:`Facility`.
:class:`ServiceCode` is one ``(category, code)`` entry of a listing that no
program field holds; programs keep them in ``other_codes``.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, NamedTuple

from pydantic import ConfigDict, Field, StringConstraints, ValidatorFunctionWrapHandler
from pydantic.functional_validators import WrapValidator

from .._display import DisplayMixin
from .._json_model import JsonModel
from ._geo import Coordinates, Point

__all__ = ["MAX_TEXT", "CheckedCodes", "Facility", "ServiceCode", "ServiceCodes"]

#: The longest text a facility field holds.
MAX_TEXT = 1000

_Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
_Scalar = str | int | float | bool | None


class ServiceCode(NamedTuple):
    """One entry of a directory listing: the category code (``f2``) and a value of ``f3``.

    ``code`` is the value as the listing writes it: a code (``"TELE"``) or a
    label (``"Telemedicine/telehealth"``).

    Examples
    --------
    >>> ServiceCode("TAP", "Anger management")
    ServiceCode(category='TAP', code='Anger management')
    """

    category: str
    code: str


class CheckedCodes(tuple[ServiceCode, ...]):
    """A tuple of codes a reader built from values it checked (taken as is by programs).

    Only a reader that checked every code (text category and code) builds one:
    a program then takes the codes without looking at each again — a listing
    makes thousands of programs.
    """

    __slots__ = ()


def _service_codes(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    if type(value) is CheckedCodes:
        return tuple(value)
    return handler(value)


#: A tuple of :class:`ServiceCode` (pairs of text in JSON).
ServiceCodes = Annotated[tuple[ServiceCode, ...], WrapValidator(_service_codes)]


class Facility(DisplayMixin, JsonModel):
    """A treatment facility: its id, names, address, phone, website and coordinates.

    Parameters
    ----------
    id:
        The directory's id for the facility (the locator's ``frid``).
    name:
        The facility's name (``name1``).
    name2:
        A second name line: a unit or site (``name2``); ``""`` if none.
    street1, street2, city, state, zip:
        The address, as listed.
    phone, website:
        As listed.
    coordinates:
        Where it is, when the listing says (:class:`Coordinates`).
    other_fields:
        Any other scalar fields of the listing row, as ``(key, value)`` pairs,
        kept as given (the locator's ``typeFacility``, ``intake1``, ``miles`` …).

    Examples
    --------
    >>> f = Facility(id="f-1", name="Riverbend Recovery", name2="Evening program",
    ...              city="Charlottesville", state="VA", coordinates=(38.03, -78.48))
    >>> f.display_name, f.address
    ('Riverbend Recovery — Evening program', 'Charlottesville, VA')
    >>> round(f.distance_to((38.04, -78.49), unit="km"), 2)
    1.42
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=128)
    name: str = Field(min_length=1, max_length=MAX_TEXT)
    name2: _Text = ""
    street1: _Text = ""
    street2: _Text = ""
    city: _Text = ""
    state: _Text = ""
    zip: _Text = ""
    phone: _Text = ""
    website: _Text = ""
    coordinates: Coordinates | None = None
    other_fields: tuple[tuple[str, _Scalar], ...] = ()

    @property
    def display_name(self) -> str:
        """``name`` and, when there is one, ``name2``: "Region Ten — Mohr Center"."""
        return f"{self.name} — {self.name2}" if self.name2 else self.name

    @property
    def address(self) -> str:
        """The address on one line, leaving out empty parts."""
        place = " ".join(p for p in (self.state, self.zip) if p)
        parts = (self.street1, self.street2, self.city, place)
        return ", ".join(p for p in parts if p)

    def distance_to(self, point: Point, unit: str = "km") -> float | None:
        """The great-circle distance from the facility to *point*; ``None`` without coordinates.

        Parameters
        ----------
        point:
            A :class:`~carecontinuum.programs.Coordinates`, a ``(latitude, longitude)``
            pair or ``"lat, lon"`` text.
        unit:
            ``"km"`` (the default) or ``"mi"``; ``"miles"`` and ``"kilometres"`` too.

        Returns
        -------
        float or None
            The distance, or ``None`` when the facility has no coordinates.

        Raises
        ------
        pydantic.ValidationError
            For a point that is not valid coordinates.
        carecontinuum.UnknownKeyError
            For an unknown unit.
        """
        if self.coordinates is None:
            return None
        return self.coordinates.distance_to(point, unit)

    def __repr__(self) -> str:
        return f"Facility({self.id!r}, {self.display_name!r})"

    def __str__(self) -> str:
        return self.display_name

    _display_fields: ClassVar[frozenset[str]] = frozenset(
        {"name", "name2", "street1", "street2", "city", "state", "zip", "other_fields"}
    )

    def _display_title(self) -> str:
        return self.display_name

    def _display_rows(self) -> list[tuple[str, object]]:
        rows: list[tuple[str, object]] = [("address", self.address or None)]
        rows += list(self.other_fields)
        return [(label, value) for label, value in rows if value is not None]
