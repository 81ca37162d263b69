"""One display layer: objects supply rows, one renderer writes HTML and text."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Literal

import pytest

import carecontinuum as cc
from carecontinuum._display import Display, Table, render_html, render_text, show


class _Texts(HTMLParser):
    """Collects the text and the tags of an HTML fragment (a real parser)."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def _parse(fragment: str) -> _Texts:
    parser = _Texts()
    parser.feed(fragment)
    parser.close()
    return parser


def test_markup_in_values_is_text_never_tags() -> None:
    hostile = '<script>alert(1)</script>&"'
    html = render_html(
        Display(
            hostile, rows=[(hostile, hostile)], tables=[Table([hostile], [[hostile]])], note=hostile
        )
    )
    parsed = _parse(html)
    assert "script" not in parsed.tags
    assert parsed.texts.count(hostile) == 6  # title, label, value, header, cell and note
    assert set(parsed.tags) <= {"table", "caption", "b", "tr", "th", "td", "p"}


def test_each_row_is_one_tr() -> None:
    html = render_html(Display("T", rows=[("a", 1), ("b", 2)]))
    assert html.count("<tr>") == html.count("</tr>") == 2


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3.0, "3"),
        (2.5, "2.5"),
        (None, "—"),
        (True, "yes"),
        (("x", "y"), "x, y"),
        (cc.Setting.RESIDENTIAL, "residential"),
        (cc.Management.MEDICALLY_MANAGED, "medically managed"),
    ],
)
def test_values_are_shown_as_people_write_them(value: object, text: str) -> None:
    assert show(value) == text


def test_text_rendering_wraps_to_the_width() -> None:
    text = render_text(Display("T", rows=[("long", "word " * 60)]), width=60)
    assert all(len(line) <= 60 for line in text.splitlines())
    assert text.splitlines()[0] == "T"


@pytest.mark.usefixtures("isolated_registries")
def test_a_subclass_field_shows_up_without_display_code() -> None:
    @cc.register_modality
    class Outdoor(cc.Modality):
        kind: Literal["outdoor_display"] = "outdoor_display"
        terrain: str = ""
        distance_km: float = 0

    walk = Outdoor(
        code="walk_display",
        name="Walk (demo)",
        category="experiential",
        terrain="hills",
        distance_km=4.5,
    )
    html = walk._repr_html_()
    texts = _parse(html).texts
    assert "terrain" in texts
    assert "hills" in texts
    assert "distance km" in texts
    assert "4.5" in texts
    assert "Walk (demo)" in texts


@pytest.mark.parametrize(
    "obj",
    [
        cc.level("IOP"),
        cc.modality("CBT"),
        cc.framework("asam3"),
        cc.crosswalk("asam4", "continuum"),
        cc.Program(
            name="<b>P</b>", level="IOP", schedule=cc.Schedule(hours_per_day=3, days_per_week=3)
        ),
    ],
    ids=["level", "modality", "framework", "crosswalk", "program"],
)
def test_library_objects_render_through_the_one_layer(obj: object) -> None:
    display = obj._display_()  # type: ignore[attr-defined]
    assert isinstance(display, Display)
    assert obj._repr_html_() == render_html(display)  # type: ignore[attr-defined]
    parsed = _parse(render_html(display))
    assert "b" in parsed.tags  # the caption's own bold, and nothing a value smuggled in
    assert parsed.tags.count("b") == 1
