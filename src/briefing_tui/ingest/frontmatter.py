"""The YAML front matter of a Markdown briefing: where it ends, and the metadata it gives.

The block is found by a line scan of our own, because mdit-py-plugins' front-matter rule
closes the block on any line that merely starts with ``---`` ("----not a close"). Inside
it, a real YAML parser (PyYAML, imported only when a file has front matter) reads the
values, so block scalars, quoting and escapes mean what YAML says they mean.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["FrontMatter", "read_front_matter", "split_front_matter"]

_OPEN = "---"
_CLOSES = ("---", "...")
# Markdown's backslash escapes of ASCII punctuation, which exporters leave in YAML titles.
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "publication", "publisher", "source", "site_name", "sitename"),
    "author": ("author", "authors", "byline"),
    "published": ("published", "date", "published_at", "pubdate"),
    "dateline": ("dateline",),
}
_MAX_LIST = 20


@dataclass
class FrontMatter:
    """The metadata a front-matter block gives, and what went wrong reading it."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    furniture: list[str] = field(default_factory=list)
    """Blocks an earlier reading set aside, as ``export --to markdown`` writes them back."""
    notices: list[str] = field(default_factory=list)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """``(yaml, body, lines)``: the front-matter block (None when there is none), the text
    after it, and how many lines the block and its fences took."""
    first_end = text.find("\n")
    if first_end < 0 or text[:first_end].rstrip() != _OPEN:
        return None, text, 0
    start = position = first_end + 1
    lines = 1
    while position <= len(text):
        end = text.find("\n", position)
        line_end = len(text) if end < 0 else end
        lines += 1
        if text[position:line_end].rstrip() in _CLOSES:
            body = "" if end < 0 else text[end + 1 :]
            return text[start:position], body, lines
        if end < 0:
            break
        position = end + 1
    return None, text, 0  # never closed: not front matter, just text


def read_front_matter(source: str) -> FrontMatter:
    """The fields of a YAML block; a block that is not YAML, or not a mapping, is a notice."""
    front = FrontMatter()
    if not source.strip():
        return front
    data = _load_yaml(source, front)
    if data is None:
        return front
    if not isinstance(data, dict):
        front.notices.append("the front matter is not a list of 'key: value' fields; it was ignored")
        return front
    lowered = {str(key).lower(): value for key, value in data.items()}
    furniture = lowered.get("furniture")
    if isinstance(furniture, list):
        front.furniture = [_unescape(item) for item in furniture if isinstance(item, str)]
    for name, keys in _FIELDS.items():
        value = next((lowered[key] for key in keys if key in lowered and lowered[key] is not None), None)
        if value is None:
            continue
        if name == "published":
            front.published = _date(value, front.notices)
        else:
            setattr(front, name, _text(value))
    return front


def _load_yaml(source: str, front: FrontMatter) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(source, Loader=loader)
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        where = getattr(error, "problem_mark", None)
        line = f" (line {where.line + 2})" if where is not None else ""
        fields = _plain_fields(source)
        if not fields:
            front.notices.append(f"the front matter is not valid YAML{line}; it was ignored")
        return fields


def _plain_fields(source: str) -> dict[str, str]:
    """``key: value`` lines taken literally, for front matter that YAML refuses
    (``title: [Draft] Talks stall`` is a broken YAML list, but a title to its writer)."""
    fields: dict[str, str] = {}
    for line in source.split("\n"):
        key, colon, value = line.partition(":")
        if colon and key.strip() and not key.startswith((" ", "\t", "-", "#")):
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields[key.strip()] = value
    return fields


def _text(value: Any) -> str | None:
    """A field's text: lists joined with commas, Markdown escapes undone, blank as None."""
    if isinstance(value, list | tuple):
        parts = [_text(item) for item in value[:_MAX_LIST] if isinstance(item, str | int | float)]
        joined = ", ".join(part for part in parts if part)
        return joined or None
    if isinstance(value, dict):
        value = value.get("name")
        if not isinstance(value, str):
            return None
    text = " ".join(_unescape(str(value)).split())
    return text or None


def _unescape(text: str) -> str:
    return _MARKDOWN_ESCAPE.sub(r"\1", text)


def _date(value: Any, notices: list[str]) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        shown = text if len(text) <= 40 else text[:40] + "…"
        notices.append(f"front matter 'published: {shown}' is not a YYYY-MM-DD date; it was ignored")
        return None
