"""The two document panes, side by side: which documents they show, and the other pane
following the claim under the cursor to its counterparts."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal

from reader.core.documents.document import Document
from reader.core.matching.counterparts import CounterpartIndex
from reader.ui.widgets.document_view import DocumentView


class PanePair(Horizontal):
    """Two ``DocumentView`` panes (one when a single document is open)."""

    def __init__(self, documents: Sequence[Document], shown: list[int], *, id: str) -> None:
        super().__init__(id=id)
        self.documents = documents
        self.shown = shown

    def compose(self) -> ComposeResult:
        """The left pane, and the right one when there is a second document."""
        yield DocumentView(self.documents[self.shown[0]], id="left")
        if len(self.documents) > 1:
            yield DocumentView(self.documents[self.shown[1]], id="right")

    @property
    def views(self) -> list[DocumentView]:
        """The panes, left first."""
        return list(self.query(DocumentView))

    def doc_index(self, view: DocumentView) -> int:
        """Which of the open documents a pane shows."""
        return self.shown[0] if view.id == "left" else self.shown[1]

    def other_view(self, view: DocumentView) -> DocumentView | None:
        """The pane beside this one."""
        others = [v for v in self.views if v is not view]
        return others[0] if others else None

    def put_documents(self, shown: list[int]) -> None:
        """Show these documents (by index), each pane's cursor on its first claim."""
        for view, before, after in zip(self.views, self.shown, shown, strict=False):
            if before != after:
                view.show_document(self.documents[after])
        self.shown[:] = shown

    def mark(self, claims: CounterpartIndex, tags: Sequence[dict[int, str]]) -> None:
        """Mark each pane's matched claims (against the other pane) and tagged claims."""
        for view in self.views:
            doc = self.doc_index(view)
            other = self.other_view(view)
            view.strengths = claims.strengths(doc, self.doc_index(other)) if other else {}
            view.tags = tags[doc]

    def follow(self, view: DocumentView, passage: int, claims: CounterpartIndex) -> None:
        """Highlight a claim's counterparts in the other pane and scroll to the best one."""
        other = self.other_view(view)
        if other is not None:
            counterparts = claims.counterparts(self.doc_index(view), passage, self.doc_index(other))
            other.counterparts = frozenset(c.passage for c in counterparts)
            other.jumped_to = None  # shown by following, not asked for: tab keeps its cursor
            if counterparts:
                other.show_passage(counterparts[0].passage)
        view.counterparts = frozenset()

    def show_counterpart(
        self, view: DocumentView, claims: CounterpartIndex, turn: int
    ) -> tuple[int, int]:
        """Scroll the other pane to the claim's ``turn``-th counterpart (cycling); return which
        one it is (from 0) and how many there are (0: none)."""
        other = self.other_view(view)
        if other is None:
            return 0, 0
        found = claims.counterparts(self.doc_index(view), view.cursor, self.doc_index(other))
        if not found:
            return 0, 0
        other.counterparts = frozenset(c.passage for c in found)
        other.show_passage(found[turn % len(found)].passage)
        other.jumped_to = found[turn % len(found)].passage  # tab puts the cursor there
        return turn % len(found), len(found)
