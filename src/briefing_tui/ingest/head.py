"""A plain text's `Preview`: its blocks for the first frame, the model built after it.

The first frame needs neither Pydantic nor the model, only the blocks (see
`briefing_tui.ingest.plain`). At 10 MB, parsing the whole text also takes longer than
everything else before the first frame, while the first screens need only its first
blocks: every block a reader finds, every paragraph id and section slug depends only on
what comes before it. What the whole is needed for is what its end sets aside (credits,
teasers) and the notice that counts them, and the author when a credit at the end names
the reporters. So a long text is previewed from its head, the whole parsed after.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from briefing_tui.ingest.decode import DecodedText
from briefing_tui.ingest.plain import Preview
from briefing_tui.ingest.plaintext import parse_text, text_draft
from briefing_tui.ingest.wire import may_name_reporters

__all__ = ["HEAD_CHARS", "text_head", "text_preview"]

HEAD_CHARS = 64_000
"""About how much of a long text its head holds: some hundreds of screen lines, far more than a
first frame shows, so that the head's own end (where it may differ from the whole) is off screen."""


def text_preview(path: Path, decoded: DecodedText, head_from: int) -> Preview:
    """The preview of the plain text in ``decoded``: from its head if it has ``head_from`` characters."""
    if len(decoded.text) >= head_from and (head := text_head(path, decoded)) is not None:
        return head
    draft = text_draft(path, decoded)
    return Preview(draft.plain(), draft.build, complete=True, path=str(path))


def text_head(path: Path, decoded: DecodedText, chars: int = HEAD_CHARS) -> Preview | None:
    """The preview of the head of the text in ``decoded``: its blocks up to a long paragraph after ``chars``.

    None when the head could show something the whole would not: when the rest may hold a
    credit naming the reporters (it names the author), or when the head's last blocks were
    set aside as a tail.
    """
    text = decoded.text
    cut = _after_long_paragraph(text, chars)
    if cut is None or may_name_reporters(text[cut:]):
        return None
    draft = text_draft(path, DecodedText(text[:cut], decoded.notices))
    draft.notices, draft.furniture = list(decoded.notices), []
    shown = draft.plain()
    last = " ".join(line.strip() for line in text[text.rfind("\n\n", 0, cut) + 2 : cut].split("\n"))
    if (
        not shown.sections
        or not shown.sections[-1].paragraphs
        or shown.sections[-1].paragraphs[-1].text != last
    ):
        return None
    return Preview(shown, partial(parse_text, path, decoded), complete=False, path=str(path))


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
