"""``carecontinuum validate placements.csv``: every person's journey in a CSV file, checked at once.

The file is read by :func:`carecontinuum.journeys.population.read_csv` (a
header row; columns ``person_id``, ``level``, ``start`` and ``end``, and
optionally ``discharge_reason``, as in the frame functions) and checked by
:func:`carecontinuum.journeys.population.check`, the vectorized
``Journey.check``.  Each finding names the person, the placement and the row
(row 0 is the first row after the header).  A row that ends before it starts
is reported and left out of the other checks.  Needs pandas (the
``dataframe`` extra).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._text import echo
from ._files import read_text
from ._problems import Problem
from ._support import UsageError

if TYPE_CHECKING:
    from ..transitions import ContinuumGraph

__all__ = ["check_csv"]


def _person(value: Any) -> str | int:
    item = value.item() if hasattr(value, "item") else value
    return item if isinstance(item, int | str) else str(item)


def _where(row: int, person: str | int, placement: int | None = None) -> str:
    text = f"row {row} (person {echo(person, 40)}"
    return text + (f", placement {placement})" if placement is not None else ")")


def check_csv(
    path: str, graph: ContinuumGraph, *, max_gap_days: int | None, end_inclusive: bool = False
) -> list[Problem]:
    """Every problem in the CSV file of placements *path*, in row order."""
    from ..journeys._check import DEFAULT_MAX_GAP_DAYS

    gap = DEFAULT_MAX_GAP_DAYS if max_gap_days is None else max_gap_days
    read_text(path, what="file")  # missing, directory, too large, binary, not UTF-8: exit 2
    try:
        import pandas  # noqa: F401

        from ..journeys import population
    except ImportError:
        raise UsageError(
            f"validating the CSV file {echo(path)} needs pandas: "
            "install carecontinuum[dataframe] (pip install 'carecontinuum[dataframe]')"
        ) from None
    try:
        frame = population.read_csv(path)
    except (population.PlacementFileError, population.PlacementFrameError) as err:
        raise UsageError(" ".join(str(err).split())) from None
    problems: list[Problem] = []
    if "end" in frame.columns:
        backwards = frame["start"].notna() & frame["end"].notna() & (frame["end"] < frame["start"])
    else:
        backwards = frame["start"].isna() & False  # population.check says the column is missing
    if bool(backwards.any()):
        for row, record in frame[backwards].iterrows():
            person = _person(record["person_id"])
            problems.append(
                Problem(
                    _where(int(row), person),
                    f"a placement cannot end ({record['end']:%Y-%m-%d}) before it starts "
                    f"({record['start']:%Y-%m-%d}); left out of the journey checks",
                    code="end-before-start",
                    person=person,
                    row=int(row),
                )
            )
        frame = frame[~backwards]
    try:
        found = population.check(
            frame, graph, max_gap_days=gap, end_inclusive=end_inclusive, progress=False
        )
    except population.PlacementFrameError as err:
        raise UsageError(f"file {echo(path)}: " + " ".join(str(err).split())) from None
    for record in found.to_dict("records"):
        person = _person(record["person_id"])
        row = int(record["row"])
        problems.append(
            Problem(
                _where(row, person, int(record["placement"])),
                str(record["message"]),
                str(record["severity"]),
                str(record["code"]),
                person=person,
                row=row,
            )
        )
    return sorted(problems, key=lambda p: p.row if p.row is not None else -1)
