"""A TinyDB table keyed by strings (UUID URNs, content hashes), with honest types.

TinyDB supports string document ids at run time (``document_id_class``), but its type hints
say ``int``; this adapter is the one place that bridges the two.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from tinydb import TinyDB
from tinydb.table import Document, Table


class _StrTable(Table):
    document_id_class = cast(Any, str)


class NotesDB(TinyDB):
    """TinyDB whose tables take string document ids."""

    table_class = _StrTable


class Records:
    """One table of string-keyed records."""

    def __init__(self, table: Table) -> None:
        self._table: Any = table

    def get(self, key: str) -> dict[str, Any] | None:
        """The record with this key, if any."""
        found = self._table.get(doc_id=key)
        return dict(found) if found is not None else None

    def put(self, key: str, record: dict[str, Any]) -> None:
        """Insert or replace the record with this key."""
        self._table.upsert(Document(record, doc_id=cast(Any, key)))

    def put_many(self, records: dict[str, dict[str, Any]]) -> None:
        """Insert or replace many records in one pass over the table.

        TinyDB's public calls each copy the whole table (one ``upsert`` of 10,000 notes took
        10,000 copies of a growing table: an import of 20,000 notes took two minutes).
        ``_update_table`` is TinyDB's own single-pass update, which its public calls use.
        """
        if records:
            self._table._update_table(lambda table: table.update(records))

    def update(self, key: str, fields: dict[str, Any]) -> None:
        """Change some fields of the record with this key."""
        self._table.update(fields, doc_ids=[key])

    def remove(self, keys: Iterable[str]) -> int:
        """Delete the records with these keys that exist; return how many there were."""
        existing = self._table._read_table()
        present = [key for key in dict.fromkeys(keys) if key in existing]
        if present:

            def drop(table: dict[str, Any]) -> None:
                for key in present:
                    del table[key]

            self._table._update_table(drop)
        return len(present)

    def items(self) -> list[tuple[str, dict[str, Any]]]:
        """Every record with its key, in insertion order."""
        return [(str(doc.doc_id), dict(doc)) for doc in self._table.all()]

    def clear_cache(self) -> None:
        """Drop TinyDB's query cache (after a failed write reloaded the data)."""
        self._table.clear_cache()
