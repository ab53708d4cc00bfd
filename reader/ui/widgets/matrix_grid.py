"""A virtual grid for the claim x source matrix: only the visible lines are ever drawn.

A row per claim can mean 40,000 rows for a book-length document; a DataTable measured every cell
on the UI thread (10 s for a 5 MB document). Here each line is composed when it is shown, the
header and the claim columns stay put, and the document columns scroll sideways by column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.core.documents.document import Document
from reader.core.documents.text_policy import sanitize_line
from reader.core.provenance.claim_matrix import ABSENT, Cell, ClaimMatrix, Row
from reader.ui.widgets.document_view import MATCH_MARKS, TAG_MARKS

NUMBER_WIDTH = 6
TAG_WIDTH = 4
CLAIM_WIDTH = 44  # at most; narrower screens keep three document columns in view
MIN_CLAIM_WIDTH = 16
FOUND_WIDTH = 7
MIN_COLUMN_WIDTH = 10
MAX_COLUMN_WIDTH = 22


def fit(text: str, width: int) -> str:
    """Pad or cut text to exactly ``width`` cells, with an ellipsis when cut."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


class MatrixGrid(ScrollView, can_focus=True):
    """Claims down, other documents across; the cursor is a cell (column -1: the claim)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "matrix-grid--header",
        "matrix-grid--strong",
        "matrix-grid--partial",
        "matrix-grid--absent",
        "matrix-grid--conflict",
        "matrix-grid--cursor",
        "matrix-grid--cursor-row",
    }

    DEFAULT_CSS = """
    MatrixGrid { height: 1fr; background: $surface; color: $foreground; overflow-x: hidden; }
    MatrixGrid > .matrix-grid--header { text-style: bold; color: $text-muted; }
    MatrixGrid > .matrix-grid--strong { color: $text-success; text-style: bold; }
    MatrixGrid > .matrix-grid--partial { color: $text-warning; }
    MatrixGrid > .matrix-grid--absent { color: $text-disabled; }
    MatrixGrid > .matrix-grid--conflict { color: $text-error; text-style: bold; }
    MatrixGrid > .matrix-grid--cursor { background: $accent 45%; text-style: bold; }
    MatrixGrid > .matrix-grid--cursor-row { background: $boost; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "step(1, 0)", "Down", show=False),
        Binding("up,k", "step(-1, 0)", "Up", show=False),
        Binding("right,l", "step(0, 1)", "Right", show=False),
        Binding("left,h", "step(0, -1)", "Left", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "step(-1000000000, 0)", "First claim", show=False),
        Binding("end", "step(1000000000, 0)", "Last claim", show=False),
        Binding("enter", "select", "Back to the panes", show=False),
    ]

    @dataclass
    class Moved(Message):
        """The cursor moved to a claim and a column (-1: the claim itself, no document)."""

        row: int
        column: int

    @dataclass
    class Selected(Message):
        """Enter on a cell."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.matrix: ClaimMatrix | None = None
        self.documents: list[Document] = []
        self.tags: dict[int, str] = {}
        self.row = 0
        self.column = -1
        self.first_column = 0  # the first document column in view

    def show(self, documents: list[Document], matrix: ClaimMatrix) -> None:
        """Show a matrix from its first line (with the tags last set)."""
        self.documents, self.matrix = documents, matrix
        self.row, self.column, self.first_column = 0, -1, 0
        self.virtual_size = Size(self.size.width, len(matrix.rows) + 1)
        self.scroll_to(y=0, animate=False)
        self.refresh()

    def set_tags(self, tags: dict[int, str]) -> None:
        """Show changed tags."""
        self.tags = dict(tags)
        self.refresh()

    @property
    def cell(self) -> Cell | None:
        """The cell under the cursor (None on the claim columns)."""
        if self.matrix is None or self.column < 0 or not self.matrix.rows:
            return None
        return self.matrix.rows[self.row].cells[self.column]

    def move_to(self, row: int, column: int) -> None:
        """Put the cursor on a cell, scroll it into view and tell the panel."""
        if self.matrix is None or not self.matrix.rows:
            return
        self.row = max(0, min(row, len(self.matrix.rows) - 1))
        self.column = max(-1, min(column, len(self.matrix.others) - 1))
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Moved(self.row, self.column))

    def action_step(self, rows: int, columns: int) -> None:
        """Move the cursor by rows and columns."""
        self.move_to(self.row + rows, self.column + columns)

    def action_page(self, pages: int) -> None:
        """Move the cursor a screenful."""
        self.move_to(self.row + pages * max(1, self.size.height - 2), self.column)

    def action_select(self) -> None:
        """Enter: the user is done here."""
        self.post_message(self.Selected())

    def on_resize(self, event: events.Resize) -> None:
        """Keep the virtual size and the cursor in view."""
        if self.matrix is not None:
            self.virtual_size = Size(event.size.width, len(self.matrix.rows) + 1)
            self._scroll_to_cursor()

    def on_click(self, event: events.Click) -> None:
        """Clicking a cell puts the cursor on it."""
        if self.matrix is None or event.y == 0:
            return
        row = int(self.scroll_offset.y) + event.y - 1
        column = -1
        fixed = self._fixed_width()
        if event.x >= fixed:
            column = self.first_column + (event.x - fixed) // self._column_width()
        if row < len(self.matrix.rows) and column < len(self.matrix.others):
            self.focus()
            self.move_to(row, column)

    def _claim_width(self) -> int:
        room = self.size.width - NUMBER_WIDTH - TAG_WIDTH - FOUND_WIDTH - 3 * MIN_COLUMN_WIDTH
        return max(MIN_CLAIM_WIDTH, min(CLAIM_WIDTH, room))

    def _fixed_width(self) -> int:
        return NUMBER_WIDTH + TAG_WIDTH + self._claim_width() + FOUND_WIDTH

    def _column_width(self) -> int:
        """Wide enough for the documents' names when they fit, else the minimum and scroll."""
        count = len(self.matrix.others) if self.matrix else 1
        room = (self.size.width - self._fixed_width()) // max(1, count)
        return max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, room))

    def _visible_columns(self) -> int:
        return max(1, (self.size.width - self._fixed_width()) // self._column_width())

    def _scroll_to_cursor(self) -> None:
        if self.column >= 0:
            visible = self._visible_columns()
            if self.column < self.first_column:
                self.first_column = self.column
            elif self.column >= self.first_column + visible:
                self.first_column = self.column - visible + 1
        rows = max(1, self.size.height - 1)  # below the header
        top = int(self.scroll_offset.y)
        if self.row < top:
            self.scroll_to(y=self.row, animate=False)
        elif self.row >= top + rows:
            self.scroll_to(y=self.row - rows + 1, animate=False)

    def _style(self, kind: str) -> Style:
        return self.get_component_rich_style(f"matrix-grid--{kind}", partial=True)

    def render_line(self, y: int) -> Strip:
        """The header on the first line, then one claim per line."""
        base = self.rich_style
        width = self.size.width
        if self.matrix is None:
            return Strip.blank(width, base)
        if y == 0:
            segments = self._header(base)
        else:
            index = int(self.scroll_offset.y) + y - 1
            if index >= len(self.matrix.rows):
                return Strip.blank(width, base)
            segments = self._row(self.matrix.rows[index], index == self.row, base)
        return Strip(segments).crop_extend(0, width, base)

    def _header(self, base: Style) -> list[Segment]:
        assert self.matrix is not None
        header = base + self._style("header")
        text = fit(" #", NUMBER_WIDTH) + fit("tag", TAG_WIDTH)
        text += fit("claim", self._claim_width())
        text += fit("found", FOUND_WIDTH)
        others = self.matrix.others
        width = self._column_width()
        for column in range(self.first_column, len(others)):
            label = f"{column + 1} {self.documents[others[column]].short_label}"
            text += fit(label, width - 1) + " "
        return [Segment(text, header)]

    def _row(self, row: Row, current: bool, base: Style) -> list[Segment]:
        assert self.matrix is not None
        style = base + self._style("cursor-row") if current else base
        passage = self.documents[self.matrix.base].passages[row.passage]
        claim = sanitize_line(" ".join(passage.text.split()))
        found = f"{row.found}/{len(self.matrix.others)}" + (" ⚠" if row.conflicted else "")
        fixed = (
            fit(f" {row.passage + 1}", NUMBER_WIDTH)
            + fit(TAG_MARKS.get(self.tags.get(row.passage, ""), ""), TAG_WIDTH)
            + fit(claim, self._claim_width() - 1)
            + " "
        )
        claim_style = style + self._style("cursor") if current and self.column < 0 else style
        segments = [Segment(fixed, claim_style), Segment(fit(found, FOUND_WIDTH), style)]
        width = self._column_width()
        for column in range(self.first_column, len(row.cells)):
            cursor = current and column == self.column
            segments.extend(self._cell(row.cells[column], style, cursor, width))
        return segments

    def _cell(self, cell: Cell, style: Style, cursor: bool, width: int) -> list[Segment]:
        if cursor:
            style += self._style("cursor")
        if cell.strength == ABSENT:
            return [Segment(fit("·", width), style + self._style("absent"))]
        mark = f"{MATCH_MARKS[cell.strength]}{cell.score:.0f}" + ("¹" if cell.same_source else "")
        segments = [Segment(mark, style + self._style(cell.strength))]
        used = cell_len(mark)
        if cell.conflicts:
            segments.append(Segment("⚠", style + self._style("conflict")))
            used += 1
        segments.append(Segment(" " * (width - used), style))
        return segments
