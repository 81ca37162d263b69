"""The default graph of the seed's continuum, and graphs derived for other frameworks.

The default graph encodes [SEED] and [TIP47]:

* any level may step up to any more intensive level (crisis escalation; direct
  admission to inpatient acute care from anywhere);
* the typical step-downs: inpatient acute → residential, PHP or IOP;
  residential → PHP or IOP; PHP → IOP; IOP → outpatient;
* the two uses of IOP as typical moves: a step-up from outpatient for someone
  at risk of hospitalization for whom weekly therapy is not enough, and a
  step-down from inpatient acute or residential care back toward ordinary life.

Moves follow reassessment, not a fixed length of stay [TIP47, ASAM3]: edges
carry a rationale, never a duration.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from ..levels import DEFAULT_CONTINUUM, CareLevel, Framework, LevelMapping, MatchKind
from ..levels import crosswalk as _crosswalk
from ..levels import framework as _framework
from ._graph import ContinuumGraph
from ._model import Transition, TransitionKind, kind_between

__all__ = ["default_graph", "framework_graph", "shared_default_graph"]

_OP, _IOP, _PHP, _RES, _ACUTE = DEFAULT_CONTINUUM.codes

_Why = tuple[str, tuple[str, ...]]

#: A step-up for which no more specific rationale is recorded.
STEP_UP: _Why = (
    "more intensive care after reassessment; moves follow reassessment, not a fixed length of stay",
    ("TIP47", "ASAM3"),
)
#: Any step-up into inpatient acute care.
CRISIS: _Why = (
    "crisis or psychiatric emergency: direct admission to inpatient acute care",
    ("SEED",),
)
#: The typical step-downs, and the typical step-up into IOP.
TYPICAL: dict[tuple[str, str], _Why] = {
    (_OP, _IOP): ("at risk of hospitalization and weekly therapy is not enough", ("SEED", "TIP47")),
    (_ACUTE, _RES): (
        "step-down to residential care once reassessment shows the crisis has passed",
        ("SEED", "TIP47"),
    ),
    (_ACUTE, _PHP): (
        "step-down to partial hospitalization once reassessment shows the person is stable",
        ("SEED", "TIP47"),
    ),
    (_ACUTE, _IOP): (
        "stable after acute care: IOP as a step-down back toward ordinary life",
        ("SEED", "TIP47"),
    ),
    (_RES, _PHP): (
        "step-down to partial hospitalization, living at home again, after reassessment",
        ("SEED", "TIP47"),
    ),
    (_RES, _IOP): (
        "IOP as a step-down from residential care back toward ordinary life",
        ("SEED", "TIP47"),
    ),
    (_PHP, _IOP): (
        "step-down to fewer hours a week once reassessment shows the person is ready",
        ("SEED", "TIP47"),
    ),
    (_IOP, _OP): (
        "continuing care in outpatient treatment after intensive outpatient treatment",
        ("TIP47",),
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
                rationale=why[0],
                sources=why[1],
            )


@functools.cache
def shared_default_graph() -> ContinuumGraph:
    """The default graph, built once and shared: read it, never change it."""
    return ContinuumGraph(DEFAULT_CONTINUUM.levels, _default_transitions(), name="continuum")


def default_graph() -> ContinuumGraph:
    """The transition graph of the default continuum [SEED, TIP47]; a fresh copy to change freely.

    Examples
    --------
    >>> g = default_graph()
    >>> [t.target for t in g.step_ups("outpatient")]
    ['intensive_outpatient', 'partial_hospitalization', 'residential', 'inpatient_acute']
    >>> g.transition("residential", "IOP").rationale
    'IOP as a step-down from residential care back toward ordinary life'
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
    )


def framework_graph(key: str | Framework) -> ContinuumGraph:
    """A transition graph for another framework (``"asam3"``, ...), derived honestly.

    * Step-ups: any level may step up to any more intensive level of the
      framework, as in the default graph [SEED].
    * Typical moves: only where the framework's crosswalk to the continuum maps
      both levels onto a typical move of the default graph; the rationale says
      so (``derived=True``), and approximate mappings are marked with ``≈``.

    No clinical rule is invented: two levels that map onto the same continuum
    level get no step-down between them.

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
                        sources=("SEED", "TIP47"),
                        derived=True,
                    )
                )
    return ContinuumGraph(fw.levels, edges, name=fw.code)
