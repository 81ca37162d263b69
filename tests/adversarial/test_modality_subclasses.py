"""A Modality subclass whose field shadows an inherited field with another type is refused
when the class is defined (issue 9 §3), with a :class:`ModalityDefinitionError` naming the
class, the field and both types; compatible subclasses still define, register, list and show.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

import pydantic
import pytest

import carecontinuum as cc
from carecontinuum.modalities import ModalityDefinitionError

#: For every inherited field, an annotation of another type (and a default for it).
SHADOWS: list[tuple[str, Any, object]] = [
    ("code", int, 0),
    ("code", str | None, None),
    ("name", int, 1),
    ("aliases", str, ""),
    ("aliases", list[str], []),
    ("category", str, "other"),
    ("formats", str, ""),
    ("targets", dict[str, str], {}),
    ("adjunct", int, 0),
    ("adjunct", str, "no"),
    ("structure", int | None, None),
    ("structure", dict[str, Any] | None, None),
    ("description", int, 0),
    ("sources", tuple[int, ...], ()),
    ("verified", str, "yes"),
    ("note", bytes, b""),
    ("note", ClassVar[str], ""),
]


@pytest.mark.parametrize(("field", "annotation", "default"), SHADOWS)
def test_a_shadowing_field_is_refused_at_definition(
    field: str, annotation: Any, default: object
) -> None:
    with pytest.raises(ModalityDefinitionError) as info:
        pydantic.create_model(  # the same hook runs for a class statement
            "Shadowing",
            __base__=cc.Modality,
            kind=(Literal["shadowing"], "shadowing"),
            **{field: (annotation, default)},
        )
    text = str(info.value)
    assert text.startswith(f"Shadowing.{field} shadows Modality.{field} with another type")
    assert "add a field under a new name instead" in text
    assert isinstance(info.value, cc.CareContinuumError)
    assert isinstance(info.value, TypeError)


def test_a_subclass_of_a_plugin_class_may_not_retype_its_extra_field() -> None:
    class Venue(cc.Modality):
        kind: Literal["venue_demo"] = "venue_demo"
        venue: str = ""

    with pytest.raises(ModalityDefinitionError, match=r"Retyped.venue shadows Venue.venue"):

        class Retyped(Venue):
            kind: Literal["retyped_demo"] = "retyped_demo"
            venue: int = 0  # type: ignore[assignment]


def test_a_class_statement_is_refused_too() -> None:
    with pytest.raises(ModalityDefinitionError, match=r"\(int instead of str\)"):

        class Bad(cc.Modality):
            kind: Literal["bad_demo"] = "bad_demo"
            code: int = 0  # type: ignore[assignment]


@pytest.mark.usefixtures("isolated_registries")
def test_a_compatible_subclass_defines_registers_lists_and_shows() -> None:
    @cc.register_modality
    class Outdoors(cc.Modality):
        kind: Literal["outdoors_demo"] = "outdoors_demo"
        category: cc.ModalityCategory = cc.ModalityCategory("other")  # same type, new default
        venue: str = "the park"

    item = cc.register_modality(Outdoors(code="park_walk", name="Park walk", venue="the river"))
    assert cc.modality("park walk") is item
    assert repr(item) == "Outdoors('park_walk', category='other')"
    assert "park_walk" in [m.code for m in cc.list_modalities("other")]
    assert "the river" in item._repr_html_()
