"""The library's exception hierarchy.

Every error the library raises for bad input is either a pydantic
:class:`~pydantic.ValidationError` (for malformed data handed to a model) or a
subclass of :class:`CareContinuumError` defined here.  Lookups raise subclasses
that are also :class:`LookupError`, so ``except LookupError`` keeps working.

Examples
--------
>>> import carecontinuum as cc
>>> try:
...     cc.level("intensive outpatent")
... except cc.UnknownLevelError as err:
...     print(err.suggestions[0])
intensive_outpatient
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ._text import echo

__all__ = [
    "AmbiguousKeyError",
    "AmbiguousLevelError",
    "CareContinuumError",
    "DuplicateRegistrationError",
    "InvalidJsonError",
    "InvalidQuantityError",
    "InvalidTransitionError",
    "MissingExtraError",
    "NotInContinuumError",
    "ProtectedEntryError",
    "UnknownFrameworkError",
    "UnknownKeyError",
    "UnknownLevelError",
    "UnknownModalityError",
    "UnknownRuleSetError",
    "UnknownSourceError",
]


class CareContinuumError(Exception):
    """Base class of every error raised by carecontinuum."""

    def __init__(self, *args: object) -> None:  # a Python signature for introspection tools
        super().__init__(*args)


class UnknownKeyError(CareContinuumError, LookupError):
    """A lookup by code, alias or id found nothing.

    Parameters
    ----------
    kind:
        What was looked up, in words ("care level", "modality", ...).
    key:
        The key exactly as the caller passed it (messages echo at most ~80
        characters of it).
    suggestions:
        Close matches among the known keys, best first.
    known:
        All valid keys, used in the message when there are few of them.
    """

    def __init__(
        self,
        kind: str,
        key: object,
        suggestions: Sequence[str] = (),
        known: Iterable[str] = (),
    ) -> None:
        self.kind = kind
        self.key = key
        self.suggestions = tuple(suggestions)
        self.known = tuple(known)
        super().__init__(self._message())

    def _message(self) -> str:
        msg = f"unknown {self.kind} {echo(self.key)}"
        if self.suggestions:
            msg += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        elif self.known and len(self.known) <= 20:
            msg += "; known: " + ", ".join(self.known)
        return msg

    def __str__(self) -> str:  # LookupError.__str__ would repr() the message
        return self._message()


class AmbiguousKeyError(UnknownKeyError):
    """A key names several entries (a group, or a loose spelling two entries share).

    ``candidates`` lists every entry it could mean; the lookup never picks one.
    """

    def __init__(self, kind: str, key: object, candidates: Sequence[str]) -> None:
        self.candidates = tuple(candidates)
        super().__init__(kind, key, suggestions=self.candidates)

    def _message(self) -> str:
        names = ", ".join(repr(c) for c in self.candidates)
        return f"{echo(self.key)} names several {_plural(self.kind)}: {names}; pick one"


def _plural(kind: str) -> str:
    if kind.endswith("s"):
        return kind
    if kind.endswith("y") and not kind.endswith(("ay", "ey", "oy", "uy")):
        return kind[:-1] + "ies"
    return f"{kind}s"


class UnknownLevelError(UnknownKeyError):
    """No care level matches the key (code, alias or abbreviation)."""


class AmbiguousLevelError(UnknownLevelError, AmbiguousKeyError):
    """A phrase maps to several levels of the continuum (``candidates`` lists them)."""


class NotInContinuumError(UnknownLevelError):
    """The phrase names care that is not a level of the continuum (withdrawal management,
    a framework level with no counterpart); the message says where it lives."""

    def __init__(self, kind: str, key: object, where: str) -> None:
        self.where = where
        super().__init__(kind, key)

    def _message(self) -> str:
        return self.where


class UnknownModalityError(UnknownKeyError):
    """No registered modality matches the key."""


class UnknownFrameworkError(UnknownKeyError):
    """No framework (ASAM 3rd/4th, LOCUS, TEDS, ...) matches the key."""


class UnknownRuleSetError(UnknownKeyError):
    """No intensity rule set matches the id."""


class UnknownSourceError(UnknownKeyError):
    """No source has this id (see :data:`carecontinuum.SOURCES`)."""


class DuplicateRegistrationError(CareContinuumError, ValueError):
    """A registry already holds an entry under this code, name or alias.

    Pass ``replace=True`` to the registering call to replace an entry with the
    same code on purpose.  A name or alias that another entry owns is refused
    even then: ``owner`` is the code of that entry, ``key`` the folded form of
    the name the two share.
    """

    def __init__(
        self, kind: str, code: str, *, owner: str | None = None, key: str | None = None
    ) -> None:
        self.kind = kind
        self.code = code
        self.owner = owner
        self.key = key
        if owner is None or owner == code:
            message = (
                f"a {kind} with code {echo(code)} is already registered; "
                f"pass replace=True to replace it on purpose"
            )
        else:
            message = (
                f"a {kind} named {echo(code)} is already registered: "
                f"{key or code} (alias of {owner!r}); give yours another name "
                f"(replace=True replaces only the entry with the same code)"
            )
        super().__init__(message)


class ProtectedEntryError(CareContinuumError, ValueError):
    """A built-in registry entry cannot be unregistered (replacing one needs ``replace=True``).

    Tests and applications that want a registry of their own use the
    registry's ``scoped()`` context or ``copy()``.
    """

    def __init__(self, kind: str, code: str, action: str = "unregistered") -> None:
        self.kind = kind
        self.code = code
        super().__init__(
            f"the built-in {kind} {code!r} cannot be {action}; use a scoped() registry "
            f"or register an entry of your own under another code"
        )


class InvalidQuantityError(CareContinuumError, ValueError):
    """A value could not be read as a quantity of the expected dimension.

    Raised by :func:`carecontinuum.units.convert`; inside a pydantic model the
    same problem surfaces as a ``ValidationError`` naming the field.
    """

    def __init__(self, message: str, *, error_type: str = "quantity") -> None:
        self.error_type = error_type
        super().__init__(message)


class InvalidJsonError(CareContinuumError, ValueError):
    """Text that should be JSON is not, or is JSON the library refuses.

    Raised for bytes that are not UTF-8, malformed JSON, a key repeated in one
    object, ``NaN``/``Infinity``, huge integers and very deep nesting; the
    message says where.

    Attributes
    ----------
    kind:
        ``"encoding"``, ``"syntax"`` (``NaN`` included), ``"duplicate-key"``,
        ``"number"`` (an integer too long) or ``"depth"``.
    line, column:
        Where, when known (1-based).
    detail:
        What is wrong, without where (``"repeats the key 'name'"``).
    """

    def __init__(
        self,
        message: str,
        *,
        kind: str = "syntax",
        line: int | None = None,
        column: int | None = None,
        detail: str = "",
    ) -> None:
        self.kind = kind
        self.line = line
        self.column = column
        self.detail = detail or message
        super().__init__(message)


class InvalidTransitionError(CareContinuumError, ValueError):
    """A move between two levels that the transition graph does not allow.

    ``allowed`` lists the codes the origin level may move to.
    """

    def __init__(
        self, message: str, *, source: str = "", target: str = "", allowed: Sequence[str] = ()
    ) -> None:
        self.source = source
        self.target = target
        self.allowed = tuple(allowed)
        super().__init__(message)


class MissingExtraError(CareContinuumError, ImportError):
    """An optional integration was used without its extra installed."""

    def __init__(self, package: str, extra: str, feature: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"{feature} needs the optional package {package!r}; "
            f"install it with: pip install 'carecontinuum[{extra}]'"
        )
