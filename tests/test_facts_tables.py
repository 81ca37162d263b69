"""Tables of built-in facts no other test pinned, each row citing its source id.

The source ids are those of ``carecontinuum.SOURCES`` and the project's domain
notes; the citation-integrity checks over every record live in
``test_facts_audit.py``.
"""

from __future__ import annotations

from typing import Any

import pytest

import carecontinuum as cc

OP, IOP, PHP = "outpatient", "intensive_outpatient", "partial_hospitalization"
P, S, C = cc.Firmness.PRIMARY, cc.Firmness.SECONDARY, cc.Firmness.CONSISTENT
BUILTIN_RULE_SETS = ("asam3-adult", "asam3-adolescent", "medicare", "teds", "hcpcs-h0015")


# -- the intensity rule sets: every tier, its sources and firmness ------------------------------

# rule set, level, the tier's conditions, sources the tier cites, firmness (FACTS: "Intensity
# thresholds"); the source column is the tier's own citation
RULE_TIERS: list[tuple[str, str, str, tuple[str, ...], cc.Firmness]] = [
    ("asam3-adult", IOP, "≥ 9 h/week", ("ASAM3",), P),  # ASAM3: IOP floor P
    ("asam3-adult", PHP, "≥ 20 h/week", ("ASAM3",), S),  # ASAM3: PHP floor S
    ("asam3-adolescent", IOP, "≥ 6 h/week", ("ASAM3",), P),  # ASAM3 adolescent: P
    ("asam3-adolescent", PHP, "≥ 20 h/week", ("ASAM3",), S),  # ASAM3 adolescent: S
    ("medicare", IOP, "≥ 9 h/week", ("CMS-IOP",), P),  # CMS-IOP: certified need ≥ 9
    ("medicare", PHP, "≥ 20 h/week", ("CFR-PHP",), P),  # CFR-PHP: minimum of 20 h/week
    ("teds", IOP, "≥ 2 h/day on ≥ 3 days/week", ("TEDS",), P),  # TEDS definition of IOP
    ("hcpcs-h0015", IOP, "≥ 3 h/day on ≥ 3 days/week", ("HCPCS",), C),  # HCPCS H0015: C
]


@pytest.mark.parametrize(("rules", "level", "conditions", "sources", "firmness"), RULE_TIERS)
def test_rule_set_tier(
    rules: str, level: str, conditions: str, sources: tuple[str, ...], firmness: cc.Firmness
) -> None:
    tier = cc.rule_set(rules).tier(level)
    assert (tier.describe(), tier.sources, tier.firmness) == (conditions, sources, firmness)


def test_the_tier_table_is_complete() -> None:
    listed = {(rules, level) for rules, level, *_ in RULE_TIERS}
    actual = {(rs, t.level) for rs in BUILTIN_RULE_SETS for t in cc.rule_set(rs).tiers}
    assert actual == listed


# rule set, the level below its first tier (None: it defines none), source
BELOW = [
    ("asam3-adult", OP, "ASAM3"),  # outpatient < 9 h/week
    ("asam3-adolescent", OP, "ASAM3"),  # outpatient < 6 h/week
    ("medicare", None, "CMS-IOP"),  # no level below the IOP floor
    ("teds", OP, "TEDS"),  # SERVICES 7, non-intensive outpatient
    ("hcpcs-h0015", None, "HCPCS"),  # H0015 describes IOP only
]


@pytest.mark.parametrize(("rules", "below", "source"), BELOW)
def test_rule_set_level_below_its_floor(rules: str, below: str | None, source: str) -> None:
    rs = cc.rule_set(rules)
    assert rs.below == below
    assert source in rs.sources


def test_medicare_iop_ceiling_is_a_convention_not_regulation() -> None:
    # CMS-IOP / CFR-PHP: the ≤ 19 h/week IOP ceiling follows from PHP ≥ 20, not regulation text
    note = cc.rule_set("medicare").tier("IOP").note
    assert "≤ 19 h/week" in note
    assert "convention" in note
    assert "not regulation text" in note


# -- SAMHSA locator categories: the complete code lists [LOCATOR] -------------------------------

# enum, code, the library's label (the locator's wording), source
LOCATOR_CODES: list[tuple[type[Any], str, str, str]] = [
    (cc.Payment, "PI", "private health insurance", "LOCATOR"),
    (cc.Payment, "MD", "Medicaid", "LOCATOR"),
    (cc.Payment, "MC", "Medicare", "LOCATOR"),
    (cc.Payment, "MI", "military insurance (e.g. TRICARE)", "LOCATOR"),
    (cc.Payment, "ITU", "IHS/Tribal/Urban (ITU) funds", "LOCATOR"),
    (cc.Payment, "SS", "sliding fee scale", "LOCATOR"),
    (cc.Payment, "SF", "cash or self-payment", "LOCATOR"),
    (cc.Payment, "NP", "free or no-cost care", "LOCATOR"),
    (cc.Payment, "PA", "payment assistance available", "LOCATOR"),
    (cc.AgeGroup, "ADLT", "adults (18 and older)", "LOCATOR"),
    (cc.AgeGroup, "CHLD", "youth (under 18)", "LOCATOR"),
    (cc.SpecialGroup, "VET", "veterans", "LOCATOR"),
    (cc.SpecialGroup, "GL", "LGBT clients", "LOCATOR"),  # the locator says "LGBT"
    (cc.SpecialGroup, "AH", "deaf and hard of hearing clients", "LOCATOR"),
]


@pytest.mark.parametrize(("enum", "code", "label", "source"), LOCATOR_CODES)
def test_locator_code(enum: type[Any], code: str, label: str, source: str) -> None:
    assert enum(code).label == label


@pytest.mark.parametrize("enum", [cc.Payment, cc.AgeGroup, cc.SpecialGroup])
def test_locator_code_lists_are_complete(enum: type[Any]) -> None:
    assert {m.value for m in enum} == {code for e, code, _, _ in LOCATOR_CODES if e is enum}


# -- facts in prose: each must say what its source says -----------------------------------------

# what to look up, the field, words it must contain, source id the record must cite
PROSE_FACTS: list[tuple[str, str, str, str]] = [
    # TEDS SERVICES 4 and 5: *typically* 30 days or fewer / more than 30 days (corrections)
    ("teds:4", "description", "Typically 30 days or fewer", "TEDS"),
    ("teds:5", "description", "Typically more than 30 days", "TEDS"),
    ("teds:6", "description", "at least 2 hours a day on at least 3 days a week", "TEDS"),
    ("teds:6", "description", "no separate partial-hospitalization code", "TEDS"),
    (
        "continuum:partial_hospitalization",
        "description",
        "reports it as intensive outpatient",
        "TEDS",
    ),
    # N-SSATS counts day treatment and partial hospitalization together
    ("continuum:partial_hospitalization", "description", "day treatment", "NSSATS"),
    ("continuum:partial_hospitalization", "description", "less-than-24-hour", "HCPCS"),
    ("continuum:intensive_outpatient", "description", "mornings or evenings", "SEED"),
    ("continuum:outpatient", "description", "once (maybe twice) a week", "SEED"),
    ("continuum:outpatient", "description", "two months to one year", "LOCATOR"),
    # "a program site while a patient lives on their own" is the locator's wording, not the seed's
    (
        "continuum:outpatient",
        "description",
        "[SEED]; treatment at a program site while the person lives on their own",
        "LOCATOR",
    ),
    (
        "continuum:inpatient_acute",
        "description",
        "is substance-use detox and rehabilitation",
        "LOCATOR",
    ),
    ("continuum:residential", "description", "one month to one year", "LOCATOR"),
    ("continuum:inpatient_acute", "description", "days or weeks", "LOCATOR"),
    ("locus:4", "description", "adult partial hospitalization", "LOCUS"),
    # modality structures: the detail quotes the source's numbers
    ("modality:TSF", "structure.detail", "10 individual + 2 conjoint", "MATCH"),
    ("modality:TSF", "structure.detail", "12–15 sessions", "NREPP"),
    ("modality:TC", "structure.detail", "12 months or less", "NIDA"),
    ("modality:TC", "structure.detail", "at least 90 days", "NIDA"),
    ("modality:TMS", "structure.detail", "4–6 weeks, 20–30 sessions", "CTMSS"),
    # the prefrontal cortex comes from the consensus review, not the seed
    (
        "modality:TMS",
        "description",
        "prefrontal cortex, FDA-cleared for major depressive disorder [CTMSS]",
        "CTMSS",
    ),
    ("modality:TC", "structure.detail", "no predetermined length of stay", "NIDA"),
    ("modality:TC", "structure.detail", "the traditional stay was 18–24 months", "NIDA"),
    ("modality:esketamine", "structure.detail", "at least 2 hours after each dose", "SPRAVATO"),
    ("modality:esketamine", "structure.detail", "84 mg twice weekly for 4 weeks", "SPRAVATO"),
    ("modality:MI", "description", "kind, yet directive [SEED]", "SEED"),
    ("modality:MI", "note", "secondary description", "SEED"),
    ("locus:0", "description", "Basic Services for Prevention and Maintenance", "LOCUS"),
    ("asam3:1-OBOT", "description", "beside the opioid treatment program at level 1", "ASAM3"),
    ("modality:DBT", "structure.detail", "60-minute individual therapy", "DBT-BMC"),
    ("modality:CM", "structure.detail", "12 weeks", "PETRY2005"),
    ("modality:EMDR", "structure.detail", "8 phases", "EMDR-ICN"),
]


def _record(key: str) -> Any:
    kind, _, code = key.partition(":")
    return cc.modality(code) if kind == "modality" else cc.level(code, framework=kind)


@pytest.mark.parametrize(("key", "field", "words", "source"), PROSE_FACTS)
def test_prose_fact(key: str, field: str, words: str, source: str) -> None:
    record = _record(key)
    holder = record.structure if field.startswith("structure.") else record
    assert words in getattr(holder, field.rsplit(".", 1)[-1])
    assert source in holder.sources


# what must not be said any more, where: (what to look up, field, words, source of the rule)
RETRACTED: list[tuple[str, str, str, str]] = [
    # MI's dose is a secondary description, not the seed's
    ("modality:MI", "description", "no fixed dose", "SEED"),
    # the outpatient's program site is the locator's wording: not tagged [SEED]
    ("continuum:outpatient", "description", "program site while the person lives at home", "SEED"),
    ("modality:TMS", "description", "prefrontal cortex, offered by some programs", "SEED"),
    # the seed names ketamine infusions, not esketamine
    ("modality:esketamine", "description", "ketamine/esketamine", "SEED"),
    ("continuum:residential", "description", "crisis has passed", "SEED"),
]


@pytest.mark.parametrize(("key", "field", "words", "source"), RETRACTED)
def test_retracted_wording_stays_gone(key: str, field: str, words: str, source: str) -> None:
    assert words not in getattr(_record(key), field)


def test_teds_residential_stays_are_not_called_planned() -> None:
    # TEDS names the codes by stay length only; it does not say the stay is planned
    for code in ("4", "5"):
        assert "planned" not in cc.level(code, framework="teds").description.lower()
    walk = cc.crosswalk("teds", "continuum")
    assert not any("planned" in m.lost for m in walk.mappings)


def test_asam4_level_4_mapping_cites_the_seed_it_quotes() -> None:
    # the mapping's 'lost' text quotes the seed's crisis care [SEED]
    (m,) = cc.crosswalk("asam4", "continuum").map("4")
    assert m.target == "inpatient_acute"
    assert "[SEED]" in m.lost
    assert set(m.sources) == {"ASAM4", "SEED"}


# -- TEDS labels: the codebooks' exact wording [TEDS-D-CB] ---------------------------------------

# SERVICES / SERVICES_D code, the 2015–2019 codebooks' label (value tables in shared/domain/teds)
TEDS_SETTINGS = [
    ("1", "Detox, 24-hour, hospital inpatient"),
    ("2", "Detox, 24-hour, free-standing residential"),
    ("3", "Rehab/residential, hospital (non-detox)"),
    ("4", "Rehab/residential, short term (30 days or fewer)"),
    ("5", "Rehab/residential, long term (more than 30 days)"),
    ("6", "Ambulatory, intensive outpatient"),
    ("7", "Ambulatory, non-intensive outpatient"),
    ("8", "Ambulatory, detoxification"),
]


@pytest.mark.parametrize(("code", "label"), TEDS_SETTINGS)
def test_teds_setting_labels_are_the_codebooks(code: str, label: str) -> None:  # TEDS-D-CB
    lv = cc.level(code, framework="teds")
    assert lv.name == label
    assert "TEDS-D-CB" in lv.sources


def test_continuum_teds_codes_show_the_codebook_label() -> None:  # TEDS-D-CB
    labels = dict(TEDS_SETTINGS)
    shown = [c for lv in cc.default_continuum() for c in lv.codes_in("teds")]
    assert shown
    for c in shown:
        assert c.display == labels[c.code], c
        assert "TEDS-D-CB" in c.sources
