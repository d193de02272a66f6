"""Made-up briefings for the library tests: a title, headed sections and attributed paragraphs.

The shapes follow real wire copy (a lead, headings, quotes attributed to named and unnamed
sources); the words are invented so that no real article's sentences are committed.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["briefing_text", "write_briefing", "write_folder"]

TOPICS = ("harbour levy", "grain corridor", "river accord", "tramway budget", "border crossing")
PEOPLE = ("Ilse Marrow", "Tomas Vey", "Odile Brask", "Henrik Sallow", "Marta Quell")


def briefing_text(number: int, *, extra: str | None = None) -> str:
    """A plain-text briefing about one of `TOPICS`, different for each ``number``."""
    topic = TOPICS[number % len(TOPICS)]
    person = PEOPLE[number % len(PEOPLE)]
    paragraphs = [
        f"Talks on the {topic} resumed on day {number} after a pause of two weeks, "
        f"negotiators said on Tuesday.",
        f"“We are close on the schedule but not on the money,” said {person}, the chief negotiator "
        f"for the {topic} commission.",
        f"Two officials familiar with the talks said the draft text number {number} runs to forty pages.",
        f"{person.split()[-1]} added that a vote could come before the end of the month.",
    ]
    if extra is not None:
        paragraphs.insert(2, extra)
    return (
        f"Briefing {number}: the {topic} talks\n\n"
        + "\n\n".join(paragraphs[:2])
        + "\n\nWhat is still open\n\n"
        + "\n\n".join(paragraphs[2:])
        + "\n"
    )


def write_briefing(path: Path, number: int, *, extra: str | None = None) -> Path:
    """Write `briefing_text` to ``path`` and return it."""
    path.write_text(briefing_text(number, extra=extra), encoding="utf-8")
    return path


def write_folder(folder: Path, count: int) -> list[Path]:
    """``count`` briefings in ``folder``, named ``briefing-NN.txt``."""
    folder.mkdir(parents=True, exist_ok=True)
    return [write_briefing(folder / f"briefing-{number:02}.txt", number) for number in range(count)]
