"""Points on the Earth and the great-circle distance between them (haversine, no network).

Distances are along a sphere of the GRS 80 ellipsoid's mean radius,
R₁ = 6,371.0088 km [GRS80]; a mile is the international mile, exactly
1.609344 km [NIST-SP811].  The spherical model differs from the ellipsoid by
at most about 0.5 %, far below what choosing a program nearby needs.

Examples
--------
>>> home = Coordinates(latitude=38.0293, longitude=-78.4767)
>>> round(home.distance_to((38.0364, -78.4888), unit="mi"), 2)
0.82
>>> Coordinates.model_validate("38.0293, -78.4767") == home
True
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Annotated, Any, Union

from pydantic import BeforeValidator, ConfigDict, Field, model_validator

from .._enum_lookup import EnumField, EnumLookup
from .._json_model import JsonModel
from .._text import echo

__all__ = [
    "EARTH_RADIUS_KM",
    "KM_PER_MILE",
    "Coordinates",
    "Distance",
    "DistanceUnit",
    "DistanceUnitField",
    "Point",
    "distance",
]

#: The GRS 80 ellipsoid's mean radius R₁ = (2a + b) / 3, in km [GRS80].
EARTH_RADIUS_KM = 6371.0088
#: Kilometres in an international mile, exactly [NIST-SP811].
KM_PER_MILE = 1.609344


class DistanceUnit(StrEnum):
    """The unit of a distance: kilometres or (international) miles."""

    KM = "km"
    MI = "mi"

    @property
    def per_km(self) -> float:
        """How many of this unit make a kilometre."""
        return 1.0 if self is DistanceUnit.KM else 1 / KM_PER_MILE


DISTANCE_UNITS = EnumLookup(
    DistanceUnit,
    "distance unit",
    names={
        DistanceUnit.KM: ["kilometre", "kilometres", "kilometer", "kilometers"],
        DistanceUnit.MI: ["mile", "miles"],
    },
)

#: A distance-unit field: ``"km"``, ``"mi"``, ``"miles"``, ``"kilometres"`` …
DistanceUnitField = Annotated[DistanceUnit, EnumField(DISTANCE_UNITS, "distance_unit")]


def _degrees(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError(f"a coordinate is a number of degrees, not a bool ({value!r})")
    return value


def _length(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError(f"a distance is a number, not a bool ({value!r})")
    return value


#: A distance greater than 0 (in the unit given beside it); a bool is refused.
Distance = Annotated[float, Field(gt=0, allow_inf_nan=False), BeforeValidator(_length)]

_Latitude = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False), BeforeValidator(_degrees)]
_Longitude = Annotated[
    float, Field(ge=-180, le=180, allow_inf_nan=False), BeforeValidator(_degrees)
]


#: A point as functions take it: :class:`Coordinates`, a ``(latitude, longitude)`` pair,
#: ``"lat, lon"`` text.
Point = Union["Coordinates", tuple[float, float], str]


class Coordinates(JsonModel):
    """A point: latitude and longitude in decimal degrees (WGS 84, as geocoders give them).

    Also accepts a ``(latitude, longitude)`` pair or ``"latitude, longitude"``
    text.  Latitude lies in −90…90, longitude in −180…180; ``NaN``, infinities
    and booleans are refused.

    Examples
    --------
    >>> Coordinates.model_validate((38.03, -78.48))
    Coordinates(38.03, -78.48)
    >>> Coordinates(latitude=91, longitude=0)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Coordinates
    latitude
      Input should be less than or equal to 90 ...
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    latitude: _Latitude
    longitude: _Longitude

    @model_validator(mode="before")
    @classmethod
    def _from_pair(cls, value: Any) -> Any:
        if isinstance(value, str):
            parts = value.split(",")
            if len(parts) != 2 or len(value) > 80:
                raise ValueError(
                    f"coordinates as text are 'latitude, longitude', got {echo(value)}"
                )
            return {"latitude": parts[0].strip(), "longitude": parts[1].strip()}
        if isinstance(value, tuple | list):
            if len(value) != 2:
                raise ValueError(
                    f"coordinates are a (latitude, longitude) pair, got {len(value)} values"
                )
            return {"latitude": value[0], "longitude": value[1]}
        return value

    def distance_to(
        self, other: Coordinates | tuple[float, float] | str, unit: str = "km"
    ) -> float:
        """The great-circle distance to *other*, in *unit* (``"km"`` or ``"mi"``).

        Parameters
        ----------
        other:
            Another point, a ``(latitude, longitude)`` pair or ``"lat, lon"`` text.
        unit:
            ``"km"`` (the default) or ``"mi"``; ``"miles"`` and ``"kilometres"`` too.

        Returns
        -------
        float
            The distance along a sphere of the mean Earth radius [GRS80].

        Raises
        ------
        pydantic.ValidationError
            For a point that is not valid coordinates.
        carecontinuum.UnknownKeyError
            For an unknown unit.

        Examples
        --------
        >>> north = Coordinates(latitude=90, longitude=0)
        >>> round(north.distance_to((0, 0)))
        10008
        """
        return distance(self, other, unit)

    def __repr__(self) -> str:
        return f"Coordinates({self.latitude:g}, {self.longitude:g})"

    def __str__(self) -> str:
        return f"{self.latitude:g}, {self.longitude:g}"


def as_coordinates(value: object) -> Coordinates:
    """*value* as :class:`Coordinates` (a point, a pair, text or a mapping)."""
    if isinstance(value, Coordinates):
        return value
    return Coordinates.model_validate(value)


def _central_angle(a: Coordinates, b: Coordinates) -> float:
    """The angle between two points seen from the Earth's centre, in radians (haversine)."""
    phi1, phi2 = math.radians(a.latitude), math.radians(b.latitude)
    half_dphi = (phi2 - phi1) / 2
    half_dlam = math.radians(b.longitude - a.longitude) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlam) ** 2
    return 2 * math.asin(math.sqrt(min(1.0, h)))


def distance(a: Point, b: Point, unit: str = "km") -> float:
    """The great-circle distance between *a* and *b*, in *unit*.

    Parameters
    ----------
    a, b:
        Points: :class:`Coordinates`, ``(latitude, longitude)`` pairs or
        ``"lat, lon"`` text, in decimal degrees.
    unit:
        ``"km"`` (the default) or ``"mi"`` (international miles); ``"miles"``,
        ``"kilometres"`` and other spellings too.

    Returns
    -------
    float
        The haversine distance along a sphere of radius
        :data:`EARTH_RADIUS_KM` [GRS80].

    Raises
    ------
    pydantic.ValidationError
        For a point that is not valid coordinates (out of range, not a number).
    carecontinuum.UnknownKeyError
        For an unknown unit.

    Examples
    --------
    >>> round(distance((0, 0), (0, 1)), 3)  # one degree along the equator
    111.195
    >>> round(distance((0, 0), (0, 1), unit="miles"), 3)
    69.093
    """
    per_km = DISTANCE_UNITS(unit).per_km
    return EARTH_RADIUS_KM * _central_angle(as_coordinates(a), as_coordinates(b)) * per_km
