"""The curated facade: every public name resolves, reports the facade, pickles."""

from __future__ import annotations

import pickle

import pytest

import carecontinuum as cc
from carecontinuum import _LAZY


def test_all_covers_every_lazy_name_once() -> None:
    assert set(_LAZY) <= set(cc.__all__)
    assert len(cc.__all__) == len(set(cc.__all__))


@pytest.mark.parametrize("name", cc.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(cc, name) is not None


def test_dir_is_the_public_api() -> None:
    assert dir(cc) == sorted(cc.__all__)


def test_unknown_attribute_is_a_clear_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'levle'"):
        cc.levle  # type: ignore[attr-defined]  # noqa: B018


@pytest.mark.parametrize(
    "name",
    [
        "CareLevel",
        "Framework",
        "Modality",
        "level",
        "modality",
        "register_modality",
    ],
)
def test_public_objects_report_the_facade_module(name: str) -> None:
    assert getattr(cc, name).__module__ == "carecontinuum"


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
