"""Crosswalks: the built-in tables, their consistency with the levels' codes, validation.

Each expected table cites its source ids (see ``carecontinuum.SOURCES`` and
shared/domain/FACTS.md).  ``=`` marks an exact match, ``~`` an approximate one
and ``-`` no counterpart.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import carecontinuum as cc
from carecontinuum.levels import MatchKind, code_system
from carecontinuum.registries import CROSSWALKS

_MARK = {"=": MatchKind.EXACT, "~": MatchKind.APPROXIMATE, "-": MatchKind.NONE}

# crosswalk -> source level -> "mark target, mark target ..."; "-" alone: no counterpart
TABLES: dict[tuple[str, str], dict[str, str]] = {
    # ASAM3 (names), TIP47 (levels I, II.1, II.5), NC-WM / OAR-WM (WM levels), SEED (level 4)
    ("asam3", "continuum"): {
        "0.5": "~outpatient",  # unverified: the library's judgment
        "1": "=outpatient",
        "1-OBOT": "~outpatient",  # ASAM3: OBOT sits beside OTP at level 1 (S)
        "1-OTP": "~outpatient",
        "1-WM": "~outpatient",
        "2-WM": "~intensive_outpatient ~partial_hospitalization",  # unverified
        "2.1": "=intensive_outpatient",
        "2.5": "=partial_hospitalization",
        "3.1": "~residential",
        "3.2-WM": "~residential",
        "3.3": "~residential",
        "3.5": "~residential",
        "3.7": "~residential",
        "3.7-WM": "~residential",
        "4": "~inpatient_acute",
        "4-WM": "~inpatient_acute",
    },
    # ASAM4 (names; 2.5 replaces the PHP name), SEED (level 4)
    ("asam4", "continuum"): {
        "1.0": "~outpatient",  # unverified
        "1.5": "=outpatient",
        "1.7": "~outpatient",
        "2.1": "=intensive_outpatient",
        "2.5": "~partial_hospitalization",
        "2.7": "~intensive_outpatient",
        "3.1": "~residential",
        "3.5": "~residential",
        "3.7": "~residential",
        "4": "~inpatient_acute",
    },
    # LOCUS (Minnesota: level 4 for adult PHP), LOCUS-GPS (a provider's gloss of 2–6)
    ("locus", "continuum"): {
        "0": "-",  # unverified
        "1": "~outpatient",  # unverified
        "2": "~outpatient",
        "3": "~intensive_outpatient",
        "4": "~partial_hospitalization",
        "5": "~residential",
        "6": "~inpatient_acute",
    },
    # TEDS (no separate PHP code, so 6 is approximate), SEED (3: not crisis care)
    ("teds", "continuum"): {
        "1": "~inpatient_acute",
        "2": "~residential",
        "3": "~inpatient_acute",
        "4": "~residential",
        "5": "~residential",
        "6": "~intensive_outpatient",  # TEDS: PHP-like care is reported as 6 too
        "7": "=outpatient",
        "8": "-",  # unverified
    },
    # ASAM3, ASAM4: 0.5 and 3.3 not in the 4th edition; WM folds into 1.7, 2.7, 3.7, 4
    ("asam3", "asam4"): {
        "0.5": "-",
        "1": "~1.5",
        "1-OBOT": "-",  # unverified
        "1-OTP": "-",  # unverified
        "1-WM": "~1.7",
        "2-WM": "~2.7",
        "2.1": "=2.1",
        "2.5": "~2.5",
        "3.1": "=3.1",
        "3.2-WM": "~3.7",  # unverified
        "3.3": "-",
        "3.5": "=3.5",
        "3.7": "~3.7",
        "3.7-WM": "~3.7",
        "4": "~4",
        "4-WM": "~4",
    },
    ("asam4", "asam3"): {
        "1.0": "~1",  # unverified
        "1.5": "~1",
        "1.7": "~1 ~1-WM",
        "2.1": "=2.1",
        "2.5": "~2.5",
        "2.7": "~2.1 ~2-WM",
        "3.1": "=3.1",
        "3.5": "=3.5",
        "3.7": "~3.7 ~3.7-WM",
        "4": "~4 ~4-WM",
    },
}

UNVERIFIED: dict[tuple[str, str], set[tuple[str, str]]] = {
    ("asam3", "continuum"): {
        ("0.5", "outpatient"),
        ("2-WM", "intensive_outpatient"),
        ("2-WM", "partial_hospitalization"),
    },
    ("asam4", "continuum"): {("1.0", "outpatient")},
    ("locus", "continuum"): {("0", ""), ("1", "outpatient")},
    ("teds", "continuum"): {("8", "")},
    ("asam3", "asam4"): {("1-OBOT", ""), ("1-OTP", ""), ("3.2-WM", "3.7")},
    ("asam4", "asam3"): {("1.0", "1")},
}

WALKS = [cc.crosswalk(*pair) for pair in TABLES]
IDS = [f"{a}→{b}" for a, b in TABLES]


def _parse(cell: str) -> list[tuple[str, MatchKind]]:
    if cell == "-":
        return [("", MatchKind.NONE)]
    return [(item[1:], _MARK[item[0]]) for item in cell.split()]


def test_the_builtin_crosswalks() -> None:
    assert {(w.source_framework, w.target_framework) for w in cc.list_crosswalks()} >= set(TABLES)
    assert len(TABLES) == 6


@pytest.mark.parametrize("walk", WALKS, ids=IDS)
def test_every_builtin_crosswalk_checks_out(walk: cc.Crosswalk) -> None:
    walk.check()
    source = cc.framework(walk.source_framework)
    assert {m.source for m in walk.mappings} == set(source.codes)  # every level mapped
    assert walk.lossy
    assert walk.sources
    assert set(walk.sources) <= set(cc.SOURCES)


@pytest.mark.parametrize("walk", WALKS, ids=IDS)
def test_crosswalk_tables(walk: cc.Crosswalk) -> None:
    table = TABLES[(walk.source_framework, walk.target_framework)]
    actual = {
        code: [(m.target, m.match) for m in walk.map(code)]
        for code in cc.framework(walk.source_framework).codes
    }
    assert actual == {code: _parse(cell) for code, cell in table.items()}


@pytest.mark.parametrize("walk", WALKS, ids=IDS)
def test_lossy_mappings_say_what_is_lost(walk: cc.Crosswalk) -> None:
    for m in walk.mappings:
        assert m.sources, m
        assert set(m.sources) <= set(cc.SOURCES), m
        if m.match is MatchKind.EXACT:
            assert not m.lost, m
        else:
            assert len(m.lost) > 10, m


@pytest.mark.parametrize("walk", WALKS, ids=IDS)
def test_unverified_mappings_are_flagged_with_a_note(walk: cc.Crosswalk) -> None:
    expected = UNVERIFIED[(walk.source_framework, walk.target_framework)]
    assert {(m.source, m.target) for m in walk.unverified} == expected
    for m in walk.unverified:
        assert "judgment" in m.note or "not in the sources" in m.note, m


def test_cross_edition_crosswalks_say_they_are_lossy() -> None:  # ASAM4
    for pair in (("asam3", "asam4"), ("asam4", "asam3")):
        walk = cc.crosswalk(*pair)
        assert "lossy" in walk.description
        assert walk.lossy


def test_withdrawal_management_folds_into_medically_managed_levels() -> None:  # ASAM4
    walk = cc.crosswalk("asam3", "asam4")
    folded = {m.source: m.target for m in walk.mappings if m.source.endswith("-WM")}
    assert folded == {"1-WM": "1.7", "2-WM": "2.7", "3.2-WM": "3.7", "3.7-WM": "3.7", "4-WM": "4"}
    assert "folds withdrawal management" in walk.map("4-WM")[0].lost


def test_teds_to_continuum_shows_there_is_no_php_code() -> None:  # TEDS
    walk = cc.crosswalk("teds", "continuum")
    assert "partial_hospitalization" not in {m.target for m in walk.mappings}
    assert "no separate partial-hospitalization code" in walk.description
    assert "-9" in walk.description
    # TEDS 6 maps to IOP only approximately, and says why
    (six,) = walk.map("6")
    assert (six.target, six.match) == ("intensive_outpatient", MatchKind.APPROXIMATE)
    assert "no partial-hospitalization code" in six.lost
    # the other direction: a PHP episode is reported to TEDS as 6, approximately
    (code,) = cc.level("PHP").codes_in("teds")
    assert (code.code, code.exact) == ("6", False)
    assert "no partial-hospitalization code" in code.note


def test_locus_4_to_php_rests_on_minnesota() -> None:  # LOCUS
    (m,) = cc.crosswalk("locus", "continuum").map("4")
    assert (m.target, m.match, m.verified) == (
        "partial_hospitalization",
        MatchKind.APPROXIMATE,
        True,
    )
    assert "LOCUS" in m.sources
    assert "Minnesota" in m.note


# A continuum level's code with no row back in the crosswalk: (framework, code, level, source)
ONE_WAY_CODES = [
    # TEDS has no PHP code: PHP is reported as 6, but 6 maps back to IOP
    ("teds", "6", "partial_hospitalization", "TEDS"),
]


@pytest.mark.parametrize("fw", ["asam3", "asam4", "locus", "teds"])
def test_continuum_codes_agree_with_the_crosswalks(fw: str) -> None:
    """One fact, two places: a continuum level's code in *fw* and the *fw*→continuum row."""
    walk = cc.crosswalk(fw, "continuum")
    system = code_system(fw)
    pairs = {(m.source, m.target) for m in walk.mappings}
    one_way = {(code, level) for f, code, level, _ in ONE_WAY_CODES if f == fw}
    for lv in cc.default_continuum():
        for code in lv.codes_in(system):
            if (code.code, lv.code) in one_way:
                assert not code.exact, (lv.code, code)
                assert (code.code, lv.code) not in pairs, (lv.code, code)
                continue
            assert (code.code, lv.code) in pairs, (lv.code, code)
    for m in walk.mappings:
        if m.match is MatchKind.EXACT:
            assert m.source in {c.code for c in cc.level(m.target).codes_in(system)}, m


@pytest.mark.parametrize("pair", [("asam3", "asam4"), ("asam4", "asam3")])
def test_cross_edition_round_trip_lands_near_the_start(pair: tuple[str, str]) -> None:
    there, back = cc.crosswalk(*pair), cc.crosswalk(*reversed(pair))
    for m in there.mappings:
        if m.match is MatchKind.EXACT:
            assert m.source in {t.code for t in back.targets(m.target)}, m


# -- queries ------------------------------------------------------------------------------


def test_map_and_targets_accept_aliases_and_levels() -> None:
    walk = cc.crosswalk("asam3", "continuum")
    assert walk.map("iop") == walk.map("2.1") == walk.map(cc.level("2.1", framework="asam3"))
    assert [lv.code for lv in walk.targets("Partial Hospitalization")] == [
        "partial_hospitalization"
    ]
    assert cc.crosswalk("teds", "continuum").targets("8") == ()
    with pytest.raises(cc.UnknownLevelError, match="did you mean"):
        walk.map("3.2-WN")


def test_crosswalk_lookup_forgives_framework_names() -> None:
    assert cc.crosswalk("ASAM 3rd edition", "default") is cc.crosswalk("asam3", "continuum")


def test_missing_crosswalk() -> None:
    with pytest.raises(cc.UnknownKeyError, match="unknown crosswalk 'locus→teds'; known:") as info:
        cc.crosswalk("locus", "teds")
    assert isinstance(info.value, LookupError)
    with pytest.raises(cc.UnknownFrameworkError, match="did you mean 'asam4'"):
        cc.crosswalk("asam5", "continuum")


def test_reprs_and_html() -> None:
    walk = cc.crosswalk("teds", "continuum")
    assert repr(walk) == "Crosswalk('teds' → 'continuum', 8 mappings)"
    assert str(walk) == "teds→continuum"
    assert repr(walk.map("7")[0]) == "LevelMapping('7' → 'outpatient', exact)"
    assert repr(walk.map("6")[0]) == "LevelMapping('6' → 'intensive_outpatient', approximate)"
    assert repr(walk.map("8")[0]).startswith("LevelMapping('8' → none, lost: ambulatory detox")
    assert repr(walk.map("8")[0]).endswith(", unverified)")
    page = walk._repr_html_()
    assert "<td>none (unverified)</td>" in page
    assert "<caption><b>teds → continuum</b></caption>" in page


# -- validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"source": "a", "target": "b", "match": "none", "lost": "x"},
            "mapping of 'a': match 'none' takes no target",
        ),
        ({"source": "a", "match": "exact"}, "mapping of 'a': a exact match needs a target"),
        (
            {"source": "a", "target": "b", "match": "approximate"},
            "mapping of 'a': a approximate match must say what is lost",
        ),
        ({"source": "a", "match": "none"}, "a none match must say what is lost"),
        (
            {"source": "a", "target": "b", "match": "exact", "verified": False},
            "an unverified mapping needs a note",
        ),
        ({"source": "", "target": "b", "match": "exact"}, "source\n  String should have at"),
        ({"source": "a", "target": "b", "match": "close"}, "match\n  Input should be 'exact'"),
    ],
)
def test_bad_mapping(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError) as info:
        cc.LevelMapping.model_validate(data)
    assert message in str(info.value)


def _walk(*mappings: dict[str, Any], source: str = "mine", target: str = "continuum") -> Any:
    return {"source_framework": source, "target_framework": target, "mappings": mappings}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            _walk({"source": "a", "target": "outpatient", "match": "exact"}, target="mine"),
            "a crosswalk joins two frameworks; got 'mine' twice",
        ),
        (
            _walk(
                {"source": "a", "target": "outpatient", "match": "approximate", "lost": "x"},
                {"source": "a", "target": "outpatient", "match": "approximate", "lost": "y"},
            ),
            "mapping 'a' → 'outpatient' appears twice",
        ),
        (
            _walk(
                {"source": "a", "target": "outpatient", "match": "exact"},
                {"source": "a", "target": "residential", "match": "approximate", "lost": "x"},
            ),
            "level 'a' has a exact match and other mappings",
        ),
        (
            _walk(
                {"source": "a", "match": "none", "lost": "x"},
                {"source": "a", "target": "residential", "match": "approximate", "lost": "x"},
            ),
            "level 'a' has a none match and other mappings",
        ),
        (_walk(), "mappings\n  at least one item is required"),
    ],
)
def test_bad_crosswalk(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError) as info:
        cc.Crosswalk.model_validate(data)
    assert message in str(info.value)


# -- check() and registration -------------------------------------------------------------


@pytest.fixture
def mine() -> Iterator[cc.Framework]:
    fw = cc.Framework(
        code="mine",
        name="My levels",
        levels=(
            cc.CareLevel(code="low", name="Low", framework="mine", rank=0, setting="ambulatory"),
            cc.CareLevel(
                code="high",
                name="High",
                framework="mine",
                rank=1,
                setting="hospital",
                twenty_four_hour=True,
                aliases=("H",),
            ),
        ),
    )
    cc.register_framework(fw)
    yield fw
    cc.unregister_framework("mine")
    assert "mine→continuum" not in CROSSWALKS


def test_check_rejects_unknown_codes(mine: cc.Framework) -> None:
    walk = cc.Crosswalk.model_validate(
        _walk(
            {"source": "low", "target": "outpatient", "match": "exact"},
            {"source": "high", "target": "inpatient_acut", "match": "approximate", "lost": "x"},
        )
    )
    with pytest.raises(cc.UnknownLevelError, match="did you mean 'inpatient_acute'"):
        walk.check()
    with pytest.raises(cc.UnknownLevelError):
        cc.register_crosswalk(walk)
    assert "mine→continuum" not in CROSSWALKS


def test_check_rejects_aliases_and_unmapped_levels(mine: cc.Framework) -> None:
    by_alias = cc.Crosswalk.model_validate(
        _walk(
            {"source": "low", "target": "OP", "match": "exact"},
            {"source": "high", "target": "inpatient_acute", "match": "exact"},
        )
    )
    with pytest.raises(cc.InvalidCrosswalkError, match="'OP' is 'outpatient'"):
        by_alias.check()
    incomplete = cc.Crosswalk.model_validate(
        _walk({"source": "low", "target": "outpatient", "match": "exact"})
    )
    with pytest.raises(cc.InvalidCrosswalkError) as info:
        incomplete.check()
    assert isinstance(info.value, ValueError)
    assert "leaves level(s) 'high' of 'mine' unmapped" in str(info.value)
    assert "match='none'" in str(info.value)


def test_register_crosswalk(mine: cc.Framework) -> None:
    walk = cc.Crosswalk.model_validate(
        _walk(
            {"source": "low", "target": "outpatient", "match": "exact"},
            {"source": "high", "match": "none", "lost": "no counterpart"},
        )
    )
    assert cc.register_crosswalk(walk) is walk
    assert cc.crosswalk("My levels", "continuum") is walk
    assert walk in cc.list_crosswalks()
    assert walk.targets("H") == ()
    with pytest.raises(cc.DuplicateRegistrationError, match="'mine→continuum' is already"):
        cc.register_crosswalk(walk)
    assert cc.register_crosswalk(walk, replace=True) is walk
    assert cc.unregister_crosswalk("My levels", "seed") is walk
    with pytest.raises(cc.UnknownKeyError, match="unknown crosswalk 'mine→continuum'"):
        cc.crosswalk("mine", "continuum")


def test_register_crosswalk_keys_by_framework_code(mine: cc.Framework) -> None:
    walk = cc.Crosswalk.model_validate(
        _walk(
            {"source": "low", "target": "outpatient", "match": "exact"},
            {"source": "high", "target": "inpatient_acute", "match": "exact"},
            source="My levels",
            target="default",
        )
    )
    cc.register_crosswalk(walk)
    assert cc.crosswalk("mine", "continuum") is walk
    assert [lv.code for lv in walk.targets("H")] == ["inpatient_acute"]


# -- serialization ------------------------------------------------------------------------

_TEXT = st.text(st.characters(codec="utf-8"), min_size=1, max_size=20)
_CODE = st.from_regex(r"\A[a-z0-9][a-z0-9.\-]{0,6}\Z")


@st.composite
def level_mappings(draw: st.DrawFn) -> cc.LevelMapping:
    match = draw(st.sampled_from(list(MatchKind)))
    verified = draw(st.booleans())
    return cc.LevelMapping(
        source=draw(_CODE),
        target="" if match is MatchKind.NONE else draw(_CODE),
        match=match,
        lost="" if match is MatchKind.EXACT else draw(_TEXT),
        note=draw(_TEXT) if not verified else "",
        sources=tuple(draw(st.lists(st.sampled_from(sorted(cc.SOURCES)), max_size=2))),
        verified=verified,
    )


@st.composite
def crosswalks(draw: st.DrawFn) -> cc.Crosswalk:
    mappings = draw(st.lists(level_mappings(), min_size=1, max_size=6))
    per_source: dict[str, list[cc.LevelMapping]] = {}
    for m in mappings:  # keep a valid shape: one row per source level
        per_source.setdefault(m.source, [m])
    return cc.Crosswalk(
        source_framework=draw(st.sampled_from(["asam3", "teds", "mine"])),
        target_framework="continuum",
        mappings=tuple(rows[0] for rows in per_source.values()),
        description=draw(st.text(max_size=20).filter(str.isprintable)),
        sources=("SEED",),
    )


@given(level_mappings())
def test_level_mapping_json_round_trip(m: cc.LevelMapping) -> None:
    assert cc.LevelMapping.model_validate_json(m.model_dump_json()) == m


@given(crosswalks())
def test_crosswalk_json_round_trip(walk: cc.Crosswalk) -> None:
    assert cc.Crosswalk.model_validate_json(walk.model_dump_json()) == walk


@pytest.mark.parametrize("walk", WALKS, ids=IDS)
def test_builtin_crosswalk_round_trip(walk: cc.Crosswalk) -> None:
    assert cc.Crosswalk.model_validate_json(walk.model_dump_json()) == walk


@pytest.mark.parametrize("model", [cc.Crosswalk, cc.LevelMapping])
def test_json_schema(model: Any) -> None:
    schema = model.model_json_schema()
    assert schema["type"] == "object"
    assert "match" in str(schema)
