"""The main clause of a paragraph's first sentence: its subject, its verb, and the verb's tense.

A paragraph's lead says what it is about (the guide's rule 8): "troops *began* withdrawing"
reports a step taken, "troops *are to* withdraw within 60 days" a step a deal schedules, "the
union *rejected* the offer" a move in talks, "the two sides *remain* divided" a gap. This
module reads that without a parser, from word classes (`kind_lexicon`): it skips an opening
phrase set off by a comma ("Under the deal, ..."), finds the first verb group, reads its
auxiliaries and modals for tense and modality, and names the class of the subject's head noun
and of the main verb. When the main verb only reports speech ("the minister said on Tuesday
that ..."), the reported clause is read instead and the speaker is named as a class: what a
paragraph says weighs more than who says it.

The signals are plain words, as a reader is shown them: "main clause: is to", "subject: a
deal", "main verb: carrying out".
"""

from __future__ import annotations

import re

from briefing_tui.analysis.kind_lexicon import (
    AUXILIARY_FORMS,
    BE_FORMS,
    CLAUSE_ADVERBS,
    HAVE_FORMS,
    NOUN_CLASSES,
    PRONOUN_SUBJECTS,
    VERB_CLASSES,
    VERB_TENSE,
)

__all__ = ["clause_signals", "lead_tokens", "sentences", "speaker_signals"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Possessive, as `kind_features` tokenizes: the same tokens, without places to back off to.
_TOKENS = re.compile(r"[a-z#]++(?:'[a-z]++)*+|[,;:.?!“”\"]")
_NAME = "zzname"
_LEAD_MAX = 60
"""Only this many tokens of a paragraph are read for its lead sentence."""
_ABBREVIATIONS = _words(
    "mr mrs ms dr st rep sen gov gen lt col no jan feb aug sept sep oct nov dec prof vs inc corp co"
)
_MODALITY = {"will": "will", "shall": "will", "'ll": "will", "won't": "will"}
_MODALITY |= {"would": "would", "wouldn't": "would", "could": "may", "couldn't": "may", "might": "may"}
_MODALITY |= {"may": "may", "can": "may", "cannot": "may", "can't": "may"}
_MODALITY |= {"must": "must", "should": "must", "shouldn't": "must", "mustn't": "must"}
_EXPECTED = _words("expected due set scheduled slated poised likely unlikely going about supposed")
_NEGATIONS = _words("not never n't no")
_DETERMINERS = _words(
    "the a an this that these those its their his her our my your some any each every all both no "
    "other another such which what whose"
)
_PREPOSITIONS = _words(
    "of in on at by for with from to into over under after before since during within without "
    "about against between among through across towards toward per via than as"
)
_OPENERS = _words(
    "under on in after before at by since during for with from as despite following within over "
    "until once when while if although though because unless meanwhile earlier later separately "
    "elsewhere instead yet still but however also and then"
)
_SUBJECT_ENDS = _words("of in with from at for who which that , whose on to by")
_SPEECH_SKIPS = _words(
    "that on in a an the statement reporters journalists zzname # us him her them late earlier "
    "interview with news conference briefing agency monday tuesday wednesday thursday friday "
    "saturday sunday , : separately also"
)
_SPEECH_VERBS = frozenset(
    form
    for form, kind in VERB_CLASSES.items()
    if kind == "reporting" and VERB_TENSE[form] in {"past", "present", "participle"}
)
_NOT_VERBS = _DETERMINERS | _PREPOSITIONS | PRONOUN_SUBJECTS | {_NAME, "#", "not", "no", "a", "an", "the"}
_WH_WORDS = _words("how whether what who when why where which")
_GROUP = CLAUSE_ADVERBS | AUXILIARY_FORMS | frozenset(_MODALITY) | _EXPECTED | {"to", "able", "unable"}


def sentences(lowered: str, limit: int = 4) -> list[list[str]]:
    """The tokens of the first ``limit`` sentences of ``lowered`` (normalised text), punctuation kept.

    The text is tokenized a stretch at a time, each ending at a stop ("." "?" "!"), and no
    further than the sentences need: no token runs across a stop, so the tokens are those of
    the whole text, and most paragraphs are read only up to their first full stop.
    """
    text = lowered[: _LEAD_MAX * 12 * limit]
    tokens: list[str] = []
    found: list[list[str]] = []
    start = position = 0
    while position < len(text):
        stop = _STOP.search(text, position)
        end = len(text) if stop is None else stop.end()
        fresh = len(tokens)
        tokens += _TOKENS.findall(text, position, end)
        position = end
        # A stretch ends at its first stop, and a stop is a token of its own: only the
        # stretch's last token can be one, so only it is looked at.
        index = len(tokens) - 1
        if index >= fresh and tokens[index] in _STOPS and index - start > 2:
            before = tokens[index - 1]
            if len(before) > 1 and before not in _ABBREVIATIONS:
                found.append(tokens[start:index][:_LEAD_MAX])
                start = index + 1
                if len(found) == limit:
                    return found
    if len(tokens) - start > 2:
        found.append(tokens[start:][:_LEAD_MAX])
    return found


_STOP = re.compile(r"[.?!]")
_STOPS = frozenset(".?!")


def lead_tokens(lowered: str) -> list[str]:
    """The tokens of the first sentence of ``lowered`` (normalised, lower-case text), punctuation kept."""
    found = sentences(lowered, 1)
    return found[0] if found else []


def clause_signals(lowered: str) -> set[str]:
    """The signals of the main clause of the first sentence of ``lowered``.

    Only the lead is read: the same signals from later sentences were tried and measured
    worse by cross-validation on the training part.
    """
    tokens = lead_tokens(lowered)
    return _sentence_signals(tokens) if tokens else set()


def _sentence_signals(tokens: list[str]) -> set[str]:
    """The signals of the main clause of one sentence."""
    signals: set[str] = set()
    if tokens and tokens[0] in {"“", '"'}:
        signals.add("lead: a quotation")
        tokens = tokens[1:]
    start = _after_opening_phrase(tokens)
    if start:
        signals.add(f'lead opens with "{tokens[0]}"')
    found = _verb_group(tokens, start)
    if found is not None and tokens[start : start + 1] and tokens[start] in _WH_WORDS:
        # "How the fund will be replenished is yet to be settled": the clause is the subject.
        signals.add(f'lead opens with "{tokens[start]}"')
        found = _verb_group(tokens, found[1] + 1) or found
    if found is None:
        signals.add("main clause: no verb")
        return signals
    begin, main = found
    if VERB_CLASSES.get(tokens[main]) == "reporting" and tokens[main] in _SPEECH_VERBS:
        reported = _reported_clause(tokens, main + 1)
        if reported is not None:
            signals.add("lead: reported speech")
            signals.add(f"speaker: {_head_class(tokens[start:begin])}")
            start = reported
            found = _verb_group(tokens, reported)
            if found is None:
                return signals
            begin, main = found
    _describe(tokens, start, begin, main, signals)
    return signals


def _after_opening_phrase(tokens: list[str]) -> int:
    """Where the clause starts past opening phrases ("Under the deal, if approved, ...")."""
    start = 0
    while start < len(tokens) and tokens[start] in _OPENERS:
        comma = next((i for i, token in enumerate(tokens[start : start + 14], start) if token == ","), None)
        if comma is None:
            break
        start = comma + 1
    return start


def _verb_group(tokens: list[str], start: int) -> tuple[int, int] | None:
    """Where the first verb group from ``start`` begins, and where its main verb stands.

    A bare participle followed by a preposition ("drivers *kidnapped in* the north were
    freed") is taken for a modifier of the subject when a later verb group follows it, and
    no clause boundary stands between the two: in "the minister *said on* Tuesday *that*
    it would..." or "the sides *agreed on* Friday *to* extend...", the later verb belongs to
    the clause the first one opens, so the first is the main verb.
    """
    found = _first_verb(tokens, start)
    if found is not None and found[0] == found[1] and found[0] + 1 < len(tokens):
        verb, following = tokens[found[0]], tokens[found[0] + 1]
        modifier = following in _PREPOSITIONS and following != "to"  # "agreed to begin" is a verb
        if modifier and VERB_TENSE.get(verb, "past") in {"past", "participle"}:
            later = _first_verb(tokens, found[0] + 1)
            if later is not None and not _boundary_between(tokens, found[0] + 2, later[0]):
                return later
    return found


_BOUNDARIES = _words("that , ; : who which whether if when because and but")


def _boundary_between(tokens: list[str], begin: int, end: int) -> bool:
    """Whether a clause starts between ``begin`` and ``end``: "that", a comma, "to" + a verb..."""
    for index in range(begin, end):
        token = tokens[index]
        if token in _BOUNDARIES:
            return True
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token == "to" and following not in _NOT_VERBS and following not in NOUN_CLASSES:
            return True
    return False


def _first_verb(tokens: list[str], start: int) -> tuple[int, int] | None:
    for index in range(start, len(tokens)):
        token = tokens[index]
        before = tokens[index - 1] if index > start else ""
        if token in _MODALITY or token in AUXILIARY_FORMS or token.endswith("n't"):
            if token in BE_FORMS and before in _DETERMINERS:
                continue
            return index, _main_verb(tokens, index)
        tense = VERB_TENSE.get(token)
        nominal = before in _DETERMINERS or before in _PREPOSITIONS or before.endswith("'s")
        if tense in {"past", "present"} and index > start and not nominal:
            return index, index
        if tense == "base" and index > start and _plural_subject(before):
            return index, index
        if tense is None and len(token) > 4 and token.endswith("ed") and index > start and not nominal:
            return index, index
    return None


def _plural_subject(before: str) -> bool:
    """Whether a word can be the plural subject of a verb in its base form ("sides remain")."""
    if before in {"they", "we", "i", "you"}:
        return True
    return before.endswith("s") and before not in _GROUP and before not in _DETERMINERS | _PREPOSITIONS


def _main_verb(tokens: list[str], begin: int) -> int:
    """The main verb of a group that starts with an auxiliary: the first word past the auxiliaries."""
    index = begin
    while index + 1 < len(tokens) and tokens[index + 1] in _GROUP:
        index += 1
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    if following in VERB_TENSE or (following.isalpha() and following not in _NOT_VERBS):
        return index + 1
    return index


def _reported_clause(tokens: list[str], index: int) -> int | None:
    """Where the clause a reporting verb introduces starts, if one follows it."""
    while index < len(tokens) and tokens[index] in _SPEECH_SKIPS:
        index += 1
    return index if len(tokens) - index >= 3 else None


def _head_class(subject: list[str]) -> str:
    """The class of a subject's head noun: the last word before "of", "who", a comma..."""
    head: list[str] = []
    for token in subject:
        if token in _SUBJECT_ENDS and head:
            break
        if token not in CLAUSE_ADVERBS and token not in {"“", '"', "”"}:
            head.append(token)
    for token in reversed(head):
        if token in NOUN_CLASSES:
            return NOUN_CLASSES[token]
        if token == _NAME:
            return "a name"
        if token in PRONOUN_SUBJECTS:
            return "a pronoun"
        if token == "#":
            return "a figure"
    return "something else" if head else "none"


def _describe(tokens: list[str], start: int, begin: int, main: int, signals: set[str]) -> None:
    """Signals of the subject, the verb group from ``begin`` to ``main``, and the main verb."""
    group = tokens[begin : main + 1]
    tense = _tense(group, tokens[main])
    verb = tokens[main]
    kind = VERB_CLASSES.get(verb)
    if kind is None:
        kind = "be" if verb in BE_FORMS else "have" if verb in HAVE_FORMS else "another verb"
    subject = _head_class(tokens[start:begin])
    signals.add(f"main clause: {tense}")
    signals.add(f"main verb: {kind}")
    signals.add(f"subject: {subject}")
    signals.add(f"{subject} + {kind}")
    signals.add(f"{kind}, {tense}")
    if _NEGATIONS.intersection(group) or any(token.endswith("n't") for token in group):
        signals.add("main clause: negated")
    if len(group) > 1 and group[-2] in BE_FORMS and VERB_TENSE.get(verb) in {"participle", "past"}:
        signals.add("main clause: passive")
    after = tokens[main + 1 : main + 3]
    if len(after) == 2 and after[0] == "to" and after[1] in VERB_CLASSES:
        signals.add(f"{kind} to {VERB_CLASSES[after[1]]}")


def _tense(group: list[str], verb: str) -> str:
    """What a verb group says of time and modality: "will", "is to", "has done", "past"..."""
    modal = next((_MODALITY[token] for token in group if token in _MODALITY), None)
    first, following = group[0], group[1:3]
    tense = VERB_TENSE.get(verb)
    if modal is not None:
        found = modal
    elif "yet" in group and "to" in group:
        found = "yet to"
    elif first in BE_FORMS and following[:1] == ["to"]:
        found = "is to"
    elif first in BE_FORMS and following and following[0] in _EXPECTED and "to" in group:
        found = "is due to"
    elif first in HAVE_FORMS and len(group) > 1:
        found = "had done" if first == "had" else "has done"
    elif first in BE_FORMS and tense == "-ing":
        found = "is doing"
    elif first in {"was", "were", "did"} or tense == "past" or (tense is None and verb.endswith("ed")):
        found = "past"
    else:
        found = "present"
    return found


_SAYS = _words("said says told tells added adds according")
_SPEAKER_WINDOW = 4
_SPEAKER_AFTER = 8


def speaker_signals(tokens: list[str], signals: set[str]) -> None:
    """The classes of the nouns around each "said", "told" or "according": who is speaking."""
    for word in _SAYS.intersection(tokens):
        index = tokens.index(word)
        while True:
            for token in tokens[max(0, index - _SPEAKER_WINDOW) : index + _SPEAKER_AFTER + 1]:
                kind = NOUN_CLASSES.get(token)
                if kind is not None:
                    signals.add(f"a speaker near: {kind}")
            try:
                index = tokens.index(word, index + 1)
            except ValueError:
                break
