"""Merging an export into a notes file (every record checked first), and the report of
changes that could not be saved, written as an export to import back."""

from __future__ import annotations

import json
import os
import stat
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.core.documents.text_policy import sanitize
from reader.core.export.json_export import EXPORT_FORMAT, EXPORT_VERSION
from reader.store.annotation import Annotation
from reader.store.note_writer import DocumentRecord
from reader.store.notes import NotesStore
from reader.store.schema import InvalidRecord, parse_annotation, parse_document
from reader.store.store_error import StoreError


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


@dataclass(frozen=True)
class ImportFile:
    """A JSON export, every record checked: its documents and its annotations."""

    documents: list[dict[str, Any]]
    annotations: list[Annotation]


def read_export(path: Path) -> ImportFile:
    """Read a JSON export, checking every field; anything else is refused with one line."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise StoreError(f"{path}: no such file") from None
    except OSError as error:
        raise StoreError(f"{path}: cannot read ({error.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"{path}: not a regular file")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise StoreError(f"{path}: cannot read ({error.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise StoreError(f"{path}: not a reader JSON export (not JSON)") from None
    except RecursionError:
        raise StoreError(f"{path}: not a reader JSON export (nested too deeply)") from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise StoreError(f"{path}: not a reader JSON export (use 'reader export --format json')")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version > EXPORT_VERSION:
        raise StoreError(f"{path}: an export of version {version!r}; this reader reads 1")
    try:
        return ImportFile(
            [_imported_document(d, n, path) for n, d in enumerate(_list(data, "documents"))],
            [
                parse_annotation(a, f"annotations[{n}]")
                for n, a in enumerate(_list(data, "annotations"))
            ],
        )
    except StoreError as error:
        raise StoreError(f"{path}: nothing imported: {error}") from None


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise InvalidRecord(f"{key}: expected a list, got {type(value).__name__}")
    return value


def _imported_document(data: object, number: int, source: Path) -> dict[str, Any]:
    """A document record of an export; a relative path is relative to the export file."""
    record = parse_document(data, f"documents[{number}]")
    record["path"] = str(source.parent / record["path"])
    return record


def import_notes(store: NotesStore, data: ImportFile, dry_run: bool = False) -> ImportReport:
    """Merge an export into the store by id; on conflict keep both; never drop anything.

    An annotation whose id is already taken, in the store or earlier in the same export, by
    different content is kept under a new id and reported as a conflict.
    """
    report = ImportReport()
    known = {d.id for d in store.documents()}
    new_documents = {d["id"]: d for d in data.documents if d["id"] not in known}
    report.documents_added.extend(new_documents)
    taken: dict[str, Annotation] = {}
    incoming: list[Annotation] = []
    # A conflicting version kept by an earlier import of the same export is there already,
    # under its new id: importing again adds nothing.
    kept = {_content(a) for a in store.annotations()}
    for annotation in data.annotations:
        existing = taken.get(annotation.id) or store.annotation(annotation.id)
        if existing is not None and existing != annotation and _content(annotation) in kept:
            report.unchanged.append(annotation.id)
            continue
        if existing is None:
            report.added.append(annotation.id)
            incoming.append(annotation)
            taken[annotation.id] = annotation
        elif existing == annotation:
            report.unchanged.append(annotation.id)
        else:
            copy = replace(annotation, id=_conflict_id(annotation))
            if copy.id in taken or store.annotation(copy.id) is not None:
                # Only a crafted file can hold that id already: never replace what is there.
                copy = replace(annotation, id=f"urn:uuid:{uuid.uuid4()}")
            report.conflicts.append((annotation.id, copy.id))
            incoming.append(copy)
            taken[copy.id] = copy
            kept.add(_content(copy))
    if dry_run:
        return report
    if new_documents:
        store.remember_documents(
            (d["id"], Path(d["path"]), d["title"], d["metadata"]) for d in new_documents.values()
        ).result()
    if incoming:
        store.commit(incoming).result()
    return report


# The namespace of the ids given to conflicting versions (uuid5 over id and content).
_CONFLICTS = uuid.UUID("5a0c3a5e-6f0e-4a55-9d1c-2b7f0b7e4c11")


def _conflict_id(annotation: Annotation) -> str:
    """The new id of a conflicting version: the same for the same id and content, so that
    ``--dry-run`` names the id the import will give, and two versions get two ids."""
    content = json.dumps(annotation.to_dict(), sort_keys=True, ensure_ascii=True)
    return f"urn:uuid:{uuid.uuid5(_CONFLICTS, content)}"


def _content(annotation: Annotation) -> Annotation:
    """An annotation without its id: what two kept versions are compared by."""
    return replace(annotation, id="")


def unsaved_report(
    store: NotesStore,
    lost: dict[str, Annotation | None],
    documents: Sequence[DocumentRecord] = (),
) -> str:
    """What to print when changes could not be saved: the lost tags and notes (and document
    records) as a JSON export that ``reader import`` takes back, and the deletions that did
    not happen."""
    kept = [wanted for wanted in lost.values() if wanted is not None]
    undeleted = [key for key, wanted in lost.items() if wanted is None]
    lines = [f"reader: {len(lost) + bool(documents)} change(s) could NOT be saved to {store.path}."]
    if undeleted:
        lines.append(f"  still in the notes file although removed: {', '.join(undeleted)}")
    if kept or documents:
        known: dict[str, DocumentRecord] = {
            d.id: (d.id, store.document_path(d), d.title, d.metadata) for d in store.documents()
        }
        known.update({record[0]: record for record in documents})
        payload = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "documents": [
                {
                    "id": i,
                    "path": os.fsencode(p).decode("utf-8", "replace"),
                    "title": t,
                    "metadata": dict(m),
                }
                for i, p, t, m in known.values()
            ],
            "annotations": [a.to_dict() for a in kept],
        }
        lines.append(
            "  they follow as a JSON export: save the JSON below to a file and run "
            f"'reader import FILE --db {store.path}' once the notes file can be written"
        )
        lines.append(json.dumps(payload, ensure_ascii=True, indent=1))
    return sanitize("\n".join(lines)) + "\n"
