"""The UI benchmark's probe really opens the workstation through the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support.paths import PROJECT, SAMPLE_DOCS


def test_probe_reports_the_first_frame_and_the_end_of_matching(tmp_path: Path) -> None:
    notes = str(tmp_path / "notes.json")
    done = subprocess.run(
        [sys.executable, "-m", "bench.ui_probe", "reader-match", str(SAMPLE_DOCS), "--db", notes],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    labels = [line.split()[0] for line in done.stdout.splitlines()]
    assert labels == ["painted", "matched"]
    assert (tmp_path / "notes.json").exists()  # the real command line opened the notes file
