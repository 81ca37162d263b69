"""The JSON contract: what a model's JSON Schema cannot say, in one table.

Every public model's JSON Schema accepts only what the model accepts: a
document that validates against the schema validates against the model,
except where a rule relates several values, or a value inside text, in a way
JSON Schema cannot express.  Those rules are listed here, by the stable error
type the model raises for them; each model's schema ``description`` names the
rules that apply to it, and the "JSON contract" docs page lists them all.
``tests/test_json_contract.py`` generates documents from every schema and
checks that each refusal is one of these.

Examples
--------
>>> RULES["quantity_out_of_range"][:40]
'a quantity written as text must convert '
>>> import carecontinuum.schedules  # its models list their rules as they are defined
>>> "schedule_duration_twice" in describe("Schedule")
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic_core import PydanticCustomError

__all__ = ["MODEL_RULES", "RULES", "contract", "describe", "rule"]

#: Error type -> the rule, in words.
RULES: dict[str, str] = {
    # quantities
    "quantity_out_of_range": (
        "a quantity written as text must convert to a number within the field's bounds "
        "(the schema bounds numbers, not the number inside a text such as '25 h')"
    ),
    "quantity_not_whole": "a count written as text must convert to a whole number",
    "range_order": "a range's high bound must not be below its low bound",
    "range_unit": "a range field takes a range in its own unit (stated in the field's description)",
    "range_positive": "a session length range is above 0 hours",
    # schedules
    "schedule_end_without_start": "a schedule's end date needs a start date",
    "schedule_duration": "a schedule's end must come after its start",
    "schedule_duration_twice": "a schedule's length is given as weeks or as an end date, not both",
    "schedule_setting": "a hospital or residential setting is a 24-hour setting",
    "session_past_midnight": "a session must end by midnight (its start plus its duration)",
    "session_too_short": "a session lasts at least a microsecond",
    "schedule_day_over_24_hours": "the sessions of one day add up to at most 24 hours",
    "schedule_sessions_overlap": "sessions of one day must not overlap",
    # records that may be unverified
    "unverified_note": "a record marked unverified (verified false, or firmness 'U') needs a note",
    # levels, frameworks and crosswalks
    "level_setting": "an ambulatory level cannot be a 24-hour level",
    "framework_level": "every level of a framework names that framework, once, in rank order",
    "framework_alias": "a code or alias names one level of a framework",
    "mapping_target": "an exact or approximate mapping has a target; a 'none' mapping has none",
    "mapping_lost": "an approximate or 'none' mapping says what is lost",
    "crosswalk_mappings": (
        "a crosswalk joins two different frameworks, maps each pair once, and gives a source "
        "level several mappings only when all are approximate"
    ),
    "tier_range": "a per-diem tier's most services are not below its fewest",
    # transitions, journeys and programs
    "transition_self": "a transition joins two different levels",
    "placement_level": "a placement needs a level, or a program whose level it takes",
    "placement_dates": "a placement does not end before it starts",
    "age_range_order": "an age range's maximum is not below its minimum",
    "needs_near": "a maximum distance needs the point to measure it from (near)",
    "needs_languages": "give languages, or the deprecated language, not both",
    "program_age_groups": "a program's age groups lie within its age range",
    "stay_unit": "a program's length of stay is a range in days, weeks, months or years",
    "blank_text": "a name, alias or target is not blank (only whitespace)",
    # modalities and rule sets
    "component_weeks": "a component's to_week is not before its from_week",
    "structure_duration": (
        "a structure gives weeks or a duration range (in days, weeks or months), not both; its "
        "session weeks rise, match the number of sessions and fit in the course"
    ),
    "rule_set_levels": (
        "a rule set's tier levels (and its 'below' level) are ambulatory levels of the "
        "continuum, rising in intensity"
    ),
}

#: Model name -> the rules of RULES that its own validators apply (a nested model's
#: rules are listed on that model).  Filled by :func:`contract`.
MODEL_RULES: dict[str, tuple[str, ...]] = {}

_M = TypeVar("_M", bound=type[BaseModel])


def describe(model: str) -> str:
    """The rules *model*'s own validators apply, as a sentence for its schema's description.

    Examples
    --------
    >>> import carecontinuum.units
    >>> describe("QuantityRange").startswith("Rules the schema cannot express: ")
    True
    """
    rules = MODEL_RULES.get(model, ())
    if not rules:
        return ""
    return "Rules the schema cannot express: " + "; ".join(f"{RULES[r]} [{r}]" for r in rules) + "."


def contract(*rules: str) -> Callable[[_M], _M]:
    """Class decorator: *rules* (keys of :data:`RULES`) apply to the model.

    They are recorded in :data:`MODEL_RULES` and appended to the description of
    the model's JSON Schema, after any ``json_schema_extra`` the model has.
    """
    unknown = [r for r in rules if r not in RULES]
    if unknown:
        raise KeyError(f"not listed rules of the JSON contract: {unknown}")

    def apply(cls: _M) -> _M:
        MODEL_RULES[cls.__name__] = rules
        previous = cls.model_config.get("json_schema_extra")
        name = cls.__name__

        def extra(schema: dict[str, Any], model: type[Any]) -> None:
            if isinstance(previous, dict):
                schema.update(previous)
            elif callable(previous):
                previous(schema, model)  # type: ignore[call-arg]
            note = describe(name)
            text = str(schema.get("description", "")).rstrip()
            schema["description"] = f"{text}\n\n{note}" if text else note

        cls.model_config["json_schema_extra"] = extra
        return cls

    return apply


def rule(error_type: str, message: str) -> PydanticCustomError:
    """The validation error of a listed rule: its stable *error_type* and its message.

    Raised inside a validator, pydantic reports it under the field, with the type.

    Examples
    --------
    >>> rule("range_order", "high (2) must not be below low (3)").type
    'range_order'
    """
    if error_type not in RULES:
        raise KeyError(f"{error_type!r} is not a listed rule of the JSON contract")
    return PydanticCustomError(error_type, "{message}", {"message": message})
