"""Write the corpus files from the annotated sources in ``tests/corpus/authoring/*.brief``.

    python tests/corpus/build_corpus.py            # (re)write every train/ and eval/ file
    python tests/corpus/build_corpus.py --check    # fail if a written file differs from its source
    python tests/corpus/build_corpus.py --table    # the corpus table of docs/labelling.md

The labeller writes each briefing once, in an annotated form that is quicker to write and
to review than JSON: a header of ``@key value`` lines, then the text, block by block, each
block tagged with what it is. This script strips the annotations, writes the plain text a
user would paste (``<name>.txt`` or ``.md``) and its ``<name>.labels.json``, and picks for
every paragraph a short quote that occurs once in the file. See docs/labelling.md.

Source format (several briefings per file, separated by a line ``%%%``)::

    @name doha-talks-reuters        file name, without extension
    @part train                     train or eval (decided once, see docs/labelling.md)
    @topic ceasefire
    @style reuters
    @format txt                     txt (default) or md
    @author Jane Doe; John Roe      (optional) @outlet, @dateline, @published likewise
    @src nasr = Mohamed Nasr | named_person | Nasr; Mr Nasr | the lead negotiator from Egypt
    Title line

    [F] By Jane Doe and John Roe                 furniture or credit line (later lines continue it)
    [H] A subhead
    [S:N] A standfirst that is body text, with its kind
    [N] DOHA, Jan 15 (Reuters) - ... {Mohamed Nasr} said ... {he|nasr} added.
    [T] - a list item             (one tagged line per item, in one block)

Kinds: N negotiations, T terms, I implementation, Q open_questions, B background. A mention
is ``{words}`` (the words name a listed source or alias), ``{words|key}`` or
``{words|key|via}``; via is worked out (pronoun, name, alias) unless given.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "bench"))

from gold import DATELINE, PRONOUNS, QUOTE_MAX, QUOTE_MIN, load_corpus, name_key  # noqa: E402

KINDS = {"N": "negotiations", "T": "terms", "I": "implementation", "Q": "open_questions", "B": "background"}
TAG = re.compile(r"^\[(F|H|S:[NTIQB]|[NTIQB])\]\s?")
MENTION = re.compile(r"\{([^{}|]+)(?:\|([^{}|]+))?(?:\|([^{}|]+))?\}")


@dataclass
class Item:
    tag: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Spec:
    header: dict[str, str]
    sources: dict[str, dict[str, Any]]
    title: str
    blocks: list[list[Item]]


def parse(chunk: str, origin: str) -> Spec:
    header: dict[str, str] = {}
    sources: dict[str, dict[str, Any]] = {}
    lines = chunk.strip("\n").split("\n")
    while lines and lines[0].startswith("@"):
        key, _, value = lines.pop(0)[1:].partition(" ")
        if key == "src":
            handle, _, rest = value.partition("=")
            fields = [part.strip() for part in rest.split("|")]
            name, kind = fields[0], fields[1]
            aliases = [a.strip() for a in fields[2].split(";") if a.strip()] if len(fields) > 2 else []
            description = fields[3] if len(fields) > 3 and fields[3] else None
            sources[handle.strip()] = {
                "name": name,
                "kind": kind,
                "aliases": aliases,
                "description": description,
            }
        elif value.strip() != "null":
            header[key] = value.strip()
    text = "\n".join(lines).strip("\n")
    raw_blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    title = raw_blocks[0].strip()
    blocks: list[list[Item]] = []
    for raw in raw_blocks[1:]:
        items: list[Item] = []
        for line in raw.split("\n"):
            match = TAG.match(line)
            if match:
                items.append(Item(match.group(1), [line[match.end() :]]))
            elif items:
                items[-1].lines.append(line)
            else:
                raise SystemExit(f"{origin} {header.get('name')}: untagged block {line[:60]!r}")
        blocks.append(items)
    return Spec(header, sources, title, blocks)


def resolve(spec: Spec, words: str, handle: str | None, via: str | None) -> tuple[dict[str, Any], str]:
    name = spec.header["name"]
    if handle is not None:
        if handle not in spec.sources:
            raise SystemExit(f"{name}: unknown source key {handle!r} for {words!r}")
        source = spec.sources[handle]
    else:
        key = name_key(words)
        found = [s for s in spec.sources.values() if key in {name_key(n) for n in (s["name"], *s["aliases"])}]
        if not found:
            found = [s for s in spec.sources.values() if s["name"].casefold() in words.casefold()]
            # "Kremlin spokesman Dmitri Voronov" names Voronov, not the Kremlin: the head of the
            # phrase comes last, so the name the words end with wins, then the longest.
            ending = [s for s in found if words.casefold().endswith(s["name"].casefold())]
            found = ending or [s for s in found if len(s["name"]) == max(len(f["name"]) for f in found)]
        if len(found) != 1:
            raise SystemExit(f"{name}: mention {words!r} names {len(found)} sources; add |key")
        source = found[0]
    if via is None:
        low = words.casefold()
        if low in PRONOUNS:
            via = "pronoun"
        elif name_key(source["name"]) in name_key(words) or source["name"].casefold() in low:
            via = "name"
        elif any(name_key(a) in name_key(words) for a in source["aliases"]):
            via = "alias"
        else:
            raise SystemExit(f"{name}: {words!r} is neither the name nor an alias of {source['name']!r}")
    return source, via


def strip_mentions(spec: Spec, text: str) -> tuple[str, list[dict[str, Any]]]:
    """The text without mention braces, and the mentions with their whole-word occurrence."""
    out: list[str] = []
    found: list[tuple[int, str, dict[str, Any], str]] = []
    last = 0
    for match in MENTION.finditer(text):
        out.append(text[last : match.start()])
        position = sum(len(part) for part in out)
        words = match.group(1)
        source, via = resolve(spec, words, match.group(2), match.group(3))
        found.append((position, words, source, via))
        out.append(words)
        last = match.end()
    out.append(text[last:])
    plain = "".join(out)
    if "{" in plain or "}" in plain:
        raise SystemExit(f"{spec.header['name']}: stray brace in {plain[:60]!r}")
    body = DATELINE.match(plain)
    body_start = body.end() if body else 0
    mentions = []
    for position, words, source, via in found:
        pattern = re.compile(r"(?<![\w])" + re.escape(words) + r"(?![\w])")
        starts = [m.start() for m in pattern.finditer(plain) if m.start() >= body_start]
        if position not in starts:
            raise SystemExit(
                f"{spec.header['name']}: mention {words!r} is not a whole word, or in the dateline"
            )
        mentions.append(
            {"source": source["name"], "text": words, "occurrence": starts.index(position) + 1, "via": via}
        )
    return plain, mentions


def pick_quote(paragraph: str, whole: str, name: str) -> str:
    body = DATELINE.match(paragraph)
    start0 = body.end() if body else 0
    starts = [start0] + [m.end() for m in re.finditer(r"\s+", paragraph) if m.end() > start0]
    for start in starts:
        ends = [m.start() for m in re.finditer(r"\s|$", paragraph) if m.start() > start]
        ends = [e for e in ends if QUOTE_MIN <= e - start <= QUOTE_MAX]
        ends.sort(key=lambda e: abs(e - start - 60))
        for end in ends:
            quote = paragraph[start:end]
            if whole.count(quote) == 1:
                return quote
    if len(paragraph) >= QUOTE_MIN and whole.count(paragraph) == 1:
        return paragraph[:QUOTE_MAX]
    raise SystemExit(f"{name}: no unique quote in {paragraph[:60]!r}")


def build(spec: Spec) -> tuple[str, dict[str, Any]]:
    header = spec.header
    fmt = header.get("format", "txt")
    out_blocks: list[str] = ["# " + spec.title if fmt == "md" else spec.title]
    furniture: list[str] = []
    subheads: list[str] = []
    standfirst: str | None = None
    paragraphs: list[tuple[str, str, list[dict[str, Any]]]] = []
    for items in spec.blocks:
        block_lines: list[str] = []
        for item in items:
            if item.tag in ("F", "H") and MENTION.search("\n".join(item.lines)):
                raise SystemExit(f"{header['name']}: a mention in furniture or a subhead: {item.lines[0]!r}")
            if item.tag == "F":
                text = "\n".join(item.lines)
                furniture.append(text)
                block_lines.append(text)
            elif item.tag == "H":
                subheads.append(item.lines[0].strip())
                block_lines.append(("## " if fmt == "md" else "") + item.lines[0].strip())
            else:
                plain, mentions = strip_mentions(spec, " ".join(item.lines))
                kind = KINDS[item.tag[-1]]
                if item.tag.startswith("S:"):
                    standfirst = plain
                paragraphs.append((plain, kind, mentions))
                block_lines.append(plain)
        out_blocks.append("\n".join(block_lines))
    whole = "\n\n".join(out_blocks) + "\n"
    entries = []
    for plain, kind, mentions in paragraphs:
        unit = re.sub(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+", "", plain)
        entries.append({"quote": pick_quote(unit, whole, header["name"]), "kind": kind, "mentions": mentions})
    metadata = {key: header.get(key) for key in ("author", "outlet", "dateline", "published")}
    labels = {
        "file": f"{header['name']}.{fmt}",
        "topic": header["topic"],
        "style": header["style"],
        "title": spec.title,
        "standfirst": standfirst,
        "metadata": metadata,
        "furniture": furniture,
        "subheads": subheads,
        "sources": list(spec.sources.values()),
        "paragraphs": entries,
    }
    return whole, labels


def table() -> str:
    """The corpus as a Markdown table with its totals, for docs/labelling.md."""
    corpus = load_corpus("all")
    lines = [
        "| briefing | part | topic | style | paragraphs | N | T | I | Q | B | sources |",
        "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    totals: dict[str, int] = {}
    for gold in sorted(corpus, key=lambda g: (g.part, g.topic, g.name)):
        kinds = [p.kind.value for p in gold.paragraphs]
        counts = [kinds.count(kind) for kind in KINDS.values()]
        for kind in kinds:
            totals[kind] = totals.get(kind, 0) + 1
        for source in gold.sources:
            totals["source:" + source.kind.value] = totals.get("source:" + source.kind.value, 0) + 1
        cells = " | ".join(str(count) for count in counts)
        lines.append(
            f"| {gold.path.name} | {gold.part} | {gold.topic} | {gold.style} | {len(kinds)} | {cells} | "
            f"{len(gold.sources)} |"
        )
    paragraphs = sum(len(gold.paragraphs) for gold in corpus)
    parts = {part: sum(gold.part == part for gold in corpus) for part in ("train", "eval")}
    lines += [
        "",
        f"{len(corpus)} briefings ({parts['train']} train, {parts['eval']} eval), {paragraphs} paragraphs: "
        + ", ".join(f"{kind} {totals.get(kind, 0)}" for kind in KINDS.values())
        + ". Sources: "
        + ", ".join(f"{key.removeprefix('source:')} {n}" for key, n in sorted(totals.items()) if ":" in key)
        + ".",
    ]
    return "\n".join(lines) + "\n"


def orphans(written: set[Path], remove: bool, root: Path = HERE) -> int:
    """Built files no briefing of the sources writes any more (one renamed or deleted): they
    would still be loaded as corpus. Removed when building, counted as stale when checking."""
    orphans = [
        path
        for part in ("train", "eval")
        for path in sorted((root / part).iterdir())
        if path.is_file() and path not in written
    ]
    for path in orphans:
        print(f"{'removed' if remove else 'orphan'}: {path.relative_to(root)}")
        if remove:
            path.unlink()
    return 0 if remove else len(orphans)


def main(argv: list[str]) -> int:
    if "--table" in argv:
        print(table(), end="")
        return 0
    check = "--check" in argv
    stale = 0
    seen: set[str] = set()
    written: set[Path] = set()
    for source_file in sorted((HERE / "authoring").glob("*.brief")):
        for chunk in source_file.read_text(encoding="utf-8").split("\n%%%\n"):
            if not chunk.strip():
                continue
            spec = parse(chunk, source_file.name)
            name, part = spec.header["name"], spec.header["part"]
            if name in seen:
                raise SystemExit(f"{source_file.name}: briefing {name!r} written twice")
            seen.add(name)
            text, labels = build(spec)
            target = HERE / part / labels["file"]
            label_path = HERE / part / f"{name}.labels.json"
            label_text = json.dumps(labels, indent=2, ensure_ascii=False) + "\n"
            written |= {target, label_path}
            for path, content in ((target, text), (label_path, label_text)):
                if check:
                    if not path.exists() or path.read_text(encoding="utf-8") != content:
                        print(f"stale: {path.relative_to(HERE)}")
                        stale += 1
                else:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(content, encoding="utf-8")
    stale += orphans(written, remove=not check)
    print(f"{len(seen)} briefings" + (f", {stale} stale files" if check else " written"))
    corpus = load_corpus("all")  # validates every label file against its text
    print(f"{len(corpus)} briefings, {sum(len(gold.paragraphs) for gold in corpus)} paragraphs valid")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
