"""Writing placements as TEDS-D rows, and reading them back: level, reason and LOS band survive.

LOS is "computed using the date of admission and the date of last contact. One day is added to
all outpatient discharges" [TEDS-D-CB]; the library reads outpatient as the ambulatory
settings 6–8.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum import teds
from carecontinuum.journeys import population

#: the settings the writer needs told; outpatient (7) and IOP (6) are read from the crosswalk
CHOICES = {"residential": 5, "inpatient_acute": 3, "partial_hospitalization": 6}
#: level → the level it reads back as: TEDS has no PHP code, so PHP-like care is 6 [TEDS]
READ_BACK = {"partial_hospitalization": "intensive_outpatient"}


def _write(source: object, **kwargs: object) -> pd.DataFrame:
    out = io.StringIO()
    options: dict[str, object] = {"state_fips": 36, "settings": CHOICES, **kwargs}
    teds.write_discharges(source, out, **options)  # type: ignore[arg-type]
    return teds.read_discharges(io.StringIO(out.getvalue()))


_LEVELS = st.sampled_from(list(cc.default_graph().codes))
_REASONS = st.one_of(st.none(), st.sampled_from([r.code for r in teds.DISCHARGE_REASONS]))


@st.composite
def _journeys(draw: st.DrawFn) -> list[cc.Journey]:
    journeys = []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        day = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1)))
        placements = []
        for _ in range(draw(st.integers(min_value=1, max_value=4))):
            level = draw(_LEVELS)
            stay = draw(st.integers(min_value=1, max_value=900))
            end = day + dt.timedelta(days=stay)
            placements.append(
                cc.Placement(level=level, start=day, end=end, discharge_reason=draw(_REASONS))
            )
            day = end
        journeys.append(cc.Journey(placements=placements))
    return journeys


@settings(max_examples=40, deadline=None)
@given(_journeys())
def test_write_then_read_keeps_level_reason_and_los_band(journeys: list[cc.Journey]) -> None:
    back = _write(journeys)
    placements = [p for j in journeys for p in j.placements]
    assert len(back) == len(placements)
    assert back["episode_id"].tolist() == list(range(1, len(placements) + 1))
    for (_, row), p in zip(back.iterrows(), placements, strict=True):
        assert row["level"] == READ_BACK.get(p.level.code, p.level.code)
        reason = p.discharge_reason
        assert (None if pd.isna(row["reason"]) else row["reason"]) == (
            None if reason is None else int(reason)
        )
        days = (p.end - p.start).days + (int(row["teds_setting"]) in teds.AMBULATORY_SETTINGS)
        assert row["los_min_days"] <= days
        assert row["los_max_days"] is pd.NA or days <= row["los_max_days"]
        assert row["year"] == p.end.year
        assert row["state_fips"] == 36
        assert row["teds_setting"] == row["admission_teds_setting"]


# (level, start, end, LOS code, why)
LOS_FACTS = [
    (
        "outpatient",
        "2024-01-01",
        "2024-01-01",
        1,
        "same-day outpatient visit: 0 days + 1 [TEDS-D-CB]",
    ),
    ("outpatient", "2024-01-01", "2024-01-30", 30, "29 days + 1 [TEDS-D-CB]"),
    ("outpatient", "2024-01-01", "2024-01-31", 31, "30 days + 1 = 31, in 31–45 [TEDS-D-CB]"),
    ("residential", "2024-01-01", "2024-01-31", 30, "30 days, no day added [TEDS-D-CB]"),
    ("residential", "2024-01-01", "2024-02-15", 31, "45 days, in 31–45 [TEDS-D-CB]"),
    ("residential", "2024-01-01", "2024-02-16", 32, "46 days, in 46–60 [TEDS-D-CB]"),
    ("residential", "2023-01-01", "2024-01-01", 36, "365 days, in 181–365 [TEDS-D-CB]"),
    ("residential", "2023-01-01", "2024-01-02", 37, "366 days, more than a year [TEDS-D-CB]"),
    ("intensive_outpatient", "2024-01-01", "2024-12-31", 37, "365 days + 1 [TEDS-D-CB]"),
]


@pytest.mark.parametrize(("level", "start", "end", "code", "why"), LOS_FACTS)
def test_los_from_dates(level: str, start: str, end: str, code: int, why: str) -> None:
    journey = cc.Journey(placements=[{"level": level, "start": start, "end": end}])
    back = _write(journey)
    assert back["los"].tolist() == [code], why


def test_a_zero_day_stay_in_a_24_hour_setting_has_no_code() -> None:
    journey = cc.Journey(
        placements=[{"level": "residential", "start": "2024-01-01", "end": "2024-01-01"}]
    )
    with pytest.raises(teds.TedsWriteError, match="0-day stay in 24-hour setting 5"):
        _write(journey)


def test_the_written_file_is_a_code_form_teds_d_file(tmp_path: Path) -> None:
    journey = cc.Journey(
        placements=[
            {"level": "IOP", "start": "2023-12-01", "end": "2024-01-12", "discharge_reason": 4},
            {"level": "OP", "start": "2024-01-12", "end": "2024-05-01", "discharge_reason": 1},
        ]
    )
    path = tmp_path / "out.csv"
    assert teds.write_discharges(journey, path, state_fips=6) == 2
    raw = pd.read_csv(path)
    assert list(raw.columns) == list(teds.COLUMNS_2017)
    assert raw["SERVICES_D"].tolist() == [6, 7]  # from the crosswalk read backwards [TEDS]
    assert raw["REASON"].tolist() == [4, 1]
    assert raw["DISYR"].tolist() == [2024, 2024]
    untouched = raw.drop(columns=["CASEID", "DISYR", "STFIPS", "SERVICES", "SERVICES_D",
                                  "REASON", "LOS"])  # fmt: skip
    assert (untouched == -9).all().all()  # not recorded by a placement: missing [TEDS-D-CB]
    old = tmp_path / "old.csv"
    teds.write_discharges(journey, old, state_fips=6, layout="2015-2016")
    assert list(pd.read_csv(old).columns) == list(teds.COLUMNS_2015_2016)
    assert teds.read_discharges(old)["admission_teds_setting"].isna().all()


def test_a_placements_frame_as_population_writes_it() -> None:
    journeys = [
        cc.Journey(person_id="a", placements=[
            {"level": "PHP", "start": "2024-01-01", "end": "2024-01-29", "discharge_reason": 4},
            {"level": "IOP", "start": "2024-01-29", "end": "2024-03-11", "discharge_reason": 1},
        ]),
        cc.Journey(person_id="b", placements=[
            {"level": "residential", "start": "2024-02-01", "end": "2024-03-01"},
            {"level": "OP", "start": "2024-03-01"},
        ]),
    ]  # fmt: skip
    frame = population.journeys_to_frame(journeys)
    with pytest.raises(teds.TedsWriteError, match="row 4: has no end date"):
        _write(frame)
    back = _write(frame, skip_open=True)
    from_journeys = _write(journeys, skip_open=True)
    assert back.equals(from_journeys)
    assert back["level"].tolist() == ["intensive_outpatient", "intensive_outpatient", "residential"]
    assert back["reason"].isna().tolist() == [False, False, True]
    tz = frame.assign(start=frame["start"].dt.tz_localize("America/New_York"),
                      end=frame["end"].dt.tz_localize("America/New_York"))  # fmt: skip
    assert _write(tz, skip_open=True).equals(back)  # wall-clock local dates


def test_levels_without_a_single_setting_need_a_choice() -> None:
    php = cc.Journey(placements=[{"level": "PHP", "start": "2024-01-01", "end": "2024-01-20"}])
    out = io.StringIO()
    with pytest.raises(teds.TedsWriteError, match="TEDS has no partial-hospitalization code"):
        teds.write_discharges(php, out, state_fips=6)
    res = cc.Journey(
        placements=[{"level": "residential", "start": "2024-01-01", "end": "2024-01-20"}]
    )
    with pytest.raises(teds.TedsWriteError, match=r"TEDS settings 2, 4, 5 all map to it"):
        teds.write_discharges(res, out, state_fips=6)
    asam = cc.Journey(
        placements=[{"level": "asam3:2.1", "start": "2024-01-01", "end": "2024-01-20"}]
    )
    with pytest.raises(teds.TedsWriteError, match=r"asam3:2\.1 is not a continuum or TEDS level"):
        teds.write_discharges(asam, out, state_fips=6)
    direct = cc.Journey(
        placements=[{"level": "teds:4", "start": "2024-01-01", "end": "2024-01-20"}]
    )
    assert _write(direct)["teds_setting"].tolist() == [4]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"state_fips": True}, TypeError, "state_fips must be a state FIPS code, not a bool"),
        ({"state_fips": 0}, teds.TedsValueError, "state_fips: 0 is not"),
        ({"state_fips": "06"}, teds.TedsValueError, "state_fips: '06' is not"),
        ({"layout": "2014"}, teds.TedsValueError, "layout: '2014'"),
        ({"settings": {"residential": 9}}, teds.TedsWriteError, "9 is not a TEDS setting code"),
        ({"settings": {"residential": True}}, TypeError, "not a bool"),
        ({"settings": {"nowhere": 5}}, cc.UnknownLevelError, "nowhere"),
        ({"settings": [("residential", 5)]}, TypeError, "settings must be a mapping"),
        ({"skip_open": "yes"}, TypeError, "skip_open must be True or False"),
    ],
)
def test_bad_arguments(kwargs: dict[str, object], error: type, message: str) -> None:
    journey = cc.Journey(placements=[{"level": "OP", "start": "2024-01-01", "end": "2024-01-20"}])
    options: dict[str, object] = {"state_fips": 6, **kwargs}
    with pytest.raises(error, match=message):
        teds.write_discharges(journey, io.StringIO(), **options)  # type: ignore[arg-type]


def test_bad_sources_and_frames() -> None:
    with pytest.raises(TypeError, match="takes a Journey, Journeys or a DataFrame"):
        teds.write_discharges("journeys.json", io.StringIO(), state_fips=6)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="item 1 is a dict"):
        teds.write_discharges([cc.Journey(), {}], io.StringIO(), state_fips=6)  # type: ignore[list-item]
    with pytest.raises(TypeError, match="path must be a file path"):
        teds.write_discharges([], 42, state_fips=6)  # type: ignore[arg-type]
    frame = pd.DataFrame({"level": ["OP"], "start": ["2024-01-01"], "end": ["not a date"]})
    with pytest.raises(teds.TedsWriteError, match="column 'end' holds values that are not dates"):
        teds.write_discharges(frame, io.StringIO(), state_fips=6)
    with pytest.raises(teds.TedsWriteError, match="no column 'start'"):
        teds.write_discharges(frame.drop(columns="start"), io.StringIO(), state_fips=6)
    reasons = frame.assign(end="2024-02-01", discharge_reason=[12])
    with pytest.raises(teds.TedsWriteError, match="discharge_reason 12 is not a TEDS REASON"):
        teds.write_discharges(reasons, io.StringIO(), state_fips=6)
    backwards = frame.assign(end="2023-02-01")
    with pytest.raises(teds.TedsWriteError, match="ends before it starts"):
        teds.write_discharges(backwards, io.StringIO(), state_fips=6)
    unknown = frame.assign(level="IOPP", end="2024-02-01")
    with pytest.raises(cc.UnknownLevelError):
        teds.write_discharges(unknown, io.StringIO(), state_fips=6)


def test_an_open_journey_placement_is_named() -> None:
    journey = cc.Journey(person_id="p7", placements=[{"level": "OP", "start": "2024-01-01"}])
    with pytest.raises(teds.TedsWriteError, match=r"journey 0 \(person 'p7'\), placement 0"):
        teds.write_discharges(journey, io.StringIO(), state_fips=6)
    assert teds.write_discharges(journey, io.StringIO(), state_fips=6, skip_open=True) == 0
