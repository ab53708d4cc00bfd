"""What the notes file remembers of a document, and how its file is found again: the path
relative to the notes file (so a case folder can move with its notes), the absolute path as a
fallback, and, for records of older versions, the current folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class StoredDocument:
    """A document as the notes file records it: content id, path (relative to the notes
    file's folder, or absolute where it cannot be), title, metadata, and the absolute path."""

    id: str
    path: str
    title: str
    metadata: dict[str, str]
    absolute_path: str = ""


def document_record(
    notes: Path, document_id: str, path: Path, title: str, metadata: Mapping[str, str]
) -> dict[str, Any]:
    """The record of a document for a notes file at ``notes``."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, notes.parent)
    except ValueError:  # another drive (Windows): no relative path exists
        relative = absolute
    return {
        "id": document_id,
        "path": relative,
        "absolute_path": absolute,
        "title": title,
        "metadata": dict(metadata),
    }


def document_file(notes: Path, document: StoredDocument) -> Path:
    """Where a stored document's file is now: beside the notes file as recorded, else at its
    absolute path, else (records of older versions) relative to the current folder."""
    recorded = Path(document.path)
    candidates = [recorded] if recorded.is_absolute() else [notes.parent / recorded]
    if document.absolute_path:
        candidates.append(Path(document.absolute_path))
    if not recorded.is_absolute():
        candidates.append(Path.cwd() / recorded)
    # Normalised, so a file beside the folder reads "/cases/a.md", not "/cases/case/../a.md".
    found = next((c for c in candidates if c.exists()), candidates[0])
    return Path(os.path.normpath(found))


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (by path when one of them is gone)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)
