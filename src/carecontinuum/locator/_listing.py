"""``read_listing``: a SAMHSA treatment-locator listing in, programs and problems out."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .._display import Display, Table, render_html
from .._json import loads
from .._text import echo
from ..levels import ExternalCode
from ..programs import Facility, Needs, Program, ProgramMatch, match_programs
from ._errors import InvalidListingError
from ._problem import ListingProblem
from ._row import RowReader

__all__ = ["Listing", "WithdrawalService", "read_listing"]

_ENVELOPE = {"page": "page", "totalPages": "total_pages", "recordCount": "record_count"}


@dataclass(frozen=True, slots=True)
class WithdrawalService:
    """Withdrawal management (detox) a facility lists: it is care, but not a level.

    The continuum has no withdrawal-management level; ``code`` is the
    library's record of the locator code, whose note says where withdrawal
    management lives instead (ASAM WM levels, TEDS settings 1, 2 and 8).

    Attributes
    ----------
    facility:
        The facility that lists it.
    value:
        The value as the listing writes it (``"HID"`` or "Hospital inpatient
        detoxification").
    code:
        The locator code it is (:data:`~carecontinuum.levels.WITHDRAWAL_MANAGEMENT_CODES`).
    """

    facility: Facility
    value: str
    code: ExternalCode

    def __repr__(self) -> str:
        return f"WithdrawalService({self.facility.id!r}, {self.code.code})"


class Listing:
    """What a listing held: programs, their facilities, detox services and problems.

    Iterating a listing gives its programs, so it can be handed to
    :func:`~carecontinuum.match_programs` as it is.

    Attributes
    ----------
    programs:
        One :class:`~carecontinuum.Program` per level each facility offers, in
        row order and, within a facility, from least to most intensive.
    facilities:
        Every facility read, including those that name no level.
    withdrawal_management:
        The detox services listed (:class:`WithdrawalService`).
    problems:
        Per-row issues (:class:`ListingProblem`): ``error`` rows were left out,
        ``warning`` rows were read without the part named.
    rows:
        How many rows the listing had.
    page, total_pages, record_count:
        The listing's own ``page``, ``totalPages`` and ``recordCount``, when
        it has them.
    """

    __slots__ = (
        "facilities",
        "page",
        "problems",
        "programs",
        "record_count",
        "rows",
        "total_pages",
        "withdrawal_management",
    )

    def __init__(
        self,
        *,
        programs: tuple[Program, ...],
        facilities: tuple[Facility, ...],
        withdrawal_management: tuple[WithdrawalService, ...],
        problems: tuple[ListingProblem, ...],
        rows: int,
        page: int | None = None,
        total_pages: int | None = None,
        record_count: int | None = None,
    ) -> None:
        self.programs = programs
        self.facilities = facilities
        self.withdrawal_management = withdrawal_management
        self.problems = problems
        self.rows = rows
        self.page = page
        self.total_pages = total_pages
        self.record_count = record_count

    def __iter__(self) -> Iterator[Program]:
        return iter(self.programs)

    def __len__(self) -> int:
        return len(self.programs)

    @property
    def errors(self) -> tuple[ListingProblem, ...]:
        """The problems that left a row out."""
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def refused_rows(self) -> tuple[int, ...]:
        """The indexes of the rows left out."""
        refused = {p.row for p in self.problems if p.severity == "error"}
        return tuple(sorted(row for row in refused if row is not None))

    def match(self, needs: Needs | None = None, **criteria: Any) -> list[ProgramMatch]:
        """:func:`~carecontinuum.match_programs` over this listing's programs.

        Parameters
        ----------
        needs:
            A :class:`~carecontinuum.Needs`, or ``None`` to give the criteria as keywords.
        **criteria:
            The fields of a :class:`~carecontinuum.Needs`, when *needs* is not given.

        Returns
        -------
        list[ProgramMatch]
            The listing's programs that fit, best first, as
            :func:`~carecontinuum.match_programs` gives them.

        Raises
        ------
        pydantic.ValidationError
            For criteria that are not valid needs.
        """
        return match_programs(self.programs, needs, **criteria)

    def __repr__(self) -> str:
        return (
            f"Listing({self.rows} rows: {len(self.facilities)} facilities, "
            f"{len(self.programs)} programs, {len(self.problems)} problems)"
        )

    def _display_(self) -> Display:
        by_level: dict[str, int] = {}
        for program in self.programs:
            by_level[program.care_level.name] = by_level.get(program.care_level.name, 0) + 1
        tables = [Table(["level", "programs"], list(by_level.items()), "Programs by level")]
        if self.problems:
            tables.append(
                Table(
                    ["where", "severity", "problem"],
                    [[p.location, p.severity, p.message] for p in self.problems[:20]],
                    "Problems"
                    + (f" (first 20 of {len(self.problems)})" if len(self.problems) > 20 else ""),
                )
            )
        rows: list[tuple[str, object]] = [
            ("rows", self.rows),
            ("facilities", len(self.facilities)),
            ("programs", len(self.programs)),
            ("withdrawal management", len(self.withdrawal_management)),
            ("rows left out", len(self.refused_rows)),
        ]
        if self.page is not None:
            rows.append(
                ("page", f"{self.page} of {self.total_pages}" if self.total_pages else self.page)
            )
        return Display("Locator listing", rows, tables)

    def _repr_html_(self) -> str:
        return render_html(self._display_())


def _count(envelope: Mapping[str, object], key: str, problems: list[ListingProblem]) -> int | None:
    value = envelope.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**63:
        problems.append(
            ListingProblem(
                None,
                key,
                "wrong-type",
                f"{key} must be a whole number ≥ 0, not {echo(value)}; it is ignored",
                "warning",
            )
        )
        return None
    return value


def _rows(data: object, problems: list[ListingProblem]) -> tuple[Any, dict[str, int | None]]:
    if isinstance(data, Mapping):
        if "rows" not in data:
            keys = ", ".join(echo(k, 30) for k in list(data)[:8]) or "none"
            raise InvalidListingError(
                "a locator listing is an object with 'rows' (beside page, totalPages and "
                f"recordCount) or a list of rows; this object has no 'rows' (its keys: {keys})"
            )
        rows = data["rows"]
        if not isinstance(rows, list | tuple):
            raise InvalidListingError(
                f"the listing's 'rows' must be a list of rows, not {type(rows).__name__} "
                f"{echo(rows)}"
            )
        counts = {name: _count(data, key, problems) for key, name in _ENVELOPE.items()}
        for key in data:
            if key not in _ENVELOPE and key != "rows":
                problems.append(
                    ListingProblem(
                        None,
                        key if isinstance(key, str) else echo(key),
                        "ignored-field",
                        f"the listing has a field {echo(key)} besides page, totalPages, "
                        "recordCount and rows; it is ignored",
                        "warning",
                    )
                )
        return rows, counts
    if isinstance(data, list | tuple):
        return data, {}
    raise InvalidListingError(
        "a locator listing is an object with 'rows' or a list of rows, not "
        f"{type(data).__name__} {echo(data)}"
    )


def read_listing(data: Mapping[str, Any] | list[Any] | str | bytes | bytearray) -> Listing:
    """Read a SAMHSA treatment-locator (FindTreatment.gov) listing.

    A listing is the locator's response ``{page, totalPages, recordCount,
    rows}`` or a bare list of rows.  Each row is a facility — ``frid``,
    ``name1``/``name2``, address, ``phone``, ``website``,
    ``latitude``/``longitude`` — with ``services`` as ``[{f1, f2, f3}]``: a
    category label, its code and its values joined by ``"; "``, as codes
    (``"OIT; RES"``) or as labels ("Intensive outpatient treatment;
    Residential") [LOCATOR].

    * Levels come from the service settings (``SET``), read from the level
      records' locator-setting codes: OIT → IOP, ODT → PHP, RES/RS/RL →
      residential, HI/HIT → inpatient acute, ORT/OMB → outpatient.  A
      facility gives **one program per level**, all sharing its
      :class:`~carecontinuum.locator.Facility`.  The general outpatient
      setting (OP) names no one level: beside a specific one it belongs to
      it; alone it is a warning.
    * Detox settings (HID, OD, RD, and the DT type of care) are withdrawal
      management, not a level: they are listed in
      :attr:`Listing.withdrawal_management` and kept on the programs.
    * Payment (PAY, PYAS), age groups (AGE), special groups (SG; the deaf and
      hard of hearing also under SL), languages (OL, AIL) and treatment
      approaches that name a registered modality (TAP, as labels) fill the
      program's fields.
    * Every other value — categories the library does not model, codes it
      does not know, settings that say more than the level (short-term
      residential) — is kept in the program's ``other_codes`` as
      ``(category, code)``, never dropped.
    * Programs from a directory have no schedule.

    Bad rows are reported in :attr:`Listing.problems` with their index and
    field, and left out; good rows are kept.  While the rows are read, the
    cyclic garbage collector is paused (the objects read hold no reference
    cycles); its state is restored afterwards.

    Parameters
    ----------
    data:
        The listing: a dict, a list of rows, or its JSON text or UTF-8 bytes
        (read strictly: duplicate keys, ``NaN`` and deep nesting are refused).

    Returns
    -------
    Listing
        The programs, facilities, detox services and problems.

    Raises
    ------
    carecontinuum.InvalidJsonError
        For text that is not strict JSON.
    carecontinuum.locator.InvalidListingError
        For JSON that is not a listing at all (no ``rows``, ``rows`` not a list).
    TypeError
        For anything but a dict, a list, text or bytes.

    Examples
    --------
    >>> listing = read_listing('''[{"frid": "f-1", "name1": "Riverbend", "services": [
    ...     {"f1": "Service Setting", "f2": "SET", "f3": "OP; OIT; RES; RS"},
    ...     {"f1": "Payment", "f2": "PAY", "f3": "MD; Private health insurance"}]}]''')
    >>> listing
    Listing(1 rows: 1 facilities, 2 programs, 0 problems)
    >>> [(p.level, [m.value for m in p.payment]) for p in listing.programs]
    [('intensive_outpatient', ['MD', 'PI']), ('residential', ['MD', 'PI'])]
    >>> listing.programs[1].other_codes
    (ServiceCode(category='SET', code='RS'),)
    >>> read_listing('[{"frid": "f-2"}]').problems[0].message
    'the row has no name1'
    """
    if not isinstance(data, str | bytes | bytearray | Mapping | list | tuple):
        raise TypeError(
            "read_listing() takes a listing: a dict, a list of rows, JSON text or bytes, "
            f"not {type(data).__name__} {echo(data)}"
        )
    # the objects read form no reference cycles: the cyclic collector, which would walk
    # them again and again as they pile up, is paused meanwhile (it halves the time)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(
            loads(data, what="locator listing")
            if isinstance(data, str | bytes | bytearray)
            else data
        )
    finally:
        if collecting:
            gc.enable()


def _read(data: object) -> Listing:
    problems: list[ListingProblem] = []
    rows, counts = _rows(data, problems)
    reader = RowReader()
    programs: list[Program] = []
    facilities: list[Facility] = []
    withdrawal: list[WithdrawalService] = []
    first_row: dict[str, int] = {}
    for index, row in enumerate(rows):
        result = reader.read(index, row)
        facility = result.facility
        if facility is not None and facility.id in first_row:
            problems.append(
                ListingProblem(
                    index,
                    "frid",
                    "duplicate-facility",
                    f"frid {echo(facility.id)} was already read from row "
                    f"{first_row[facility.id]}; this row is left out",
                    "error",
                    facility.id,
                )
            )
            continue
        problems.extend(result.problems)
        if facility is None:
            continue
        first_row[facility.id] = index
        facilities.append(facility)
        programs.extend(result.programs)
        withdrawal.extend(
            WithdrawalService(facility, value, code) for value, code in result.withdrawal
        )
    return Listing(
        programs=tuple(programs),
        facilities=tuple(facilities),
        withdrawal_management=tuple(withdrawal),
        problems=tuple(problems),
        rows=len(rows),
        **counts,
    )
