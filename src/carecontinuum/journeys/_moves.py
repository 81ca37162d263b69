"""Move counts of a prepared frame, valid moves only on request (computed once each)."""

from __future__ import annotations

from typing import Any

from ._analytics import move_counts
from ._pandas import np
from ._population_check import overlaps
from ._prepare import PreparedPlacements

__all__ = ["moves"]


def moves(data: PreparedPlacements, valid_only: bool) -> Any:
    """The move counts of *data*, computed once per prepared object."""
    key = ("moves", valid_only)
    if key not in data.cache:
        data.cache[key] = move_counts(data, _excluded(data, valid_only))
    return data.cache[key].copy()


def _excluded(data: PreparedPlacements, valid_only: bool) -> Any | None:
    """Rows whose incoming move the check reports (move-not-allowed, overlap)."""
    if not valid_only:
        return None
    n = len(data.codes)
    edges = np.eye(n, dtype=bool)
    for a, b in data.tables.edges:
        edges[data.codes.index(a), data.codes.index(b)] = True
    level = data.known_levels().astype(np.int64)
    not_allowed = np.zeros(len(level), dtype=bool)
    not_allowed[1:] = ~edges[level[:-1], level[1:]]
    return not_allowed | overlaps(data)
