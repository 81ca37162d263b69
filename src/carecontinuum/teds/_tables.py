"""Shaping counts into the analytics' tables: rows by level (and year, state), missing last."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from .._text import echo
from ._codebook import MISSING
from ._errors import TedsFrameError
from ._levels import MATCHES
from ._pandas import np, pd
from ._tally import Counts, check_by, count_discharges

__all__ = ["NO_LEVEL", "LevelAxis", "axis_keys", "counts_table", "match_column", "start_counts"]

NO_LEVEL = "(no level)"
"""The row of discharges without a level: TEDS 8 (no counterpart) or a missing setting."""
LevelAxis = Literal["level", "teds_setting"]
_LAST = 10_000  # sorts missing states, settings and levels after the others


def axis_keys(level: object, function: str, admission: bool = False) -> list[str]:
    if level == "level":
        return ["admission_level"] if admission else ["level", "level_match"]
    if level == "teds_setting":
        return ["admission_teds_setting"] if admission else ["teds_setting"]
    raise TedsFrameError(f"{function}(): level={echo(level)} is not 'level' or 'teds_setting'")


def _sort_key(values: Any) -> Any:
    return np.where(values == 0, _LAST, values)


def _labels(counts: Counts, column: str, sort_keys: Any) -> list[Any]:
    if column in {"year", "state_fips"}:
        return [pd.NA if v == _LAST else int(v) for v in sort_keys]
    categories = counts.categories(column)
    missing: Any = NO_LEVEL if column.endswith("level") else MISSING
    return [missing if v == _LAST else categories[v - 1] for v in sort_keys]


def counts_table(counts: Counts, rows: Sequence[str], target: str, width: int) -> pd.DataFrame:
    """Counts by *rows* (index, sorted, missing last) × *target* codes 0..width-1 (columns)."""
    table = counts.table
    keys = {name: _sort_key(table[name].to_numpy()) for name in rows}
    grouped = (
        pd.DataFrame({**keys, "_target": table[target].to_numpy(), "count": table["count"]})
        .groupby([*rows, "_target"], sort=True)["count"]
        .sum()
        .unstack("_target", fill_value=0)
    )
    grouped = grouped.reindex(columns=range(width), fill_value=0).astype(np.int64)
    arrays = [_labels(counts, name, grouped.index.get_level_values(name)) for name in rows]
    names = list(rows)
    if len(rows) == 1:
        index: pd.Index = pd.Index(arrays[0], name=names[0], dtype=object)
    else:
        index = pd.MultiIndex.from_arrays(arrays, names=names)
    grouped.index = index
    grouped.columns.name = None
    return grouped


def match_column(counts: Counts, rows: Sequence[str]) -> Any:
    """Per row of :func:`_wide`: ``exact`` if every discharge matched exactly, else how not."""
    table = counts.table
    frame = pd.DataFrame({name: _sort_key(table[name].to_numpy()) for name in rows})
    kinds = table["level_match"].to_numpy()
    frame["_approximate"] = kinds == MATCHES.index("approximate") + 1
    flags = frame.groupby(list(rows), sort=True)["_approximate"].any()
    level = flags.index.get_level_values("level")
    return np.where(level == _LAST, "none", np.where(flags.to_numpy(), "approximate", "exact"))


def start_counts(
    discharges: object, by: object, level: object, function: str, extra: Sequence[str]
) -> tuple[Counts, list[str], list[str]]:
    names = list(check_by(by, function))
    axes = axis_keys(level, function)
    counts = count_discharges(discharges, [*names, *axes, *extra], function)
    return counts, names, axes
