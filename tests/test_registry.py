"""The generic registry: snapshots, protection, transactions, scopes, concurrency."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

import pytest

import carecontinuum as cc
from carecontinuum import registries
from carecontinuum._registry import Registry, Transaction
from carecontinuum.errors import (
    DuplicateRegistrationError,
    ProtectedEntryError,
    UnknownKeyError,
)


def _words(loader: Callable[[Transaction[str]], None] | None = None) -> Registry[str]:
    return Registry[str](
        "word", code=lambda w: w.lower(), names=lambda w: (w,), item_type=str, loader=loader
    )


def test_register_get_and_unregister() -> None:
    r = _words()
    assert r.register("Alpha") == "Alpha"
    assert r.get("alpha") == r.get("ALPHA") == r.get(" Alpha ") == "Alpha"
    assert r.resolve("ALPHA") == "alpha"
    assert r.codes() == ("alpha",)
    assert list(r) == ["Alpha"]
    assert len(r) == 1
    assert "alpha" in r
    assert r.unregister("Alpha") == "Alpha"
    assert "alpha" not in r
    with pytest.raises(UnknownKeyError):
        r.get("alpha")


def test_a_wrong_item_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="a word must be a str, got int"):
        _words().register(3)  # type: ignore[arg-type]


def test_duplicates_are_refused_unless_replaced_and_a_replacement_drops_old_names() -> None:
    r = Registry[tuple[str, str]](
        "pair", code=lambda p: p[0], names=lambda p: (p[1],), item_type=tuple
    )
    r.register(("a", "old name"))
    with pytest.raises(DuplicateRegistrationError, match="'a' is already registered"):
        r.register(("a", "new name"))
    r.register(("a", "new name"), replace=True)
    assert r.get("new name") == ("a", "new name")
    assert "old name" not in r  # no stale alias points at the replaced entry
    with pytest.raises(DuplicateRegistrationError, match="alias of 'a'"):
        r.register(("b", "NEW-NAME"), replace=True)  # another entry's name, even with replace
    with pytest.raises(DuplicateRegistrationError):
        r.register(("A", "x"))  # a code that differs only in case is another entry's key


def test_a_remembered_spelling_follows_every_change() -> None:
    # get() remembers the spellings it resolved; a register, replacement or unregister
    # must never let an old answer through
    r = Registry[tuple[str, str]](
        "pair", code=lambda p: p[0], names=lambda p: (p[1],), item_type=tuple
    )
    r.register(("a", "first name"))
    assert r.get("FIRST NAME") == ("a", "first name")
    assert r.get("FIRST NAME") == ("a", "first name")  # now from the memo
    r.register(("a", "second name"), replace=True)
    with pytest.raises(UnknownKeyError):
        r.get("FIRST NAME")
    assert r.get("Second Name") == ("a", "second name")
    r.unregister("a")
    with pytest.raises(UnknownKeyError):
        r.get("Second Name")


def test_the_memo_of_spellings_is_bounded() -> None:
    from carecontinuum._lookup import _MEMO_SIZE

    r = _words()
    r.register("Alpha")
    spellings = [" " * i + "ALPHA" + " " * j for i in range(70) for j in range(70)]
    assert len(spellings) > _MEMO_SIZE
    for spelling in spellings:
        assert r.get(spelling) == "Alpha"
    assert len(r._snapshot.found) == _MEMO_SIZE


def test_builtins_are_protected() -> None:
    r = _words()
    r.register("Core", builtin=True)
    with pytest.raises(ProtectedEntryError, match="built-in word 'core'"):
        r.unregister("core")
    assert r.is_builtin("CORE")
    assert r.register("CORE", replace=True) == "CORE"  # replacing needs replace=True
    assert r.is_builtin("core")


def test_a_failed_transaction_lands_nothing() -> None:
    r = _words()
    r.register("one")

    def change() -> None:
        with r.transaction() as txn:
            txn.register("two")
            txn.register("three")
            txn.register("ONE")  # clashes: the whole transaction is discarded

    with pytest.raises(DuplicateRegistrationError):
        change()
    assert r.codes() == ("one",)


def test_a_savepoint_undoes_only_its_block() -> None:
    r = _words()
    with r.transaction() as txn:
        txn.register("kept")

        def change() -> None:
            with txn.savepoint():
                txn.register("dropped")
                txn.register("KEPT")

        with pytest.raises(DuplicateRegistrationError):
            change()
    assert r.codes() == ("kept",)


def test_the_loader_runs_once_lazily_as_a_transaction() -> None:
    calls: list[int] = []

    def loader(txn: Transaction[str]) -> None:
        calls.append(1)
        txn.register("loaded")

    r = _words(loader)
    with r._lock:  # a built-in present before loading, as the continuum is
        r._swap({"base": "base"}, frozenset({"base"}), loaded=False)
    assert r.get("base") == "base"
    assert calls == []  # an exact hit does not trigger discovery
    assert r.get("LOADED") == "loaded"
    assert calls == [1]
    r.codes()
    list(r)
    assert calls == [1]


def test_a_failing_loader_lands_nothing_and_runs_again_later() -> None:
    attempts: list[int] = []

    def loader(txn: Transaction[str]) -> None:
        attempts.append(1)
        txn.register("half")
        if len(attempts) == 1:
            raise RuntimeError("broken discovery")

    r = _words(loader)
    with pytest.raises(RuntimeError):
        r.codes()
    assert r._snapshot.items == {}  # nothing half-registered
    assert r.codes() == ("half",)
    assert len(attempts) == 2


def test_scoped_undoes_changes_and_fresh_starts_from_builtins() -> None:
    r = _words(lambda txn: txn.register("plugin"))
    r.register("base", builtin=True)
    with r.scoped():
        r.register("temp")
        assert "temp" in r
    assert "temp" not in r
    assert "plugin" in r
    with r.scoped(fresh=True):
        assert r._snapshot.items == {"base": "base"}
        assert "plugin" in r  # the loader runs again on first need
    assert r.codes() == ("plugin", "base")  # the loader ran before "base" was registered


def test_copy_is_independent() -> None:
    r = _words()
    r.register("shared")
    other = r.copy()
    other.register("mine")
    assert "mine" not in r
    assert "shared" in other


def test_other_threads_wait_for_discovery_to_finish() -> None:
    started, release = threading.Event(), threading.Event()

    def loader(txn: Transaction[str]) -> None:
        txn.register("first")
        started.set()
        release.wait(5)
        txn.register("second")

    r = _words(loader)
    seen: list[tuple[str, ...]] = []
    t1 = threading.Thread(target=lambda: seen.append(r.codes()))
    t1.start()
    started.wait(5)
    t2 = threading.Thread(target=lambda: seen.append(r.codes()))
    t2.start()
    release.set()
    t1.join()
    t2.join()
    assert seen == [("first", "second"), ("first", "second")]


def _hammer(
    register: Callable[[int], object],
    lookup: Callable[[int], object],
    unregister: Callable[[int], object],
    rounds: int = 60,
) -> list[BaseException]:
    """Writers register and unregister while readers look up and list, over many rounds."""
    errors: list[BaseException] = []
    stop = threading.Event()

    def writer(offset: int) -> None:
        try:
            for i in range(rounds):
                register(offset + i)
                lookup(offset + i)
                unregister(offset + i)
        except BaseException as exc:
            errors.append(exc)

    def reader() -> None:
        try:
            while not stop.is_set():
                lookup(-1)
        except BaseException as exc:
            errors.append(exc)

    writers = [threading.Thread(target=writer, args=(k * 10_000,)) for k in range(3)]
    readers = [threading.Thread(target=reader) for _ in range(2)]
    for t in (*writers, *readers):
        t.start()
    for t in writers:
        t.join()
    stop.set()
    for t in readers:
        t.join()
    return errors


def test_generic_registry_is_safe_for_concurrent_readers_and_writers() -> None:
    r = Registry[int](
        "number", code=lambda n: f"n{n}", names=lambda n: (f"number {n}",), item_type=int
    )
    r.register(10**9, builtin=True)

    def lookup(n: int) -> None:
        assert r.get(f"NUMBER {n}") == n if n >= 0 else r.get("n1000000000") == 10**9
        assert len(list(r)) >= 1
        r.codes()

    assert _hammer(r.register, lookup, lambda n: r.unregister(f"n{n}")) == []
    assert r.codes() == ("n1000000000",)


@pytest.mark.usefixtures("isolated_registries")
def test_modalities_are_safe_for_concurrent_readers_and_writers() -> None:
    def register(n: int) -> None:
        cc.register_modality(
            cc.Modality(code=f"thread_{n}", name=f"Thread demo {n}", category="other")
        )

    def lookup(n: int) -> None:
        assert cc.modality("CBT").code == "cognitive_behavioral_therapy"
        if n >= 0:
            assert cc.modality(f"thread demo {n}").code == f"thread_{n}"
        assert len(cc.list_modalities()) >= 21

    assert _hammer(register, lookup, lambda n: cc.unregister_modality(f"thread_{n}")) == []


@pytest.mark.usefixtures("isolated_registries")
def test_rule_sets_are_safe_for_concurrent_readers_and_writers() -> None:
    base = cc.rule_set("asam3-adult")

    def register(n: int) -> None:
        cc.register_rule_set(
            base.model_copy(update={"id": f"thread-{n}", "name": f"T {n}", "aliases": ()})
        )

    def lookup(n: int) -> None:
        assert cc.rule_set("ASAM 3rd ed. (adult)") is base
        if n >= 0:
            assert cc.rule_set(f"thread-{n}").id == f"thread-{n}"
        assert len(cc.list_rule_sets()) >= 5

    assert _hammer(register, lookup, lambda n: cc.unregister_rule_set(f"thread-{n}")) == []


@pytest.mark.usefixtures("isolated_registries")
def test_frameworks_and_crosswalks_are_safe_for_concurrent_readers_and_writers() -> None:
    teds = cc.framework("teds")

    def register(n: int) -> None:
        fw = cc.Framework(
            code=f"fw-{n}",
            name=f"Framework {n}",
            levels=(
                cc.CareLevel(code="a", name="A", framework=f"fw-{n}", rank=0, setting="ambulatory"),
            ),
        )
        cc.register_framework(fw)
        cc.register_crosswalk(
            cc.Crosswalk.between(
                teds,
                fw,
                mappings=[cc.LevelMapping(source=c, match="none", lost="demo") for c in teds.codes],
            )
        )

    def lookup(n: int) -> None:
        assert cc.framework("ASAM3").code == "asam3"
        assert cc.crosswalk("teds", "continuum").targets("7")[0].code == "outpatient"
        if n >= 0:
            assert cc.crosswalk("teds", f"fw-{n}").frameworks[1].code == f"fw-{n}"
        assert len(cc.list_frameworks()) >= 5

    assert _hammer(register, lookup, lambda n: cc.unregister_framework(f"fw-{n}"), rounds=30) == []
    assert [fw.code for fw in cc.list_frameworks()] == [
        "continuum",
        "asam3",
        "asam4",
        "locus",
        "teds",
    ]


def test_every_default_registry_is_listed_for_scoping() -> None:
    kinds = [r.kind for r in registries.all_registries()]
    assert kinds == ["framework", "crosswalk", "modality", "modality kind", "intensity rule set"]


@pytest.mark.usefixtures("isolated_registries")
def test_modality_kinds_are_safe_for_concurrent_readers_and_writers() -> None:
    """Writers register and unregister Modality subclasses (kinds) while readers resolve kinds
    and validate JSON that carries a built-in kind."""
    from typing import Literal

    import pydantic

    from carecontinuum.modalities import AnyModality, modality_kind, modality_kinds

    classes: dict[int, type[cc.Modality]] = {}
    lock = threading.Lock()
    holder = pydantic.TypeAdapter(AnyModality)

    def register(n: int) -> None:
        kind = f"thread_kind_{n}"
        cls = pydantic.create_model(
            f"ThreadKind{n}", __base__=cc.Modality, kind=(Literal[kind], kind)
        )
        with lock:
            classes[n] = cls
        cc.register_modality(cls)

    def lookup(n: int) -> None:
        assert modality_kind("modality") is cc.Modality
        assert holder.validate_python("CBT").code == "cognitive_behavioral_therapy"
        if n >= 0:
            assert modality_kind(f"thread_kind_{n}") is classes[n]
        assert "modality" in modality_kinds()

    def unregister(n: int) -> None:
        assert cc.unregister_modality(classes[n]) is classes[n]

    assert _hammer(register, lookup, unregister, rounds=40) == []
    assert not [k for k in modality_kinds() if k.startswith("thread_kind_")]


@pytest.mark.usefixtures("isolated_registries")
def test_crosswalks_alone_are_safe_for_concurrent_readers_and_writers() -> None:
    """Crosswalks registered and unregistered on their own, between frameworks that stay."""
    teds = cc.framework("teds")
    targets = []
    for k in range(3):
        fw = cc.Framework(
            code=f"walk-{k}",
            name=f"Walk target {k}",
            levels=(
                cc.CareLevel(
                    code="a", name="A", framework=f"walk-{k}", rank=0, setting="ambulatory"
                ),
            ),
        )
        targets.append(cc.register_framework(fw))
    before = [(w.frameworks[0].code, w.frameworks[1].code) for w in registries.CROSSWALKS]

    def walk(n: int) -> cc.Crosswalk:
        return cc.Crosswalk.between(
            teds,
            targets[n // 10_000],
            mappings=[
                cc.LevelMapping(source=c, match="none", lost=f"round {n}") for c in teds.codes
            ],
        )

    def lookup(n: int) -> None:
        assert cc.crosswalk("teds", "continuum").targets("7")[0].code == "outpatient"
        if n >= 0:
            found = cc.crosswalk("teds", f"walk-{n // 10_000}")
            assert found.map("7")[0].lost == f"round {n}"

    def unregister(n: int) -> None:
        cc.unregister_crosswalk("teds", f"walk-{n // 10_000}")

    assert _hammer(lambda n: cc.register_crosswalk(walk(n)), lookup, unregister, rounds=30) == []
    after = [(w.frameworks[0].code, w.frameworks[1].code) for w in registries.CROSSWALKS]
    assert after == before


def _versions(kind: str) -> Callable[[int], object]:
    """Version *k* of one entry of registry *kind*, found by the alias ``alias k``."""
    if kind == "modality":
        return lambda k: cc.Modality(
            code="atomic_demo", name="Atomic demo", aliases=(f"alias {k}",), category="other"
        )
    if kind == "intensity rule set":
        base = cc.rule_set("asam3-adult")
        return lambda k: base.model_copy(
            update={"id": "atomic-demo", "name": "Atomic demo", "aliases": (f"alias {k}",)}
        )
    level = cc.CareLevel(code="a", name="A", framework="atomic-demo", rank=0, setting="ambulatory")
    return lambda k: cc.Framework(
        code="atomic-demo", name="Atomic demo", aliases=(f"alias {k}",), levels=(level,)
    )


def _aliases(item: object) -> tuple[str, ...]:
    return tuple(getattr(item, "aliases", ()))


@pytest.mark.usefixtures("isolated_registries")
@pytest.mark.parametrize(
    "registry",
    [registries.MODALITIES, registries.RULE_SETS, registries.FRAMEWORKS],
    ids=lambda r: r.kind,
)
def test_a_replaced_entry_is_never_seen_half_replaced(registry: Registry[object]) -> None:
    """A writer replaces one entry again and again, each version with a new alias; readers
    looking an alias up get a version that owns that alias, or a clean miss: the index and
    the items always come from one snapshot."""
    make = _versions(registry.kind)
    registry.register(make(0))
    rounds, errors, stop = 400, [], threading.Event()
    torn: list[tuple[int, tuple[str, ...]]] = []

    def writer() -> None:
        try:
            for k in range(1, rounds):
                registry.register(make(k), replace=True)
        except BaseException as exc:
            errors.append(exc)
        finally:
            stop.set()

    def reader() -> None:
        try:
            while not stop.is_set():
                current = _aliases(registry.get("Atomic demo"))[0]  # the version now in place
                for _ in range(20):  # then its alias, again and again, across the next swaps
                    found = registry.find(current.upper())
                    if found is None:
                        break  # replaced meanwhile: a clean miss
                    if current not in _aliases(found):
                        torn.append((current, _aliases(found)))
                codes = registry.codes()
                assert len(codes) == len(set(codes))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer)] + [
        threading.Thread(target=reader) for _ in range(3)
    ]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often: more chances to catch a torn read
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    assert torn == []
    last = registry.get("alias 399")
    assert _aliases(last) == ("alias 399",)
    assert registry.find("alias 398") is None  # the replaced version's alias went with it


#: Which thread-safety test above covers each default registry.
THREAD_TESTS = {
    "framework": "test_frameworks_and_crosswalks_are_safe_for_concurrent_readers_and_writers",
    "crosswalk": "test_crosswalks_alone_are_safe_for_concurrent_readers_and_writers",
    "modality": "test_modalities_are_safe_for_concurrent_readers_and_writers",
    "modality kind": "test_modality_kinds_are_safe_for_concurrent_readers_and_writers",
    "intensity rule set": "test_rule_sets_are_safe_for_concurrent_readers_and_writers",
}


def test_every_default_registry_has_a_thread_safety_test() -> None:
    """A registry added to ``registries.all_registries()`` needs a threaded test here."""
    assert {r.kind for r in registries.all_registries()} == set(THREAD_TESTS)
    for name in THREAD_TESTS.values():
        assert callable(globals()[name])
