"""The episode analytics: completion, discharge reasons, setting changes and LOS bands.

Each takes what :func:`~carecontinuum.teds.read_discharges` returns (a pandas
DataFrame, its chunks, or a dask DataFrame), counts it once
(:mod:`._tally`) and shapes the counts into a table by level — optionally by
``year`` and ``state_fips`` too.  Counts are exact whatever the input; nothing
is averaged over the LOS codes, which are intervals: lengths of stay are
counts per band and the band that holds the median.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Literal

from .._checks import as_tuple, not_bool
from .._text import echo
from ._codebook import DISCHARGE_REASONS, LOS_CODES, MISSING
from ._errors import TedsFrameError, TedsValueError
from ._levels import MATCHES
from ._pandas import np, pd
from ._tally import Counts, check_by, count_discharges

__all__ = ["completion_rates", "los_bands", "reason_distribution", "setting_changes"]

NO_LEVEL = "(no level)"
"""The row of discharges without a level: TEDS 8 (no counterpart) or a missing setting."""
LevelAxis = Literal["level", "teds_setting"]
_LAST = 10_000  # sorts missing states, settings and levels after the others


def _axis(level: object, function: str, admission: bool = False) -> list[str]:
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


def _wide(counts: Counts, rows: Sequence[str], target: str, width: int) -> pd.DataFrame:
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


def _match(counts: Counts, rows: Sequence[str]) -> Any:
    """Per row of :func:`_wide`: ``exact`` if every discharge matched exactly, else how not."""
    table = counts.table
    frame = pd.DataFrame({name: _sort_key(table[name].to_numpy()) for name in rows})
    kinds = table["level_match"].to_numpy()
    frame["_approximate"] = kinds == MATCHES.index("approximate") + 1
    flags = frame.groupby(list(rows), sort=True)["_approximate"].any()
    level = flags.index.get_level_values("level")
    return np.where(level == _LAST, "none", np.where(flags.to_numpy(), "approximate", "exact"))


def _start(
    discharges: object, by: object, level: object, function: str, extra: Sequence[str]
) -> tuple[Counts, list[str], list[str]]:
    names = list(check_by(by, function))
    axis = _axis(level, function)
    counts = count_discharges(discharges, [*names, *axis, *extra], function)
    return counts, names, axis


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
    counts, names, axis = _start(discharges, by, level, function, ["reason"])
    return _completion(counts, [*names, axis[0]], with_match=level == "level")


def _completion(counts: Counts, rows: list[str], *, with_match: bool) -> pd.DataFrame:
    wide = _wide(counts, rows, "reason", len(DISCHARGE_REASONS) + 1)
    completed_column = counts.categories("reason").index(1) + 1
    out = pd.DataFrame(index=wide.index)
    out["discharges"] = wide.sum(axis=1)
    out["completed"] = wide[completed_column]
    out["reason_missing"] = wide[0]
    known = out["discharges"] - out["reason_missing"]
    with np.errstate(invalid="ignore", divide="ignore"):
        out["completion_rate"] = out["completed"] / known.where(known > 0)
    if with_match:
        out["match"] = _match(counts, rows)
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
    counts, names, axis = _start(discharges, by, level, function, ["reason"])
    wide = _wide(counts, [*names, axis[0]], "reason", len(DISCHARGE_REASONS) + 1)
    codes = counts.categories("reason")
    columns = {DischargeReason(code).name.lower(): wide[i + 1] for i, code in enumerate(codes)}
    columns["missing"] = wide[0]
    out = pd.DataFrame(columns, index=wide.index)
    if normalize:
        out = out.div(out.sum(axis=1), axis=0)
    if level == "level":
        out["match"] = _match(counts, [*names, axis[0]])
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
    row = _axis(level, function, admission=True)[0]
    column = "level" if level == "level" else "teds_setting"
    counts = count_discharges(discharges, [*names, row, column], function)
    categories = counts.categories(column)
    wide = _wide(counts, [*names, row], column, len(categories) + 1)
    missing: Any = NO_LEVEL if level == "level" else MISSING
    wide.columns = pd.Index([missing, *categories], name=column)  # position 0 is missing
    return wide[[*categories, missing]]


def _bands(bands: object) -> list[tuple[int, int | None]]:
    """The (first day, last day or None) of each band, from the codebook or upper bounds."""
    if bands is None:
        return [(c.min_days, c.max_days) for c in LOS_CODES]
    edges: tuple[object, ...] = as_tuple(bands, "bands")
    ends = {c.max_days for c in LOS_CODES if c.max_days is not None}
    previous = 0
    out: list[tuple[int, int | None]] = []
    for edge in edges:
        not_bool(edge, "bands", "a number of days")
        if not isinstance(edge, int) or edge not in ends or edge <= previous:
            raise TedsValueError(
                f"bands: {echo(edge)} is not a day on which a LOS code ends, after the last "
                "band's end; bands are unions of whole codes, ending on a day in 1–30, 45, 60, "
                "90, 120, 180 or 365 [TEDS-D-CB]"
            )
        out.append((previous + 1, edge))
        previous = edge
    out.append((previous + 1, None))
    return out


def _band_label(first: int, last: int | None) -> str:
    if last is None:
        return f"more than {first - 1}"
    return str(first) if first == last else f"{first}–{last}"


def los_bands(
    discharges: Any,
    *,
    by: Sequence[str] = (),
    level: LevelAxis = "level",
    bands: Sequence[int] | None = None,
) -> pd.DataFrame:
    """Lengths of stay by level over the LOS bands: counts per band and the median band.

    ``LOS`` codes 31–37 are intervals [TEDS-D-CB], so no mean or exact median
    can be computed; this counts discharges per band and reports the band that
    holds the median (the band of the ⌈n/2⌉-th shortest stay).

    Parameters
    ----------
    discharges:
        As :func:`completion_rates`.
    by:
        ``"year"`` and/or ``"state_fips"``.
    level:
        ``"level"`` or ``"teds_setting"``.
    bands:
        ``None`` for the 37 codebook codes, or the last day of each band, in
        increasing order, for coarser bands made of whole codes: ``(7, 30, 90,
        365)`` gives 1–7, 8–30, 31–90, 91–365 and more than 365 days.  A band
        cannot end inside an interval code (at 40, say).

    Returns
    -------
    pandas.DataFrame
        ``discharges``, ``los_missing``, one column of counts per band (named
        ``'1'`` … ``'31–45'`` … ``'more than 365'``), ``median_band`` with
        ``median_min_days`` and ``median_max_days`` (missing when open-ended),
        and by level ``match`` as in :func:`completion_rates`.

    Raises
    ------
    carecontinuum.teds.TedsFrameError
        As :func:`completion_rates`.
    carecontinuum.teds.TedsValueError
        For bands that do not end where LOS codes end.

    Examples
    --------
    >>> from carecontinuum import teds
    >>> df = teds.read_discharges(teds.synthetic_discharges(400, seed=2))  # SYNTHETIC
    >>> table = teds.los_bands(df, bands=[7, 30, 90, 365])
    >>> list(table.columns)[:7]
    ['discharges', 'los_missing', '1–7', '8–30', '31–90', '91–365', 'more than 365']
    >>> int(table.loc["outpatient", "1–7"]), table.loc["outpatient", "median_band"]
    (64, '8–30')
    """
    spans = _bands(bands)
    function = "los_bands"
    counts, names, axis = _start(discharges, by, level, function, ["los"])
    return _los(counts, [*names, axis[0]], spans, with_match=level == "level")


def _los(
    counts: Counts, rows: list[str], spans: list[tuple[int, int | None]], *, with_match: bool
) -> pd.DataFrame:
    wide = _wide(counts, rows, "los", len(LOS_CODES) + 1)
    codes = counts.categories("los")
    labels = [_band_label(a, b) for a, b in spans]
    per_band = np.zeros((len(wide), len(spans)), dtype=np.int64)
    for position, code in enumerate(codes, start=1):
        entry = LOS_CODES[code - 1]
        band = next(i for i, (_a, b) in enumerate(spans) if b is None or entry.min_days <= b)
        per_band[:, band] += wide[position].to_numpy()
    out = pd.DataFrame(index=wide.index)
    out["discharges"] = wide.sum(axis=1)
    out["los_missing"] = wide[0]
    for i, label in enumerate(labels):
        out[label] = per_band[:, i]
    median = _median_band(per_band)
    out["median_band"] = pd.array([labels[m] if m >= 0 else None for m in median], dtype=object)
    out["median_min_days"] = pd.array(
        [spans[m][0] if m >= 0 else None for m in median], dtype="Int16"
    )
    out["median_max_days"] = pd.array(
        [spans[m][1] if m >= 0 else None for m in median], dtype="Int16"
    )
    if with_match:
        out["match"] = _match(counts, rows)
    return out


def summary(discharges: Any, bands: Sequence[int] | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`completion_rates` and :func:`los_bands` by level, from one count (one pass)."""
    spans = _bands(bands)
    counts = count_discharges(discharges, ["level", "level_match", "reason", "los"], "summary")
    return (
        _completion(counts, ["level"], with_match=True),
        _los(counts, ["level"], spans, with_match=True),
    )


def _median_band(per_band: Any) -> list[int]:
    """The band of each row's ⌈n/2⌉-th stay, or -1 for a row without one."""
    out = []
    for row in per_band:
        n = int(row.sum())
        if n == 0:
            out.append(-1)
            continue
        out.append(int(np.searchsorted(np.cumsum(row), math.ceil(n / 2))))
    return out
