"""The modality model and the built-in catalog's documented facts.

Every row of the fact tables names the source id the fact comes from.
"""

from __future__ import annotations

import re
from operator import attrgetter
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import carecontinuum as cc
from carecontinuum import (
    SOURCES,
    Format,
    Modality,
    ModalityCategory,
    ModalityComponent,
    ModalityStructure,
    QuantityRange,
)
from carecontinuum.modalities._catalog import BUILTIN_MODALITIES


def component(code: str, name: str) -> ModalityComponent:
    """The component called *name*; ``"name@week"`` picks the one starting that week."""
    structure = cc.modality(code).structure
    assert structure is not None
    name, _, week = name.partition("@")
    return next(
        c for c in structure.components if c.name == name and (not week or c.from_week == int(week))
    )


def bounds(r: QuantityRange | None) -> tuple[float, float | None, str] | None:
    return None if r is None else (r.low, r.high, r.unit)


# -- documented structure, one fact per row, with its source --------------------------------------
STRUCTURE_FACTS: list[tuple[str, str, Any, str]] = [
    ("TSF", "structure.sessions", 12, "MATCH"),
    ("TSF", "structure.sessions_per_week", 1.0, "MATCH"),
    ("TSF", "structure.weeks", 12.0, "MATCH"),
    ("CBT", "structure.sessions", 12, "MATCH"),
    ("MET", "structure.sessions", 4, "MATCH"),
    ("MET", "structure.session_weeks", (1, 2, 6, 12), "MATCH"),
    ("MET", "structure.weeks", 12.0, "MATCH"),
    ("MI", "structure", None, "SEED"),  # no fixed dose (a secondary description: flagged)
    ("MI", "verified", False, "SEED"),
    # NIDA: no predetermined length of stay; 18–24 months is the traditional stay, in words only
    ("TC", "structure.duration", None, "NIDA"),
    ("TC", "structure.weeks", None, "NIDA"),
    ("Matrix", "structure.weeks", 16.0, "CEBC"),
    ("Matrix", "structure.hours_per_day", 3.0, "CEBC"),
    ("Matrix", "structure.days_per_week", 3, "CEBC"),
    ("Matrix", "structure.approximate", True, "CEBC"),  # "about 3 h/day"
    ("CRA", "structure.weeks", 24.0, "NIDA"),
    ("CM", "structure.weeks", 12.0, "PETRY2005"),
    ("TMS", "structure.sessions_per_week", 5.0, "CTMSS"),
    ("TMS", "structure.duration.low", 4.0, "CTMSS"),
    ("TMS", "structure.duration.high", 6.0, "CTMSS"),
    ("TMS", "structure.approximate", True, "CTMSS"),
    ("ketamine", "structure", None, "SEED"),  # no standard dose found
    ("equine therapy", "structure", None, "SEED"),
    ("yoga therapy", "structure", None, "SEED"),
]


@pytest.mark.parametrize(("key", "path", "expected", "source"), STRUCTURE_FACTS)
def test_structure_fact(key: str, path: str, expected: Any, source: str) -> None:
    m = cc.modality(key)
    assert attrgetter(path)(m) == expected
    cited = set(m.sources) | (set(m.structure.sources) if m.structure else set())
    assert source in cited


COMPONENT_FACTS: list[tuple[str, str, str, Any, str]] = [
    ("CBT", "core sessions", "sessions", 8, "MATCH"),
    ("CBT", "elective sessions", "sessions", 4, "MATCH"),
    # Matrix phases: CEBC (P) gives the weekly rhythm and the first month; the session counts
    # and weeks come from the SAMHSA counselor's manual via secondary sources (MATRIX-SMA, S)
    ("Matrix", "relapse-prevention group", "per_week", (2.0, 2.0, "session / week"), "MATRIX-SMA"),
    ("Matrix", "relapse-prevention group", "sessions", 32, "MATRIX-SMA"),
    ("Matrix", "family-education group", "per_week", (1.0, 1.0, "session / week"), "MATRIX-SMA"),
    ("Matrix", "family-education group", "sessions", 12, "MATRIX-SMA"),
    ("Matrix", "family-education group", "weeks", (1, 12), "MATRIX-SMA"),
    ("Matrix", "early-recovery group", "weeks", (1, 4), "MATRIX-SMA"),
    ("Matrix", "early-recovery group", "sessions", 8, "MATRIX-SMA"),
    ("Matrix", "early-recovery group", "per_week", (2.0, 2.0, "session / week"), "MATRIX-SMA"),
    ("Matrix", "social-support group", "weeks", (13, 48), "MATRIX-SMA"),
    # CRA + vouchers by phase (Budney & Higgins 1998, S); NIDA (P) gives the ranges
    ("CRA", "individual counseling@1", "per_week", (2.0, 2.0, "session / week"), "BUDNEY1998"),
    ("CRA", "individual counseling@1", "weeks", (1, 12), "BUDNEY1998"),
    ("CRA", "individual counseling@13", "per_week", (1.0, 1.0, "session / week"), "BUDNEY1998"),
    ("CRA", "individual counseling@13", "weeks", (13, 24), "BUDNEY1998"),
    ("CRA", "urine testing@1", "per_week", (3.0, 3.0, "session / week"), "BUDNEY1998"),
    ("CRA", "urine testing@13", "per_week", (2.0, 2.0, "session / week"), "BUDNEY1998"),
    ("CRA", "voucher incentives", "weeks", (1, 12), "NIDA"),
    ("DBT", "individual therapy", "per_week", (1.0, 1.0, "session / week"), "DBT-BMC"),
    ("DBT", "individual therapy", "length", (1.0, 1.0, "hour"), "DBT-BMC"),
    ("DBT", "skills training group", "per_week", (1.0, 1.0, "session / week"), "DBT-BMC"),
    ("DBT", "skills training group", "length", (2.0, 2.5, "hour"), "DBT-BMC"),
    # the treatment-resistant-depression (TRD) schedule [SPRAVATO]
    ("esketamine", "TRD induction", "per_week", (2.0, 2.0, "session / week"), "SPRAVATO"),
    ("esketamine", "TRD induction", "weeks", (1, 4), "SPRAVATO"),
    ("esketamine", "TRD maintenance", "per_week", (1.0, 1.0, "session / week"), "SPRAVATO"),
    ("esketamine", "TRD maintenance", "weeks", (5, 8), "SPRAVATO"),
    (
        "esketamine",
        "TRD continued maintenance",
        "per_week",
        (0.5, 1.0, "session / week"),
        "SPRAVATO",
    ),
    ("esketamine", "TRD continued maintenance", "weeks", (9, None), "SPRAVATO"),
]

# components known only from secondary sources ship unverified, with a note (FACTS: S)
UNVERIFIED_COMPONENTS = {
    ("matrix_model", name)
    for name in (
        "early-recovery group",
        "relapse-prevention group",
        "family-education group",
        "social-support group",
    )
} | {
    ("community_reinforcement_approach", name)
    for name in ("individual counseling", "urine testing")
}


@pytest.mark.parametrize(("key", "name", "what", "expected", "source"), COMPONENT_FACTS)
def test_component_fact(key: str, name: str, what: str, expected: Any, source: str) -> None:
    part = component(key, name)
    actual = {
        "sessions": part.sessions,
        "per_week": bounds(part.sessions_per_week),
        "length": bounds(part.session_length),
        "weeks": (part.from_week, part.to_week),
    }[what]
    assert actual == expected
    structure = cc.modality(key).structure
    assert structure is not None
    assert source in (part.sources or structure.sources)
    assert part.verified is ((cc.modality(key).code, part.name) not in UNVERIFIED_COMPONENTS)


def test_unverified_components_are_exactly_the_secondary_phases() -> None:
    found = {
        (m.code, c.name)
        for m in BUILTIN_MODALITIES
        if m.structure is not None
        for c in m.structure.components
        if not c.verified
    }
    assert found == UNVERIFIED_COMPONENTS
    for m in BUILTIN_MODALITIES:
        for c in m.structure.components if m.structure else ():
            if not c.verified:
                assert c.note, (m.code, c.name)
                assert c.sources, (m.code, c.name)
                assert "unverified" in c.summary(), (m.code, c.name)


def test_esketamine_states_which_indication_its_schedule_is_for() -> None:  # SPRAVATO (P)
    m = cc.modality("esketamine")
    assert m.structure is not None
    assert "the treatment-resistant depression (TRD) schedule" in m.structure.detail
    assert (
        "For major depressive disorder with acute suicidal ideation or behavior the label gives "
        "a different schedule: 84 mg twice weekly for 4 weeks" in m.structure.detail
    )
    assert "the components are the TRD schedule only" in m.structure.note
    assert "major depressive disorder with acute suicidal ideation or behavior" in m.targets


def test_therapeutic_community_ships_no_computable_duration() -> None:  # NIDA (P)
    s = cc.modality("TC").structure
    assert s is not None
    numbers = {
        f: getattr(s, f)
        for f in ("sessions", "sessions_per_week", "hours_per_day", "days_per_week", "weeks")
    }
    assert set(numbers.values()) == {None}
    assert (s.duration, s.session_weeks, s.components) == (None, (), ())
    assert "no predetermined length of stay; the traditional stay was 18–24 months" in s.detail


def test_matrix_hours_per_week_is_about_nine() -> None:  # 3 h/day × 3 days/week [CEBC]
    structure = cc.modality("Matrix").structure
    assert structure is not None
    assert structure.hours_per_week().to("hour / week").magnitude == 9.0


def test_emdr_has_eight_phases() -> None:  # [EMDR-ICN]
    structure = cc.modality("EMDR").structure
    assert structure is not None
    assert [c.name for c in structure.components] == [
        "history taking",
        "preparation",
        "assessment",
        "desensitization",
        "installation",
        "body scan",
        "closure",
        "reevaluation",
    ]
    assert structure.sessions is None  # the number of sessions varies


# -- what the catalog holds -----------------------------------------------------------------------
SEED_AND_BRIEF = [
    ("12-step facilitation", "twelve_step_facilitation", ModalityCategory.COMMUNITY, False),
    ("CBT", "cognitive_behavioral_therapy", ModalityCategory.PSYCHOTHERAPY, False),
    ("MI", "motivational_interviewing", ModalityCategory.PSYCHOTHERAPY, False),
    ("MET", "motivational_enhancement_therapy", ModalityCategory.PSYCHOTHERAPY, False),
    ("therapeutic community", "therapeutic_community", ModalityCategory.COMMUNITY, False),
    ("Matrix Model", "matrix_model", ModalityCategory.INTEGRATED, False),
    ("community reinforcement", "community_reinforcement_approach", "behavioral", False),
    ("contingency management", "contingency_management", ModalityCategory.BEHAVIORAL, False),
    ("TMS", "tms", ModalityCategory.NEUROMODULATION, True),
    ("ketamine", "ketamine", ModalityCategory.MEDICATION, True),
    ("esketamine", "esketamine", ModalityCategory.MEDICATION, True),
    ("EMDR", "emdr", ModalityCategory.PSYCHOTHERAPY, True),
    ("equine therapy", "equine_therapy", ModalityCategory.EXPERIENTIAL, True),
    ("yoga therapy", "yoga_therapy", ModalityCategory.EXPERIENTIAL, True),
    ("DBT", "dialectical_behavior_therapy", ModalityCategory.PSYCHOTHERAPY, False),
    ("relapse prevention", "relapse_prevention", ModalityCategory.PSYCHOTHERAPY, False),
    ("psychoeducation", "psychoeducation", ModalityCategory.PSYCHOEDUCATION, False),
    ("family therapy", "family_therapy", ModalityCategory.PSYCHOTHERAPY, False),
    ("individual counseling", "individual_counseling", ModalityCategory.PSYCHOTHERAPY, False),
    ("group therapy", "group_counseling", ModalityCategory.PSYCHOTHERAPY, False),
    ("medication management", "medication_management", ModalityCategory.MEDICATION, False),
]


@pytest.mark.parametrize(("key", "code", "category", "adjunct"), SEED_AND_BRIEF)
def test_catalog_holds(key: str, code: str, category: str, adjunct: bool) -> None:
    m = cc.modality(key)
    assert (m.code, m.category, m.adjunct) == (code, category, adjunct)


def test_every_builtin_cites_known_sources() -> None:
    for m in BUILTIN_MODALITIES:
        assert m.sources, m.code
        assert set(m.sources) <= set(SOURCES), m.code
        if m.structure is not None:
            assert m.structure.sources, m.code
            assert set(m.structure.sources) <= set(SOURCES), m.code


_CITATION = re.compile(r"\[([A-Z0-9][A-Z0-9\-]*(?:, [A-Z0-9][A-Z0-9\-]*)*)\]")


def test_ids_cited_in_text_are_in_the_record() -> None:
    for m in BUILTIN_MODALITIES:
        cited = set(m.sources) | (set(m.structure.sources) if m.structure else set())
        texts = [m.description, m.structure.detail if m.structure else ""]
        for text in texts:
            for group in _CITATION.findall(text):
                assert set(group.split(", ")) <= cited, (m.code, group)


@pytest.mark.parametrize(
    ("key", "targets", "source"),
    [
        ("TSF", "alcohol abuse and dependence", "MATCH"),
        ("TSF", "eating disorders", "SEED"),
        ("TSF", "other compulsive disorders", "SEED"),
        ("CBT", "alcohol abuse and dependence", "MATCH"),
        ("MET", "alcohol abuse and dependence", "MATCH"),
        ("CRA", "cocaine dependence", "NIDA"),
        ("CM", "cocaine or methamphetamine use", "PETRY2005"),
        ("Matrix", "stimulant abuse (cocaine, methamphetamine)", "MATRIX2000"),
        ("esketamine", "treatment-resistant depression", "SPRAVATO"),
        (
            "esketamine",
            "major depressive disorder with acute suicidal ideation or behavior",
            "SPRAVATO",
        ),
        ("EMDR", "post-traumatic stress disorder", "EMDR-ICN"),
    ],
)
def test_targets_come_from_the_sources(key: str, targets: str, source: str) -> None:
    m = cc.modality(key)
    assert targets in m.targets
    assert source in m.sources


@pytest.mark.parametrize(
    "key", ["MI", "ketamine", "equine therapy", "yoga therapy", "psychoeducation"]
)
def test_no_targets_without_a_source(key: str) -> None:
    assert cc.modality(key).targets == ()


def test_builtins_are_plain_modalities_and_frozen() -> None:
    cbt = cc.modality("CBT")
    assert type(cbt) is Modality
    with pytest.raises(ValidationError, match="frozen"):
        cbt.name = "changed"  # type: ignore[misc]
    assert hash(cbt) == hash(cc.modality("cognitive_behavioral_therapy"))


def test_display() -> None:
    tms = cc.modality("TMS")
    assert repr(tms) == "Modality('tms', category='neuromodulation')"
    assert str(tms) == "Transcranial magnetic stimulation (TMS)"
    page = tms._repr_html_()
    assert "<b>Transcranial magnetic stimulation (TMS)</b>" in page
    assert "neuromodulation (adjunct)" in page
    assert "about 5 session/week; 4–6 week" in page
    esk = cc.modality("esketamine").structure
    assert esk is not None
    assert esk.summary() == (
        "TRD induction (2 session / week, weeks 1–4); TRD maintenance (1 session / week, "
        "weeks 5–8); TRD continued maintenance (0.5–1 session / week, from week 9)"
    )


# -- validation of the model ---------------------------------------------------------------------
@pytest.mark.parametrize("code", ["Bad Code", "1starts_with_digit", "has-hyphen", "", "UPPER"])
def test_bad_code_is_rejected(code: str) -> None:
    with pytest.raises(ValidationError) as info:
        Modality(code=code, name="x", category="other")
    (error,) = info.value.errors()
    assert error["loc"] == ("code",)
    assert "pattern" in error["msg"]


def test_unknown_category_is_rejected() -> None:
    with pytest.raises(ValidationError, match="category") as info:
        Modality(code="x", name="x", category="surgery")  # type: ignore[arg-type]
    assert "'psychotherapy'" in str(info.value)


def test_extra_fields_are_rejected() -> None:
    with pytest.raises(ValidationError, match="dose"):
        Modality(code="x", name="x", category="other", dose=3)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"weeks": 12, "duration": QuantityRange(low=1, high=2, unit="month")}, "not both"),
        ({"duration": QuantityRange(low=1, high=2, unit="hour")}, "duration must be in one of"),
        ({"session_weeks": (1, 6, 2)}, "strictly increasing"),
        ({"session_weeks": (1, 1)}, "strictly increasing"),
        ({"sessions": 3, "session_weeks": (1, 2, 6, 12)}, "lists 4 weeks but sessions is 3"),
        ({"weeks": 10, "session_weeks": (1, 12)}, "reaches week 12, past the course's 10 weeks"),
        ({"session_weeks": (0, 2)}, "greater than or equal to 1"),
        ({"sessions": 0}, "sessions"),
        ({"hours_per_day": 25}, "at most 24 hours per day, got 25"),
        ({"days_per_week": 8}, "at most 7 days per week, got 8"),
        ({"session_length": "3 m"}, "dimension"),
    ],
)
def test_bad_structure_is_rejected(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ModalityStructure(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"sessions_per_week": QuantityRange(low=1, unit="hour")}, "range in 'session / week'"),
        ({"session_length": QuantityRange(low=1, unit="week")}, "range in 'hour'"),
        ({"session_length": 0}, "greater than 0"),
        ({"from_week": 5, "to_week": 2}, "to_week \\(2\\) must not be before from_week \\(5\\)"),
        ({"session_length": "two hours"}, "could not read 'two hours'"),
        ({"name": ""}, "at least 1 character"),
    ],
)
def test_bad_component_is_rejected(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ModalityComponent(**{"name": "part", **kwargs})


def test_component_reads_quantities() -> None:
    part = ModalityComponent(name="x", sessions_per_week="2 sessions/week", session_length="90 min")
    assert bounds(part.sessions_per_week) == (2.0, 2.0, "session / week")
    assert bounds(part.session_length) == (1.5, 1.5, "hour")


# -- JSON round-trips ----------------------------------------------------------------------------
_words = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20
).filter(lambda s: s.strip() != "")
_ids = st.sampled_from(sorted(SOURCES))
_positive = st.floats(min_value=0.01, max_value=500, allow_nan=False, allow_infinity=False)


@st.composite
def _ranges(draw: st.DrawFn, unit: str) -> QuantityRange:
    low = draw(_positive)
    high = draw(st.none() | st.floats(min_value=low, max_value=1000, allow_nan=False))
    return QuantityRange(low=low, high=high, unit=unit, approximate=draw(st.booleans()))  # type: ignore[arg-type]


@st.composite
def components(draw: st.DrawFn) -> ModalityComponent:
    start = draw(st.none() | st.integers(1, 52))
    end = None if start is None else draw(st.none() | st.integers(start, 104))
    return ModalityComponent(
        name=draw(_words),
        format=draw(st.none() | st.sampled_from(Format)),
        sessions=draw(st.none() | st.integers(1, 200)),
        sessions_per_week=draw(st.none() | _ranges("session / week")),
        session_length=draw(st.none() | _ranges("hour")),
        from_week=start,
        to_week=end,
        detail=draw(st.text(max_size=20)),
    )


@st.composite
def structures(draw: st.DrawFn) -> ModalityStructure:
    weeks_list = tuple(sorted(draw(st.sets(st.integers(1, 52), max_size=5))))
    use_range = draw(st.booleans())
    return ModalityStructure(
        sessions=len(weeks_list) if weeks_list else draw(st.none() | st.integers(1, 500)),
        sessions_per_week=draw(st.none() | _positive),
        session_length=draw(st.none() | _positive),
        hours_per_day=draw(st.none() | st.floats(min_value=0.01, max_value=24)),
        days_per_week=draw(st.none() | st.integers(1, 7)),
        weeks=None if use_range else draw(st.none() | st.floats(min_value=52, max_value=520)),
        duration=draw(_ranges("month")) if use_range else None,
        session_weeks=weeks_list,
        components=tuple(draw(st.lists(components(), max_size=3))),
        detail=draw(st.text(max_size=30)),
        approximate=draw(st.booleans()),
        sources=tuple(draw(st.lists(_ids, max_size=3))),
        verified=draw(st.booleans()),
        note=draw(st.text(max_size=20)),
    )


modalities = st.builds(
    Modality,
    code=st.from_regex(r"[a-z][a-z0-9_]{0,30}", fullmatch=True),
    name=_words,
    aliases=st.lists(_words, max_size=3).map(tuple),
    category=st.sampled_from(ModalityCategory),
    formats=st.lists(st.sampled_from(Format), max_size=3).map(tuple),
    targets=st.lists(_words, max_size=2).map(tuple),
    adjunct=st.booleans(),
    structure=st.none() | structures(),
    description=st.text(max_size=40),
    sources=st.lists(_ids, max_size=3).map(tuple),
    verified=st.booleans(),
    note=st.text(max_size=20),
)


@given(structures())
def test_structure_json_round_trip(structure: ModalityStructure) -> None:
    assert ModalityStructure.model_validate_json(structure.model_dump_json()) == structure


@given(modalities)
def test_modality_json_round_trip(m: Modality) -> None:
    assert Modality.model_validate_json(m.model_dump_json()) == m
    assert Modality.model_validate(m.model_dump()) == m


@pytest.mark.parametrize("m", BUILTIN_MODALITIES, ids=lambda m: m.code)
def test_builtin_json_round_trip(m: Modality) -> None:
    assert Modality.model_validate_json(m.model_dump_json()) == m


def test_json_schema_documents_units() -> None:
    schema = ModalityStructure.model_json_schema()
    assert schema["properties"]["hours_per_day"]["anyOf"][0]["x-unit"] == "hour / day"
    assert schema["properties"]["weeks"]["anyOf"][0]["x-unit"] == "week"
    assert schema["properties"]["sessions"]["anyOf"][0]["x-unit"] == "session"


def test_an_unverified_component_needs_a_note() -> None:
    with pytest.raises(ValidationError, match="an unverified component needs a note"):
        ModalityComponent(name="phase 2", verified=False)
    part = ModalityComponent(name="phase 2", verified=False, note="secondary", sources=("S1",))
    assert part.summary() == "phase 2 (unverified)"
    assert ModalityComponent.model_validate_json(part.model_dump_json()) == part
