"""Reading SAMHSA treatment-locator listings: levels, fields, kept codes, problems, fixtures.

Each table row cites its source id (``carecontinuum.SOURCES``): LOCATOR is the
locator's public source (codes and labels, FACTS.md "SAMHSA locator
(FindTreatment.gov) records").  The fixtures under ``tests/data/locator/`` are
SYNTHETIC (see their README).
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import carecontinuum as cc
from carecontinuum.locator import (
    InvalidListingError,
    Listing,
    ServiceCode,
    WithdrawalService,
    read_listing,
)

DATA = Path(__file__).resolve().parent / "data" / "locator"
CODES = DATA / "listing_codes.json"
LABELS = DATA / "listing_labels.json"


def _row(*services: tuple[str, str], **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"frid": "f-1", "name1": "Test Facility"}
    row.update(fields)
    row["services"] = [
        {"f1": category, "f2": category, "f3": values} for category, values in services
    ]
    return row


def _read(*services: tuple[str, str], **fields: Any) -> Listing:
    return read_listing([_row(*services, **fields)])


# -- levels from the service settings -------------------------------------------------------

# SET code, its label, the continuum level, whether the code says exactly that level, source
SETTINGS = [
    ("OIT", "Intensive outpatient treatment", "intensive_outpatient", True, "LOCATOR"),
    ("ORT", "Regular outpatient treatment", "outpatient", True, "LOCATOR"),
    (
        "ODT",
        "Outpatient day treatment or partial hospitalization",
        "partial_hospitalization",
        False,
        "LOCATOR",
    ),
    (
        "OMB",
        "Outpatient methadone/buprenorphine or naltrexone treatment",
        "outpatient",
        False,
        "LOCATOR",
    ),
    ("RES", "Residential", "residential", True, "LOCATOR"),
    ("RS", "Short-term residential", "residential", False, "LOCATOR"),
    ("RL", "Long-term residential", "residential", False, "LOCATOR"),
    ("HI", "Hospital inpatient", "inpatient_acute", False, "LOCATOR"),  # SUD care, not crisis
    ("HIT", "Hospital inpatient treatment", "inpatient_acute", False, "LOCATOR"),
]


@pytest.mark.parametrize(("code", "label", "level", "exact", "source"), SETTINGS)
def test_a_setting_gives_its_level(
    code: str, label: str, level: str, exact: bool, source: str
) -> None:
    for value in (code, label, label.upper()):
        listing = _read(("SET", value))
        assert [p.level for p in listing.programs] == [level], source
        assert listing.problems == ()
        # a setting that says more than the level is kept beside it, as written
        kept = ServiceCode("SET", value) in listing.programs[0].other_codes
        assert kept is not exact, source


def test_settings_come_from_the_level_records() -> None:
    # every locator-setting code a level carries is read as that level: no second table
    for lv in cc.default_continuum():
        for code in lv.codes_in("locator-setting"):
            if code.code == "OP":
                continue  # the general outpatient setting names three levels
            assert [p.level for p in _read(("SET", code.code)).programs] == [lv.code], code


# detox code, its category, its label, source: withdrawal management is not a level
DETOX = [
    ("HID", "SET", "Hospital inpatient detoxification", "LOCATOR"),
    ("OD", "SET", "Outpatient detoxification", "LOCATOR"),
    ("RD", "SET", "Residential detoxification", "LOCATOR"),
    ("DT", "TC", "Detox", "LOCATOR"),
]


@pytest.mark.parametrize(("code", "category", "label", "source"), DETOX)
def test_detox_is_withdrawal_management_not_a_level(
    code: str, category: str, label: str, source: str
) -> None:
    for value in (code, label):
        listing = _read((category, value), ("SET", "RES"))
        (program,) = listing.programs
        assert program.level == "residential"
        assert ServiceCode(category, value) in program.other_codes  # kept, never dropped
        (service,) = listing.withdrawal_management
        assert isinstance(service, WithdrawalService)
        assert (service.value, service.code.code) == (value, code), source
        assert service.facility is program.facility
        assert "withdrawal management" in service.code.note
        assert service.code in cc.levels.WITHDRAWAL_MANAGEMENT_CODES

        alone = _read((category, value))
        assert alone.programs == ()
        assert [p.code for p in alone.problems] == ["no-level"]
        assert "withdrawal management" in alone.problems[0].message
        assert alone.problems[0].severity == "warning"
        assert len(alone.facilities) == 1


def test_one_program_per_level_sharing_one_facility() -> None:
    listing = _read(("SET", "OP; OIT; ODT; RES; RS"), ("PAY", "MD"))
    assert [p.level for p in listing.programs] == [
        "intensive_outpatient",
        "partial_hospitalization",
        "residential",
    ]
    facility = listing.programs[0].facility
    assert facility is not None
    assert all(p.facility is facility for p in listing.programs)
    assert listing.facilities == (facility,)
    assert all(p.payment == (cc.Payment.MEDICAID,) for p in listing.programs)
    assert all(p.schedule is None for p in listing.programs)
    # the general OP belongs to the ambulatory programs, RS to the residential one
    assert [p.other_codes for p in listing.programs] == [
        (ServiceCode("SET", "OP"),),
        (ServiceCode("SET", "ODT"), ServiceCode("SET", "OP")),
        (ServiceCode("SET", "RS"),),
    ]


def test_the_general_outpatient_setting_alone_names_no_level() -> None:
    listing = _read(("SET", "Outpatient"))
    assert listing.programs == ()
    (problem,) = listing.problems
    assert (problem.code, problem.severity, problem.field) == (
        "ambiguous-setting",
        "warning",
        "services.SET",
    )
    for level in ("outpatient", "intensive_outpatient", "partial_hospitalization"):
        assert level in problem.message
    beside = _read(("SET", "OP; RES"))
    assert [p.level for p in beside.programs] == ["residential"]
    assert ServiceCode("SET", "OP") in beside.programs[0].other_codes
    assert [p.code for p in beside.problems] == ["ambiguous-setting"]


def test_a_row_without_settings_names_no_level() -> None:
    listing = _read(("PAY", "MD"))
    assert listing.programs == ()
    assert [p.code for p in listing.problems] == ["no-level"]
    assert "no service setting (SET)" in listing.problems[0].message


# -- payment, ages, special groups, languages ------------------------------------------------

# category, value as a listing writes it, the Payment, source
PAYMENTS = [
    ("PAY", "PI", cc.Payment.PRIVATE_INSURANCE, "LOCATOR"),
    ("PAY", "Private health insurance", cc.Payment.PRIVATE_INSURANCE, "LOCATOR"),
    ("PAY", "MD", cc.Payment.MEDICAID, "LOCATOR"),
    ("PAY", "Medicaid", cc.Payment.MEDICAID, "LOCATOR"),
    ("PAY", "MC", cc.Payment.MEDICARE, "LOCATOR"),
    ("PAY", "Medicare", cc.Payment.MEDICARE, "LOCATOR"),
    ("PAY", "MI", cc.Payment.MILITARY_INSURANCE, "LOCATOR"),
    ("PAY", "Military insurance (e.g., TRICARE)", cc.Payment.MILITARY_INSURANCE, "LOCATOR"),
    ("PAY", "ITU", cc.Payment.IHS_TRIBAL_URBAN_FUNDS, "LOCATOR"),
    ("PAY", "IHS/Tribal/Urban (ITU) funds", cc.Payment.IHS_TRIBAL_URBAN_FUNDS, "LOCATOR"),
    ("PAY", "SF", cc.Payment.CASH_OR_SELF_PAYMENT, "LOCATOR"),
    ("PAY", "Cash or self-payment", cc.Payment.CASH_OR_SELF_PAYMENT, "LOCATOR"),
    ("PAY", "NP", cc.Payment.FREE_CARE, "LOCATOR"),
    ("PAY", "Free services, no payment needed", cc.Payment.FREE_CARE, "LOCATOR"),
    ("PYAS", "SS", cc.Payment.SLIDING_FEE_SCALE, "LOCATOR"),
    (
        "PYAS",
        "Sliding fee scale (fee is based on income and other factors)",
        cc.Payment.SLIDING_FEE_SCALE,
        "LOCATOR",
    ),
    ("PYAS", "PA", cc.Payment.PAYMENT_ASSISTANCE, "LOCATOR"),
    (
        "PYAS",
        "Payment assistance (check with facility for details)",
        cc.Payment.PAYMENT_ASSISTANCE,
        "LOCATOR",
    ),
]


@pytest.mark.parametrize(("category", "value", "member", "source"), PAYMENTS)
def test_payment(category: str, value: str, member: cc.Payment, source: str) -> None:
    (program,) = _read(("SET", "OIT"), (category, value)).programs
    assert program.payment == (member,), source
    assert program.other_codes == ()


# category, value, field, what it gives, source
WHO = [
    ("AGE", "ADLT", "age_groups", cc.AgeGroup.ADULTS, "LOCATOR"),
    ("AGE", "Adults", "age_groups", cc.AgeGroup.ADULTS, "LOCATOR"),
    ("AGE", "CHLD", "age_groups", cc.AgeGroup.YOUTH, "LOCATOR"),
    ("AGE", "Children/adolescents", "age_groups", cc.AgeGroup.YOUTH, "LOCATOR"),
    ("SG", "VET", "special_groups", cc.SpecialGroup.VETERANS, "LOCATOR"),
    ("SG", "Veterans", "special_groups", cc.SpecialGroup.VETERANS, "LOCATOR"),
    ("SG", "GL", "special_groups", cc.SpecialGroup.LGBTQ, "LOCATOR"),
    (
        "SG",
        "Lesbian, gay, bisexual, or transgender (LGBT) clients",
        "special_groups",
        cc.SpecialGroup.LGBTQ,
        "LOCATOR",
    ),
    ("SG", "AH", "special_groups", cc.SpecialGroup.DEAF_AND_HARD_OF_HEARING, "LOCATOR"),
    (
        "SL",
        "Services for the deaf and hard of hearing",
        "special_groups",
        cc.SpecialGroup.DEAF_AND_HARD_OF_HEARING,
        "LOCATOR",
    ),
    ("OL", "SP-Spanish", "languages", "SP-Spanish", "LOCATOR"),
    ("OL", "SP", "languages", "SP-Spanish", "LOCATOR"),  # the code alone
    ("OL", "Spanish", "languages", "Spanish", "LOCATOR"),
    ("OL", "F4-Arabic", "languages", "F4-Arabic", "LOCATOR"),
    ("OL", "F17", "languages", "F17-Any Chinese Language", "LOCATOR"),
    ("AIL", "N23-Navajo", "languages", "N23-Navajo", "LOCATOR"),
]


@pytest.mark.parametrize(("category", "value", "field", "member", "source"), WHO)
def test_who_a_program_serves(
    category: str, value: str, field: str, member: object, source: str
) -> None:
    (program,) = _read(("SET", "OIT"), (category, value)).programs
    assert getattr(program, field) == (member,), source
    assert program.other_codes == ()


# category, a value the library does not model: kept on the program as written
KEPT = [
    ("PAY", "Federal, or any government funding for substance abuse programs"),
    ("PAY", "SYN1"),
    ("AGE", "Young adults"),
    ("AGE", "Seniors (65 or older)"),
    ("SG", "Adult men"),
    ("SL", "Veterans"),  # language services hold only the deaf and hard of hearing
    ("OL", "F99"),  # a language code the sources do not name
    ("SET", "Telemedicine/telehealth"),
    ("TAP", "Anger management"),
    ("TAP", "CBT"),  # TAP codes are not in the sources: a code is not read as a modality
    ("FOP", "Private non-profit organization"),
    ("SCR", "Drug or alcohol urine screening"),
]


@pytest.mark.parametrize(("category", "value"), KEPT)
def test_unknown_values_are_kept_never_dropped(category: str, value: str) -> None:
    listing = _read(("SET", "OIT; RES"), (category, value))
    for program in listing.programs:
        assert ServiceCode(category, value) in program.other_codes
    assert not any(p.severity == "error" for p in listing.problems)


def test_treatment_approaches_that_name_a_modality_become_modalities() -> None:
    tap = "Cognitive behavioral therapy; Matrix Model; 12-step facilitation; Anger management"
    (program,) = _read(("SET", "OIT"), ("TAP", tap)).programs
    assert [m.code for m in program.modalities] == [
        "cognitive_behavioral_therapy",
        "matrix_model",
        "twelve_step_facilitation",
    ]
    assert program.other_codes == (ServiceCode("TAP", "Anger management"),)
    assert cc.match_programs([program], modalities=["CBT"])[0].modalities_offered == (
        "cognitive_behavioral_therapy",
    )


def test_values_keep_their_listing_order_and_repeats_count_once() -> None:
    (program,) = _read(
        ("SET", "OIT"), ("ZZ", "b; a"), ("PAY", "PI; MD; PI"), ("YY", "c"), ("ZZ", "d")
    ).programs
    assert program.payment == (cc.Payment.PRIVATE_INSURANCE, cc.Payment.MEDICAID)
    assert program.other_codes == (
        ServiceCode("ZZ", "b"),
        ServiceCode("ZZ", "a"),
        ServiceCode("YY", "c"),
        ServiceCode("ZZ", "d"),
    )


def test_facility_fields() -> None:
    listing = _read(
        ("SET", "OIT"),
        frid="abc123",
        name2="Evening program",
        street1="1 Main Street",
        street2="Suite 2",
        city="Richmond",
        state="VA",
        zip="23219",
        phone="555-0100",
        website="https://example.org",
        latitude="37.5407",
        longitude=-77.436,
        typeFacility="SA",
        miles=0.5,
        intake1=None,
    )
    facility = listing.facilities[0]
    assert facility.id == "abc123"
    assert facility.display_name == "Test Facility — Evening program"
    assert facility.address == "1 Main Street, Suite 2, Richmond, VA 23219"
    assert (facility.phone, facility.website) == ("555-0100", "https://example.org")
    assert facility.coordinates == cc.programs.Coordinates(latitude=37.5407, longitude=-77.436)
    assert facility.other_fields == (("typeFacility", "SA"), ("miles", 0.5), ("intake1", None))
    assert listing.programs[0].name == facility.display_name


# -- the synthetic fixtures -----------------------------------------------------------------


@pytest.fixture(scope="module")
def both() -> tuple[Listing, Listing]:
    return read_listing(CODES.read_bytes()), read_listing(LABELS.read_text(encoding="utf-8"))


def _language_key(language: str) -> str:
    return language.split("-", 1)[1] if "-" in language else language


def _summary(program: cc.Program) -> tuple[object, ...]:
    assert program.facility is not None
    return (
        program.facility.id,
        program.level,
        program.payment,
        program.age_groups,
        program.special_groups,
        tuple(_language_key(lang) for lang in program.languages),
        tuple(m.code for m in program.modalities),
        len(program.other_codes),
    )


def test_the_fixture_reads_the_same_in_both_forms(both: tuple[Listing, Listing]) -> None:
    codes, labels = both
    assert [_summary(p) for p in codes.programs] == [_summary(p) for p in labels.programs]
    assert [(p.row, p.code, p.severity) for p in codes.problems] == [
        (p.row, p.code, p.severity) for p in labels.problems
    ]
    assert [w.code for w in codes.withdrawal_management] == [
        w.code for w in labels.withdrawal_management
    ]


def test_the_fixture(both: tuple[Listing, Listing]) -> None:
    listing = both[0]
    assert (listing.page, listing.total_pages, listing.record_count, listing.rows) == (1, 1, 11, 11)
    assert len(listing.facilities) == 8
    assert [(p.facility.id[-3:], p.level) for p in listing.programs if p.facility] == [
        ("001", "outpatient"),
        ("001", "intensive_outpatient"),
        ("002", "intensive_outpatient"),
        ("002", "partial_hospitalization"),
        ("003", "residential"),
        ("004", "inpatient_acute"),
        ("007", "outpatient"),
        ("008", "intensive_outpatient"),
    ]
    assert [(p.row, p.field, p.code) for p in listing.problems] == [
        (4, "services.SET", "ambiguous-setting"),
        (5, "services.SET", "no-level"),
        (8, "latitude", "bad-coordinate"),
        (9, "name1", "missing-field"),
        (10, "frid", "duplicate-facility"),
    ]
    assert listing.refused_rows == (8, 9, 10)
    assert [(w.facility.id[-3:], w.code.code) for w in listing.withdrawal_management] == [
        ("003", "RD"),
        ("004", "HID"),
        ("004", "DT"),
        ("006", "OD"),
    ]
    riverside = listing.programs[1]
    assert ServiceCode("PAY", "SYN1") in riverside.other_codes  # the unknown code is kept
    assert ServiceCode("SET", "TELE") in riverside.other_codes


def test_a_listing_is_iterable_and_matches(both: tuple[Listing, Listing]) -> None:
    listing = both[1]
    assert list(listing) == list(listing.programs)
    assert len(listing) == 8
    near = (37.5407, -77.4360)  # the notebook's point
    found = cc.match_programs(listing, level="IOP", payment=["Medicaid"], near=near)
    assert [m.program.facility.id[-3:] for m in found if m.program.facility] == [
        "001",
        "008",
        "002",
    ]
    distances = [m.distance for m in found]
    assert distances == sorted(distances)
    assert all(d is not None for d in distances)
    close = listing.match(level="IOP", payment=["MD"], near=near, max_distance=2)
    assert [m.program.facility.id for m in close if m.program.facility] == ["synthetic-001"]
    assert close[0].met == ("level", "payment", "distance")


def test_programs_without_coordinates_rank_last(both: tuple[Listing, Listing]) -> None:
    found = both[0].match(level="outpatient", near=(37.5407, -77.4360))
    assert [m.program.facility.id[-3:] for m in found if m.program.facility] == ["001", "007"]
    assert found[1].distance is None
    assert found[1].unknown == ("distance",)
    within = both[0].match(level="outpatient", near=(37.5407, -77.4360), max_distance=50)
    assert within[1].unknown == ("distance",)  # no coordinates: not excluded, ranked last


def test_programs_round_trip_through_json(both: tuple[Listing, Listing]) -> None:
    schema = cc.Program.model_json_schema(mode="serialization")
    validation = cc.Program.model_json_schema(mode="validation")
    for program in both[0].programs + both[1].programs:
        text = program.model_dump_json()
        back = cc.Program.model_validate_json(text)
        assert back == program
        assert back.facility == program.facility
        jsonschema.validate(json.loads(text), schema)
        jsonschema.validate(json.loads(text), validation)
        assert pickle.loads(pickle.dumps(program)) == program


def test_a_program_from_a_listing_answers_and_checks(both: tuple[Listing, Listing]) -> None:
    program = both[0].programs[1]
    check = program.check_level()
    assert check.status == "undetermined"
    assert check.classification is None
    assert "states no schedule" in check.message
    answers = program.answers()
    assert answers["What is the structure of the program?"] == (
        "Intensive outpatient (IOP); the schedule is not stated."
    )
    assert answers["How long are people usually in your program?"] is None
    assert "Medicaid" in (answers["Do you take my insurance?"] or "")
    assert repr(program) == (
        "Program('Synthetic Riverside Recovery — Evening Program', intensive_outpatient, "
        "no schedule)"
    )
    html = program._repr_html_()
    assert "not stated" in html
    assert "555-0101" in html
    assert "SYN1" in html
    assert "undetermined" in check._repr_html_()


def test_listing_display(both: tuple[Listing, Listing]) -> None:
    listing = both[0]
    assert repr(listing) == "Listing(11 rows: 8 facilities, 8 programs, 5 problems)"
    html = listing._repr_html_()
    assert "Intensive outpatient (IOP)" in html
    assert "already read from row 0" in html
    assert "&#x27;ninety&#x27;" in html  # escaped


# -- the listing as a whole -----------------------------------------------------------------


def test_the_envelope_and_its_bad_fields() -> None:
    listing = read_listing({"page": True, "totalPages": -1, "recordCount": "9", "rows": [], "x": 1})
    assert (listing.page, listing.total_pages, listing.record_count) == (None, None, None)
    assert [(p.row, p.field, p.code, p.severity) for p in listing.problems] == [
        (None, "page", "wrong-type", "warning"),
        (None, "totalPages", "wrong-type", "warning"),
        (None, "recordCount", "wrong-type", "warning"),
        (None, "x", "ignored-field", "warning"),
    ]
    assert str(listing.problems[0]).startswith("listing, page: warning: page must be")


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        ({"page": 1}, InvalidListingError, "has no 'rows'"),
        ({"rows": {"a": 1}}, InvalidListingError, "'rows' must be a list"),
        ('"rows"', InvalidListingError, "not str 'rows'"),
        ("42", InvalidListingError, "not int 42"),
        ("[1, 2", cc.InvalidJsonError, "not valid"),
        ('{"rows": [], "rows": []}', cc.InvalidJsonError, "repeats the key 'rows'"),
        (b"[\xff]", cc.InvalidJsonError, "not UTF-8"),
        ("[NaN]", cc.InvalidJsonError, "NaN"),
        ("[" * 200 + "]" * 200, cc.InvalidJsonError, "nests deeper"),
        (42, TypeError, "not int 42"),
        (None, TypeError, "not NoneType"),
    ],
)
def test_data_that_is_no_listing(data: Any, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words.replace("(", r"\(").replace("[", r"\[")):
        read_listing(data)


def test_listing_errors_are_library_errors() -> None:
    assert issubclass(InvalidListingError, cc.CareContinuumError)
    assert issubclass(InvalidListingError, ValueError)


def test_bytes_with_a_byte_order_mark_and_a_bare_list() -> None:
    text = json.dumps([_row(("SET", "OIT"))])
    assert len(read_listing(b"\xef\xbb\xbf" + text.encode()).programs) == 1
    assert len(read_listing(tuple(json.loads(text))).programs) == 1


def test_the_garbage_collector_is_restored() -> None:
    import gc

    assert gc.isenabled()
    read_listing([_row(("SET", "OIT"))])
    assert gc.isenabled()
    with pytest.raises(InvalidListingError):
        read_listing({"no": "rows"})
    assert gc.isenabled()
    gc.disable()
    try:
        read_listing([_row(("SET", "OIT"))])
        assert not gc.isenabled()  # a caller's choice is left alone
    finally:
        gc.enable()
