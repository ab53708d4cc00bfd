"""What the workstation's reading keys do: walk the claims, jump to counterparts, search,
choose the documents in the panes, and add a document to the set.

``ReadingActions`` belongs to one workstation screen: the screen's commands and message
handlers call it, and it answers through the screen's panes and dialogs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.documents.decoding import DEFAULT_MAX_BYTES
from reader.store.placed_notes import Key
from reader.ui.dialogs.add_document import AddDocument
from reader.ui.dialogs.pane_chooser import PaneChooser
from reader.ui.screens.jobs import AddOutcome
from reader.ui.widgets.document_view import DocumentView
from reader.ui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from reader.ui.screens.workstation import Workstation


class ReadingActions:
    """The reading keys of one workstation."""

    def __init__(self, screen: Workstation) -> None:
        self.screen = screen
        self.search_view: DocumentView | None = None  # the pane the search box searches
        self._cycle: dict[Key, int] = {}  # the counterpart ``enter`` showed last, by claim

    def move(self, step: int) -> None:
        """Move the cursor to the next or previous claim."""
        view = self.screen.focused_view
        view.move_cursor(view.cursor + step)

    def next_match(self, step: int) -> None:
        """Move to the next or previous claim that has a counterpart in the other pane."""
        view = self.screen.focused_view
        passage = view.cursor + step
        while 0 <= passage < len(view.document.passages):
            if passage in view.strengths:
                view.move_cursor(passage)
                return
            passage += step
        self.screen.notify("no further matched claim", timeout=2)

    def other_pane(self) -> None:
        """Focus the other pane."""
        other = self.screen.panes.other_view(self.screen.focused_view)
        if other is not None:
            self.screen.set_focus(other)  # now, not after the keys typed behind tab
            # The pane may have scrolled away from its cursor to follow the other one's claims:
            # the cursor stays where the reader left it, and is shown again; after enter, it
            # goes to the counterpart enter showed. Decided from state the keys set, never from
            # where the pane has scrolled to, which lags behind keys that come fast.
            if other.jumped_to is not None:
                other.cursor = other.jumped_to
                other.jumped_to = None
            other.show_cursor()
            self.screen.follow(other, other.cursor)

    def counterpart(self) -> None:
        """Jump to the claim's counterpart in the other pane; again for the next one."""
        screen = self.screen
        key = screen.cursor_key()
        turn = self._cycle[key] = self._cycle.get(key, -1) + 1
        which, count = screen.panes.show_counterpart(screen.focused_view, screen.claims, turn)
        if count:
            screen.notify(f"counterpart {which + 1} of {count}", timeout=2)
        elif len(screen.views) > 1:
            screen.notify("this claim has no counterpart in the other document", timeout=2)

    # Search.

    def search(self) -> None:
        """Open the search box for the focused pane."""
        self.search_view = self.screen.focused_view
        self.screen.query_one(SearchBar).open(self.search_view.document)

    @property
    def search_is_open(self) -> bool:
        """Whether the search box is showing."""
        return self.screen.query_one(SearchBar).is_open

    @property
    def has_search_hits(self) -> bool:
        """Whether the last search found something to step through."""
        return bool(self.screen.query_one(SearchBar).hits)

    def close_search(self) -> None:
        """Close the search box."""
        self.screen.query_one(SearchBar).close()

    def search_step(self, step: int) -> None:
        """Go to the next or previous hit."""
        self.screen.query_one(SearchBar).step(step)

    def search_closed(self) -> None:
        """Back to the pane the search was for."""
        self.screen.set_focus(self.search_view or self.screen.views[0])

    def search_go(self, passage: int, hit: int, count: int) -> None:
        """Put the cursor on the claim of a hit."""
        view = self.search_view or self.screen.views[0]
        self.screen.set_focus(view)
        view.move_cursor(passage, center=True)
        self.screen.notify(f"hit {hit + 1} of {count}", timeout=2)

    # Which documents are open and shown.

    def choose_panes(self) -> None:
        """Pick which two of the open documents the panes show."""
        screen = self.screen

        def chosen(choice: tuple[int, int] | None) -> None:
            if choice is not None and list(choice) != screen.panes.shown:
                self.show_documents(*choice)

        screen.app.push_screen(PaneChooser(screen.documents, *screen.panes.shown), chosen)

    def show_documents(self, left: int, right: int) -> None:
        """Put two documents in the panes and remember the choice in the notes file."""
        screen = self.screen
        screen.notes.close_matrix()
        screen.panes.put_documents([left, right])
        screen.refresh_marks()
        self.remember_panes()
        first = screen.views[0]
        screen.set_focus(first)
        first.move_cursor(0)

    def add_document(self) -> None:
        """Add a document (a URL or a path) to the set; matching runs again."""
        screen = self.screen
        folder = screen.store.path.parent if screen.store else screen.documents[0].path.parent
        screen.app.push_screen(AddDocument(folder, DEFAULT_MAX_BYTES), self._added)

    def _added(self, outcome: AddOutcome | None) -> None:
        screen = self.screen
        if outcome is None:
            return
        if outcome.document is None:
            screen.notify(f"not added: {outcome.error}", severity="error", timeout=10)
            return
        document = outcome.document
        if any(d.id == document.id for d in screen.documents):
            screen.notify(f"already open: {document.label}", timeout=5)
            return
        screen.documents.append(document)
        screen.writer.remember_documents()
        kept = f", kept as {outcome.saved.name}" if outcome.saved else ""
        screen.notify(f"added {document.label}{kept}; o shows it; matching again", timeout=10)
        screen.matching, screen.progress = True, 0.0
        screen.run_matching()
        screen.update_status()

    def remember_panes(self) -> None:
        """Keep the documents in the panes in the notes file, for the next start."""
        store = self.screen.store
        if store is not None and not store.read_only:
            ids = [self.screen.documents[index].id for index in self.screen.panes.shown]
            store.remember_setting("panes", ids)
