"""One source per entity: a surname with its particle, a body's own name after what it is,
and the fullest name of a person leading whatever order the text gives them in."""

from __future__ import annotations

import pytest

from briefing_tui.analysis import analyse
from mention_names import briefing_of
from mention_names import cited_via as cited


def test_a_surname_with_its_particle_is_the_person_named_in_full() -> None:
    briefing = analyse(
        briefing_of("Spokesman Anouk van der Berg said talks had failed.", "Van der Berg said more.")
    )
    assert [(name, via) for _, name, via in cited(briefing)] == [
        ("Anouk van der Berg", "name"),
        ("Anouk van der Berg", "alias"),
    ]


def test_a_particle_alone_is_not_taken_for_the_surname() -> None:
    briefing = analyse(
        briefing_of("Spokesman Anouk van der Berg said talks had failed.", "Der Spiegel said more.")
    )
    assert {source.name for source in briefing.sources} == {"Anouk van der Berg", "Der Spiegel"}


def test_a_body_named_after_what_it_is_answers_to_its_own_name() -> None:
    briefing = analyse(
        briefing_of(
            "Talks broke up, the crane drivers' union Kranbond said.", "Kranbond said the strike would go on."
        )
    )
    assert [(name, via) for _, name, via in cited(briefing)] == [
        ("the crane drivers' union Kranbond", "name"),
        ("the crane drivers' union Kranbond", "alias"),
    ]


def test_a_name_inside_a_longer_name_is_not_cut_out_of_it() -> None:
    briefing = analyse(
        briefing_of(
            "Velmar's Coordination Office for the Return of Prisoners of War said 40 were freed.",
            "War said the count was wrong.",
        )
    )
    office = briefing.sources[0]
    assert office.name.endswith("Prisoners of War")
    assert "War" not in office.aliases
    assert [source.name for source in briefing.sources] == [office.name, "War"]


def test_the_fullest_name_of_a_person_leads() -> None:
    briefing = analyse(
        briefing_of("“We wrote to them,” Ms Vane told the committee.", "Hella Vane said so again.")
    )
    (source,) = briefing.sources
    assert source.name == "Hella Vane"
    assert "Ms Vane" in source.aliases


def test_the_same_source_is_the_source_just_cited() -> None:
    briefing = analyse(
        briefing_of("A source familiar with the talks said they were close.", "“Soon,” the same source said.")
    )
    assert [(name, via) for _, name, via in cited(briefing)] == [
        ("a source familiar with the talks", "name"),
        ("a source familiar with the talks", "alias"),
    ]


def test_a_part_of_a_group_is_the_group_cited_before() -> None:
    briefing = analyse(
        briefing_of(
            "Two diplomats familiar with the talks said the deal was close.",
            "One of the diplomats said the schedule had no deadlines.",
        )
    )
    assert [(name, via) for _, name, via in cited(briefing)] == [
        ("two diplomats familiar with the talks", "name"),
        ("two diplomats familiar with the talks", "alias"),
    ]


def test_a_part_of_a_group_never_cited_is_a_source_of_its_own() -> None:
    briefing = analyse(briefing_of("Two of the new owners said they were never party to the deal."))
    assert [source.name for source in briefing.sources] == ["two of the new owners"]


def test_it_stands_for_the_one_body_the_paragraph_opened_with() -> None:
    briefing = analyse(
        briefing_of(
            "The council says the embargo ends at midnight.",
            "The Velmar mission abstained. It said lifting the embargo was overdue.",
        )
    )
    assert cited(briefing)[-1] == ("It", "the Velmar mission", "pronoun")


def test_it_is_left_alone_between_two_bodies() -> None:
    briefing = analyse(briefing_of("Velmar Ports and the Estmark Rail Board met. It said no deal was made."))
    assert [via for _, _, via in cited(briefing)] == []


def test_a_lone_name_that_said_he_is_a_person() -> None:
    briefing = analyse(briefing_of("Velmaro said he would not stop.", "Estmarko said it would not yield."))
    assert [(source.name, source.kind.value) for source in briefing.sources] == [
        ("Velmaro", "named_person"),
        ("Estmarko", "organization"),
    ]


def test_a_lone_name_a_later_he_stands_for_is_a_person() -> None:
    briefing = analyse(briefing_of("Velmaro said the war would go on.", "He said the talks were over."))
    assert [(source.name, source.kind.value) for source in briefing.sources] == [("Velmaro", "named_person")]
    assert cited(briefing)[-1] == ("He", "Velmaro", "pronoun")


def test_a_role_stands_for_the_person_named_with_it() -> None:
    briefing = analyse(
        briefing_of(
            "Formateur Elske Brandt said the talks had stalled.",
            "The formateur said later that a deal was near.",
            "Tor Vale, the chief negotiator, said the gap was small. "
            "The chief negotiator added that talks would go on.",
        )
    )
    assert cited(briefing) == [
        ("Formateur Elske Brandt", "Elske Brandt", "name"),
        ("The formateur", "Elske Brandt", "alias"),
        ("Tor Vale", "Tor Vale", "name"),
        ("The chief negotiator", "Tor Vale", "alias"),
    ]


def test_a_role_the_person_was_not_named_with_is_a_source_of_its_own() -> None:
    briefing = analyse(
        briefing_of(
            "Finance Minister Ana Roe said the budget was tight.",
            "The foreign minister said cuts were coming.",
            "Ivo Marek said the port was shut. The minister said it would reopen.",
            "The ministers said the budget would pass.",
        )
    )
    assert [(words, name) for words, name, _ in cited(briefing)] == [
        ("Finance Minister Ana Roe", "Ana Roe"),
        ("The foreign minister", "the foreign minister"),
        ("Ivo Marek", "Ivo Marek"),
        ("The minister", "the foreign minister"),  # the nearest holder of the role
        ("The ministers", "the ministers"),
    ]


def test_a_body_named_in_the_sentence_before_its_description_is_mentioned_too() -> None:
    briefing = analyse(
        briefing_of(
            "The Tor Families Forum marched on Sunday. The forum said families were tired.",
            "The Velmar Mothers Network held a vigil. The group said it would return.",
        )
    )
    assert cited(briefing) == [
        ("The Tor Families Forum", "the Tor Families Forum", "name"),
        ("The forum", "the Tor Families Forum", "alias"),
        ("The Velmar Mothers Network", "the Velmar Mothers Network", "name"),
        ("The group", "the Velmar Mothers Network", "alias"),
    ]


def test_a_description_that_does_not_fit_the_body_before_it_stands_alone() -> None:
    briefing = analyse(
        briefing_of(
            "The Tor Families Forum marched on Sunday. The union said it backed the march.",
            "The civil aviation authority met on Monday. The authority said flights would resume.",
        )
    )
    assert [words for words, _, _ in cited(briefing)] == ["The union", "The authority"]


def test_they_after_the_one_group_that_opens_a_sentence_is_that_group() -> None:
    briefing = analyse(
        briefing_of(
            "Gulf states, new contributors, pledged $3 billion. They said the money was voluntary.",
            "Tor Vale met the Velmar Union on Monday. They said nothing was agreed.",
        )
    )
    assert cited(briefing)[:2] == [
        ("Gulf states", "Gulf states", "name"),
        ("They", "Gulf states", "pronoun"),
    ]
    # A name and a body before "they": no group opens a sentence, and no earlier speaker fits.
    assert [words for words, _, _ in cited(briefing)[2:]] == []


def test_a_back_reference_names_the_head_of_the_earlier_source_not_its_tail() -> None:
    # "the governor" is no back-reference to a source inside the governor's office
    briefing = analyse(
        briefing_of(
            "A source in the Governor's Office told the Vessa Star the ferry would sail.",
            "“We will pay,” added the governor.",
        )
    )
    assert {source.name for source in briefing.sources} == {
        "a source in the Governor's Office",
        "the Vessa Star",
        "the governor",
    }


def test_a_back_reference_to_the_head_of_an_earlier_source_joins_it() -> None:
    briefing = analyse(
        briefing_of(
            "A source in the Governor's Office told the Vessa Star the ferry would sail.",
            "The source said fares would be refunded.",
        )
    )
    assert [(words, name) for words, name, _ in cited(briefing) if "Star" not in words] == [
        ("A source in the Governor's Office", "a source in the Governor's Office"),
        ("The source", "a source in the Governor's Office"),
    ]


def test_a_persons_office_is_one_source_under_all_its_names() -> None:
    briefing = analyse(
        briefing_of(
            "Vessa Prime Minister Tomas Erel’s office said a deal had been reached.",
            "On Friday, his office said Erel had been told by the negotiators.",
            "The cabinet will meet on Sunday, Erel’s office said.",
        )
    )
    offices = [source for source in briefing.sources if "office" in source.name]
    assert [source.name for source in offices] == ["Vessa Prime Minister Tomas Erel’s office"]
    assert {"his office", "Erel’s office"} <= set(offices[0].aliases)


def test_his_office_before_the_name_is_led_by_the_name() -> None:
    briefing = analyse(
        briefing_of(
            "“We are close,” Tomas Erel told reservists, according to a statement from his office.",
            "Erel's office also said the cabinet would meet at six.",
        )
    )
    assert [source.name for source in briefing.sources] == ["Tomas Erel", "Erel's office"]


@pytest.mark.parametrize(
    "second",
    [
        "Marlow's office said the cabinet would meet at six.",  # another person's office
        "The prime minister's office said the cabinet would meet at six.",  # a role, not a name
    ],
)
def test_offices_of_different_owners_stay_apart(second: str) -> None:
    briefing = analyse(briefing_of("Tomas Erel's office said a deal had been reached.", second))
    assert len([source for source in briefing.sources if "office" in source.name]) == 2


def test_a_news_service_is_the_outlet_under_its_own_name() -> None:
    briefing = analyse(
        briefing_of(
            "Vessa news service reported that the jury had ruled.", "Vessa said the award was a record."
        )
    )
    assert [source.name for source in briefing.sources] == ["Vessa news service"]


def test_the_office_of_a_person_is_the_persons_office() -> None:
    briefing = analyse(
        briefing_of(
            "The office of Vessan prime minister Tomas Erel said the deal needed cabinet approval.",
            "Erel’s office said in a statement that the cabinet would meet at six.",
        )
    )
    offices = [source.name for source in briefing.sources if "office" in source.name]
    assert offices == ["the office of Vessan prime minister Tomas Erel"]


def test_an_acronym_before_a_name_gives_it_no_given_name() -> None:
    briefing = analyse(briefing_of("10.45am BST Kessa says the truce will hold", "Kessa said so again."))
    assert [(source.name, source.kind.value) for source in briefing.sources] == [("Kessa", "organization")]


def test_a_country_after_a_number_or_a_plural_role_is_no_surname() -> None:
    briefing = analyse(
        briefing_of("Two Orvin officials said the port would open.", "Mediators Vessa and Orvin said so too.")
    )
    kinds = {source.name: source.kind.value for source in briefing.sources}
    assert kinds["Vessa"] == "organization" and kinds["Orvin"] == "organization"


def test_a_singular_role_before_a_surname_still_makes_a_person() -> None:
    briefing = analyse(briefing_of("President Marlow arrived on Monday.", "Marlow said the port would open."))
    assert [(source.name, source.kind.value) for source in briefing.sources] == [("Marlow", "named_person")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The Vessan Union said it would sign.", "The VU said the text was final."),
        ("The VU said it would sign.", "The Vessan Union said the text was final."),
        ("The V.U. said it would sign.", "The Vessan Union said the text was final."),
    ],
)
def test_a_body_and_its_two_letter_initials_are_one_source_led_by_the_full_name(
    first: str, second: str
) -> None:
    briefing = analyse(briefing_of(first, second))
    assert [source.name for source in briefing.sources] == ["the Vessan Union"]


def test_initials_of_no_body_cited_join_nothing() -> None:
    briefing = analyse(briefing_of("Ana Roe said it would sign.", "The Arab Republic said so."))
    assert len(briefing.sources) == 2


def test_the_x_administration_is_xs_administration() -> None:
    briefing = analyse(
        briefing_of(
            "The Marlow administration said the levy would stay.",
            "Marlow's administration has said it will not back down.",
        )
    )
    assert [(source.name, source.aliases) for source in briefing.sources] == [
        ("the Marlow administration", ("Marlow's administration",))
    ]


def test_two_owners_administrations_stay_apart() -> None:
    briefing = analyse(briefing_of("The Marlow administration said it.", "The Vask administration said it."))
    assert len(briefing.sources) == 2
