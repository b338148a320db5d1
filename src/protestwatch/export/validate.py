"""Validation of result JSON against the packaged contract, ``data/event.schema.json``."""
from __future__ import annotations

import json
from importlib import resources
from typing import Any, Optional

from jsonschema import Draft202012Validator

SCHEMA_RESOURCE = "event.schema.json"


def load_event_schema() -> dict[str, Any]:
    """The JSON Schema of one Result, as shipped in ``protestwatch/data``."""
    text = resources.files("protestwatch.data").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return json.loads(text)


def build_validator(schema: Optional[dict[str, Any]] = None) -> Draft202012Validator:
    """A validator to build once and pass to every ``validate_result`` call."""
    schema = schema if schema is not None else load_event_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_result(result: dict[str, Any], validator: Optional[Draft202012Validator] = None) -> list[str]:
    """Every way ``result`` breaks the schema, as "path: message" strings; [] when valid.

    Without a ``validator`` one is built for this call, which costs a schema load: pass
    one in when validating many results.
    """
    validator = validator or build_validator()
    errors = sorted(validator.iter_errors(result), key=lambda error: [str(part) for part in error.absolute_path])
    return [f"{_format_path(error.absolute_path)}: {error.message}" for error in errors]


def _format_path(path: Any) -> str:
    return "/".join(str(part) for part in path) or "(root)"
