"""A long plain text is shown from its head, the whole read after the first frame, with nothing lost.

What the first frame shows must be what the whole briefing then shows in the same place
(only what is set aside at the end, and the notice that counts it, come later), and the
briefing the reader ends up with must be the one read at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.ingest import HEAD_FROM, Document, read_document, read_opening
from briefing_tui.ingest.decode import DecodedText
from briefing_tui.ingest.head import text_head
from briefing_tui.ingest.plain import PlainBriefing, Preview
from briefing_tui.load import load_briefing
from briefing_tui.meta_line import meta_line
from briefing_tui.model import Briefing, Paragraph
from briefing_tui.resources import seed_path
from briefing_tui.tui.launch import build_app
from briefing_tui.tui.layout import GUTTER
from briefing_tui.tui.outline import Outline
from briefing_tui.tui.text_view import BriefingText

FRONT = (
    "Harbour authority agrees to reopen the northern quay\n\n"
    "By Mara Lindqvist and Tomas Okafor\n\n"
    "Port officials and the dockworkers' union settled a three-week dispute on Tuesday, "
    "a spokesperson for the authority said.\n\n"
)
TAIL = (
    "\n\nEditing by Tomas Okafor and Ines Varga\n\n"
    "More on this story\n"
    "Quay repairs to start in spring\n"
    "Union ballot result expected Friday\n"
)


def long_text(sections: int = 400, tail: str = TAIL) -> str:
    """A report far longer than `HEAD_FROM`: numbered sections of prose, credits and teasers at the end."""
    parts = [FRONT]
    for number in range(1, sections + 1):
        parts.append(f"Section {number}: The talks over berth {number}\n\n")
        for paragraph in range(4):
            words = " ".join(f"cargo{(number * paragraph + n) % 97}" for n in range(60))
            parts.append(
                f"Paragraph {paragraph} of section {number} says that {words}, an official said.\n\n"
            )
    return "".join(parts).rstrip() + tail


@pytest.fixture
def long_file(tmp_path: Path) -> Path:
    path = tmp_path / "quay.txt"
    path.write_text(long_text(), encoding="utf-8")
    assert path.stat().st_size > HEAD_FROM
    return path


def _ids_and_texts(briefing: PlainBriefing | Briefing) -> list[tuple[str, str, str | None]]:
    return [
        (paragraph.id, paragraph.text, paragraph.marker)
        for section in briefing.sections
        for paragraph in section.paragraphs
    ]


def test_a_long_text_opens_as_its_head_and_its_whole_is_the_briefing_read_at_once(long_file: Path) -> None:
    opened = read_opening(long_file)
    assert isinstance(opened, Preview) and not opened.complete
    whole = opened.whole()
    assert whole == read_document(long_file).briefing
    head = _ids_and_texts(opened.shown)
    assert 0 < len(head) < len(whole.paragraphs())
    assert head == _ids_and_texts(whole)[: len(head)]
    assert [(section.id, section.heading) for section in opened.shown.sections] == [
        (section.id, section.heading) for section in whole.sections[: len(opened.shown.sections)]
    ]
    # The byline, the credit and the teasers are set aside: only the whole knows all of them.
    assert len(whole.furniture) == 5 and "5 blocks set aside" in meta_line(whole)
    assert opened.shown.notices == opened.shown.furniture == ()
    assert (opened.shown.title, opened.shown.author) == (whole.title, whole.author)


def test_a_short_text_opens_as_plain_blocks_with_the_ids_and_notices_of_its_model() -> None:
    opened = read_opening(seed_path())
    assert isinstance(opened, Preview) and opened.complete
    model = opened.whole()
    assert model == read_document(seed_path()).briefing
    assert _ids_and_texts(opened.shown) == _ids_and_texts(model)
    assert [(section.id, section.heading) for section in opened.shown.sections] == [
        (section.id, section.heading) for section in model.sections
    ]
    shown = opened.shown
    assert (shown.title, shown.outlet, shown.author, shown.published, shown.dateline, shown.origin) == (
        model.title,
        model.outlet,
        model.author,
        model.published,
        model.dateline,
        model.origin,
    )
    assert shown.notices == model.notices


def test_other_formats_open_whole(tmp_path: Path) -> None:
    markdown = tmp_path / "long.md"
    markdown.write_text("# Title\n\n" + long_text(), encoding="utf-8")
    for path in (markdown,):
        opened = read_opening(path)
        assert isinstance(opened, Document)
        assert opened.briefing == read_document(path).briefing


def test_a_long_text_whose_end_may_name_the_author_is_previewed_whole(tmp_path: Path) -> None:
    # "Reporting by" names the author, in place of the byline: only the whole can say so.
    path = tmp_path / "credited.txt"
    path.write_text(
        long_text(tail="\n\nReporting by Ines Varga in Gdansk; editing by Tomas Okafor\n"), "utf-8"
    )
    opened = read_opening(path)
    assert isinstance(opened, Preview) and opened.complete
    assert opened.shown.author == "Ines Varga" == opened.whole().author


def test_the_head_is_cut_after_a_long_paragraph_not_after_what_could_be_a_tail(tmp_path: Path) -> None:
    # Short lines without full stops after the last long paragraph look like teasers.
    lines = "\n".join(f"Berth {number} schedule update" for number in range(3))
    text = long_text().replace("Section 200: The talks", f"{lines}\n\nSection 200: The talks")
    head = text_head(tmp_path / "teasers.txt", DecodedText(text), chars=text.index(lines))
    assert head is not None
    shown = _ids_and_texts(head.shown)
    assert "Berth 2 schedule update" in [text for _, text, _ in shown]  # kept, as in the whole
    assert shown[-1][1].startswith("Paragraph 0 of section 200")
    assert shown == _ids_and_texts(head.whole())[: len(shown)]


def _text_lines(app_view: BriefingText) -> list[str]:
    height = app_view.scrollable_content_region.height
    return [app_view.render_line(row).text for row in range(height)]


async def test_the_first_frame_shows_the_head_and_the_reader_ends_with_the_whole(long_file: Path) -> None:
    app = build_app(long_file)
    seen: dict[str, object] = {}
    display = app._display

    def recording(screen: object, renderable: object) -> None:
        display(screen, renderable)  # type: ignore[arg-type]
        if not seen:
            view = app.reader.text_view
            seen["lines"] = _text_lines(view)
            seen["paragraphs"] = len(app.reader.text_view.units)

    app._display = recording  # type: ignore[method-assign]
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        reader = app.reader
        whole = load_briefing(long_file, analysed=False)
        first_count = seen["paragraphs"]
        assert isinstance(first_count, int) and first_count < len(whole.paragraphs())
        assert isinstance(reader.text_view.units[0].paragraph, Paragraph)  # the model's now
        assert reader.briefing.paragraphs()[-1].text == whole.paragraphs()[-1].text
        assert reader.briefing.furniture == whole.furniture
        first, now = seen["lines"], _text_lines(reader.text_view)
        assert isinstance(first, list)
        assert any("Port officials and the dockworkers' union" in line for line in first)
        # Line for line the same, but for the notice added to the line under the title (and
        # the kinds and flags the analysis may have added to the rules and the gutter).
        meta = next(index for index, line in enumerate(now) if "set aside" in line)
        assert first[meta].strip() in now[meta]
        assert [line[GUTTER:] for index, line in enumerate(first) if index != meta and "─" not in line] == [
            line[GUTTER:] for index, line in enumerate(now) if index != meta and "─" not in line
        ]
        assert [index for index, line in enumerate(first) if "─" in line] == [
            index for index, line in enumerate(now) if "─" in line
        ]
        assert len(reader.text_view.units) == sum(
            len(section.paragraphs) + (section.heading is not None) for section in whole.sections
        )
        assert reader.query_one(Outline).display


async def test_keys_pressed_while_the_whole_is_read_act_on_the_whole(long_file: Path) -> None:
    app = build_app(long_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("G")
        view = app.reader.text_view
        assert view.scroll_y == view.max_scroll_y > 0
        last = len(view.units) - 1
        assert view.units[last].text.startswith("Paragraph 3 of section 400")
        layout = view.text_layout
        assert layout is not None and layout.unit_at_or_after(round(view.scroll_y)) is not None


async def test_the_reading_place_is_restored_in_a_long_text(long_file: Path) -> None:
    app = build_app(long_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.reader.text_view.go_to_section(300)
        await pilot.pause()
        top = round(app.reader.text_view.scroll_y)
        assert top > 0
    again = build_app(long_file)
    async with again.run_test(size=(120, 40)) as pilot:
        for _ in range(100):
            if round(again.reader.text_view.scroll_y) == top:
                break
            await pilot.pause(0.02)
        assert round(again.reader.text_view.scroll_y) == top
        assert again.reader.status_line.section.startswith("Section 300")


async def test_the_seed_is_drawn_from_plain_blocks_first_and_looks_the_same_with_its_model() -> None:
    app = build_app(seed_path())
    seen: dict[str, object] = {}
    display = app._display

    def recording(screen: object, renderable: object) -> None:
        display(screen, renderable)  # type: ignore[arg-type]
        if not seen:
            seen["briefing"] = app.reader.text_view.briefing
            seen["lines"] = _text_lines(app.reader.text_view)

    app._display = recording  # type: ignore[method-assign]
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        reader = app.reader
        assert isinstance(seen["briefing"], PlainBriefing)
        assert reader.text_view.briefing is reader.briefing
        assert _ids_and_texts(reader.briefing) == _ids_and_texts(load_briefing(seed_path(), analysed=False))
        first, now = seen["lines"], _text_lines(reader.text_view)
        assert isinstance(first, list) and len(first) == len(now)
        # Line for line the same text; only the rules and the gutter may have gained what the
        # analysis found (kinds, flags).
        assert [line[GUTTER:] for line in first if "─" not in line] == [
            line[GUTTER:] for line in now if "─" not in line
        ]
        assert [index for index, line in enumerate(first) if "─" in line] == [
            index for index, line in enumerate(now) if "─" in line
        ]
        assert reader.query_one(Outline).display


async def test_a_saved_place_in_the_seed_is_restored() -> None:
    app = build_app(seed_path())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.reader.text_view.go_to_section(3)
        await pilot.pause()
        top = round(app.reader.text_view.scroll_y)
        assert top > 0
    again = build_app(seed_path())
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert round(again.reader.text_view.scroll_y) == top
        assert again.reader.status_line.section == " ".join(
            (again.reader.briefing.sections[3].heading or "").split()
        )
