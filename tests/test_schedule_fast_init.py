"""``Schedule(...)``'s direct path gives exactly what pydantic's own ``__init__`` gives.

The reference is ``BaseModel.__init__`` itself, called on a bare instance: the
same validator the class had before the direct path existed.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import pickle
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, Field, ValidationError, model_validator

import carecontinuum as cc
from carecontinuum.schedules._fast_init import fast_init
from carecontinuum.units import DaysPerWeek, HoursPerDay, Weeks


class _Int(int):
    pass


class _Float(float):
    pass


def _stored(instance: BaseModel) -> tuple[Any, ...]:
    """What an instance holds, types and signs included (``repr`` tells -0.0 and NaN apart)."""
    return (
        [(k, type(v).__name__, repr(v)) for k, v in instance.__dict__.items()],
        sorted(instance.__pydantic_fields_set__),
        instance.__pydantic_extra__,
        instance.__pydantic_private__,
    )


def _outcome(build: Callable[[], BaseModel]) -> tuple[Any, ...]:
    try:
        return ("built", type(build()).__name__, _stored(build()))
    except ValidationError as error:
        return ("refused", error.title, repr(error.errors(include_url=False)), str(error))
    except TypeError as error:
        return ("type error", str(error).replace("BaseModel.", "Schedule."))


def _reference(kwargs: dict[str, Any]) -> BaseModel:
    bare = cc.Schedule.__new__(cc.Schedule)
    BaseModel.__init__(bare, **kwargs)
    return bare


_EDGES = (0, 1, 7, 8, 24, 25, -1, 2**53 + 1, 10**400, 521722, 521723)
_FLOAT_EDGES = (
    0.0,
    -0.0,
    5e-324,
    0.5,
    3.0,
    7.0,
    24.0,
    math.nextafter(24.0, math.inf),
    521722.5714285714,
    math.nextafter(521722.5714285714, math.inf),
    math.inf,
    -math.inf,
    math.nan,
    1e308,
)
_VALUES = st.one_of(
    st.sampled_from(_EDGES),
    st.sampled_from(_FLOAT_EDGES),
    st.integers(-10, 30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.sampled_from(["3", "180 min", "3 days/week", "six", "", " 4 "]),
    st.sampled_from(
        [_Int(3), _Float(3.0), np.float64(3.0), np.int64(3), Decimal("3"), Fraction(7, 2)]
    ),
    st.just(dt.date(2024, 1, 8)),
)
_KEYS = st.sampled_from(
    [
        "hours_per_day",
        "days_per_week",
        "weeks",
        "start",
        "twenty_four_hour",
        "sessions_per_week",
        "x",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.dictionaries(_KEYS, _VALUES, max_size=5))
def test_any_call_gives_what_pydantic_gives(kwargs: dict[str, Any]) -> None:
    assert _outcome(lambda: cc.Schedule(**kwargs)) == _outcome(lambda: _reference(kwargs))


@settings(max_examples=800, deadline=None)
@given(
    st.one_of(st.integers(-2, 30), st.floats(allow_nan=True), st.sampled_from(_FLOAT_EDGES)),
    st.one_of(st.integers(-2, 9), st.floats(0, 8), st.sampled_from(_EDGES)),
    st.one_of(
        st.none(),
        st.integers(-2, 600_000),
        st.floats(),
        st.sampled_from((*_FLOAT_EDGES, "6", "6 weeks", True, _Float(6.0), _Int(6))),
    ),
    st.booleans(),
)
def test_the_common_call_gives_what_pydantic_gives(
    hours: Any, days: Any, weeks: Any, with_weeks: bool
) -> None:
    kwargs = {"hours_per_day": hours, "days_per_week": days}
    if with_weeks:
        kwargs["weeks"] = weeks
    assert _outcome(lambda: cc.Schedule(**kwargs)) == _outcome(lambda: _reference(kwargs))


class _Refusing:
    """A stand-in validator: any call reaching pydantic is seen."""

    def validate_python(self, *args: object, **kwargs: object) -> None:
        raise LookupError("reached pydantic")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"hours_per_day": 3, "days_per_week": 3},
        {"hours_per_day": 3.5, "days_per_week": 7, "weeks": 6},
        {"hours_per_day": 24, "days_per_week": 1, "weeks": 0.5},
        {"weeks": None, "days_per_week": 5, "hours_per_day": 1e-9},
    ],
)
def test_plain_numbers_in_range_do_not_reach_pydantic(
    kwargs: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _stored(_reference(kwargs))
    monkeypatch.setattr(cc.Schedule, "__pydantic_validator__", _Refusing())
    assert _stored(cc.Schedule(**kwargs)) == expected


@pytest.mark.parametrize(
    "kwargs",
    [
        {"hours_per_day": "3", "days_per_week": 3},  # text is read by the unit field
        {"hours_per_day": 3, "days_per_week": 3.0},  # a float number of days
        {"hours_per_day": True, "days_per_week": 3},  # a boolean is not a number here
        {"hours_per_day": 0, "days_per_week": 3},  # on a bound: pydantic's message
        {"hours_per_day": 3, "days_per_week": 3, "weeks": 0},
        {"hours_per_day": 3, "days_per_week": 3, "weeks": "6 weeks"},
        {"hours_per_day": 3, "days_per_week": 3, "weeks": _Float(6.0)},
        {"hours_per_day": 3, "days_per_week": np.int64(3)},
        {"hours_per_day": 3, "days_per_week": 3, "twenty_four_hour": False},  # another keyword
        {"hours_per_day": 3},
    ],
)
def test_everything_else_goes_to_pydantic(
    kwargs: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cc.Schedule, "__pydantic_validator__", _Refusing())
    with pytest.raises(LookupError, match="reached pydantic"):
        cc.Schedule(**kwargs)


def test_a_direct_instance_behaves_as_a_validated_one() -> None:
    fast = cc.Schedule(hours_per_day=3, days_per_week=4, weeks=6)
    slow = _reference({"hours_per_day": 3, "days_per_week": 4, "weeks": 6})
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert fast.model_dump_json() == slow.model_dump_json()
    assert pickle.loads(pickle.dumps(fast)) == slow
    assert copy.deepcopy(fast) == slow
    assert fast.model_copy(update={"weeks": 8.0}).weeks == 8.0
    with pytest.raises(ValidationError, match="frozen"):
        fast.weeks = 2  # type: ignore[misc]
    other = cc.Schedule(hours_per_day=3, days_per_week=4, weeks=6)
    other.model_fields_set.add("start")  # each instance has its own set
    assert fast.model_fields_set == {"hours_per_day", "days_per_week", "weeks"}


def test_a_subclass_is_validated_by_pydantic_with_its_own_validators() -> None:
    seen: list[str] = []

    class Checked(cc.Schedule):
        @model_validator(mode="after")
        def _seen(self) -> Checked:
            seen.append("after")
            return self

    assert Checked.__pydantic_custom_init__ is False  # nested schedules stay in pydantic-core
    assert type(Checked(hours_per_day=3, days_per_week=3)) is Checked
    assert seen == ["after"]


def test_positional_arguments_are_refused_as_by_pydantic() -> None:
    with pytest.raises(TypeError, match="1 positional argument"):
        cc.Schedule(3, 3)  # type: ignore[misc]


def _model(**namespace: Any) -> type[BaseModel]:
    annotations = {
        "hours_per_day": HoursPerDay,
        "days_per_week": DaysPerWeek,
        "weeks": Weeks | None,
    }
    annotations.update(namespace.pop("__annotations__", {}))
    body = {"__annotations__": annotations, "weeks": None, "model_config": {"extra": "forbid"}}
    return type("Dose", (BaseModel,), {**body, **namespace})


def test_the_builder_takes_a_model_of_the_shape_it_knows() -> None:
    dose = fast_init(_model())
    assert dose(hours_per_day=2, days_per_week=2).__dict__ == {
        "hours_per_day": 2.0,
        "days_per_week": 2,
        "weeks": None,
    }


@pytest.mark.parametrize(
    ("namespace", "named"),
    [
        ({"_check": model_validator(mode="after")(lambda self: self)}, "a model validator"),
        ({"model_config": {"extra": "ignore"}}, "extra values kept"),
        ({"__annotations__": {"label": str}, "label": "x"}, "a default for label"),
        ({"__annotations__": {"weeks": float | None}}, "no single InUnit marker"),
        ({"__annotations__": {"days_per_week": HoursPerDay}}, "other bounds"),
        ({"model_post_init": lambda self, context: None}, "a post-init hook"),
        ({"hours_per_day": Field(alias="h")}, "an alias for hours_per_day"),
    ],
)
def test_the_builder_refuses_a_model_it_would_build_wrongly(
    namespace: dict[str, Any], named: str
) -> None:
    with pytest.raises(TypeError, match=named):
        fast_init(_model(**namespace))
