"""Derive the packaged TEDS-D codebook table from the parsed codebook CSVs beside this script.

Input: ``codebook/TEDS-D-<year>-DS0001-info-codebook*.csv`` (2015–2019), the value tables
of SAMHSA's TEDS-D public-use-file codebooks as parsed from the PDFs by the author of
``kabellhart/teds-processing`` (CC0, see ``codebook/LICENSE``) [TEDS-D-CB].

Output: ``src/carecontinuum/teds/_codebook.csv`` with one row per (year, variable, code):
``year,variable,code,label,frequency``.

The parsed tables carry a few PDF-extraction errors.  Each is corrected here by an explicit
rule listed in :data:`CORRECTIONS` (and nothing else is changed); the corrected frequencies
are confirmed by :func:`check`, which requires every variable's frequencies to add up to the
year's discharge count, as they do in the codebook.

Run from the repository root::

    python tests/data/teds/build_codebook.py          # rewrite the packaged table
    python tests/data/teds/build_codebook.py --check  # exit 1 if it is out of date
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "codebook"
ROOT = HERE.parents[2]
OUTPUT = ROOT / "src" / "carecontinuum" / "teds" / "_codebook.csv"

MISSING_LABEL = re.compile(r"^missing/unknown/not collected/invalid", re.IGNORECASE)

#: (year, variable, code and label as parsed) → corrected fields, and what went wrong.
CORRECTIONS: dict[tuple[int, str, int, str], tuple[dict[str, object], str]] = {
    (2015, "AGE", 1, "14-Dec"): ({"label": "12-14"}, "spreadsheet date mangling"),
    (2016, "AGE", 1, "14-Dec"): ({"label": "12-14"}, "spreadsheet date mangling"),
    (2015, "RACE", 9, "MISSING/UNKNOWN/NOT COLLECTED/INVALID"): (
        {"code": -9, "frequency": 23_944},
        'minus sign lost, and digits moved into the percent: parsed "23,9", "441.70%"',
    ),
    (2016, "AGE", 10, "50-54"): (
        {"frequency": 119_886},
        'a digit moved into the percent: parsed "119,88", "68.20%"',
    ),
    (2016, "SUB2", 2, "ALCOHOL"): (
        {"frequency": 160_257},
        'a digit moved into the percent: parsed "160,25", "711.00%"',
    ),
    (2016, "LOS", 21, "211"): (
        {"label": "21", "frequency": 17_101},
        'a digit moved from the frequency into the label: parsed "211", "7,101"',
    ),
}
#: Variable names the parse garbled: (year, parsed name) → the codebook's variable name.
RENAMED = {(2016, "ETHNICITY"): "ETHNIC"}
"""The 2016 table heads ETHNIC with its long label; every other year and the spec say ETHNIC."""
DROPPED_VARIABLES = {(2016, "D")}
"""A stray heading row ("SERVICE SETTING AT DISCHARGE") with no values."""
UNLISTED = "X"
"""The value of the rows "other CBSA codes not printed here": not a code, so not kept."""


def _year(path: Path) -> int:
    return int(path.name.split("-")[2])


def _frequency(text: str) -> int:
    return int(text.replace(",", "").strip())


Row = tuple[int, str, int, str, int]


def derive(unlisted: dict[tuple[int, str], int] | None = None) -> list[Row]:
    """The corrected rows, sorted by year, variable (codebook order) and code.

    *unlisted*, when given, receives the frequency of the codes a table does not print
    (its "X" row), by (year, variable).
    """
    out: list[Row] = []
    for path in sorted(RAW.glob("TEDS-D-20*-DS0001-info-codebook*.csv")):
        year = _year(path)
        order: dict[str, int] = {}
        rows: dict[tuple[str, int], tuple[str, int]] = {}
        with path.open(encoding="utf-8", newline="") as handle:
            for record in csv.DictReader(handle):
                variable = RENAMED.get((year, record["code"]), record["code"])
                value = record["Value"].strip()
                if value == UNLISTED and unlisted is not None:
                    unlisted[year, variable] = _frequency(record["Frequency"])
                if (year, variable) in DROPPED_VARIABLES or not value or value == UNLISTED:
                    continue
                code = int(value)
                label = " ".join(record["Label"].split())
                frequency = _frequency(record["Frequency"])
                fix, _why = CORRECTIONS.get((year, variable, code, label), ({}, ""))
                if code == 9 and MISSING_LABEL.match(label) and "code" not in fix:
                    code = -9  # the minus sign of -9 was lost in the parse
                label = str(fix.get("label", label))
                code = int(str(fix.get("code", code)))
                frequency = int(str(fix.get("frequency", frequency)))
                key = (variable, code)
                if key in rows:
                    raise SystemExit(f"{path.name}: {variable} {code} appears twice")
                order.setdefault(variable, len(order))
                rows[key] = (label, frequency)
        for (variable, code), (label, frequency) in sorted(
            rows.items(), key=lambda item: (order[item[0][0]], item[0][1])
        ):
            out.append((year, variable, code, label, frequency))
    return out


def check(rows: list[Row], unlisted: dict[tuple[int, str], int]) -> None:
    """Every variable's frequencies (with its unlisted codes) add up to the year's count."""
    totals = {year: freq for year, var, _code, _label, freq in rows if var == "DISYR"}
    sums: dict[tuple[int, str], int] = defaultdict(int, unlisted)
    for year, variable, _code, _label, frequency in rows:
        sums[year, variable] += frequency
    wrong = {key: total for key, total in sums.items() if total != totals[key[0]]}
    if wrong:
        raise SystemExit(f"frequencies do not add up to the year's total: {wrong}")


def render(rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["year", "variable", "code", "label", "frequency"])
    writer.writerows(rows)
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    unlisted: dict[tuple[int, str], int] = {}
    rows = derive(unlisted)
    check(rows, unlisted)
    text = render(rows)
    if "--check" in argv:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is out of date; run {Path(__file__).name}")
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(rows)} rows to {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
