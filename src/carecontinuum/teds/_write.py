"""``write_discharges``: dated placements → TEDS-D-shaped rows, for pipelines that expect them.

Each closed placement becomes one discharge row [TEDS-D-CB]: ``SERVICES_D``
(and, in the 2017+ layout, ``SERVICES``: a placement has one setting) from its
level, ``REASON`` from its discharge reason (``-9`` when it has none), ``DISYR``
from the discharge date and ``LOS`` from the dates, one day added for the
ambulatory settings as the codebook does for outpatient discharges.  Every
other column is ``-9``: the placement does not record it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import IO, TYPE_CHECKING, Any

from .._checks import not_bool
from .._text import echo
from ._codebook import (
    AMBULATORY_SETTINGS,
    MISSING,
    SERVICE_SETTINGS,
    Layout,
    layout_columns,
    los_code,
)
from ._errors import TedsWriteError
from ._pandas import np, pd

if TYPE_CHECKING:
    from ..journeys import Journey
    from ..levels import CareLevel, Crosswalk

__all__ = ["write_discharges"]

_SETTINGS = frozenset(s.code for s in SERVICE_SETTINGS)


def _candidates(walk: Crosswalk) -> dict[str, list[int]]:
    """Target level code → the TEDS settings that map to it (and to nothing else)."""
    from ..levels import MatchKind

    out: dict[str, list[int]] = {}
    for setting in SERVICE_SETTINGS:
        targets = [
            m.target
            for m in walk.mappings
            if m.source == str(setting.code) and m.match is not MatchKind.NONE
        ]
        if len(targets) == 1:
            out.setdefault(targets[0], []).append(setting.code)
    return out


class _Settings:
    """Level → TEDS setting code: the caller's choices, else the crosswalk read backwards."""

    def __init__(self, choices: Mapping[Any, Any] | None, walk: Crosswalk | None) -> None:
        from ..levels import crosswalk, framework
        from ..levels import level as find_level

        self.walk = walk if walk is not None else crosswalk("teds", "continuum")
        self.target = framework(self.walk.target_framework).code
        self.candidates = _candidates(self.walk)
        self.chosen: dict[tuple[str, str], int] = {}
        if choices is None:
            return
        if not isinstance(choices, Mapping):
            raise TypeError(f"settings must be a mapping of level → TEDS code, not {echo(choices)}")
        for key, code in choices.items():
            lv = key if hasattr(key, "framework") else find_level(str(key), framework=self.target)
            not_bool(code, f"settings[{key!r}]", "a TEDS setting code")
            if not isinstance(code, int) or code not in _SETTINGS:
                raise TedsWriteError(
                    f"settings[{echo(key)}]: {echo(code)} is not a TEDS setting code (1–8)"
                )
            self.chosen[lv.framework, lv.code] = code

    def code(self, lv: CareLevel) -> int:
        if (lv.framework, lv.code) in self.chosen:
            return self.chosen[lv.framework, lv.code]
        if lv.framework == "teds":
            return int(lv.code)
        if lv.framework != self.target:
            raise TedsWriteError(
                f"level {lv.framework}:{lv.code} is not a {self.target} or TEDS level; say which "
                f"TEDS setting it is with settings={{{lv.code!r}: <code 1–8>}}"
            )
        found = self.candidates.get(lv.code, [])
        if len(found) == 1:
            return found[0]
        hint = f"settings={{{lv.code!r}: <code 1–8>}}"
        if not found:
            raise TedsWriteError(
                f"level {lv.code!r}: no TEDS setting maps to it in {self.walk} (TEDS has no "
                f"partial-hospitalization code; PHP-like care is reported as 6 [TEDS]); say "
                f"which setting to write with {hint}"
            )
        listed = ", ".join(map(str, found))
        raise TedsWriteError(
            f"level {lv.code!r}: TEDS settings {listed} all map to it; say which to write "
            f"with {hint}"
        )


def _rows_from_journeys(items: Iterable[Any], skip_open: bool) -> dict[str, list[Any]]:
    from ..journeys import Journey

    rows: dict[str, list[Any]] = {"level": [], "start": [], "end": [], "reason": []}
    for i, journey in enumerate(items):
        if not isinstance(journey, Journey):
            raise TypeError(
                f"write_discharges() takes Journeys or a DataFrame of placements; item {i} is "
                f"a {type(journey).__name__}"
            )
        for k, p in enumerate(journey.placements):
            if p.end is None:
                if skip_open:
                    continue
                who = "" if journey.person_id is None else f" (person {echo(journey.person_id)})"
                raise TedsWriteError(
                    f"journey {i}{who}, placement {k}: has no end date, so no discharge; "
                    "pass skip_open=True to leave open placements out"
                )
            rows["level"].append(p.level)
            rows["start"].append(np.datetime64(p.start, "D"))
            rows["end"].append(np.datetime64(p.end, "D"))
            rows["reason"].append(
                MISSING if p.discharge_reason is None else int(p.discharge_reason)
            )
    return rows


def _dates(frame: pd.DataFrame, column: str) -> Any:
    if column not in frame.columns:
        raise TedsWriteError(f"the placements frame has no column {column!r}")
    values = frame[column]
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_localize(None)  # the wall-clock local date
    try:
        days = pd.to_datetime(values).to_numpy(dtype="datetime64[D]")
    except (ValueError, TypeError, OverflowError) as err:
        raise TedsWriteError(f"column {column!r} holds values that are not dates: {err}") from None
    return days


def _rows_from_frame(frame: pd.DataFrame, skip_open: bool) -> dict[str, list[Any]] | Any:
    from ..levels import level as find_level

    for name in ("level", "start", "end"):
        if name not in frame.columns:
            raise TedsWriteError(
                f"the placements frame has no column {name!r} (it needs level, start, end and "
                "optionally discharge_reason, as journeys_to_frame() writes them)"
            )
    starts, ends = _dates(frame, "start"), _dates(frame, "end")
    if np.isnat(starts).any():
        row = int(np.flatnonzero(np.isnat(starts))[0])
        raise TedsWriteError(f"placements frame, row {row + 1}: no start date")
    open_rows = np.isnat(ends)
    if open_rows.any() and not skip_open:
        row = int(np.flatnonzero(open_rows)[0])
        raise TedsWriteError(
            f"placements frame, row {row + 1}: has no end date, so no discharge; pass "
            "skip_open=True to leave open placements out"
        )
    keep = ~open_rows
    codes, uniques = pd.factorize(frame["level"].astype(object), use_na_sentinel=True)
    if (codes < 0).any():
        row = int(np.flatnonzero(codes < 0)[0])
        raise TedsWriteError(f"placements frame, row {row + 1}: no level")
    levels = []
    for value in uniques:
        text = str(value)
        fw, sep, code = text.partition(":")
        levels.append(find_level(code, framework=fw) if sep else find_level(text))
    reasons = np.full(len(frame), MISSING, dtype=np.int64)
    if "discharge_reason" in frame.columns:
        column = frame["discharge_reason"]
        given = column.notna().to_numpy()
        values = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        from ._codebook import DISCHARGE_REASONS

        allowed = [r.code for r in DISCHARGE_REASONS] + [MISSING]
        bad = given & ~np.isin(values, allowed)
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            raise TedsWriteError(
                f"placements frame, row {row + 1}: discharge_reason "
                f"{echo(column.tolist()[row])} is not a TEDS REASON code (1–7 or -9)"
            )
        reasons[given] = values[given].astype(np.int64)
    return {
        "level": [levels[c] for c in codes[keep]],
        "start": starts[keep],
        "end": ends[keep],
        "reason": reasons[keep],
    }


def write_discharges(
    journeys_or_frame: Journey | Iterable[Journey] | pd.DataFrame,
    path: str | os.PathLike[str] | IO[str],
    *,
    state_fips: int,
    settings: Mapping[str, int] | None = None,
    layout: Layout = "2017+",
    crosswalk: Crosswalk | None = None,
    skip_open: bool = False,
) -> int:
    """Write placements with dates as TEDS-D discharge rows (a code-form CSV) [TEDS-D-CB].

    One row per closed placement, in order: ``SERVICES_D`` from the level
    (``SERVICES`` too in the 2017+ layout: a placement has one setting),
    ``REASON`` from the discharge reason (``-9`` without one), ``DISYR`` from
    the end date, ``LOS`` from the dates — with one day added in the ambulatory
    settings 6–8, as the codebook adds it to outpatient discharges — and
    ``CASEID`` numbering the rows from 1.  Every other column is ``-9`` (not
    collected).  A journey's placements stay separate rows: TEDS-D cannot link
    them.

    Parameters
    ----------
    journeys_or_frame:
        A :class:`~carecontinuum.Journey`, an iterable of them, or a DataFrame
        of placements with columns ``level``, ``start``, ``end`` and optionally
        ``discharge_reason`` (as ``population.journeys_to_frame`` writes it).
    path:
        The CSV file to write (replaced if it exists), or a text file object.
    state_fips:
        The ``STFIPS`` code of every row (TEDS-D has no row without a state).
    settings:
        The TEDS setting code of a level where the crosswalk read backwards
        gives none or several: ``{"residential": 5, "partial_hospitalization":
        6}``.  Outpatient (7) and intensive outpatient (6) need none.
    layout:
        ``"2017+"`` (default) or ``"2015-2016"``.
    crosswalk:
        The TEDS → levels crosswalk read backwards (default: TEDS → continuum).
    skip_open:
        Leave placements without an end date out instead of raising.

    Returns
    -------
    int
        The number of rows written.

    Raises
    ------
    carecontinuum.teds.TedsWriteError
        For an open placement (unless *skip_open*), a level without a single
        TEDS setting and no choice in *settings*, a 0-day stay in a 24-hour
        setting (the codebook has no LOS code below 1 day), a bad reason or date.
    carecontinuum.teds.TedsValueError
        For a bad *state_fips* or *layout*.

    Examples
    --------
    >>> import io
    >>> import carecontinuum as cc
    >>> from carecontinuum import teds
    >>> j = cc.Journey(placements=[
    ...     {"level": "residential", "start": "2024-01-01", "end": "2024-02-15",
    ...      "discharge_reason": 4},
    ...     {"level": "IOP", "start": "2024-02-15", "end": "2024-03-28", "discharge_reason": 1}])
    >>> out = io.StringIO()
    >>> teds.write_discharges(j, out, state_fips=6, settings={"residential": 5})
    2
    >>> back = teds.read_discharges(io.StringIO(out.getvalue()))
    >>> back[["level", "reason", "los_min_days", "los_max_days"]]
                      level reason  los_min_days  los_max_days
    0           residential      4            31            45
    1  intensive_outpatient      1            31            45
    """
    from ..journeys import Journey

    not_bool(state_fips, "state_fips", "a state FIPS code")
    if not isinstance(state_fips, int) or not 1 <= state_fips <= 99:
        from ._errors import TedsValueError

        raise TedsValueError(f"state_fips: {echo(state_fips)} is not a state FIPS code (1–99)")
    if not isinstance(skip_open, bool):
        raise TypeError(f"skip_open must be True or False, not {echo(skip_open)}")
    columns = layout_columns(layout)
    choose = _Settings(settings, crosswalk)
    if isinstance(journeys_or_frame, pd.DataFrame):
        rows = _rows_from_frame(journeys_or_frame, skip_open)
    elif isinstance(journeys_or_frame, Journey):
        rows = _rows_from_journeys([journeys_or_frame], skip_open)
    elif isinstance(journeys_or_frame, str | bytes) or not isinstance(journeys_or_frame, Iterable):
        raise TypeError(
            "write_discharges() takes a Journey, Journeys or a DataFrame of placements, not "
            f"{type(journeys_or_frame).__name__} {echo(journeys_or_frame)}"
        )
    else:
        rows = _rows_from_journeys(journeys_or_frame, skip_open)
    table = _table(rows, choose, columns, state_fips)
    _save(table, path)
    return len(table)


def _table(
    rows: dict[str, Any], choose: _Settings, columns: tuple[str, ...], state: int
) -> pd.DataFrame:
    n = len(rows["level"])
    by_level: dict[tuple[str, str], int] = {}
    settings = np.empty(n, dtype=np.int64)
    for i, lv in enumerate(rows["level"]):
        key = (lv.framework, lv.code)
        if key not in by_level:
            by_level[key] = choose.code(lv)
        settings[i] = by_level[key]
    starts = np.asarray(rows["start"], dtype="datetime64[D]")
    ends = np.asarray(rows["end"], dtype="datetime64[D]")
    days = (ends - starts).astype(np.int64)
    if (days < 0).any():
        row = int(np.flatnonzero(days < 0)[0])
        raise TedsWriteError(f"placement {row}: ends before it starts")
    days += np.isin(settings, list(AMBULATORY_SETTINGS))
    if (days < 1).any():
        row = int(np.flatnonzero(days < 1)[0])
        raise TedsWriteError(
            f"placement {row}: a 0-day stay in 24-hour setting {settings[row]} has no TEDS-D "
            "LOS code (the codes start at 1 day)"
        )
    years = ends.astype("datetime64[Y]").astype(np.int64) + 1970
    if ((years < 1000) | (years > 9999)).any():
        row = int(np.flatnonzero((years < 1000) | (years > 9999))[0])
        raise TedsWriteError(f"placement {row}: its end year is not a 4-digit DISYR")
    los = np.array([los_code(int(d)) for d in np.unique(days)], dtype=np.int64)
    los = los[np.searchsorted(np.unique(days), days)] if n else los
    data: dict[str, Any] = {name: np.full(n, MISSING, dtype=np.int64) for name in columns}
    data["CASEID"] = np.arange(1, n + 1, dtype=np.int64)
    data["DISYR"] = years
    data["STFIPS"] = np.full(n, state, dtype=np.int64)
    data["SERVICES_D"] = settings
    if "SERVICES" in data:
        data["SERVICES"] = settings
    data["REASON"] = np.asarray(rows["reason"], dtype=np.int64)
    data["LOS"] = los
    return pd.DataFrame(data, columns=list(columns))


def _save(table: pd.DataFrame, path: str | os.PathLike[str] | IO[str]) -> None:
    if isinstance(path, str | os.PathLike) or callable(getattr(path, "write", None)):
        table.to_csv(path, index=False, lineterminator="\n")
    else:
        raise TypeError(f"path must be a file path or a text file object, not {echo(path)}")
