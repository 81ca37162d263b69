"""Registered modalities serialize by reference; custom ones in full; nothing is lost."""

from __future__ import annotations

import json

import pytest

import carecontinuum as cc
from carecontinuum.modalities import EmbeddedModality

_EMBED = {"modalities": "embed"}


def _week(modality: cc.Modality | str) -> cc.WeeklySchedule:
    return cc.WeeklySchedule(
        sessions=[
            cc.Session(
                weekday=day, start="09:00", duration="60 min", format="group", modality=modality
            )
            for day in (
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
            )
        ]
    )


def test_a_registered_modality_is_written_as_its_code_and_read_back_as_the_record() -> None:
    program = cc.Program(name="P", level="IOP", modalities=["CBT"], schedule=_week("CBT"))
    data = program.model_dump(mode="json")
    assert data["modalities"] == ["cognitive_behavioral_therapy"]
    assert {s["modality"] for s in data["schedule"]["sessions"]} == {"cognitive_behavioral_therapy"}
    back = cc.Program.model_validate_json(program.model_dump_json())
    assert back == program
    assert back.modalities[0] is cc.modality("CBT")


def test_seven_sessions_do_not_carry_seven_copies() -> None:
    program = cc.Program(name="P", level="IOP", schedule=_week("matrix"))
    by_reference = len(program.model_dump_json())
    embedded = len(program.model_dump_json(context=_EMBED))
    assert by_reference < 2_500
    assert embedded > 3 * by_reference


def test_full_embedding_on_request_round_trips() -> None:
    program = cc.Program(name="P", level="IOP", modalities=["MET"], schedule=_week("MET"))
    text = program.model_dump_json(context=_EMBED)
    assert json.loads(text)["modalities"][0]["name"] == "Motivational enhancement therapy (MET)"
    assert cc.Program.model_validate_json(text) == program


@pytest.mark.usefixtures("isolated_registries")
def test_an_unregistered_or_changed_modality_is_embedded_so_nothing_is_lost() -> None:
    custom = cc.Modality(code="sand_tray_demo", name="Sand tray (demo)", category="experiential")
    changed = cc.modality("CBT").model_copy(update={"description": "our own wording"})
    program = cc.Program(
        name="P",
        level="IOP",
        modalities=[custom, changed],
        schedule=cc.Schedule(hours_per_day=3, days_per_week=3),
    )
    data = program.model_dump(mode="json")
    assert data["modalities"][0]["code"] == "sand_tray_demo"
    assert data["modalities"][1]["description"] == "our own wording"
    back = cc.Program.model_validate_json(program.model_dump_json())
    assert back.modalities == (custom, changed)


def test_the_embedded_field_always_writes_the_record() -> None:
    from pydantic import TypeAdapter

    adapter = TypeAdapter(EmbeddedModality)
    assert adapter.dump_python(cc.modality("CBT"), mode="json")["code"] == (
        "cognitive_behavioral_therapy"
    )
    assert isinstance(adapter.dump_python(cc.modality("CBT"), mode="json"), dict)
