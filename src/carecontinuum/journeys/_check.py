"""Checks of one journey: dates, order, and moves against a transition graph.

The rules (shared with the vectorized :func:`carecontinuum.journeys.population.check`,
which gives the same findings):

* **Coverage.**  Each placement is compared with the latest end date of the
  placements before it (since the last open one), not only with its
  neighbour: a placement lying wholly inside an earlier, longer one is an
  ``overlap``, and a gap is measured from the end of everything before it.
* **Overlap.**  A placement that starts before that end date overlaps.  With
  ``end_inclusive=True`` the discharge day of one placement may be the
  admission day of the next (a transfer): that shares no day.
* **Gap.**  Days without care are ``start - end`` (end date exclusive) or
  ``start - end - 1`` (end date inclusive); more than *max_gap_days* of them is
  a ``gap`` warning.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..transitions import ContinuumGraph, Finding
from ._dates import day_number
from ._errors import JourneyOptionError
from ._graphs import GraphTables, tables
from ._placement import Placement
from ._reason import DischargeReason

__all__ = ["DEFAULT_MAX_GAP_DAYS", "FINDING_ORDER", "check_options", "check_placements", "plural"]

#: Days without care between placements that are not reported as a gap by default:
#: a next-day admission after a discharge (end dates exclusive) is not a gap.
DEFAULT_MAX_GAP_DAYS = 1

#: The order in which one placement's findings are listed.
FINDING_ORDER = (
    "unknown-level",
    "open-not-last",
    "program-level",
    "reason-without-end",
    "after-death",
    "unsorted",
    "overlap",
    "gap",
    "move-not-allowed",
)


def plural(n: int, word: str = "day") -> str:
    """``"1 day"``, ``"2 days"``."""
    return f"{n} {word}{'s' if n != 1 else ''}"


def check_options(max_gap_days: object, end_inclusive: object) -> tuple[int, bool]:
    """Validate the two options every check takes (bools and non-integers refused)."""
    if isinstance(max_gap_days, bool) or not isinstance(max_gap_days, int):
        raise TypeError(
            f"max_gap_days must be a whole number of days, got {type(max_gap_days).__name__} "
            f"{max_gap_days!r:.40}"
        )
    if max_gap_days < 0:
        raise JourneyOptionError("max_gap_days", max_gap_days, "must be ≥ 0")
    if not isinstance(end_inclusive, bool):
        raise TypeError(
            f"end_inclusive must be True or False, got {type(end_inclusive).__name__} "
            f"{end_inclusive!r:.40}"
        )
    return max_gap_days, end_inclusive


def _dates(  # noqa: PLR0917
    i: int,
    p: Placement,
    q: Placement,
    cover: tuple[int, Placement] | None,
    max_gap_days: int,
    inclusive: bool,
    at: Sequence[int] | range,
) -> Finding | None:
    """Order, overlap and gap of placement *i* (p), after *q* and the coverage so far."""
    if p.start < q.start:
        return Finding(
            code="unsorted",
            message=(
                f"placement {at[i]} starts {p.start} before placement {at[i - 1]} ({q.start}); "
                "sort the placements by start date"
            ),
            location=at[i],
        )
    if cover is None:
        return None  # after an open placement, reported as open-not-last
    k, c = cover
    assert c.end is not None
    shared = day_number(c.end) - day_number(p.start) + inclusive
    if p.start < c.end:
        return Finding(
            code="overlap",
            message=(
                f"placement {at[i]} starts {p.start}, before placement {at[k]} ends ({c.end}): "
                f"they overlap by {plural(shared)}"
            ),
            location=at[i],
        )
    if -shared > max_gap_days:
        return Finding(
            code="gap",
            message=(
                f"{plural(-shared)} without care between placement {at[k]} "
                f"(ends {c.end}) and placement {at[i]} (starts {p.start})"
            ),
            severity="warning",
            location=at[i],
        )
    return None


def _level_finding(i: int, p: Placement, t: GraphTables) -> tuple[bool, Finding | None]:
    lv = p.level
    pos = t.position(lv.code)
    if pos is not None and t.frameworks[pos] == lv.framework:
        return True, None
    return False, Finding(
        code="unknown-level",
        message=f"placement {i}: level {lv.code!r} is not in graph {t.name!r}",
        location=i,
    )


def check_placements(
    placements: Sequence[Placement],
    graph: ContinuumGraph,
    max_gap_days: int = DEFAULT_MAX_GAP_DAYS,
    end_inclusive: bool = False,
    *,
    positions: Sequence[int] | None = None,
) -> list[Finding]:
    """Every finding for *placements* against *graph* (see ``Journey.check``).

    *positions* are the placements' own numbers, used in locations and
    messages (the default: 0, 1, 2 ...), for a run of placements taken from
    a longer record.
    """
    t = tables(graph)
    at: Sequence[int] | range = range(len(placements)) if positions is None else positions
    findings: list[Finding] = []
    last = len(placements) - 1
    died_in: int | None = None
    prev_known = False
    cover: tuple[int, Placement] | None = None
    for i, p in enumerate(placements):
        known, unknown = _level_finding(at[i], p, t)
        if unknown is not None:
            findings.append(unknown)
        if p.end is None and i < last:
            findings.append(
                Finding(
                    code="open-not-last",
                    message=(
                        f"placement {at[i]} has no end date but placement {at[i + 1]} follows it"
                    ),
                    location=at[i],
                )
            )
        if p.program is not None and p.program.care_level != p.level:
            findings.append(
                Finding(
                    code="program-level",
                    message=(
                        f"placement {at[i]} is at {p.level.code!r} but its program "
                        f"{p.program.name!r} offers {p.program.level!r}"
                    ),
                    severity="warning",
                    location=at[i],
                )
            )
        if p.discharge_reason is not None and p.end is None:
            findings.append(
                Finding(
                    code="reason-without-end",
                    message=f"placement {at[i]} has a discharge reason but no end date",
                    severity="warning",
                    location=at[i],
                )
            )
        if died_in is not None:
            findings.append(
                Finding(
                    code="after-death",
                    message=(
                        f"placement {at[i]} follows placement {at[died_in]}, which ended with "
                        f"discharge reason {DischargeReason.DEATH.value} (Death)"
                    ),
                    location=at[i],
                )
            )
        if i:
            q = placements[i - 1]
            dated = _dates(i, p, q, cover, max_gap_days, end_inclusive, at)
            if dated is not None:
                findings.append(dated)
            a, b = q.level.code, p.level.code
            if known and prev_known and a != b and (a, b) not in t.edges:
                findings.append(
                    Finding(
                        code="move-not-allowed",
                        message=(
                            f"placement {at[i - 1]} → {at[i]}: graph {t.name!r} has no move "
                            f"from {a!r} to {b!r}; {t.allowed[t.codes.index(a)]}"
                        ),
                        location=at[i],
                    )
                )
        if p.discharge_reason is DischargeReason.DEATH and died_in is None:
            died_in = i
        if p.end is None:
            cover = None
        elif cover is None or cover[1].end is None or p.end > cover[1].end:
            cover = (i, p)
        prev_known = known
    return findings
