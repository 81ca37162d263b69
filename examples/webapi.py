"""A small web API that uses carecontinuum's models as request and response bodies.

The library's models are pydantic models, so FastAPI validates requests with
them, serializes responses from them and documents both in its OpenAPI schema
with no extra code.  Run it with::

    pip install fastapi uvicorn
    uvicorn webapi:app --app-dir examples --reload

then open http://127.0.0.1:8000/docs.  ``docs/howto/web-api.md`` walks through
it, and ``tests/test_docs.py`` calls it with FastAPI's test client.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

import carecontinuum as cc
from carecontinuum.modalities import EmbeddedModality

app = FastAPI(
    title="carecontinuum example API",
    version=cc.__version__,
    description=(
        "Levels of care, modalities and schedule classification, served from the "
        "carecontinuum library."
    ),
)


class LookupProblem(BaseModel):
    """The body of a 404: what was not found, and what was probably meant."""

    model_config = ConfigDict(frozen=True)

    detail: str
    suggestions: list[str]


@app.exception_handler(cc.UnknownKeyError)
def unknown_key(request: Request, exc: cc.UnknownKeyError) -> JSONResponse:
    """Any failed lookup becomes a 404 that carries the library's suggestions."""
    problem = LookupProblem(detail=str(exc), suggestions=list(exc.suggestions))
    return JSONResponse(status_code=404, content=problem.model_dump())


_NOT_FOUND = {404: {"model": LookupProblem, "description": "No such code; see suggestions"}}


@app.get("/levels", response_model=list[cc.CareLevel])
def list_levels(framework: str = "continuum") -> list[cc.CareLevel]:
    """The levels of a framework, least to most intensive."""
    return list(cc.framework(framework).levels)


@app.get("/levels/{key}", response_model=cc.CareLevel, responses=_NOT_FOUND)
def get_level(key: str, framework: str | None = None) -> cc.CareLevel:
    """One level, by code or alias (``IOP``, ``partial hospitalization`` ...)."""
    return cc.level(key, framework=framework)


@app.get("/modalities/{key}", response_model=EmbeddedModality, responses=_NOT_FOUND)
def get_modality(key: str) -> cc.Modality:
    """One modality, by code, name or alias; plug-in subclasses keep their extra fields."""
    return cc.modality(key)


class Verdict(BaseModel):
    """One rule set's classification of a schedule."""

    model_config = ConfigDict(frozen=True)

    rule_set: str
    level: str | None
    """The level's code, or null where the rule set defines no level for these hours."""
    hours_per_week: float
    by_setting: bool
    """True when a 24-hour setting, not hours, decided."""
    reason: str
    sources: list[str]


@app.post("/classify", response_model=list[Verdict])
def classify_schedule(schedule: cc.Schedule | cc.WeeklySchedule) -> list[Verdict]:
    """Classify a schedule under every registered rule set, side by side.

    The body is a ``Schedule`` (hours per day × days per week) or a
    ``WeeklySchedule`` (a list of sessions); quantities may carry units
    (``"180 min"``) and are validated by the library.
    """
    return [Verdict.model_validate(c.to_dict()) for c in cc.classify_all(schedule)]
