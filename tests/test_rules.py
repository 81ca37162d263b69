"""Each built-in rule set at, just below and just above every threshold.

Every row cites the source of the threshold it tests.  Values just off a
threshold are built from minutes (179 min/day × 3 days = 8 h 57 min), so the
tests also show that minutes and fractions of an hour land exactly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import carecontinuum as cc

OP, IOP, PHP = "outpatient", "intensive_outpatient", "partial_hospitalization"

# rule set, hours/day, days/week, expected level (None: the rule set defines none), source
ROWS: list[tuple[str, Any, int, str | None, str]] = [
    # ASAM 3rd ed. adult: outpatient < 9 ≤ IOP < 20 ≤ PHP h/week
    ("asam3-adult", 3, 3, IOP, "ASAM3"),  # exactly 9
    ("asam3-adult", "179 min", 3, OP, "ASAM3"),  # 8.95
    ("asam3-adult", "181 min", 3, IOP, "ASAM3"),  # 9.05
    ("asam3-adult", 4.5, 2, IOP, "ASAM3"),  # 9 over two days
    ("asam3-adult", 4, 5, PHP, "ASAM3"),  # exactly 20 (PHP floor: firmness S)
    ("asam3-adult", "239 min", 5, IOP, "ASAM3"),  # 19.9167
    ("asam3-adult", "241 min", 5, PHP, "ASAM3"),  # 20.083
    ("asam3-adult", 1, 1, OP, "ASAM3"),
    # ASAM 3rd ed. adolescent: outpatient < 6 ≤ IOP < 20 ≤ PHP h/week
    ("asam3-adolescent", 2, 3, IOP, "ASAM3"),  # exactly 6
    ("asam3-adolescent", "119 min", 3, OP, "ASAM3"),  # 5.95
    ("asam3-adolescent", "121 min", 3, IOP, "ASAM3"),  # 6.05
    ("asam3-adolescent", 4, 5, PHP, "ASAM3"),  # exactly 20
    ("asam3-adolescent", "239 min", 5, IOP, "ASAM3"),
    ("asam3-adolescent", "241 min", 5, PHP, "ASAM3"),
    # Medicare: IOP needs ≥ 9 h/week; PHP ≥ 20 h/week; nothing defined below 9
    ("medicare", 3, 3, IOP, "CMS-IOP"),  # exactly 9
    ("medicare", "179 min", 3, None, "CMS-IOP"),  # below 9: Medicare defines no level
    ("medicare", "181 min", 3, IOP, "CMS-IOP"),
    ("medicare", 4, 5, PHP, "CFR-PHP"),  # exactly 20
    # 19.9 h, just under the CFR-PHP floor: IOP (the ≤ 19 h ceiling is only a convention)
    ("medicare", "239 min", 5, IOP, "CMS-IOP"),
    ("medicare", "241 min", 5, PHP, "CFR-PHP"),
    # TEDS intensive outpatient: ≥ 2 h/day on ≥ 3 days/week; no PHP code
    ("teds", 2, 3, IOP, "TEDS"),  # exactly on both floors
    ("teds", "119 min", 3, OP, "TEDS"),  # hours just below
    ("teds", "121 min", 3, IOP, "TEDS"),
    ("teds", 2, 2, OP, "TEDS"),  # days just below
    ("teds", 2, 4, IOP, "TEDS"),  # days just above
    ("teds", 8, 2, OP, "TEDS"),  # 16 h/week, but on 2 days
    ("teds", 5, 5, IOP, "TEDS"),  # a PHP schedule is still IOP: TEDS has no PHP code
    # HCPCS H0015: a program of ≥ 3 h/day on ≥ 3 days/week (firmness C)
    ("hcpcs-h0015", 3, 3, IOP, "HCPCS"),
    ("hcpcs-h0015", "179 min", 3, None, "HCPCS"),
    ("hcpcs-h0015", "181 min", 3, IOP, "HCPCS"),
    ("hcpcs-h0015", 3, 2, None, "HCPCS"),
    ("hcpcs-h0015", 3, 4, IOP, "HCPCS"),
    ("hcpcs-h0015", 6, 5, IOP, "HCPCS"),
]


@pytest.mark.parametrize(("rules", "hours_per_day", "days", "expected", "source"), ROWS)
def test_threshold_table(
    rules: str, hours_per_day: Any, days: int, expected: str | None, source: str
) -> None:
    result = cc.classify(cc.Schedule(hours_per_day=hours_per_day, days_per_week=days), rules)
    assert result.level_code == expected
    assert source in result.sources
    if expected is None:
        assert "no level" in result.reason


@pytest.mark.parametrize(("rules", "hours_per_day", "days", "expected", "source"), ROWS)
def test_threshold_table_as_sessions(
    rules: str, hours_per_day: Any, days: int, expected: str | None, source: str
) -> None:
    """The same rows as a week of sessions, one per day: the same verdict."""
    day_names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][:days]
    week = cc.WeeklySchedule(
        sessions=[
            cc.Session(weekday=d, start="08:00", duration=hours_per_day, format="group")
            for d in day_names
        ]
    )
    assert cc.classify(week, rules).level_code == expected, source


@pytest.mark.parametrize(
    ("minutes", "count", "expected"),
    [
        (20, 27, IOP),  # 27 sessions of 20 minutes are exactly 9 h [ASAM3]
        (20, 26, OP),
        (10, 54, IOP),  # 54 × 10 min = 9 h
        (45, 12, IOP),  # 12 × 45 min = 9 h
        (7, 77, OP),  # 77 × 7 min = 8 h 59 min
        (40, 30, PHP),  # 30 × 40 min = 20 h [ASAM3, PHP floor S]
    ],
)
def test_many_short_sessions_land_exactly(minutes: int, count: int, expected: str) -> None:
    per_day, extra = divmod(count, 3)
    sessions = []
    for d, day in enumerate(("mon", "wed", "fri")):
        for i in range(per_day + (1 if d < extra else 0)):
            start = dt.time(6 + i * minutes // 60, i * minutes % 60)
            sessions.append(
                cc.Session(weekday=day, start=start, duration=f"{minutes} min", format="group")
            )
    week = cc.WeeklySchedule(sessions=sessions)
    assert week.sessions_per_week == count
    assert cc.classify(week).level_code == expected


def test_teds_counts_the_days_that_reach_two_hours() -> None:
    """TEDS: ≥ 2 h on each of ≥ 3 days; an uneven week counts qualifying days [TEDS]."""

    def week(*hours: Any) -> cc.WeeklySchedule:
        days = ["mon", "tue", "wed", "thu", "fri"]
        return cc.WeeklySchedule(
            sessions=[
                cc.Session(weekday=days[i], start="17:00", duration=h, format="group")
                for i, h in enumerate(hours)
            ]
        )

    assert cc.classify(week(2, 2, "119 min", 1), "teds").level_code == OP
    assert cc.classify(week(2, 2, "119 min", 4), "teds").level_code == IOP
    assert cc.classify(week(2, 2, 2, 0.5), "teds").level_code == IOP
    c = cc.classify(week(2, 2, "119 min", 1), "teds")
    assert c.reason.startswith("2 of 4 days with ≥ 2 h falls short of ≥ 2 h/day on ≥ 3 days/week")


@pytest.mark.parametrize(
    ("rules", "setting", "expected", "source"),
    [
        ("asam3-adult", None, "residential", "ASAM3"),
        ("asam3-adult", "residential", "residential", "ASAM3"),
        ("asam3-adult", "hospital", "inpatient_acute", "ASAM3"),
        ("asam3-adolescent", "hospital", "inpatient_acute", "ASAM3"),
        ("teds", "residential", "residential", "TEDS"),
        ("teds", "hospital", "inpatient_acute", "TEDS"),
        ("medicare", "residential", None, "CMS-IOP"),  # covers IOP and PHP only
        ("hcpcs-h0015", "hospital", None, "HCPCS"),  # describes IOP only
    ],
)
def test_twenty_four_hour_settings_are_classified_by_setting(
    rules: str, setting: str | None, expected: str | None, source: str
) -> None:
    # 2 clinical hours a week: were hours to decide, this would be outpatient
    stay = cc.Schedule(hours_per_day=1, days_per_week=2, twenty_four_hour=True, setting=setting)
    result = cc.classify(stay, rules)
    assert result.level_code == expected, source
    assert result.by_setting
    assert "24-hour" in result.reason


# -- monotonicity -----------------------------------------------------------------------


def _rank(level: cc.CareLevel | None) -> float:
    return -1 if level is None else level.rank


_minutes = st.integers(min_value=1, max_value=24 * 60)


@settings(deadline=None)
@given(
    st.sampled_from([rs.id for rs in cc.list_rule_sets()]),
    _minutes,
    _minutes,
    st.integers(1, 7),
    st.integers(1, 7),
)
def test_more_hours_never_give_a_less_intensive_level(
    rules: str, m1: int, m2: int, d1: int, d2: int
) -> None:
    (m_lo, m_hi), (d_lo, d_hi) = sorted((m1, m2)), sorted((d1, d2))
    less = cc.classify(cc.Schedule(hours_per_day=m_lo / 60, days_per_week=d_lo), rules)
    more = cc.classify(cc.Schedule(hours_per_day=m_hi / 60, days_per_week=d_hi), rules)
    assert _rank(more.level) >= _rank(less.level)


@settings(deadline=None)
@given(
    st.sampled_from([rs.id for rs in cc.list_rule_sets()]),
    st.lists(
        st.tuples(st.sampled_from(["mon", "tue", "wed", "thu", "fri"]), st.integers(1, 180)),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat"]),
    st.integers(1, 180),
)
def test_adding_a_session_never_lowers_the_level(
    rules: str, slots: list[tuple[str, int]], day: str, minutes: int
) -> None:
    def sessions(items: list[tuple[str, int]]) -> list[cc.Session]:
        # each session gets its own 3-hour slot in the day, so none overlap
        out, used = [], {}
        for weekday, mins in items:
            slot = used.get(weekday, 0)
            used[weekday] = slot + 1
            out.append(
                cc.Session(
                    weekday=weekday, start=dt.time(slot * 3), duration=f"{mins} min", format="group"
                )
            )
        return out

    slots = slots[:7]
    before = cc.classify(cc.WeeklySchedule(sessions=sessions(slots)), rules)
    after = cc.classify(cc.WeeklySchedule(sessions=sessions([*slots, (day, minutes)])), rules)
    assert _rank(after.level) >= _rank(before.level)
