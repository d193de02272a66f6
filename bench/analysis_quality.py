"""How good the analysis is on the labelled corpus: paragraph kinds, sources, report structure.

Run (from the repository, with the project's virtual environment)::

    python bench/analysis_quality.py                    # the evaluation part
    python bench/analysis_quality.py --part train       # or train, or all
    python bench/analysis_quality.py --part all --suffix baseline
    python bench/analysis_quality.py --no-cv                # without the (minutes long) cross-validation
    python bench/analysis_quality.py --dir PATH --no-cv     # any folder labelled by the same guide

Every briefing of the part (``tests/corpus/<part>/``, labelled by ``docs/labelling.md``) is
read and analysed by `briefing_tui.load.load_briefing`, exactly as the app opens it, and
scored with ``bench/gold.py``. ``--dir PATH`` scores the labelled briefings of any folder
instead of a part (texts kept outside the repository, such as a private check on real
reports); the cross-validation, which is over the corpus and not the folder, is then not run,
and nothing is written to ``bench/results/`` (the misses quote the folder's texts, which must
not end up in the repository):

* **kinds**: strict accuracy over the labelled paragraphs the reader found, each kind's
  precision, recall and support, and the confusion matrix;
* **cross-validated kinds**: ten folds grouped by briefing over the whole corpus: each fold
  labelled by a model trained (``bench/train_kinds.py``'s learner) on the other folds;
* **sources**: source recall (any kind, right kind) and precision, attribution recall at
  exact offsets and overlapping, attribution precision, pronoun links, with the misses;
* **structure**: title, dateline, author, outlet, date, standfirst, furniture left out of
  the text and kept aside, subheads turned into headings, paragraphs found.

Prints Markdown, writes ``bench/results/analysis_quality-<date>[-<suffix>].json`` and
``.md`` (unless ``--no-save``); exits non-zero only if the corpus cannot be loaded. The
figures are measurements, never targets a test asserts. Nothing may be tuned on ``eval``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, cast

from _common import command_line, machine_info, report_header, write_results
from briefing_tui.errors import BriefingError
from briefing_tui.load import load_briefing
from briefing_tui.model import Briefing
from gold import (
    KIND_ORDER,
    CorpusError,
    GoldBriefing,
    KindScore,
    SourceScore,
    StructureScore,
    kind_pairs,
    load_corpus,
    load_folder,
    score_kinds,
    score_sources,
    score_structure,
)
from kind_data import labelled
from kind_quality import CV_FOLDS, cross_validated

Part = Literal["train", "eval", "all"]


def read_all(corpus: Sequence[GoldBriefing]) -> tuple[list[tuple[GoldBriefing, Briefing]], list[str]]:
    """Each labelled briefing read and analysed as the app would; files that fail are listed."""
    read: list[tuple[GoldBriefing, Briefing]] = []
    failures: list[str] = []
    for gold in corpus:
        try:
            read.append((gold, load_briefing(gold.path)))
        except BriefingError as error:
            failures.append(f"{gold.path.name}: {error}")
    return read, failures


def kinds_score(read: Sequence[tuple[GoldBriefing, Briefing]]) -> KindScore:
    """Kinds of every labelled paragraph the reader found, against their labels."""
    return score_kinds(pair for gold, briefing in read for pair in kind_pairs(gold, briefing))


def kinds_by(read: Sequence[tuple[GoldBriefing, Briefing]], field: str) -> str:
    """Strict kind accuracy for each value of ``field`` (``style`` or ``topic``), as a Markdown table."""
    groups: dict[str, list[tuple[GoldBriefing, Briefing]]] = {}
    for gold, briefing in read:
        groups.setdefault(str(getattr(gold, field)), []).append((gold, briefing))
    lines = [f"| {field} | briefings | paragraphs | strict accuracy |", "|---|---:|---:|---:|"]
    for value in sorted(groups):
        score = kinds_score(groups[value])
        lines.append(f"| {value} | {len(groups[value])} | {score.total} | {100 * score.accuracy:.0f}% |")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- cross-validation


def cross_validated_kinds(corpus: Sequence[GoldBriefing]) -> KindScore | None:
    """Kinds over ``corpus`` in folds grouped by briefing: each labelled by a model trained on the others."""
    return cross_validated([labelled(gold) for gold in corpus])


# --------------------------------------------------------------------------- report


def _kind_payload(score: KindScore) -> dict[str, Any]:
    return {
        "accuracy": score.accuracy,
        "paragraphs": score.total,
        "kinds": {
            kind.value: {
                "support": score.support(kind),
                "precision": score.precision(kind),
                "recall": score.recall(kind),
            }
            for kind in KIND_ORDER
        },
        "confusion": {f"{gold.value}->{guess.value}": n for (gold, guess), n in score.confusion.items()},
    }


def _source_payload(score: SourceScore) -> dict[str, Any]:
    return {
        "gold_sources": score.gold_sources,
        "recall": score.recall,
        "recall_with_kind": score.recall_with_kind,
        "precision": score.precision,
        "attribution_recall_exact": score.attribution_recall,
        "attribution_recall_overlap": score.attribution_overlap_recall,
        "attribution_precision": score.attribution_precision,
        "pronoun_accuracy": score.pronoun_accuracy,
        "wrong_sources_from_furniture": score.from_furniture,
        "pronouns_as_sources": score.pronoun_sources,
        "misses": list(score.misses),
    }


def _structure_payload(score: StructureScore) -> dict[str, Any]:
    return {
        "briefings": score.briefings,
        "measures": {name: {"right": right, "of": total} for name, (right, total) in score.counts.items()},
        "misses": list(score.misses),
    }


def build_report(
    part: Part | Path, corpus: Sequence[GoldBriefing], *, cv: bool = True
) -> tuple[str, dict[str, Any]]:
    """The Markdown report and the JSON payload for ``part`` of the corpus, or for a folder."""
    started = time.perf_counter()
    read, failures = read_all(corpus)
    kinds = kinds_score(read)
    sources = score_sources(read)
    structure = score_structure(read)
    # Cross-validation is over the corpus: it says nothing about a folder, and train is in it.
    run_cv = cv and part not in ("train",) and not isinstance(part, Path)
    cross = cross_validated_kinds(load_corpus("all")) if run_cv else None
    seconds = time.perf_counter() - started
    paragraphs = sum(len(gold.paragraphs) for gold in corpus)
    what = "Folder" if isinstance(part, Path) else "Part"
    lines = [
        f"{what}: **{part}**, {len(corpus)} briefings, {paragraphs} labelled paragraphs "
        f"({kinds.total} found by the reader); read, analysed and scored in {seconds:.1f} s.",
        "",
    ]
    if failures:
        lines += ["Files that could not be read:", "", *[f"- {failure}" for failure in failures], ""]
    lines += ["## Paragraph kinds", "", kinds.report()]
    lines += ["By outlet style:", "", kinds_by(read, "style"), "By topic:", "", kinds_by(read, "topic")]
    lines += [f"## Paragraph kinds, {CV_FOLDS}-fold cross-validation grouped by briefing, whole corpus", ""]
    if cross is None:
        lines += ["Not run (`--no-cv`, `--part train` or `--dir`).", ""]
    else:
        lines += [cross.report()]
    lines += ["## Sources and attributions", "", sources.report()]
    lines += ["## Report structure", "", structure.report()]
    payload: dict[str, Any] = {
        "part": str(part),
        "briefings": len(corpus),
        "paragraphs": paragraphs,
        "unreadable": failures,
        "kinds": _kind_payload(kinds),
        "kinds_cross_validated": _kind_payload(cross) if cross is not None else None,
        "sources": _source_payload(sources),
        "structure": _structure_payload(structure),
        "seconds": seconds,
    }
    return "\n".join(lines), payload


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--part", choices=("eval", "train", "all"), default="eval", help="corpus part")
    where.add_argument("--dir", type=Path, help="score the labelled briefings of this folder instead")
    parser.add_argument("--no-save", action="store_true", help="print only; write nothing to bench/results/")
    parser.add_argument("--suffix", default="", help="write analysis_quality-<date>-SUFFIX.*")
    parser.add_argument(
        "--no-cv", action="store_true", help="skip the cross-validation (it trains one model per fold)"
    )
    args = parser.parse_args(argv)
    part: Part | Path = args.dir if args.dir is not None else cast("Part", args.part)
    try:
        corpus = load_folder(part) if isinstance(part, Path) else load_corpus(part)
    except CorpusError as error:
        print(error, file=sys.stderr)
        return 2
    info = machine_info()
    header = report_header(
        "Analysis quality on the labelled corpus",
        info,
        command_line(),
        "Labels: docs/labelling.md; scorer: bench/gold.py; nothing is tuned on the eval part",
    )
    markdown, payload = build_report(part, corpus, cv=not args.no_cv)
    text = header + "\n" + markdown
    print(text)
    if args.dir is not None and not args.no_save:
        print("--dir: report printed only, never written to bench/results/", file=sys.stderr)
    elif not args.no_save:
        payload["machine"] = info
        json_path, md_path = write_results("analysis_quality", payload, text, args.suffix)
        print(f"Wrote {md_path} and {json_path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
