"""``carecontinuum schema MODEL``: a model's JSON Schema, readable or raw (``--json``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ._render import dumps, fields, heading, paragraph, table
from ._support import EXIT_OK, HelpFormatter, emit, suggest

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["MODELS", "add_parser", "describe_type", "resolve_model", "run"]

#: The models ``schema`` knows, by the name users import them under.
MODELS: tuple[str, ...] = (
    "AgeRange",
    "CareLevel",
    "Crosswalk",
    "DailyHours",
    "ExternalCode",
    "Finding",
    "Framework",
    "Journey",
    "LevelMapping",
    "Modality",
    "ModalityComponent",
    "ModalityStructure",
    "Move",
    "Needs",
    "Placement",
    "Program",
    "ProgramQuestion",
    "QuantityRange",
    "RuleSet",
    "Schedule",
    "Session",
    "Tier",
    "Transition",
    "WeeklyCompliance",
    "WeeklyHours",
    "WeeklySchedule",
)


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "schema",
        formatter_class=HelpFormatter,
        help="a model's JSON Schema (fields, types, required)",
        description="Describe a model's JSON Schema: its fields, their types and defaults. "
        "With --json, print the full JSON Schema (for FastAPI, form builders or "
        "validators in other languages). Models: " + ", ".join(MODELS) + ".",
    )
    parser.add_argument("model", metavar="MODEL", help="one of: " + ", ".join(MODELS))
    parser.add_argument(
        "--mode",
        choices=("validation", "serialization"),
        default="validation",
        help="the schema of what the model accepts (default) or of what it writes",
    )
    parser.add_argument("--json", action="store_true", help="print the JSON Schema itself")
    parser.set_defaults(func=run)


def models() -> dict[str, type[BaseModel]]:
    """Every model the command describes, by name (imported on first use)."""
    from .. import (
        CareLevel,
        Crosswalk,
        ExternalCode,
        Finding,
        Framework,
        Journey,
        LevelMapping,
        Modality,
        ModalityStructure,
        Move,
        Placement,
        Program,
        QuantityRange,
        RuleSet,
        Schedule,
        Session,
        Tier,
        Transition,
        WeeklySchedule,
    )
    from ..intensity import DailyHours, WeeklyCompliance, WeeklyHours
    from ..modalities import ModalityComponent
    from ..programs import AgeRange, Needs, ProgramQuestion

    found: dict[str, type[BaseModel]] = {
        "AgeRange": AgeRange,
        "CareLevel": CareLevel,
        "Crosswalk": Crosswalk,
        "DailyHours": DailyHours,
        "ExternalCode": ExternalCode,
        "Finding": Finding,
        "Framework": Framework,
        "Journey": Journey,
        "LevelMapping": LevelMapping,
        "Modality": Modality,
        "ModalityComponent": ModalityComponent,
        "ModalityStructure": ModalityStructure,
        "Move": Move,
        "Needs": Needs,
        "Placement": Placement,
        "Program": Program,
        "ProgramQuestion": ProgramQuestion,
        "QuantityRange": QuantityRange,
        "RuleSet": RuleSet,
        "Schedule": Schedule,
        "Session": Session,
        "Tier": Tier,
        "Transition": Transition,
        "WeeklyCompliance": WeeklyCompliance,
        "WeeklyHours": WeeklyHours,
        "WeeklySchedule": WeeklySchedule,
    }
    return found


def resolve_model(name: str) -> type[BaseModel]:
    """The model class called *name* (case-insensitive); a usage error otherwise.

    >>> resolve_model("carelevel").__name__
    'CareLevel'
    """
    by_fold = {m.casefold(): m for m in MODELS}
    canonical = by_fold.get(name.casefold())
    if canonical is None:
        raise suggest("model", name, MODELS)
    return models()[canonical]


def run(args: argparse.Namespace) -> int:
    model = resolve_model(args.model)
    schema: dict[str, Any] = model.model_json_schema(mode=args.mode)
    if args.json:
        emit(dumps(schema))
        return EXIT_OK
    emit(heading(f"{schema.get('title', model.__name__)} ({args.mode} schema)"))
    summary = _first_paragraph(schema.get("description", ""))
    if summary:
        emit(paragraph(summary))
    emit()
    forms = [f for f in schema.get("anyOf", ()) if "properties" in f]
    if "properties" not in schema and forms:  # an object, or its text form (QuantityRange)
        schema = {**forms[0], "$defs": schema.get("$defs", {})}
    required = set(schema.get("required", ()))
    rows = [
        [name, describe_type(prop), _presence(name, prop, required), _doc(prop)]
        for name, prop in schema.get("properties", {}).items()
    ]
    headers = ["field", "type", "required", "description"]
    if not any(row[3] for row in rows):
        headers, rows = headers[:3], [row[:3] for row in rows]
    emit(table(headers, rows))
    defs = sorted(schema.get("$defs", {}))
    extras = [("extra fields", "forbidden" if schema.get("additionalProperties") is False else "")]
    if defs:
        extras.append(("defines", ", ".join(defs)))
    emit()
    emit(fields([(k, v) for k, v in extras if v]))
    emit()
    emit(paragraph(f"The full schema: carecontinuum schema {model.__name__} --json"))
    return EXIT_OK


def _first_paragraph(text: str) -> str:
    return " ".join(text.strip().split("\n\n")[0].split())


def _presence(name: str, prop: dict[str, Any], required: set[str]) -> str:
    if name in required:
        return "yes"
    if "default" in prop:
        default = prop["default"]
        if default is None or default in ("", []):
            return "no"
        return "no, " + dumps(default).replace("\n", "").replace("  ", "")
    return "no"


def _doc(prop: dict[str, Any]) -> str:
    text = prop.get("description", "")
    return _first_paragraph(text) if isinstance(text, str) else ""


def _bounds(node: dict[str, Any]) -> str:
    marks = (
        ("exclusiveMinimum", ">"),
        ("minimum", "≥"),
        ("exclusiveMaximum", "<"),
        ("maximum", "≤"),
        ("minLength", "length ≥"),
        ("maxLength", "length ≤"),
    )
    parts = [f"{sign} {node[key]}" for key, sign in marks if key in node]
    return f" ({', '.join(parts)})" if parts else ""


def describe_type(node: dict[str, Any]) -> str:
    """A JSON Schema node's type in a few words.

    >>> describe_type({"anyOf": [{"$ref": "#/$defs/Setting"}, {"type": "null"}]})
    'Setting or null'
    >>> describe_type({"type": "array", "items": {"type": "string"}})
    'array of string'
    >>> describe_type({"x-unit": "hour / day", "anyOf": [
    ...     {"type": "number", "exclusiveMinimum": 0, "maximum": 24}, {"type": "string"}]})
    'quantity in hour / day (> 0, ≤ 24)'
    """
    if "$ref" in node:
        return str(node["$ref"]).rsplit("/", 1)[-1]
    if "x-unit" in node:
        numeric = [v for v in node.get("anyOf", ()) if v.get("type") in ("number", "integer")]
        return f"quantity in {node['x-unit']}" + (_bounds(numeric[0]) if numeric else "")
    for key in ("anyOf", "oneOf"):
        if key in node:
            return " or ".join(dict.fromkeys(describe_type(v) for v in node[key]))
    if "const" in node:
        return dumps(node["const"])
    if "enum" in node:
        return "one of " + ", ".join(str(v) for v in node["enum"])
    return _describe_plain(node)


def _describe_plain(node: dict[str, Any]) -> str:
    kind = node.get("type")
    inner = node.get("items") if kind == "array" else node.get("additionalProperties")
    if kind in ("array", "object"):
        of = " of " + describe_type(inner) if isinstance(inner, dict) else ""
        return f"{kind}{of}"
    if isinstance(kind, list):
        return " or ".join(str(k) for k in kind)
    if kind is None:
        return "any"
    fmt = f" ({node['format']})" if "format" in node else ""
    return f"{kind}{fmt}{_bounds(node)}"
