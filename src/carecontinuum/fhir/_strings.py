"""What FHIR strings and codes can carry, checked on every resource the bridge writes.

FHIR JSON is UTF-8, so a lone surrogate cannot be written; a ``string`` needs
at least one character that is not exotic whitespace (``[ \\r\\n\\t\\S]``), and
a ``code`` has no leading, trailing or doubled whitespace
(``^[^\\s]+(\\s[^\\s]+)*$``) [FHIR].  A user's text that breaks these rules
raises :class:`FhirMappingError` naming where it is, rather than producing a
resource a FHIR server would reject.
"""

from __future__ import annotations

import re
from typing import Any

from .._text import echo
from ._errors import FhirMappingError

__all__ = ["check_output"]

_VISIBLE = re.compile(r"[ \r\n\t\S]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CODE = re.compile(r"^[^\s]+(\s[^\s]+)*$")
_CODE_KEYS = frozenset({"code", "valueCode"})


def _check(value: str, key: str, path: str) -> None:
    if _SURROGATE.search(value):
        raise FhirMappingError(
            f"{echo(value)} holds a lone surrogate, which UTF-8 (and so FHIR JSON) cannot carry",
            path=path,
        )
    if not _VISIBLE.search(value):
        raise FhirMappingError(
            f"{echo(value)} has no visible character: a FHIR string cannot be empty or only "
            "unusual whitespace",
            path=path,
        )
    if key in _CODE_KEYS and not _CODE.match(value):
        raise FhirMappingError(
            f"{echo(value)} cannot be a FHIR code (no leading, trailing or doubled whitespace)",
            path=path,
        )


def check_output(value: Any, path: str, key: str = "") -> None:
    """Raise :class:`FhirMappingError` for a string in *value* that FHIR cannot carry."""
    if isinstance(value, str):
        _check(value, key, path)
    elif isinstance(value, dict):
        for k, item in value.items():
            check_output(item, f"{path}.{k}", k)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            check_output(item, f"{path}[{i}]", key)
