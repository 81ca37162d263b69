"""A finding: one problem reported by ``ContinuumGraph.validate()`` or ``Journey.check()``."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from .._json_model import JsonModel

__all__ = ["KEBAB_CASE", "Finding", "Severity"]

#: The one style of finding codes: ``move-not-allowed``, ``unknown-level``, ``gap``.
KEBAB_CASE = r"^[a-z0-9]+(-[a-z0-9]+)*$"

#: ``error`` for something wrong; ``warning`` for something worth a look.
Severity = Literal["error", "warning"]


class Finding(JsonModel):
    """One problem found while checking a graph or a journey.

    Checks report every finding rather than stopping at the first, so a whole
    record can be reviewed at once.

    Attributes
    ----------
    code:
        A stable, machine-readable kind in kebab-case (lower-case words joined
        by hyphens), e.g. ``"overlap"``, ``"move-not-allowed"`` or ``"dead-end"``.
    message:
        What is wrong, in words.
    severity:
        ``"error"`` or ``"warning"``.
    location:
        Where: a placement index for journeys, a level code or an edge
        (``"a -> b"``) for graphs.

    Examples
    --------
    >>> Finding(code="gap", message="3 days between placements 0 and 1",
    ...         severity="warning", location=1)
    Finding(warning gap at 1: 3 days between placements 0 and 1)
    >>> Finding(code="move_not_allowed", message="x")
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Finding
    code
      String should match pattern '^[a-z0-9]+(-[a-z0-9]+)*$' ...
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(min_length=1, max_length=64, pattern=KEBAB_CASE)
    message: str
    severity: Severity = "error"
    location: int | str | None = None

    def __repr__(self) -> str:
        where = "" if self.location is None else f" at {self.location}"
        return f"Finding({self.severity} {self.code}{where}: {self.message})"

    def __str__(self) -> str:
        where = "" if self.location is None else f" [{self.location}]"
        return f"{self.severity}: {self.code}{where}: {self.message}"
