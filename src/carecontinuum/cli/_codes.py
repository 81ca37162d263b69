"""The codes ``validate`` reports, in one kebab-case style, mapped in one place.

Journey findings (:class:`carecontinuum.Finding`) are already kebab-case
(``overlap``, ``move-not-allowed``, ...).  Field errors come from pydantic,
whose error types are snake_case (``missing``, ``placement_dates``); they are
mapped here: a few renamed to say what they mean, the rest with ``_`` → ``-``.

Examples
--------
>>> problem_code("placement_dates"), problem_code("unknown_level"), problem_code("overlap")
('end-before-start', 'unknown-level', 'overlap')
>>> problem_code("extra_forbidden")
'extra-forbidden'
"""

from __future__ import annotations

import re

__all__ = ["CODES", "codes_help", "problem_code"]

#: pydantic error types whose kebab-case spelling would not say what they mean.
_RENAMED = {
    "placement_dates": "end-before-start",
}

#: Every code ``validate`` documents, and its meaning (others: pydantic error types, kebab-case).
CODES: dict[str, str] = {
    "json-invalid": "the file is not strict JSON (syntax error or a repeated key)",
    "unknown-level": "a level that is not in the continuum or not in the graph",
    "end-before-start": "a placement that ends before it starts",
    "overlap": "a placement that starts before an earlier one ends",
    "gap": "more than --max-gap-days days without care between placements (warning)",
    "unsorted": "placements not in order of start date",
    "open-not-last": "a placement without an end date followed by another",
    "move-not-allowed": "a move the transition graph does not have",
    "after-death": "a placement after one that ended in death",
    "reason-without-end": "a discharge reason on an open placement (warning)",
    "program-level": "a placement whose program offers another level (warning)",
    "level-mismatch": "a program whose schedule classifies to another level",
    "level-undetermined": "a schedule the rule set cannot classify (warning)",
    "missing": "a required field is missing",
    "extra-forbidden": "a field the model does not have",
}

_KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def problem_code(raw: str) -> str:
    """The one kebab-case spelling of a finding code or a pydantic error type."""
    code = _RENAMED.get(raw) or raw.replace("_", "-").replace(" ", "-").lower()
    return code if _KEBAB.match(code) else "invalid-value"


def codes_help() -> str:
    """The code list, for the command's help (one ``code: meaning`` a line)."""
    return "\n".join(f"  {code}: {meaning}" for code, meaning in CODES.items())
