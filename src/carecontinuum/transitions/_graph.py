"""``ContinuumGraph``: a directed graph of care levels, composed from its facets.

The class is one public type built the way pint builds its registry: from a
few topic classes, each in its own module with its real implementation —

* :class:`~._core.GraphCore` (:mod:`._core`): the two dictionaries every
  facet reads, copy-on-write copies, the level views;
* :class:`~._editing.GraphBuilding` (:mod:`._editing`): adding and removing
  levels and moves, copies, subgraphs — all in linear time;
* :class:`~._node_link.GraphNodeLink` (:mod:`._node_link`): writing and
  reading node-link JSON (builds on the building facet);
* :class:`~._queries.GraphQueries` (:mod:`._queries`): moves and validation;
* :class:`~._paths.GraphPathways` (:mod:`._paths`): step-down paths, nearest
  levels, reachability;
* :class:`~._export.GraphExports` (:mod:`._export`): networkx, GraphML, DOT,
  Mermaid;
* :class:`~._draw.GraphDrawing` (:mod:`._draw`): the matplotlib drawing.

No facet imports this module; this module adds the constructor and the
notebook display, which uses two facets at once.
"""

from __future__ import annotations

import contextlib
import importlib.util
from collections.abc import Iterable
from typing import Any

from ..levels import CareLevel
from ._core import LevelKey
from ._draw import GraphDrawing
from ._export import GraphExports
from ._model import Transition
from ._node_link import GraphNodeLink
from ._paths import GraphPathways
from ._queries import GraphQueries

__all__ = ["ContinuumGraph", "LevelKey"]


class ContinuumGraph(GraphNodeLink, GraphQueries, GraphPathways, GraphExports, GraphDrawing):
    """A directed graph of care levels whose edges are typed :class:`Transition` objects.

    Levels are the nodes, keyed by code; each move between two of them is a
    :class:`Transition` (step-up, step-down or lateral; typical or not; with a
    rationale and its sources).  Queries read dictionaries built once per
    state of the graph, so they stay fast; any change rebuilds them on the
    next query.  Building is linear in the number of levels and moves, and
    :meth:`copy` is copy-on-write.

    Everywhere a level is expected, a code, an alias or a :class:`CareLevel`
    may be given.

    Parameters
    ----------
    levels:
        The levels (nodes); a sequence of :class:`CareLevel`, not one string.
    transitions:
        The moves between them (edges); each must join two of *levels*.
    name:
        A name for displays and error messages.
    check:
        Refuse a transition whose kind contradicts the levels' ranks (default).
        With ``check=False`` such edges are kept and :meth:`validate` reports them.

    Raises
    ------
    TypeError
        When *levels* or *transitions* is not a sequence of levels / transitions,
        *name* is not a str or *check* not a bool.
    carecontinuum.DuplicateRegistrationError
        For two levels with one code, or two moves between the same levels.
    carecontinuum.UnknownLevelError
        For a move to a level that is not among *levels*.
    carecontinuum.InvalidTransitionError
        For a kind that contradicts the ranks, when *check* is true.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> g = cc.default_graph()
    >>> g
    ContinuumGraph('continuum', 5 levels, 17 transitions)
    >>> [t.target for t in g.step_downs("inpatient acute")]
    ['residential', 'partial_hospitalization', 'intensive_outpatient']
    >>> [lv.code for lv in g.step_down_path("residential", "OP")]
    ['residential', 'intensive_outpatient', 'outpatient']
    """

    def __init__(
        self,
        levels: Iterable[CareLevel] = (),
        transitions: Iterable[Transition] = (),
        *,
        name: str = "graph",
        check: bool = True,
    ) -> None:
        self._init_state(name)
        self._load(levels, transitions, check=check)

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, Any]:
        """The notebook display: Mermaid markdown, plus an SVG drawing when matplotlib is there.

        Never raises: a format that fails to render (a name Mermaid cannot
        carry, say) is left out.
        """
        wanted = set(include) if include is not None else None
        unwanted = set(exclude or ())

        def want(mime: str) -> bool:
            return mime not in unwanted and (wanted is None or mime in wanted)

        bundle: dict[str, Any] = {"text/plain": repr(self)}
        cache = self._views
        with contextlib.suppress(Exception):
            if want("text/markdown"):
                if "markdown" not in cache:
                    cache["markdown"] = "```mermaid\n" + self.to_mermaid() + "```\n"
                bundle["text/markdown"] = cache["markdown"]
        with contextlib.suppress(Exception):
            if want("image/svg+xml") and importlib.util.find_spec("matplotlib") is not None:
                if "svg" not in cache:
                    cache["svg"] = self._render_svg()
                bundle["image/svg+xml"] = cache["svg"]
        return bundle
