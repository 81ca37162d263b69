"""The one forgiving lookup behind every enum-like input."""

from __future__ import annotations

from enum import IntEnum, StrEnum

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carecontinuum._enum_lookup import EnumLookup
from carecontinuum._lookup import MAX_KEY_LENGTH, Lookup, normalize_key
from carecontinuum.errors import (
    AmbiguousKeyError,
    DuplicateRegistrationError,
    UnknownKeyError,
    UnknownLevelError,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("IOP", "iop"),
        ("  Intensive  Outpatient ", "intensive_outpatient"),
        ("intensive-outpatient", "intensive_outpatient"),
        ("Rehab/Residential", "rehab_residential"),
        ("3.2-WM", "3.2_wm"),
        ("__x__", "x"),
    ],
)
def test_normalize_key(raw: str, expected: str) -> None:
    assert normalize_key(raw) == expected


@pytest.fixture
def colours() -> Lookup:
    return Lookup(
        "colour",
        [("red", ("Rot", "scarlet red")), ("green", ()), ("orange", ())],
        error=UnknownLevelError,
        groups={"warm colours": ("red", "orange")},
    )


def test_exact_alias_and_forgiving_lookup(colours: Lookup) -> None:
    assert colours.code("red") == "red"
    assert colours.code("ROT") == "red"
    assert colours.code("Scarlet-Red") == "red"
    assert colours.code("  scarlet   red ") == "red"
    assert colours.codes == ("red", "green", "orange")
    assert len(colours) == 3
    assert "rot" in colours
    assert "blue" not in colours
    assert 3 not in colours


def test_the_memo_gives_the_same_answer_twice(colours: Lookup) -> None:
    assert colours.code("Rot") == colours.code("Rot") == "red"
    assert colours.find("Rot") == "red"


def test_miss_raises_the_lookups_error_with_suggestions(colours: Lookup) -> None:
    with pytest.raises(UnknownLevelError) as info:
        colours.code("gren")
    err = info.value
    assert isinstance(err, LookupError)
    assert err.suggestions == ("green",)
    assert err.key == "gren"
    assert "did you mean 'green'" in str(err)


def test_miss_without_suggestions_lists_known(colours: Lookup) -> None:
    with pytest.raises(UnknownKeyError, match="known: red, green, orange"):
        colours.code("zzzzzz")


@pytest.mark.parametrize("key", [42, None, ["red"], b"red", 3.5, True])
def test_a_non_string_key_is_a_lookup_error(colours: Lookup, key: object) -> None:
    with pytest.raises(UnknownLevelError, match="unknown colour"):
        colours.code(key)  # type: ignore[arg-type]
    assert colours.find(key) is None


def test_a_group_is_ambiguous_and_lists_every_member(colours: Lookup) -> None:
    with pytest.raises(AmbiguousKeyError) as info:
        colours.code("Warm colours")
    assert info.value.candidates == ("red", "orange")
    assert "'red', 'orange'" in str(info.value)
    assert isinstance(info.value, UnknownKeyError)  # except LookupError still works
    assert colours.members("warm-colours") == ("red", "orange")
    assert colours.members("rot") == ("red",)
    assert colours.find("warm colours") is None


def test_two_entries_folding_to_one_key_are_refused() -> None:
    with pytest.raises(DuplicateRegistrationError, match="alias of 'a'"):
        Lookup("thing", [("a", ("Same Name",)), ("b", ("same-name",))])
    with pytest.raises(DuplicateRegistrationError):
        Lookup("thing", [("a", ()), ("a", ())])
    with pytest.raises(DuplicateRegistrationError):
        Lookup("thing", [("A b", ()), ("a_b", ())])  # codes that differ only in case/spacing


def test_conflicts_can_be_kept_as_ambiguous() -> None:
    lookup = Lookup("thing", [("a", ("shared",)), ("b", ("shared",))], conflicts="ambiguous")
    with pytest.raises(AmbiguousKeyError) as info:
        lookup.code("SHARED")
    assert info.value.candidates == ("a", "b")


def test_variants_resolve_looser_spellings_but_never_guess() -> None:
    def plural(key: str) -> list[str]:
        return [key[:-1]] if key.endswith("s") else [f"{key}s"]

    lookup = Lookup("thing", [("cat", ()), ("dog", ()), ("bus", ())], variants=plural)
    assert lookup.code("cats") == "cat"
    assert lookup.code("DOGS") == "dog"
    assert lookup.code("bus") == "bus"
    with pytest.raises(UnknownKeyError):
        lookup.code("cow")

    def no_article(key: str) -> list[str]:
        return [key.partition("_")[2]] if key.startswith(("the_", "a_")) else []

    twins = Lookup("thing", [("the_cat", ()), ("a_cat", ())], variants=no_article)
    with pytest.raises(AmbiguousKeyError) as info:
        twins.code("Cat")  # a loose spelling both entries share is never a silent pick
    assert info.value.candidates == ("the_cat", "a_cat")


def test_hostile_keys_are_misses_without_cost(colours: Lookup) -> None:
    huge = "r" * 1_000_000
    with pytest.raises(UnknownLevelError) as info:
        colours.code(huge)
    assert info.value.suggestions == ()
    assert len(str(info.value)) < 200  # the echo is cut, the key is kept whole
    assert info.value.key == huge
    assert colours.find("x" * (MAX_KEY_LENGTH + 1)) is None


@settings(deadline=None, max_examples=200)
@given(st.text(max_size=50))
def test_any_text_gives_a_code_or_a_lookup_error(text: str) -> None:
    lookup = Lookup("thing", [("alpha", ("A",)), ("beta", ("B", "second"))])
    code = lookup.find(text)
    if code is None:
        with pytest.raises(UnknownKeyError) as info:
            lookup.code(text)
        assert info.value.key == text
    else:
        assert lookup.code(text) == code
        assert code in {"alpha", "beta"}
        assert normalize_key(text) in lookup.keys()  # noqa: SIM118 - keys() is the API


class Day(StrEnum):
    MONDAY = "monday"
    TUESDAY = "tuesday"


class Reason(IntEnum):
    DONE = 1
    LEFT = 2


def test_enum_lookup_by_member_value_name_and_alias() -> None:
    days = EnumLookup(Day, "weekday", names={Day.MONDAY: ["Mon"]})
    assert days(Day.TUESDAY) is Day.TUESDAY
    assert days("tuesday") is Day.TUESDAY
    assert days("MONDAY") is Day.MONDAY
    assert days("mon") is Day.MONDAY
    assert days("monday_") is Day.MONDAY  # separators fold away
    with pytest.raises(UnknownKeyError, match="did you mean 'monday'"):
        days("mondy")
    assert days.members == (Day.MONDAY, Day.TUESDAY)


def test_enum_lookup_of_an_int_enum_refuses_bools_and_junk() -> None:
    reasons = EnumLookup(Reason, "discharge reason", names={Reason.LEFT: ["dropped out"]})
    assert reasons(1) is Reason.DONE
    assert reasons("2") is Reason.LEFT
    assert reasons("Dropped Out") is Reason.LEFT
    assert reasons("done") is Reason.DONE
    for bad in (True, False, 3, 1.5, None, [1], {"a": 1}):
        with pytest.raises(UnknownKeyError):
            reasons(bad)
