"""Tag write latency of the notes store, against stock TinyDB measured in the same run.

Run: ``python -m bench.store_speed``. Latency is from the call to the write being on disk; the
UI-thread figure is how long the call itself holds the caller (the UI thread, in the app).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from tinydb import TinyDB

from reader.store.annotation import Annotation, Target
from reader.store.notes import NotesStore

_TEXT = "Eighteen North Korean soldiers have reportedly deserted the Russian frontline. " * 3
TAGS = 50


def make(n: int) -> Annotation:
    """A realistic annotation: a sentence, a note, two counterparts' worth of selectors."""
    target = Target.from_span(f"doc-{n % 7}", _TEXT, 0, 78)
    return Annotation(target, "corroborated", f"note {n}: checked against two outlets. " * 3)


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of the values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def ours(folder: Path, size: int) -> tuple[list[float], list[float]]:
    """Latencies and caller-thread times of TAGS single tags on a store holding ``size``."""
    store = NotesStore(folder / "ours.json")
    store.commit(make(n) for n in range(size)).result()
    latency, caller = [], []
    for n in range(TAGS):
        start = time.perf_counter()
        future = store.save(make(size + n))
        caller.append(time.perf_counter() - start)
        future.result()
        latency.append(time.perf_counter() - start)
    store.close()
    return latency, caller


def stock(folder: Path, size: int) -> list[float]:
    """Latencies of the same tags with TinyDB's JSONStorage, written inline."""
    db = TinyDB(folder / "stock.json")
    table = db.table("annotations")
    table.insert_multiple(make(n).to_dict() for n in range(size))
    latency = []
    for n in range(TAGS):
        start = time.perf_counter()
        table.insert(make(size + n).to_dict())
        latency.append(time.perf_counter() - start)
    db.close()
    return latency


def main() -> int:
    """Print the table."""
    ms = 1000.0
    print(f"Tag write latency, {TAGS} tags per size (ms; p50 / p95)")
    header = f"{'notes':>8}{'reader store':>20}{'stock TinyDB':>20}{'UI thread (reader)':>24}"
    print(header)
    for size in (100, 1_000, 10_000):
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            latency, caller = ours(folder, size)
            baseline = stock(folder, size)
        print(
            f"{size:>8}"
            f"{percentile(latency, 0.5) * ms:>11.1f} / {percentile(latency, 0.95) * ms:>6.1f}"
            f"{percentile(baseline, 0.5) * ms:>11.1f} / {percentile(baseline, 0.95) * ms:>6.1f}"
            f"{statistics.median(caller) * ms:>13.3f} / {percentile(caller, 0.95) * ms:>6.3f}"
        )
    print("reader: atomic replace + fsync of file and folder + backup rotation, off the caller's")
    print("thread; stock: in-place rewrite without fsync, on the caller's thread.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
