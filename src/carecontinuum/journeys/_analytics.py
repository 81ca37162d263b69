"""The kernels of the population analytics, on :class:`PreparedPlacements`.

Each kernel returns small partial results (counts, per-level histograms) that
add up exactly, so the same code serves a pandas frame and each partition of a
Dask frame (see :mod:`carecontinuum.journeys._dask`).

Lengths of stay are counted, not sorted: per level, a histogram of the day
counts (``bincount`` when the longest stay is short enough, else one sort of a
packed ``level, days`` key).  The quartiles, mean, standard deviation and
range come from those counts exactly: the quartiles by numpy's *linear*
interpolation between order statistics (what pandas' ``describe()`` gives),
the standard deviation from exact integer sums.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from ._frame import CHUNK
from ._pandas import np, pd
from ._prepare import PreparedPlacements
from ._stays import LengthsOfStay, bincount, stays_histogram

__all__ = [
    "LengthsOfStay",
    "bincount",
    "los_partial",
    "los_table",
    "matrix_frame",
    "move_counts",
    "rates_table",
    "stays_histogram",
]

_QUANTILES = (0.25, 0.5, 0.75)


def move_counts(data: PreparedPlacements, exclude: Any | None = None) -> Any:
    """Counts of consecutive moves of the same person: an ``n × n`` int64 array.

    *exclude* (a bool per sorted row, or None) drops the moves *into* those rows.
    """
    level = data.known_levels()
    n = len(data.codes)
    total = np.zeros(n * n + 1, dtype=np.int64)
    rows = len(level)
    for a in range(0, max(rows - 1, 0), CHUNK):
        b = min(a + CHUNK, rows - 1)
        pair = level[a:b].astype(np.int32) * n + level[a + 1 : b + 1]
        drop = data.first[a + 1 : b + 1]
        if exclude is not None:
            drop = drop | exclude[a + 1 : b + 1]
        pair[drop] = n * n
        total += np.bincount(pair, minlength=n * n + 1)
    return total[: n * n].reshape(n, n)


def matrix_frame(codes: tuple[str, ...], counts: Any) -> pd.DataFrame:
    """The transition matrix as a labelled frame (``from`` × ``to``)."""
    return pd.DataFrame(
        counts,
        index=pd.Index(codes, name="from"),
        columns=pd.Index(codes, name="to"),
    )


def rates_table(codes: tuple[str, ...], ranks: Any, counts: Any, placements: Any) -> pd.DataFrame:
    """Step-ups, step-downs and laterals out of each level, from the move counts."""
    ranks = np.asarray(ranks, dtype=float)
    direction = np.sign(ranks[None, :] - ranks[:, None])
    table = pd.DataFrame(
        {
            "placements": placements,
            "moves": counts.sum(axis=1),
            "step_ups": (counts * (direction > 0)).sum(axis=1),
            "step_downs": (counts * (direction < 0)).sum(axis=1),
            "laterals": (counts * (direction == 0)).sum(axis=1),
        },
        index=pd.Index(codes, name="level"),
    )
    table.loc["all"] = table.sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        table["step_up_rate"] = table["step_ups"] / table["placements"]
        table["step_down_rate"] = table["step_downs"] / table["placements"]
    return table


def los_partial(data: PreparedPlacements, end_inclusive: bool) -> LengthsOfStay:
    """The per-level day-count histograms of *data*'s closed placements.

    ``prepare()`` counts them while the rows are still in frame order (see
    :func:`stays_histogram`); an inclusive end date adds one day to every stay.
    """
    level = data.known_levels()
    data.require_end("length_of_stay_stats()")
    found = data.cache.get("stays")
    if found is None:
        found = stays_histogram(level, data.start, data.end, len(data.codes))
        data.cache["stays"] = found
    if not end_inclusive:
        return found
    return LengthsOfStay(found.placements, tuple(v + 1 for v in found.values), found.counts)


def _at_rank(values: Any, cumulative: Any, rank: int) -> int:
    return int(values[int(np.searchsorted(cumulative, rank, side="right"))])


def _stats(values: Any, counts: Any) -> tuple[float, ...]:
    """count, mean, std, min, p25, median, p75, max, total of a histogram."""
    n = int(counts.sum())
    if not n:
        nan = float("nan")
        return (0, nan, nan, nan, nan, nan, nan, nan, 0)
    total = int((values * counts).sum())
    if len(values) and int(values[-1]) ** 2 * n < 2**63:
        squares = int((values * values * counts).sum())
    else:  # exact, in Python integers
        squares = sum(int(v) * int(v) * int(c) for v, c in zip(values, counts, strict=True))
    mean = total / n
    std = (
        float(Fraction(n * squares - total * total, n * (n - 1)) ** 0.5) if n > 1 else float("nan")
    )
    cumulative = np.cumsum(counts)
    quartiles = []
    for q in _QUANTILES:
        h = (n - 1) * q
        low = int(np.floor(h))
        a = _at_rank(values, cumulative, low)
        b = _at_rank(values, cumulative, min(low + 1, n - 1))
        quartiles.append(a + (b - a) * (h - low))
    return (n, mean, std, float(values[0]), *quartiles, float(values[-1]), total)


def los_table(codes: tuple[str, ...], part: LengthsOfStay, end_inclusive: bool) -> pd.DataFrame:
    """The length-of-stay table (one row per level)."""
    rows = [_stats(v, c) for v, c in zip(part.values, part.counts, strict=True)]
    stats = pd.DataFrame(
        rows,
        columns=[
            "closed",
            "mean_days",
            "std_days",
            "min_days",
            "p25_days",
            "median_days",
            "p75_days",
            "max_days",
            "total_days",
        ],
        index=pd.Index(codes, name="level"),
    )
    for name in ("mean_days", "std_days", "min_days", "p25_days", "median_days", "p75_days"):
        stats[name] = stats[name].astype("float64")
    stats["max_days"] = stats["max_days"].astype("float64")
    stats["closed"] = stats["closed"].astype("int64")
    stats["total_days"] = stats["total_days"].astype("int64")
    stats.insert(0, "placements", np.asarray(part.placements, dtype=np.int64))
    stats.insert(2, "open", stats["placements"] - stats["closed"])
    stats.attrs["end_inclusive"] = end_inclusive
    stats.attrs["length_of_stay"] = (
        "end - start + 1 days (end date inclusive)"
        if end_inclusive
        else "end - start days (end date exclusive)"
    )
    return stats
