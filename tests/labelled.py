"""Helpers shared by the analysis tests: the labelled fixtures and how a result is scored.

Test modules import it by name,
which works because pytest puts ``tests/`` on ``sys.path`` for modules outside packages.

A label file (``tests/fixtures/labelled/*.labels.json``) names the briefing it labels and,
for every paragraph, the kind a careful reader would give it and the exact phrases that
name its sources. Offsets are not written by hand: a phrase's span is found in the
paragraph text (its ``occurrence``-th appearance), so labels stay readable and cannot drift.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing_tui.analysis import analyse
from briefing_tui.ingest import read_briefing
from briefing_tui.model import Briefing

LABELLED = Path(__file__).resolve().parent / "fixtures" / "labelled"
SEED_LABELS = LABELLED / "gaza-ceasefire-talks.labels.json"

Labels = dict[str, Any]


def label_files() -> list[Path]:
    """Every label file, seed first."""
    return sorted(LABELLED.glob("*.labels.json"), key=lambda path: (path != SEED_LABELS, path.name))


def load_labels(path: Path) -> Labels:
    """The labels in ``path``, with the labelled file's path resolved."""
    labels: Labels = json.loads(path.read_text(encoding="utf-8"))
    labels["path"] = (path.parent / labels["file"]).resolve()
    return labels


def briefing_file(labels: Labels, workdir: Path) -> Path:
    """The file to read: the labelled one, or a CRLF copy written now when the labels ask for one.

    The CRLF copy is made from the stored text at test time so that no git setting can turn
    its line endings back into LF.
    """
    source: Path = labels["path"]
    if labels.get("line_endings") != "crlf":
        return source
    text = source.read_text(encoding="utf-8").replace("\r\n", "\n")
    target = workdir / source.name.replace(".crlf-source", "")
    target.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    return target


def analysed(labels: Labels, workdir: Path) -> Briefing:
    """The labelled briefing, read and analysed."""
    return analyse(read_briefing(briefing_file(labels, workdir)))


def name_key(name: str) -> str:
    """How the labels compare source names: case, apostrophes and a leading article aside."""
    words = name.replace("’", "'").casefold().split()
    if words and words[0] in {"a", "an", "the"}:
        words = words[1:]
    return " ".join(words)


def expected_span(text: str, attribution: dict[str, Any]) -> tuple[int, int]:
    """Offsets of the labelled phrase in the paragraph text."""
    phrase: str = attribution["text"]
    start = -1
    for _ in range(attribution.get("occurrence", 1)):
        start = text.find(phrase, start + 1)
        if start < 0:
            raise AssertionError(f"labelled phrase {phrase!r} is not in the paragraph {text[:60]!r}...")
    return start, start + len(phrase)


@dataclass
class Score:
    """How an analysed briefing compares with its labels."""

    paragraphs: int = 0
    kinds_right: int = 0
    kind_misses: list[str] = field(default_factory=list)
    sources_labelled: int = 0
    sources_found: int = 0
    missing_sources: list[str] = field(default_factory=list)
    attributions_labelled: int = 0
    attributions_found: int = 0
    missing_attributions: list[str] = field(default_factory=list)
    wrong_sources: list[str] = field(default_factory=list)

    @property
    def kind_accuracy(self) -> float:
        """Share of paragraphs with the labelled kind."""
        return self.kinds_right / self.paragraphs if self.paragraphs else 1.0

    @property
    def source_recall(self) -> float:
        """Share of labelled sources found with the labelled kind."""
        return self.sources_found / self.sources_labelled if self.sources_labelled else 1.0

    @property
    def attribution_recall(self) -> float:
        """Share of labelled attributions found at the exact offsets, citing the right source."""
        if not self.attributions_labelled:
            return 1.0
        return self.attributions_found / self.attributions_labelled

    def summary(self) -> str:
        """One line of figures for a report."""
        return (
            f"kinds {self.kinds_right}/{self.paragraphs} ({self.kind_accuracy:.0%}), "
            f"sources {self.sources_found}/{self.sources_labelled} ({self.source_recall:.0%}), "
            f"attributions {self.attributions_found}/{self.attributions_labelled} "
            f"({self.attribution_recall:.0%}), wrong sources {len(self.wrong_sources)}"
        )


def score(briefing: Briefing, labels: Labels) -> Score:
    """Compare ``briefing`` with ``labels`` paragraph by paragraph and source by source."""
    result = Score()
    paragraphs = {paragraph.id: paragraph for paragraph in briefing.paragraphs()}
    by_id = {source.id: source for source in briefing.sources}
    for label in labels["paragraphs"]:
        paragraph = paragraphs[label["id"]]
        assert paragraph.text.startswith(label["starts"]), f"{label['id']} is not {label['starts']!r}..."
        result.paragraphs += 1
        if paragraph.kind.value == label["kind"]:
            result.kinds_right += 1
        else:
            result.kind_misses.append(f"{label['id']}: {paragraph.kind.value}, labelled {label['kind']}")
        cited = [
            (attribution.start, attribution.end, name_key(by_id[attribution.source_id].name))
            for attribution in paragraph.attributions
        ]
        for attribution in label["attributions"]:
            result.attributions_labelled += 1
            start, end = expected_span(paragraph.text, attribution)
            wanted = name_key(attribution.get("source", attribution["text"]))
            # The naming words may take in a role before the name ("Union leader Maja
            # Lindqvist", docs/labelling.md): a span that holds the labelled phrase counts.
            if any(low <= start and end <= high and name == wanted for low, high, name in cited):
                result.attributions_found += 1
            else:
                result.missing_attributions.append(f"{label['id']}: {attribution['text']!r}")
    found = {name_key(source.name): source.kind.value for source in briefing.sources}
    labelled = {name_key(source["name"]) for source in labels["sources"]}
    for source in labels["sources"]:
        result.sources_labelled += 1
        if found.get(name_key(source["name"])) == source["kind"]:
            result.sources_found += 1
        else:
            result.missing_sources.append(f"{source['name']} ({source['kind']})")
    result.wrong_sources = [
        source.name for source in briefing.sources if name_key(source.name) not in labelled
    ]
    return result
