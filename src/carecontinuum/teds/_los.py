"""Lengths of stay over the LOS bands: counts per band and the band that holds the median.

``LOS`` codes 31–37 are intervals [TEDS-D-CB]: no mean or exact median can be
computed without inventing days, so nothing here averages them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from .._checks import as_tuple, not_bool
from .._text import echo
from ._codebook import LOS_CODES
from ._errors import TedsValueError
from ._pandas import np, pd
from ._tables import LevelAxis, counts_table, match_column, start_counts
from ._tally import Counts

__all__ = ["bands_of", "los_bands", "los_table"]


def bands_of(bands: object) -> list[tuple[int, int | None]]:
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
    spans = bands_of(bands)
    function = "los_bands"
    counts, names, axis = start_counts(discharges, by, level, function, ["los"])
    return los_table(counts, [*names, axis[0]], spans, with_match=level == "level")


def los_table(
    counts: Counts, rows: list[str], spans: list[tuple[int, int | None]], *, with_match: bool
) -> pd.DataFrame:
    wide = counts_table(counts, rows, "los", len(LOS_CODES) + 1)
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
        out["match"] = match_column(counts, rows)
    return out


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
