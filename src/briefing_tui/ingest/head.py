"""The head of a long plain text, read on its own so that its first screens show before the rest is parsed.

At 10 MB, parsing the whole text takes longer than everything else before the first frame.
The first screens only need the first blocks, and every block a reader finds, every
paragraph id and every section slug depends only on what comes before it; what the whole
text is needed for is what is set aside at its end (credits, teasers, furniture). So the
head's briefing is shown without the blocks it set aside and without the notice that
counts them: the whole text, read just after, says which they are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from briefing_tui.ingest.decode import DecodedText
from briefing_tui.ingest.plaintext import parse_text
from briefing_tui.ingest.structure import construct
from briefing_tui.ingest.wire import may_name_reporters
from briefing_tui.model import Briefing

__all__ = ["HEAD_CHARS", "Head", "text_head"]

HEAD_CHARS = 64_000
"""About how much of the text the head holds: some hundreds of screen lines, far more than a
first frame shows, so that the head's own end (where it may differ from the whole) is off screen."""


@dataclass(frozen=True, slots=True)
class Head:
    """A long text's first blocks as a briefing, and how to read the whole of it."""

    briefing: Briefing
    """The briefing read from the head alone, with nothing set aside and only the decoding's notices."""
    whole: Callable[[], Briefing]
    """Parses the whole text: the briefing `briefing_tui.ingest.read_document` gives."""
    characters: int
    """How long the whole text is."""


def text_head(path: Path, decoded: DecodedText, chars: int = HEAD_CHARS) -> Head | None:
    """The head of the plain text in ``decoded``: its blocks up to a long paragraph after ``chars``.

    None when the head could show something the whole would not: when the rest may hold a
    credit naming the reporters (it names the author), or when the head's last blocks were
    set aside as a tail. The text is then read whole before the first frame.
    """
    text = decoded.text
    cut = _after_long_paragraph(text, chars)
    if cut is None or may_name_reporters(text[cut:]):
        return None
    read = parse_text(path, DecodedText(text[:cut], decoded.notices))
    last = " ".join(line.strip() for line in text[text.rfind("\n\n", 0, cut) + 2 : cut].split("\n"))
    if not read.sections or not read.sections[-1].paragraphs or read.sections[-1].paragraphs[-1].text != last:
        return None
    values = {name: getattr(read, name) for name in type(read).model_fields}
    values.update(notices=decoded.notices, furniture=())
    return Head(construct(Briefing, **values), partial(parse_text, path, decoded), len(text))


def _after_long_paragraph(text: str, start: int) -> int | None:
    """Where the first blank line after ``start`` that follows a long paragraph of prose begins.

    A head ending so has no tail of its own for `briefing_tui.ingest.wire` to set aside: a
    long paragraph is the story, so nothing before it is taken for teasers or links.
    """
    at = text.find("\n\n", start)
    for _ in range(_LOOK):
        if at < 0:
            return None
        block = text[text.rfind("\n\n", 0, at) + 2 : at]
        if len(block.split(maxsplit=_LONG_WORDS)) > _LONG_WORDS and block.rstrip().endswith(_ENDS):
            return at
        at = text.find("\n\n", at + 2)
    return None


_LONG_WORDS = 50  # above wire's 40 words of a long paragraph, so that the head's last block is one
_ENDS = (".", "!", "?", '"', "”", "’", "'", ")")
_LOOK = 200  # blocks looked at for a long paragraph before the text is read whole
