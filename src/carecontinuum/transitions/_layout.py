"""Where a drawing puts each level and how each move runs (pure geometry, no matplotlib).

Levels sit in one row, least intensive on the left; levels of equal rank are
neighbours, grouped by a *band* behind them (stacking them in one column
would put some boxes between others and the arcs that leave them).  A move is
a quadratic arc (matplotlib's ``arc3`` connection, so the drawing follows
this geometry exactly) between two *ports* on the edges of its boxes:

* moves to the right (step-ups, and laterals to a later neighbour) leave and
  enter through the tops of the boxes and bow above the row; moves to the
  left (step-downs) use the bottoms and bow below it;
* on each edge the ports are ordered so that arcs nest — the longest arcs
  attach nearest the middle of the edge, the shortest at its corners;
* each arc takes the lowest height, from a fixed list, that keeps it out of
  every other box (heights grow slowly with the span, so arcs nest).

So no arrow runs under a box, and arrowheads land on box edges, not inside.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..levels import CareLevel
from ._model import Transition

__all__ = ["Box", "Layout", "Route", "arc_points", "layout"]

#: Horizontal distance between columns, in data units.
COLUMN = 1.0
#: Heights tried for each arc, lowest first, as multiples of its natural height
#: (:func:`_height`, which grows slowly with the arc's span).
_HEIGHTS = (1.0, 1.3, 1.7, 2.2, 2.9, 3.8)
#: Clearance kept between an arc and a box it passes, in data units.
MARGIN = 0.03
_SAMPLES = 40
#: Above this many levels the bend search is skipped (a drawing that large shows the
#: graph's shape only; the search would cost time for nothing).
_SEARCH_LIMIT = 80


@dataclass(frozen=True, slots=True)
class Box:
    """A level's box: centre, width and height in data units."""

    code: str
    x: float
    y: float
    width: float
    height: float

    def holds(self, px: float, py: float, margin: float = 0.0) -> bool:
        """Whether the point lies in the box grown by *margin* on every side."""
        return (
            abs(px - self.x) < self.width / 2 + margin
            and abs(py - self.y) < self.height / 2 + margin
        )


@dataclass(frozen=True, slots=True)
class Route:
    """How one move is drawn: from port *start* to port *end* with ``arc3`` bend *rad*."""

    transition: Transition
    start: tuple[float, float]
    end: tuple[float, float]
    rad: float
    points: tuple[tuple[float, float], ...]
    """Sample points along the arc, ends included."""


@dataclass(frozen=True, slots=True)
class Layout:
    """Boxes and routes of a whole drawing, and the extent they cover."""

    boxes: dict[str, Box]
    routes: tuple[Route, ...]
    bands: tuple[tuple[float, float, float], ...]
    """``(x from, x to, rank)`` behind each run of two or more levels of one rank."""
    bounds: tuple[float, float, float, float]
    """``(xmin, xmax, ymin, ymax)`` of boxes and arcs together."""


def arc_points(
    a: tuple[float, float], b: tuple[float, float], rad: float, n: int = _SAMPLES
) -> tuple[tuple[float, float], ...]:
    """Points on matplotlib's ``arc3`` curve from *a* to *b* with bend *rad* (ends included)."""
    (x1, y1), (x2, y2) = a, b
    cx = (x1 + x2) / 2 + rad * (y2 - y1)
    cy = (y1 + y2) / 2 - rad * (x2 - x1)
    points = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        points.append(
            (u * u * x1 + 2 * u * t * cx + t * t * x2, u * u * y1 + 2 * u * t * cy + t * t * y2)
        )
    return tuple(points)


def _spread(lo: float, hi: float, count: int) -> list[float]:
    return [lo + (hi - lo) * (i + 1) / (count + 1) for i in range(count)]


def _ports(
    transitions: Sequence[Transition], boxes: dict[str, Box]
) -> dict[int, tuple[tuple[float, float], tuple[float, float]]]:
    """Start and end port of each move (by position in *transitions*); see the module docs."""
    # (box code, edge) -> [(nesting key, move number, is the start)]
    slots: dict[tuple[str, str], list[tuple[float, int, bool]]] = {}
    for n, t in enumerate(transitions):
        a, b = boxes[t.source], boxes[t.target]
        span = abs(b.x - a.x) + abs(b.y - a.y)
        if b.x > a.x:  # rightwards, over the top: out on the right half, in on the left half
            slots.setdefault((a.code, "top-right"), []).append((-span, n, True))
            slots.setdefault((b.code, "top-left"), []).append((span, n, False))
        else:  # leftwards, under the bottom (boxes never share an x)
            slots.setdefault((a.code, "bottom-left"), []).append((span, n, True))
            slots.setdefault((b.code, "bottom-right"), []).append((-span, n, False))
    found: dict[int, dict[bool, tuple[float, float]]] = {}
    for (code, edge), entries in slots.items():
        box = boxes[code]
        left, right = box.x - box.width / 2, box.x + box.width / 2
        top, bottom = box.y + box.height / 2, box.y - box.height / 2
        entries.sort()
        lo, hi = (left, box.x) if edge.endswith("left") else (box.x, right)
        y = top if edge.startswith("top") else bottom
        spots = [(x, y) for x in _spread(lo, hi, len(entries))]
        for (_, n, is_start), spot in zip(entries, spots, strict=True):
            found.setdefault(n, {})[is_start] = spot
    return {n: (ends[True], ends[False]) for n, ends in found.items()}


def _blocked(
    points: Sequence[tuple[float, float]], own: Sequence[Box], others: Sequence[Box]
) -> int:
    """How many sample points of an arc (its ends aside) fall in its own boxes or near another."""
    inner = points[1:-1]
    return sum(box.holds(px, py, MARGIN) for px, py in inner for box in others) + sum(
        box.holds(px, py) for px, py in inner for box in own
    )


def _route(
    t: Transition,
    ends: tuple[tuple[float, float], tuple[float, float]],
    boxes: dict[str, Box],
    search: bool,
) -> Route:
    start, end = ends
    own = (boxes[t.source], boxes[t.target])
    span = max(math.dist(start, end), 1e-9)
    # arc3's peak is rad x span / 2; a negative rad bows rightward arcs up, leftward down
    bends = [-2 * _height(span) * k / span for k in _HEIGHTS]
    if not search:
        return Route(t, start, end, bends[0], arc_points(start, end, bends[0]))
    lo, hi = min(start[0], end[0]) - COLUMN, max(start[0], end[0]) + COLUMN
    others = [box for box in boxes.values() if box not in own and lo <= box.x <= hi]
    best: tuple[int, float, tuple[tuple[float, float], ...]] | None = None
    for rad in bends:
        points = arc_points(start, end, rad)
        hits = _blocked(points, own, others)
        if hits == 0:
            return Route(t, start, end, rad, points)
        if best is None or hits < best[0]:
            best = (hits, rad, points)
    assert best is not None
    return Route(t, start, end, best[1], best[2])


def _height(span: float) -> float:
    """The natural height of an arc over *span*: nested arcs stay apart, long ones stay low."""
    return 0.08 + 0.09 * span


def layout(
    levels: Sequence[CareLevel],
    transitions: Sequence[Transition],
    *,
    box_width: float,
    box_height: float,
) -> Layout:
    """The boxes and routes for *levels* (rank order) and the *transitions* among them.

    Parameters
    ----------
    levels:
        The levels, least intensive first.
    transitions:
        The moves to draw (each joins two of *levels*).
    box_width, box_height:
        The size of every level's box, in data units (a column is 1 wide).

    Returns
    -------
    Layout
        Boxes by level code, one route per move, the bands of equal ranks,
        and the extent of it all.
    """
    boxes = {lv.code: Box(lv.code, i * COLUMN, 0.0, box_width, box_height) for i, lv in
             enumerate(levels)}  # fmt: skip
    runs: dict[float, list[float]] = {}
    for lv in levels:
        runs.setdefault(lv.rank, []).append(boxes[lv.code].x)
    pad = (COLUMN - box_width) / 4 + box_width / 2
    bands = tuple((xs[0] - pad, xs[-1] + pad, rank) for rank, xs in runs.items() if len(xs) > 1)
    ports = _ports(transitions, boxes)
    search = len(boxes) <= _SEARCH_LIMIT
    routes = tuple(_route(t, ports[n], boxes, search) for n, t in enumerate(transitions))
    xs = [p[0] for r in routes for p in r.points]
    ys = [p[1] for r in routes for p in r.points]
    for box in boxes.values():
        xs += [box.x - box.width / 2, box.x + box.width / 2]
        ys += [box.y - box.height / 2, box.y + box.height / 2]
    for x0, x1, _ in bands:
        xs += [x0, x1]
    bounds = (
        min(xs, default=0.0),
        max(xs, default=0.0),
        min(ys, default=0.0),
        max(ys, default=0.0),
    )
    return Layout(boxes=boxes, routes=routes, bands=bands, bounds=bounds)
