"""The outline pane: the briefing by kind, with its sections, stray paragraphs and open questions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import NodeID, TreeNode

from briefing_tui.model import Briefing, SectionKind
from briefing_tui.presenter import kind_counts, question_units, stray_units
from briefing_tui.safe_text import visible
from briefing_tui.tui.labels import SECTION_KINDS
from briefing_tui.tui.layout import Unit

__all__ = ["Outline", "Target"]

_LEAD_CHARS = 240  # more than any pane is wide: the label is cut to the width it has
LARGE = 300
"""Past this many sections the kinds start folded: Tree measures every unfolded entry."""


@dataclass(frozen=True, slots=True)
class Target:
    """A place in the text the outline can jump to."""

    section: int
    """The section's index."""
    unit: int | None = None
    """A unit inside it (a paragraph), or None for the section's start."""
    offset: int = 0
    """A character offset inside the unit."""


class Outline(Tree[Target | None]):
    """Kinds, each with its sections and the paragraphs of that kind that stand elsewhere.

    The entry for what the reader is at stays highlighted as the text scrolls; Enter
    (or a click) posts `Outline.Jump`. While a search is active, each section shows its
    match count. Every label fills the pane's width: cut with an ellipsis when it is too
    long, its count (paragraphs of a kind, matches in a section) always shown at the right,
    so the cursor is a bar across the pane.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="outline.down"),
        Binding("k", "cursor_up", "Up", show=False, id="outline.up"),
        Binding("g", "scroll_home", "Top", show=False, id="outline.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="outline.bottom"),
    ]

    DEFAULT_CSS = """
    Outline {
        padding: 0 1;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        & > .tree--guides { color: $surface-lighten-2; }
        /* Where the reader is stays visible when the outline is not focused. */
        & > .tree--cursor { background: $primary 35%; color: $text; text-style: bold; }
        &:focus > .tree--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
    }
    """

    class Jump(Message):
        """The reader chose an entry: go there."""

        def __init__(self, outline: Outline, target: Target) -> None:
            self.outline = outline
            self.target = target
            super().__init__()

        @property
        def control(self) -> Outline:
            """The outline the entry was chosen in."""
            return self.outline

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        self._badges: dict[NodeID, Text] = {}  # before Tree's own init, which renders the root
        super().__init__("Outline", id=id, classes=classes)
        self.show_root = False
        self.guide_depth = 2
        self._briefing: Briefing | None = None
        self._section_nodes: dict[int, list[TreeNode[Target | None]]] = {}
        self._unit_nodes: dict[int, TreeNode[Target | None]] = {}
        self._counts: Mapping[str, int] = {}
        self._pending: TreeNode[Target | None] | None = None
        self._stale: set[int] = set()
        self._section_index: dict[str, int] = {}
        self._kind_nodes: dict[SectionKind, TreeNode[Target | None]] = {}
        self._unfilled: dict[NodeID, tuple[SectionKind, list[Unit]]] = {}

    def show_briefing(self, briefing: Briefing, units: list[Unit], *, analysed: bool) -> None:
        """Rebuild the outline for ``briefing`` (flat, in reading order, until it is analysed)."""
        self._briefing = briefing
        self._section_index = {section.id: index for index, section in enumerate(briefing.sections)}
        self._pending = None
        self._stale.clear()
        self.clear()
        self._section_nodes.clear()
        self._unit_nodes.clear()
        self._kind_nodes.clear()
        self._unfilled.clear()
        self._badges.clear()
        if analysed:
            self._build_by_kind(briefing, units)
        else:
            self._build_pending(briefing)

    def show_position(self, section: int, unit: int) -> None:
        """Highlight the entry for where the reader is, without jumping anywhere."""
        node = self._unit_nodes.get(unit)
        if node is None:
            nodes = self._section_nodes.get(section)
            node = nodes[0] if nodes else None
        if node is None and self._briefing is not None and self._briefing.sections:
            node = self._kind_nodes.get(self._briefing.sections[section].kind)  # not filled in yet
        if node is not None and node.parent is not None and not node.parent.is_expanded:
            node = node.parent  # its kind is folded: point at the kind
        if node is not None and node is not self.cursor_node and node is not self.root:
            self.move_cursor(node, animate=False)

    def show_match_counts(self, counts: Mapping[str, int]) -> None:
        """Show each section's number of search matches; an empty mapping hides them.

        Only labels whose count changed are redrawn, and those under a folded kind wait
        until it unfolds: relabelling thousands of entries per keystroke would stall typing.
        """
        previous, self._counts = self._counts, counts
        for section_id in previous.keys() | counts.keys():
            if previous.get(section_id, 0) != counts.get(section_id, 0):
                self._relabel(self._section_index[section_id])

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Target | None]) -> None:
        unfilled = self._unfilled.pop(event.node.id, None)
        if unfilled is not None:
            self._fill(event.node, *unfilled)
        for child in event.node.children:
            target = child.data
            if target is not None and target.unit is None and target.section in self._stale:
                self._show_section(child, target.section)

    def _relabel(self, index: int) -> None:
        shown = True
        for node in self._section_nodes.get(index, ()):
            if node.parent is not None and node.parent.is_expanded:
                self._show_section(node, index)
            else:
                shown = False
        if shown:
            self._stale.discard(index)
        else:
            self._stale.add(index)

    def on_tree_node_selected(self, event: Tree.NodeSelected[Target | None]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Jump(self, event.node.data))

    def show_progress(self, seconds: float) -> None:
        """Say how long the analysis has been running, while it runs."""
        if self._briefing is not None and self._pending is not None:
            self._pending.set_label(self._pending_label(self._briefing, seconds))

    def show_failure(self, reason: str) -> None:
        """Say the analysis failed, in place of its progress."""
        if self._pending is not None:
            self._pending.set_label(
                Text.assemble(("Analysis failed", "bold red"), (f"\n  {visible(reason)}", "dim"))
            )
            self._pending = None

    def _build_pending(self, briefing: Briefing) -> None:
        self._pending = self.root.add_leaf(self._pending_label(briefing, 0.0))

    def _pending_label(self, briefing: Briefing, seconds: float) -> Text:
        spinner = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"[int(seconds * 8) % 10]
        return Text.assemble(
            (f"{spinner} Analysing… {seconds:.1f} s", "bold italic"),
            (f"\n  {len(briefing.sections)} sections; kinds and sources follow", "dim"),
        )

    def _build_by_kind(self, briefing: Briefing, units: list[Unit]) -> None:
        counts = kind_counts(briefing)
        large = len(briefing.sections) > LARGE
        for kind, name in SECTION_KINDS.items():
            questions = len(briefing.questions) if kind is SectionKind.OPEN_QUESTIONS else 0
            if not counts[kind] and not questions:
                continue
            branch = self.root.add(Text(name, style="bold"), expand=not large, allow_expand=True)
            self._badges[branch.id] = Text(f"{counts[kind]}¶", style="dim")
            self._kind_nodes[kind] = branch
            if large:
                # Filled in when unfolded: tens of thousands of entries cost seconds to add.
                self._unfilled[branch.id] = (kind, units)
            else:
                self._fill(branch, kind, units)

    def _fill(self, branch: TreeNode[Target | None], kind: SectionKind, units: list[Unit]) -> None:
        assert self._briefing is not None
        briefing = self._briefing
        for index, section in enumerate(briefing.sections):
            if section.kind is kind:
                self._add_section(branch, index)
        self._add_strays(branch, kind, units)
        if kind is SectionKind.OPEN_QUESTIONS:
            for question, unit_index in zip(briefing.questions, question_units(briefing), strict=True):
                target = Target(units[unit_index].section, unit_index, question.start)
                branch.add_leaf(Text(f"? {_lead(visible(question.text))}", style="italic"), target)

    def _add_section(self, branch: TreeNode[Target | None], index: int) -> None:
        node = branch.add_leaf(self._section_label(index), Target(index))
        self._section_nodes.setdefault(index, []).append(node)
        badge = self._section_badge(index)
        if badge is not None:
            self._badges[node.id] = badge

    def _add_strays(self, branch: TreeNode[Target | None], kind: SectionKind, units: list[Unit]) -> None:
        """Paragraphs of ``kind`` inside sections of another kind, so none is missing."""
        assert self._briefing is not None
        for section, index in stray_units(self._briefing, kind):
            node = branch.add_leaf(
                Text(f"¶ {_lead(units[index].text)}", style="dim", no_wrap=True), Target(section, index)
            )
            self._unit_nodes[index] = node

    def _section_label(self, index: int) -> Text:
        assert self._briefing is not None
        section = self._briefing.sections[index]
        heading = visible(section.heading) if section.heading is not None else "Lead"
        return Text(heading, style="" if section.heading is not None else "italic")

    def _section_badge(self, index: int) -> Text | None:
        assert self._briefing is not None
        count = self._counts.get(self._briefing.sections[index].id)
        return Text(f" {count} ", style="bold reverse") if count else None

    def _show_section(self, node: TreeNode[Target | None], index: int) -> None:
        badge = self._section_badge(index)
        if badge is None:
            self._badges.pop(node.id, None)
        else:
            self._badges[node.id] = badge
        node.set_label(self._section_label(index))

    # --- labels that fit ----------------------------------------------------------------

    def render_label(self, node: TreeNode[Target | None], base_style: Style, style: Style) -> Text:
        label = super().render_label(node, base_style, Style())
        badge = self._badges.get(node.id)
        room = self._label_room(node)
        if room <= 0 or "\n" in label.plain:
            if badge is not None:
                label.append_text(Text.assemble("  ", badge))
            label.stylize(style)
            return label
        badge_cells = badge.cell_len + 1 if badge is not None else 0
        room_for_label = max(1, room - badge_cells)
        if label.cell_len > room_for_label:
            label.truncate(room_for_label, overflow="ellipsis")
        label.pad_right(room - badge_cells - label.cell_len)
        if badge is not None:
            label.append(" ")
            label.append_text(badge)
        label.stylize(style)
        return label

    def _label_room(self, node: TreeNode[Target | None]) -> int:
        """Cells a node's label may take: the pane's width less the guides before it."""
        depth, parent = 0, node.parent
        while parent is not None:
            depth, parent = depth + 1, parent.parent
        return self.scrollable_content_region.width - depth * self.guide_depth

    def on_resize(self) -> None:
        self._invalidate()  # labels are cut to the width


def _lead(text: str) -> str:
    return " ".join(text[:_LEAD_CHARS].split())
