"""The model's validation rules and its JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from briefing_tui.export import export
from briefing_tui.ingest import read_briefing
from briefing_tui.model import (
    Attribution,
    Briefing,
    Cue,
    Paragraph,
    Question,
    Section,
    SectionKind,
    Source,
    SourceKind,
)
from briefing_tui.schema import briefing_schema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schema" / "briefing.schema.json"


def sample() -> Briefing:
    return Briefing(
        title="T",
        outlet="Outlet",
        sources=(
            Source(id="greenway", name="Robert Greenway", kind=SourceKind.NAMED_PERSON, description="d"),
        ),
        sections=(
            Section(
                id="lead",
                kind=SectionKind.OPEN_QUESTIONS,
                paragraphs=(
                    Paragraph(
                        id="p1",
                        text="Robert Greenway said: Will it hold?",
                        kind=SectionKind.OPEN_QUESTIONS,
                        attributions=(Attribution(source_id="greenway", start=0, end=15),),
                        cues=(Cue(feature="question outside quotes", contribution=1.2),),
                        kind_confidence=0.8,
                        alternative_kind=SectionKind.BACKGROUND,
                    ),
                ),
            ),
        ),
        questions=(Question(paragraph_id="p1", start=22, end=35, text="Will it hold?"),),
    )


def test_models_are_frozen() -> None:
    briefing = sample()
    with pytest.raises(ValidationError):
        briefing.title = "other"


def test_attribution_to_unknown_source_is_rejected() -> None:
    data = sample().model_dump(mode="json")
    data["sources"] = []
    with pytest.raises(ValidationError, match="unknown source"):
        Briefing.model_validate(data)


@pytest.mark.parametrize(("start", "end"), [(0, 99), (10, 10), (20, 5)])
def test_attribution_outside_paragraph_is_rejected(start: int, end: int) -> None:
    data = sample().model_dump(mode="json")
    data["sections"][0]["paragraphs"][0]["attributions"] = [
        {"source_id": "greenway", "start": start, "end": end}
    ]
    with pytest.raises(ValidationError, match="outside"):
        Briefing.model_validate(data)


def test_question_outside_paragraph_is_rejected() -> None:
    data = sample().model_dump(mode="json")
    data["questions"][0]["end"] = 500
    with pytest.raises(ValidationError):
        Briefing.model_validate(data)


def test_duplicate_paragraph_ids_are_rejected() -> None:
    data = sample().model_dump(mode="json")
    data["sections"].append({"id": "two", "paragraphs": [{"id": "p1", "text": "again"}]})
    with pytest.raises(ValidationError, match="duplicate paragraph"):
        Briefing.model_validate(data)


def test_unknown_fields_are_rejected() -> None:
    data = sample().model_dump(mode="json")
    data["colour"] = "blue"
    with pytest.raises(ValidationError):
        Briefing.model_validate(data)


def test_json_round_trip_of_a_full_briefing() -> None:
    briefing = sample()
    assert Briefing.model_validate_json(export(briefing, "json")) == briefing


def test_json_round_trip_through_the_reader(tmp_path: Path) -> None:
    briefing = sample()
    path = tmp_path / "sample.json"
    path.write_text(export(briefing, "json"), encoding="utf-8")
    assert read_briefing(path) == briefing


def test_markdown_export_reads_back_to_the_same_text(tmp_path: Path) -> None:
    original = sample()
    path = tmp_path / "sample.md"
    path.write_text(export(original, "markdown"), encoding="utf-8")
    again = read_briefing(path)
    assert again.title == original.title
    assert again.outlet == original.outlet
    assert [p.text for p in again.paragraphs()] == [p.text for p in original.paragraphs()]


def test_every_field_is_documented() -> None:
    schema = briefing_schema()
    for name, definition in schema["$defs"].items():
        for field, spec in definition.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field} has no description"


def test_committed_schema_matches_the_model() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == briefing_schema(), (
        "schema/briefing.schema.json is out of date: run `briefing-tui schema > schema/briefing.schema.json`"
    )


def test_a_paragraph_resting_on_one_anonymous_source() -> None:
    anonymous = Source(id="insider", name="an insider", kind=SourceKind.ANONYMOUS)
    named = Source(id="greenway", name="Robert Greenway", kind=SourceKind.NAMED_PERSON)
    text = "an insider said so, and an insider said it again."
    alone = Paragraph(
        id="p1", text=text, attributions=(Attribution(source_id="insider", start=0, end=10),) * 2
    )
    mixed = Paragraph(
        id="p2",
        text=text,
        attributions=(
            Attribution(source_id="insider", start=0, end=10),
            Attribution(source_id="greenway", start=24, end=34),
        ),
    )
    briefing = Briefing(
        title="T", sources=(anonymous, named), sections=(Section(id="s", paragraphs=(alone, mixed)),)
    )
    assert briefing.rests_on_one_anonymous_source(alone)
    assert not briefing.rests_on_one_anonymous_source(mixed)
    assert not briefing.rests_on_one_anonymous_source(Paragraph(id="p3", text="unsourced"))
