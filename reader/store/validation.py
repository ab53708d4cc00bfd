"""Deciding whether an existing file is a sound reader notes database before touching it."""

from __future__ import annotations

import json
import shutil
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.store.annotation import Annotation
from reader.store.migrations import file_version, upgrade_record
from reader.store.schema import parse_annotation, parse_document
from reader.store.store_error import CorruptStore, StoreError

APP = "reader"
DAMAGED_COPY = ".unreadable-"


@dataclass(frozen=True)
class NotesFile:
    """A notes database as read: its tables, and the annotations it held twice under one id
    (JSON keeps the last of a repeated key; these are the earlier ones)."""

    data: dict[str, Any]
    duplicates: list[Annotation]


def read_notes_file(path: Path) -> NotesFile | None:
    """The parsed database at path, None if there is no file; CorruptStore if it is not ours
    or not sound (a record of the wrong shape), StoreError if it is not a regular file.

    A file that is empty, not JSON, another program's, or holds a malformed record is copied
    aside (never moved or overwritten) and reported, so nothing the user had is lost.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(f"{path}: cannot read the notes file ({error.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise StoreError(f"{path}: {kind}; name a notes file with --db FILE")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise StoreError(f"{path}: cannot read the notes file ({error.strerror})") from None
    data, duplicates, problem = _parse(raw)
    if problem is None:
        return NotesFile(data, duplicates)
    copy = _keep_aside(path, raw)
    raise CorruptStore(
        f"{path}: {problem}; it was left as it is and a copy saved as {copy.name} "
        "(use --db to choose another notes file)"
    )


def check_database(data: dict[str, Any]) -> None:
    """Raise StoreError naming the first record that is not of the shape reader writes."""
    tables = {name: data.get(name, {}) for name in ("meta", "annotations", "documents")}
    version = file_version(tables["meta"])
    for key, record in tables["annotations"].items():
        where = f"annotations[{key}]"
        if not isinstance(record, dict):
            parse_annotation(record, where)  # raises, naming it
        annotation = parse_annotation(upgrade_record(record, version), where)
        if annotation.id != key:
            raise StoreError(f"{where}.id: differs from its key ({annotation.id})")
    for key, record in tables["documents"].items():
        parse_document(record, f"documents[{key}]")
    settings = tables["meta"].get("settings", {})
    if not isinstance(settings, dict):
        raise StoreError("meta.settings: expected an object")


def _parse(raw: bytes) -> tuple[dict[str, Any], list[Annotation], str | None]:
    """The tables, the annotations repeated under one key, and what is wrong, if anything."""
    repeated: list[tuple[str, Any]] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key, value in items:
            if key in found:
                repeated.append((key, found[key]))
            found[key] = value
        return found

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return {}, [], "not a notes file (not UTF-8 text)"
    if not text.strip():
        return {}, [], "the notes file is empty"
    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as error:
        return {}, [], f"the notes file is damaged (invalid JSON at line {error.lineno})"
    except RecursionError:
        return {}, [], "the notes file is damaged (JSON nested too deeply)"
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        return {}, [], "not a reader notes file (not a TinyDB database)"
    meta = data.get("meta", {})
    if not any(isinstance(r, dict) and r.get("app") == APP for r in meta.values()):
        return {}, [], "not a reader notes file (another program's TinyDB database)"
    version = file_version(meta)  # a newer reader's file is refused as it is, not called damaged
    try:
        check_database(data)
        duplicates = [
            parse_annotation(upgrade_record(value, version), f"annotations[{key}] (repeated)")
            for key, value in repeated
            if key in data.get("annotations", {}) and isinstance(value, dict) and "target" in value
        ]
    except StoreError as error:
        return {}, [], f"the notes file holds a malformed record ({error})"
    return data, duplicates, None


def _keep_aside(path: Path, raw: bytes) -> Path:
    """A copy of the damaged file beside it; the same damage is copied once, not each time."""
    for earlier in sorted(path.parent.glob(f"{path.name}{DAMAGED_COPY}*")):
        try:
            if earlier.stat().st_size == len(raw) and earlier.read_bytes() == raw:
                return earlier
        except OSError:
            continue
    copy = path.with_name(f"{path.name}{DAMAGED_COPY}{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}")
    try:
        shutil.copy2(path, copy)
    except OSError as error:
        raise CorruptStore(
            f"{path}: not a reader notes file and no copy could be kept beside it "
            f"({error.strerror}); it was left as it is (use --db to choose another notes file)"
        ) from None
    return copy
