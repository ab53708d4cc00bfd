"""``reader import`` of large exports, against one TinyDB upsert per note measured in the same run.

Run: ``python -m bench.import_speed``. Each import reads and checks a JSON export of N notes,
then merges it into an empty notes file. The baseline merges the same notes into the same kind
of store with one upsert per note, the way the import wrote before: TinyDB copies the table
on every upsert, so that path grows with the square of N and is measured up to 5,000 notes.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.store_speed import make
from reader.core.export import EXPORT_FORMAT, EXPORT_VERSION
from reader.store.importing import import_notes, read_export
from reader.store.notes import NotesStore

BASELINE_UP_TO = 5_000


def write_export(path: Path, size: int) -> None:
    """A JSON export of ``size`` notes."""
    payload = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "documents": [],
        "annotations": [make(n).to_dict() for n in range(size)],
    }
    path.write_text(json.dumps(payload), encoding="utf-8")


def ours(folder: Path, export: Path) -> float:
    """Seconds to read, check and merge the export into a new notes file."""
    start = time.perf_counter()
    store = NotesStore(folder / "ours.json")
    import_notes(store, read_export(export))
    store.close()
    return time.perf_counter() - start


def one_upsert_each(folder: Path, export: Path) -> float:
    """Seconds for the same merge with one table upsert per note (the earlier import)."""
    start = time.perf_counter()
    store = NotesStore(folder / "baseline.json")
    annotations = read_export(export).annotations

    def operation(tables: Any) -> None:
        for annotation in annotations:
            tables.annotations.put(annotation.id, annotation.to_dict())

    store._submit(operation).result()
    store.close()
    return time.perf_counter() - start


def main() -> int:
    """Print the table."""
    print("reader import of an export of N notes into a new notes file (seconds)")
    print(f"{'notes':>8}{'reader import':>16}{'one upsert each':>18}{'per 1,000 notes':>18}")
    for size in (2_000, 5_000, 10_000, 20_000, 100_000):
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            export = folder / "export.json"
            write_export(export, size)
            seconds = ours(folder, export)
            baseline = one_upsert_each(folder, export) if size <= BASELINE_UP_TO else None
        shown = f"{baseline:>18.2f}" if baseline is not None else f"{'(not run)':>18}"
        print(f"{size:>8}{seconds:>16.2f}{shown}{seconds / size * 1000:>18.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
