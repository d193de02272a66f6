"""First paint of briefing-tui on a 50-page PDF and a 1 MB HTML page, each next to a .txt of the same text.

Run (from the repository, with the project's virtual environment)::

    python bench/first_paint_formats.py            # 3 runs of each document
    python bench/first_paint_formats.py --runs 5 --no-save

The documents are made from the 1 MB benchmark corpus (``bench/corpus.py``): the HTML page
wraps its title in ``<h1>``, its headings in ``<h2>`` and its paragraphs in ``<p>`` inside an
``<article>`` with a navigation bar and a footer around it; the PDF sets its first paragraphs
on 50 pages of Helvetica (``tests/pdf_maker.py``) with a running header and page numbers.
Each has a ``.txt`` twin holding exactly the text it carries. Timing is that of
``bench/first_paint.py`` (a private tmux server, the clock from exec to the first paragraph's
first words on screen), whose machinery this reuses.

Writes ``bench/results/first_paint_formats-<date>.json`` and ``.md``.
"""

from __future__ import annotations

import argparse
import html
import statistics
import sys
import textwrap
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from _common import (
    CACHE_DIR,
    REPO_DIR,
    command_line,
    document,
    first_paragraph_marker,
    fmt_seconds,
    machine_info,
    report_header,
    write_results,
)
from first_paint import HEIGHT, WIDTH, Run, Settings, Tmux, make_programs, run_once

PDF_PAGES = 50
_LINES_PER_PAGE = 46
_LINE_WIDTH = 90


def blocks_of(path: Path) -> list[str]:
    """The corpus text's blocks (title, headings, paragraphs), one string each."""
    text = path.read_text(encoding="utf-8")
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def is_heading(block: str) -> bool:
    return len(block) < 150 and not block.endswith((".", ":", ";", "!", "?", '"', "”"))


def write_html(blocks: list[str]) -> tuple[Path, Path]:
    """A saved-page version of the corpus and its .txt twin."""
    title, *rest = blocks
    body = [f"<h1>{html.escape(title)}</h1>"]
    for block in rest:
        tag = "h2" if is_heading(block) else "p"
        body.append(f"<{tag}>{html.escape(block)}</{tag}>")
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} | Bench Weekly</title>"
        "<meta property='og:site_name' content='Bench Weekly'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        + "\n".join(body)
        + "</article><footer>Copyright Bench Weekly. All rights reserved.</footer></body></html>"
    )
    return _save("formats-1mb.html", page), _save("formats-1mb-html-twin.txt", "\n\n".join(blocks) + "\n")


def write_pdf(blocks: list[str]) -> tuple[Path, Path]:
    """The first paragraphs of the corpus on 50 PDF pages, and a .txt of the same paragraphs."""
    sys.path.insert(0, str(REPO_DIR / "tests"))
    from pdf_maker import make_pdf

    pages: list[list[str]] = []
    page: list[str] = []
    used: list[str] = []
    for original in blocks:
        block = original.encode("cp1252", errors="replace").decode("cp1252")  # what Helvetica can show
        lines = [block] if is_heading(block) else textwrap.wrap(block, _LINE_WIDTH)
        if len(page) + len(lines) + 1 > _LINES_PER_PAGE - 2:
            pages.append(["Bench Weekly | Briefing", *page, f"Page {len(pages) + 1}"])
            page = []
            if len(pages) == PDF_PAGES:
                break
        page.extend([*lines, ""])
        used.append(block)
    path = CACHE_DIR / "formats-50pages.pdf"
    path.write_bytes(make_pdf(pages))
    return path, _save("formats-50pages-pdf-twin.txt", "\n\n".join(used) + "\n")


def _save(name: str, text: str) -> Path:
    path = CACHE_DIR / name
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Make the documents, time each, print and save a table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per document (default 3)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a run counts as too slow")
    parser.add_argument("--no-save", action="store_true", help="print only; write nothing to bench/results/")
    options = parser.parse_args(argv)
    settings = Settings(
        sizes=["1MB"],
        programs=["briefing-tui"],
        runs=options.runs,
        timeout=options.timeout,
        slow=options.timeout,
        slow_runs=options.runs,
        poll_ms=5,
        quiet_ms=300,
    )
    blocks = blocks_of(document("1MB", "txt"))
    html_path, html_twin = write_html(blocks)
    pdf_path, pdf_twin = write_pdf(blocks)
    documents = {
        "HTML page, 1 MB": html_path,
        ".txt twin of the HTML page": html_twin,
        f"PDF, {PDF_PAGES} pages": pdf_path,
        ".txt twin of the PDF": pdf_twin,
    }
    (program,) = make_programs(["briefing-tui"])
    marker = first_paragraph_marker()
    info = machine_info()
    command = command_line(None if argv is None else [sys.argv[0], *argv])
    header = report_header(
        "First paint by format",
        info,
        command,
        f"tmux {WIDTH}x{HEIGHT}; {settings.runs} runs per document; clock from exec to `{marker}` on screen.",
    )
    print(header, flush=True)
    runs: dict[str, list[Run]] = {name: [] for name in documents}
    tmux = Tmux()
    try:
        number = 0
        for _ in range(settings.runs):
            for name, path in documents.items():
                number += 1
                run = run_once(tmux, program, path, marker=marker, settings=settings, number=number)
                runs[name].append(run)
    finally:
        tmux.close()
    rows = [
        "| document | bytes | first paint, s (median, min–max) | idle, s | peak RSS MiB |",
        "|---|---|---|---|---|",
    ]
    summary: dict[str, Any] = {}
    for name, path in documents.items():
        ok = [run for run in runs[name] if run.status == "ok" and run.paint_s is not None]
        paints = [run.paint_s for run in ok if run.paint_s is not None]
        idles = [run.idle_s for run in ok if run.idle_s is not None]
        rss = [run.peak_rss_mb for run in ok if run.peak_rss_mb is not None]
        failures = [f"{run.status}: {run.detail}" for run in runs[name] if run.status != "ok"]
        entry = {
            "bytes": path.stat().st_size,
            "paint_s": statistics.median(paints) if paints else None,
            "paint_range": [min(paints), max(paints)] if paints else None,
            "idle_s": statistics.median(idles) if idles else None,
            "peak_rss_mb": statistics.median(rss) if rss else None,
            "failures": failures,
        }
        summary[name] = entry
        paint = (
            f"{fmt_seconds(statistics.median(paints))}"
            f" ({fmt_seconds(min(paints))}–{fmt_seconds(max(paints))})"
            if paints
            else "failed: " + "; ".join(failures)[:80]
        )
        idle = fmt_seconds(statistics.median(idles)) if idles else "–"
        memory = f"{statistics.median(rss):.0f}" if rss else "–"
        rows.append(f"| {name} | {entry['bytes']:,} | {paint} | {idle} | {memory} |")
    table = "\n".join(rows) + "\n"
    print(table)
    if not options.no_save:
        payload = {
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "machine": info,
            "command": command,
            "settings": asdict(settings),
            "summary": summary,
            "runs": {name: [asdict(run) for run in entries] for name, entries in runs.items()},
        }
        json_path, md_path = write_results("first_paint_formats", payload, f"{header}\n{table}")
        print(f"wrote {json_path} and {md_path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
