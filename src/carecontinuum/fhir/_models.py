"""fhir.resources, loaded only when needed: for validation and for model input.

``import carecontinuum.fhir`` never imports it; exporting builds plain dicts.
"""

from __future__ import annotations

from typing import Any

from ..errors import MissingExtraError
from ._release import Release

__all__ = ["model_class"]


def model_class(name: str, release: Release, feature: str) -> Any:
    """The fhir.resources class of resource or datatype *name* in *release*.

    Raises
    ------
    carecontinuum.MissingExtraError
        Without the ``fhir`` extra.
    ValueError
        For a name fhir.resources does not define.
    """
    try:
        if release == "R4B":
            from fhir.resources.R4B import get_fhir_model_class
        else:
            from fhir.resources import get_fhir_model_class
    except ImportError as err:
        raise MissingExtraError("fhir.resources", "fhir", feature) from err
    return get_fhir_model_class(name)
