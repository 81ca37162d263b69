"""Huge numbers and dates past 9999 give validation errors that name the field (issue 9 §3).

Every numeric or date field of the scalar models gets :func:`strategies.hostile_numbers`
or :func:`strategies.hostile_dates`: the model is built, or pydantic raises a
``ValidationError`` whose every error sits under that field.  Never an
``OverflowError``, ``decimal.InvalidOperation``, ``RecursionError`` or another raw
exception.  A frozen corpus pins the classes that used to escape.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import numpy as np
import pydantic
import pytest
from hypothesis import given, settings
from strategies import hostile_dates, hostile_numbers

import carecontinuum as cc
from carecontinuum.levels import PerDiemTier
from carecontinuum.programs import AgeRange
from carecontinuum.programs._geo import Coordinates

_MOVE = {"index": 1, "source": "a", "target": "b", "kind": "step_up", "on": "2024-01-01"}
_PLACEMENT = {"level": "IOP", "start": "2024-01-01"}

NUMBER_FIELDS: list[tuple[type[pydantic.BaseModel], str, dict[str, Any]]] = [
    (cc.Schedule, "hours_per_day", {"hours_per_day": 3, "days_per_week": 3}),
    (cc.Schedule, "days_per_week", {"hours_per_day": 3, "days_per_week": 3}),
    (cc.Schedule, "weeks", {"hours_per_day": 3, "days_per_week": 3}),
    (cc.Move, "index", _MOVE),
    (cc.Move, "gap_days", _MOVE),
    (cc.Placement, "discharge_reason", _PLACEMENT),
    (cc.Journey, "person_id", {}),
    (
        cc.CareLevel,
        "rank",
        {"code": "x", "name": "X", "framework": "t", "rank": 0, "setting": "ambulatory"},
    ),
    (Coordinates, "latitude", {"latitude": 1, "longitude": 1}),
    (Coordinates, "longitude", {"latitude": 1, "longitude": 1}),
    (AgeRange, "min_age", {}),
    (AgeRange, "max_age", {}),
    (PerDiemTier, "min_services", {"payer": "Medicare", "min_services": 3, "firmness": "S"}),
]
DATE_FIELDS: list[tuple[type[pydantic.BaseModel], str, dict[str, Any]]] = [
    (cc.Placement, "start", _PLACEMENT),
    (cc.Placement, "end", {"level": "IOP", "start": "0001-01-01"}),
    (cc.Move, "on", _MOVE),
]


def _built_or_refused_under(
    model: type[pydantic.BaseModel], field: str, kwargs: dict[str, Any]
) -> None:
    errors: list[Any] = []
    message = ""
    try:
        model(**kwargs)
    except pydantic.ValidationError as err:
        errors, message = err.errors(), str(err)
    assert {e["loc"][0] for e in errors} <= {field}, errors
    assert len(message) < 2_000  # the input is echoed cut short


def _ids(cases: list[tuple[type[pydantic.BaseModel], str, dict[str, Any]]]) -> list[str]:
    return [f"{m.__name__}.{f}" for m, f, _ in cases]


@pytest.mark.parametrize(("model", "field", "base"), NUMBER_FIELDS, ids=_ids(NUMBER_FIELDS))
@given(value=hostile_numbers())
@settings(max_examples=60, deadline=None)
def test_hostile_numbers_are_built_or_refused_under_their_field(
    model: type[pydantic.BaseModel], field: str, base: dict[str, Any], value: Any
) -> None:
    _built_or_refused_under(model, field, {**base, field: value})


@pytest.mark.parametrize(("model", "field", "base"), DATE_FIELDS, ids=_ids(DATE_FIELDS))
@given(value=hostile_dates())
@settings(max_examples=120, deadline=None)
def test_hostile_dates_are_built_or_refused_under_their_field(
    model: type[pydantic.BaseModel], field: str, base: dict[str, Any], value: Any
) -> None:
    _built_or_refused_under(model, field, {**base, field: value})


REFUSED: list[tuple[type[pydantic.BaseModel], str, dict[str, Any], Any]] = [
    (cc.Placement, "start", _PLACEMENT, "10000-01-01"),
    (cc.Placement, "start", _PLACEMENT, "99999-12-31"),
    (cc.Placement, "start", _PLACEMENT, np.datetime64("10000-01-01")),
    (cc.Placement, "start", _PLACEMENT, np.datetime64(2**62, "D")),
    (cc.Placement, "start", _PLACEMENT, np.datetime64(-(2**62), "s")),
    (cc.Placement, "start", _PLACEMENT, "2024-01-01" + "0" * 5000),
    (cc.Placement, "start", _PLACEMENT, 10**400),
    (cc.Placement, "end", _PLACEMENT, "10000-01-01"),
    (cc.Move, "on", _MOVE, "10000-01-01"),
    (cc.Placement, "discharge_reason", _PLACEMENT, 10**400),
    (cc.Placement, "discharge_reason", _PLACEMENT, "9" * 5000),
    (cc.Placement, "discharge_reason", _PLACEMENT, Decimal("sNaN")),
    (cc.Placement, "discharge_reason", _PLACEMENT, Decimal("1e400")),
    (cc.Placement, "discharge_reason", _PLACEMENT, np.longdouble("1e4000")),
    (cc.Placement, "discharge_reason", _PLACEMENT, 4.5),
    (cc.Placement, "discharge_reason", _PLACEMENT, complex(4, 0)),
    (cc.Schedule, "hours_per_day", {"days_per_week": 3}, 10**400),
    (cc.Schedule, "weeks", {"hours_per_day": 3, "days_per_week": 3}, 1e308),
    (cc.Schedule, "days_per_week", {"hours_per_day": 3}, 10**400),
    (cc.Schedule, "days_per_week", {"hours_per_day": 3}, Decimal("sNaN")),
    (cc.Journey, "person_id", {}, Decimal("1e999999")),  # was kept as a million-digit int
    (cc.Move, "gap_days", _MOVE, Decimal("1e999999")),
    (cc.Move, "index", _MOVE, Decimal("-1e999999")),
]


@pytest.mark.parametrize(
    ("model", "field", "base", "value"),
    REFUSED,
    ids=[f"{m.__name__}.{f}-{i}" for i, (m, f, _, _) in enumerate(REFUSED)],
)
def test_values_that_used_to_crash_are_validation_errors(
    model: type[pydantic.BaseModel], field: str, base: dict[str, Any], value: Any
) -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        model(**{**base, field: value})
    assert {e["loc"][0] for e in info.value.errors()} == {field}
    assert len(str(info.value)) < 2_000


@pytest.mark.parametrize(
    ("value", "code"),
    [(4, 4), ("4", 4), (4.0, 4), (np.float64(4), 4), (np.int8(4), 4), (Decimal(4), 4), (-9, -9)],
)
def test_whole_discharge_reasons_of_any_numeric_type_still_read(value: Any, code: int) -> None:
    assert int(cc.Placement(**_PLACEMENT, discharge_reason=value).discharge_reason) == code  # type: ignore[arg-type]


def test_the_widest_range_still_counts_exactly() -> None:
    p = cc.Placement(level="OP", start=dt.date.min, end=dt.date.max)
    assert p.length_of_stay() == (dt.date.max - dt.date.min).days
