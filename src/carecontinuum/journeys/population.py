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

import itertools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .._checks import as_tuple
from .._progress import Progress
from ..transitions import ContinuumGraph
from ._analytics import (
    LengthsOfStay,
    bincount,
    los_partial,
    los_table,
    matrix_frame,
    move_counts,
    rates_table,
)
from ._check import DEFAULT_MAX_GAP_DAYS, check_options
from ._dates import NO_DAY, from_day_number
from ._errors import PlacementFileError, PlacementFrameError, UnknownLevelCodesError
from ._files import read_csv, read_parquet, write_parquet
from ._frame import Columns
from ._graphs import resolve_graph
from ._journey import Journey
from ._pandas import np, pd
from ._placement import Placement
from ._population_check import findings_frame, overlaps
from ._prepare import PreparedPlacements, read_prepared

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
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


def _is_dask(data: object) -> bool:
    return type(data).__module__.split(".", 1)[0] in {"dask", "dask_expr"} and hasattr(
        data, "map_partitions"
    )


def _columns(person: Any, level: Any, start: Any, end: Any, reason: Any = None) -> Columns:
    return Columns(person, level, start, end, reason)


def _source(
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
            data.need_end("this analysis")
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
        df, resolve_graph(graph), columns, need_end=False, want_end=True, want_reason=True
    )


def _on_dask(
    kind: str, data: Any, graph: ContinuumGraph | None, columns: Columns, **options: Any
) -> pd.DataFrame:
    from ._dask import run

    return run(kind, data, resolve_graph(graph), columns, **options)


def _moves(data: PreparedPlacements, valid_only: bool) -> Any:
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


def _flag(value: object, name: str) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, got {type(value).__name__} {value!r:.40}")


def _person_id(value: Any, name: Any) -> str | int:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int | str) and not isinstance(value, bool):
        return value
    raise PlacementFrameError(
        f"column {name!r}: a Journey's person id must be a string or an integer, not "
        f"{type(value).__name__} {value!r:.40}"
    )


def journeys_from_frame(
    df: pd.DataFrame,
    graph: ContinuumGraph | None = None,
    *,
    person: str = "person_id",
    level: str = "level",
    start: str = "start",
    end: str = "end",
    discharge_reason: str | None = "discharge_reason",
    progress: bool | None = None,
) -> list[Journey]:
    """One :class:`~carecontinuum.Journey` per person, placements sorted by start.

    This builds Python objects row by row (fine for samples and single people;
    use the vectorized functions for whole populations).  Levels are those of
    *graph* (codes or aliases accepted).  Person ids are kept as given; whole
    floats (``1.0``, as pandas stores integer ids next to missing values) become
    the integers they hold.

    Parameters
    ----------
    df:
        A DataFrame of placements (or :class:`PreparedPlacements`).
    graph:
        The graph the levels belong to (the default graph when None).
    person, level, start, end, discharge_reason:
        Column names (the end and discharge-reason columns are optional).
    progress:
        Show progress on stderr (``None``: only in an interactive terminal).

    Returns
    -------
    list of Journey
        In order of each person's first row in the frame (of id for integer ids).

    Raises
    ------
    carecontinuum.journeys.population.PlacementFrameError
        For unreadable columns, or person ids that are neither strings nor integers.

    Examples
    --------
    >>> from carecontinuum.journeys import population, synthetic_cohort
    >>> journeys = population.journeys_from_frame(synthetic_cohort(3, seed=4))
    >>> [j.person_id for j in journeys]
    [0, 1, 2]
    """
    g = resolve_graph(graph) if not isinstance(df, PreparedPlacements) else df.graph
    data = _source(
        df,
        g,
        _columns(person, level, start, end, discharge_reason),
        want_end=True,
        want_reason=True,
    )
    level_codes = data.known_levels()
    levels = data.graph.levels
    order = np.arange(len(data)) if data.order is None else data.order
    ids = data.person_ids.to_numpy(dtype=object)[order]
    starts = [from_day_number(int(d)) for d in data.start]
    ends = (
        None
        if data.end is None
        else [None if d == NO_DAY else from_day_number(int(d)) for d in data.end]
    )
    reasons = None if data.reason is None else data.reason.tolist()
    bounds: list[int] = [*np.flatnonzero(data.first).tolist(), len(data)]
    journeys: list[Journey] = []
    with Progress("journeys", total=max(len(bounds) - 1, 0), enabled=progress) as bar:
        for a, b in itertools.pairwise(bounds):
            placements = tuple(
                Placement(
                    level=levels[level_codes[i]],
                    start=starts[i],
                    end=None if ends is None else ends[i],
                    discharge_reason=None if reasons is None or not reasons[i] else reasons[i],
                )
                for i in range(a, b)
            )
            pid = _person_id(ids[a], data.columns.person)
            journeys.append(Journey(person_id=pid, placements=placements))
            bar.advance()
    return journeys


def journeys_to_frame(journeys: Iterable[Journey], *, progress: bool | None = None) -> pd.DataFrame:
    """A DataFrame of placements (person_id, level, start, end, discharge_reason) from journeys.

    Parameters
    ----------
    journeys:
        Journey objects (a list, tuple or other iterable; not a single Journey).
    progress:
        Show progress on stderr (``None``: only in an interactive terminal).

    Returns
    -------
    pandas.DataFrame
        ``start`` and ``end`` as ``datetime64[s]``, ``discharge_reason`` as ``Int8``.

    Raises
    ------
    TypeError
        For anything but Journey objects.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> from carecontinuum.journeys import population
    >>> j = cc.Journey(person_id=1, placements=[{"level": "IOP", "start": "2024-01-01"}])
    >>> population.journeys_to_frame([j])[["person_id", "level"]].to_dict("records")
    [{'person_id': 1, 'level': 'intensive_outpatient'}]
    """
    if isinstance(journeys, Journey):
        raise TypeError("journeys_to_frame() takes a list of Journey objects, not one Journey")
    items: tuple[object, ...] = as_tuple(journeys, "journeys")
    rows: dict[str, list[Any]] = {
        "person_id": [],
        "level": [],
        "start": [],
        "end": [],
        "discharge_reason": [],
    }
    with Progress("placements", enabled=progress) as bar:
        for j in items:
            if not isinstance(j, Journey):
                raise TypeError(
                    f"journeys_to_frame() takes Journey objects, got {type(j).__name__} {j!r:.40}"
                )
            for p in j.placements:
                rows["person_id"].append(j.person_id)
                rows["level"].append(p.level.code)
                rows["start"].append(p.start)
                rows["end"].append(p.end)
                rows["discharge_reason"].append(
                    None if p.discharge_reason is None else int(p.discharge_reason)
                )
            bar.advance()
    frame = pd.DataFrame(rows)
    frame["start"] = pd.to_datetime(frame["start"]).astype("datetime64[s]")
    frame["end"] = pd.to_datetime(frame["end"]).astype("datetime64[s]")
    frame["discharge_reason"] = frame["discharge_reason"].astype("Int8")
    return frame


def plot_transition_matrix(
    data: Any,
    graph: ContinuumGraph | None = None,
    *,
    shares: bool = False,
    ax: Axes | None = None,
    annotate: bool = True,
    **columns: str,
) -> Axes:
    """A heatmap of the transition matrix: counts, or each row's shares.

    Needs the ``plot`` extra (matplotlib).

    Parameters
    ----------
    data:
        A DataFrame, :class:`PreparedPlacements`, Dask DataFrame, or a matrix
        from :func:`transition_matrix`.
    graph:
        As for :func:`transition_matrix`.
    shares:
        Colour and label each cell by its share of the row's moves (each
        row sums to 1) instead of by count.
    ax:
        The axes to draw on (a new figure when None).
    annotate:
        Write each non-zero cell's value in it.
    **columns:
        Column names (``person=``, ``level=``, ``start=``, ``end=``), as for
        :func:`transition_matrix`.

    Returns
    -------
    matplotlib.axes.Axes
        The axes, with a colour bar.

    Raises
    ------
    carecontinuum.MissingExtraError
        Without matplotlib.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from carecontinuum.journeys import population, synthetic_cohort
    >>> ax = population.plot_transition_matrix(synthetic_cohort(100, seed=3), shares=True)
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('to', 'from')
    """
    from ._plot import plot_matrix

    _flag(shares, "shares")
    _flag(annotate, "annotate")
    if isinstance(data, pd.DataFrame) and data.index.name == "from" and data.columns.name == "to":
        matrix = data
    else:
        matrix = transition_matrix(data, graph, **columns)  # type: ignore[arg-type]
    return plot_matrix(matrix, shares=shares, ax=ax, annotate=annotate)


def plot_journeys(
    df: Any,
    people: Sequence[Any] | None = None,
    *,
    graph: ContinuumGraph | None = None,
    limit: int = 10,
    ax: Axes | None = None,
    **columns: str,
) -> Axes:
    """Gantt-style timelines of a few people's journeys from a frame, one band per person.

    Parameters
    ----------
    df:
        A DataFrame of placements (or :class:`PreparedPlacements`), or a list
        of :class:`~carecontinuum.Journey` objects.
    people:
        The person ids to draw (a list; the first *limit* people when None).
    graph:
        Whose levels order the rows (the default graph when None).
    limit:
        At most this many people are drawn.
    ax:
        The axes to draw on (a new figure when None).
    **columns:
        Column names (``person=``, ``level=``, ``start=``, ``end=``,
        ``discharge_reason=``), as for :func:`journeys_from_frame`.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    ValueError
        For a *limit* below 1 or people not in the frame.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from carecontinuum.journeys import population, synthetic_cohort
    >>> ax = population.plot_journeys(synthetic_cohort(20, seed=3), people=[0, 1])
    >>> ax.get_title()
    '2 journeys'
    """
    from ._plot import plot_journeys as draw

    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError(f"limit must be a whole number ≥ 1, got {limit!r:.40}")
    if isinstance(df, list | tuple) and all(isinstance(j, Journey) for j in df):
        chosen = list(df)[:limit]
        return draw(chosen, ax=ax, graph=graph)
    if not isinstance(df, pd.DataFrame):
        raise TypeError(
            f"plot_journeys() takes a DataFrame of placements or a list of Journey objects, "
            f"not {type(df).__name__}"
        )
    name = columns.get("person", "person_id")
    if people is not None:
        wanted: list[object] = list(as_tuple(people, "people"))
        subset = df[df[name].isin(wanted)] if name in df.columns else df
        missing = [p for p in wanted if p not in set(subset[name].tolist())]
        if missing:
            raise ValueError(f"people not in column {name!r}: {missing!r:.80}")
    else:
        keep: Any = pd.unique(df[name])[:limit] if name in df.columns else []
        subset = df[df[name].isin(keep)] if name in df.columns else df
    journeys = journeys_from_frame(subset, graph, **columns)  # type: ignore[arg-type]
    return draw(journeys[:limit], ax=ax, graph=graph)
