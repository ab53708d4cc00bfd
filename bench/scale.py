"""Many documents: matching 500, 1,000 and 2,000 articles (the ECB+ dev articles, repeated),
and how soon a cancel is honoured in the middle of the step that compares documents, against
the matcher before issue 17 (``bench.baseline``) in the same run.

Run: ``python -m bench.scale [SIZES]`` (default ``500,1000,2000``). Needs ../shared/eval.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from bench.baseline import BASELINE_COMMIT, child_command, frozen_tree
from bench.evaluation import ECB_DEV

# Run in a child process with either tree first on sys.path. It times one whole match, then
# matches again and asks to cancel halfway through the step that compares documents (stories
# now, document affinity before), timed from that step's start, and reports how long the
# cancel took to be honoured.
_CHILD = """
import json, sys, threading, time
try:  # this tree
    from reader.core.matching import matcher as matching
    from reader.core.documents.loading import load_document
except ImportError:  # the frozen commit's, when reader.core was one flat package
    from reader.core import matching
    from reader.core.loading import load_document
documents = [load_document(path) for path in json.loads(sys.stdin.read())]
name = "find_stories" if hasattr(matching, "find_stories") else "document_affinity"
real = getattr(matching, name)
marks = {}
flag = threading.Event()
def ask():
    marks["asked"] = time.perf_counter()
    flag.set()
def timed(*args, **kwargs):
    marks["start"] = time.perf_counter()
    if "halfway" in marks:  # the second run: cancel halfway through this step
        marks["timer"] = threading.Timer(marks["halfway"], ask)
        marks["timer"].start()
    value = real(*args, **kwargs)
    marks["end"] = time.perf_counter()
    return value
setattr(matching, name, timed)
begin = time.perf_counter()
result = matching.match_documents(documents)
total = time.perf_counter() - begin
step = marks["end"] - marks["start"]
marks["halfway"] = step / 2
try:
    matching.match_documents(documents, cancelled=flag.is_set)
    latency = None
except matching.MatchCancelled:
    latency = time.perf_counter() - marks["asked"]
marks["timer"].cancel()
print(json.dumps({"total": total, "step": step, "latency": latency,
                  "matches": len(result.matches)}))
"""


def articles(count: int, root: Path = ECB_DEV) -> list[Path]:
    """``count`` article paths: the dev articles in name order, repeated as often as needed."""
    paths = sorted(root.glob("*/*.txt"), key=lambda p: p.name)
    return [paths[i % len(paths)] for i in range(count)]


def measure(
    command: list[str], env: dict[str, str] | None, cwd: Path | None, paths: list[Path]
) -> dict[str, float]:
    """The child's report for one set of documents."""
    done = subprocess.run(
        command,
        input=json.dumps([str(p) for p in paths]),
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=True,
    )
    report: dict[str, float] = json.loads(done.stdout)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """Print the scale table."""
    args = list(sys.argv[1:] if argv is None else argv)
    sizes = [int(x) for x in args[0].split(",")] if args else [500, 1000, 2000]
    if not ECB_DEV.is_dir():
        print("../shared/eval/ecbplus-dev is not beside the project: nothing to measure")
        return 0
    print("Matching many documents (ECB+ dev articles, repeated), in-process seconds")
    head = f"before ({BASELINE_COMMIT})"
    print(f"{'documents':>10}  {'reader: all / compare docs / cancel':>38}  {head + ': same':>38}")
    with frozen_tree() as tree:
        for size in sizes:
            paths = articles(size)
            ours = measure([sys.executable, "-c", _CHILD], None, None, paths)
            old = None
            if tree is not None:
                command, env = child_command(tree, "-c", _CHILD)
                old = measure(command, env, tree, paths)
            print(f"{size:>10,}  {_row(ours):>38}  {_row(old) if old else '-':>38}", flush=True)
    print(
        "cancel: seconds from the request (halfway through comparing documents) to MatchCancelled"
    )
    return 0


def _row(report: dict[str, float]) -> str:
    latency = report["latency"]
    cancel = f"{latency:.3f}" if latency is not None else "never"
    return f"{report['total']:.2f} / {report['step']:.2f} / {cancel}"


if __name__ == "__main__":
    raise SystemExit(main())
