"""What the workstation's note keys do: tag, clear, note, undo, another version of a claim's
note, the notes to review, export, and the claim x source matrix to tag from.

``NoteActions`` belongs to one workstation screen: the screen's key actions and message
handlers call it, and it answers through the screen's widgets, dialogs and workers.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from reader.store.annotation import Annotation, Evidence, Status
from reader.store.note_writer import WriteOutcome
from reader.store.placed_notes import Key
from reader.ui.dialogs.export_dialog import ExportChoice, ExportDialog
from reader.ui.dialogs.note_editor import NoteEditor
from reader.ui.dialogs.notes_to_review import NotesToReview
from reader.ui.screens.jobs import ExportOutcome, export_job
from reader.ui.widgets.document_view import DocumentView
from reader.ui.widgets.matrix_panel import MatrixPanel

if TYPE_CHECKING:
    from reader.ui.screens.workstation import Workstation

RETRY_SECONDS = 3


class NoteActions:
    """The note keys of one workstation, and the matrix they can be pressed in."""

    def __init__(self, screen: Workstation) -> None:
        self.screen = screen
        self.matrix_view: DocumentView | None = None  # the pane the open matrix lists
        self.awaiting_evidence: set[Key] = set()  # tagged before matching finished
        # A failure is told once until everything is saved again, and so is the warning that
        # q would lose changes (a second q then quits).
        self.failure_told = False
        self.quit_warned = False

    def load(self) -> None:
        """Place the saved notes on the open documents; say if some need the user."""
        orphans = self.screen.writer.load()
        review = len(self.screen.book.needs_review())
        if orphans or review:
            found = [f"{orphans} no longer found in the text"] if orphans else []
            found += [f"{review} on text that changed, to confirm"] if review else []
            self.screen.notify(f"notes: {', '.join(found)}; O lists them", timeout=10)

    # Tags and notes.

    def tag(self, status: Status) -> None:
        """Tag the claim under the cursor; its counterparts become the tag's evidence."""
        screen = self.screen
        key = screen.cursor_key()
        if screen.writer.tag(key, status, self.evidence(key)):
            if screen.matching:
                self.awaiting_evidence.add(key)
            screen.written(key)

    def untag(self) -> None:
        """Clear the claim's tag (a note on it stays)."""
        key = self.screen.cursor_key()
        if self.screen.writer.untag(key):
            self.screen.written(key)

    def note(self) -> None:
        """Edit the claim's note in a modal editor."""
        screen = self.screen
        key = screen.cursor_key()
        before = screen.book.active(key)

        def done(text: str | None) -> None:
            if text is not None and screen.writer.set_note(key, text, self.evidence(key)):
                screen.written(key)

        claim = screen.documents[key[0]].passages[key[1]].text
        read_only = None if screen.writer.writable else not_saved(screen)
        editor = NoteEditor(claim, before.note if before else "", read_only=read_only)
        screen.app.push_screen(editor, done)

    def undo(self) -> None:
        """Undo the last tag or note change, and put the cursor on its claim where a pane
        shows it: the panel shows the claim under the cursor, the one the next key acts on."""
        screen = self.screen
        key = screen.writer.undo()
        if key is None:
            screen.notify("nothing to undo", timeout=2)
            return
        if key != screen.cursor_key():
            shown = [v for v in screen.views if screen.panes.doc_index(v) == key[0]]
            matrix = self.matrix_view
            if matrix is not None and screen.panes.doc_index(matrix) == key[0]:
                # The matrix lists the claim's document: its row, at once (the grid's row is
                # what the next key acts on).
                matrix.move_cursor(key[1])
                grid = screen.query_one(MatrixPanel).grid
                grid.move_to(key[1], grid.column)
            elif shown and matrix is None:
                screen.set_focus(shown[0])  # now, not after the keys typed behind the undo
                shown[0].move_cursor(key[1], center=True)
            else:
                label = screen.documents[key[0]].label
                screen.notify(f"undone on a claim of {label}, which no pane shows", timeout=4)
        screen.written(key)

    def next_version(self) -> None:
        """Bring the claim's next annotation forward (a claim tagged twice, or imported)."""
        key = self.screen.cursor_key()
        if self.screen.book.cycle(key):
            self.screen.written(key)

    def attach_evidence(self) -> None:
        """Claims tagged while matching ran get their counterparts as evidence now."""
        for key in sorted(self.awaiting_evidence):
            self.screen.writer.set_evidence(key, self.evidence(key))
        self.awaiting_evidence.clear()

    def evidence(self, key: Key) -> tuple[Evidence, ...]:
        """The claim's counterparts, as a tag's evidence."""
        return self.screen.writer.evidence(self.screen.claims.counterparts(*key))

    def review(self) -> None:
        """List the orphaned notes and the notes on text that changed."""
        book = self.screen.book
        to_confirm: list[tuple[Annotation, str]] = [
            (a, book.review_reason(a) or "") for a in book.needs_review()
        ]
        self.screen.app.push_screen(NotesToReview(book.orphans, to_confirm))

    # Saving.

    def saved(self, outcome: WriteOutcome) -> None:
        """Count the write as done, or tell the user it failed and will be retried."""
        writer = self.screen.writer
        writer.written(outcome)
        if writer.failing and not self.failure_told:
            self.failure_told = True
            self.screen.notify(
                f"not saved, retrying every {RETRY_SECONDS} s: {writer.last_error}",
                severity="error",
                timeout=15,
            )
        elif not writer.failing and not writer.pending:
            self.failure_told = self.quit_warned = False

    def retry(self) -> None:
        """Write again the changes whose write failed."""
        if self.screen.writer.failing:
            self.screen.writer.retry()

    # Export.

    def export(self) -> None:
        """Choose a format and a path, then export in a worker."""
        store = self.screen.store
        if store is None:
            return

        def write(choice: ExportChoice) -> None:
            # In a thread worker; the outcome is shown on the UI thread.
            outcome = export_job(store, choice.format, choice.path)
            self.screen.app.call_from_thread(self.exported, outcome)

        def chosen(choice: ExportChoice | None) -> None:
            if choice is not None:
                work = partial(write, choice)
                self.screen.run_worker(work, thread=True, exclusive=True, group="export")

        self.screen.app.push_screen(ExportDialog(store.path.parent), chosen)

    def exported(self, outcome: ExportOutcome) -> None:
        """Say where the export went, or why it did not."""
        if outcome.error is not None:
            self.screen.notify(f"export failed: {outcome.error}", severity="error")
            return
        self.screen.last_export = outcome.path
        unsaved = self.screen.writer.failing
        missing = f" ({unsaved} change(s) not yet saved are not in it)" if unsaved else ""
        self.screen.notify(f"exported to {outcome.path}{missing}", timeout=10)

    # The claim x source matrix.

    def toggle_matrix(self) -> None:
        """Open the matrix of the focused document's claims, or close it."""
        if self.matrix_view is not None:
            self.close_matrix()
            return
        screen = self.screen
        view = self.matrix_view = screen.focused_view
        base = screen.panes.doc_index(view)
        screen.add_class("-matrix")
        panel = screen.query_one(MatrixPanel)
        panel.set_tags(screen.book.tags(base))
        panel.open(screen.documents, screen.claims, base)

    def matrix_shown(self) -> None:
        """Start the matrix on the focused pane's claim and the other pane's document."""
        view = self.matrix_view
        if view is None:
            return
        other = self.screen.panes.other_view(view)
        shown = self.screen.panes.doc_index(other) if other is not None else None
        self.screen.query_one(MatrixPanel).place(view.cursor, shown)

    def matrix_moved(self, passage: int, column: int | None) -> None:
        """Moving in the matrix moves the panes: the claim, and the document of the column."""
        view = self.matrix_view
        if view is None:
            return
        panes = self.screen.panes
        other = panes.other_view(view)
        if other is not None and column is not None and column != panes.doc_index(other):
            shown = list(panes.shown)
            shown[panes.views.index(other)] = column
            panes.put_documents(shown)
            self.screen.refresh_marks()
        # The pane tells the screen where its cursor went, and the screen follows it in the
        # other pane, as for a key pressed in the pane.
        view.move_cursor(passage, center=True)

    def close_matrix(self) -> None:
        """Back to the panes, the matrix's pane focused."""
        view = self.matrix_view
        if view is None:
            return
        self.matrix_view = None
        self.screen.remove_class("-matrix")
        self.screen.query_one(MatrixPanel).close()
        self.screen.set_focus(view)
        self.screen.reading.remember_panes()

    def refresh_matrix_tags(self) -> None:
        """Show the current tags in the open matrix."""
        if self.matrix_view is not None:
            base = self.screen.panes.doc_index(self.matrix_view)
            self.screen.query_one(MatrixPanel).set_tags(self.screen.book.tags(base))


def not_saved(screen: Workstation) -> str:
    """Why a change to the notes is not made: they cannot be saved."""
    store = screen.store
    if store is None:
        return "no notes file: tags and notes cannot be saved"
    if store.read_only_reason:
        return f"read-only: {store.read_only_reason}; tags and notes cannot be saved"
    return "the notes file is open read-only: tags and notes cannot be saved"
