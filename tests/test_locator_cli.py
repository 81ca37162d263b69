"""``carecontinuum locator search``: the synthetic listing searched, hostile files refused.

The fixtures are SYNTHETIC (tests/data/locator/README.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecontinuum.cli import invoke

DATA = Path(__file__).resolve().parent / "data" / "locator"
CODES = str(DATA / "listing_codes.json")
LABELS = str(DATA / "listing_labels.json")
POINT = "37.5407,-77.4360"


def _search(*args: str) -> tuple[int, str, str]:
    result = invoke(["locator", "search", *args])
    assert "Traceback" not in result.stdout + result.stderr
    if "--json" not in args:
        for line in result.stdout.splitlines():
            assert len(line) <= 80, line
    return result.exit_code, result.stdout, result.stderr


def _words(text: str) -> str:
    """The text with its line breaks and runs of spaces folded (wrapping varies with paths)."""
    return " ".join(text.split())


def test_search_an_iop_that_takes_medicaid_near_a_point() -> None:
    code, out, err = _search(LABELS, "--level", "IOP", "--payment", "MD", "--near", POINT)
    assert (code, err) == (0, "")
    assert "11 rows, 8 facilities, 8 programs; 3 rows left out, 2 warnings." in _words(out)
    assert "Intensive outpatient (IOP); accepting Medicaid; nearest to 37.5407, -77.436" in _words(
        out
    )
    table = out.splitlines()
    table = table[next(i for i, line in enumerate(table) if line.startswith("-  ---")) + 1 :]
    lines = [line for line in table if line[:1].isdigit()]  # a row's first line; the path
    assert [line.split()[0] for line in lines] == ["1", "2", "3"]  # above may wrap anywhere
    assert [float(line.split()[1]) for line in lines] == [1.0, 3.2, 6.5]
    assert "Synthetic Riverside" in lines[0]
    assert [line.split()[-1] for line in lines] == ["555-0101", "555-0108", "555-0102"]


def test_search_in_miles_within_a_distance() -> None:
    code, out, _ = _search(
        CODES, "--payment", "Medicaid", "--near", POINT, "--within", "3", "--unit", "mi"
    )
    assert code == 0
    assert "within 3 mi of" in out
    assert out.count("555-0101") == 2  # Riverside's outpatient and IOP programs
    assert "555-0102" not in out  # Hillcrest, 4 miles away


def test_search_json() -> None:
    code, out, _ = _search(CODES, "--level", "IOP", "--near", POINT, "--json", "--limit", "2")
    assert code == 0
    data = json.loads(out)
    assert data["listing"] == {
        "rows": 11,
        "facilities": 8,
        "programs": 8,
        "page": 1,
        "total_pages": 1,
        "record_count": 11,
    }
    assert data["matches"] == 3
    assert [m["rank"] for m in data["shown"]] == [1, 2]
    first = data["shown"][0]
    assert first["program"]["facility"]["id"] == "synthetic-001"
    assert first["program"]["level"] == "intensive_outpatient"
    assert first["distance"] == pytest.approx(0.96, abs=0.01)
    assert first["distance_unit"] == "km"
    assert data["needs"]["near"] == {"latitude": 37.5407, "longitude": -77.436}
    assert [p["code"] for p in data["problems"]] == [
        "ambiguous-setting",
        "no-level",
        "bad-coordinate",
        "missing-field",
        "duplicate-facility",
    ]


def test_problems_and_limit() -> None:
    code, out, _ = _search(CODES, "--problems", "--limit", "1")
    assert code == 0
    assert "row 8, latitude: error: latitude 'ninety' is not a number of degrees" in _words(out)
    assert "7 more; --limit shows more." in out
    _, plain, _ = _search(CODES)
    assert "--problems lists what could not be read." in _words(plain)


def test_nothing_fits() -> None:
    code, out, _ = _search(CODES, "--level", "PHP", "--payment", "ITU")
    assert code == 0
    assert "No program in the listing fits." in _words(out)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--near", "91,0"], "--near must be LAT,LON"),
        (["--near", "north"], "--near must be LAT,LON"),
        (["--within", "5"], "--within needs --near"),
        (["--limit", "0"], "--limit must be at least 1"),
        (["--payment", "bitcoin"], "unknown payment code 'bitcoin'"),
        (["--level", "IOPP"], "did you mean"),
        (["--near", POINT, "--unit", "furlong"], "unknown distance unit"),
        (["--near", POINT, "--within", "-3"], "greater than 0"),
        (["--age", "old"], "age"),
    ],
)
def test_bad_options_exit_2(args: list[str], words: str) -> None:
    code, _, err = _search(CODES, *args)
    assert code == 2
    assert words in err


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x00\x01binary", "binary file"),
        (b"[\xff]", "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nests deeper"),
        (b'{"rows": [], "rows": []}', "repeats the key 'rows'"),
        (b'{"page": 1}', "has no 'rows'"),
        (b"42", "not a locator listing"),
        (b"not json", "not a locator listing"),
    ],
)
def test_bad_files_exit_2_with_one_line(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "listing.json"
    path.write_bytes(data)
    code, out, err = _search(str(path))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert words in err


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert _search(str(tmp_path / "none.json"))[0] == 2
    assert "is a directory" in _search(str(tmp_path))[2]


def test_locator_without_a_command_shows_its_help() -> None:
    result = invoke(["locator"])
    assert result.exit_code == 2
    assert "search" in result.stdout
    assert invoke(["locator", "search", "--help"]).exit_code == 0


def test_hostile_names_do_not_reach_the_terminal(tmp_path: Path) -> None:
    rows = [
        {"frid": "a", "name1": "\x1b[2JEvil", "services": [{"f2": "SET", "f3": "OIT"}]},
        {"frid": "b", "name1": "Fine", "services": [{"f2": "SET", "f3": "OIT"}]},
    ]
    path = tmp_path / "listing.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    code, out, _ = _search(str(path), "--problems")
    assert code == 0
    assert "\x1b" not in out
    assert "control character" in _words(out)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


@settings(
    deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_JSON)
def test_random_json_never_crashes_the_command(tmp_path: Path, document: object) -> None:
    path = tmp_path / "random.json"
    path.write_text(json.dumps({"rows": [document]} if isinstance(document, dict) else document))
    code, _, _ = _search(str(path), "--near", POINT)
    assert code in (0, 2)
