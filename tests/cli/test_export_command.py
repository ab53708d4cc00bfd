"""reader export and reader import from the command line."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.export.formats import export
from reader.store.notes import NotesStore
from tests.support.export_data import (
    HOSTILE,
    data_of,
)


def test_import_keeps_both_versions_on_conflict_and_dry_run_changes_nothing(
    case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    payload = json.loads(export(data_of(case), "json"))
    payload["annotations"][0]["note"] = "edited by a colleague"
    exported = tmp_path / "colleague.json"
    exported.write_text(json.dumps(payload), encoding="utf-8")
    db = case / "reader-notes.json"
    before = db.read_bytes()
    assert main(["import", str(exported), "--db", str(db), "--dry-run"]) == 0
    assert db.read_bytes() == before
    # The dry run names the new id the import then gives the conflicting version.
    would = capsys.readouterr().out
    assert main(["import", str(exported), "--db", str(db)]) == 0
    did = capsys.readouterr().out
    new_ids = re.findall(r"urn:uuid:[0-9a-f-]{36}", did)
    assert new_ids
    assert set(new_ids) == set(re.findall(r"urn:uuid:[0-9a-f-]{36}", would))
    store = NotesStore(db, read_only=True)
    notes = [a.note for a in store.annotations()]
    assert HOSTILE in notes
    assert "edited by a colleague" in notes
    assert len(notes) == 4


def test_export_command_writes_atomically_and_filters(case: Path) -> None:
    out = case / "memo.csv"
    db = str(case / "reader-notes.json")
    assert main(["export", "--db", db, "--format", "csv", "-o", str(out)]) == 0
    assert len(list(csv.DictReader(out.open(encoding="utf-8", newline="")))) == 3
    assert (
        main(["export", "--db", db, "--format", "csv", "-o", str(out), "--status", "contested"])
        == 0
    )
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [r["status"] for r in rows] == ["contested"]


def test_export_without_notes_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--db", str(tmp_path / "none.json"), "--format", "md"]) == 1
    assert "no notes file" in capsys.readouterr().err


def test_a_memo_exported_into_the_case_folder_is_not_read_as_a_report(case: Path) -> None:
    # Read as a report, its quotes matched the claims they quote: corroboration by itself.
    from reader.core.documents.loading import expand_paths

    before = expand_paths([case])
    memo = case / "memo.md"
    db = str(case / "reader-notes.json")
    assert main(["export", "--db", db, "--format", "md", "-o", str(memo)]) == 0
    assert memo.read_text(encoding="utf-8").startswith("# Verification memo")
    assert expand_paths([case]) == before
    assert memo not in before
    assert expand_paths([memo]) == [memo]  # named on its own, it is read
    # Saved again by an editor on Windows: a byte order mark and CRLF line ends.
    crlf = case / "memo-saved-again.md"
    crlf.write_bytes(b"\xef\xbb\xbf" + memo.read_bytes().replace(b"\n", b"\r\n"))
    assert expand_paths([case]) == before
