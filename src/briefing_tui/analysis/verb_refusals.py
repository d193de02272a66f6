"""Readings of a reporting verb or cue whose subject makes no claim.

`verb_frames` says whether the words after a verb report; this module says when the words
before it take the claim away, however the verb is framed: a condition not yet met ("once
inspectors confirm the cuts"), what someone could be brought to say ("would let the northern
states say"), what was pledged or asked for ("short of what donors pledged") and a document
that is the object of a verb before it ("welcomed the statement by X"). Each check is one
table of words and one short look back.
"""

from __future__ import annotations

import re

from briefing_tui.analysis.mentions import Found
from briefing_tui.analysis.reporting_verbs import VERB_FORMS
from briefing_tui.analysis.source_windows import word_before

__all__ = ["document_as_object", "made_to_say", "on_condition", "what_was_pledged"]


_CAUSATIVES = frozenset({"let", "lets", "letting", "make", "makes", "making", "help", "helps", "helped"})
"""Verbs after which a bare reporting verb is what someone could be brought to say."""

_CONDITIONS = frozenset({"once", "if", "unless", "until", "whenever"})
"""Conjunctions after which a present reporting verb is a condition, not a claim."""


def on_condition(text: str, item: Found, verb: str) -> bool:
    """ "once inspectors confirm the cuts": a condition in the present names no claim yet made."""
    low = verb.lower()
    if low.endswith(("ed", "said", "told")) or " " in low or item.pronoun is not None:
        return False
    return word_before(text, item.phrase.start)[0] in _CONDITIONS


def made_to_say(text: str, item: Found, verb: str) -> bool:
    """ "That would let the northern states say ...": what someone could be brought to say is
    no claim of theirs (the verb is bare after a causative)."""
    if verb.lower().endswith(("s", "d")) or " " in verb or item.pronoun is not None:
        return False
    return word_before(text, item.phrase.start)[0] in _CAUSATIVES


_PLEDGE_STEMS = ("pledg", "promis", "vow", "demand")
"""The verbs whose object is a sum or a thing: "what they pledged" is the sum, not a claim."""

_PLEDGE_AUXILIARIES = frozenset({"has", "have", "had"})

_PLEDGES = frozenset(form for form in VERB_FORMS if form.startswith(_PLEDGE_STEMS))
"""Every form of those verbs the lexicon lists ("pledged", "promises", "vow")."""


def what_was_pledged(text: str, item: Found, verb: str) -> bool:
    """ "two-thirds of what they pledged at the summit", "short of what developing nations have
    demanded": the sum pledged or asked for, not a claim made."""
    words = verb.lower().split()
    if len(words) == 2 and words[0] in _PLEDGE_AUXILIARIES:
        words = words[1:]  # "have demanded": the auxiliary is read by the shape
    return len(words) == 1 and words[0] in _PLEDGES and word_before(text, item.phrase.start)[0] == "what"


_DOCUMENT_CUE_WORDS = frozenset(
    {"statement", "report", "note", "study", "survey", "analysis", "readout", "release"}
)
"""Nouns of a cue ("the joint statement by X") that can be the object of a verb before it."""

_CUE_OPENERS = frozenset({"quoted", "cited"})
"""Verbs in "-ed" before a document that keep its author a source: "cited a report by"."""

_OBJECT_ARTICLES = frozenset({"the", "a", "an", "joint"})
_ARTICLE_REACH = 12


def document_as_object(text: str, match: re.Match[str]) -> bool:
    """Whether a document cue ("the joint statement by X") is the object of a verb before it,
    so that X's words are not reported: "welcomed the statement by X", "criticised a report by"."""
    words = match.group().lower().split()
    if not _DOCUMENT_CUE_WORDS & set(words):
        return False
    word, comma = word_before(text, match.start())
    if word in _OBJECT_ARTICLES:
        word, comma = word_before(
            text, text.rfind(word, max(0, match.start() - _ARTICLE_REACH), match.start())
        )
    return not comma and len(word) > 3 and word.endswith("ed") and word not in _CUE_OPENERS
