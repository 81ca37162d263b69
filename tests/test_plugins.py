"""Plug-in discovery through the ``carecontinuum.modalities`` entry-point group.

Failure modes use fake entry points that point at tests/_plugin_fixtures*.py,
inside a scratch registry (built-ins only, plug-ins not yet scanned) that is
restored afterwards.  One test installs the real example plug-in
(examples/plugin) into a temporary directory and uses it from a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from pydantic import BaseModel

import carecontinuum as cc
from carecontinuum import registries
from carecontinuum.modalities import (
    ENTRY_POINT_GROUP,
    AnyModality,
    load_entry_points,
    modality_kind,
    modality_kinds,
)
from carecontinuum.modalities import _plugins as plugins

TESTS = Path(__file__).parent
ROOT = TESTS.parent

FakeEntryPoints = Callable[..., None]


@pytest.fixture
def fake_entry_points(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeEntryPoints]:
    """Install fake entry points ``name=value`` in a scratch registry."""
    monkeypatch.syspath_prepend(str(TESTS))
    calls: list[str] = []

    def install(**targets: str) -> None:
        eps = [EntryPoint(name=n, value=v, group=ENTRY_POINT_GROUP) for n, v in targets.items()]

        def entry_points(*, group: str) -> list[EntryPoint]:
            calls.append(group)
            return eps if group == ENTRY_POINT_GROUP else []

        monkeypatch.setattr(plugins, "entry_points", entry_points)

    install.calls = calls  # type: ignore[attr-defined]
    with registries.scoped(fresh=True):
        yield install


# -- working plug-ins ---------------------------------------------------------------------------
def test_plugin_is_scanned_lazily_on_first_miss(fake_entry_points: FakeEntryPoints) -> None:
    fake_entry_points(good="_plugin_fixtures:GOOD")
    calls: list[str] = fake_entry_points.calls  # type: ignore[attr-defined]
    assert cc.modality("cognitive_behavioral_therapy").code == "cognitive_behavioral_therapy"
    assert calls == []  # an exact built-in code never scans
    assert cc.modality("fixture-g").code == "fixture_good"
    assert calls == [ENTRY_POINT_GROUP]
    cc.modality("fixture good")
    cc.list_modalities()
    assert calls == [ENTRY_POINT_GROUP]  # scanned once


def test_plugin_modalities_are_listed_after_builtins(fake_entry_points: FakeEntryPoints) -> None:
    fake_entry_points(good="_plugin_fixtures:GOOD")
    codes = [m.code for m in cc.list_modalities()]
    assert codes[-1] == "fixture_good"
    assert codes[0] == "twelve_step_facilitation"


def test_plugin_subclass_and_instance(fake_entry_points: FakeEntryPoints) -> None:
    fake_entry_points(kinds="_plugin_fixtures:KIND_ITEMS")
    cls = modality_kind("fixture_kind")  # an unknown kind triggers the scan too
    assert cls.__name__ == "FixtureKind"
    item = cc.modality("fixture kinded")
    assert type(item) is cls
    assert item.level == 2  # type: ignore[attr-defined]

    class Holder(BaseModel):
        items: list[AnyModality]

    held = Holder(items=["fixture_kinded", "CBT"])
    back = Holder.model_validate_json(held.model_dump_json())
    assert back == held
    assert type(back.items[0]) is cls
    assert "fixture_kind" in json.dumps(Holder.model_json_schema())


def test_plugin_factory_callable(fake_entry_points: FakeEntryPoints) -> None:
    fake_entry_points(factory="_plugin_fixtures:factory")
    assert cc.modality("fixture factory").code == "fixture_factory"


def test_load_entry_points_is_idempotent(fake_entry_points: FakeEntryPoints) -> None:
    fake_entry_points(good="_plugin_fixtures:GOOD", kinds="_plugin_fixtures:KIND_ITEMS")
    cc.list_modalities()  # first scan
    assert load_entry_points() == []  # everything already there, no warning, nothing added


def test_runtime_registration_clashing_with_a_plugin_is_refused(
    fake_entry_points: FakeEntryPoints,
) -> None:
    fake_entry_points(good="_plugin_fixtures:GOOD")
    with pytest.raises(cc.DuplicateRegistrationError, match="'fixture_good' is already"):
        cc.register_modality(cc.Modality(code="fixture_good", name="Mine", category="other"))


# -- broken plug-ins: a warning naming them, everything else keeps working -------------------------
@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("_plugin_fixtures_broken:ANYTHING", "ImportError: the fixture plug-in needs a package"),
        ("_plugin_fixtures_missing:GOOD", "No module named '_plugin_fixtures_missing'"),
        ("_plugin_fixtures:NOT_THERE", "AttributeError"),
        ("_plugin_fixtures:WRONG_TYPE", "TypeError: entry point must provide Modality"),
        ("_plugin_fixtures:raising_factory", "RuntimeError: the fixture factory failed"),
        ("_plugin_fixtures:CLASHING_CODE", "'cognitive_behavioral_therapy' is already registered"),
        ("_plugin_fixtures:CLASHING_ALIAS", "cbt (alias of 'cognitive_behavioral_therapy')"),
        ("_plugin_fixtures:NoOwnKind", "NoOwnKind must declare its own kind"),
        ("_plugin_fixtures_exit:ANYTHING", "SystemExit: the fixture plug-in exits on import"),
        ("_plugin_fixtures:exiting_factory", "SystemExit: 3"),
    ],
)
def test_broken_plugin_warns_and_the_rest_loads(
    fake_entry_points: FakeEntryPoints, target: str, message: str
) -> None:
    fake_entry_points(broken=target, good="_plugin_fixtures:GOOD")
    with pytest.warns(cc.PluginLoadWarning) as record:
        codes = [m.code for m in cc.list_modalities()]
    assert len(record) == 1
    text = str(record[0].message)
    assert f"modality plug-in 'broken' ({target})" in text
    assert message in text
    assert "fixture_good" in codes  # the good plug-in still loaded
    assert cc.modality("CBT").name == "Cognitive behavioral therapy (CBT)"  # built-in intact


def test_failed_plugin_leaves_nothing_half_registered(fake_entry_points: FakeEntryPoints) -> None:
    fake_entry_points(partial="_plugin_fixtures:PARTLY_BAD")
    with pytest.warns(cc.PluginLoadWarning, match="'twelve_step_facilitation' is already"):
        codes = [m.code for m in cc.list_modalities()]
    assert "fixture_partial_ok" not in codes
    assert cc.modality("TSF").name == "Twelve-step facilitation (TSF)"


def test_keyboard_interrupt_is_not_swallowed_and_lands_nothing(
    fake_entry_points: FakeEntryPoints,
) -> None:
    """Ctrl-C while a plug-in loads is the user's: it propagates, nothing is registered,
    and the next lookup scans again (and finds the good plug-in)."""
    fake_entry_points(good="_plugin_fixtures:GOOD", stop="_plugin_fixtures_interrupt:X")
    calls: list[str] = fake_entry_points.calls  # type: ignore[attr-defined]
    with pytest.raises(KeyboardInterrupt):
        cc.list_modalities()
    assert calls == [ENTRY_POINT_GROUP]
    assert "fixture_good" not in registries.MODALITIES._snapshot.items  # nothing landed
    fake_entry_points(good="_plugin_fixtures:GOOD")
    assert cc.modality("fixture-g").code == "fixture_good"  # discovery runs again
    assert calls == [ENTRY_POINT_GROUP, ENTRY_POINT_GROUP]


def test_scratch_registry_restores_state(fake_entry_points: FakeEntryPoints) -> None:
    fake_entry_points(kinds="_plugin_fixtures:KIND_ITEMS")
    assert "fixture_kind" in modality_kinds()
    # the fixture's exit restores the registry; checked by the next test in this module


def test_plugin_state_does_not_leak_between_tests() -> None:
    assert "fixture_kind" not in modality_kinds()
    assert "fixture_kinded" not in [m.code for m in cc.list_modalities()]
    with pytest.raises(cc.UnknownModalityError):
        cc.modality("fixture_kinded")


# -- real entry points of an installed distribution, in a subprocess ------------------------------
_HOST = textwrap.dedent(
    """
    import json, warnings
    import carecontinuum as cc

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        code = cc.modality("fixture exit good").code
    print(json.dumps({
        "code": code,
        "warnings": [(w.category.__name__, str(w.message)) for w in caught],
        "still_running": True,
    }))
    """
)


def test_a_plugin_calling_sys_exit_at_import_does_not_end_the_host(tmp_path: Path) -> None:
    """A distribution on ``sys.path`` whose entry point's module calls ``sys.exit()``."""
    site = tmp_path / "site"
    info = site / "fixture_exit-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fixture-exit\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        f"[{ENTRY_POINT_GROUP}]\n"
        "exiting = fixture_exit_plugin:ANYTHING\n"
        "good = fixture_exit_good:GOOD\n"
    )
    (site / "fixture_exit_plugin.py").write_text("import sys\nsys.exit(4)\n")
    (site / "fixture_exit_good.py").write_text(
        "import carecontinuum as cc\n"
        "GOOD = cc.Modality(code='fixture_exit_good', name='Fixture exit good', "
        "category='other')\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *sys.path])}
    done = subprocess.run(
        [sys.executable, "-c", _HOST],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["still_running"] is True
    assert result["code"] == "fixture_exit_good"
    assert result["warnings"] == [
        [
            "PluginLoadWarning",
            "carecontinuum could not load modality plug-in 'exiting' "
            "(fixture_exit_plugin:ANYTHING): SystemExit: 4",
        ]
    ]


# -- the real example plug-in, installed in isolation ------------------------------------------
_PROBE = textwrap.dedent(
    """
    import json
    from importlib.metadata import entry_points
    from pydantic import BaseModel
    import carecontinuum as cc
    from carecontinuum.modalities import ENTRY_POINT_GROUP, AnyModality

    class Program(BaseModel):
        modalities: list[AnyModality]

    found = cc.modality("walk and talk")
    program = Program(modalities=[found, "CBT"])
    back = Program.model_validate_json(program.model_dump_json())
    print(json.dumps({
        "entry_points": sorted(e.value for e in entry_points(group=ENTRY_POINT_GROUP)),
        "code": found.code,
        "class": type(found).__name__,
        "venue": found.venue,
        "round_trip_equal": back == program,
        "round_trip_class": type(back.modalities[0]).__name__,
        "listed": found.code in [m.code for m in cc.list_modalities("other")],
        "schema_has_kind": "example_program_modality" in json.dumps(Program.model_json_schema()),
        "plugin_module": type(found).__module__,
    }))
    """
)


def test_example_plugin_installs_and_is_found_through_its_entry_point(tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--no-cache-dir",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(ROOT / "examples" / "plugin"),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    assert (target / "carecontinuum_example_plugin" / "__init__.py").is_file()
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], check=True, capture_output=True, text=True, env=env
    )
    result = json.loads(done.stdout)
    assert result == {
        "entry_points": ["carecontinuum_example_plugin:WALK_AND_TALK"],
        "code": "example_walk_and_talk",
        "class": "ProgramModality",
        "venue": "outdoors, on the program's walking route",
        "round_trip_equal": True,
        "round_trip_class": "ProgramModality",
        "listed": True,
        "schema_has_kind": True,
        "plugin_module": "carecontinuum_example_plugin",
    }
    assert done.stderr == ""  # no PluginLoadWarning


def test_example_plugin_is_not_in_this_environment() -> None:
    """The install test must not have touched the shared environment."""
    with pytest.raises(cc.UnknownModalityError):
        cc.modality("example_walk_and_talk")
