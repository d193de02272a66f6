"""Shapes met in wire copy studied for issue #13 (round 4): what a speaker's reported clause
holds, outlets named after the words they carried, outlets and speakers known by a role.

The sentences are invented, in the shapes of real reports (docs/labelling.md, section 8).
"""

from __future__ import annotations

import pytest

from briefing_tui.analysis.sources import find_mentions, outlet_names
from briefing_tui.model import SourceKind


def spans(text: str) -> list[str]:
    """The naming words of every mention, pronouns included."""
    return [text[m.start : m.end] for m in find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A pronoun opening the clause a speaker reports is what they said, not a second report.
        ("Ana Roe said on Thursday he hoped the sides would sign.", ["Ana Roe"]),
        ("But she said she expected a vote by Friday.", ["she"]),
        ("The envoy told reporters that he believed the gap was narrow.", ["The envoy"]),
    ],
)
def test_a_pronoun_inside_a_reported_clause_is_no_new_attribution(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A new clause, a relative clause or a new sentence reports again.
        ("Ana Roe said the gap was wide, and she warned it could grow.", ["Ana Roe", "she"]),
        ("Ana Roe welcomed what she called “a sensible deal”.", ["Ana Roe", "she"]),
        ("Ana Roe said the gap was wide. She warned it could grow.", ["Ana Roe", "She"]),
    ],
)
def test_a_pronoun_after_the_reported_clause_still_reports(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def kinds(text: str) -> list[tuple[str, str | None]]:
    """The naming words and kind of every mention that is not a pronoun."""
    return [
        (text[m.start : m.end], m.kind.value if m.kind else None)
        for m in find_mentions(text)
        if m.pronoun is None
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The owner of a programme is the outlet a speaker spoke on or to.
        (
            "Ana Roe said on Radio Velmar's Morning Desk programme that the gap was wide.",
            [("Ana Roe", "named_person"), ("Radio Velmar", "outlet")],
        ),
        (
            "Ana Roe told the VBC's Evening show that the gap was wide.",
            [("Ana Roe", "named_person"), ("the VBC", "outlet")],
        ),
        (
            "Ana Roe said on Harbour Radio that the gap was wide.",
            [("Ana Roe", "named_person"), ("Harbour Radio", "outlet")],
        ),
        # A lone name that "reported" what a speaker said, closing the sentence, carried it.
        (
            "“The mood was tense,” Ivo Tamm said, Nordpress reported.",
            [("Ivo Tamm", "named_person"), ("Nordpress", "outlet")],
        ),
    ],
)
def test_outlets_a_speaker_spoke_through(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A time or a place after "said on" is no outlet; nor an owner's non-programme noun.
        ("Officials said on Monday that the gap was wide.", [("Officials", "official")]),
        ("Ana Roe told the party's conference that the gap was wide.", [("Ana Roe", "named_person")]),
        ("Ana Roe said on state television that the gap was wide.", [("Ana Roe", "named_person")]),
        # "reported" by a lone name with no speaker before it keeps its unknown kind.
        ("Forty people died, Gorvan reported.", [("Gorvan", None)]),
    ],
)
def test_no_outlet_without_a_programme_or_a_speaker(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A common noun may modify the people noun that heads the phrase.
        (
            "A crane driver at the pier told our reporter she would vote yes.",
            [("A crane driver at the pier", "anonymous")],
        ),
        (
            "The two coalition partners issued a joint statement saying they agreed.",
            [("The two coalition partners", "organization")],
        ),
        # A press review's present "claims", like "says".
        ("The Coast Courier claims the government has bowed.", [("The Coast Courier", "outlet")]),
        # A hyphen between spaces sets off an aside as a dash does.
        (
            "Tom Varley - the prime minister's spokesman - revealed that talks failed.",
            [("Tom Varley", "named_person")],
        ),
        ("The body said the talks had failed.", [("The body", "organization")]),
    ],
)
def test_people_nouns_after_a_modifier_claims_and_spaced_dashes(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rebel claims of victory could not be checked.",  # "claims" is a noun here
        "The claims the government made were false.",
        "The ceasefire - agreed in May - held.",  # an aside names no one by itself
        "A crane collapsed at the pier.",  # no people noun, no verb of speech
    ],
)
def test_noun_claims_and_asides_name_no_source(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Will members say yes? Most have not decided.",  # a question asks, nobody has said
        "Did the union say yes?",
        "Implementation has never been as fast as its drafters hoped.",  # a comparison
        "Costs rose more than officials expected.",
        "The draft is a written text.",  # a verb form after an article is an adjective
    ],
)
def test_questions_comparisons_and_adjectives_attribute_nothing(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As the minister said, the deal is done.", [("the minister", "official")]),
        ("Members said yes. Will it hold?", [("Members", "anonymous")]),
        # A trade before a name is a role: "Regional organiser", "Human rights lawyer".
        (
            "Regional organiser Alan Rodgers: “Nobody strikes for fun.”",
            [("Regional organiser Alan Rodgers", "named_person")],
        ),
        (
            "Human rights lawyer Ana Roe said the deal was flawed.",
            [("Human rights lawyer Ana Roe", "named_person")],
        ),
    ],
)
def test_speakers_beside_questions_and_roles_before_names(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Names of firms end in words of trade; a think tank or a processor is a body.
        ("Meridian Ratings said the vote removed a risk.", [("Meridian Ratings", "organization")]),
        (
            "Greenline Research, a think tank, says the floor is low.",
            [("Greenline Research", "organization")],
        ),
        (
            "Harbour Seafoods, the town's biggest processor, said it would cut jobs.",
            [("Harbour Seafoods", "organization")],
        ),
        # A capitalised name of three words ending in a people noun is a body's name.
        (
            "Lakes Peace Women, a local peace group, said families were afraid.",
            [("Lakes Peace Women", "organization")],
        ),
    ],
)
def test_bodies_named_like_trades_or_people(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mira Holt, a market trader, said prices fell.", [("Mira Holt", "named_person")]),
        ("Peace women in the valley said they were afraid.", [("Peace women in the valley", "anonymous")]),
    ],
)
def test_people_stay_people(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert kinds(text) == expected


def test_the_publisher_named_as_the_channel_is_an_outlet() -> None:
    text = "A senior official told NBN that the deal was done."
    outlets = outlet_names("NBN")
    assert [(text[m.start : m.end], m.kind) for m in find_mentions(text, outlets)] == [
        ("A senior official", SourceKind.OFFICIAL),
        ("NBN", SourceKind.OUTLET),
    ]
    assert outlet_names("The Harbour Courier") == {"harbour courier", "harbour", "courier"}


def test_a_name_that_did_not_publish_the_report_is_no_outlet() -> None:
    text = "A senior official told NBN that the deal was done."
    assert [text[m.start : m.end] for m in find_mentions(text, outlet_names("Meridian News"))] == [
        "A senior official"
    ]
    # A ministry's press release: its name is no outlet, and its words are not taken apart.
    assert outlet_names("Ministry of Foreign Affairs of Ostmark") == {
        "ministry of foreign affairs of ostmark"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fund said in a statement that it would send a team.", ["The fund"]),
        ("The ministers took the oath shortly after 10am, the palace said.", ["the palace"]),
        # "reports" closing the clause of what was reported, or before "from ... that".
        ("The board has met twice, the commission reports.", ["the commission"]),
        ("Cathay issued 212 licences, the ministry reports, against 31 before.", ["the ministry"]),
        (
            "Our correspondent Mira Holt reports from the quay that the boats are in.",
            ["Our correspondent Mira Holt"],
        ),
        # A record's owner after "a poll by", "data published by".
        ("Flows rose, according to data published by Belosa Gas.", ["Belosa Gas"]),
        # "and" before a determiner starts a second phrase of the list.
        (
            "It was agreed, according to a draft seen by Reuters and two people familiar with the talks.",
            ["Reuters", "two people familiar with the talks"],
        ),
    ],
)
def test_bodies_records_and_closing_reports(text: str, expected: list[str]) -> None:
    assert [words for words, _ in kinds(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Local reports, however, differ.",  # "reports" as a noun, no report before a comma
        "The reports were late.",
        "The fund's board met.",  # a body that only acts
    ],
)
def test_reports_as_a_noun_and_bodies_that_act(text: str) -> None:
    assert kinds(text) == []


def test_given_names_that_are_function_words_with_their_capital() -> None:
    assert kinds("Per Lind, Ostmark's trade commissioner, further said that it was hard.") == [
        ("Per Lind", "named_person")
    ]
    assert kinds("Costs rose 3 per cent, officials said.") == [("officials", "official")]
    assert kinds("Can the deal survive? Nobody knows.") == []


def test_a_promise_of_a_thing_is_an_act_and_a_promise_that_is_speech() -> None:
    assert kinds("Both governments have promised them a return that neither can deliver.") == []
    assert kinds("The minister promised them that the plant would stay open.") == [
        ("The minister", "official")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An outlet's possessive before a programme's quoted title is the outlet.
        (
            'Ana Roe told Harbour TV\'s "Sunday Desk" that talks would resume.',
            [("Ana Roe", "named_person"), ("Harbour TV", "outlet")],
        ),
        # "X and his counterpart, Y, said": the aside names the second speaker.
        (
            "Ivo Marek and his Velmari counterpart, Ana Roe, said talks would resume.",
            [("Ivo Marek", "named_person"), ("Ana Roe", "named_person")],
        ),
        (
            "Ivo Marek and a Velmari official, who asked not to be named, said no.",
            [("Ivo Marek", "named_person"), ("a Velmari official", "official")],
        ),
    ],
)
def test_programme_titles_and_a_counterpart_named_in_an_aside(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert kinds(text) == expected


def test_an_owner_that_is_no_outlet_before_a_noun_is_no_channel() -> None:
    assert kinds("Ana Roe told Kestria's president that the gap was wide.") == [("Ana Roe", "named_person")]
    # an outlet's reporter told is the outlet as the channel (docs/labelling.md, section 15)
    assert kinds("Ana Roe told Harbour TV's reporter that the gap was wide.") == [
        ("Ana Roe", "named_person"),
        ("Harbour TV", "outlet"),
    ]


def test_an_outlet_that_cited_an_unnamed_source() -> None:
    assert kinds("According to Velmar Radio, which cited a police source, the decree was ready.") == [
        ("Velmar Radio", "outlet"),
        ("a police source", "anonymous"),
    ]
    assert kinds("The minister cited Article 5 of the treaty.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will never accept this,” cried Velmar's delegate, Ivo Marek.", [("Ivo Marek", "named_person")]),
        (
            "The ministry confirmed to Harbour Radio that talks had resumed.",
            [("The ministry", "organization"), ("Harbour Radio", "outlet")],
        ),
        (
            "A separate Velmari security source said talks had resumed.",
            [("A separate Velmari security source", "anonymous")],
        ),
        # A second aside stacked on the first: the person named before both speaks.
        (
            "Ana Roe, the union's president, a former nurse, said talks would resume.",
            [("Ana Roe", "named_person")],
        ),
        (
            "In Portlow, the union's president, a former nurse, said talks would resume.",
            [("the union's president", "official")],
        ),
    ],
)
def test_cries_channels_after_to_and_stacked_asides(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert kinds(text) == expected


def test_weeping_and_telling_a_minister_report_nothing_new() -> None:
    assert kinds("She cried when the list was read.") == []
    assert kinds("The ministry confirmed to the minister that talks had resumed.") == [
        ("The ministry", "organization")
    ]
