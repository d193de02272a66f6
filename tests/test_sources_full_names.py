"""A lone surname cited is named by the full name the text gives that person elsewhere."""

from __future__ import annotations

import time

from briefing_tui.analysis import analyse
from briefing_tui.analysis.source_names import full_names_in
from briefing_tui.model import AttributionVia, SourceKind
from mention_names import briefing_of

SIGNING = (
    "The truce was signed by junior Ports Minister General Oskar-Lev Tambrin and the "
    "rebels' envoy Sefa Marrow on behalf of their leader."
)


def _sources(*texts: str) -> list[tuple[str, SourceKind, tuple[str, ...]]]:
    return [(source.name, source.kind, source.aliases) for source in analyse(briefing_of(*texts)).sources]


def test_a_surname_cited_alone_takes_the_full_name_written_before() -> None:
    briefing = analyse(
        briefing_of(SIGNING, '"We will lay down arms," said Marrow.', "Tambrin said: “We are sure.”")
    )
    names = {source.name: source for source in briefing.sources}
    assert names["Sefa Marrow"].kind is SourceKind.NAMED_PERSON
    assert names["Sefa Marrow"].aliases == ("Marrow",)
    assert "Oskar-Lev Tambrin" in names  # the title and the role before the given name left out
    cited = [a for p in briefing.paragraphs() for a in p.attributions]
    assert {a.via for a in cited} == {AttributionVia.ALIAS}  # the words cited are the alias


def test_the_full_name_may_come_after_the_lone_surname() -> None:
    assert _sources('"Nothing is agreed," said Marrow.', SIGNING) == [
        ("Sefa Marrow", SourceKind.NAMED_PERSON, ("Marrow",))
    ]


def test_a_surname_with_two_given_names_in_the_text_stays_as_cited() -> None:
    text = "Sefa Marrow and her brother Ilan Marrow flew in."
    assert _sources(text, '"Nothing is agreed," said Marrow.') == [("Marrow", SourceKind.NAMED_PERSON, ())]


def test_a_longer_form_of_the_same_name_is_the_one_name() -> None:
    texts = ["Envoy Ana Sefa Marrow arrived.", "Sefa Marrow met the mayor."]
    assert full_names_in(texts, frozenset({"marrow"})) == {"marrow": "Ana Sefa Marrow"}


def test_titles_roles_bodies_possessives_and_acronyms_are_no_given_names() -> None:
    texts = [
        "President Marrow spoke.",  # a title alone: no given name
        "A Finance Ministry Tambrin memo.",  # a body's name before the surname
        "Kessa's Olan said so, and Kessa's OLB agreed.",
    ]
    assert full_names_in(texts, frozenset({"marrow", "tambrin", "olan", "olb"})) == {}


def test_a_body_cited_by_a_lone_word_keeps_its_name() -> None:
    # "Harrowgate" is never written after a given name: a body, named as cited.
    assert _sources("Harrowgate said the port would reopen.") == [("Harrowgate", SourceKind.ORGANIZATION, ())]


def _shared_surname_seconds(count: int) -> float:
    given = [f"Ka{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676)}" for i in range(count)]
    text = " and ".join(f"{name} Marrow" for name in given)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        assert full_names_in([text], frozenset({"marrow"})) == {}  # shared: no one full name
        best = min(best, time.perf_counter() - started)
    return best


def test_a_surname_shared_by_many_given_names_is_read_in_linear_time() -> None:
    # Ten times the names: about ten times the time; comparing the names pairwise would be a hundred.
    assert _shared_surname_seconds(20_000) / _shared_surname_seconds(2_000) < 35
