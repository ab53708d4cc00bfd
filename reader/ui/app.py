"""The reader workstation app."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

from reader.core.model import Document
from reader.store.notes import NotesStore


class ReaderApp(App[None]):
    """The reading workstation: for now, a list of the loaded documents."""

    TITLE = "reader"
    BINDINGS: ClassVar = [("q", "quit", "Quit")]

    def __init__(self, documents: Sequence[Document], store: NotesStore | None = None) -> None:
        super().__init__()
        self.documents = list(documents)
        self.store = store
        if store is not None:
            mode = " (read-only)" if store.read_only else ""
            self.sub_title = f"notes: {store.path}{mode}"

    def compose(self) -> ComposeResult:
        """Lay out the document list."""
        yield Header()
        yield DataTable[Text](id="documents", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the document list and show any notice about the notes file."""
        if self.store is not None and self.store.notice:
            self.notify(self.store.notice, severity="warning", timeout=10, markup=False)
        table = self.query_one(DataTable)
        table.add_columns("Title", "Outlet", "Passages", "File", "Notes")
        for document in self.documents:
            # Document text is data, never markup: every cell is a plain Text.
            table.add_row(
                Text(document.title),
                Text(document.metadata.get("outlet", "")),
                Text(str(len(document.passages))),
                Text(str(document.path)),
                Text("; ".join(document.warnings)),
            )
