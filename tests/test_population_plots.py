"""Pictures: the transition-matrix heatmap and journey timelines draw, label and save."""

from __future__ import annotations

import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib.collections import PolyCollection
from matplotlib.image import AxesImage

import carecontinuum as cc
from carecontinuum.journeys import plot_journeys, population, synthetic_cohort


@pytest.fixture(autouse=True)
def _close() -> None:
    plt.close("all")


def _saved(ax: object, path: Path) -> None:
    ax.figure.savefig(path)  # type: ignore[attr-defined]
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_heatmap_of_counts(tmp_path: Path) -> None:
    df = synthetic_cohort(200, seed=4)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = population.plot_transition_matrix(df)
    (image,) = [a for a in ax.get_children() if isinstance(a, AxesImage)]
    matrix = population.transition_matrix(df)
    assert (image.get_array() == matrix.to_numpy()).all()
    assert [t.get_text() for t in ax.get_xticklabels()] == list(matrix.columns)
    assert [t.get_text() for t in ax.get_yticklabels()] == list(matrix.index)
    texts = {t.get_text() for t in ax.texts}
    nonzero = {f"{int(v):,}" for v in matrix.to_numpy().ravel() if v}
    assert texts == nonzero
    assert ax.get_title() == "Transition counts"
    assert len(ax.figure.axes) == 2  # the heatmap and its colour bar
    assert ax.figure.axes[1].get_ylabel() == "moves"
    _saved(ax, tmp_path / "counts.png")


def test_heatmap_of_shares_from_a_matrix_or_prepared(tmp_path: Path) -> None:
    data = population.prepare(synthetic_cohort(100, seed=5))
    ax = population.plot_transition_matrix(data, shares=True)
    (image,) = [a for a in ax.get_children() if isinstance(a, AxesImage)]
    rows = image.get_array().sum(axis=1)
    assert all(abs(r - 1) < 1e-9 or r == 0 for r in rows)
    assert all(t.get_text().endswith("%") for t in ax.texts)
    assert ax.figure.axes[1].get_ylabel() == "share of the row's moves"
    _, given = plt.subplots()
    same = population.plot_transition_matrix(population.transition_matrix(data), ax=given,
                                             annotate=False)  # fmt: skip
    assert same is given
    assert not same.texts
    _saved(ax, tmp_path / "shares.png")
    with pytest.raises(TypeError, match="shares must be True or False"):
        population.plot_transition_matrix(data, shares="yes")  # type: ignore[arg-type]


def test_journey_timeline(tmp_path: Path) -> None:
    j = cc.Journey(
        person_id="p1",
        placements=[
            {"level": "inpatient acute", "start": "2024-01-01", "end": "2024-01-10"},
            {"level": "PHP", "start": "2024-01-10", "end": "2024-02-01"},
            {"level": "IOP", "start": "2024-02-01", "end": "2024-03-15"},
            {"level": "PHP", "start": "2024-03-20"},
        ],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = j.plot()
    bars = [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert len(bars) == 4  # one bar per placement
    assert len(ax.texts) == 3  # one arrow per move (annotations)
    assert ax.get_title() == "Journey of p1"
    assert [t.get_text() for t in ax.get_yticklabels()] == list(cc.default_graph().codes)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["placement", "step-up", "step-down", "lateral"]
    _saved(ax, tmp_path / "journey.png")


def test_a_few_journeys_from_a_frame(tmp_path: Path) -> None:
    df = synthetic_cohort(30, seed=6)
    ax = population.plot_journeys(df, people=[3, 5, 8])
    assert ax.get_title() == "3 journeys"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "3: outpatient"
    assert labels[-1] == "8: inpatient_acute"
    n_placements = int(df["person_id"].isin([3, 5, 8]).sum())
    bars = [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert len(bars) == n_placements
    _saved(ax, tmp_path / "three.png")
    assert plot_journeys(population.journeys_from_frame(df)[:2]).get_title() == "2 journeys"
    assert population.plot_journeys(df, limit=4).get_title() == "4 journeys"
    with pytest.raises(ValueError, match="people not in column"):
        population.plot_journeys(df, people=[999])
    with pytest.raises(ValueError, match="limit must be a whole number"):
        population.plot_journeys(df, limit=0)


def test_plots_without_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(cc.MissingExtraError, match="plot"):
        cc.Journey().plot()
