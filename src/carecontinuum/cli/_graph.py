"""``carecontinuum path FROM TO`` and ``carecontinuum graph``: the transition graph.

Both work on the default graph, or on a custom one given as node-link JSON
with ``--graph-file`` (what ``graph --format json`` writes).  A file that
cannot be read — missing, a directory, not UTF-8, not strict JSON, not a
graph — is a usage error: exit code 2 and one line naming the file and the
problem.
"""

from __future__ import annotations

import argparse
from collections import deque
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from .._text import echo
from ._inputs import one_line, read_json_file
from ._render import dumps, paragraph
from ._support import EXIT_OK, HelpFormatter, UsageError, emit

if TYPE_CHECKING:
    from ..levels import CareLevel
    from ..transitions import ContinuumGraph, Transition

__all__ = [
    "add_parser",
    "describe_moves",
    "load_graph_file",
    "pathway",
    "run_graph",
    "run_path",
]

FORMATS = ("mermaid", "dot", "graphml", "json")
_GRAPH_FILE_HELP = (
    "use the graph in FILE (node-link JSON, as `graph --format json` writes) instead of "
    "the default graph"
)


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    path = commands.add_parser(
        "path",
        formatter_class=HelpFormatter,
        help="the pathway between two levels, with each move's rationale",
        description="Show the typical pathway from one level to another in the default "
        "transition graph (or the graph in --graph-file): the step-down pathway when TO is "
        "less intensive (fewest moves, or through every level with --gradual), the step-up "
        "route otherwise. Levels may be given by code or alias (IOP, PHP, 'inpatient acute').",
    )
    path.add_argument("source", metavar="FROM", help="the level to start from")
    path.add_argument("target", metavar="TO", help="the level to end at")
    path.add_argument(
        "--gradual", action="store_true", help="step down through as many levels as possible"
    )
    path.add_argument("--json", action="store_true", help="machine-readable output")
    path.add_argument("--graph-file", metavar="FILE", help=_GRAPH_FILE_HELP)
    path.set_defaults(func=run_path)

    graph = commands.add_parser(
        "graph",
        formatter_class=HelpFormatter,
        help="the transition graph as Mermaid, DOT, GraphML or node-link JSON",
        description="Print the transition graph for other tools: Mermaid (Markdown and "
        "docs), Graphviz DOT, GraphML (yEd, Gephi, networkx), or node-link JSON that "
        "carecontinuum reads back (--graph-file).",
    )
    graph.add_argument(
        "--format", choices=FORMATS, default="mermaid", help="output format (default: mermaid)"
    )
    graph.add_argument("--json", action="store_true", help="the same as --format json")
    graph.add_argument("--graph-file", metavar="FILE", help=_GRAPH_FILE_HELP)
    graph.set_defaults(func=run_graph)


def load_graph_file(name: str | None) -> ContinuumGraph:
    """The graph in node-link JSON file *name*, or the default graph for ``None``.

    Raises
    ------
    UsageError
        Naming the file and the problem, in one line: a missing file, a
        directory, bytes that are not UTF-8, JSON that is not strict JSON,
        or data that is not a valid graph.
    """
    from ..transitions import ContinuumGraph, default_graph

    if name is None:
        return default_graph()
    text, _ = read_json_file(name, "graph file")  # strict JSON: repeated keys, depth, digits
    try:
        return ContinuumGraph.from_node_link(text)
    except Exception as err:
        raise UsageError(f"graph file {echo(name)}: {one_line(err)}") from None


def run_graph(args: argparse.Namespace) -> int:
    from ..transitions import GraphExportError

    g = load_graph_file(args.graph_file)
    fmt = "json" if args.json else args.format
    try:
        if fmt == "json":
            text = dumps(g.to_node_link())
        elif fmt == "dot":
            text = g.to_dot()
        elif fmt == "graphml":
            text = g.to_graphml()
        else:
            text = g.to_mermaid()
    except GraphExportError as err:
        where = f"graph file {echo(args.graph_file)}: " if args.graph_file else ""
        raise UsageError(f"{where}{err}") from None
    emit(text.rstrip("\n"))
    return EXIT_OK


def pathway(
    g: ContinuumGraph, source: str, target: str, *, gradual: bool = False
) -> tuple[CareLevel, ...]:
    """The levels from *source* to *target*: a step-down pathway, or the shortest step-up route.

    >>> import carecontinuum as cc
    >>> [lv.code for lv in pathway(cc.default_graph(), "OP", "IOP")]
    ['outpatient', 'intensive_outpatient']
    """
    a, b = g.level(source), g.level(target)
    if b.rank <= a.rank:
        return tuple(g.step_down_path(a, b, gradual=gradual))
    return _step_up_route(g, a, b)


def _step_up_route(g: ContinuumGraph, a: CareLevel, b: CareLevel) -> tuple[CareLevel, ...]:
    """Fewest moves from *a* up to *b* over step-ups, typical moves preferred."""
    from ..errors import InvalidTransitionError

    for typical in (True, None):
        previous: dict[str, str] = {a.code: ""}
        queue = deque([a.code])
        while queue:
            code = queue.popleft()
            if code == b.code:
                route = [code]
                while previous[route[-1]]:
                    route.append(previous[route[-1]])
                return tuple(g.level(c) for c in reversed(route))
            for t in g.step_ups(code, typical=typical):
                if t.target not in previous and g.level(t.target).rank <= b.rank:
                    previous[t.target] = code
                    queue.append(t.target)
    raise InvalidTransitionError(
        f"no step-up route from {a.code!r} to {b.code!r} in graph {echo(g.name)}",
        source=a.code,
        target=b.code,
        allowed=tuple(t.target for t in g.step_ups(a)),
    )


def _moves(g: ContinuumGraph, levels: tuple[CareLevel, ...]) -> list[Transition]:
    return [g.transition(x, y) for x, y in pairwise(levels)]


def describe_moves(g: ContinuumGraph, levels: tuple[CareLevel, ...], *, indent: int = 0) -> str:
    """Numbered moves along *levels*, each with its kind, rationale and sources."""
    blocks = []
    for n, t in enumerate(_moves(g, levels), 1):
        kind = t.kind.label + (", typical" if t.typical else "")
        kind += "" if t.verified else ", unverified"
        head = f"{n}. {t.source} {t.kind.arrow} {t.target}  ({kind})"
        why = t.rationale or "no rationale recorded"
        if t.sources:
            why += f" [{', '.join(t.sources)}]"
        blocks.append(
            paragraph(head, indent=indent, hang=len(f"{n}. "))
            + "\n"
            + paragraph(why, indent=indent + len(f"{n}. "))
        )
    return "\n".join(blocks)


def run_path(args: argparse.Namespace) -> int:
    g = load_graph_file(args.graph_file)
    levels = pathway(g, args.source, args.target, gradual=args.gradual)
    a, b = levels[0], levels[-1]
    direction = "step-down" if b.rank < a.rank else "step-up" if b.rank > a.rank else "stay"
    if args.json:
        data: dict[str, Any] = {
            "from": a.code,
            "to": b.code,
            "direction": direction,
            "levels": [lv.code for lv in levels],
            "transitions": [t.model_dump(mode="json") for t in _moves(g, levels)],
        }
        emit(dumps(data))
        return EXIT_OK
    moves = len(levels) - 1
    if not moves:
        emit(paragraph(f"No moves: {a.code} is both the start and the end."))
        return EXIT_OK
    plural = "s" * (moves != 1)
    emit(
        paragraph(
            f"{direction.capitalize()} pathway from {a.name} to {b.name}: {moves} move{plural}"
        )
    )
    emit()
    emit(paragraph(" → ".join(lv.code for lv in levels), hang=2))
    emit()
    emit(describe_moves(g, levels))
    return EXIT_OK
