"""A seeded generator of synthetic placement records, for examples and benchmarks.

The data is SYNTHETIC: people walk the transition graph as a Markov chain
whose weights are arbitrary (typical moves 4× as likely as others), stays are
drawn uniformly from each level's ``typical_stay`` range where the level has
one (else 7–42 days, an arbitrary choice), and discharge reasons are drawn
with arbitrary weights.  No figure in it describes real people or programs.
"""

from __future__ import annotations

import datetime as _dt
import math
import numbers
from typing import Any

from .._progress import Progress
from .._text import echo
from .._typing import DataFrame
from ..errors import MissingExtraError
from ..transitions import ContinuumGraph
from ._errors import SyntheticCohortError

__all__ = ["SyntheticCohortError", "synthetic_cohort"]

_FALLBACK_STAY_DAYS = (7.0, 42.0)
_TYPICAL_WEIGHT = 4.0
# discharge reasons (TEDS REASON codes [TEDS]) and arbitrary synthetic weights
_LAST_REASONS = (1, 2, 3, 4, 5, 6, 7, -9)
_LAST_WEIGHTS = (50, 25, 8, 5, 3, 1, 5, 3)


def _stay_days(graph: ContinuumGraph) -> tuple[list[float], list[float]]:
    lows, highs = [], []
    for lv in graph.levels:
        stay = lv.typical_stay
        q_low, q_high = (None, None) if stay is None else stay.quantities()
        if q_low is None or q_high is None:  # no stay, or an open-ended one
            low, high = _FALLBACK_STAY_DAYS
        else:
            low, high = float(q_low.to("day").magnitude), float(q_high.to("day").magnitude)
        lows.append(max(1.0, low))
        highs.append(max(1.0, high))
    return lows, highs


def _chain(graph: ContinuumGraph, np: Any) -> Any:
    """Cumulative transition probabilities, one row per level (arbitrary weights)."""
    codes = graph.codes
    n = len(codes)
    weights = np.zeros((n, n))
    for i, code in enumerate(codes):
        for t in graph.moves_from(code):
            weights[i, codes.index(t.target)] = _TYPICAL_WEIGHT if t.typical else 1.0
        if not weights[i].any():  # a dead end: move anywhere else
            weights[i] = 1.0
            weights[i, i] = 0.0 if n > 1 else 1.0
    probs = weights / weights.sum(axis=1, keepdims=True)
    return np.cumsum(probs, axis=1)


#: The most people, and mean placements per person, one call makes (a frame of ~10 GB).
MAX_PEOPLE = 10_000_000
MAX_PER_PERSON = 1_000
_LAST_DAY = _dt.date(9999, 12, 31)


def _check_arguments(n_people: object, seed: object, per_person: object, start: object) -> None:
    for name, value in (("n_people", n_people), ("seed", seed)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
            raise SyntheticCohortError(f"{name} must be a whole number ≥ 0, not {echo(value)}")
    if n_people > MAX_PEOPLE:  # type: ignore[operator]
        raise SyntheticCohortError(
            f"n_people must be at most {MAX_PEOPLE:,} in one call, not {echo(n_people)}"
        )
    if (
        isinstance(per_person, bool)
        or not isinstance(per_person, numbers.Real)
        or not math.isfinite(per_person)
        or per_person < 1
    ):
        raise SyntheticCohortError(
            f"placements_per_person must be a finite number ≥ 1, not {echo(per_person)}"
        )
    if float(per_person) > MAX_PER_PERSON:
        raise SyntheticCohortError(
            f"placements_per_person must be at most {MAX_PER_PERSON}, not {echo(per_person)}"
        )
    if not isinstance(start, _dt.date):
        raise SyntheticCohortError(f"start must be a datetime.date, not {echo(start)}")


def synthetic_cohort(
    n_people: int,
    seed: int = 0,
    *,
    placements_per_person: float = 10.0,
    graph: ContinuumGraph | None = None,
    start: _dt.date = _dt.date(2020, 1, 1),
    progress: bool | None = None,
) -> DataFrame:
    """SYNTHETIC placement records of *n_people* people, reproducible from *seed*.

    Columns: ``person_id`` (int), ``level`` (categorical level codes, least
    intensive first), ``start`` and ``end`` (datetimes; about 10% of last
    placements are still open, ``NaT``), ``discharge_reason`` (TEDS REASON
    code; ``<NA>`` while open).  ``df.attrs["synthetic"]`` is ``True``.  Every
    weight and duration is arbitrary: see the module docstring.  Needs the
    ``dataframe`` extra; nothing is downloaded.

    Parameters
    ----------
    n_people:
        How many people.
    seed:
        Seed of the random generator: the same seed gives the same frame.
    placements_per_person:
        Mean placements per person (1 + Poisson).
    graph:
        The graph walked (the default graph when None).
    start:
        The earliest first admission; first admissions spread over three years.
    progress:
        Show progress on stderr (``None``: only in an interactive terminal).

    Returns
    -------
    pandas.DataFrame
        One row per placement, with the columns above.

    Raises
    ------
    carecontinuum.journeys.SyntheticCohortError
        For an argument of the wrong type or out of range (more than
        10,000,000 people, more than 1,000 placements
        a person), or a *start* so late that placements would run past 9999-12-31.

    Examples
    --------
    >>> from carecontinuum.journeys import synthetic_cohort
    >>> df = synthetic_cohort(3, seed=1)
    >>> list(df.columns)
    ['person_id', 'level', 'start', 'end', 'discharge_reason']
    >>> df.attrs["synthetic"], df["person_id"].nunique()
    (True, 3)
    """
    try:
        import numpy as np
        import pandas as pd
    except ImportError as err:
        raise MissingExtraError("pandas", "dataframe", "synthetic_cohort()") from err
    _check_arguments(n_people, seed, placements_per_person, start)
    if graph is None:
        from ..transitions._default import shared_default_graph

        graph = shared_default_graph()
    rng = np.random.default_rng(seed)
    with Progress("synthetic cohort", total=3, enabled=progress) as bar:
        counts = 1 + rng.poisson(placements_per_person - 1, n_people)
        total = int(counts.sum())
        first = np.cumsum(counts) - counts
        person = np.repeat(np.arange(n_people, dtype=np.int64), counts)
        position = np.arange(total) - np.repeat(first, counts)
        bar.advance(note="levels")

        cum = _chain(graph, np)
        levels = np.empty(total, dtype=np.int64)
        levels[first] = rng.integers(0, len(graph), n_people)
        by_position = np.argsort(position, kind="stable")
        bounds = np.searchsorted(position[by_position], np.arange(int(counts.max(initial=1)) + 1))
        for k in range(1, len(bounds) - 1):
            rows = by_position[bounds[k] : bounds[k + 1]]
            u = rng.random(len(rows))
            chosen = (u[:, None] > cum[levels[rows - 1]]).sum(axis=1)
            levels[rows] = np.minimum(chosen, len(graph) - 1)
        bar.advance(note="dates")

        lows, highs = (np.asarray(x) for x in _stay_days(graph))
        stay = np.maximum(
            1, np.rint(lows[levels] + rng.random(total) * (highs[levels] - lows[levels]))
        ).astype(np.int64)
        gap = np.where(rng.random(total) < 0.7, 0, rng.integers(1, 15, total))
        step = stay + gap
        within = np.cumsum(step) - step
        within -= np.repeat(within[first] if total else within, counts)
        base = np.datetime64(start, "D") + rng.integers(0, 3 * 365, n_people)
        starts = np.repeat(base, counts) + within
        ends = starts + stay
        if total and ends.max() > np.datetime64(_LAST_DAY, "D"):
            raise SyntheticCohortError(
                f"start={start.isoformat()} is too late: the cohort's placements would run "
                f"past {_LAST_DAY.isoformat()} (the last date placements can hold)"
            )
        last = position == np.repeat(counts - 1, counts)
        still_open = last & (rng.random(total) < 0.1)
        reasons = np.where(
            last,
            rng.choice(_LAST_REASONS, total, p=np.asarray(_LAST_WEIGHTS) / sum(_LAST_WEIGHTS)),
            np.where(rng.random(total) < 0.8, 4, 1),
        )
        bar.advance(note="frame")
        frame = pd.DataFrame(
            {
                "person_id": person,
                "level": pd.Categorical.from_codes(levels, categories=pd.Index(graph.codes)),
                "start": pd.Series(starts.astype("datetime64[s]")),
                "end": pd.Series(np.where(still_open, np.datetime64("NaT"), ends)).astype(
                    "datetime64[s]"
                ),
                "discharge_reason": pd.arrays.IntegerArray(reasons.astype(np.int8), still_open),
            }
        )
    frame.attrs.update(
        synthetic=True,
        seed=seed,
        description="SYNTHETIC placements from carecontinuum.journeys.synthetic_cohort; "
        "arbitrary weights and durations, not real data",
    )
    return frame
