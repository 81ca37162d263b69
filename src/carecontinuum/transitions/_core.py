"""The state every facet of a :class:`~carecontinuum.ContinuumGraph` shares.

A graph is two plain dictionaries — levels by code, moves by ``(source,
target)`` — and a name.  Everything else (the rank-ordered query index, the
alias resolver, the networkx view, the notebook display) is derived from them
on first use and dropped when they change.

Copies are copy-on-write: :meth:`GraphCore._clone` shares the dictionaries
and the derived index with the original, and whichever graph changes first
takes its own copy of the dictionaries.  So ``cc.default_graph()`` costs a
few attribute assignments, yet every caller gets a graph of its own to edit.

The facets (:mod:`._editing`, :mod:`._node_link`, :mod:`._queries`,
:mod:`._paths`, :mod:`._export`, :mod:`._draw`) subclass :class:`GraphCore`;
:mod:`._graph` composes them, and no facet imports it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Self

from .._text import echo
from ..levels import CareLevel
from ._index import GraphIndex, LevelResolver, build_index
from ._model import Transition

__all__ = ["GraphCore", "LevelKey", "check_flag"]

#: A level as callers name it: a code, an alias, or the :class:`CareLevel` itself.
LevelKey = str | CareLevel


def check_flag(value: object, name: str, *, optional: bool = False) -> None:
    """Refuse a non-bool where a flag is expected (``typical="yes"`` is not True).

    Raises
    ------
    TypeError
        Naming the argument and what was passed.

    Examples
    --------
    >>> check_flag(True, "gradual")
    >>> check_flag("yes", "typical", optional=True)
    Traceback (most recent call last):
    ...
    TypeError: typical must be True, False or None, not str 'yes'
    """
    if isinstance(value, bool) or (optional and value is None):
        return
    allowed = "True, False or None" if optional else "True or False"
    raise TypeError(f"{name} must be {allowed}, not {type(value).__name__} {echo(value)}")


class GraphCore:
    """Storage, identity and the level views of a transition graph.

    Not used on its own: :class:`~carecontinuum.ContinuumGraph` is built from
    this class and its facets.
    """

    _name: str
    _levels: dict[str, CareLevel]
    """Code → level, in the order added (the index orders them by rank)."""
    _edges: dict[tuple[str, str], Transition]
    """``(source, target)`` → move."""
    _shared: bool
    """True while another graph holds the same dictionaries (copy-on-write)."""
    _resolver: LevelResolver | None
    _index: GraphIndex | None
    _views: dict[str, Any]
    """Derived renderings (networkx view, notebook display), replaced on change."""

    def _init_state(self, name: str) -> None:
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not {type(name).__name__} {echo(name)}")
        self._name = name
        self._levels = {}
        self._edges = {}
        self._shared = False
        self._resolver = None
        self._index = None
        self._views = {}

    # -- derived state ---------------------------------------------------------------
    def _resolve(self) -> LevelResolver:
        resolver = self._resolver
        if resolver is None:
            resolver = self._resolver = LevelResolver(self._name, self._levels)
        return resolver

    def _idx(self) -> GraphIndex:
        idx = self._index
        if idx is None:
            idx = self._index = build_index(self._resolve(), self._levels, self._edges)
        return idx

    def _will_change(self, *, levels: bool) -> None:
        """Call before changing the dictionaries: take own copies, drop what derives from them."""
        if self._shared:
            self._levels = dict(self._levels)
            self._edges = dict(self._edges)
            self._shared = False  # the resolver may keep reading the old, equal levels dict
        self._index = None
        self._views = {}
        if levels:
            self._resolver = None

    def _clone(self, name: str | None = None) -> Self:
        """A copy-on-write copy: shares the dictionaries and the index until either changes."""
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        self._shared = new._shared = True
        if name is not None and name != self._name:
            new._init_state(name)
            new._levels, new._edges, new._shared = self._levels, self._edges, True
        return new

    # -- identity ----------------------------------------------------------------------
    @property
    def name(self) -> str:
        """The graph's name (for displays and messages)."""
        return self._name

    @property
    def levels(self) -> tuple[CareLevel, ...]:
        """The levels, least intensive first."""
        return tuple(self._idx().levels.values())

    @property
    def codes(self) -> tuple[str, ...]:
        """The level codes, least intensive first."""
        return tuple(self._idx().levels)

    @property
    def transitions(self) -> tuple[Transition, ...]:
        """Every transition, grouped by origin (least intensive first)."""
        idx = self._idx()
        return tuple(t for code in idx.levels for t in idx.out[code])

    def level(self, key: LevelKey) -> CareLevel:
        """The level *key* names in this graph.

        Parameters
        ----------
        key:
            A level code, an alias (``"IOP"``, ``"inpatient acute"``) or a
            :class:`~carecontinuum.CareLevel`.

        Returns
        -------
        CareLevel
            The graph's level.

        Raises
        ------
        carecontinuum.transitions.UnknownGraphLevelError
            When the graph has no such level (close matches are suggested); it
            is a :class:`~carecontinuum.UnknownLevelError`.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> cc.default_graph().level("inpatient acute").code
        'inpatient_acute'
        """
        return self._levels[self._resolve().code(key)]

    def code(self, key: LevelKey) -> str:
        """The code of the level *key* names in this graph.

        Parameters
        ----------
        key:
            A level code, an alias or a :class:`~carecontinuum.CareLevel`.

        Returns
        -------
        str
            The level's code.

        Raises
        ------
        carecontinuum.transitions.UnknownGraphLevelError
            When the graph has no such level.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> cc.default_graph().code("PHP")
        'partial_hospitalization'
        """
        return self._resolve().code(key)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, Transition):
            return self._edges.get((key.source, key.target)) == key
        if not isinstance(key, str | CareLevel):
            return False
        try:
            self._resolve().code(key)
        except LookupError:
            return False
        return True

    def __len__(self) -> int:
        return len(self._levels)

    def __iter__(self) -> Iterator[CareLevel]:
        return iter(self.levels)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GraphCore):
            return NotImplemented
        return (
            self._name == other._name
            and self._levels == other._levels
            and self._edges == other._edges
        )

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({echo(self._name)}, {len(self._levels)} levels, "
            f"{len(self._edges)} transitions)"
        )

    # -- pickling: the two dictionaries and the name; derived state is rebuilt -----------
    def __getstate__(self) -> dict[str, Any]:
        return {
            "name": self._name,
            "levels": tuple(self._levels.values()),
            "transitions": tuple(self._edges.values()),
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._init_state(state["name"])
        self._levels = {lv.code: lv for lv in state["levels"]}
        self._edges = {(t.source, t.target): t for t in state["transitions"]}
