"""Plural nouns for people that no word list holds: "dockers", "growers", "economists".

A reporting verb after "the dockers" or "Growers in the valley" names a source as surely as
one after "workers", but the lists of head nouns in `vocabulary` cannot hold every trade.
Nouns for people are read from their endings ("-ers", "-ists", "-ians"), less the common
nouns that end the same way and are not people ("papers", "borders", "orders").
"""

from __future__ import annotations

__all__ = ["is_people_plural"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ENDINGS = ("ers", "ists", "ians")
_NOT_PEOPLE = _words(
    "papers numbers orders letters matters borders offers powers headquarters waters quarters "
    "others layers filters barriers markers towers chapters containers tankers freighters "
    "trawlers bombers computers answers corners centers centres meters metres litres liters "
    "tons figures tigers rivers rubbers shelters frontiers registers ledgers prayers waivers "
    "transfers mergers sanctions lists christians chambers theaters theatres "
    "hangers covers flowers drawers sliders banners posters stickers flyers trailers "
    "burgers dangers reuters fingers shoulders powers teasers thrillers"
)


def is_people_plural(word: str) -> bool:
    """Whether ``word`` (lower case) is a plural noun for people, by its ending: "dockers"."""
    return len(word) >= 6 and word.isalpha() and word.endswith(_ENDINGS) and word not in _NOT_PEOPLE
