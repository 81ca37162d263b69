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
# # 2. Designing an IOP week, session by session
#
# The seed text describes intensive outpatient programs (IOPs) as group and individual therapy a
# few hours a day, three to five days a week, often in the morning or evening so people can keep
# working [SEED]. Here we lay out one such week session by session, check it against **every**
# intensity rule set the library knows, and see how small changes move it across their thresholds.
#
# The week below is an invented example for the library's API — not a recommended program.

# %%
import matplotlib.pyplot as plt

import carecontinuum as cc
from carecontinuum.intensity import describe_all

# %% [markdown]
# ## An evening program: three nights a week
#
# Each evening has two 90-minute groups, 18:00–21:00. A session takes a weekday, a start time, a
# duration (any unit: `"90 min"`, `"1.5 h"`, `1.5`), a format and, optionally, a modality.

# %%
first_groups = {"mon": "CBT", "wed": "relapse prevention", "thu": "psychoeducation"}
sessions = [
    cc.Session(weekday=day, start="18:00", duration="90 min", format="group", modality=m)
    for day, m in first_groups.items()
] + [
    cc.Session(
        weekday=day, start="19:30", duration="90 min", format="group", modality="group counseling"
    )
    for day in first_groups
]
week = cc.WeeklySchedule(sessions=sessions, weeks=6)
week

# %%
week.hours_per_week, week.days_per_week, week.sessions_per_week, week.total_hours

# %% [markdown]
# ## Checked against every rule set
#
# Each rule set carries its own thresholds, population and sources: ASAM 3rd edition for adults
# and for adolescents, Medicare, the TEDS definition of IOP and the HCPCS H0015 descriptor. This
# week meets all of them.

# %%
print(describe_all(week))

# %% [markdown]
# ## Trimming Thursday
#
# Suppose Thursday's second group is cut to 60 minutes. The week drops to 8.5 hours, and the rule
# sets stop agreeing: ASAM's adult floor is 9 h/week, the adolescent floor 6; TEDS asks for 2 h on
# 3 days; H0015 describes programs running 3 h on 3 days; Medicare defines no level below its
# 9-hour IOP floor.

# %%
thursday_late = next(s for s in week.sessions_on("thu") if s.start.hour == 19)
shorter = cc.Session(**(thursday_late.model_dump() | {"duration": "60 min"}))  # validated again
trimmed = cc.WeeklySchedule(
    sessions=[shorter if s == thursday_late else s for s in week.sessions], weeks=week.weeks
)
trimmed

# %%
trimmed_table = cc.classify_all(trimmed)
print(describe_all(trimmed))

# %%
trimmed_table.disagreements, trimmed_table.undefined

# %% [markdown]
# Every verdict says which rule decided and why:

# %%
for c in trimmed_table:
    print(f"{c.rule_set.id:<17} {c.reason}")

# %% [markdown]
# ## Adding an individual session
#
# Adding a one-hour individual session on Tuesday brings the week back to 9.5 hours — IOP again for
# ASAM and Medicare — but H0015 still asks for three days of three hours, and Tuesday's single
# hour does not count toward that.

# %%
with_individual = cc.WeeklySchedule(
    sessions=[
        *trimmed.sessions,
        cc.Session(
            weekday="tue",
            start="18:00",
            duration="60 min",
            format="individual",
            modality="individual counseling",
        ),
    ],
    weeks=6,
)
cc.classify_all(with_individual).levels

# %% [markdown]
# ## The week as a program
#
# A `Program` puts the schedule together with what a person choosing a program wants to know:
# the level it says it offers, its modalities, whom it serves and how it is paid (in the SAMHSA
# treatment locator's categories [LOCATOR]). This one is, again, an invented example.

# %%
program = cc.Program(
    name="Evening IOP (example)",
    level="IOP",
    schedule=trimmed,
    ages={"min_age": 18},
    payment=["MD", "private health insurance"],
    languages=["English", "Spanish"],
)
program

# %% [markdown]
# `check_level` compares the level the program claims with what its schedule adds up to under a
# rule set — the trimmed week claims IOP but is outpatient by ASAM's adult count:

# %%
for rules in ("asam3-adult", "teds"):
    print(program.check_level(rules))

# %% [markdown]
# The seed text suggests nine questions to ask a program before choosing it [SEED].
# `answers()` answers the ones the program's data can answer and leaves the rest open (`None`):

# %%
for question, answer in program.answers().items():
    print(f"- {question}\n    {answer or '(ask the program)'}")

# %% [markdown]
# ## Hours per day, by format
#
# A chart of the three designs. The dashed lines are the daily floors of TEDS (2 h) and H0015
# (3 h); the weekly floors are in the titles' totals.

# %%
designs = {
    "original": week,
    "Thursday trimmed": trimmed,
    "+ individual on Tuesday": with_individual,
}
days = list(cc.schedules.Weekday)
formats = sorted({s.format for w in designs.values() for s in w.sessions}, key=str)

fig, axes = plt.subplots(1, len(designs), figsize=(12, 3.5), sharey=True)
for ax, (title, w) in zip(axes, designs.items(), strict=True):
    bottom = [0.0] * len(days)
    for fmt in formats:
        hours = [sum(s.duration for s in w.sessions_on(d) if s.format is fmt) for d in days]
        ax.bar([d.short for d in days], hours, bottom=bottom, label=fmt.value)
        bottom = [b + h for b, h in zip(bottom, hours, strict=True)]
    for floor in (2, 3):
        ax.axhline(floor, linestyle="--", linewidth=0.8, color="grey")
    ax.set_title(f"{title}\n{w.weekly_hours:g} h/week")
    ax.set_ylim(0, 4)
axes[0].set_ylabel("hours")
axes[0].legend(loc="upper right")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## The boundary is exact
#
# Durations are summed in whole microseconds, so 27 sessions of 20 minutes are exactly 9 hours and
# reach ASAM's adult floor — not 8.999… hours that would miss it.

# %%
twenty_minutes = [
    cc.Session(
        weekday=day,
        start=f"{8 + i // 3:02d}:{20 * (i % 3):02d}",
        duration="20 min",
        format="individual",
    )
    for day in ("mon", "tue", "wed")
    for i in range(9)
]
exact = cc.WeeklySchedule(sessions=twenty_minutes)
exact.weekly_hours, cc.classify(exact, rules="asam3-adult").level.code
