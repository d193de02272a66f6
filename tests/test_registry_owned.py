"""An owned body ("his office") renamed by a fuller name stays filed under the new name."""

from __future__ import annotations

from briefing_tui.analysis.mentions import Mention
from briefing_tui.analysis.registry import SourceRegistry
from briefing_tui.model import SourceKind


def _person(name: str) -> Mention:
    return Mention(0, len(name), name, SourceKind.NAMED_PERSON)


def _body(name: str) -> Mention:
    return Mention(0, len(name), name, SourceKind.ORGANIZATION)


def test_a_renamed_office_is_found_by_its_new_key() -> None:
    registry = SourceRegistry(lambda: frozenset({"Kessel"}))
    registry.cite([_person("Dora Kessel")])
    (first,) = registry.cite([_body("her office")])
    (renamed,) = registry.cite([_body("Kessel's office")])
    assert renamed.source_id == first.source_id
    assert registry._by_key["kessel's office"].id == first.source_id  # re-keyed on renaming
    (sources_office,) = [source for source in registry.sources() if "office" in source.name]
    assert sources_office.name == "Kessel's office"
    assert "her office" in sources_office.aliases


def test_an_office_of_another_owner_is_not_joined() -> None:
    registry = SourceRegistry(lambda: frozenset({"Kessel", "Marlow"}))
    registry.cite([_person("Dora Kessel")])
    (first,) = registry.cite([_body("her office")])
    (other,) = registry.cite([_body("Marlow's office")])
    assert other.source_id != first.source_id


def test_what_was_pledged_reads_every_form_the_lexicon_lists() -> None:
    from briefing_tui.analysis.verb_refusals import _PLEDGES

    assert {"pledged", "promises", "vow", "demanded"} <= _PLEDGES
    assert "said" not in _PLEDGES
