"""``carecontinuum tour``: a guided, printed walk through the continuum of care.

Each section is a function returning its blocks: paragraphs, tables and
pre-formatted text (and ``""`` for a blank line).  The same blocks are printed
as text, or with ``--json`` written as structured sections: each with its
id, title and blocks (``{"type": "paragraph", "text": ...}``,
``{"type": "table", "headers": [...], "rows": [[...]]}``,
``{"type": "text", "text": ...}``), paragraphs unwrapped.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any

from ._blocks import Block, Para, Pre, Table
from ._render import dumps, heading, number
from ._support import EXIT_OK, HelpFormatter, emit

__all__ = ["SECTIONS", "add_parser", "run", "section_data"]


TOUR_SCHEDULE = (3.0, 3)
"""The tour's first schedule: 3 h/day × 3 days/week = 9 h/week [SEED: IOP 2–3 h/day]."""
LIGHTER_SCHEDULE = (2.5, 3)
"""The second: 2.5 h/day × 3 days/week = 7.5 h/week, where the rule sets disagree."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "tour",
        formatter_class=HelpFormatter,
        help="a guided walk through the continuum of care (start here)",
        description="Print a guided walk through the continuum: the levels of care and how "
        "ASAM, LOCUS and TEDS code them, the modalities, the two uses of intensive "
        "outpatient care, one schedule under every intensity rule set, a step-down "
        "pathway, a short journey and the same journey as FHIR. With --json: the same "
        "sections as structured data (titles, paragraphs, tables).",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def _intro() -> list[Block]:
    return [
        Para(
            "The seed text lays out a spectrum of care: a therapist's office once or "
            "twice a week, intensive outpatient and partial hospitalization programs, "
            "residential and inpatient acute care [SEED]. People step up to more intense "
            "treatment or down to less intense treatment as needed [TIP47]. "
            "carecontinuum models those levels, how other "
            "systems code them, the therapies programs deliver, the hours a schedule "
            "adds up to, and the moves between levels."
        ),
        "",
        Para("Ids in brackets are sources: carecontinuum.SOURCES gives each full citation."),
    ]


def _levels() -> list[Block]:
    from .. import default_continuum
    from ._levels import levels_rows

    continuum = default_continuum()
    return [
        Table(*levels_rows(continuum)),
        "",
        Para(
            "Least to most intensive. ASAM3/ASAM4 are ASAM Criteria level numbers, TEDS "
            "the federal data set's service-setting codes; ~ marks an approximate "
            "match. Residential and inpatient levels are defined by their 24-hour "
            "setting; weekly hours decide only among the ambulatory levels."
        ),
    ]


def _frameworks() -> list[Block]:
    from .. import crosswalk, framework, level, list_frameworks

    rows = [[fw.code, fw.name, str(len(fw.levels))] for fw in list_frameworks()]
    walk = crosswalk("asam4", "continuum")
    example = [m for m in walk.mappings if m.source == "2.5"]  # High-Intensity Outpatient [ASAM4]
    lines: list[Block] = [
        Table(["code", "name", "levels"], rows),
        "",
        Para(
            "carecontinuum levels --framework asam3 lists a framework's levels. Crosswalks "
            "map one framework onto another and say what each mapping loses. "
            "For example, ASAM 4th edition → continuum:"
        ),
    ]
    asam4 = framework("asam4")
    for m in example:
        target = level(m.target).name if m.target else "(no counterpart)"
        lines.append("")
        lines.append(
            Para(
                f"{m.source} {asam4.level(m.source).name} → {target} ({m.match.value}"
                + (f": {m.lost}" if m.lost else "")
                + ")",
                indent=2,
                hang=2,
            )
        )
    return lines


def _modalities() -> list[Block]:
    from .. import list_modalities

    items = list_modalities()
    by_category: dict[str, list[str]] = {}
    for m in items:
        label = m.category.value + (" (adjuncts)" if m.adjunct else "")
        by_category.setdefault(label, []).append(m.name)
    rows = [[category, ", ".join(names)] for category, names in sorted(by_category.items())]
    return [
        Table(["category", "modalities"], rows),
        "",
        Para(
            f"{len(items)} modalities, each with its documented structure and sources "
            "(carecontinuum modalities --detail). Register your own, or ship them in "
            "a plug-in package."
        ),
    ]


def _move_line(graph: Any, t: Any) -> Para:
    source = graph.level(t.source).name
    text = f"{t.kind.arrow} {t.kind.label.capitalize()} from {source}: {t.rationale}"
    if t.sources:
        text += f" [{', '.join(t.sources)}]"
    return Para(text, indent=2, hang=2)


def _uses_of_iop() -> list[Block]:
    from .. import default_graph

    graph = default_graph()
    up = graph.transition("outpatient", "intensive_outpatient")
    downs = [t for t in graph.moves_to("intensive_outpatient") if t.kind.value == "step_down"]
    downs = [t for t in downs if t.source in ("inpatient_acute", "residential")]
    asam = "/".join(c.code for c in graph.level("intensive_outpatient").codes_in("asam3"))
    lines: list[Block] = [
        Para(
            f"IOP is ASAM level {asam} [ASAM3]: group and individual therapy a few hours a "
            "day, several days a week, often in the mornings or evenings so people can keep "
            "working [SEED]. The seed names two uses, in two directions:"
        ),
        "",
        _move_line(graph, up),
    ]
    lines.extend(_move_line(graph, t) for t in downs)
    return lines


def _intensity() -> list[Block]:
    from .. import Schedule, classify_all
    from ._classify import level_text, schedule_line, why

    at_floor = Schedule(hours_per_day=TOUR_SCHEDULE[0], days_per_week=TOUR_SCHEDULE[1])
    lighter = Schedule(hours_per_day=LIGHTER_SCHEDULE[0], days_per_week=LIGHTER_SCHEDULE[1])
    verdicts = list(zip(classify_all(at_floor), classify_all(lighter), strict=True))
    rows = [[a.rule_set.id, level_text(a), level_text(b)] for a, b in verdicts]
    headers = [
        "rule set",
        f"{number(at_floor.weekly_hours)} h/week",
        f"{number(lighter.weekly_hours)} h/week",
    ]
    lines: list[Block] = [
        Para(
            f"Two IOP-like weeks: {schedule_line(at_floor)}, and "
            f"{schedule_line(lighter)} [SEED: IOP runs 2–3 h/day, 3–5 days/week]. Each "
            "published rule set draws its own lines (floors are inclusive):"
        ),
        "",
        Table(headers, rows, indent=2),
        "",
        Para(f"Why, at {number(lighter.weekly_hours)} h/week:"),
    ]
    lines.extend(Para(f"{b.rule_set.id}: {why(b)}", indent=2, hang=2) for _, b in verdicts)
    return lines


def _step_down() -> list[Block]:
    from .. import default_graph
    from ._graph import describe_moves

    graph = default_graph()
    path = graph.step_down_path("inpatient_acute", "outpatient", gradual=True)
    return [
        Para(
            "After a crisis, care can step down gradually through each level in turn: "
            "people step down to less intense treatment as needed, and moves follow "
            "reassessment, not a fixed length of stay [TIP47, ASAM3]. The seed names "
            "only the step-downs into IOP [SEED]; the library's other typical "
            "step-downs are its reading of that principle, which no cited source names, "
            "so they are marked unverified:"
        ),
        "",
        Para(" → ".join(lv.code for lv in path), indent=2, hang=2),
        "",
        Pre(describe_moves(graph, tuple(path), indent=2)),
    ]


#: The tour's example journey: (level, first day, last day); a transfer ends one
#: placement on the day the next begins.
TOUR_JOURNEY = (
    ("inpatient_acute", dt.date(2024, 3, 1), dt.date(2024, 3, 8)),
    ("partial_hospitalization", dt.date(2024, 3, 8), dt.date(2024, 3, 29)),
    ("intensive_outpatient", dt.date(2024, 3, 29), dt.date(2024, 5, 10)),
    ("outpatient", dt.date(2024, 5, 10), None),
)


def _journey() -> list[Block]:
    from .. import Journey, default_graph

    graph = default_graph()
    journey = Journey(
        placements=[{"level": code, "start": a, "end": b} for code, a, b in TOUR_JOURNEY]
    )
    rows = []
    for i, p in enumerate(journey.placements):
        days = p.length_of_stay()
        end = p.end.isoformat() if p.end else "ongoing"
        rows.append(
            [str(i), p.level.code, p.start.isoformat(), end, "" if days is None else str(days)]
        )
    lines: list[Block] = [
        Para("One person's placements, and the moves the library reads from them:"),
        "",
        Table(["#", "level", "start", "end", "days"], rows, indent=2),
        "",
    ]
    for move in journey.transitions:
        edge = graph.transition(move.source, move.target)
        flags = move.kind.label + ("" if edge.verified else ", unverified")
        text = (
            f"{move.on.isoformat()} {move.source} {move.kind.arrow} {move.target} "
            f"({flags}): {edge.rationale}"
        )
        lines.append(Para(text, indent=2, hang=2))
    findings = journey.check(graph)
    lines.append("")
    if findings:
        lines.extend(Para(str(f), indent=2, hang=2) for f in findings)
    else:
        lines.append(
            Para(
                "Journey.check() against the transition graph: every move is allowed, with "
                "no overlaps and no gaps."
            )
        )
    return lines


def _fhir() -> list[Block]:
    from .. import Journey, Placement, default_continuum
    from ..fhir import FhirMappingError, from_fhir, to_fhir

    rows = []
    for lv in default_continuum():
        placement = Placement(level=lv, start=TOUR_JOURNEY[0][1])
        r4b = to_fhir(placement, release="R4B")["class"]["code"]
        r5 = to_fhir(placement, release="R5")["class"][0]["coding"][0]["code"]
        rows.append([lv.code, r4b, r5])
    journey = Journey(
        placements=[{"level": code, "start": a, "end": b} for code, a, b in TOUR_JOURNEY]
    )
    bundle = to_fhir(journey)
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    amb = {
        "resourceType": "Encounter",
        "status": "completed",
        "actualPeriod": {"start": "2024-05-10"},
        "class": [
            {
                "coding": [
                    {"code": "AMB", "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode"}
                ]
            }
        ],
    }
    try:
        from_fhir(amb)
    except FhirMappingError as err:
        refusal = ", ".join(err.candidates[:-1]) + " or " + err.candidates[-1]
    else:  # never: the class alone does not settle the level
        refusal = "several levels"
    return [
        Para(
            "carecontinuum.fhir writes levels, programs, schedules and journeys as FHIR "
            "R5 or R4B and reads them back. Each placement is an Encounter whose class "
            "comes from the level's own codes [FHIR]:"
        ),
        "",
        Table(["level", "R4B class", "R5 class"], rows, indent=2),
        "",
        Para(
            f"The journey above becomes a Bundle of {kinds.count('EpisodeOfCare')} "
            f"EpisodeOfCare and {kinds.count('Encounter')} Encounters, and reads back "
            f"unchanged: {'yes' if from_fhir(bundle) == journey else 'no'}. Reading "
            "other systems' FHIR never guesses: an Encounter with class AMB alone could "
            f"be {refusal}, so it is refused until a level coding or a level_map "
            "settles it (carecontinuum fhir import lists the candidates)."
        ),
    ]


def _next_steps() -> list[Block]:
    rows = [
        ["carecontinuum levels --framework asam4", "other frameworks"],
        ["carecontinuum modalities --detail", "modality details"],
        ["carecontinuum classify --hours-per-day 2.5 --days-per-week 4", "any schedule"],
        ["carecontinuum path PHP outpatient", "another pathway"],
        ["carecontinuum graph --format mermaid", "graph for tools"],
        ["carecontinuum validate journey.json", "check a file"],
        ["carecontinuum teds summary tedsd.csv", "a TEDS-D year"],
        ["carecontinuum schema Journey", "a JSON Schema"],
        ["carecontinuum fhir export journey.json", "FHIR for EHRs"],
        [
            "carecontinuum locator search listing.json --level IOP --payment MD "
            "--near 37.54,-77.44",
            "programs of a SAMHSA locator listing, nearest first",
        ],
    ]
    return [
        Table(["command", "shows"], rows, indent=2),
        "",
        Para(
            "Every command has --help. In Python: import carecontinuum as cc, then see "
            "README.md, the documentation (docs/) and the example notebooks (examples/)."
        ),
    ]


SECTIONS: tuple[tuple[Callable[[], list[Block]], str, str], ...] = (
    (_intro, "intro", "A tour of the continuum of care"),
    (_levels, "levels", "1. The levels of care"),
    (_frameworks, "frameworks", "2. Frameworks that code the levels"),
    (_modalities, "modalities", "3. Modalities: what programs deliver"),
    (_uses_of_iop, "uses-of-iop", "4. Two uses of intensive outpatient care (IOP)"),
    (_intensity, "intensity", "5. How intensive is a schedule? It depends who asks"),
    (_step_down, "step-down", "6. A step-down pathway"),
    (_journey, "journey", "7. A journey through the continuum"),
    (_fhir, "fhir", "8. Exchanging records with EHRs: FHIR"),
    (_next_steps, "next-steps", "Where next"),
)
"""Each section's function, id and title."""


def _render(blocks: list[Block]) -> str:
    return "\n".join(b if isinstance(b, str) else b.render() for b in blocks)


def section_data() -> list[dict[str, Any]]:
    """The tour as structured sections (what ``tour --json`` writes).

    >>> sections = section_data()
    >>> [s["id"] for s in sections][:3]
    ['intro', 'levels', 'frameworks']
    >>> sections[1]["blocks"][0]["headers"][:3]
    ['code', 'name', 'setting']
    """
    return [
        {
            "id": key,
            "title": title,
            "blocks": [b.data() for b in section() if not isinstance(b, str)],
        }
        for section, key, title in SECTIONS
    ]


def run(args: argparse.Namespace) -> int:
    if args.json:
        emit(dumps({"sections": section_data()}))
        return EXIT_OK
    texts = []
    for n, (section, _, title) in enumerate(SECTIONS):
        texts.append(heading(title, underline="=" if n == 0 else "-") + "\n" + _render(section()))
    emit("\n\n".join(texts))
    return EXIT_OK
