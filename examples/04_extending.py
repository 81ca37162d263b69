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
# # 4. Extending the library: a custom modality and a custom rule set
#
# Programs offer things the built-in catalog does not know, and payers and states write their own
# rules. Both are first-class extensions:
#
# * a **modality plug-in** is a package that defines a `Modality` subclass (with extra fields)
#   and advertises it through the `carecontinuum.modalities` entry-point group;
# * a **rule set** is data: thresholds with a population and a source, registered by id.
#
# Everything invented in this notebook is labelled as an example. Nothing here is a real
# clinical fact.

# %%
import importlib.util
import sys
from pathlib import Path

import carecontinuum as cc

# %% [markdown]
# ## A modality plug-in
#
# The repository ships an example plug-in package in `examples/plugin/`. Installed
# (`pip install ./examples/plugin`), it is found automatically the first time a lookup misses.
# Here we do not install anything: if the package is not importable, we put its source folder on
# `sys.path` and register its objects by hand — exactly what the entry point would do. The folder
# is looked for beside the working directory and its parents, then in the checkout the library
# itself is imported from, so the notebook runs from any working directory.


# %%
def example_plugin_source() -> Path:
    """The `src/` folder of the example plug-in, in a checkout of the repository."""
    here = Path.cwd().resolve()
    checkout = Path(cc.__file__).resolve().parents[2]  # src/carecontinuum/__init__.py -> checkout
    for root in (here, *here.parents, checkout):
        for candidate in (root / "plugin" / "src", root / "examples" / "plugin" / "src"):
            if (candidate / "carecontinuum_example_plugin").is_dir():
                return candidate
    raise FileNotFoundError(
        "the example plug-in is not installed and no checkout was found: "
        "run `pip install ./examples/plugin` in a clone of the repository"
    )


if importlib.util.find_spec("carecontinuum_example_plugin") is None:
    sys.path.insert(0, str(example_plugin_source()))

import carecontinuum_example_plugin as plugin

plugin.ProgramModality, plugin.WALK_AND_TALK

# %%
# Listing the catalog loads installed plug-ins; register the example if it is not installed.
if plugin.WALK_AND_TALK.code not in {m.code for m in cc.list_modalities()}:
    cc.register_modality(plugin.ProgramModality)  # the class: JSON with its `kind` round-trips
    cc.register_modality(plugin.WALK_AND_TALK)  # the instance: lookups find it

walk = cc.modality("walk and talk")
walk

# %% [markdown]
# The subclass keeps its extra field (`venue`) and its `kind` tag through JSON, so a web service
# or a database can store it and get the same class back. `verified=False` and the note say
# plainly that this is example data.

# %%
print(walk.venue)
print(walk.verified, "—", walk.note)
payload = walk.model_dump_json()
print(payload[:120], "...")

# %%
from pydantic import TypeAdapter

back = TypeAdapter(cc.AnyModality).validate_json(payload)
type(back).__name__, back == walk

# %% [markdown]
# It works anywhere a modality is accepted, for example in a session of a weekly schedule:

# %%
session = cc.Session(
    weekday="tue", start="17:30", duration="60 min", format="individual", modality="walk and talk"
)
session, type(session.modality).__name__

# %% [markdown]
# A modality of your own can also be registered at runtime without any package — for example a
# program-specific group (again, an invented example):

# %%
art = cc.register_modality(
    cc.Modality(
        code="example_art_group",
        name="Art group (example)",
        category="experiential",
        formats=("group",),
        verified=False,
        note="invented for this notebook",
    )
)
assert cc.modality("art group (example)") is art
cc.modality("art group (example)")

# %% [markdown]
# ## A custom rule set
#
# States and payers write their own intensity rules. A rule set is data: tiers of ambulatory
# levels, each with conditions that are inclusive lower bounds (weekly hours, or hours a day on a
# number of days). The rule below is **hypothetical** — invented for this notebook, used by no
# state — and says so: its tiers are marked unverified (`firmness="U"`) and it carries a note.

# %%
hypothetical = cc.RuleSet(
    id="hypothetical-state",
    name="Hypothetical State (example)",
    population="adults in an imaginary state",
    below="outpatient",
    tiers=[
        {
            "level": "intensive_outpatient",
            "conditions": [
                {"kind": "weekly_hours", "at_least": 9},
                {"kind": "daily_hours", "hours_at_least": 0, "days_at_least": 3},
            ],
            "firmness": "U",
            "note": "hypothetical threshold for illustration",
        },
        {
            "level": "partial_hospitalization",
            "conditions": [
                {"kind": "weekly_hours", "at_least": 20},
                {"kind": "daily_hours", "hours_at_least": 4, "days_at_least": 5},
            ],
            "firmness": "U",
            "note": "hypothetical threshold for illustration",
        },
    ],
    note="A hypothetical rule invented for this example; no state uses it.",
)
hypothetical

# %% [markdown]
# Registered, it is found by id and joins every `classify_all` comparison:

# %%
cc.register_rule_set(hypothetical)
[rs.id for rs in cc.list_rule_sets()]

# %%
import pandas as pd

schedules = [
    cc.Schedule(hours_per_day=4.5, days_per_week=2),
    cc.Schedule(hours_per_day=3, days_per_week=3),
    cc.Schedule(hours_per_day=5, days_per_week=4),
    cc.Schedule(hours_per_day="4 h", days_per_week=5),
]
columns = {
    f"{s.hours_per_day:g} h × {s.days_per_week} d": cc.classify_all(s).levels for s in schedules
}
pd.DataFrame(columns).fillna("—")

# %% [markdown]
# Twenty hours a week over four days is partial hospitalization for ASAM and Medicare, but only
# IOP under the hypothetical rule, whose PHP tier also asks for 4 hours on 5 days:

# %%
print(cc.classify(schedules[2], rules="hypothetical-state").reason)

# %% [markdown]
# Because a rule set is a pydantic model, it can live in a JSON or YAML file of your own and be
# loaded at start-up:

# %%
text = hypothetical.model_dump_json()
assert cc.RuleSet.model_validate_json(text) == hypothetical
text[:150] + " ..."
