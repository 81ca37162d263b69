"""Hostile files handed to the command line: exit 0, 1 or 2, one line, no traceback, quickly.

Every class of bad file the robustness issue names — binary, not UTF-8,
deeply nested JSON, a huge integer, a directory, a missing path, duplicate
keys — and random bytes and random JSON documents.  Commands run in-process
through :func:`carecontinuum.cli.invoke`; the time bound is generous (the
benchmark ``bench_hostile.py`` measures the real figures).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecontinuum.cli import invoke

_COMMANDS = (["validate"], ["validate", "--json"], ["validate", "--kind", "journey"])


def _run(argv: list[str]) -> tuple[int, str]:
    start = time.perf_counter()
    result = invoke(argv)
    took = time.perf_counter() - start
    assert took < 10, f"{argv[:2]} took {took:.1f} s"
    text = result.stdout + result.stderr
    assert "Traceback" not in text
    assert result.exit_code in (0, 1, 2), (result.exit_code, text[-300:])
    return result.exit_code, result.stderr


def _write(tmp_path: Path, data: bytes, name: str = "input.json") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02binary\xff", "binary file"),
        (b'{"level": "IOP\xff\xfe"}', "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nests deeper"),
        (b'{"placements": [{"start": 1' + b"0" * 5000 + b"}]}", "digits"),
        (b'{"weeks": 1' + b"9" * 60 + b"}", "digits"),
    ],
    ids=["binary", "not-utf8", "deep", "huge-int", "long-int"],
)
def test_an_unreadable_file_is_a_one_line_usage_error_naming_it(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = _write(tmp_path, data)
    for argv in _COMMANDS:
        code, err = _run([*argv, path])
        assert code == 2
        assert message in err
        assert path in err or repr(path) in err or "the file" in err
        assert len(err.strip().splitlines()) == 1


def test_a_directory_and_a_missing_path_are_usage_errors(tmp_path: Path) -> None:
    code, err = _run(["validate", str(tmp_path)])
    assert code == 2
    assert "is a directory" in err
    code, err = _run(["validate", str(tmp_path / "missing.json")])
    assert code == 2
    assert "No such file" in err


def test_a_duplicate_key_is_a_problem_naming_the_key(tmp_path: Path) -> None:
    path = _write(tmp_path, b'{"name": "A", "name": "B", "level": "IOP"}')
    result = invoke(["validate", path])
    assert result.exit_code == 1
    assert "repeats the key 'name'" in " ".join(result.stdout.split())


def test_a_huge_echo_is_cut(tmp_path: Path) -> None:
    doc = {"placements": [{"level": "x" * 1_000_000, "start": "2024-01-01"}]}
    path = _write(tmp_path, json.dumps(doc).encode())
    code, _ = _run(["validate", path])
    assert code == 1
    result = invoke(["validate", path])
    assert max(len(line) for line in result.stdout.splitlines()) < 400


@settings(
    deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=2_000))
def test_random_bytes_never_crash(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, data, "random.bin")
    for argv in _COMMANDS:
        _run([*argv, path])


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(
            st.sampled_from(
                [
                    "level",
                    "start",
                    "end",
                    "placements",
                    "schedule",
                    "name",
                    "weeks",
                    "hours_per_day",
                    "days_per_week",
                    "discharge_reason",
                    "kind",
                ]
            )
            | st.text(max_size=8),
            inner,
            max_size=6,
        )
    ),
    max_leaves=25,
)


@settings(
    deadline=None, max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_JSON)
def test_random_json_never_crashes(tmp_path: Path, doc: object) -> None:
    path = _write(tmp_path, json.dumps(doc).encode(), "random.json")
    for argv in _COMMANDS:
        _run([*argv, path])


# -- the files that options name: --rules-file, --graph-file, --program, a CSV of placements ------
_PROGRAM = b'{"name": "P", "level": "IOP", "schedule": {"hours_per_day": 3, "days_per_week": 3}}'
_HOSTILE = [
    (b"\x00\x01\x02binary\xff", "binary file"),
    (b'{"id": "x\xff\xfe"}', "not UTF-8"),
    (b"[" * 100_000 + b"]" * 100_000, "nests deeper"),
    (b'{"id": 1' + b"0" * 5000 + b"}", "digits"),
    (b'{"id": "a", "id": "b"}', "repeats the key 'id'"),
    ("<directory>", "is a directory"),
    ("<missing>", "No such file"),
]
_HOSTILE_IDS = ["binary", "not-utf8", "deep", "huge-int", "duplicate-key", "directory", "missing"]


def _flag_commands(tmp_path: Path) -> dict[str, list[str]]:
    program = _write(tmp_path, _PROGRAM, "program.json")
    journey = _write(tmp_path, b'{"placements": []}', "journey.json")
    return {
        "classify --rules-file": [
            "classify",
            "--hours-per-day",
            "3",
            "--days-per-week",
            "3",
            "--rules-file",
        ],
        "classify --program": ["classify", "--program"],
        "classify --program --rules-file": ["classify", "--program", program, "--rules-file"],
        "validate --rules-file": ["validate", program, "--rules-file"],
        "validate --graph-file": ["validate", journey, "--graph-file"],
        "validate --json --graph-file": ["validate", journey, "--json", "--graph-file"],
    }


def _hostile_path(tmp_path: Path, data: bytes | str) -> str:
    if data == "<directory>":
        (tmp_path / "dir.json").mkdir()
        return str(tmp_path / "dir.json")
    if data == "<missing>":
        return str(tmp_path / "missing.json")
    assert isinstance(data, bytes)
    return _write(tmp_path, data, "hostile.json")


@pytest.mark.parametrize(("data", "message"), _HOSTILE, ids=_HOSTILE_IDS)
def test_a_hostile_file_given_to_an_option_is_a_one_line_usage_error(
    tmp_path: Path, data: bytes | str, message: str
) -> None:
    path = _hostile_path(tmp_path, data)
    for name, argv in _flag_commands(tmp_path).items():
        code, err = _run([*argv, path])
        assert code == 2, name
        assert message in err, (name, err)
        assert path in err or repr(path) in err, (name, err)
        assert len(err.strip().splitlines()) == 1, (name, err)


@pytest.mark.parametrize(
    ("data", "message"),
    [h for h in _HOSTILE if h[1] in ("binary file", "not UTF-8", "is a directory", "No such file")],
    ids=["binary", "not-utf8", "directory", "missing"],
)
def test_a_hostile_csv_file_is_a_one_line_usage_error(
    tmp_path: Path, data: bytes | str, message: str
) -> None:
    if isinstance(data, bytes):
        path = _write(tmp_path, b"person_id,level,start,end\n" + data, "hostile.csv")
    else:
        path = _hostile_path(tmp_path, data).replace(".json", ".csv")
        if data == "<directory>":
            Path(path).mkdir()
    for argv in (["validate"], ["validate", "--json"], ["validate", "--kind", "csv"]):
        code, err = _run([*argv, path])
        assert code == 2
        assert message in err, err
        assert path in err or repr(path) in err
        assert len(err.strip().splitlines()) == 1


@settings(
    deadline=None, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=1_000))
def test_random_bytes_as_a_csv_or_an_option_file_never_crash(tmp_path: Path, data: bytes) -> None:
    csv = _write(tmp_path, data, "random.csv")
    _run(["validate", csv])
    other = _write(tmp_path, data, "random.json")
    for argv in _flag_commands(tmp_path).values():
        _run([*argv, other])


@settings(
    deadline=None, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_JSON)
def test_random_json_as_an_option_file_never_crashes(tmp_path: Path, doc: object) -> None:
    path = _write(tmp_path, json.dumps(doc).encode(), "random-option.json")
    for argv in _flag_commands(tmp_path).values():
        _run([*argv, path])
