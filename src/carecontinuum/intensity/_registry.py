"""The registry of rule sets: built-ins first, then your own."""

from __future__ import annotations

from .._lookup import Catalog
from ..errors import UnknownRuleSetError
from ._builtin import BUILTIN_RULE_SETS
from ._rules import RuleSet

__all__ = ["list_rule_sets", "register_rule_set", "rule_set", "unregister_rule_set"]

_RULE_SETS: Catalog[RuleSet] = Catalog("intensity rule set", UnknownRuleSetError)
for _rs in BUILTIN_RULE_SETS:
    _RULE_SETS.add(_rs.id, _rs, (_rs.name, *_rs.aliases))
del _rs


def rule_set(key: str | RuleSet) -> RuleSet:
    """Find a rule set by id, name or alias (case, spaces and hyphens forgiven).

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
    if isinstance(key, RuleSet):
        return key
    return _RULE_SETS.get(key)


def list_rule_sets() -> tuple[RuleSet, ...]:
    """Every registered rule set, built-ins first.

    Examples
    --------
    >>> [rs.id for rs in list_rule_sets()][:5]
    ['asam3-adult', 'asam3-adolescent', 'medicare', 'teds', 'hcpcs-h0015']
    """
    return tuple(_RULE_SETS)


def register_rule_set(rs: RuleSet, replace: bool = False) -> RuleSet:
    """Register a rule set of your own so it is found by id and used by ``classify_all``.

    Raises
    ------
    carecontinuum.DuplicateRegistrationError
        When the id (or an alias) is taken and ``replace`` is false.
    """
    if not isinstance(rs, RuleSet):
        raise TypeError(f"register_rule_set() takes a RuleSet, got {type(rs).__name__}")
    _RULE_SETS.add(rs.id, rs, (rs.name, *rs.aliases), replace=replace)
    return rs


def unregister_rule_set(key: str) -> RuleSet:
    """Remove a rule set and return it."""
    return _RULE_SETS.remove(_RULE_SETS.resolve(key))
