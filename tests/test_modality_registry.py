"""Looking modalities up, registering and unregistering them, and the AnyModality field.

Tests that register run inside a scratch registry (built-ins only) that is
restored afterwards, and also unregister what they add where that is the
behaviour under test.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import carecontinuum as cc
from carecontinuum import Modality, ModalityCategory, registries
from carecontinuum.modalities import AnyModality, modality_kind, modality_kinds


@pytest.fixture
def registry() -> Iterator[None]:
    with registries.scoped(fresh=True):
        yield


class Retreat(Modality):
    """A subclass with extra fields, as an integrator would write it."""

    kind: Literal["retreat"] = "retreat"
    nights: int = 1
    location: str = ""


class Program(BaseModel):
    modalities: list[AnyModality]


# -- lookup --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("CBT", "cognitive_behavioral_therapy"),
        ("cbt", "cognitive_behavioral_therapy"),
        ("Cognitive Behavioral Therapy (CBT)", "cognitive_behavioral_therapy"),
        ("cognitive-behavioral-therapy", "cognitive_behavioral_therapy"),
        ("12-step", "twelve_step_facilitation"),
        ("12 step facilitation", "twelve_step_facilitation"),
        ("TSF", "twelve_step_facilitation"),
        ("MI", "motivational_interviewing"),
        ("motivational interviewing (MI)", "motivational_interviewing"),
        ("MET", "motivational_enhancement_therapy"),
        ("Matrix", "matrix_model"),
        ("  matrix model ", "matrix_model"),
        ("CM", "contingency_management"),
        ("CRA", "community_reinforcement_approach"),
        ("TC", "therapeutic_community"),
        ("TMS", "tms"),
        ("rTMS", "tms"),
        ("esketamine", "esketamine"),
        ("Spravato", "esketamine"),
        ("ketamine", "ketamine"),
        ("EMDR", "emdr"),
        ("DBT", "dialectical_behavior_therapy"),
        ("group therapy", "group_counseling"),
        ("individual therapy", "individual_counseling"),
        ("med management", "medication_management"),
    ],
)
def test_lookup(key: str, code: str) -> None:
    assert cc.modality(key).code == code


def test_lookup_passes_a_modality_through() -> None:
    cbt = cc.modality("CBT")
    assert cc.modality(cbt) is cbt


@pytest.mark.parametrize(
    ("key", "suggestion"),
    [
        ("cbtt", "cognitive_behavioral_therapy"),
        ("matrx model", "matrix_model"),
        ("dialectical behavior", "dialectical_behavior_therapy"),
        ("esketamin", "esketamine"),
    ],
)
def test_unknown_key_suggests(key: str, suggestion: str) -> None:
    with pytest.raises(cc.UnknownModalityError) as info:
        cc.modality(key)
    assert suggestion in info.value.suggestions
    assert f"unknown modality {key!r}" in str(info.value)
    assert isinstance(info.value, LookupError)


def test_unknown_key_without_close_match() -> None:
    with pytest.raises(cc.UnknownModalityError, match="unknown modality 'xyzzy'"):
        cc.modality("xyzzy")


def test_non_string_key() -> None:
    with pytest.raises(cc.UnknownModalityError, match="unknown modality 42"):
        cc.modality(42)  # type: ignore[arg-type]


def test_list_modalities_by_category() -> None:
    assert [m.code for m in cc.list_modalities("neuromodulation")] == ["tms"]
    assert [m.code for m in cc.list_modalities(ModalityCategory.EXPERIENTIAL)] == [
        "equine_therapy",
        "yoga_therapy",
    ]
    assert [m.code for m in cc.list_modalities("Medication")] == [
        "medication_management",
        "esketamine",
        "ketamine",
    ]
    assert len(cc.list_modalities()) == 21


def test_list_modalities_unknown_category() -> None:
    with pytest.raises(cc.UnknownKeyError, match="unknown modality category 'neuromod'") as info:
        cc.list_modalities("neuromod")
    assert info.value.suggestions[0] == "neuromodulation"


def test_catalog_keys_are_unique() -> None:
    seen: dict[str, str] = {}
    from carecontinuum._lookup import normalize_key

    for m in cc.list_modalities():
        for key in (m.code, m.name, *m.aliases):
            owner = seen.setdefault(normalize_key(key), m.code)
            assert owner == m.code, (key, owner, m.code)


# -- registration --------------------------------------------------------------------------------
def test_register_and_unregister(registry: None) -> None:
    art = cc.register_modality(
        Modality(code="art_therapy", name="Art therapy", aliases=("art",), category="experiential")
    )
    assert cc.modality("Art") is art
    assert cc.list_modalities()[-1] is art
    assert art in cc.list_modalities("experiential")
    assert cc.unregister_modality("art") is art
    with pytest.raises(cc.UnknownModalityError):
        cc.modality("art_therapy")


def test_duplicate_code_is_refused(registry: None) -> None:
    with pytest.raises(cc.DuplicateRegistrationError) as info:
        cc.register_modality(Modality(code="tms", name="Another TMS", category="other"))
    assert "a modality with code 'tms' is already registered" in str(info.value)
    assert "replace=True" in str(info.value)
    assert cc.modality("tms").name == "Transcranial magnetic stimulation (TMS)"


@pytest.mark.parametrize(
    ("kwargs", "clash"),
    [
        ({"aliases": ("CBT",)}, "cbt (alias of 'cognitive_behavioral_therapy')"),
        ({"name": "Motivational interviewing (MI)"}, "alias of 'motivational_interviewing'"),
        ({"aliases": ("rtms",)}, "rtms (alias of 'tms')"),
    ],
)
def test_alias_clash_is_refused(registry: None, kwargs: dict[str, Any], clash: str) -> None:
    fields: dict[str, Any] = {"code": "new_one", "name": "New one", "category": "other", **kwargs}
    with pytest.raises(cc.DuplicateRegistrationError, match=re.escape(clash)):
        cc.register_modality(Modality(**fields))
    with pytest.raises(cc.UnknownModalityError):
        cc.modality("new_one")  # nothing half-registered


def test_replace_on_purpose(registry: None) -> None:
    mine = Modality(code="tms", name="TMS (our protocol)", category="neuromodulation")
    assert cc.register_modality(mine, replace=True) is mine
    assert cc.modality("tms") is mine
    assert cc.modality("TMS (our protocol)") is mine


def test_register_rejects_other_types() -> None:
    with pytest.raises(TypeError, match="takes a Modality or a Modality subclass, got dict"):
        cc.register_modality({"code": "x"})
    with pytest.raises(TypeError, match="takes a Modality subclass, got int"):
        cc.register_modality(int)


def test_decorator_registers_a_kind(registry: None) -> None:
    @cc.register_modality
    class Outing(Modality):
        kind: Literal["outing"] = "outing"
        distance_km: float = 0

    assert modality_kind("outing") is Outing
    assert modality_kinds()["outing"] is Outing
    hike = cc.register_modality(Outing(code="hike", name="Hike", category="other", distance_km=5))
    back = Program.model_validate_json(Program(modalities=[hike]).model_dump_json())
    assert type(back.modalities[0]) is Outing
    assert back.modalities[0] == hike
    with pytest.raises(ValueError, match="modalities \\['hike'\\] still use it"):
        cc.unregister_modality(Outing)
    cc.unregister_modality("hike")
    assert cc.unregister_modality(Outing) is Outing
    assert "outing" not in modality_kinds()


def test_decorator_with_replace(registry: None) -> None:
    @cc.register_modality
    class First(Modality):
        kind: Literal["dup_kind"] = "dup_kind"

    with pytest.raises(cc.DuplicateRegistrationError, match="modality kind with code 'dup_kind'"):

        @cc.register_modality
        class Second(Modality):
            kind: Literal["dup_kind"] = "dup_kind"

    @cc.register_modality(replace=True)
    class Third(Modality):
        kind: Literal["dup_kind"] = "dup_kind"

    assert modality_kind("dup_kind") is Third
    assert First is not Third


def test_registering_an_instance_registers_its_kind(registry: None) -> None:
    retreat = cc.register_modality(
        Retreat(code="retreat_demo", name="Retreat (demo)", category="other", nights=2)
    )
    assert modality_kind("retreat") is Retreat
    cc.unregister_modality(retreat.code)
    cc.unregister_modality(Retreat)


def test_failed_instance_registration_does_not_leave_its_kind(registry: None) -> None:
    with pytest.raises(cc.DuplicateRegistrationError):
        cc.register_modality(Retreat(code="tms", name="Clash", category="other"))
    assert "retreat" not in modality_kinds()


def test_subclass_without_its_own_kind_is_refused() -> None:
    class Lazy(Modality):
        extra: int = 0

    with pytest.raises(TypeError, match="Lazy must declare its own kind"):
        cc.register_modality(Lazy)


def test_kind_must_be_a_literal() -> None:
    class Loose(Modality):
        kind: str = "loose"  # type: ignore[assignment]

    with pytest.raises(TypeError, match="Loose must declare `kind: Literal"):
        cc.register_modality(Loose)


def test_unregister_unknown() -> None:
    with pytest.raises(cc.UnknownModalityError, match="unknown modality 'nope'"):
        cc.unregister_modality("nope")
    with pytest.raises(cc.UnknownKeyError, match="unknown modality kind 'retreat'"):
        cc.unregister_modality(Retreat)


def test_unknown_kind_lookup_suggests() -> None:
    with pytest.raises(cc.UnknownKeyError, match="unknown modality kind 'modalty'") as info:
        modality_kind("modalty")
    assert info.value.suggestions == ("modality",)


# -- the AnyModality field -------------------------------------------------------------------------
def test_any_modality_accepts_codes_aliases_instances_and_mappings() -> None:
    program = Program(
        modalities=[
            "CBT",
            cc.modality("MET"),
            {"code": "art_therapy", "name": "Art therapy", "category": "experiential"},
        ]
    )
    assert [m.code for m in program.modalities] == [
        "cognitive_behavioral_therapy",
        "motivational_enhancement_therapy",
        "art_therapy",
    ]


def test_any_modality_unknown_code_names_it_and_suggests() -> None:
    with pytest.raises(ValidationError) as info:
        Program(modalities=["CBT", "matrx"])
    (error,) = info.value.errors()
    assert error["loc"] == ("modalities", 1)
    assert error["type"] == "unknown_modality"
    assert "unknown modality 'matrx'; did you mean 'matrix_model'?" in error["msg"]


def test_any_modality_unknown_kind_names_it() -> None:
    data = {
        "modalities": [{"kind": "teleportation", "code": "x", "name": "X", "category": "other"}]
    }
    with pytest.raises(ValidationError) as info:
        Program.model_validate_json(json.dumps(data))
    (error,) = info.value.errors()
    assert error["type"] == "unknown_modality_kind"
    assert "unknown modality kind 'teleportation'" in error["msg"]


@pytest.mark.parametrize(
    ("value", "error_type", "text"),
    [
        (3, "modality_type", "expected a modality, its code or a mapping with a 'kind', got int"),
        ({"kind": 7, "code": "x"}, "modality_kind", "'kind' must be a string, got 7"),
    ],
)
def test_any_modality_bad_values(value: Any, error_type: str, text: str) -> None:
    with pytest.raises(ValidationError) as info:
        Program(modalities=[value])
    (error,) = info.value.errors()
    assert error["type"] == error_type
    assert text in error["msg"]


def test_any_modality_bad_nested_field_is_located() -> None:
    with pytest.raises(ValidationError) as info:
        Program(modalities=[{"code": "Bad Code", "name": "X", "category": "other"}])
    (error,) = info.value.errors()
    assert error["loc"] == ("modalities", 0, "code")


def test_json_schema_lists_registered_kinds(registry: None) -> None:
    cc.register_modality(Retreat)
    schema = Program.model_json_schema()
    items = schema["properties"]["modalities"]["items"]
    objects = items["anyOf"][0]
    assert objects["discriminator"]["mapping"] == {
        "modality": "#/$defs/Modality",
        "retreat": "#/$defs/Retreat",
    }
    assert items["anyOf"][1]["type"] == "string"
    assert schema["$defs"]["Retreat"]["properties"]["nights"]["type"] == "integer"
    serial = Program.model_json_schema(mode="serialization")["properties"]["modalities"]["items"]
    assert serial["anyOf"][0]["type"] == "string"  # a registered modality is written as its code
    assert serial["anyOf"][1]["discriminator"]["propertyName"] == "kind"
    cc.unregister_modality(Retreat)
    assert "Retreat" not in json.dumps(Program.model_json_schema())


_retreats = st.builds(
    Retreat,
    code=st.from_regex(r"[a-z][a-z0-9_]{0,20}", fullmatch=True),
    name=st.text(min_size=1, max_size=20),
    category=st.sampled_from(ModalityCategory),
    nights=st.integers(0, 30),
    location=st.text(max_size=20),
)
_builtins = st.sampled_from(cc.list_modalities())


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_retreats | _builtins, max_size=5))
def test_any_modality_json_round_trip(registry: None, items: list[Modality]) -> None:
    if modality_kinds().get("retreat") is not Retreat:
        cc.register_modality(Retreat)
    program = Program(modalities=items)
    back = Program.model_validate_json(program.model_dump_json())
    assert back == program
    assert [type(m) for m in back.modalities] == [type(m) for m in items]
