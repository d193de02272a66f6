"""Gather the mentions of a whole briefing into distinct sources with stable ids.

One `Source` per entity, with the other names the text uses for it in `Source.aliases`:

* the same phrase repeated (ignoring case, a leading article and titles such as "Mr" or
  "President") is one source cited several times;
* a surname after the full name ("Greenway" after "Robert Greenway"), or the full name
  after a lone surname, is the same person;
* a definite description ("the official", "the sources", "the ministry") is the nearest
  earlier source whose name holds all its words, with the same head noun in the same number;
  a role ("the formateur") is also the nearest person named with that role ("formateur
  Elske Brandt", "Elske Brandt, the formateur,");
* a pronoun ("he said", "it said in a statement") is the nearest compatible speaker cited
  in the same section not long before (a person for he/she, a body for it, people for
  they); with no such speaker it is left alone, and never linked across a section.

Titles are stripped for matching only: the source keeps its name as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from briefing_tui.analysis.sources import Mention
from briefing_tui.analysis.vocabulary import (
    GENERIC_BODIES,
    HEAD_KINDS,
    NAME_PARTICLES,
    OUTLET_SYNONYMS,
    POSTMODIFIER_LEADS,
    ROLE_WORDS,
)
from briefing_tui.ingest.structure import slugify
from briefing_tui.model import Attribution, AttributionVia, Source, SourceKind

__all__ = ["SourceRegistry", "source_key"]

_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+")
_TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|prof|professor|sir|dame|sheikh|president|prime minister|minister|"
    r"senator|sen|rep|gov|gen|general|col|colonel|lt|adm|admiral|judge|king|queen|prince|emir)"
    r"\.?\s+)+"
)
_PERSON_KINDS = frozenset({SourceKind.NAMED_PERSON, SourceKind.OFFICIAL, SourceKind.ANONYMOUS})
_BODY_KINDS = frozenset({SourceKind.ORGANIZATION, SourceKind.OUTLET})
_PARTITIVE = re.compile(
    r"^(?:one|two|three|four|five|some|several|most|many|few|each|another) of (?:the|its|their) (.+)$"
)
"""A part of a group named before: "one of the diplomats" (the group is what follows "of the")."""
_COUNTED = re.compile(r"^(?:two|three|four|five|six|seven|eight|nine|ten|\d+) (\w+s)$")
"""A group counted by a number ("three officials"): the plural is the group's earlier name."""
_NEWS_AGENCY = re.compile(r"^(?:the )?([A-Z][\w-]+) (?:news agency|news service|wire service)$")
"""An agency named with its noun: "the Reuters news agency", "Reuters news service" is also plain Reuters."""
_REPEATERS = frozenset({"same", "said"})
"""Words that only say a description repeats an earlier source: "the same source"."""
_PRONOUN_REACH = 3
"""How many paragraphs back (this one included) a pronoun may find its speaker."""


def source_key(name: str) -> str:
    """What makes two names the same source: case, spacing, apostrophes, an article and titles aside."""
    folded = " ".join(name.replace("’", "'").casefold().split())
    return _TITLES.sub("", _LEADING_ARTICLE.sub("", folded)) or folded


@dataclass(slots=True)
class _Entry:
    id: str
    name: str
    kind: SourceKind
    description: str | None
    key: str
    aliases: list[str] = field(default_factory=list)
    head: str | None = None
    """The head noun of a common-noun name ("sources"), for definite descriptions."""
    guessed: bool = False
    """Its kind is a guess: a lone capitalised word never seen as a surname ("Netanyahu")."""

    @property
    def plural(self) -> bool:
        return self.head is not None and self.head.endswith("s") and not self.head.endswith("ss")


class SourceRegistry:
    """Turns each paragraph's mentions into attributions while collecting the sources."""

    def __init__(
        self,
        surnames: Callable[[], frozenset[str]],
        full_names: Callable[[frozenset[str]], Mapping[str, str]] = lambda _: {},
    ) -> None:
        """``surnames`` lists words seen as the last word of a personal name, and ``full_names``
        the full name the text gives each of them (see `full_names_in`); both asked for lazily."""
        self._surnames = surnames
        self._known_surnames: frozenset[str] | None = None
        self._full_names = full_names
        self._known_full_names: Mapping[str, str] | None = None
        self._by_key: dict[str, _Entry] = {}
        self._by_surname: dict[str, _Entry] = {}
        self._owned: dict[tuple[str, str], _Entry] = {}
        """A person's office or camp by (owner's surname, body): see `_owned_key`."""
        self._owner_of: dict[str, tuple[str, str]] = {}
        self._ids: set[str] = set()
        self._order: list[_Entry] = []
        self._recent: list[_Entry] = []
        """Sources cited so far, most recent last, for definite descriptions."""
        self._speakers: list[tuple[int, _Entry]] = []
        """(paragraph number, source) cited in the current section, for pronouns."""
        self._paragraph = 0

    def prepare(self) -> None:
        """Ask for the surnames and full names now rather than when first needed: for a
        caller with time to spare now (`two_processes` while its second process starts)."""
        if self._known_full_names is None:
            self._known_full_names = self._full_names(self._surnames_known())

    def start_section(self) -> None:
        """A new section begins: pronouns never reach back across it."""
        self._speakers.clear()

    def cite(self, mentions: Iterable[Mention]) -> tuple[Attribution, ...]:
        """Attributions for one paragraph's mentions, registering sources not seen before."""
        self._paragraph += 1
        attributions: list[Attribution] = []
        for mention in mentions:
            found = self._linked(mention)
            if found is None:
                continue  # a pronoun with no clear speaker: leave it alone
            entry, via = found
            self._speakers.append((self._paragraph, entry))
            self._recent.append(entry)
            attributions.append(
                Attribution(source_id=entry.id, start=mention.start, end=mention.end, via=via)
            )
        return tuple(attributions)

    def _linked(self, mention: Mention) -> tuple[_Entry, AttributionVia] | None:
        """The source a mention names, and how; None for a pronoun with no clear antecedent."""
        if mention.pronoun is None:
            return self._entry(mention)
        if mention.antecedent is not None:
            return self._entry(mention.antecedent)[0], AttributionVia.PRONOUN
        entry = self._antecedent(mention.pronoun)
        return None if entry is None else (entry, AttributionVia.PRONOUN)

    def sources(self) -> tuple[Source, ...]:
        """Every source registered so far, in order of first citation."""
        return tuple(
            Source(
                id=entry.id,
                name=entry.name,
                kind=entry.kind,
                description=entry.description,
                aliases=_distinct_aliases(entry),
            )
            for entry in self._order
        )

    def _entry(self, mention: Mention) -> tuple[_Entry, AttributionVia]:
        """The source a named mention is, registering it when new."""
        owned = self._owned_key(mention)
        if owned is None:
            return self._plain_entry(mention)
        known = self._owned.get(owned)
        if known is None:
            entry, via = self._plain_entry(mention)
            self._owned.setdefault(owned, entry)
            self._owner_of.setdefault(entry.id, owned)
            return entry, via
        entry = _joined_owned(known, mention, self._by_key)
        return entry, AttributionVia.NAME if source_key(mention.name) == entry.key else AttributionVia.ALIAS

    def _owned_key(self, mention: Mention) -> tuple[str, str] | None:
        """ "Netanyahu's office", "Prime Minister Ana Roe's office", "his office": (the owner's
        surname, the body), so that one person's office is one source under all its names."""
        if mention.kind is not SourceKind.ORGANIZATION:
            return None
        owned = _OWNED.match(source_key(mention.name))
        if owned is None:
            return None
        if owned["pronoun"]:
            return self._nearest_owner(owned["body"])
        owner = owned["owner"] or owned["owner_of"] or owned["owner_before"]
        body = owned["body"] or owned["body_of"] or owned["body_after"]
        written = mention.name.replace("’", "'")
        at = written.casefold().rfind(owner)  # the owner must be written as a name
        return (owner, body) if at >= 0 and written[at].isupper() else None

    def _nearest_owner(self, body: str) -> tuple[str, str] | None:
        """Whose "his office" it is: the named person cited last in this section, or the owner
        of the same body cited last ("Erel's office said ... On Friday, his office said ...")."""
        for paragraph, entry in reversed(self._speakers):
            if self._paragraph - paragraph >= _PRONOUN_REACH:
                return None
            if entry.kind is SourceKind.NAMED_PERSON:
                return entry.key.split()[-1], body
            owned = self._owner_of.get(entry.id)
            if owned is not None and owned[1] == body:
                return owned
        return None

    def _plain_entry(self, mention: Mention) -> tuple[_Entry, AttributionVia]:
        key = source_key(mention.name)
        entry = self._by_key.get(key)
        if entry is None and mention.kind in {None, SourceKind.NAMED_PERSON}:
            entry = self._by_surname.get(key) or self._lone_surname_of(key) or self._family_name_first(key)
        if entry is None and mention.name.casefold().startswith(("the ", "this ", "that ")):
            entry = self._described(key, mention.kind) or self._generic(key)
        part = _PARTITIVE.match(mention.name.casefold()) if entry is None else None
        if part is not None:  # "one of the diplomats" after "two diplomats familiar with the talks"
            entry = self._described(source_key(part.group(1)), mention.kind) or self._counted(
                source_key(part.group(1)), mention.kind
            )
        if entry is None:
            entry = self._counted(key, mention.kind)
        if entry is None:
            entry = self._spelled_out(mention.name) or self._same_outlet(mention)
        if entry is None:
            spelled = self._initials_seen(mention)
            if spelled is not None:  # "the European Union" after "the EU": the full name leads
                spelled.aliases.append(spelled.name)
                spelled.name, spelled.key = mention.name, key
                self._by_key[key] = spelled
                return spelled, AttributionVia.NAME
        if entry is None:
            return self._new_entry(key, mention)
        if entry.description is None and mention.description:
            entry.description = mention.description
        if _fuller_name(entry, key, mention):
            entry.aliases.append(entry.name)  # "Hella Vane" after "Ms Vane": the fullest name leads
            entry.name, entry.key = _without_acronym(mention.name)[0], key
            self._by_key[key] = entry
            return entry, AttributionVia.NAME
        if key == entry.key:
            return entry, AttributionVia.NAME
        known = {source_key(alias) for alias in entry.aliases}
        if key != entry.key and key not in known:
            entry.aliases.append(mention.name)
        self._by_key.setdefault(key, entry)
        return entry, AttributionVia.ALIAS

    def _new_entry(self, key: str, mention: Mention) -> tuple[_Entry, AttributionVia]:
        """A source not seen before; a lone surname is named by the full name the text gives it."""
        full = self._full_name(key, mention)
        if full is None:
            return self._register(key, mention), AttributionVia.NAME
        entry = self._register(source_key(full), replace(mention, name=full, kind=SourceKind.NAMED_PERSON))
        entry.aliases.append(mention.name)
        self._by_key[key] = entry
        return entry, AttributionVia.ALIAS

    def _full_name(self, key: str, mention: Mention) -> str | None:
        """ "Tembo" cited alone after "Minister Xavier Tembo" signed: the name the text gave him."""
        if " " in key or mention.kind not in {None, SourceKind.NAMED_PERSON}:
            return None
        if mention.kind is None and self._lone_word_kind(key) is not SourceKind.NAMED_PERSON:
            return None
        if self._known_full_names is None:
            self._known_full_names = self._full_names(self._surnames_known())
        return self._known_full_names.get(key)

    def _counted(self, key: str, kind: SourceKind | None) -> _Entry | None:
        """ "Three officials said" after "officials said": the same group, now counted."""
        counted = _COUNTED.match(key)
        entry = self._by_key.get(counted.group(1)) if counted is not None else None
        return entry if entry is not None and entry.kind is kind else None

    def _lone_surname_of(self, key: str) -> _Entry | None:
        """ "Benjamin Netanyahu" after a lone "Netanyahu": the full name joins the earlier source."""
        words = key.split()
        if len(words) < 2:
            return None
        entry = self._by_key.get(words[-1])
        if entry is None or entry.kind is not SourceKind.NAMED_PERSON:
            return None
        return entry

    def _family_name_first(self, key: str) -> _Entry | None:
        """ "Wu" after "Vice Foreign Minister Wu Dawei": a lone word that is the first of the
        two words of exactly one person's name, where the family name comes first; never when
        it is any person's last word too."""
        if " " in key:
            return None
        found = [
            entry
            for entry in self._order
            if entry.kind is SourceKind.NAMED_PERSON
            and len(entry.key.split()) == 2
            and entry.key.split()[0] == key
        ]
        return found[0] if len(found) == 1 else None

    def _described(self, key: str, kind: SourceKind | None) -> _Entry | None:
        """ "the official" after "an Israeli official", "the union" after "the dockers' union
        HavenBond": every word of it in the earlier name (or its description), same kind of source.
        """
        words = [word for word in key.split() if word not in _REPEATERS]  # "the same source"
        if kind is None or kind is SourceKind.NAMED_PERSON or _head(words) is None:
            return None
        wanted = {_singular(word) for word in words}
        people = kind in _PERSON_KINDS
        for entry in reversed(self._recent):
            if (entry.kind in _PERSON_KINDS) != people:
                continue
            if entry.kind is SourceKind.NAMED_PERSON:
                if _holds_role(entry, wanted, words):
                    return entry  # "the formateur" after "formateur Elske Brandt"
                continue
            earlier = entry.key.split()
            known = {_singular(word) for word in earlier}
            heads = {_singular(word) for word in _before_tail(earlier)}
            if entry.description:
                described = {_singular(word) for word in source_key(entry.description).split()}
                known, heads = known | described, heads | described
            # The head must name the earlier source itself, not a word of its tail: "the prime
            # minister" is not "a source in the Prime Minister's Office".
            head = _singular(_head(words) or "")
            if wanted <= known and head in heads and (entry.plural == _is_plural(words) or not people):
                return entry
        return None

    def _spelled_out(self, name: str) -> _Entry | None:
        """ "the ICRC" after "the International Committee of the Red Cross": the initials."""
        acronym = _LEADING_ARTICLE.sub("", name.replace("’", "'")).replace(".", "")
        if len(acronym) < 2 or not acronym.isupper() or not acronym.isalpha():
            return None  # "the EU" after "the European Union", "the U.N." after "the United Nations"
        for entry in reversed(self._order):
            if entry.kind is SourceKind.ORGANIZATION and _initials(entry.name) == acronym:
                return entry
        return None

    def _initials_seen(self, mention: Mention) -> _Entry | None:
        """A body cited before by the initials of this name: "the EU" before "the European Union"."""
        if mention.kind is not SourceKind.ORGANIZATION:
            return None
        initials = _initials(_LEADING_ARTICLE.sub("", mention.name))
        if len(initials) < 2:
            return None
        dotted = "".join(f"{letter}." for letter in initials)  # "the U.N." before "the United Nations"
        entry = self._by_key.get(initials.casefold()) or self._by_key.get(dotted.casefold())
        return entry if entry is not None and entry.kind is SourceKind.ORGANIZATION else None

    def _same_outlet(self, mention: Mention) -> _Entry | None:
        """ "AP" and "The Associated Press", "NPA" after "the Northern Press Agency": one outlet
        under its name and its initials, either first, or under two names of `OUTLET_SYNONYMS`."""
        if mention.kind not in {None, SourceKind.OUTLET}:
            return None
        key = source_key(mention.name)
        synonym = OUTLET_SYNONYMS.get(key)
        for entry in reversed(self._order):
            if entry.kind is not SourceKind.OUTLET:
                continue
            if synonym is not None and OUTLET_SYNONYMS.get(entry.key) == synonym:
                return entry
            if _abbreviates(mention.name, entry.name) or (
                mention.kind is SourceKind.OUTLET and _abbreviates(entry.name, mention.name)
            ):
                return entry
        return None

    def _generic(self, key: str) -> _Entry | None:
        """ "the organisation", "the group" alone: the body cited just before in this section."""
        if key not in GENERIC_BODIES:
            return None
        for paragraph, entry in reversed(self._speakers):
            if self._paragraph - paragraph >= _PRONOUN_REACH:
                return None
            if entry.kind is SourceKind.ORGANIZATION:
                return entry
        return None

    def _antecedent(self, pronoun: str) -> _Entry | None:
        """The nearest compatible speaker of the current section, not too far back."""
        for paragraph, entry in reversed(self._speakers):
            if self._paragraph - paragraph >= _PRONOUN_REACH:
                return None
            if _fits(pronoun, entry):
                return entry
            if pronoun in {"he", "she"} and entry.guessed:
                # "Netanyahu said he would ...": "he" shows the lone word is a person's name.
                entry.kind, entry.guessed = SourceKind.NAMED_PERSON, False
                return entry
        return None

    def _register(self, key: str, mention: Mention) -> _Entry:
        kind = mention.kind if mention.kind is not None else self._lone_word_kind(key)
        name, acronym = _without_acronym(mention.name)
        if acronym:
            key = source_key(name)
        words = key.split()
        head = _head(words) if kind is not SourceKind.NAMED_PERSON else None
        entry = _Entry(self._new_id(key), name, kind, mention.description, key, head=head)
        entry.guessed = mention.kind is None and kind is SourceKind.ORGANIZATION
        if kind is SourceKind.ORGANIZATION:
            shorter = _shorter_names(name)
            entry.aliases.extend(shorter)
            for alias in shorter:  # "HavenBond said" later is the union named before
                self._by_key.setdefault(source_key(alias), entry)
        agency = _NEWS_AGENCY.match(name) if kind is SourceKind.OUTLET else None
        if agency is not None:  # "Reuters said" after "the Reuters news agency reported"
            entry.aliases.append(agency.group(1))
            self._by_key.setdefault(source_key(agency.group(1)), entry)
        if acronym:
            entry.aliases.append(acronym)  # "the ICRC" later is the same body
            self._by_key.setdefault(source_key(acronym), entry)
            self._by_key.setdefault(source_key(mention.name), entry)
        self._by_key[key] = entry
        self._order.append(entry)
        if kind is SourceKind.NAMED_PERSON and len(words) > 1:
            for surname in _surnames_of(words):
                self._by_surname.setdefault(surname, entry)
        return entry

    def _lone_word_kind(self, key: str) -> SourceKind:
        """A lone capitalised word is a person when the text uses it as a surname, else a body."""
        if key in self._surnames_known():
            return SourceKind.NAMED_PERSON
        return SourceKind.ORGANIZATION

    def _surnames_known(self) -> frozenset[str]:
        if self._known_surnames is None:
            self._known_surnames = self._surnames()
        return self._known_surnames

    def _new_id(self, key: str) -> str:
        """A slug of the name without its leading article, made unique with a number."""
        base = slugify(key) or "source"
        candidate, suffix = base, 1
        while candidate in self._ids:
            suffix += 1
            candidate = f"{base}-{suffix}"
        self._ids.add(candidate)
        return candidate


_OWNED = re.compile(
    r"^(?:(?:(?P<pronoun>his|her)|.*?\b(?P<owner>[\w-]+)'s?) "
    r"(?P<body>office|camp|administration|government|team|campaign|cabinet)"
    r"|(?P<body_of>office|camp|administration|government|team|campaign|cabinet)"
    r" of .*?\b(?P<owner_of>[\w-]+)"
    r"|(?:.*? )?(?P<owner_before>[\w-]+) (?P<body_after>administration|camp|campaign))$"
)
"""A body a person owns, by the owner's name or a pronoun: "netanyahu's office", "his camp",
"office of prime minister benjamin netanyahu", "the trump administration"."""


def _joined_owned(entry: _Entry, mention: Mention, by_key: dict[str, _Entry]) -> _Entry:
    """The owned body ``entry``, now also named by ``mention``; a name leads a pronoun ("his
    office") and a fuller name a shorter one. A renamed entry is filed under its new key too,
    so that a later plain mention of the new name finds it."""
    key = source_key(mention.name)
    if key == entry.key:
        return entry
    pronoun_led = entry.key.startswith(("his ", "her "))
    if pronoun_led or (key.endswith(" " + entry.key) and len(key) > len(entry.key)):
        entry.aliases.append(entry.name)
        entry.name, entry.key = mention.name, key
        by_key[key] = entry
    elif key not in {source_key(alias) for alias in entry.aliases}:
        entry.aliases.append(mention.name)
    return entry


def _surnames_of(words: list[str]) -> list[str]:
    """The ways a full name may be cut to its surname: "groot" and "de groot" for "niek de groot"."""
    found = [words[-1]]
    start = len(words) - 1
    while start > 1 and words[start - 1] in NAME_PARTICLES:
        start -= 1
        found.append(" ".join(words[start:]))
    return found


def _holds_role(entry: _Entry, wanted: set[str], words: list[str]) -> bool:
    """Whether a named person's description holds every word of a singular role ("the
    formateur", "the chief negotiator"): the role stands for the person named with it."""
    if entry.description is None or _is_plural(words) or not any(word in ROLE_WORDS for word in words):
        return False
    return wanted <= {_singular(word) for word in source_key(entry.description).split()}


def _fuller_name(entry: _Entry, key: str, mention: Mention) -> bool:
    """Whether a person's mention names them more fully than the name kept so far."""
    if entry.kind is not SourceKind.NAMED_PERSON or mention.kind is not SourceKind.NAMED_PERSON:
        return False
    words, known = key.split(), entry.key.split()
    return len(words) > len(known) and words[-len(known) :] == known


_TAIL_LEADS = POSTMODIFIER_LEADS | {"who", "which", "that"}


def _before_tail(words: list[str]) -> list[str]:
    """The words of a common-noun name before its tail: "a source" of "a source in the office"."""
    for number, word in enumerate(words):
        if number and word in _TAIL_LEADS and _head(words[:number]) is not None:
            return words[:number]
    return words


def _head(words: list[str]) -> str | None:
    """The first head noun of a common-noun name: "sources" in "two sources familiar with it"."""
    for word in words:
        if word in HEAD_KINDS:
            return word
    return None


_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z.&-]+)\)$")


def _without_acronym(name: str) -> tuple[str, str | None]:
    """ "the UN Office for ... Affairs (OCHA)" → the name, and "OCHA" as an alias."""
    match = _ACRONYM.search(name)
    if match is None:
        return name, None
    return name[: match.start()], match.group(1)


def _distinct_aliases(entry: _Entry) -> tuple[str, ...]:
    """The entry's other names, each once (by `source_key`), never its own name again."""
    seen = {source_key(entry.name)}
    kept: list[str] = []
    for alias in entry.aliases:
        key = source_key(alias)
        if key not in seen:
            seen.add(key)
            kept.append(alias)
    return tuple(kept)


def _shorter_names(name: str) -> list[str]:
    """A body's name without what only places it: "Ukraine's Coordination Headquarters" →
    "Coordination Headquarters", "the opposition Democratic Path party" → "Democratic Path party";
    and the acronym a body is named by before its common nouns ("Kessa's KIS intelligence
    agency" → "KIS")."""
    words = name.split()
    return _without_place(words, name) + _acronym_before_nouns(words)


def _acronym_before_nouns(words: list[str]) -> list[str]:
    """ "KIS" of "Kessa's KIS intelligence agency": the one acronym, with only common nouns after it."""
    acronyms = [number for number, word in enumerate(words) if _is_acronym(word)]
    if len(acronyms) != 1 or acronyms[0] == len(words) - 1:
        return []
    after = words[acronyms[0] + 1 :]
    return [words[acronyms[0]]] if all(word.islower() for word in after) else []


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isalpha() and word.isupper()


def _without_place(words: list[str], name: str) -> list[str]:
    trailing = len(words)
    while trailing and words[trailing - 1][:1].isupper():
        trailing -= 1
    if 0 < trailing < len(words) and words[trailing - 1] in HEAD_KINDS:
        return [" ".join(words[trailing:])]  # "the dockers' union HavenBond" → "HavenBond"
    for number, word in enumerate(words[:-1]):
        if word[:1].isupper() and (number or word.endswith(("'s", "’s"))):
            rest = words[number + 1 :] if word.endswith(("'s", "’s")) else words[number:]
            shorter = " ".join(rest)
            return [shorter] if shorter != name and rest and rest[0][:1].isupper() else []
    return []


def _initials(name: str) -> str:
    """The capitals that open a name's words: "International Committee of the Red Cross" → "ICRC"."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is written as the initials of the words of ``full`` ("AP" of "The
    Associated Press", "AFP" of "Agence France-Presse"); two letters at least."""
    letters = _LEADING_ARTICLE.sub("", short.replace("’", "'")).replace(".", "")
    if len(letters) < 2 or not letters.isupper() or not letters.isalpha():
        return False
    words = _LEADING_ARTICLE.sub("", full).replace("-", " ").split()
    return len(words) == len(letters) and _initials(" ".join(words)) == letters


def _singular(word: str) -> str:
    """A word without a possessive or plural ending, for comparing names: "employers'" → "employer"."""
    word = word.removesuffix("'s").removesuffix("'")
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def _is_plural(words: list[str]) -> bool:
    head = _head(words)
    return head is not None and head.endswith("s") and not head.endswith("ss")


def _fits(pronoun: str, entry: _Entry) -> bool:
    """Whether ``pronoun`` may stand for ``entry``: he/she a person, it a body, they people."""
    if pronoun in {"he", "she"}:
        return entry.kind in _PERSON_KINDS and not entry.plural
    if pronoun == "it":
        return entry.kind in _BODY_KINDS and not entry.plural
    return entry.plural and entry.kind in _PERSON_KINDS
