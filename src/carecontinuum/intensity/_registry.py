"""The registry of rule sets: built-ins first, then your own."""

from __future__ import annotations

from .._registry import Registry
from ..errors import ProtectedEntryError, UnknownRuleSetError
from ._builtin import BUILTIN_RULE_SETS
from ._rules import RuleSet

__all__ = ["RULE_SETS", "list_rule_sets", "register_rule_set", "rule_set", "unregister_rule_set"]

#: The rule-set registry behind :func:`rule_set`, :func:`register_rule_set`, ...
RULE_SETS: Registry[RuleSet] = Registry(
    "intensity rule set",
    code=lambda rs: rs.id,
    names=lambda rs: (rs.name, *rs.aliases),
    error=UnknownRuleSetError,
    item_type=RuleSet,
    builtins=BUILTIN_RULE_SETS,
)


def rule_set(key: str | RuleSet) -> RuleSet:
    """Find a rule set by id, name or alias (case, spaces and hyphens forgiven).

    Parameters
    ----------
    key:
        A rule set's id, name or alias, or a :class:`~carecontinuum.RuleSet`
        (returned as it is).

    Returns
    -------
    RuleSet
        The rule set.

    Raises
    ------
    carecontinuum.UnknownRuleSetError
        With the closest ids as suggestions.

    Examples
    --------
    >>> rule_set("ASAM 3rd ed. (adolescent)").id
    'asam3-adolescent'
    >>> rule_set("medicaire")
    Traceback (most recent call last):
    ...
    carecontinuum.errors.UnknownRuleSetError: unknown intensity rule set 'medicaire'; did you mean \
'medicare'?
    """
    if type(key) is str:  # the common case first: isinstance on a model class is slow
        return RULE_SETS.get(key)
    if isinstance(key, RuleSet):
        return key
    return RULE_SETS.get(key)


def list_rule_sets() -> tuple[RuleSet, ...]:
    """Every registered rule set, built-ins first.

    Returns
    -------
    tuple[RuleSet, ...]
        The registered rule sets, built-ins first.

    Examples
    --------
    >>> [rs.id for rs in list_rule_sets()][:5]
    ['asam3-adult', 'asam3-adolescent', 'medicare', 'teds', 'hcpcs-h0015']
    """
    return tuple(RULE_SETS)


def register_rule_set(rs: RuleSet, /, *, replace: bool = False) -> RuleSet:
    """Register a rule set of your own so it is found by id and used by ``classify_all``.

    Parameters
    ----------
    rs:
        The rule set.
    replace:
        Replace the rule set with the same id on purpose (a built-in included).

    Returns
    -------
    RuleSet
        *rs* itself.

    Raises
    ------
    carecontinuum.errors.DuplicateRegistrationError
        When the id is taken and ``replace`` is false, or its name or an alias
        belongs to another rule set.
    TypeError
        For anything that is not a :class:`RuleSet`.
    """
    if not isinstance(rs, RuleSet):
        raise TypeError(f"register_rule_set() takes a RuleSet, got {type(rs).__name__}")
    return RULE_SETS.register(rs, replace=replace)


def unregister_rule_set(key: str, /) -> RuleSet:
    """Remove a rule set of your own and return it.

    Parameters
    ----------
    key:
        The rule set's id, name or alias.

    Returns
    -------
    RuleSet
        The rule set removed.

    Raises
    ------
    carecontinuum.errors.UnknownRuleSetError
        When no rule set matches *key*.
    carecontinuum.errors.ProtectedEntryError
        For a built-in rule set.
    """
    code = RULE_SETS.resolve(key)
    if RULE_SETS.is_builtin(code):
        raise ProtectedEntryError("intensity rule set", code)
    return RULE_SETS.unregister(code)
