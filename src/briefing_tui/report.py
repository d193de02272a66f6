"""The analysed briefing as a report people read: each paragraph's kind, its sources as
footnotes, a table of sources with how often each is cited, and the open questions.

`briefing_tui.export` writes the text back so that it reads in again; a report carries
the analysis instead, in Markdown or plain text, for the whole briefing or a part of it
(chosen paragraphs, or one section). Nothing here imports Textual.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from briefing_tui.errors import BriefingError
from briefing_tui.model import Briefing, Paragraph, Section, Source

__all__ = ["Part", "ReportFormat", "report", "select_part"]

ReportFormat = Literal["markdown", "text"]
"""The formats a report is written in."""


@dataclass(frozen=True, slots=True)
class Part:
    """The sections and paragraphs a report covers, in reading order."""

    sections: tuple[tuple[Section, tuple[Paragraph, ...]], ...]
    whole: bool

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [paragraph for _, paragraphs in self.sections for paragraph in paragraphs]


def select_part(
    briefing: Briefing, *, paragraphs: Sequence[str] = (), section: str | None = None, origin: str = ""
) -> Part:
    """The part of ``briefing`` named by paragraph ids or a section id (all of it by default).

    Raises `BriefingError` (naming ``origin``, the file) for an id the briefing lacks.
    """
    known = {paragraph.id for paragraph in briefing.paragraphs()}
    missing = [pid for pid in paragraphs if pid not in known]
    if missing:
        raise BriefingError(origin, f"has no paragraph {', '.join(missing)} (it has p1…p{len(known)})")
    if section is not None and section not in {s.id for s in briefing.sections}:
        ids = ", ".join(s.id for s in briefing.sections)
        raise BriefingError(origin, f"has no section '{section}' (its sections: {ids})")
    wanted = set(paragraphs)
    chosen = []
    for candidate in briefing.sections:
        if section is not None and candidate.id != section:
            continue
        kept = tuple(p for p in candidate.paragraphs if not wanted or p.id in wanted)
        if kept or (section is not None and not wanted):
            chosen.append((candidate, kept))
    return Part(tuple(chosen), whole=not wanted and section is None)


def report(briefing: Briefing, fmt: ReportFormat, part: Part | None = None) -> str:
    """``briefing`` (or ``part`` of it) with its analysis, in ``fmt``."""
    part = part or select_part(briefing)
    notes = _footnotes(briefing, part.paragraphs)
    return "".join(_render(briefing, part, notes, _MARKDOWN if fmt == "markdown" else _TEXT))


def _footnotes(briefing: Briefing, paragraphs: list[Paragraph]) -> dict[str, int]:
    """A number for each source the paragraphs cite, in order of first citation."""
    numbers: dict[str, int] = {}
    for paragraph in paragraphs:
        for attribution in paragraph.attributions:
            numbers.setdefault(attribution.source_id, len(numbers) + 1)
    return numbers


def _cited(paragraph: Paragraph, notes: dict[str, int]) -> list[int]:
    return sorted({notes[attribution.source_id] for attribution in paragraph.attributions})


def _kind(paragraph: Paragraph | Section) -> str:
    return paragraph.kind.value.replace("_", " ")


def _source_kind(source: Source) -> str:
    return source.kind.value.replace("_", " ")


def _counts(paragraphs: list[Paragraph]) -> Counter[str]:
    return Counter(a.source_id for paragraph in paragraphs for a in paragraph.attributions)


def _where(source_id: str, paragraphs: list[Paragraph]) -> str:
    return ", ".join(p.id for p in paragraphs if any(a.source_id == source_id for a in p.attributions))


def _questions(briefing: Briefing, paragraphs: list[Paragraph]) -> list[tuple[str, str]]:
    ids = {paragraph.id for paragraph in paragraphs}
    return [(q.text, q.paragraph_id) for q in briefing.questions if q.paragraph_id in ids]


def _one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class _Style:
    """How one format writes each piece of a report; `_render` walks the briefing once for all."""

    title: Callable[[str], str]
    byline: Callable[[str], str]
    heading: Callable[[str, str], str]
    paragraph: Callable[[Paragraph, str, str], str]
    """The paragraph, its text (with its list marker) and its footnote marks."""
    mark: Callable[[int], str]
    sources: str
    source: Callable[[Source, int, str], str]
    """A source's row: the source, how often cited, where."""
    questions: str
    question: Callable[[str, str], str]
    notes: str
    note: Callable[[int, str], str]


_MARKDOWN = _Style(
    title=lambda title: f"# {title}\n",
    byline=lambda byline: f"\n*{byline}*\n",
    heading=lambda heading, kind: f"\n## {heading} · *{kind}*\n",
    paragraph=lambda p, text, marks: f"\n{text}{marks}\n\n<sub>{p.id} · {_kind(p)}</sub>\n",
    mark=lambda number: f"[^{number}]",
    sources="\n## Sources\n\n| source | kind | cited | in |\n|---|---|---:|---|\n",
    source=lambda s, cited, where: f"| {_cell(s.name)} | {_source_kind(s)} | {cited} | {where} |\n",
    questions="\n## Open questions\n\n",
    question=lambda text, paragraph_id: f"- {text} ({paragraph_id})\n",
    notes="\n",
    note=lambda number, note: f"[^{number}]: {note}\n",
)
_TEXT = _Style(
    title=lambda title: f"{title}\n",
    byline=lambda byline: f"{byline}\n",
    heading=lambda heading, kind: f"\n== {heading} [{kind}] ==\n",
    paragraph=lambda p, text, marks: f"\n[{p.id} · {_kind(p)}]\n{text}{marks}\n",
    mark=lambda number: f"[{number}]",
    sources="\nSOURCES\n\n  cited  kind          source\n",
    source=lambda s, cited, where: f"  {cited:>5}  {_source_kind(s):<12}  {_one_line(s.name)} ({where})\n",
    questions="\nOPEN QUESTIONS\n\n",
    question=lambda text, paragraph_id: f"  - {text} ({paragraph_id})\n",
    notes="\nNOTES\n\n",
    note=lambda number, note: f"  [{number}] {note}\n",
)


def _render(briefing: Briefing, part: Part, notes: dict[str, int], style: _Style) -> Iterator[str]:
    yield style.title(_one_line(briefing.title))
    byline = _byline(briefing, part)
    yield style.byline(byline) if byline else ""
    for section, paragraphs in part.sections:
        heading = "Lead" if section.heading is None else _one_line(section.heading)
        yield style.heading(heading, _kind(section))
        for paragraph in paragraphs:
            marks = "".join(style.mark(number) for number in _cited(paragraph, notes))
            prefix = f"{paragraph.marker} " if paragraph.marker else ""
            yield style.paragraph(paragraph, prefix + paragraph.text, marks)
    chosen = part.paragraphs
    counts = _counts(chosen)
    if notes:
        yield style.sources
        for source_id in sorted(notes, key=lambda s: (-counts[s], notes[s])):
            yield style.source(briefing.source(source_id), counts[source_id], _where(source_id, chosen))
    questions = _questions(briefing, chosen)
    if questions:
        yield style.questions
        for text, paragraph_id in questions:
            yield style.question(_one_line(text), paragraph_id)
    if notes:
        yield style.notes
        for source_id, number in notes.items():
            yield style.note(number, _note(briefing.source(source_id)))


def _byline(briefing: Briefing, part: Part) -> str:
    published = briefing.published.isoformat() if briefing.published else None
    parts = [_one_line(p) for p in (briefing.outlet, briefing.author, published) if p]
    if not part.whole:
        parts.append("a part: " + ", ".join(p.id for p in part.paragraphs))
    return " · ".join(parts)


def _note(source: Source) -> str:
    note = f"{_one_line(source.name)}, {_source_kind(source)}"
    return note + (f": {_one_line(source.description)}" if source.description else "")


def _cell(text: str) -> str:
    return _one_line(text).replace("|", "\\|")
