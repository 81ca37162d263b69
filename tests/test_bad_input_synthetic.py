"""Bad arguments to synthetic_cohort and describe_transition get our errors, not numpy's."""

from __future__ import annotations

import datetime as dt

import pytest

import carecontinuum as cc
from carecontinuum import CareContinuumError
from carecontinuum.journeys import SyntheticCohortError, synthetic_cohort
from carecontinuum.transitions import describe_transition


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"n_people": -1}, "n_people must be a whole number ≥ 0, not -1"),
        ({"n_people": 1.5}, "n_people must be a whole number ≥ 0, not 1.5"),
        ({"n_people": True}, "n_people must be a whole number ≥ 0, not True"),
        ({"n_people": float("nan")}, "n_people must be a whole number"),
        ({"n_people": 3, "seed": -2}, "seed must be a whole number ≥ 0, not -2"),
        ({"n_people": 3, "seed": "x"}, "seed must be a whole number ≥ 0, not 'x'"),
        ({"n_people": 3, "placements_per_person": 0.5}, "finite number ≥ 1, not 0.5"),
        ({"n_people": 3, "placements_per_person": float("inf")}, "finite number ≥ 1, not inf"),
        ({"n_people": 3, "start": "2020-01-01"}, "start must be a datetime.date"),
    ],
)
def test_synthetic_cohort_rejects(kwargs: dict[str, object], fragment: str) -> None:
    with pytest.raises(SyntheticCohortError) as info:
        synthetic_cohort(**kwargs)  # type: ignore[arg-type]
    assert fragment in str(info.value)
    assert isinstance(info.value, CareContinuumError)
    assert isinstance(info.value, ValueError)


def test_synthetic_cohort_accepts_a_date_and_zero_people() -> None:
    assert len(synthetic_cohort(0, seed=0)) == 0
    df = synthetic_cohort(2, seed=0, start=dt.date(2021, 1, 1))
    assert df["start"].min() >= dt.datetime(2021, 1, 1)


def test_describe_transition_names_a_wrong_argument() -> None:
    with pytest.raises(TypeError, match="takes a Transition, not str"):
        describe_transition("OP")  # type: ignore[arg-type]
    move = cc.default_graph().transition("OP", "IOP")
    assert describe_transition(move).startswith("↑ intensive_outpatient")


def test_population_frames_with_unhashable_ids_or_column_labels() -> None:
    import pandas as pd

    from carecontinuum.journeys import population

    df = pd.DataFrame(
        {
            "person_id": [[1], [1]],
            "level": ["inpatient_acute", "residential"],
            "start": pd.to_datetime(["2024-01-01", "2024-01-05"]),
        }
    )
    with pytest.raises(population.PlacementFrameError, match="person ids that cannot be compared"):
        population.transition_matrix(df)
    df["person_id"] = [1, 1]
    with pytest.raises(TypeError, match="level= names a column"):
        population.transition_matrix(df, level=[])  # type: ignore[arg-type]
