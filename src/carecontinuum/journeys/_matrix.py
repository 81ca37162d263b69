"""Moves between levels across a population: the transition matrix and the rates."""

from __future__ import annotations

from typing import Any

from .._progress import Progress
from ..transitions import ContinuumGraph
from ._analytics import (
    bincount,
    matrix_frame,
    rates_table,
)
from ._dispatch import columns as _columns
from ._dispatch import flag as _flag
from ._dispatch import is_dask as _is_dask
from ._dispatch import moves as _moves
from ._dispatch import on_dask as _on_dask
from ._dispatch import source as _source
from ._pandas import pd

__all__ = ["transition_matrix", "transition_rates"]


def transition_matrix(
    df: Any,
    graph: ContinuumGraph | None = None,
    *,
    person: str = "person_id",
    level: str = "level",
    start: str = "start",
    end: str = "end",
    valid_only: bool = False,
    by_person: bool | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Counts of moves between consecutive placements of the same person: from level × to level.

    Rows (``from``) and columns (``to``) are the graph's level codes, least
    intensive first; the diagonal counts consecutive placements at the same
    level.  Placements are ordered by start date (ties keep their row order).

    By default **every** consecutive pair is counted, as recorded: moves the
    graph does not allow and moves into a placement that overlaps an earlier
    one included (:func:`check` reports both).  With ``valid_only=True`` those
    moves are left out (this needs the end column).

    Parameters
    ----------
    df:
        A DataFrame, :class:`PreparedPlacements` or Dask DataFrame.
    graph:
        The graph whose levels label the matrix (the default graph when None).
    person, level, start, end:
        Column names.
    valid_only:
        Count only the moves the graph allows into placements that do not
        overlap an earlier one.
    by_person:
        Dask only: ``True`` promises that no person spans two partitions (it is
        checked); ``None`` shuffles by person when that is not known.
    progress:
        Show progress on stderr (``None``: only in an interactive terminal).

    Returns
    -------
    pandas.DataFrame
        int64 counts.

    Raises
    ------
    carecontinuum.journeys.population.PlacementFrameError
        For a missing column or missing values.
    carecontinuum.UnknownLevelError
        (an ``UnknownLevelCodesError``) listing every unknown level code.

    Examples
    --------
    >>> import pandas as pd
    >>> from carecontinuum.journeys import population
    >>> df = pd.DataFrame({"person_id": [1, 1, 1], "level": ["inpatient acute", "IOP", "OP"],
    ...                    "start": ["2024-01-01", "2024-01-08", "2024-01-20"],
    ...                    "end": ["2024-01-08", "2024-02-01", "2024-03-01"]})
    >>> m = population.transition_matrix(df)
    >>> int(m.loc["inpatient_acute", "intensive_outpatient"]), int(m.to_numpy().sum())
    (1, 2)
    >>> int(population.transition_matrix(df, valid_only=True).to_numpy().sum())  # OP overlaps
    1
    """
    _flag(valid_only, "valid_only")
    columns = _columns(person, level, start, end)
    if _is_dask(df):
        return _on_dask("matrix", df, graph, columns, valid_only=valid_only, by_person=by_person)
    with Progress("transition matrix", total=2, enabled=progress) as bar:
        data = _source(df, graph, columns, need_end=valid_only)
        bar.advance(note="counting")
        counts = _moves(data, valid_only)
        bar.advance()
    return matrix_frame(data.codes, counts)


def transition_rates(
    df: Any,
    graph: ContinuumGraph | None = None,
    *,
    person: str = "person_id",
    level: str = "level",
    start: str = "start",
    end: str = "end",
    valid_only: bool = False,
    by_person: bool | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Step-ups, step-downs and lateral moves out of each level, and their rates.

    Columns: ``placements`` (at the level), ``moves`` (followed by another
    placement), ``step_ups``, ``step_downs``, ``laterals``, and
    ``step_up_rate`` / ``step_down_rate`` (per placement at the level).  Kinds
    follow the levels' ranks in *graph*.  The last row, ``all``, totals them.
    Moves are counted as in :func:`transition_matrix` (``valid_only`` likewise).

    Parameters
    ----------
    df:
        A DataFrame, :class:`PreparedPlacements` or Dask DataFrame.
    graph, person, level, start, end, valid_only, by_person, progress:
        As for :func:`transition_matrix`.

    Returns
    -------
    pandas.DataFrame
        One row per level, then ``all``.

    Raises
    ------
    carecontinuum.journeys.population.PlacementFrameError
        As for :func:`transition_matrix`.

    Examples
    --------
    >>> from carecontinuum.journeys import population, synthetic_cohort
    >>> r = population.transition_rates(synthetic_cohort(300, seed=2))
    >>> list(r.columns)[:5]
    ['placements', 'moves', 'step_ups', 'step_downs', 'laterals']
    >>> bool(r.loc["all", "moves"] == r.loc["all", ["step_ups", "step_downs", "laterals"]].sum())
    True
    """
    _flag(valid_only, "valid_only")
    columns = _columns(person, level, start, end)
    if _is_dask(df):
        return _on_dask("rates", df, graph, columns, valid_only=valid_only, by_person=by_person)
    with Progress("transition rates", total=2, enabled=progress) as bar:
        data = _source(df, graph, columns, need_end=valid_only)
        bar.advance(note="counting")
        counts = _moves(data, valid_only)
        placements = bincount(data.known_levels(), len(data.codes))
        bar.advance()
    return rates_table(data.codes, data.tables.ranks, counts, placements)
