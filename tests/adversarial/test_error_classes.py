"""Bad input never escapes as a plain ``ValueError``: it is a ``CareContinuumError`` or a
pydantic ``ValidationError`` (issue 9 §5), and a ``TypeError`` names its argument.

Two checks:

* calls of public journeys functions with an option out of range raise
  :class:`~carecontinuum.journeys.JourneyOptionError` (a ``ValueError`` too),
  naming the option, the value and the rule;
* a scan of the source with ``ast``: every ``raise ValueError`` / ``raise KeyError``
  left in ``src`` sits in a function listed below, each one a pydantic validator
  (pydantic turns it into a ``ValidationError`` naming the field), a parser hook
  whose caller converts it, or an internal assertion.  A new bare raise in a
  public function fails this test until it uses the package's error class.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import matplotlib
import pytest

import carecontinuum as cc
from carecontinuum.journeys import JourneyOptionError, population, synthetic_cohort

SRC = Path(cc.__file__).parent
matplotlib.use("Agg")

#: (module, function) → why a bare ValueError/KeyError is fine there.
ALLOWED: dict[tuple[str, str], str] = {
    ("_contract.py", "rule"): "a programmer's error: an unlisted rule name (internal)",
    (
        "_contract.py",
        "contract",
    ): "a programmer's error: an unlisted rule, at class definition",
    ("_json.py", "_int"): "json.loads hook; loads() turns it into InvalidJsonError",
    ("_json.py", "_constant"): "json.loads hook; loads() turns it into InvalidJsonError",
    ("journeys/_dates.py", "as_date"): "internal; coerce_date and the frame readers convert it",
    ("journeys/_reason.py", "coerce_reason"): "BeforeValidator; frames convert it",
    ("journeys/_reason.py", "_whole_code"): "called by coerce_reason only",
    ("journeys/_numbers.py", "plain_whole"): "BeforeValidator of journeys integer fields",
    ("levels/_field.py", "continuum_code"): "called only by the level field's validator",
    ("programs/_ages.py", "_not_bool"): "BeforeValidator",
    ("programs/_geo.py", "_degrees"): "BeforeValidator",
    ("programs/_geo.py", "_length"): "BeforeValidator",
    ("programs/_geo.py", "_from_pair"): "model_validator",
    ("transitions/_node_link.py", "_known_keys"): "called by validators only",
    ("transitions/_node_link.py", "_node_level"): "BeforeValidator",
    ("transitions/_node_link.py", "_one_edge_list"): "model_validator",
}


def _bare_raises() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in sorted(SRC.rglob("*.py")):
        module = path.relative_to(SRC).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(func):
                if not isinstance(node, ast.Raise) or node.exc is None:
                    continue
                exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                if isinstance(exc, ast.Name) and exc.id in {"ValueError", "KeyError"}:
                    found.add((module, func.name))
    return found


def test_no_bare_value_error_outside_validators() -> None:
    found = _bare_raises()
    assert found <= set(ALLOWED), sorted(found - set(ALLOWED))
    assert ("journeys/_check.py", "check_options") not in found


_JOURNEY = cc.Journey(placements=[{"level": "PHP", "start": "2024-03-01", "end": "2024-03-29"}])

CASES: list[tuple[str, Callable[[Path], object], str, str]] = [
    ("max_gap_days", lambda _: _JOURNEY.check(max_gap_days=-1), "must be ≥ 0", "-1"),
    (
        "max_gap_days",
        lambda _: population.check(synthetic_cohort(3), max_gap_days=-(10**30)),
        "must be ≥ 0",
        "-1000000000000000000000000000000",
    ),
    (
        "row_group_size",
        lambda tmp: population.write_parquet(synthetic_cohort(2), tmp / "x.pq", row_group_size=0),
        "whole number ≥ 1",
        "0",
    ),
    ("limit", lambda _: population.plot_journeys(synthetic_cohort(4), limit=0), "≥ 1", "0"),
    ("limit", lambda _: population.plot_journeys(synthetic_cohort(4), limit=-7), "≥ 1", "-7"),
    (
        "people",
        lambda _: population.plot_journeys(synthetic_cohort(4), people=["nobody"]),
        "not in column 'person_id'",
        "['nobody']",
    ),
]


@pytest.mark.parametrize(("option", "call", "rule", "echoed"), CASES)
def test_options_out_of_range_are_our_errors(
    tmp_path: Path, option: str, call: Callable[[Path], object], rule: str, echoed: str
) -> None:
    with pytest.raises(JourneyOptionError) as info:
        call(tmp_path)
    err = info.value
    assert isinstance(err, cc.CareContinuumError)
    assert isinstance(err, ValueError)
    assert err.option == option
    assert str(err).startswith(option)
    assert rule in str(err)
    assert echoed in str(err)


@pytest.mark.parametrize("value", [-(10**200), -(10**5000)], ids=["200-digits", "5000-digits"])
def test_a_huge_option_is_echoed_cut_short(value: int) -> None:
    with pytest.raises(JourneyOptionError) as info:
        _JOURNEY.check(max_gap_days=value)
    assert str(info.value).startswith("max_gap_days must be ≥ 0, got ")
    assert len(str(info.value)) < 160
    assert info.value.value == value


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: population.plot_journeys(synthetic_cohort(4), limit="3"), "limit"),
        (lambda: population.plot_journeys(synthetic_cohort(4), limit=True), "limit"),
        (lambda: _JOURNEY.check(max_gap_days=1.5), "max_gap_days"),
        (lambda: _JOURNEY.check(end_inclusive="yes"), "end_inclusive"),
        (lambda: population.journeys_to_frame(_JOURNEY), "journeys"),
        (lambda: population.journeys_to_frame([_JOURNEY, 3]), "journeys"),
        (lambda: population.prepare([1, 2]), "df"),
        (
            lambda: population.write_parquet(synthetic_cohort(2), "x.pq", row_group_size=2.5),
            "row_group_size",
        ),
    ],
)
def test_type_errors_name_the_argument(call: Callable[[], object], argument: str) -> None:
    with pytest.raises(TypeError) as info:
        call()
    assert str(info.value).startswith(argument), str(info.value)
