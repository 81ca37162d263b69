"""SAMHSA treatment-locator (FindTreatment.gov) listings: facilities and their programs.

:func:`read_listing` reads the locator's listing JSON — ``{page, totalPages,
recordCount, rows}`` or a bare list of rows — into a :class:`Listing`: one
:class:`~carecontinuum.Program` per level each facility offers, all sharing
the facility's :class:`Facility`, and the problems of the rows that could not
be read [LOCATOR].  Programs from a directory have no schedule; their
facility's :class:`Coordinates` let :func:`~carecontinuum.match_programs`
rank them by distance from a person (haversine, no network).

Examples
--------
>>> from carecontinuum.locator import read_listing
>>> listing = read_listing({"page": 1, "totalPages": 1, "recordCount": 1, "rows": [
...     {"frid": "f-1", "name1": "Riverbend", "latitude": "38.0293", "longitude": "-78.4767",
...      "services": [{"f1": "Service Setting", "f2": "SET",
...                    "f3": "Outpatient; Intensive outpatient treatment"}]}]})
>>> [m.program.level for m in listing.match(payment=["MD"], near=(38.03, -78.48))]
['intensive_outpatient']
"""

from __future__ import annotations

from ..programs import Coordinates, Facility, ServiceCode, distance
from ._codes import LANGUAGE_CODES
from ._errors import InvalidListingError, LocatorError
from ._listing import Listing, WithdrawalService, read_listing
from ._problem import ListingProblem

__all__ = [
    "LANGUAGE_CODES",
    "Coordinates",
    "Facility",
    "InvalidListingError",
    "Listing",
    "ListingProblem",
    "LocatorError",
    "ServiceCode",
    "WithdrawalService",
    "distance",
    "read_listing",
]


def __dir__() -> list[str]:
    return list(__all__)
