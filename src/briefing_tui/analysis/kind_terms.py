"""Shapes in which wire copy tells the terms of a deal: what an agreed text gives, in reported speech.

Real reports (issue #12) rarely write terms as "the deal provides"; they tell them in reported
speech and in the asides of a sentence, and the model read them as talks (a speaker and a
reporting verb) or as steps being carried out ("hostages would be *released*"). These signals
name the shapes so the model can learn them apart:

* "the deal says, past an aside": a deal noun, then within its sentence a verb of providing
  ("The deal, expected to be signed on Thursday, also *calls for* ...");
* "a place in the deal named": "as part of the deal", "according to the agreement", "the first
  phase of the deal", "the terms of the accord" (what follows is in the text);
* "something given in exchange": "in exchange for", "in return for";
* "a rate per day or year": a figure "per day", "a year", "annually", "each month";
* "a span the deal runs": "a four-year contract", "the 42-day phase", "over six years",
  "valid for 120 days", "runs until";
* "a count the deal will deliver": a figure and, in the same sentence, "will / would / is to /
  to be" before a verb of handing over ("33 hostages would be released"): a step the deal
  schedules, told ahead, not one being carried out;
* "a step the deal schedules": "will / would / to be" before a verb of handing over, in a
  sentence that names the deal, a phase or an exchange and gives no day ("would be freed in
  the first phase"; but "are due to be freed on Sunday" is a step set to start, as news).

Like `kind_shapes`, every pattern starts from a few trigger words found by set intersection and
looks only a few tokens around them, so the cost stays linear in the paragraph's length.
"""

from __future__ import annotations

from briefing_tui.analysis.kind_lexicon import words
from briefing_tui.analysis.kind_shapes import places

__all__ = ["TERM_SIGNALS", "term_signals"]

TERM_SIGNALS = (
    "the deal says, past an aside",
    "a place in the deal named",
    "something given in exchange",
    "a rate per day or year",
    "a span the deal runs",
    "a count the deal will deliver",
    "a step the deal schedules",
)
"""Every signal this module can add, in the order of the module's docstring."""

_NUMBER = "#"
_ENDS = words(". ? ! ;")
_DEALS = words("deal agreement accord pact treaty contract truce ceasefire settlement text framework")
_DEAL_DETERMINERS = words("the this that its their new final")
_PROVIDING = words(
    "provides provide includes include calls requires require sets allows allow gives give grants "
    "stipulates mandates obliges envisages foresees guarantees commits caps limits lifts cuts "
    "spells outlines covers contains lets entitles"
)
_ASIDE = 14
"""How many tokens after a deal noun its verb of providing may stand."""
_PLACES_BEFORE = words("part according terms phase phases stage provisions clause clauses annex")
_UNITS = words("day year month week")
_RATE_WORDS = words("per a an each every")
_RATE_ADVERBS = words("daily annually yearly monthly weekly")
_TIME_UNITS = words("hours hour days day weeks week months month years year")
_COUNT_WORDS = words("# two three four five six seven eight nine ten twelve")
_SPAN_NOUNS = words("deal contract agreement phase truce ceasefire pact period extension term plan")
_LASTING = words("valid extended extend extends lasts last lasting runs run")
"""Verbs before "for # days" that make it how long a deal runs ("negotiators met for six hours" does not)."""
_FUTURES = words("will would is are to shall")
_HANDING = words(
    "release released freed free withdraw withdrawn return returned allow allowed receive received "
    "get pay paid cut lifted lift handed hand transferred exchanged swapped enter admitted"
)
_SCHEDULERS = words("deal agreement accord truce ceasefire phase phases exchange return under stage")
_DAYS = words(
    "monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow yesterday "
    "morning evening weekend"
)
_TRIGGERS = _DEALS | _PLACES_BEFORE | words("exchange return") | _RATE_ADVERBS | _UNITS | _TIME_UNITS
_TRIGGERS |= words("over valid runs until through") | {_NUMBER}


def term_signals(tokens: list[str], signals: set[str]) -> None:
    """Add to ``signals`` the shapes of a deal's terms found in the paragraph's ``tokens``."""
    padded = [*tokens, "", "", ""]  # so that a look ahead never runs off the end
    if _SCHEDULERS.intersection(tokens) and _HANDING.intersection(tokens):
        _scheduled_steps(tokens, signals)
    for token in _TRIGGERS.intersection(tokens):
        for index in places(tokens, token):
            _deal_clause(tokens, padded, token, index, signals)
            _figures(tokens, padded, token, index, signals)


def _deal_clause(tokens: list[str], padded: list[str], token: str, index: int, signals: set[str]) -> None:
    """A deal noun that provides, a place in the deal, an exchange."""
    previous = tokens[index - 1] if index else ""
    following = padded[index + 1]
    if token in _DEALS and previous in _DEAL_DETERMINERS:
        if _providing_after(padded, index):
            signals.add("the deal says, past an aside")
        if (
            previous == "the"
            and index >= 3
            and tokens[index - 2] == "of"
            and tokens[index - 3] in _PLACES_BEFORE
        ):
            signals.add(
                "a place in the deal named"
            )  # "the terms of the accord", "the first phase of the deal"
    if token in {"part", "according"} and following in {"of", "to"} and _deal_follows(padded, index + 2):
        signals.add("a place in the deal named")  # "as part of the deal", "according to the agreement"
    if token in {"exchange", "return"} and previous == "in":
        signals.add("something given in exchange")


def _deal_follows(padded: list[str], index: int) -> bool:
    """Whether a determiner and a deal noun stand at ``index`` ("the deal", "this agreement")."""
    return padded[index] in _DEAL_DETERMINERS and padded[index + 1] in _DEALS


def _providing_after(padded: list[str], index: int) -> bool:
    """Whether a verb of providing follows the deal noun at ``index`` within its sentence."""
    for token in padded[index + 1 : index + 1 + _ASIDE]:
        if token in _ENDS or token == "":
            return False
        if token in _PROVIDING:
            return True
    return False


def _figures(tokens: list[str], padded: list[str], token: str, index: int, signals: set[str]) -> None:
    """Rates, spans and counts a deal fixes."""
    following = padded[index + 1]
    if (
        token in _UNITS
        and index
        and tokens[index - 1] in _RATE_WORDS
        and _NUMBER in tokens[max(0, index - 6) : index]
    ):
        signals.add("a rate per day or year")
    if token in _RATE_ADVERBS and _NUMBER in tokens[max(0, index - 8) : index]:
        signals.add("a rate per day or year")
    if token in _TIME_UNITS and index and tokens[index - 1] in _COUNT_WORDS:
        before = tokens[max(0, index - 3) : index - 1]
        if (
            following in _SPAN_NOUNS
            or "over" in before
            or (before[-1:] == ["for"] and _LASTING.intersection(before))
        ):
            signals.add("a span the deal runs")
    if token == "valid" and following == "for":
        signals.add("a span the deal runs")
    if token == "runs" and following in {"until", "through", "to", "for"}:
        signals.add("a span the deal runs")
    if token == _NUMBER:
        _count_ahead(tokens, index, signals)


def _count_ahead(tokens: list[str], index: int, signals: set[str]) -> None:
    """A figure, then in its sentence a future marker before a verb of handing over."""
    for position in range(index + 1, min(len(tokens), index + 12)):
        word = tokens[position]
        if word in _ENDS:
            return
        if word in _HANDING and _FUTURES.intersection(tokens[max(index + 1, position - 3) : position]):
            signals.add("a count the deal will deliver")
            return


def _scheduled_steps(tokens: list[str], signals: set[str]) -> None:
    """A sentence naming the deal, a phase or an exchange, with a step told ahead and no day given.

    The paragraph is walked once, sentence by sentence, so the cost stays linear.
    """
    start = 0
    for end in range(len(tokens) + 1):
        if end < len(tokens) and tokens[end] not in _ENDS:
            continue
        sentence = tokens[start:end]
        start = end + 1
        if not _SCHEDULERS.intersection(sentence) or _DAYS.intersection(sentence):
            continue
        for position, word in enumerate(sentence):
            if word in _HANDING and _FUTURES.intersection(sentence[max(0, position - 3) : position]):
                signals.add("a step the deal schedules")
                return
