"""The JSON Schema of the briefing model, as committed in ``schema/briefing.schema.json``."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from briefing_tui import model
from briefing_tui.model import Briefing

__all__ = ["SCHEMA_ID", "briefing_schema"]

SCHEMA_ID = "https://briefing-tui.invalid/schema/briefing.schema.json"
"""A stable identifier for the schema; it names no real host."""


def briefing_schema() -> dict[str, Any]:
    """The JSON Schema that every ``export --to json`` document satisfies."""
    _describe_fields()
    schema = Briefing.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def _describe_fields() -> None:
    """Give every field of the model its attribute docstring as its description, once.

    The models do not read their docstrings at import (start-up would pay for it on every
    run); the schema is the one place that needs them. Pydantic's own reader of attribute
    docstrings does the reading, as ``use_attribute_docstrings`` would.
    """
    from pydantic._internal._docs_extraction import extract_docstrings_from_cls

    classes = [
        value
        for value in vars(model).values()
        if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == model.__name__
    ]
    changed = False
    for cls in classes:
        for name, doc in extract_docstrings_from_cls(cls, use_inspect=True).items():
            field = cls.model_fields.get(name)
            if field is not None and field.description is None:
                field.description = doc
                changed = True
    if changed:
        for cls in classes:
            cls.model_rebuild(force=True)
