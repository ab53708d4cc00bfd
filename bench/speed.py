"""Matching speed: reader against all-pairs rapidfuzz, measured in the same run.

Run: ``python -m bench.speed``. Needs ../shared/eval/ecbplus-dev beside the project.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import cluster, long_pair
from bench.evaluation import ECB_DEV
from reader.core.matching._cores import usable_cores
from reader.core.matching._datelines import is_dateline

_BASELINE = """
import resource, sys, time
from rapidfuzz import fuzz, process, utils
from reader.core.documents.loading import load_document
a, b = (load_document(p) for p in sys.argv[1:3])
sa = [p.text for p in a.passages]
sb = [p.text for p in b.passages]
start = time.perf_counter()
process.cdist(sa, sb, scorer=fuzz.token_set_ratio, processor=utils.default_process, workers=-1)
print(time.perf_counter() - start)
"""


def run(
    command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[float, float, str]:
    """Wall seconds, peak resident MB and stdout of one child process."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, env=env, cwd=cwd)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            assert child.stderr is not None
            raise SystemExit(f"{command[:4]} failed: {child.stderr.read().decode()}")
        out.seek(0)
        # ru_maxrss is in kilobytes on Linux.
        return wall, usage.ru_maxrss / 1024, out.read()


def median_run(command: list[str], repeat: int = 5) -> tuple[float, float, str]:
    """Median wall time of several runs, with the peak memory and the last output."""
    runs = [run(command) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs), runs[-1][2]


def recall_of(output: str, pair_texts: list[tuple[str, str]], a: Path, b: Path) -> float:
    """Share of the reworded sentence pairs whose spans a reported match overlaps."""
    data = json.loads(output)
    text_a, text_b = a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")
    spans = [
        (m["a"]["start"], m["a"]["end"], m["b"]["start"], m["b"]["end"]) for m in data["matches"]
    ]
    found = 0
    for original, retold in pair_texts:
        sa, sb = text_a.find(original), text_b.find(retold)
        ea, eb = sa + len(original), sb + len(retold)
        if any(x0 < ea and sa < x1 and y0 < eb and sb < y1 for x0, x1, y0, y1 in spans):
            found += 1
    return found / len(pair_texts)


def main() -> int:
    """Print the speed tables."""
    if not ECB_DEV.is_dir():
        print("../shared/eval/ecbplus-dev is not beside the project: nothing to measure")
        return 0
    reader = [sys.executable, "-m", "reader", "match", "--json"]
    with tempfile.TemporaryDirectory() as folder:
        a, b = Path(folder, "a.txt"), Path(folder, "b.txt")
        pair = long_pair()
        a.write_text(pair.text_a, encoding="utf-8")
        b.write_text(pair.text_b, encoding="utf-8")
        ours, our_mb, output = median_run([*reader, str(a), str(b)])
        # Datelines and bylines are never matched (reader/core/datelines.py): they are no claims.
        claims = [p for p in pair.pairs if not is_dateline(p[0])]
        recall = recall_of(output, claims, a, b)
        base, base_mb, base_out = median_run([sys.executable, "-c", _BASELINE, str(a), str(b)], 3)
        print("Two long documents (3,000 sentences each; B retells half of A, shuffled, padded)")
        print(f"{'':34}{'reader match':>16}{'all-pairs cdist':>18}")
        print(f"{'wall, end to end (median)':34}{ours:>15.2f}s{base:>17.2f}s")
        print(f"{'speed-up':34}{base / ours:>15.1f}x{'1.0x':>18}")
        print(f"{'peak memory':34}{our_mb:>14.0f}MB{base_mb:>16.0f}MB")
        print(f"{'recall of retold pairs':34}{recall:>16.3f}{'':>18}")
        print(
            f"  ({len(claims)} retold claims; {len(pair.pairs) - len(claims)} datelines left out)"
        )
        print(f"  cdist time inside its process (no start-up, no loading): {float(base_out):.2f}s")
        print(
            f"  both may use the {usable_cores()} cores this process may run on: cdist with"
            " workers=-1, reader match for the passages' features (reader/core/matching/_cores.py)"
        )
    files = [str(path) for path in cluster()]
    wall, mb, _ = median_run([*reader, *files])
    startup, _, _ = median_run([sys.executable, "-m", "reader", "--version"])
    print()
    print(f"Cluster of {len(files)} articles (ECB+ dev topic 3)")
    print(f"{'':34}{'reader match':>16}{'reader --version':>18}")
    print(f"{'wall, end to end (median)':34}{wall:>15.2f}s{startup:>17.2f}s")
    print(f"{'peak memory':34}{mb:>14.0f}MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
