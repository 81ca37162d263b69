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
# they stay — with whole-array operations, no Python loop per row.
#
# **The data in this notebook is SYNTHETIC.** It comes from the library's seeded generator
# `synthetic_cohort`, which walks the default transition graph with arbitrary weights and draws
# arbitrary stays. No figure below describes real people or programs; the point is the method.

# %%
import matplotlib.pyplot as plt
import numpy as np

import carecontinuum as cc
from carecontinuum.journeys import population, synthetic_cohort

df = synthetic_cohort(1000, seed=2024)
print(df.attrs["description"])
df.head(8)

# %% [markdown]
# One row per placement: a person, a level, a start date, an end date (`NaT` while the placement is
# still open) and a TEDS discharge reason code [TEDS]. Your own table can use other column names;
# every function takes `person=`, `level=`, `start=` and `end=`.

# %%
len(df), df["person_id"].nunique(), df["level"].value_counts().to_dict()

# %% [markdown]
# ## The transition matrix
#
# Counts of moves between consecutive placements of the same person, from level (rows) to level
# (columns), least intensive first.

# %%
counts = population.transition_matrix(df)
counts

# %% [markdown]
# Divided by each row's total, it becomes the share of moves out of each level that go to each
# other level — drawn here as a heatmap.

# %%
shares = counts.div(counts.sum(axis=1), axis=0)
short = {lv.code: lv.name.split(" (")[0] for lv in cc.default_continuum()}

fig, ax = plt.subplots(figsize=(7, 5.5))
image = ax.imshow(shares.to_numpy(), cmap="Blues", vmin=0, vmax=1)
ax.set_xticks(
    range(len(shares.columns)), [short[c] for c in shares.columns], rotation=30, ha="right"
)
ax.set_yticks(range(len(shares.index)), [short[c] for c in shares.index])
ax.set_xlabel("to")
ax.set_ylabel("from")
for (i, j), value in np.ndenumerate(shares.to_numpy()):
    ax.text(
        j, i, f"{value:.0%}", ha="center", va="center", color="white" if value > 0.5 else "black"
    )
fig.colorbar(image, ax=ax, label="share of moves out of the row's level")
ax.set_title("Where people go next (SYNTHETIC cohort)")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Step-ups and step-downs
#
# The kind of each move follows the levels' ranks; the rates are per placement at the level.

# %%
population.transition_rates(df).round(3)

# %% [markdown]
# ## Length of stay per level
#
# In whole days; open placements are counted separately and left out of the statistics.

# %%
stays = population.length_of_stay_stats(df)
stays[["placements", "open", "median_days", "p25_days", "p75_days", "max_days"]]

# %%
fig, ax = plt.subplots(figsize=(7, 3.5))
labels = [short[c] for c in stays.index]
median = stays["median_days"].to_numpy()
spread = np.vstack([median - stays["p25_days"].to_numpy(), stays["p75_days"].to_numpy() - median])
ax.barh(labels, median, xerr=spread, capsize=4, color="tab:blue")
ax.invert_yaxis()
ax.set_xlabel("days (median, with the interquartile range)")
ax.set_title("Length of stay per level (SYNTHETIC cohort)")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## From rows to journeys, and back
#
# For a sample, the rows become `Journey` objects, which can be checked one by one against the
# graph. (This builds Python objects row by row: fine for a sample, not for a whole population.)

# %%
sample = population.journeys_from_frame(df[df["person_id"] < 100])
print(sample[0].describe())

# %%
from collections import Counter

graph = cc.default_graph()
Counter(f.code for journey in sample for f in journey.check(graph))

# %% [markdown]
# The generator leaves a few days between some placements, which `check` reports as gaps
# (warnings, not errors). The way back — journeys to a DataFrame — is
# `population.journeys_to_frame(journeys)`.

# %%
population.journeys_to_frame(sample[:3]).head()
