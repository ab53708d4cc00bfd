"""TinyDB's own test suite (from its sdist) run against reader's atomic storage."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.support.paths import PROJECT

pytestmark = pytest.mark.slow

SUITES = ["test_tinydb.py", "test_tables.py", "test_queries.py", "test_operations.py"]
# This one checks JSONStorage's class name in a repr, not behaviour a storage must have.
# (test_middlewares.py is left out: its CachingMiddleware test reads JSONStorage's private
# file handle.)
INTERNALS = ["tests/test_tables.py::test_table_repr[json]"]


def test_tinydb_suite_passes_on_atomic_storage(tmp_path: Path) -> None:
    wanted = f"tinydb=={version('tinydb')}"
    fetched = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            wanted,
            "--no-binary",
            ":all:",
            "--no-deps",
            "-d",
            str(tmp_path),
            "-q",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    archives = list(tmp_path.glob("tinydb-*.tar.gz"))
    if fetched.returncode != 0 or not archives:
        pytest.skip(f"could not fetch the {wanted} sdist: {fetched.stderr.strip()[:200]}")
    with tarfile.open(archives[0]) as archive:
        archive.extractall(tmp_path, filter="data")
    root = next(p for p in tmp_path.iterdir() if p.is_dir() and (p / "tests").is_dir())
    # The sdist has a ``tests`` package of its own, so the plugin goes in under a unique name.
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "reader_tinydb_swap.py").write_text(
        (PROJECT / "tests" / "support" / "tinydb_swap.py").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "reader_tinydb_swap",
        "-p",
        "no:cacheprovider",
        "--rootdir",
        str(root),
        "--confcutdir",
        str(root),
    ]
    command += [str(root / "tests" / name) for name in SUITES]
    for item in INTERNALS:
        command += ["--deselect", item]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=root,
        check=False,
        env={"PYTHONPATH": f"{plugins}{os.pathsep}{PROJECT}", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout[-3000:]
    summary = result.stdout.strip().splitlines()[-1]
    passed = int(summary.split(" passed")[0].split()[-1])
    assert passed >= 150, summary
    assert "1 deselected" in summary
