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
# # 1. A tour of the continuum of care
#
# `carecontinuum` models the behavioral-health continuum of care: the **levels** people move
# between, how other systems **code** those levels, the **modalities** programs deliver, and the
# units everything is measured in. This notebook walks through the parts you meet first.
#
# Every built-in fact carries the ids of its sources; `cc.source(id)` gives the citation.

# %%
import carecontinuum as cc

cc.__version__

# %% [markdown]
# ## The default continuum
#
# Five levels, from least to most intensive: outpatient, intensive outpatient (IOP), partial
# hospitalization (PHP), inpatient residential and inpatient acute care. A notebook renders a
# framework as a table.

# %%
continuum = cc.default_continuum()
continuum

# %%
for lv in continuum:
    where = lv.setting.value + (", 24-hour" if lv.twenty_four_hour else "")
    print(f"{lv.rank:>3g}  {lv.code:<25} {where}")

# %% [markdown]
# ## Looking a level up
#
# `cc.level` forgives case, spaces, hyphens and the usual abbreviations. Levels order by
# intensity, so `<` and `sorted()` follow the continuum.

# %%
iop = cc.level("IOP")
iop

# %%
assert cc.level("intensive-outpatient") is iop
assert cc.level("outpatient") < iop < cc.level("partial hospitalization")
sorted([cc.level("inpatient"), cc.level("OP"), iop])

# %% [markdown]
# A typo is not a dead end: the error says what you probably meant.

# %%
try:
    cc.level("intesive outpatent")
except cc.UnknownLevelError as err:
    print(err)

# %% [markdown]
# ## What the level means, with units
#
# Typical ranges are stored as numbers in a canonical unit and come out as
# [pint](https://pint.readthedocs.io) quantities when you ask for them.

# %%
print(iop.description)
print("hours per day:", iop.typical_hours_per_day)
print("days per week:", iop.typical_days_per_week)
print("typical stay: ", iop.typical_stay)

# %%
from carecontinuum.units import convert, quantity

weekly = quantity(3, "hour / day") * quantity(4, "day / week")
weekly, convert("180 min", "hour")

# %% [markdown]
# ## The same level in other systems
#
# Each level carries its codes in ASAM, TEDS, HCPCS, Medicare claims, the SAMHSA treatment
# locator, FHIR and other systems. A code marked `approx` covers more or less than the level; its
# note says how. TEDS 6, for example, is IOP only approximately: TEDS has no PHP code, so PHP-like
# care is reported as 6 too [TEDS].

# %%
for code in iop.codes:
    print(
        f"{code.system.value:<24} {code.code:<6} {'exact ' if code.exact else 'approx'}  "
        f"{code.display}  {code.note}"
    )

# %% [markdown]
# ## Frameworks and crosswalks
#
# Other frameworks (ASAM 3rd and 4th edition, LOCUS, TEDS service settings) are ordered sets of
# levels of their own. A crosswalk maps one onto another and says what every lossy mapping loses.

# %%
[(fw.code, len(fw)) for fw in cc.list_frameworks()]

# %%
for walk in cc.list_crosswalks():
    print(walk, "— lossy" if walk.lossy else "")

# %% [markdown]
# The 4th edition's level 2.7 (medically managed intensive outpatient) has no single 3rd-edition
# counterpart; the crosswalk says so, and what each approximate mapping loses:

# %%
for m in cc.crosswalk("asam4", "asam3").map("2.7"):
    print(f"2.7 → {m.target:<5} {m.match.value:<12} loses: {m.lost}")

# %% [markdown]
# ## Modalities
#
# The therapies and adjuncts programs deliver, with their documented structure.

# %%
for m in cc.list_modalities():
    print(f"{m.category.value:<16} {m.code:<32} {m.name}")

# %%
cc.modality("CBT")

# %% [markdown]
# ## Intensity and movement, in brief
#
# How many hours a week a schedule adds up to decides which ambulatory level it is — under a
# given rule set (notebook 2 goes deeper). And people move between levels along a graph of
# step-ups and step-downs (notebook 3).

# %%
evening = cc.Schedule(hours_per_day="3 h", days_per_week=3)
print(cc.classify(evening).reason)

# %%
[lv.code for lv in cc.default_graph().step_down_path("inpatient acute", "outpatient")]

# %% [markdown]
# ## Where the facts come from

# %%
for source_id in iop.sources:
    print(f"[{source_id}] {cc.source(source_id).citation}")

# %% [markdown]
# Next: `02_iop_week.py` (designing an IOP week), `03_transitions.py` (stepping up and down),
# `04_extending.py` (your own modalities and rules), `05_population_analytics.py` (cohorts).
