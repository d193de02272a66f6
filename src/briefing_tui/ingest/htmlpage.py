"""Read a saved web page: the article's text by trafilatura, then its blocks as Markdown.

trafilatura drops navigation, adverts and footers and writes the article as Markdown
(headings, lists, tables), which the Markdown reader then reads; its metadata gives the
title, author, date and site name. It works on the bytes given and never goes online.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from briefing_tui.errors import BriefingError
from briefing_tui.ingest.decode import DecodedText
from briefing_tui.ingest.frontmatter import FrontMatter
from briefing_tui.ingest.markdown import briefing_from_markdown
from briefing_tui.model import Briefing

__all__ = ["parse_html", "read_html"]

# trafilatura and its helpers log warnings; without a handler of their own Python would
# print them on stderr, after our one line.
# Fewer words than this is a menu or a link, not an article.
_MIN_WORDS = 8
_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "readability")


def parse_html(path: Path, decoded: DecodedText) -> Briefing:
    """The article in the HTML page ``decoded``, read from ``path``."""
    return read_html(path, decoded.text, notices=list(decoded.notices))


def read_html(
    path: Path, html: str, *, title: str | None = None, notices: list[str] | None = None
) -> Briefing:
    """The article in ``html``; ``title``, when given (an e-mail's subject), wins over the page's."""
    _quiet()
    import trafilatura
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        if tree is None:
            raise BriefingError(
                path, "is not an HTML page that can be parsed; save the page again or copy its text"
            )
        # Not extensive: the date comes from the page's markup, without htmldate's scan of every
        # text node, which costs a second on a 1 MB page.
        metadata = trafilatura.extract_metadata(tree, extensive=False)
        text = trafilatura.extract(
            load_html(html),
            output_format="markdown",
            include_tables=True,
            include_formatting=True,
            include_comments=False,
            include_links=False,
            include_images=False,
        )
    except BriefingError:
        raise
    except Exception as error:  # lxml and trafilatura raise many kinds on broken pages
        raise BriefingError(
            path, f"could not be read as HTML ({type(error).__name__}); save the page again"
        ) from None
    if not text or len(text.split(maxsplit=_MIN_WORDS)) < _MIN_WORDS:
        raise BriefingError(
            path,
            "has no article text that could be found (a page of links, or one that needs JavaScript); "
            "save the article's text instead",
        )
    front = FrontMatter(
        title=title or _clean(metadata.title),
        outlet=_clean(metadata.sitename),
        author=_clean(metadata.author),
        published=_date(metadata.date),
        notices=list(notices or ()),
    )
    return briefing_from_markdown(path, text, front)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _quiet() -> None:
    for name in _QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
            logger.addHandler(logging.NullHandler())
        logger.propagate = False
