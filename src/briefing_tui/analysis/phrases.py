"""Parse the words that name a source: "three sources familiar with the negotiations".

The grammar is small and deliberately conservative, because a wrong source is worse than a
missed one::

    list    := phrase (("," | "and" | ", and") phrase)*
    phrase  := determiner? words postmodifier?
             | role-phrase "," name            "the mediator, Pieter Vos"
    words   := modifiers head                  "a senior U.S. official", "the air force"
             | modifiers role name             "Politico’s diplomatic correspondent Felicia Schwartz"
             | role "of" portfolio name        "Minister of Information Jamal Jarrah"
             | modifiers outlet-noun name      "North Korea's state news agency KCNA"
             | modifiers body-noun name        "the dockers' union Havenbond"
             | owner's name                    "the agency's Ilan Pardo"
             | name acronym?                   "the UN Office for ... Affairs (OCHA)", "NJ Transit"
    postmodifier := ("familiar with" | "close to" | "briefed on" | "with knowledge of"
                    | "involved in" | "from" | "for" | "at" | "in" | "of" | "on" | "to") object
                  | "involved"
                  | "who" ...                  up to the speech verb: "members who voted in favour"
    object  := a few words, names joined by commas and "and" ("from France, Britain and
               Germany"), never running across a verb

A *head* is a noun from `vocabulary.HEAD_KINDS` and decides the kind of source (what kind a
phrase names is read by `source_kinds`; this module finds where it begins and ends); a *name*
is a run of capitalised words (or of a caseless script such as Chinese), which may hold
"of", "for", "the" and "and" ("Department for Business and Trade"). Pronouns, verbs and
other function words (`vocabulary.STOPWORDS`) never belong to a phrase, so a pronoun can
never become a source.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from briefing_tui.analysis.people_nouns import is_people_noun, is_people_plural
from briefing_tui.analysis.reporting_verbs import IRREGULAR_PAST, VERB_FORMS
from briefing_tui.analysis.source_kinds import head_kind, kind_in_context, name_kind
from briefing_tui.analysis.tokens import Token, TokenType
from briefing_tui.analysis.vocabulary import (
    BODY_NAME_WORDS,
    BODY_NAMES,
    DETERMINERS,
    HEAD_KINDS,
    NAME_PARTICLES,
    NOT_NAMES,
    ORGANIZATION_WORDS,
    OUTLET_NAMES,
    OUTLET_WORDS,
    PLACE_NAMES,
    PREMODIFIERS,
    ROLE_WORDS,
    STOPWORDS,
    TIME_WORDS,
    TITLED_JOINERS,
    is_portfolio_word,
)
from briefing_tui.model import SourceKind

__all__ = ["GIVEN_NAMES", "Parsed", "Phrase", "parse_list", "parse_phrase"]

Span = tuple[int, int]

_TAIL_DETERMINERS = frozenset({"the", "a", "an", "both", "its", "their", "his", "her", "this", "that"})
_TAIL_MAX_WORDS = 6
_RELATIVE_MAX_WORDS = 8
_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they", "who", "that", "which"})
_TWO_WORD_LEADS = {"familiar": "with", "close": "to", "briefed": "on"}
_ONE_WORD_LEADS = frozenset({"from", "for", "at", "in", "of", "on", "to", "within", "inside"})
GIVEN_NAMES = frozenset({"Said", "Hope", "May", "Will", "Faith", "Per", "Can"})
"""Given names that are also function words, recognised only with their capital."""
_ARTICLES = frozenset({"the", "a", "an"})
_PORTFOLIO_WORDS = PREMODIFIERS | frozenset(
    [
        "affairs",
        "information",
        "economy",
        "education",
        "culture",
        "tourism",
        "labour",
        "labor",
        "industry",
        "commerce",
        "and",
        "environment",
        "communications",
        "digital",
        "planning",
        "treasury",
        "state",
    ]
)
"""Words of a portfolio after "Minister of": "Foreign Affairs", "Information", "the Interior"."""
OUTLET_DESCRIPTIONS = frozenset(
    [
        *("newspaper", "daily", "broadcaster", "channel", "outlet", "magazine", "website", "network"),
        *("tabloid", "radio", "television", "station"),
    ]
)
"""Words that describe an outlet named right after them: "the newspaper Haaretz"."""
_NAME_JOINERS = NAME_PARTICLES | {"of", "for", "the", "and"}
_COMMON_OPENERS = DETERMINERS | PREMODIFIERS | HEAD_KINDS.keys() | ROLE_WORDS


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words in a paragraph that name one source."""

    start: int
    """Offset of the first naming character."""
    end: int
    """Offset just past the last naming character."""
    kind: SourceKind | None
    """Who the source is; None for a lone capitalised word, which may be a surname or a body."""
    common_start: bool = False
    """Its first word is a common word capitalised only because it opens a sentence."""
    description: Span | None = None
    """Where the text describes a named person ("Politico’s diplomatic correspondent")."""
    outlet: Span | None = None
    """A news outlet named inside the description ("Politico" in "Politico’s ...")."""
    name_start: int | None = None
    """Where the name begins when a role before it is part of the words: "Gov. Paul Whitcomb"."""


@dataclass(frozen=True, slots=True)
class Parsed:
    """Phrases found from some token onwards, and the index of the token after them."""

    phrases: tuple[Phrase, ...]
    next: int


def parse_list(tokens: list[Token], index: int, limit: int) -> Parsed | None:
    """Phrases joined by "and" (or "X, Y and Z") starting at ``tokens[index]``, before ``limit``."""
    first = parse_phrase(tokens, index, limit)
    if first is None:
        return None
    items: list[tuple[bool, Parsed]] = [(True, first)]
    position = first.next
    while position < limit:
        after, has_and = _separator(tokens, position, limit)
        if after == position:
            break
        item = parse_phrase(tokens, after, limit)
        if item is None or (not has_and and _bare_role_after_name(tokens, first, item)):
            break
        items.append((has_and, item))
        position = item.next
    # Only "and" closes a list: "according to the ministry, Israel will..." is not one.
    last_and = max(number for number, (has_and, _) in enumerate(items) if has_and)
    kept = items[: last_and + 1] if last_and else items[:1]
    phrases = tuple(p for _, item in kept for p in item.phrases)
    if len(phrases) > 1 and tokens[index].lower in _CORRELATIVES and index + 1 < limit:
        # "both Ostmark and Westmark said": "both" binds the list, it is no part of the first name
        phrases = (replace(phrases[0], start=tokens[index + 1].start, common_start=False), *phrases[1:])
    return Parsed(phrases, kept[-1][1].next)


_CORRELATIVES = frozenset({"both", "either", "neither"})


def _bare_role_after_name(tokens: list[Token], first: Parsed, item: Parsed) -> bool:
    """ "said Ana Roe, union vice president and head of the docks department": an office
    without an article after a person's name and a comma is her description, not a second
    speaker; a list of people names each ("Ana Roe, the mayor and Ivo Marek")."""
    if len(first.phrases) != 1 or first.phrases[0].kind is not SourceKind.NAMED_PERSON:
        return False
    if len(item.phrases) != 1 or item.phrases[0].kind is not SourceKind.OFFICIAL:
        return False
    opener = next((token for token in tokens if token.start == item.phrases[0].start), None)
    return opener is not None and opener.lower not in DETERMINERS


def parse_phrase(tokens: list[Token], index: int, limit: int) -> Parsed | None:
    """One naming phrase starting at ``tokens[index]``, with a role-name apposition folded in."""
    parsed = _phrase(tokens, index, limit)
    if parsed is None:
        return None
    return _apposition(tokens, parsed, limit) or parsed


def _phrase(tokens: list[Token], index: int, limit: int) -> Parsed | None:
    position = index
    if tokens[position].lower in DETERMINERS:
        position += 1
    words, position = _collect(tokens, position, limit)
    if not words:
        return None
    return _classify(tokens, index, words, limit)


def _separator(tokens: list[Token], position: int, limit: int) -> tuple[int, bool]:
    """The index after a list separator at ``position`` (or ``position`` when there is none)."""
    after = position
    if tokens[after].text == ",":
        after += 1
    has_and = after < limit and tokens[after].lower == "and"
    if has_and:
        after += 1
    return (after if after < limit else position), has_and


def _collect(tokens: list[Token], position: int, limit: int) -> tuple[list[int], int]:
    """Indices of the modifier, head and name words from ``position`` on."""
    words: list[int] = []
    while position < limit:
        token = tokens[position]
        known = _known_body_end(tokens, position, limit) if token.capitalised else None
        if known is not None:  # "Doctors Without Borders": function words inside a known name
            words.extend(range(position, known))
            position = known
            continue
        if token.punct:
            break
        if token.lower == "and":
            if _joins_name(tokens, words, position, limit):
                words.append(position)
                position += 1
                continue
            if not _joins_modifiers(tokens, words, position, limit):
                break
            position += 1
            continue
        if (
            _joins_titled(tokens, words, position, limit)
            or _is_connector(tokens, words, position, limit)
            or _is_phrase_word(tokens, position, limit)
        ):
            words.append(position)
            position += 1
            continue
        break
    return words, position


def _known_body_end(tokens: list[Token], position: int, limit: int) -> int | None:
    """The index after a name of `vocabulary.BODY_NAMES` that starts at ``position``, if any."""
    if tokens[position].lower not in _BODY_FIRST_WORDS:
        return None  # one set look for almost every word: the names are few
    for count in BODY_NAME_WORDS:
        end = position + count
        if end <= limit and _spelled(tokens[position:end]) in BODY_NAMES:
            return end
    return None


_BODY_FIRST_WORDS = frozenset(name.split()[0] for name in BODY_NAMES)


def _is_known_body(tokens: list[Token], words: list[int]) -> bool:
    if not words or tokens[words[0]].lower not in _BODY_FIRST_WORDS:
        return False
    return _spelled([tokens[word] for word in words]) in BODY_NAMES


def _spelled(words: list[Token]) -> str:
    """Words as one lower-case string, a possessive on the last dropped: "oxfam" for "Oxfam's"."""
    return " ".join([*(token.lower for token in words[:-1]), words[-1].base_lower]) if words else ""


def _is_phrase_word(tokens: list[Token], position: int, limit: int) -> bool:
    token = tokens[position]
    low = token.base_lower
    special = _special_word(tokens, position, limit)
    if special is not None:
        return special
    if low in STOPWORDS or low in _ARTICLES:
        return False  # an article inside a phrase starts another one: "told AFP the government"
    if _is_name_word(token) or low in HEAD_KINDS or low in ROLE_WORDS or low in PREMODIFIERS:
        return True
    if _is_people_word(tokens, position):
        return True
    if token.possessive or ("-" in low and low.replace("-", "").isalpha()):
        return True
    return _modifies_next(tokens, position, limit)


def _is_people_word(tokens: list[Token], position: int) -> bool:
    """A noun for people no list holds: "the dockers", "a shopkeeper" (see `people_nouns`)."""
    token = tokens[position]
    if is_people_plural(token.base_lower) and not token.possessive:
        return True
    return _after_article(tokens, position) and is_people_noun(token.base_lower)


def _after_article(tokens: list[Token], position: int) -> bool:
    """ "a shopkeeper", "a first-time voter": an article right before, or one modifier between."""
    before = [tokens[number].lower for number in range(max(0, position - 2), position)]
    return bool(before) and (before[-1] in _ARTICLES or (len(before) == 2 and before[0] in _ARTICLES))


_PROGRAMME_TAILS = frozenset({"Today", "Tonight", "Now", "Live"})
"""Time words that, capitalised after a name's word, end an outlet's or programme's title."""


def _special_word(tokens: list[Token], position: int, limit: int) -> bool | None:
    """Words that look like function words but are names: "Said Awwad", "the US", "Channel 12"."""
    token = tokens[position]
    if token.text in GIVEN_NAMES:  # "Said Awwad", and "Mwanaisha Said" as a surname
        after_name = position > 0 and tokens[position - 1].capitalised and _is_name_word(tokens[position - 1])
        return after_name or (position + 1 < limit and _is_name_word(tokens[position + 1]))
    if token.text in _PROGRAMME_TAILS and position > 0 and _is_name_word(tokens[position - 1]):
        return True  # "Valley Today", "Harbour Tonight": a capitalised time word ends a title
    if len(token.text) > 1 and token.text.isupper() and token.type is TokenType.WORD:
        return True  # "the US", "UAW President Marcus Dell"
    if token.text.isdigit() and position and _is_name_word(tokens[position - 1]):
        return True  # "Channel 12"
    return None


def _modifies_next(tokens: list[Token], position: int, limit: int) -> bool:
    """One unknown common word may modify a head ("harbour master", "shipping association"),
    or a capitalised group after a determiner ("some progressive Democrats")."""
    nxt = position + 1
    if nxt >= limit or not tokens[position].base_lower.isalpha():
        return False
    following = tokens[nxt]
    if following.base_lower in HEAD_KINDS or following.base_lower in ROLE_WORDS:
        return True
    if is_people_plural(following.lower) and not following.capitalised:
        return True  # "the new owners"
    if is_people_noun(following.lower) and not following.capitalised and _after_article(tokens, nxt):
        return True  # "a crane driver"
    if (
        nxt + 1 < limit
        and not following.capitalised
        and following.lower.isalpha()
        and following.lower not in STOPWORDS
        and following.lower not in DETERMINERS
        and not _looks_finite(tokens[position])
        and not following.possessive
        and tokens[nxt + 1].lower in HEAD_KINDS
        and not tokens[nxt + 1].capitalised
    ):
        return True  # "the joint coordination center": two common words before the head
    return (
        position > 0
        and tokens[position - 1].lower in DETERMINERS
        and following.capitalised
        and following.type is TokenType.WORD
        and following.lower.endswith("s")
        and len(following.text) > 3
        and not following.text.isupper()
    )


_TIME_ZONES = frozenset(
    {"gmt", "utc", "bst", "cet", "cest", "eet", "eest", "est", "edt", "pst", "pdt", "ist"}
)
"""Time zones in capitals ("10.45am BST Israel says"): never a word of a name."""


def _is_name_word(token: Token) -> bool:
    if token.type is TokenType.PUNCT or token.lower in _TIME_ZONES:
        return False
    if token.base_lower in NOT_NAMES:
        # "Said Awwad": a given name that is also a verb, when written with its capital;
        # "US", "IT": a word in capitals is an abbreviation, never the pronoun.
        return token.text in GIVEN_NAMES or (len(token.text) > 1 and token.text.isupper())
    if token.capitalised:
        return True
    # "el-Sisi", "al-Thani": a lower-case particle joined to a capitalised name.
    particle, _, rest = token.text.partition("-")
    return bool(rest) and particle.lower() in NAME_PARTICLES and rest[:1].isupper()


def _is_titled_joiner(token: Token) -> bool:
    return token.capitalised and token.lower in TITLED_JOINERS


def _joins_titled(tokens: list[Token], words: list[int], position: int, limit: int) -> bool:
    """ "Medics Without Walls": a capitalised preposition between two name words."""
    return (
        bool(words)
        and position + 1 < limit
        and _is_titled_joiner(tokens[position])
        and _is_name_word(tokens[words[-1]])
        and _is_name_word(tokens[position + 1])
    )


def _is_connector(tokens: list[Token], words: list[int], position: int, limit: int) -> bool:
    """A particle, "of" or "for" inside a name: "Mohammed bin Abdulrahman", "Office for the ..."."""
    low = tokens[position].lower
    if not words or position + 1 >= limit:
        return False
    nxt = tokens[position + 1]
    last = tokens[words[-1]]
    if low == "the":
        return last.lower in {"of", "for"} and words[-1] == position - 1 and _is_name_word(nxt)
    if low in {"of", "for"} and last.text.isdigit() and len(words) > 1 and _is_name_word(tokens[words[-2]]):
        last = tokens[words[-2]]  # "Local 44 of the Hospitality Workers Union"
    if low in NAME_PARTICLES and (_is_name_word(last) or last.lower in NAME_PARTICLES):
        # "Anouk van der Berg": a particle may follow another before the surname.
        after = tokens[position + 2] if position + 2 < limit else None
        return _is_name_word(nxt) or (
            nxt.lower in NAME_PARTICLES and after is not None and _is_name_word(after)
        )
    if not _is_name_word(last):
        return False
    if low in {"of", "for"}:
        return _is_name_word(nxt) or (
            nxt.lower == "the" and position + 2 < limit and _is_name_word(tokens[position + 2])
        )
    return False


def _joins_name(tokens: list[Token], words: list[int], position: int, limit: int) -> bool:
    """ "Department for Business and Trade": "and" between names after "of" or "for"."""
    if not words or position + 1 >= limit or not _is_name_word(tokens[position + 1]):
        return False
    if not _is_name_word(tokens[words[-1]]):
        return False
    if len(words) >= 3 and any(tokens[word].lower in {"of", "for"} for word in words):
        return True
    if _portfolio_pair(tokens, words, position, limit):
        return True
    # "the Hostages and Missing Families Forum": the run after "and" ends in a body's word.
    after = position + 1
    while after < limit and after < position + 6 and _is_name_word(tokens[after]):
        after += 1
    return after - 1 > position and tokens[after - 1].lower in ORGANIZATION_WORDS


def _portfolio_pair(tokens: list[Token], words: list[int], position: int, limit: int) -> bool:
    """ "Irrigation and Shipping Minister Vanko Drell": "and" joins two portfolios of one
    title when the word before it is a portfolio's and a role follows the next capitalised word;
    so it joins two titles of one person named after them ("Prime Minister and Foreign
    Minister Sheikh Ali")."""
    before = tokens[words[-1]]
    # "Prime Minister and Foreign Minister Sheikh Ali": two titles of one person, a name after.
    titled = before.capitalised and before.lower in ROLE_WORDS
    if not (is_portfolio_word(before.lower) or titled):
        return False
    after = position + 1
    while after < limit and after < position + 5 and _is_name_word(tokens[after]):
        if after > position + 1 and tokens[after].lower in ROLE_WORDS:
            named = after + 1 < limit and _is_name_word(tokens[after + 1])
            return named or not titled
        after += 1
    return False


def _joins_modifiers(tokens: list[Token], words: list[int], position: int, limit: int) -> bool:
    """Does "and" join modifiers of one head, as in "U.S. and Israeli officials"?"""
    if not words or any(tokens[word].base_lower in HEAD_KINDS for word in words):
        return False
    if position + 1 < limit and tokens[position + 1].lower in DETERMINERS:
        return False  # "Reuters and two people familiar with the matter": a second phrase
    following, _ = _collect(tokens, position + 1, limit)
    return bool(following) and tokens[following[-1]].lower in HEAD_KINDS


def _classify(tokens: list[Token], index: int, words: list[int], limit: int) -> Parsed | None:
    """Decide what the collected words name, and where the phrase ends."""
    head = _last_head(tokens, words)
    if head is None or _is_body_name(tokens, words) or _is_known_body(tokens, words):
        return _name(tokens, index, words, limit)
    if head == len(words) - 1:
        return _common(tokens, index, words, limit)
    trailing = [tokens[word] for word in words[head + 1 :]]
    named = _named_after_head(tokens, index, words, head, trailing)
    if named is not None:
        return named
    people = HEAD_KINDS.get(tokens[words[head]].lower) in {SourceKind.ANONYMOUS, SourceKind.OFFICIAL}
    if people and trailing[0].lower in {"of", "for"}:
        return _common(tokens, index, words[: head + 1], limit)  # "Residents of Mabira" are people
    if all(
        _is_name_word(token) or token.lower in _NAME_JOINERS or _is_titled_joiner(token) for token in trailing
    ):
        return _name(tokens, index, words, limit)
    return _common(tokens, index, words[: head + 1], limit)


def _named_after_head(
    tokens: list[Token], index: int, words: list[int], head: int, trailing: list[Token]
) -> Parsed | None:
    """A name after the noun that says what it is: an outlet ("news agency KCNA"), a person
    after a role ("correspondent Felicia Schwartz"), a body ("the union Havenbond")."""
    if _is_outlet_head(tokens, words, head) and all(_is_name_word(token) for token in trailing):
        return _outlet_after_description(tokens, index, words, head)
    person = _role_end(tokens, words, head, trailing)
    if person is not None:
        return _person_after_role(tokens, index, words, person)
    return _body_named_after_its_kind(tokens, index, words, head, trailing)


def _body_named_after_its_kind(
    tokens: list[Token], index: int, words: list[int], head: int, trailing: list[Token]
) -> Parsed | None:
    """ "the dockers' union Havenbond": a body named after what it is."""
    if HEAD_KINDS.get(tokens[words[head]].lower) is not SourceKind.ORGANIZATION:
        return None
    if not all(_is_name_word(token) for token in trailing):
        return None
    phrase = Phrase(
        tokens[index].start, trailing[-1].end, SourceKind.ORGANIZATION, _common_opener(tokens[index])
    )
    return Parsed((phrase,), words[-1] + 1)


def _role_end(tokens: list[Token], words: list[int], head: int, trailing: list[Token]) -> int | None:
    """Where a role before a person's name ends: "correspondent" in "correspondent Felicia
    Schwartz", "Information" in "Minister of Information Jamal Jarrah"; None if no role."""
    if tokens[words[head]].lower not in ROLE_WORDS:
        return None
    if all(_is_name_word(token) or token.lower in NAME_PARTICLES for token in trailing):
        return head
    return _role_object_end(tokens, words, head)


def _role_object_end(tokens: list[Token], words: list[int], head: int) -> int | None:
    """ "Minister of Information Jamal Jarrah": the index of the role's last word ("Information"),
    when "of" and a portfolio follow the role and at least two name words follow those."""
    number = head + 1
    if number >= len(words) or tokens[words[number]].lower != "of":
        return None
    number += 1
    if number < len(words) and tokens[words[number]].lower == "the":
        number += 1
    start = number
    while number < len(words) and tokens[words[number]].lower in _PORTFOLIO_WORDS:
        number += 1
    rest = [tokens[word] for word in words[number:]]
    if number == start or len(rest) < 2 or not all(_is_name_word(token) for token in rest):
        return None
    return number - 1


def _is_outlet_head(tokens: list[Token], words: list[int], head: int) -> bool:
    """ "state news agency", "the newspaper", "broadcaster": words that describe an outlet."""
    token = tokens[words[head]]
    low = token.lower
    if low in OUTLET_DESCRIPTIONS:
        # "the network X" describes an outlet; "Network Lines", all in capitals, is one name,
        # and so is "Anchorage Daily News": a capitalised word before it opens the title.
        return not (token.capitalised and (head == 0 or _opens_title(tokens[words[head - 1]])))
    return low == "agency" and head > 0 and tokens[words[head - 1]].lower in {"news", "press"}


def _opens_title(token: Token) -> bool:
    """ "Anchorage" in "Anchorage Daily News": a capitalised word, not an owner ("Kessa's")."""
    return token.capitalised and not token.possessive and token.type is TokenType.WORD


def _outlet_after_description(tokens: list[Token], index: int, words: list[int], head: int) -> Parsed:
    """ "North Korea's state news agency KCNA": the outlet, with its description in the words."""
    first_name = tokens[words[head + 1]]
    phrase = Phrase(
        start=tokens[index].start,
        end=tokens[words[-1]].end,
        kind=SourceKind.OUTLET,
        description=(tokens[index].start, tokens[words[head]].end),
        name_start=first_name.start,
    )
    return Parsed((phrase,), words[-1] + 1)


def _is_body_name(tokens: list[Token], words: list[int]) -> bool:
    """ "Office of the U.S. Trade Representative": a capitalised name opened by a body's word."""
    first = tokens[words[0]]
    return (
        first.capitalised
        and first.lower in ORGANIZATION_WORDS
        and len(words) > 2
        and not any(tokens[word].lower in ROLE_WORDS for word in words)  # "Senate Majority Leader X"
        and all(_is_name_word(tokens[word]) or tokens[word].lower in _NAME_JOINERS for word in words)
    )


def _last_head(tokens: list[Token], words: list[int]) -> int | None:
    if _ends_in_people_noun(tokens, words):
        return len(words) - 1  # "the two coalition partners", "a crane driver": the last noun heads
    for number, word in enumerate(words[:-1]):
        # "Officials of the Port Authority", "Members of the National Assembly": people of a body.
        people = HEAD_KINDS.get(tokens[word].lower) in {SourceKind.ANONYMOUS, SourceKind.OFFICIAL}
        if people and tokens[words[number + 1]].lower in {"of", "for"}:
            return number
    for number in range(len(words) - 1, -1, -1):
        token = tokens[words[number]]
        # A possessive head counts only at the end: "the ministry's" (statement said).
        low = token.base_lower if number == len(words) - 1 else token.lower
        if (low in HEAD_KINDS or low in ROLE_WORDS) and not (low == "channel" and token.capitalised):
            return number  # a capitalised "Channel" is a name's own word: "Channel 12"
    last = tokens[words[-1]]
    opens = len(words) == 1 and (words[0] == 0 or tokens[words[0] - 1].text in {".", "“", '"', ":"})
    if is_people_plural(last.lower) and (not last.capitalised or opens):
        return len(words) - 1  # "the dockers", "Growers in the valley" (not "Reuters")
    person = not last.capitalised and is_people_noun(last.lower)
    if person and len(words) <= 2 and _after_article(tokens, words[-1]):
        return len(words) - 1  # "a shopkeeper", "a first-time voter"
    return None


def _ends_in_people_noun(tokens: list[Token], words: list[int]) -> bool:
    """Whether a common noun for people ends the words after another noun that modifies it:
    "coalition partners", "a crane driver" (the list nouns ending them are heads already)."""
    last = tokens[words[-1]]
    if len(words) < 2 or last.capitalised or last.possessive or last.lower in HEAD_KINDS:
        return False
    if not tokens[words[-2]].lower.isalpha() or tokens[words[-2]].capitalised:
        return False
    return is_people_plural(last.lower) or (is_people_noun(last.lower) and _after_article(tokens, words[-1]))


def _common(tokens: list[Token], index: int, words: list[int], limit: int) -> Parsed:
    """A phrase ending in a head noun, with the tail that may follow it."""
    kind = head_kind(tokens, index, words)
    end_index = _postmodifier(tokens, words[-1] + 1, limit)
    person = _person_after_portfolio(tokens, index, words, end_index) or _person_after_placed_body(
        tokens, index, words, end_index, limit
    )
    if person is not None:
        return person
    phrase = Phrase(
        start=tokens[index].start,
        end=tokens[end_index - 1].end,
        kind=kind_in_context(tokens, words, end_index, kind),
        common_start=_common_opener(tokens[index]),
    )
    # "the Palestinian Authority (PA)", "the Under-Secretary-General for Humanitarian Affairs
    # (OCHA)": the acronym belongs to the phrase, after its tail too.
    return _with_acronym(tokens, Parsed((phrase,), end_index), limit)


_NOT_PORTFOLIO = STOPWORDS | DETERMINERS | _ARTICLES


def _after_capitalised_portfolio(tail: list[Token]) -> int:
    """ "of Coastal Administration Osric Belmane": the index after the word that closes a
    capitalised portfolio, or 1 when no such word leaves a name of two words after it."""
    ends = [n for n in range(1, len(tail)) if is_portfolio_word(tail[n].lower)]
    return ends[-1] + 1 if ends and len(tail) - ends[-1] - 1 >= 2 else 1


def _person_after_portfolio(tokens: list[Token], index: int, words: list[int], end: int) -> Parsed | None:
    """ "Permanent secretary for works Seru Tanoa", "Minister of reconciliation Clarisse Yakoma":
    a role, its portfolio in common words, then a person's name of two words or more."""
    role = tokens[words[-1]]
    tail = tokens[words[-1] + 1 : end]
    if role.lower not in ROLE_WORDS or len(tail) < 4 or tail[0].lower not in {"of", "for"}:
        return None
    first = len(tail)
    while first > 1 and _is_name_word(tail[first - 1]) and tail[first - 1].type is TokenType.WORD:
        first -= 1
    capitalised = first == 1  # "of Coastal Administration Osric Belmane": all in capitals
    if capitalised:
        first = _after_capitalised_portfolio(tail)
    portfolio = tail[1:first]
    common = all(
        t.lower.isalpha() and t.lower not in _NOT_PORTFOLIO and (capitalised or not t.capitalised)
        for t in portfolio
    )
    if len(tail) - first < 2 or not portfolio or not common:
        return None  # "a spokesman for the Velmar Port Authority": a body, not a portfolio
    phrase = Phrase(
        start=tokens[index].start,
        end=tail[-1].end,
        kind=SourceKind.NAMED_PERSON,
        description=(tokens[index].start, portfolio[-1].end),
        name_start=tail[first].start,
    )
    return Parsed((phrase,), end)


def _person_after_placed_body(
    tokens: list[Token], index: int, words: list[int], end: int, limit: int
) -> Parsed | None:
    """ "Director of the Centre for Border Studies in Velmar Orin Dask said": a role of a body,
    the place of the body (one word), then the person's name, running up to the verb."""
    role, after = tokens[words[-1]], words[-1] + 1
    if role.lower not in ROLE_WORDS or after + 4 > limit or tokens[after].lower not in {"of", "for"}:
        return None
    place = next((n for n in range(limit - 4, after + 1, -1) if tokens[n].lower == "in"), None)
    if place is None or any(token.punct for token in tokens[after:place]):
        return None
    rest = tokens[place + 1 : limit]
    if not all(_is_name_word(token) and token.type is TokenType.WORD for token in rest):
        return None
    phrase = Phrase(
        start=tokens[index].start,
        end=rest[-1].end,
        kind=SourceKind.NAMED_PERSON,
        description=(tokens[index].start, rest[0].end),
        name_start=rest[1].start,
    )
    return Parsed((phrase,), limit)


def _person_after_role(tokens: list[Token], index: int, words: list[int], head: int) -> Parsed:
    """ "Politico’s diplomatic correspondent Felicia Schwartz": the role describes the person."""
    first_name = tokens[words[head + 1]]
    last = tokens[words[-1]]
    described = (tokens[index].start, tokens[words[head]].end)
    outlet = _outlet_owner(tokens, index, words[head])
    role = tokens[words[head]].lower
    # "Mediators Egypt and Qatar": a plural role describes names that need not be people's.
    plural = role.endswith("s") and role[:-1] in ROLE_WORDS
    kind = (
        name_kind([tokens[word] for word in words[head + 1 :]], None)[0]
        if plural
        else SourceKind.NAMED_PERSON
    )
    # The role is part of the naming words ("Kremlin spokesman Dmitri Voronov"), unless it
    # names an outlet that is cited on its own ("Politico’s correspondent Felicia Schwartz").
    phrase = Phrase(
        start=first_name.start if outlet else tokens[index].start,
        end=last.end,
        kind=kind,
        description=described,
        outlet=outlet,
        name_start=None if outlet else first_name.start,
    )
    return Parsed((phrase,), words[-1] + 1)


def _outlet_owner(tokens: list[Token], start: int, stop: int) -> Span | None:
    """The outlet whose possessive opens a description: "Politico’s correspondent"."""
    for token in tokens[start:stop]:
        if token.possessive and token.capitalised and token.base_lower in OUTLET_NAMES:
            return token.start, token.base_end
    return None


def _name(tokens: list[Token], index: int, words: list[int], limit: int) -> Parsed | None:
    """A run of capitalised words: a person, an outlet or an organisation."""
    owned = _person_after_possessive(tokens, index, words)
    if owned is not None:
        return owned
    names = [tokens[word] for word in words]
    if _is_known_body(tokens, words):  # "Save the Children", "Médecins Sans Frontières"
        opener = _common_opener(tokens[index])
        body = Phrase(tokens[index].start, names[-1].end, SourceKind.ORGANIZATION, opener)
        return _with_acronym(tokens, Parsed((body,), words[-1] + 1), limit)
    joined = [
        t
        for t in names[1:]
        if not (
            _is_name_word(t) or t.lower in _NAME_JOINERS or t.text.isdigit() or t.text in _PROGRAMME_TAILS
        )
    ]
    if not all(_is_titled_joiner(t) for t in joined):
        return None
    if not _is_name_word(names[0]):
        return _modified_group(tokens, index, words)
    if (names[-1].possessive and words[-1] + 1 < limit) or _lone_common_word(tokens, words, limit):
        return None  # "Iran's foreign ministry": the possessive opens a longer phrase
    determiner = tokens[index] if index != words[0] else None
    phrase = _name_phrase(tokens[index], names, determiner)
    return _with_acronym(tokens, Parsed((phrase,), words[-1] + 1), limit)


def _lone_common_word(tokens: list[Token], words: list[int], limit: int) -> bool:
    """A capitalised word that opens a sentence and names no one: "Announcing the strikes, ...",
    "Surveys suggest ..."."""
    if len(words) != 1:
        return False
    return _opens_participle(tokens, words[0], limit) or tokens[words[0]].lower in _RECORDS_OF_NOBODY


_RECORDS_OF_NOBODY = frozenset(
    {
        *("surveys", "polls", "studies", "figures", "data", "reports", "estimates", "records"),
        *("documents", "images", "videos", "photos", "footage", "results", "tests", "analyses"),
        *("statements", "documents", "accounts", "projections", "forecasts", "models", "numbers"),
    }
)
"""Plural records that open a sentence with a capital and name no one: "Polls suggest ..."."""


def _opens_participle(tokens: list[Token], position: int, limit: int) -> bool:
    """A capitalised "-ing" word before a function word is a participle ("Speaking to"), not
    a name ("Beijing said", "Reading, the town,")."""
    low = tokens[position].lower
    nxt = position + 1
    return (
        low.endswith("ing")
        and len(low) > 5
        and nxt < limit
        and not tokens[nxt].capitalised
        and (tokens[nxt].lower in STOPWORDS or tokens[nxt].lower in DETERMINERS)
    )


def _modified_group(tokens: list[Token], index: int, words: list[int]) -> Parsed | None:
    """ "some progressive Democrats": a group named in the plural, after a determiner and a
    common word that narrows it (`_modifies_next` lets the common word in)."""
    last = tokens[words[-1]]
    if index == words[0] or len(words) != 2 or not (last.capitalised and last.lower.endswith("s")):
        return None
    phrase = Phrase(tokens[index].start, last.end, SourceKind.ORGANIZATION, _common_opener(tokens[index]))
    return Parsed((phrase,), words[-1] + 1)


def _person_after_possessive(tokens: list[Token], index: int, words: list[int]) -> Parsed | None:
    """ "the agency's Ilan Pardo", "Velmar's Ari Tal": a person named after whose they are."""
    owners = [number for number, word in enumerate(words[:-1]) if tokens[word].possessive]
    if not owners:
        return None
    last_owner = owners[-1]
    person = [tokens[word] for word in words[last_owner + 1 :]]
    if len(person) < 2 or not all(token.capitalised and token.type is TokenType.WORD for token in person):
        return None
    lowered = {token.lower for token in person}
    if lowered & (ORGANIZATION_WORDS | OUTLET_WORDS) or " ".join(sorted(lowered)) in OUTLET_NAMES:
        return None
    owner = tokens[words[last_owner]]
    outlet = None
    if owner.base_lower in OUTLET_NAMES:
        outlet = (owner.start, owner.base_end)
    elif owner.capitalised and owner.base_lower in OUTLET_WORDS:
        outlet = (tokens[words[0]].start, owner.base_end)  # "Velmar Radio's Ana Roe"
    phrase = Phrase(
        start=person[0].start if outlet else tokens[index].start,
        end=person[-1].end,
        kind=SourceKind.NAMED_PERSON,
        description=(tokens[index].start, owner.end),
        outlet=outlet,
        name_start=None if outlet else person[0].start,
    )
    return Parsed((phrase,), words[-1] + 1)


def _with_acronym(tokens: list[Token], parsed: Parsed, limit: int) -> Parsed:
    """ "the UN Office for the Coordination of Humanitarian Affairs (OCHA)": the acronym belongs."""
    position = parsed.next
    if position + 2 >= limit or tokens[position].text != "(":
        return parsed
    inner, closing = tokens[position + 1], tokens[position + 2]
    if closing.text != ")" or len(inner.text) < 2 or not inner.text.replace(".", "").isupper():
        return parsed
    (phrase,) = parsed.phrases
    kind = phrase.kind if phrase.kind is not None else SourceKind.ORGANIZATION
    widened = Phrase(phrase.start, closing.end, kind, phrase.common_start, phrase.description, phrase.outlet)
    return Parsed((widened,), position + 3)


def _name_phrase(opener: Token, names: list[Token], determiner: Token | None) -> Phrase:
    kind, own_capital = name_kind(names, determiner)
    common = own_capital and _common_opener(opener)
    return Phrase(opener.start, names[-1].end, kind, common)


def _common_opener(token: Token) -> bool:
    return token.capitalised and token.type is TokenType.WORD and token.lower in _COMMON_OPENERS


def _postmodifier(tokens: list[Token], position: int, limit: int) -> int:
    """The index after a tail such as "familiar with the negotiations", or ``position``."""
    if position >= limit:
        return position
    low = tokens[position].lower
    if low == "who":
        return _relative_clause(tokens, position, limit)
    if low == "involved":  # "two individuals involved (in the talks)"
        after = position + 1
        if after < limit and tokens[after].lower in {"in", "with"}:
            return _tail(tokens, after + 1, limit) or after
        return after
    lead = _lead_end(tokens, position, limit)
    if lead is None or (lead < limit and tokens[lead].lower in TIME_WORDS):
        return position  # "the union on Friday said": a time is no part of the phrase
    return _tail(tokens, lead, limit) or position


def _lead_end(tokens: list[Token], position: int, limit: int) -> int | None:
    """The index after the words that open a tail: "from", "familiar with", "with knowledge of"."""
    low = tokens[position].lower
    if low in _ONE_WORD_LEADS:
        return position + 1
    words = [token.lower for token in tokens[position + 1 : min(limit, position + 4)]]
    if _is_participle_lead(tokens[position]) and words[:1] and words[0] in _PLACE_LEADS:
        return position + 2  # "a woman waiting at the airport", "families living near the dam"
    if (
        _is_participle_lead(tokens[position])
        and words[:1]
        and (words[0] in _OBJECT_OPENERS or words[0].isdigit())
    ):
        return position + 1  # "a banker advising the committee", "the union representing about 850 workers"
    follower = _TWO_WORD_LEADS.get(low)
    if follower is not None:
        return position + 2 if words[:1] == [follower] else None
    if low == "with":
        if words[:1] == ["direct"]:
            words, position = words[1:], position + 1
        if words[:2] == ["knowledge", "of"]:
            return position + 3
    return None


def _is_participle_lead(token: Token) -> bool:
    """A participle that places people ("waiting", "living", "working"), not one that reports."""
    low = token.lower
    return low.endswith("ing") and len(low) > 5 and not token.capitalised and low not in _NOT_PLACING


_PLACE_LEADS = _ONE_WORD_LEADS | {"outside", "near"}
_OBJECT_OPENERS = _ARTICLES | frozenset({"about", "some", "nearly", "roughly", "around", "almost", "more"})
"""Words that open the object of a participle in a tail: "representing about 850 workers"."""
_NOT_PLACING = frozenset(
    {
        "speaking",
        "talking",
        "saying",
        "writing",
        "adding",
        "asking",
        "requesting",
        "citing",
        "declining",
        "referring",
        "giving",
        "according",
        "noting",
        "insisting",
        "arguing",
        "warning",
        "stressing",
        "claiming",
        "during",
        "including",
        "following",
        "regarding",
        "concerning",
        "pending",
    }
)
"""Participles that do not place their subject: they report, or they are prepositions."""


def _relative_clause(tokens: list[Token], position: int, limit: int) -> int:
    """ "who voted in favour" when it runs, unbroken, right up to ``limit`` (the speech verb).

    Only a clause that ends at the verb is taken: "members who voted in favour said" names
    its source, while in "officials who were there" a following verb may belong elsewhere.
    """
    end = position + 1
    if end >= limit or tokens[end].lower in _PRONOUNS or tokens[end].punct:
        return position
    while end < limit and end - position <= _RELATIVE_MAX_WORDS:
        if tokens[end].punct:
            # "a diplomat who asked not to be named, ...": a clause that keeps the source unnamed
            # belongs to it wherever it ends.
            anonymous = any(token.lower in _ANONYMITY for token in tokens[position:end])
            return end if anonymous else position
        end += 1
    return end if end == limit else position


_ANONYMITY = frozenset({"named", "identified", "anonymity", "anonymously"})
"""Words of a relative clause that keeps its source unnamed: "who asked not to be named"."""


def _tail(tokens: list[Token], position: int, limit: int) -> int | None:
    """The index after the object of a tail ("the negotiations"), or None when there is none."""
    if position < limit and tokens[position].lower in _TAIL_DETERMINERS | _OBJECT_OPENERS:
        position += 1  # "the negotiations", "about 850 workers"
    count = 0
    while position < limit and count < _TAIL_MAX_WORDS:
        token = tokens[position]
        if token.text == "," and _name_list_follows(tokens, position, limit):
            position += 1
            continue
        if token.punct:
            break
        if _joins_name_in_tail(tokens, position, limit):
            position += 1  # "at the International Council for the Exploration of the Sea"
            continue
        if token.lower == "and":
            # "officials from Egypt and Turkey" but not "sources ... and one U.S. official".
            previous = tokens[position - 1]
            nxt = tokens[position + 1] if position + 1 < limit else None
            if previous.text.endswith("-") and position + 1 < limit:
                position += 2  # "the trade- and tax-focused committee": one modifier, shared
                continue
            if not (previous.capitalised and nxt is not None and _name_after_and(tokens, position, limit)):
                break
            position += 1  # "Ways and Means": inside a name, like "of", it is not counted
            continue
        if (
            token.lower in {"of", "with", "for"}
            and count
            and position + 1 < limit
            and tokens[position + 1].lower not in STOPWORDS
            and (token.lower != "for" or _capitalised_next(tokens, position + 1, limit))
        ):
            pass  # "prisoners of war", "a meeting with the minister", "agency for Palestinian refugees"
        elif token.lower in STOPWORDS or (_looks_finite(token) and not _graded(tokens[position - 1])):
            break  # "delegates from small island states walked out": the verb ends the tail
        position += 1
        count += 1
    return position if count else None


def _capitalised_next(tokens: list[Token], position: int, limit: int) -> bool:
    """Whether a name follows, after "the" or not: "for Palestinian refugees", "for the UN"."""
    if tokens[position].lower == "the" and position + 1 < limit:
        position += 1
    return tokens[position].capitalised and not tokens[position].punct


def _joins_name_in_tail(tokens: list[Token], position: int, limit: int) -> bool:
    """ "of", "for" or "the" inside a capitalised name, which a tail's word count leaves out."""
    low = tokens[position].lower
    if low not in {"of", "for", "the"} or position + 1 >= limit or not position:
        return False
    previous, nxt = tokens[position - 1], tokens[position + 1]
    if low == "the":
        return previous.lower in {"of", "for"} and nxt.capitalised and not nxt.punct
    if not previous.capitalised or previous.punct:
        return False
    if nxt.capitalised and not nxt.punct:
        return True
    return nxt.lower == "the" and position + 2 < limit and tokens[position + 2].capitalised


def _graded(token: Token) -> bool:
    """ "least developed", "newly elected": an "-ed" word after these is an adjective."""
    return token.lower in {"least", "most", "less", "more", "well", "newly", "recently"}


def _looks_finite(token: Token) -> bool:
    """A lower-case past-tense verb or a reporting verb, which no tail runs across."""
    if token.capitalised:
        return False
    low = token.lower
    return (low.endswith("ed") and len(low) > 4) or low in VERB_FORMS or low in IRREGULAR_PAST


def _name_after_and(tokens: list[Token], position: int, limit: int) -> bool:
    """Whether a name follows the "and" at ``position``, with or without "the": "Egypt and
    Turkey", "Vessa, Ostmark and the United States"."""
    after = position + 1
    if after < limit and tokens[after].text == "the":
        # "and the United States": "the" before a place of more than one word, not before a
        # body or an outlet that may speak on its own ("and the Ostmark Times reported")
        words = " ".join(token.lower for token in tokens[after + 1 : min(limit, after + 4)])
        return any(words.startswith(place) for place in PLACE_NAMES)
    return after < limit and _is_name_word(tokens[after])


def _name_list_follows(tokens: list[Token], comma: int, limit: int) -> bool:
    """ "from France, Britain and Germany": a comma between names that an "and" closes."""
    if not tokens[comma - 1].capitalised:
        return False
    position = comma + 1
    while position < min(limit, comma + 8):
        token = tokens[position]
        if token.lower == "and":
            return _name_after_and(tokens, position, limit)
        if not (_is_name_word(token) or token.text == ","):
            return False
        position += 1
    return False


def _apposition(tokens: list[Token], parsed: Parsed, limit: int) -> Parsed | None:
    """ "the agency’s chief negotiator, Tomas Brandt," is the person, described by the role."""
    (phrase,) = parsed.phrases
    comma = parsed.next
    body = phrase.kind is SourceKind.ORGANIZATION and not _is_name_word(tokens[_token_at(tokens, phrase.end)])
    if phrase.kind not in {SourceKind.OFFICIAL, SourceKind.ANONYMOUS} and not body:
        return None
    if phrase.description is not None or comma + 1 >= limit or tokens[comma].text != ",":
        return None
    named = _phrase(tokens, comma + 1, limit)
    if named is None or len(named.phrases) != 1:
        return None
    (person,) = named.phrases
    ends_aside = named.next >= limit or tokens[named.next].punct
    # "the state mining company, Minval, said": a body is named between commas.
    closed = named.next < limit and tokens[named.next].text == "," if body else ends_aside
    if person.kind not in {SourceKind.NAMED_PERSON, None} or person.description is not None or not closed:
        return None
    merged = Phrase(
        start=person.start,
        end=person.end,
        kind=SourceKind.ORGANIZATION if body else SourceKind.NAMED_PERSON,
        description=(phrase.start, phrase.end),
    )
    return Parsed((merged,), named.next)


def _token_at(tokens: list[Token], end: int) -> int:
    """The index of the token that ends at offset ``end``."""
    for number, token in enumerate(tokens):
        if token.end == end:
            return number
    return 0
