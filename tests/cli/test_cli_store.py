"""The command line and the notes file: defaults, refusals, restore, and flushing on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.store.annotation import Annotation, Target
from reader.store.locations import NOTES_NAME, default_notes_path
from reader.store.notes import NotesStore
from tests.support.paths import NEWSWEEK, PROJECT


def test_notes_default_beside_the_documents(tmp_path: Path) -> None:
    docs = [tmp_path / "a" / "x.md", tmp_path / "a" / "b" / "y.md"]
    (tmp_path / "a" / "b").mkdir(parents=True)
    path, notice = default_notes_path(docs)
    assert path == (tmp_path / "a").resolve() / NOTES_NAME
    assert notice is None


def test_unwritable_folder_falls_back_to_user_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    path, notice = default_notes_path([tmp_path / "x.md"], fallback=tmp_path / "data")
    assert path.parent == tmp_path / "data"
    assert notice is not None
    assert "not writable" in notice
    assert str(path) in notice


def test_corrupt_notes_file_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "notes.json"
    db.write_text("{broken", encoding="utf-8")
    assert main([str(NEWSWEEK), "--db", str(db)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "damaged" in err[0]
    assert db.read_text(encoding="utf-8") == "{broken"


def test_restore_lists_and_restores_backups(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "notes.json"
    store = NotesStore(db)
    for n in range(3):
        store.save(Annotation(Target.from_span("d", "abc", 0, 1), note=f"v{n}")).result(10)
    store.close()
    assert main(["restore", "--db", str(db)]) == 0
    listing = capsys.readouterr().out
    assert "notes.json.bak1" in listing
    assert main(["restore", "--db", str(db), "1"]) == 0
    assert len(json.loads(db.read_text(encoding="utf-8"))["annotations"]) == 2
    assert main(["restore", "--db", str(db), "9"]) == 1


_SIGTERM_SCRIPT = """
import os, signal, sys
from pathlib import Path
from reader.cli.workstation import open_store
from reader.store.annotation import Annotation, Target
store = open_store(sys.argv[1], [])
for n in range(200):
    store.save(Annotation(Target.from_span("d", "abc", 0, 1), note=f"n{n}"))
os.kill(os.getpid(), int(sys.argv[2]))
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_termination_writes_what_was_queued(tmp_path: Path, signum: int) -> None:
    db = tmp_path / "notes.json"
    result = subprocess.run(
        [sys.executable, "-c", _SIGTERM_SCRIPT, str(db), str(int(signum))],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 128 + signum, result.stderr
    notes = [a["note"] for a in json.loads(db.read_text(encoding="utf-8"))["annotations"].values()]
    assert notes == [f"n{n}" for n in range(200)]
