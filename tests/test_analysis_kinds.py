"""Paragraph and section kinds: the seed's labels, the heading rule, stated kinds, lists, cues."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui.analysis import analyse
from briefing_tui.analysis.kinds import heading_kind, judge_paragraph
from briefing_tui.analysis.lexicon import CUE_PHRASES
from briefing_tui.ingest import read_briefing
from briefing_tui.model import Briefing, KindBasis, Paragraph, Section, SectionKind
from labelled import SEED_LABELS, analysed, load_labels

SEED = Path(__file__).resolve().parent.parent / "seeds" / "gaza-ceasefire-talks.txt"


def briefing_of(
    *texts: str, heading: str | None = "Section", markers: dict[int, str] | None = None
) -> Briefing:
    """A one-section briefing whose paragraphs have these texts (and list markers by index)."""
    markers = markers or {}
    paragraphs = tuple(
        Paragraph(id=f"p{number}", text=text, marker=markers.get(number))
        for number, text in enumerate(texts, start=1)
    )
    return Briefing(title="Test", sections=(Section(id="s", heading=heading, paragraphs=paragraphs),))


@pytest.fixture(scope="module")
def seed() -> Briefing:
    return analyse(read_briefing(SEED))


def test_every_seed_paragraph_has_its_labelled_kind(seed: Briefing) -> None:
    labels = load_labels(SEED_LABELS)
    got = {paragraph.id: paragraph.kind.value for paragraph in seed.paragraphs()}
    expected = {label["id"]: label["kind"] for label in labels["paragraphs"]}
    assert len(expected) == 19
    assert got == expected


def test_seed_sections_take_the_dominant_kind_of_their_paragraphs(seed: Briefing) -> None:
    labels = load_labels(SEED_LABELS)
    got = [(section.id, section.kind.value, section.kind_basis.value) for section in seed.sections]
    assert got == [(label["id"], label["kind"], label["basis"]) for label in labels["sections"]]


@pytest.mark.parametrize("labels_name", ["harbour-strike", "merger-remedies", "tramway-levy"])
def test_fixture_sections_have_their_labelled_kind_and_basis(labels_name: str, tmp_path: Path) -> None:
    labels = load_labels(SEED_LABELS.parent / f"{labels_name}.labels.json")
    briefing = analysed(labels, tmp_path)
    got = [(section.id, section.kind.value, section.kind_basis.value) for section in briefing.sections]
    assert got == [(label["id"], label["kind"], label["basis"]) for label in labels["sections"]]


def test_every_paragraph_says_which_cues_decided_it(seed: Briefing) -> None:
    for paragraph in seed.paragraphs():
        assert paragraph.cues, paragraph.id
        assert all(cue.startswith(f"{paragraph.kind.value}: ") for cue in paragraph.cues), paragraph.cues


def test_cues_quote_the_words_found() -> None:
    verdict = judge_paragraph("Under the terms of the deal, 40 prisoners will be released.")
    assert verdict.kind is SectionKind.TERMS
    assert "terms: 'under the terms'" in verdict.cues
    assert "terms: 'released'" in verdict.cues


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Negotiators met for a third round of talks, but the sticking points remained.", "negotiations"),
        ("Under the terms of the accord, each side will release 50 detainees in exchange.", "terms"),
        (
            "Troops will be deployed within 48 hours, and monitors will oversee the handover.",
            "implementation",
        ),
        ("It remains unclear whether the truce will hold, and doubts are growing.", "open_questions"),
        (
            "The river has divided the two valleys for decades, a history of quarrels since 1950.",
            "background",
        ),
        ("The weather was mild and the streets were quiet.", "background"),
    ],
)
def test_a_paragraph_gets_the_kind_its_cues_point_to(text: str, kind: str) -> None:
    assert judge_paragraph(text).kind.value == kind


def test_a_paragraph_without_cues_is_background_and_says_so() -> None:
    verdict = judge_paragraph("The weather was mild.")
    assert verdict.kind is SectionKind.BACKGROUND
    assert verdict.cues == ("background: no cue for another kind",)


def test_a_direct_question_leans_a_paragraph_towards_open_questions() -> None:
    analysed_briefing = analyse(briefing_of("The rain fell. Who will pay for the repairs?"))
    (paragraph,) = analysed_briefing.paragraphs()
    assert paragraph.kind is SectionKind.OPEN_QUESTIONS
    assert paragraph.cues == ("open_questions: question 'Who will pay for the repairs?'",)


def test_words_naming_a_source_do_not_count_as_cues() -> None:
    text = "People familiar with the negotiations said the weather was mild."
    assert judge_paragraph(text).kind is SectionKind.NEGOTIATIONS
    (paragraph,) = analyse(briefing_of(text)).paragraphs()
    assert paragraph.kind is SectionKind.BACKGROUND


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Terms of the agreement", SectionKind.TERMS),
        ("What the deal says", SectionKind.TERMS),
        ("Open questions", SectionKind.OPEN_QUESTIONS),
        ("What remains unclear", SectionKind.OPEN_QUESTIONS),
        ("Implementation", SectionKind.IMPLEMENTATION),
        ("Next steps", SectionKind.IMPLEMENTATION),
        ("Negotiations", SectionKind.NEGOTIATIONS),
        ("How the deal was reached", SectionKind.NEGOTIATIONS),
        ("Background", SectionKind.BACKGROUND),
        ("Context", SectionKind.BACKGROUND),
    ],
)
def test_a_heading_that_names_a_kind_decides_the_section(heading: str, kind: SectionKind) -> None:
    text = "Negotiators met for a third round of talks, but the sticking points remained."
    section = analyse(briefing_of(text, heading=heading)).sections[0]
    assert (section.kind, section.kind_basis) == (kind, KindBasis.HEADING)


@pytest.mark.parametrize(
    "heading",
    [
        "A last-minute breakthrough: Trump declares the end of war at midnight",
        "Talks between the unions and the ministry collapse after a week of bitter recriminations",
        "Harbour life",
        None,
    ],
)
def test_headlines_and_other_headings_do_not_name_a_kind(heading: str | None) -> None:
    assert heading_kind(heading) is None


def test_a_stated_kind_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "stated.md"
    path.write_text(
        "# Title\n\n## Who said what {kind=implementation}\n\n"
        "Negotiators met for a third round of talks, but the sticking points remained.\n",
        encoding="utf-8",
    )
    section = analyse(read_briefing(path)).sections[0]
    assert (section.kind, section.kind_basis) == (SectionKind.IMPLEMENTATION, KindBasis.STATED)
    assert section.paragraphs[0].kind is SectionKind.NEGOTIATIONS


def test_section_dominance_is_measured_in_characters_not_paragraph_counts() -> None:
    long_implementation = (
        "Troops will be deployed within 48 hours, and monitors will oversee the handover. " * 4
    ).strip()
    briefing = briefing_of(
        long_implementation, "Talks resumed.", "Negotiators met.", "Mediators shuttled between rooms."
    )
    kinds = [paragraph.kind for paragraph in analyse(briefing).paragraphs()]
    assert kinds.count(SectionKind.NEGOTIATIONS) == 3
    section = analyse(briefing).sections[0]
    assert (section.kind, section.kind_basis) == (SectionKind.IMPLEMENTATION, KindBasis.PARAGRAPHS)


def test_list_items_with_few_cues_inherit_the_kind_of_the_paragraph_introducing_them() -> None:
    briefing = briefing_of(
        "Under the terms of the deal, the accord sets out three provisions:",
        "A new board for the port",
        "Troops will be deployed within 48 hours, and monitors will oversee the handover schedule.",
        markers={2: "1.", 3: "2."},
    )
    intro, weak, strong = analyse(briefing).paragraphs()
    assert intro.kind is SectionKind.TERMS
    assert weak.kind is SectionKind.TERMS
    assert weak.cues == ("terms: list introduced by p1",)
    assert strong.kind is SectionKind.IMPLEMENTATION


def test_a_paragraph_without_any_cue_continues_the_one_before_it() -> None:
    briefing = briefing_of(
        "Negotiators met for a third round of talks, but the sticking points remained.",
        "“We listened, and we got there,” said Anna Novak.",
    )
    first, second = analyse(briefing).paragraphs()
    assert second.kind is first.kind is SectionKind.NEGOTIATIONS
    assert second.cues == ("negotiations: no cue of its own, follows p1",)


def test_analysis_is_idempotent(seed: Briefing) -> None:
    assert analyse(seed) == seed


def test_analysis_recomputes_what_an_earlier_analysis_left(seed: Briefing) -> None:
    tampered = seed.model_copy(
        update={
            "sections": tuple(
                section.model_copy(
                    update={
                        "kind": SectionKind.BACKGROUND,
                        "kind_basis": KindBasis.HEADING,
                        "paragraphs": tuple(
                            paragraph.model_copy(update={"kind": SectionKind.BACKGROUND, "cues": ("x",)})
                            for paragraph in section.paragraphs
                        ),
                    }
                )
                for section in seed.sections
            )
        }
    )
    assert analyse(tampered) == seed


def test_analysis_does_not_touch_the_text_or_metadata(seed: Briefing) -> None:
    original = read_briefing(SEED)
    assert [p.text for p in seed.paragraphs()] == [p.text for p in original.paragraphs()]
    assert [p.marker for p in seed.paragraphs()] == [p.marker for p in original.paragraphs()]
    assert (seed.title, seed.origin, seed.notices) == (original.title, original.origin, original.notices)


def test_an_empty_section_keeps_the_default_kind() -> None:
    briefing = Briefing(title="T", sections=(Section(id="empty", heading="Harbour life"),))
    section = analyse(briefing).sections[0]
    assert (section.kind, section.kind_basis) == (SectionKind.BACKGROUND, KindBasis.DEFAULT)


def test_no_cue_phrase_is_listed_twice() -> None:
    seen: dict[str, str] = {}
    for kind, by_weight in CUE_PHRASES.items():
        for listed in by_weight.values():
            for phrase in (part.strip() for part in listed.split("|")):
                assert phrase == phrase.lower() and phrase, phrase
                assert phrase not in seen, f"{phrase!r} is listed for {seen.get(phrase)} and {kind}"
                seen[phrase] = kind.value


def test_the_analysis_package_never_imports_textual_or_rich() -> None:
    code = (
        "import sys, briefing_tui.analysis; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'}); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
