"""The JSON Schema of the briefing model, as committed in ``schema/briefing.schema.json``."""

from __future__ import annotations

from typing import Any

from briefing_tui.model import Briefing

__all__ = ["SCHEMA_ID", "briefing_schema"]

SCHEMA_ID = "https://briefing-tui.invalid/schema/briefing.schema.json"
"""A stable identifier for the schema; it names no real host."""


def briefing_schema() -> dict[str, Any]:
    """The JSON Schema that every ``export --to json`` document satisfies."""
    schema = Briefing.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
