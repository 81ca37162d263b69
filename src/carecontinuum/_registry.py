"""One generic registry, used by every kind of catalog in the library.

Frameworks, crosswalks, modalities, modality kinds and intensity rule sets
are each a :class:`Registry`.  A registry is built for concurrent readers and
writers:

* **readers work on an immutable snapshot** — the items, their
  :class:`~carecontinuum._lookup.Lookup` index and the set of built-ins — that
  writers replace in one assignment, so a reader sees the state before a
  change or after it, never half of it;
* **writers are serialised** by a lock and build the next snapshot aside;
* **built-ins are protected**: unregistering one is refused with
  :class:`~carecontinuum.errors.ProtectedEntryError`, and replacing one needs
  ``replace=True``;
* **a loader** (built-ins not needed at import, entry-point plug-ins) runs
  once, lazily, as a **transaction**: everything it registers lands in one
  swap, or nothing does;
* :meth:`Registry.scoped` and :meth:`Registry.copy` give tests and
  applications an isolated registry.

Examples
--------
>>> from carecontinuum.errors import UnknownKeyError
>>> rooms = Registry[str]("room", code=str.lower, names=lambda item: (item,))
>>> rooms.register("Alpha", builtin=True)
'Alpha'
>>> rooms.get("ALPHA")
'Alpha'
>>> rooms.unregister("alpha")
Traceback (most recent call last):
...
carecontinuum.errors.ProtectedEntryError: the built-in room 'alpha' cannot be unregistered; \
use a scoped() registry or register an entry of your own under another code
>>> with rooms.scoped():
...     _ = rooms.register("Beta")
...     len(rooms)
2
>>> len(rooms)
1
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from ._lookup import _MEMO_SIZE, Lookup
from .errors import (
    AmbiguousKeyError,
    DuplicateRegistrationError,
    ProtectedEntryError,
    UnknownKeyError,
)

__all__ = ["Registry", "Transaction"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Snapshot(Generic[T]):
    """One complete, immutable state of a registry."""

    items: Mapping[str, T]
    lookup: Lookup
    builtins: frozenset[str]
    loaded: bool
    #: Spellings already resolved (an alias, a name in other case) and their items, so a
    #: repeated lookup is two dict probes.  A cache of this snapshot's own answers: a
    #: change makes a new snapshot, so it never goes stale; bounded, as keys are user input.
    found: dict[str, T] = field(default_factory=dict)


@dataclass(slots=True)
class Transaction(Generic[T]):
    """Changes collected aside and applied to a registry in one swap.

    Obtained from :meth:`Registry.transaction`; its methods mirror the
    registry's.  Nothing is visible to readers until the ``with`` block ends
    without an exception.
    """

    registry: Registry[T]
    items: dict[str, T]
    builtins: set[str]
    _built: tuple[dict[str, T], Lookup] | None = field(default=None)

    def register(self, item: T, *, replace: bool = False, builtin: bool = False) -> T:
        """Stage *item*; the same checks as :meth:`Registry.register`."""
        self.items = self.registry._with(self.items, item, replace=replace)
        self._lookup()  # a name clash fails here, not at commit
        if builtin:
            self.builtins.add(self.registry._code(item))
        return item

    def unregister(self, key: str) -> T:
        """Stage the removal of the entry *key* names (checked as :meth:`Registry.unregister`)."""
        code = self._lookup().code(key)
        if code in self.builtins:
            raise ProtectedEntryError(self.registry.kind, code)
        item = self.items[code]
        self.items = {c: v for c, v in self.items.items() if c != code}
        return item

    def get(self, key: str) -> T:
        """The staged entry *key* names."""
        return self.items[self._lookup().code(key)]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._lookup().find(key) is not None

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Undo this block's staged changes if it raises (the exception propagates)."""
        saved = (dict(self.items), set(self.builtins))
        try:
            yield
        except BaseException:
            self.items, self.builtins = saved
            raise

    def _lookup(self) -> Lookup:
        built = self._built
        if built is not None and built[0] is self.items:
            return built[1]
        lookup = self.registry._index(self.items)
        self._built = (self.items, lookup)
        return lookup


class Registry(Generic[T]):
    """A thread-safe, ordered registry of items found by code, name or alias.

    Parameters
    ----------
    kind:
        What the items are, in words, for messages ("modality").
    code:
        The item's code (its identity in the registry).
    names:
        The item's other names (name, aliases) it is found by.
    error, ambiguous_error:
        The :class:`~carecontinuum.errors.UnknownKeyError` and
        :class:`~carecontinuum.errors.AmbiguousKeyError` subclasses lookups raise.
    item_type:
        The class (or classes) an item must be; anything else is a ``TypeError``.
    loader:
        Called once, lazily, inside a :class:`Transaction`, before the first
        miss or the first listing: built-ins that stay out of ``import``, and
        entry-point plug-ins.
    groups, variants, query_variants:
        Passed to the :class:`~carecontinuum._lookup.Lookup` (named groups, looser
        spellings of names and of queries); ``groups`` is called with the items.
    builtins:
        Items registered (and protected) at once, before any loading.

    Examples
    --------
    >>> r = Registry[str]("word", code=str.lower, names=lambda w: ())
    >>> r.register("Hello")
    'Hello'
    >>> r.register("hello")
    Traceback (most recent call last):
    ...
    carecontinuum.errors.DuplicateRegistrationError: a word with code 'hello' is already \
registered; pass replace=True to replace it on purpose
    >>> r.register("HELLO", replace=True), r.get("hello"), r.codes()
    ('HELLO', 'HELLO', ('hello',))
    """

    def __init__(
        self,
        kind: str,
        *,
        code: Callable[[T], str],
        names: Callable[[T], Iterable[str]],
        error: type[UnknownKeyError] = UnknownKeyError,
        ambiguous_error: type[AmbiguousKeyError] = AmbiguousKeyError,
        item_type: type | tuple[type, ...] = object,
        loader: Callable[[Transaction[T]], None] | None = None,
        groups: Callable[[Mapping[str, T]], Mapping[str, Sequence[str]]] | None = None,
        variants: Callable[[str], Iterable[str]] | None = None,
        query_variants: Callable[[str], Iterable[str]] | None = None,
        builtins: Iterable[T] = (),
    ) -> None:
        self.kind = kind
        self._code = code
        self._names = names
        self._error = error
        self._ambiguous = ambiguous_error
        self._item_type = item_type
        self._loader = loader
        self._groups = groups
        self._variants = variants
        self._query_variants = query_variants
        self._lock = threading.RLock()
        self._loading: int | None = None  # the thread running the loader
        items: dict[str, T] = {}
        for item in builtins:
            items = self._with(items, item, replace=False)
        self._snapshot: _Snapshot[T] = _Snapshot(
            items, self._index(items), frozenset(items), loader is None
        )

    # -- reading (lock-free: one snapshot per call) --------------------------------------
    def get(self, key: str) -> T:
        """The item *key* names: its code, name or alias (case and spacing forgiven).

        Parameters
        ----------
        key:
            A code, name or alias.

        Returns
        -------
        T
            The item.

        Raises
        ------
        carecontinuum.errors.UnknownKeyError
            (this registry's subclass) with suggestions, when nothing matches.
        carecontinuum.errors.AmbiguousKeyError
            When *key* names several items.
        """
        snap = self._snapshot
        if type(key) is str:
            found = snap.items.get(key)
            if found is None:
                found = snap.found.get(key)
            if found is not None:
                return found
        code = snap.lookup.find(key)
        if code is None and not snap.loaded:
            snap = self._load()
            code = snap.lookup.find(key)
        if code is None:
            snap.lookup.code(key)  # raises the miss (with suggestions) or the ambiguity
            raise AssertionError("unreachable")  # pragma: no cover
        item = snap.items[code]
        if len(snap.found) < _MEMO_SIZE:
            snap.found[key] = item
        return item

    def find(self, key: object) -> T | None:
        """The item *key* names, or ``None``.

        Parameters
        ----------
        key:
            A code, name or alias (anything else finds nothing).

        Returns
        -------
        T or None
            The item, or ``None`` when nothing (or more than one item) matches.
        """
        if not isinstance(key, str):
            return None
        snap = self._snapshot
        code = snap.lookup.find(key)
        if code is None and not snap.loaded:
            snap = self._load()
            code = snap.lookup.find(key)
        return None if code is None else snap.items[code]

    def resolve(self, key: str) -> str:
        """The code of the item *key* names.

        Parameters
        ----------
        key:
            A code, name or alias.

        Returns
        -------
        str
            The item's code.

        Raises
        ------
        carecontinuum.errors.UnknownKeyError
            (this registry's subclass) with suggestions, when nothing matches.
        """
        snap = self._snapshot
        if snap.lookup.find(key) is None and not snap.loaded:
            snap = self._load()
        return snap.lookup.code(key)

    def members(self, key: str) -> tuple[T, ...]:
        """Every item *key* names: one item, or the members of a group.

        Parameters
        ----------
        key:
            A code, name or alias of an item or of a group.

        Returns
        -------
        tuple[T, ...]
            The items.

        Raises
        ------
        carecontinuum.errors.UnknownKeyError
            (this registry's subclass) with suggestions, when nothing matches.
        """
        snap = self._loaded()
        return tuple(snap.items[c] for c in snap.lookup.members(key))

    def suggest(self, key: object) -> tuple[str, ...]:
        """Codes close to *key*, best first.

        Parameters
        ----------
        key:
            The text that found nothing.

        Returns
        -------
        tuple[str, ...]
            Up to a few codes, closest first (empty when nothing is close).
        """
        return self._loaded().lookup.suggest(key)

    def codes(self) -> tuple[str, ...]:
        """Every code, in registration order (the loader's items included).

        Returns
        -------
        tuple[str, ...]
            The codes.
        """
        return tuple(self._loaded().items)

    def is_builtin(self, key: str) -> bool:
        """Whether the item *key* names is a protected built-in.

        Parameters
        ----------
        key:
            A code, name or alias.

        Returns
        -------
        bool
            ``True`` for a built-in entry.
        """
        snap = self._loaded()
        return snap.lookup.code(key) in snap.builtins

    def __iter__(self) -> Iterator[T]:
        return iter(tuple(self._loaded().items.values()))

    def __len__(self) -> int:
        return len(self._loaded().items)

    def __contains__(self, key: object) -> bool:
        return self.find(key) is not None

    def __repr__(self) -> str:
        return f"<Registry of {len(self._snapshot.items)} {self.kind} entries>"

    # -- writing (serialised) -------------------------------------------------------------
    def register(self, item: T, *, replace: bool = False, builtin: bool = False) -> T:
        """Add *item*; return it.

        Parameters
        ----------
        item:
            The item to add.
        replace:
            Replace an item registered under the same code (a built-in included).
        builtin:
            Protect the item: it cannot be unregistered.

        Returns
        -------
        T
            *item*.

        Raises
        ------
        TypeError
            When *item* is not of the registry's item type.
        carecontinuum.errors.DuplicateRegistrationError
            When its code is taken and ``replace`` is false, or when one of its
            names belongs to another item (even with ``replace=True``).
        """
        with self.transaction() as txn:
            txn.register(item, replace=replace, builtin=builtin)
        return item

    def unregister(self, key: str) -> T:
        """Remove the item *key* names; return it.

        Parameters
        ----------
        key:
            A code, name or alias.

        Returns
        -------
        T
            The item removed.

        Raises
        ------
        carecontinuum.errors.UnknownKeyError
            When nothing matches.
        carecontinuum.errors.ProtectedEntryError
            For a built-in.
        """
        with self.transaction() as txn:
            return txn.unregister(key)

    @contextmanager
    def transaction(self) -> Iterator[Transaction[T]]:
        """Collect changes aside and apply them in one swap when the block ends.

        An exception inside the block discards every staged change.

        Returns
        -------
        contextlib.AbstractContextManager[Transaction[T]]
            A context manager giving the :class:`Transaction` that collects the changes.
        """
        with self._lock:
            snap = self._snapshot if self._snapshot.loaded else self._load()
            txn = Transaction(self, dict(snap.items), set(snap.builtins))
            yield txn
            self._swap(txn.items, frozenset(txn.builtins), loaded=True, lookup=txn._lookup())

    @contextmanager
    def scoped(self, *, fresh: bool = False) -> Iterator[Registry[T]]:
        """Changes made inside the block are undone when it ends.

        With ``fresh=True`` the block starts from the built-ins alone, and the
        loader (plug-in discovery) runs again on first need.  The scope is
        process-wide (every thread sees it): meant for tests and for an
        application's setup, not for isolating concurrent requests — use
        :meth:`copy` for that.

        Parameters
        ----------
        fresh:
            Start the block from the built-ins alone.

        Returns
        -------
        contextlib.AbstractContextManager[Registry[T]]
            A context manager giving this registry; on leaving the block it is as it
            was.
        """
        with self._lock:
            saved = self._snapshot
            if fresh:
                items = {c: v for c, v in saved.items.items() if c in saved.builtins}
                self._swap(items, saved.builtins, loaded=self._loader is None)
        try:
            yield self
        finally:
            with self._lock:
                self._snapshot = saved

    def copy(self) -> Registry[T]:
        """An independent registry with the same items, built-ins and settings.

        Returns
        -------
        Registry[T]
            The copy; changes to either do not reach the other.
        """
        snap = self._loaded()
        other = Registry[T](
            self.kind,
            code=self._code,
            names=self._names,
            error=self._error,
            ambiguous_error=self._ambiguous,
            item_type=self._item_type,
            loader=None,
            groups=self._groups,
            variants=self._variants,
            query_variants=self._query_variants,
        )
        other._snapshot = snap
        return other

    # -- internals --------------------------------------------------------------------------
    def _with(self, items: dict[str, T], item: T, *, replace: bool) -> dict[str, T]:
        if not isinstance(item, self._item_type):
            wanted = (
                " or ".join(t.__name__ for t in self._item_type)
                if isinstance(self._item_type, tuple)
                else self._item_type.__name__
            )
            raise TypeError(f"a {self.kind} must be a {wanted}, got {type(item).__name__}")
        code = self._code(item)
        if code in items and not replace:
            raise DuplicateRegistrationError(self.kind, code)
        updated = dict(items)
        updated[code] = item  # a replaced entry keeps its place; its old names go with it
        return updated

    def _index(self, items: Mapping[str, T]) -> Lookup:
        return Lookup(
            self.kind,
            ((code, self._names(item)) for code, item in items.items()),
            error=self._error,
            ambiguous_error=self._ambiguous,
            groups=self._groups(items) if self._groups is not None else None,
            variants=self._variants,
            query_variants=self._query_variants,
        )

    def _swap(
        self,
        items: dict[str, T],
        builtins: frozenset[str],
        *,
        loaded: bool,
        lookup: Lookup | None = None,
    ) -> None:
        index = lookup if lookup is not None else self._index(items)
        self._snapshot = _Snapshot(items, index, builtins, loaded)

    def _loaded(self) -> _Snapshot[T]:
        snap = self._snapshot
        return snap if snap.loaded else self._load()

    def _load(self) -> _Snapshot[T]:
        with self._lock:  # other threads wait here until the loader has finished
            snap = self._snapshot
            if snap.loaded or self._loading == threading.get_ident():
                return snap  # loaded, or the loader itself looking something up
            self._loading = threading.get_ident()
            txn = Transaction(self, dict(snap.items), set(snap.builtins))
            try:
                if self._loader is not None:
                    self._loader(txn)
            finally:
                self._loading = None
            self._swap(txn.items, frozenset(txn.builtins), loaded=True, lookup=txn._lookup())
            return self._snapshot
