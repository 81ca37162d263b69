"""Write the SYNTHETIC locator listings in this folder, in code form and label form.

Run ``python tests/data/locator/make_listings.py`` to rewrite
``listing_codes.json`` and ``listing_labels.json``.  Every facility, name,
address, phone number and coordinate is invented; only the category codes and
their labels are the SAMHSA locator's own [LOCATOR] (see README.md).
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

# code -> label, per category, as the locator writes them [LOCATOR]
LABELS: dict[str, dict[str, str]] = {
    "SET": {
        "OP": "Outpatient",
        "OIT": "Intensive outpatient treatment",
        "ORT": "Regular outpatient treatment",
        "ODT": "Outpatient day treatment or partial hospitalization",
        "OMB": "Outpatient methadone/buprenorphine or naltrexone treatment",
        "OD": "Outpatient detoxification",
        "RES": "Residential",
        "RS": "Short-term residential",
        "RL": "Long-term residential",
        "RD": "Residential detoxification",
        "HI": "Hospital inpatient",
        "HIT": "Hospital inpatient treatment",
        "HID": "Hospital inpatient detoxification",
        "TELE": "Telemedicine/telehealth",  # a setting value that names no level
    },
    "TC": {"DT": "Detox"},
    "PAY": {
        "PI": "Private health insurance",
        "MD": "Medicaid",
        "MC": "Medicare",
        "MI": "Military insurance (e.g., TRICARE)",
        "ITU": "IHS/Tribal/Urban (ITU) funds",
        "SF": "Cash or self-payment",
        "NP": "Free services, no payment needed",
        # deliberately unknown: the reader must keep it, not drop it
        "SYN1": "Federal, or any government funding for substance abuse programs",
    },
    "PYAS": {
        "SS": "Sliding fee scale (fee is based on income and other factors)",
        "PA": "Payment assistance (check with facility for details)",
    },
    "AGE": {"ADLT": "Adults", "CHLD": "Children/adolescents"},
    "SG": {"VET": "Veterans", "GL": "Lesbian, gay, bisexual, or transgender (LGBT) clients"},
    "SL": {"AH": "Services for the deaf and hard of hearing"},
    "OL": {
        "SP-Spanish": "Spanish",
        "F4-Arabic": "Arabic",
        "F17-Any Chinese Language": "Any Chinese Language",
    },
    "AIL": {"N23-Navajo": "Navajo"},
}
CATEGORY_NAMES = {
    "SET": "Service Settings (e.g., Outpatient, Residential, Inpatient etc.)",
    "TC": "Type of Care",
    "PAY": "Payment/Insurance/Funding Accepted",
    "PYAS": "Payment Assistance Available",
    "AGE": "Age Groups Accepted",
    "SG": "Special Programs/Groups Offered",
    "SL": "Language Services",
    "OL": "Other Languages",
    "AIL": "American Indian or Alaska Native Languages",
    "TAP": "Treatment Approaches",
    "FOP": "Facility Operation (e.g. Private, Public)",
}
# values of categories the library does not model, or has no codes for: labels in both files
AS_WRITTEN = {"TAP", "FOP"}


def _facility(
    n: int, name1: str, name2: str, where: tuple[str, str] | None, services: dict[str, str]
) -> dict[str, object]:
    return {
        "frid": f"synthetic-{n:03d}",
        "name1": name1,
        "name2": name2,
        "street1": f"{100 + n} Example Street",
        "street2": "",
        "city": "Synthetic City",
        "state": "VA",
        "zip": f"99{n:03d}",
        "phone": f"555-01{n:02d}",
        "website": f"https://synthetic-{n:03d}.example.org",
        "latitude": where[0] if where else "",
        "longitude": where[1] if where else "",
        "typeFacility": "SA",
        "services": services,
    }


# (facility, services as "CAT: code; code" pairs); the point of the notebook is 37.5407, -77.4360
FACILITIES = [
    _facility(
        1,
        "Synthetic Riverside Recovery",
        "Evening Program",
        ("37.5480", "-77.4420"),
        {
            "SET": "OP; OIT; ORT; TELE",
            "PAY": "MD; PI; SYN1",
            "PYAS": "SS",
            "AGE": "ADLT",
            "OL": "SP-Spanish",
            "TAP": "Cognitive behavioral therapy; Matrix Model; Anger management",
            "FOP": "Private non-profit organization",
        },
    ),
    _facility(
        2,
        "Synthetic Hillcrest Behavioral Health",
        "",
        ("37.5800", "-77.4900"),
        {
            "SET": "OP; ODT; OIT",
            "PAY": "MC; MD",
            "AGE": "ADLT; CHLD",
            "SG": "VET",
            "TAP": "Dialectical behavior therapy; Motivational interviewing",
        },
    ),
    _facility(
        3,
        "Synthetic Oak Hall",
        "Residential Campus",
        ("37.7000", "-77.3000"),
        {"SET": "RES; RS; RL; RD", "PAY": "PI; SF", "SG": "GL", "AGE": "ADLT"},
    ),
    _facility(
        4,
        "Synthetic County Hospital",
        "Addiction Unit",
        ("37.6000", -77.5200),  # a number, as some exports write it
        {"SET": "HI; HIT; HID", "PAY": "MC; MD; MI", "TC": "DT"},
    ),
    _facility(
        5,
        "Synthetic Northside Clinic",
        "",
        ("37.5500", "-77.4000"),
        {"SET": "OP", "PAY": "MD"},  # outpatient of unstated intensity: no one level
    ),
    _facility(
        6,
        "Synthetic Detox Center",
        "",
        ("37.5300", "-77.4500"),
        {"SET": "OD", "PAY": "MD; NP"},  # withdrawal management only: no level
    ),
    _facility(
        7,
        "Synthetic Tribal Health",
        "Outpatient Services",
        None,  # no coordinates
        {"SET": "OP; ORT; OMB", "PAY": "ITU; NP", "PYAS": "PA", "AIL": "N23-Navajo", "SL": "AH"},
    ),
    _facility(
        8,
        "Synthetic Youth Intensive Outpatient",
        "",
        ("37.5200", "-77.4100"),
        {"SET": "OIT", "PAY": "MD", "AGE": "CHLD", "OL": "F4-Arabic; F17-Any Chinese Language"},
    ),
]
BAD_ROWS: list[dict[str, object]] = [
    {**_facility(9, "Synthetic Bad Coordinates", "", ("ninety", "-77.4"), {"SET": "OIT"})},
    {"frid": "synthetic-010", "services": []},  # no name1
    {**FACILITIES[0], "name2": "Duplicate Row"},  # the frid of row 0 again
]


def _services(services: dict[str, str], *, labels: bool) -> list[dict[str, str]]:
    out = []
    for category, text in services.items():
        values = [v.strip() for v in text.split(";")]
        if labels and category not in AS_WRITTEN:
            values = [LABELS[category][v] for v in values]
        out.append({"f1": CATEGORY_NAMES[category], "f2": category, "f3": "; ".join(values)})
    return out


def listing(*, labels: bool) -> dict[str, object]:
    """The synthetic listing, its ``f3`` values as labels or as codes."""
    rows = []
    for facility in [*FACILITIES, *BAD_ROWS]:
        row = dict(facility)
        if isinstance(row.get("services"), dict):
            row["services"] = _services(row["services"], labels=labels)  # type: ignore[arg-type]
        rows.append(row)
    return {"page": 1, "totalPages": 1, "recordCount": len(rows), "rows": rows}


def main() -> None:
    for name, labels in (("listing_codes.json", False), ("listing_labels.json", True)):
        text = json.dumps(listing(labels=labels), indent=1, ensure_ascii=False) + "\n"
        (HERE / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
