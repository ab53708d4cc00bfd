"""The installed command in a real pseudo-terminal, as a person uses it: open the sample case,
tag from the keyboard in one burst, kill the process with SIGKILL, and find every tag the
status line had called saved on disk, on the claims that were under the cursor."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import shutil
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from tests.support.paths import NEWSWEEK, STRIPES

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

_ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


class Terminal:
    """A process on a pseudo-terminal of a fixed size, its output read as it comes."""

    def __init__(self, command: list[str], cwd: Path, columns: int = 120, rows: int = 36) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns)}
        environment.pop("TEXTUAL", None)
        self.process = subprocess.Popen(
            command, cwd=cwd, stdin=slave, stdout=slave, stderr=slave, env=environment,
            start_new_session=True,
        )  # fmt: skip
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def text_since(self, mark: int) -> str:
        """What was written after ``mark`` (a length of ``output``), escape sequences removed."""
        return _ESCAPES.sub(b"", bytes(self.output[mark:])).decode("utf-8", "replace")

    def wait_for(self, pattern: str, since: int = 0, timeout: float = 60) -> None:
        """Wait until the screen has shown text matching ``pattern`` after ``since``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if re.search(pattern, self.text_since(since)):
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        tail = self.text_since(since)[-2000:]
        raise AssertionError(f"never showed {pattern!r}; the end of the screen:\n{tail}")

    def send(self, keys: str) -> None:
        """Type ``keys`` as one write: a burst, as a paste or fast typing delivers them."""
        os.write(self.master, keys.encode())

    def kill(self) -> None:
        """SIGKILL: no handler runs, nothing is flushed."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        os.close(self.master)


def _command() -> list[str]:
    installed = Path(sys.executable).parent / "reader"
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "reader"]


def test_tags_typed_in_a_burst_are_on_disk_after_kill_9(tmp_path: Path) -> None:
    case = tmp_path / "case"
    case.mkdir()
    # The documents only: the quick start leaves its own notes and exports in sample_docs/.
    for document in (NEWSWEEK, STRIPES):
        shutil.copy(document, case)
    terminal = Terminal([*_command(), "."], cwd=case)
    try:
        terminal.wait_for(r"matches \(\d+ strong\)")
        mark = len(terminal.output)
        # Claim 2 corroborated, then two down and claim 4 contested, as one burst.
        terminal.send("jcjjx")
        terminal.wait_for(r"all saved · \d+ matches \(\d+ strong\) · ✓ 1  ✗ 1", since=mark)
    finally:
        terminal.kill()

    notes = json.loads((case / "reader-notes.json").read_text(encoding="utf-8"))
    newsweek = NEWSWEEK.read_text(encoding="utf-8")
    tagged = {a["status"]: a["claim"] for a in notes["annotations"].values()}
    assert set(tagged) == {"corroborated", "contested"}
    assert tagged["corroborated"].startswith("Eighteen North Korean soldiers")
    assert tagged["contested"].startswith("Intelligence sources cited by the broadcaster")
    assert all(claim in newsweek for claim in tagged.values())
    # What the kill left is a notes file and its backups, no half-written temporary file.
    leftovers = [p.name for p in case.iterdir() if p.name.startswith(".")]
    assert leftovers == []

    exported = subprocess.run(
        [*_command(), "export", "--format", "md"],
        cwd=case, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    assert "## Corroborated" in exported.stdout
    assert "## Contested" in exported.stdout
