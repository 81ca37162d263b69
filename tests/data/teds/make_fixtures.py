"""Write the SYNTHETIC TEDS-D fixtures of the test suite (small files, committed).

Every row is SYNTHETIC: ``carecontinuum.teds.synthetic_discharges`` draws each
column independently from one codebook year's frequencies [TEDS-D-CB]
(2019 for the 2017+ layout, 2016 for the 2015–2016 layout).  No real TEDS-D
row is in this folder.  The files are written as SAMHSA ships a year: a
comma-separated header of the codebook's column names, then one row per
discharge; the label forms hold the codebook's labels (latin-1, as the
label-decoded years are).

Run from the repository root:  python tests/data/teds/make_fixtures.py
"""

from __future__ import annotations

from pathlib import Path

from carecontinuum.teds import synthetic_discharges

HERE = Path(__file__).resolve().parent

#: file name → (year, form, rows, seed)
FIXTURES = {
    "SYNTHETIC_tedsd_2019_codes.csv": (2019, "code", 150, 2019),
    "SYNTHETIC_tedsd_2019_labels_latin1.csv": (2019, "label", 60, 2019),
    "SYNTHETIC_tedsd_2016_codes.csv": (2016, "code", 150, 2016),
    "SYNTHETIC_tedsd_2016_labels_latin1.csv": (2016, "label", 60, 2016),
}


def main() -> None:
    for name, (year, form, rows, seed) in FIXTURES.items():
        frame = synthetic_discharges(rows, year=year, form=form, seed=seed)
        frame.to_csv(HERE / name, index=False, encoding="latin-1", lineterminator="\n")
        print(f"wrote {name}: {rows} SYNTHETIC rows, {year} layout, {form} form")


if __name__ == "__main__":
    main()
