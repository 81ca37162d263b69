"""The JSON Schema is the model: what the schema accepts, the model accepts.

For every public model: documents generated from its validation schema
(hypothesis-jsonschema) validate against the model, except for the rules the
schema cannot express (``carecontinuum._contract.RULES``, each refusal checked
by its error type); every documented example validates against the schema
(jsonschema, Draft 2020-12) and the model; and every ``model_dump(mode="json")``
validates against the schema.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis_jsonschema import from_schema
from pydantic import BaseModel, ValidationError

import carecontinuum as cc
from carecontinuum._contract import MODEL_RULES, RULES
from carecontinuum.cli._schema import models

MODELS: dict[str, type[BaseModel]] = models()


#: The generator draws arrays of at most this many items: a narrower set of documents
#: than the schema admits (each still valid under it), so nested journeys stay quick.
_MAX_ITEMS = 3


def _draft7(schema: Any) -> Any:
    """*schema* with Draft 2020-12 ``prefixItems`` spelt the Draft 7 way, for the generator.

    hypothesis-jsonschema reads Draft 4-7; the schema itself is (and is checked as)
    Draft 2020-12.  Arrays are capped at :data:`_MAX_ITEMS` items where the schema
    allows more.
    """
    if isinstance(schema, dict):
        out = {k: _draft7(v) for k, v in schema.items() if k != "prefixItems"}
        if "prefixItems" in schema:
            out["items"] = [_draft7(s) for s in schema["prefixItems"]]
            out["additionalItems"] = False
        if out.get("type") == "array" and "prefixItems" not in schema:
            cap = max(_MAX_ITEMS, int(out.get("minItems", 0)))
            out["maxItems"] = min(int(out.get("maxItems", cap)), cap)
        return out
    if isinstance(schema, list):
        return [_draft7(s) for s in schema]
    return schema


def _rules_of(name: str, schema: dict[str, Any]) -> set[str]:
    """The listed rules of the model and of every model its schema defines."""
    return {r for n in (name, *schema.get("$defs", {})) for r in MODEL_RULES.get(n, ())}


def _unexpressible(err: ValidationError, rules: set[str]) -> list[dict[str, Any]]:
    """The errors that are not one of the model's listed rules."""
    return [e for e in err.errors() if e["type"] not in rules]


def test_every_listed_rule_is_described_on_its_model() -> None:
    assert set(MODEL_RULES) <= set(MODELS) | {"PerDiemTier"}
    for name, rules in MODEL_RULES.items():
        assert rules
        assert set(rules) <= set(RULES)
        if name in MODELS:
            description = MODELS[name].model_json_schema()["description"]
            for r in rules:
                assert f"[{r}]" in description, (name, r)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_documents_from_the_schema_validate_against_the_model(name: str) -> None:
    model = MODELS[name]
    schema = model.model_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    rules = _rules_of(name, schema)
    validation = jsonschema.Draft202012Validator(schema)
    serialization = jsonschema.Draft202012Validator(model.model_json_schema(mode="serialization"))

    @settings(
        max_examples=30,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(from_schema(_draft7(schema)))  # the strategy is built once, not per document
    def check(doc: Any) -> None:
        try:
            built = model.model_validate(doc)
        except ValidationError as err:
            bad = _unexpressible(err, rules)
            assert not bad, f"schema accepts, model refuses: {json.dumps(doc)[:300]}\n{bad[:3]}"
            return
        dumped = built.model_dump(mode="json")
        validation.validate(dumped)
        serialization.validate(dumped)

    check()


# -- documented input forms --------------------------------------------------------------------
_PAGE = Path(__file__).resolve().parents[1] / "docs" / "contract.md"
_EXAMPLES = re.findall(
    r"<!-- contract-example: (\w+) -->\n```json\n(.*?)```", _PAGE.read_text(), re.S
)


def test_the_page_has_examples_of_the_main_models() -> None:
    assert {name for name, _ in _EXAMPLES} >= {"Program", "Schedule", "WeeklySchedule", "Journey"}


@pytest.mark.parametrize(("name", "body"), _EXAMPLES, ids=[n for n, _ in _EXAMPLES])
def test_documented_examples_validate_against_schema_and_model(name: str, body: str) -> None:
    doc = json.loads(body)
    model = MODELS[name]
    jsonschema.validate(doc, model.model_json_schema(), cls=jsonschema.Draft202012Validator)
    built = model.model_validate(doc)
    jsonschema.validate(
        built.model_dump(mode="json"),
        model.model_json_schema(),
        cls=jsonschema.Draft202012Validator,
    )


def _with_examples(schema: Any) -> list[tuple[dict[str, Any], Any]]:
    """Every sub-schema that lists ``examples``, with each example."""
    found: list[tuple[dict[str, Any], Any]] = []
    if isinstance(schema, dict):
        for example in schema.get("examples", ()):
            found.append((schema, example))
        for value in schema.values():
            found.extend(_with_examples(value))
    elif isinstance(schema, list):
        for value in schema:
            found.extend(_with_examples(value))
    return found


@pytest.mark.parametrize("name", sorted(MODELS))
def test_schema_examples_validate_against_their_schema(name: str) -> None:
    schema = MODELS[name].model_json_schema()
    checked: set[str] = set()
    for sub, example in _with_examples(schema):
        key = json.dumps([sub, example], sort_keys=True)
        if key in checked:  # the same field in several places
            continue
        checked.add(key)
        # a sub-schema may $ref the model's definitions
        jsonschema.validate(
            example, {**sub, "$defs": schema.get("$defs", {})}, cls=jsonschema.Draft202012Validator
        )


def test_field_examples_are_read_by_the_model() -> None:
    examples = _with_examples(cc.Schedule.model_json_schema()["properties"]["hours_per_day"])
    assert {e for _, e in examples} >= {"180 min", "3 hours/day"}
    for _, example in examples:
        cc.Schedule(hours_per_day=example, days_per_week=3)


def test_the_rules_table_on_the_page_is_the_code() -> None:
    text = _PAGE.read_text()
    for error_type, words in RULES.items():
        assert f"| `{error_type}` | {words} |" in text, error_type


# -- what the library ships dumps to its schema -------------------------------------------------
def _shipped() -> list[BaseModel]:
    items: list[BaseModel] = [*cc.list_modalities()]
    for fw in cc.list_frameworks():
        items.append(fw)
        items.extend(fw.levels)
    items.extend(cc.list_crosswalks())
    items.extend(cc.list_rule_sets())
    items.extend(cc.default_graph().transitions)
    return items


def test_everything_the_library_ships_dumps_to_its_schema() -> None:
    items = _shipped()
    assert len(items) > 50
    for item in items:
        schema = type(item).model_json_schema()
        jsonschema.validate(
            item.model_dump(mode="json"), schema, cls=jsonschema.Draft202012Validator
        )


#: The input forms the models' docstring examples use, written as JSON.
_DOCSTRING_FORMS: list[tuple[str, Any]] = [
    (
        "Program",
        {
            "name": "Evening IOP",
            "level": "IOP",
            "schedule": {"hours_per_day": 3, "days_per_week": 3, "weeks": 6},
            "modalities": ["CBT", "matrix model"],
            "payment": ["MD", "private health insurance"],
            "ages": {"min_age": 18},
            "languages": ["English", "Spanish"],
        },
    ),
    ("Needs", {"level": "IOP", "payment": ["Medicaid"], "age": 34}),
    (
        "Placement",
        {"level": "IOP", "start": "2024-01-08", "end": "2024-02-19", "discharge_reason": 1},
    ),
    ("Schedule", {"hours_per_day": "180 min", "days_per_week": 4}),
    ("QuantityRange", "4-6 weeks"),
    ("QuantityRange", {"low": 3, "high": 5, "unit": "day / week"}),
]


@pytest.mark.parametrize(("name", "doc"), _DOCSTRING_FORMS, ids=[n for n, _ in _DOCSTRING_FORMS])
def test_docstring_input_forms_validate_against_the_schema(name: str, doc: Any) -> None:
    model = MODELS[name]
    jsonschema.validate(doc, model.model_json_schema(), cls=jsonschema.Draft202012Validator)
    model.model_validate(doc)


def test_every_payment_spelling_in_the_schema_is_read() -> None:
    spellings = cc.Needs.model_json_schema()["properties"]["payment"]["items"]["enum"]
    assert {"MD", "Medicaid", "medicaid", "private health insurance"} <= set(spellings)
    for spelling in spellings:
        cc.Needs(payment=[spelling])
