"""Sources and attributions: the seed's acceptance list, each shape of attribution, dedup and ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.analysis import analyse
from briefing_tui.analysis.sources import find_mentions
from briefing_tui.analysis.vocabulary import STOPWORDS
from briefing_tui.ingest import read_briefing
from briefing_tui.model import Briefing, SourceKind
from labelled import SEED_LABELS, expected_span, load_labels, name_key
from mention_names import briefing_of

SEED = Path(__file__).resolve().parent.parent / "seeds" / "gaza-ceasefire-talks.txt"

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "whom", "him", "her", "them", "us", "this"}


def cited(briefing: Briefing) -> list[tuple[str, str, str]]:
    """(words as written, source name, source kind) for every attribution, in reading order."""
    sources = {source.id: source for source in briefing.sources}
    return [
        (paragraph.text[a.start : a.end], sources[a.source_id].name, sources[a.source_id].kind.value)
        for paragraph in briefing.paragraphs()
        for a in paragraph.attributions
    ]


def names(text: str) -> list[tuple[str, str | None]]:
    """What ``text`` names as sources, pronouns aside (the registry resolves those)."""
    return [(m.name, m.kind.value if m.kind else None) for m in find_mentions(text) if m.pronoun is None]


@pytest.fixture(scope="module")
def seed() -> Briefing:
    return analyse(read_briefing(SEED))


def test_seed_required_sources_are_found_with_their_kinds(seed: Briefing) -> None:
    labels = load_labels(SEED_LABELS)
    kinds = {source["name"]: source["kind"] for source in labels["sources"]}
    found = {name_key(source.name): source.kind.value for source in seed.sources}
    assert len(labels["required_sources"]) == 13
    for name in labels["required_sources"]:
        assert found.get(name_key(name)) == kinds[name], name


def test_seed_attributions_sit_at_the_exact_offsets(seed: Briefing) -> None:
    labels = load_labels(SEED_LABELS)
    paragraphs = {paragraph.id: paragraph for paragraph in seed.paragraphs()}
    sources = {source.id: source for source in seed.sources}
    for label in labels["paragraphs"]:
        paragraph = paragraphs[label["id"]]
        got = [(a.start, a.end, name_key(sources[a.source_id].name)) for a in paragraph.attributions]
        expected = [
            (*expected_span(paragraph.text, item), name_key(item.get("source", item["text"])))
            for item in label["attributions"]
        ]
        assert got == expected, label["id"]


def test_seed_offsets_spelled_out(seed: Briefing) -> None:
    p1 = seed.paragraphs()[0]
    spans = [(p1.text[a.start : a.end], a.start) for a in p1.attributions]
    assert spans == [
        ("Politico", 13),
        ("Felicia Schwartz", 49),
        ("three sources familiar with the negotiations", 275),
        ("one U.S. official", 324),
    ]


def test_seed_has_exactly_the_labelled_sources_in_order_of_first_citation(seed: Briefing) -> None:
    labels = load_labels(SEED_LABELS)
    assert [name_key(source.name) for source in seed.sources] == [
        name_key(source["name"]) for source in labels["sources"]
    ]


def test_no_seed_source_is_a_pronoun_or_a_verb(seed: Briefing) -> None:
    for source in seed.sources:
        words = name_key(source.name).split()
        assert not set(words) <= PRONOUNS | STOPWORDS, source.name


def test_named_people_carry_their_descriptions(seed: Briefing) -> None:
    described = {source.name: source.description for source in seed.sources if source.description}
    assert described == {
        "Felicia Schwartz": "Politico’s diplomatic correspondent",
        "Robert Greenway": (
            "former Senior Director for Middle East Affairs under Trump"
            " and an architect of the Abraham Accords"
        ),
    }


def test_the_financial_times_is_not_a_source_when_it_is_only_a_former_employer(seed: Briefing) -> None:
    assert all("financial times" not in name_key(source.name) for source in seed.sources)


def test_source_ids_are_unique_slugs(seed: Briefing) -> None:
    ids = [source.id for source in seed.sources]
    assert len(set(ids)) == len(ids)
    assert "robert-greenway" in ids
    assert "senior-u-s-official" in ids  # the article is not part of the slug
    assert all(identifier == identifier.lower() and " " not in identifier for identifier in ids)


@pytest.mark.parametrize(
    "text",
    [
        "He said the talks were over.",
        "“We are ready,” she said.",
        "They told reporters nothing new.",
        "It said so in a statement.",
        "Who said that first?",
        "The people who said it were wrong.",
        "We warned them, and I confirmed it.",
        "Said and done, the meeting ended.",
    ],
)
def test_pronouns_and_verbs_never_become_sources(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("According to Reuters, the deal is done.", [("Reuters", "outlet")]),
        (
            "Citing two diplomats and a UN official, the paper said so.",
            [("two diplomats", "official"), ("a UN official", "official")],
        ),
        ("Officials said Hamas would release ten hostages.", [("officials", "official")]),
        ("“It is over,” said Ahmed Karimov, the foreign minister.", [("Ahmed Karimov", "named_person")]),
        (
            "A statement from the Health Ministry said 40 people were hurt.",
            [("the Health Ministry", "organization")],
        ),
        ("The BBC reported that the talks had resumed.", [("the BBC", "outlet")]),
        (
            "Prime Minister Benjamin Netanyahu said the war would go on.",
            [("Benjamin Netanyahu", "named_person")],
        ),
        (
            "Two diplomats, speaking on condition of anonymity, said the vote was close.",
            [("two diplomats", "official")],
        ),
        ("In Gaza, residents said the shelling had stopped.", [("residents", "anonymous")]),
        (
            "Officials familiar with the plan said on Tuesday that it was dead.",
            [("officials familiar with the plan", "official")],
        ),
        (
            "A White House spokesperson said the president was briefed.",
            [("a White House spokesperson", "official")],
        ),
        ("The talks stalled and officials said the deal was off.", [("officials", "official")]),
        (
            "Three people familiar with the matter told Reuters that it was close.",
            [("three people familiar with the matter", "anonymous"), ("Reuters", "outlet")],
        ),
        (
            "Two council members who voted in favour said privately that they doubt it.",
            [("two council members who voted in favour", "anonymous")],
        ),
        ("Greenway: “The hard part starts after Monday.”", [("Greenway", None)]),
    ],
)
def test_each_shape_of_attribution(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "According to the agreement, the troops will leave.",
        "The State Department declined to comment on the report.",
        "The ministry did not say when the crossing would open.",
        "Israel declined an offer to extend the truce.",
        "Norland insisted on a sliding scale.",
        "The report says the envoys dictated the terms.",
        "Trump personally urged Netanyahu to apologize.",
        "Arab states reportedly pledged to support the effort.",
    ],
)
def test_things_that_only_look_like_attributions(text: str) -> None:
    assert names(text) == []


def test_the_same_phrase_repeated_is_one_source_cited_twice() -> None:
    briefing = analyse(
        briefing_of(
            "A senior U.S. official said the talks had stalled.",
            "The senior U.S. official added that a deal was close. U.S. officials said no more was planned.",
        )
    )
    assert [(s.name, s.kind.value) for s in briefing.sources] == [
        ("a senior U.S. official", "official"),
        ("U.S. officials", "official"),
    ]
    assert cited(briefing) == [
        ("A senior U.S. official", "a senior U.S. official", "official"),
        ("The senior U.S. official", "a senior U.S. official", "official"),
        ("U.S. officials", "U.S. officials", "official"),
    ]


def test_a_surname_after_the_full_name_is_the_same_person() -> None:
    briefing = analyse(
        briefing_of(
            "Union leader Maja Lindqvist said the talks were hard.", "Lindqvist warned of a new strike."
        )
    )
    assert [(s.name, s.kind.value, s.description) for s in briefing.sources] == [
        ("Maja Lindqvist", "named_person", "Union leader")
    ]
    assert [words for words, _, _ in cited(briefing)] == ["Union leader Maja Lindqvist", "Lindqvist"]


def test_a_lone_word_is_a_person_when_the_text_uses_it_as_a_surname() -> None:
    briefing = analyse(
        briefing_of("Donald Trump arrived in Cairo.", "Later, Trump said the deal was great. Hamas said no.")
    )
    assert [(s.name, s.kind) for s in briefing.sources] == [
        ("Donald Trump", SourceKind.NAMED_PERSON),  # the fullest name the text uses
        ("Hamas", SourceKind.ORGANIZATION),
    ]


def test_a_role_and_a_name_in_apposition_are_one_person() -> None:
    briefing = analyse(
        briefing_of(
            "“Both sides moved,” the mediator, Pieter Vos, told reporters.",
            "According to the agency’s chief negotiator, Tomas Brandt, the deadlock broke.",
        )
    )
    assert [(s.name, s.description) for s in briefing.sources] == [
        ("Pieter Vos", "the mediator"),
        ("Tomas Brandt", "the agency’s chief negotiator"),
    ]


def test_an_outlet_that_employs_the_named_source_is_cited_too() -> None:
    assert names("Reuters’ correspondent Li Wei said the port was closed.") == [
        ("Reuters", "outlet"),
        ("Li Wei", "named_person"),
    ]


def test_names_in_other_scripts() -> None:
    briefing = analyse(
        briefing_of(
            "李明, the lead negotiator, said the talks nearly collapsed.",
            "Greek shipping minister Ολγα Παπαδοπούλου said the pool would open.",
            "“It works,” said Ахмед Каримов, director of the port. Каримов added that it was open.",
        )
    )
    assert [(s.name, s.kind.value, s.description) for s in briefing.sources] == [
        ("李明", "named_person", "the lead negotiator"),
        ("Ολγα Παπαδοπούλου", "named_person", "Greek shipping minister"),
        ("Ахмед Каримов", "named_person", "director of the port"),
    ]
    assert len(cited(briefing)) == 4


def test_sources_are_ordered_by_first_citation_and_attributions_by_position() -> None:
    briefing = analyse(
        briefing_of(
            "Officials said it was over, the BBC reported.",
            "According to Reuters, talks resume today. Officials added nothing.",
        )
    )
    assert [s.name for s in briefing.sources] == ["officials", "the BBC", "Reuters"]
    for paragraph in briefing.paragraphs():
        starts = [a.start for a in paragraph.attributions]
        assert starts == sorted(starts)


def test_attributions_cover_exactly_the_naming_words() -> None:
    text = "Citing three sources familiar with the negotiations and one U.S. official, the report says so."
    (paragraph,) = analyse(briefing_of(text)).paragraphs()
    assert [text[a.start : a.end] for a in paragraph.attributions] == [
        "three sources familiar with the negotiations",
        "one U.S. official",
    ]


def test_a_body_named_by_its_acronym_before_common_nouns_is_the_acronym_later() -> None:
    briefing = analyse(
        briefing_of(
            "Kessa's KIS intelligence agency said it had brokered the swap.",
            "Eight detainees were flown home, according to a statement by KIS.",
        )
    )
    assert [(s.name, s.kind) for s in briefing.sources] == [
        ("Kessa's KIS intelligence agency", SourceKind.ORGANIZATION)
    ]


def test_an_acronym_after_a_capitalised_word_is_no_surname() -> None:
    # "Kessa's KIS" must not make a lone "KIS" a person, as "Kessa's Ana Brill" makes Brill one.
    briefing = analyse(briefing_of("Kessa's KIS met the envoys.", "KIS said the talks went well."))
    assert [(s.name, s.kind) for s in briefing.sources] == [("KIS", SourceKind.ORGANIZATION)]
