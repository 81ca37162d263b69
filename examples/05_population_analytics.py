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
# # 5. Population analytics on a synthetic cohort
#
# Health systems hold placement records by the million: who was admitted to which level of care,
# when, and when they left. `carecontinuum.journeys.population` turns such a table into the usual
# questions — how do people move between levels, how often do they step up or down, how long do
# they stay, and which records look wrong — with whole-array operations, no Python loop per row.
#
# **The data in this notebook is SYNTHETIC.** It comes from the library's seeded generator
# `synthetic_cohort`, which walks the default transition graph with arbitrary weights and draws
# arbitrary stays. No figure below describes real people or programs; the point is the method.

# %%
import matplotlib.pyplot as plt
import numpy as np

from carecontinuum.journeys import population, synthetic_cohort

df = synthetic_cohort(1000, seed=2024)
print(df.attrs["description"])
df.head(8)

# %% [markdown]
# One row per placement: a person, a level, a start date, an end date (`NaT` while the placement is
# still open) and a TEDS discharge reason code [TEDS]. Your own table can use other column names;
# every function takes `person=`, `level=`, `start=` and `end=`. Dates are calendar dates: a
# datetime becomes its own local date.

# %%
len(df), df["person_id"].nunique(), df["level"].value_counts().to_dict()

# %% [markdown]
# ## Read once, analyse many times
#
# Every function accepts the frame itself, but reading it (checking the columns, coding the
# levels, sorting by person then start) is most of the work. `prepare` does it once and keeps
# compact sorted arrays — levels as `uint8`, dates as `int32` days — that every analysis accepts.

# %%
data = population.prepare(df)
data

# %% [markdown]
# ## The transition matrix
#
# Counts of moves between consecutive placements of the same person, from level (rows) to level
# (columns), least intensive first. Every recorded pair is counted; `valid_only=True` leaves out
# the moves the graph does not allow and moves into a placement that overlaps an earlier one.

# %%
counts = population.transition_matrix(data)
counts

# %% [markdown]
# As a heatmap of each row's shares: where people go next from each level.

# %%
ax = population.plot_transition_matrix(counts, shares=True)
ax.set_title("Where people go next (SYNTHETIC cohort)")
plt.show()

# %% [markdown]
# ## Step-ups and step-downs
#
# The kind of each move follows the levels' ranks; the rates are per placement at the level.

# %%
population.transition_rates(data).round(3)

# %% [markdown]
# ## Length of stay per level
#
# In whole days; open placements are counted separately and left out of the statistics. By
# default the end date is the day of discharge (`end - start` days); claims and EHR extracts
# usually record the last day of care, for which `end_inclusive=True` counts `end - start + 1`.
# The table says which convention it used.

# %%
stays = population.length_of_stay_stats(data)
print(stays.attrs["length_of_stay"])
stays[["placements", "open", "median_days", "p25_days", "p75_days", "max_days"]]

# %%
fig, ax = plt.subplots(figsize=(7, 3.5), layout="constrained")
median = stays["median_days"].to_numpy()
spread = np.vstack([median - stays["p25_days"].to_numpy(), stays["p75_days"].to_numpy() - median])
ax.barh(list(stays.index), median, xerr=spread, capsize=4, color="tab:blue")
ax.invert_yaxis()
ax.set_xlabel("days (median, with the interquartile range)")
ax.set_title("Length of stay per level (SYNTHETIC cohort)")
plt.show()

# %% [markdown]
# ## Checking every journey at once
#
# `population.check` gives, for the whole frame, exactly the findings `Journey.check()` gives for
# each person's journey: one row per finding, with the person, the placement, the frame's row,
# the code and the message. A next-day admission after a discharge is not a gap by default
# (`max_gap_days=1`); the generator leaves longer breaks between some placements, which are
# reported as gaps (warnings, not errors).

# %%
findings = population.check(data)
findings["code"].value_counts()

# %%
findings.head()

# %% [markdown]
# ## From rows to journeys, and back
#
# For a few people, the rows become `Journey` objects, with a timeline of their placements and
# moves. (This builds Python objects row by row: fine for a sample, not for a whole population.)

# %%
sample = population.journeys_from_frame(df[df["person_id"] < 100])
print(sample[0].describe())

# %%
ax = population.plot_journeys(df, people=[0, 1, 2])
plt.show()

# %% [markdown]
# The way back — journeys to a DataFrame — is `population.journeys_to_frame(journeys)`. For
# files, `population.read_parquet` / `write_parquet` keep the dtypes and `read_csv` parses the
# dates; for data larger than memory, see the "Scale out with Dask" guide.

# %%
population.journeys_to_frame(sample[:3]).head()
