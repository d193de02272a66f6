"""The sources pane: who the briefing cites, grouped by kind, and who the current paragraph cites."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing_tui.model import Briefing, Paragraph
from briefing_tui.presenter import citation_counts
from briefing_tui.safe_text import visible
from briefing_tui.tui.labels import SECTION_KINDS, SOURCE_KINDS

__all__ = ["SourceList", "SourcesPane"]

CUES_SHOWN = 4
"""How many of the cues that decided a paragraph's kind are shown."""
GUTTER = 5
"""Cells before a source's name: the selection mark and the count."""


class SourceList(OptionList):
    """Every source, grouped under its kind, with how often it is cited."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="sources.down"),
        Binding("k", "cursor_up", "Up", show=False, id="sources.up"),
        Binding("g", "first", "First", show=False, id="sources.first"),
        Binding("G", "last", "Last", show=False, id="sources.last"),
        Binding("escape", "clear", "Clear source", show=False, id="sources.clear"),
    ]

    DEFAULT_CSS = """
    SourceList, SourceList:focus {
        height: 1fr;
        border: none;
        padding: 0;
        scrollbar-size-vertical: 1;
    }
    """

    def action_clear(self) -> None:
        """Ask for the selected source to be let go."""
        self.post_message(SourcesPane.Selected(None))


class SourcesPane(Vertical):
    """The source list, and beneath it the sources of the paragraph the reader is at.

    Choosing a source posts `SourcesPane.Selected`; choosing it again lets it go.
    """

    DEFAULT_CSS = """
    SourcesPane {
        background: $surface;
        & > #sources-here {
            height: auto;
            max-height: 40%;
            border-top: solid $foreground 20%;
            padding: 0 1;
            color: $text-muted;
        }
    }
    """

    selected: reactive[str | None] = reactive(None)
    """The id of the source whose attributions are highlighted, if any."""

    class Selected(Message):
        """A source was chosen, or (with None) let go."""

        def __init__(self, source_id: str | None) -> None:
            self.source_id = source_id
            super().__init__()

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._briefing: Briefing | None = None
        self._counts: Counter[str] = Counter()
        self._new: set[str] = set()
        self._here = Text("")
        self._here_shape = (0, 0)  # lines the box under the list holds, and the width it wraps to

    def compose(self) -> ComposeResult:
        yield SourceList(id="sources-list")
        yield Static(id="sources-here")

    def show_briefing(self, briefing: Briefing, *, analysed: bool) -> None:
        """List ``briefing``'s sources (or say they are still being found)."""
        self._briefing = briefing
        self._counts = citation_counts(briefing)
        self._rebuild(analysed)

    def flag_new(self, source_ids: set[str]) -> None:
        """Mark these sources as new since the version read before."""
        self._new = set(source_ids)
        if self._briefing is not None:
            self._rebuild(True)

    def show_paragraph(self, paragraph: Paragraph | None, *, analysed: bool = True) -> None:
        """Say who ``paragraph`` cites, and why it has its kind."""
        if self._briefing is None or paragraph is None or not analysed:
            self._show_here(Text(""))
            return
        names = self._cited_names(paragraph)
        text = Text.assemble(("This paragraph: ", "bold"))
        text.append(", ".join(names) if names else "no source named")
        if self._briefing.rests_on_one_anonymous_source(paragraph):
            text.append("\n! its only source is anonymous", style="bold red")
        kind = SECTION_KINDS[paragraph.kind]
        if paragraph.alternative_kind is not None:
            kind += f" or {SECTION_KINDS[paragraph.alternative_kind].lower()}"
        text.append(f"\n{kind}", style="bold")
        if paragraph.cues:
            # A cue may hold a comma of its own ('a number, then "days"'): semicolons part them.
            reasons = "; ".join(visible(cue.feature) for cue in paragraph.cues[:CUES_SHOWN])
            text.append(f" because of {reasons}", style="italic")
        self._show_here(text)

    def _show_here(self, text: Text) -> None:
        """Show ``text`` under the list, in a box that grows to the tallest text yet but
        never shrinks (until the pane is resized).

        Were the box to take each paragraph's height, stepping through the text would lay
        the pane out at almost every step and the list above would jump; each layout
        resizes the list, which then renders every entry again: that was most of the cost
        of a press of ``n``.
        """
        if text == self._here:
            return
        here = self.query_one("#sources-here", Static)
        width = here.content_region.width
        lines = len(text.wrap(self.app.console, width)) if width > 0 and text.plain else 0
        rows, seen_width = self._here_shape
        if width != seen_width:
            rows = 0  # a new width wraps differently: start over
        grows = lines > rows or width <= 0
        if grows:
            rows = lines
            here.styles.min_height = rows + here.styles.gutter.height if rows else None
        here.update(text, layout=grows)
        self._here, self._here_shape = text, (rows, width)

    def watch_selected(self) -> None:
        if self._briefing is not None:
            self._rebuild(True)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        source_id = event.option.id
        self.post_message(self.Selected(None if source_id == self.selected else source_id))

    def _rebuild(self, analysed: bool) -> None:
        assert self._briefing is not None
        listing = self.query_one(SourceList)
        highlighted = listing.highlighted
        listing.clear_options()
        if not analysed:
            listing.add_option(Option(Text("Finding sources…", style="italic"), disabled=True))
            return
        if not self._briefing.sources:
            listing.add_option(
                Option(Text("No sources named in this briefing.", style="italic"), disabled=True)
            )
            return
        listing.add_options(self._options())
        if highlighted is not None and highlighted < listing.option_count:
            listing.highlighted = highlighted

    def _options(self) -> list[Option]:
        assert self._briefing is not None
        options: list[Option] = []
        for kind, heading in SOURCE_KINDS.items():
            group = [source for source in self._briefing.sources if source.kind is kind]
            if not group:
                continue
            options.append(Option(Text(f"{heading} ({len(group)})", style="bold"), disabled=True))
            for source in group:
                options.append(Option(self._prompt(source.id, source.name, source.description), id=source.id))
        return options

    def _prompt(self, source_id: str, name: str, description: str | None) -> Table:
        """The source's entry: a gutter with the selection and the count, then its name and
        description, which wrap under the name rather than back to the gutter."""
        selected = source_id == self.selected
        gutter = Text.assemble(("●" if selected else " ", "bold"), (f"{self._counts[source_id]:>3} ", "dim"))
        words = Text(visible(name), style="bold" if selected else "")
        if source_id in self._new:
            words.append(" new", style="bold green")
        if description:
            words.append(f"\n{visible(description)}", style="dim italic")
        grid = Table.grid(expand=True)
        grid.add_column(width=GUTTER, no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(gutter, words)
        return grid

    def _cited_names(self, paragraph: Paragraph) -> list[str]:
        assert self._briefing is not None
        seen: dict[str, str] = {}
        for attribution in paragraph.attributions:
            if attribution.source_id not in seen:
                seen[attribution.source_id] = visible(self._briefing.source(attribution.source_id).name)
        return list(seen.values())
