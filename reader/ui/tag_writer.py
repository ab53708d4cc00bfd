"""Tags and notes on their way to the notes file: written through the store, kept for undo,
and counted until the store says they are on disk."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from reader.core.model import Document
from reader.store.model import Annotation, Evidence, Status, Target
from reader.store.notes import NotesStore
from reader.ui.claims import Key, TagBook


class TagWriter:
    """Changes the tags of the open documents; ``on_written`` hears each write's outcome
    (None when it is on disk), from the store's thread."""

    def __init__(
        self,
        documents: list[Document],
        store: NotesStore | None,
        book: TagBook,
        on_written: Callable[[BaseException | None], None],
    ) -> None:
        self.documents = documents
        self.store = store
        self.book = book
        self.on_written = on_written
        self.history: list[tuple[Key, Annotation | None, Annotation | None]] = []
        self.unsaved = 0
        self.last_error: str | None = None

    @property
    def writable(self) -> bool:
        """Whether there is a notes file to write to."""
        return self.store is not None and not self.store.read_only

    def load(self) -> int:
        """Attach the saved tags to the open documents; return how many are orphaned."""
        if self.store is None:
            return 0
        for index, document in enumerate(self.documents):
            for attached in self.store.attach(document.id, str(document.path), document.text):
                passage = None
                if attached.anchor.status != "orphan":
                    passage = document.passage_at(attached.anchor.start)
                if passage is None:
                    self.book.orphans.append(attached.annotation)
                else:
                    self.book.by_passage[(index, passage.index)] = attached.annotation
        return len(self.book.orphans)

    def tag(self, key: Key, status: Status, evidence: tuple[Evidence, ...]) -> bool:
        """Tag a claim; its counterparts are the tag's evidence."""
        before = self.book.by_passage.get(key)
        if before is not None:
            after = before.changed(status=status, evidence=evidence)
        else:
            after = Annotation(self.target(key), status=status, evidence=evidence)
        return self.write(key, before, after)

    def untag(self, key: Key) -> bool:
        """Clear a claim's tag; a note on it stays."""
        before = self.book.by_passage.get(key)
        if before is None or before.status is None:
            return False
        return self.write(key, before, before.changed(status=None) if before.note else None)

    def set_note(self, key: Key, text: str, evidence: tuple[Evidence, ...]) -> bool:
        """Give a claim this note; an empty note on an untagged claim removes it."""
        before = self.book.by_passage.get(key)
        if before is not None:
            if text == before.note:
                return False
            after: Annotation | None = before.changed(note=text)
        elif text:
            after = Annotation(self.target(key), note=text, evidence=evidence)
        else:
            return False
        if after is not None and not after.note and after.status is None:
            after = None
        return self.write(key, before, after)

    def undo(self) -> Key | None:
        """Undo the last change; return the claim it was on, or None if there is none."""
        if not self.history:
            return None
        key, before, after = self.history.pop()
        self.write(key, after, before, record=False)
        return key

    def written(self, error: BaseException | None) -> None:
        """A write finished: count it, and keep its error to show."""
        self.unsaved -= 1
        if error is not None:
            self.last_error = str(error)

    def target(self, key: Key) -> Target:
        """The claim as a W3C text target: its quote, context and offsets."""
        document = self.documents[key[0]]
        passage = document.passages[key[1]]
        return Target.from_span(document.id, document.text, passage.start, passage.end)

    def write(
        self, key: Key, before: Annotation | None, after: Annotation | None, record: bool = True
    ) -> bool:
        """Save ``after`` in place of ``before`` (None: nothing); return whether it wrote."""
        if self.store is None or not self.writable:
            return False
        future: Future[Any]
        if after is None:
            if before is None:
                return False
            future = self.store.delete(before.id)
            self.book.by_passage.pop(key, None)
        else:
            future = self.store.save(after)
            self.book.by_passage[key] = after
        if record:
            self.history.append((key, before, after))
        self.unsaved += 1
        future.add_done_callback(lambda done: self.on_written(done.exception()))
        return True
