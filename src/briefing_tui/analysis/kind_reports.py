"""Shapes of wire reports *about* a deal or talks that the other signals misread.

Studied on real reports (issue #12, a private development set): a report quotes an agreed
text as if it were a speaker ("..., the joint statement said"), tells the procedure that puts
a tentative deal into effect without the words of carrying it out ("the bargaining committee
recommended that members accept it", "he will need to sign off on the plan"), tells the talks'
own travel and timetable with verbs of carrying out ("the delegation is to leave for home
later Friday"), and closes with a party's profile or the markets. These signals name each
shape so the model can learn it apart:

* "a document speaks": an agreed text is the subject or the channel of a reporting verb ("the
  statement said", "said the joint communique", "according to the deal");
* "an approval step": a verb or noun of approving a deal (approve, ratify, endorse, sign off,
  vote) with who approves it (members, the board, parliament) or the deal itself in its sentence;
* "the talks' own timetable": the delegations, the meeting or the talks, and a verb of travel or
  of starting and ending, close together;
* '"under the deal"', past a longer noun phrase ("under a modest interim deal"), which the
  grammar signals read only two words deep;
* "a profile of a party": "represents / employs / has" a figure of workers or members;
* "the markets move": bonds, shares or a currency, and a verb of rising or falling;
* "a document quoted": a document speaks, in quotation marks ("'The two sides will ...,' the
  statement said"): the words are the agreed text's, not a party's view of the talks;
* "an agreed text quoted": a document quoted that says the sides agreed or committed to act
  ("'The two sides agreed to ease military tension,' the statement said"): its commitments, where
  "a document quoted" alone also covers what a statement says of the talks themselves.

Like `kind_shapes`, every pattern starts from a few trigger words found by set intersection and
looks only a few tokens around them, so the cost stays linear in the paragraph's length.
"""

from __future__ import annotations

from briefing_tui.analysis.kind_lexicon import words
from briefing_tui.analysis.kind_shapes import places, sentence_window

__all__ = ["REPORT_SIGNALS", "report_signals"]

REPORT_SIGNALS = (
    "a document speaks",
    "an approval step",
    "the talks' own timetable",
    '"under the deal"',
    "a profile of a party",
    "the markets move",
    "a document quoted",
    "an agreed text quoted",
)
"""Every signal this module can add, in the order of the module's docstring."""

_NUMBER = "#"
_DOCUMENTS = words(
    "statement communique communiqué declaration text document agreement deal accord memorandum "
    "resolution decision pact treaty"
)
_SAYING = words("said says stated states read reads added adds noted notes")
_DOC_DETERMINERS = words("the a its their this that joint final")
_APPROVING = words(
    "approve approved approves approving approval ratify ratified ratifies ratifying ratification "
    "endorse endorsed endorses endorsement vote voted votes voting ballot balloted recommended "
    "recommend recommends"
)
_APPROVERS = words(
    "members membership board parliament congress senate lawmakers legislature cabinet "
    "shareholders bondholders holders committee assembly president council"
)
_DEALS = words("deal agreement accord pact treaty contract settlement plan package text")
_TALK_BODIES = words(
    "delegation delegations delegates negotiators envoy envoys meeting meetings talks round session "
    "summit team teams"
)
_TRAVEL = words(
    "leave leaves left depart departs departed departure arrive arrives arrived arrival travel "
    "travels travelled traveled fly flew return returned home end ends ended close closed "
    "conclude concluded wrap wrapped adjourn adjourned"
)
_UNDER_DETERMINERS = words("the a an this that its their new draft final interim")
_UNDER_DEALS = words("deal agreement accord pact treaty contract truce ceasefire settlement terms plan")
_PROFILE_VERBS = words("represents represent employs employ counts")
_PROFILE_NOUNS = words("workers employees members staff people nurses teachers drivers")
_MARKETS = words("bonds bond shares stocks stock notes yields currency index markets")
_MOVES = words(
    "rose rise rises fell fall falls surged surge slumped slump gained gains jumped dropped rallied "
    "steady climbed slid tumbled cents risen fallen unchanged"
)
_WINDOW = 6
_TRIGGERS = _DOCUMENTS | _SAYING | {"according", "off"} | _APPROVING | _TALK_BODIES | {"under"}
_TRIGGERS |= _PROFILE_VERBS | _MARKETS


def report_signals(tokens: list[str], signals: set[str]) -> None:
    """Add to ``signals`` the shapes of reports about a deal found in the paragraph's ``tokens``."""
    padded = [*tokens, "", "", "", "", ""]  # so that a look ahead never runs off the end
    for token in _TRIGGERS.intersection(tokens):
        for index in places(tokens, token):
            window = sentence_window(tokens, index, _WINDOW)
            _document_speaks(padded, token, index, signals)
            _approval(padded, token, index, window, signals)
            _context_shapes(padded, token, index, window, signals)
    if "a document speaks" in signals and "quotes someone" in signals:
        signals.add("a document quoted")
        if "agreed to act" in signals:  # read by kind_shapes, which runs first
            signals.add("an agreed text quoted")


def _context_shapes(padded: list[str], token: str, index: int, window: list[str], signals: set[str]) -> None:
    """The talks' timetable, "under" a long deal phrase, a party's profile, the markets."""
    ahead = padded[index + 2 : index + 6]
    if token in _TALK_BODIES and _TRAVEL.intersection(window):
        signals.add("the talks' own timetable")
    if token == "under" and padded[index + 1] in _UNDER_DETERMINERS and _UNDER_DEALS.intersection(ahead):
        signals.add('"under the deal"')
    profile = token in _PROFILE_VERBS and _NUMBER in padded[index + 1 : index + 4]
    if profile and _PROFILE_NOUNS.intersection(ahead):
        signals.add("a profile of a party")
    if token in _MARKETS and _MOVES.intersection(window):
        signals.add("the markets move")


def _document_speaks(padded: list[str], token: str, index: int, signals: set[str]) -> None:
    """ "The statement said", "said the joint statement", "according to the deal"."""
    if token in _DOCUMENTS and padded[index + 1] in _SAYING:
        if index == 0 or padded[index - 1] != "a" or padded[index - 2] != "in":  # "in a statement, X said"
            signals.add("a document speaks")
    elif token in _SAYING or token == "according":
        start = index + 2 if token == "according" and padded[index + 1] == "to" else index + 1
        ahead = padded[start : start + 3]
        if ahead[:1] and ahead[0] in _DOC_DETERMINERS and _DOCUMENTS.intersection(ahead[1:]):
            signals.add("a document speaks")


def _approval(padded: list[str], token: str, index: int, window: list[str], signals: set[str]) -> None:
    """A deal's approval: "members will vote on the deal", "he will need to sign off on the plan"."""
    approving = token in _APPROVING or (token == "off" and index and padded[index - 1] == "sign")
    if approving and (_APPROVERS.intersection(window) or _DEALS.intersection(window)):
        signals.add("an approval step")
