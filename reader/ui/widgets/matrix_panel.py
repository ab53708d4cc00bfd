"""The claim x source matrix view: each claim of the focused document against the others."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from reader.core.documents.document import Document
from reader.core.matching.counterparts import CounterpartIndex
from reader.core.matching.matcher import MatchCancelled
from reader.core.provenance.claim_matrix import ABSENT, Cell, ClaimMatrix, Row, claim_matrix
from reader.ui.screens.commands import MATRIX_BINDINGS
from reader.ui.widgets.matrix_grid import MatrixGrid

LEGEND = (
    "{name}'s claims × other documents · ≡ strong ~ partial · absent ⚠ detail differs "
    "¹ same upstream source · enter/m/esc: back"
)


class MatrixPanel(Vertical):
    """A legend, the grid, and a line explaining the cell under the cursor."""

    DEFAULT_CSS = """
    MatrixPanel { display: none; height: 45%; border: round $accent; }
    MatrixPanel.-open { display: block; }
    MatrixPanel > .legend { height: auto; color: $text-muted; }
    MatrixPanel > .info { height: auto; max-height: 3; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="matrix.close", tooltip="Back to the panes"),
        *MATRIX_BINDINGS,
    ]

    @dataclass
    class Moved(Message):
        """The cursor is on a claim and, unless ``other`` is None, one other document."""

        passage: int
        other: int | None

    @dataclass
    class Closed(Message):
        """The user is done with the matrix."""

    def __init__(
        self, on_command: Callable[[str, int | None], None], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        # Runs a workstation command for the claim of the row it was pressed on, at once: a
        # message would reach the screen after the keys typed behind it ("z x": x read the row
        # before the undo moved the cursor).
        self.on_command = on_command
        self.matrix: ClaimMatrix | None = None
        self.documents: list[Document] = []

    def compose(self) -> ComposeResult:
        """Legend, grid, explanation; none of them reads document text as markup."""
        yield Static("building the matrix…", classes="legend", markup=False)
        yield MatrixGrid()
        yield Static(classes="info", markup=False)

    @property
    def grid(self) -> MatrixGrid:
        """The grid."""
        return self.query_one(MatrixGrid)

    @property
    def is_open(self) -> bool:
        """Whether the matrix is shown."""
        return self.has_class("-open")

    def open(self, documents: list[Document], index: CounterpartIndex, base: int) -> None:
        """Show the matrix of one document's claims; the cells are built in a worker.

        Until they are, the legend says so and the panes keep the keys; then ``Shown`` asks the
        screen where to put the cursor.
        """
        self.documents, self.matrix = documents, None
        self.add_class("-open")
        self.query_one(".legend", Static).update("building the matrix…")
        self._build(index, base)

    def close(self) -> None:
        """Hide the matrix and stop building it."""
        self.workers.cancel_group(self, "matrix")
        self.remove_class("-open")

    @work(thread=True, exclusive=True, group="matrix")
    def _build(self, index: CounterpartIndex, base: int) -> None:
        worker = get_current_worker()
        try:
            matrix = claim_matrix(
                self.documents, index, base, cancelled=lambda: worker.is_cancelled
            )
        except MatchCancelled:
            return
        self.post_message(self.Built(matrix))

    @dataclass
    class Built(Message):
        """The cells are ready."""

        matrix: ClaimMatrix

    @dataclass
    class Shown(Message):
        """The grid is filled: the screen puts the cursor where its panes are."""

    def on_matrix_panel_built(self, message: Built) -> None:
        """Fill the grid."""
        message.stop()
        if not self.is_open:
            return
        matrix = self.matrix = message.matrix
        name = self.documents[matrix.base].short_label
        self.query_one(".legend", Static).update(LEGEND.format(name=name))
        self.grid.show(self.documents, matrix)
        self.post_message(self.Shown())

    def place(self, passage: int, other: int | None) -> None:
        """Put the cursor on a claim and a document's column, and focus the grid."""
        if self.matrix is None:
            return
        column = self.matrix.others.index(other) if other in self.matrix.others else -1
        self.grid.move_to(passage, column)
        self.screen.set_focus(self.grid)  # now: the next key typed is the grid's

    def set_tags(self, tags: dict[int, str]) -> None:
        """Show these tags (claim -> status) in the tag column."""
        self.grid.set_tags(tags)

    @on(MatrixGrid.Moved)
    def moved(self, event: MatrixGrid.Moved) -> None:
        """Say what the cell means and tell the workstation to move the panes."""
        event.stop()
        if self.matrix is None:
            return
        row = self.matrix.rows[event.row]
        other = self.matrix.others[event.column] if event.column >= 0 else None
        cell = row.cells[event.column] if event.column >= 0 else None
        self.query_one(".info", Static).update(self._explain(row, other, cell))
        self.post_message(self.Moved(row.passage, other))

    @on(MatrixGrid.Selected)
    def selected(self, event: MatrixGrid.Selected) -> None:
        """Enter: back to the panes, where the cursor already is."""
        event.stop()
        self.post_message(self.Closed())

    def action_command(self, command: str) -> None:
        """Hand a command to the workstation with the claim under the grid's cursor now."""
        passage = self.matrix.rows[self.grid.row].passage if self.matrix else None
        self.on_command(command, passage)

    def action_close(self) -> None:
        """Back to the panes."""
        self.post_message(self.Closed())

    def _explain(self, row: Row, other: int | None, cell: Cell | None) -> str:
        assert self.matrix is not None
        summary = (
            f"claim {row.passage + 1}: told by {row.found} of {len(self.matrix.others)} other "
            f"documents, {row.independent} of them independently, {row.conflicted} with a "
            "differing detail"
        )
        if other is None or cell is None:
            return summary
        document = self.documents[other]
        number = self.matrix.others.index(other) + 1
        title = document.label if len(document.label) <= 60 else document.label[:59] + "…"
        name = f"{number} {document.short_label}"
        if title != document.short_label:
            name += f" ({title})"
        if cell.strength == ABSENT:
            return f"{summary}\n{name}: does not tell this claim"
        more = f" (best of {cell.count}, by score)" if cell.count > 1 else ""
        details = [f"{cell.strength} {cell.score:.0f}{more}"]
        if cell.provenance is not None:
            details.append(cell.provenance.independence())
            details += ["differs: " + c.describe() for c in cell.provenance.conflicts]
        return f"{summary}\n{name}: " + " · ".join(details)
