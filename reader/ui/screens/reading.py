"""Reading: two documents side by side, their matches, search, and which documents are shown.

The workstation (workstation.py) builds on this screen with the notes: tags, notes, undo,
export and the claim x source matrix.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import get_current_worker

from reader.core.documents.document import Document
from reader.core.matching.counterparts import CounterpartIndex
from reader.core.matching.matcher import MatchCancelled, MatchResult, match_documents
from reader.store.notes import NotesStore
from reader.store.placed_notes import Key, PlacedNotes
from reader.ui.dialogs.pane_chooser import PaneChooser
from reader.ui.screens.readiness import become_ready, when_ready
from reader.ui.widgets.claim_matrix import MatrixPanel
from reader.ui.widgets.detail_panel import ClaimDetail, DetailPanel
from reader.ui.widgets.document_view import DocumentView
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.status_line import StatusLine


class Reading(Screen[None]):
    """Two panes that follow each other's matches, the detail panel, search and status."""

    DEFAULT_CSS = """
    Reading #panes { height: 1fr; }
    Reading DocumentView { width: 1fr; }
    Reading.-narrow #panes { layout: vertical; }
    Reading.-narrow DocumentView { width: 1fr; height: 1fr; }
    Reading.-short #detail { height: 6; }
    Reading.-tiny #detail { display: none; }
    Reading.-tiny Footer { display: none; }
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

    def __init__(self, documents: list[Document], store: NotesStore | None) -> None:
        super().__init__()
        self.documents = documents
        self.store = store
        self.shown = [0, 1 if len(documents) > 1 else 0]
        saved = store.setting("panes") if store is not None else None
        ids = [d.id for d in documents]
        if isinstance(saved, list) and len(saved) == 2 and all(i in ids for i in saved):
            self.shown = [ids.index(saved[0]), ids.index(saved[1])]
        self.claims = CounterpartIndex()
        self.book = PlacedNotes()
        self.matching = True
        self.progress = 0.0
        self._cycle: dict[Key, int] = {}
        self._search_view: DocumentView | None = None
        # Matching waits for the first frame, so a long document is on screen before the
        # matcher's thread competes with the UI for the interpreter.
        self._painted = threading.Event()
        # Keys that arrive before the panes are laid out wait for them (readiness.py).
        self.ready = False
        self.early_actions: list[Callable[[], None]] = []

    def compose(self) -> ComposeResult:
        """Two panes, the matrix (hidden), the detail panel, search, status and the footer."""
        with Horizontal(id="panes"):
            yield DocumentView(self.documents[self.shown[0]], id="left")
            if len(self.documents) > 1:
                yield DocumentView(self.documents[self.shown[1]], id="right")
        yield MatrixPanel(id="matrix")
        yield DetailPanel(id="detail")
        yield SearchBar(id="search")
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        """Start matching in a worker and put the cursor on the first claim."""
        self.call_after_refresh(self._painted.set)
        self.run_matching()
        left = self.query_one("#left", DocumentView)
        left.focus()
        left.move_cursor(0)
        self._update_status()
        self.call_after_refresh(self._become_ready)
        for document in self.documents:
            if document.warnings:
                self.notify(f"{document.label}: {'; '.join(document.warnings)}", timeout=10)

    def _become_ready(self) -> None:
        become_ready(self)
        self.refresh_bindings()

    def on_resize(self) -> None:
        """Below 100 columns the panes stack; below 30 rows the detail panel shrinks, and
        below 16 it and the footer give their rows to the text."""
        self.set_class(self.size.width < 100, "-narrow")
        self.set_class(self.size.height < 30, "-short")
        self.set_class(self.size.height < 16, "-tiny")

    # Panes and claims.

    @property
    def views(self) -> list[DocumentView]:
        """The document panes, left first."""
        return list(self.query(DocumentView))

    @property
    def focused_view(self) -> DocumentView:
        """The pane with focus, else the one keys act on without it."""
        focused = self.focused
        if isinstance(focused, DocumentView):
            return focused
        return self.fallback_view()

    def fallback_view(self) -> DocumentView:
        """The pane keys act on when no pane has focus: the left one."""
        return self.views[0]

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

    def on_reading_match_progress(self, message: MatchProgress) -> None:
        """Show how far matching has got."""
        self.progress = message.done / max(message.total, 1)
        self._update_status()

    def on_reading_matches_ready(self, message: MatchesReady) -> None:
        """Mark matched passages in both panes and refresh the detail panel."""
        self.claims = CounterpartIndex.build(message.result)
        self.matching = False
        # The documents, their layout and the matches live as long as the app: keep them out
        # of the collector's full passes, which took ~350 ms with a 5 MB document open.
        gc.freeze()
        self._refresh_marks()
        view = self.focused_view
        self._follow(view, view.cursor)
        self._update_status()
        self.after_matching()

    def after_matching(self) -> None:
        """What the screen does once matches are known (nothing, when only reading)."""

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
        versions = self.book.versions((doc, passage))
        detail = ClaimDetail.of(
            self.documents,
            doc,
            passage,
            self.claims.counterparts(doc, passage),
            versions,
            self.book.review_reason(versions[0]) if versions else None,
            self.matching,
        )
        self.query_one(DetailPanel).show(detail)

    # Moving.

    @when_ready
    def action_move(self, step: int) -> None:
        """Move the cursor to the next or previous claim."""
        view = self.focused_view
        view.move_cursor(view.cursor + step)

    @when_ready
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

    @when_ready
    def action_other_pane(self) -> None:
        """Focus the other pane."""
        other = self.other_view(self.focused_view)
        if other is not None:
            other.focus()
            self._follow(other, other.cursor)
            for view in self.views:
                view.refresh()

    @when_ready
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

    # Search.

    @when_ready
    def action_search(self) -> None:
        """Open the search box for the focused pane."""
        self._search_view = self.focused_view
        self.query_one(SearchBar).open(self._search_view.document)

    @when_ready
    def action_close_search(self) -> None:
        """Close the search box."""
        self.query_one(SearchBar).close()

    @when_ready
    def action_search_step(self, step: int) -> None:
        """Go to the next or previous hit."""
        self.query_one(SearchBar).step(step)

    @on(SearchBar.Closed)
    def search_closed(self) -> None:
        """Back to the pane the search was for."""
        (self._search_view or self.views[0]).focus()

    @on(SearchBar.Go)
    def search_go(self, message: SearchBar.Go) -> None:
        """Put the cursor on the claim of the hit."""
        view = self._search_view or self.views[0]
        view.focus()
        view.move_cursor(message.passage, center=True)
        self.notify(f"hit {message.hit + 1} of {message.count}", timeout=2)

    @on(SearchBar.NotFound)
    def search_not_found(self, message: SearchBar.NotFound) -> None:
        """Say so."""
        self.notify(f"not found: {message.query}", markup=False, timeout=3)

    # Which documents the panes show.

    @when_ready
    def action_choose_panes(self) -> None:
        """Pick which two of the open documents the panes show."""

        def chosen(choice: tuple[int, int] | None) -> None:
            if choice is None or list(choice) == self.shown:
                return
            self.show_documents(*choice)

        self.app.push_screen(PaneChooser(self.documents, *self.shown), chosen)

    def show_documents(self, left: int, right: int) -> None:
        """Put two documents in the panes and remember the choice in the notes file."""
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

    def _refresh_marks(self) -> None:
        for view in self.views:
            doc = self.doc_index(view)
            other = self.other_view(view)
            view.strengths = self.claims.strengths(doc, self.doc_index(other)) if other else {}
            view.set_tags(self.book.tags(doc))

    # The status line.

    @property
    def unsaved(self) -> int:
        """Changes not yet on disk (reading writes nothing)."""
        return 0

    @property
    def failing(self) -> int:
        """Changes whose write failed (reading writes nothing)."""
        return 0

    @property
    def last_error(self) -> str | None:
        """Why the last write failed, if it did."""
        return None

    def _update_status(self) -> None:
        self.query_one(StatusLine).show(
            store=self.store,
            unsaved=self.unsaved,
            failing=self.failing,
            last_error=self.last_error,
            progress=self.progress if self.matching else None,
            result=self.claims.result,
            book=self.book,
        )
