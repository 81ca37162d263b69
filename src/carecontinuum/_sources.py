"""The sources behind every built-in fact, by id.

Catalog records cite these ids in their ``sources`` field; the docs render
this table as the sources page.  Ids and citations come from the project's
domain notes (shared/domain/FACTS.md).

Examples
--------
>>> from carecontinuum import source
>>> source("CFR-PHP").citation[:54]
'42 CFR 410.43(c)(1) — Medicare partial hospitalization'
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .errors import UnknownSourceError

__all__ = ["SOURCES", "Firmness", "Source", "UnknownSourceError", "source"]


class Firmness(StrEnum):
    """How firm the source of a fact is (the project's domain notes).

    Examples
    --------
    >>> Firmness("S").name
    'SECONDARY'
    """

    PRIMARY = "P"
    """Primary text or official summary seen."""
    SECONDARY = "S"
    """Secondary: training material, vendor or state site."""
    CONSISTENT = "C"
    """Consistent across several public code repositories that copied the code book."""
    UNVERIFIED = "U"
    """Not verified: shown to users as such."""


@dataclass(frozen=True, slots=True)
class Source:
    """A cited source: a short id and its full citation."""

    id: str
    citation: str


#: Every cited source by id; catalog records name these ids in their ``sources``.
SOURCES: dict[str, Source] = {
    s.id: s
    for s in (
        Source(
            "SEED",
            '"How an Intensive Outpatient Program (IOP) Works" (Verywell Mind, '
            "T. Blanchfield): the project's founding text",
        ),
        Source(
            "ASAM3",
            "Mee-Lee D. et al., The ASAM Criteria, 3rd ed., 2013 (level numbers, "
            "names and hour floors as quoted by SAMHSA and state glossaries)",
        ),
        Source(
            "ASAM4",
            "The ASAM Criteria, 4th ed., 2023, Vol. 1 ch. 10 (as encoded consistently "
            "in public repositories; UCLA ISAP Level of Care Assessment Guide v4.1, 2025)",
        ),
        Source(
            "TIP47",
            "SAMHSA TIP 47, Substance Abuse: Clinical Issues in Intensive Outpatient "
            "Treatment (2006), and the 2021 SAMHSA Advisory based on it",
        ),
        Source(
            "CFR-PHP",
            '42 CFR 410.43(c)(1) — Medicare partial hospitalization, "minimum of 20 '
            'hours per week of therapeutic services"',
        ),
        Source(
            "CMS-IOP",
            "CY2024 OPPS final rule (CMS-1786-FC) and CMS fact sheet — Medicare IOP "
            "benefit from 2024-01-01 (CAA 2023 §4124)",
        ),
        Source(
            "TEDS",
            "SAMHSA Treatment Episode Data Set codebooks (TEDS-A/TEDS-D): SERVICES, "
            "SERVICES_D, REASON, LOS",
        ),
        Source(
            "TEDS-D-CB",
            "SAMHSA, Treatment Episode Data Set – Discharges (TEDS-D) public-use file codebooks "
            "2015–2019 (DS0001 info codebooks: variable list, value labels, frequencies); value "
            "tables as parsed from the PDFs in kabellhart/teds-processing (CC0) @ e53f31e",
        ),
        Source(
            "LOCUS",
            "AACP, Level of Care Utilization System, Adult Version 20 (2016); "
            "Minnesota DHS MHIS manual",
        ),
        Source("HCPCS", "CMS HCPCS Level II code set"),
        Source(
            "FHIR", "HL7 FHIR R4/R5 (EpisodeOfCare, Encounter, CarePlan); v3 ActCode code system"
        ),
        Source("NSSATS", "SAMHSA N-SSATS 2011 Table 4.16b; N-SSATS 2019 Table 2.1"),
        Source(
            "LOCATOR",
            "SAMHSA's behavioral health treatment services locator (public source code, CC0)",
        ),
        Source(
            "GRS80",
            "Moritz H., Geodetic Reference System 1980, Journal of Geodesy 2000;74(1):128–133 "
            "(mean radius of the ellipsoid R1 = (2a + b)/3 = 6 371 008.7714 m)",
        ),
        Source(
            "NIST-SP811",
            "NIST Special Publication 811, Guide for the Use of the International System of "
            "Units (SI), 2008, Appendix B: 1 mile (international) = 1.609344 km exactly",
        ),
        Source("MATCH", "NIAAA Project MATCH Monograph Series vol. 1–3 (TSF, MET, CBT manuals)"),
        Source(
            "NIDA",
            "NIDA research reports and archived manuals (CRA + vouchers; Therapeutic Communities)",
        ),
        Source(
            "CEBC",
            "California Evidence-Based Clearinghouse for Child Welfare, Matrix Model program entry",
        ),
        Source(
            "NREPP",
            "SAMHSA National Registry of Evidence-based Programs and Practices (archived), "
            "intervention summary: Twelve Step Facilitation Therapy",
        ),
        Source(
            "MATRIX2000",
            "Obert J.L. et al., The Matrix model of outpatient stimulant abuse treatment: history "
            "and description, J Psychoactive Drugs 2000;32(2):157–164",
        ),
        Source(
            "PETRY2005",
            "Petry N.M. et al., Effect of prize-based incentives on outcomes in stimulant abusers "
            "in outpatient psychosocial treatment programs (NIDA CTN-0006), Arch Gen Psychiatry "
            "2005;62:1148–1156",
        ),
        Source(
            "DBT-BMC",
            "Dialectical behaviour therapy for treating adults and adolescents with emotional and "
            "behavioural dysregulation: study protocol of a coordinated implementation in a "
            "publicly funded health service, BMC Psychiatry 2018 (doi:10.1186/s12888-018-1627-9), "
            "Table 1: modes and functions of standard DBT for adults",
        ),
        Source(
            "CTMSS",
            "Perera T. et al., The Clinical TMS Society Consensus Review and Treatment "
            "Recommendations for TMS Therapy for Major Depressive Disorder, Brain Stimul "
            "2016;9(3):336–346",
        ),
        Source(
            "SPRAVATO",
            "SPRAVATO (esketamine) nasal spray, US prescribing information and HCP site: dosage "
            "and administration for treatment-resistant depression (induction and maintenance "
            "phases) and for major depressive disorder with acute suicidal ideation or "
            "behavior; post-dose monitoring",
        ),
        Source(
            "EMDR-ICN",
            "Gainer D. et al., A Flash of Hope: Eye Movement Desensitization and Reprocessing "
            "(EMDR) Therapy, Innov Clin Neurosci 2020;17(7–9):12–20",
        ),
        Source(
            "NC-WM",
            "NC Medicaid, clinical coverage policy updates for the 1115 Substance Use Disorder "
            "waiver demonstration (2024-02-16, medicaid.ncdhhs.gov/blog/2024/02/16/clinical-"
            "coverage-policy-updates-1115-substance-use-disorder-waiver-demonstration): CCP 8A-7 "
            "and 8A-8 name the ASAM Criteria 3rd ed. levels 1-WM and 2-WM",
        ),
        Source(
            "OAR-WM",
            "Oregon Administrative Rules 415-050-0110, -0160 and -0165 (chapter 415 division 50, "
            "standards for alcohol detoxification centers): ASAM levels of care 3.2-WM and "
            "3.7-WM, by name",
        ),
        Source(
            "MLN",
            "CMS Medicare Learning Network articles on intensive outpatient and partial "
            "hospitalization claims (e.g. MLN MM13222: condition codes 92 and 41, overlap edits)",
        ),
        Source(
            "TEDS-D-CB",
            "SAMHSA, Treatment Episode Data Set: Discharges (TEDS-D) public-use-file codebooks "
            "2015–2019, value tables (as parsed in the CC0 repository kabellhart/teds-processing)",
        ),
        Source(
            "MATRIX-SMA",
            "SAMHSA/CSAT, Counselor's Treatment Manual: Matrix Intensive Outpatient Treatment for "
            "People With Stimulant Use Disorders, DHHS Publication No. (SMA) 06-4152, 2006 (phase "
            "lengths as summarized by secondary sources; the manual was not re-read)",
        ),
        Source(
            "BUDNEY1998",
            "Budney A.J., Higgins S.T., A Community Reinforcement Plus Vouchers Approach: Treating "
            "Cocaine Addiction, NIDA Therapy Manuals for Drug Addiction, Manual 2, NIH Publication "
            "No. 98-4309, 1998 (phase frequencies as summarized by secondary sources)",
        ),
        Source(
            "LOCUS-GPS",
            "A psychiatric practice's web page on level-of-care assessment (gatewaypsychiatric.com"
            "/treatment-resources-health-info/level-of-care-assessment): LOCUS levels 2–6 "
            "glossed as office outpatient, intensive outpatient, partial hospitalization, crisis "
            "or high-intensity residential, and inpatient-unit care (secondary; it calls level 6 "
            '"Medically Supervised Residential Services")',
        ),
        Source(
            "BHA-IG",
            "Colorado Behavioral Health Administration, Colorado BHA FHIR Implementation Guide "
            "(continuous build 0.1.0–0.2.0, build.fhir.org/ig/CoBHA/CoBHRM-FHIR-IG): CodeSystem "
            "http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-asam-level-of-care-cs, the "
            "state's own namespace for ASAM level codes",
        ),
        Source(
            "IAR-HCPD",
            "Australian Digital Health Agency, Health Connect Australia Provider Directory FHIR "
            "Implementation Guide (v26.0.0): extension http://digitalhealth.gov.au/fhir/cc/"
            "StructureDefinition/iar-levels-of-care on HealthcareService, coding the National "
            "Initial Assessment and Referral (IAR) levels of care in the agency's own code system",
        ),
        Source(
            "BCP47",
            "IETF BCP 47 (RFC 5646), Tags for Identifying Languages, and the IANA Language "
            "Subtag Registry (primary language subtags)",
        ),
    )
}


def source(source_id: str) -> Source:
    """Return the :class:`Source` with this id.

    Parameters
    ----------
    source_id:
        A source id such as ``"ASAM3"`` (exact).

    Returns
    -------
    Source
        The source and its citation.

    Raises
    ------
    carecontinuum.UnknownSourceError
        For an id that is not in :data:`SOURCES`.
    """
    try:
        return SOURCES[source_id]
    except (KeyError, TypeError):
        raise UnknownSourceError("source", source_id, known=SOURCES) from None
