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
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from pydantic import BaseModel, ValidationError

from carecontinuum._contract import MODEL_RULES, RULES
from carecontinuum.cli._schema import models

MODELS: dict[str, type[BaseModel]] = models()


def _draft7(schema: Any) -> Any:
    """*schema* with Draft 2020-12 ``prefixItems`` spelt the Draft 7 way, for the generator.

    hypothesis-jsonschema reads Draft 4-7; the schema itself is (and is checked as)
    Draft 2020-12.
    """
    if isinstance(schema, dict):
        out = {k: _draft7(v) for k, v in schema.items() if k != "prefixItems"}
        if "prefixItems" in schema:
            out["items"] = [_draft7(s) for s in schema["prefixItems"]]
            out["additionalItems"] = False
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
        assert rules and set(rules) <= set(RULES)
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

    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def check(data: st.DataObject) -> None:
        doc = data.draw(from_schema(_draft7(schema)))
        try:
            built = model.model_validate(doc)
        except ValidationError as err:
            bad = _unexpressible(err, rules)
            assert not bad, f"schema accepts, model refuses: {json.dumps(doc)[:300]}\n{bad[:3]}"
            return
        dumped = built.model_dump(mode="json")
        jsonschema.validate(dumped, schema, cls=jsonschema.Draft202012Validator)
        jsonschema.validate(
            dumped,
            model.model_json_schema(mode="serialization"),
            cls=jsonschema.Draft202012Validator,
        )

    check()
