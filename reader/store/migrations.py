"""Schema versions of the notes database and the steps between them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reader.store.errors import StoreError
from reader.store.model import SCHEMA_VERSION
from reader.store.records import Records


def _from_0(annotations: Records) -> None:
    """Version 0 kept the status as ``tag`` and had no evidence list."""
    for key, record in annotations.items():
        changed: dict[str, Any] = {"schema": 1, "status": record.get("tag"), "evidence": []}
        annotations.update(key, changed)


_STEPS: dict[int, Callable[[Records], None]] = {0: _from_0}


def migrate(meta: Records, annotations: Records) -> int:
    """Bring the database up to the current schema; return the version it had."""
    record = meta.get("reader")
    version = int(record.get("schema", 0)) if record else 0
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"this notes file was written by a newer reader (schema {version}); "
            "update reader to open it"
        )
    start = version
    while version < SCHEMA_VERSION:
        _STEPS[version](annotations)
        version += 1
    if start != version:
        meta.update("reader", {"schema": version})
    return start
