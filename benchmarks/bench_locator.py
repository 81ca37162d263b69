"""Locator benchmark: reading a 10,000-row SAMHSA treatment-locator listing.

Run with ``python benchmarks/bench_locator.py``.  The listing is SYNTHETIC
(seeded): invented facilities whose ``services`` use the locator's real
category codes and labels [LOCATOR], shaped like the locator's own rows —
about twenty categories a row, several values each, most of them categories
the library does not model (kept as codes).  It is read in both forms: label
form, as the locator's API returns it, and code form (the same listing with
each value the library's sources give a code for written as that code).
Nothing here is asserted by the test suite.

Target (locator issue): 10,000 rows read in ≤ 1 s, in each form — the JSON
text, parsed strictly, to programs and problems.  The strict parse alone and
the rows → programs step are timed too, and everything is compared with an
anchor measured in the same run: plain ``json.loads`` of the same text (which
builds no programs and checks nothing).  Each is timed in CPU time, best of
five, in turn with the others.  The machine may be shared, so the ratios say
more than the seconds.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable

from _timing import gc_paused
from carecontinuum._json import loads as strict_loads
from carecontinuum.locator import read_listing

N_ROWS = 10_000
TARGET_S = 1.0

# label form, as the locator's listing rows write them [LOCATOR]
_SETTINGS = [
    ["Outpatient", "Intensive outpatient treatment", "Regular outpatient treatment"],
    ["Outpatient", "Regular outpatient treatment"],
    ["Outpatient", "Outpatient day treatment or partial hospitalization"],
    ["Outpatient", "Outpatient methadone/buprenorphine or naltrexone treatment"],
    ["Residential", "Short-term residential", "Long-term residential"],
    ["Residential", "Residential detoxification"],
    ["Hospital inpatient", "Hospital inpatient treatment", "Hospital inpatient detoxification"],
    ["Outpatient", "Telemedicine/telehealth"],
    ["Outpatient detoxification"],
]
_PAY = [
    "Medicaid",
    "Medicare",
    "Private health insurance",
    "Cash or self-payment",
    "Military insurance (e.g., TRICARE)",
    "IHS/Tribal/Urban (ITU) funds",
    "Federal, or any government funding for substance abuse programs",
    "State-financed health insurance plan other than Medicaid",
]
_PYAS = [
    "Sliding fee scale (fee is based on income and other factors)",
    "Payment assistance (check with facility for details)",
]
_AGE = ["Adults", "Children/adolescents", "Young adults", "Seniors (65 or older)"]
_SG = [
    "Veterans",
    "Lesbian, gay, bisexual, or transgender (LGBT) clients",
    "Adult women",
    "Adult men",
    "Persons with co-occurring mental and substance use disorders",
    "Persons who have experienced trauma",
]
_TAP = [
    "Cognitive behavioral therapy",
    "Motivational interviewing",
    "Relapse prevention",
    "Matrix Model",
    "12-step facilitation",
    "Dialectical behavior therapy",
    "Anger management",
    "Brief intervention",
    "Substance use counseling approach",
    "Trauma-related counseling",
]
_OL = ["Spanish", "Arabic", "SP-Spanish", "F4-Arabic"]
# categories the library does not model: kept on the programs as codes
_OTHER = ["TC", "FOP", "LCA", "OT", "ASSES", "SCR", "TRSRV", "AS", "EDU", "TOBAC", "SMP", "GN"]
_VOCABULARY = {c: [f"Synthetic {c} service {k}" for k in range(12)] for c in _OTHER}
# code form: the codes of the labels above where the library's sources give one [LOCATOR]
# (other values stay as written, as in tests/data/locator/listing_codes.json)
_CODES = {
    "Outpatient": "OP",
    "Intensive outpatient treatment": "OIT",
    "Regular outpatient treatment": "ORT",
    "Outpatient day treatment or partial hospitalization": "ODT",
    "Outpatient methadone/buprenorphine or naltrexone treatment": "OMB",
    "Outpatient detoxification": "OD",
    "Residential": "RES",
    "Short-term residential": "RS",
    "Long-term residential": "RL",
    "Residential detoxification": "RD",
    "Hospital inpatient": "HI",
    "Hospital inpatient treatment": "HIT",
    "Hospital inpatient detoxification": "HID",
    "Telemedicine/telehealth": "TELE",
    "Medicaid": "MD",
    "Medicare": "MC",
    "Private health insurance": "PI",
    "Cash or self-payment": "SF",
    "Military insurance (e.g., TRICARE)": "MI",
    "IHS/Tribal/Urban (ITU) funds": "ITU",
    "Sliding fee scale (fee is based on income and other factors)": "SS",
    "Payment assistance (check with facility for details)": "PA",
    "Adults": "ADLT",
    "Children/adolescents": "CHLD",
    "Veterans": "VET",
    "Lesbian, gay, bisexual, or transgender (LGBT) clients": "GL",
    "Spanish": "SP-Spanish",
    "Arabic": "F4-Arabic",
    **{label: f"{c}{k}" for c in _OTHER for k, label in enumerate(_VOCABULARY[c])},
}
FORMS = ("labels", "codes")


def _in_codes(values: str) -> str:
    return "; ".join(_CODES.get(value, value) for value in values.split("; "))


def synthetic_listing(n_rows: int, seed: int = 7, form: str = "labels") -> dict[str, object]:
    """A SYNTHETIC listing of *n_rows* facilities in the locator's response shape.

    *form* ``"codes"`` writes the same listing with its values as codes.
    """
    if form not in FORMS:
        raise ValueError(f"form is one of {', '.join(FORMS)}, not {form!r}")
    rng = random.Random(seed)

    def some(values: list[str], low: int, high: int) -> str:
        return "; ".join(rng.sample(values, rng.randint(low, min(high, len(values)))))

    rows = []
    for i in range(n_rows):
        services = [
            {"f1": "Service Settings", "f2": "SET", "f3": "; ".join(rng.choice(_SETTINGS))},
            {"f1": "Payment/Insurance/Funding Accepted", "f2": "PAY", "f3": some(_PAY, 2, 6)},
            {"f1": "Payment Assistance Available", "f2": "PYAS", "f3": some(_PYAS, 1, 2)},
            {"f1": "Age Groups Accepted", "f2": "AGE", "f3": some(_AGE, 1, 4)},
            {"f1": "Special Programs/Groups Offered", "f2": "SG", "f3": some(_SG, 1, 5)},
            {"f1": "Treatment Approaches", "f2": "TAP", "f3": some(_TAP, 3, 9)},
            {"f1": "Other Languages", "f2": "OL", "f3": some(_OL, 1, 2)},
        ]
        # the locator lists a category's values in a fixed order: a subset of its vocabulary
        for category in rng.sample(_OTHER, rng.randint(8, 12)):
            vocabulary = _VOCABULARY[category]
            chosen = [v for v in vocabulary if rng.random() < 0.3] or vocabulary[:1]
            services.append(
                {"f1": f"Synthetic category {category}", "f2": category, "f3": "; ".join(chosen)}
            )
        rows.append(
            {
                "frid": f"synthetic-{i:06d}",
                "name1": f"Synthetic Treatment Center {i}",
                "name2": rng.choice(["", "Outpatient Services", "Evening Program"]),
                "street1": f"{rng.randint(1, 9999)} Example Street",
                "street2": "",
                "city": "Synthetic City",
                "state": "VA",
                "zip": f"{rng.randint(10000, 99999)}",
                "phone": f"555-{rng.randint(0, 9999):04d}",
                "typeFacility": rng.choice(["SA", "MH"]),
                "intake1": None,
                "hotline1": None,
                "website": f"https://synthetic-{i}.example.org",
                "latitude": f"{rng.uniform(25, 48):.7f}",
                "longitude": f"{rng.uniform(-124, -67):.7f}",
                "miles": round(rng.uniform(0, 50), 2),
                "services": services,
            }
        )
        if form == "codes":
            for entry in services:
                entry["f3"] = _in_codes(entry["f3"])
    return {"page": 1, "totalPages": 1, "recordCount": n_rows, "rows": rows}


def _best_of(funcs: list[Callable[[], object]], repeat: int) -> list[float]:
    """Best CPU time of each of *funcs*, run in turn *repeat* times (anchor and ours alike).

    CPU time of this process, not wall time, and in alternation: on a shared
    machine, time spent waiting for a core is charged to neither, and a slow
    spell slows every side of a ratio alike.
    """
    times: list[list[float]] = [[] for _ in funcs]
    for _ in range(repeat):
        for func, spent in zip(funcs, times, strict=True):
            start = time.process_time()
            func()
            spent.append(time.process_time() - start)
    return [min(spent) for spent in times]


def _form(form: str) -> bool:
    """Time reading the listing in *form*; print the figures; True when on target."""
    text = json.dumps(synthetic_listing(N_ROWS, form=form))
    listing = read_listing(text)
    values = sum(len(p.other_codes) for p in listing.programs)
    print(
        f"SYNTHETIC listing, {form} form: {N_ROWS:,} rows, {len(text) / 1e6:.1f} MB of JSON -> "
        f"{len(listing.facilities):,} facilities, {len(listing.programs):,} programs "
        f"({values:,} kept codes), {len(listing.problems):,} problems"
    )
    parsed = json.loads(text)
    # read_listing pauses the cyclic garbage collector while it reads, so the parses
    # are timed with it paused too: the anchor is then json.loads at its fastest
    t_json, t_read, t_strict, t_rows = _best_of(
        [
            gc_paused(lambda: json.loads(text)),
            lambda: read_listing(text),
            gc_paused(lambda: strict_loads(text, what="listing")),
            lambda: read_listing(parsed),
        ],
        repeat=5,
    )
    ok = t_read <= TARGET_S
    print(
        f"  read_listing(JSON text)          {t_read:7.3f} s   target ≤ {TARGET_S:g} s "
        f"{'OK' if ok else 'MISSED'}"
    )
    print(
        f"    of which the strict JSON parse {t_strict:7.3f} s   (carecontinuum._json.loads: "
        "duplicate keys, depth, long integers; GC paused)"
    )
    print(f"  read_listing(parsed rows)        {t_rows:7.3f} s   rows -> facilities and programs")
    print(
        f"  anchor: json.loads(same text)    {t_json:7.3f} s   builds no programs, checks nothing"
        " (GC paused)"
    )
    print(
        f"  ratios to the anchor: read_listing(text) {t_read / t_json:.1f}×, strict parse "
        f"{t_strict / t_json:.1f}×, rows -> programs {t_rows / t_json:.1f}×"
    )
    return ok


def main() -> bool:
    results = [_form(form) for form in FORMS]  # one after the other, never in parallel
    return all(results)


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
