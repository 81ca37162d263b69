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
# # 7. A TEDS-D year: completion, setting changes and lengths of stay by level
#
# SAMHSA's Treatment Episode Data Set – Discharges (TEDS-D) has about 1.7 million discharges a
# year from publicly funded substance-use treatment [TEDS-D-CB]. `carecontinuum.teds` reads a
# year's file and answers the usual questions by level of care.
#
# A TEDS-D row is one **discharge**, not a person: there is no person id and there are no dates,
# only the year of discharge and the length of stay as a code. So rows are never chained into
# journeys, and no dates are made up.
#
# **The data in this notebook is SYNTHETIC.** No real TEDS-D rows ship with the library:
# `teds.synthetic_discharges` draws every column *independently* from the 2019 codebook's
# frequencies. The marginals look like 2019's, but any association between columns —
# completion by level, lengths of stay by setting, setting changes — is absent here. The figures
# below show the method, never a finding. (A real year is a free download from SAMHSA, and reads
# the same way.)
#
# Needs the `dataframe`, `arrow`, `plot` and `dask` extras.

# %%
import matplotlib.pyplot as plt
import numpy as np

import carecontinuum as cc
from carecontinuum import teds

raw = teds.synthetic_discharges(200_000, seed=2019)
print(raw.attrs["description"])
raw.to_csv("SYNTHETIC_tedsd_2019.csv", index=False)
raw.iloc[:3, :12]

# %% [markdown]
# ## Reading the file
#
# `read_discharges` takes the CSV (codes or the codebook's labels; the 2015–2016 or the 2017+
# layout, read from the header) and returns one typed row per discharge: the episode id, the
# year, the state, the TEDS setting at discharge and at admission with their levels, the
# discharge reason, and the length of stay as an interval of days. Every other column follows
# as a compact integer column, with the codebook's `-9` as missing.

# %%
df = teds.read_discharges("SYNTHETIC_tedsd_2019.csv")
print(df.attrs["layout"], df.attrs["form"], f"{df.memory_usage(deep=True).sum() / 1e6:.0f} MB")
df.iloc[:5, :13]

# %% [markdown]
# The levels come from the crosswalk from TEDS settings to the continuum, and so does how well
# each setting matches. TEDS has no partial-hospitalization code (PHP-like care is reported as
# intensive outpatient), the continuum has no withdrawal-management level (so the 24-hour detox
# settings match only approximately), and TEDS 8 (ambulatory detox) has no counterpart at all:
# `level_match` keeps every approximation visible.

# %%
df.attrs["level_mapping"]

# %% [markdown]
# ## Completion by level
#
# `REASON` 1 is "Treatment completed"; the rate is over discharges with a reason recorded.
# The `match` column says whether every discharge behind a level matched it exactly.

# %%
completion = teds.completion_rates(df)
completion

# %%
short = {lv.code: lv.name.split(" (")[0] for lv in cc.default_continuum()}
short["(no level)"] = "(no level)"
fig, ax = plt.subplots(figsize=(7, 3.2))
labels = [("~ " if m == "approximate" else "") + short[lv] for lv, m in completion["match"].items()]
ax.barh(labels, completion["completion_rate"], color="tab:blue")
ax.invert_yaxis()
ax.set_xlim(0, 1)
ax.set_xlabel("share of discharges completing treatment (~ approximate level)")
ax.set_title("Completion by level (SYNTHETIC data)")
fig.tight_layout()
plt.show()

# %% [markdown]
# The reasons for the other discharges, as shares of each level's discharges:

# %%
reasons = teds.reason_distribution(df, normalize=True)
reasons.round(3)

# %% [markdown]
# ## Setting changes within an episode
#
# A row records the setting at admission (`SERVICES`, from 2017) and at discharge
# (`SERVICES_D`) of one episode, with no date for a change between them. The matrix counts each
# pair. In this synthetic data the two are drawn independently, so most episodes "change": in a
# real year the diagonal dominates.

# %%
changes = teds.setting_changes(df)
changes

# %%
shares = changes.div(changes.sum(axis=1), axis=0).fillna(0)
fig, ax = plt.subplots(figsize=(6, 5))
image = ax.imshow(shares.to_numpy(), cmap="Blues", vmin=0, vmax=1)
ax.set_xticks(range(len(shares.columns)), shares.columns)
ax.set_yticks(range(len(shares.index)), shares.index)
ax.set_xlabel("TEDS setting at discharge")
ax.set_ylabel("TEDS setting at admission")
fig.colorbar(image, ax=ax, label="share of the row's episodes")
ax.set_title("SERVICES → SERVICES_D (SYNTHETIC data)")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Lengths of stay: bands, not means
#
# `LOS` is the actual number of days up to 30, then intervals (31–45, 46–60, 61–90, 91–120,
# 121–180, 181–365) and "more than a year" [TEDS-D-CB]. A mean over intervals would be made up,
# so `los_bands` counts discharges per band and reports the band that holds the median stay.
# Bands can be merged, as long as they end where codes end:

# %%
los = teds.los_bands(df, bands=[7, 30, 90, 365])
los

# %%
bands = ["1–7", "8–30", "31–90", "91–365", "more than 365"]
known = los[bands].sum(axis=1)
fig, ax = plt.subplots(figsize=(7, 3.2))
left = np.zeros(len(los))
for band in bands:
    part = (los[band] / known).to_numpy()
    ax.barh([short[lv] for lv in los.index], part, left=left, label=band)
    left += part
ax.invert_yaxis()
ax.set_xlabel("share of discharges")
ax.legend(title="days", ncols=5, fontsize="small", loc="lower center", bbox_to_anchor=(0.5, 1.0))
fig.tight_layout()
plt.show()

# %% [markdown]
# ## By state and year
#
# Every table breaks down by `year` and `state_fips`; the codebook names the states.

# %%
states = teds.value_labels("STFIPS", 2019)
by_state = teds.completion_rates(df, by=["state_fips"]).reset_index()
by_state = by_state[by_state["level"] == "outpatient"].nlargest(5, "discharges")
by_state.assign(state=by_state["state_fips"].map(states))[
    ["state", "discharges", "completed", "completion_rate"]
]

# %% [markdown]
# ## Files larger than memory, and Dask
#
# `chunksize=` reads a file a block of rows at a time; every analytic takes the chunks and adds
# up their counts, which gives exactly the same tables. A dask DataFrame works the same way,
# partition by partition — on a local cluster or a remote scheduler.

# %%
chunks = teds.read_discharges("SYNTHETIC_tedsd_2019.csv", chunksize=50_000)
teds.los_bands(chunks, bands=[7, 30, 90, 365]).equals(los)

# %%
import dask
import dask.dataframe as dd

with dask.config.set(scheduler="threads"):
    lazy = dd.from_pandas(df, npartitions=4)
    print(teds.completion_rates(lazy).equals(completion))

# %% [markdown]
# ## The other way: placements to TEDS-D rows
#
# Pipelines that expect the TEDS-D format can get it from dated placements: one row per
# placement, `SERVICES_D` from the level, `REASON` from the discharge reason, and `LOS` from the
# dates — with the codebook's extra day for outpatient settings. A level that several TEDS
# settings map to (residential: 2, 4 or 5) needs to be told which one to write.

# %%
journey = cc.Journey(
    placements=[
        {"level": "residential", "start": "2024-01-02", "end": "2024-01-30", "discharge_reason": 4},
        {"level": "IOP", "start": "2024-01-30", "end": "2024-03-12", "discharge_reason": 4},
        {"level": "OP", "start": "2024-03-12", "end": "2024-06-25", "discharge_reason": 1},
    ]
)
teds.write_discharges(journey, "placements_as_teds.csv", state_fips=6, settings={"residential": 4})
teds.read_discharges("placements_as_teds.csv")[
    ["episode_id", "teds_setting", "level", "reason", "los", "los_min_days", "los_max_days"]
]
