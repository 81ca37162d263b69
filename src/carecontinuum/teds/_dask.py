"""Dask DataFrames (the ``dask`` extra): lazy decoding, and exact per-partition counts.

Decoding runs partition by partition with the same code as for pandas; every
partition gets the same categories (they come from the codebook and the
crosswalk, not from the data), so partitions concatenate cleanly.  The episode
analytics count each partition and add the counts up, which is exact.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import MissingExtraError
from ._columns import Header, read_header
from ._decode import decode
from ._frame import raw_from_frame
from ._levels import SettingLevels

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

__all__ = ["decode_partitions", "is_dask_frame", "tally_partitions"]


def _dask() -> Any:
    try:
        import dask.dataframe as dd
    except ImportError as err:  # pragma: no cover - a dask frame implies dask
        raise MissingExtraError("dask", "dask", "TEDS-D analytics on dask DataFrames") from err
    return dd


def is_dask_frame(frame: object) -> bool:
    """Whether *frame* is a dask DataFrame (without importing dask)."""
    module = type(frame).__module__.split(".")[0]
    return module in {"dask", "dask_expr"} and hasattr(frame, "map_partitions")


def _decode_partition(
    part: pd.DataFrame,
    header: Header,
    *,
    year: int | None,
    mapping: SettingLevels,
    where: str,
    partition_info: dict[str, Any] | None = None,
) -> pd.DataFrame:
    number = None if partition_info is None else partition_info.get("number")
    label = where if number is None else f"{where}, partition {number}"
    raw = raw_from_frame(part, label, header=header)
    return decode(raw, year=year, mapping=mapping)


def decode_partitions(
    source: dd.DataFrame, *, year: int | None, mapping: SettingLevels
) -> dd.DataFrame:
    """The typed dask DataFrame of a dask DataFrame of raw TEDS-D columns."""
    _dask()
    where = "the dask frame"
    header = read_header(source.columns, where)
    meta = _decode_partition(source._meta, header, year=year, mapping=mapping, where=where)
    decoded: dd.DataFrame = source.map_partitions(  # type: ignore[no-untyped-call]
        _decode_partition,
        header,
        year=year,
        mapping=mapping,
        where=where,
        meta=meta,
        align_dataframes=False,
    )
    return decoded


def tally_partitions(
    frame: dd.DataFrame,
    kernel: Callable[[pd.DataFrame, Sequence[str]], pd.DataFrame],
    keys: Sequence[str],
) -> pd.DataFrame:
    """*kernel*'s counts of every partition, computed on the frame's scheduler, in one frame."""
    meta = kernel(frame._meta, keys)
    counted = frame.map_partitions(  # type: ignore[no-untyped-call]
        kernel, list(keys), meta=meta, align_dataframes=False
    )
    result: pd.DataFrame = counted.compute()
    return result
