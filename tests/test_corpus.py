"""The labelled corpus loads and is what it claims to be; the scorers in bench/gold.py score right.

No test here asserts how well today's analysis does on the corpus: those figures come from
``python bench/analysis_quality.py`` and are measurements, not targets.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from briefing_tui.model import (
    Attribution,
    AttributionVia,
    Briefing,
    Paragraph,
    Section,
    SectionKind,
    Source,
    SourceKind,
)

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests" / "corpus"))

import build_corpus  # noqa: E402

from gold import (  # noqa: E402
    CorpusError,
    GoldBriefing,
    GoldSource,
    align,
    load_briefing_labels,
    load_corpus,
    load_folder,
    mention_span,
    name_key,
    paragraph_texts,
    same_source,
    score_kinds,
    score_sources,
    score_structure,
)

N, T, IM, Q, B = (
    SectionKind.NEGOTIATIONS,
    SectionKind.TERMS,
    SectionKind.IMPLEMENTATION,
    SectionKind.OPEN_QUESTIONS,
    SectionKind.BACKGROUND,
)

# --------------------------------------------------------------------------- the corpus


@pytest.fixture(scope="module")
def corpus() -> list[GoldBriefing]:
    return load_corpus("all")


def test_corpus_is_large_and_varied(corpus: list[GoldBriefing]) -> None:
    assert len(corpus) >= 40
    assert sum(len(gold.paragraphs) for gold in corpus) >= 600
    assert len({gold.topic for gold in corpus}) >= 8
    assert len({gold.style for gold in corpus}) >= 8


def test_train_and_eval_are_disjoint_briefings(corpus: list[GoldBriefing]) -> None:
    train = {gold.name for gold in load_corpus("train")}
    held_out = {gold.name for gold in load_corpus("eval")}
    assert train and held_out
    assert not train & held_out
    assert train | held_out == {gold.name for gold in corpus}
    texts = {gold.path.read_text(encoding="utf-8") for gold in corpus}
    assert len(texts) == len(corpus), "the same text is in the corpus twice"


def test_every_kind_and_source_kind_is_in_eval() -> None:
    held_out = load_corpus("eval")
    assert {paragraph.kind for gold in held_out for paragraph in gold.paragraphs} == set(SectionKind)
    assert {source.kind for gold in held_out for source in gold.sources} == set(SourceKind)


def test_pronoun_mentions_are_labelled(corpus: list[GoldBriefing]) -> None:
    vias = {m.via for gold in corpus for paragraph in gold.paragraphs for m in paragraph.mentions}
    assert vias == set(AttributionVia)


def test_built_files_match_their_annotated_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert build_corpus.main(["--check"]) == 0, capsys.readouterr().out


def test_a_built_file_no_source_writes_is_stale_when_checking_and_removed_when_building(
    tmp_path: Path,
) -> None:
    for part in ("train", "eval"):
        (tmp_path / part).mkdir()
    kept, left = tmp_path / "train" / "kept.txt", tmp_path / "eval" / "renamed.labels.json"
    kept.write_text("kept", encoding="utf-8")
    left.write_text("{}", encoding="utf-8")
    assert build_corpus.orphans({kept}, remove=False, root=tmp_path) == 1
    assert left.exists()
    assert build_corpus.orphans({kept}, remove=True, root=tmp_path) == 0
    assert kept.exists() and not left.exists()


def test_the_guide_shows_the_current_corpus_table() -> None:
    guide = (REPO / "docs" / "labelling.md").read_text(encoding="utf-8")
    assert build_corpus.table() in guide, "paste the output of tests/corpus/build_corpus.py --table"


def test_paragraph_texts_give_each_labelled_paragraph_its_text(corpus: list[GoldBriefing]) -> None:
    for gold in corpus:
        for paragraph, text in paragraph_texts(gold):
            assert paragraph.quote in text
            assert "\n\n" not in text


def test_corpus_load_is_sorted_by_name(corpus: list[GoldBriefing]) -> None:
    assert [gold.name for gold in corpus] == sorted(gold.name for gold in corpus)


def test_an_unknown_part_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown part"):
        load_corpus("test")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- validation

TEXT = """Talks resume in Doha

By Jane Doe

January 15, 2026

DOHA, Jan 15 (Reuters) - Negotiators met again on Thursday, a source briefed on the talks told Reuters.

"We are close," Mohamed Nasr, the lead negotiator, said. He added that gaps remained.

Under the draft, 33 hostages would be freed over six weeks.

(Reporting by Jane Doe; Editing by John Roe)
"""


def _labels(**changes: Any) -> dict[str, Any]:
    labels: dict[str, Any] = {
        "file": "doha.txt",
        "topic": "ceasefire",
        "style": "reuters",
        "title": "Talks resume in Doha",
        "standfirst": None,
        "metadata": {
            "author": "Jane Doe",
            "outlet": "Reuters",
            "dateline": "DOHA",
            "published": "2026-01-15",
        },
        "furniture": ["By Jane Doe", "January 15, 2026", "(Reporting by Jane Doe; Editing by John Roe)"],
        "subheads": [],
        "sources": [
            {
                "name": "a source briefed on the talks",
                "kind": "anonymous",
                "aliases": [],
                "description": None,
            },
            {"name": "Reuters", "kind": "outlet", "aliases": [], "description": None},
            {"name": "Mohamed Nasr", "kind": "named_person", "aliases": ["Nasr"], "description": None},
        ],
        "paragraphs": [
            {
                "quote": "Negotiators met again on Thursday",
                "kind": "negotiations",
                "mentions": [
                    {"source": "a source briefed on the talks", "text": "a source briefed on the talks"},
                    {"source": "Reuters", "text": "Reuters", "occurrence": 1},
                ],
            },
            {
                "quote": "Mohamed Nasr, the lead negotiator, said",
                "kind": "negotiations",
                "mentions": [
                    {"source": "Mohamed Nasr", "text": "Mohamed Nasr"},
                    {"source": "Mohamed Nasr", "text": "He", "via": "pronoun"},
                ],
            },
            {"quote": "33 hostages would be freed over six weeks", "kind": "terms", "mentions": []},
        ],
    }
    labels.update(changes)
    return labels


def _write(tmp_path: Path, labels: dict[str, Any], text: str = TEXT) -> Path:
    (tmp_path / "doha.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "doha.labels.json"
    path.write_text(json.dumps(labels), encoding="utf-8")
    return path


def test_a_good_label_file_loads(tmp_path: Path) -> None:
    gold = load_briefing_labels(_write(tmp_path, _labels()), "train")
    assert gold.name == "doha"
    assert [p.kind for p in gold.paragraphs] == [N, N, T]
    assert gold.source("Mohamed Nasr").aliases == ("Nasr",)
    assert gold.paragraphs[1].mentions[1].via is AttributionVia.PRONOUN


def test_a_folder_outside_the_corpus_loads_as_its_own_part(tmp_path: Path) -> None:
    _write(tmp_path, _labels())
    [gold] = load_folder(tmp_path)
    assert (gold.name, gold.part) == ("doha", "folder")
    assert [p.kind for p in gold.paragraphs] == [N, N, T]


def test_a_folder_without_labels_is_refused(tmp_path: Path) -> None:
    (tmp_path / "doha.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"holds no \*\.labels\.json file"):
        load_folder(tmp_path)


def test_the_quality_report_scores_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import analysis_quality

    _write(tmp_path, _labels())
    assert analysis_quality.main(["--dir", str(tmp_path), "--no-cv", "--no-save"]) == 0
    printed = capsys.readouterr().out
    assert f"Folder: **{tmp_path}**, 1 briefings, 3 labelled paragraphs (3 found by the reader)" in printed
    assert "Not run (`--no-cv`, `--part train` or `--dir`)." in printed


def test_a_folder_report_is_never_written_to_the_results(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import analysis_quality

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a --dir report was written to bench/results/")

    monkeypatch.setattr(analysis_quality, "write_results", refuse)
    _write(tmp_path, _labels())
    assert analysis_quality.main(["--dir", str(tmp_path), "--no-cv"]) == 0
    captured = capsys.readouterr()
    assert "Folder: **" in captured.out
    assert "never written to bench/results/" in captured.err


def test_the_report_refuses_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import analysis_quality

    assert analysis_quality.main(["--dir", str(tmp_path), "--no-cv", "--no-save"]) == 2
    assert "holds no *.labels.json file" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"quote": "Nobody wrote this sentence anywhere"}, "found 0 times"),
        ({"quote": "Negotiators"}, "not 30-90 characters"),
        ({"kind": "gossip"}, "bad value"),
        ({"mentions": [{"source": "Mohamed Nasr", "text": "Nasr Mohamed"}]}, "is not in the paragraph"),
        ({"mentions": [{"source": "Hamas", "text": "Negotiators"}]}, "unlisted source"),
        ({"mentions": [{"source": "Mohamed Nasr", "text": "Negotiators", "via": "pronoun"}]}, "is none"),
        ({"mentions": [{"source": "Reuters", "text": "Reuters", "occurrence": 2}]}, "occurrence 2"),
    ],
)
def test_a_wrong_first_paragraph_is_refused_with_its_problem(
    tmp_path: Path, change: dict[str, Any], problem: str
) -> None:
    labels = _labels()
    labels["paragraphs"][0].update(change)
    with pytest.raises(CorpusError, match=problem) as caught:
        load_briefing_labels(_write(tmp_path, labels), "train")
    assert str(caught.value).startswith("doha.labels.json: ")


def test_a_quote_found_twice_or_out_of_order_is_refused(tmp_path: Path) -> None:
    labels = _labels()
    labels["paragraphs"][0]["quote"] = "the talks told Reuters"
    with pytest.raises(CorpusError, match="30-90"):
        load_briefing_labels(_write(tmp_path, labels), "train")
    labels = _labels()
    labels["paragraphs"].reverse()
    with pytest.raises(CorpusError, match="out of order"):
        load_briefing_labels(_write(tmp_path, labels), "train")
    twice = TEXT.replace(
        "Editing by John Roe)", "Editing by John Roe)\n\n33 hostages would be freed over six weeks."
    )
    with pytest.raises(CorpusError, match="found 2 times"):
        load_briefing_labels(_write(tmp_path, _labels(), twice), "train")


def test_an_uncited_source_or_missing_furniture_is_refused(tmp_path: Path) -> None:
    labels = _labels()
    labels["sources"].append({"name": "Hamas", "kind": "organization"})
    with pytest.raises(CorpusError, match="never cited"):
        load_briefing_labels(_write(tmp_path, labels), "train")
    with pytest.raises(CorpusError, match="furniture"):
        load_briefing_labels(_write(tmp_path, _labels(furniture=["Follow us"])), "train")
    undated = _labels()
    undated["metadata"]["published"] = "2025-01-15"
    with pytest.raises(CorpusError, match="never gives the year"):
        load_briefing_labels(_write(tmp_path, undated), "train")


def test_mentions_count_after_the_dateline_and_as_whole_words(tmp_path: Path) -> None:
    gold = load_briefing_labels(_write(tmp_path, _labels()), "train")
    text = 'DOHA, Jan 15 (Reuters) - Negotiators met, a source told Reuters. "Then," he said, "the heat."'
    reuters = gold.paragraphs[0].mentions[1]
    assert mention_span(text, reuters) == (text.rindex("Reuters"), text.rindex("Reuters") + 7)
    he = gold.paragraphs[1].mentions[1]
    assert he.text == "He"
    assert mention_span(text, he) is None  # case matters, and "the heat" holds no whole word "He"


# --------------------------------------------------------------------------- names


def test_name_key_sets_titles_articles_and_apostrophes_aside() -> None:
    assert (
        name_key("Israeli Prime Minister Benjamin Netanyahu") == "israeli prime minister benjamin netanyahu"
    )
    assert name_key("Prime Minister Benjamin Netanyahu") == "benjamin netanyahu"
    assert name_key("the White House") == "white house"
    assert name_key("Qatar’s") == "qatar"
    assert name_key("Dr. Helen  Firth") == "helen firth"


def test_same_source_by_name_alias_or_titled_full_name() -> None:
    nasr = GoldSource("Mohamed Nasr", SourceKind.NAMED_PERSON, ("Nasr",))
    assert same_source(nasr, Source(id="nasr", name="Nasr", kind=SourceKind.NAMED_PERSON))
    assert same_source(
        nasr, Source(id="x", name="Egyptian negotiator Mohamed Nasr", kind=SourceKind.OFFICIAL)
    )
    assert not same_source(nasr, Source(id="y", name="Mohamed", kind=SourceKind.NAMED_PERSON))
    white_house = GoldSource("White House", SourceKind.ORGANIZATION)
    assert same_source(white_house, Source(id="wh", name="the White House", kind=SourceKind.ORGANIZATION))
    assert not same_source(white_house, Source(id="h", name="House", kind=SourceKind.ORGANIZATION))


# --------------------------------------------------------------------------- scorers


def test_score_kinds_counts_precision_recall_and_confusion() -> None:
    score = score_kinds([(N, N), (N, N), (N, T), (T, T), (Q, B), (B, B)])
    assert score.total == 6
    assert score.correct == 4
    assert score.accuracy == pytest.approx(4 / 6)
    assert score.precision(T) == pytest.approx(1 / 2)
    assert score.recall(N) == pytest.approx(2 / 3)
    assert score.recall(Q) == 0.0
    assert score.precision(IM) == 0.0
    assert score.support(IM) == 0
    assert score.confusion[(N, T)] == 1
    report = score.report()
    assert "Strict accuracy: **67%** (4 of 6 paragraphs)" in report
    assert "| open_questions | 0 | 0 | 0 | 0 | 1 |" in report


def _briefing(*paragraphs: Paragraph, sources: tuple[Source, ...] = (), **meta: Any) -> Briefing:
    section = Section(id="lead", paragraphs=paragraphs)
    return Briefing(
        title=meta.pop("title", "Talks resume in Doha"), sections=(section,), sources=sources, **meta
    )


FIRST = "Negotiators met again on Thursday, a source briefed on the talks told Reuters."
SECOND = '"We are close," Mohamed Nasr, the lead negotiator, said. He added that gaps remained.'
THIRD = "Under the draft, 33 hostages would be freed over six weeks."


def test_align_finds_paragraphs_by_quote_with_white_space_collapsed(tmp_path: Path) -> None:
    gold = load_briefing_labels(_write(tmp_path, _labels()), "train")
    model = _briefing(
        Paragraph(id="p1", text="DOHA, Jan 15 (Reuters) -  Negotiators met\nagain on Thursday, and so on."),
        Paragraph(id="p2", text=THIRD),
    )
    pairs = align(gold, model)
    assert [paragraph.id if paragraph else None for _, paragraph in pairs] == ["p1", None, "p2"]


def test_score_sources_reports_hits_wrong_kinds_misses_and_extras(tmp_path: Path) -> None:
    gold = load_briefing_labels(_write(tmp_path, _labels()), "eval")
    nasr_start = SECOND.index("Mohamed Nasr")
    he_start = SECOND.index("He added")
    sources = (
        Source(id="source", name="a source briefed on the talks", kind=SourceKind.OFFICIAL),
        Source(id="nasr", name="Mohamed Nasr", kind=SourceKind.NAMED_PERSON, aliases=("Nasr",)),
        Source(id="doe", name="Jane Doe", kind=SourceKind.NAMED_PERSON),
    )
    model = _briefing(
        Paragraph(
            id="p1",
            text=FIRST,
            attributions=(
                Attribution(source_id="source", start=FIRST.index("a source"), end=FIRST.index(" told")),
            ),
        ),
        Paragraph(
            id="p2",
            text=SECOND,
            attributions=(
                Attribution(source_id="nasr", start=nasr_start, end=nasr_start + 12),
                Attribution(source_id="nasr", start=he_start, end=he_start + 2, via=AttributionVia.PRONOUN),
            ),
        ),
        Paragraph(id="p3", text=THIRD),
        Paragraph(
            id="p4",
            text="Reporting by Jane Doe",
            attributions=(Attribution(source_id="doe", start=13, end=21),),
        ),
        sources=sources,
    )
    score = score_sources([(gold, model)])
    assert (score.gold_sources, score.gold_found, score.gold_found_kind) == (3, 2, 1)
    assert (score.predicted_sources, score.predicted_right) == (3, 2)
    assert score.recall == pytest.approx(2 / 3)
    assert score.precision == pytest.approx(2 / 3)
    assert (score.mentions, score.mentions_exact) == (4, 3)
    assert score.pronoun_accuracy == 1.0
    # The credit line's paragraph is not labelled, so its attribution is not counted at all.
    assert (score.attributions, score.attributions_right) == (3, 3)
    misses = "\n".join(score.misses)
    assert "source 'Reuters' (outlet) not found" in misses
    assert "'a source briefed on the talks' found as official, not anonymous" in misses
    assert "'Jane Doe' (named_person) is not a source, from furniture" in misses
    assert score.from_furniture == 1
    assert score.pronoun_sources == 0
    assert "mention 'Reuters' of 'Reuters' (name): missed" in misses
    assert "| source precision | 67% | 2 / 3 |" in score.report()


def test_score_sources_counts_a_wrongly_named_attribution_and_a_missed_pronoun(tmp_path: Path) -> None:
    gold = load_briefing_labels(_write(tmp_path, _labels()), "eval")
    he_start = SECOND.index("He added")
    model = _briefing(
        Paragraph(
            id="p2",
            text=SECOND,
            attributions=(
                Attribution(source_id="us", start=he_start, end=he_start + 2, via=AttributionVia.PRONOUN),
            ),
        ),
        sources=(Source(id="us", name="State Department", kind=SourceKind.ORGANIZATION),),
    )
    score = score_sources([(gold, model)])
    assert score.pronouns == 1
    assert score.pronouns_linked == 0
    assert score.attribution_precision == 0.0
    assert any("attribution 'He' to 'State Department' is not labelled" in miss for miss in score.misses)
    assert any("paragraph not found" in miss for miss in score.misses)


def test_score_structure_checks_metadata_furniture_and_headings(tmp_path: Path) -> None:
    gold = load_briefing_labels(_write(tmp_path, _labels(subheads=[])), "eval")
    import datetime as dt

    good = _briefing(
        Paragraph(id="p1", text=FIRST),
        Paragraph(id="p2", text=SECOND),
        Paragraph(id="p3", text=THIRD),
        author="By Jane Doe",
        outlet="Reuters",
        dateline="DOHA",
        published=dt.date(2026, 1, 15),
        furniture=("By Jane Doe", "January 15, 2026", "(Reporting by Jane Doe; Editing by John Roe)"),
    )
    score = score_structure([(gold, good)])
    assert all(right == total for right, total in score.counts.values()), score.misses
    poor = _briefing(
        Paragraph(id="p0", text="By Jane Doe"),
        Paragraph(id="p1", text=FIRST),
        title="Talks resume",
    )
    score = score_structure([(gold, poor)])
    assert score.rate("title") == 0.0
    assert score.rate("author") == 0.0
    assert score.counts["furniture left out of the text"] == (2, 3)
    assert score.counts["paragraphs found"] == (1, 3)
    assert any("furniture left out of the text: 'By Jane Doe' is in the text" in m for m in score.misses)
    assert "| title | 0% | 0 / 1 |" in score.report()
