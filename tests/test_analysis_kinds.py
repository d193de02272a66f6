"""Paragraph and section kinds: the features, the sequence step, cues, headings, stated kinds.

Exact kinds are not asserted on any labelled text: how well the learned model labels
briefings is measured on held-out data (tests/test_kind_learning.py, bench/kind_quality.py).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui.analysis import analyse
from briefing_tui.analysis.kind_features import NAME, NUMBER, YEAR, feature_label, observe, observe_paragraph
from briefing_tui.analysis.kind_model import KindModel, decode
from briefing_tui.analysis.kinds import heading_kind, section_kind
from briefing_tui.ingest import read_briefing
from briefing_tui.model import BlockKind, Briefing, Cue, KindBasis, Paragraph, Question, Section, SectionKind
from briefing_tui.paragraph_kinds import paragraphs_of_kind

SEED = Path(__file__).resolve().parent.parent / "seeds" / "gaza-ceasefire-talks.txt"
KINDS = ["negotiations", "terms", "implementation", "open_questions", "background"]


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


def signals(text: str) -> set[str]:
    return set(observe_paragraph(text).signals)


@pytest.fixture(scope="module")
def seed() -> Briefing:
    return analyse(read_briefing(SEED))


# --- features -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("Troops will withdraw.", 'modal "will"'),
        ("The plan would see prisoners freed.", 'modal "would"'),
        ("Both sides must agree.", 'modal "must"'),
        ("The committee is due to meet on Thursday.", '"is due to"'),
        ("The vote is expected to take place next week.", '"is expected to"'),
        ("The union did not accept the offer.", "negation"),
        ("The union rejected the offer.", "a party bargains"),
        ("Management has also proposed a freeze.", "a party bargains"),
        ("The agreement provides for a joint commission.", "what the deal provides"),
        ("The new deal would also cap fees.", "what the deal provides"),
        ("Under the accord, fees fall.", '"under the deal"'),
        ("Under its terms, fees fall.", '"under the deal"'),
        ("Pay rises 4.5% next year.", "percentage"),
        ("Pay rises 3 per cent.", "percentage"),
        ("The fund holds $2.5 billion.", "sum of money"),
        ("Troops leave within 72 hours.", "within a period"),
        ("Troops leave within a few weeks.", "within a period"),
        ("Voting will start on Monday.", "date in a future sentence"),
        ("Talks collapsed on Monday.", "date in a past sentence"),
        ("It is unclear whether it holds.", "hedge"),
        ("A swap in 2020 freed 1,000 people.", "a year"),
        ("Who will pay for the repairs?", "question outside quotes"),
        ("“What do I say to him?” she asked.", "question in a quotation"),
        ("“We listened, and we moved,” she said.", "mostly quotation"),
    ],
)
def test_a_feature_reads_the_sentence(text: str, signal: str) -> None:
    assert signal in signals(text)


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("The union is rejecting nothing.", "a party bargains"),  # "is rejecting": no listed verb form
        ("“What do I say to him?” she asked.", "question outside quotes"),
        ("Voting will start soon.", "date in a future sentence"),
        ("Nothing here counts.", "percentage"),
    ],
)
def test_a_feature_does_not_fire_without_its_grammar(text: str, signal: str) -> None:
    assert signal not in signals(text)


def test_names_numbers_and_years_are_normalised_so_topics_do_not_dominate() -> None:
    observation = observe_paragraph("Talks resumed after Sheikh Mohammed arrived with 200 troops in 2024.")
    assert NAME in observation.words and "mohammed" not in observation.words
    assert NUMBER in observation.words and YEAR in observation.words
    assert "200" not in observation.words and "2024" not in observation.words
    assert ("with", NUMBER) in observation.pairs


def test_words_naming_a_source_are_not_read_as_content() -> None:
    observation = observe_paragraph("People familiar with the negotiations said the weather was mild.")
    assert "negotiations" not in observation.words


def test_place_and_heading_are_features() -> None:
    sections = (
        Section(id="a", heading="Terms of the deal", paragraphs=(Paragraph(id="p1", text="One."),)),
        Section(
            id="b",
            heading="A long headline that names no kind at all, just the news",
            paragraphs=(
                Paragraph(id="p2", text="Two."),
                Paragraph(id="p3", text="Three.", marker="-", block=BlockKind.LIST_ITEM),
            ),
        ),
    )
    first, second, third = observe(sections)
    assert {"first paragraph", "heading names terms", "first in its section"} <= set(first.signals)
    assert first.context == "start"
    assert second.context == "section" and "heading names terms" not in second.signals
    assert third.context == "list" and {"list item", "last paragraph"} <= set(third.signals)


# --- the sequence step ----------------------------------------------------------------


def toy_model(stickiness: float) -> KindModel:
    """Two signals that point at negotiations and terms, and transitions that favour staying."""
    zero = [0.0] * 5
    same = [[stickiness if row == col else 0.0 for col in range(5)] for row in range(5)]
    return KindModel.from_data(
        {
            "kinds": KINDS,
            "features": {
                'modal "will"': [0.0, 3.0, 0.0, 0.0, 0.0],
                "a party bargains": [3.0, 0.0, 0.0, 0.0, 0.0],
                'word "offer"': [1.0, 0.0, 0.0, 0.0, 0.0],
                'words "the offer"': [0.5, 0.0, 0.0, 0.0, 0.0],
                "bias": [0.0, 0.0, 0.0, 0.0, 0.5],
            },
            "transitions": {"start": zero, "section": same, "list": same, "same": same},
        }
    )


def decoded(model: KindModel, *texts: str) -> list[tuple[str, float, str | None, tuple[Cue, ...]]]:
    verdicts = decode(model, observe(briefing_of(*texts).sections))
    alternatives = [verdict.alternative.value if verdict.alternative else None for verdict in verdicts]
    return [
        (verdict.kind.value, verdict.confidence, alternative, verdict.cues)
        for verdict, alternative in zip(verdicts, alternatives, strict=True)
    ]


def test_viterbi_lets_a_paragraph_without_evidence_follow_its_neighbours() -> None:
    texts = ("The union rejected the offer.", "“We listened,” she said.")
    alone = decoded(toy_model(0.0), *texts)
    assert [kind for kind, *_ in alone] == ["negotiations", "background"]
    sticky = decoded(toy_model(2.0), *texts)
    assert [kind for kind, *_ in sticky] == ["negotiations", "negotiations"]
    assert sticky[1][3][0] == Cue(feature="follows a negotiations paragraph", contribution=2.0)


def test_viterbi_finds_the_best_sequence_not_the_best_paragraphs_one_by_one() -> None:
    # A weak terms paragraph between two negotiations ones flips when staying is worth more.
    texts = ("The union rejected the offer.", "It will.", "The union rejected the offer.")
    assert [kind for kind, *_ in decoded(toy_model(0.0), *texts)] == ["negotiations", "terms", "negotiations"]
    assert [kind for kind, *_ in decoded(toy_model(2.0), *texts)] == ["negotiations"] * 3


def test_confidence_is_a_probability_and_a_close_runner_up_is_named() -> None:
    clear, close = decoded(toy_model(0.0), "The union rejected the offer. It will.", "Nothing.")
    assert 0.0 < clear[1] <= 1.0 and close[1] < clear[1]
    assert clear[2] is None  # negotiations 4.5 against terms 3.0: not close
    assert close[0] == "background" and close[2] is not None  # 0.5 against 0: close


@pytest.mark.parametrize(
    ("feature", "label"),
    [
        (f'word "{NAME}"', "a name"),
        (f'word "{YEAR}"', "a year"),
        (f'word "{NUMBER}"', "a number"),
        (f'words "{NUMBER} days"', 'a number, then "days"'),
        (f'words "after {YEAR}"', '"after", then a year'),
        (f'words "accuses {NAME}"', '"accuses", then a name'),
        (f'words "{NUMBER} %"', "a percentage"),
        ('words "% of"', 'a per cent sign, then "of"'),
        ('word "offer"', 'word "offer"'),  # no token: the wording stays
        ('words "the offer"', 'words "the offer"'),
        ('modal "will"', 'modal "will"'),  # signals are plain words already
        ("a number of days or months", "a number of days or months"),
    ],
)
def test_cue_labels_spell_out_the_internal_tokens(feature: str, label: str) -> None:
    assert feature_label(feature) == label


def test_a_cue_from_a_token_feature_reaches_the_paragraph_in_words() -> None:
    zero = [0.0] * 5
    model = KindModel.from_data(
        {
            "kinds": KINDS,
            "features": {f'words "{NUMBER} days"': [0.0, 2.0, 0.0, 0.0, 0.0], "bias": zero},
            "transitions": {"start": zero, "section": [zero] * 5, "list": [zero] * 5, "same": [zero] * 5},
        }
    )
    ((kind, _, _, cues),) = decoded(model, "Troops have 60 days to leave.")
    assert kind == "terms"
    assert cues == (Cue(feature='a number, then "days"', contribution=2.0),)
    assert not any(token in cue.feature for cue in cues for token in (NAME, YEAR, "#", "<"))


def test_cues_are_the_features_that_favoured_the_kind_strongest_first() -> None:
    ((kind, _, _, cues),) = decoded(toy_model(0.0), "The union rejected the offer.")
    assert kind == "negotiations"
    assert [cue.feature for cue in cues] == ["a party bargains", 'word "offer"', 'words "the offer"']
    assert [cue.contribution for cue in cues] == [3.0, 1.0, 0.5]


# --- the analysis, end to end -----------------------------------------------------------

_AN_ID = re.compile(r"\bp\d+\b")


def test_every_paragraph_is_explained_without_pointing_at_ids(seed: Briefing) -> None:
    for paragraph in seed.paragraphs():
        assert paragraph.cues, paragraph.id
        contributions = [cue.contribution for cue in paragraph.cues]
        assert contributions == sorted(contributions, reverse=True) and min(contributions) > 0
        assert not any(_AN_ID.search(cue.feature) for cue in paragraph.cues), paragraph.cues
        assert 0.2 <= paragraph.kind_confidence <= 1.0
        assert paragraph.alternative_kind is not paragraph.kind


def test_the_seed_has_paragraphs_of_most_kinds_the_keys_reach(seed: Briefing) -> None:
    # Which kinds exactly is the model's call, measured on held-out data (test_kind_learning).
    keyed = (
        SectionKind.NEGOTIATIONS,
        SectionKind.TERMS,
        SectionKind.IMPLEMENTATION,
        SectionKind.OPEN_QUESTIONS,
    )
    assert sum(1 for kind in keyed if paragraphs_of_kind(seed, kind)) >= 3
    ids = [paragraph.id for paragraph in seed.paragraphs()]
    asking = {question.paragraph_id for question in seed.questions}
    for kind in keyed:
        found = paragraphs_of_kind(seed, kind)
        assert all(p.kind is kind or (kind is SectionKind.OPEN_QUESTIONS and p.id in asking) for p in found)
        assert [paragraph.id for paragraph in found] == [i for i in ids if i in {p.id for p in found}]


def test_open_questions_include_the_paragraphs_that_ask_the_briefings_questions() -> None:
    asked = Paragraph(id="p2", text="Mediators met again. Will the truce hold past Friday?")
    briefing = Briefing(
        title="Talks",
        sections=(Section(id="s", paragraphs=(Paragraph(id="p1", text="Talks resumed."), asked)),),
        questions=(Question(paragraph_id="p2", start=21, end=53, text="Will the truce hold past Friday?"),),
    )
    assert [p.id for p in paragraphs_of_kind(briefing, SectionKind.OPEN_QUESTIONS)] == ["p2"]
    assert paragraphs_of_kind(briefing, SectionKind.TERMS) == []


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


def test_section_dominance_is_measured_in_characters_not_paragraph_counts() -> None:
    paragraphs = [
        Paragraph(id="p1", text="x" * 400, kind=SectionKind.IMPLEMENTATION),
        *(Paragraph(id=f"p{n}", text="short", kind=SectionKind.NEGOTIATIONS) for n in (2, 3, 4)),
    ]
    section = Section(id="s", heading="Harbour life", paragraphs=tuple(paragraphs))
    assert section_kind(section, paragraphs) == (SectionKind.IMPLEMENTATION, KindBasis.PARAGRAPHS)


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
                            paragraph.model_copy(
                                update={
                                    "kind": SectionKind.BACKGROUND,
                                    "cues": (Cue(feature="x", contribution=1.0),),
                                    "kind_confidence": 1.0,
                                    "alternative_kind": None,
                                }
                            )
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


def test_an_empty_briefing_is_analysed() -> None:
    assert analyse(Briefing(title="T")).sections == ()


def test_the_analysis_imports_neither_numpy_nor_the_learner_nor_the_ui() -> None:
    code = (
        "import sys, briefing_tui.analysis as a; from briefing_tui.ingest import read_briefing; "
        f"a.analyse(read_briefing({str(SEED)!r})); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich', 'numpy', 'sklearn'} "
        "or m == 'briefing_tui.analysis.kind_learning'); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
