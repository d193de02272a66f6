"""Our readers build briefings without validating them: what they build must be what validation gives.

`briefing_tui.ingest.structure.Draft.build` uses ``model_construct`` (no validation, so that
opening a file builds no validator before the first frame). For every reader, the briefing
it builds must equal the one Pydantic validates from its dump, and validation of input we
did not make (JSON) must still refuse what breaks the model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from briefing_tui.analysis import analyse
from briefing_tui.errors import BriefingError
from briefing_tui.export import export
from briefing_tui.ingest import read_briefing
from briefing_tui.ingest.structure import Draft, Heading, Item, construct
from briefing_tui.model import (
    BlockKind,
    Briefing,
    KindBasis,
    Paragraph,
    Section,
    SectionKind,
    Source,
    SourceKind,
)
from briefing_tui.resources import seed_path
from pdf_maker import make_pdf
from test_ingest_formats import LEAD, NEXT, OFFER, PAGE, mail, make_docx, pdf_pages, write

ROOT = Path(__file__).resolve().parents[1]
TRAIN = sorted((ROOT / "tests" / "corpus" / "train").glob("*.txt"))

MARKDOWN = f"""---
title: Port talks stall over wage clause
outlet: Harbour Weekly
author: Dana Ortiz
published: 2026-03-14
---

{LEAD}

## What is on the table {{kind=terms}}

{OFFER}

1. a four percent raise in year one
2. three percent in years two and three

> {NEXT}

| Year | Offer |
|------|-------|
| 1    | 4%    |

```
clause 7(b)   unchanged
```
"""

TEXT = f"""Port talks stall over wage clause

By Dana Ortiz

PORTSMOUTH (Reuters) - {LEAD}

What is on the table

{OFFER}

- a four percent raise in year one
- three percent in years two and three

    Year  Offer
    1     4%

{NEXT}

Reporting by Dana Ortiz; Editing by Sam Lee
"""


def as_validated(briefing: Briefing) -> Briefing:
    """What Pydantic makes of the briefing's dump, validating every field and rule."""
    return Briefing.model_validate(briefing.model_dump())


def assert_same_as_validated(briefing: Briefing) -> None:
    validated = as_validated(briefing)
    assert validated == briefing
    # Same values, and the same types: a list where the model says tuple would compare unequal
    # in a later dump, and an enum left as its string would break `is` comparisons.
    assert validated.model_dump_json() == briefing.model_dump_json()
    for ours, theirs in zip(briefing.paragraphs(), validated.paragraphs(), strict=True):
        assert type(ours.block) is type(theirs.block) is BlockKind
        assert type(ours.rows) is tuple and all(type(row) is tuple for row in ours.rows)


READERS: dict[str, Callable[[Path], Path]] = {
    "text": lambda tmp: write(tmp, "report.txt", TEXT),
    "markdown": lambda tmp: write(tmp, "report.md", MARKDOWN),
    "html": lambda tmp: write(tmp, "page.html", PAGE),
    "docx": make_docx,
    "pdf": lambda tmp: write(
        tmp, "report.pdf", make_pdf(pdf_pages([LEAD, OFFER, "HEAD:What the offer says", NEXT]), title="Port")
    ),
    "email": lambda tmp: write(tmp, "mail.eml", mail("Port talks stall", f"{LEAD}\n\n{OFFER}\n").as_bytes()),
}


@pytest.mark.parametrize("reader", sorted(READERS))
def test_every_reader_builds_what_validation_would(reader: str, tmp_path: Path) -> None:
    briefing = read_briefing(READERS[reader](tmp_path))
    assert briefing.paragraphs()  # the document was read, not refused
    assert_same_as_validated(briefing)


def test_the_readers_shapes_survive_construction(tmp_path: Path) -> None:
    briefing = read_briefing(READERS["markdown"](tmp_path))
    assert briefing.published == dt.date(2026, 3, 14)
    stated = briefing.sections[1]
    assert (stated.kind, stated.kind_basis) == (SectionKind.TERMS, KindBasis.STATED)
    blocks = {paragraph.block for paragraph in briefing.paragraphs()}
    assert {BlockKind.LIST_ITEM, BlockKind.QUOTE, BlockKind.TABLE, BlockKind.PREFORMATTED} <= blocks
    assert_same_as_validated(briefing)


@pytest.mark.parametrize("path", [seed_path(), *TRAIN], ids=lambda path: path.name)
def test_real_shaped_briefings_build_what_validation_would(path: Path) -> None:
    assert_same_as_validated(read_briefing(path))


def test_the_analysed_briefing_still_validates() -> None:
    assert_same_as_validated(analyse(read_briefing(seed_path())))


def test_a_draft_with_repeated_headings_gets_unique_ids_that_validate() -> None:
    draft = Draft(title="Repeats")
    for _ in range(3):
        draft.heading(Heading("Terms"))
        draft.item(Item("One paragraph."))
    draft.heading(Heading("!!!"))  # no words: an id from its position
    draft.item(Item("- a list item", marker="-"))
    briefing = draft.build()
    assert [section.id for section in briefing.sections] == ["terms", "terms-2", "terms-3", "section-4"]
    assert_same_as_validated(briefing)


def test_json_from_outside_is_still_validated(tmp_path: Path) -> None:
    good = export(read_briefing(seed_path()), "json")
    broken = good.replace('"id": "p2"', '"id": "p1"', 1)  # two paragraphs with one id
    assert broken != good
    with pytest.raises(BriefingError):
        read_briefing(write(tmp_path, "broken.json", broken))
    with pytest.raises(ValidationError):
        Briefing.model_validate_json(broken)


@pytest.mark.parametrize(
    ("model", "values"),
    [
        (Paragraph, {"id": "p1", "text": "Text.", "marker": "-", "block": BlockKind.LIST_ITEM}),
        (Section, {"id": "lead", "paragraphs": ()}),
        (Source, {"id": "ap", "name": "AP", "kind": SourceKind.OUTLET}),
        (Briefing, {"title": "A title"}),
    ],
)
def test_construct_sets_a_model_up_as_model_construct_does(model: type[Any], values: dict[str, Any]) -> None:
    ours, pydantics = construct(model, **values), model.model_construct(**values)
    assert ours == pydantics
    assert ours.model_fields_set == pydantics.model_fields_set == set(values)
    assert ours.model_dump() == pydantics.model_dump()
    with pytest.raises(ValidationError):  # still frozen
        ours.id = "other"


def test_constructed_models_share_no_mutable_default() -> None:
    first, second = construct(Paragraph, id="p1", text="One."), construct(Paragraph, id="p2", text="Two.")
    for name, value in first.__dict__.items():
        if value is second.__dict__[name] and name not in ("id", "text"):
            assert isinstance(value, (tuple, str, int, float, type(None))), name
