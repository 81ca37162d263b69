"""Hostile frames: time zones, dates out of range, booleans, floats, duplicated labels, cells."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import carecontinuum as cc
from carecontinuum.journeys import population
from carecontinuum.journeys.population import PlacementFrameError

FUNCTIONS = [
    population.transition_matrix,
    population.transition_rates,
    population.length_of_stay_stats,
    population.check,
    population.journeys_from_frame,
    population.prepare,
]


def _frame(**columns: object) -> pd.DataFrame:
    base: dict[str, object] = {
        "person_id": [1, 1, 2],
        "level": ["residential", "IOP", "PHP"],
        "start": pd.to_datetime(["2024-03-09", "2024-03-10", "2024-03-01"]),
        "end": pd.to_datetime(["2024-03-10", "2024-04-01", "2024-03-20"]),
    }
    base.update(columns)
    return pd.DataFrame(base)


# -- time zones: a tz-aware column becomes its wall-clock local date ---------------------


def test_an_aware_column_becomes_its_local_dates() -> None:
    naive = _frame(
        start=pd.to_datetime(["2024-03-09 23:30", "2024-03-10 23:30", "2024-03-01 00:15"]),
        end=pd.to_datetime(["2024-03-10 23:30", "2024-04-01 00:30", "2024-03-20 12:00"]),
    )
    aware = naive.assign(
        start=naive["start"].dt.tz_localize("America/New_York"),
        end=naive["end"].dt.tz_localize("Asia/Tokyo"),
    )
    dates = _frame()  # the same calendar dates, no times
    for f in (population.length_of_stay_stats, population.check, population.transition_matrix):
        pd.testing.assert_frame_equal(f(aware), f(dates))
        pd.testing.assert_frame_equal(f(naive), f(dates))
    journeys = population.journeys_from_frame(aware)
    assert journeys[0].placements[1].start == dt.date(2024, 3, 10)  # not UTC's 11 March
    los = population.length_of_stay_stats(aware)
    assert los.loc["residential", "total_days"] == 1  # 23:30 → 23:30 the next day: one day


def test_text_with_mixed_offsets_is_read_as_local_dates() -> None:
    df = _frame(
        start=["2024-03-09T23:30:00-05:00", "2024-03-10T00:10:00+09:00", "2024-03-01"],
        end=["2024-03-10T22:00:00+14:00", "2024-04-01T01:00Z", None],
    )
    journeys = population.journeys_from_frame(df)
    assert [p.start for p in journeys[0].placements] == [dt.date(2024, 3, 9), dt.date(2024, 3, 10)]
    assert journeys[0].placements[0].end == dt.date(2024, 3, 10)
    dates = [dt.datetime(2024, 3, 9, 23, tzinfo=dt.timezone(dt.timedelta(hours=-8))),
             pd.Timestamp("2024-03-10 01:00", tz="Europe/Paris"), dt.date(2024, 3, 1)]  # fmt: skip
    objects = _frame(start=pd.Series(dates, dtype=object))
    assert population.journeys_from_frame(objects)[0].placements[0].start == dt.date(2024, 3, 9)


# -- dates out of range, numbers, missing ------------------------------------------------


def test_dates_past_9999_name_the_column() -> None:
    far = np.array(["2024-01-01", "10000-01-01", "2024-01-01"], dtype="datetime64[s]")
    df = _frame(end=pd.Series(far))
    for f in (population.length_of_stay_stats, population.check):
        with pytest.raises(PlacementFrameError, match=r"column 'end' has dates outside 0001-01-01"):
            f(df)
    with pytest.raises(PlacementFrameError, match=r"column 'start'.*9999-12-31"):
        population.transition_matrix(_frame(start=["2024-01-01", "12024-01-01", "2024-01-01"]))
    with pytest.raises(PlacementFrameError, match=r"column 'start'.*9999-12-31"):
        population.transition_matrix(_frame(start=pd.Series(far[::-1])))


def test_numbers_and_booleans_are_not_dates() -> None:
    with pytest.raises(PlacementFrameError, match="column 'start' does not hold dates: it holds"):
        population.transition_matrix(_frame(start=[1, 2, 3]))
    with pytest.raises(PlacementFrameError, match="column 'start' does not hold dates"):
        population.transition_matrix(_frame(start=[True, False, True]))
    with pytest.raises(PlacementFrameError, match=r"does not hold dates.*not int 5"):
        population.transition_matrix(_frame(start=pd.Series(["2024-01-01", 5, "2024-01-01"],
                                                            dtype=object)))  # fmt: skip


# -- booleans, floats and unhashable cells ------------------------------------------------


@pytest.mark.parametrize("func", [f for f in FUNCTIONS if f is not population.length_of_stay_stats])
def test_boolean_person_ids_are_refused_on_every_path(func: object) -> None:
    with pytest.raises(PlacementFrameError, match="booleans"):
        func(_frame(person_id=[True, True, False]))  # type: ignore[operator]
    with pytest.raises(PlacementFrameError, match="booleans, which are not person ids, in rows 1"):
        func(_frame(person_id=pd.Series([1, True, 2], dtype=object)))  # type: ignore[operator]


@pytest.mark.parametrize("func", [population.check, population.journeys_from_frame,
                                  population.prepare])  # fmt: skip
def test_boolean_discharge_reasons_are_refused(func: object) -> None:
    with pytest.raises(PlacementFrameError, match="booleans"):
        func(_frame(discharge_reason=[True, False, True]))  # type: ignore[operator]
    mixed = pd.Series([1, True, None], dtype=object)
    with pytest.raises(PlacementFrameError, match="booleans, which are not discharge reasons"):
        func(_frame(discharge_reason=mixed))  # type: ignore[operator]


def test_discharge_reasons_of_every_form() -> None:
    for column in ([4, 6, None], [4.0, 6.0, np.nan], ["4", "death", None],
                   pd.array([4, 6, None], dtype="Int8"),
                   pd.Categorical(["Transferred", "Death", None])):  # fmt: skip
        (a, b) = population.journeys_from_frame(_frame(discharge_reason=column))
        assert [p.discharge_reason for p in a.placements] == [
            cc.DischargeReason.TRANSFERRED,
            cc.DischargeReason.DEATH,
        ]
        assert b.placements[0].discharge_reason is None
    with pytest.raises(PlacementFrameError, match=r"not TEDS REASON codes \(9\), in rows 2"):
        population.check(_frame(discharge_reason=[4, 6, 9]))
    with pytest.raises(PlacementFrameError, match="'soon' is not a discharge reason"):
        population.check(_frame(discharge_reason=["4", "soon", None]))


def test_float_person_ids_stay_numbers() -> None:
    df = _frame(person_id=[1.0, 1.0, 2.0])
    journeys = population.journeys_from_frame(df)
    assert [j.person_id for j in journeys] == [1, 2]
    assert all(type(j.person_id) is int for j in journeys)
    later = pd.to_datetime(["2024-03-09", "2024-03-20", "2024-03-01"])
    found = population.check(_frame(person_id=[1.0, 1.0, 2.0], start=later))
    assert found["person_id"].tolist() == [1.0]  # as given in the frame
    with pytest.raises(PlacementFrameError, match=r"not whole numbers, in rows 1"):
        population.transition_matrix(_frame(person_id=[1.0, 1.5, 2.0]))
    with pytest.raises(PlacementFrameError, match="not whole numbers"):
        population.transition_matrix(_frame(person_id=[1.0, np.inf, 2.0]))
    with pytest.raises(PlacementFrameError, match="missing person id"):
        population.transition_matrix(_frame(person_id=[1.0, np.nan, 2.0]))


def test_ids_that_are_neither_strings_nor_integers_cannot_make_journeys() -> None:
    df = _frame(person_id=pd.Series([(1, 2), (1, 2), (3,)], dtype=object))
    assert int(population.transition_matrix(df).to_numpy().sum()) == 1  # any hashable id groups
    with pytest.raises(PlacementFrameError, match="a string or an integer, not tuple"):
        population.journeys_from_frame(df)


def test_unhashable_cells_are_clear_errors() -> None:
    cell = pd.Series([["x"], ["y"], ["z"]], dtype=object)
    with pytest.raises(PlacementFrameError, match="column 'level' holds levels that cannot be"):
        population.transition_matrix(_frame(level=cell))
    with pytest.raises(PlacementFrameError, match="column 'start' holds dates that cannot be"):
        population.transition_matrix(_frame(start=cell))
    with pytest.raises(PlacementFrameError, match="holds discharge reasons that cannot be"):
        population.check(_frame(discharge_reason=cell))


def test_duplicated_column_labels() -> None:
    df = _frame()
    twice = pd.concat([df, df[["start"]]], axis=1)
    for f in FUNCTIONS:
        with pytest.raises(PlacementFrameError, match="2 columns labelled 'start'"):
            f(twice)


def test_column_names_must_be_labels() -> None:
    with pytest.raises(TypeError, match="person= names a column"):
        population.transition_matrix(_frame(), person=True)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="end= names a column"):
        population.check(_frame(), end=["end"])  # type: ignore[arg-type]


def test_strings_where_a_sequence_is_expected() -> None:
    with pytest.raises(TypeError, match="journeys must be a sequence"):
        population.journeys_to_frame("journeys")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not one Journey"):
        population.journeys_to_frame(cc.Journey())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="people must be a sequence"):
        population.plot_journeys(_frame(), people="12")  # type: ignore[arg-type]


def test_flags_must_be_booleans() -> None:
    with pytest.raises(TypeError, match="valid_only must be True or False"):
        population.transition_matrix(_frame(), valid_only="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="end_inclusive must be True or False"):
        population.length_of_stay_stats(_frame(), end_inclusive=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="max_gap_days must be a whole number"):
        population.check(_frame(), max_gap_days=1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="progress must be True, False or None"):
        population.transition_matrix(_frame(), progress="no")  # type: ignore[arg-type]


def test_error_messages_cut_hostile_values() -> None:
    huge = "x" * 100_000
    with pytest.raises(cc.UnknownLevelError) as err:
        population.transition_matrix(_frame(level=[huge, "IOP", "PHP"]))
    assert len(str(err.value)) < 400
    with pytest.raises(PlacementFrameError) as bad:
        population.transition_matrix(_frame(start=[huge, "2024-01-01", "2024-01-01"]))
    assert len(str(bad.value)) < 400


def test_columns_with_nothing_in_them() -> None:
    df = _frame(end=[None, None, None], discharge_reason=[None, None, None])
    stats = population.length_of_stay_stats(df)
    assert stats["open"].sum() == 3
    assert stats["closed"].sum() == 0
    assert population.check(df)["code"].astype(str).tolist() == ["open-not-last"]


def test_lengths_of_stay_do_not_read_the_person_column() -> None:
    df = _frame()
    expected = population.length_of_stay_stats(df)
    for unused in (df.drop(columns="person_id"), df.assign(person_id=[True, [1], None])):
        pd.testing.assert_frame_equal(population.length_of_stay_stats(unused), expected)


@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
def test_datetime_days_floor_like_numpy_at_every_unit(unit: str) -> None:
    from carecontinuum.journeys._frame_dates import _datetime_days

    rng = np.random.default_rng(1)
    per_second = {"s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}[unit]
    span = 10**5 * 86_400 if unit == "ns" else 10**6 * 86_400  # ns: within ±1677 years
    raw = rng.integers(-span, span, 200_000) * per_second + rng.integers(0, per_second, 200_000)
    raw[::13] = np.iinfo(np.int64).min  # NaT
    values = raw.astype(np.int64).view(f"datetime64[{unit}]")
    out = np.empty(len(raw), dtype=np.int64)
    _datetime_days(values, out)
    assert (out == values.astype("datetime64[D]").view(np.int64)).all()  # floor, before 1970 too
