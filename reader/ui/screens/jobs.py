"""The workstation's slow work, each job run in a thread worker: matching the documents,
writing an export, adding a document. A job calls the pure core or the store and reports by
the message it returns or posts; it never touches a widget."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from textual.worker import get_current_worker

from reader.core.documents.document import Document
from reader.core.documents.document_error import DocumentError
from reader.core.documents.loading import EXTRACTED_SUFFIXES, load_document
from reader.core.documents.original import extract, is_url, read_original
from reader.core.documents.saved_copy import copy_file, find_copy, save_copy, sha256_of
from reader.core.export.formats import export
from reader.core.matching.matcher import MatchCancelled, MatchResult, match_documents
from reader.store.exporting import gather_export
from reader.store.notes import NotesStore
from reader.store.output import write_output
from reader.store.store_error import StoreError

Progress = Callable[[int, int], None]


def match_job(
    documents: list[Document], painted: threading.Event, progress: Progress
) -> MatchResult | None:
    """Match every pair of the documents; None when the worker was cancelled."""
    worker = get_current_worker()
    # Matching waits for the first frame, so a long document is on screen before the
    # matcher's thread competes with the UI for the interpreter.
    painted.wait(timeout=2.0)
    # A shorter switch interval hands the interpreter back to the UI thread sooner: key
    # presses during matching a 5 MB document went from ~80 ms to ~30 ms at the 95th
    # percentile (bench/ui_speed.py).
    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.001)
    try:
        return match_documents(
            list(documents), progress=progress, cancelled=lambda: worker.is_cancelled
        )
    except MatchCancelled:
        return None
    finally:
        sys.setswitchinterval(interval)


@dataclass(frozen=True)
class ExportOutcome:
    """Where an export went, or why it did not."""

    path: Path | None
    error: str | None


def export_job(store: NotesStore, format_name: str, path: Path) -> ExportOutcome:
    """Wait for pending writes, then write the export atomically."""
    try:
        store.flush(30)
        text = export(gather_export(store), format_name)
        return ExportOutcome(write_output(path, text.encode("utf-8")), None)
    except (OSError, StoreError) as error:
        return ExportOutcome(None, str(error))


@dataclass(frozen=True)
class AddOutcome:
    """A document added to the set (and where it was saved), or why it could not be."""

    document: Document | None
    saved: Path | None
    error: str | None
    already: bool = False


def add_job(spec: str, folder: Path, max_bytes: int, say: Callable[[str], None]) -> AddOutcome:
    """Add a document to the case: a file in the case folder is read as it is; a URL, or a page
    or PDF from elsewhere, is kept as a dated Markdown copy in ``folder`` (as ``reader add``
    keeps it); a text or Markdown file from elsewhere is copied in. So the next start on the
    folder opens it again."""
    worker = get_current_worker()
    try:
        path = Path(spec).expanduser()
        if not is_url(spec):
            say("reading…")
            if path.resolve().parent == folder.resolve():
                return AddOutcome(load_document(path, max_bytes), None, None)
            if path.suffix.lower() not in EXTRACTED_SUFFIXES:
                load_document(path, max_bytes)  # refuses what cannot be read before copying
                kept = copy_file(folder, path)
                return AddOutcome(
                    load_document(kept.path, max_bytes), kept.path, None, kept.duplicate
                )
        say("fetching…" if is_url(spec) else "keeping a copy…")
        original = read_original(spec if is_url(spec) else str(path), max_bytes=max_bytes)
        if worker.is_cancelled:
            return AddOutcome(None, None, "cancelled")
        existing = find_copy(folder, sha256_of(original.data))
        if existing is not None:
            return AddOutcome(load_document(existing, max_bytes), existing, None, already=True)
        say("extracting…")
        article = extract(original, max_bytes)
        if worker.is_cancelled:
            return AddOutcome(None, None, "cancelled")
        saved = save_copy(folder, original, article, datetime.now(UTC))
        return AddOutcome(load_document(saved.path, max_bytes), saved.path, None, saved.duplicate)
    except (DocumentError, OSError) as error:
        return AddOutcome(None, None, str(error))
