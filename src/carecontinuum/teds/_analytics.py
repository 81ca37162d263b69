"""The episode analytics: completion, discharge reasons, setting changes and LOS bands.

Each takes what :func:`~carecontinuum.teds.read_discharges` returns (a pandas
DataFrame, its chunks, or a dask DataFrame), counts it once
(:mod:`._tally`) and shapes the counts into a table by level — optionally by
``year`` and ``state_fips`` too.  Counts are exact whatever the input; nothing
is averaged over the LOS codes, which are intervals: lengths of stay are
counts per band and the band that holds the median.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._text import echo
from ._codebook import DISCHARGE_REASONS, MISSING
from ._los import bands_of, los_table
from ._pandas import np, pd
from ._tables import NO_LEVEL, LevelAxis, axis_keys, counts_table, match_column, start_counts
from ._tally import Counts, check_by, count_discharges

__all__ = ["completion_rates", "reason_distribution", "setting_changes", "summary"]


def completion_rates(
    discharges: Any, *, by: Sequence[str] = (), level: LevelAxis = "level"
) -> pd.DataFrame:
    """Treatment completion (``REASON`` 1) by level, optionally by year and state [TEDS-D-CB].

    Parameters
    ----------
    discharges:
        What :func:`read_discharges` returns: a pandas DataFrame, an iterable
        of its chunks, or a dask DataFrame.
    by:
        Break the table down by ``"year"`` and/or ``"state_fips"`` (outer
        index levels, in the order given).
    level:
        ``"level"`` (the crosswalk's levels; discharges without one form the
        row ``"(no level)"``) or ``"teds_setting"`` (codes 1–8, and -9 for a
        missing setting).

    Returns
    -------
    pandas.DataFrame
        One row per level (and year/state) that has discharges:
        ``discharges``, ``completed``, ``reason_missing`` and
        ``completion_rate`` = completed / discharges with a reason; by level,
        ``match`` says ``exact`` when every discharge's setting maps exactly to
        the level, ``approximate`` when some map only approximately (TEDS 6
        holds PHP-like care too), ``none`` for the row without a level.

    Raises
    ------
    carecontinuum.teds.TedsFrameError
        For a frame read_discharges() did not make, or a bad *by* or *level*.

    Examples
    --------
    >>> from carecontinuum import teds
    >>> df = teds.read_discharges(teds.synthetic_discharges(400, seed=2))  # SYNTHETIC
    >>> table = teds.completion_rates(df, by=["year"])
    >>> table.loc[(2019, "outpatient"), ["discharges", "completed"]].tolist()
    [180, 74]
    """
    function = "completion_rates"
    counts, names, axis = start_counts(discharges, by, level, function, ["reason"])
    return _completion(counts, [*names, axis[0]], with_match=level == "level")


def _completion(counts: Counts, rows: list[str], *, with_match: bool) -> pd.DataFrame:
    wide = counts_table(counts, rows, "reason", len(DISCHARGE_REASONS) + 1)
    completed_column = counts.categories("reason").index(1) + 1
    out = pd.DataFrame(index=wide.index)
    out["discharges"] = wide.sum(axis=1)
    out["completed"] = wide[completed_column]
    out["reason_missing"] = wide[0]
    known = out["discharges"] - out["reason_missing"]
    with np.errstate(invalid="ignore", divide="ignore"):
        out["completion_rate"] = out["completed"] / known.where(known > 0)
    if with_match:
        out["match"] = match_column(counts, rows)
    return out


def reason_distribution(
    discharges: Any,
    *,
    by: Sequence[str] = (),
    level: LevelAxis = "level",
    normalize: bool = False,
) -> pd.DataFrame:
    """Discharges by reason (``REASON``) and level, optionally by year and state [TEDS-D-CB].

    Parameters
    ----------
    discharges:
        As :func:`completion_rates`.
    by:
        ``"year"`` and/or ``"state_fips"``.
    level:
        ``"level"`` or ``"teds_setting"``.
    normalize:
        Shares of each row's discharges instead of counts.

    Returns
    -------
    pandas.DataFrame
        One row per level (and year/state) with discharges; columns the
        :class:`~carecontinuum.DischargeReason` names in lower case
        (``completed``, ``dropped_out``, ``terminated``, ``transferred``,
        ``incarcerated``, ``death``, ``other``) and ``missing``; by level, a
        ``match`` column as in :func:`completion_rates`.

    Raises
    ------
    carecontinuum.teds.TedsFrameError
        As :func:`completion_rates`.
    TypeError
        For a *normalize* that is not a bool.

    Examples
    --------
    >>> from carecontinuum import teds
    >>> df = teds.read_discharges(teds.synthetic_discharges(400, seed=2))  # SYNTHETIC
    >>> shares = teds.reason_distribution(df, normalize=True)
    >>> round(float(shares.drop(columns="match").loc["outpatient"].sum()), 6)
    1.0
    """
    from ..journeys import DischargeReason

    if not isinstance(normalize, bool):
        raise TypeError(f"normalize must be True or False, not {echo(normalize)}")
    function = "reason_distribution"
    counts, names, axis = start_counts(discharges, by, level, function, ["reason"])
    wide = counts_table(counts, [*names, axis[0]], "reason", len(DISCHARGE_REASONS) + 1)
    codes = counts.categories("reason")
    columns = {DischargeReason(code).name.lower(): wide[i + 1] for i, code in enumerate(codes)}
    columns["missing"] = wide[0]
    out = pd.DataFrame(columns, index=wide.index)
    if normalize:
        out = out.div(out.sum(axis=1), axis=0)
    if level == "level":
        out["match"] = match_column(counts, [*names, axis[0]])
    return out


def setting_changes(
    discharges: Any, *, by: Sequence[str] = (), level: LevelAxis = "teds_setting"
) -> pd.DataFrame:
    """The within-episode setting changes: ``SERVICES`` (rows) → ``SERVICES_D`` (columns).

    A TEDS-D row records the setting at admission and at discharge of one
    episode, without a date for any change between them [TEDS-D-CB]: this
    counts each pair.  2015 and 2016 have no ``SERVICES``: their discharges
    fall in the row of a missing admission setting.

    Parameters
    ----------
    discharges:
        As :func:`completion_rates`.
    by:
        ``"year"`` and/or ``"state_fips"``.
    level:
        ``"teds_setting"`` (codes 1–8; -9 for missing) or ``"level"`` (the
        crosswalk's levels, and ``"(no level)"``).

    Returns
    -------
    pandas.DataFrame
        Counts: one row per admission setting (and year/state) seen, one
        column per discharge setting.

    Raises
    ------
    carecontinuum.teds.TedsFrameError
        As :func:`completion_rates`.

    Examples
    --------
    >>> from carecontinuum import teds
    >>> df = teds.read_discharges(teds.synthetic_discharges(400, seed=2))  # SYNTHETIC
    >>> changes = teds.setting_changes(df)
    >>> int(changes.to_numpy().sum()), list(changes.columns)
    (400, [1, 2, 3, 4, 5, 6, 7, 8, -9])
    """
    function = "setting_changes"
    names = list(check_by(by, function))
    row = axis_keys(level, function, admission=True)[0]
    column = "level" if level == "level" else "teds_setting"
    counts = count_discharges(discharges, [*names, row, column], function)
    categories = counts.categories(column)
    wide = counts_table(counts, [*names, row], column, len(categories) + 1)
    missing: Any = NO_LEVEL if level == "level" else MISSING
    wide.columns = pd.Index([missing, *categories], name=column)  # position 0 is missing
    return wide[[*categories, missing]]


def summary(discharges: Any, bands: Sequence[int] | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`completion_rates` and :func:`los_bands` by level, from one count (one pass)."""
    spans = bands_of(bands)
    counts = count_discharges(discharges, ["level", "level_match", "reason", "los"], "summary")
    return (
        _completion(counts, ["level"], with_match=True),
        los_table(counts, ["level"], spans, with_match=True),
    )
