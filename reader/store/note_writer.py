"""Tags and notes on their way to the notes file: written through the store, kept for undo,
and held as unsaved, and retried, until the store says they are on disk."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.documents.document import Document
from reader.core.matching.counterparts import Counterpart
from reader.store.annotation import Annotation, Evidence, Status, Target
from reader.store.notes import NotesStore
from reader.store.placed_notes import Key, PlacedNotes
from reader.store.stored_document import StoredDocument, document_record

DocumentRecord = tuple[str, Path, str, Mapping[str, str]]  # id, path, title, metadata
# The key of the open documents' records among the changes waiting to be saved.
DOCUMENTS = "documents"


@dataclass(frozen=True)
class WriteOutcome:
    """How one write of one annotation ended: ``error`` is None when it is on disk."""

    annotation_id: str
    generation: int
    error: BaseException | None


class NoteWriter:
    """Changes the tags of the open documents; ``on_written`` hears each write's outcome,
    from the store's thread.

    Every change is the wanted state of one annotation (None: deleted). It stays in
    ``unsaved`` until a write of that state, or of a later one, is on disk; a failed write
    (a full disk) is written again by ``retry``, so nothing is acknowledged that is not saved.
    """

    def __init__(
        self,
        documents: list[Document],
        store: NotesStore | None,
        book: PlacedNotes,
        on_written: Callable[[WriteOutcome], None],
    ) -> None:
        self.documents = documents
        self.store = store
        self.book = book
        self.on_written = on_written
        self.history: list[tuple[Key, Annotation | None, Annotation | None]] = []
        self.unsaved: dict[str, Annotation | None] = {}
        self.last_error: str | None = None
        self._generation = 0
        self._latest: dict[str, int] = {}
        self._failed: set[str] = set()
        # The open documents' records (path, title, metadata), until they are on disk.
        self.documents_unsaved: list[DocumentRecord] = []

    @property
    def writable(self) -> bool:
        """Whether there is a notes file to write to."""
        return self.store is not None and not self.store.read_only

    @property
    def pending(self) -> int:
        """How many changes are not on disk yet (written now, or waiting to be retried)."""
        return len(self.unsaved) + (1 if self.documents_unsaved else 0)

    @property
    def failing(self) -> int:
        """How many changes failed to save and wait to be written again."""
        return len(self._failed)

    def remember_documents(self) -> None:
        """Record the open documents in the notes file, as a change that is held as unsaved,
        and retried, until it is on disk (without them an export cannot name the files)."""
        if self.writable:
            self.documents_unsaved = [(d.id, d.path, d.title, d.metadata) for d in self.documents]
            self._submit_documents()

    def _submit_documents(self) -> None:
        assert self.store is not None
        self._generation += 1
        generation = self._latest[DOCUMENTS] = self._generation
        self._failed.discard(DOCUMENTS)
        future = self.store.remember_documents(self.documents_unsaved)
        future.add_done_callback(
            lambda done: self.on_written(WriteOutcome(DOCUMENTS, generation, done.exception()))
        )

    def load(self) -> int:
        """Attach the saved tags to the open documents; return how many are orphaned."""
        if self.store is None:
            return 0
        for index, document in enumerate(self.documents):
            found = self.store.attach(document.id, document.path, document.text, document.passages)
            for attached in found:
                passage = None
                if attached.anchor.status != "orphan":
                    passage = document.passage_at(attached.anchor.start)
                if passage is None:
                    self.book.orphans.append(attached.annotation)
                else:
                    self.book.place((index, passage.index), attached.annotation, attached.anchor)
        return len(self.book.orphans)

    def tag(self, key: Key, status: Status, evidence: tuple[Evidence, ...]) -> bool:
        """Tag a claim; its counterparts are the tag's evidence."""
        before = self.book.active(key)
        if before is not None:
            after = before.changed(status=status, evidence=evidence, target=self.target(key))
        else:
            after = Annotation(self.target(key), status=status, evidence=evidence)
        return self.write(key, before, after)

    def untag(self, key: Key) -> bool:
        """Clear a claim's tag; a note on it stays."""
        before = self.book.active(key)
        if before is None or before.status is None:
            return False
        after = before.changed(status=None, target=self.target(key)) if before.note else None
        return self.write(key, before, after)

    def set_note(self, key: Key, text: str, evidence: tuple[Evidence, ...]) -> bool:
        """Give a claim this note; an empty note on an untagged claim removes it."""
        before = self.book.active(key)
        if before is not None:
            if text == before.note:
                return False
            after: Annotation | None = before.changed(note=text, target=self.target(key))
        elif text:
            after = Annotation(self.target(key), note=text, evidence=evidence)
        else:
            return False
        if after is not None and not after.note and after.status is None:
            after = None
        return self.write(key, before, after)

    def set_evidence(self, key: Key, evidence: tuple[Evidence, ...]) -> bool:
        """Attach counterparts found after the claim was tagged (not an undoable change)."""
        before = self.book.active(key)
        if before is None or before.status is None or before.evidence == evidence:
            return False
        return self.write(key, before, before.changed(evidence=evidence), record=False)

    def undo(self) -> Key | None:
        """Undo the last change; return the claim it was on, or None if there is none."""
        if not self.history:
            return None
        key, before, after = self.history.pop()
        self.write(key, after, before, record=False)
        return key

    def written(self, outcome: WriteOutcome) -> None:
        """A write finished: the change is saved, or waits to be written again."""
        if self._latest.get(outcome.annotation_id) != outcome.generation:
            return  # a later write of this annotation decides
        if outcome.error is None:
            self.unsaved.pop(outcome.annotation_id, None)
            if outcome.annotation_id == DOCUMENTS:
                self.documents_unsaved = []
            self._failed.discard(outcome.annotation_id)
            if not self._failed:
                self.last_error = None
        else:
            self._failed.add(outcome.annotation_id)
            self.last_error = str(outcome.error)

    def retry(self) -> int:
        """Write again every change whose last write failed; return how many."""
        failed, self._failed = self._failed, set()
        for annotation_id in failed:
            if annotation_id == DOCUMENTS:
                self._submit_documents()
            else:
                self._submit(annotation_id, self.unsaved.get(annotation_id))
        return len(failed)

    def not_saved(self) -> dict[str, Annotation | None]:
        """The wanted states that the notes file does not hold (after the store is closed,
        the changes that were lost, to be reported)."""
        if self.store is None:
            return {}
        return {
            key: wanted
            for key, wanted in self.unsaved.items()
            if self.store.annotation(key) != wanted
        }

    def documents_not_saved(self) -> list[DocumentRecord]:
        """The open documents' records that the notes file does not hold as wanted (after the
        store is closed: lost, to be reported; a write that ended after the UI stopped
        listening is on disk and is not)."""
        if self.store is None or not self.documents_unsaved:
            return []
        held = {d.id: d for d in self.store.documents()}
        return [
            record
            for record in self.documents_unsaved
            if held.get(record[0]) != StoredDocument(**document_record(self.store.path, *record))
        ]

    def evidence(self, counterparts: Iterable[Counterpart]) -> tuple[Evidence, ...]:
        """A claim's counterparts as a tag's evidence: each passage's target, score, strength."""
        return tuple(
            Evidence(self.target((c.doc, c.passage)), c.score, c.strength) for c in counterparts
        )

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
        if after is None and before is None:
            return False
        self.book.replace(key, before, after)
        if record:
            self.history.append((key, before, after))
        annotation_id = after.id if after is not None else before.id if before else ""
        self._submit(annotation_id, after)
        return True

    def _submit(self, annotation_id: str, wanted: Annotation | None) -> None:
        assert self.store is not None
        self._generation += 1
        generation = self._latest[annotation_id] = self._generation
        self.unsaved[annotation_id] = wanted
        self._failed.discard(annotation_id)
        future: Future[Any] = (
            self.store.save(wanted) if wanted is not None else self.store.delete(annotation_id)
        )
        future.add_done_callback(
            lambda done: self.on_written(WriteOutcome(annotation_id, generation, done.exception()))
        )
