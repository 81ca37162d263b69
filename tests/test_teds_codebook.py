"""The TEDS-D codebook tables the library ships: LOS codes, settings, reasons, columns, labels.

Fact rows cite their source id: TEDS-D-CB (SAMHSA's TEDS-D 2015–2019 codebooks, value tables
in tests/data/teds/codebook/) or TEDS (the TEDS codebooks as summarised in FACTS.md).
"""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum import teds

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "teds"
RAW_2019 = DATA / "codebook" / "TEDS-D-2019-DS0001-info-codebook_V1_codes.csv"


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_codebook", DATA / "build_codebook.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_packaged_table_is_exactly_the_derivation_from_the_codebooks() -> None:
    build = _build_module()
    unlisted: dict[tuple[int, str], int] = {}
    rows = build.derive(unlisted)
    build.check(rows, unlisted)  # every variable adds up to the year's discharges
    packaged = (ROOT / "src" / "carecontinuum" / "teds" / "_codebook.csv").read_text("utf-8")
    assert packaged == build.render(rows)


def test_the_derivation_corrects_only_the_listed_parse_errors() -> None:
    """Apart from the listed corrections and -9 (its minus lost), labels are the parse's own."""
    build = _build_module()
    raw: dict[tuple[int, str, int], list[str]] = {}
    for path in sorted((DATA / "codebook").glob("TEDS-D-20*.csv")):
        year = int(path.name.split("-")[2])
        with path.open(encoding="utf-8", newline="") as handle:
            for r in csv.DictReader(handle):
                value = r["Value"].strip()
                if value and value != "X":
                    variable = build.RENAMED.get((year, r["code"]), r["code"])
                    label = " ".join(r["Label"].split())
                    raw.setdefault((year, variable, int(value)), []).append(label)
    changed = []
    for year, variable, code, label, _freq in build.derive():
        parsed = raw.get((year, variable, code), [])
        if code == -9:
            parsed = parsed + raw.get((year, variable, 9), [])
        if label not in parsed:
            changed.append((year, variable, code))
    assert sorted(changed) == [(2015, "AGE", 1), (2016, "AGE", 1), (2016, "LOS", 21)]


def test_the_2019_frequencies_are_the_codebooks() -> None:
    """Every 2019 frequency in the packaged table is the 2019 codebook's [TEDS-D-CB]."""
    with RAW_2019.open(encoding="utf-8", newline="") as handle:
        expected = {
            (r["code"], int(r["Value"])): int(r["Frequency"].replace(",", ""))
            for r in csv.DictReader(handle)
            if r["Value"].strip()
        }
    got = {
        (variable, code): freq
        for variable in {v for v, _ in expected}
        for code, freq in teds.frequencies(variable, 2019).items()
    }
    assert got == expected


# (code, first day, last day or None, 2019 label, source)
LOS_FACTS = [
    (1, 1, 1, "1", "TEDS-D-CB"),
    (30, 30, 30, "30", "TEDS-D-CB"),
    (31, 31, 45, "31 to 45 days", "TEDS-D-CB"),
    (32, 46, 60, "46 to 60 days", "TEDS-D-CB"),
    (33, 61, 90, "61 to 90 days", "TEDS-D-CB"),
    (34, 91, 120, "91 to 120 days", "TEDS-D-CB"),
    (35, 121, 180, "121 to 180 days", "TEDS-D-CB"),
    (36, 181, 365, "181 to 365 days", "TEDS-D-CB"),
    (37, 366, None, "More than a year", "TEDS-D-CB"),
]


@pytest.mark.parametrize(("code", "low", "high", "label", "source"), LOS_FACTS)
def test_los_codes(code: int, low: int, high: int | None, label: str, source: str) -> None:
    entry = teds.LOS_CODES[code - 1]
    assert (entry.code, entry.min_days, entry.max_days, entry.label) == (code, low, high, label)
    assert source in entry.sources
    assert teds.value_labels("LOS", 2019)[code] == label  # the codebook's own wording


def test_los_codes_cover_every_day_once() -> None:
    assert [c.code for c in teds.LOS_CODES] == list(range(1, 38))
    for previous, entry in zip(teds.LOS_CODES, teds.LOS_CODES[1:], strict=False):
        assert previous.max_days is not None
        assert entry.min_days == previous.max_days + 1
    assert set(teds.value_labels("LOS", 2019)) == set(range(1, 38))  # no -9 in 2019
    assert teds.value_labels("LOS", 2015)[-9].startswith("MISSING")  # 2015 has it [TEDS-D-CB]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=100_000))
def test_los_code_of_a_stay_contains_it(days: int) -> None:
    entry = teds.LOS_CODES[teds.los_code(days) - 1]
    assert entry.contains(days)
    assert sum(c.contains(days) for c in teds.LOS_CODES) == 1


@pytest.mark.parametrize("bad", [0, -1, -9])
def test_los_code_refuses_less_than_a_day(bad: int) -> None:
    with pytest.raises(teds.TedsValueError, match="start at 1 day"):
        teds.los_code(bad)


@pytest.mark.parametrize("bad", [True, 1.5, "3", None])
def test_los_code_refuses_non_integers(bad: object) -> None:
    with pytest.raises(TypeError):
        teds.los_code(bad)  # type: ignore[arg-type]


# (code, label in the 2017–2019 codebooks, source)
SETTING_FACTS = [
    (1, "Detox, 24-hour, hospital inpatient", "TEDS-D-CB"),
    (2, "Detox, 24-hour, free-standing residential", "TEDS-D-CB"),
    (3, "Rehab/residential, hospital (non-detox)", "TEDS-D-CB"),
    (4, "Rehab/residential, short term (30 days or fewer)", "TEDS-D-CB"),
    (5, "Rehab/residential, long term (more than 30 days)", "TEDS-D-CB"),
    (6, "Ambulatory, intensive outpatient", "TEDS-D-CB"),
    (7, "Ambulatory, non-intensive outpatient", "TEDS-D-CB"),
    (8, "Ambulatory, detoxification", "TEDS-D-CB"),
]


@pytest.mark.parametrize(("code", "label", "source"), SETTING_FACTS)
@pytest.mark.parametrize("year", [2017, 2018, 2019])
def test_service_settings(code: int, label: str, source: str, year: int) -> None:
    entry = teds.SERVICE_SETTINGS[code - 1]
    assert (entry.code, entry.label) == (code, label)
    assert source in entry.sources
    assert teds.value_labels("SERVICES_D", year)[code] == label
    assert teds.value_labels("SERVICES", year)[code] == label


def test_settings_match_the_teds_framework() -> None:
    """The codes are the TEDS framework's levels [TEDS]."""
    framework = cc.framework("teds")
    assert sorted(int(c) for c in framework.codes) == [s.code for s in teds.SERVICE_SETTINGS]


def test_ambulatory_settings_are_the_outpatient_codes() -> None:
    ambulatory = {s.code for s in teds.SERVICE_SETTINGS if s.label.startswith("Ambulatory")}
    assert ambulatory == teds.AMBULATORY_SETTINGS == {6, 7, 8}  # [TEDS-D-CB]


# (code, 2017–2019 label, DischargeReason member, source)
REASON_FACTS = [
    (1, "Treatment completed", "COMPLETED", "TEDS-D-CB"),
    (2, "Dropped out of treatment", "DROPPED_OUT", "TEDS-D-CB"),
    (3, "Terminated by facility", "TERMINATED", "TEDS-D-CB"),
    (4, "Transferred to another treatment program or facility", "TRANSFERRED", "TEDS-D-CB"),
    (5, "Incarcerated", "INCARCERATED", "TEDS-D-CB"),
    (6, "Death", "DEATH", "TEDS-D-CB"),
    (7, "Other", "OTHER", "TEDS-D-CB"),
]


@pytest.mark.parametrize(("code", "label", "member", "source"), REASON_FACTS)
def test_discharge_reasons(code: int, label: str, member: str, source: str) -> None:
    entry = teds.DISCHARGE_REASONS[code - 1]
    assert (entry.code, entry.label) == (code, label)
    assert source in entry.sources
    for year in (2017, 2018, 2019):
        assert teds.value_labels("REASON", year)[code] == label
    assert teds.value_labels("REASON", 2016)[code] == label.upper()  # capitals in 2015/2016
    assert cc.DischargeReason(code).name == member


def test_missing_is_minus_nine() -> None:
    assert teds.MISSING == -9 == cc.DischargeReason.MISSING.value  # [TEDS-D-CB]


def test_the_layouts() -> None:
    """76 columns each; 2015–2016 have no SERVICES, CBSA for CBSA2010, and NUMSUBS [TEDS-D-CB]."""
    new, old = teds.COLUMNS_2017, teds.COLUMNS_2015_2016
    assert len(new) == len(set(new)) == 76
    assert len(old) == len(set(old)) == 76
    assert set(new) - set(old) == {"SERVICES", "CBSA2010"}
    assert set(old) - set(new) == {"CBSA", "NUMSUBS"}
    assert teds.layout_columns("2017+") is new
    assert teds.layout_columns("2015-2016") is old
    with pytest.raises(teds.TedsValueError, match="layout"):
        teds.layout_columns("2014")  # type: ignore[arg-type]


@pytest.mark.parametrize("year", teds.CODEBOOK_YEARS)
def test_every_codebook_variable_is_a_column_of_its_year(year: int) -> None:
    columns = teds.layout_columns("2015-2016" if year <= 2016 else "2017+")
    with (ROOT / "src" / "carecontinuum" / "teds" / "_codebook.csv").open() as handle:
        variables = {r["variable"] for r in csv.DictReader(handle) if int(r["year"]) == year}
    # every column but the identifier (and 2017+'s CBSA2010) has a value table
    assert variables == set(columns) - {"CASEID", "CBSA2010"}


# (variable, year, code, label, source)
LABEL_FACTS = [
    ("STFIPS", 2019, 6, "California", "TEDS-D-CB"),
    ("STFIPS", 2019, 72, "Puerto Rico", "TEDS-D-CB"),
    ("GENDER", 2019, -9, "Missing/unknown/not collected/invalid", "TEDS-D-CB"),
    ("AGE", 2019, 12, "65 years and older", "TEDS-D-CB"),
    ("AGE", 2015, 1, "12-14", "TEDS-D-CB"),
    ("RACE", 2015, -9, "MISSING/UNKNOWN/NOT COLLECTED/INVALID", "TEDS-D-CB"),
    ("METHUSE", 2019, 1, "Yes", "TEDS-D-CB"),
    ("NUMSUBS", 2016, 3, "3", "TEDS-D-CB"),
]


@pytest.mark.parametrize(("variable", "year", "code", "label", "source"), LABEL_FACTS)
def test_value_labels(variable: str, year: int, code: int, label: str, source: str) -> None:
    assert source == "TEDS-D-CB"
    assert teds.value_labels(variable, year)[code] == label


def test_value_labels_refuse_unknown_variables_and_years() -> None:
    with pytest.raises(teds.TedsValueError, match="CASEID"):
        teds.value_labels("CASEID")
    with pytest.raises(teds.TedsValueError, match="2015, 2016"):
        teds.value_labels("REASON", 2014)
    with pytest.raises(TypeError, match="bool"):
        teds.value_labels("REASON", True)  # type: ignore[arg-type]
    with pytest.raises(teds.TedsValueError):
        teds.frequencies(["REASON"])  # type: ignore[arg-type]


def test_the_codebook_source_is_defined() -> None:
    assert "TEDS-D-CB" in cc.SOURCES
    assert "TEDS-D" in cc.source("TEDS-D-CB").citation


def test_importing_the_package_stays_cheap() -> None:
    code = (
        "import sys\nfrom carecontinuum import teds\nteds.value_labels('REASON')\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'pyarrow', 'dask', 'pydantic') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert out.strip() == "[]"
