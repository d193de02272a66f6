"""Shapes from the eighth study of real reports (issue #13): each read, and its near miss refused.

Every sentence is invented (people, places, outlets); only the shape is taken from real copy:
outlet titles set in quotation marks instead of italics, outlets named by an opening word
("Radio Vessa", "Daily Sentinel") or a closing time word ("Valley Today"), an outlet described
as "radio" before its name, a role set off by a dash aside after a name, two portfolios joined
by "and" before a role, a person after a capitalised portfolio, "interim" before a role, and
an armed movement named by its members ("the rebels") speaking as one body.
"""

from __future__ import annotations

import pytest

from briefing_tui.analysis.quoted_titles import unquote_titles
from briefing_tui.analysis.sources import find_mentions
from mention_names import named


def _kinds(text: str) -> list[tuple[str, str | None]]:
    return [(m.name, m.kind.value if m.kind else None) for m in find_mentions(text) if m.pronoun is None]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The plan was dead, a senior aide told the 'Daily Courier' on Monday.", "the Daily Courier"),
        ('The plan was dead, a senior aide told the "Daily Courier" on Monday.', "the Daily Courier"),
        ("“We will not sign,” Vessa Marlow said in an interview with “Valley Gazette”.", "Valley Gazette"),
        ("The 'Vessa Star' newspaper reported that the talks had stalled.", "the Vessa Star newspaper"),
    ],
)
def test_an_outlet_title_in_quotation_marks_is_an_outlet(text: str, outlet: str) -> None:
    assert (outlet, "outlet") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        'Marlow said "We Will Sign" was the only answer.',  # a quotation in capitals, not after "told"
        "The union's 'no' vote stood, Marlow said.",  # a quoted word in lower case
        "She told the workers' 'Vessa Star' it was over.",  # a possessive's mark, not a title's
    ],
)
def test_quotation_marks_that_are_no_title_stay(text: str) -> None:
    assert unquote_titles(text) == text


def test_blanking_a_title_keeps_every_offset() -> None:
    text = "An aide told the 'Daily Courier' on Monday."
    unquoted = unquote_titles(text)
    assert len(unquoted) == len(text)
    assert "'" not in unquoted and "Daily Courier" in unquoted


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The talks had stalled, Sorell told Radio Vessa.", "Radio Vessa"),
        ("The talks had stalled, the Daily Sentinel reported.", "the Daily Sentinel"),
        ("The talks had stalled, Sorell told Channel Nine on Monday.", "Channel Nine"),
        ("The plan was dead, Marlow told Valley Today.", "Valley Today"),
        ("“We will not sign,” Vessa Marlow said in an interview with Valley Today.", "Valley Today"),
        ("The government is ready, Tomas Erel said on radio Marendi.", "Marendi"),
        ("The government is ready, Tomas Erel said on state-sponsored radio Marendi.", "Marendi"),
        ("The offer was low, Vessa FM reported.", "Vessa FM"),
    ],
)
def test_an_outlet_named_without_a_last_outlet_word(text: str, outlet: str) -> None:
    assert (outlet, "outlet") in _kinds(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Radio Workers Union said the talks had stalled.", ("the Radio Workers Union", "organization")),
        (
            "The Ministry of Irrigation and Broadcasting said the unions had erred.",
            ("the Ministry of Irrigation and Broadcasting", "organization"),
        ),
    ],
)
def test_a_body_with_an_outlet_word_in_its_name_stays_a_body(text: str, expected: tuple[str, str]) -> None:
    assert _kinds(text) == [expected]


def test_state_radio_without_a_name_is_no_source() -> None:
    assert named("Tomas Erel told state radio the offer was low.") == ["Tomas Erel"]
    assert named("Marlow said Today the talks end.") == ["Marlow"]


@pytest.mark.parametrize(
    "text",
    [
        "Tavi Norrel, the head of a delegation backing Lorin Vask - the rebel leader - confirmed the deal.",
        "Tavi Norrel, the head of a delegation backing Lorin Vask — the rebel leader — confirmed the deal.",
    ],
)
def test_a_name_before_a_role_with_a_dash_aside_is_the_source(text: str) -> None:
    assert named(text) == ["Tavi Norrel"]
    assert find_mentions(text)[0].description == "the head of a delegation backing Lorin Vask"


def test_a_role_with_a_dash_aside_and_no_name_before_is_the_source() -> None:
    assert named("The head of the delegation — a former nurse — said the deal held.") == [
        "The head of the delegation"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Union Irrigation and Shipping Minister Vanko Drell said the unions had erred.",
            ["Vanko Drell"],
        ),
        ("Mines and Energy Minister Eli Dask said the unions had erred.", ["Eli Dask"]),
        # a person's name before "and" is a second speaker, not a portfolio
        ("Ana Roe and Finance Minister Eli Dask said the unions had erred.", ["Ana Roe", "Eli Dask"]),
    ],
)
def test_two_portfolios_joined_before_a_role(text: str, expected: list[str]) -> None:
    assert [name for name, _ in _kinds(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“We will sign,” said Minister of Coastal Administration Osric Belmane, who was present.",
            ("Osric Belmane", "named_person"),
        ),
        (
            "Minister of reconciliation Clara Yakoma said the deal was signed.",
            ("Clara Yakoma", "named_person"),
        ),
        (
            "The Minister of Foreign Affairs said the deal was signed.",
            ("the Minister of Foreign Affairs", "official"),
        ),
        (
            "The Minister for Trade and Industry said the deal was signed.",
            ("the Minister for Trade and Industry", "official"),
        ),
    ],
)
def test_a_person_after_a_capitalised_portfolio(text: str, expected: tuple[str, str]) -> None:
    assert _kinds(text) == [expected]


def test_an_interim_role_before_a_name_in_apposition() -> None:
    text = "The interim premier's private secretary, Pello Arvin, says the order protects the public."
    assert named(text) == ["Pello Arvin"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks stalled on Monday, the rebels said.", ("the rebels", "organization")),
        (
            "The Kessan militants said in a statement they would keep fighting.",
            ("the Kessan militants", "organization"),
        ),
        ("Two rebels said the camp was empty.", ("two rebels", "anonymous")),
        ("The two rebels said the camp was empty.", ("the two rebels", "anonymous")),
        ("Rebels said the camp was empty.", ("rebels", "anonymous")),
        ("The unions said the offer was too low.", ("the unions", "organization")),
    ],
)
def test_an_armed_movement_named_by_its_members(text: str, expected: tuple[str, str]) -> None:
    assert _kinds(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Afterwards Marlow told reporters the deal was fair.", ["Marlow"]),
        ("Nonetheless Marlow said the deal was fair.", ["Marlow"]),
        ("Separately Ana Roe said the deal was fair.", ["Ana Roe"]),
        ("Finally the union said the deal was fair.", ["the union"]),
    ],
)
def test_a_sentence_adverb_without_a_comma_is_no_part_of_the_name(text: str, expected: list[str]) -> None:
    assert [name for name, _ in _kinds(text)] == expected


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The army imposed a curfew on Tarvel, al-Jazeera Kessan reported.", "al-Jazeera Kessan"),
        ("The army imposed a curfew on Tarvel, al-Jazeera reported.", "al-Jazeera"),
        ("The army imposed a curfew on Tarvel, BBC Vessan reported.", "BBC Vessan"),
    ],
)
def test_a_known_outlet_with_a_hyphen_or_an_edition_word(text: str, outlet: str) -> None:
    assert _kinds(text) == [(outlet, "outlet")]


def test_a_person_after_the_comma_stays_a_person() -> None:
    assert _kinds("The army imposed a curfew on Tarvel, Ana Roe said.") == [("Ana Roe", "named_person")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In Tarvel, the mayor said the strike would end.", [("the mayor", "official")]),
        ("From Tarvel, the mayor said the strike would end.", [("the mayor", "official")]),
        ("Ana Roe, the mayor said the strike would end.", [("Ana Roe", "named_person")]),
    ],
)
def test_a_place_before_a_role_is_no_person(text: str, expected: list[tuple[str, str]]) -> None:
    assert _kinds(text) == expected
