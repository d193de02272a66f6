"""Shapes from the seventh study of real reports (issue #13): each read, and its near miss refused.

Every sentence is invented (people, places, outlets); only the shape is taken from real copy:
a long role with a body and its place before a name, a stray comma between an inverted
quotation's speaker and the verb, verbs that judge ("derided ... as", "slammed"), "blaming"
after a comma, outlets with a possessive and a hyphenated description, "channel" as an
outlet's noun, "a source within ...", counted groups, firms named "... Economics", suspended
hyphens ("trade- and tax-focused"), and the audience of "told journalists", never a source.
"""

from __future__ import annotations

import pytest

from briefing_tui.analysis import analyse
from briefing_tui.analysis.sources import find_mentions
from briefing_tui.model import SourceKind
from mention_names import briefing_of, named


def _kinds(text: str) -> list[tuple[str, str | None]]:
    return [(text[m.start : m.end], m.kind.value if m.kind else None) for m in find_mentions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Head of the Institute for Border Studies in Velmar Orin Dask also said that the talks were over.",
        "Director of the Centre for Peace and Border Studies in Velmar Orin Dask said the talks were over.",
    ],
)
def test_a_role_of_a_placed_body_before_a_name(text: str) -> None:
    (mention,) = find_mentions(text)
    assert text[mention.start : mention.end] == text[: text.index(" Dask") + 5]
    assert mention.kind is SourceKind.NAMED_PERSON and mention.name == "Orin Dask"


def test_a_role_of_a_placed_body_with_no_name_stays_an_official() -> None:
    assert _kinds("Head of the Kessa Centre in Velmar said that the talks were over.") == [
        ("Head of the Kessa Centre in Velmar", "official")
    ]


def test_a_stray_comma_after_an_inverted_quotations_speaker() -> None:
    assert named('"We are close," Velmar envoy Pell Varno, said on Monday.') == ["Velmar envoy Pell Varno"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks were over. Separately, said the envoy.", ["the envoy"]),  # an adverb, no speaker
        ("Earlier, the envoy, said no.", []),  # no quotation before the speaker
    ],
)
def test_commas_before_a_verb_that_name_no_speaker_before_them(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The Korvath Front derided the list as a "paper deal".', "The Korvath Front"),
        ("The Lorvic presidency reacted angrily, blaming the rebels for the delay.", "The Lorvic presidency"),
        ("The dockers' union hit back, accusing the port of bad faith.", "The dockers' union"),
    ],
)
def test_verbs_that_judge_and_participles_that_blame(text: str, expected: str) -> None:
    assert named(text) == [expected]


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        (
            "Velmar's state-owned Kessa TV reported that the talks had stalled.",
            "Velmar's state-owned Kessa TV",
            "Kessa TV",
        ),
        (
            "Dravosk's state-affiliated Orel News TV channel reported that the talks had stalled.",
            "Dravosk's state-affiliated Orel News TV channel",
            "Orel News",
        ),
        ("The channel said the delegation would return.", "The channel", "the channel"),
        ("Channel 9 reported that the delegation would return.", "Channel 9", "Channel 9"),
        (
            "The Velmar broadcasting authority reported that the talks had stalled.",
            "The Velmar broadcasting authority",
            "the Velmar broadcasting authority",
        ),
    ],
)
def test_outlets_with_descriptions_and_channels(text: str, span: str, name: str) -> None:
    (mention,) = find_mentions(text)
    assert (text[mention.start : mention.end], mention.kind, mention.name) == (span, SourceKind.OUTLET, name)


def test_back_channels_are_no_outlet() -> None:
    assert _kinds("The talks moved through back channels, officials said.") == [("officials", "official")]


def test_a_source_within_a_body() -> None:
    assert named("A source within the delegation said the talks had stalled.") == [
        "A source within the delegation"
    ]


@pytest.mark.parametrize("name", ["Kessa Economics", "Dravo Analytics"])
def test_firms_named_for_their_trade_are_bodies(name: str) -> None:
    assert _kinds(f"{name} said growth would slow.") == [(name, "organization")]


def test_a_suspended_hyphen_keeps_the_phrase_whole() -> None:
    text = "Members of the trade- and tax-focused Velmar Assembly's Budget Committee said the deal was weak."
    assert named(text) == ["Members of the trade- and tax-focused Velmar Assembly's Budget Committee"]


@pytest.mark.parametrize(
    "text",
    [
        "Orin Dask told journalists that he couldn't say when a deal would come.",
        "Orin Dask told journalists that he didn’t say when a deal would come.",
    ],
)
def test_the_audience_of_told_is_no_source(text: str) -> None:
    assert named(text) == ["Orin Dask"]


def test_a_lone_words_stance_inside_a_reported_clause_is_the_reporters() -> None:
    assert named("In Kessa, the commerce ministry said Velmar hoped the two sides could agree.") == [
        "the commerce ministry"
    ]


def test_a_counted_group_is_the_group_named_before() -> None:
    briefing = analyse(
        briefing_of(
            "Mediators made progress overnight, officials said.",
            "Three officials said the coming days would be critical.",
        )
    )
    assert [source.name for source in briefing.sources] == ["officials"]


def test_a_surname_seen_before_a_possessive_is_a_person() -> None:
    briefing = analyse(
        briefing_of(
            "The talks ended with a terse reply to President Ardo Velk's warning.",
            "Velk accused the rebels of stalling.",
        )
    )
    # Named by the fullest name the text uses, the possessive left out.
    assert [(source.name, source.kind) for source in briefing.sources] == [
        ("Ardo Velk", SourceKind.NAMED_PERSON)
    ]


def test_a_place_after_a_sentence_opener_is_no_surname() -> None:
    briefing = analyse(
        briefing_of(
            "In Kessavar's capital, prices have doubled.",
            "Kessavar said the plan was a fantasy.",
        )
    )
    assert [source.kind for source in briefing.sources] != [SourceKind.NAMED_PERSON]


def test_slammed_reports_whatever_it_slams() -> None:
    assert named("The Korvath Front slammed the offer.") == ["The Korvath Front"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Al-Kessa TV network said the talks had failed.", "the Al-Kessa TV"),
        ("The TV channel said the talks had failed.", "the TV channel"),
    ],
)
def test_a_tv_network_is_an_outlet_named_without_its_noun(text: str, name: str) -> None:
    (mention,) = find_mentions(text)
    assert (mention.kind, mention.name) == (SourceKind.OUTLET, name)


def test_a_network_alone_stays_a_body() -> None:
    assert _kinds("The network said the talks had failed.") == [("The network", "organization")]


def test_a_news_agency_is_also_its_plain_name() -> None:
    briefing = analyse(
        briefing_of("Talks resumed, the Kessa news agency reported.", "Kessa said the talks would go on.")
    )
    assert [(source.name, source.aliases) for source in briefing.sources] == [
        ("the Kessa news agency", ("Kessa",))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A source confirmed the existence of the talks to The Times of Velmar on Wednesday.",
            ["A source", "The Times of Velmar"],
        ),
        ("The envoy said he would travel to Kessa on Monday.", ["The envoy"]),  # a place
        ("The minister said he had spoken to the Kessa Post editor.", ["The minister"]),  # a person
    ],
)
def test_an_outlet_a_speaker_addressed(text: str, expected: list[str]) -> None:
    assert named(text) == expected


def test_a_part_of_a_group_opens_a_list_of_speakers() -> None:
    text = "One of the three officials and a Korvath official said there were hurdles."
    assert named(text) == ["One of the three officials", "a Korvath official"]


@pytest.mark.parametrize(
    "tail",
    [
        "said the Ferran Union's envoy for the Northern Straits, former Velmari President Ivo Kestrel.",
        "announced the head of the mediation panel, former minister Ivo Kestrel.",
        "said the envoy, Ivo Kestrel.",
    ],
)
def test_an_inverted_role_then_a_titled_name_is_the_named_speaker(tail: str) -> None:
    # "..., said the ROLE, TITLE NAME.": the name after the comma is who spoke, its own
    # title kept in the span; the role before it describes him.
    text = f'"Both sides have agreed to stop firing," {tail}'
    (mention,) = find_mentions(text)
    assert mention.kind is SourceKind.NAMED_PERSON and mention.name == "Ivo Kestrel"
    assert text[mention.start : mention.end] == tail[tail.index(", ") + 2 : -1]


@pytest.mark.parametrize(
    "tail", ["said the envoy, a former president.", "said the envoy, speaking in Port Ellis."]
)
def test_an_inverted_role_then_an_aside_without_a_name_stays_the_role(tail: str) -> None:
    assert _kinds(f'"Both sides have agreed to stop firing," {tail}') == [("the envoy", "official")]
