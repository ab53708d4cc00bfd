"""Choosing which documents the two panes show."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Select

from reader.core.documents.document import Document


class PaneChooser(ModalScreen[tuple[int, int] | None]):
    """Pick the left and right documents; ctrl+s applies, escape cancels."""

    DEFAULT_CSS = """
    PaneChooser { align: center middle; }
    PaneChooser > Vertical {
        width: 80; height: auto; border: round $accent; background: $surface; padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "apply", "Apply", id="panes.apply", tooltip="Show these documents"),
        Binding("escape", "cancel", "Cancel", id="panes.cancel", tooltip="Keep the panes"),
    ]

    def __init__(self, documents: list[Document], left: int, right: int) -> None:
        super().__init__()
        self.documents = documents
        self.left, self.right = left, right

    def compose(self) -> ComposeResult:
        """A list for each pane."""
        # Titles come from documents: Text, so a "[b]" in one is shown, not parsed.
        options = [(Text(f"{d.label} — {d.title}"[:70]), i) for i, d in enumerate(self.documents)]
        with Vertical():
            yield Label("Left pane")
            yield Select(options, value=self.left, allow_blank=False, id="left")
            yield Label("Right pane")
            yield Select(options, value=self.right, allow_blank=False, id="right")
            yield Label("ctrl+s: apply · escape: cancel")

    def action_apply(self) -> None:
        """Close with the chosen documents."""
        left = self.query_one("#left", Select).value
        right = self.query_one("#right", Select).value
        assert isinstance(left, int)
        assert isinstance(right, int)
        if left == right:
            self.notify("Choose two different documents.", severity="warning", markup=False)
            return
        self.dismiss((left, right))

    def action_cancel(self) -> None:
        """Close without changes."""
        self.dismiss(None)
