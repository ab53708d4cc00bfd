"""A document pane: a Line-API view that wraps, highlights and walks a document's passages."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.core.documents.document import Document
from reader.core.documents.text_policy import sanitize, sanitize_line
from reader.ui.widgets.screen_lines import ScreenLines, wrap_document

GUTTER = 3
TAG_MARKS = {"corroborated": "✓", "contested": "✗"}
MATCH_MARKS = {"strong": "≡", "partial": "~"}
STRIP_CACHE = 1000  # drawn lines kept: a few screens' worth


class DocumentView(ScrollView, can_focus=True):
    """One document, wrapped to the pane, with matches, tags, cursor and counterparts marked.

    Text is drawn as plain segments (never parsed as markup). Highlight kinds are component
    classes, so themes restyle them; each also has a non-colour cue: a gutter mark for tags and
    match strength, underline for matches, bold for the counterpart, reverse for the cursor.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "document-view--strong",
        "document-view--partial",
        "document-view--corroborated",
        "document-view--contested",
        "document-view--cursor",
        "document-view--counterpart",
        "document-view--gutter",
    }

    DEFAULT_CSS = """
    DocumentView {
        background: $surface;
        color: $foreground;
        border: round $panel;
        padding: 0 1 0 0;
    }
    DocumentView:focus {
        border: round $accent;
    }
    DocumentView > .document-view--strong {
        background: $success 20%;
        text-style: underline;
    }
    DocumentView > .document-view--partial {
        background: $warning 12%;
        text-style: underline;
    }
    DocumentView > .document-view--corroborated {
        color: $text-success;
    }
    DocumentView > .document-view--contested {
        color: $text-error;
    }
    DocumentView > .document-view--cursor {
        background: $accent 45%;
        text-style: bold;
    }
    DocumentView > .document-view--counterpart {
        background: $primary 35%;
        text-style: bold;
    }
    DocumentView > .document-view--gutter {
        color: $text-muted;
    }
    """

    # The view's state. Each watcher drops the cached lines and repaints; the screen sets
    # these, and the pane draws them.
    cursor: var[int] = var(0, init=False)
    strengths: var[dict[int, str]] = var(dict, init=False)
    tags: var[dict[int, str]] = var(dict, init=False)
    counterparts: var[frozenset[int]] = var(frozenset, init=False)

    @dataclass
    class CursorMoved(Message):
        """The cursor went to another passage."""

        view: DocumentView
        passage: int

    def __init__(self, document: Document, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # Drawn lines by screen line; a line is drawn again only when what it shows changed.
        self._strips: LRUCache[int, Strip] = LRUCache(STRIP_CACHE)
        self._take(document)

    def _take(self, document: Document) -> None:
        """Start showing a document: cursor on its first claim, no marks yet."""
        self.document = document
        self.set_reactive(DocumentView.cursor, 0)
        self.set_reactive(DocumentView.strengths, {})
        self.set_reactive(DocumentView.tags, {})
        self.set_reactive(DocumentView.counterparts, frozenset())
        self._wrapped: ScreenLines | None = None
        self._strips.clear()
        self._passage_starts = [p.start for p in document.passages]
        self._shown = (0, False)  # the passage last scrolled to, shown again after a resize
        # The counterpart enter scrolled to in this pane: tab moves the cursor there.
        self.jumped_to: int | None = None
        self._show_header()

    def _repaint(self) -> None:
        self._strips.clear()
        self.refresh()

    def watch_cursor(self) -> None:
        """Repaint the cursor's claim where it was and where it is."""
        self._repaint()

    def watch_strengths(self) -> None:
        """Repaint the match marks."""
        self._repaint()

    def watch_tags(self) -> None:
        """Repaint the tag marks and count them in the header."""
        self._show_header()
        self._repaint()

    def watch_counterparts(self) -> None:
        """Repaint the counterparts of the other pane's claim."""
        self._repaint()

    def watch_has_focus(self, has_focus: bool) -> None:
        """The cursor is drawn differently with and without focus."""
        super().watch_has_focus(has_focus)
        self._repaint()

    def notify_style_update(self) -> None:
        """A theme or CSS change restyles every line."""
        super().notify_style_update()
        self._strips.clear()

    def _show_header(self) -> None:
        """Title, outlet and date above the text; tag counts below (plain text, never markup)."""
        meta = self.document.metadata
        parts = [meta.get("outlet", ""), meta.get("date", ""), self.document.title]
        self.border_title = Content(sanitize_line(" · ".join(part for part in parts if part)))
        counts = [
            f"{mark} {sum(1 for tag in self.tags.values() if tag == status)}"
            for status, mark in TAG_MARKS.items()
        ]
        self.border_subtitle = Content("  ".join(counts))

    def show_document(self, document: Document) -> None:
        """Show another document in this pane, cursor on its first claim."""
        self._take(document)
        _ = self.wrapped
        self.scroll_to(y=0, animate=False)
        self.refresh()

    @property
    def wrapped(self) -> ScreenLines:
        """The document wrapped to the current width."""
        width = max(8, self.scrollable_content_region.width - GUTTER)
        if self._wrapped is None or self._wrapped.width != width:
            self._wrapped = wrap_document(self.document, width)
            self._strips.clear()
            self.virtual_size = Size(width + GUTTER, len(self._wrapped.lines))
        return self._wrapped

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap to the new width, keeping in view what was last shown."""
        self._wrapped = None
        _ = self.wrapped
        passage, center = self._shown
        self.show_passage(passage, center=center)

    def move_cursor(self, passage: int, *, center: bool = False) -> None:
        """Put the cursor on a passage, scroll to it and tell the screen."""
        if not self.document.passages:
            return
        passage = max(0, min(passage, len(self.document.passages) - 1))
        self.cursor = passage
        self.show_cursor(center=center)
        self.post_message(self.CursorMoved(self, passage))

    def show_cursor(self, *, center: bool = False) -> None:
        """Scroll so the cursor passage is visible."""
        self.show_passage(self.cursor, center=center)

    def show_passage(self, passage: int, *, center: bool = True) -> None:
        """Scroll so a passage is visible, centred if asked."""
        if not self.document.passages:
            return
        self._shown = (passage, center)
        if self.size.height == 0:  # not laid out yet: on_resize will show it
            return
        top = self.wrapped.passage_lines[passage]
        if center:
            self.scroll_to(y=max(0, top - self.size.height // 3), animate=False)
        elif top < self.scroll_offset.y or top >= self.scroll_offset.y + self.size.height - 1:
            # Two lines of what comes before, where the pane has room for them.
            before = min(2, (self.size.height - 1) // 3)
            self.scroll_to(y=max(0, top - before), animate=False)

    def on_screen(self, passage: int) -> bool:
        """Whether a passage's first line is in the pane's visible lines."""
        if not 0 <= passage < len(self.document.passages) or self.size.height == 0:
            return False
        top = self.wrapped.passage_lines[passage]
        return self.scroll_offset.y <= top < self.scroll_offset.y + self.size.height

    def render_line(self, y: int) -> Strip:
        """Draw one screen line: gutter marks, then the text with highlight styles."""
        layout = self.wrapped
        index = y + self.scroll_offset.y
        base = self.rich_style
        if index >= len(layout.lines):
            return Strip.blank(self.size.width, base)
        strip = self._strips.get(index)
        if strip is None:
            line = layout.lines[index]
            segments = [
                Segment(self._gutter(index, line.start, line.end), base + self._style("gutter"))
            ]
            segments.extend(self._text_segments(line.start, line.end, base))
            strip = Strip(segments)
            self._strips.set(index, strip)
        return strip.crop_extend(self.scroll_offset.x, self.scroll_offset.x + self.size.width, base)

    def passage_at_line(self, index: int) -> int | None:
        """The passage shown on a screen line, if any."""
        layout = self.wrapped
        if not 0 <= index < len(layout.lines):
            return None
        line = layout.lines[index]
        found = self.document.passage_at(line.start) or self.document.passage_at(line.end - 1)
        return found.index if found else None

    def on_click(self, event: events.Click) -> None:
        """Clicking a sentence puts the cursor on it."""
        passage = self.passage_at_line(event.y + self.scroll_offset.y)
        if passage is not None:
            self.focus()
            self.move_cursor(passage)

    def _style(self, kind: str) -> Style:
        return self.get_component_rich_style(f"document-view--{kind}", partial=True)

    def _passage_style(self, index: int) -> Style:
        style = Style()
        strength = self.strengths.get(index)
        if strength:
            style += self._style(strength)
        tag = self.tags.get(index)
        if tag:
            style += self._style(tag)
        if index in self.counterparts:
            style += self._style("counterpart")
        if index == self.cursor and self.has_focus:
            style += self._style("cursor")
        elif index == self.cursor:
            style += Style(underline=True, bold=True)
        return style

    def _gutter(self, index: int, start: int, end: int) -> str:
        if start == end:  # the blank line between blocks
            return " " * GUTTER
        shown = self._marked_passage(index, start, end)
        if shown is None:
            return " " * GUTTER
        tag = TAG_MARKS.get(self.tags.get(shown, ""), " ")
        match = MATCH_MARKS.get(self.strengths.get(shown, ""), " ")
        starts_here = self.wrapped.passage_lines[shown] == index
        return f"{tag}{'▶' if shown == self.cursor and starts_here else match} "

    def _marked_passage(self, index: int, start: int, end: int) -> int | None:
        """The claim a line's gutter marks: the cursor's where it starts on the line, else the
        first claim that starts on the line, else the one that goes on from the line above.
        (Marking the line's first claim put a tag beside a claim that begins after it, and a
        claim that begins mid-line never got the cursor's mark.)"""
        passages = self.document.passages
        if passages and self.wrapped.passage_lines[self.cursor] == index:
            return self.cursor
        first = self._first_passage(start, end)
        if first is None:
            return None
        following = first + 1
        continues = passages[first].start < start
        if continues and following < len(passages) and passages[following].start < end:
            return following
        return first

    def _first_passage(self, start: int, end: int) -> int | None:
        passages = self.document.passages
        position = max(0, bisect_left(self._passage_starts, start) - 1)
        while position < len(passages) and passages[position].start < max(end, start + 1):
            if passages[position].end > start:
                return position
            position += 1
        return None

    def _text_segments(self, start: int, end: int, base: Style) -> list[Segment]:
        text = self.document.text
        passages = self.document.passages
        segments: list[Segment] = []
        position = start
        index = max(0, bisect_left(self._passage_starts, start) - 1)
        while position < end:
            while index < len(passages) and passages[index].end <= position:
                index += 1
            # sanitize: a loaded text keeps its bidirectional overrides (its id must not
            # change); on screen they are shown, not obeyed.
            if index >= len(passages) or passages[index].start >= end:
                segments.append(Segment(sanitize(text[position:end].replace("\t", " ")), base))
                break
            passage = passages[index]
            if passage.start > position:
                segments.append(Segment(sanitize(text[position : passage.start]), base))
                position = passage.start
            stop = min(end, passage.end)
            shown = sanitize(text[position:stop])
            segments.append(Segment(shown, base + self._passage_style(index)))
            position = stop
        return segments
