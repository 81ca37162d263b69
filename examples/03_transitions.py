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
# People move between levels of care as their needs change. The seed text describes two uses of
# intensive outpatient care: a **step-up** from outpatient for someone at risk of hospitalization
# when weekly therapy is not enough, and a **step-down** from inpatient or residential care back
# toward ordinary life [SEED, TIP47]. Moves follow reassessment, not a fixed length of stay
# [TIP47, ASAM3], so the graph's edges carry a *rationale* and its sources — never a duration.

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
    print(f"{t}  — {t.rationale}  {list(t.sources)}")

# %%
up = graph.transition("OP", "IOP")
up

# %%
[lv.code for lv in graph.step_down_path("inpatient_acute", "outpatient")]

# %%
[lv.code for lv in graph.step_down_path("inpatient_acute", "outpatient", gradual=True)]

# %% [markdown]
# The default graph has no edge straight from inpatient acute care to outpatient care: the
# typical step-downs from acute care lead to residential, PHP or IOP. Asking for a move the graph
# does not have is an error that lists the moves it does have:

# %%
graph.allows("inpatient acute", "outpatient")

# %%
try:
    graph.transition("inpatient acute", "outpatient")
except cc.InvalidTransitionError as err:
    print(err)

# %% [markdown]
# ## Exports
#
# The graph exports to Mermaid (renders on GitHub and in many wikis), DOT, GraphML and
# networkx's node-link JSON.

# %%
print(graph.to_mermaid())
