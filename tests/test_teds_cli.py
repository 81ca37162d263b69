"""``carecontinuum teds summary FILE``: completion and LOS bands by level, 80 columns, exit 2 on
bad files.  The fixtures are SYNTHETIC (tests/data/teds/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carecontinuum import teds
from carecontinuum.cli import invoke

DATA = Path(__file__).resolve().parent / "data" / "teds"
CODES = DATA / "SYNTHETIC_tedsd_2019_codes.csv"
LABELS = DATA / "SYNTHETIC_tedsd_2016_labels_latin1.csv"


def _row(out: str, level: str) -> list[str]:
    return next(line.split() for line in out.splitlines() if line.split()[:1] == [level])


def test_summary_prints_completion_and_los_by_level() -> None:
    result = invoke(["teds", "summary", str(CODES)])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "150 discharges (rows are discharges, not people); DISYR 2019; 2017+ layout" in out
    frame = teds.read_discharges(CODES)
    completion = teds.completion_rates(frame)
    row = completion.loc["outpatient"]
    cells = _row(out, "outpatient")  # the first table's row
    assert cells[1:3] == [f"{row['discharges']:,}", f"{row['completed']:,}"]
    assert cells[3] == f"{100 * row['completion_rate']:.1f}%"
    los = teds.los_bands(frame, bands=[7, 30, 90, 365])
    residential = [line.split() for line in out.splitlines() if line.startswith("~residential")]
    assert len(residential) == 2  # ~ marks the approximate match, in both tables
    band_row = residential[1]
    assert band_row[1] == los.loc["residential", "median_band"].replace("more than ", ">")
    known = los.loc["residential", "discharges"] - los.loc["residential", "los_missing"]
    assert band_row[2] == f"{100 * los.loc['residential', '1–7'] / known:.1f}%"
    mapping = " ".join(out.split())  # the crosswalk's mapping, as the reader records it
    for code, text in frame.attrs["level_mapping"].items():
        target = text.partition(" → ")[2].partition(" (")[0]
        if text.endswith("(approximate)"):
            assert f"→ ~{target}" in mapping, code


def test_summary_json() -> None:
    result = invoke(["teds", "summary", str(LABELS), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["discharges"], data["years"], data["layout"], data["form"]) == (
        60, [2016], "2015-2016", "label",
    )  # fmt: skip
    frame = teds.read_discharges(LABELS)
    by_level = {row["level"]: row for row in data["completion"]}
    expected = teds.completion_rates(frame)
    for level, row in expected.iterrows():
        got = by_level[None if level == "(no level)" else level]
        assert (got["discharges"], got["completed"], got["match"]) == (
            row["discharges"], row["completed"], row["match"],
        )  # fmt: skip
    assert data["length_of_stay"]["bands"] == ["1–7", "8–30", "31–90", "91–365", "more than 365"]
    total = sum(
        sum(r["counts"].values()) + r["los_missing"] for r in data["length_of_stay"]["levels"]
    )
    assert total == 60


def test_summary_in_chunks_is_the_same() -> None:
    whole = invoke(["teds", "summary", str(CODES), "--json"])
    chunked = invoke(["teds", "summary", str(CODES), "--json", "--chunksize", "40"])
    assert json.loads(whole.stdout) == json.loads(chunked.stdout)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"a,b\n1,2\n", "is not a TEDS-D discharge file: no column CASEID"),
        (None, "cannot read"),
    ],
)
def test_bad_files_exit_2_with_one_line(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "file.csv"
    if content is not None:
        path.write_bytes(content)
    result = invoke(["teds", "summary", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_value_names_its_row(tmp_path: Path) -> None:
    lines = CODES.read_text().splitlines()
    fields = lines[5].split(",")
    fields[teds.COLUMNS_2017.index("REASON")] = "9"
    lines[5] = ",".join(fields)
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(lines) + "\n")
    result = invoke(["teds", "summary", str(path)])
    assert result.exit_code == 2
    assert "bad.csv, column REASON, row 5: 9 is not a REASON code" in result.stderr
    assert result.stderr.count("\n") == 1


def test_the_year_option_and_usage_errors(tmp_path: Path) -> None:
    wrong = invoke(["teds", "summary", str(CODES), "--year", "2018"])
    assert wrong.exit_code == 2
    assert "is not the year asked for (2018)" in wrong.stderr
    assert invoke(["teds"]).exit_code == 2
    assert invoke(["teds", "summary"]).exit_code == 2
    bad = invoke(["teds", "summary", str(CODES), "--chunksize", "0"])
    assert bad.exit_code == 2
    assert "--chunksize must be at least 1" in bad.stderr
    assert invoke(["teds", "summary", str(tmp_path)]).exit_code == 2


def test_help_fits_80_columns() -> None:
    for argv in (["teds", "--help"], ["teds", "summary", "--help"]):
        result = invoke(argv)
        assert result.exit_code == 0
        assert all(len(line) <= 80 for line in result.stdout.splitlines())
    assert "teds" in invoke(["--help"]).stdout
