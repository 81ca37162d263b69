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
# # 3. Stepping up and stepping down
#
# People step up to more intense treatment or down to less intense treatment as needed [TIP47].
# The seed text describes two uses of intensive outpatient care: a **step-up** from outpatient for
# someone at risk of hospitalization when weekly therapy is not enough, and a **step-down** from
# inpatient acute or residential care back toward ordinary life [SEED, TIP47]. Moves follow
# reassessment, not a fixed length of stay [TIP47, ASAM3], so the graph's edges carry a
# *rationale* and its sources — never a duration.
#
# The graph's other typical step-downs (acute care to residential or PHP, residential to PHP,
# PHP to IOP) are the library's reading of "down to less intense treatment as needed": no cited
# source names them, so each is marked `verified=False` with a note.

# %%
import matplotlib.pyplot as plt

import carecontinuum as cc

graph = cc.default_graph()
graph

# %% [markdown]
# ## The graph, drawn
#
# Thick arrows are the typical moves; thin ones are allowed but not typical (any level may step
# up to a more intensive one, for example in a crisis).

# %%
fig, ax = plt.subplots(figsize=(10, 4))
graph.draw(ax=ax)
ax.set_title("Default continuum: allowed transitions")
plt.show()

# %% [markdown]
# ## Asking the graph
#
# Every query takes codes, aliases or level objects.

# %%
for t in graph.step_downs("inpatient acute"):
    flag = "" if t.verified else "  (unverified)"
    print(f"{t}  — {t.rationale}  {list(t.sources)}{flag}")

# %%
up = graph.transition("OP", "IOP")
up

# %%
[lv.code for lv in graph.step_down_path("inpatient_acute", "outpatient")]

# %%
[lv.code for lv in graph.step_down_path("inpatient_acute", "outpatient", gradual=True)]

# %% [markdown]
# The default graph has no edge straight from inpatient acute care to outpatient care: the
# typical step-downs from acute care lead to residential, PHP or IOP (only the one into IOP is
# the seed's). Asking for a move the graph does not have is an error that lists the moves it
# does have:

# %%
graph.allows("inpatient acute", "outpatient")

# %%
try:
    graph.transition("inpatient acute", "outpatient")
except cc.InvalidTransitionError as err:
    print(err)

# %% [markdown]
# ## Journeys, checked against the graph
#
# A `Journey` is one person's placements in order. The three below are invented examples. The
# first follows the typical step-downs after a crisis; its last placement is still open.

# %%
after_crisis = cc.Journey(
    person_id="A",
    placements=[
        {"level": "inpatient acute", "start": "2024-01-02", "end": "2024-01-12"},
        {"level": "residential", "start": "2024-01-12", "end": "2024-02-20"},
        {"level": "IOP", "start": "2024-02-20", "end": "2024-04-02"},
        {"level": "OP", "start": "2024-04-02"},
    ],
)
print(after_crisis.describe())

# %%
after_crisis.check(graph)

# %% [markdown]
# The second steps up from outpatient care into IOP, steps down again, and comes back to a more
# intensive level within two months — a *rebound*:

# %%
rebound = cc.Journey(
    person_id="B",
    placements=[
        {"level": "OP", "start": "2024-01-08", "end": "2024-03-04"},
        {"level": "IOP", "start": "2024-03-04", "end": "2024-04-15"},
        {"level": "OP", "start": "2024-04-15", "end": "2024-05-20"},
        {"level": "PHP", "start": "2024-05-20", "end": "2024-06-17"},
    ],
)
rebound.transitions, rebound.rebounds(within_days=60)

# %% [markdown]
# The third is a messy record: discharged from acute care straight to outpatient care after an
# eight-day gap, and an IOP admission that starts before the outpatient stay ends. `check` reports
# every problem at once instead of stopping at the first.

# %%
messy = cc.Journey(
    person_id="C",
    placements=[
        {"level": "inpatient acute", "start": "2024-01-02", "end": "2024-01-12"},
        {"level": "OP", "start": "2024-01-20", "end": "2024-03-01", "discharge_reason": 2},
        {"level": "IOP", "start": "2024-02-25", "end": "2024-04-01"},
    ],
)
for finding in messy.check(graph):
    print(finding)

# %% [markdown]
# The same journey can be checked against another graph — here a program that offers only
# outpatient and IOP care:

# %%
two_levels = graph.subgraph(["OP", "IOP"], name="two-level program")
for finding in rebound.check(two_levels):
    print(finding)

# %% [markdown]
# ## Lengths of stay
#
# Stays are counted in days; an open placement counts up to a date you give.

# %%
import datetime as dt

after_crisis.length_of_stay_by_level(as_of=dt.date(2024, 6, 1))

# %% [markdown]
# ## Exports
#
# The graph exports to Mermaid (renders on GitHub and in many wikis), DOT, GraphML and
# networkx's node-link JSON.

# %%
print(graph.to_mermaid())
