"""More shapes of wire copy: each with sentences it must read and sentences it must refuse.

The sentences are invented (names, places, facts) in the shapes of real reports studied for
this: acronyms after a body, verbs of condemnation with a quotation, participles after a
dash, a time after the subject, proposals that are actions, verbs no phrase runs across.
"""

from __future__ import annotations

import pytest

from briefing_tui.analysis.sources import find_mentions
from briefing_tui.model import SourceKind
from mention_names import named


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A body whose head is a common noun keeps its acronym: "Authority (PA)".
        ("The Velmar Port Authority (VPA) said the quay was shut.", ["The Velmar Port Authority (VPA)"]),
        ("The Velmar Health Organization (WHO) said beds ran out.", ["The Velmar Health Organization (WHO)"]),
        # An acronym that spells a function word is still a name.
        ("The WHO said more vaccines would come.", ["The WHO"]),
        # Verbs of condemnation or praise report through a quotation.
        ("Spokesman Ivo Marek deplored “a cowardly attack” on the depot.", ["Spokesman Ivo Marek"]),
        ("The mayor hailed the vote as “a turning point”.", ["The mayor"]),
        # A participle after a dash reports for the subject, across a time after it.
        ("Port Velmar at first condemned the plan – claiming it would strand ships.", ["Port Velmar"]),
        ("The union on Friday rejected the offer, saying it was too low.", ["The union"]),
        ("The dockers walked out, complaining that the shifts were too long.", ["The dockers"]),
        # No phrase runs across an irregular past verb.
        (
            "Growers in the Tor valley gave a cool welcome to the deal, saying they would wait.",
            ["Growers in the Tor valley"],
        ),
    ],
)
def test_shapes_it_reads(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Proposing is an action, not speech (docs/labelling.md).
        "Estmark has proposed a three-stage timetable in which each step would be checked.",
        "Velmar proposed that the fund be shared.",
        # Condemnation without a quotation or "as"/"of" is an act, not a report.
        "The mayor hailed a taxi.",
        "The council denounced the contract and walked out.",
        # A dash participle that is no speech verb.
        "The convoy left at dawn – carrying food and tents.",
        # A time after a subject is not part of it, and names nobody by itself.
        "The vote on Friday was delayed, saying nothing.",
    ],
)
def test_shapes_it_refuses(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will not give up,” the harbour master.", ["the harbour master"]),
        ("“It is over,” Ivo Marek, a spokesman for the dockers.", ["Ivo Marek"]),
        ("“We are close,” Velmar's chief negotiator, Oren Dask.", ["Oren Dask"]),
        ("“It is over,” the minister said. “Not yet,” the envoy.", ["the minister", "the envoy"]),
        ("Ana Roe: We will stay until the end.", ["Ana Roe"]),
        ("Harbour master Ivo Marek: “The quay is shut.”", ["Harbour master Ivo Marek"]),
    ],
)
def test_a_speaker_alone_by_a_quotation(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“It is over.” Talks then ended.",
        "“It is over,” Smith and the others left.",
        "The poster read “No deal,” the slogan of the strike, in red.",
        "Analysis: We think the deal is weak.",
        "Port Velmar: Officials met the crews at noon.",
        "New Velmar: Ships left the harbour at dawn.",
        "What we know: The deal is weak.",
    ],
)
def test_no_speaker_alone_where_none_speaks(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A stance reported through its noun.
        ("The Ministers expressed their satisfaction with the talks.", ["The Ministers"]),
        ("Harbour officials have raised concerns that the cranes are unsafe.", ["Harbour officials"]),
        ("The union voiced deep concern over the cuts.", ["The union"]),
        # The owner of a record speaks through it, without its "'s".
        ("What is in it, according to the union's summary: a 4% rise.", ["the union"]),
        ("According to the ministry's figures, 40 people died.", ["the ministry"]),
        # A sentence that opens with "By" is no byline.
        (
            "By Thursday two ships had berthed, and harbour master Ivo Marek said more would.",
            ["harbour master Ivo Marek"],
        ),
        # A plural body.
        (
            "Growers' associations in the Kaspa delta say the flow is measured wrongly.",
            ["Growers' associations in the Kaspa delta"],
        ),
    ],
)
def test_stances_records_and_bodies(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The firm raised prices in May.",
        "The group expressed interest in buying the port.",
        "Ardan kept to the schedule, according to the basin commission's gauges.",
        "By Ana Roe and Ivo Marek, Harbour Radio",
    ],
)
def test_no_stance_record_or_byline_names_a_source(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A group narrowed by a common word after a determiner.
        ("Some progressive Greens said they could not back the bill.", ["Some progressive Greens"]),
        # A "who" clause that ends in a function word, right up to the verb.
        ("Two council members who voted no said the budget was short.", ["Two council members who voted no"]),
        ("Members who voted against said the deal was rushed.", ["Members who voted against"]),
        # A list that opens inside a clause is no list subject: its last item speaks.
        (
            "It was agreed between the mayor, Ivo Marek, who chairs the board, and two others, Marek said.",
            ["Marek"],
        ),
    ],
)
def test_groups_clauses_and_lists(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The people who voted no were outnumbered.",
        "Some progressive ideas were left out.",
        "The man who had declined to say left early.",
    ],
)
def test_no_group_or_clause_where_nobody_speaks(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to a senior diplomat who asked not to be named, the deal is close.",
            ["a senior diplomat who asked not to be named"],
        ),
        (
            "A former guard who asked not to be named said the camp was empty.",
            ["A former guard who asked not to be named"],
        ),
        ("Officials who were at the talks said no deal was near.", ["Officials who were at the talks"]),
    ],
)
def test_a_who_clause_belongs_to_its_source(text: str, expected: list[str]) -> None:
    assert named(text) == expected


def test_a_who_clause_that_names_the_source_stays_out_after_a_cue() -> None:
    # Only a clause that keeps the source unnamed runs past a comma into the phrase.
    assert named("According to officials who were there, the deal is close.") == ["officials"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A singular noun for people right after an article.
        ("In Port Velmar, a shopkeeper told our correspondent it was quiet.", ["a shopkeeper"]),
        # A record put out by someone, after "according to".
        (
            "What is in it, according to a summary released by the mayor's office: more for schools.",
            ["the mayor's office"],
        ),
        # A speaker after a quotation and a dash, with where they spoke.
        (
            "“We have to meet in the middle.” — a member of the creditor committee, at a meeting in Lyon",
            ["a member of the creditor committee"],
        ),
        # Two common words before a head, and a role no title list held.
        ("The joint coordination center said more ships had applied.", ["The joint coordination center"]),
        ("Relief coordinator Teo Malan said the corridor was open.", ["Relief coordinator Teo Malan"]),
    ],
)
def test_people_records_and_roles(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A letter said the port would close.",  # a document, not a person
        "The former said no more.",
        "The war displaced ten million people, according to Velmar figures.",
        "Unless the council published the audit first, nothing would change.",
    ],
)
def test_no_person_record_or_publisher_where_none_speaks(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An opening participle is no name, and its object describes nobody.
        (
            "Announcing the stoppage, the union's general secretary, Mick Lyle, said more would follow.",
            ["Mick Lyle"],
        ),
        ("Speaking to reporters, Ana Roe said the talks were useful.", ["Ana Roe"]),
        # Roles the title lists did not hold.
        ("Union boss Mark Serk admitted the walkout would hurt travellers.", ["Union boss Mark Serk"]),
        ("The PM said the offer to the unions was fair.", ["The PM"]),
        # A place ending in "-ing" is still a name.
        ("Beijing said the talks were useful.", ["Beijing"]),
    ],
)
def test_openers_and_roles(text: str, expected: list[str]) -> None:
    assert named(text) == expected


def test_an_object_before_a_name_does_not_describe_it() -> None:
    (mention,) = find_mentions("Speaking to reporters, Ana Roe said the talks were useful.")
    assert mention.description is None


@pytest.mark.parametrize(
    ("text", "expected", "description"),
    [
        (
            "Rear Adm. Dan Hagar, the chief spokesman for the navy said at a briefing that crews were safe.",
            "Rear Adm. Dan Hagar",
            "the chief spokesman for the navy",
        ),
        (
            "Wais Bark, the Minister of Interior Affairs on Tuesday admitted that police took bribes.",
            "Wais Bark",
            "the Minister of Interior Affairs",
        ),
    ],
)
def test_an_apposition_missing_its_closing_comma(text: str, expected: str, description: str) -> None:
    (mention,) = find_mentions(text)
    assert (text[mention.start : mention.end], mention.description) == (expected, description)


def test_a_role_after_a_comma_that_follows_no_name_is_the_source() -> None:
    assert named("The deal was signed in Lyon, the chief spokesman for the navy said.") == [
        "the chief spokesman for the navy"
    ]


def test_the_owner_of_a_statement_without_the_documents_article() -> None:
    assert named("“Most of the crew are safe,” an army statement said.") == ["army"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At one point the Greens walked out of a session, saying the offer was an insult.", ["the Greens"]),
        ("On Monday the union walked out, saying it had waited long enough.", ["the union"]),
        ("After the vote Ana Roe left the hall, saying she was tired.", ["Ana Roe"]),
        ("In Lyon officials met for an hour, saying little.", []),  # the place is no part of a subject
    ],
)
def test_a_short_opening_phrase_without_a_comma(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "After a three-week strike, Local 44 of the Harbour Workers Union announced a deal.",
            ["Local 44 of the Harbour Workers Union"],
        ),
        ("A woman said the water had not come back.", ["A woman"]),
        (
            "Catches will overshoot the advice, a scientist at the Council for the Study of the Sea said.",
            ["a scientist at the Council for the Study of the Sea"],
        ),
    ],
)
def test_numbered_bodies_people_and_long_names_in_a_tail(text: str, expected: list[str]) -> None:
    assert named(text) == expected


def test_a_name_ending_in_a_number_is_a_body() -> None:
    (mention,) = find_mentions("Local 44 said the vote would be on Sunday.")
    assert mention.kind is SourceKind.ORGANIZATION


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The state port company, Velport, said the first ship could sail next week.", ["Velport"]),
        ("Two of the new owners say they were never party to the deal.", ["Two of the new owners"]),
        ("One of the envoys said the schedule had no deadlines.", ["One of the envoys"]),
        ("Moody's said the rating was stable.", ["Moody's"]),
    ],
)
def test_named_asides_parts_of_groups_and_possessive_names(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The obstacle was Estmark's demand that shares be split by zone.",
        "The farm lobby, a powerful force in the party, said no.",  # the aside is no name ...
        "Talks with one of the envoys said nothing.",
    ],
)
def test_no_possessive_subject_or_common_aside_as_a_name(text: str) -> None:
    assert named(text) in ([], ["The farm lobby"])  # ... so the body before it speaks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A woman waiting at the airport tells our reporter she has not seen her son.",
            ["A woman waiting at the airport"],
        ),
        ("Families living near the dam said the water was rising.", ["Families living near the dam"]),
        ("An official speaking on condition of anonymity said the talks were over.", ["An official"]),
        ("Two officials talking to reporters said the vote would be close.", ["Two officials"]),
    ],
)
def test_participles_that_place_or_keep_a_source_unnamed(text: str, expected: list[str]) -> None:
    assert named(text) == expected


def test_a_participle_that_reports_is_no_part_of_the_phrase() -> None:
    assert named("“We are close,” said an envoy speaking at the summit.") == ["an envoy"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Its points were confirmed to us by officials of two parties.", ["officials of two parties"]),
        ("The plan was announced by the ministry on Monday.", ["the ministry"]),
        ("The deal was described by analysts as fragile.", ["analysts"]),
    ],
)
def test_the_agent_of_a_passive_verb_of_speech(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The body was found by divers near the quay.",  # finding is no speech
        "The strike was called off by noon.",
        "The plan was announced on Monday.",  # no agent
    ],
)
def test_no_agent_where_the_passive_is_no_speech(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A decimal point is no sentence stop: the subject opens the sentence before it.
        (
            "Finance minister Ivo Marek has offered to cut 1.2 billion and has said that is the limit.",
            ["Finance minister Ivo Marek"],
        ),
        ("Residents reached by phone described queues for water before dawn.", ["Residents"]),
        ("Two officials contacted by Harbour Radio said the talks were over.", ["Two officials"]),
        (
            "According to a port official who spoke to Harbour Radio, the cranes stopped.",
            ["a port official", "Harbour Radio"],
        ),
    ],
)
def test_numbers_contacts_and_channels(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ship was reached by boat and sank.",
        "The plan described a phased withdrawal.",  # a document describes, it does not speak
        "Growth was 1.5% last year.",
    ],
)
def test_no_contact_document_or_number_names_a_source(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The army said nothing about the strikes.",
        "Asked about the convoy, the ministry said little.",
        "Surveys suggest voters are split.",
        "Figures show a sharp rise in arrivals.",
    ],
)
def test_saying_nothing_and_records_that_open_a_sentence_name_no_source(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army said nothing had changed at the crossing.", ["The army"]),
        ("The army said little had changed at the crossing.", ["The army"]),
        ("Polls show the vote is close, analysts said.", ["analysts"]),
    ],
)
def test_what_nothing_reports_and_a_source_after_a_record(text: str, expected: list[str]) -> None:
    assert named(text) == expected


def test_an_outlet_named_inside_its_description_is_the_channel() -> None:
    assert named("The envoy told the Harbour news agency the talks would go on.") == [
        "The envoy",
        "the Harbour news agency",
    ]
    assert named("The envoy told state radio the talks would go on.") == ["The envoy"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Joint statements speak in the present.
        ("The two Governments reaffirm their commitment to the treaty.", ["The two Governments"]),
        ("The Co-Chairs welcomed the progress made at the round.", ["The Co-Chairs"]),
        ("The Signatories call on all parties to respect the truce.", ["The Signatories"]),
        # "put it", a contact clause, "-ees".
        ("As one diplomat put it, the deal is “a truce, not a peace”.", ["one diplomat"]),
        ("A former negotiator we spoke to said the talks had stalled.", ["A former negotiator we spoke to"]),
        ("Several interviewees said the process was slow.", ["Several interviewees"]),
    ],
)
def test_joint_statements_and_think_tank_shapes(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The two sides agreed to meet again next week.",  # agreeing is an act (the labels)
        "The Parties further agreed that their forces shall stay in place.",
        "The army put it on the map.",
        "Calls for a truce grew louder.",
        "Committees were formed in every district.",
    ],
)
def test_acts_that_look_like_joint_statements(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Her mother, Eva Lind, speaking to reporters outside the home: “I will believe it then.”",
            ["Eva Lind"],
        ),
        (
            "Front chairman Hashim Daud, voting in his home village: “We fought for this day.”",
            ["Front chairman Hashim Daud"],
        ),
        (
            "Ambassador Rachel Dunmore, after the vote: “This is what sanctions are for.”",
            ["Ambassador Rachel Dunmore"],
        ),
        # A quotation inside the sentence does not hide the subject of a second verb.
        (
            "The observer mission reports voting was “orderly” but notes that ballots ran short.",
            ["The observer mission"],
        ),
        # An opening preposition names nobody: the pronoun's person is the one named after it.
        ("Near Khulna, Nasreen Akter has lost her field. “We talk about land,” she said.", ["Nasreen Akter"]),
    ],
)
def test_live_blog_speakers_and_sentences_with_quotations(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The details, from a fact sheet released by the Velmar presidency: a 4% cut.",
            ["the Velmar presidency"],
        ),
        (
            "The group of least developed countries said the pledges were an insult.",
            ["The group of least developed countries"],
        ),
        (
            "That, a banker advising the committee told us, was not impossible.",
            ["a banker advising the committee"],
        ),
        ("The Mediators commend both delegations for their seriousness.", ["The Mediators"]),
        ("Their employer, the Nordic Press Agency, says they are safe.", ["the Nordic Press Agency"]),
    ],
)
def test_records_graded_adjectives_participles_and_named_employers(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Each stage would stop if the bloc's foreign service reported that reforms were reversed.",
        "The deal nearly died when the militia added a fifth prisoner to its list.",
    ],
)
def test_no_hypothetical_speaker_and_adding_things_is_no_speech(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "He added that the talks were over.",
        "Officials added the talks would resume.",
        "“Over,” he added.",
    ],
)
def test_adding_words_is_speech(text: str) -> None:
    assert find_mentions(text)


def test_a_present_form_that_is_a_noun_reports_only_before_that() -> None:
    assert named("Methodology note: provisions count as done only when verified.") == []
    assert named("The Ministers note that the work is late.") == ["The Ministers"]


def test_a_given_name_that_is_a_verb_may_be_a_surname() -> None:
    text = "Mwanaisha Said, whose husband was among the crew, said she had sold her sewing machine."
    assert named(text) == ["Mwanaisha Said"]
    assert named("Said Awwad said the talks were over.") == ["Said Awwad"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Greens say it costs 420m; the fiscal council, a watchdog, puts the figure at 610m.",
            ["The Greens", "the fiscal council"],
        ),
        ("The Social Democrats had threatened to break off the talks.", ["The Social Democrats"]),
        ("The rebels vowed to fight on.", ["The rebels"]),
        ("The Velmar Treasury published the delisting on the same day.", ["The Velmar Treasury"]),
        (
            "A smaller union, the Independent Controllers' Union, has not signed and said it would strike.",
            ["the Independent Controllers' Union"],
        ),
    ],
)
def test_figures_commitments_publishing_and_a_subject_with_an_aside(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The army put the convoy on the road.",
        "The rebels threatened the town.",  # a threat by deed, with no words reported
        "Unless the council published the audit first, nothing would change.",
    ],
)
def test_acts_of_putting_threatening_and_hypothetical_publishing(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In Kalam, a first-time voter told us she had walked two hours.", ["a first-time voter"]),
        ("A voter said the queue was long.", ["A voter"]),
    ],
)
def test_singular_people_nouns_after_an_article_and_a_modifier(text: str, expected: list[str]) -> None:
    assert named(text) == expected


def test_no_person_in_a_common_singular_noun() -> None:
    assert named("The paper said no. A new order said no.") == []


def test_it_after_an_opening_phrase_stands_for_the_body_after_the_comma() -> None:
    text = "Outside the venue, the Climate Coalition staged a protest, which it said stood for the dead."
    (mention,) = find_mentions(text)
    assert mention.antecedent is not None and mention.antecedent.name == "the Climate Coalition"


def test_member_before_a_name_is_a_role() -> None:
    assert named("“This is not the end,” said political bureau member Basem Naim.") == [
        "political bureau member Basem Naim"
    ]


def test_a_verb_and_a_number_are_no_modifiers_of_a_head() -> None:
    assert named("Police arrested two men and said they were investigating.") == ["Police"]


def test_an_age_alone_is_no_description() -> None:
    (mention,) = find_mentions("Ivo Tal, 74, said he would not seek another term.")
    assert mention.description is None


def test_a_passive_ending_in_by_names_nobody_and_does_not_fail() -> None:
    assert named("The quota was announced by") == []
    assert named("It was said he which by") == []


def test_network_in_capitals_is_part_of_a_name() -> None:
    assert named("The strike is off while members vote, Network Lines said.") == ["Network Lines"]


def test_a_time_after_the_head_is_not_part_of_the_phrase() -> None:
    assert named("The union on Friday rejected the offer, arguing it was late.") == ["The union"]
