"""The source finder's fast anchor scan finds what one alternation of every anchor finds.

`sources._anchors` opens its search pattern with the character before an anchor so that the
regex engine can skip the letters of words; the anchors it yields must be exactly those of
the plain alternation below (each anchor in turn, phrases first, left to right, without
overlaps), on the seed, the labelled fixtures and random strings made of anchors' pieces.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from briefing_tui.analysis import sources
from briefing_tui.analysis.reporting_verbs import PARTICIPLES

_ROOT = Path(__file__).resolve().parent.parent
_ALTERNATION = re.compile(
    rf"\b(?P<word>{sources._ANCHOR_PHRASES})\b"
    r"|(?P<colon>:\s*[“\"](?=\S))"
    rf"|(?P<saying>(?:,|\s[—–])\s+(?:{'|'.join(PARTICIPLES)})\b)"
    r"|(?<=[,.!?…][”\"])(?P<quote_end>[ \t]+(?:[—–][ \t]*)?)(?=[^\W\d_])"
    r"|(?P<bare_colon>:[ \t]+)(?=[“\"‘'(]?[^\W\d_])"
    rf"|(?P<voice>\b{sources._VOICE})"
)
_PIECES = [
    *"aetTsS ,:;“”\"'—–.!?…\n\t‘(_1\u00a0é",
    *("said", "told", "according to", "According to", "The", "the", "Ministers", "saying"),
    *("claiming", "recalled", "Delegations", " — ", "he", "The Ministers recalled", "quoted as saying"),
    *("statement", "released a", "told reporters", "x1"),
]


def _anchors(text: str) -> list[tuple[int, int, str | None]]:
    return [(match.start(), match.end(), match.lastgroup) for match in sources._anchors(text)]


def _expected(text: str) -> list[tuple[int, int, str | None]]:
    return [(match.start(), match.end(), match.lastgroup) for match in _ALTERNATION.finditer(text)]


def _texts() -> list[Path]:
    return [
        _ROOT / "seeds" / "gaza-ceasefire-talks.txt",
        *sorted((_ROOT / "tests/fixtures/labelled").glob("*.txt")),
    ]


@pytest.mark.parametrize("path", _texts(), ids=lambda path: path.name)
def test_the_scan_finds_the_anchors_of_a_briefing(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _anchors(text) == _expected(text)
    assert _expected(text)  # every one of these briefings cites someone


def test_the_scan_finds_the_anchors_of_random_strings() -> None:
    rng = random.Random(12)
    for _ in range(5000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 30)))
        assert _anchors(text) == _expected(text), text


def test_an_anchor_right_after_another_is_found() -> None:
    # "said" and "The Ministers" open where the space after a closing quote ends.
    text = "“We stay,” said Ana Roe: “We will.” The Ministers recalled the pact"
    found = [(text[start:end], group) for start, end, group in _anchors(text)]
    assert found == [
        (" ", "quote_end"),
        ("said", "word"),
        (": “", "colon"),
        (" ", "quote_end"),
        ("The Ministers", "voice"),
        ("recalled", "word"),
    ]
    assert _anchors(text) == _expected(text)
