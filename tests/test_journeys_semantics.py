"""Journey semantics: the end-date convention, the gap tolerance, coverage, and the date rule."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest
from pydantic import ValidationError

import carecontinuum as cc
from carecontinuum.journeys._check import DEFAULT_MAX_GAP_DAYS, FINDING_ORDER

D = dt.date


def _journey(*rows: tuple[str, str, str | None]) -> cc.Journey:
    return cc.Journey(
        placements=[{"level": lv, "start": a, "end": b} for lv, a, b in rows],
    )


# -- lengths of stay say which convention they use ---------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "exclusive", "inclusive"),
    [
        ("2024-06-01", "2024-06-30", 29, 30),  # June: 30 days of care, 29 nights
        ("2024-06-01", "2024-06-01", 0, 1),  # admitted and discharged the same day
        ("2024-02-28", "2024-03-01", 2, 3),  # leap year
    ],
)
def test_length_of_stay_conventions(start: str, end: str, exclusive: int, inclusive: int) -> None:
    p = cc.Placement(level="IOP", start=start, end=end)
    assert p.length_of_stay() == exclusive
    assert p.length_of_stay(end_inclusive=True) == inclusive
    j = cc.Journey(placements=[p])
    assert j.length_of_stay(end_inclusive=True) == (inclusive,)
    assert j.length_of_stay_by_level(end_inclusive=True) == {"intensive_outpatient": inclusive}


def test_open_placements_count_to_as_of_and_a_datetime_as_of_is_its_date() -> None:
    p = cc.Placement(level="OP", start="2024-01-01")
    assert p.length_of_stay() is None
    assert p.length_of_stay(as_of=D(2024, 1, 11)) == 10
    assert p.length_of_stay(as_of=D(2024, 1, 11), end_inclusive=True) == 11
    late = dt.datetime(2024, 1, 11, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-10)))
    assert p.length_of_stay(as_of=late) == 10  # its own local date, not UTC's 12 January
    assert p.length_of_stay(as_of=D(2023, 12, 1)) == 0
    with pytest.raises(TypeError, match="as_of"):
        p.length_of_stay(as_of=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="end_inclusive must be True or False"):
        p.length_of_stay(end_inclusive=1)  # type: ignore[arg-type]


def test_the_last_date_does_not_overflow() -> None:
    p = cc.Placement(level="OP", start="9999-12-01", end="9999-12-31")
    assert p.length_of_stay(end_inclusive=True) == 31
    j = cc.Journey(placements=[p, cc.Placement(level="OP", start="9999-12-31")])
    assert [f.code for f in j.check(end_inclusive=True)] == []


# -- gaps: a default tolerance, and the convention -----------------------------------------


def test_a_next_day_admission_is_not_a_gap_by_default() -> None:
    assert DEFAULT_MAX_GAP_DAYS == 1
    j = _journey(("IOP", "2024-06-01", "2024-06-30"), ("OP", "2024-07-01", None))
    assert j.check() == []
    (finding,) = j.check(max_gap_days=0)
    assert finding.code == "gap"
    assert finding.message.startswith("1 day without care between placement 0")
    two = _journey(("IOP", "2024-06-01", "2024-06-30"), ("OP", "2024-07-02", None))
    assert [f.message for f in two.check()] == [
        "2 days without care between placement 0 (ends 2024-06-30) and placement 1 "
        "(starts 2024-07-02)"
    ]


def test_inclusive_end_dates() -> None:
    next_day = _journey(("IOP", "2024-06-01", "2024-06-30"), ("OP", "2024-07-01", None))
    assert next_day.check(end_inclusive=True, max_gap_days=0) == []  # no day without care
    transfer = _journey(("IOP", "2024-06-01", "2024-06-30"), ("OP", "2024-06-30", None))
    assert transfer.check(end_inclusive=True) == []  # the discharge day is the admission day
    assert transfer.check() == []
    overlap = _journey(("IOP", "2024-06-01", "2024-06-30"), ("OP", "2024-06-29", None))
    assert [f.message for f in overlap.check(end_inclusive=True)] == [
        "placement 1 starts 2024-06-29, before placement 0 ends (2024-06-30): "
        "they overlap by 2 days"
    ]
    assert "overlap by 1 day" in overlap.check()[0].message
    gap = _journey(("IOP", "2024-06-01", "2024-06-30"), ("OP", "2024-07-03", None))
    assert "2 days without care" in gap.check(end_inclusive=True)[0].message
    assert "3 days without care" in gap.check()[0].message


# -- coverage: a placement inside an earlier, longer one is an overlap ---------------------


def test_a_nested_placement_is_an_overlap_not_a_gap() -> None:
    j = _journey(
        ("residential", "2024-01-01", "2024-04-01"),
        ("PHP", "2024-01-10", "2024-01-20"),  # inside the residential stay
        ("IOP", "2024-02-01", "2024-02-10"),  # still inside it: not 12 days after the PHP
        ("OP", "2024-04-10", None),  # 9 days after the residential stay ends
    )
    found = [(f.code, f.location) for f in j.check()]
    assert found == [("overlap", 1), ("overlap", 2), ("gap", 3)]
    messages = [f.message for f in j.check() if f.code in {"overlap", "gap"}]
    assert messages[1] == (
        "placement 2 starts 2024-02-01, before placement 0 ends (2024-04-01): "
        "they overlap by 60 days"
    )
    assert messages[2] == (
        "9 days without care between placement 0 (ends 2024-04-01) and placement 3 "
        "(starts 2024-04-10)"
    )


def test_coverage_restarts_after_an_open_placement() -> None:
    j = _journey(
        ("residential", "2024-01-01", "2024-06-01"),
        ("IOP", "2024-02-01", None),  # open, not last; inside the residential stay
        ("OP", "2024-03-01", "2024-03-05"),
    )
    assert [(f.code, f.location) for f in j.check()] == [
        ("open-not-last", 1),
        ("overlap", 1),
    ]


def test_check_options_are_checked() -> None:
    j = _journey(("IOP", "2024-06-01", "2024-06-30"))
    with pytest.raises(ValueError, match="max_gap_days must be ≥ 0"):
        j.check(max_gap_days=-1)
    with pytest.raises(TypeError, match="max_gap_days must be a whole number"):
        j.check(max_gap_days=True)
    with pytest.raises(TypeError, match="end_inclusive must be True or False"):
        j.check(end_inclusive="yes")  # type: ignore[arg-type]


def test_finding_codes_are_kebab_case() -> None:
    kebab = re.compile(r"^[a-z]+(-[a-z]+)*$")
    assert all(kebab.match(code) for code in FINDING_ORDER)
    g = cc.default_graph()
    g.add_level(cc.CareLevel(code="island", name="Island", framework="continuum", rank=9,
                             setting="hospital"))  # fmt: skip
    codes = {f.code for f in g.validate()}
    assert codes
    assert all(kebab.match(code) for code in codes)


# -- the date rule: calendar dates, a datetime is its own local date ----------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2024, 3, 1, 23, 30), D(2024, 3, 1)),
        (
            dt.datetime(2024, 3, 1, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
            D(2024, 3, 1),
        ),
        (dt.datetime(2024, 3, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=9))), D(2024, 3, 1)),
        (pd.Timestamp("2024-03-10 01:30", tz="America/New_York"), D(2024, 3, 10)),  # DST day
        ("2024-03-01T23:30:00-05:00", D(2024, 3, 1)),
        ("2024-03-01T00:30Z", D(2024, 3, 1)),
        ("2024-03-01", D(2024, 3, 1)),
        (np.datetime64("2024-03-01T23:59:59"), D(2024, 3, 1)),
    ],
)
def test_a_datetime_becomes_its_local_calendar_date(value: object, expected: dt.date) -> None:
    assert cc.Placement(level="IOP", start=value).start == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "not bool True"),
        (0, "not int 0"),
        (1.5e9, "not float"),
        ("10000-01-01", "between 0001-01-01 and 9999-12-31"),
        ("2024-02-30", "not an ISO 8601 date"),
        ("x" * 1000, "not an ISO 8601 date"),
        (np.datetime64("12000-01-01"), "outside 0001-01-01"),
    ],
)
def test_what_is_not_a_date_is_refused_naming_the_field(value: object, message: str) -> None:
    with pytest.raises(ValidationError) as err:
        cc.Placement(level="IOP", start=value)  # type: ignore[arg-type]
    (error,) = err.value.errors()
    assert error["loc"] == ("start",)
    assert message in error["msg"]
    assert len(error["msg"]) < 200


def test_nat_end_is_an_open_placement() -> None:
    assert cc.Placement(level="IOP", start="2024-01-01", end=pd.NaT).end is None


def test_person_ids_and_reasons_refuse_booleans() -> None:
    with pytest.raises(ValidationError, match="not a bool"):
        cc.Journey(person_id=True)
    with pytest.raises(ValidationError, match="not a bool"):
        cc.Journey(person_id=np.bool_(False))
    assert cc.Journey(person_id=1.0).person_id == 1  # a whole float is its integer
    assert cc.Journey(person_id=np.int64(7)).person_id == 7
    with pytest.raises(ValidationError):
        cc.Journey(person_id=1.5)
    with pytest.raises(ValidationError, match="not a bool"):
        cc.Placement(level="IOP", start="2024-01-01", end="2024-02-01", discharge_reason=True)
    p = cc.Placement(level="IOP", start="2024-01-01", end="2024-02-01", discharge_reason=4.0)
    assert p.discharge_reason is cc.DischargeReason.TRANSFERRED
    q = cc.Placement(level="IOP", start="2024-01-01", end="2024-02-01",
                     discharge_reason=np.int8(6))  # fmt: skip
    assert q.discharge_reason is cc.DischargeReason.DEATH


@pytest.mark.parametrize("code", ["move_not_allowed", "Gap", "unknown level", "-gap", "gap-", ""])
def test_a_finding_code_must_be_kebab_case(code: str) -> None:
    with pytest.raises(ValidationError):
        cc.Finding(code=code, message="x")
    assert cc.Finding(code="move-not-allowed", message="x").code == "move-not-allowed"
