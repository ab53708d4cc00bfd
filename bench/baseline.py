"""The matcher as it was before issue 17, run from a frozen copy of its commit, for same-run
comparisons: ``git archive`` of that commit into a temporary folder, imported by a child process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

# The last commit before issue 17's matcher: the "current code" every bench compares with.
BASELINE_COMMIT = "5f85626"
PROJECT = Path(__file__).resolve().parent.parent

# Run in the child with the frozen tree first on sys.path: reads sets of files from stdin (one
# JSON list of paths per line) and prints each set's matches as JSON, one line per set.
# The frozen commit's module paths: reader.core was one flat package then.
_CHILD = """
import json, sys
from reader.core.loading import load_document
from reader.core.matching import match_documents
for line in sys.stdin:
    documents = [load_document(path) for path in json.loads(line)]
    matches = match_documents(documents).matches
    rows = [[m.a.doc, m.a.start, m.a.end, m.b.doc, m.b.start, m.b.end, m.score, m.strength]
            for m in matches]
    print(json.dumps(rows), flush=True)
"""

MatchRow = tuple[int, int, int, int, int, int, float, str]


@contextmanager
def frozen_tree(commit: str = BASELINE_COMMIT) -> Iterator[Path | None]:
    """The project's ``reader`` package at ``commit`` in a temporary folder, or None without git."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(PROJECT), "archive", "--format=tar", commit, "reader"],
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="reader-baseline-") as folder:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        yield Path(folder)


def child_command(tree: Path, *args: str) -> tuple[list[str], dict[str, str]]:
    """A command line and environment that run Python with the frozen tree's ``reader``; run
    it in ``tree`` (Python puts the working folder first on its path)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return [sys.executable, *args], env


def match_sets(tree: Path, sets: Sequence[Sequence[Path]]) -> list[list[MatchRow]]:
    """The frozen matcher's matches of each set of files, matched as one set each."""
    command, env = child_command(tree, "-c", _CHILD)
    request = "".join(json.dumps([str(path) for path in paths]) + "\n" for paths in sets)
    done = subprocess.run(
        command, input=request, capture_output=True, text=True, env=env, cwd=tree, check=True
    )
    return [[tuple(row) for row in json.loads(line)] for line in done.stdout.splitlines()]
