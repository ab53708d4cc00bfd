"""Schema versions of the notes database and the steps between them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reader.store.annotation import SCHEMA_VERSION
from reader.store.store_error import StoreError
from reader.store.tables import Records


def _from_0(record: dict[str, Any]) -> dict[str, Any]:
    """Version 0 kept the status as ``tag`` and had no evidence list."""
    return {**record, "schema": 1, "status": record.get("tag"), "evidence": []}


_STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _from_0}


def upgrade_record(record: dict[str, Any], version: int) -> dict[str, Any]:
    """An annotation record of a database at ``version``, as the current schema has it."""
    while version < SCHEMA_VERSION:
        record = _STEPS[version](record)
        version += 1
    return record


def file_version(meta: dict[str, Any] | None) -> int:
    """The schema version a database's ``meta`` table says it has (0 when it says none)."""
    record = (meta or {}).get("reader")
    version = record.get("schema", 0) if isinstance(record, dict) else 0
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise StoreError(f"the notes file's schema is not a version number: {version!r}")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"this notes file was written by a newer reader (schema {version}); "
            "update reader to open it"
        )
    return version


def migrate(meta: Records, annotations: Records) -> int:
    """Bring the database up to the current schema; return the version it had."""
    version = file_version({"reader": meta.get("reader")})
    if version != SCHEMA_VERSION:
        for key, record in annotations.items():
            annotations.put(key, upgrade_record(record, version))
        meta.update("reader", {"schema": SCHEMA_VERSION})
    return version
