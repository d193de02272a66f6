"""Read a PDF report with pypdfium2: its text layer page by page, rejoined into paragraphs.

Lines are joined back into paragraphs across line and page breaks, a word hyphenated at a
line end is made whole again, and running headers, footers and page numbers (lines that
repeat at the top or bottom of most pages) are removed. Columns are not untangled: a
two-column page reads row by row, as pdfium gives it.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

from briefing_tui.errors import BriefingError
from briefing_tui.ingest.plaintext import text_entries
from briefing_tui.ingest.structure import Draft
from briefing_tui.ingest.wire import build_report
from briefing_tui.model import Briefing

__all__ = ["parse_pdf", "pdf_paragraphs"]

_OCR_HINT = (
    "it may be a scan; run it through OCR first (for example 'ocrmypdf in.pdf out.pdf') and open the result"
)
_EDGE_LINES = 2
_PARAGRAPH_GAP = 1.5
_RUNNING_WORDS = 6
_REPEAT_SHARE = 0.6
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = (".", "!", "?", ":", '"', "”", "’", ")", "»")
# pdfium gives a hyphen at a line end as U+0002 (or U+FFFE when it joins the word itself).
_HYPHENS = ("-", "\u00ad", "\x02", "\ufffe")
# How much shorter than the page's usual line a line must be to end its paragraph.
_SHORT_LINE = 0.75
_PAGE_NUMBER = re.compile(r"^(?:page\s)?\d{1,4}(?:\s(?:of|/)\s\d{1,4})?$|^[-–]\s?\d{1,4}\s?[-–]$", re.I)


def parse_pdf(path: Path, data: bytes) -> Briefing:
    """The briefing in the PDF ``data``, read from ``path``."""
    pages, metadata = _read_pages(path, data)
    if not any(line.strip() for page in pages for line in page):
        raise BriefingError(path, f"has no text layer (its pages are images); {_OCR_HINT}")
    blocks = pdf_paragraphs(pages)
    title = _clean(metadata.get("Title"))
    if not title:
        title, *rest = blocks[0]
        blocks = ([rest] if rest else []) + blocks[1:]
    elif blocks and blocks[0] == [title]:
        blocks = blocks[1:]
    author = _clean(metadata.get("Author"))
    draft = Draft(title=title.strip(), origin=path.name, author=author)
    return build_report(draft, list(text_entries(blocks))).build()


def _read_pages(path: Path, data: bytes) -> tuple[list[list[str]], dict[str, str]]:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise BriefingError(path, _open_problem(error)) from None
    try:
        metadata = _metadata(document)
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(_page_lines(textpage))
            textpage.close()
            page.close()
        return pages, metadata
    except pypdfium2.PdfiumError as error:
        raise BriefingError(
            path, f"is a damaged PDF ({error}); open it in a PDF viewer and save it again"
        ) from None
    finally:
        document.close()


def _open_problem(error: Exception) -> str:
    message = str(error).lower()
    if "password" in message or "security" in message:
        return (
            "is an encrypted PDF (it needs a password); decrypt it first "
            f"(for example 'qpdf --decrypt'), or {_OCR_HINT}"
        )
    if "format" in message or "file" in message:
        return (
            "is not a readable PDF (its structure is damaged or it is not a PDF); "
            "open it in a PDF viewer and save it again"
        )
    return f"could not be opened as a PDF ({error})"


def _metadata(document: Any) -> dict[str, str]:
    try:
        return {key: value for key, value in document.get_metadata_dict().items() if isinstance(value, str)}
    except Exception:  # metadata is a nicety: a broken info dictionary must not stop the text
        return {}


def _page_lines(textpage: Any) -> list[str]:
    """The page's lines top to bottom, with an empty line wherever the gap between two lines
    is wider than the page's usual line spacing (a paragraph break)."""
    rows: list[tuple[float, float, str]] = []  # (top, height, text)
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = " ".join(textpage.get_text_bounded(left, bottom, right, top).split())
        if not text:
            continue
        if rows and abs(rows[-1][0] - top) < (top - bottom) / 2:
            rows[-1] = (rows[-1][0], rows[-1][1], f"{rows[-1][2]} {text}")  # the same line, another run
        else:
            rows.append((top, top - bottom, text))
    gaps = sorted(earlier[0] - later[0] for earlier, later in itertools.pairwise(rows))
    spacing = gaps[len(gaps) // 2] if gaps else 0.0
    lines: list[str] = []
    for index, (top, _, text) in enumerate(rows):
        if index and spacing > 0 and rows[index - 1][0] - top > spacing * _PARAGRAPH_GAP:
            lines.append("")
        lines.append(text)
    return lines


def pdf_paragraphs(pages: list[list[str]]) -> list[list[str]]:
    """Paragraphs (each a one-element list of its text) from the lines of each page."""
    pages = _without_running_lines(pages)
    width = _usual_width(pages)
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for page in pages:
        for line in page:
            if not line:
                _flush(paragraphs, current)
                current = []
                continue
            heading = _is_short(line, width) and not line.endswith((*_SENTENCE_END, ",", *_HYPHENS))
            if current and (
                _starts_new(current[-1], line, width) or (heading and current[-1].endswith(_SENTENCE_END))
            ):
                _flush(paragraphs, current)
                current = []
            current.append(line)
            if len(line) < width * _SHORT_LINE and line.endswith(_SENTENCE_END):
                _flush(paragraphs, current)
                current = []
        # A paragraph that does not end a sentence runs on to the next page; one that does is
        # taken to end with the page (a sentence that happens to end there splits its paragraph).
        if current and current[-1].endswith(_SENTENCE_END):
            _flush(paragraphs, current)
            current = []
    _flush(paragraphs, current)
    return paragraphs


def _is_short(line: str, width: float) -> bool:
    return len(line) < width * _SHORT_LINE


def _starts_new(previous: str, line: str, width: float) -> bool:
    """A short line without a final stop (a heading) stands alone."""
    return len(previous) < width * _SHORT_LINE and not previous.endswith((*_SENTENCE_END, ",", *_HYPHENS))


def _flush(paragraphs: list[list[str]], lines: list[str]) -> None:
    if not lines:
        return
    text = lines[0]
    for line in lines[1:]:
        if text.endswith(_HYPHENS) and len(text) > 1 and text[-2].isalpha() and line[:1].islower():
            text = text[:-1] + line  # "negoti-" + "ations": one word again
        elif text.endswith(("\x02", "\ufffe")):
            text = text[:-1] + line
        else:
            text = f"{text} {line}"
    paragraphs.append([text.replace("\x02", "-").replace("\ufffe", "-")])


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and the lines that repeat at the top or bottom of most pages."""
    pages = [_trim(page) for page in pages]
    if len(pages) >= 2:
        edges: Counter[str] = Counter()
        for page in pages:
            edges.update({_shape(line) for line in page[:_EDGE_LINES] + page[-_EDGE_LINES:] if line})
        # Numbers vary in a running line ("Page 3", "March 2026 | 4") only when it is short.
        limit = max(2, math.ceil(len(pages) * _REPEAT_SHARE))
        # A short line (a title, "Page 3") runs on most pages; a long one must be on every page,
        # so that a sentence the text happens to repeat is never taken for a header.
        long_limit = len(pages) if len(pages) >= 3 else len(pages) + 1
        running = {
            shape
            for shape, count in edges.items()
            if count >= (limit if len(shape.split()) <= _RUNNING_WORDS else long_limit)
        }
        pages = [
            [
                line
                for index, line in enumerate(page)
                if not (_at_edge(index, len(page)) and _shape(line) in running)
            ]
            for page in pages
        ]
    return [
        [
            line
            for index, line in enumerate(page)
            if not (_at_edge(index, len(page)) and _PAGE_NUMBER.match(line))
        ]
        for page in pages
    ]


def _trim(page: list[str]) -> list[str]:
    start, end = 0, len(page)
    while start < end and not page[start]:
        start += 1
    while end > start and not page[end - 1]:
        end -= 1
    return page[start:end]


def _at_edge(index: int, size: int) -> bool:
    return index < _EDGE_LINES or index >= size - _EDGE_LINES


def _shape(line: str) -> str:
    if len(line.split()) > _RUNNING_WORDS:
        return line.casefold()
    return _DIGITS.sub("#", line.casefold())


def _usual_width(pages: list[list[str]]) -> float:
    # The median of lines of a few words: the full width of the text column, whatever the
    # headings, short last lines and lines pdfium joined at a hyphen.
    lengths = sorted(len(line) for page in pages for line in page if len(line.split(maxsplit=4)) > 4)
    if not lengths:
        return 80.0
    return float(lengths[len(lengths) // 2])


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
