"""What one call of the bridge works with: release, base URL, caches and findings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .._text import echo
from ._errors import FhirError
from ._release import Release
from ._settings import resolve_base

if TYPE_CHECKING:
    from ..levels import CareLevel

__all__ = ["Reader", "Unmapped", "Writer", "level_map_option"]


@dataclass(frozen=True, slots=True)
class Unmapped:
    """Something in FHIR input that has no place in the object it was read into.

    Attributes
    ----------
    path:
        Where it is (``"Encounter.type[1].coding[0]"``).
    value:
        A short rendering of it (a ``system|code`` token, an element name).
    reason:
        Why it was not mapped.
    """

    path: str
    value: str
    reason: str

    def __str__(self) -> str:
        if self.path.endswith(f".{self.value}"):
            return f"{self.path}: {self.reason}"
        return f"{self.path}: {self.value} ({self.reason})"


class _Urls:
    __slots__ = ("base", "cs", "sd")

    def __init__(self, base: str) -> None:
        self.base = base
        self.cs = f"{base}/CodeSystem/"
        self.sd = f"{base}/StructureDefinition/"

    def system(self, name: str) -> str:
        return self.cs + name

    def ext(self, name: str) -> str:
        return self.sd + name


@dataclass
class Writer:
    """Settings and caches of one export."""

    release: Release
    base_url: str | None = None
    patient: str | None = None
    urls: _Urls = field(init=False)
    cache: dict[Any, Any] = field(default_factory=dict)
    levels: dict[int, Any] = field(default_factory=dict)
    """id(level) → (level, class, type, their JSON text), filled once per level."""
    dates: dict[Any, str] = field(default_factory=dict)
    """date → ISO text, for the fast NDJSON path (bounded: see :meth:`iso`)."""

    def iso(self, day: Any) -> str:
        """``day.isoformat()``, remembered for the first 100,000 distinct dates."""
        text = self.dates.get(day)
        if text is None:
            text = day.isoformat()
            if len(self.dates) < 100_000:
                self.dates[day] = text
        return text

    def __post_init__(self) -> None:
        self.urls = _Urls(resolve_base(self.base_url))
        if self.patient is not None:
            if not isinstance(self.patient, str) or not self.patient.strip():
                raise FhirError(
                    f"must be a reference string such as 'Patient/123', got {echo(self.patient)}",
                    path="patient",
                )
            if self.patient != self.patient.strip() or len(self.patient) > 4096:
                raise FhirError(
                    f"must be a reference without surrounding spaces, got {echo(self.patient)}",
                    path="patient",
                )


@dataclass
class Reader:
    """Settings, the user's level map and the unmapped findings of one import."""

    release: Release
    base_url: str | None = None
    level_map: dict[str, CareLevel] = field(default_factory=dict)
    unmapped: list[Unmapped] = field(default_factory=list)
    urls: _Urls = field(init=False)

    def __post_init__(self) -> None:
        self.urls = _Urls(resolve_base(self.base_url))

    def note(self, path: str, value: str, reason: str) -> None:
        """Record something that has no place in the result."""
        self.unmapped.append(Unmapped(path, echo(value, 120).strip("'\""), reason))


def level_map_option(level_map: object) -> dict[str, CareLevel]:
    """A user's level map: ``"system|code"`` (or a ``(system, code)`` pair) → level.

    Levels may be codes or aliases of the default continuum, ``"framework:code"``
    or :class:`~carecontinuum.CareLevel` objects.

    Raises
    ------
    TypeError
        When *level_map* is not a mapping.
    carecontinuum.fhir.FhirError
        For a key that is not ``system|code``.
    carecontinuum.UnknownLevelError
        For a value that names no level.
    """
    if level_map is None:
        return {}
    if not isinstance(level_map, Mapping):
        raise TypeError(
            f"level_map must be a mapping of 'system|code' to levels, not "
            f"{type(level_map).__name__} {echo(level_map)}"
        )
    import carecontinuum as cc

    out: dict[str, CareLevel] = {}
    for key, value in level_map.items():
        if isinstance(key, tuple) and len(key) == 2 and all(isinstance(k, str) for k in key):
            token = f"{key[0]}|{key[1]}"
        elif isinstance(key, str) and key.count("|") == 1 and not key.endswith("|"):
            token = key
        else:
            raise FhirError(
                f"a key must be 'system|code' (e.g. 'http://terminology.hl7.org/CodeSystem/"
                f"v3-ActCode|AMB') or a (system, code) pair, got {echo(key)}",
                path="level_map",
            )
        if isinstance(value, cc.CareLevel):
            out[token] = cc.level(value)
        elif isinstance(value, str):
            fw, sep, code = value.partition(":")
            out[token] = cc.level(code, framework=fw) if sep else cc.level(value)
        else:
            raise FhirError(
                f"the level for {token!r} must be a level code or CareLevel, got {echo(value)}",
                path="level_map",
            )
    return out
