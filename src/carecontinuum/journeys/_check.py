"""Checks of one journey: dates, order, and moves against a transition graph."""

from __future__ import annotations

from collections.abc import Sequence

from ..transitions import ContinuumGraph, Finding
from ..transitions._queries import allowed_text
from ._placement import Placement
from ._reason import DischargeReason

__all__ = ["check_placements"]


def _dates(i: int, p: Placement, q: Placement, max_gap_days: int) -> Finding | None:
    """Order, overlap and gap between placement *i* (p) and the one before it (q)."""
    if p.start < q.start:
        return Finding(
            code="unsorted",
            message=(
                f"placement {i} starts {p.start} before placement {i - 1} ({q.start}); "
                "sort the placements by start date"
            ),
            location=i,
        )
    if q.end is None:
        return None  # reported as open-not-last
    gap = (p.start - q.end).days
    if gap < 0:
        return Finding(
            code="overlap",
            message=(
                f"placement {i} starts {p.start}, before placement {i - 1} ends ({q.end}): "
                f"they overlap by {-gap} day{'s' if gap != -1 else ''}"
            ),
            location=i,
        )
    if gap > max_gap_days:
        return Finding(
            code="gap",
            message=(
                f"{gap} day{'s' if gap != 1 else ''} without care between placement {i - 1} "
                f"(ends {q.end}) and placement {i} (starts {p.start})"
            ),
            severity="warning",
            location=i,
        )
    return None


def check_placements(
    placements: Sequence[Placement], graph: ContinuumGraph, max_gap_days: int = 0
) -> list[Finding]:
    """Every finding for *placements* against *graph* (see ``Journey.check``)."""
    idx = graph._idx()
    findings: list[Finding] = []
    last = len(placements) - 1
    died_in: int | None = None
    prev_known = False
    for i, p in enumerate(placements):
        lv = p.level
        node = idx.levels.get(lv.code)
        known = node is not None and node.framework == lv.framework
        if not known:
            findings.append(
                Finding(
                    code="unknown-level",
                    message=f"placement {i}: level {lv.code!r} is not in graph {graph.name!r}",
                    location=i,
                )
            )
        if p.end is None and i < last:
            findings.append(
                Finding(
                    code="open-not-last",
                    message=f"placement {i} has no end date but placement {i + 1} follows it",
                    location=i,
                )
            )
        if p.program is not None and p.program.care_level != lv:
            findings.append(
                Finding(
                    code="program-level",
                    message=(
                        f"placement {i} is at {lv.code!r} but its program {p.program.name!r} "
                        f"offers {p.program.level!r}"
                    ),
                    severity="warning",
                    location=i,
                )
            )
        if p.discharge_reason is not None and p.end is None:
            findings.append(
                Finding(
                    code="reason-without-end",
                    message=f"placement {i} has a discharge reason but no end date",
                    severity="warning",
                    location=i,
                )
            )
        if died_in is not None:
            findings.append(
                Finding(
                    code="after-death",
                    message=(
                        f"placement {i} follows placement {died_in}, which ended with "
                        f"discharge reason {DischargeReason.DEATH.value} (Death)"
                    ),
                    location=i,
                )
            )
        if i:
            q = placements[i - 1]
            dated = _dates(i, p, q, max_gap_days)
            if dated is not None:
                findings.append(dated)
            a, b = q.level.code, lv.code
            if known and prev_known and a != b and (a, b) not in idx.edges:
                findings.append(
                    Finding(
                        code="move-not-allowed",
                        message=(
                            f"placement {i - 1} → {i}: graph {graph.name!r} has no move from "
                            f"{a!r} to {b!r}; {allowed_text(idx, a)}"
                        ),
                        location=i,
                    )
                )
        if p.discharge_reason is DischargeReason.DEATH and died_in is None:
            died_in = i
        prev_known = known
    return findings
