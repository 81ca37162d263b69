"""Population analytics over a DataFrame of placements (the ``dataframe`` extra).

The frame has one row per placement: a person id, a level code (or alias), a
start date and, for lengths of stay and checks, an end date (``NaT`` while
open) and optionally a TEDS discharge reason.  Column names are configurable.

Every function accepts

* a pandas DataFrame;
* the :class:`PreparedPlacements` that :func:`prepare` makes from one — read
  once, sorted once, then analysed many times at almost no cost;
* a ``dask.dataframe.DataFrame`` (the ``dask`` extra), for data larger than
  memory or spread over a cluster: the same kernels run per partition and the
  partial results are combined exactly (see :doc:`/howto/dask`).

Dates are calendar dates: a datetime becomes its own local date (a tz-aware
column its wall-clock date).  End dates are exclusive by default (a stay is
``end - start`` days); pass ``end_inclusive=True`` for claims-style extracts
whose end date is the last day of care.  Unknown level codes, missing
columns, booleans where ids or codes belong, and placements that end before
they start raise clear errors (:class:`PlacementFrameError`).

Examples
--------
>>> from carecontinuum.journeys import population, synthetic_cohort
>>> df = synthetic_cohort(200, seed=7)          # SYNTHETIC data
>>> m = population.transition_matrix(df)
>>> int(m.to_numpy().sum()) == len(df) - df["person_id"].nunique()
True
>>> list(m.index)[:2]
['outpatient', 'intensive_outpatient']
>>> data = population.prepare(df)               # read and sort once ...
>>> population.transition_matrix(data).equals(m)  # ... analyse many times
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._progress import Progress
from ..transitions import ContinuumGraph
from ._analytics import (
    LengthsOfStay,
    los_partial,
    los_table,
)
from ._check import DEFAULT_MAX_GAP_DAYS, check_options
from ._convert import journeys_from_frame, journeys_to_frame
from ._dispatch import columns as _columns
from ._dispatch import flag as _flag
from ._dispatch import is_dask as _is_dask
from ._dispatch import on_dask as _on_dask
from ._dispatch import source as _source
from ._errors import (
    JourneyOptionError,
    PlacementFileError,
    PlacementFrameError,
    UnknownLevelCodesError,
)
from ._files import read_csv, read_parquet, write_parquet
from ._frame import Columns
from ._graphs import resolve_graph
from ._matrix import transition_matrix, transition_rates
from ._pandas import pd
from ._population_check import findings_frame
from ._population_plots import plot_journeys, plot_transition_matrix
from ._prepare import PreparedPlacements, read_prepared

if TYPE_CHECKING:
    pass

__all__ = [
    "JourneyOptionError",
    "PlacementFileError",
    "PlacementFrameError",
    "PreparedPlacements",
    "UnknownLevelCodesError",
    "check",
    "journeys_from_frame",
    "journeys_to_frame",
    "length_of_stay_stats",
    "plot_journeys",
    "plot_transition_matrix",
    "prepare",
    "read_csv",
    "read_parquet",
    "transition_matrix",
    "transition_rates",
    "write_parquet",
]

_DEFAULTS = Columns()


def prepare(
    df: pd.DataFrame,
    graph: ContinuumGraph | None = None,
    *,
    person: str = "person_id",
    level: str = "level",
    start: str = "start",
    end: str | None = "end",
    discharge_reason: str | None = "discharge_reason",
) -> PreparedPlacements:
    """Read and sort a frame of placements once, for any number of analyses.

    The result holds compact arrays sorted by person then start (ties keep
    their input order): levels as ``uint8``, dates as ``int32`` days, one
    new-person flag and the row order per row.  Pass it to
    :func:`transition_matrix`, :func:`transition_rates`,
    :func:`length_of_stay_stats`, :func:`check` or the plots in place of the
    frame.  Only the named columns are read; the end and discharge-reason
    columns are read when present (``None`` skips them).  Unknown level codes
    are kept, so :func:`check` can report them; the other analyses refuse them.

    Parameters
    ----------
    df:
        One row per placement.
    graph:
        The graph the levels belong to (the default graph when None).
    person, level, start, end, discharge_reason:
        Column names.

    Returns
    -------
    PreparedPlacements
        The sorted arrays; the frame is not copied.

    Raises
    ------
    carecontinuum.journeys.population.PlacementFrameError
        For a missing or duplicated column, missing values, booleans, dates out
        of range, or placements that end before they start.

    Examples
    --------
    >>> from carecontinuum.journeys import population, synthetic_cohort
    >>> data = population.prepare(synthetic_cohort(100, seed=1))
    >>> data
    PreparedPlacements(... placements of 100 people with end and reason, graph 'continuum')
    >>> data.level.dtype, data.start.dtype
    (dtype('uint8'), dtype('int32'))
    """
    if _is_dask(df):
        raise TypeError(
            "prepare() reads a pandas DataFrame; pass a Dask DataFrame to the analyses "
            "directly (they prepare each partition)"
        )
    columns = _columns(person, level, start, end, discharge_reason)
    return read_prepared(
        df,
        resolve_graph(graph),
        columns,
        need_end=False,
        want_end=True,
        want_reason=True,
        stays=True,
    )


def length_of_stay_stats(
    df: Any,
    graph: ContinuumGraph | None = None,
    *,
    person: str = "person_id",
    level: str = "level",
    start: str = "start",
    end: str = "end",
    end_inclusive: bool = False,
    by_person: bool | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Length of stay in days per level: counts, mean, quartiles, range and total.

    Open placements (no end date) are counted in ``open`` and left out of the
    statistics.  Only the level, start and end columns are read (no sort).  A
    stay is ``end - start`` days, or ``end - start + 1`` with
    ``end_inclusive=True``; the table's ``attrs["length_of_stay"]`` says which.
    The statistics are exact, from per-level counts of each length (no
    sampling, no approximation): the quartiles interpolate linearly between
    order statistics, as pandas' ``describe()`` does; ``std_days`` is the
    sample standard deviation.

    Parameters
    ----------
    df:
        A DataFrame, :class:`PreparedPlacements` or Dask DataFrame.
    graph, person, level, start, end, by_person, progress:
        As for :func:`transition_matrix`.
    end_inclusive:
        Whether the end date is a day of care.

    Returns
    -------
    pandas.DataFrame
        One row per level: ``placements``, ``closed``, ``open``, ``mean_days``,
        ``std_days``, ``min_days``, ``p25_days``, ``median_days``,
        ``p75_days``, ``max_days``, ``total_days``.

    Raises
    ------
    carecontinuum.journeys.population.PlacementFrameError
        For a missing column, missing values, or placements that end before they start.

    Examples
    --------
    >>> import pandas as pd
    >>> from carecontinuum.journeys import population
    >>> df = pd.DataFrame({"person_id": [1, 2], "level": ["IOP", "IOP"],
    ...                    "start": ["2024-06-01", "2024-06-01"],
    ...                    "end": ["2024-06-30", "2024-07-10"]})
    >>> population.length_of_stay_stats(df).loc["intensive_outpatient", "median_days"]
    np.float64(34.0)
    >>> s = population.length_of_stay_stats(df, end_inclusive=True)
    >>> s.loc["intensive_outpatient", "median_days"], s.attrs["length_of_stay"]
    (np.float64(35.0), 'end - start + 1 days (end date inclusive)')
    """
    _flag(end_inclusive, "end_inclusive")
    columns = _columns(person, level, start, end)
    if _is_dask(df):
        return _on_dask("los", df, graph, columns, end_inclusive=end_inclusive, by_person=by_person)
    with Progress("length of stay", total=2, enabled=progress) as bar:
        data = _source(df, graph, columns, need_end=True, sort=False)
        bar.advance(note="statistics")
        part: LengthsOfStay = los_partial(data, end_inclusive)
        table = los_table(data.codes, part, end_inclusive)
        bar.advance()
    return table


def check(
    df: Any,
    graph: ContinuumGraph | None = None,
    *,
    max_gap_days: int = DEFAULT_MAX_GAP_DAYS,
    end_inclusive: bool = False,
    person: str = "person_id",
    level: str = "level",
    start: str = "start",
    end: str = "end",
    discharge_reason: str | None = "discharge_reason",
    by_person: bool | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Every finding of every person's journey, at once: ``Journey.check()`` vectorized.

    The findings are those :meth:`carecontinuum.Journey.check` reports for
    each person's journey as :func:`journeys_from_frame` builds it (placements
    sorted by start), with the same codes, severities, locations and
    messages; unknown level codes are findings (``unknown-level``) here, not
    errors.  There is no Python loop per row or per person.

    Parameters
    ----------
    df:
        A DataFrame, :class:`PreparedPlacements` or Dask DataFrame; it needs an
        end column.  A discharge-reason column, when present, adds the
        ``reason-without-end`` and ``after-death`` checks.
    graph:
        The graph moves are checked against (the default graph when None).
    max_gap_days, end_inclusive:
        As for :meth:`carecontinuum.Journey.check`.
    person, level, start, end, discharge_reason:
        Column names.
    by_person, progress:
        As for :func:`transition_matrix`.

    Returns
    -------
    pandas.DataFrame
        One row per finding: the person id (in a column named like the person
        column, values as given), ``placement`` (the index in the person's
        sorted journey, as ``Finding.location``), ``row`` (the frame's index
        label), ``code`` and ``severity`` (categoricals) and ``message``.
        Rows are in order of person id, then placement, then the order in which
        ``Journey.check`` lists them.

    Raises
    ------
    carecontinuum.journeys.population.PlacementFrameError
        For a missing or unreadable column.
    carecontinuum.journeys.population.JourneyOptionError
        For a negative *max_gap_days* (a ``ValueError`` too).

    Examples
    --------
    >>> import pandas as pd
    >>> from carecontinuum.journeys import population
    >>> df = pd.DataFrame({"person_id": ["a", "a", "b", "b"],
    ...                    "level": ["residential", "IOP", "inpatient acute", "OP"],
    ...                    "start": ["2024-01-01", "2024-01-20", "2024-03-01", "2024-03-20"],
    ...                    "end": ["2024-03-01", "2024-02-10", "2024-03-10", None]})
    >>> found = population.check(df)
    >>> found[["person_id", "placement", "code"]].to_dict("records")
    [{'person_id': 'a', 'placement': 1, 'code': 'overlap'}, {'person_id': 'b', 'placement': 1, 'code': 'gap'}, {'person_id': 'b', 'placement': 1, 'code': 'move-not-allowed'}]
    """  # noqa: E501
    max_gap_days, end_inclusive = check_options(max_gap_days, end_inclusive)
    columns = _columns(person, level, start, end, discharge_reason)
    if _is_dask(df):
        return _on_dask(
            "check",
            df,
            graph,
            columns,
            max_gap_days=max_gap_days,
            end_inclusive=end_inclusive,
            by_person=by_person,
        )
    with Progress("check", total=2, enabled=progress) as bar:
        data = _source(df, graph, columns, need_end=True, want_reason=True)
        bar.advance(note="findings")
        found = findings_frame(data, max_gap_days, end_inclusive)
        bar.advance()
    return found
