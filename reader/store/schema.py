"""Checking records before they are trusted: every field of every annotation and document,
from a notes file being opened or an export being imported.

A record that fails is refused with one line naming the first bad field, as a path into the
data ("annotations[3].target.position.start: expected a whole number, got 'zero'"), before
anything is written. Unknown extra fields are allowed (a newer export may add some).
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Any

from reader.store.annotation import (
    SCHEMA_VERSION,
    STATUSES,
    Annotation,
    Evidence,
    Target,
    TextPositionSelector,
    TextQuoteSelector,
)
from reader.store.store_error import StoreError

STRENGTHS = ("strong", "partial")
_ANNOTATION_ID = re.compile(
    r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE
)


class InvalidRecord(StoreError):
    """A record does not have the shape reader writes; the message names the field."""


def parse_annotation(data: object, where: str) -> Annotation:
    """The annotation a record describes, or InvalidRecord naming its first bad field."""
    record = _object(data, where)
    annotation_id = _text(record, "id", where)
    if not _ANNOTATION_ID.fullmatch(annotation_id):
        raise InvalidRecord(f"{where}.id: expected 'urn:uuid:' and a UUID, got {_show(data, 'id')}")
    schema = _whole(record.get("schema", SCHEMA_VERSION), f"{where}.schema")
    if not 0 <= schema <= SCHEMA_VERSION:
        raise InvalidRecord(f"{where}.schema: expected 0 to {SCHEMA_VERSION}, got {schema}")
    status = record.get("status")
    if status is not None and status not in STATUSES:
        raise InvalidRecord(
            f"{where}.status: expected {' or '.join(STATUSES)} or null, got {_repr(status)}"
        )
    evidence = record.get("evidence", [])
    if not isinstance(evidence, list):
        raise InvalidRecord(f"{where}.evidence: expected a list, got {_repr(evidence)}")
    return Annotation(
        target=parse_target(record.get("target"), f"{where}.target"),
        status=status,
        note=_text(record, "note", where, default=""),
        evidence=tuple(
            _evidence(item, f"{where}.evidence[{n}]") for n, item in enumerate(evidence)
        ),
        id=annotation_id,
        created=_timestamp(record, "created", where),
        updated=_timestamp(record, "updated", where),
        schema=schema,
    )


def parse_target(data: object, where: str) -> Target:
    """The text target a record describes: document, quote and position."""
    record = _object(data, where)
    quote = _object(record.get("quote"), f"{where}.quote")
    position = _object(record.get("position"), f"{where}.position")
    start = _whole(position.get("start"), f"{where}.position.start")
    end = _whole(position.get("end"), f"{where}.position.end")
    if not 0 <= start <= end:
        raise InvalidRecord(f"{where}.position: expected 0 <= start <= end, got {start}, {end}")
    return Target(
        _text(record, "document_id", where),
        TextQuoteSelector(
            _text(quote, "exact", f"{where}.quote"),
            _text(quote, "prefix", f"{where}.quote", default=""),
            _text(quote, "suffix", f"{where}.quote", default=""),
        ),
        TextPositionSelector(start, end),
    )


def parse_document(data: object, where: str) -> dict[str, Any]:
    """A document record (id, path, title, metadata) with every field checked."""
    record = _object(data, where)
    metadata = _object(record.get("metadata", {}), f"{where}.metadata")
    for key, value in metadata.items():
        if not isinstance(value, str):
            raise InvalidRecord(f"{where}.metadata.{key}: expected text, got {_repr(value)}")
        _text(metadata, key, f"{where}.metadata")
    checked = {
        "id": _text(record, "id", where),
        "path": _text(record, "path", where, file_name=True),
        "title": _text(record, "title", where, default=""),
        "metadata": dict(metadata),
    }
    if "absolute_path" in record:
        checked["absolute_path"] = _text(record, "absolute_path", where, file_name=True)
    if not checked["id"]:
        raise InvalidRecord(f"{where}.id: expected a document id, got an empty text")
    return checked


def _evidence(data: object, where: str) -> Evidence:
    record = _object(data, where)
    score = record.get("score")
    if isinstance(score, bool) or not isinstance(score, int | float) or not math.isfinite(score):
        raise InvalidRecord(f"{where}.score: expected a finite number, got {_repr(score)}")
    strength = record.get("strength")
    if strength not in STRENGTHS:
        raise InvalidRecord(f"{where}.strength: expected strong or partial, got {_repr(strength)}")
    return Evidence(parse_target(record.get("target"), f"{where}.target"), float(score), strength)


def _object(data: object, where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InvalidRecord(f"{where}: expected an object, got {_repr(data)}")
    return data


def _text(
    record: dict[str, Any],
    key: str,
    where: str,
    default: str | None = None,
    file_name: bool = False,
) -> str:
    """A text field; lone surrogates only in a file name (the bytes of a name not in UTF-8)."""
    value = record.get(key, default)
    if not isinstance(value, str):
        raise InvalidRecord(f"{where}.{key}: expected text, got {_repr(value)}")
    if file_name:
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidRecord(f"{where}.{key}: holds a lone surrogate, not text") from None
    return value


def _whole(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidRecord(f"{where}: expected a whole number, got {_repr(value)}")
    return value


def _timestamp(record: dict[str, Any], key: str, where: str) -> str:
    value = _text(record, key, where)
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise InvalidRecord(
            f"{where}.{key}: expected an ISO 8601 time, got {_repr(value)}"
        ) from None
    return value


def _show(record: object, key: str) -> str:
    return _repr(record.get(key)) if isinstance(record, dict) else "?"


def _repr(value: object) -> str:
    """A short, printable picture of a bad value for the message."""
    shown = "null" if value is None else repr(value)
    shown = shown.encode("ascii", "backslashreplace").decode("ascii")
    return shown if len(shown) <= 40 else shown[:39] + "…"
