"""Pronouns that stand for no speaker: "it" after a record that spoke without an owner, and
"it" beside a plural body; and the definite owner of a record ("the bloc statement") that
refers back to the body named before (docs/labelling.md, section 2)."""

from __future__ import annotations

from briefing_tui.analysis import analyse
from mention_names import briefing_of
from mention_names import cited_via as cited


def test_it_after_a_record_without_owner_is_the_record() -> None:
    briefing = analyse(
        briefing_of(
            "Talks ended after a joint text was adopted, according to the Ostmark agency Vero.",
            "“Both armies will pull back by May,” the statement said. It also named March for family visits.",
        )
    )
    assert [words for words, _, _ in cited(briefing)] == ["the Ostmark agency Vero"]


def test_it_after_an_owned_record_is_the_owner() -> None:
    briefing = analyse(
        briefing_of(
            "The union rejected the offer.",
            "“We will strike,” the union statement said. It also said talks were over.",
        )
    )
    assert [(words, via) for words, _, via in cited(briefing)] == [("the union", "name"), ("It", "pronoun")]


def test_it_is_never_a_plural_body() -> None:
    briefing = analyse(briefing_of("The two sides also “agreed to open the border by May,” it said."))
    assert cited(briefing) == []


def test_it_after_a_singular_body_still_links() -> None:
    briefing = analyse(briefing_of("The Vessan mission abstained. It said the text was unfair."))
    assert [(words, name) for words, name, _ in cited(briefing)][-1] == ("It", "the Vessan mission")


def test_the_bloc_statement_is_the_bloc_named_before() -> None:
    briefing = analyse(
        briefing_of(
            "The two sides agreed on a truce, the Lakes Commission, a regional bloc, said on Tuesday.",
            "“Both leaders agree to stop fighting,” the bloc statement said.",
        )
    )
    assert len(briefing.sources) == 1
    assert [via for _, _, via in cited(briefing)] == ["name", "alias"]


def test_an_indefinite_owner_of_a_record_stands_alone() -> None:
    briefing = analyse(
        briefing_of(
            "The Lakes Commission, a regional bloc, said on Tuesday that talks would resume.",
            "“We are close,” a dockers' union statement read.",
        )
    )
    assert len(briefing.sources) == 2


def test_a_family_name_first_is_the_person_named_before() -> None:
    briefing = analyse(
        briefing_of(
            "A senior diplomat, Vice Foreign Minister Lin Haomu, warned that talks could fail.",
            "“We will meet again,” Lin said.",
        )
    )
    assert [(name, via) for _, name, via in cited(briefing)] == [
        ("Lin Haomu", "name"),
        ("Lin Haomu", "alias"),
    ]


def test_a_lone_word_that_two_people_share_first_stays_apart() -> None:
    briefing = analyse(
        briefing_of(
            "Lin Haomu said talks could fail.",
            "Lin Wei said talks would go on.",
            "“We will meet again,” Lin said.",
        )
    )
    assert len(briefing.sources) == 3
