"""The default graph of the seed's continuum, and graphs derived for other frameworks.

The default graph encodes:

* any level may step up to any more intensive level: clients step up to more
  intense treatment or down to less intense treatment as needed [TIP47], and
  someone in a crisis or psychiatric emergency may be placed in inpatient acute
  care [SEED];
* the two uses of IOP as typical moves [SEED, TIP47]: a step-up from
  outpatient for someone at risk of hospitalization for whom weekly therapy is
  not enough, and a step-down from inpatient acute or residential care back
  toward ordinary life;
* IOP → outpatient continuing care [TIP47];
* the other typical step-downs, inpatient acute → residential or PHP,
  residential → PHP and PHP → IOP, as the library's reading of stepping down
  "as needed" [TIP47]: no cited source names them, so they are marked
  ``verified=False`` with a note.

Moves follow reassessment, not a fixed length of stay [TIP47, ASAM3]: edges
carry a rationale, never a duration.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import NamedTuple

from ..levels import DEFAULT_CONTINUUM, CareLevel, Framework, LevelMapping, MatchKind
from ..levels import crosswalk as _crosswalk
from ..levels import framework as _framework
from ._graph import ContinuumGraph
from ._model import Transition, TransitionKind, kind_between

__all__ = ["default_graph", "framework_graph", "shared_default_graph"]

_OP, _IOP, _PHP, _RES, _ACUTE = DEFAULT_CONTINUUM.codes


class _Why(NamedTuple):
    """Why a move is made, the sources behind it, and what is unverified (if anything)."""

    rationale: str
    sources: tuple[str, ...]
    unverified: str = ""


#: A step-up for which no more specific rationale is recorded.
STEP_UP = _Why(
    "more intensive care after reassessment; moves follow reassessment, not a fixed length of stay",
    ("TIP47", "ASAM3"),
)
#: Any step-up into inpatient acute care.
CRISIS = _Why(
    "crisis or psychiatric emergency: placement in inpatient acute care",
    ("SEED",),
)
_UNNAMED = (
    "no cited source names this step-down as a typical move; TIP 47 says only that clients "
    "step down to less intense treatment as needed, and moves follow reassessment"
)
#: The typical step-downs, and the typical step-up into IOP.
TYPICAL: dict[tuple[str, str], _Why] = {
    (_OP, _IOP): _Why(
        "at risk of hospitalization and weekly therapy is not enough", ("SEED", "TIP47")
    ),
    (_ACUTE, _IOP): _Why(
        "IOP as a step-down from inpatient acute care back toward ordinary life",
        ("SEED", "TIP47"),
    ),
    (_RES, _IOP): _Why(
        "IOP as a step-down from residential care back toward ordinary life", ("SEED", "TIP47")
    ),
    (_IOP, _OP): _Why(
        "continuing care in outpatient treatment after intensive outpatient treatment",
        ("TIP47",),
    ),
    (_ACUTE, _RES): _Why(
        "step-down from inpatient acute to residential care after reassessment",
        ("TIP47", "ASAM3"),
        _UNNAMED,
    ),
    (_ACUTE, _PHP): _Why(
        "step-down from inpatient acute care to partial hospitalization after reassessment",
        ("TIP47", "ASAM3"),
        _UNNAMED,
    ),
    (_RES, _PHP): _Why(
        "step-down from residential care to partial hospitalization after reassessment",
        ("TIP47", "ASAM3"),
        _UNNAMED,
    ),
    (_PHP, _IOP): _Why(
        "step-down from partial hospitalization to IOP after reassessment",
        ("TIP47", "ASAM3"),
        _UNNAMED,
    ),
}


def _default_transitions() -> Iterable[Transition]:
    levels = DEFAULT_CONTINUUM.levels
    for a in levels:
        for b in levels:
            kind = kind_between(a, b)
            typical = TYPICAL.get((a.code, b.code))
            if typical is not None:
                why, typical_flag = typical, True
            elif kind is TransitionKind.STEP_UP:
                why, typical_flag = (CRISIS if b.code == _ACUTE else STEP_UP), False
            else:
                continue
            yield Transition(
                source=a.code,
                target=b.code,
                kind=kind,
                typical=typical_flag,
                rationale=why.rationale,
                sources=why.sources,
                verified=not why.unverified,
                note=why.unverified,
            )


@functools.cache
def shared_default_graph() -> ContinuumGraph:
    """The default graph, built once and shared: read it, never change it."""
    return ContinuumGraph(DEFAULT_CONTINUUM.levels, _default_transitions(), name="continuum")


def default_graph() -> ContinuumGraph:
    """The transition graph of the default continuum [SEED, TIP47]; a fresh copy to change freely.

    Returns
    -------
    ContinuumGraph
        The five levels and their moves; step-downs that no cited source names
        are marked ``verified=False`` with a note.

    Examples
    --------
    >>> g = default_graph()
    >>> [t.target for t in g.step_ups("outpatient")]
    ['intensive_outpatient', 'partial_hospitalization', 'residential', 'inpatient_acute']
    >>> g.transition("residential", "IOP").rationale
    'IOP as a step-down from residential care back toward ordinary life'
    >>> g.transition("PHP", "IOP").verified
    False
    """
    return shared_default_graph().copy()


def _dedupe(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def _via(
    a: Iterable[LevelMapping], b: Iterable[LevelMapping], kind: TransitionKind
) -> tuple[LevelMapping, LevelMapping, Transition] | None:
    """The first typical continuum move of *kind* between the levels *a* and *b* map to."""
    base = shared_default_graph()
    options = []
    for ma in a:
        for mb in b:
            if not (ma.target and mb.target) or not base.allows(ma.target, mb.target):
                continue
            t = base.transition(ma.target, mb.target)
            if t.typical and t.kind is kind:
                rank = (base.level(ma.target).rank, base.level(mb.target).rank)
                options.append((rank, ma, mb, t))
    if not options:
        return None
    _, ma, mb, t = min(options, key=lambda o: o[0])
    return ma, mb, t


def _derived(
    fw: Framework, a: CareLevel, b: CareLevel, via: tuple[LevelMapping, LevelMapping, Transition]
) -> Transition:
    ma, mb, t = via

    def eq(m: LevelMapping) -> str:
        return "=" if m.match is MatchKind.EXACT else "≈"

    rationale = (
        f"derived from the {fw.code}→continuum crosswalk ({a.code} {eq(ma)} {ma.target}, "
        f"{b.code} {eq(mb)} {mb.target}): {t.rationale}"
    )
    return Transition(
        source=a.code,
        target=b.code,
        kind=t.kind,
        typical=True,
        rationale=rationale,
        sources=_dedupe([*t.sources, *fw.sources, *ma.sources, *mb.sources]),
        derived=True,
        verified=t.verified,
        note=t.note,
    )


def framework_graph(key: str | Framework) -> ContinuumGraph:
    """A transition graph for another framework (``"asam3"``, ...), derived honestly.

    * Step-ups: any level may step up to any more intensive level of the
      framework, as in the default graph [TIP47].
    * Typical moves: only where the framework's crosswalk to the continuum maps
      both levels onto a typical move of the default graph; the rationale says
      so (``derived=True``), and approximate mappings are marked with ``≈``.

    No clinical rule is invented: two levels that map onto the same continuum
    level get no step-down between them.

    Parameters
    ----------
    key:
        A framework's code, name or alias, or a :class:`~carecontinuum.Framework`.

    Returns
    -------
    ContinuumGraph
        The framework's levels and the moves derived for them; for the default
        continuum, the default graph.

    Raises
    ------
    carecontinuum.UnknownFrameworkError
        For an unknown framework.
    carecontinuum.UnknownKeyError
        When the framework has no crosswalk to the continuum.
    """
    fw = key if isinstance(key, Framework) else _framework(key)
    if fw.code == DEFAULT_CONTINUUM.code:
        return default_graph()
    walk = _crosswalk(fw.code, DEFAULT_CONTINUUM.code)
    maps = {lv.code: walk.map(lv) for lv in fw.levels}
    up_why = (
        "derived: any level may step up to a more intensive level, as in the continuum; "
        "moves follow reassessment, not a fixed length of stay"
    )
    edges: list[Transition] = []
    for a in fw.levels:
        for b in fw.levels:
            kind = kind_between(a, b)
            if kind is TransitionKind.LATERAL:
                continue
            via = _via(maps[a.code], maps[b.code], kind)
            if via is not None:
                edges.append(_derived(fw, a, b, via))
            elif kind is TransitionKind.STEP_UP:
                edges.append(
                    Transition(
                        source=a.code,
                        target=b.code,
                        kind=kind,
                        rationale=up_why,
                        sources=STEP_UP.sources,
                        derived=True,
                    )
                )
    return ContinuumGraph(fw.levels, edges, name=fw.code)
