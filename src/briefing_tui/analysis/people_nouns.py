"""Nouns for people that no word list holds: "dockers", "growers", "a shopkeeper".

A reporting verb after "the dockers" or "Growers in the valley" names a source as surely as
one after "workers", but the lists of head nouns in `vocabulary` cannot hold every trade.
Nouns for people are read from their endings ("-ers", "-ists", "-ians", "-ants"), less the common
nouns, verbs and adverbs that end the same way and are not people ("papers", "borders",
"later"). A singular ("a shopkeeper") counts only right after an article, where it cannot
be a verb or an adverb.
"""

from __future__ import annotations

__all__ = ["is_people_noun", "is_people_plural"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PLURAL_ENDINGS = ("ers", "ists", "ians", "ees", "ants")
_SINGULAR_ENDINGS = ("er", "ist", "ian", "ant")
_NOT_PEOPLE = _words(
    "paper number order letter matter border offer power headquarter water quarter other layer "
    "filter barrier marker tower chapter container tanker freighter trawler bomber computer "
    "answer corner center centre meter metre litre liter figure tiger river rubber shelter "
    "frontier register ledger prayer waiver transfer merger sanction list christian chamber "
    "theater theatre hanger cover flower drawer slider banner poster sticker flyer trailer "
    "burger danger reuter finger shoulder teaser thriller charter summer winter weather "
    "together however either neither whether rather further after under over never ever later "
    "earlier former latter lower upper inner outer sooner another disaster cancer hammer "
    "proper clever silver copper timber lumber finer better bigger larger smaller longer "
    "shorter higher wider deeper stronger weaker harder easier faster slower greater closer "
    "newer older member' manner dinner butter platter remainder reminder consider deliver "
    "gather discover remember render wonder hinder recover suffer differ enter alter bolster "
    "trigger deter defer confer prefer refer counter encounter monster minister sister brother "
    "mother father daughter quarterly fee degree committee guarantee decree tree knee coffee "
    "agree three referee timer fiber fibre super sober eager safer wider older newer tower "
    "offer liver lever caper lager laser "
    "plant grant restaurant variant pant want chant implant elephant instant pageant covenant "
    "descendant pendant constant distant relevant significant important pleasant vacant "
    "abundant dominant elegant arrogant brilliant radiant tolerant reluctant redundant "
    "stagnant giant"
)
"""Words with a people ending that are not (new) people nouns; "minister", "sister" and the
like are in `vocabulary` already, with their own kinds."""


def is_people_plural(word: str) -> bool:
    """Whether ``word`` (lower case) is a plural noun for people, by its ending: "dockers"."""
    return (
        len(word) >= 6
        and word.isalpha()
        and word.endswith(_PLURAL_ENDINGS)
        and word[:-1] not in _NOT_PEOPLE
        and word not in _NOT_PEOPLE
    )


def is_people_noun(word: str) -> bool:
    """Whether ``word`` (lower case) is a singular noun for people, by its ending: "shopkeeper".

    Only for a word right after an article: alone, "-er" words are as often verbs or adverbs.
    """
    return len(word) >= 5 and word.isalpha() and word.endswith(_SINGULAR_ENDINGS) and word not in _NOT_PEOPLE
