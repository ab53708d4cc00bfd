"""Moving notes in and out of a store: export data with orphan flags, and merging an import."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.core.decoding import sanitize
from reader.core.errors import DocumentError
from reader.core.export import EXPORT_FORMAT, EXPORT_VERSION
from reader.core.loading import load_document
from reader.core.model import Document
from reader.core.note_facts import Data, attribution_data
from reader.core.provenance import paragraph_attribution
from reader.store.anchoring import anchor
from reader.store.errors import StoreError
from reader.store.model import Annotation, Evidence
from reader.store.notes import NotesStore


def export_data(store: NotesStore) -> dict[str, Any]:
    """Documents and notes as plain data; a note whose text cannot be found is ``orphaned``.

    ``contexts`` gives, by note id, the sources named in the paragraphs of the claim and of
    each counterpart, as the detail panel shows them, where the documents can be read.
    """
    documents = store.documents()
    # Each file once, though several versions of it may be stored; by stored id, the file now
    # at that version's path.
    by_path = {path: _readable(path) for path in dict.fromkeys(d.path for d in documents)}
    loaded = {d.id: found for d in documents if (found := by_path[d.path]) is not None}
    placed: dict[str, Data] = {}
    for current in by_path.values():
        if current is None:
            continue  # gone or unreadable: its notes cannot be placed
        for attached in store.attach(current.id, str(current.path), current.text):
            if attached.anchor.status != "orphan":
                item = attached.annotation
                placed[item.id] = {
                    "claim": _paragraph_sources(current, attached.anchor.start),
                    "counterparts": [_counterpart_sources(e, loaded) for e in item.evidence],
                }
    return {
        "documents": [
            {"id": d.id, "path": d.path, "title": d.title, "metadata": d.metadata}
            for d in documents
        ],
        "annotations": [
            {**a.to_dict(), "orphaned": a.id not in placed} for a in store.annotations()
        ],
        "contexts": placed,
    }


def _readable(path: str) -> Document | None:
    try:
        return load_document(path)
    except DocumentError:
        return None


def _counterpart_sources(evidence: Evidence, loaded: dict[str, Document]) -> list[Data] | None:
    document = loaded.get(evidence.target.document_id)
    if document is None:
        return None
    found = anchor(evidence.target, document.text)
    return None if found.status == "orphan" else _paragraph_sources(document, found.start)


def _paragraph_sources(document: Document, offset: int) -> list[Data] | None:
    """The sources named in the paragraph of the passage at ``offset``."""
    passage = document.passage_at(offset)
    if passage is None:
        return None
    return attribution_data(paragraph_attribution(document, passage.index))


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do)."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (existing id, new copy id)
    documents_added: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the user."""
        return (
            f"{len(self.added)} added, {len(self.unchanged)} already present, "
            f"{len(self.conflicts)} conflicts kept as both versions, "
            f"{len(self.documents_added)} documents added"
        )


def read_export(path: Path) -> dict[str, Any]:
    """Read a JSON export, refusing anything else with a clear message."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(f"{path}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise StoreError(f"{path}: not a reader JSON export (not JSON)") from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise StoreError(f"{path}: not a reader JSON export (use 'reader export --format json')")
    return data


def import_notes(store: NotesStore, data: dict[str, Any], dry_run: bool = False) -> ImportReport:
    """Merge an export into the store by id; on conflict keep both; never drop anything."""
    report = ImportReport()
    known = {d.id for d in store.documents()}
    for document in data.get("documents", []):
        if document["id"] not in known:
            report.documents_added.append(document["id"])
            if not dry_run:
                store.remember_document(
                    document["id"], document["path"], document["title"], document["metadata"]
                ).result()
    incoming: list[Annotation] = []
    for record in data.get("annotations", []):
        clean = {k: v for k, v in record.items() if k != "orphaned"}
        annotation = Annotation.from_dict(clean)
        existing = store.annotation(annotation.id)
        if existing is None:
            report.added.append(annotation.id)
            incoming.append(annotation)
        elif existing == annotation:
            report.unchanged.append(annotation.id)
        else:
            copy = replace(annotation, id=f"urn:uuid:{uuid.uuid4()}")
            report.conflicts.append((annotation.id, copy.id))
            incoming.append(copy)
    if incoming and not dry_run:
        store.commit(incoming).result()
    return report


def unsaved_report(store: NotesStore, lost: dict[str, Annotation | None]) -> str:
    """What to print when changes could not be saved: the lost tags and notes as a JSON
    export that ``reader import`` takes back, and the deletions that did not happen."""
    kept = [wanted for wanted in lost.values() if wanted is not None]
    undeleted = [key for key, wanted in lost.items() if wanted is None]
    lines = [
        f"reader: {len(lost)} change(s) could NOT be saved to {store.path}.",
    ]
    if undeleted:
        lines.append(f"  still in the notes file although removed: {', '.join(undeleted)}")
    if kept:
        payload = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "documents": [
                {"id": d.id, "path": d.path, "title": d.title, "metadata": d.metadata}
                for d in store.documents()
            ],
            "annotations": [a.to_dict() for a in kept],
        }
        lines.append(
            "  the tags and notes follow as a JSON export: save the JSON below to a file and "
            f"run 'reader import FILE --db {store.path}' once the disk has space"
        )
        lines.append(json.dumps(payload, ensure_ascii=True, indent=1))
    return sanitize("\n".join(lines)) + "\n"
