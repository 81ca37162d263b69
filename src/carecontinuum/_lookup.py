"""Forgiving lookup by code or alias, shared by every catalog in the library.

A :class:`Catalog` maps codes to frozen objects.  An exact code is found at
dictionary speed; anything else is normalised (case, spaces, hyphens,
underscores and slashes are folded) and looked up among the codes and aliases.
A miss raises the catalog's :class:`~carecontinuum.UnknownKeyError` subclass
with the closest matches as suggestions.
"""

from __future__ import annotations

import difflib
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

from .errors import DuplicateRegistrationError, UnknownKeyError

__all__ = ["Catalog", "normalize_key"]

T = TypeVar("T")

_SEPARATORS = re.compile(r"[\s\-_/]+")


def normalize_key(key: str) -> str:
    """Fold a user-typed key to the form catalogs index by.

    Examples
    --------
    >>> normalize_key("  Intensive-Outpatient ")
    'intensive_outpatient'
    >>> normalize_key("3.2-WM")
    '3.2_wm'
    """
    return _SEPARATORS.sub("_", key.strip().casefold()).strip("_")


class Catalog(Generic[T]):
    """An ordered, thread-safe registry of objects keyed by code, with aliases.

    Parameters
    ----------
    kind:
        What the entries are, in words, for error messages ("modality").
    error:
        The :class:`UnknownKeyError` subclass raised on a miss.
    loader:
        Called once, lazily, before the first miss or the first iteration:
        the hook through which entry-point plug-ins are discovered.

    Examples
    --------
    >>> from carecontinuum import UnknownKeyError
    >>> colours = Catalog[str]("colour", UnknownKeyError)
    >>> colours.add("red", "#f00", aliases=("Rot",))
    >>> colours.get("rot")
    '#f00'
    >>> colours.get("rde")
    Traceback (most recent call last):
    ...
    carecontinuum.errors.UnknownKeyError: unknown colour 'rde'; did you mean 'red'?
    """

    def __init__(
        self,
        kind: str,
        error: type[UnknownKeyError],
        loader: Callable[[], None] | None = None,
    ) -> None:
        self.kind = kind
        self._error = error
        self._by_code: dict[str, T] = {}
        self._index: dict[str, str] = {}
        self._aliases: dict[str, tuple[str, ...]] = {}
        self._lock = threading.RLock()
        self._loader = loader
        self._loaded = loader is None
        self._loading = False

    # -- registration -------------------------------------------------------------
    def add(
        self, code: str, item: T, aliases: Iterable[str] = (), *, replace: bool = False
    ) -> None:
        """Register *item* under *code* and its *aliases*.

        Raises :class:`~carecontinuum.DuplicateRegistrationError` when the code
        (or an alias) is taken by another entry, unless ``replace=True``.
        """
        aliases = tuple(aliases)
        with self._lock:
            if code in self._by_code:
                if not replace:
                    raise DuplicateRegistrationError(self.kind, code)
                self._drop(code)
            keys = [normalize_key(code), *(normalize_key(a) for a in aliases)]
            for key in keys:
                owner = self._index.get(key)
                if owner is not None and owner != code and not replace:
                    raise DuplicateRegistrationError(self.kind, f"{key} (alias of {owner!r})")
            self._by_code[code] = item
            self._aliases[code] = aliases
            for key in keys:
                self._index.setdefault(key, code)

    def remove(self, code: str) -> T:
        """Unregister and return the entry under *code*."""
        with self._lock:
            if code not in self._by_code:
                raise self._miss(code)
            item = self._by_code[code]
            self._drop(code)
            return item

    def _drop(self, code: str) -> None:
        del self._by_code[code]
        del self._aliases[code]
        for key in [k for k, owner in self._index.items() if owner == code]:
            del self._index[key]

    # -- lookup -----------------------------------------------------------------
    def get(self, key: str) -> T:
        """Return the entry whose code or alias matches *key*."""
        try:
            return self._by_code[key]
        except (KeyError, TypeError):
            pass
        if not isinstance(key, str):
            raise self._error(self.kind, key, known=self.codes())
        self._ensure_loaded()
        found = self._by_code.get(key)
        if found is not None:
            return found
        code = self._index.get(normalize_key(key))
        if code is None:
            raise self._miss(key)
        return self._by_code[code]

    def resolve(self, key: str) -> str:
        """Return the code that *key* names (an exact code, or an alias)."""
        item = self.get(key)
        for code, value in self._by_code.items():
            if value is item:
                return code
        raise self._miss(key)  # pragma: no cover - get() succeeded, so a code exists

    def _miss(self, key: object) -> UnknownKeyError:
        norm = normalize_key(key) if isinstance(key, str) else ""
        close = difflib.get_close_matches(norm, list(self._index), n=3, cutoff=0.6)
        suggestions: list[str] = []
        for match in close:
            code = self._index[match]
            if code not in suggestions:
                suggestions.append(code)
        return self._error(self.kind, key, suggestions, known=self.codes())

    def _ensure_loaded(self) -> None:
        if self._loaded:
            return
        with self._lock:  # other threads wait here until discovery has finished
            if self._loaded or self._loading:  # _loading: the loader itself re-entering
                return
            self._loading = True
            try:
                assert self._loader is not None
                self._loader()
            finally:
                self._loading = False
                self._loaded = True

    # -- mapping-like views ---------------------------------------------------------
    def codes(self) -> tuple[str, ...]:
        """All codes, in registration order."""
        self._ensure_loaded()
        return tuple(self._by_code)

    def aliases(self, code: str) -> tuple[str, ...]:
        """The aliases registered with *code*."""
        self.get(code)
        return self._aliases[code]

    def __iter__(self) -> Iterator[T]:
        self._ensure_loaded()
        return iter(tuple(self._by_code.values()))

    def __len__(self) -> int:
        self._ensure_loaded()
        return len(self._by_code)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        try:
            self.get(key)
        except UnknownKeyError:
            return False
        return True

    def __repr__(self) -> str:
        return f"<Catalog of {len(self._by_code)} {self.kind} entries>"
