"""The facts audit: every built-in fact traces to a source id, and the seed says what we claim.

Citation integrity over every built-in record (frameworks, levels and their
codes and per-diem tiers, the codes that name no level, crosswalks, modalities
and their components, rule sets, transition graphs, the seed's program
questions): each cited id is defined in ``carecontinuum.SOURCES``, and every
``[ID]`` quoted in a record's prose is one of that record's own sources.

The ``[SEED]`` audit: :data:`SEED_PHRASES` quotes short phrases of the seed
article, exactly as in the project's copy of it (a machine-paraphrased text:
"remedy" is therapy, "applications" are programs), and names the records that
rest on each.  Every record that cites ``SEED`` must be named there, so every
SEED citation states something the seed states; a derived edge may instead
inherit its SEED citation from the continuum edge or crosswalk mapping it was
derived from.  The phrases were checked against the copy in
``shared/domain/seed/``; run this file as a script with that copy's path to
check them again (``python tests/test_facts_audit.py path/to/seed.txt``).

Tables of other facts are in ``test_facts_tables.py``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import carecontinuum as cc
from carecontinuum.levels import WITHDRAWAL_MANAGEMENT_CODES, MatchKind, list_crosswalks
from carecontinuum.modalities._catalog import BUILTIN_MODALITIES

# -- citation integrity -------------------------------------------------------------------------

_CITE = re.compile(r"\[([A-Z][A-Z0-9-]*(?:, ?[A-Z][A-Z0-9-]*)*)\]")

Record = tuple[str, tuple[str, ...], tuple[str, ...]]  # label, sources, prose


def _level_records() -> Iterator[Record]:
    for fw in cc.list_frameworks():
        yield f"framework {fw.code}", fw.sources, (fw.description,)
        for lv in fw.levels:
            yield f"level {fw.code}:{lv.code}", lv.sources, (lv.description, lv.note)
            for c in lv.codes:
                label = f"code {fw.code}:{lv.code} {c.system.value}:{c.code}"
                yield label, c.sources, (c.display, c.note)
            for t in lv.per_diem_tiers:
                label = f"per-diem {fw.code}:{lv.code} {t.payer}:{t.min_services}"
                yield label, t.sources, (t.display, t.note)
    for c in WITHDRAWAL_MANAGEMENT_CODES:
        yield f"wm-code {c.system.value}:{c.code}", c.sources, (c.display, c.note)
    for walk in list_crosswalks():
        name = f"{walk.source_framework}->{walk.target_framework}"
        yield f"crosswalk {name}", walk.sources, (walk.description,)
        for m in walk.mappings:
            yield f"mapping {name} {m.source}->{m.target}", m.sources, (m.lost, m.note)


def _modality_records() -> Iterator[Record]:
    for mod in BUILTIN_MODALITIES:
        yield f"modality {mod.code}", mod.sources, (mod.description, mod.note)
        s = mod.structure
        if s is None:
            continue
        own = [part for part in s.components if part.sources]
        prose = (s.detail, s.note, *(part.detail for part in s.components if not part.sources))
        yield f"structure {mod.code}", s.sources, prose
        for part in own:
            label = f"component {mod.code}:{part.name}@{part.from_week}"
            yield label, part.sources, (part.detail, part.note)


def _graphs() -> list[cc.ContinuumGraph]:
    return [cc.default_graph()] + [
        cc.framework_graph(fw) for fw in ("asam3", "asam4", "locus", "teds")
    ]


def _other_records() -> Iterator[Record]:
    for rs in map(cc.rule_set, BUILTIN_RULE_SETS):
        yield f"rule set {rs.id}", rs.sources, (rs.description, rs.below_note or "")
        for tier in rs.tiers:
            yield f"tier {rs.id}:{tier.level}", tier.sources, (tier.note,)
    for g in _graphs():
        for t in g.transitions:
            yield f"edge {g.name} {t.source}->{t.target}", t.sources, (t.rationale, t.note)
    for q in cc.PROGRAM_QUESTIONS:
        yield f"question {q.number}", q.sources, (q.text,)


BUILTIN_RULE_SETS = ("asam3-adult", "asam3-adolescent", "medicare", "teds", "hcpcs-h0015")
RECORDS = [*_level_records(), *_modality_records(), *_other_records()]


def _cited_in(texts: tuple[str, ...]) -> set[str]:
    return {
        part.strip() for text in texts for m in _CITE.finditer(text) for part in m[1].split(",")
    }


def test_the_audit_sees_every_kind_of_record() -> None:
    kinds = {label.split(" ", 1)[0] for label, _, _ in RECORDS}
    assert kinds == {
        "framework",
        "level",
        "code",
        "per-diem",
        "wm-code",
        "crosswalk",
        "mapping",
        "modality",
        "structure",
        "component",
        "rule",
        "tier",
        "edge",
        "question",
    }


def test_record_labels_are_unique() -> None:
    labels = [label for label, _, _ in RECORDS]
    assert len(labels) == len(set(labels))


@pytest.mark.parametrize(("label", "sources", "prose"), RECORDS, ids=[r[0] for r in RECORDS])
def test_every_record_cites_defined_sources(
    label: str, sources: tuple[str, ...], prose: tuple[str, ...]
) -> None:
    assert sources, f"{label} cites no source"
    assert set(sources) <= set(cc.SOURCES), (label, set(sources) - set(cc.SOURCES))


@pytest.mark.parametrize(("label", "sources", "prose"), RECORDS, ids=[r[0] for r in RECORDS])
def test_citations_in_prose_are_the_records_own_sources(
    label: str, sources: tuple[str, ...], prose: tuple[str, ...]
) -> None:
    cited = _cited_in(prose)
    assert cited <= set(cc.SOURCES), (label, cited - set(cc.SOURCES))
    assert cited <= set(sources), (label, "quotes", cited - set(sources), "without citing it")


# -- the [SEED] audit ---------------------------------------------------------------------------

_Q = "question {}".format
_ACUTE_IOP = "edge continuum inpatient_acute->intensive_outpatient"
_RES_IOP = "edge continuum residential->intensive_outpatient"
_CRISIS = tuple(
    f"edge continuum {x}->inpatient_acute"
    for x in ("outpatient", "intensive_outpatient", "partial_hospitalization", "residential")
)
_ADJUNCTS = ("modality tms", "modality ketamine", "modality esketamine", "modality emdr")

# (a short phrase of the seed, exactly as in the project's copy; what it says; the records
# that rest on it).  A record may rest on several phrases.
SEED_PHRASES: list[tuple[str, str, tuple[str, ...]]] = [
    # the spectrum of care: the default continuum and its five levels
    (
        "a better degree of care on a spectrum",
        "IOP is a higher level of care on a spectrum of levels",
        ("framework continuum",),
    ),
    (
        "as soon as or possibly twice per week",
        "outpatient therapy: once or maybe twice a week",
        ("level continuum:outpatient",),
    ),
    ("held in a therapist’s workplace", "in a therapist's office", ("level continuum:outpatient",)),
    (
        "two to a few hours a day, three to 5 days",
        "IOP: 2–3 hours a day, 3–5 days a week",
        ("level continuum:intensive_outpatient",),
    ),
    (
        "three to 4 hours of remedy per day",
        "elsewhere: 3–4 hours a day, 3–5 days a week",
        ("level continuum:intensive_outpatient",),
    ),
    (
        "for a period of about 4 to 6 weeks",
        "for about 4–6 weeks",
        ("level continuum:intensive_outpatient",),
    ),
    (
        "happen within the mornings or the evenings",
        "IOPs often run mornings or evenings, so people keep working",
        ("level continuum:intensive_outpatient",),
    ),
    (
        "about 5 hours of remedy a day",
        "PHP: about 5 hours of therapy a day",
        ("level continuum:partial_hospitalization",),
    ),
    (
        "together with each group therapies and particular person remedy",
        "PHP: group and individual therapy",
        ("level continuum:partial_hospitalization",),
    ),
    (
        "often there for a month or extra",
        "residential: usually a month or more",
        ("level continuum:residential",),
    ),
    (
        "identical therapies as these in an IOP program",
        "residential: the same therapies as IOP",
        ("level continuum:residential",),
    ),
    (
        "in a disaster or psychiatric emergency state of affairs",
        "inpatient acute care is for a crisis or psychiatric emergency",
        (
            "level continuum:inpatient_acute",
            *_CRISIS,
            "mapping asam3->continuum 4->inpatient_acute",
            "mapping asam3->continuum 4-WM->inpatient_acute",
            "mapping asam4->continuum 4->inpatient_acute",
            "mapping teds->continuum 3->inpatient_acute",
            "crosswalk asam3->continuum",
            "crosswalk asam4->continuum",
            "crosswalk teds->continuum",
        ),
    ),
    (
        "psychiatric hospital or within the psych ward",
        "in a psychiatric hospital or a general hospital's psychiatric ward",
        ("level continuum:inpatient_acute",),
    ),
    # the two uses of IOP
    (
        "probably in danger for hospitalization",
        "step-up: at risk of hospitalization, weekly therapy not enough",
        ("edge continuum outpatient->intensive_outpatient", "level continuum:intensive_outpatient"),
    ),
    (
        "step-down from a better degree of care",
        "step-down from a higher level of care",
        (_ACUTE_IOP, _RES_IOP, "level continuum:intensive_outpatient"),
    ),
    (
        "inpatient acute care or inpatient residential",
        "the higher levels IOP steps down from",
        (_ACUTE_IOP, _RES_IOP, "level continuum:intensive_outpatient"),
    ),
    (
        "transition from inpatient therapy again to their common lives",
        "back toward ordinary life",
        (_ACUTE_IOP, _RES_IOP),
    ),
    # what IOP sessions hold
    (
        "a mixture of particular person and group remedy",
        "sessions mix individual and group therapy",
        ("modality individual_counseling", "modality group_counseling"),
    ),
    (
        "assembly with a psychiatrist for medicine administration and evaluation",
        "a psychiatrist for medication management and evaluation",
        ("modality medication_management",),
    ),
    (
        "adjunct or various therapies",
        "adjunct or alternative therapies",
        _ADJUNCTS,
    ),
    (
        "Transcranial Magnetic Stimulation, ketamine infusions, or EMDR",
        "the adjuncts named: TMS, ketamine infusions, EMDR",
        _ADJUNCTS,
    ),
    (
        "equine remedy or yoga remedy",
        "other therapies: equine therapy, yoga therapy",
        ("modality equine_therapy", "modality yoga_therapy"),
    ),
    # the modalities section
    (
        "consuming issues, and different compulsive issues",
        "12-step approaches are also used for eating and other compulsive disorders",
        ("modality twelve_step_facilitation",),
    ),
    (
        "Cognitive behavioral remedy (CBT)",
        "CBT is among the commonest modalities",
        ("modality cognitive_behavioral_therapy",),
    ),
    (
        "can take a look at out the brand new abilities instantly",
        "in IOP, people can try new skills at once",
        ("modality cognitive_behavioral_therapy",),
    ),
    (
        "motivational interviewing or motivational enhancement remedy",
        "the motivational approaches: MI and MET",
        ("modality motivational_interviewing", "modality motivational_enhancement_therapy"),
    ),
    (
        "ambivalence in the direction of therapy",
        "they work on ambivalence toward treatment",
        ("modality motivational_interviewing",),
    ),
    (
        "but additionally directive",
        "kind, but also directive",
        ("modality motivational_interviewing",),
    ),
    ("neighborhood as technique", "community as method", ("modality therapeutic_community",)),
    (
        "particularly as a step down from residential",
        "TC in IOPs, especially as a step down from residential",
        ("modality therapeutic_community",),
    ),
    (
        "widespread cocaine and stimulant issues",
        "Matrix: founded for the 1980s cocaine and stimulant problems",
        ("modality matrix_model",),
    ),
    (
        "The total program is 16 weeks",
        "the full Matrix program is 16 weeks",
        ("modality matrix_model",),
    ),
    (
        "Neighborhood Reinforcement and Contingency Administration Approaches",
        "community reinforcement and contingency management, grouped",
        ("modality community_reinforcement_approach", "modality contingency_management"),
    ),
    (
        "future conduct is influenced by constructive or detrimental penalties",
        "consequences of past behavior shape future behavior",
        ("modality community_reinforcement_approach",),
    ),
    (
        "a factors/reward system to strengthen the specified behaviors",
        "in IOPs, a points/reward system reinforces desired behaviors",
        ("modality contingency_management",),
    ),
    # the nine questions to ask a program
    ("How lengthy are folks normally in your program?", "question 1", (_Q(1),)),
    ("Do you’re taking my insurance coverage?", "question 2", (_Q(2),)),
    ("points/diagnoses like mine", "question 3", (_Q(3),)),
    ("purchasers who determine like me", "question 4", (_Q(4),)),
    ("put together me for the transition again to my “common” life", "question 5", (_Q(5),)),
    ("What age vary are the folks in your program, usually?", "question 6", (_Q(6),)),
    ("What’s the construction of this system?", "question 7", (_Q(7),)),
    ("What’s the therapy philosophy?", "question 8", (_Q(8),)),
    ("What modalities do your therapists follow?", "question 9", (_Q(9),)),
]

_SEED_RECORDS = {label: sources for label, sources, _ in RECORDS if "SEED" in sources}
_IN_TABLE = {label for _, _, labels in SEED_PHRASES for label in labels}


def _is_derived_edge(label: str) -> bool:
    return label.startswith("edge ") and not label.startswith("edge continuum ")


def test_every_seed_citation_rests_on_a_seed_phrase() -> None:
    own = {label for label in _SEED_RECORDS if not _is_derived_edge(label)}
    assert own - _IN_TABLE == set(), "records cite SEED but no seed phrase backs them"


def test_every_row_names_records_that_cite_the_seed() -> None:
    stale = {label for label in _IN_TABLE if label not in _SEED_RECORDS}
    assert stale == set(), "rows name records that do not (or no longer) cite SEED"


def test_seed_phrases_are_short_quotes() -> None:
    phrases = [phrase for phrase, _, _ in SEED_PHRASES]
    assert len(phrases) == len(set(phrases))
    for phrase in phrases:
        assert 2 <= len(phrase.split()) <= 12, phrase  # quote the seed only in short phrases


def test_derived_edges_inherit_their_seed_citation() -> None:
    """A derived edge cites SEED only through the continuum edge or mappings it rests on."""
    base = cc.default_graph()
    derived = 0
    for g in _graphs()[1:]:
        walk = cc.crosswalk(g.name, "continuum")
        for t in g.transitions:
            if "SEED" not in t.sources:
                continue
            assert t.derived, t
            derived += 1
            parents: set[str] = set()
            for ma in walk.map(t.source):
                for mb in walk.map(t.target):
                    if not (ma.target and mb.target) or not base.allows(ma.target, mb.target):
                        continue
                    edge = base.transition(ma.target, mb.target)
                    if edge.typical and t.rationale.endswith(edge.rationale):
                        parents |= {
                            f"edge continuum {edge.source}->{edge.target}",
                            f"mapping {g.name}->continuum {ma.source}->{ma.target}",
                            f"mapping {g.name}->continuum {mb.source}->{mb.target}",
                        }
            assert parents & _IN_TABLE, (g.name, t, "inherits SEED from no audited record")
    assert derived > 0  # the check ran on real edges


@pytest.mark.parametrize(
    ("label", "words"),
    [
        # the corrections: these moves and mappings no longer cite the seed
        ("edge continuum inpatient_acute->residential", "SEED"),
        ("edge continuum inpatient_acute->partial_hospitalization", "SEED"),
        ("edge continuum residential->partial_hospitalization", "SEED"),
        ("edge continuum partial_hospitalization->intensive_outpatient", "SEED"),
        ("mapping teds->continuum 6->intensive_outpatient", "SEED"),
        ("mapping asam3->continuum 2.1->intensive_outpatient", "SEED"),
    ],
)
def test_claims_the_seed_does_not_make_do_not_cite_it(label: str, words: str) -> None:
    (sources,) = [s for lbl, s, _ in RECORDS if lbl == label]
    assert words not in sources


def test_teds_6_is_an_approximate_mapping() -> None:  # TEDS: no PHP code (C)
    (m,) = cc.crosswalk("teds", "continuum").map("6")
    assert m.match is MatchKind.APPROXIMATE


def _check_phrases(seed_text: str) -> list[str]:
    """The phrases of :data:`SEED_PHRASES` that the seed text does not contain."""
    return [phrase for phrase, _, _ in SEED_PHRASES if phrase not in seed_text]


if __name__ == "__main__":  # python tests/test_facts_audit.py path/to/seed.txt
    missing = _check_phrases(Path(sys.argv[1]).read_text(encoding="utf-8"))
    print("\n".join(missing) if missing else f"all {len(SEED_PHRASES)} phrases are in the seed")
    sys.exit(1 if missing else 0)
