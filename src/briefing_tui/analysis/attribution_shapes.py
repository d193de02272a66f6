"""The table of attribution shapes: every way a sentence names who said what, with an example.

`sources.find_mentions` compiles the anchors of this table into one pattern, and at each
anchor it finds, tries the shapes of that anchor in table order. A shape says on which
side of the anchor the source stands, what must come before or after it, and what kind
the source must be. Nothing about a shape lives in control flow: to teach the finder a new
shape, add a row.

Anchors are word classes from `reporting_verbs`:

* ``verb``: a reporting verb in any tense ("said", "says", "has said", "had warned");
* ``told``: "told", "tells", "tell", whose object may be an outlet ("told AFP");
* ``quoted_as``: "quoted as saying" (the passive "X was quoted as saying");
* ``quoted``: "quoted" or "cited" with an object ("state media quoted X as saying", "the
  radio, which cited a police source");
* ``statement``: "released a statement", "issued a statement" and the like;
* ``cue``: a phrase before the source ("according to", "citing", "a copy seen by");
* ``channel``: a phrase before the outlet a source spoke through ("in an interview with",
  "confirmed to", "speaking to");
* ``quoted_by``: "quoted by", "cited by", between a source and the outlet that quotes it;
* ``colon``: a colon opening a quotation ("X: “...”");
* ``saying``: a participle after a comma or a dash (", saying", " – claiming") whose
  speaker is the subject of the sentence;
* ``quote_end``: the end of a quotation ("...,” ") with nothing but its speaker after it:
  "“We will not give up,” the harbour master.";
* ``bare_colon``: a colon after a speaker who opens the paragraph, as in a transcript or a
  live blog: "Ana Roe: We will stay until the end."
* ``voice``: the collective voice of a joint statement, a capitalised plural body
  ("the Ministers", "The two Delegations") before a past verb: whatever it "recalled",
  "agreed" or "instructed" is the statement's own word (docs/labelling.md).

What may stand between a subject and its verb (an auxiliary, a time, an aside between
commas or dashes, a relative clause) is listed in `GAPS`, and what may follow a source
that comes after its verb ("said X in Gaza") in `TAILS`; `sources` reads both.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from briefing_tui.model import SourceKind

__all__ = ["GAPS", "REFUSALS", "SHAPES", "TAILS", "Anchor", "Gap", "Shape", "Side"]


class Anchor(Enum):
    """The class of words a shape is anchored on."""

    VERB = "verb"
    TOLD = "told"
    QUOTED_AS = "quoted_as"
    QUOTED = "quoted"
    STATEMENT = "statement"
    CUE = "cue"
    CHANNEL = "channel"
    QUOTED_BY = "quoted_by"
    COLON = "colon"
    SAYING = "saying"
    QUOTE_END = "quote_end"
    BARE_COLON = "bare_colon"
    VOICE = "voice"
    WITH_SAYING = "with_saying"


class Side(Enum):
    """Where the words naming the source stand relative to the anchor."""

    BEFORE = "before"
    """The subject: "officials said"."""
    AFTER = "after"
    """The object or the inverted subject: "according to X", "said X"."""


@dataclass(frozen=True, slots=True)
class Shape:
    """One way of naming a source, read at an anchor."""

    name: str
    """Identifier, for tests and documentation."""
    example: str
    """A sentence of this shape; the unit tests check that it yields its source."""
    anchor: Anchor
    """The words the shape is found by."""
    side: Side
    """Where the source stands."""
    pronoun: bool = False
    """The source is a pronoun ("he said"), to be resolved to an earlier speaker."""
    after_mark: bool = False
    """The anchor must follow a comma, a closing quote or a dash: "“...,” said X"."""
    then: str = ""
    """Words that must follow the source ("as saying" in "quoted X as saying")."""
    opener: str = ""
    """Words that must stand between the anchor and the source ("on" in "said on Harbour Radio")."""
    kinds: frozenset[SourceKind] | None = None
    """Only sources of these kinds count ("told AFP" names an outlet, "told reporters" none)."""
    fallback: bool = False
    """Tried only when no earlier shape of the same anchor found a source."""
    follows: bool = False
    """Tried only when an earlier shape of the same anchor found a source: "state radio" quotes
    only when "quoted Ivo Marek as saying" was read after it."""
    passive: bool = False
    """The verb may be passive: "X was quoted as saying"."""
    sentence: bool = False
    """The source is the subject the sentence opens with, not the words next to the anchor:
    "Fitch kept the rating and said ...", "Republicans walked out, saying ..."."""
    conjoined: bool = False
    """The anchor must follow "and" or "but": a second verb of the same subject."""
    opens_clause: bool = False
    """The source must open its clause: in "X told our reporter: “...”" the reporter is an object;
    a pronoun before a colon must open its sentence ("She: “...”", not "so did they: “...”")."""
    named: bool = False
    """The source must be written as a name, its last word capitalised: "told Harbour Radio"
    names an outlet as the channel, "told state radio" only a medium."""
    setting: bool = False
    """The source opens the sentence, and where or how it spoke follows after a comma, up to
    the colon: "Eva Lind, speaking outside the family home: “...”"."""
    agent: bool = False
    """The verb is passive and the source is its agent, after "by": "was confirmed by officials"."""
    voice: bool = False
    """The anchor's own words are the source: "The Ministers recalled ..."."""
    with_subject: bool = False
    """The source stands between "with" and the participle: "talks ended, with mediators saying
    a deal was close" (an absolute clause has its own subject, not the sentence's)."""
    alone: bool = False
    """No verb: the source stands alone by its quotation and must fill the words up to the
    end of the sentence ("“...,” the minister.") or from the start of the paragraph to the
    colon ("Ana Roe: ..."); a description after a comma may follow a source after a quote."""


_PEOPLE = frozenset({SourceKind.NAMED_PERSON, SourceKind.OFFICIAL, SourceKind.ANONYMOUS})

SHAPES: tuple[Shape, ...] = (
    Shape("pronoun_verb", "“We are close,” she said.", Anchor.VERB, Side.BEFORE, pronoun=True),
    Shape("subject_verb", "Harbour officials said the port would reopen.", Anchor.VERB, Side.BEFORE),
    Shape(
        "verb_subject",
        "“It is over,” said Lena Korhonen in Tampere.",
        Anchor.VERB,
        Side.AFTER,
        after_mark=True,
        fallback=True,
    ),
    Shape(
        "verb_pronoun",
        "“It is over,” said he.",
        Anchor.VERB,
        Side.AFTER,
        pronoun=True,
        after_mark=True,
        fallback=True,
    ),
    Shape(
        "verb_on_outlet",
        "Ari Tal said on Harbour Radio's breakfast programme that the gap was narrow.",
        Anchor.VERB,
        Side.AFTER,
        follows=True,
        opener="on",
        kinds=frozenset({SourceKind.OUTLET}),
        named=True,
    ),
    Shape(
        "verb_to_outlet",
        "The ministry confirmed to Harbour Radio that the talks had resumed.",
        Anchor.VERB,
        Side.AFTER,
        follows=True,
        opener="to",
        kinds=frozenset({SourceKind.OUTLET}),
        named=True,
    ),
    Shape(
        "passive_agent",
        "The figures were confirmed to us by harbour officials.",
        Anchor.VERB,
        Side.AFTER,
        passive=True,
        agent=True,
    ),
    Shape(
        "coordinated_verb",
        "Fitch kept the rating and said the outlook was stable.",
        Anchor.VERB,
        Side.BEFORE,
        fallback=True,
        sentence=True,
        conjoined=True,
    ),
    Shape("pronoun_told", "He told reporters the vote was close.", Anchor.TOLD, Side.BEFORE, pronoun=True),
    Shape(
        "subject_told", "A port source on Friday told Harbour Radio it was shut.", Anchor.TOLD, Side.BEFORE
    ),
    Shape(
        "told_outlet",
        "A port source told Harbour Radio it was shut.",
        Anchor.TOLD,
        Side.AFTER,
        kinds=frozenset({SourceKind.OUTLET}),
        named=True,
    ),
    Shape(
        "pronoun_quoted_as",
        "He was quoted as saying the line would hold.",
        Anchor.QUOTED_AS,
        Side.BEFORE,
        pronoun=True,
        passive=True,
    ),
    Shape(
        "quoted_as_saying",
        "The governor was quoted as saying the line would hold.",
        Anchor.QUOTED_AS,
        Side.BEFORE,
        passive=True,
    ),
    Shape(
        "quoted_object",
        "State radio quoted Ivo Marek as saying the line would hold.",
        Anchor.QUOTED,
        Side.AFTER,
        then="as saying",
    ),
    Shape(
        "cited_source",
        "Harbour Radio, which cited a police source, said the quay was shut.",
        Anchor.QUOTED,
        Side.AFTER,
        fallback=True,
        kinds=frozenset({SourceKind.OFFICIAL, SourceKind.ANONYMOUS, SourceKind.OUTLET}),
    ),
    Shape(
        "quoting_subject",
        "State radio quoted Ivo Marek as saying it would hold.",
        Anchor.QUOTED,
        Side.BEFORE,
        follows=True,
    ),
    Shape(
        "pronoun_statement",
        "It released a statement saying the mill would close.",
        Anchor.STATEMENT,
        Side.BEFORE,
        pronoun=True,
    ),
    Shape(
        "statement_saying",
        "The mill workers' union released a statement saying it would strike.",
        Anchor.STATEMENT,
        Side.BEFORE,
    ),
    Shape(
        "cue_source", "According to a source briefed on the talks, the gap is narrow.", Anchor.CUE, Side.AFTER
    ),
    Shape(
        "cue_pronoun",
        "According to him, the gap is narrow.",
        Anchor.CUE,
        Side.AFTER,
        pronoun=True,
        fallback=True,
    ),
    Shape(
        "channel_outlet",
        "Ari Tal said in an interview with Harbour Radio that the gap was narrow.",
        Anchor.CHANNEL,
        Side.AFTER,
        kinds=frozenset({SourceKind.OUTLET}),
        named=True,
    ),
    Shape(
        "quoted_by_outlet",
        "Ari Tal was quoted by Harbour Radio as saying the gap was narrow.",
        Anchor.QUOTED_BY,
        Side.AFTER,
    ),
    Shape(
        "quoted_by_subject",
        "Ari Tal was quoted by Harbour Radio as saying the gap was narrow.",
        Anchor.QUOTED_BY,
        Side.BEFORE,
        passive=True,
    ),
    Shape(
        "pronoun_colon",
        "She: “Both sides have moved.”",
        Anchor.COLON,
        Side.BEFORE,
        pronoun=True,
        opens_clause=True,
    ),
    Shape(
        "colon_quote",
        "Korhonen: “The hard part starts now.”",
        Anchor.COLON,
        Side.BEFORE,
        kinds=frozenset({*_PEOPLE}),
        opens_clause=True,
    ),
    Shape(
        "speaker_setting_colon",
        "Harbour master Ivo Marek, speaking after the vote: “The quay stays shut.”",
        Anchor.COLON,
        Side.BEFORE,
        fallback=True,
        setting=True,
        kinds=frozenset({*_PEOPLE}),
    ),
    Shape(
        "sentence_colon_quote",
        "Commissioner Ilse Varga played it down on Monday: “We are in a dialogue.”",
        Anchor.COLON,
        Side.BEFORE,
        fallback=True,
        sentence=True,
        kinds=frozenset({*_PEOPLE}),
    ),
    Shape(
        "quote_then_speaker",
        "“We will not give up,” the harbour master, Ivo Marek.",
        Anchor.QUOTE_END,
        Side.AFTER,
        alone=True,
        kinds=frozenset({*_PEOPLE, SourceKind.ORGANIZATION}),
    ),
    Shape(
        "speaker_colon",
        "Ana Roe: We will stay until the end.",
        Anchor.BARE_COLON,
        Side.BEFORE,
        alone=True,
        kinds=frozenset({SourceKind.NAMED_PERSON, SourceKind.OFFICIAL}),
    ),
    Shape(
        "collective_voice",
        "The Delegations agreed to set the catch at 21,500 tonnes.",
        Anchor.VOICE,
        Side.AFTER,
        voice=True,
    ),
    Shape(
        "with_subject_saying",
        "Talks ended late, with harbour officials saying a deal was close.",
        Anchor.WITH_SAYING,
        Side.BEFORE,
        with_subject=True,
    ),
    Shape(
        "participle_saying",
        "The retailers' federation urged both sides to return, saying stocks were low.",
        Anchor.SAYING,
        Side.BEFORE,
        sentence=True,
    ),
)
"""Every shape, in the order they are tried at an anchor."""


@dataclass(frozen=True, slots=True)
class Gap:
    """Words that may stand between a subject and its verb."""

    name: str
    example: str


GAPS: tuple[Gap, ...] = (
    Gap("auxiliary", "Iran's clerical establishment has said ... / officials had earlier warned"),
    Gap("adverb", "Officials privately acknowledged ..."),
    Gap("time", "A security source on Friday told AFP ... / the army late on Monday said"),
    Gap("comma_aside", "Mohamed Nasr, the lead negotiator from Egypt, said ... (the aside describes him)"),
    Gap("relative_aside", "Hamid Qadi, who heads the committee, said ..."),
    Gap("dash_aside", "The ministry — which runs the crossings — said ..."),
    Gap("relative_clause", "Arab countries which back the plan said ..."),
    Gap("numbered_apposition", "One, Finance Minister Ilan Vered, said ... (the aside is the source)"),
    Gap("anonymity", "An official speaking on condition of anonymity said ..."),
    Gap("contacted", "Residents reached by phone described ... / two officials contacted by AFP said"),
    Gap("partitive", "Two of the new owners say ... (the part of the group is the source)"),
    Gap("opening_phrase", "At one point Republicans walked out, saying ... (no comma after the opener)"),
)
"""What `sources` skips between a subject and its verb, with an example of each."""

REFUSALS: tuple[Gap, ...] = (
    Gap("time_stamp", "10:42 GMT - Ana Roe: We stay. (the time is skipped before the speaker's colon)"),
    Gap("agent_of_a_thing", "A video released by the presidency showed ... (the video shows; nobody speaks)"),
    Gap("made_public", "The names were published by the ministry. (an act, not speech)"),
    Gap("records_that_show", "a video / map / list released by X (no record cue: they show, not say)"),
    Gap("correlative", 'Both Velmar and Tor said ... ("both" is no part of the first name)'),
    Gap("listed_second_verb", "Velmar and Tor swapped prisoners and said ... (one source per body listed)"),
    Gap("outlet_initials", "AP after The Associated Press (one outlet: OUTLET_SYNONYMS, initials)"),
)
"""Readings added or refused for issue #13 (fifth study), each with its example."""

TAILS = frozenset(
    [
        "in",
        "at",
        "on",
        "during",
        "after",
        "before",
        "from",
        "to",
        "late",
        "earlier",
        "later",
        "last",
        "this",
        "while",
        "when",
        "as",
        "by",
        "via",
        "outside",
        "inside",
        "near",
        "speaking",
        "talking",
        "writing",
        "adding",
        "referring",
    ]
)
"""Words that may follow a source standing after its verb: "said Abd Rabbo in Khan Younis",
"said an envoy speaking at the summit"."""
