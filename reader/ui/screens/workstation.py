"""The reading workstation: two documents side by side, their matches, and keyboard tagging."""

from __future__ import annotations

import gc
import re
import sys
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from reader.core.claims import ClaimIndex
from reader.core.export import export
from reader.core.matching import MatchCancelled, MatchResult, match_documents
from reader.core.model import Document
from reader.store.errors import StoreError
from reader.store.exchange import export_data
from reader.store.model import Annotation, Evidence, Status, Target
from reader.store.notes import NotesStore
from reader.store.storage import write_atomically
from reader.ui.claims import TagBook
from reader.ui.dialogs.export_dialog import ExportChoice, ExportDialog
from reader.ui.dialogs.note_editor import NoteEditor
from reader.ui.dialogs.orphans import OrphansPanel
from reader.ui.dialogs.pane_chooser import PaneChooser
from reader.ui.screens.workstation_bindings import WORKSTATION_BINDINGS
from reader.ui.widgets.claim_matrix import MatrixPanel
from reader.ui.widgets.detail_panel import DetailPanel
from reader.ui.widgets.document_view import DocumentView

Key = tuple[int, int]  # (document index, passage index)
_WRITE_ACTIONS = {"tag", "untag", "note", "undo"}
_STORE_ACTIONS = {"export"}
# What the keys do while the matrix has focus; the rest fall through to the grid.
_MATRIX_ACTIONS = _WRITE_ACTIONS | _STORE_ACTIONS | {"matrix"}


class Workstation(Screen[None]):
    """Read two reports side by side, walk their claims and tag them."""

    BINDINGS: ClassVar[list[BindingType]] = WORKSTATION_BINDINGS

    DEFAULT_CSS = """
    Workstation #panes { height: 1fr; }
    Workstation DocumentView { width: 1fr; }
    Workstation #status { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
    Workstation.-narrow #panes { layout: vertical; }
    Workstation.-narrow DocumentView { width: 1fr; height: 1fr; }
    Workstation.-short #detail { height: 6; }
    Workstation #search { display: none; dock: bottom; }
    Workstation #search.-open { display: block; }
    Workstation.-matrix #detail { display: none; }
    Workstation.-short #matrix { height: 65%; }
    """

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
        """A write finished (``error`` is None when it is on disk)."""

        error: BaseException | None

    def __init__(self, documents: list[Document], store: NotesStore | None) -> None:
        super().__init__()
        self.documents = documents
        self.store = store
        self.shown = [0, 1 if len(documents) > 1 else 0]
        saved = store.setting("panes") if store is not None else None
        ids = [d.id for d in documents]
        if isinstance(saved, list) and len(saved) == 2 and all(i in ids for i in saved):
            self.shown = [ids.index(saved[0]), ids.index(saved[1])]
        self.claims = ClaimIndex()
        self.book = TagBook()
        self.matching = True
        self.progress = 0.0
        self.unsaved = 0
        self.last_error: str | None = None
        self.history: list[tuple[Key, Annotation | None, Annotation | None]] = []
        self._cycle: dict[Key, int] = {}
        self.last_export: Path | None = None
        self.hits: list[int] = []
        self.hit = -1
        self._search_view: DocumentView | None = None
        # Matching waits for the first frame, so a long document is on screen before the
        # matcher's thread competes with the UI for the interpreter.
        self._painted = threading.Event()
        # The pane whose document the matrix lists, while the matrix is open.
        self._matrix_view: DocumentView | None = None

    def compose(self) -> ComposeResult:
        """Two panes, the detail panel, the status line and the footer."""
        with Horizontal(id="panes"):
            yield DocumentView(self.documents[self.shown[0]], id="left")
            if len(self.documents) > 1:
                yield DocumentView(self.documents[self.shown[1]], id="right")
        yield MatrixPanel(id="matrix")
        yield DetailPanel(id="detail")
        yield Input(placeholder="search the focused document; enter: go", id="search")
        yield Static(id="status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Show saved tags, start matching in a worker, put the cursor on the first claim."""
        self._load_tags()
        self.call_after_refresh(self._painted.set)
        self.run_matching()
        left = self.query_one("#left", DocumentView)
        left.focus()
        left.move_cursor(0)
        self._update_status()

    def on_resize(self) -> None:
        """Below 100 columns the panes stack; below 30 rows the detail panel shrinks."""
        self.set_class(self.size.width < 100, "-narrow")
        self.set_class(self.size.height < 30, "-short")

    # Panes and claims.

    @property
    def views(self) -> list[DocumentView]:
        """The document panes, left first."""
        return list(self.query(DocumentView))

    @property
    def focused_view(self) -> DocumentView:
        """The pane with focus, else the one the open matrix lists, else the left one."""
        focused = self.focused
        if isinstance(focused, DocumentView):
            return focused
        return self._matrix_view or self.views[0]

    def doc_index(self, view: DocumentView) -> int:
        """Which of the open documents a pane shows."""
        return self.shown[0] if view.id == "left" else self.shown[1]

    def other_view(self, view: DocumentView) -> DocumentView | None:
        """The pane beside this one."""
        others = [v for v in self.views if v is not view]
        return others[0] if others else None

    # Matching runs in a thread; it talks to the screen only by messages.

    @work(thread=True, exclusive=True, group="matching")
    def run_matching(self) -> None:
        """Match every pair of open documents, posting progress, off the UI thread."""
        worker = get_current_worker()
        self._painted.wait(timeout=2.0)

        def progress(done: int, total: int) -> None:
            self.post_message(self.MatchProgress(done, total))

        # A shorter switch interval hands the interpreter back to the UI thread sooner: key
        # presses during matching a 5 MB document went from ~80 ms to ~30 ms at the 95th
        # percentile (bench/ui_speed.py).
        interval = sys.getswitchinterval()
        sys.setswitchinterval(0.001)
        try:
            result = match_documents(
                self.documents, progress=progress, cancelled=lambda: worker.is_cancelled
            )
        except MatchCancelled:
            return
        finally:
            sys.setswitchinterval(interval)
        self.post_message(self.MatchesReady(result))

    def on_workstation_match_progress(self, message: MatchProgress) -> None:
        """Show how far matching has got."""
        self.progress = message.done / max(message.total, 1)
        self._update_status()

    def on_workstation_matches_ready(self, message: MatchesReady) -> None:
        """Mark matched passages in both panes and refresh the detail panel."""
        self.claims = ClaimIndex.build(message.result)
        self.matching = False
        # The documents, their layout and the matches live as long as the app: keep them out
        # of the collector's full passes, which took ~350 ms with a 5 MB document open.
        gc.freeze()
        self._refresh_marks()
        view = self.focused_view
        self._follow(view, view.cursor)
        self._update_status()

    @on(DocumentView.CursorMoved)
    def cursor_moved(self, message: DocumentView.CursorMoved) -> None:
        """Highlight the counterparts in the other pane and scroll it to the best one."""
        if message.view is self.focused_view or len(self.views) == 1:
            self._follow(message.view, message.passage)

    def _follow(self, view: DocumentView, passage: int) -> None:
        doc = self.doc_index(view)
        other = self.other_view(view)
        if other is not None:
            counterparts = self.claims.counterparts(doc, passage, self.doc_index(other))
            other.counterparts = {c.passage for c in counterparts}
            if counterparts:
                other.show_passage(counterparts[0].passage)
            other.refresh()
        view.counterparts = set()
        self._show_detail(doc, passage)

    def _show_detail(self, doc: int, passage: int) -> None:
        self.query_one(DetailPanel).show_claim(
            self.documents,
            doc,
            passage,
            self.book.by_passage.get((doc, passage)),
            self.claims.counterparts(doc, passage),
            self.matching,
        )

    # Actions.

    def action_move(self, step: int) -> None:
        """Move the cursor to the next or previous claim."""
        view = self.focused_view
        view.move_cursor(view.cursor + step)

    def action_next_match(self, step: int) -> None:
        """Move to the next or previous claim that has a counterpart in the other pane."""
        view = self.focused_view
        marked = view.strengths
        passage = view.cursor + step
        while 0 <= passage < len(view.document.passages):
            if passage in marked:
                view.move_cursor(passage)
                return
            passage += step
        self.notify("no further matched claim", timeout=2)

    def action_other_pane(self) -> None:
        """Focus the other pane."""
        other = self.other_view(self.focused_view)
        if other is not None:
            other.focus()
            self._follow(other, other.cursor)
            for view in self.views:
                view.refresh()

    def action_counterpart(self) -> None:
        """Jump to the claim's counterpart in the other pane; again for the next one."""
        view = self.focused_view
        other = self.other_view(view)
        if other is None:
            return
        key = (self.doc_index(view), view.cursor)
        counterparts = self.claims.counterparts(*key, self.doc_index(other))
        if not counterparts:
            self.notify("this claim has no counterpart in the other document", timeout=2)
            return
        turn = self._cycle.get(key, -1) + 1
        self._cycle[key] = turn
        target = counterparts[turn % len(counterparts)].passage
        other.counterparts = {c.passage for c in counterparts}
        other.show_passage(target)
        other.refresh()
        self.notify(f"counterpart {turn % len(counterparts) + 1} of {len(counterparts)}", timeout=2)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Tag keys apply only when notes can be saved; typing in search is not a command."""
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
            return self.query_one("#search", Input).has_class("-open")
        if action == "search_step":
            return bool(self.hits)
        if action == "orphans":
            return bool(self.book.orphans)
        if action == "choose_panes":
            return len(self.documents) > 2
        if action in _WRITE_ACTIONS and (self.store is None or self.store.read_only):
            return None
        if action in _STORE_ACTIONS and self.store is None:
            return None
        return True

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
            text = export(export_data(self.store), choice.format)
            write_atomically(choice.path, text.encode("utf-8"))
        except (OSError, StoreError) as error:
            self.post_message(self.Exported(None, str(error)))
            return
        self.post_message(self.Exported(choice.path, None))

    @dataclass
    class Exported(Message):
        """An export finished: the path written, or why it failed."""

        path: Path | None
        error: str | None

    def on_workstation_exported(self, message: Exported) -> None:
        """Say where the export went, or why it did not."""
        if message.error is not None:
            self.notify(f"export failed: {message.error}", severity="error", markup=False)
        else:
            self.last_export = message.path
            self.notify(f"exported to {message.path}", markup=False, timeout=10)

    def action_tag(self, status: Status) -> None:
        """Tag the claim under the cursor; its counterparts become the tag's evidence."""
        key, before = self._current()
        if before is not None:
            after = before.changed(status=status, evidence=self._evidence(key))
        else:
            after = Annotation(self._target(key), status=status, evidence=self._evidence(key))
        self._write(key, before, after)

    def action_untag(self) -> None:
        """Clear the claim's tag (a note on it stays)."""
        key, before = self._current()
        if before is None or before.status is None:
            return
        self._write(key, before, before.changed(status=None) if before.note else None)

    def action_note(self) -> None:
        """Edit the claim's note in a modal editor."""
        key, before = self._current()
        document = self.documents[key[0]]

        def done(text: str | None) -> None:
            if text is None or (before is not None and text == before.note):
                return
            if before is not None:
                after: Annotation | None = before.changed(note=text)
            elif text:
                after = Annotation(self._target(key), note=text, evidence=self._evidence(key))
            else:
                return
            if after is not None and not after.note and after.status is None:
                after = None
            self._write(key, before, after)

        claim = document.passages[key[1]].text
        self.app.push_screen(NoteEditor(claim, before.note if before else ""), done)

    def action_undo(self) -> None:
        """Undo the last tag or note change."""
        if not self.history:
            self.notify("nothing to undo", timeout=2)
            return
        key, before, after = self.history.pop()
        self._write(key, after, before, record=False)

    # Search and orphans.

    def action_search(self) -> None:
        """Open the search box for the focused pane."""
        self._search_view = self.focused_view
        search = self.query_one("#search", Input)
        search.add_class("-open")
        search.focus()

    def action_close_search(self) -> None:
        """Close the search box and go back to the pane."""
        self.query_one("#search", Input).remove_class("-open")
        (self._search_view or self.views[0]).focus()

    @on(Input.Submitted, "#search")
    def search_submitted(self, event: Input.Submitted) -> None:
        """Find every hit; put the cursor on the claim of the first one."""
        view = self._search_view or self.views[0]
        self.hits = find_passages(view.document, event.value)
        self.hit = -1
        self.action_close_search()
        if not self.hits:
            self.notify(f"not found: {event.value}", markup=False, timeout=3)
            return
        self.action_search_step(1)

    def action_search_step(self, step: int) -> None:
        """Go to the next or previous hit."""
        if not self.hits:
            return
        self.hit = (self.hit + step) % len(self.hits)
        view = self._search_view or self.views[0]
        view.focus()
        view.move_cursor(self.hits[self.hit], center=True)
        self.notify(f"hit {self.hit + 1} of {len(self.hits)}", timeout=2)

    def action_choose_panes(self) -> None:
        """Pick which two of the open documents the panes show."""

        def chosen(choice: tuple[int, int] | None) -> None:
            if choice is None or list(choice) == self.shown:
                return
            self.show_documents(*choice)

        self.app.push_screen(PaneChooser(self.documents, *self.shown), chosen)

    def show_documents(self, left: int, right: int) -> None:
        """Put two documents in the panes and remember the choice in the notes file."""
        self._close_matrix()
        self._put_documents([left, right])
        self._remember_panes()
        first = self.views[0]
        first.focus()
        first.move_cursor(0)

    def _put_documents(self, shown: list[int]) -> None:
        for view, before, after in zip(self.views, self.shown, shown, strict=False):
            if before != after:
                view.show_document(self.documents[after])
        self.shown = shown
        self._refresh_marks()

    def _remember_panes(self) -> None:
        if self.store is not None and not self.store.read_only:
            ids = [self.documents[index].id for index in self.shown]
            self.store.remember_setting("panes", ids)

    # The claim x source matrix.

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

    def action_orphans(self) -> None:
        """List the orphaned notes."""
        self.app.push_screen(OrphansPanel(self.book.orphans))

    # Writing through the store.

    def _current(self) -> tuple[Key, Annotation | None]:
        view = self.focused_view
        key = (self.doc_index(view), view.cursor)
        return key, self.book.by_passage.get(key)

    def _target(self, key: Key) -> Target:
        document = self.documents[key[0]]
        passage = document.passages[key[1]]
        return Target.from_span(document.id, document.text, passage.start, passage.end)

    def _evidence(self, key: Key) -> tuple[Evidence, ...]:
        evidence = []
        for counterpart in self.claims.counterparts(*key):
            other = self.documents[counterpart.doc]
            passage = other.passages[counterpart.passage]
            target = Target.from_span(other.id, other.text, passage.start, passage.end)
            evidence.append(Evidence(target, counterpart.score, counterpart.strength))
        return tuple(evidence)

    def _write(
        self, key: Key, before: Annotation | None, after: Annotation | None, record: bool = True
    ) -> None:
        if self.store is None or self.store.read_only:
            return
        future: Future[Any]
        if after is None:
            if before is None:
                return
            future = self.store.delete(before.id)
            self.book.by_passage.pop(key, None)
        else:
            future = self.store.save(after)
            self.book.by_passage[key] = after
        if record:
            self.history.append((key, before, after))
        self.unsaved += 1
        future.add_done_callback(lambda f: self.post_message(self.Saved(f.exception())))
        self._refresh_marks()
        self._show_detail(*key)
        self._update_status()

    def on_workstation_saved(self, message: Saved) -> None:
        """Count the write as done, or tell the user it failed."""
        self.unsaved -= 1
        if message.error is not None:
            self.last_error = str(message.error)
            self.notify(f"not saved: {message.error}", severity="error", markup=False, timeout=15)
        self._update_status()

    def _load_tags(self) -> None:
        if self.store is None:
            return
        for index, document in enumerate(self.documents):
            for attached in self.store.attach(document.id, str(document.path), document.text):
                passage = None
                if attached.anchor.status != "orphan":
                    passage = TagBook.passage_of(document, attached.anchor.start)
                if passage is None:
                    self.book.orphans.append(attached.annotation)
                else:
                    self.book.by_passage[(index, passage)] = attached.annotation
        if self.book.orphans:
            count = len(self.book.orphans)
            self.notify(f"{count} note(s) no longer found in the text are kept: O lists them")

    def _refresh_marks(self) -> None:
        for view in self.views:
            doc = self.doc_index(view)
            other = self.other_view(view)
            view.strengths = self.claims.strengths(doc, self.doc_index(other)) if other else {}
            view.set_tags(self.book.tags(doc))
        if self._matrix_view is not None:
            self.query_one(MatrixPanel).set_tags(self.book.tags(self.doc_index(self._matrix_view)))

    def _update_status(self) -> None:
        parts: list[str] = []
        if self.store is None:
            parts.append("notes: not saved (read without notes)")
        else:
            mode = " (read-only)" if self.store.read_only else ""
            parts.append(f"notes: {self.store.path}{mode}")
            if self.last_error:
                parts.append("NOT SAVED: see message")
            else:
                parts.append(f"saving {self.unsaved}…" if self.unsaved else "all saved")
        if self.matching:
            parts.append(f"matching {self.progress:.0%}")
        elif self.claims.result is not None:
            matches = self.claims.result.matches
            strong = sum(1 for m in matches if m.strength == "strong")
            parts.append(f"{len(matches)} matches ({strong} strong)")
        tags = [a.status for a in self.book.by_passage.values()]
        parts.append(f"✓ {tags.count('corroborated')}  ✗ {tags.count('contested')}")
        if self.book.orphans:
            parts.append(f"{len(self.book.orphans)} orphaned notes")
        self.query_one("#status", Static).update(" · ".join(parts))


def find_passages(document: Document, query: str) -> list[int]:
    """The passages holding a case-insensitive hit of the query, in reading order."""
    query = query.strip()
    if not query:
        return []
    found: list[int] = []
    for match in re.finditer(re.escape(query), document.text, re.IGNORECASE):
        passage = document.passage_at(match.start())
        if passage is not None and (not found or found[-1] != passage.index):
            found.append(passage.index)
    return found
