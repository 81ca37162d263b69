"""``Journey``: one person's placements in order, and what follows from them."""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from .._display import DisplayMixin, Table
from .._json_model import JsonModel
from .._typing import Axes
from ..transitions import ContinuumGraph, Finding, TransitionKind, kind_between
from ._check import DEFAULT_MAX_GAP_DAYS, check_options, check_placements
from ._graphs import resolve_graph
from ._move import Move
from ._numbers import plain_whole
from ._placement import Placement

__all__ = ["Journey"]


def _person_id(value: Any) -> Any:
    """Refuse a bool (``True`` is not person 1); a whole float (``1.0``) is its integer."""
    if isinstance(value, bool) or (
        type(value).__module__ == "numpy" and type(value).__name__ in {"bool", "bool_"}
    ):
        raise PydanticCustomError(
            "person_id_bool", "a person id must be a string or an integer, not a bool"
        )
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    try:
        return plain_whole(value)  # Decimal, Fraction, longdouble: cheaply, or refused
    except ValueError as err:
        raise PydanticCustomError("person_id", "{error}", {"error": str(err)}) from None


class Journey(DisplayMixin, JsonModel):
    """One person's placements, in the order they happened.

    Construction accepts any order and any dates that are valid per placement,
    so a whole record can be loaded and then reviewed with :meth:`check`, which
    reports every problem (unsorted placements, overlaps, gaps, moves the graph
    does not allow) rather than stopping at the first.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> j = cc.Journey(person_id="p1", placements=[
    ...     {"level": "inpatient acute", "start": "2024-01-01", "end": "2024-01-10"},
    ...     {"level": "IOP", "start": "2024-01-10", "end": "2024-02-21"},
    ...     {"level": "OP", "start": "2024-02-21", "end": "2024-06-01"},
    ...     {"level": "PHP", "start": "2024-06-10", "end": "2024-07-01"}])
    >>> j
    Journey('p1': inpatient_acute ↓ intensive_outpatient ↓ outpatient ↑ partial_hospitalization)
    >>> [m.kind.label for m in j.transitions]
    ['step-down', 'step-down', 'step-up']
    >>> j.length_of_stay_by_level()["intensive_outpatient"]
    42
    >>> j.rebounds(within_days=120)
    (Move(3: outpatient ↑ partial_hospitalization on 2024-06-10),)
    >>> [f.code for f in j.check()]
    ['gap']
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    person_id: Annotated[str | int | None, BeforeValidator(_person_id)] = None
    placements: tuple[Placement, ...] = Field(default=())

    # -- derived ---------------------------------------------------------------------
    @property
    def levels(self) -> tuple[str, ...]:
        """The level codes visited, in order."""
        return tuple(p.level.code for p in self.placements)

    @property
    def transitions(self) -> tuple[Move, ...]:
        """Each move between consecutive placements, labelled step-up, step-down or lateral."""
        moves = []
        for i in range(1, len(self.placements)):
            q, p = self.placements[i - 1], self.placements[i]
            moves.append(
                Move(
                    index=i,
                    source=q.level.code,
                    target=p.level.code,
                    kind=kind_between(q.level, p.level),
                    on=p.start,
                    gap_days=None if q.end is None else (p.start - q.end).days,
                )
            )
        return tuple(moves)

    def length_of_stay(
        self, as_of: _dt.date | None = None, *, end_inclusive: bool = False
    ) -> tuple[int | None, ...]:
        """Days in each placement (``None`` for an open one unless *as_of* is given).

        ``end_inclusive`` chooses the convention (see :meth:`Placement.length_of_stay`):
        ``end - start`` by default, ``end - start + 1`` when the end date is a day of care.

        Parameters
        ----------
        as_of:
            The date open placements are counted to; ``None`` leaves them ``None``.
        end_inclusive:
            Count the end date as a day of care.

        Returns
        -------
        tuple[int | None, ...]
            Days in each placement, in order.
        """
        return tuple(p.length_of_stay(as_of, end_inclusive=end_inclusive) for p in self.placements)

    def length_of_stay_by_level(
        self, as_of: _dt.date | None = None, *, end_inclusive: bool = False
    ) -> dict[str, int]:
        """Total days at each level, in order of first visit (open placements need *as_of*).

        ``end_inclusive`` chooses the convention, as in :meth:`length_of_stay`.

        Parameters
        ----------
        as_of:
            The date open placements are counted to.
        end_inclusive:
            Count the end date as a day of care.

        Returns
        -------
        dict[str, int]
            Total days by level code.
        """
        totals: dict[str, int] = {}
        for p in self.placements:
            days = p.length_of_stay(as_of, end_inclusive=end_inclusive)
            totals[p.level.code] = totals.get(p.level.code, 0) + (days or 0)
        return totals

    @property
    def treatment_hours(self) -> Any:
        """Cumulative hours of treatment from the placements' schedules (a pint quantity).

        Placements without a schedule, and open placements, add nothing; see
        :meth:`Placement.treatment_hours`.
        """
        from ..units import quantity

        total = sum(h for p in self.placements if (h := p._hours()) is not None)
        return quantity(float(total), "hour")

    def rebounds(self, within_days: int) -> tuple[Move, ...]:
        """Step-ups that follow a step-down within *within_days* days.

        A step-up counts when the most recent step-down before it happened at
        most *within_days* days earlier (dates of the new placements' starts).

        Parameters
        ----------
        within_days:
            The most days between a step-down and the step-up that follows it.

        Returns
        -------
        tuple[Move, ...]
            The step-ups that count, in order.
        """
        found = []
        last_down: _dt.date | None = None
        for move in self.transitions:
            if move.kind is TransitionKind.STEP_DOWN:
                last_down = move.on
            elif (
                move.kind is TransitionKind.STEP_UP
                and last_down is not None
                and (move.on - last_down).days <= within_days
            ):
                found.append(move)
        return tuple(found)

    def check(
        self,
        graph: ContinuumGraph | None = None,
        *,
        max_gap_days: int = DEFAULT_MAX_GAP_DAYS,
        end_inclusive: bool = False,
    ) -> list[Finding]:
        """Every problem with this journey, as :class:`~carecontinuum.Finding` objects.

        Errors: ``unsorted`` placements, ``overlap``, ``open-not-last`` (no end
        date but followed by another), ``unknown-level`` (not in the graph),
        ``move-not-allowed`` (the graph has no such move), ``after-death``.
        Warnings: ``gap`` (more than *max_gap_days* days without care),
        ``reason-without-end`` and ``program-level`` (a program that offers
        another level).  A move between two placements at the same level
        is not checked against the graph.  ``location`` is the placement index.

        Each placement is compared with the latest end among the placements
        before it, so a placement lying wholly inside an earlier, longer one is
        an ``overlap`` (never a gap).  :func:`carecontinuum.journeys.population.check`
        gives the same findings for a whole DataFrame at once.

        Parameters
        ----------
        graph:
            The graph moves are checked against (the default graph when None).
        max_gap_days:
            Days without care between placements that are not reported as a
            gap.  The default, 1, lets a next-day admission after a discharge
            pass: with exclusive end dates a discharge on 06-30 and an
            admission on 07-01 leave one day "without care".
        end_inclusive:
            ``False`` (the default): the end date is the day of discharge, not a
            day of care; the next placement may start on it.  ``True``: the end
            date is the last day of care (claims and EHR extracts); days without
            care are one fewer, and a next placement starting on the discharge
            day is a transfer, not an overlap.

        Returns
        -------
        list of Finding
            Every finding, in placement order.

        Raises
        ------
        TypeError
            For a *graph* that is not a ContinuumGraph, or options of the wrong type.
        carecontinuum.journeys.JourneyOptionError
            For a negative *max_gap_days* (a ``ValueError`` too).

        Examples
        --------
        >>> import carecontinuum as cc
        >>> j = cc.Journey(placements=[
        ...     {"level": "residential", "start": "2024-01-01", "end": "2024-03-01"},
        ...     {"level": "IOP", "start": "2024-01-15", "end": "2024-01-30"},
        ...     {"level": "OP", "start": "2024-03-05"}])
        >>> [(f.code, f.location) for f in j.check()]
        [('overlap', 1), ('gap', 2)]
        >>> j.check()[0].message.split(": ")[1]
        'they overlap by 46 days'
        >>> j.check()[1].message[:46]
        '4 days without care between placement 0 (ends '
        >>> j.check(max_gap_days=7)
        [Finding(error overlap at 1: placement 1 starts 2024-01-15, before placement 0 ...)]
        """
        graph = resolve_graph(graph)
        max_gap_days, end_inclusive = check_options(max_gap_days, end_inclusive)
        return check_placements(self.placements, graph, max_gap_days, end_inclusive)

    def plot(self, ax: Axes | None = None, *, graph: ContinuumGraph | None = None) -> Axes:
        """A Gantt-style timeline of the placements, one row per level, moves marked.

        Needs the ``plot`` extra (matplotlib).  See
        :func:`carecontinuum.journeys.plot_journeys` for several journeys.

        Parameters
        ----------
        ax:
            The matplotlib axes to draw on (a new figure when None).
        graph:
            Whose levels give the rows, least intensive at the bottom (the
            default graph when None; levels outside it are added above).

        Returns
        -------
        matplotlib.axes.Axes
            The axes drawn on.

        Raises
        ------
        carecontinuum.MissingExtraError
            Without matplotlib.

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import carecontinuum as cc
        >>> j = cc.Journey(person_id="p1", placements=[
        ...     {"level": "PHP", "start": "2024-03-01", "end": "2024-03-29"},
        ...     {"level": "IOP", "start": "2024-03-29", "end": "2024-05-10"}])
        >>> ax = j.plot()
        >>> [t.get_text() for t in ax.get_yticklabels()][:3]
        ['outpatient', 'intensive_outpatient', 'partial_hospitalization']
        """
        from ._plot import plot_journeys

        return plot_journeys([self], ax=ax, graph=graph)

    # -- text and display -------------------------------------------------------------
    def describe(self) -> str:
        """A text rendering of the placements and the moves between them (for the CLI).

        Returns
        -------
        str
            One line per placement, and one per move between them.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> j = cc.Journey(placements=[
        ...     {"level": "residential", "start": "2024-01-01", "end": "2024-02-01",
        ...      "discharge_reason": 4},
        ...     {"level": "IOP", "start": "2024-02-01"}])
        >>> print(j.describe())
        2024-01-01 → 2024-02-01  Inpatient residential (31 days; Transferred to another ...)
          ↓ step-down to intensive_outpatient
        2024-02-01 → ongoing     Intensive outpatient (IOP)
        """
        lines = []
        moves = self.transitions
        for i, p in enumerate(self.placements):
            end = "ongoing" if p.end is None else p.end.isoformat()
            notes = []
            days = p.length_of_stay()
            if days is not None:
                notes.append(f"{days} day{'s' if days != 1 else ''}")
            if p.discharge_reason is not None:
                notes.append(p.discharge_reason.label)
            tail = f" ({'; '.join(notes)})" if notes else ""
            lines.append(f"{p.start.isoformat()} → {end:<10}  {p.level.name}{tail}")
            if i < len(moves):
                m = moves[i]
                lines.append(f"  {m.kind.arrow} {m.kind.label} to {m.target}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.describe()

    def __repr__(self) -> str:
        who = "" if self.person_id is None else f"{self.person_id!r}: "
        if not self.placements:
            return f"Journey({who}no placements)"
        path = self.placements[0].level.code
        for m in self.transitions:
            path += f" {m.kind.arrow} {m.target}"
        return f"Journey({who}{path})"

    _display_fields: ClassVar[frozenset[str]] = frozenset({"person_id", "placements"})

    def _display_title(self) -> str:
        return "Journey" if self.person_id is None else f"Journey of {self.person_id}"

    def _display_tables(self) -> list[Table]:
        kinds = [""] + [f"{m.kind.arrow} {m.kind.label}" for m in self.transitions]
        rows = [
            [
                i,
                p.level.name,
                p.start.isoformat(),
                "ongoing" if p.end is None else p.end.isoformat(),
                p.length_of_stay(),
                kinds[i],
            ]
            for i, p in enumerate(self.placements)
        ]
        return [Table(["#", "level", "start", "end", "days", "move"], rows)]
