"""Shapes from the ninth study of real reports (issue #13): each read, and its near miss refused.

Every sentence is invented (people, places, outlets); only the shape is taken from real copy:
an outlet whose title holds a word that can also describe one ("the Marlow Daily Courier"),
a state or a city speaking as a body ("according to the state"), a middle initial inside a
person's name ("Tomas R. Erel"), and the outlet credited after a photo caption, which is the
channel of no claim.
"""

from __future__ import annotations

import pytest

from briefing_tui.analysis.sources import find_mentions
from mention_names import named


def _kinds(text: str) -> list[tuple[str, str | None]]:
    return [(m.name, m.kind.value if m.kind else None) for m in find_mentions(text) if m.pronoun is None]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Ana Roe told the Marlow Daily Courier that a deal was near.", "the Marlow Daily Courier"),
        ("The talks had stalled, Ana Roe told Vessa Daily Herald.", "Vessa Daily Herald"),
        ("The Orvin Radio Courier reported that the strike was over.", "the Orvin Radio Courier"),
    ],
)
def test_a_title_with_an_outlet_describing_word_inside_is_one_name(text: str, outlet: str) -> None:
    assert (outlet, "outlet") in _kinds(text)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # a describing word in lower case, or after an owner, still describes the name after it
        ("Kessa's daily Sentinel reported that the strike was over.", "Sentinel"),
        ("The talks had stalled, the daily Vessa Star reported.", "Vessa Star"),
    ],
)
def test_a_describing_word_before_an_outlet_stays_a_description(text: str, outlet: str) -> None:
    assert (outlet, "outlet") in _kinds(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The union has 900 members, according to the state.", ("the state", "organization")),
        ("The city said it would pay the arrears by May.", ("the city", "organization")),
        ("The fares were refunded, the county said on Friday.", ("the county", "organization")),
    ],
)
def test_a_state_or_a_city_speaks_as_a_body(text: str, expected: tuple[str, str]) -> None:
    assert _kinds(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same words as a place, or as a modifier of the real speaker
        ("Talks in the city resumed, state officials said.", ["state officials"]),
        ("Residents of the city said the water was back.", ["Residents of the city"]),
        ("The state broadcaster said the water was back.", ["The state broadcaster"]),
        ("The union met the state and the city on Monday.", []),
    ],
)
def test_a_state_or_a_city_that_does_not_speak_is_no_source(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("“The levy stays,” Acting Director Tomas R. Erel stated.", "Tomas R. Erel"),
        ("Senator Vessa K. Marlow is quoted as saying the levy would stay.", "Vessa K. Marlow"),
    ],
)
def test_a_middle_initial_is_part_of_the_name(text: str, name: str) -> None:
    assert (name, "named_person") in _kinds(text)


def test_a_capital_letter_that_ends_a_sentence_is_no_initial() -> None:
    # "Plan B." closes its sentence: the next one is not part of a name
    assert named("They chose Plan B. The officials said it would hold.") == ["The officials"]


@pytest.mark.parametrize(
    "text",
    [
        "A view of the harbour office is seen on May 2, 2026 in Vessa. (AFP)",
        "Ana Roe, pictured, leaves the talks in Orvin on Monday. (Vessa Star)",
        "Strikers gather outside the plant in a file photo. (Reuters)",
    ],
)
def test_the_outlet_credited_after_a_photo_caption_is_no_source(text: str) -> None:
    assert _kinds(text) == []


def test_an_outlet_cited_after_a_sentence_is_still_a_source() -> None:
    assert _kinds("The envoy left Orvin without a deal. (Vessa Star)") == [("Vessa Star", "outlet")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We held together,” added the prime minister, in a nod to the strike.", ["the prime minister"]),
        ("“We held together,” added Ana Roe.", ["Ana Roe"]),
        ("“The levy stays,” noted the envoy.", ["the envoy"]),
    ],
)
def test_a_verb_right_after_a_quotation_is_inverted_whatever_follows(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“The levy stays,” he added the clause to the text.",  # a subject before the verb
        "The deal, “final,” added new costs to the budget.",  # what follows names nobody
        "Ana Roe added the prime minister to the list.",  # no quotation: "added" takes an object
    ],
)
def test_no_inverted_subject_without_a_quotation_right_before(text: str) -> None:
    assert all(m.pronoun is not None or "minister" not in m.name for m in find_mentions(text))
    assert "the prime minister" not in named(text) and "new costs" not in " ".join(named(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sources in Vessa suggested Orvin appeared to be more open to a deal.", ["Sources in Vessa"]),
        ("The envoy noted Kessa offered more on Friday.", ["The envoy"]),
        ("Two aides indicated the talks seemed to have stalled.", ["Two aides"]),
    ],
)
def test_a_reported_clause_with_a_one_word_subject_and_a_past_verb(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gulf states pledged a combined $3.2 billion.",  # an adjective after "a", not a clause
        "The envoy urged the parties involved to sign.",  # a participle before "to"
        "The mediators suggested a revised timetable.",  # an object, not a clause
    ],
)
def test_no_reported_clause_where_the_past_form_is_an_adjective_or_participle(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "He spoke after remarks from Vessa and Orvin officials raising hopes that a deal was near.",
        "The strike went on, fuelling fears that the port would close.",
    ],
)
def test_a_plural_noun_after_a_participle_is_no_reporting_verb(text: str) -> None:
    assert named(text) == []


def test_a_verb_after_a_post_modifier_with_a_participle_still_reports() -> None:
    assert named("A union representing the dockers says the port will close.") == [
        "A union representing the dockers"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vessa-backed Orvin Front said it would not sign.", ("Orvin Front", "organization")),
        ("Oil-rich Kessaland hinted that it would not sign.", ("Kessaland", "organization")),
        ("The Vessa-led coalition said it would not sign.", ("the Vessa-led coalition", "organization")),
        ("Protester Ana Roe said the plan was not enough.", ("Ana Roe", "named_person")),
    ],
)
def test_a_capitalised_modifier_or_role_before_a_name_is_no_part_of_it(
    text: str, expected: tuple[str, str | None]
) -> None:
    assert _kinds(text) == [expected]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Unification minister Chung Min-ho said the talks held.", "Chung Min-ho"),
        ("Hye-jin Moon said the talks held.", "Hye-jin Moon"),
        ("Jean-Luc Marel said the talks held.", "Jean-Luc Marel"),
    ],
)
def test_a_hyphened_given_name_stays_a_name(text: str, name: str) -> None:
    assert _kinds(text) == [(name, "named_person")]


@pytest.mark.parametrize(
    "text",
    [
        "The union walked out, alleging the company had hidden its accounts.",
        "The talks ended, with mediators quipping that everyone was equally unhappy.",
        "The union walked out, reiterating that the offer was too low.",
    ],
)
def test_more_participles_report_for_their_subject(text: str) -> None:
    assert len(named(text)) == 1


def test_a_participle_that_acts_reports_nothing() -> None:
    assert named("The union walked out, proposing a new vote.") == []


def test_a_name_with_a_middle_initial_is_a_person_not_a_body() -> None:
    assert _kinds("Ana K. Roe said the deal was reached.") == [("Ana K. Roe", "named_person")]
    assert _kinds("The U.N. Office said the deal was reached.") == [("the U.N. Office", "organization")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("H.T. Marel said the petitions were dismissed.", ("H.T. Marel", "named_person")),
        ("District Judge J. Oren Vask said the suit could go on.", ("J. Oren Vask", "named_person")),
        ("The U.S. Treasury said the suit could go on.", ("the U.S. Treasury", "organization")),
        ("Vessa news service reported that the jury had ruled.", ("Vessa news service", "outlet")),
    ],
)
def test_initials_open_a_persons_name_and_a_news_service_is_an_outlet(
    text: str, expected: tuple[str, str]
) -> None:
    assert _kinds(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Marren Lantern reported state officials said fares would be refunded.", "outlet"),
        ("The Port Authority reported officials said fares would be refunded.", "organization"),
        ("The ministry reported officials said fares would be refunded.", "organization"),
    ],
)
def test_a_name_that_reports_what_others_said_is_an_outlet_unless_a_body(text: str, expected: str) -> None:
    assert _kinds(text)[0][1] == expected


def test_a_lone_name_that_reports_what_others_said_keeps_its_open_kind() -> None:
    # "Kessa" may be a country reporting through its officials as well as an outlet
    assert _kinds("Kessa reported officials said fares would be refunded.")[0] == ("Kessa", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Negotiators leaving a meeting with the Vessan minister said a deal was near.",
            ["Negotiators leaving a meeting with the Vessan minister"],
        ),
        (
            "Delegates at the talks with the Front said the text was ready.",
            ["Delegates at the talks with the Front"],
        ),
    ],
)
def test_a_tail_runs_on_through_with(text: str, expected: list[str]) -> None:
    assert named(text) == expected


def test_with_opening_an_absolute_clause_is_no_tail() -> None:
    assert named("Talks with the Front stalled, officials said.") == ["officials"]


def test_the_span_keeps_the_modifier_the_name_leaves_it() -> None:
    text = "Vessa-backed Orvin Front said it would not sign."
    (mention,) = find_mentions(text)
    assert text[mention.start : mention.end] == "Vessa-backed Orvin Front"
    assert mention.name == "Orvin Front"


@pytest.mark.parametrize(
    "text",
    [
        "That would let the southern states say their taxpayers are lending.",  # a causative
        "The deal lets the union claim a win.",
        "The nine ministers will be sworn in by the president on Monday.",  # an oath, not a claim
        "The president swore in the nine ministers.",
    ],
)
def test_what_someone_is_made_to_say_or_swearing_in_is_no_attribution(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials say the deal would let the union claim a win.", ["Officials"]),
        ("He swore the deal would hold.", []),  # a pronoun: named() leaves it out
        ("The claim was denied by the ministry.", ["the ministry"]),
    ],
)
def test_speech_next_to_a_causative_or_an_oath_still_reports(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cabin attendants rejected the deal, saying the raises were too small.", ["Cabin attendants"]),
        ("Migrants said the camp was full.", ["Migrants"]),
        ("A participant said the talks were tense.", ["A participant"]),
    ],
)
def test_a_plural_in_ants_names_people(text: str, expected: list[str]) -> None:
    assert named(text) == expected


def test_a_word_in_ants_that_names_no_people_is_no_source() -> None:
    assert named("Power plants said nothing would change.") == []


def test_what_was_pledged_is_a_sum_not_a_claim() -> None:
    text = "Six donors paid $2 billion, half of what they pledged at the summit, the secretariat said."
    assert named(text) == ["the secretariat"]
    assert [m.pronoun for m in find_mentions(text)] == [None]


def test_a_pledge_of_a_clause_still_reports() -> None:
    assert [m.pronoun for m in find_mentions("They pledged that the money would come.")] == ["they"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # backshifted speech inside a report is the reporter's claim, not a second source
        ("Ana Roe said villagers in Orvin had reported boys being recruited.", ["Ana Roe"]),
        ("Ana Roe said 300 fighters had been disarmed and that her team had checked the names.", ["Ana Roe"]),
        # what was asked for, a condition, a posting and a quarrel attribute nothing
        ("The draft offers $300 billion, short of what poorer nations have demanded.", []),
        ("The levy would be lifted once inspectors confirm the cuts, the minister said.", ["the minister"]),
        ("The deal exempts Vessan workers temporarily posted in Orvin from the levy.", []),
        ("The two countries have argued over the river since 1987.", []),
    ],
)
def test_nested_or_hypothetical_speakers_are_no_sources(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana Roe said villagers reported boys being recruited.", ["Ana Roe", "villagers"]),
        ("Poorer nations demanded that rich countries pay more.", ["Poorer nations"]),
        ("Ana Roe posted on the forum that the talks had failed.", ["Ana Roe"]),
        ("The union argued that the offer was too low.", ["The union"]),
        ("After inspectors confirmed the cuts, the levy was lifted.", ["inspectors"]),
    ],
)
def test_the_same_verbs_still_report_as_claims(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ministry had handed the Vessan team written proposals on the ports.",  # an adjective
        "The Harbour Desk is written by Ana Roe.",  # authorship, like a byline, is no claim
    ],
)
def test_a_participle_without_an_auxiliary_or_an_author_is_no_speaker(text: str) -> None:
    assert named(text) == []


def test_a_participle_after_an_auxiliary_still_reports() -> None:
    assert named("Ana Roe has written that the deal failed.") == ["Ana Roe"]


def test_a_clock_time_inside_an_aside_keeps_the_aside_whole() -> None:
    assert named("Mira Lund, who takes the 7:10 ferry, said she had dreaded a strike.") == ["Mira Lund"]


def test_a_colon_that_is_no_clock_time_still_opens_a_quotation() -> None:
    assert named("Ana Roe: We will stay until the end.") == ["Ana Roe"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The monitoring mission has verified the withdrawal of a third of the guns.",
            ["The monitoring mission"],
        ),
        ("The mission verified that the guns had gone.", ["The mission"]),
    ],
)
def test_verifying_reports_like_confirming(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Analysts at Orvin Bank expect the pact to add 0.3% to output.", ["Analysts at Orvin Bank"]),
        ("Economists predicted the central bank to cut rates.", ["Economists"]),
        ("The talks are expected to resume on Monday.", []),  # a passive names nobody
        ("Officials expected to sign the deal on Monday.", []),  # a plan, not a forecast
    ],
)
def test_a_forecast_through_its_object_and_to(text: str, expected: list[str]) -> None:
    assert named(text) == expected


def test_a_time_zone_is_no_part_of_a_name() -> None:
    assert _kinds("10.45am BST Kessa says the truce will hold") == [("Kessa", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The truce would hold, reports Agence France-Presse (AFP).",
            ("Agence France-Presse (AFP)", "outlet"),
        ),
        ("The truce would hold, reports the Vessa Star.", ("the Vessa Star", "outlet")),
        ("Agence France-Presse reported that the truce held.", ("Agence France-Presse", "outlet")),
    ],
)
def test_an_outlet_after_reports_and_a_comma_and_a_listed_hyphened_outlet(
    text: str, expected: tuple[str, str]
) -> None:
    assert _kinds(text) == [expected]


def test_reports_as_a_plural_noun_after_a_comma_names_nobody() -> None:
    assert named("The truce would hold, reports from Vessa suggest.") == []


def test_a_role_with_two_tails_before_a_name_in_commas() -> None:
    text = "The head of the Vessa agency for Orvin refugees, Mira Lund, said the camps were full."
    assert named(text) == ["Mira Lund"]


def test_for_before_a_common_noun_ends_the_tail() -> None:
    text = (
        "The deal pays cabin crews for boarding time for the first time, Rita Vell, the guild's head, said."
    )
    assert named(text) == ["Rita Vell"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The deal was near, said a person briefed on the talks who asked not to be named.",
            ["a person briefed on the talks"],
        ),
        ("The deal was near, said one of the officials.", ["one of the officials"]),
        ("“We will go,” said one of the delegates, who spoke in Orvin.", ["one of the delegates"]),
    ],
)
def test_an_inverted_source_closed_by_who_or_named_as_part_of_a_group(text: str, expected: list[str]) -> None:
    assert named(text) == expected


def test_an_inverted_subject_of_a_reported_clause_is_no_source() -> None:
    assert named("Officials said Hamas would sign.") == ["Officials"]
    assert named("The deal was near, said one of them would sign.") == []


def test_two_titles_of_one_person_before_the_name() -> None:
    text = "Vessa's Prime Minister and Foreign Minister Sheikh Amir bin Tal Orvani said talks would resume."
    assert _kinds(text) == [("Sheikh Amir bin Tal Orvani", "named_person")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The President and Prime Minister said talks would resume.", 2),  # two offices, no name
        ("Finance Minister Eli Dask and Trade Minister Ana Roe said talks would resume.", 2),
    ],
)
def test_titles_joined_without_one_name_after_them_stay_apart(text: str, expected: int) -> None:
    assert len(_kinds(text)) == expected


def test_a_plural_role_before_names_does_not_make_them_people() -> None:
    assert _kinds("Mediators Vessa and Orvin said talks would resume.") == [("Vessa", None), ("Orvin", None)]
    assert _kinds("Lawmakers Ana Roe and Eli Dask said talks would resume.") == [
        ("Ana Roe", "named_person"),
        ("Eli Dask", "named_person"),
    ]


def test_an_adverb_after_an_infinitive_belongs_to_the_relative_clause() -> None:
    text = "A port official who was not authorized to speak publicly said the cranes had stopped."
    assert named(text) == ["A port official who was not authorized to speak publicly"]


def test_an_adverb_right_after_the_subject_is_a_gap() -> None:
    assert named("Officials publicly said the cranes had stopped.") == ["Officials"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana Roe welcomed the joint statement by Vessa and Orvin.", ["Ana Roe"]),
        ("Ana Roe criticised a report by the ministry.", []),
        ("The talks will resume, according to a statement by the ministry.", ["the ministry"]),
        ("A statement by the ministry said the talks would resume.", ["the ministry"]),
    ],
)
def test_a_document_by_someone_as_the_object_of_a_verb_reports_nothing_of_theirs(
    text: str, expected: list[str]
) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Front leader, Gen Tavi Orrel, on Twitter welcomed the joint statement.",
        "Tavi Orrel on Telegram said the talks had failed.",
    ],
)
def test_a_platform_between_subject_and_verb_is_a_gap(text: str) -> None:
    assert "Tavi Orrel" in " ".join(named(text))


def test_on_before_a_name_that_is_no_platform_is_no_gap() -> None:
    assert named("The talks on Vessa said nothing new.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Roe's campaign said in a statement that it would challenge the count.", ["Roe's campaign"]),
        ("Campaign officials said the count was clear.", ["Campaign officials"]),
        ("The bombing campaign killed 40 people, officials said.", ["officials"]),
    ],
)
def test_a_campaign_speaks_as_a_body_and_still_modifies_a_head(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        '"We held," said Ana Roe, union vice president and head of the docks department.',
        '"We held," said Ana Roe, Union Vice President and Director of the Docks Department.',
        "Ana Roe, port authority chair and board secretary, said the cranes would restart.",
    ],
)
def test_offices_without_an_article_after_a_name_describe_her(text: str) -> None:
    assert _kinds(text) == [("Ana Roe", "named_person")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of speakers names each one, with an article or a name of its own
        (
            "The vote was fair, said Ana Roe, the mayor and Ivo Marek.",
            [("Ana Roe", "named_person"), ("the mayor", "official"), ("Ivo Marek", "named_person")],
        ),
        (
            "The vote was fair, said Ana Roe, port chief Ivo Marek and Lia Tamm.",
            [("Ana Roe", "named_person"), ("Ivo Marek", "named_person"), ("Lia Tamm", "named_person")],
        ),
    ],
)
def test_a_list_of_speakers_after_the_verb_stays_a_list(text: str, expected: list[tuple[str, str]]) -> None:
    assert _kinds(text) == expected
