"""One display layer: objects supply rows, one renderer writes HTML and text."""

from __future__ import annotations

import inspect
import pydoc
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


_JOURNEY = cc.Journey(
    person_id="<script>p</script>",
    placements=[
        {"level": "PHP", "start": "2024-03-01", "end": "2024-03-29", "discharge_reason": 1},
        {"level": "IOP", "start": "2024-03-29"},
    ],
)


@pytest.mark.parametrize(
    ("obj", "title"),
    [
        (_JOURNEY, "Journey of <script>p</script>"),
        (_JOURNEY.placements[0], "Placement at Partial hospitalization (PHP)"),
        (_JOURNEY.transitions[0], "step-down: partial_hospitalization ↓ intensive_outpatient"),
    ],
    ids=["journey", "placement", "move"],
)
def test_journeys_render_through_the_one_layer(obj: object, title: str) -> None:
    display = obj._display_()  # type: ignore[attr-defined]
    assert isinstance(display, Display)
    assert display.title == title
    html = obj._repr_html_()  # type: ignore[attr-defined]
    assert html == render_html(display)
    parsed = _parse(html)
    assert parsed.tags.count("b") == 1
    assert "script" not in parsed.tags  # the person id is text, never a tag
    assert title in parsed.texts
    assert render_text(display).splitlines()[0] == title


def test_journey_table_lists_placements_and_moves() -> None:
    text = render_text(_JOURNEY._display_())
    lines = text.splitlines()
    assert lines[1].split() == ["#", "level", "start", "end", "days", "move"]
    assert lines[2].split()[-2:] == ["2024-03-29", "28"]
    assert lines[3].endswith("ongoing     —     ↓ step-down")


def test_placement_rows() -> None:
    rows = dict(_JOURNEY.placements[0]._display_().rows)
    assert rows == {
        "level": "Partial hospitalization (PHP) (partial_hospitalization)",
        "start": "2024-03-01",
        "end": "2024-03-29",
        "length of stay": "28 days",
        "discharge reason": "1 Treatment completed",
    }
    assert dict(_JOURNEY.transitions[0]._display_().rows)["days between"] == 0


def test_a_journey_subclass_field_shows_up_without_display_code() -> None:
    class Episode(cc.Placement):
        site: str = ""

    texts = _parse(Episode(level="OP", start="2024-01-01", site="North clinic")._repr_html_()).texts
    assert "site" in texts
    assert "North clinic" in texts


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        (
            cc.Placement,
            "(*, level: str | CareLevel = None, start: date | str, end: date | str | None = None, "
            "schedule: Schedule | WeeklySchedule | None = None, program: Program | None = None, "
            "discharge_reason: DischargeReason | int | str | None = None) -> None",
        ),
        (
            cc.Journey,
            "(*, person_id: str | int | None = None, placements: tuple[Placement, ...] = ()) "
            "-> None",
        ),
        (
            cc.Move,
            "(*, index: int, source: str, target: str, kind: TransitionKind, on: date, "
            "gap_days: int | None = None) -> None",
        ),
    ],
    ids=["placement", "journey", "move"],
)
def test_journey_models_have_readable_signatures(model: type, expected: str) -> None:
    assert str(inspect.signature(model)) == expected
    page = pydoc.render_doc(model)
    assert "Annotated" not in page
    assert "BeforeValidator" not in page
