"""Lookups understand the words people write — and still refuse what they should.

Each row is a phrase as it is written somewhere real, with that place's source
id: the seed article (``SEED``; its machine-paraphrased copy's words such as
"remedy" for therapy are part of its text), the SAMHSA locator (``LOCATOR``), the
TEDS codebooks (``TEDS``), HCPCS descriptors (``HCPCS``), the ASAM and LOCUS
level names (``ASAM3``, ``ASAM4``, ``LOCUS``), Medicare (``CMS-IOP``, ``MLN``),
N-SSATS (``NSSATS``), the modality manuals (``MATCH``, ``NIDA``, ...).  A
``SPELLING`` note marks a British spelling or a plural of a sourced phrase.
Negatives (names of other services, therapies outside the catalog) are tested
as carefully as the positives.
"""

from __future__ import annotations

import pytest

import carecontinuum as cc
from carecontinuum.errors import (
    AmbiguousLevelError,
    NotInContinuumError,
    UnknownLevelError,
    UnknownModalityError,
)
from carecontinuum.levels import level_match
from carecontinuum.modalities import AmbiguousModalityError, modality_group

OP, IOP, PHP, RES, ACUTE = (
    "outpatient",
    "intensive_outpatient",
    "partial_hospitalization",
    "residential",
    "inpatient_acute",
)
EXACT, APPROX = "exact", "approximate"

# phrase, continuum level, match kind, where the phrase comes from
LEVEL_PHRASES: list[tuple[str, str, str, str]] = [
    # the seed's own names, exactly as its copy writes them
    ("Intensive Outpatient Program (IOP)", IOP, EXACT, "SEED"),
    ("intensive outpatient program", IOP, EXACT, "SEED"),
    ("IOP", IOP, EXACT, "SEED"),
    ("IOPs", IOP, EXACT, "SEED"),
    ("IOP program", IOP, EXACT, "SEED"),
    ("Intensive Outpatient Applications", IOP, EXACT, "SEED"),
    ("intensive outpatient applications", IOP, EXACT, "SEED"),
    ("Outpatient remedy", OP, EXACT, "SEED"),
    ("conventional outpatient remedy", OP, EXACT, "SEED"),
    ("common outpatient remedy", OP, EXACT, "SEED"),
    ("Partial Hospitalization Program (PHP)", PHP, EXACT, "SEED"),
    ("partial hospitalization program", PHP, EXACT, "SEED"),
    ("PHP", PHP, EXACT, "SEED"),
    ("Inpatient Acute Care", ACUTE, EXACT, "SEED"),
    ("inpatient acute care", ACUTE, EXACT, "SEED"),
    ("psychiatric hospital", ACUTE, EXACT, "SEED"),
    ("Inpatient Residential", RES, EXACT, "SEED"),
    ("inpatient residential therapy facility", RES, EXACT, "SEED"),
    ("inpatient residential", RES, EXACT, "SEED"),
    # mixes of care / program / treatment / therapy / services and plurals
    ("intensive outpatient treatment", IOP, EXACT, "TIP47"),
    ("intensive outpatient services", IOP, EXACT, "CMS-IOP"),
    ("intensive outpatient care", IOP, EXACT, "SEED"),
    ("intensive outpatient programs", IOP, EXACT, "SEED"),
    ("intensive outpatient level of care", IOP, EXACT, "TIP47"),
    ("partial hospitalization services", PHP, EXACT, "CFR-PHP"),
    ("partial hospitalization programs", PHP, EXACT, "SEED"),
    ("partial hospital program", PHP, EXACT, "NSSATS"),
    ("partial hospitalisation programme", PHP, EXACT, "SPELLING"),
    ("day treatment", PHP, EXACT, "NSSATS"),
    ("day treatment program", PHP, EXACT, "NSSATS"),
    ("outpatient treatment", OP, EXACT, "LOCATOR"),
    ("outpatient services", OP, EXACT, "ASAM3"),
    ("outpatient therapy", OP, EXACT, "ASAM4"),
    ("outpatient care", OP, EXACT, "LOCATOR"),
    ("non-intensive outpatient", OP, EXACT, "TEDS"),
    ("residential treatment", RES, EXACT, "LOCATOR"),
    ("residential treatment program", RES, EXACT, "LOCATOR"),
    ("residential care", RES, EXACT, "LOCATOR"),
    ("residential services", RES, EXACT, "ASAM3"),
    ("residential rehab", RES, EXACT, "TEDS"),
    ("acute inpatient care", ACUTE, EXACT, "SEED"),
    ("acute psychiatric inpatient", ACUTE, EXACT, "SEED"),
    # the locator's category labels and codes (its SET codes map only approximately unless exact)
    ("Regular outpatient treatment", OP, EXACT, "LOCATOR"),
    ("regular outpatient treatment program", OP, EXACT, "LOCATOR"),
    ("ORT", OP, EXACT, "LOCATOR"),
    ("Intensive outpatient treatment", IOP, EXACT, "LOCATOR"),
    ("OIT", IOP, EXACT, "LOCATOR"),
    ("Outpatient day treatment or partial hospitalization", PHP, APPROX, "LOCATOR"),
    ("ODT", PHP, APPROX, "LOCATOR"),
    ("Residential", RES, EXACT, "LOCATOR"),
    ("RES", RES, EXACT, "LOCATOR"),
    ("Short-term residential", RES, APPROX, "LOCATOR"),
    ("Long-term residential", RES, APPROX, "LOCATOR"),
    ("RS", RES, APPROX, "LOCATOR"),
    ("RL", RES, APPROX, "LOCATOR"),
    ("Hospital inpatient", ACUTE, APPROX, "LOCATOR"),
    ("HI", ACUTE, APPROX, "LOCATOR"),
    ("Hospital inpatient treatment", ACUTE, APPROX, "LOCATOR"),
    ("HIT", ACUTE, APPROX, "LOCATOR"),
    ("OMB", OP, APPROX, "LOCATOR"),
    # TEDS service-setting labels, from the codebook
    ("Ambulatory, non-intensive outpatient", OP, EXACT, "TEDS"),
    ("Ambulatory, intensive outpatient", IOP, APPROX, "TEDS"),
    ("Rehab/residential, short term (30 days or fewer)", RES, APPROX, "TEDS"),
    ("Rehab/residential, long term (more than 30 days)", RES, APPROX, "TEDS"),
    ("Rehab/residential, hospital (non-detox)", ACUTE, APPROX, "TEDS"),
    ("TEDS 6", IOP, APPROX, "TEDS"),
    ("TEDS 7", OP, EXACT, "TEDS"),
    ("TEDS 3", ACUTE, APPROX, "TEDS"),
    ("TEDS 4", RES, APPROX, "TEDS"),
    # HCPCS descriptors and codes
    ("Alcohol and/or drug services; intensive outpatient", IOP, APPROX, "HCPCS"),
    ("H0015", IOP, APPROX, "HCPCS"),
    ("Intensive outpatient psychiatric services, per diem", IOP, APPROX, "HCPCS"),
    ("S9480", IOP, APPROX, "HCPCS"),
    ("Mental health partial hospitalization, treatment, less than 24 hours", PHP, APPROX, "HCPCS"),
    ("H0035", PHP, APPROX, "HCPCS"),
    ("Partial hospitalization services, less than 24 hours, per diem", PHP, EXACT, "HCPCS"),
    ("S0201", PHP, EXACT, "HCPCS"),
    # ASAM numbers as people write them
    ("ASAM 3.7", RES, APPROX, "ASAM3"),
    ("ASAM level 3.1", RES, APPROX, "ASAM3"),
    ("ASAM Level 3.5", RES, APPROX, "ASAM3"),
    ("ASAM 3.3", RES, APPROX, "ASAM3"),
    ("ASAM 2.1", IOP, EXACT, "ASAM3"),
    ("ASAM level 2.1", IOP, EXACT, "ASAM3"),
    ("ASAM 2.5", PHP, EXACT, "ASAM3"),
    ("ASAM 1", OP, EXACT, "ASAM3"),
    ("ASAM level 1", OP, EXACT, "ASAM3"),
    ("ASAM 4", ACUTE, APPROX, "ASAM3"),
    ("ASAM 0.5", OP, APPROX, "ASAM3"),
    ("level 1", OP, EXACT, "ASAM3"),
    ("Level 2.1", IOP, EXACT, "ASAM3"),
    ("level 2.5", PHP, EXACT, "ASAM3"),
    ("level 3.5", RES, APPROX, "ASAM3"),
    ("level 4", ACUTE, APPROX, "ASAM3"),
    ("ASAM 4th edition 2.5", PHP, APPROX, "ASAM4"),
    ("ASAM4 1.5", OP, EXACT, "ASAM4"),
    ("ASAM 2.7", IOP, APPROX, "ASAM4"),
    ("ASAM 1.7", OP, APPROX, "ASAM4"),
    ("ASAM 3rd edition 3.7", RES, APPROX, "ASAM3"),
    # ASAM level names, 3rd and 4th edition
    ("Outpatient Services", OP, EXACT, "ASAM3"),
    ("Intensive Outpatient Services", IOP, EXACT, "ASAM3"),
    ("Partial Hospitalization Services", PHP, EXACT, "ASAM3"),
    ("Early Intervention", OP, APPROX, "ASAM3"),
    ("Clinically Managed Low-Intensity Residential Services", RES, APPROX, "ASAM3"),
    ("Clinically Managed High-Intensity Residential Services", RES, APPROX, "ASAM3"),
    ("Clinically Managed Medium-Intensity Residential Services", RES, APPROX, "ASAM3"),
    (
        "Clinically Managed Population-Specific High-Intensity Residential Services",
        RES,
        APPROX,
        "ASAM3",
    ),
    ("Medically Monitored Intensive Inpatient Services", RES, APPROX, "ASAM3"),
    ("Medically Monitored High-Intensity Inpatient Services", RES, APPROX, "ASAM3"),
    ("Medically Managed Intensive Inpatient Services", ACUTE, APPROX, "ASAM3"),
    ("Opioid Treatment Program", OP, APPROX, "ASAM3"),
    ("Office-Based Opioid Treatment", OP, APPROX, "ASAM3"),
    ("Long-Term Remission Monitoring", OP, APPROX, "ASAM4"),
    ("Medically Managed Outpatient", OP, APPROX, "ASAM4"),
    ("High-Intensity Outpatient", PHP, APPROX, "ASAM4"),
    ("Medically Managed Intensive Outpatient", IOP, APPROX, "ASAM4"),
    ("Medically Managed Residential", RES, APPROX, "ASAM4"),
    ("Medically Managed Inpatient", ACUTE, APPROX, "ASAM4"),
    # LOCUS levels
    ("LOCUS 4", PHP, APPROX, "LOCUS"),
    ("LOCUS level 3", IOP, APPROX, "LOCUS"),
    ("LOCUS 1", OP, APPROX, "LOCUS"),
    ("LOCUS 5", RES, APPROX, "LOCUS"),
    ("LOCUS 6", ACUTE, APPROX, "LOCUS"),
    ("Recovery Maintenance and Health Management", OP, APPROX, "LOCUS"),
    ("Low Intensity Community Based Services", OP, APPROX, "LOCUS"),
    ("High Intensity Community Based Services", IOP, APPROX, "LOCUS"),
    ("Medically Monitored Non-Residential Services", PHP, APPROX, "LOCUS"),
    ("Medically Monitored Residential Services", RES, APPROX, "LOCUS"),
    ("Medically Managed Residential Services", ACUTE, APPROX, "LOCUS"),
]

# phrase, the error it raises, what the message must say, where the phrase comes from
LEVEL_REFUSALS: list[tuple[str, type[Exception], str, str]] = [
    # withdrawal management is not a level: the message says where it lives
    ("detox", NotInContinuumError, "ASAM 3rd-edition levels 1-WM", "LOCATOR"),
    ("Detoxification", NotInContinuumError, "TEDS service settings 1, 2 and 8", "LOCATOR"),
    ("withdrawal management", NotInContinuumError, "1-WM, 2-WM, 3.2-WM", "ASAM3"),
    ("Medically Monitored Inpatient Withdrawal Management", NotInContinuumError, "TEDS", "ASAM3"),
    ("ASAM 3.7-WM", NotInContinuumError, "withdrawal management", "ASAM3"),
    ("level 2-WM", NotInContinuumError, "withdrawal management", "ASAM3"),
    ("Detox, 24-hour, hospital inpatient", NotInContinuumError, "TEDS", "TEDS"),
    ("Detox, 24-hour, free-standing residential", NotInContinuumError, "TEDS", "TEDS"),
    ("Ambulatory, detoxification", NotInContinuumError, "withdrawal management", "TEDS"),
    ("TEDS 8", NotInContinuumError, "withdrawal management", "TEDS"),
    ("medical detox program", NotInContinuumError, "withdrawal management", "LOCATOR"),
    # a framework level with no counterpart
    ("LOCUS 0", NotInContinuumError, "no counterpart", "LOCUS"),
    (
        "Basic Services for Prevention and Maintenance",
        NotInContinuumError,
        "no counterpart",
        "LOCUS",
    ),
    # names that fit several levels: never a silent pick
    ("ambulatory", AmbiguousLevelError, "'outpatient', 'intensive_outpatient'", "FHIR"),
    ("1", UnknownLevelError, "unknown care level", "ASAM3"),
    # other health services and made-up levels: unknown, with suggestions where close
    ("emergency department", UnknownLevelError, "unknown care level", "FHIR"),
    ("emergency care", UnknownLevelError, "unknown care level", "FHIR"),
    ("primary care", UnknownLevelError, "unknown care level", "SEED"),
    ("urgent care", UnknownLevelError, "unknown care level", "FHIR"),
    ("home health", UnknownLevelError, "unknown care level", "FHIR"),
    ("telemedicine", UnknownLevelError, "unknown care level", "LOCATOR"),
    ("Transitional housing, halfway house, or sober home", UnknownLevelError, "unknown", "LOCATOR"),
    ("sober living", UnknownLevelError, "unknown", "LOCATOR"),
    ("interim care", UnknownLevelError, "unknown", "LOCATOR"),
    ("hospice", UnknownLevelError, "unknown", "FHIR"),
    ("ASAM 5", UnknownLevelError, "unknown care level", "ASAM3"),
    ("LOCUS 7", UnknownLevelError, "unknown care level", "LOCUS"),
    ("level 9", UnknownLevelError, "unknown care level", "ASAM3"),
    ("intensive outpatent", UnknownLevelError, "did you mean 'intensive_outpatient'", "SEED"),
    ("partial hospitalisaton", UnknownLevelError, "did you mean 'partial_hospitalization'", "SEED"),
    ("residentail", UnknownLevelError, "did you mean 'residential'", "SEED"),
]


@pytest.mark.parametrize(("phrase", "code", "match", "source"), LEVEL_PHRASES)
def test_level_phrases_resolve_with_the_match_kind_their_crosswalk_gives(
    phrase: str, code: str, match: str, source: str
) -> None:
    assert source in cc.SOURCES or source == "SPELLING"
    found = level_match(phrase)
    assert found.level.code == code
    assert found.match.value == match
    assert cc.level(phrase).code == code


@pytest.mark.parametrize(("phrase", "error", "says", "source"), LEVEL_REFUSALS)
def test_level_phrases_that_must_not_resolve_fail_clearly(
    phrase: str, error: type[Exception], says: str, source: str
) -> None:
    assert source in cc.SOURCES
    with pytest.raises(error, match=says.replace("(", r"\(").replace(")", r"\)")):
        level_match(phrase)
    with pytest.raises(error):
        cc.level(phrase)
    with pytest.raises(UnknownLevelError):  # every refusal is a lookup error
        cc.level(phrase)


# phrase, modality code, where the phrase comes from
MODALITY_PHRASES: list[tuple[str, str, str]] = [
    # the seed's headings and phrases, as its copy writes them
    ("12-Step Facilitation", "twelve_step_facilitation", "SEED"),
    ("12-step model", "twelve_step_facilitation", "SEED"),
    ("Cognitive Behavioral Remedy", "cognitive_behavioral_therapy", "SEED"),
    ("Cognitive behavioral remedy (CBT)", "cognitive_behavioral_therapy", "SEED"),
    ("CBT", "cognitive_behavioral_therapy", "SEED"),
    ("motivational interviewing", "motivational_interviewing", "SEED"),
    ("motivational enhancement remedy", "motivational_enhancement_therapy", "SEED"),
    ("Therapeutic Neighborhood", "therapeutic_community", "SEED"),
    ("therapeutic neighborhood", "therapeutic_community", "SEED"),
    ("Matrix Mannequin", "matrix_model", "SEED"),
    ("Transcranial Magnetic Stimulation", "tms", "SEED"),
    ("ketamine infusions", "ketamine", "SEED"),
    ("EMDR", "emdr", "SEED"),
    ("equine remedy", "equine_therapy", "SEED"),
    ("yoga remedy", "yoga_therapy", "SEED"),
    # the original article's wording of the same names
    ("Cognitive Behavioral Therapy", "cognitive_behavioral_therapy", "SEED"),
    ("Motivational Enhancement Therapy", "motivational_enhancement_therapy", "MATCH"),
    ("Motivational enhancement therapy (MET)", "motivational_enhancement_therapy", "MATCH"),
    ("MET", "motivational_enhancement_therapy", "MATCH"),
    ("Motivational Interviewing (MI)", "motivational_interviewing", "SEED"),
    ("Therapeutic Community", "therapeutic_community", "NIDA"),
    ("therapeutic communities", "therapeutic_community", "NIDA"),
    ("Matrix Model", "matrix_model", "CEBC"),
    ("Matrix", "matrix_model", "CEBC"),
    ("equine therapy", "equine_therapy", "SEED"),
    ("yoga therapy", "yoga_therapy", "SEED"),
    ("Twelve-Step Facilitation (TSF)", "twelve_step_facilitation", "MATCH"),
    ("Twelve Step Facilitation", "twelve_step_facilitation", "MATCH"),
    ("TSF", "twelve_step_facilitation", "MATCH"),
    ("12-step facilitation therapy", "twelve_step_facilitation", "MATCH"),
    ("cognitive-behavioral coping skills therapy", "cognitive_behavioral_therapy", "MATCH"),
    ("Community Reinforcement Approach", "community_reinforcement_approach", "NIDA"),
    ("CRA + vouchers", "community_reinforcement_approach", "NIDA"),
    ("contingency management", "contingency_management", "PETRY2005"),
    ("contingency management approaches", "contingency_management", "SEED"),
    ("prize-based contingency management", "contingency_management", "PETRY2005"),
    ("Dialectical Behavior Therapy", "dialectical_behavior_therapy", "DBT-BMC"),
    ("DBT", "dialectical_behavior_therapy", "DBT-BMC"),
    ("rTMS", "tms", "CTMSS"),
    ("TMS therapy", "tms", "CTMSS"),
    ("Spravato", "esketamine", "SPRAVATO"),
    ("esketamine nasal spray", "esketamine", "SPRAVATO"),
    ("Eye Movement Desensitization and Reprocessing", "emdr", "EMDR-ICN"),
    ("EMDR therapy", "emdr", "EMDR-ICN"),
    ("medication management", "medication_management", "SEED"),
    ("medication management and evaluation", "medication_management", "SEED"),
    ("group therapy", "group_counseling", "SEED"),
    ("individual therapy", "individual_counseling", "SEED"),
    ("relapse prevention", "relapse_prevention", "MATRIX2000"),
    ("family therapy", "family_therapy", "MATRIX2000"),
    # British spellings and plurals of sourced names
    ("cognitive behavioural therapy", "cognitive_behavioral_therapy", "SPELLING"),
    ("Dialectical behaviour therapy", "dialectical_behavior_therapy", "SPELLING"),
    ("family counselling", "family_therapy", "SPELLING"),
    ("group counselling", "group_counseling", "SPELLING"),
    ("relapse prevention groups", "relapse_prevention", "SPELLING"),
]

# phrase, the error, what the message must say, where the phrase comes from
MODALITY_REFUSALS: list[tuple[str, type[Exception], str, str]] = [
    # headings that cover several modalities: the error lists every member
    (
        "Motivational Approaches",
        AmbiguousModalityError,
        "'motivational_interviewing', 'motivational_enhancement_therapy'",
        "SEED",
    ),
    ("motivational approaches", AmbiguousModalityError, "motivational_enhancement_therapy", "SEED"),
    (
        "Neighborhood Reinforcement and Contingency Administration Approaches",
        AmbiguousModalityError,
        "'community_reinforcement_approach', 'contingency_management'",
        "SEED",
    ),
    (
        "Community Reinforcement and Contingency Management Approaches",
        AmbiguousModalityError,
        "contingency_management",
        "SEED",
    ),
    # therapies outside the catalog, and generic words: unknown, never a guess
    ("acceptance and commitment therapy", UnknownModalityError, "unknown modality", "SEED"),
    ("art therapy", UnknownModalityError, "unknown modality", "SEED"),
    ("psychoanalysis", UnknownModalityError, "unknown modality", "SEED"),
    ("hypnotherapy", UnknownModalityError, "unknown modality", "SEED"),
    ("electroconvulsive therapy", UnknownModalityError, "unknown modality", "SEED"),
    ("group", UnknownModalityError, "unknown modality", "SEED"),
    ("family", UnknownModalityError, "unknown modality", "SEED"),
    ("therapy", UnknownModalityError, "unknown modality", "SEED"),
    ("behavioral therapy", UnknownModalityError, "unknown modality", "SEED"),
    ("esketamin", UnknownModalityError, "did you mean 'esketamine'", "SPRAVATO"),
    ("cognitve behavioral therapy", UnknownModalityError, "did you mean", "SEED"),
]


@pytest.mark.parametrize(("phrase", "code", "source"), MODALITY_PHRASES)
def test_modality_phrases_resolve(phrase: str, code: str, source: str) -> None:
    assert source in cc.SOURCES or source == "SPELLING"
    assert cc.modality(phrase).code == code


@pytest.mark.parametrize(("phrase", "error", "says", "source"), MODALITY_REFUSALS)
def test_modality_phrases_that_must_not_resolve_fail_clearly(
    phrase: str, error: type[Exception], says: str, source: str
) -> None:
    assert source in cc.SOURCES
    with pytest.raises(error, match=says):
        cc.modality(phrase)
    with pytest.raises(UnknownModalityError):
        cc.modality(phrase)


def test_a_heading_resolves_through_its_group() -> None:
    members = modality_group("Motivational Approaches")
    assert [m.code for m in members] == [
        "motivational_interviewing",
        "motivational_enhancement_therapy",
    ]
    assert [m.code for m in modality_group("CBT")] == ["cognitive_behavioral_therapy"]


def test_the_table_is_big_enough_and_every_row_is_distinct() -> None:
    rows = (
        [p for p, *_ in LEVEL_PHRASES]
        + [p for p, *_ in LEVEL_REFUSALS]
        + [p for p, *_ in MODALITY_PHRASES]
        + [p for p, *_ in MODALITY_REFUSALS]
    )
    assert len(rows) >= 150
    assert len(set(LEVEL_PHRASES)) == len(LEVEL_PHRASES)
    assert len({p for p, *_ in MODALITY_PHRASES}) == len(MODALITY_PHRASES)
