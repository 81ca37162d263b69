"""An example carecontinuum plug-in: one program's own modality, with an extra field.

"Walk-and-talk sessions" here are an invented example of a program-specific
offering, used to show the extension mechanism.  It carries no clinical
claims: no targets, no documented dose, no sources.

The package defines a :class:`carecontinuum.Modality` subclass with its own
``kind`` and one extra field, and advertises an instance through the
``carecontinuum.modalities`` entry-point group (see ``pyproject.toml``).
Importing this module registers nothing; carecontinuum loads the entry point
lazily and registers both the class (as kind ``"example_program_modality"``)
and the instance.
"""

from __future__ import annotations

from typing import Literal

from carecontinuum import Format, Modality, ModalityCategory

__all__ = ["WALK_AND_TALK", "ProgramModality"]


class ProgramModality(Modality):
    """A modality defined by one program, with where it takes place."""

    kind: Literal["example_program_modality"] = "example_program_modality"
    venue: str
    """Where the sessions take place, in the program's words."""


WALK_AND_TALK = ProgramModality(
    code="example_walk_and_talk",
    name="Walk-and-talk sessions (example plug-in)",
    aliases=("walk and talk",),
    category=ModalityCategory.OTHER,
    formats=(Format.INDIVIDUAL,),
    venue="outdoors, on the program's walking route",
    description=(
        "An invented example of a program's own offering: counseling conversations held "
        "while walking. It makes no clinical claims; it only shows how a package adds a "
        "modality with an extra field."
    ),
    verified=False,
    note="example data for the plug-in mechanism, not a documented modality",
)
