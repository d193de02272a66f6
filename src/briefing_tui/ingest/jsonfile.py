"""Read a briefing exported as JSON by ``briefing-tui export --to json``."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from briefing_tui.errors import BriefingError
from briefing_tui.ingest.decode import DecodedText
from briefing_tui.model import Briefing

__all__ = ["parse_json"]

_ADVICE = "open the original text or Markdown, or export it again with 'briefing-tui export --to json'"


def parse_json(path: Path, decoded: DecodedText) -> Briefing:
    """The briefing in ``decoded``, validated against the model."""
    try:
        briefing = Briefing.model_validate_json(decoded.text)
    except ValidationError as error:
        problem = f"is not a briefing-tui JSON export ({_first_problem(error)}); {_ADVICE}"
        raise BriefingError(path, problem) from None
    if decoded.notices:
        briefing = briefing.model_copy(update={"notices": (*briefing.notices, *decoded.notices)})
    return briefing


def _first_problem(error: ValidationError) -> str:
    problems = error.errors(include_url=False)
    first = problems[0]
    where = ".".join(str(part) for part in first["loc"]) or "the document"
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    return " ".join(f"{where}: {first['msg']}{more}".split())
