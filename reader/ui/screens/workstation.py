"""The reading workstation: the reading screen, with the notes on its claims: tags, notes,
undo, export, orphans, and the claim x source matrix to tag from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import Input

from reader.core.documents.document import Document
from reader.core.export.formats import export
from reader.store.annotation import Annotation, Evidence, Status
from reader.store.exporting import gather_export
from reader.store.note_writer import NoteWriter, WriteOutcome
from reader.store.notes import NotesStore
from reader.store.placed_notes import Key
from reader.store.storage import write_output
from reader.store.store_error import StoreError
from reader.ui.dialogs.export_dialog import ExportChoice, ExportDialog
from reader.ui.dialogs.note_editor import NoteEditor
from reader.ui.dialogs.orphans import OrphansPanel
from reader.ui.screens.readiness import when_ready
from reader.ui.screens.reading import Reading
from reader.ui.screens.workstation_bindings import WORKSTATION_BINDINGS
from reader.ui.widgets.claim_matrix import MatrixPanel
from reader.ui.widgets.document_view import DocumentView
from reader.ui.widgets.search_bar import SearchBar

_WRITE_ACTIONS = {"tag", "untag", "note", "undo", "next_version"}
RETRY_SECONDS = 3
_STORE_ACTIONS = {"export"}
# What the keys do while the matrix has focus; the rest fall through to the grid.
_MATRIX_ACTIONS = _WRITE_ACTIONS | _STORE_ACTIONS | {"matrix"}


class Workstation(Reading):
    """Read two reports side by side, walk their claims and tag them."""

    BINDINGS: ClassVar[list[BindingType]] = WORKSTATION_BINDINGS

    DEFAULT_CSS = """
    Workstation.-matrix #detail { display: none; }
    Workstation.-short #matrix { height: 65%; }
    """

    @dataclass
    class Saved(Message):
        """A write finished: on disk, or failed and waiting to be written again."""

        outcome: WriteOutcome

    @dataclass
    class Exported(Message):
        """An export finished: the path written, or why it failed."""

        path: Path | None
        error: str | None

    def __init__(self, documents: list[Document], store: NotesStore | None) -> None:
        super().__init__(documents, store)
        self.writer = NoteWriter(documents, store, self.book, self._post_saved)
        self.last_export: Path | None = None
        # The pane whose document the matrix lists, while the matrix is open.
        self._matrix_view: DocumentView | None = None
        # Claims tagged before matching finished: their evidence is attached when it does.
        self._awaiting_evidence: set[Key] = set()

    def on_mount(self) -> None:
        """Attach the saved tags before the reading screen paints its panes."""
        orphans = self.writer.load()
        review = len(self.book.needs_review())
        if orphans or review:
            found = [f"{orphans} no longer found in the text"] if orphans else []
            found += [f"{review} on text that changed, to confirm"] if review else []
            self.notify(f"notes: {', '.join(found)}; O lists them", timeout=10)
        self.set_interval(RETRY_SECONDS, self._retry_failed)

    def fallback_view(self) -> DocumentView:
        """Without a focused pane, keys act on the pane the open matrix lists."""
        return self._matrix_view or super().fallback_view()

    def show_documents(self, left: int, right: int) -> None:
        """Close the matrix, then show the two documents."""
        self._close_matrix()
        super().show_documents(left, right)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Tag keys apply only when notes can be saved; typing in search is not a command."""
        if not self.ready:
            return True  # the action waits for the panes (readiness.py)
        if isinstance(self.focused, Input) and action != "close_search":
            return False
        in_matrix = self._matrix_view is not None and self.focused is not None
        if in_matrix and self.focused not in self.views and action not in _MATRIX_ACTIONS:
            return False
        if action == "matrix":
            if len(self.documents) < 3:
                return False
            return True if not self.matching else None
        if action == "close_search":
            return self.query_one(SearchBar).is_open
        if action == "search_step":
            return bool(self.query_one(SearchBar).hits)
        if action == "orphans":
            return bool(self.book.orphans or self.book.needs_review())
        if action == "next_version":
            view = self.focused_view
            return len(self.book.versions((self.doc_index(view), view.cursor))) > 1
        if action == "choose_panes":
            return len(self.documents) > 2
        if action in _WRITE_ACTIONS and not self.writer.writable:
            return None
        if action in _STORE_ACTIONS and self.store is None:
            return None
        return True

    # Notes.

    @when_ready
    def action_export(self) -> None:
        """Choose a format and a path, then export in a worker."""
        if self.store is None:
            return
        folder = self.store.path.parent

        def chosen(choice: ExportChoice | None) -> None:
            if choice is not None:
                self.run_export(choice)

        self.app.push_screen(ExportDialog(folder), chosen)

    @work(thread=True, exclusive=True, group="export")
    def run_export(self, choice: ExportChoice) -> None:
        """Wait for pending writes, then write the export atomically, off the UI thread."""
        assert self.store is not None
        try:
            self.store.flush(30)
            text = export(gather_export(self.store), choice.format)
            written = write_output(choice.path, text.encode("utf-8"))
        except (OSError, StoreError) as error:
            self.post_message(self.Exported(None, str(error)))
            return
        self.post_message(self.Exported(written, None))

    def on_workstation_exported(self, message: Exported) -> None:
        """Say where the export went, or why it did not."""
        if message.error is not None:
            self.notify(f"export failed: {message.error}", severity="error")
        else:
            self.last_export = message.path
            unsaved = self.writer.failing
            missing = f" ({unsaved} change(s) not yet saved are not in it)" if unsaved else ""
            self.notify(f"exported to {message.path}{missing}", timeout=10)

    @when_ready
    def action_tag(self, status: Status) -> None:
        """Tag the claim under the cursor; its counterparts become the tag's evidence."""
        key = self._cursor_key()
        if self.writer.tag(key, status, self._evidence(key)):
            if self.matching:
                self._awaiting_evidence.add(key)
            self._written(key)

    @when_ready
    def action_next_version(self) -> None:
        """Bring the claim's next annotation forward (a claim tagged twice, or imported)."""
        key = self._cursor_key()
        if self.book.cycle(key):
            self._written(key)

    def after_matching(self) -> None:
        """Claims tagged while matching ran get their counterparts as evidence now."""
        for key in sorted(self._awaiting_evidence):
            self.writer.set_evidence(key, self._evidence(key))
        self._awaiting_evidence.clear()
        self._update_status()

    @when_ready
    def action_untag(self) -> None:
        """Clear the claim's tag (a note on it stays)."""
        key = self._cursor_key()
        if self.writer.untag(key):
            self._written(key)

    @when_ready
    def action_note(self) -> None:
        """Edit the claim's note in a modal editor."""
        key = self._cursor_key()
        before = self.book.active(key)

        def done(text: str | None) -> None:
            if text is not None and self.writer.set_note(key, text, self._evidence(key)):
                self._written(key)

        claim = self.documents[key[0]].passages[key[1]].text
        self.app.push_screen(NoteEditor(claim, before.note if before else ""), done)

    @when_ready
    def action_undo(self) -> None:
        """Undo the last tag or note change."""
        key = self.writer.undo()
        if key is None:
            self.notify("nothing to undo", timeout=2)
            return
        self._written(key)

    # The claim x source matrix.

    @when_ready
    def action_matrix(self) -> None:
        """Open the matrix of the focused document's claims, or close it."""
        if self._matrix_view is not None:
            self._close_matrix()
            return
        view = self._matrix_view = self.focused_view
        base = self.doc_index(view)
        self.add_class("-matrix")
        panel = self.query_one(MatrixPanel)
        panel.set_tags(self.book.tags(base))
        panel.open(self.documents, self.claims, base)

    @on(MatrixPanel.Shown)
    def matrix_shown(self) -> None:
        """Start the matrix on the focused pane's claim and the other pane's document."""
        view = self._matrix_view
        if view is None:
            return
        other = self.other_view(view)
        shown = self.doc_index(other) if other is not None else None
        self.query_one(MatrixPanel).place(view.cursor, shown)

    @on(MatrixPanel.Moved)
    def matrix_moved(self, message: MatrixPanel.Moved) -> None:
        """Moving in the matrix moves the panes: the claim, and the document of the column."""
        view = self._matrix_view
        if view is None:
            return
        other = self.other_view(view)
        column = message.other
        if other is not None and column is not None and column != self.doc_index(other):
            shown = list(self.shown)
            shown[self.views.index(other)] = column
            self._put_documents(shown)
        # The pane tells the screen where its cursor went, and the screen follows it in the
        # other pane (cursor_moved), as for a key pressed in the pane.
        view.move_cursor(message.passage, center=True)

    @on(MatrixPanel.Closed)
    def matrix_closed(self) -> None:
        """Back to the panes."""
        self._close_matrix()

    def _close_matrix(self) -> None:
        view = self._matrix_view
        if view is None:
            return
        self._matrix_view = None
        self.remove_class("-matrix")
        self.query_one(MatrixPanel).close()
        view.focus()
        self._remember_panes()

    @when_ready
    def action_orphans(self) -> None:
        """List the orphaned notes."""
        self.app.push_screen(OrphansPanel(self.book.orphans, self._to_review()))

    def _to_review(self) -> list[tuple[Annotation, str]]:
        return [(a, self.book.review_reason(a) or "") for a in self.book.needs_review()]

    # Writing through the store.

    @property
    def unsaved(self) -> int:
        """Changes not yet on disk."""
        return len(self.writer.unsaved)

    @property
    def failing(self) -> int:
        """Changes whose write failed, waiting to be written again."""
        return self.writer.failing

    @property
    def last_error(self) -> str | None:
        """Why the last write failed, if it did."""
        return self.writer.last_error

    def _cursor_key(self) -> Key:
        view = self.focused_view
        return self.doc_index(view), view.cursor

    def _evidence(self, key: Key) -> tuple[Evidence, ...]:
        evidence = []
        for counterpart in self.claims.counterparts(*key):
            target = self.writer.target((counterpart.doc, counterpart.passage))
            evidence.append(Evidence(target, counterpart.score, counterpart.strength))
        return tuple(evidence)

    def _written(self, key: Key) -> None:
        self._refresh_marks()
        self._show_detail(*key)
        self._update_status()

    def _post_saved(self, outcome: WriteOutcome) -> None:
        self.post_message(self.Saved(outcome))  # from the store's thread

    def on_workstation_saved(self, message: Saved) -> None:
        """Count the write as done, or tell the user it failed and will be retried."""
        was_failing = self.writer.failing
        self.writer.written(message.outcome)
        if message.outcome.error is not None and not was_failing:
            self.notify(
                f"not saved, retrying every {RETRY_SECONDS} s: {message.outcome.error}",
                severity="error",
                markup=False,
                timeout=15,
            )
        self._update_status()

    def _retry_failed(self) -> None:
        if self.writer.failing:
            self.writer.retry()
            self._update_status()

    def _refresh_marks(self) -> None:
        super()._refresh_marks()
        if self._matrix_view is not None:
            self.query_one(MatrixPanel).set_tags(self.book.tags(self.doc_index(self._matrix_view)))
