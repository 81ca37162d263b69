"""How a population function gets its data: a frame read now, prepared arrays, or Dask."""

from __future__ import annotations

from typing import Any

from ..transitions import ContinuumGraph
from ._errors import PlacementFrameError
from ._frame import Columns
from ._graphs import resolve_graph
from ._moves import moves
from ._pandas import pd
from ._prepare import PreparedPlacements, read_prepared

__all__ = ["columns", "flag", "is_dask", "moves", "on_dask", "source"]

_DEFAULTS = Columns()


def is_dask(data: object) -> bool:
    return type(data).__module__.split(".", 1)[0] in {"dask", "dask_expr"} and hasattr(
        data, "map_partitions"
    )


def columns(person: Any, level: Any, start: Any, end: Any, reason: Any = None) -> Columns:
    return Columns(person, level, start, end, reason)


def source(
    data: Any,
    graph: ContinuumGraph | None,
    columns: Columns,
    *,
    need_end: bool = False,
    want_end: bool = False,
    want_reason: bool = False,
    sort: bool = True,
) -> PreparedPlacements:
    """*data* as PreparedPlacements: prepared already (checked against the arguments) or read."""
    if isinstance(data, PreparedPlacements):
        if graph is not None and graph is not data.graph and resolve_graph(graph) != data.graph:
            raise PlacementFrameError(
                f"these placements were prepared with graph {data.tables.name!r}; pass "
                "graph=None, or prepare() them again with the other graph"
            )
        given = (columns.person, columns.level, columns.start)
        ours = (data.columns.person, data.columns.level, data.columns.start)
        if given not in {ours, (_DEFAULTS.person, _DEFAULTS.level, _DEFAULTS.start)}:
            raise PlacementFrameError(
                f"these placements were prepared from columns {ours}; column names cannot be "
                "changed afterwards (prepare() the frame again)"
            )
        if need_end:
            data.require_end("this analysis")
        return data
    return read_prepared(
        data,
        resolve_graph(graph),
        columns,
        need_end=need_end,
        want_end=want_end or need_end,
        want_reason=want_reason,
        sort=sort,
    )


def on_dask(
    kind: str, data: Any, graph: ContinuumGraph | None, columns: Columns, **options: Any
) -> pd.DataFrame:
    from ._dask import run

    return run(kind, data, resolve_graph(graph), columns, **options)


def flag(value: object, name: str) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, got {type(value).__name__} {value!r:.40}")
