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

from carecontinuum._contract import RULES
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


def _unexpressible(err: ValidationError) -> list[dict[str, Any]]:
    """The errors that are not one of the listed rules."""
    return [e for e in err.errors() if e["type"] not in RULES]


@pytest.mark.parametrize("name", sorted(MODELS))
def test_documents_from_the_schema_validate_against_the_model(name: str) -> None:
    model = MODELS[name]
    schema = model.model_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)

    @settings(
        max_examples=60,
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
            bad = _unexpressible(err)
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
