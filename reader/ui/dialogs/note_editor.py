"""A modal editor for a claim's note: ctrl+s saves, escape cancels."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea


class NoteEditor(ModalScreen[str | None]):
    """Edit a note; dismisses with the new text, or None when cancelled."""

    DEFAULT_CSS = """
    NoteEditor {
        align: center middle;
    }
    NoteEditor > Vertical {
        width: 80%;
        height: 60%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    NoteEditor TextArea {
        height: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", id="note.save", tooltip="Save the note"),
        Binding("escape", "cancel", "Cancel", id="note.cancel", tooltip="Close without saving"),
    ]

    def __init__(self, claim: str, note: str) -> None:
        super().__init__()
        self.claim = claim
        self.note = note

    def compose(self) -> ComposeResult:
        """A label with the claim, and the text area."""
        with Vertical():
            yield Label(self.claim, markup=False)
            yield TextArea(self.note, id="note-text", soft_wrap=True)

    def on_mount(self) -> None:
        """Start typing at once."""
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        """Close with the edited note."""
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        """Close without changing the note."""
        self.dismiss(None)
