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
# # 8. Finding an evening IOP that takes Medicaid, near a point
#
# SAMHSA hosts a behavioral health treatment services locator [SEED]; its listings
# (FindTreatment.gov) are what navigation apps read. This notebook reads a listing, finds the
# intensive outpatient programs that accept Medicaid nearest to a person, and then does what the
# listing cannot: checks, with the schedule a program gives on its intake call, that it meets in
# the evening.
#
# **The listing below is SYNTHETIC**: the facilities, names, phone numbers (555-01xx) and
# coordinates are invented. Its shape and its codes and labels are the locator's own [LOCATOR]:
# `{page, totalPages, recordCount, rows}`, each row a facility with `services` as
# `[{f1, f2, f3}]` — a category's label, its code, and its values joined by `"; "`.

# %%
import datetime as dt
import json

import carecontinuum as cc
from carecontinuum.locator import read_listing


def facility(n, name, *, at, settings, payment, extra=()):
    """A synthetic locator row, its services written as labels, as the locator's API does."""
    services = [
        {"f1": "Service Settings", "f2": "SET", "f3": "; ".join(settings)},
        {"f1": "Payment/Insurance/Funding Accepted", "f2": "PAY", "f3": "; ".join(payment)},
        *({"f1": f2, "f2": f2, "f3": f3} for f2, f3 in extra),
    ]
    return {
        "frid": f"synthetic-{n}",
        "name1": name,
        "name2": "",
        "street1": f"{100 + n} Example Street",
        "city": "Synthetic City",
        "state": "VA",
        "zip": f"99{n:03d}",
        "phone": f"555-01{n:02d}",
        "website": f"https://synthetic-{n}.example.org",
        "latitude": f"{at[0]}",
        "longitude": f"{at[1]}",
        "services": services,
    }


IOP = ["Outpatient", "Intensive outpatient treatment", "Regular outpatient treatment"]
PHP = "Outpatient day treatment or partial hospitalization"
RESIDENTIAL = ["Residential", "Short-term residential", "Residential detoxification"]
rows = [
    facility(
        1,
        "Synthetic Riverside Recovery",
        at=(37.5480, -77.4420),
        settings=IOP,
        payment=["Medicaid", "Medicare"],
        extra=[("TAP", "Cognitive behavioral therapy; Matrix Model"), ("OL", "Spanish")],
    ),
    facility(
        2,
        "Synthetic Hillcrest Behavioral Health",
        at=(37.5800, -77.4900),
        settings=["Outpatient", "Intensive outpatient treatment", PHP],
        payment=["Medicaid", "Private health insurance"],
        extra=[("AGE", "Adults")],
    ),
    facility(
        3,
        "Synthetic Oak Hall",
        at=(37.7000, -77.3000),
        settings=RESIDENTIAL,
        payment=["Private health insurance", "Cash or self-payment"],
    ),
    facility(
        4,
        "Synthetic Eastgate Counseling",
        at=(37.5300, -77.4000),
        settings=IOP,
        payment=["Private health insurance"],
    ),
    facility(
        5,
        "Synthetic Northside Clinic",
        at=(37.5500, -77.4300),
        settings=["Outpatient"],
        payment=["Medicaid"],
    ),
]
text = json.dumps({"page": 1, "totalPages": 1, "recordCount": len(rows), "rows": rows})
len(text)

# %% [markdown]
# ## Reading the listing
#
# `read_listing` takes the JSON text (or bytes, or the parsed object). Each facility gives one
# `Program` per level it offers, from its service settings: "Intensive outpatient treatment"
# (OIT) is intensive outpatient, "Outpatient day treatment or partial hospitalization" (ODT) is
# partial hospitalization. Programs of one facility share its `Facility`.

# %%
listing = read_listing(text)
listing

# %%
for program in listing.programs:
    print(f"{program.level:<24} {program.name}")

# %% [markdown]
# What the reader could not place is reported, never dropped. The Northside clinic lists only
# the general "Outpatient" setting, which could be outpatient, IOP or PHP: no program is made for
# it. Residential detoxification at Oak Hall is withdrawal management — care, but not a level of
# the continuum — so it is listed apart, and kept on the residential program's codes.

# %%
for problem in listing.problems:
    print(problem)
listing.withdrawal_management

# %%
(oak_hall,) = [p for p in listing.programs if p.facility.id == "synthetic-3"]
oak_hall.level, oak_hall.other_codes

# %% [markdown]
# ## IOPs that take Medicaid, nearest first
#
# `match_programs` (or `listing.match`) filters by level and payment and, given a point, ranks by
# the great-circle distance to each facility — haversine, no network. Add `max_distance` to leave
# out programs too far away.

# %%
here = (37.5407, -77.4360)
matches = listing.match(level="IOP", payment=["Medicaid"], near=here, max_distance=10)
for m in matches:
    print(f"{m.distance:4.1f} km  {m.program.name}  {m.program.facility.phone}")

# %% [markdown]
# ## Is it an evening program?
#
# A directory says nothing about hours: the programs have no schedule, so their level cannot be
# checked yet. IOPs often run mornings or evenings so people can keep working [SEED]; the intake
# call is where you learn which. Here, the nearest program says it meets Monday, Wednesday and
# Thursday, 6 to 9 pm. (The schedule is invented, like the listing.)

# %%
nearest = matches[0].program
nearest.check_level().message

# %%
evening = cc.WeeklySchedule(
    sessions=[
        cc.Session(weekday=day, start="18:00", duration="3 h", format="group")
        for day in ("mon", "wed", "thu")
    ]
)
told = cc.Program(**{**dict(nearest), "schedule": evening})
is_evening = all(s.start >= dt.time(17) for s in evening.sessions)
is_evening, told.check_level().status, told.check_level().message

# %% [markdown]
# Nine hours a week over three evenings meets the ASAM adult IOP floor of 9 h/week [ASAM3]. The
# program's record now answers the seed's questions with what the listing and the call told us.

# %%
told.answers()
