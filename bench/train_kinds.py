"""Train the paragraph-kind model on the training part of the corpus and write the shipped weights.

Run from the repository::

    python bench/train_kinds.py            # write src/briefing_tui/analysis/kind_weights.json
    python bench/train_kinds.py --check    # exit 1 if training does not give the shipped file

Only ``tests/corpus/train/`` is read: the evaluation part is never trained or tuned on. The
settings (penalties, the least number of briefings a word must occur in) are the defaults of
`briefing_tui.analysis.kind_learning.Settings`, points of the grid of cross-validation grouped by
briefing on the training part (``python bench/kind_quality.py --tune``, ``--part train``), the
penalties chosen between close points by a private check on real reports (issue #12).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from briefing_tui.analysis.kind_learning import train
from kind_data import WEIGHTS, labelled_part


def weights_text(weights: dict[str, Any]) -> str:
    """The weights file's text: one feature per line, so a diff shows what training changed.

    A feature's numbers are written without spaces ("[0.1,-0.2]"): with some 3,000 features
    that keeps the shipped file under its size limit without pruning the model harder.
    """

    def block(name: str, entries: dict[str, Any]) -> list[str]:
        rows = [
            f"  {json.dumps(key, ensure_ascii=False)}: {json.dumps(value, separators=(',', ':'))}"
            for key, value in entries.items()
        ]
        return [f' "{name}": {{', ",\n".join(rows), " }"]

    lines = ["{"]
    for key in ("about", "kinds", "settings"):
        lines.append(f" {json.dumps(key)}: {json.dumps(weights[key], ensure_ascii=False)},")
    lines += block("transitions", weights["transitions"])
    lines[-1] += ","
    lines += block("features", weights["features"])
    lines.append("}\n")
    return "\n".join(lines)


def trained_text() -> str:
    """Train on the training part and return the weights file's text."""
    _, data = labelled_part("train")
    return weights_text(train(data))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped weights instead")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    text = trained_text()
    seconds = time.perf_counter() - started
    if args.check:
        same = WEIGHTS.is_file() and WEIGHTS.read_text(encoding="utf-8") == text
        print(f"{WEIGHTS.name}: {'as trained' if same else 'differs from training'} ({seconds:.1f} s)")
        return 0 if same else 1
    WEIGHTS.write_text(text, encoding="utf-8")
    count = len(json.loads(text)["features"])
    print(f"wrote {WEIGHTS} ({count} features, {len(text) // 1024} KiB) in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
