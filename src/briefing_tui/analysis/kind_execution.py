"""Shapes of a deal being carried out that real wire copy tells without the words of a plan.

Studied on real reports (issue #12, a private development set): a swap told as the captives
coming home ("90 prisoners of war are being returned", "the detainees were allowed to go home"),
a truce told as taking effect ("the ceasefire came into effect at midnight"), a watchdog's finding
on a deal in force ("its inspectors had detected particles", "urged Kessa to explain"), and a
members' vote told as done ("voted in a secret ballot to ratify the contract"). The model read
them as background (prisoners, war, years), as talks (a deal "brokered by", a negotiation verb)
or as a gap ("the matter remains unresolved"). These signals name each shape:

* "captives freed": captives (prisoners, detainees, hostages, soldiers...) and a verb of freeing
  or returning them, told as done or under way, not as what a deal would do;
* "a deal takes effect": a truce, deal or pause that "came into effect", "took effect", "took
  hold", "entered into force" (done, not "will take effect");
* "a compliance finding": a watchdog, its inspectors or monitors, and a verb of finding,
  reporting or urging; or a breach, a violation, compliance named;
* "a vote taken": members, a board or a parliament who voted, ratified or approved, or a
  ballot and its tally ("a simple majority", "votes cast").

Like `kind_reports`, every pattern starts from a few trigger words found by set intersection and
looks only a few tokens around them, so the cost stays linear in the paragraph's length.
"""

from __future__ import annotations

from briefing_tui.analysis.kind_lexicon import words
from briefing_tui.analysis.kind_shapes import places, sentence_window

__all__ = ["EXECUTION_SIGNALS", "execution_signals"]

EXECUTION_SIGNALS = (
    "captives freed",
    "a deal takes effect",
    "a compliance finding",
    "a vote taken",
)
"""Every signal this module can add, in the order of the module's docstring."""

_WINDOW = 7
_CAPTIVES = words(
    "prisoners prisoner detainees detainee hostages hostage captives captive servicemen soldiers "
    "inmates pows fishermen abductees"
)
_FREEING = words(
    "freed released returned exchanged swapped repatriated flown handed reunited home crossed arrived landed"
)
_NOT_YET = words("will would to shall could must should may might agreed agree")
_TAKING = words("came comes come took takes went goes entered enters")
_EFFECT = words("effect force hold")
_WATCHERS = words("watchdog inspectors inspector inspection inspections monitors monitoring observers")
_FINDING = words(
    "detected found recorded reported confirmed verified urged accused documented counted logged "
    "visited sampled samples report explain pressed"
)
_BREACHES = words("violation violations breach breaches breached violated compliance undeclared")
_VOTED = words("voted ratified approved endorsed balloted accepted")
_VOTERS = words(
    "members membership workers union board parliament congress senate lawmakers legislature "
    "cabinet shareholders delegates assembly employees nurses teachers"
)
_BALLOT = words("ballot ballots tally majority cast")
_TALLIES = {"majority": words("simple thirds"), "cast": words("votes ballots")}
_TRIGGERS = _FREEING | _TAKING | _WATCHERS | _BREACHES | _VOTED | _BALLOT


def execution_signals(tokens: list[str], signals: set[str]) -> None:
    """Add to ``signals`` the shapes of a deal being carried out found in the paragraph's ``tokens``."""
    padded = [*tokens, "", "", ""]  # so that a look ahead never runs off the end
    for token in _TRIGGERS.intersection(tokens):
        for index in places(tokens, token):
            window = sentence_window(tokens, index, _WINDOW)
            if token in _FREEING and _CAPTIVES.intersection(window) and not _planned(tokens, index):
                signals.add("captives freed")
            if token in _TAKING and _takes_effect(padded, index) and not _planned(tokens, index):
                signals.add("a deal takes effect")
            if (token in _WATCHERS and _FINDING.intersection(window)) or token in _BREACHES:
                signals.add("a compliance finding")
            if (token in _VOTED and _VOTERS.intersection(window)) or _ballot(tokens, token, index):
                signals.add("a vote taken")


def _ballot(tokens: list[str], token: str, index: int) -> bool:
    """A ballot or its tally: "in a secret ballot", "a simple majority", "votes cast"."""
    if token not in _BALLOT:
        return False
    before = _TALLIES.get(token)
    return before is None or (index > 0 and tokens[index - 1] in before)


def _takes_effect(padded: list[str], index: int) -> bool:
    """ "came into effect", "took effect", "took hold", "entered into force"."""
    following = padded[index + 1]
    if following == "into":
        return padded[index + 2] in _EFFECT
    return following in _EFFECT


def _planned(tokens: list[str], index: int) -> bool:
    """ "would free", "will be returned", "agreed to release": what a deal would do, not done."""
    return not _NOT_YET.isdisjoint(tokens[max(0, index - 3) : index])
