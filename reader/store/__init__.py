"""The notes file: annotations in, never a note lost.

A TinyDB file written atomically off the caller's thread, locked, checked field by field
before it is trusted, with rotating backups; notes re-anchored in documents that changed;
the notes placed on the open documents and the writer that saves every change (and retries
it); exports gathered and imports merged. Paths to the notes file come from ``locations``.

The names below are imported when first used: ``reader match`` reaches the store's
locations and errors, and must not pay for TinyDB, file locks and rapidfuzz.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader._lazy import lazy_exports

if TYPE_CHECKING:
    from reader.store.anchoring import Anchor, anchor
    from reader.store.annotation import (
        STATUSES,
        Annotation,
        Evidence,
        Status,
        Target,
        TextPositionSelector,
        TextQuoteSelector,
    )
    from reader.store.backups import restore_backup
    from reader.store.exporting import gather_export
    from reader.store.importing import ImportFile, ImportReport, import_notes, read_export
    from reader.store.note_writer import NoteWriter, WriteOutcome
    from reader.store.notes import NotesStore
    from reader.store.placed_notes import Key, PlacedNotes
    from reader.store.store_error import (
        CorruptStore,
        ExternalChange,
        ReadOnlyStore,
        StoreError,
        WriteFailed,
    )
    from reader.store.stored_document import StoredDocument

_HOME = {
    "Anchor": "reader.store.anchoring",
    "Annotation": "reader.store.annotation",
    "CorruptStore": "reader.store.store_error",
    "Evidence": "reader.store.annotation",
    "ExternalChange": "reader.store.store_error",
    "ImportFile": "reader.store.importing",
    "ImportReport": "reader.store.importing",
    "Key": "reader.store.placed_notes",
    "NoteWriter": "reader.store.note_writer",
    "NotesStore": "reader.store.notes",
    "PlacedNotes": "reader.store.placed_notes",
    "ReadOnlyStore": "reader.store.store_error",
    "STATUSES": "reader.store.annotation",
    "Status": "reader.store.annotation",
    "StoreError": "reader.store.store_error",
    "StoredDocument": "reader.store.stored_document",
    "Target": "reader.store.annotation",
    "TextPositionSelector": "reader.store.annotation",
    "TextQuoteSelector": "reader.store.annotation",
    "WriteFailed": "reader.store.store_error",
    "WriteOutcome": "reader.store.note_writer",
    "anchor": "reader.store.anchoring",
    "gather_export": "reader.store.exporting",
    "import_notes": "reader.store.importing",
    "read_export": "reader.store.importing",
    "restore_backup": "reader.store.backups",
}

__all__ = [
    "STATUSES",
    "Anchor",
    "Annotation",
    "CorruptStore",
    "Evidence",
    "ExternalChange",
    "ImportFile",
    "ImportReport",
    "Key",
    "NoteWriter",
    "NotesStore",
    "PlacedNotes",
    "ReadOnlyStore",
    "Status",
    "StoreError",
    "StoredDocument",
    "Target",
    "TextPositionSelector",
    "TextQuoteSelector",
    "WriteFailed",
    "WriteOutcome",
    "anchor",
    "gather_export",
    "import_notes",
    "read_export",
    "restore_backup",
]


__getattr__ = lazy_exports(__name__, _HOME)
