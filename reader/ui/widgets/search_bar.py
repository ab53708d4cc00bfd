"""The search box: finds a query in one pane's document and steps through the hits."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import Input

from reader.core.documents.document import Document
from reader.core.documents.search import find_passages


class SearchBar(Input):
    """Hidden until opened for a document; enter finds every hit, the screen moves to them."""

    DEFAULT_CSS = """
    SearchBar { display: none; dock: bottom; }
    SearchBar.-open { display: block; }
    """

    @dataclass
    class Go(Message):
        """Show hit ``hit`` (from 0) of ``count``: the claim ``passage``."""

        passage: int
        hit: int
        count: int

    @dataclass
    class Closed(Message):
        """The box closed; the pane it searches takes focus back."""

    @dataclass
    class NotFound(Message):
        """The query has no hit."""

        query: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search the focused document; enter: go", id=id)
        self.document: Document | None = None
        self.hits: list[int] = []
        self.hit = -1

    @property
    def is_open(self) -> bool:
        """Whether the box is showing."""
        return self.has_class("-open")

    def open(self, document: Document) -> None:
        """Show the box to search this document."""
        self.document = document
        self.add_class("-open")
        self.screen.set_focus(self)  # now: the keys typed next are the query's

    def close(self) -> None:
        """Hide the box."""
        self.remove_class("-open")
        self.post_message(self.Closed())

    def step(self, step: int) -> None:
        """Go to the next or previous hit."""
        if self.hits:
            self.hit = (self.hit + step) % len(self.hits)
            self.post_message(self.Go(self.hits[self.hit], self.hit, len(self.hits)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Find every hit, close, and go to the first."""
        event.stop()
        self.hits = find_passages(self.document, event.value) if self.document else []
        self.hit = -1
        self.close()
        if not self.hits:
            self.post_message(self.NotFound(event.value))
            return
        self.step(1)
