"""``ContinuumGraph.draw()``: readable at a glance, drawn without warnings, saved to PNG.

Readable means: no arrow runs under a level's box (checked on the geometry the
drawing follows), the legend sits beside the graph, the figure is sized to
what it shows, and typical moves stand out from the others.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

import carecontinuum as cc
from carecontinuum.transitions._layout import MARGIN, Layout, layout

FRAMEWORKS = ["continuum", "asam3", "asam4", "locus", "teds"]


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def _arrows(ax: object) -> list[FancyArrowPatch]:
    return [p for p in ax.patches if isinstance(p, FancyArrowPatch)]  # type: ignore[attr-defined]


def _boxes(ax: object) -> list[FancyBboxPatch]:
    return [p for p in ax.patches if isinstance(p, FancyBboxPatch)]  # type: ignore[attr-defined]


def test_draws_every_level_and_move_with_its_labels() -> None:
    g = cc.default_graph()
    ax = g.draw()
    assert len(_boxes(ax)) == 5  # no equal ranks: no band
    assert len(_arrows(ax)) == 17  # every move of the default graph [SEED, TIP47]
    names = [" ".join(t.get_text().split("\n")) for t in ax.texts]
    assert names == [lv.name for lv in g.levels]
    assert ax.get_title() == "continuum: less intensive → more intensive"
    legend = ax.figure.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == [
        "step-up",
        "step-down",
        "typical move",
        "other allowed move",
    ]
    xs = [b.get_x() for b in _boxes(ax)]
    assert xs == sorted(xs)  # least intensive on the left


def test_typical_moves_stand_out() -> None:
    g = cc.default_graph()
    ax = g.draw()
    typical = {(t.source, t.target) for t in g.transitions if t.typical}
    by_width = sorted(_arrows(ax), key=lambda a: a.get_linewidth())
    thick = by_width[len(by_width) - len(typical) :]
    thin = by_width[: len(by_width) - len(typical)]
    assert min(a.get_linewidth() for a in thick) >= 2 * max(a.get_linewidth() for a in thin)
    assert all(a.get_alpha() == 1.0 and a.get_linestyle() == "-" for a in thick)
    assert all(a.get_alpha() < 0.6 and a.get_linestyle() != "-" for a in thin)
    assert min(a.get_zorder() for a in thick) > max(a.get_zorder() for a in thin)
    assert len(_arrows(g.draw(typical_only=True))) == len(typical) == 8


@pytest.mark.parametrize("fw", FRAMEWORKS)
def test_no_arrow_runs_under_a_box(fw: str) -> None:
    g = cc.framework_graph(fw)
    for height in (0.2, 0.3, 0.5):
        plan = layout(g.levels, g.transitions, box_width=0.66, box_height=height)
        _assert_clear(plan)


def _assert_clear(plan: Layout) -> None:
    for route in plan.routes:
        t = route.transition
        own = {t.source, t.target}
        for box in plan.boxes.values():
            margin = 0.0 if box.code in own else MARGIN
            inside = [p for p in route.points[1:-1] if box.holds(*p, margin)]
            assert not inside, (str(t), box.code)
        for end, code in ((route.start, t.source), (route.end, t.target)):
            box = plan.boxes[code]  # the arrow starts and ends on its boxes' edges
            on_edge_x = abs(abs(end[0] - box.x) - box.width / 2) < 1e-9
            on_edge_y = abs(abs(end[1] - box.y) - box.height / 2) < 1e-9
            assert on_edge_x or on_edge_y


@pytest.mark.parametrize("fw", FRAMEWORKS)
def test_drawn_arrows_follow_the_routed_geometry(fw: str) -> None:
    g = cc.framework_graph(fw)
    ax = g.draw()
    arrows = _arrows(ax)
    assert len(arrows) == len(g.transitions)
    for arrow in arrows:
        style = arrow.get_connectionstyle()
        assert -1.5 < style.rad < 0  # bowing up for step-ups, down for step-downs
    # one column per level: more levels make the figure wider, up to a page; past that the
    # columns shrink to their minimum and the figure is as wide as they need (ASAM 3: 17 levels)
    width, height = ax.figure.get_size_inches()
    if len(g) * 1.75 + 1.5 <= 16.0:
        assert width == pytest.approx(len(g) * 1.75 + 1.5, abs=1.0)
    else:
        assert 15.0 <= width <= max(17.5, len(g) * 1.1 + 1.0)
    assert 1.5 < height < 6
    plan = g._figure_size(typical_only=False)[1]  # the very layout drawn
    _assert_clear(plan)
    starts = sorted((a.get_connectionstyle().rad, a.zorder) for a in arrows)
    assert starts == sorted((r.rad, 2 if r.transition.typical else 1) for r in plan.routes)


def test_levels_of_equal_rank_share_a_band() -> None:
    g = cc.framework_graph("teds")  # TEDS services: several codes per rank [TEDS]
    ax = g.draw()
    plan = g._figure_size(typical_only=False)[1]
    ranks = [lv.rank for lv in g.levels]
    shared = {r for r in ranks if ranks.count(r) > 1}
    assert {rank for *_, rank in plan.bands} == shared
    for x0, x1, rank in plan.bands:
        inside = {code for code, box in plan.boxes.items() if x0 < box.x < x1}
        assert inside == {lv.code for lv in g.levels if lv.rank == rank}
    bands = [p for p in _boxes(ax) if p.get_zorder() == 0]
    assert len(bands) == len(plan.bands)
    assert "same rank" in [t.get_text() for t in ax.figure.legends[0].get_texts()]


def test_the_figure_is_sized_to_the_graph() -> None:
    small = cc.default_graph().subgraph(["OP", "IOP"]).draw().figure.get_size_inches()
    large = cc.default_graph().draw().figure.get_size_inches()
    assert large[0] > small[0] + 4
    assert cc.default_graph().draw().get_aspect() == 1.0


def test_legend_sits_beside_the_graph() -> None:
    ax = cc.default_graph().draw()
    fig = ax.figure
    fig.canvas.draw()
    legend_box = fig.legends[0].get_window_extent()
    axes_box = ax.get_window_extent()
    assert legend_box.x0 >= axes_box.x1 - 1
    assert legend_box.y0 >= axes_box.y0 - 1
    assert legend_box.y1 <= axes_box.y1 + fig.dpi  # beside it, not above or below
    assert legend_box.x1 <= fig.bbox.x1 + 1  # and inside the figure


@pytest.mark.parametrize("size", [(10, 4), (6, 6), (16, 2)])
def test_draws_on_a_given_axes_with_the_legend_beside_the_graph(size: tuple[int, int]) -> None:
    fig, ax = plt.subplots(figsize=size)
    g = cc.default_graph()
    assert g.draw(ax) is ax
    fig.canvas.draw()
    legend = ax.get_legend().get_window_extent()
    boxes = [p.get_window_extent() for p in _boxes(ax)]
    assert legend.x0 >= max(b.x1 for b in boxes)  # right of every level
    assert fig.bbox.x0 <= legend.x0 < legend.x1 <= fig.bbox.x1  # and inside the figure
    assert fig.bbox.y0 <= legend.y0 < legend.y1 <= fig.bbox.y1


def test_saves_to_png(tmp_path: Path) -> None:
    ax = cc.framework_graph("teds").draw()
    out = tmp_path / "graph.png"
    ax.figure.savefig(out, dpi=80)
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = plt.imread(out)
    width, height = ax.figure.get_size_inches()
    assert image.shape[0] == pytest.approx(height * 80, abs=1)
    assert image.shape[1] == pytest.approx(width * 80, abs=1)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        (r"$\frac{1}{0}$ level", r"$\frac{1}{0}$ level"),  # mathtext is off: no parse error
        ("bell\x07 and NUL\x00", "bell\\x07 and NUL\\x00"),  # control characters as escapes
        ("x" * 1_000_000, "x" * 99 + "…"),  # a huge name is shortened in the drawing only
    ],
)
def test_hostile_names_draw_as_plain_text(name: str, shown: str) -> None:
    level = cc.CareLevel(code="a", name=name, framework="t", rank=0, setting="ambulatory")
    g = cc.ContinuumGraph([level], name=name)
    ax = g.draw()
    assert ax.texts[0].get_text().split() == shown.split() or (
        ax.texts[0].get_text().replace("\n", "") == shown  # one long word, cut into lines
    )
    assert ax.texts[0].get_parse_math() is False
    ax.figure.canvas.draw()
    assert g.level("a").name == name  # the graph keeps the name as given


@pytest.mark.parametrize("levels", [0, 1, 2])
def test_tiny_graphs_draw_and_save(levels: int, tmp_path: Path) -> None:
    g = cc.default_graph().subgraph(cc.default_graph().codes[:levels], name="tiny")
    ax = g.draw()
    ax.figure.savefig(tmp_path / "tiny.png")  # no collapsed-layout warning
    assert len(_boxes(ax)) == levels
    assert g._repr_mimebundle_()["image/svg+xml"].lstrip().startswith("<?xml")


def test_bad_arguments() -> None:
    with pytest.raises(TypeError, match="typical_only must be True or False, not str 'yes'"):
        cc.default_graph().draw(typical_only="yes")  # type: ignore[arg-type]


def test_draw_without_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(cc.MissingExtraError, match=r"pip install 'carecontinuum\[plot\]'"):
        cc.default_graph().draw()


def test_notebook_svg_is_deterministic() -> None:
    base = cc.default_graph()
    first = cc.ContinuumGraph(base.levels, base.transitions, name="a")._render_svg()
    second = cc.ContinuumGraph(base.levels, base.transitions, name="a")._render_svg()
    assert first == second
