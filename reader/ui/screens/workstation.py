"""The workstation: two reports side by side, their matches, the claim under the cursor, and
the keys that tag it; the matrix, search, export and new documents on demand.

The screen composes its parts and routes commands and messages between them: the reading
keys to ``ReadingActions``, the note keys to ``NoteActions``, slow work to thread workers
(jobs.py), tags through the note writer (store/note_writer.py).
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input

from reader.core.documents.document import Document
from reader.core.matching.counterparts import CounterpartIndex
from reader.core.matching.matcher import MatchResult
from reader.store.note_writer import NoteWriter, WriteOutcome
from reader.store.notes import NotesStore
from reader.store.placed_notes import Key, PlacedNotes
from reader.ui.screens.commands import BY_ID, WORKSTATION_BINDINGS, Command
from reader.ui.screens.jobs import match_job
from reader.ui.screens.note_actions import RETRY_SECONDS, NoteActions, not_saved
from reader.ui.screens.readiness import become_ready, when_ready
from reader.ui.screens.reading_actions import ReadingActions
from reader.ui.widgets.detail_panel import ClaimDetail, DetailPanel
from reader.ui.widgets.document_view import DocumentView
from reader.ui.widgets.matrix_panel import MatrixPanel
from reader.ui.widgets.pane_pair import PanePair
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.status_line import StatusLine

# How long a key's "why not" shows (and is not said again).
UNAVAILABLE_SECONDS = 4.0


class Workstation(Screen[None]):
    """Read two reports side by side, walk their claims and tag them."""

    BINDINGS: ClassVar[list[BindingType]] = WORKSTATION_BINDINGS

    @dataclass
    class MatchProgress(Message):
        """Matching has looked at ``done`` of ``total`` passages."""

        done: int
        total: int

    @dataclass
    class MatchesReady(Message):
        """Matching finished."""

        result: MatchResult

    @dataclass
    class Saved(Message):
        """A write finished: on disk, or failed and waiting to be written again."""

        outcome: WriteOutcome

    def __init__(self, documents: list[Document], store: NotesStore | None) -> None:
        super().__init__()
        self.documents: list[Document] = documents
        self.store: NotesStore | None = store
        ids = [d.id for d in documents]
        saved = store.setting("panes") if store is not None else None
        if isinstance(saved, list) and len(saved) == 2 and all(i in ids for i in saved):
            shown = [ids.index(saved[0]), ids.index(saved[1])]
        else:
            shown = [0, 1 if len(documents) > 1 else 0]
        self.panes: PanePair = PanePair(documents, shown, id="panes")
        self.claims: CounterpartIndex = CounterpartIndex()
        self.book: PlacedNotes = PlacedNotes()
        self._said: dict[str, float] = {}  # when each "why not" was last said
        self.writer: NoteWriter = NoteWriter(documents, store, self.book, self._post_saved)
        self.reading: ReadingActions = ReadingActions(self)
        self.notes: NoteActions = NoteActions(self)
        self.matching: bool = True
        self.progress: float = 0.0
        self.last_export: Path | None = None
        self._painted = threading.Event()
        # Keys that arrive before the panes are laid out wait for them (readiness.py).
        self.ready = False
        self.early_actions: list[Callable[[], None]] = []
        self.held: list[events.Key | events.Paste] = []

    def compose(self) -> ComposeResult:
        """The panes, the matrix (hidden), the detail panel, search, status and the footer."""
        yield self.panes
        yield MatrixPanel(self.matrix_command, id="matrix")
        yield DetailPanel(id="detail")
        yield SearchBar(id="search")
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        """Place the saved notes, start matching, and put the cursor on the first claim."""
        self.notes.load()
        self.writer.remember_documents()
        for document in self.documents:
            if document.warnings:
                self.notify(f"{document.label}: {'; '.join(document.warnings)}", timeout=10)
        self.set_interval(RETRY_SECONDS, self._retry)
        self.call_after_refresh(self._painted.set)
        self.run_matching()
        left = self.views[0]
        left.focus()
        left.move_cursor(0)
        self.update_status()
        self.call_after_refresh(self._become_ready)

    def _become_ready(self) -> None:
        become_ready(self, self.app)
        self.refresh_bindings()

    def on_resize(self) -> None:
        """Below 100 columns the panes stack; below 30 rows the detail panel shrinks, and
        below 16 it and the footer give their rows to the text."""
        self.set_class(self.size.width < 100, "-narrow")
        self.set_class(self.size.height < 30, "-short")
        self.set_class(self.size.height < 16, "-tiny")

    @property
    def views(self) -> list[DocumentView]:
        """The document panes, left first."""
        return self.panes.views

    @property
    def focused_view(self) -> DocumentView:
        """The pane with focus; else the one the open matrix lists; else the left one."""
        if isinstance(self.focused, DocumentView):
            return self.focused
        return self.notes.matrix_view or self.views[0]

    def cursor_key(self) -> Key:
        """The claim under the cursor: (document, passage)."""
        view = self.focused_view
        return self.panes.doc_index(view), view.cursor

    # Commands (commands.py): one action runs them all.

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Whether a command applies now: tag keys only when notes can be saved, no command
        while typing in the search box, only note keys while the matrix has focus."""
        command = BY_ID.get(str(parameters[0])) if action == "run" and parameters else None
        if command is None:
            return True
        if not self.ready:
            return True  # the command waits for the panes (readiness.py)
        if isinstance(self.focused, Input) and command.id != "search.close":
            return False
        in_matrix = self.notes.matrix_view is not None and self.focused is not None
        if in_matrix and self.focused not in self.views:
            return False  # the matrix has its own keys (MatrixPanel.on_command)
        return self._applies(command)

    def _applies(self, command: Command) -> bool | None:
        """Whether a command applies to the workstation now (None: shown, but greyed out)."""
        if command.applies is not None and (state := command.applies(self)) is not True:
            return state
        if (command.writes and not self.writer.writable) or (command.store and not self.store):
            return None
        return True

    def on_key(self, event: events.Key) -> None:
        """A command's key pressed where it does not apply says why, if the command can."""
        if not self.ready or isinstance(self.focused, Input):
            return
        for binding in self._bindings.key_to_bindings.get(event.key, []):
            command = BY_ID.get(binding.id or "")
            if command is not None and (why := self._why_not(command)) is not None:
                if self._applies(command) is not True:
                    message = why(self)
                    # Said once while it shows: a key pressed again does not stack copies.
                    now = time.monotonic()
                    if now - self._said.get(message, -UNAVAILABLE_SECONDS) > UNAVAILABLE_SECONDS:
                        self.notify(message, timeout=UNAVAILABLE_SECONDS)
                        self._said[message] = now
                    event.stop()
                return

    def _why_not(self, command: Command) -> Callable[[Workstation], str] | None:
        """What a command's key says where the command does not apply, if anything: its own
        reason, or for a change to the notes, why they cannot be saved."""
        if command.unavailable is not None:
            return command.unavailable
        if (command.writes or command.store) and not self.writer.writable:
            return not_saved
        return None

    @when_ready
    def action_run(self, command: str) -> None:
        """Run a workstation command by id."""
        BY_ID[command].run(self)

    # Matching runs in a thread worker; it talks to the screen only by messages.

    @work(thread=True, exclusive=True, group="matching")
    def run_matching(self) -> None:
        """Match every pair of open documents, posting progress, off the UI thread."""

        def progress(done: int, total: int) -> None:
            self.post_message(self.MatchProgress(done, total))

        result = match_job(self.documents, self._painted, progress)
        if result is not None:
            self.post_message(self.MatchesReady(result))

    @on(MatchProgress)
    def match_progress(self, message: MatchProgress) -> None:
        """Show how far matching has got."""
        self.progress = message.done / max(message.total, 1)
        self.update_status()

    @on(MatchesReady)
    def matches_ready(self, message: MatchesReady) -> None:
        """Mark matched passages, attach evidence to claims tagged meanwhile, show the claim."""
        self.claims = CounterpartIndex.build(message.result)
        self.matching = False
        # The documents, their lines and the matches live as long as the app: keep them out
        # of the collector's full passes, which took ~350 ms with a 5 MB document open.
        gc.freeze()
        self.notes.attach_evidence()
        self.refresh_marks()
        view = self.focused_view
        self.follow(view, view.cursor)
        self.update_status()

    # The claim under the cursor, followed in the other pane and shown in the panel.

    @on(DocumentView.CursorMoved)
    def cursor_moved(self, message: DocumentView.CursorMoved) -> None:
        """Highlight the counterparts in the other pane and scroll it to the best one."""
        if message.view is self.focused_view or len(self.views) == 1:
            self.follow(message.view, message.passage)

    def follow(self, view: DocumentView, passage: int) -> None:
        """Show a claim's counterparts in the other pane and the claim in the detail panel."""
        self.panes.follow(view, passage, self.claims)
        self.show_detail(self.panes.doc_index(view), passage)

    def show_detail(self, doc: int, passage: int) -> None:
        """Show a claim, its notes and its counterparts in the detail panel."""
        versions = self.book.versions((doc, passage))
        review = self.book.review_reason(versions[0]) if versions else None
        counterparts = self.claims.counterparts(doc, passage)
        detail = ClaimDetail.of(
            self.documents,
            doc,
            passage,
            counterparts,
            versions,
            review,
            self.matching,
            self.claims.result,
        )
        self.query_one(DetailPanel).show(detail)

    def written(self, key: Key) -> None:
        """A claim's notes changed: mark them in the panes and the status line, and show the
        claim in the panel if it is the one under the cursor (the panel never shows another
        claim than the one the next key acts on)."""
        self.refresh_marks()
        if key == self.cursor_key():
            self.show_detail(*key)
        self.update_status()

    def refresh_marks(self) -> None:
        """Mark matches and tags in the panes (and in the open matrix)."""
        self.panes.mark(self.claims, [self.book.tags(d) for d in range(len(self.documents))])
        self.notes.refresh_matrix_tags()

    def update_status(self) -> None:
        """The notes file and its save state, matching progress or counts, tags."""
        self.query_one(StatusLine).show(
            store=self.store,
            unsaved=self.writer.pending,
            failing=self.writer.failing,
            last_error=self.writer.last_error,
            progress=self.progress if self.matching else None,
            result=self.claims.result,
            book=self.book,
        )

    # Search (reading_actions.py).

    @on(SearchBar.Closed)
    def search_closed(self) -> None:
        """Back to the pane the search was for."""
        self.reading.search_closed()

    @on(SearchBar.Go)
    def search_go(self, message: SearchBar.Go) -> None:
        """Put the cursor on the claim of the hit."""
        self.reading.search_go(message.passage, message.hit, message.count)

    @on(SearchBar.NotFound)
    def search_not_found(self, message: SearchBar.NotFound) -> None:
        """Say so."""
        self.notify(f"not found: {message.query}", timeout=3)

    # The matrix, saving and exporting (note_actions.py).

    @on(MatrixPanel.Shown)
    def matrix_shown(self) -> None:
        """Start the matrix where the panes are."""
        self.notes.matrix_shown()

    @on(MatrixPanel.Moved)
    def matrix_moved(self, message: MatrixPanel.Moved) -> None:
        """Moving in the matrix moves the panes."""
        self.notes.matrix_moved(message.passage, message.other)

    def matrix_command(self, name: str, passage: int | None) -> None:
        """A command pressed in the matrix acts on the claim of the row it was pressed on."""
        view = self.notes.matrix_view
        if view is not None and passage is not None and view.cursor != passage:
            view.move_cursor(passage, center=True)
        command = BY_ID[name]
        if self._applies(command) is True:
            command.run(self)

    @on(MatrixPanel.Closed)
    def matrix_closed(self) -> None:
        """Back to the panes."""
        self.notes.close_matrix()

    def _post_saved(self, outcome: WriteOutcome) -> None:
        self.post_message(self.Saved(outcome))  # from the store's thread

    @on(Saved)
    def saved(self, message: Saved) -> None:
        """Count a write as done, or say it failed and will be retried."""
        self.notes.saved(message.outcome)
        self.update_status()

    def _retry(self) -> None:
        self.notes.retry()
        self.update_status()
