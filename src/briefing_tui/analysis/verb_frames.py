"""Whether a reporting verb reports, from what follows it (`reporting_verbs.Frame`).

"Israel announced the plan" is an action, "announced that the plan..." a report; "called it
a betrayal" reports, "called for talks" does not; "expressed concern" reports a stance. The
frame of each verb is data in `reporting_verbs`; this module reads the words after the verb
that each frame asks for, with at most `_CLAUSE_LOOKAHEAD` tokens of look-ahead.
"""

from __future__ import annotations

import re

from briefing_tui.analysis.reporting_verbs import FEELING_NOUNS, PARTICIPLES, VERB_FORMS, Frame
from briefing_tui.analysis.tokens import Token, TokenType, tokenize
from briefing_tui.analysis.vocabulary import DETERMINERS, STOPWORDS, TIME_WORDS

__all__ = ["frame_allows", "is_act", "until_punct"]

_CLAUSE_LOOKAHEAD = 10
"""How far after a clause verb a finite verb is looked for ("warned the truce could fail")."""

_FINITE = frozenset(
    [
        "would",
        "could",
        "will",
        "was",
        "were",
        "is",
        "are",
        "had",
        "has",
        "have",
        "may",
        "might",
        "must",
        "should",
        "can",
        "did",
        "does",
        "do",
        "remained",
        "remains",
        *("stood", "stands", "held", "holds", "meant", "means", "needed", "needs", "lacked", "lacks"),
        *("existed", "exists", "belonged", "belongs", "stayed", "stays", "went", "goes", "came", "comes"),
    ]
)
"""Words that show a clause follows a verb without "that": "warned the truce could fail"."""
_CLAUSE_OPENERS = frozenset(
    ["that", "he", "she", "it", "they", "we", "i", "there", "this", "these", "those", "whether", "why", "how"]
)
"""Words that open a reported clause: "warned that", "insisted it", "asked whether"."""
_ADJUNCT_OPENERS = frozenset(
    ["in", "at", "on", "during", "after", "late", "earlier", "later", "last", "this", "when", "while"]
)
_SAYING = frozenset(PARTICIPLES)
_TOPIC_OPENERS = frozenset(["of", "about", "against"])
_CLAUSE_FOLLOWERS = _CLAUSE_OPENERS | _FINITE | _ADJUNCT_OPENERS | TIME_WORDS | _TOPIC_OPENERS
"""Words after a clause verb that show it reports: "that", "he", "is", "in", "Friday", "of"."""
_AUDIENCES = frozenset(["reporters", "journalists", "lawmakers", "parliament", "the"])


_NOTHING = re.compile(
    r"[ \t]+(?:nothing|little)(?:[ \t]*[.,;:)]|[ \t]+(?:about|on|of|to|in|at|publicly|more|else|new)\b)"
)
"""What a verb says when it says nothing: "said nothing about the strikes", "said little." (but
"said nothing had changed" reports that nothing had)."""


_PUT_IT = re.compile(
    r" (?:it(?:[,:.;]|[ \t]+(?:\w+ly\b|this way|another way|differently))"
    r"|the (?:figure|number|cost|toll|total|death toll|bill|shortfall|gap) at\b)"
)
""""as one diplomat put it,", "she put it bluntly", "puts the figure at": not "the army put it
on the map"."""


_QUESTION = re.compile(r"[ \t]*(?:[.,:;!?”\"]|$)|\s+(?:whether|why|how|if|what|who|when)\b")
""" "he asked.", "asked:", "asked whether": a question follows or went before."""
_THAT = re.compile(r"\s+that\b|[ \t]+(?:from|in|at|on)[ \t]+(?:[\w'’-]+[ \t]+){1,5}?that\b")
""" "reports that", "reports from the collection point that"."""
_PLAIN_CHECKS = {Frame.THAT: _THAT, Frame.PUT_IT: _PUT_IT, Frame.QUESTION: _QUESTION}
"""Frames settled by one pattern after the verb: "reports that", "put it,"."""
_CLOSES_ALONE = frozenset({"reports"})
"""Present forms that report when their clause ends right after them, as no noun would after
its subject: "..., the commission reports." and "..., the ministry reports, against 31"."""
_CLOSING = re.compile(r"[ \t]*(?:[.,;]|$)")
_AFTER_REPORTED = re.compile(r"[,”\"][^.!?,”\"]*$")
"""The verb closes a sentence whose report came first, before a comma: "..., the board reports"."""


_COMMITMENTS = frozenset(form for form in VERB_FORMS if form.startswith(("threaten", "vow")))
"""Verbs of a stated intention with "to": "vowed to fight on", "threatened to walk out" ("pledged
to support" and "promised to pay" are acts, as a pledge of money is)."""
_TO_VERB = re.compile(r"[ \t]+to[ \t]+[a-z]")


_ACT_READINGS: dict[str, re.Pattern[str]] = {
    **dict.fromkeys(
        ("write", "writes", "wrote", "written"),
        re.compile(r"[ \t]+(?:off|down|up)\b|[ \t]+(?:[^\s.,;:!?“”\"]+[ \t]+){1,6}?(?:into|off|down)\b"),
    ),
    **dict.fromkeys(
        ("welcome", "welcomes", "welcomed"),
        re.compile(
            r"[ \t]+(?:(?:the|a|an|their|his|her|its|our|two|three|several|some)[ \t]+)?"
            r"(?:[A-Z][\w’'-]*[ \t]+){1,3}(?:to|into|at|back)[ \t]"  # "welcomed Ana Roe to the talks"
            r"|[ \t]+(?:the|a|an|their|his|her|its)[ \t]+(?:\w+[ \t]+)?"
            r"(?:delegation|delegations|delegates|visitors|guests|envoy|envoys|leaders|ministers|team|"
            r"teams|crew|crews|convoy|president|minister|king|queen|pope)[ \t]+(?:to|into|at|back)[ \t]"
        ),
    ),
    # "workers posted in Britain", "a diplomat posted to Kyiv": sent to work, not published.
    **dict.fromkeys(("posted",), re.compile(r"[ \t]+(?:in|to|at|abroad|overseas|as|there|here)\b")),
    # "the two countries have argued over the water": a quarrel, not a claim.
    **dict.fromkeys(("argue", "argues", "argued"), re.compile(r"[ \t]+(?:over|about|with)\b")),
    # "sworn in by the president", "swore in the cabinet": an oath taken, not a claim.
    **dict.fromkeys(("swear", "swears", "swore", "sworn"), re.compile(r"[ \t]+in\b")),
    **dict.fromkeys(
        ("cry", "cries", "cried"),
        re.compile(r"[ \t]+(?:when|as|because|while|and|in|with|out|for|over|at|on|of)\b"),
    ),
    **dict.fromkeys(
        ("promise", "promises", "promised"),
        re.compile(r"[ \t]+(?:them|him|her|us|me|you)[ \t]+(?:a|an|the|their|his|its|more)\b"),
    ),
    # "recommended that members approve the deal", "urged that talks resume": a call for an
    # act (a mandate), like proposing or pushing for one, not a claim.
    **dict.fromkeys(
        (form for form in VERB_FORMS if form.startswith(("recommend", "urge", "request"))),
        re.compile(r"[ \t]+that\b"),
    ),
    # "told the envoys to wait", "told them to go home": an order, not a claim (an audience or
    # an outlet told "to expect" still hears one: "told reporters not to expect news").
    **dict.fromkeys(
        ("told", "tells", "tell"),
        re.compile(
            r"[ \t]+(?:(?:him|her|them|us|me)|(?:the|his|her|their|its|our)[ \t]+"
            r"(?!reporters\b|journalists\b|press\b|media\b)(?:[a-z][\w'’-]*[ \t]+){0,2}?[a-z][\w'’-]*)"
            r"[ \t]+(?:not[ \t]+)?to[ \t]+(?!the\b|a\b|an\b)[a-z]+"
        ),
    ),
    # "reported for duty": an arrival, not a report.
    **dict.fromkeys(("reported", "reports", "report"), re.compile(r"[ \t]+for[ \t]+(?:duty|work)\b")),
    **dict.fromkeys(
        ("claim", "claims"),
        re.compile(r"[ \t]+(?:of|over|for|against|by|and|or|were|was|are|is|have|has|had|made)\b"),
    ),
}
"""Readings of a reporting verb that make it an act, by what follows it: "wrote a cap into the
text", "wrote off the debt", "welcomed Ana Roe to the talks" (a greeting, not a stance),
"promised them a return" (a promise of a thing, not of words), "cried when" (weeping),
"urged that talks resume" (a mandate); or a
noun: "rebel claims of victory", "claims were denied"."""
_MONEY = re.compile(r"[ \t]*[$€£¥]")
"""A sum right after a verb of intention is a pledge of money, not a stated intention:
"pledged $300 billion"."""


def _refused(text: str, verb: str, frame: Frame, end: int) -> bool:
    """ "declined to comment", "said nothing about it" attribute nothing; "wrote a clause into
    the text", "pledged $3bn" are acts, not speech."""
    if frame is Frame.DECLINE or _NOTHING.match(text, end):
        return True
    act = _ACT_READINGS.get(verb)
    return (act is not None and act.match(text, end) is not None) or (
        frame is not Frame.SPEECH and _MONEY.match(text, end) is not None
    )


def is_act(text: str, verb: str, end: int) -> bool:
    """Whether the words after ``verb`` make it an act, not speech: "sworn in", "wrote off"."""
    act = _ACT_READINGS.get(verb)
    return act is not None and act.match(text, end) is not None


def _closes_alone(text: str, verb: str, end: int) -> bool:
    """ "..., the commission reports.": a verb of `_CLOSES_ALONE` ending the clause it reports."""
    return (
        verb in _CLOSES_ALONE
        and _CLOSING.match(text, end) is not None
        and _AFTER_REPORTED.search(text, max(0, end - 80), end) is not None
    )


def frame_allows(text: str, verb: str, end: int) -> bool:
    """Whether what follows a reporting verb makes it report (see `reporting_verbs.Frame`)."""
    frame = VERB_FORMS[verb]
    if _refused(text, verb, frame, end):
        return False
    if (
        frame is Frame.SPEECH
        or (verb in _COMMITMENTS and _TO_VERB.match(text, end))
        or _closes_alone(text, verb, end)
    ):
        return True  # "said", "threatened to break off the talks", "vowed to fight on"
    if frame in _PLAIN_CHECKS:
        return _PLAIN_CHECKS[frame].match(text, end) is not None
    if frame is Frame.CLAUSE and _clause_follows_plainly(text, end):
        return True
    tokens = tokenize(text, end, min(len(text), end + 160), _CLAUSE_LOOKAHEAD + 2)
    if not tokens:
        return True  # the paragraph ends right after the verb: "..., he warned."
    blamed = frame is Frame.OBJECT and verb.startswith("blam") and _blamed_on(tokens)
    expecting = verb in _EXPECTING and _object_then_to(tokens)
    return blamed or expecting or _FRAME_CHECKS[frame](tokens)


_EXPECTING = frozenset(
    {"expect", "expects", "expected", "forecast", "forecasts", "predict", "predicts", "predicted"}
)
"""Verbs of a forecast whose object and "to" carry the claim: "analysts expect the deal to add 0.3%"."""


def _object_then_to(tokens: list[Token]) -> bool:
    """ "the deal to add", "the central bank to cut": a short object, then "to" and a verb."""
    words = until_punct(tokens)
    for number in range(1, min(len(words) - 1, 6)):
        if words[number].lower == "to":
            after = words[number + 1]
            before = words[:number]
            plain = all(w.lower not in _FINITE and w.lower not in STOPWORDS - {"the"} for w in before)
            return plain and after.type is TokenType.WORD and not after.capitalised and after.lower.isalpha()
    return False


def _blamed_on(tokens: list[Token]) -> bool:
    """ "blamed the failure on the mediators": blame puts a claim on someone through "on"."""
    return any(token.lower == "on" for token in until_punct(tokens)[1:])


def _object_then_preposition(tokens: list[Token]) -> bool:
    """ "accused X of", "described X as", or a quotation: "deplored “a cowardly attack”"."""
    words = until_punct(tokens)
    if any(token.lower in {"of", "as", "for"} for token in words):
        return True
    rest = tokens[len(words) :]
    return bool(rest) and rest[0].text in {"“", '"'} and len(words) <= 3


def _clause_follows(tokens: list[Token]) -> bool:
    """ "warned that", "warned:", "warned on Friday", "warned the truce could fail"."""
    first = tokens[0]
    low = first.lower
    if low == "on":
        return len(tokens) > 1 and tokens[1].lower in TIME_WORDS  # not "insisted on a cap"
    if low == "to":
        return len(tokens) > 1 and (tokens[1].lower in _AUDIENCES or tokens[1].capitalised)
    if first.punct or low in _CLAUSE_FOLLOWERS:
        return True
    # A clause without "that" has a finite verb soon after; "emphasized the risk, saying:"
    # reports through the participle that follows.
    words = until_punct(tokens[1:])
    # "demanded anonymity because his information was confidential": a finite verb after a
    # subordinator is the condition's or the cause's, not a reported clause's.
    own = _before_subordinator(words)
    # "suggested Israel appeared to be open": the past verb may follow a one-word subject.
    if any(token.lower in _FINITE for token in own) or _past_verb_follows(until_punct(tokens)):
        return True
    rest = tokens[1 + len(words) :]
    return bool(rest) and (rest[0].text == ":" or (len(rest) > 1 and rest[1].lower in _SAYING))


_SUBORDINATORS = frozenset(
    [
        "if",
        "unless",
        "when",
        "whenever",
        "because",
        "after",
        "before",
        "while",
        "as",
        "since",
        "until",
        "although",
        "though",
        "once",
        "who",
        "which",
        "where",
    ]
)
"""Words that open a clause inside the object, whose verb is not the reported clause's."""


def _before_subordinator(words: list[Token]) -> list[Token]:
    """The words up to the first subordinator ("because", "if", "when", "who" ...)."""
    for number, token in enumerate(words):
        if token.lower in _SUBORDINATORS:
            return words[:number]
    return words


def _past_verb_follows(words: list[Token]) -> bool:
    """ "added the maps included ...", "insisted the union erred": a regular past verb right
    after a noun is the reported clause's own verb. After a determiner, a preposition or an
    auxiliary it is an adjective or a participle ("stressed the need for continued talks"),
    and before "by" or "to" a passive or a participle ("urged the parties involved to ..."),
    unless "to be" or "to have" follows ("suggested the talks seemed to be stalling")."""
    for number in range(1, len(words)):
        word, previous = words[number], words[number - 1]
        if previous.lower in _SUBORDINATORS:
            return False  # "threatened a snap election if the budget failed": the verb is the condition's
        if not (word.lower.endswith("ed") and len(word.lower) > 4 and not word.capitalised):
            continue
        following = words[number + 1].lower if number + 1 < len(words) else ""
        if following == "to" and number + 2 < len(words) and words[number + 2].lower in {"be", "have"}:
            following = ""  # "suggested Israel appeared to be open": a verb before "to be"
        adjective = (
            previous.lower in STOPWORDS or previous.lower in DETERMINERS or previous.lower.endswith("ly")
        )
        if adjective or following in {"by", "to", "with"}:
            continue
        return True
    return False


def _names_something(tokens: list[Token]) -> bool:
    """ "called it a betrayal", "called the reform “a historic shift”"; not "called for talks"."""
    if tokens[0].lower in {"it", "them", "this", "that", "him", "her"}:
        return True
    if tokens[0].lower == "on" and len(tokens) > 1 and tokens[1].lower not in TIME_WORDS:
        return any(token.lower == "to" for token in until_punct(tokens[2:]))  # "called on X to"
    if tokens[0].text in {"“", '"'}:
        return True  # "a proposal it called “unaffordable”": the thing named came before
    words = until_punct(tokens)
    rest = tokens[len(words) :]
    return (
        bool(words)
        and bool(rest)
        and rest[0].text in {"“", '"'}
        and words[0].lower not in {"for", "on", "off"}
    )


def _clause_follows_plainly(text: str, end: int) -> bool:
    """ "warned that", "warned:", "warned he", or the end: settled by one look, without tokens."""
    first = _FIRST_AFTER.match(text, end)
    if first is None:
        return True
    word = first.group(1).lower()
    return not word[0].isalnum() or (word in _CLAUSE_FOLLOWERS and word not in {"on", "to"})


_FIRST_AFTER = re.compile(r"\s*([^\W_]+|\S)")
"""The first word or mark after a verb."""


def _states_a_feeling(tokens: list[Token]) -> bool:
    """ "expressed their satisfaction", "voiced deep concern"; not "raised prices"."""
    return any(token.lower in FEELING_NOUNS for token in until_punct(tokens)[:4])


_FRAME_CHECKS = {
    Frame.FEELING: _states_a_feeling,
    Frame.NAMING: _names_something,
    Frame.OBJECT: _object_then_preposition,
    Frame.CLAUSE: _clause_follows,
}
"""What a frame needs to see after its verb; `frame_allows` settles SPEECH, DECLINE and
THAT without tokens."""


def until_punct(tokens: list[Token]) -> list[Token]:
    for number, token in enumerate(tokens):
        if token.punct:
            return tokens[:number]
    return tokens
