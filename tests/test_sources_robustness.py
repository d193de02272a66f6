"""The finder on any text: it never fails, and what it returns lies inside the text, in order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.analysis.sources import find_mentions

_PIECES = [
    "said", "told", "according to", "the", "a", "Ana", "Roe", "official", ",", ".", ":", "“", "”",
    '"', "—", "(", ")", "who", "we", "by", "was", "it", "he", "saying", "of", "Reuters", "union",
    "Velmar", "1.2", "74", "put it", "nothing", "if", "speaking", "anonymity", "Said", "van", "Local",
    "44", "member", "\n", "Smith:", "I", "one of the", "Parties", "reaffirm", "Outside", "vowed to",
    "a summary released by", "owners", "shopkeeper", "first-time", "(PA)", "WHO",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_any_text_gives_mentions_inside_it_in_order(pieces: list[str]) -> None:
    text = " ".join(pieces)
    mentions = find_mentions(text)
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.pronoun is not None or text[mention.start : mention.end].strip()
    starts = [mention.start for mention in mentions if mention.antecedent is None]
    assert starts == sorted(starts)
