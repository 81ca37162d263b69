"""The errors and warnings of :mod:`carecontinuum.modalities`."""

from __future__ import annotations

from ..errors import AmbiguousKeyError, CareContinuumError, UnknownModalityError

__all__ = [
    "AmbiguousModalityError",
    "KindInUseError",
    "ModalityDefinitionError",
    "PluginLoadWarning",
]


class AmbiguousModalityError(UnknownModalityError, AmbiguousKeyError):
    """A name covers several modalities (a heading such as "motivational approaches").

    ``candidates`` lists them all; the lookup never picks one.
    """


class ModalityDefinitionError(CareContinuumError, TypeError):
    """A :class:`~carecontinuum.Modality` subclass cannot be registered as defined.

    It must declare its own ``kind`` literal and must not shadow a base field
    with another type.
    """


class KindInUseError(CareContinuumError, ValueError):
    """A modality kind cannot be unregistered while registered modalities use it."""


class PluginLoadWarning(UserWarning):
    """A modality plug-in could not be loaded; the message names it and says why."""

    def __init__(self, message: str) -> None:  # a Python signature for introspection tools
        super().__init__(message)
