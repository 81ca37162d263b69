"""The curated facade: one table, every public name resolves, honest types, pickles."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pickle
import typing
from pathlib import Path
from types import FunctionType, ModuleType

import pytest

import carecontinuum as cc
from carecontinuum import _EXPORTS

ROOT = Path(__file__).resolve().parents[1]


def test_all_is_the_table_and_nothing_else() -> None:
    names = {n for ns in _EXPORTS.values() for n in ns}
    assert set(cc.__all__) == names | {"__version__"}
    assert len(cc.__all__) == len(set(cc.__all__))


def test_the_generated_type_checking_block_is_current() -> None:
    spec = importlib.util.spec_from_file_location("gen_facade", ROOT / "scripts" / "gen_facade.py")
    assert spec is not None
    assert spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    source = (ROOT / "src" / "carecontinuum" / "__init__.py").read_text(encoding="utf-8")
    assert gen.render(source) == source, "run: python scripts/gen_facade.py"


_PUBLIC_MODULES = [
    "carecontinuum",
    "carecontinuum.errors",
    "carecontinuum.registries",
    "carecontinuum.units",
    "carecontinuum.levels",
    "carecontinuum.modalities",
    "carecontinuum.schedules",
    "carecontinuum.intensity",
    "carecontinuum.programs",
    "carecontinuum.transitions",
    "carecontinuum.journeys",
    "carecontinuum.cli",
]


def _public_objects() -> list[tuple[str, object]]:
    found: dict[int, tuple[str, object]] = {}
    for module_name in _PUBLIC_MODULES:
        module: ModuleType = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type | FunctionType):
                found.setdefault(id(obj), (f"{module_name}.{name}", obj))
    return sorted(found.values(), key=lambda pair: pair[0])


_OBJECTS = _public_objects()


def test_public_objects_were_found() -> None:
    assert len(_OBJECTS) >= 120


@pytest.mark.parametrize(("name", "obj"), _OBJECTS, ids=[n for n, _ in _OBJECTS])
def test_type_hints_signatures_and_source_work(name: str, obj: object) -> None:
    typing.get_type_hints(obj, include_extras=True)
    if isinstance(obj, type):
        for attr, member in vars(obj).items():
            ours = (getattr(member, "__module__", None) or "").startswith("carecontinuum")
            if isinstance(member, FunctionType) and ours and not attr.startswith("__"):
                typing.get_type_hints(member, include_extras=True)
    if callable(obj):
        inspect.signature(obj)
    assert inspect.getsource(obj)  # type: ignore[arg-type]
    module = getattr(obj, "__module__", "")
    assert module.startswith("carecontinuum."), module  # its defining module, not the facade


@pytest.mark.parametrize("name", cc.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(cc, name) is not None


def test_dir_is_the_public_api() -> None:
    assert dir(cc) == sorted(cc.__all__)


def test_unknown_attribute_is_a_clear_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'levle'"):
        cc.levle  # type: ignore[attr-defined]  # noqa: B018


@pytest.mark.parametrize("name", ["CareContinuumError", "UnknownLevelError", "InvalidJsonError"])
def test_errors_live_in_the_public_errors_module(name: str) -> None:
    import carecontinuum.errors

    assert getattr(cc, name) is getattr(carecontinuum.errors, name)
    assert getattr(cc, name).__module__ == "carecontinuum.errors"


def test_version_is_a_string() -> None:
    assert isinstance(cc.__version__, str)
    assert cc.__version__.count(".") >= 2


def test_domain_objects_pickle_through_the_facade() -> None:
    iop = cc.level("IOP")
    assert pickle.loads(pickle.dumps(iop)) == iop
    cbt = cc.modality("CBT")
    assert pickle.loads(pickle.dumps(cbt)) == cbt


def test_errors_form_one_hierarchy() -> None:
    for name in (
        "UnknownLevelError",
        "UnknownModalityError",
        "UnknownFrameworkError",
        "UnknownRuleSetError",
        "DuplicateRegistrationError",
        "InvalidTransitionError",
        "InvalidQuantityError",
        "MissingExtraError",
    ):
        assert issubclass(getattr(cc, name), cc.CareContinuumError), name
    for name in ("UnknownLevelError", "UnknownModalityError", "UnknownRuleSetError"):
        assert issubclass(getattr(cc, name), LookupError)


def test_missing_extra_error_says_what_to_install() -> None:
    err = cc.MissingExtraError("matplotlib", "plot", "Drawing a graph")
    assert "pip install 'carecontinuum[plot]'" in str(err)
    assert isinstance(err, ImportError)


@pytest.mark.parametrize(
    "name",
    [
        "errors",
        "registries",
        "units",
        "levels",
        "modalities",
        "schedules",
        "intensity",
        "programs",
        "transitions",
        "journeys",
    ],
)
def test_subpackages_are_reachable_as_attributes(name: str) -> None:
    module = getattr(cc, name)
    assert module.__name__ == f"carecontinuum.{name}"


@pytest.mark.parametrize("name", ["Program", "Schedule", "Needs", "CareLevel", "RuleSet"])
def test_help_shows_a_signature_without_validator_noise(name: str) -> None:
    text = str(inspect.signature(getattr(cc, name)))
    for noise in ("Annotated", "BeforeValidator", "InUnit(", "LevelMarker", " object at 0x"):
        assert noise not in text
    assert "*," in text  # keyword-only, as the model takes them


def test_a_readable_signature_keeps_every_field_and_default() -> None:
    sig = inspect.signature(cc.Schedule)
    assert list(sig.parameters) == list(cc.Schedule.model_fields)
    assert sig.parameters["hours_per_day"].default is inspect.Parameter.empty
    assert sig.parameters["twenty_four_hour"].default is False
    assert str(sig.parameters["days_per_week"]) == "days_per_week: int | str"
