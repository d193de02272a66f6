"""The word classes the kind features read, and the headings that name a kind.

These are grammatical classes, not cue phrases with weights: "a modal verb", "a verb of
bargaining", "a noun that names a deal". Whether such a word leans a paragraph towards one
kind or another is learned from the labelled corpus (see `kind_learning`); this module only
says which words belong to which class. Words are lower case, as the features see them.
"""

from __future__ import annotations

from briefing_tui.model import SectionKind

__all__ = [
    "DEAL_NOUNS",
    "HEADING_PATTERNS",
    "KIND_PRIORITY",
    "MODALS",
    "NEGOTIATION_VERBS",
    "PARTY_NOUNS",
    "PROVISION_VERBS",
    "STOPWORDS",
    "TIME_UNITS",
    "WORD_CLASSES",
]

KIND_PRIORITY = (
    SectionKind.OPEN_QUESTIONS,
    SectionKind.TERMS,
    SectionKind.IMPLEMENTATION,
    SectionKind.NEGOTIATIONS,
    SectionKind.BACKGROUND,
)
"""Which kind wins a tie: the more specific one."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MODALS = _words("will would must shall could may might should can cannot won't wouldn't can't mustn't")
"""Modal verbs; each is a feature of its own ('modal "will"')."""

DEAL_NOUNS = _words(
    "deal agreement accord plan text contract treaty framework settlement pact package law bill "
    "decision resolution memorandum arrangement truce ceasefire scheme regulation protocol charter "
    "declaration statement proposal offer"
)
"""Nouns that name a deal or a document: the subject of "the deal provides" or "under the accord"."""

PARTY_NOUNS = _words(
    "side sides negotiators negotiator delegation delegations mediators mediator union unions "
    "management employers employer government governments officials ministers minister envoy envoys "
    "parties party team leaders leader administration companies company they"
)
"""Nouns (and a pronoun) that name a party to talks: the subject of "the union rejected"."""

NEGOTIATION_VERBS = _words(
    "negotiate negotiated negotiating negotiates propose proposed proposes proposing offer offered "
    "offering offers reject rejected rejecting rejects demand demanded demanding demands insist "
    "insisted insisting insists refuse refused refusing refuses urge urged urging press pressed "
    "pressing push pushed pushing pushes seek sought seeking seeks mediate mediated mediating broker "
    "brokered brokering concede conceded conceding counter countered bargain bargained bargaining "
    "haggle haggled lobby lobbied lobbying meet met meets resume resumed resuming stall stalled "
    "balk balked object objected oppose opposed opposes soften softened harden hardened signal "
    "signalled signaled threaten threatened threatens walked accept accepted accepts agree agreed "
    "agrees discuss discussed discussing talked held hold holds convened"
)
PROVISION_VERBS = _words(
    "provides provide includes include requires require allows allow sets grants grant gives give "
    "calls commits commit obliges caps cap raises raise covers cover establishes establish says "
    "stipulates guarantees guarantee extends extend lets freezes freeze ensures entitles bars bans "
    "creates create limits limit phases sees envisages foresees lifts lift cuts cut reduces reduce"
)
_HEDGES = _words(
    "unclear uncertain uncertainty whether possible possibly perhaps likely unlikely appears appear "
    "seems seem reportedly doubt doubts doubtful risk risks fragile uneasy unknown unsure unresolved "
    "unanswered concern concerns concerned fear fears feared worry worries worried warned warns "
    "questions question sceptical skeptical cautious caution"
)
_NEGATIONS = _words(
    "not no never neither nor none without cannot won't wouldn't can't didn't doesn't don't isn't "
    "aren't wasn't weren't hasn't haven't hadn't"
)
_FUTURE = _words("tomorrow next upcoming later soon expected due scheduled planned plans slated pending")
_PAST = _words("yesterday ago last earlier previously former formerly once decades history historic")
_WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
_MONTHS = _words(
    "january february march april june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
TIME_UNITS = _words("hours hour days day weeks week months month years year")
_MONEY = _words("dollars dollar euros euro pounds yuan yen francs rupees million billion trillion")
_REPORTING = _words("said says told added according stated announced confirmed noted explained")
_START_VERBS = _words(
    "begin begins began beginning start starts started starting launch launched launches arrive "
    "arrived arrives deploy deployed deploying install installed complete completed"
)
_REACTION = _words("welcomed welcome hailed praised criticised criticized condemned celebrated reacted")
_POSITIONS = _words(
    "want wants wanted wish hopes hoped ready willing prepared insist insists demand demands call calls "
    "called asks asked seeks position positions stance line lines proposal proposals offer counteroffer "
    "condition conditions"
)
_CARRYING_OUT = _words(
    "handed transferred released freed deployed deploy withdrew withdrawn withdrawing disbursed ratified "
    "ratify ratification signed signature signing vote voted voting ballot ballots implemented "
    "implementation implementing implement monitoring monitors verified verification underway began "
    "begun completed installed opened opens reopened crossed arrived arriving delivered convoys "
    "enter entered entry force effect takes took schedule scheduled timetable phase"
)
_OBSTACLES = _words(
    "divided division divisions gap gaps sticking obstacle obstacles hurdle hurdles dispute disputes "
    "disputed disagreement disagreements unresolved undecided ambiguous unclear vague short assured "
    "remain remains yet stumbling outstanding differences sceptics critics derail collapse jeopardy"
)
_BYSTANDERS = _words(
    "residents families family skippers farmers commuters passengers patients parents locals shoppers "
    "fishermen villagers analysts economists experts investors markets neighbours neighbors children "
    "mother father son daughter survivors refugees displaced"
)
_HISTORY = _words(
    "history historic historically decades decade century since founded long previous previously "
    "earlier ago origins began war wars years"
)

WORD_CLASSES: dict[str, tuple[str, ...]] = {}
"""Each word of a class, with the class features it fires ("negotiation verb", "hedge"...)."""
for _name, _members in (
    ("negotiation verb", NEGOTIATION_VERBS),
    ("provision verb", PROVISION_VERBS),
    ("hedge", _HEDGES),
    ("negation", _NEGATIONS),
    ("future word", _FUTURE),
    ("past word", _PAST),
    ("weekday", _WEEKDAYS),
    ("month", _MONTHS),
    ("unit of time", TIME_UNITS),
    ("money", _MONEY),
    ("reporting verb", _REPORTING),
    ("verb of starting", _START_VERBS),
    ("reaction verb", _REACTION),
    ("a position or demand", _POSITIONS),
    ("a step being carried out", _CARRYING_OUT),
    ("an obstacle or gap", _OBSTACLES),
    ("a bystander", _BYSTANDERS),
    ("history", _HISTORY),
):
    for _word in _members:
        WORD_CLASSES[_word] = (*WORD_CLASSES.get(_word, ()), _name)
for _word in MODALS:
    WORD_CLASSES[_word] = (*WORD_CLASSES.get(_word, ()), f'modal "{_word}"')

STOPWORDS = _words(
    "the a an of to in and or for on at by with from as that this these those it its is are was were be "
    "been has have had he she they we i his her their our them him who which what said says"
)
"""Words too common to be features on their own; they still count in word pairs ("the deal")."""

HEADING_PATTERNS: dict[SectionKind, str] = {
    SectionKind.TERMS: r"(?:the\s+)?(?:key\s+|main\s+)?(?:terms|provisions|clauses)\b"
    r"|what\s+the\s+(?:deal|agreement|accord|plan|decision|text)\s+(?:says|contains|includes)"
    r"|(?:the\s+)?(?:deal|agreement|accord)\s+(?:terms|text|in\s+detail)",
    SectionKind.OPEN_QUESTIONS: r"(?:the\s+)?(?:open|unanswered|unresolved|remaining|outstanding|key|big)\s+"
    r"questions|questions\b|risks\b|doubts\b|uncertaint(?:y|ies)\b|what(?:’s|'s|\s+is|\s+remains)?\s+"
    r"(?:still\s+)?(?:unclear|unknown|unresolved|uncertain)",
    SectionKind.IMPLEMENTATION: r"(?:the\s+)?(?:implementation|timeline|timetable|schedule|next\s+steps"
    r"|roll-?out|deployment)\b|(?:how\s+it\s+will\s+work|putting\s+it\s+into\s+(?:effect|practice))"
    r"|what(?:’s|'s|\s+happens|\s+comes)\s+next",
    SectionKind.NEGOTIATIONS: r"(?:the\s+)?(?:negotiations|talks|negotiating|mediation)\b"
    r"|how\s+the\s+(?:deal|agreement|accord)\s+(?:was|came\s+to\s+be)\s+(?:reached|struck|made|done)",
    SectionKind.BACKGROUND: r"(?:background|context|history|how\s+we\s+got\s+here)\b",
}
"""Headings that name a kind; each pattern must match at the start of a short heading."""
