"""The progress helper: silent by default in tests and CI, shown on request or in a terminal."""

from __future__ import annotations

import io

import pytest

from carecontinuum._progress import Progress, progress_enabled
from carecontinuum.journeys import population, synthetic_cohort


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Broken(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError("stream closed")


def test_explicit_choice_wins() -> None:
    assert progress_enabled(True) is True
    assert progress_enabled(False, _Terminal()) is False


def test_silent_under_pytest_and_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    assert progress_enabled(None, _Terminal()) is False  # PYTEST_CURRENT_TEST is set
    monkeypatch.delenv("PYTEST_CURRENT_TEST")
    monkeypatch.delenv("CI", raising=False)
    assert progress_enabled(None, _Terminal()) is True
    assert progress_enabled(None, io.StringIO()) is False  # not a terminal
    monkeypatch.setenv("CI", "true")
    assert progress_enabled(None, _Terminal()) is False


def test_one_line_per_update_when_not_a_terminal() -> None:
    out = io.StringIO()
    with Progress("counting", total=3, enabled=True, stream=out, interval=0) as bar:
        for _ in range(3):
            bar.advance(note="rows")
    lines = out.getvalue().splitlines()
    assert [line.split(" [")[0] for line in lines] == [
        "counting: 1/3 rows",
        "counting: 2/3 rows",
        "counting: 3/3 rows",
    ]
    assert "\r" not in out.getvalue()
    assert bar.done == 3


def test_updates_are_throttled_but_the_last_one_is_shown() -> None:
    out = io.StringIO()
    with Progress("rows", total=1000, enabled=True, stream=out, interval=3600) as bar:
        for _ in range(1000):
            bar.advance()
    lines = out.getvalue().splitlines()
    assert [line.split(" [")[0] for line in lines] == ["rows: 1/1000", "rows: 1000/1000"]


def test_a_tqdm_bar_in_a_terminal() -> None:
    out = _Terminal()
    with Progress("counting", total=3, enabled=True, stream=out) as bar:
        for _ in range(3):
            bar.advance(note="rows")
    text = out.getvalue()
    assert "counting" in text
    assert "3/3" in text
    assert "rows" in text
    assert "\r" in text  # tqdm redraws its one line


def test_progress_argument_must_be_a_bool_or_none() -> None:
    with pytest.raises(TypeError, match="progress must be True, False or None"):
        progress_enabled(1)  # type: ignore[arg-type]


def test_progress_is_never_required() -> None:
    with Progress("x", total=2, enabled=True, stream=_Broken(), interval=0) as bar:
        bar.advance()
        bar.advance()
    assert bar.enabled is False
    quiet = io.StringIO()
    with Progress("x", enabled=False, stream=quiet) as bar:
        bar.advance(5)
    assert quiet.getvalue() == ""


def test_batch_functions_report_progress_only_when_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    df = synthetic_cohort(30, seed=2)
    capsys.readouterr()
    silent = population.transition_matrix(df)
    assert capsys.readouterr().err == ""
    shown = population.transition_matrix(df, progress=True)
    assert "transition matrix: 2/2" in capsys.readouterr().err
    assert shown.equals(silent)
    population.length_of_stay_stats(df, progress=True)
    population.journeys_from_frame(df, progress=True)
    err = capsys.readouterr().err
    assert "length of stay: 2/2" in err
    assert "journeys: 30/30" in err


def test_without_tqdm(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    import carecontinuum as cc

    monkeypatch.setitem(sys.modules, "tqdm", None)
    with pytest.raises(cc.MissingExtraError, match=r"carecontinuum\[dataframe\]"):
        Progress("x", total=1, enabled=True, stream=io.StringIO())
    monkeypatch.delenv("PYTEST_CURRENT_TEST")
    monkeypatch.delenv("CI", raising=False)
    quiet = Progress("x", total=1, enabled=None, stream=_Terminal())  # asked for nothing
    assert quiet.enabled is False
