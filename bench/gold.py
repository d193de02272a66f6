"""The labelled development corpus: load it, validate it, and score an analysis against it.

The corpus lives in ``tests/corpus/train/`` and ``tests/corpus/eval/``: each briefing is a
plain-text (or Markdown) file with a sidecar ``<name>.labels.json`` written by the rules in
``docs/labelling.md``. Nothing may be tuned on the ``eval`` part.

Import it from a test or a script by putting ``bench/`` on ``sys.path``::

    sys.path.insert(0, str(REPO / "bench"))
    from gold import load_corpus, align, score_kinds

Only the standard library and ``briefing_tui`` are imported.

Offsets of a labelled mention are never written by hand: a mention names its words and
which whole-word occurrence of them in the paragraph it is (``occurrence``, from 1). The
count starts after the paragraph's dateline ("DOHA, Jan 15 (Reuters) -"), so a reader that
moves the dateline into metadata and one that keeps it in the text are scored alike.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from briefing_tui.model import AttributionVia, Briefing, Paragraph, SectionKind, Source, SourceKind

__all__ = [
    "CORPUS_DIR",
    "KIND_ORDER",
    "CorpusError",
    "GoldBriefing",
    "GoldMention",
    "GoldParagraph",
    "GoldSource",
    "KindScore",
    "SourceScore",
    "StructureScore",
    "align",
    "collapse",
    "gold_paragraph_text",
    "kind_pairs",
    "load_briefing_labels",
    "load_corpus",
    "load_folder",
    "mention_span",
    "name_key",
    "paragraph_texts",
    "same_source",
    "score_kinds",
    "score_sources",
    "score_structure",
]

CORPUS_DIR = Path(__file__).resolve().parent.parent / "tests" / "corpus"
"""``tests/corpus``: ``train/`` and ``eval/`` below it."""
KIND_ORDER: tuple[SectionKind, ...] = (
    SectionKind.NEGOTIATIONS,
    SectionKind.TERMS,
    SectionKind.IMPLEMENTATION,
    SectionKind.OPEN_QUESTIONS,
    SectionKind.BACKGROUND,
)
"""The kinds in the order reports list them."""
QUOTE_MIN, QUOTE_MAX = 30, 90
PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "his", "its", "their", "them", "we", "i"})

Part = Literal["train", "eval", "folder"]

# A wire dateline opening a paragraph: "DOHA, Jan 15 (Reuters) -", "BRUSSELS (AP) —",
# "GENEVA, March 3, 2026 (AFP) -", "LONDON —", "NAIROBI, Kenya —".
DATELINE = re.compile(
    r"""^(?P<place>[A-Z][A-Z'.\- ]*[A-Z.](?:/[A-Z][A-Z'.\- ]*[A-Z.])*)
        (?:,\ [A-Z][A-Za-z.]+(?:\ [A-Z][a-z]+)?)?         # ", Kenya" / ", Jan"
        (?:,?\ ?[A-Z]?[a-z]{0,8}\.?\ ?\d{1,2}(?:,\ \d{4})?)? # " Jan 15" / ", March 3, 2026"
        \ ?(?:\([A-Za-z .]+\))?                              # "(Reuters)"
        \ ?[-—–]{1,2}\ """,
    re.VERBOSE,
)
_LIST_MARKER = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+")
_TITLES = (
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "sheikh",
    "president",
    "vice president",
    "prime minister",
    "deputy prime minister",
    "foreign minister",
    "finance minister",
    "minister",
    "secretary",
    "secretary of state",
    "senator",
    "sen",
    "rep",
    "representative",
    "governor",
    "gov",
    "mayor",
    "chancellor",
    "ambassador",
    "general",
    "gen",
    "colonel",
    "col",
    "admiral",
    "adm",
    "chief",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "emir",
    "commissioner",
    "envoy",
    "speaker",
)
_TITLE_RE = re.compile(r"^(?:(?:" + "|".join(sorted(_TITLES, key=len, reverse=True)) + r")\.?\s+)+")
_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+")


class CorpusError(ValueError):
    """A label file that does not match its briefing; the message names the file and the problem."""


@dataclass(frozen=True)
class GoldSource:
    """A source the labeller found: canonical name, kind, other names used for it."""

    name: str
    kind: SourceKind
    aliases: tuple[str, ...] = ()
    description: str | None = None


@dataclass(frozen=True)
class GoldMention:
    """Words in a paragraph that name a source: the ``occurrence``-th whole-word match of ``text``."""

    source: str
    text: str
    occurrence: int
    via: AttributionVia


@dataclass(frozen=True)
class GoldParagraph:
    """One body paragraph: a unique quote of it, its kind, and where it names its sources."""

    quote: str
    kind: SectionKind
    mentions: tuple[GoldMention, ...] = ()


@dataclass(frozen=True)
class GoldBriefing:
    """One labelled briefing of the corpus."""

    name: str
    part: Part
    path: Path
    topic: str
    style: str
    title: str
    standfirst: str | None
    metadata: dict[str, str | None]
    furniture: tuple[str, ...]
    subheads: tuple[str, ...]
    sources: tuple[GoldSource, ...]
    paragraphs: tuple[GoldParagraph, ...]

    def source(self, name: str) -> GoldSource:
        """The gold source called ``name``; `KeyError` when there is none."""
        for source in self.sources:
            if source.name == name:
                return source
        raise KeyError(name)

    def text(self) -> str:
        """The briefing file's text."""
        return self.path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- text helpers


def collapse(text: str) -> str:
    """``text`` with every run of white space made one space, and stripped."""
    return " ".join(text.split())


def name_key(name: str) -> str:
    """A name in the form two spellings of one source share.

    Case-folded, typographic apostrophes made plain, a possessive "'s" and a leading article
    and titles ("the", "Prime Minister", "Dr.") set aside, white space collapsed.
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = collapse(text.strip(" ,.;:\"'()"))
    text = _ARTICLE_RE.sub("", text)
    text = _TITLE_RE.sub("", text)
    text = re.sub(r"'s$", "", text)
    return collapse(text)


def _names(names: Iterable[str]) -> set[str]:
    return {key for key in (name_key(name) for name in names) if key}


def same_source(gold: GoldSource, predicted: Source) -> bool:
    """Whether ``predicted`` is ``gold``: a name or alias of one equals one of the other (by `name_key`).

    For a named person, a predicted name that ends with the gold full name (two words or
    more) also matches, so that a role the title list does not know ("Local MP Douglas
    Baird", "Ombudsman Oleh Tkach") is not counted against the reader.
    """
    gold_names = _names((gold.name, *gold.aliases))
    predicted_names = _names((predicted.name, *predicted.aliases))
    if gold_names & predicted_names:
        return True
    if gold.kind is not SourceKind.NAMED_PERSON:
        return False
    full = name_key(gold.name)
    return len(full.split()) >= 2 and any(name.endswith(" " + full) for name in predicted_names)


def _word_matches(text: str, words: str) -> list[int]:
    """Start offsets of ``words`` in ``text`` as whole words (no letter or digit on either side)."""
    pattern = re.compile(r"(?<![\w])" + re.escape(words) + r"(?![\w])")
    return [match.start() for match in pattern.finditer(text)]


def dateline_end(text: str) -> int:
    """Where the body of a paragraph starts: just after its dateline, or 0 when it has none."""
    match = DATELINE.match(text)
    return match.end() if match else 0


def mention_span(paragraph_text: str, mention: GoldMention) -> tuple[int, int] | None:
    """``(start, end)`` of ``mention`` in ``paragraph_text``, counting matches after any dateline."""
    body = dateline_end(paragraph_text)
    starts = [start for start in _word_matches(paragraph_text, mention.text) if start >= body]
    if len(starts) < mention.occurrence:
        return None
    start = starts[mention.occurrence - 1]
    return start, start + len(mention.text)


# --------------------------------------------------------------------------- loading


def _blocks(text: str) -> list[str]:
    blocks: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def _paragraph_units(text: str) -> list[str]:
    """The file's blocks, with a list block split into its items (each without its marker)."""
    units: list[str] = []
    for block in _blocks(text):
        lines = block.split("\n")
        if len(lines) > 1 and all(_LIST_MARKER.match(line) for line in lines):
            units.extend(_LIST_MARKER.sub("", line) for line in lines)
        else:
            units.append(block)
    return units


def gold_paragraph_text(gold: GoldBriefing, paragraph: GoldParagraph) -> str:
    """The text of the file's block (or list item) that holds ``paragraph``'s quote."""
    for unit in _paragraph_units(gold.text()):
        if paragraph.quote in unit:
            return unit
    raise CorpusError(f"{gold.path.name}: quote {paragraph.quote!r} is in no paragraph")


def paragraph_texts(gold: GoldBriefing) -> list[tuple[GoldParagraph, str]]:
    """Each gold paragraph with its text as the file has it (a list item without its marker).

    For training or inspecting without a reader; the dateline, when there is one, is kept.
    """
    units = _paragraph_units(gold.text())
    found: list[tuple[GoldParagraph, str]] = []
    for paragraph in gold.paragraphs:
        text = next((unit for unit in units if paragraph.quote in unit), None)
        if text is None:
            raise CorpusError(f"{gold.path.name}: quote {paragraph.quote!r} is in no paragraph")
        found.append((paragraph, text))
    return found


def _fail(path: Path, problem: str) -> CorpusError:
    return CorpusError(f"{path.name}: {problem}")


def _req(data: dict[str, Any], key: str, path: Path) -> Any:
    if key not in data:
        raise _fail(path, f"missing field {key!r}")
    return data[key]


def load_briefing_labels(labels_path: Path, part: Part) -> GoldBriefing:
    """One briefing's labels, checked against its text; `CorpusError` names what is wrong."""
    try:
        data = json.loads(labels_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise _fail(labels_path, f"cannot be read: {error}") from None
    if not isinstance(data, dict):
        raise _fail(labels_path, "is not a JSON object")
    text_path = labels_path.parent / str(_req(data, "file", labels_path))
    if not text_path.is_file():
        raise _fail(labels_path, f"names {text_path.name}, which does not exist")
    text = text_path.read_text(encoding="utf-8")
    try:
        sources = tuple(
            GoldSource(
                name=str(_req(entry, "name", labels_path)),
                kind=SourceKind(_req(entry, "kind", labels_path)),
                aliases=tuple(entry.get("aliases") or ()),
                description=entry.get("description"),
            )
            for entry in _req(data, "sources", labels_path)
        )
        paragraphs = tuple(
            GoldParagraph(
                quote=str(_req(entry, "quote", labels_path)),
                kind=SectionKind(_req(entry, "kind", labels_path)),
                mentions=tuple(
                    GoldMention(
                        source=str(_req(mention, "source", labels_path)),
                        text=str(_req(mention, "text", labels_path)),
                        occurrence=int(mention.get("occurrence", 1)),
                        via=AttributionVia(mention.get("via", "name")),
                    )
                    for mention in entry.get("mentions") or ()
                ),
            )
            for entry in _req(data, "paragraphs", labels_path)
        )
    except ValueError as error:
        raise _fail(labels_path, f"has a bad value: {error}") from None
    metadata = dict(_req(data, "metadata", labels_path))
    for key in ("author", "outlet", "dateline", "published"):
        metadata.setdefault(key, None)
    gold = GoldBriefing(
        name=labels_path.name.removesuffix(".labels.json"),
        part=part,
        path=text_path,
        topic=str(_req(data, "topic", labels_path)),
        style=str(_req(data, "style", labels_path)),
        title=str(_req(data, "title", labels_path)),
        standfirst=data.get("standfirst"),
        metadata=metadata,
        furniture=tuple(data.get("furniture") or ()),
        subheads=tuple(data.get("subheads") or ()),
        sources=sources,
        paragraphs=paragraphs,
    )
    _validate(gold, text, labels_path)
    return gold


def _validate(gold: GoldBriefing, text: str, path: Path) -> None:
    _validate_parts(gold, text, path)
    names = [source.name for source in gold.sources]
    if len(set(names)) != len(names):
        raise _fail(path, f"lists a source twice: {[n for n, c in Counter(names).items() if c > 1]}")
    for source in gold.sources:
        # "The Associated Press" is a proper name; "the signatories" should be "signatories".
        if source.name.startswith("the "):
            raise _fail(path, f"source name {source.name!r} starts with an article")
        if source.kind is SourceKind.NAMED_PERSON and _TITLE_RE.match(source.name.casefold()):
            raise _fail(path, f"source name {source.name!r} starts with a title")
    units = _paragraph_units(text)
    last = -1
    for paragraph in gold.paragraphs:
        last = _validate_quote(paragraph, text, units, last, path)
        body = next(unit for unit in units if paragraph.quote in unit)
        for mention in paragraph.mentions:
            _validate_mention(mention, paragraph, body, set(names), path)
    cited = {mention.source for paragraph in gold.paragraphs for mention in paragraph.mentions}
    for name in names:
        if name not in cited:
            raise _fail(path, f"source {name!r} is listed but never cited")


def _validate_parts(gold: GoldBriefing, text: str, path: Path) -> None:
    for what, value in (("title", gold.title), ("standfirst", gold.standfirst)):
        if value is not None and value not in text:
            raise _fail(path, f"{what} {value!r} is not in the text")
    for what, values in (("furniture", gold.furniture), ("subhead", gold.subheads)):
        for value in values:
            if value not in text:
                raise _fail(path, f"{what} {value!r} is not in the text")
    published = gold.metadata.get("published")
    if published is not None:
        try:
            dt.date.fromisoformat(published)
        except ValueError:
            raise _fail(path, f"published {published!r} is not an ISO date") from None
        if published[:4] not in text:
            raise _fail(path, f"published {published!r}: the text never gives the year")


def _validate_quote(paragraph: GoldParagraph, text: str, units: list[str], last: int, path: Path) -> int:
    if not QUOTE_MIN <= len(paragraph.quote) <= QUOTE_MAX:
        raise _fail(path, f"quote {paragraph.quote!r} is not {QUOTE_MIN}-{QUOTE_MAX} characters")
    found = text.count(paragraph.quote)
    if found != 1:
        raise _fail(path, f"quote {paragraph.quote!r} is found {found} times, not once")
    where = text.index(paragraph.quote)
    if where < last:
        raise _fail(path, f"quote {paragraph.quote!r} is out of order")
    if len([unit for unit in units if paragraph.quote in unit]) != 1:
        raise _fail(path, f"quote {paragraph.quote!r} does not lie inside one paragraph")
    return where


def _validate_mention(
    mention: GoldMention, paragraph: GoldParagraph, body: str, known: set[str], path: Path
) -> None:
    if mention.source not in known:
        raise _fail(path, f"mention {mention.text!r} names unlisted source {mention.source!r}")
    if mention.occurrence < 1 or mention_span(body, mention) is None:
        raise _fail(
            path,
            f"mention {mention.text!r} (occurrence {mention.occurrence}) is not in the "
            f"paragraph quoted {paragraph.quote!r}",
        )
    if mention.via is AttributionVia.PRONOUN and mention.text.casefold() not in PRONOUNS:
        raise _fail(path, f"mention {mention.text!r} is marked as a pronoun but is none")


def load_corpus(part: Literal["train", "eval", "all"] = "all") -> list[GoldBriefing]:
    """Every labelled briefing of ``part``, sorted by name; `CorpusError` if a label file is wrong."""
    parts: Sequence[Part] = ("train", "eval") if part == "all" else (part,)
    if part not in ("train", "eval", "all"):
        raise ValueError(f"unknown part {part!r}: use train, eval or all")
    found: list[GoldBriefing] = []
    for name in parts:
        for labels_path in sorted((CORPUS_DIR / name).glob("*.labels.json")):
            found.append(load_briefing_labels(labels_path, name))
    return sorted(found, key=lambda gold: gold.name)


def load_folder(folder: Path) -> list[GoldBriefing]:
    """Every labelled briefing in ``folder`` (any folder, labelled by the same guide), sorted by name.

    For checks on texts kept outside the repository; their part is ``"folder"``, so they never
    mix with the corpus's train and eval parts. `CorpusError` if a label file is wrong, or if the
    folder holds no label file (an empty score would look like a result).
    """
    if not folder.is_dir():
        raise CorpusError(f"{folder} is not a folder")
    found = [load_briefing_labels(path, "folder") for path in sorted(folder.glob("*.labels.json"))]
    if not found:
        raise CorpusError(f"{folder} holds no *.labels.json file")
    return sorted(found, key=lambda gold: gold.name)


# --------------------------------------------------------------------------- alignment


def align(gold: GoldBriefing, briefing: Briefing) -> list[tuple[GoldParagraph, Paragraph | None]]:
    """Each gold paragraph with the model paragraph whose text contains its quote (white space collapsed)."""
    model = [(collapse(paragraph.text), paragraph) for paragraph in briefing.paragraphs()]
    pairs: list[tuple[GoldParagraph, Paragraph | None]] = []
    for paragraph in gold.paragraphs:
        quote = collapse(paragraph.quote)
        pairs.append((paragraph, next((p for text, p in model if quote in text), None)))
    return pairs


# --------------------------------------------------------------------------- kinds


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _pct(value: float) -> str:
    return f"{100 * value:.0f}%"


@dataclass(frozen=True)
class KindScore:
    """How well paragraph kinds agree with the labels."""

    total: int
    correct: int
    confusion: dict[tuple[SectionKind, SectionKind], int]
    """``(gold, predicted) -> count``."""

    @property
    def accuracy(self) -> float:
        """Share of paragraphs whose kind is right."""
        return _ratio(self.correct, self.total)

    def support(self, kind: SectionKind) -> int:
        """How many paragraphs are labelled ``kind``."""
        return sum(count for (gold, _), count in self.confusion.items() if gold is kind)

    def predicted(self, kind: SectionKind) -> int:
        """How many paragraphs the program gave ``kind``."""
        return sum(count for (_, guess), count in self.confusion.items() if guess is kind)

    def precision(self, kind: SectionKind) -> float:
        """Of the paragraphs given ``kind``, the share labelled so."""
        return _ratio(self.confusion.get((kind, kind), 0), self.predicted(kind))

    def recall(self, kind: SectionKind) -> float:
        """Of the paragraphs labelled ``kind``, the share given it."""
        return _ratio(self.confusion.get((kind, kind), 0), self.support(kind))

    def report(self) -> str:
        """Accuracy, per-kind precision/recall/support and the confusion matrix, as Markdown."""
        lines = [
            f"Strict accuracy: **{_pct(self.accuracy)}** ({self.correct} of {self.total} paragraphs)",
            "",
        ]
        lines += ["| kind | support | share | precision | recall |", "|---|---:|---:|---:|---:|"]
        for kind in KIND_ORDER:
            support = self.support(kind)
            lines.append(
                f"| {kind.value} | {support} | {_pct(_ratio(support, self.total))} | "
                f"{_pct(self.precision(kind))} ({self.predicted(kind)} given) | {_pct(self.recall(kind))} |"
            )
        lines += ["", "Confusion (rows: labelled, columns: predicted)", ""]
        lines.append("| labelled \\ predicted | " + " | ".join(k.value for k in KIND_ORDER) + " |")
        lines.append("|---|" + "---:|" * len(KIND_ORDER))
        for gold in KIND_ORDER:
            cells = " | ".join(str(self.confusion.get((gold, guess), 0)) for guess in KIND_ORDER)
            lines.append(f"| {gold.value} | {cells} |")
        return "\n".join(lines) + "\n"


def score_kinds(pairs: Iterable[tuple[SectionKind, SectionKind]]) -> KindScore:
    """Score ``(gold, predicted)`` kind pairs."""
    confusion: Counter[tuple[SectionKind, SectionKind]] = Counter()
    for gold, predicted in pairs:
        confusion[(SectionKind(gold), SectionKind(predicted))] += 1
    total = sum(confusion.values())
    correct = sum(count for (gold, guess), count in confusion.items() if gold is guess)
    return KindScore(total=total, correct=correct, confusion=dict(confusion))


def kind_pairs(gold: GoldBriefing, briefing: Briefing) -> list[tuple[SectionKind, SectionKind]]:
    """``(gold, predicted)`` for every gold paragraph the model has; unaligned ones are left out."""
    return [(g.kind, p.kind) for g, p in align(gold, briefing) if p is not None]


# --------------------------------------------------------------------------- sources


@dataclass(frozen=True)
class SourceScore:
    """How well the listed sources and their attributions agree with the labels."""

    gold_sources: int
    gold_found: int
    """Gold sources matched by some predicted source."""
    gold_found_kind: int
    """Gold sources matched by a predicted source of the right kind."""
    predicted_sources: int
    predicted_right: int
    """Predicted sources that match a gold source."""
    mentions: int
    mentions_exact: int
    """Gold mentions with an attribution at exactly their offsets, naming their source."""
    mentions_overlap: int
    """Gold mentions with an overlapping attribution naming their source."""
    attributions: int
    """Predicted attributions in aligned paragraphs."""
    attributions_right: int
    """Of those, the ones that overlap a gold mention of the source they name."""
    pronouns: int
    pronouns_linked: int
    """Gold pronoun mentions with an overlapping attribution naming their antecedent."""
    misses: tuple[str, ...] = field(default=())
    """One line per missed gold source, wrong predicted source and missed mention."""
    from_furniture: int = 0
    """Wrong predicted sources whose name is in the briefing's furniture (credit lines, bylines)."""
    pronoun_sources: int = 0
    """Predicted sources that are bare pronouns ("he", "it")."""

    @property
    def recall(self) -> float:
        """Share of gold sources found (any kind)."""
        return _ratio(self.gold_found, self.gold_sources)

    @property
    def recall_with_kind(self) -> float:
        """Share of gold sources found with the right kind."""
        return _ratio(self.gold_found_kind, self.gold_sources)

    @property
    def precision(self) -> float:
        """Share of predicted sources that are gold sources."""
        return _ratio(self.predicted_right, self.predicted_sources)

    @property
    def attribution_recall(self) -> float:
        """Share of gold mentions found at exact offsets with the right source."""
        return _ratio(self.mentions_exact, self.mentions)

    @property
    def attribution_overlap_recall(self) -> float:
        """Share of gold mentions overlapped by an attribution to the right source."""
        return _ratio(self.mentions_overlap, self.mentions)

    @property
    def attribution_precision(self) -> float:
        """Share of predicted attributions that overlap a gold mention of their source."""
        return _ratio(self.attributions_right, self.attributions)

    @property
    def pronoun_accuracy(self) -> float:
        """Share of gold pronoun mentions linked to the right source."""
        return _ratio(self.pronouns_linked, self.pronouns)

    def report(self, max_misses: int = 40) -> str:
        """The figures as a Markdown table, then the first ``max_misses`` misses."""
        rows = [
            ("source recall (any kind)", self.gold_found, self.gold_sources),
            ("source recall (right kind)", self.gold_found_kind, self.gold_sources),
            ("source precision", self.predicted_right, self.predicted_sources),
            ("attribution recall, exact offsets", self.mentions_exact, self.mentions),
            ("attribution recall, overlapping", self.mentions_overlap, self.mentions),
            ("attribution precision, overlapping", self.attributions_right, self.attributions),
            ("pronoun links", self.pronouns_linked, self.pronouns),
        ]
        lines = ["| measure | value | count |", "|---|---:|---:|"]
        lines += [f"| {name} | {_pct(_ratio(a, b))} | {a} / {b} |" for name, a, b in rows]
        lines += [
            f"| wrong sources taken from furniture or credit lines | | {self.from_furniture} |",
            f"| pronouns listed as sources | | {self.pronoun_sources} |",
        ]
        if self.misses:
            lines += ["", f"Misses ({len(self.misses)}; first {min(max_misses, len(self.misses))}):", ""]
            lines += [f"- {miss}" for miss in self.misses[:max_misses]]
        return "\n".join(lines) + "\n"


def score_sources(items: Iterable[tuple[GoldBriefing, Briefing]]) -> SourceScore:
    """Score the sources and attributions of each analysed briefing against its labels."""
    counts: Counter[str] = Counter()
    misses: list[str] = []
    for gold, briefing in items:
        _score_source_list(gold, briefing, counts, misses)
        _score_mentions(gold, briefing, counts, misses)
    return SourceScore(
        gold_sources=counts["gold"],
        gold_found=counts["found"],
        gold_found_kind=counts["found_kind"],
        predicted_sources=counts["predicted"],
        predicted_right=counts["predicted_right"],
        mentions=counts["mentions"],
        mentions_exact=counts["exact"],
        mentions_overlap=counts["overlap"],
        attributions=counts["attributions"],
        attributions_right=counts["attributions_right"],
        pronouns=counts["pronouns"],
        pronouns_linked=counts["pronouns_linked"],
        misses=tuple(misses),
        from_furniture=counts["from_furniture"],
        pronoun_sources=counts["pronoun_sources"],
    )


def _score_source_list(
    gold: GoldBriefing, briefing: Briefing, counts: Counter[str], misses: list[str]
) -> None:
    for source in gold.sources:
        counts["gold"] += 1
        matches = [p for p in briefing.sources if same_source(source, p)]
        if matches:
            counts["found"] += 1
            if any(p.kind is source.kind for p in matches):
                counts["found_kind"] += 1
            else:
                misses.append(
                    f"{gold.name}: {source.name!r} found as {matches[0].kind.value}, not {source.kind.value}"
                )
        else:
            misses.append(f"{gold.name}: source {source.name!r} ({source.kind.value}) not found")
    for predicted in briefing.sources:
        counts["predicted"] += 1
        if any(same_source(source, predicted) for source in gold.sources):
            counts["predicted_right"] += 1
            continue
        where = ""
        key = name_key(predicted.name)
        if key and any(key in name_key(block) for block in gold.furniture):
            counts["from_furniture"] += 1
            where = ", from furniture"
        if predicted.name.casefold() in PRONOUNS:
            counts["pronoun_sources"] += 1
            where = ", a pronoun"
        misses.append(f"{gold.name}: {predicted.name!r} ({predicted.kind.value}) is not a source{where}")


def _score_mentions(gold: GoldBriefing, briefing: Briefing, counts: Counter[str], misses: list[str]) -> None:
    by_id = {source.id: source for source in briefing.sources}
    units = _paragraph_units(gold.text())
    for paragraph, model in align(gold, briefing):
        gold_text = next(unit for unit in units if paragraph.quote in unit)
        spans: list[tuple[GoldMention, tuple[int, int] | None]] = []
        for mention in paragraph.mentions:
            spans.append((mention, _model_span(gold_text, mention, model.text) if model else None))
        for mention, span in spans:
            counts["mentions"] += 1
            pronoun = mention.via is AttributionVia.PRONOUN
            counts["pronouns"] += pronoun
            source = gold.source(mention.source)
            exact = overlap = False
            if model is not None and span is not None:
                for attribution in model.attributions:
                    named = by_id.get(attribution.source_id)
                    if named is None or not same_source(source, named):
                        continue
                    if (attribution.start, attribution.end) == span:
                        exact = True
                    if attribution.start < span[1] and span[0] < attribution.end:
                        overlap = True
            counts["exact"] += exact
            counts["overlap"] += overlap
            counts["pronouns_linked"] += pronoun and overlap
            if not exact:
                where = "paragraph not found" if model is None else ("overlap only" if overlap else "missed")
                misses.append(
                    f"{gold.name}: mention {mention.text!r} of {mention.source!r} "
                    f"({mention.via.value}): {where}"
                )
        if model is None:
            continue
        for attribution in model.attributions:
            counts["attributions"] += 1
            named = by_id.get(attribution.source_id)
            right = named is not None and any(
                span is not None
                and attribution.start < span[1]
                and span[0] < attribution.end
                and same_source(gold.source(mention.source), named)
                for mention, span in spans
            )
            counts["attributions_right"] += right
            if not right:
                words = model.text[attribution.start : attribution.end]
                name = named.name if named else attribution.source_id
                misses.append(f"{gold.name}: attribution {words!r} to {name!r} is not labelled")


def _model_span(gold_text: str, mention: GoldMention, model_text: str) -> tuple[int, int] | None:
    """Where ``mention`` (counted in the file's paragraph) lies in the model's text of it."""
    span = mention_span(gold_text, mention)
    if span is None:
        return None
    if gold_text == model_text:
        return span
    # The model's text may lack the dateline or list marker, or differ in white space: count the
    # mention's matches in the gold text after the dateline, then take the same one in the model's.
    before = len(
        [s for s in _word_matches(gold_text, mention.text) if dateline_end(gold_text) <= s < span[0]]
    )
    starts = [s for s in _word_matches(model_text, mention.text) if s >= dateline_end(model_text)]
    if len(starts) <= before:
        return None
    start = starts[before]
    return start, start + len(mention.text)


# --------------------------------------------------------------------------- structure


@dataclass(frozen=True)
class StructureScore:
    """How well a reader found the parts of each report."""

    briefings: int
    counts: dict[str, tuple[int, int]]
    """``measure -> (right, out of)``."""
    misses: tuple[str, ...] = ()

    def rate(self, measure: str) -> float:
        """Share right for ``measure`` (``title``, ``dateline``, ``author``, ...)."""
        right, total = self.counts.get(measure, (0, 0))
        return _ratio(right, total)

    def report(self, max_misses: int = 40) -> str:
        """The figures as a Markdown table, then the first ``max_misses`` misses."""
        lines = ["| measure | right | count |", "|---|---:|---:|"]
        for measure, (right, total) in self.counts.items():
            lines.append(f"| {measure} | {_pct(_ratio(right, total))} | {right} / {total} |")
        if self.misses:
            lines += ["", f"Misses ({len(self.misses)}; first {min(max_misses, len(self.misses))}):", ""]
            lines += [f"- {miss}" for miss in self.misses[:max_misses]]
        return "\n".join(lines) + "\n"


_STRUCTURE_MEASURES = (
    "title",
    "dateline",
    "author",
    "outlet",
    "published",
    "standfirst",
    "furniture left out of the text",
    "furniture kept aside",
    "subheads as headings",
    "paragraphs found",
)


def _authors(value: str | None) -> set[str]:
    if not value:
        return set()
    parts = re.split(r"\s*(?:;|,|\band\b|&)\s*", value.removeprefix("By ").removeprefix("by "))
    return _names(part for part in parts if part.strip())


def score_structure(items: Iterable[tuple[GoldBriefing, Briefing]]) -> StructureScore:
    """Score title, metadata, furniture, subheads and paragraphs of each read briefing."""
    tally: dict[str, list[int]] = {measure: [0, 0] for measure in _STRUCTURE_MEASURES}
    misses: list[str] = []
    count = 0

    def mark(measure: str, right: bool, gold: GoldBriefing, detail: str) -> None:
        tally[measure][0] += right
        tally[measure][1] += 1
        if not right:
            misses.append(f"{gold.name}: {measure}: {detail}")

    for gold, briefing in items:
        count += 1
        meta = gold.metadata
        mark("title", collapse(briefing.title) == collapse(gold.title), gold, f"got {briefing.title!r}")
        mark(
            "dateline",
            name_key(briefing.dateline or "") == name_key(meta["dateline"] or ""),
            gold,
            f"got {briefing.dateline!r}, labelled {meta['dateline']!r}",
        )
        mark(
            "author",
            _authors(briefing.author) == _authors(meta["author"]),
            gold,
            f"got {briefing.author!r}, labelled {meta['author']!r}",
        )
        mark(
            "outlet",
            name_key(briefing.outlet or "") == name_key(meta["outlet"] or ""),
            gold,
            f"got {briefing.outlet!r}, labelled {meta['outlet']!r}",
        )
        published = briefing.published.isoformat() if briefing.published else None
        mark(
            "published",
            published == meta["published"],
            gold,
            f"got {published}, labelled {meta['published']}",
        )
        paragraphs = briefing.paragraphs()
        if gold.standfirst is not None:
            standfirst = collapse(gold.standfirst)
            found = any(p.block.value == "standfirst" and standfirst in collapse(p.text) for p in paragraphs)
            mark("standfirst", found, gold, f"{gold.standfirst[:60]!r} not read as a standfirst")
        texts = [collapse(p.text) for p in paragraphs]
        aside = [collapse(block) for block in briefing.furniture]
        for block in gold.furniture:
            line = collapse(block)
            mark(
                "furniture left out of the text",
                not any(line in text for text in texts),
                gold,
                f"{block[:60]!r} is in the text",
            )
            mark(
                "furniture kept aside",
                any(line in kept or kept in line for kept in aside if kept),
                gold,
                f"{block[:60]!r} is not in Briefing.furniture",
            )
        headings = {collapse(s.heading).casefold() for s in briefing.sections if s.heading}
        for subhead in gold.subheads:
            mark(
                "subheads as headings",
                collapse(subhead).casefold() in headings,
                gold,
                f"{subhead!r} is not a heading",
            )
        for paragraph, model in align(gold, briefing):
            mark("paragraphs found", model is not None, gold, f"no paragraph holds {paragraph.quote!r}")
    counts = {measure: (right, total) for measure, (right, total) in tally.items() if total}
    return StructureScore(briefings=count, counts=counts, misses=tuple(misses))
