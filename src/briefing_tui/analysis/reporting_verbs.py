"""The words that report speech: verbs in every tense, and the statement phrases around them.

Data only; `attribution_shapes` says where each kind of word stands relative to its source.
Every verb is listed by its lemma with a *frame*, which says what must follow it before it
counts as reporting (so that "Israel announced the plan" and "the army found tunnels" stay
actions, while "announced that" and "found that" report)::

    SPEECH   any follower:             "said", "told", "wrote"
    CLAUSE   a clause, not an object:  "warned that", "noted,", "insisted the deal ..."
    OBJECT   an object then "of"/"as": "accused Israel of", "described the talks as"

Inflections are generated (``say`` → says, saying; irregular past forms are written out),
so "has said", "had said", "is saying" and "was quoted as saying" all reach the same entry:
auxiliaries in front of a verb are read by the shape, not listed here.
"""

from __future__ import annotations

from enum import Enum

__all__ = [
    "AUXILIARIES",
    "BASE_FORMS",
    "CHANNEL_PHRASES",
    "COLLECTIVE_MODIFIERS",
    "COLLECTIVE_VOICES",
    "CUE_PHRASES",
    "DECLINED_ACTS",
    "FEELING_NOUNS",
    "IRREGULAR_PAST",
    "PARTICIPLES",
    "PRESENT_TENSE",
    "QUOTED_BY_PHRASES",
    "STATEMENT_ADJUNCTS",
    "VERB_FORMS",
    "Frame",
    "lexicon_size",
]


class Frame(Enum):
    """What must follow a reporting verb for it to report what someone said."""

    SPEECH = "speech"
    """Always reports: "said", "told"."""
    CLAUSE = "clause"
    """Reports a clause or a quotation, not a plain object: "announced that"."""
    OBJECT = "object"
    """Reports through an object and "of" or "as": "accused X of", "described X as"."""
    DECLINE = "decline"
    """Reports a refusal to speak: "declined to comment", "refused to say"."""
    NAMING = "naming"
    """Reports by what it calls something: "called it a betrayal", "called the deal “fragile”"."""
    THAT = "that"
    """A present form that is often a noun ("reports", "fears"): reports only before "that"."""
    PUT_IT = "put_it"
    """Reports only as "put it": "as one diplomat put it", "she put it bluntly"."""
    FEELING = "feeling"
    """Reports a stance through its noun: "expressed concern", "voiced their satisfaction"."""
    QUESTION = "question"
    """Reports a question, not a request: "“Who buys my calves?” he asked.", "asked whether"
    (but "asked mediators to step in" and "asked that there be no celebrations" are acts)."""


def _verbs(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# lemma or "lemma/past/participle" for an irregular verb.
_SPEECH = _verbs(
    "say/said/said tell/told/told write/wrote/written tweet post quip remark comment reply retort "
    "answer exclaim shout whisper mutter murmur joke muse sigh plead testify "
    "swear/swore/sworn reiterate repeat state/stated/stated document publish cry read/read/read"
)
_REPORT = _verbs(
    "announce confirm deny claim report warn note acknowledge reveal disclose stress emphasise "
    "emphasize reaffirm affirm underline underscore admit allege assert declare concede complain "
    "highlight dismiss describe welcome slam verify"
)
"""Verbs that report whatever follows them, an object included: "confirmed the deaths",
"announced the deal" (docs/labelling.md counts them as attributions)."""
_CLAUSE = _verbs(
    "add announce warn confirm deny emphasise emphasize stress note explain caution insist argue "
    "predict estimate admit concede acknowledge reveal disclose claim allege assert contend "
    "maintain declare report indicate suggest find/found/found complain lament recall observe "
    "vow pledge promise threaten boast concur counter reaffirm affirm advise recommend "
    "hint imply signal forecast conclude believe think/thought/thought expect hope fear "
    "worry doubt speculate clarify elaborate attest underline underscore highlight "
    "reckon recount detail outline confess refute rebut dispute contest contradict correct "
    "guarantee anticipate alert counsel instruct proclaim publish mention posit theorise theorize "
    "surmise infer deduce reason presume suspect urge demand stipulate specify "
    "respond rule charge protest object project calculate show/showed/shown assess judge determine "
    "pronounce decree stipulate insinuate opine summarise summarize relay convey dismiss inform"
)
_OBJECT = _verbs(
    "accuse describe blame criticise criticize praise condemn characterise characterize dub "
    "label brand credit thank fault name deplore decry denounce hail lambast rebuke "
    "castigate commend deride"
)

_DECLINE = _verbs("decline refuse")
_FEELING = _verbs("express voice raise")

FEELING_NOUNS = frozenset(
    _verbs(
        "concern concerns satisfaction appreciation regret hope hopes support gratitude confidence "
        "doubt doubts disappointment frustration alarm sympathy condolences solidarity thanks "
        "opposition reservations optimism scepticism skepticism dismay outrage anger readiness "
        "commitment determination willingness objections fears fear unease"
    )
)
"""Nouns after "expressed", "voiced", "raised" that make the verb report a stance."""
_NAMING = _verbs("call term")
_QUESTION = _verbs("ask wonder")
_PHRASAL_LEMMAS = ("point out", "make clear", "make it clear", "make the remark", "make the comment")
_PHRASAL = (
    *("point out", "points out", "pointed out"),
    *("make clear", "makes clear", "made clear", "make it clear", "makes it clear", "made it clear"),
)
"""Verbs of more than one word, with every form written out: "trade lawyers point out that",
"the ministry made clear that" (a clause must follow, as for `_CLAUSE`)."""
_REMARKS = tuple(
    f"{verb} the {noun}"
    for verb in ("made", "makes", "make")
    for noun in ("remark", "remarks", "comment", "comments")
)
"""Phrases whose object is the speech itself: "Zarif made the remark from the balcony"."""
_THAT_ONLY: tuple[str, ...] = ()
"""Verbs that report only before "that" (none now: the labels count "the Parties agreed that"
as the act of agreeing, not as speech)."""
_PUT_IT = _verbs("put/put/put")
"""Verbs that report only as "put it" or "put the figure at": "as one diplomat put it"."""

DECLINED_ACTS = frozenset(
    [
        "comment",
        "provide",
        "confirm",
        "deny",
        "say",
        "elaborate",
        "discuss",
        "give",
        "disclose",
        "specify",
        "answer",
        "respond",
        "detail",
        "speak",
        "name",
        "release",
        "share",
        "identify",
        "be",
    ]
)
"""What "declined to ..." must refuse for the verb to name a source: "declined to comment"."""

AUXILIARIES = frozenset(
    [
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "can",
        "shall",
        "did",
        "does",
        "do",
        "not",
        "never",
        "n't",
        "also",
        "later",
        "earlier",
        "then",
        "again",
        "previously",
        "separately",
        "reportedly",
        "publicly",
        "privately",
        "repeatedly",
        "once",
        "further",
        "initially",
        "subsequently",
        "already",
        "still",
        "just",
        "first",
        "last",
        "quickly",
        "swiftly",
        "immediately",
        "recently",
    ]
)
"""Words that may stand between a subject and its verb: "has said", "had earlier warned"."""


IRREGULAR_PAST = frozenset(
    _verbs(
        "gave took made came went met held sent left kept began won lost put set led brought bought "
        "sought fought thought spoke wrote drew grew knew threw flew broke chose rose fell stood "
        "struck hit cut ran sat saw paid laid meant felt heard built spent lent dealt"
    )
)
"""Past forms of common irregular verbs: no noun phrase runs across one ("farmers in the
valley gave a guarded welcome"), as none runs across a verb ending in "-ed"."""

PARTICIPLES = (
    "saying",
    "adding",
    "noting",
    "arguing",
    "warning",
    "insisting",
    "stressing",
    "claiming",
    "explaining",
    "complaining",
    "asserting",
    "acknowledging",
    "admitting",
    "conceding",
    "contending",
    "declaring",
    "predicting",
    "cautioning",
    "telling",
    "announcing",
    "confirming",
    "denying",
    "stating",
    "blaming",
    "accusing",
    "quipping",
    "alleging",
    "lamenting",
    "remarking",
    "reiterating",
    "emphasising",
    "emphasizing",
    "pointing out",
    "making clear",
)
"""Participles after a comma or a dash that report for the subject of the sentence: "the union
walked out, saying ...", "Kyiv condemned the plan – claiming ..." ("proposing" and "calling
for" are actions, not speech, and are left out)."""

PRESENT_TENSE = frozenset(
    [
        "say",
        "read",  # "the statement reads": only a document reads (`sources`)
        "tell",
        "write",
        "warn",
        "add",
        "insist",
        "argue",
        "believe",
        "think",
        "expect",
        "predict",
        "estimate",
        "acknowledge",
        "admit",
        "concede",
        "deny",
        "claim",
        "explain",
        "confirm",
        "stress",
        "emphasise",
        "emphasize",
        "suggest",
        "accuse",
        "describe",
        "recall",
        "maintain",
        "contend",
        "assert",
        "caution",
        "urge",
        "announce",
        "reveal",
        "reaffirm",
        "reiterate",
        "welcome",
        "underline",
        "underscore",
        "condemn",
        "commend",
        "call",
        "express",
        "put",
    ]
)
"""Verbs whose present forms ("says", "warn", "claims": a press review's "the Courier claims")
count too; for the rest ("reports", "fears", "states") the present form is more often a noun
than a verb, so only the past counts."""


def _inflections(entry: str) -> tuple[str, ...]:
    """The forms of a verb entry that report: "say/said/said" or the regular "warn".

    The -ing form is left to the shapes that read it ("quoted as saying", "a statement saying"):
    on its own ("..., saying the talks were over") it has no subject of its own to name.
    """
    lemma, *irregular = entry.split("/")
    past, participle = irregular if irregular else (_past(lemma), _past(lemma))
    present = (lemma, _third_person(lemma)) if lemma in PRESENT_TENSE else ()
    return tuple(dict.fromkeys((*present, past, participle)))


def _third_person(lemma: str) -> str:
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _past(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ied"
    if lemma in _DOUBLING:
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


_DOUBLING = frozenset(["admit", "quip", "refer", "prefer", "regret", "commit", "concur", "slam"])


def _forms(entries: tuple[str, ...], frame: Frame) -> dict[str, Frame]:
    return {form: frame for entry in entries for form in _inflections(entry)}


VERB_FORMS: dict[str, Frame] = {
    **_forms(_OBJECT, Frame.OBJECT),
    **_forms(_CLAUSE, Frame.CLAUSE),
    **_forms(_DECLINE, Frame.DECLINE),
    **_forms(_NAMING, Frame.NAMING),
    **_forms(_FEELING, Frame.FEELING),
    **_forms(_THAT_ONLY, Frame.THAT),
    **_forms(_PUT_IT, Frame.PUT_IT),
    **_forms(_QUESTION, Frame.QUESTION),
}
VERB_FORMS.update(dict.fromkeys(_PHRASAL, Frame.CLAUSE))
VERB_FORMS.update(dict.fromkeys(_REMARKS, Frame.SPEECH))
VERB_FORMS.update(_forms(_REPORT, Frame.SPEECH))
VERB_FORMS.update(_forms(_SPEECH, Frame.SPEECH))
for _entry in _CLAUSE:
    _lemma = _entry.split("/")[0]
    for _form in (_lemma, _third_person(_lemma)):
        VERB_FORMS.setdefault(_form, Frame.THAT)  # "the secretariat reports that"
"""Every inflected reporting verb, lower case, and the frame it needs; speech verbs win ties."""

BASE_FORMS = frozenset(_PHRASAL_LEMMAS) | frozenset(
    entry.split("/")[0]
    for entries in (
        *(_SPEECH, _REPORT, _CLAUSE, _OBJECT, _DECLINE, _NAMING, _FEELING, _THAT_ONLY, _PUT_IT),
        _QUESTION,
    )
    for entry in entries
)
"""The lemma of every verb: after "to" it is an infinitive ("declined to say"), not a past."""

_BASE_CUES: tuple[str, ...] = (
    "according to",
    "citing",
    "quoting",
    "as quoted by",
    "as cited by",
    "as reported by",
    "reported by",
    "in the words of",
    "as told to",
    "a statement from",
    "a statement by",
    "a statement issued by",
    "a statement released by",
    "a statement published by",
    "the statement from",
    "a joint statement from",
    "joint statement by",
    "joint statement from",
    "statement by",
    "a joint statement by",
    "a report by",
    "a report from",
    "seen by",
    "obtained by",
    "reviewed by",
    "a copy seen by",
    "a document seen by",
    "a draft seen by",
    "a letter seen by",
    "a memo seen by",
    "a text seen by",
    "a proposal seen by",
    "documents seen by",
    "a readout from",
    "a note by",
    "a note from",
    "a study by",
    "a survey by",
    "an analysis by",
    "research by",
    "data from",
    "figures from",
    "estimates by",
    "a tally by",
    "a readout of the call from",
    "a communique from",
    "a letter from",
    "a memo from",
    "a filing by",
    "a poll by",
    "data published by",
    "figures published by",
    "data released by",
    "figures released by",
    *("press release from", "press release by", "news release from", "press release sent by"),
    *("remark was made by", "remarks were made by", "comment was made by", "comments were made by"),
    "statement sent by",
)
_RECORD_CUES = tuple(
    f"{article} {record} {verb} by"
    for article in ("a", "the")
    for record in (
        *("summary", "report", "document", "letter", "memo", "readout", "note", "proposal"),
        *("fact sheet", "press release", "communique", "transcript", "timeline"),
    )  # not "a video", "a map" or "a list released by": they show, and their owner says nothing
    for verb in ("released", "issued", "published", "circulated", "sent", "drawn up")
)
CUE_PHRASES = tuple(dict.fromkeys((*_BASE_CUES, *_RECORD_CUES)))
"""Phrases that come right before the words naming a source: "according to a senior official",
"a summary released by" (a record and the one who put it out)."""

CHANNEL_PHRASES = (
    "in an interview with",
    "an interview with",
    "in comments to",
    "in remarks to",
    "in a statement to",
    "in an email to",
    "speaking to",
    "speaking with",
    "spoke to",
    "spoke with",
    "talking to",
    "writing in",
    "in an article for",
    "in an op-ed for",
    "in an op-ed in",
    *("a report in", "a report by", "a report from", "reports in", "an article in"),
)
"""Phrases before the outlet a source spoke through: "said in an interview with the BBC"."""

COLLECTIVE_VOICES = (
    *("Ministers", "Delegations", "Governments", "Signatories", "Leaders"),
    *("Co-Chairs", "Presidents", "Mediators", "Heads of State", "Heads of Delegation", "Participants"),
    *("Foreign Ministers", "Trade Ministers", "Finance Ministers", "Central Banks", "mediating States"),
    "signatories",
)
"""The collective voice of a joint statement, capitalised as such texts write it ("the Ministers
recalled", "The Delegations agreed"); "signatories" is never a name, so its case does not matter.
"The Parties" and "the Sides" are left out: in a communique of mediators they are the
parties to the conflict, who act ("The Parties agreed to withdraw") rather than speak."""
COLLECTIVE_MODIFIERS = ("two", "three", "four", "five", "six", "mediating", "participating", "contracting")
"""Words between "the" and a collective voice: "The two Governments", "the mediating States"."""

QUOTED_BY_PHRASES = ("quoted by", "cited by", "reported by")
"""(A phrase here must not begin with a verb form whose other uses matter: the longest
anchor wins, so "reported by" takes the place of "reported" wherever both could match.)"""
"""Phrases between a source and the outlet quoting it: "officials cited by Reuters said"."""

STATEMENT_ADJUNCTS = (
    "in a statement",
    "in a joint statement",
    "in a written statement",
    "in an emailed statement",
    "in a televised address",
    "in a televised speech",
    "in a speech",
    "in an interview",
    "in a post",
    "in a social media post",
    "in a briefing",
    "in a news briefing",
    "at a news conference",
    "at a press conference",
    "at a briefing",
    "in remarks",
    "in comments",
    "in a letter",
    "in a report",
    "on social media",
    "on condition of anonymity",
    "told reporters",
    "told journalists",
    "released a statement saying",
    "issued a statement saying",
    "put out a statement saying",
    "was quoted as saying",
    "were quoted as saying",
    "is quoted as saying",
    "a spokesperson for",
    "a spokesman for",
    "a spokeswoman for",
    "declined to comment",
    "did not respond to a request for comment",
)
"""Phrases that go with a reporting verb or stand for one ("released a statement saying");
listed for the lexicon's size and the documentation, and read by the shapes that need them."""


def lexicon_size() -> tuple[int, int]:
    """How many distinct verbs (by lemma) and statement phrases the lexicon holds."""
    phrases = {*CUE_PHRASES, *STATEMENT_ADJUNCTS, *CHANNEL_PHRASES, *QUOTED_BY_PHRASES}
    return len(BASE_FORMS), len(phrases)
