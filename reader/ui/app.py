"""The reader workstation app."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from reader.core.model import Document
from reader.store.notes import NotesStore
from reader.ui.screens.workstation import Workstation


class ReaderApp(App[None]):
    """The reading workstation for cross-source verification."""

    TITLE = "reader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit (notes are already saved)"),
        Binding("question_mark", "help", "Keys", id="app.help", tooltip="Show every key"),
    ]

    def __init__(self, documents: Sequence[Document], store: NotesStore | None = None) -> None:
        super().__init__()
        self.documents = list(documents)
        self.store = store
        if store is not None:
            mode = " (read-only)" if store.read_only else ""
            self.sub_title = f"notes: {store.path}{mode}"

    def on_mount(self) -> None:
        """Open the workstation and show any notice about the notes file."""
        self.push_screen(Workstation(self.documents, self.store))
        if self.store is not None and self.store.notice:
            self.notify(self.store.notice, severity="warning", timeout=10, markup=False)

    def action_help(self) -> None:
        """Toggle the panel that lists every key of the focused widget and screen."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()
