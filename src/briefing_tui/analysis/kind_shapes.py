"""Shapes of real wire copy that single words misread: a few word patterns read in a short window.

Real reports (issue #12) tell the current talks with words the model otherwise learns as other
kinds: "party leaders *will continue negotiations* tomorrow" has a future and a date, like a step
a deal schedules; "*after two weeks of* fractious *negotiations*" has "weeks", like history;
"China *agreed to buy* farm goods" has a bargaining verb, like a move in the talks, but states
what the deal gives. These signals name each shape so the model can learn it apart:

* "the talks' next step": a future marker and a word naming the talks, close together;
* "a deal in sight": a deal said to be likely, expected or close (no step of carrying it out);
* "the current talks in retrospect": "weeks / months of ... talks";
* "an earlier round or deal": "previous / earlier / last year's" before a round, deal or truce;
* "agreed to act" and "agreed to keep talking": "agreed / committed / pledged to" + a verb;
* "a gain won at the table": "secured / pushed through / won" a measure;
* "the text says" and "a draft says": a deal (or draft) noun, then a verb of saying or providing;
* "a gap named": "sticking points", "did not specify", "not confirmed", "yet to be agreed",
  "thorny issues ... remain";
* "a figure changed from one to another": "from 15% to 7.5%", "to 35 per cent from 47";
* "a span ahead": "the next four years", "in the coming years" (a deal's horizon, not history);
* "the talks or deal named twice or more": a paragraph that keeps naming the talks or the deal is
  about them, even when it also mentions the war or the years before (late paragraphs of real
  copy often are).

Every pattern starts from a few trigger words found by set intersection, and looks at most a
few tokens around each of their places, so the cost stays linear in the paragraph's length.
"""

from __future__ import annotations

from collections.abc import Iterator

from briefing_tui.analysis.kind_lexicon import words

__all__ = ["SHAPE_SIGNALS", "places", "sentence_window", "shape_signals"]


SHAPE_SIGNALS = (
    "the talks' next step",
    "a deal in sight",
    "the current talks in retrospect",
    "an earlier round or deal",
    "agreed to act",
    "agreed to keep talking",
    "a gain won at the table",
    "the text says",
    "a draft says",
    "a gap named",
    "a figure changed from one to another",
    "the talks or deal named twice or more",
    "a span ahead",
)
"""Every signal this module can add, in the order of the module's docstring."""

_WINDOW = 8
"""How many tokens each side of a trigger word a pattern looks at (within its sentence)."""
_ENDS = frozenset(".?!;")
_TALKS = words(
    "talks negotiations negotiating negotiators round rounds discussions session sessions "
    "consultations summit bargaining mediation"
)
_TALK_MOVES = words("reconvene resume meet continue")
_FUTURE = words("will tomorrow next expected likely later soon upcoming reconvene resume")
_STEPS = words(
    "sign signed signing ratify ratified ratification vote voted ballot members effect force "
    "implement implemented implementation sworn approve approved parliament"
)
_DEALS = words("deal agreement accord pact treaty settlement truce ceasefire programme")
_IN_SIGHT = words("likely expected close imminent near within reach brink")
_SPANS = words("days weeks months years year week month")
_EARLIER = words("previous earlier past prior former")
_EARLIER_THINGS = words(
    "round rounds deal deals agreement agreements accord accords truce truces ceasefire swap talks "
    "attempts attempt negotiations"
)
_AGREEING = words("agreed committed pledged promised undertook")
_NOT_DONE = words("would not never to if whether neither no unless")
_NOT_VERBS = words("the a an this that its their his her our any all each every")
_TALK_VERBS = words(
    "meet talk talks resume continue negotiate hold discuss keep work pursue consider study return "
    "revisit reconvene stay remain push set"
)
_GAINS = words("secured secures obtained won wins")
_GAIN_OBJECTS = words("the a an its their")
_NOT_GAINS = words("votes vote election seats majority support backing")
_TEXTS = words("agreement deal accord text pact treaty programme document communique declaration")
_SAYING = words(
    "says states promises encourages mentions envisages calls commits foresees sets provides "
    "includes requires gives allows urges obliges pledges lists contains"
)
_GAP_WORDS = words("sticking stumbling specify specified confirmed disclosed unclear unresolved yet")
_NOTS = words("not never n't didn't wasn't weren't hasn't haven't isn't")
_GAP_NOUNS = words("issues questions differences gaps obstacles hurdles disagreements problems")
_REMAIN = words("remain remains remained")
_AHEAD = words("next coming following")
_HORIZONS = words("years months decades")
_SETTLE = words("agreed decided settled resolved determined hammered worked finalised finalized")
_TRIGGERS = _FUTURE | _TALK_MOVES | _DEALS | _SPANS | _EARLIER | {"last"} | _AGREEING | _GAINS | {"pushed"}
_TRIGGERS |= _TEXTS | _GAP_WORDS | _TALKS | _GAP_NOUNS | _AHEAD | {"from"}


def places(tokens: list[str], token: str) -> Iterator[int]:
    """Every index of ``token`` in ``tokens``, found by ``list.index`` (which runs in C)."""
    index = tokens.index(token)
    while True:
        yield index
        try:
            index = tokens.index(token, index + 1)
        except ValueError:
            return


def sentence_window(tokens: list[str], index: int, reach: int = _WINDOW) -> list[str]:
    """Up to ``reach`` tokens each side of ``index``, cut at the ends of its sentence."""
    before = tokens[max(0, index - reach) : index]
    for position in range(len(before) - 1, -1, -1):
        if before[position] in _ENDS:
            before = before[position + 1 :]
            break
    after = tokens[index + 1 : index + 1 + reach]
    for position, token in enumerate(after):
        if token in _ENDS:
            after = after[:position]
            break
    return [*before, tokens[index], *after]


def shape_signals(tokens: list[str], signals: set[str]) -> None:
    """Add to ``signals`` the shapes of real copy found in the paragraph's ``tokens``."""
    padded = [*tokens, "", "", ""]  # so that a look ahead never runs off the end
    named = 0
    for token in _TRIGGERS.intersection(tokens):
        for index in places(tokens, token):
            named += token in _TALKS or token in _DEALS
            _talk_shapes(tokens, padded, token, index, signals)
            _deal_shapes(tokens, padded, token, index, signals)
    if named > 1:
        signals.add("the talks or deal named twice or more")


def _talk_shapes(tokens: list[str], padded: list[str], token: str, index: int, signals: set[str]) -> None:
    """The shapes of the talks told ahead or in retrospect that start at one trigger word."""
    following = padded[index + 1]
    if token in _FUTURE or token in _TALK_MOVES:
        _future_of_talks(sentence_window(tokens, index), signals)
    if token in _DEALS:
        window = sentence_window(tokens, index)
        if _IN_SIGHT.intersection(window) and not _STEPS.intersection(window):
            signals.add("a deal in sight")
    if token in _SPANS and following == "of" and _TALKS.intersection(padded[index + 2 : index + 8]):
        signals.add("the current talks in retrospect")
    earlier = token in _EARLIER or (token == "last" and following in {"year's", "year"})
    if earlier and _EARLIER_THINGS.intersection(padded[index + 1 : index + 4]):
        signals.add("an earlier round or deal")
    if token in _AHEAD and _HORIZONS.intersection(padded[index + 1 : index + 3]):
        signals.add("a span ahead")


def _deal_shapes(tokens: list[str], padded: list[str], token: str, index: int, signals: set[str]) -> None:
    """The shapes of what a deal gives, or leaves open, that start at one trigger word."""
    following = padded[index + 1]
    if token in _AGREEING and following == "to":
        _agreed_to(tokens, padded, index, signals)
    won = token in _GAINS and following in _GAIN_OBJECTS and padded[index + 2] not in _NOT_GAINS
    if won or (token == "pushed" and following == "through"):
        signals.add("a gain won at the table")
    if token in _TEXTS and following in _SAYING:
        window = sentence_window(tokens, index)
        signals.add("a draft says" if "draft" in window or "proposal" in window else "the text says")
    if token in _GAP_WORDS:
        _gap(padded, token, index, signals)
    if token in _GAP_NOUNS and _remains(padded, index):
        signals.add("a gap named")
    if token == "from" and padded[index + 1] == "#":
        _figure_change(padded, index, signals)


def _agreed_to(tokens: list[str], padded: list[str], index: int, signals: set[str]) -> None:
    """ "Agreed / committed to <verb>": an action the deal gives, or more talking."""
    if _NOT_DONE.intersection(tokens[max(0, index - 4) : index]):  # "neither side has agreed to sign"
        return
    verb = padded[index + 2]
    if verb in _NOT_VERBS:  # "committed to the agreement": no action named
        return
    signals.add("agreed to keep talking" if verb in _TALK_VERBS else "agreed to act")


def _remains(padded: list[str], index: int) -> bool:
    """ "Issues ..., including ..., remain": the verb may stand a long phrase after its subject."""
    for token in padded[index + 1 : index + 16]:
        if token in _ENDS:
            return False
        if token in _REMAIN:
            return True
    return False


def _future_of_talks(window: list[str], signals: set[str]) -> None:
    """The talks' own next step (a round, a meeting), not a step of carrying a deal out."""
    if _TALKS.intersection(window) and not _STEPS.intersection(window):
        signals.add("the talks' next step")


def _gap(padded: list[str], token: str, index: int, signals: set[str]) -> None:
    """A gap the text names: "sticking points", "did not specify", "yet to be agreed"."""
    following = padded[index + 1]
    previous = padded[index - 1] if index else ""
    named = (
        (token == "sticking" and following in {"point", "points"})
        or (token == "stumbling" and following == "block")
        or (token in {"specify", "specified", "confirmed", "disclosed"} and previous in _NOTS)
        or token in {"unclear", "unresolved"}
        or (token == "yet" and padded[index + 1 : index + 3] == ["to", "be"] and padded[index + 3] in _SETTLE)
    )
    if named:
        signals.add("a gap named")


def _figure_change(padded: list[str], index: int, signals: set[str]) -> None:
    """ "from # (per cent|%) to #" or "to # from #": a figure moved from one value to another."""
    ahead = padded[index + 2 : index + 6]
    forwards = "to" in ahead and "#" in padded[index + 2 + ahead.index("to") : index + 8]
    backwards = "#" in padded[max(0, index - 4) : index] and "to" in padded[max(0, index - 6) : index]
    if forwards or backwards:
        signals.add("a figure changed from one to another")
