"""Transitions: the step-up / step-down graph of care levels.

A :class:`ContinuumGraph` holds levels as nodes and typed :class:`Transition`
edges (step-up, step-down or lateral; typical or not; with a rationale and its
sources).  :func:`default_graph` encodes the seed's continuum [SEED, TIP47];
:func:`framework_graph` derives a graph for another framework through its
crosswalk.  networkx is imported on first use, not by ``import carecontinuum``.

Examples
--------
>>> import carecontinuum as cc
>>> g = cc.default_graph()
>>> g.transition("OP", "IOP").kind.label
'step-up'
>>> g.nearest_more_intensive("IOP").code
'partial_hospitalization'
"""

from __future__ import annotations

from .._signature import readable
from ._default import default_graph, framework_graph
from ._errors import GraphExportError, UnknownGraphLevelError
from ._finding import Finding, Severity
from ._graph import ContinuumGraph, LevelKey
from ._model import Transition, TransitionKind, kind_between
from ._text import describe_transition

__all__ = [
    "ContinuumGraph",
    "Finding",
    "GraphExportError",
    "LevelKey",
    "Severity",
    "Transition",
    "TransitionKind",
    "UnknownGraphLevelError",
    "default_graph",
    "describe_transition",
    "framework_graph",
    "kind_between",
]


def __dir__() -> list[str]:
    return list(__all__)


readable(Transition)
