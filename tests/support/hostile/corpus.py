"""Malformed notes files and malicious imports, each a small change to a valid one."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

Data = dict[str, Any]
ANNOTATION_ID = "urn:uuid:0b8a3c2e-6f0d-4a52-9a39-3d6f3f1c5a11"
DOCUMENT_ID = "d" * 64


def valid_annotation() -> Data:
    """An annotation record as reader writes it."""
    target = {
        "document_id": DOCUMENT_ID,
        "quote": {"exact": "Eighteen soldiers deserted.", "prefix": "", "suffix": ""},
        "position": {"start": 0, "end": 27},
    }
    return {
        "id": ANNOTATION_ID,
        "schema": 1,
        "document_id": DOCUMENT_ID,
        "status": "corroborated",
        "note": "two outlets",
        "claim": "Eighteen soldiers deserted.",
        "target": target,
        "evidence": [{"target": copy.deepcopy(target), "score": 34.3, "strength": "strong"}],
        "created": "2026-11-30T10:00:00.000+00:00",
        "updated": "2026-11-30T10:00:00.000+00:00",
    }


def valid_document() -> Data:
    """A document record as reader writes it."""
    return {"id": DOCUMENT_ID, "path": "a.md", "title": "A", "metadata": {"outlet": "X"}}


def notes_file(annotation: Any = None, **tables: Any) -> Data:
    """A notes database holding one annotation (by default a valid one)."""
    record = valid_annotation() if annotation is None else annotation
    data: Data = {
        "meta": {"reader": {"app": "reader", "schema": 1, "created": "2026-11-30T10:00:00Z"}},
        "annotations": {ANNOTATION_ID: record},
        "documents": {DOCUMENT_ID: valid_document()},
    }
    data.update(tables)
    return data


def export_file(annotations: Any = None, **fields: Any) -> Data:
    """A JSON export holding the given annotations (by default one valid one)."""
    data: Data = {
        "format": "reader-notes-export",
        "version": 1,
        "documents": [valid_document()],
        "annotations": [valid_annotation()] if annotations is None else annotations,
    }
    data.update(fields)
    return data


def _changed(change: Callable[[Data], None]) -> Data:
    record = valid_annotation()
    change(record)
    return record


def _set(path: str, value: Any) -> Callable[[Data], None]:
    def change(record: Data) -> None:
        *parents, last = path.split(".")
        for key in parents:
            record = record[key][0] if isinstance(record[key], list) else record[key]
        record[last] = value

    return change


def _drop(key: str) -> Callable[[Data], None]:
    def change(record: Data) -> None:
        del record[key]

    return change


# (name, a bad annotation record, a word the one-line message must contain)
BAD_ANNOTATIONS: list[tuple[str, Any, str]] = [
    ("a string", "not an annotation", "expected an object"),
    ("no target", _changed(_drop("target")), "target"),
    ("start as text", _changed(_set("target.position.start", "zero")), "start"),
    ("start as a float", _changed(_set("target.position.start", 1.5)), "start"),
    ("end before start", _changed(_set("target.position.end", -1)), "position"),
    ("start as true", _changed(_set("target.position.start", True)), "start"),
    ("evidence a string", _changed(_set("evidence", "abc")), "evidence"),
    ("score a word", _changed(_set("evidence.score", "high")), "score"),
    ("score not a number", _changed(_set("evidence.score", float("nan"))), "score"),
    ("strength unknown", _changed(_set("evidence.strength", "huge")), "strength"),
    ("quote null", _changed(_set("target.quote", None)), "quote"),
    ("exact null", _changed(_set("target.quote.exact", None)), "exact"),
    ("schema a word", _changed(_set("schema", "one")), "schema"),
    ("schema negative", _changed(_set("schema", -1)), "schema"),
    ("status unknown", _changed(_set("status", "maybe")), "status"),
    ("note a number", _changed(_set("note", 42)), "note"),
    ("note a lone surrogate", _changed(_set("note", "\ud800")), "surrogate"),
    ("id not a urn", _changed(_set("id", '=HYPERLINK("x")')), "id"),
    ("created not a time", _changed(_set("created", "yesterday")), "created"),
]


def deep_json(levels: int = 100_000) -> str:
    """JSON nested far deeper than any parser's recursion limit."""
    return "[" * levels + "]" * levels


def dumps(data: Data) -> str:
    """JSON text, allowing NaN (as a hostile file may hold it)."""
    return json.dumps(data, ensure_ascii=True)
