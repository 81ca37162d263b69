"""The one level field: every model that names a level reads it the same way."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

import carecontinuum as cc
from carecontinuum.levels import ContinuumLevelCode, LevelField, level_key, resolve_level

_WEEK = cc.Schedule(hours_per_day=3, days_per_week=3)


class _Any(BaseModel):
    level: LevelField


class _Code(BaseModel):
    level: ContinuumLevelCode


# text, the continuum code it names; source of the mapping
_CONTINUUM = [
    ("intensive_outpatient", "intensive_outpatient"),  # the code itself
    ("IOP", "intensive_outpatient"),  # alias [SEED]
    ("partial hospitalization", "partial_hospitalization"),  # name [SEED]
    ("asam3:2.1", "intensive_outpatient"),  # exact crosswalk row [ASAM3]
    ("asam3:2.5", "partial_hospitalization"),  # exact crosswalk row [ASAM3]
    ("ASAM 3rd edition:1", "outpatient"),  # a framework's name works before the colon [ASAM3]
]


@pytest.mark.parametrize(("text", "code"), _CONTINUUM)
def test_every_model_that_names_a_level_reads_the_same_text(text: str, code: str) -> None:
    assert _Code(level=text).level == code
    assert cc.Program(name="P", level=text, schedule=_WEEK).level == code
    assert cc.Needs(level=text).level == code


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("asam3:2-WM", "only approximately"),  # WM spans IOP and PHP intensity [ASAM3]
        ("asam3:0.5", "only approximately"),  # early intervention counted as outpatient
        ("locus:4", "only approximately"),  # medical monitoring, not a schedule [LOCUS]
        ("asam9:1", "unknown framework"),
        ("intensive outpatent", "did you mean 'intensive_outpatient'"),
        ("", "unknown care level"),
    ],
)
def test_a_lossy_or_unknown_level_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        cc.Program(name="P", level=text, schedule=_WEEK)
    with pytest.raises(ValidationError, match=reason):
        _Code(level=text)


@pytest.mark.parametrize("value", [True, 3, 2.5, None, ["IOP"], b"IOP"])
def test_non_text_is_refused_not_coerced(value: object) -> None:
    with pytest.raises(ValidationError):
        _Code(level=value)
    with pytest.raises(ValidationError):
        _Any(level=value)


def test_the_any_field_keeps_framework_levels_and_writes_their_key() -> None:
    asam = _Any(level="asam3:3.7")
    assert asam.level.framework == "asam3"
    assert asam.model_dump_json() == '{"level":"asam3:3.7"}'
    assert _Any.model_validate_json(asam.model_dump_json()) == asam
    assert level_key(asam.level) == "asam3:3.7"


def test_a_custom_level_is_kept_whole_and_round_trips_in_full() -> None:
    custom = cc.CareLevel(
        code="x1", name="State X level 1", framework="state-x", rank=0, setting="ambulatory"
    )
    held = _Any(level=custom)
    assert held.level is custom
    assert '"framework":"state-x"' in held.model_dump_json()
    assert _Any.model_validate_json(held.model_dump_json()) == held
    assert resolve_level(custom) is custom


def test_a_care_level_object_becomes_its_continuum_code() -> None:
    assert _Code(level=cc.level("PHP")).level == "partial_hospitalization"
    assert _Code(level=cc.level("2.1", framework="asam3")).level == "intensive_outpatient"


def test_the_schema_accepts_what_the_model_accepts() -> None:
    schema = _Code.model_json_schema()["properties"]["level"]
    assert schema["type"] == "string"
    assert "pattern" not in schema  # 'partial hospitalization' is valid input
    out = _Code.model_json_schema(mode="serialization")["properties"]["level"]
    assert out["enum"] == list(cc.default_continuum().codes)
