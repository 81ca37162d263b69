"""``Schedule``'s constructor: the common call is filled in directly, with pydantic's result.

Programs, rule checks and synthetic populations build schedules in bulk, and
almost every call is ``Schedule(hours_per_day=h, days_per_week=d)`` or the same
with ``weeks=w``, each a plain ``int`` or ``float`` inside its field's bounds.
Beyond what building any model costs, pydantic's constructor spends its time
on the five fields nobody passed and on one Python call per unit field
(:mod:`carecontinuum.units._field`).
:func:`fast_init` gives the class an ``__init__`` that, for exactly that call,
fills the instance itself: the same values (a float where the field holds one),
in the same field order, the same ``model_fields_set``, no extra and no private
values, which is what pydantic stores.

Everything else goes to pydantic's own ``__init__`` unchanged: another
keyword, a string, a quantity, a boolean, a subclass of ``int`` or ``float``,
NaN, a value out of range, and any subclass of the class.  So every error, and
every value the fields' converters compute, is still pydantic's.  The bounds
are read from the fields' :class:`~carecontinuum.units.InUnit` markers, and the
builder refuses a class whose shape it does not know (a model validator, a
post-init hook, private attributes, a default that is validated), so a change
to the model cannot leave a stale shortcut.  Nested schedules
(``Program(schedule={...})``) and ``model_validate`` never call ``__init__``:
pydantic validates them as before.

``tests/test_schedule_fast_init.py`` checks on hostile input that both paths
give the same instance or the same errors.

Examples
--------
>>> import carecontinuum as cc
>>> fast = cc.Schedule(hours_per_day=3, days_per_week=4, weeks=6)
>>> fast == cc.Schedule.model_validate({"hours_per_day": 3, "days_per_week": 4, "weeks": 6})
True
>>> fast.hours_per_day, sorted(fast.model_fields_set)
(3.0, ['days_per_week', 'hours_per_day', 'weeks'])
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain
from typing import Annotated, Any, TypeVar, get_args, get_origin

from pydantic import BaseModel

from ..units._field import InUnit

__all__ = ["fast_init"]

_M = TypeVar("_M", bound=BaseModel)

#: The keywords of the two calls taken directly.
_DOSE = frozenset({"hours_per_day", "days_per_week"})
_DOSE_AND_WEEKS = _DOSE | {"weeks"}

# The setters of BaseModel's slots and instance dict, bound once.
_SET_DICT = BaseModel.__dict__["__dict__"].__set__
_SET_FIELDS_SET = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_SET_EXTRA = BaseModel.__dict__["__pydantic_extra__"].__set__
_SET_PRIVATE = BaseModel.__dict__["__pydantic_private__"].__set__
_BASE_INIT: Callable[..., None] = BaseModel.__init__


def _marker(cls: type[BaseModel], name: str) -> InUnit:
    """The field's unit marker: in its metadata, or inside ``Annotated[...] | None``."""
    field = cls.model_fields[name]
    inner = [get_args(a)[1:] for a in get_args(field.annotation) if get_origin(a) is Annotated]
    found = [m for m in (*field.metadata, *chain(*inner)) if isinstance(m, InUnit)]
    if len(found) != 1:
        raise TypeError(f"fast_init: {cls.__name__}.{name} has no single InUnit marker")
    return found[0]


def _check_shape(cls: type[BaseModel]) -> None:
    """Refuse a class the direct path would not build exactly as pydantic does."""
    decorators = cls.__pydantic_decorators__
    problems = [
        "a model validator" if decorators.model_validators else "",
        "a post-init hook" if cls.__pydantic_post_init__ is not None else "",
        "private attributes" if cls.__private_attributes__ else "",
        "extra values kept" if cls.model_config.get("extra") != "forbid" else "",
        "validated defaults" if cls.model_config.get("validate_default") else "",
    ]
    for name, field in cls.model_fields.items():
        if field.alias or field.validation_alias:
            problems.append(f"an alias for {name}")
        if name in _DOSE:
            continue
        if not field.is_required() and field.get_default() not in (None, False):
            problems.append(f"a default for {name} that is not None or False")
        if field.validate_default:
            problems.append(f"a validated default for {name}")
    for validator in decorators.field_validators.values():
        if set(validator.info.fields) & _DOSE_AND_WEEKS:
            problems.append(f"a validator of {sorted(validator.info.fields)}")
    stated = [p for p in problems if p]
    if stated:
        raise TypeError(f"fast_init: {cls.__name__} has {', '.join(stated)}")


def fast_init(cls: type[_M]) -> type[_M]:
    """Class decorator: ``cls(hours_per_day=…, days_per_week=…[, weeks=…])`` fast, same result.

    *cls* must have the three unit fields ``hours_per_day`` (a float over a
    lower bound and at most an upper one), ``days_per_week`` (a whole number
    from a minimum to a maximum) and ``weeks`` (optional, over a lower bound
    and at most an upper one), and otherwise fields defaulting to ``None`` or
    ``False``.

    Raises
    ------
    TypeError
        When *cls* has a shape the direct path does not build as pydantic would.
    """
    _check_shape(cls)
    hours, days, weeks = (_marker(cls, n) for n in ("hours_per_day", "days_per_week", "weeks"))
    if (
        hours.integer
        or hours.gt is None
        or hours.le is None
        or not days.integer
        or days.gt is not None
        or days.ge is None
        or days.le is None
        or weeks.integer
        or weeks.gt is None
        or weeks.le is None
    ):
        raise TypeError(f"fast_init: {cls.__name__}'s unit fields have other bounds")
    h_over, h_most = hours.gt, hours.le
    d_least, d_most = days.ge, days.le
    w_over, w_most = weeks.gt, weeks.le
    # Every field in order, with its default; the three given ones are overwritten.
    template = {
        n: None if f.is_required() else f.get_default() for n, f in cls.model_fields.items()
    }

    def __init__(self: BaseModel, /, **data: Any) -> None:  # noqa: N807 - the class's own
        __tracebackhide__ = True  # pytest: show the caller, as pydantic's own __init__ does
        size = len(data)
        if size in {2, 3} and type(self) is cls:
            h: Any
            w: Any
            try:  # with that many keywords, these are all of them
                h, d = data["hours_per_day"], data["days_per_week"]
                w = data["weeks"] if size == 3 else None
            except KeyError:
                pass  # another keyword: pydantic's
            else:
                kind = type(w)
                if kind is float:
                    ok = w_over < w <= w_most
                elif kind is int and w_over < w <= w_most:
                    ok, w = True, w + 0.0  # a float, as the field's validator returns
                else:
                    ok = w is None
                kind = type(h)
                if (
                    ok
                    and type(d) is int
                    and d_least <= d <= d_most
                    and (kind is float or kind is int)
                    and h_over < h <= h_most
                ):
                    values = template.copy()
                    values["weeks"] = w
                    values["hours_per_day"] = h if kind is float else h + 0.0
                    values["days_per_week"] = d
                    _SET_DICT(self, values)
                    _SET_FIELDS_SET(self, set(data))
                    _SET_EXTRA(self, None)
                    _SET_PRIVATE(self, None)
                    return
        _BASE_INIT(self, **data)

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    __init__.__doc__ = _BASE_INIT.__doc__
    # pydantic then treats subclasses as having its own __init__ (no custom-init round trip).
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]
    cls.__init__ = __init__  # type: ignore[method-assign]
    return cls
