"""The CLI's plain-text renderer: tables and paragraphs fit 80 columns, losing no text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from carecontinuum.cli._render import WIDTH, fields, number, paragraph, table

_words = st.text(alphabet="abcdefghij →–.,", min_size=0, max_size=120)
_rows = st.lists(st.lists(_words, min_size=3, max_size=3), min_size=0, max_size=8)


def _squash(text: str) -> str:
    return "".join(text.split())


@given(rows=_rows, width=st.integers(min_value=40, max_value=120))
def test_every_table_line_fits_the_width(rows: list[list[str]], width: int) -> None:
    out = table(["code", "name", "description"], rows, width=width)
    assert all(len(line) <= width for line in out.splitlines())


@given(rows=_rows)
def test_tables_keep_every_character_of_every_cell(rows: list[list[str]]) -> None:
    out = table(["a", "b", "c"], rows)
    body = _squash(out)
    for row in rows:
        for cell in row:
            # wrapping only moves text between lines; nothing is truncated away
            assert all(ch in body for ch in _squash(cell))


def test_a_narrow_table_is_left_alone() -> None:
    assert table(["code", "level"], [["2.1", "Intensive Outpatient"]]) == (
        "code  level\n----  --------------------\n2.1   Intensive Outpatient"
    )


def test_wide_prose_wraps_inside_its_column_and_codes_stay_whole() -> None:
    long = "Group and individual therapy 2–3 hours a day, 3–5 days a week " * 3
    out = table(["code", "description"], [["partial_hospitalization", long]])
    lines = out.splitlines()
    assert all(len(line) <= WIDTH for line in lines)
    assert "partial_hospitalization" in lines[2]  # a code is never broken
    assert len(lines) > 3


def test_headers_wrap_too_when_a_column_is_narrow() -> None:
    out = table(["a very long header", "b"], [["x", "y" * 90]], width=40)
    assert all(len(line) <= 40 for line in out.splitlines())


@given(text=_words, indent=st.integers(0, 8), hang=st.integers(0, 8))
def test_paragraphs_fit_the_width(text: str, indent: int, hang: int) -> None:
    assert all(len(line) <= WIDTH for line in paragraph(text, indent=indent, hang=hang).split("\n"))


def test_fields_align_and_wrap_values() -> None:
    out = fields([("rationale", "word " * 40), ("kind", "step-down")], indent=2)
    lines = out.splitlines()
    assert all(len(line) <= WIDTH for line in lines)
    assert lines[0].startswith("  rationale  word")
    assert lines[1].startswith(" " * 13 + "word")
    assert lines[-1] == "  kind       step-down"


def test_numbers_drop_a_needless_decimal() -> None:
    assert [number(9.0), number(2.5), number(19.999)] == ["9", "2.5", "20"]
