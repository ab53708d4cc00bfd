"""Workstation speed: first paint and key press to repaint, each next to a baseline.

Run: ``python -m bench.ui_speed``. First paint is measured from starting the process to the
first frame (Textual's Ready event), headless, through the real command line; baselines are
importing Textual and painting a one-widget Textual app, measured in the same run. Key press
to repaint is timed around ``pilot.press`` in ``App.run_test``: from the press to the first
frame Textual composes after it (the headless driver does not write it out; everything up to
that is measured). ``pilot.press`` itself returns only when the process is idle, so its own
duration is no measure. The sample documents are the baseline for the 5 MB document.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.corpus import big_document, cluster
from bench.evaluation import ECB_DEV
from bench.store_speed import percentile

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_docs"
REPEAT = 7
PRESSES = 80


def probe(args: Sequence[str]) -> dict[str, float]:
    """Seconds from process start to each event the probe reports."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "bench.ui_probe", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    events: dict[str, float] = {}
    for line in done.stdout.splitlines():
        label, _, stamp = line.partition(" ")
        if stamp:
            events[label] = float(stamp) - start
    return events


def median_probe(args: Sequence[str], label: str, repeat: int = REPEAT) -> float:
    """The median time to one event over several runs."""
    return statistics.median(probe(args)[label] for _ in range(repeat))


class FrameClock:
    """When Textual composed each frame, so a key press is timed to the next frame after it."""

    def __init__(self, app: Any, also: Callable[[float], None] | None = None) -> None:
        self.frames: list[float] = []
        display = app._display

        def displayed(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None:
                self.frames.append(time.perf_counter())
                if also is not None:
                    also(self.frames[-1])

        app._display = displayed

    def first_after(self, start: float) -> float | None:
        """Seconds from ``start`` to the first frame after it, if one came."""
        after = [frame for frame in self.frames if frame > start]
        return after[0] - start if after else None

    async def press(self, pilot: Any, key: str, times: list[float]) -> None:
        """Press a key and add its time to the next frame to ``times``."""
        start = time.perf_counter()
        await pilot.press(key)
        took = self.first_after(start)
        if took is not None:
            times.append(took)


def _open_app(paths: Sequence[Path], db: Path) -> tuple[Any, Any]:
    """The reader app on these documents (no size limit) and its notes store."""
    from reader.core.documents.loading import load_document
    from reader.store.notes import NotesStore
    from reader.ui.app import ReaderApp

    store = NotesStore(db)
    return ReaderApp([load_document(path, 50 * 1024 * 1024) for path in paths], store), store


async def key_latencies(paths: Sequence[Path], db: Path) -> dict[str, list[float]]:
    """Seconds per key press: j while matching runs, then j, c and u once it is done."""
    app, store = _open_app(paths, db)
    found: dict[str, list[float]] = {"j (matching)": [], "j": [], "c": [], "u": []}
    async with app.run_test(size=(160, 45)) as pilot:
        clock = FrameClock(app)
        await pilot.pause()
        for _ in range(PRESSES // 4):
            await clock.press(pilot, "j", found["j (matching)"])
        await app.workers.wait_for_complete()
        for _ in range(PRESSES):
            await clock.press(pilot, "j", found["j"])
        for _ in range(PRESSES // 4):
            await clock.press(pilot, "c", found["c"])
            await clock.press(pilot, "u", found["u"])
    store.close()
    return found


async def matrix_latencies(paths: Sequence[Path], db: Path) -> dict[str, list[float]]:
    """Seconds from m to the first frame showing the filled matrix; then j and l inside it."""
    from reader.ui.widgets.matrix_grid import MatrixGrid

    app, store = _open_app(paths, db)
    found: dict[str, list[float]] = {"m (open)": [], "j (matrix)": [], "l (matrix)": []}
    filled: list[float] = []  # frames composed while the matrix had its cells
    async with app.run_test(size=(160, 45)) as pilot:
        grid = app.screen.query_one(MatrixGrid)
        clock = FrameClock(app, lambda frame: filled.append(frame) if grid.matrix else None)
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(REPEAT):
            start = time.perf_counter()
            await pilot.press("m")  # returns once the app is idle: the matrix is built
            await app.workers.wait_for_complete()
            await pilot.pause()
            found["m (open)"].append(next(f for f in filled if f > start) - start)
            for key in "jl" * (PRESSES // 8):
                await clock.press(pilot, key, found[f"{key} (matrix)"])
            await pilot.press("m")
            grid.matrix = None
            await pilot.pause()
    store.close()
    return found


def _latency_rows(ours: dict[str, list[float]], baseline: dict[str, list[float]]) -> None:
    for label, times in baseline.items():
        _row(label, _p50_p95(ours[label]), _p50_p95(times))


def _p50_p95(times: list[float]) -> str:
    return f"{1000 * percentile(times, 0.5):.1f} / {1000 * percentile(times, 0.95):.1f}"


def _row(label: str, ours: str, baseline: str) -> None:
    print(f"  {label:44}{ours:>16}{baseline:>24}")


def main() -> int:
    """Print the tables."""
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "notes.json")
        print(f"First paint, headless, median of {REPEAT} runs (s)")
        _row("", "reader", "baseline")
        textual_import = median_probe(["import"], "imported")
        hello = median_probe(["hello"], "painted")
        samples = median_probe(["reader", str(SAMPLES), "--db", db], "painted")
        _row("reader sample_docs/", f"{samples:.3f}", f"import textual {textual_import:.3f}")
        _row("", "", f"hello app {hello:.3f}")
        if ECB_DEV.is_dir():
            files = [str(p) for p in cluster("3", 20)]
            runs = [probe(["reader-match", *files, "--db", db]) for _ in range(3)]
            paint = statistics.median(r["painted"] for r in runs)
            matched = statistics.median(r["matched"] for r in runs)
            _row("20 ECB+ articles: first paint", f"{paint:.3f}", f"matching done {matched:.3f}")
            big = Path(folder) / "big.txt"
            big.write_text(big_document(5.0), encoding="utf-8")
            other = SAMPLES / "stripes-north-korean-deserters.md"
            big_paint = median_probe(["reader", str(big), str(other), "--db", db], "painted", 3)
            _row("5 MB document + one article", f"{big_paint:.3f}", f"sample_docs {samples:.3f}")
        else:
            print("  (../shared/eval is not beside the project: the 20-article and 5 MB rows skip)")
        print()
        print(f"Key press to repainted frame (ms; p50 / p95; {PRESSES} j, {PRESSES // 4} c, u)")
        _row("", "5 MB document", "sample_docs (baseline)")
        small = asyncio.run(key_latencies(sorted(SAMPLES.glob("*.md")), Path(folder) / "s.json"))
        large = small
        if ECB_DEV.is_dir():
            paths = [Path(folder) / "big.txt", SAMPLES / "stripes-north-korean-deserters.md"]
            large = asyncio.run(key_latencies(paths, Path(folder) / "b.json"))
        _latency_rows(large, small)
        if ECB_DEV.is_dir():
            print()
            print(f"Claim x source matrix (ms; p50 / p95; m {REPEAT} times, j and l 10 each)")
            _row("", "5 MB + 2 articles", "20 ECB+ articles")
            both = [SAMPLES / "stripes-north-korean-deserters.md"]
            both.append(SAMPLES / "newsweek-north-korean-deserters.md")
            large = asyncio.run(
                matrix_latencies([Path(folder) / "big.txt", *both], Path(folder) / "m.json")
            )
            small = asyncio.run(matrix_latencies(cluster("3", 20), Path(folder) / "c.json"))
            _latency_rows(large, small)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
