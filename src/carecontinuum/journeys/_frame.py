"""Reading the columns of a DataFrame of placements: one reader, every column checked.

Each reader turns one column into a compact numpy array, or raises a
:class:`PlacementFrameError` that names the column, the rule and up to five rows:

* :func:`person_positions`: small integers standing for the person ids
  (booleans, missing ids, non-integral floats and unhashable cells refused);
* :func:`level_positions`: positions in the graph's level codes (codes and
  aliases accepted; unknown codes kept apart so a check can report them);
* ``day_column`` (in :mod:`._frame_dates`): ``int32`` days since 1970-01-01 under
  the one date rule (a tz-aware column becomes its local date);
* :func:`reason_column`: TEDS ``REASON`` codes as ``int8`` (0: none).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .._text import echo
from ..errors import UnknownLevelError
from ..transitions import ContinuumGraph
from ._errors import PlacementFrameError
from ._pandas import np, pd
from ._reason import DischargeReason, coerce_reason

__all__ = [
    "CHUNK",
    "Columns",
    "LevelColumn",
    "People",
    "column",
    "factorize",
    "label",
    "level_positions",
    "missing_error",
    "person_positions",
    "reason_column",
    "rows_text",
]

#: Rows converted at a time, so temporaries stay small.
CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class Columns:
    """The names of the columns to read (``discharge_reason=None``: none)."""

    person: Any = "person_id"
    level: Any = "level"
    start: Any = "start"
    end: Any = "end"
    discharge_reason: Any = "discharge_reason"


def rows_text(mask: Any, index: Any, limit: int = 5) -> str:
    """The index labels of up to *limit* rows where *mask* holds, and how many more."""
    hits = np.flatnonzero(np.asarray(mask))
    labels = [echo(x, 30) for x in index[hits[:limit]]]
    more = len(hits) - len(labels)
    return ", ".join(labels) + (f" and {more} more" if more > 0 else "")


def label(name: Any, role: str) -> None:
    """Refuse an unhashable or boolean column name, naming the argument."""
    try:
        hash(name)
    except TypeError:
        raise TypeError(
            f"{role}= names a column and must be a column label (such as a string), "
            f"not {type(name).__name__}"
        ) from None
    if isinstance(name, bool):
        raise TypeError(f"{role}= names a column and must be a column label, not a bool")


def column(df: Any, name: Any, role: str) -> Any:
    """``df[name]`` as one Series: a duplicated label or an unhashable name is refused."""
    label(name, role)
    hits = int(np.count_nonzero(df.columns == name)) if len(df.columns) else 0
    if hits > 1:
        raise PlacementFrameError(
            f"the frame has {hits} columns labelled {echo(name)} ({role}=); "
            "column labels must be unique"
        )
    found = df[name]
    if isinstance(found, pd.DataFrame):  # a partial label of MultiIndex columns
        raise PlacementFrameError(
            f"the label {echo(name)} ({role}=) selects a frame of {found.shape[1]} column(s), "
            "not one column; with MultiIndex columns give the whole label (a tuple), or "
            "flatten the columns"
        )
    return found


def missing_error(what: str, name: Any, mask: Any, index: Any) -> PlacementFrameError:
    return PlacementFrameError(
        f"column {echo(name)} has {int(np.count_nonzero(mask))} missing {what}, in rows "
        f"{rows_text(mask, index)}"
    )


def _refuse_bools(values: Any, name: Any, what: str, index: Any) -> None:
    """Refuse booleans mixed into an object column (``True`` would merge with ``1``)."""
    kind = pd.api.types.infer_dtype(values, skipna=True)
    if kind == "boolean" or kind.startswith("mixed"):
        flags = np.fromiter((isinstance(v, bool | np.bool_) for v in values),
                            dtype=bool, count=len(values))  # fmt: skip
        if flags.any():
            raise PlacementFrameError(
                f"column {echo(name)} holds booleans, which are not {what}, in rows "
                f"{rows_text(flags, index)}"
            )


@dataclass(frozen=True, slots=True)
class People:
    """Person positions, ``values - offset`` (kept unshifted, so integer ids are not copied)."""

    values: Any
    offset: int = 0

    def __len__(self) -> int:
        return len(self.values)

    def chunk(self, a: int, b: int) -> Any:
        """The int64 positions of rows ``a:b``."""
        part = self.values[a:b]
        if self.offset:
            part = part - part.dtype.type(self.offset)
        return part.astype(np.int64, copy=False)

    def high(self) -> int:
        """The largest position."""
        return int(self.values.max()) - self.offset if len(self.values) else 0


def person_positions(col: Any, name: Any) -> People:  # noqa: PLR0912
    """Non-negative integers standing for the person ids (equal ids, equal numbers).

    Integer ids in a compact range keep their order (they are only shifted,
    lazily: the column is not copied); anything else is numbered in order of
    first appearance.  Whole floats are the integers they hold; booleans,
    missing ids, non-integral or non-finite floats and unhashable cells are refused.
    """
    dtype = col.dtype
    index = col.index
    if pd.api.types.is_bool_dtype(dtype):
        raise PlacementFrameError(
            f"column {echo(name)} holds booleans; person ids must be strings or integers"
        )
    if isinstance(dtype, pd.CategoricalDtype):
        codes = col.cat.codes.to_numpy()
        if (codes < 0).any():
            raise missing_error("person id(s)", name, codes < 0, index)
        if pd.api.types.is_bool_dtype(dtype.categories.dtype):
            raise PlacementFrameError(f"column {echo(name)} holds booleans as person ids")
        return People(codes)
    if dtype.kind in "iuf":
        if not isinstance(dtype, np.dtype) or dtype.kind == "f":
            missing = col.isna().to_numpy()
            if missing.any():
                raise missing_error("person id(s)", name, missing, index)
        ids = col.to_numpy()
        if ids.dtype.kind == "f":
            bad = ~np.isfinite(ids) | (ids != np.floor(ids)) | (np.abs(ids) >= 2.0**53)
            if bad.any():
                raise PlacementFrameError(
                    f"column {echo(name)} holds person ids that are not whole numbers, in rows "
                    f"{rows_text(bad, index)}; use integers or strings"
                )
            ids = ids.astype(np.int64)
        if len(ids):
            low, high = int(ids.min()), int(ids.max())
            if high - low <= 4 * len(ids):
                return People(ids, low)
        positions, _ = pd.factorize(ids)
        return People(positions.astype(np.int64, copy=False))
    missing = col.isna().to_numpy()
    if missing.any():
        raise missing_error("person id(s)", name, missing, index)
    values = col.to_numpy()
    if values.dtype == object:
        _refuse_bools(values, name, "person ids", index)
    try:
        positions, _ = pd.factorize(values)
    except TypeError as err:  # unhashable ids such as lists or dicts
        raise PlacementFrameError(
            f"column {echo(name)} holds person ids that cannot be compared ({err}); "
            "use strings or integers"
        ) from None
    return People(positions.astype(np.int64, copy=False))


@dataclass(frozen=True, slots=True)
class LevelColumn:
    """Level positions: ``0 … len(codes)-1`` for the graph's codes, then the unknown texts."""

    positions: Any
    unknown: tuple[str, ...]
    counts: tuple[int, ...]
    suggestions: tuple[tuple[str, ...], ...]


def factorize(col: Any, name: Any, what: str) -> tuple[Any, Any]:
    if isinstance(col.dtype, pd.CategoricalDtype):
        return col.cat.codes.to_numpy(), col.cat.categories
    try:
        return pd.factorize(col, use_na_sentinel=True)
    except TypeError as err:
        raise PlacementFrameError(
            f"column {echo(name)} holds {what} that cannot be compared ({err})"
        ) from None


def level_positions(col: Any, name: Any, graph: ContinuumGraph) -> LevelColumn:
    """Positions of each row's level in ``graph.codes``; codes and aliases accepted."""
    inverse, uniques = factorize(col, name, "levels")
    if (inverse < 0).any():
        raise missing_error("level(s)", name, inverse < 0, col.index)
    if len(uniques) and col.dtype == object:
        _refuse_bools(np.asarray(uniques, dtype=object), name, "level codes", uniques)
    codes = graph.codes
    position = {code: i for i, code in enumerate(codes)}
    lookup = np.empty(len(uniques), dtype=np.int64)
    unknown: dict[str, int] = {}
    hints: list[tuple[str, ...]] = []
    for i, value in enumerate(uniques):
        text = value if isinstance(value, str) else str(value)
        try:
            lookup[i] = position[graph.code(text)]
        except (UnknownLevelError, LookupError) as err:
            if text not in unknown:
                unknown[text] = len(codes) + len(unknown)
                hints.append(tuple(getattr(err, "suggestions", ())))
            lookup[i] = unknown[text]
    width = len(codes) + len(unknown)
    dtype = np.uint8 if width <= 255 else np.uint16 if width <= 65535 else np.int64
    positions = lookup.astype(dtype)[inverse]
    counts: tuple[int, ...] = ()
    if unknown:
        tally = np.bincount(positions, minlength=width)
        counts = tuple(int(tally[p]) for p in unknown.values())
    return LevelColumn(positions, tuple(unknown), counts, tuple(hints))


_CODES = np.array(sorted(int(r) for r in DischargeReason), dtype=np.int64)


_VALID = np.zeros(17, dtype=bool)  # codes -9 … 7, shifted by 9
_VALID[_CODES + 9] = True


def _integer_reasons(col: Any, name: Any) -> Any:
    """Integer codes (numpy or nullable) as int8, a chunk at a time; 0 where missing."""
    nullable = not isinstance(col.dtype, np.dtype)
    out = np.zeros(len(col), dtype=np.int8)
    bad = None
    for a in range(0, len(col), CHUNK):
        part = col.iloc[a : a + CHUNK]
        values = part.to_numpy(dtype=np.int64, na_value=0) if nullable else part.to_numpy()
        values = values.astype(np.int64, copy=False)
        shifted = np.clip(values, -10, 8) + 9
        ok = np.append(_VALID, False)[np.where(shifted < 0, 17, shifted)]
        if nullable:
            ok |= part.isna().to_numpy()
        if not ok.all():
            bad = (a, values, ok)
            break
        out[a : a + CHUNK] = values
    if bad is not None:
        a, values, ok = bad
        mask = np.zeros(len(col), dtype=bool)
        mask[a : a + len(ok)] = ~ok
        shown = sorted({echo(v) for v in values[~ok][:20].tolist()})
        raise PlacementFrameError(
            f"column {echo(name)} holds values that are not TEDS REASON codes "
            f"({', '.join(shown)}), in rows {rows_text(mask, col.index)}"
        )
    return out


def reason_column(col: Any, name: Any) -> Any:
    """TEDS ``REASON`` codes as ``int8``; 0 where there is none.  Bools are refused."""
    dtype = col.dtype
    index = col.index
    if pd.api.types.is_bool_dtype(dtype):
        raise PlacementFrameError(
            f"column {echo(name)} holds booleans; discharge reasons are TEDS REASON codes"
        )
    if dtype.kind in "iu" and not isinstance(dtype, pd.CategoricalDtype):
        return _integer_reasons(col, name)
    if dtype.kind == "f":
        missing = col.isna().to_numpy()
        values = col.to_numpy(dtype="float64", na_value=np.nan)
        ok = missing | np.isin(values, _CODES)
        if not ok.all():
            bad = sorted({echo(v) for v in values[~ok][:20].tolist()})
            raise PlacementFrameError(
                f"column {echo(name)} holds values that are not TEDS REASON codes "
                f"({', '.join(bad)}), in rows {rows_text(~ok, index)}"
            )
        out = np.zeros(len(values), dtype=np.int8)
        out[~missing] = values[~missing].astype(np.int8)
        return out
    if col.dtype == object:
        _refuse_bools(col.to_numpy(), name, "discharge reasons", index)
    inverse, uniques = factorize(col, name, "discharge reasons")
    lookup = np.zeros(len(uniques), dtype=np.int8)
    for i, value in enumerate(uniques):
        try:
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            lookup[i] = int(DischargeReason(coerce_reason(value)))
        except (ValueError, TypeError) as err:
            raise PlacementFrameError(
                f"column {echo(name)}: {echo(value)} is not a discharge reason ({err}), in rows "
                f"{rows_text(inverse == i, index)}"
            ) from None
    return np.append(lookup, np.int8(0))[inverse]  # -1 (missing) takes the last: none
