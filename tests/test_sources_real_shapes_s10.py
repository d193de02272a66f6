"""Shapes from the tenth study of real reports (issue #13): each read, and its near miss refused.

Every sentence is invented (people, places, outlets); only the shape is taken from real copy:
the object of a preposition standing before a verb ("talks between Vessa and Ostmark
concluded"), a call for an act ("recommended that members approve"), the full stop of an
abbreviation inside a reported clause ("on Dec. 15 because he believes").
"""

from __future__ import annotations

import pytest

from briefing_tui.analysis.sources import find_mentions
from mention_names import named


@pytest.mark.parametrize(
    "text",
    [
        "Talks between Vessa and Ostmark concluded in Lund on Sunday.",
        "Talks between the port authority and Ostmark concluded in Lund.",
        "The meeting with Mr. Kask said little about the quotas.",
        "A dispute among the growers explained nothing.",
    ],
)
def test_the_object_of_a_preposition_is_no_subject(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister met with Kask and the union said it would strike.", ["the union"]),
        ("After talks with Vessa, officials said a deal was close.", ["officials"]),
        ("Talks ended, with mediators saying a deal was close.", ["mediators"]),
        ("Between sessions, the envoys said, the gap narrowed.", ["the envoys"]),
    ],
)
def test_a_subject_after_a_preposition_phrase_still_speaks(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The crew bargaining for four locals recommended that members approve the deal.",
        "The board urged that talks resume at once.",
        "The council requested that the vote be delayed.",
    ],
)
def test_a_call_for_an_act_is_no_claim(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board warned that talks would fail.", ["The board"]),
        ("The board urged members to vote yes, saying the deal was fair.", ["The board"]),
        ("Poorer nations demanded that rich countries pay more.", ["Poorer nations"]),
    ],
)
def test_a_claim_beside_a_call_still_reports(text: str, expected: list[str]) -> None:
    assert named(text) == expected


def test_an_abbreviations_full_stop_keeps_the_reported_clause_open() -> None:
    text = "Duties were put off, and Kask said he expects none on Dec. 15 because he believes a deal is near."
    assert [m.pronoun for m in find_mentions(text)] == [None]


def test_a_real_full_stop_ends_the_reported_clause() -> None:
    text = "Kask said he expects no new duties in March. He believes a deal is near."
    assert [m.pronoun for m in find_mentions(text)] == [None, "he"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We are close,” a dockers union statement read.", ["dockers union"]),
        ("“We stay out,” the guild's statement reads.", ["the guild"]),
        ("“We stay out,” the union's notice reads.", ["the union"]),
        ("“No terms until the vote,” read a press release from Harbour Local 12.", ["Harbour Local 12"]),
        ("The same line was in a separate press release sent by Velmar Shipping.", ["Velmar Shipping"]),
    ],
)
def test_a_record_that_reads_speaks_for_its_owner(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kask read the proposal on Monday.",
        "The minister read out the names of the dead.",  # a person reads aloud
        "The guild welcomed the press release from the council.",  # the release is welcomed
    ],
)
def test_reading_aloud_or_a_release_welcomed_is_no_attribution(text: str) -> None:
    assert "Kask" not in named(text) and "the council" not in named(text)
    assert "The minister" not in named(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Both sides said they would meet again.", ["Both sides"]),
        ("The pact leaves out fishing, which the two sides said would come later.", ["the two sides"]),
        ("The other side said the talks were useful.", ["The other side"]),
    ],
)
def test_the_sides_speak_as_one(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Each side accused the other of breaches.",  # each apart
        "Both sides should say in writing what the truce means.",  # advice
        "Officials must explain what the truce means.",
    ],
)
def test_each_apart_or_advice_is_no_source(text: str) -> None:
    assert named(text) == []


def _kinds(text: str) -> list[tuple[str, str | None]]:
    return [(m.name, m.kind.value if m.kind else None) for m in find_mentions(text) if m.pronoun is None]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The fee will be 2.1 euros, Vessa's energy minister Ana Roe told Nordpress on Monday.", "Nordpress"),
        ("A diplomat told Vestnews the target was early summer.", "Vestnews"),
        ("The port was shut, a harbour official told Tallpost.", "Tallpost"),
    ],
)
def test_one_word_made_of_an_outlets_word_is_an_outlet(text: str, outlet: str) -> None:
    assert (outlet, "outlet") in _kinds(text)


@pytest.mark.parametrize("text", ["Roe told Kask the deal was fair.", "Cypress said the deal was fair."])
def test_a_lone_word_without_an_outlets_word_is_no_outlet(text: str) -> None:
    assert all(kind != "outlet" for _, kind in _kinds(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Salt, Net and Harbour Workers union said the deal was fair.",
            "The Salt, Net and Harbour Workers union",
        ),
        (
            "The deal was fair, the Salt, Net and Harbour Workers union said.",
            "the Salt, Net and Harbour Workers union",
        ),
    ],
)
def test_a_unions_name_keeps_the_list_inside_it(text: str, expected: str) -> None:
    assert named(text) == [expected]


def test_a_list_of_speakers_before_a_union_stays_a_list() -> None:
    assert named("Kask, Roe and the Farmers and Growers Union said the deal was fair.")[-1] == (
        "the Farmers and Growers Union"
    )
    assert len(named("Vessa, Ostmark and the Dockers Union said the deal was fair.")) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Vessan Trade Envoy's (VTE) office said the talks would resume.",
            "The Vessan Trade Envoy's (VTE) office",
        ),
        ("Her office said a deal was close.", "Her office"),
        ("On Friday, her office said a deal was close.", "her office"),
        (
            "The union representing about 850 dock workers said the deal was fair.",
            "The union representing about 850 dock workers",
        ),
    ],
)
def test_an_owned_office_and_a_participle_tail_keep_their_words(text: str, expected: str) -> None:
    assert named(text) == [expected]


def test_her_as_an_object_is_no_owner() -> None:
    assert named("Roe told her aides the deal was close.") == ["Roe"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Kask, who leads the delegation, said the talks would go on.", "named_person"),
        ("The talks would go on, said Kask, who leads the delegation.", "named_person"),
        ("Saran, whose parliament voted in March, said it was ready.", None),  # countries have parliaments
        ("Ostmark, which leads the bloc, said the talks would go on.", None),
    ],
)
def test_a_lone_word_before_who_is_a_person(text: str, kind: str | None) -> None:
    assert [found for _, found in _kinds(text)] == [kind]


def test_crews_are_people() -> None:
    assert _kinds("Crane crews on the night shift said they had booked leave.") == [
        ("Crane crews on the night shift", "anonymous")
    ]


def test_two_apostrophes_close_a_straight_quotation() -> None:
    text = "\"There is room to go on,'' the envoy told reporters. \"I expect no break.''"
    assert named(text) == ["the envoy"]


def test_a_straight_quotation_still_closes_on_its_own_mark() -> None:
    assert named('"We are close," the envoy said, "but not there."') == ["the envoy"]


@pytest.mark.parametrize(
    "text",
    [
        "He demanded anonymity for discussing the round because his notes were confidential.",
        "The union demanded a raise because prices had risen.",
    ],
)
def test_a_finite_verb_after_because_reports_nothing_for_the_verb_before(text: str) -> None:
    assert [m for m in find_mentions(text) if m.pronoun is None] == []


def test_a_clause_verb_with_its_own_finite_verb_still_reports() -> None:
    assert named("Roe warned the truce would fail if talks stalled.") == ["Roe"]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("A diplomat told a Harbour Radio reporter the talks were stuck.", "Harbour Radio"),
        ("Earlier, a source confirmed to Harbour TV reporter that the talks were stuck.", "Harbour TV"),
    ],
)
def test_an_outlets_journalist_is_the_channel(text: str, outlet: str) -> None:
    assert (outlet, "outlet") in _kinds(text)


def test_a_journalist_of_no_outlet_is_no_channel() -> None:
    assert _kinds("A diplomat told a Vessan reporter the talks were stuck.") == [("a diplomat", "official")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tomas Ekdal made the remark on Monday from the balcony.", ["Tomas Ekdal"]),
        ("The minister made the comments in an interview.", ["The minister"]),
        ("Roe declined to make the remark.", []),
    ],
)
def test_a_remark_made_is_a_claim(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials from Vessa, Ostmark and the United States said the talks would go on.",
            ["Officials from Vessa, Ostmark and the United States"],
        ),
        (
            "Sources in Vessa and the Ostmark Times reported that talks would go on.",
            ["Sources in Vessa", "the Ostmark Times"],
        ),
    ],
)
def test_a_list_of_places_after_from_keeps_a_place_with_the(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kask told the envoys to wait.",
        "Kask told them to go home.",
        "Kask will tell reporters on Friday whether the deal holds.",
        "Kask could say as early as Monday whether a deal is possible.",
        "The mediators will announce the names a day ahead.",
        "Kask reported for duty on Monday.",
        "It is not clear what Kask told the envoys.",
        "What Kask said in private remains unknown.",
    ],
)
def test_orders_claims_to_come_and_unknown_words_name_no_source(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kask told reporters not to expect any news.", ["Kask"]),
        ("Kask told the envoys the talks would go to a vote.", ["Kask"]),
        ("Kask would say only that talks went on.", ["Kask"]),
        ("An Audit Office report released in May found that tariffs rose.", ["Audit Office"]),
        ("What Kask said was plain: the deal is off.", ["Kask"]),
    ],
)
def test_a_claim_made_still_reports(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kask and Roe both said the deal was near.", ["Kask", "Roe"]),
        ("The unions all said the deal was near.", ["The unions"]),
    ],
)
def test_a_floating_quantifier_stands_between_subject_and_verb(text: str, expected: list[str]) -> None:
    assert named(text) == expected


def test_a_pronoun_before_a_floating_quantifier_is_a_pronoun_mention() -> None:
    assert [m.pronoun for m in find_mentions("They both said the deal was near.")] == ["they"]


def test_both_alone_is_no_subject() -> None:
    assert named("Both said the deal was near.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Speaking to Harbour Radio, Roe called the comments “a cruel lie.”", ["Harbour Radio", "Roe"]),
        ("In an interview with Harbour Radio, Roe said the deal was near.", ["Harbour Radio", "Roe"]),
        ("The remark was made by Ivo Kask late on Sunday.", ["Ivo Kask"]),
        ("Ostmark rejected the comment, according to Harbour Radio reports.", ["Harbour Radio"]),
    ],
)
def test_a_channel_opening_the_sentence_and_a_remark_made_by(text: str, expected: list[str]) -> None:
    assert named(text) == expected


def test_reports_by_no_one_named_are_no_source() -> None:
    assert named("Ostmark rejected the comment, according to media reports.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Her deputy, Ivo Kask, said the date was not fixed.",
        "The deputy, Ivo Kask, said the date was not fixed.",
    ],
)
def test_a_deputy_before_the_name_is_a_role(text: str) -> None:
    assert named(text) == ["Ivo Kask"]


def test_deputies_are_officials() -> None:
    assert _kinds("Two deputies said the date was not fixed.") == [("two deputies", "official")]
