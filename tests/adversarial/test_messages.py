"""Messages stay useful: no placeholder printed as written, echoes cut, English words.

pydantic fills a custom error's template with plain ``{name}`` fields only: a
``{name!r}`` or ``{name:.2f}`` is printed as written (two messages did just
that).  The first test reads every template in the package with :mod:`ast`
and fails on any field that pydantic would not fill; the others check the
messages users see.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import carecontinuum as cc
from carecontinuum.units import convert

SRC = Path(__file__).resolve().parents[2] / "src" / "carecontinuum"
# Calls whose second argument is a message template filled from the third, a context dict.
_TEMPLATED = {"PydanticCustomError", "ConversionError"}


def _templates() -> list[tuple[str, int, str, set[str] | None]]:
    """(file, line, template, context keys or None) of every templated error in the package."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            func = node.func
            name = getattr(func, "id", None) or getattr(func, "attr", None)
            template = node.args[1]
            if name not in _TEMPLATED or not isinstance(template, ast.Constant):
                continue
            context = node.args[2] if len(node.args) > 2 else None
            keys = (
                {k.value for k in context.keys if isinstance(k, ast.Constant)}
                if isinstance(context, ast.Dict)
                else None
            )
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            found.append((where, node.lineno, template.value, keys))
    return found


_ALL = _templates()


def test_the_scan_finds_the_templates() -> None:
    assert len(_ALL) > 40  # units, schedules, intensity, levels, programs, ...
    assert any("units/_convert.py" in where for where, *_ in _ALL)


@pytest.mark.parametrize(("where", "line", "template", "keys"), _ALL, ids=[t[0] for t in _ALL])
def test_every_template_field_is_one_pydantic_fills(
    where: str, line: int, template: str, keys: set[str] | None
) -> None:
    for _, field, spec, conversion in string.Formatter().parse(template):
        if field is None:
            continue
        assert field.isidentifier(), f"{where}: {{{field}}} is not a plain name"
        assert not conversion, f"{where}: {{{field}!{conversion}}} is printed as written"
        assert not spec, f"{where}: {{{field}:{spec}}} is printed as written"
        if keys is not None:
            assert field in keys, f"{where}: {{{field}}} has no value in the context"


# Messages users see: each names the rule in English, and none prints a placeholder.
CASES: list[tuple[Any, str]] = [
    (lambda: cc.Schedule(hours_per_day=3, days_per_week=8), "at most 7 days per week, got 8"),
    (lambda: cc.Schedule(hours_per_day=3, days_per_week=0), "at least 1 day per week, got 0"),
    (lambda: cc.Schedule(hours_per_day=25, days_per_week=3), "at most 24 hours per day, got 25"),
    (lambda: cc.Schedule(hours_per_day=0, days_per_week=3), "more than 0 hours per day, got 0"),
    (lambda: cc.Schedule(hours_per_day=3, days_per_week=3, weeks=0), "more than 0 weeks"),
    (lambda: cc.weekly_compliance([-1]), "at least 0 hours per week, got -1"),
    (lambda: cc.WeeklyHours(at_least=169), "at most 168 hours per week, got 169"),
    (lambda: cc.Schedule(hours_per_day=3, days_per_week=3.5), "a whole number, got 3.5"),
    (lambda: cc.Schedule(hours_per_day="3 m", days_per_week=3), "with dimension [length]"),
    (
        lambda: cc.Program(
            name="x",
            level="IOP",
            schedule=cc.Schedule(hours_per_day=3, days_per_week=3),
            length_of_stay=cc.QuantityRange(low=1, unit="hour"),
        ),
        "a length of stay is in day, week, month, year, got 'hour'",
    ),
    (
        lambda: cc.Schedule(
            hours_per_day=cc.units.unit_registry().Quantity(3, "meter"), days_per_week=3
        ),
        "with dimension [length]",
    ),
]


@pytest.mark.parametrize(("make", "words"), CASES, ids=range(len(CASES)))
def test_messages_read_as_english(make: Any, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        make()
    message = str(info.value)
    assert words in message
    assert "{" not in message
    assert "day / week" not in message  # a unit in words, not in pint's syntax
    assert "less than or equal" not in message


def test_convert_messages_have_no_placeholders_either() -> None:
    with pytest.raises(cc.InvalidQuantityError) as info:
        convert(cc.units.unit_registry().Quantity(3, "meter"), "hour")
    assert "{" not in str(info.value)
    assert "'3 meter' with dimension [length]" in str(info.value)


def test_a_megabyte_is_echoed_in_eighty_characters() -> None:
    with pytest.raises(ValidationError) as info:
        cc.Schedule(hours_per_day="x" * 1_000_000, days_per_week=3)
    (error,) = info.value.errors()
    assert "'xxxxxxxx" in error["msg"]
    assert "...'" in error["msg"]
    assert len(error["msg"]) < 200


def test_a_session_just_before_ten_is_not_shown_as_second_sixty() -> None:
    import datetime as dt

    session = cc.Session(
        weekday="mon", start=dt.time(9, 0), duration=(3600 * 1e6 - 1) / 3.6e9, format="group"
    )
    assert session.span == "09:00–09:59:59.999999"
    late = cc.Session(weekday="mon", start=dt.time(9, 59, 59, 999_999), duration=1, format="group")
    assert late.label == "monday 09:59:59.999999–10:59:59.999999"
    assert ":60" not in repr(late)
