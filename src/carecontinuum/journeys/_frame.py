"""Reading a DataFrame of placements: column checks, level coding, sorting — all vectorized."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import CareContinuumError, UnknownLevelError
from ..transitions import ContinuumGraph
from ._pandas import np, pd

_SECONDS_PER_DAY = 86_400

__all__ = ["Columns", "PlacementFrameError", "SortedPlacements", "UnknownLevelCodesError", "read"]


class PlacementFrameError(CareContinuumError, ValueError):
    """A DataFrame of placements is missing columns or holds values that cannot be used."""


class UnknownLevelCodesError(UnknownLevelError):
    """Level codes in a DataFrame that the graph does not know (all of them, with counts)."""

    def __init__(
        self, column: str, unknown: dict[str, int], suggestions: dict[str, Sequence[str]]
    ) -> None:
        self.column = column
        self.unknown = unknown
        self.per_code_suggestions = suggestions
        first = next(iter(unknown))
        super().__init__(f"care level code in column {column!r}", first, suggestions[first])

    def _message(self) -> str:
        parts = []
        for code, count in self.unknown.items():
            hint = self.per_code_suggestions.get(code, ())
            tip = f" (did you mean {' or '.join(repr(s) for s in hint)}?)" if hint else ""
            parts.append(f"{code!r} in {count} row{'s' if count != 1 else ''}{tip}")
        return f"unknown care level codes in column {self.column!r}: " + "; ".join(parts)


@dataclass(frozen=True, slots=True)
class Columns:
    """The names of the columns to read."""

    person: str = "person_id"
    level: str = "level"
    start: str = "start"
    end: str = "end"


@dataclass(frozen=True, slots=True)
class SortedPlacements:
    """Placements as arrays, sorted by person then start (stable: ties keep input order).

    ``order`` is ``None`` when the rows were left in input order.
    """

    codes: tuple[str, ...]
    """The graph's level codes; ``level`` holds positions in this tuple."""
    ranks: Any
    order: Any | None
    person: Any
    level: Any
    start: Any | None
    end: Any | None

    def same_person(self) -> Any:
        """For each row but the last: does the next row belong to the same person?"""
        return self.person[1:] == self.person[:-1]


def _rows(mask: Any, index: Any, limit: int = 5) -> str:
    labels = list(index[np.asarray(mask)][:limit])
    more = int(np.count_nonzero(mask)) - len(labels)
    return ", ".join(repr(x) for x in labels) + (f" and {more} more" if more > 0 else "")


def _level_positions(column: Any, name: str, graph: ContinuumGraph) -> Any:
    """Positions of each row's level in ``graph.codes``; codes and aliases accepted."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        inverse, uniques = column.cat.codes.to_numpy(), column.cat.categories
    else:
        inverse, uniques = pd.factorize(column, use_na_sentinel=True)
    if (inverse < 0).any():
        raise PlacementFrameError(
            f"column {name!r} has {int((inverse < 0).sum())} missing level(s), in rows "
            f"{_rows(inverse < 0, column.index)}"
        )
    position = {code: i for i, code in enumerate(graph.codes)}
    lookup = np.empty(len(uniques), dtype=np.int64)
    unknown: list[int] = []
    suggestions: dict[str, Sequence[str]] = {}
    for i, value in enumerate(uniques):
        try:
            lookup[i] = position[graph.code(str(value))]
        except UnknownLevelError as err:
            unknown.append(i)
            suggestions[str(value)] = err.suggestions
    if unknown:
        counts = np.bincount(inverse, minlength=len(uniques))
        raise UnknownLevelCodesError(
            name, {str(uniques[i]): int(counts[i]) for i in unknown}, suggestions
        )
    return lookup[inverse]


def _dates(column: Any, name: str, *, allow_missing: bool) -> Any:
    """The column as int64 seconds since the epoch (NaT as the minimum int64)."""
    try:
        values = (
            column
            if pd.api.types.is_datetime64_any_dtype(column)
            else pd.to_datetime(column, format="ISO8601")
        )
    except (ValueError, TypeError) as err:
        first = str(err).splitlines()[0]
        raise PlacementFrameError(
            f"column {name!r} does not hold dates (datetimes, dates or ISO 8601 text): {first}"
        ) from None
    missing = values.isna().to_numpy()
    if missing.any() and not allow_missing:
        raise PlacementFrameError(
            f"column {name!r} has {int(missing.sum())} missing date(s), in rows "
            f"{_rows(missing, column.index)}"
        )
    return values.to_numpy(dtype="datetime64[s]").view(np.int64)


def _sort_order(person: Any, start: Any) -> Any:
    """Stable order by person, then start.

    The fastest way that fits in int64: when ``person × start span × rows`` fits,
    the row number is packed into the key, so a plain (SIMD) sort of unique keys
    is stable; otherwise a stable argsort of ``person × span + start``; else a
    lexsort.
    """
    n = len(start)
    if not n:
        return np.zeros(0, dtype=np.int64)
    same = person[1:] == person[:-1]
    if (np.diff(person) >= 0).all() and (start[1:] >= start[:-1])[same].all():
        return np.arange(n)  # already in order: a stable sort would not move a row
    if not (start % _SECONDS_PER_DAY).any():
        start = start // _SECONDS_PER_DAY  # whole days: a much smaller span
    low = int(start.min())
    span = int(start.max()) - low + 1
    people = int(person.max()) + 1
    key = person.astype(np.int64) * span + (start - low) if people * span < 2**62 else None
    if key is None:  # spans too wide for one int64 key
        return np.lexsort((start, person))
    if people * span * n < 2**62:
        return np.sort(key * n + np.arange(n)) % n
    return np.argsort(key, kind="stable")


def _person_positions(column: Any) -> Any:
    """Small non-negative integers standing for the person ids (equal ids, equal numbers).

    Integer ids in a compact range are only shifted (no hashing); anything else
    is factorized.
    """
    if column.dtype.kind in "iu" and len(column):
        ids = column.to_numpy()
        low, high = int(ids.min()), int(ids.max())
        if high - low <= 4 * len(ids):
            return ids.astype(np.int64, copy=False) - low
    try:
        positions, _ = pd.factorize(column)
    except TypeError as err:  # unhashable ids such as lists or dicts
        raise PlacementFrameError(
            f"column {column.name!r} holds person ids that cannot be compared ({err}); "
            "use strings or integers"
        ) from None
    return positions


def read(
    df: Any,
    graph: ContinuumGraph,
    columns: Columns,
    *,
    need_end: bool = False,
    sort: bool = True,
    keep_dates: bool = False,
) -> SortedPlacements:
    """Check the columns of *df*, code the levels and (unless not *sort*) sort the rows.

    Rows are sorted by person then start; dates are kept (sorted) only with
    *keep_dates*, or unsorted when *sort* is false.
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame of placements, not {type(df).__name__}")
    wanted = [columns.person, columns.level, columns.start] + ([columns.end] if need_end else [])
    for role, name in zip(("person", "level", "start", "end"), wanted, strict=False):
        try:
            hash(name)
        except TypeError:
            raise TypeError(
                f"{role}= names a column and must be a column label (such as a string), "
                f"not {type(name).__name__}"
            ) from None
    missing = [c for c in wanted if c not in df.columns]
    if missing:
        raise PlacementFrameError(
            f"missing column(s) {', '.join(map(repr, missing))}; the frame has "
            f"{', '.join(map(repr, map(str, df.columns)))}; name yours with "
            "person=, level=, start=, end="
        )
    person_col = df[columns.person]
    if person_col.isna().any():
        mask = person_col.isna().to_numpy()
        raise PlacementFrameError(
            f"column {columns.person!r} has {int(mask.sum())} missing person id(s), in rows "
            f"{_rows(mask, df.index)}"
        )
    person = _person_positions(person_col)
    level = _level_positions(df[columns.level], columns.level, graph)
    start = _dates(df[columns.start], columns.start, allow_missing=False)
    end = None
    if need_end:
        end = _dates(df[columns.end], columns.end, allow_missing=True)
        closed = end != np.iinfo(np.int64).min
        backwards = closed & (end < start)
        if backwards.any():
            raise PlacementFrameError(
                f"{int(backwards.sum())} placement(s) end before they start, in rows "
                f"{_rows(backwards, df.index)}"
            )
    ranks = np.asarray([lv.rank for lv in graph.levels], dtype=float)
    if not sort:
        return SortedPlacements(graph.codes, ranks, None, person, level, start, end)
    order = _sort_order(person, start)
    return SortedPlacements(
        codes=graph.codes,
        ranks=ranks,
        order=order,
        person=person[order],
        level=level[order],
        start=start[order] if keep_dates else None,
        end=end[order] if keep_dates and end is not None else None,
    )
