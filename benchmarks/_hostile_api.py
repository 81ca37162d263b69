"""Hostile text, numbers and files for every public constructor, lookup, parser and CLI command.

``benchmarks/bench_hostile.py`` imports :func:`sections` and runs them beside its
quantity sections.  Each section feeds every case (inputs of up to 1 MB) to every
entry point; an entry point is a one-argument callable.  File-reading entry
points (``read_csv``, the CLI's ``validate``, ``graph --graph-file``, ``teds
summary``, ``fhir import``, ``locator search``) get the case written to a file
once, before timing (the best of three runs then times the read, not the write).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import carecontinuum as cc
from carecontinuum._json import loads
from carecontinuum.cli import invoke
from carecontinuum.journeys import population, synthetic_cohort
from carecontinuum.programs._geo import Coordinates

_MB = 1_000_000
_FOLDER = Path(tempfile.mkdtemp(prefix="cc-hostile-"))


def _file(value: str | bytes, suffix: str) -> Path:
    """*value* written to a file (once per distinct content), for file-reading entry points."""
    data = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value
    path = _FOLDER / f"{hashlib.sha1(data).hexdigest()}{suffix}"
    if not path.exists():
        path.write_bytes(data)
    return path


def _cli(*argv: str) -> Callable[[Any], int]:
    """A CLI command with the hostile value as its last argument."""

    def run(value: Any) -> int:
        return invoke([*argv, str(value)]).exit_code

    return run


def _cli_file(*argv: str, suffix: str = ".json") -> Callable[[Any], int]:
    """A CLI command reading the hostile value from a file."""

    def run(value: Any) -> int:
        path = _file(value, suffix)
        if argv and argv[-1] == "--graph-file":
            return invoke([*argv, str(path), "--format", "dot"]).exit_code
        return invoke([*argv, str(path)]).exit_code

    return run


def _level(name: Any) -> object:
    return cc.CareLevel(code="x", name=name, framework="t", rank=0, setting="ambulatory")


_PLACEMENT = {"level": "IOP", "start": "2024-01-01"}
_MOVE = {"index": 1, "source": "a", "target": "b", "kind": "step_up", "on": "2024-01-01"}

#: Entry points that take one piece of text.
TEXT_ENTRY_POINTS: dict[str, Callable[[Any], object]] = {
    "cc.level(...)": cc.level,
    "cc.modality(...)": cc.modality,
    "cc.framework(...)": cc.framework,
    "cc.rule_set(...)": cc.rule_set,
    "cc.crosswalk(..., 'continuum')": lambda v: cc.crosswalk(v, "continuum"),
    "default_graph().level(...)": lambda v: cc.default_graph().level(v),
    "CareLevel(name=...)": _level,
    "Modality(name=...)": lambda v: cc.Modality(code="x", name=v, category="other"),
    "Program(name=...)": lambda v: cc.Program(name=v, level="IOP"),
    "Program(level=...)": lambda v: cc.Program(name="P", level=v),
    "Needs(level=...)": lambda v: cc.Needs(level=v),
    "Placement(level=...)": lambda v: cc.Placement(level=v, start="2024-01-01"),
    "Placement(start=...)": lambda v: cc.Placement(level="IOP", start=v),
    "Placement(discharge_reason=...)": lambda v: cc.Placement(**_PLACEMENT, discharge_reason=v),
    "Journey(person_id=...)": lambda v: cc.Journey(person_id=v),
    "Move(on=...)": lambda v: cc.Move(**{**_MOVE, "on": v}),
    "Session(weekday=...)": lambda v: cc.Session(
        weekday=v, start="09:00", duration="3 h", format="group"
    ),
    "Session(start=...)": lambda v: cc.Session(
        weekday="mon", start=v, duration="3 h", format="group"
    ),
    "Transition(rationale=...)": lambda v: cc.Transition(
        source="outpatient", target="intensive_outpatient", kind="step_up", rationale=v
    ),
    "Coordinates.model_validate": Coordinates.model_validate,
    "Program.model_validate_json": cc.Program.model_validate_json,
    "Journey.model_validate_json": cc.Journey.model_validate_json,
    "Schedule.model_validate_json": cc.Schedule.model_validate_json,
    "ContinuumGraph.from_node_link(text)": cc.ContinuumGraph.from_node_link,
    "strict JSON loads": loads,
    "CLI levels --framework": lambda v: invoke(["levels", "--framework", str(v)]).exit_code,
    "CLI modalities --category": lambda v: invoke(["modalities", "--category", str(v)]).exit_code,
    "CLI path FROM OP": lambda v: invoke(["path", str(v), "OP"]).exit_code,
    "CLI schema MODEL": _cli("schema"),
    "CLI classify --rules": lambda v: (
        invoke(
            ["classify", "--hours-per-day", "3", "--days-per-week", "3", "--rules", str(v)]
        ).exit_code
    ),
    "CLI locator search --level": lambda v: (
        invoke(["locator", "search", "--level", str(v), str(_file("[]", ".json"))]).exit_code
    ),
}

#: Entry points that read the hostile value as a file's content.
FILE_ENTRY_POINTS: dict[str, Callable[[Any], object]] = {
    "population.read_csv": lambda v: population.read_csv(_file(v, ".csv")),
    "CLI validate FILE": _cli_file("validate"),
    "CLI validate --kind journey FILE": _cli_file("validate", "--kind", "journey"),
    "CLI graph --graph-file FILE": _cli_file("graph", "--graph-file"),
    "CLI teds summary FILE": _cli_file("teds", "summary", suffix=".csv"),
    "CLI fhir import FILE": _cli_file("fhir", "import"),
    "CLI locator search FILE": _cli_file("locator", "search"),
}

_NESTED = "[" * (_MB // 2) + "]" * (_MB // 2)


def text_cases() -> list[tuple[str, Any]]:
    """Hostile text of up to 1 MB; the last is an ordinary value."""
    return [
        ("1 MB of letters", "a" * _MB),
        ("1 MB of NULs", "\x00" * _MB),
        ("1 MB of control characters", "\x01\x1b\x7f\u202e" * (_MB // 4)),
        ("1 MB of emoji", "\U0001f600" * (_MB // 4)),
        ("1 MB of digits", "9" * _MB),
        ("1 MB of markup", "<script>alert(1)</script>" * (_MB // 25)),
        ("1 MB near-miss of a level", "intensive outpatent " * (_MB // 20)),
        ("1 MB of spaces then IOP", " " * (_MB - 3) + "IOP"),
        ("1 MB of commas", "," * _MB),
        ("1 MB of date-like text", "2024-01-01" * (_MB // 10)),
        ("JSON nested 500,000 deep", _NESTED),
        ("JSON of 1 MB of keys", '{"a": {' + ", ".join(f'"k{i}": 1' for i in range(80_000)) + "}}"),
        ("JSON with 60,000 duplicate keys", "{" + ", ".join('"k": 1' for _ in range(60_000)) + "}"),
        (
            "JSON of 1 MB of keys, values {}",
            "{" + ", ".join(f'"k{i}": {{}}' for i in range(80_000)) + "}",
        ),
        (
            "JSON: an unknown key, 60,000 objects",
            '{"a": [' + ", ".join(['{"x": 1, "y": 2}'] * 60_000) + "]}",
        ),
        (
            "JSON: an unknown key, 30 arrays of 1,999 objects",
            '{"a": [' + ", ".join(["[" + ", ".join(['{"x": 1, "y": 2}'] * 1999) + "]"] * 30) + "]}",
        ),
        (
            "JSON: 100,000 wrong list items",
            '{"name": "P", "level": "IOP", "modalities": [' + ", ".join(["{}"] * 100_000) + "]}",
        ),
        ("JSON list of 200,000 nulls", "[" + ", ".join("null" for _ in range(200_000)) + "]"),
        ("JSON integer of 1 MB", "9" * _MB),
        ("lone surrogates", "\ud800" * (_MB // 4)),
        ("a valid value", "IOP"),
    ]


def file_cases() -> list[tuple[str, Any]]:
    """Hostile file contents of up to 1 MB; the last is a valid (small) journey file."""
    row = "1,IOP,2024-01-01,2024-02-01\n"
    return [
        ("1 MB of random-looking bytes", bytes(range(256)) * (_MB // 256)),
        ("1 MB of NUL bytes", b"\x00" * _MB),
        ("1 MB, not UTF-8", b"\xff\xfe" * (_MB // 2)),
        ("JSON nested 500,000 deep", _NESTED),
        ("JSON integer of 1 MB", "9" * _MB),
        ("JSON with 60,000 duplicate keys", "{" + ", ".join('"k": 1' for _ in range(60_000)) + "}"),
        ("CSV of 35,000 placements", "person_id,level,start,end\n" + row * 35_000),
        ("CSV with a 1 MB cell", "person_id,level,start,end\n1," + "I" * _MB + ",2024-01-01,\n"),
        ("CSV with 50,000 columns", ",".join(f"c{i}" for i in range(50_000)) + "\n"),
        ("CSV of 1 MB of quotes", '"' * _MB),
        (
            "a valid journey",
            '{"placements": [{"level": "IOP", "start": "2024-01-01", "end": "2024-02-01"}]}',
        ),
    ]


#: Entry points that take a number (fields that are not quantities).
NUMBER_ENTRY_POINTS: dict[str, Callable[[Any], object]] = {
    "Placement(discharge_reason=...)": lambda v: cc.Placement(**_PLACEMENT, discharge_reason=v),
    "Journey(person_id=...)": lambda v: cc.Journey(person_id=v),
    "CareLevel(rank=...)": lambda v: cc.CareLevel(
        code="x", name="X", framework="t", rank=v, setting="ambulatory"
    ),
    "Move(gap_days=...)": lambda v: cc.Move(**_MOVE, gap_days=v),
    "Coordinates(latitude=...)": lambda v: Coordinates(latitude=v, longitude=0),
    "synthetic_cohort(n_people)": synthetic_cohort,
    "Journey.check(max_gap_days=...)": lambda v: cc.Journey().check(max_gap_days=v),
    "CLI classify --days-per-week": lambda v: (
        invoke(["classify", "--hours-per-day", "3", "--days-per-week", str(v)]).exit_code
    ),
}


def number_cases() -> list[tuple[str, Any]]:
    """Huge, tiny and odd numbers; the last is an ordinary one."""
    from decimal import Decimal
    from fractions import Fraction

    import numpy as np

    return [
        ("int 10**4000", 10**4000),
        ("int -(10**400)", -(10**400)),
        ("float 1e308", 1e308),
        ("float inf", float("inf")),
        ("float nan", float("nan")),
        ("Decimal sNaN", Decimal("sNaN")),
        ("Decimal 1e999999", Decimal("1e999999")),
        ("Fraction 10**400 / 3", Fraction(10**400, 3)),
        ("numpy longdouble 1e4000", np.longdouble("1e4000")),
        ("numpy uint64 max", np.uint64(2**64 - 1)),
        ("bool", True),
        ("complex", complex(3, 1)),
        ("a valid number", 3),
    ]
