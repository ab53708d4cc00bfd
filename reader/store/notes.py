"""The notes database of one case: validated, locked, and written off the caller's thread."""

from __future__ import annotations

import atexit
import os
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reader.core.documents.document import Passage
from reader.store.annotation import SCHEMA_VERSION, Annotation, now
from reader.store.attaching import Attached, attach_notes
from reader.store.backups import existing_backups
from reader.store.migrations import migrate
from reader.store.opening import take_lock
from reader.store.schema import parse_annotation, parse_document
from reader.store.storage import AtomicJSONStorage, remove_stale_temporaries
from reader.store.store_error import ReadOnlyStore, StoreError
from reader.store.stored_document import (
    StoredDocument,
    document_file,
    document_record,
)
from reader.store.tables import NotesDB, Records
from reader.store.validation import APP, read_notes_file
from reader.store.write_queue import WriteQueue

Operation = Callable[["_Tables"], Any]


@dataclass(frozen=True)
class _Tables:
    annotations: Records
    documents: Records
    meta: Records


class NotesStore:
    """Annotations and documents of one case in a TinyDB file that never loses a note.

    Writes go through one writer thread: each call returns a Future that is done when the change
    is on disk (or failed, the file unchanged). Reads come from the last saved snapshot and never
    wait for the disk.
    """

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        # The real file, once: a symlink named with --db is followed, so the lock and every
        # write are on the file it points to, not a copy that replaces the link.
        self.path = Path(os.path.realpath(path))
        self.name = Path(path)  # as the user named it, for display
        if not self.path.parent.is_dir():
            raise StoreError(f"{path}: the folder {self.path.parent} does not exist")
        self._lock, access = take_lock(self.path, read_only)
        self.read_only, self.notice = access.read_only, access.notice
        self.read_only_reason = access.reason
        try:
            opened = read_notes_file(self.path)
            existing = opened.data if opened is not None else None
            if not self.read_only:
                remove_stale_temporaries(self.path)
            self._db = NotesDB(self.path, storage=AtomicJSONStorage)
            storage = self._db.storage
            assert isinstance(storage, AtomicJSONStorage)
            self._storage = storage
            self._tables = _Tables(
                Records(self._db.table("annotations")),
                Records(self._db.table("documents")),
                Records(self._db.table("meta")),
            )
            if not self.read_only:
                self._prepare(existing)
        except BaseException:
            if self._lock.is_locked:
                self._lock.release()
            raise
        self._notes, self._documents = self._read_snapshot()
        if opened is not None and opened.duplicates:
            self._keep_duplicates(opened.duplicates)
        self._settings: dict[str, Any] = self._tables.meta.get("settings") or {}
        # What the batch being written will change in the snapshot, once it is on disk.
        self._pending: list[tuple[str, str, Annotation | StoredDocument | None]] = []
        self._writes: WriteQueue[Operation] = WriteQueue(self._write, "notes-writer")
        self._closed = False
        atexit.register(self.close)

    # Reads: from the last saved snapshot.

    def annotations(self, document_id: str | None = None) -> list[Annotation]:
        """Saved annotations, oldest first, of one document or of all."""
        items = self._notes.values()
        return [a for a in items if document_id is None or a.target.document_id == document_id]

    def documents(self) -> list[StoredDocument]:
        """Every document the case has seen."""
        return list(self._documents.values())

    def attach(
        self,
        document_id: str,
        path: Path,
        text: str,
        passages: Sequence[Passage] | None = None,
    ) -> list[Attached]:
        """This document's notes with where each stands in its current text (attaching.py)."""
        return attach_notes(self, document_id, path, text, passages)

    def document_path(self, document: StoredDocument) -> Path:
        """Where a stored document's file is now (stored_document.document_file)."""
        return document_file(self.path, document)

    def setting(self, name: str) -> Any:
        """A saved view setting (such as the documents in the panes), or None."""
        return self._settings.get(name)

    def remember_setting(self, name: str, value: Any) -> Future[None]:
        """Save a view setting in the notes file."""
        self._settings[name] = value
        settings = dict(self._settings)

        def operation(tables: _Tables) -> None:
            tables.meta.put("settings", settings)

        return self._submit(operation)

    def annotation(self, annotation_id: str) -> Annotation | None:
        """One saved annotation by id."""
        return self._notes.get(annotation_id)

    # Writes: queued for the writer thread.

    def save(self, annotation: Annotation) -> Future[Annotation]:
        """Insert or replace an annotation."""

        def operation(tables: _Tables) -> Annotation:
            tables.annotations.put(annotation.id, annotation.to_dict())
            self._pending.append(("note", annotation.id, annotation))
            return annotation

        return self._submit(operation)

    def delete(self, annotation_id: str) -> Future[bool]:
        """Remove an annotation; the Future says whether it existed."""

        def operation(tables: _Tables) -> bool:
            self._pending.append(("note", annotation_id, None))
            return bool(tables.annotations.remove([annotation_id]))

        return self._submit(operation)

    def remember_document(
        self, document_id: str, path: Path, title: str, metadata: Mapping[str, str]
    ) -> Future[None]:
        """Record a document's current path, title and metadata under its content id."""
        return self.remember_documents([(document_id, path, title, metadata)])

    def remember_documents(
        self, documents: Iterable[tuple[str, Path, str, Mapping[str, str]]]
    ) -> Future[None]:
        """Record several documents in one write (see ``remember_document``)."""
        records = {d[0]: document_record(self.path, *d) for d in documents}

        def operation(tables: _Tables) -> None:
            changed = {k: r for k, r in records.items() if tables.documents.get(k) != r}
            tables.documents.put_many(changed)
            for key, record in changed.items():
                self._pending.append(("document", key, StoredDocument(**record)))

        return self._submit(operation)

    def commit(self, saves: Iterable[Annotation] = (), deletes: Iterable[str] = ()) -> Future[int]:
        """Save and delete several annotations in one atomic write; the Future counts changes."""
        to_save, to_delete = list(saves), list(deletes)

        def operation(tables: _Tables) -> int:
            tables.annotations.put_many({a.id: a.to_dict() for a in to_save})
            self._pending.extend(("note", a.id, a) for a in to_save)
            self._pending.extend(("note", key, None) for key in to_delete)
            return len(to_save) + tables.annotations.remove(to_delete)

        return self._submit(operation)

    def flush(self, timeout: float | None = None) -> None:
        """Wait until every queued write is on disk or has failed (each Future says which)."""
        if self._writes.started:
            self._writes.put(lambda tables: None).exception(timeout)

    def close(self) -> None:
        """Write what is queued, stop the writer thread and release the lock."""
        if self._closed:
            return
        self._closed = True
        self._writes.stop()
        self._db.close()
        if self._lock.is_locked:
            self._lock.release()
        atexit.unregister(self.close)

    def backups(self) -> list[Path]:
        """The rotating backups that exist, newest first."""
        return existing_backups(self.path)

    def replace_file(self, payload: bytes) -> None:
        """Put other content in place of the file (a restored backup), keeping it as a backup."""
        self._storage.replace_file(payload)

    # Internals.

    def _submit(self, operation: Operation) -> Future[Any]:
        future: Future[Any] = Future()
        if self.read_only:
            future.set_exception(ReadOnlyStore(self.notice or f"{self.path} is open read-only"))
            return future
        if self._closed:
            future.set_exception(StoreError(f"{self.path}: the notes store is closed"))
            return future
        return self._writes.put(operation)

    def _write(self, batch: list[tuple[Operation, Future[Any]]]) -> None:
        """On the writer thread: one batch, one write."""
        try:
            self._apply(batch)
        except BaseException:
            self._pending.clear()  # the write queue fails the batch's Futures
            raise

    def _apply(self, batch: list[tuple[Operation, Future[Any]]]) -> None:
        results: list[tuple[Future[Any], Any, BaseException | None]] = []
        try:
            with self._storage.batch():
                for operation, future in batch:
                    try:
                        results.append((future, operation(self._tables), None))
                    except Exception as problem:  # one bad operation fails alone
                        results.append((future, None, problem))
        except Exception as failure:
            self._pending.clear()
            self._clear_caches()
            for _, future in batch:
                future.set_exception(failure)
            return
        self._clear_caches()
        self._publish()
        for future, value, error in results:
            if error is None:
                future.set_result(value)
            else:
                future.set_exception(error)

    def _clear_caches(self) -> None:
        for table in (self._tables.annotations, self._tables.documents, self._tables.meta):
            table.clear_cache()

    def _prepare(self, existing: dict[str, Any] | None) -> None:
        with self._storage.batch():
            if existing is None:
                meta = {"app": APP, "schema": SCHEMA_VERSION, "created": now()}
                self._tables.meta.put("reader", meta)
            else:
                migrate(self._tables.meta, self._tables.annotations)
        self._clear_caches()

    def _keep_duplicates(self, duplicates: list[Annotation]) -> None:
        """Annotations the file held twice under one id (a hand edit, a merge by another
        tool): each earlier copy is kept under a new id, never silently dropped."""
        copies = [replace(a, id=f"urn:uuid:{uuid.uuid4()}") for a in duplicates]
        if not self.read_only:
            with self._storage.batch():
                self._tables.annotations.put_many({a.id: a.to_dict() for a in copies})
            self._clear_caches()
        self._notes.update({a.id: a for a in copies})
        kept = f"{len(copies)} annotation(s) twice under one id; each copy is kept under a new id"
        self.notice = f"{self.path} held {kept}" + (f". {self.notice}" if self.notice else "")

    def _read_snapshot(self) -> tuple[dict[str, Annotation], dict[str, StoredDocument]]:
        # Insertion order: TinyDB tables keep it, and so does the file.
        # Checked when the file was read (validation.py): parsing cannot fail here.
        notes = {
            k: parse_annotation(r, f"annotations[{k}]") for k, r in self._tables.annotations.items()
        }
        documents = {
            k: StoredDocument(**parse_document(r, f"documents[{k}]"))
            for k, r in self._tables.documents.items()
        }
        return notes, documents

    def _publish(self) -> None:
        """Apply a committed batch's effects to copies of the snapshot, then swap them in."""
        notes, documents = dict(self._notes), dict(self._documents)
        for kind, key, value in self._pending:
            target: dict[str, Any] = notes if kind == "note" else documents
            if value is None:
                target.pop(key, None)
            else:
                target[key] = value
        self._pending.clear()
        self._notes, self._documents = notes, documents
