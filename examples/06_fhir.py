# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 6. FHIR: out to an EHR and back
#
# EHRs exchange [FHIR](https://hl7.org/fhir/). `carecontinuum.fhir` writes the library's objects
# as FHIR resources — a program as a `HealthcareService`, a schedule as a `Timing`, a journey as
# an `EpisodeOfCare` with one `Encounter` per placement — in R5 or R4B, and reads them back. It
# also reads FHIR that other systems wrote, and refuses to guess where FHIR does not say enough.
#
# Exporting needs nothing beyond the library; validating with
# [fhir.resources](https://pypi.org/project/fhir.resources/) needs the `fhir` extra
# (`pip install 'carecontinuum[fhir]'`).

# %%
import json

import carecontinuum as cc
from carecontinuum import fhir

program = cc.Program(
    name="Evening IOP",
    level="IOP",
    schedule=cc.WeeklySchedule(
        sessions=[
            cc.Session(weekday=day, start="18:00", duration="3 h", format="group", modality="CBT")
            for day in ("mon", "wed", "thu")
        ],
        weeks=6,
    ),
    modalities=["CBT", "matrix model"],
    payment=["MD", "private health insurance"],
    ages={"min_age": 18},
    languages=["English", "Spanish"],
)
service = fhir.to_fhir(program)
service["type"], service["communication"]

# %% [markdown]
# The level is coded in the library's own continuum code system — no LOINC or SNOMED code for
# "intensive outpatient" exists, so, as the Colorado BHA and Australia's provider directory do
# for their level codes [BHA-IG, IAR-HCPD], the library mints its codes under a base URL of its
# own (never `hl7.org`, never an ASAM namespace). Languages are BCP-47 where the name is known
# [BCP47]. The week of sessions is a `Timing`, in the `schedule` extension:

# %%
timing = fhir.to_fhir(program.schedule)
timing["repeat"]

# %% [markdown]
# Three sessions of 3 hours on Monday, Wednesday and Thursday, for 6 weeks. Everything FHIR has
# no element for (the sessions' formats and modalities, here) travels in documented extensions,
# so the program reads back exactly, and `validate` finds nothing wrong in either release:

# %%
(
    fhir.from_fhir(service) == program,
    fhir.validate(service),
    fhir.validate(fhir.to_fhir(program, release="R4B"), release="R4B"),
)

# %% [markdown]
# ## A journey
#
# A person's placements become a `Bundle`: one `EpisodeOfCare` and an `Encounter` per placement,
# each pointing at the episode. The Encounter's `class` comes from the level's own codes: AMB for
# the ambulatory levels; in R4B, ACUTE or NONAC for inpatient ones, which R5 writes as IMP [FHIR].

# %%
journey = cc.Journey(
    person_id="p-17",
    placements=[
        {
            "level": "inpatient_acute",
            "start": "2024-03-01",
            "end": "2024-03-08",
            "discharge_reason": 4,
        },
        {"level": "residential", "start": "2024-03-08", "end": "2024-04-05", "discharge_reason": 4},
        {"level": "IOP", "start": "2024-04-05"},
    ],
)
for release in fhir.RELEASES:
    bundle = fhir.to_fhir(journey, release=release)
    encounters = [e["resource"] for e in bundle["entry"][1:]]
    classes = [
        e["class"][0]["coding"][0]["code"] if release == "R5" else e["class"]["code"]
        for e in encounters
    ]
    print(
        release,
        bundle["entry"][0]["resource"]["status"],
        classes,
        fhir.from_fhir(bundle) == journey,
    )

# %% [markdown]
# The first placement's Encounter in R4B: its period, status, the discharge reason coded in the
# library's TEDS-reason code system [TEDS], and the person as an identifier (pass
# `patient="Patient/123"` to reference a Patient resource instead).

# %%
print(json.dumps(fhir.to_fhir(journey, release="R4B")["entry"][1]["resource"], indent=1))

# %% [markdown]
# ## FHIR written by someone else
#
# An official HL7 example Encounter, `Encounter-f203.json` of the CC0 package
# `hl7.fhir.r4.examples` 4.0.1 (the test suite vendors the whole file under `tests/data/fhir/`;
# here it is trimmed to a dozen of its elements). Its class is IMP and its `type` is a SNOMED
# code, so it could be residential or inpatient acute care: the bridge says so instead of
# guessing.

# %%
official = {
    "resourceType": "Encounter",
    "id": "f203",
    "status": "finished",
    "class": {
        "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
        "code": "IMP",
        "display": "inpatient encounter",
    },
    "type": [
        {
            "coding": [
                {
                    "system": "http://snomed.info/sct",
                    "code": "183807002",
                    "display": "Inpatient stay for nine days",
                }
            ]
        }
    ],
    "priority": {
        "coding": [
            {"system": "http://snomed.info/sct", "code": "394849002", "display": "High priority"}
        ]
    },
    "subject": {"reference": "Patient/f201", "display": "Roel"},
    "episodeOfCare": [{"reference": "EpisodeOfCare/example"}],
    "basedOn": [{"reference": "ServiceRequest/myringotomy"}],
    "participant": [{"individual": {"reference": "Practitioner/f201"}}],
    "period": {"start": "2013-03-11", "end": "2013-03-20"},
    "serviceProvider": {"reference": "Organization/2"},
}
try:
    fhir.from_fhir(official)
except fhir.FhirMappingError as err:
    print(err)
    print("candidates:", err.candidates)

# %% [markdown]
# A `level_map` settles it: here the SNOMED code "Inpatient stay for nine days" is read as
# inpatient acute care. `import_fhir` also lists what had no place in a `Placement`, so nothing
# is dropped silently.

# %%
got = fhir.import_fhir(official, level_map={"http://snomed.info/sct|183807002": "inpatient_acute"})
print(got.value, got.release)
for item in got.unmapped:
    print(" ", item)

# %% [markdown]
# ## Bulk Data
#
# Whole populations go out as FHIR Bulk Data NDJSON, one file per resource type, streamed:
# memory does not grow with the number of journeys. The cohort is SYNTHETIC.

# %%
import tempfile

from carecontinuum.journeys import population, synthetic_cohort

cohort = population.journeys_from_frame(synthetic_cohort(500, seed=6))
with tempfile.TemporaryDirectory() as out:
    files = fhir.write_ndjson(cohort, out, release="R4B")
    back = list(fhir.read_ndjson(out))
[(f.resource_type, f.count) for f in files], back == cohort
