"""The shared forgiving catalog behind every lookup."""

from __future__ import annotations

import threading

import pytest

from carecontinuum import DuplicateRegistrationError, UnknownKeyError, UnknownLevelError
from carecontinuum._lookup import Catalog, normalize_key


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
def catalog() -> Catalog[str]:
    c = Catalog[str]("colour", UnknownLevelError)
    c.add("red", "#f00", aliases=("Rot", "scarlet red"))
    c.add("green", "#0f0")
    return c


def test_exact_alias_and_forgiving_lookup(catalog: Catalog[str]) -> None:
    assert catalog.get("red") == "#f00"
    assert catalog.get("ROT") == "#f00"
    assert catalog.get("Scarlet-Red") == "#f00"
    assert catalog.resolve("scarlet red") == "red"
    assert catalog.codes() == ("red", "green")
    assert list(catalog) == ["#f00", "#0f0"]
    assert len(catalog) == 2
    assert "rot" in catalog
    assert "blue" not in catalog
    assert 3 not in catalog


def test_miss_raises_the_catalogs_error_with_suggestions(catalog: Catalog[str]) -> None:
    with pytest.raises(UnknownLevelError) as info:
        catalog.get("gren")
    err = info.value
    assert isinstance(err, LookupError)
    assert err.suggestions == ("green",)
    assert err.key == "gren"
    assert "did you mean 'green'" in str(err)


def test_miss_without_suggestions_lists_known(catalog: Catalog[str]) -> None:
    with pytest.raises(UnknownKeyError, match="known: red, green"):
        catalog.get("zzzzzz")


def test_non_string_key_is_a_lookup_error_not_a_type_error(catalog: Catalog[str]) -> None:
    with pytest.raises(UnknownLevelError, match="unknown colour"):
        catalog.get(42)  # type: ignore[arg-type]
    with pytest.raises(UnknownLevelError):
        catalog.get(["red"])  # type: ignore[arg-type]


def test_duplicates_are_refused_unless_replaced(catalog: Catalog[str]) -> None:
    with pytest.raises(DuplicateRegistrationError, match="'red' is already registered"):
        catalog.add("red", "#e00")
    with pytest.raises(DuplicateRegistrationError, match="alias of 'red'"):
        catalog.add("crimson", "#d00", aliases=("rot",))
    catalog.add("red", "#e00", replace=True)
    assert catalog.get("red") == "#e00"
    assert "rot" not in catalog  # a replacement brings its own aliases, not the old ones


def test_remove(catalog: Catalog[str]) -> None:
    assert catalog.remove("red") == "#f00"
    assert "rot" not in catalog
    with pytest.raises(UnknownLevelError):
        catalog.remove("red")


def test_loader_runs_once_lazily_on_miss_or_listing() -> None:
    calls: list[int] = []
    c: Catalog[str] = Catalog("thing", UnknownKeyError, loader=lambda: calls.append(1))
    c.add("a", "A")
    assert c.get("a") == "A"
    assert calls == []  # an exact hit does not trigger discovery
    with pytest.raises(UnknownKeyError):
        c.get("b")
    assert calls == [1]
    c.codes()
    list(c)
    assert calls == [1]


def test_concurrent_registration_keeps_every_entry() -> None:
    c: Catalog[int] = Catalog("number", UnknownKeyError)

    def add(start: int) -> None:
        for i in range(start, start + 200):
            c.add(f"n{i}", i)

    threads = [threading.Thread(target=add, args=(k * 200,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(c) == 800
    assert c.get("N799") == 799


def test_other_threads_wait_for_discovery_to_finish() -> None:
    started = threading.Event()
    release = threading.Event()
    c: Catalog[int] = Catalog("number", UnknownKeyError)

    def loader() -> None:
        c.add("first", 1)
        started.set()
        release.wait(5)
        c.add("second", 2)

    c._loader, c._loaded = loader, False
    seen: list[tuple[str, ...]] = []
    t1 = threading.Thread(target=lambda: seen.append(c.codes()))
    t1.start()
    started.wait(5)
    t2 = threading.Thread(target=lambda: seen.append(c.codes()))
    t2.start()
    release.set()
    t1.join()
    t2.join()
    assert seen == [("first", "second"), ("first", "second")]
