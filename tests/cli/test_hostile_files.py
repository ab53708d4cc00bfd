"""The hostile corpus: malformed notes files and malicious imports get one line, never a
traceback, and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.store.notes import NotesStore
from tests.support.hostile.corpus import (
    ANNOTATION_ID,
    BAD_ANNOTATIONS,
    deep_json,
    dumps,
    export_file,
    notes_file,
    valid_annotation,
)


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert "Traceback" not in err[0]
    return err[0]


@pytest.mark.parametrize(
    ("name", "record", "word"), BAD_ANNOTATIONS, ids=[c[0] for c in BAD_ANNOTATIONS]
)
def test_a_malformed_notes_file_is_refused_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, record: Any, word: str
) -> None:
    db = tmp_path / "notes.json"
    db.write_text(dumps(notes_file(record)), encoding="utf-8")
    before = db.read_bytes()
    assert main(["export", "--format", "md", "--db", str(db)]) == 1
    message = _one_line_error(capsys)
    assert "malformed record" in message
    assert word in message
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (deep_json(), "nested too deeply"),
        (dumps(notes_file(annotations=None)), "TinyDB"),
        (dumps(notes_file(meta={"reader": {"app": "reader", "schema": "one"}})), "schema"),
        (
            '{"meta": {"reader": {"app": "reader", "schema": 1}}, "annotations": {"x": 1}}',
            "annotations[x]",
        ),
    ],
)
def test_damaged_notes_files_are_refused_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, word: str
) -> None:
    db = tmp_path / "notes.json"
    db.write_text(text, encoding="utf-8")
    assert main(["export", "--format", "json", "--db", str(db)]) == 1
    assert word in _one_line_error(capsys)
    assert db.read_text(encoding="utf-8") == text


def test_a_malformed_notes_file_is_copied_aside_once(tmp_path: Path) -> None:
    db = tmp_path / "notes.json"
    db.write_text(dumps(notes_file("not an annotation")), encoding="utf-8")
    for _ in range(3):
        assert main(["export", "--format", "md", "--db", str(db)]) == 1
    assert len(list(tmp_path.glob("notes.json.unreadable-*"))) == 1


@pytest.mark.parametrize(
    ("name", "record", "word"), BAD_ANNOTATIONS, ids=[c[0] for c in BAD_ANNOTATIONS]
)
def test_a_malicious_import_is_refused_whole_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, record: Any, word: str
) -> None:
    db = tmp_path / "notes.json"
    NotesStore(db).close()
    before = db.read_bytes()
    good = {**valid_annotation(), "id": "urn:uuid:11111111-2222-4333-8444-555555555555"}
    source = tmp_path / "export.json"
    source.write_text(dumps(export_file([good, record])), encoding="utf-8")
    assert main(["import", str(source), "--db", str(db)]) == 1
    message = _one_line_error(capsys)
    assert "nothing imported" in message
    assert "annotations[1]" in message
    assert word in message
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (deep_json(), "nested too deeply"),
        (
            dumps(export_file(annotations=None) | {"annotations": None}),
            "annotations: expected a list",
        ),
        (dumps(export_file(version=99)), "version"),
        (dumps(export_file(documents=[{"id": "x", "path": 7}])), "documents[0].path"),
        ('"just a string"', "not a reader JSON export"),
    ],
)
def test_malformed_imports_are_refused_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, word: str
) -> None:
    db = tmp_path / "notes.json"
    source = tmp_path / "export.json"
    source.write_text(text, encoding="utf-8")
    assert main(["import", str(source), "--db", str(db)]) == 1
    assert word in _one_line_error(capsys)
    assert not db.exists()


def test_one_id_twice_in_an_import_keeps_both_versions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "notes.json"
    first = valid_annotation()
    second = {**valid_annotation(), "note": "a different note"}
    source = tmp_path / "export.json"
    source.write_text(dumps(export_file([first, second, first])), encoding="utf-8")
    assert main(["import", str(source), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "1 added, 1 already present, 1 conflicts kept as both versions" in out
    store = NotesStore(db, read_only=True)
    notes = sorted((a.id == ANNOTATION_ID, a.note) for a in store.annotations())
    store.close()
    assert notes == [(False, "a different note"), (True, "two outlets")]


def test_an_annotation_held_twice_under_one_id_is_kept_not_dropped(tmp_path: Path) -> None:
    first = {**valid_annotation(), "status": "contested", "note": "SECOND COPY"}
    record = json.dumps(valid_annotation())
    text = dumps(notes_file()).replace(
        f'"{ANNOTATION_ID}": {record}',
        f'"{ANNOTATION_ID}": {json.dumps(first)}, "{ANNOTATION_ID}": {record}',
    )
    assert text.count(ANNOTATION_ID) >= 4
    db = tmp_path / "notes.json"
    db.write_text(text, encoding="utf-8")
    store = NotesStore(db)
    assert store.notice is not None
    assert "twice under one id" in store.notice
    assert sorted(a.note for a in store.annotations()) == ["SECOND COPY", "two outlets"]
    store.close()
    reopened = NotesStore(db, read_only=True)  # written: both survive the next write too
    assert sorted(a.note for a in reopened.annotations()) == ["SECOND COPY", "two outlets"]
    reopened.close()


def test_importing_the_same_conflicting_export_twice_adds_nothing_the_second_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "notes.json"
    store = NotesStore(db)
    mine = valid_annotation()
    source = tmp_path / "mine.json"
    source.write_text(dumps(export_file([mine])), encoding="utf-8")
    store.close()
    assert main(["import", str(source), "--db", str(db)]) == 0
    theirs = tmp_path / "theirs.json"
    changed = [{**mine, "note": "theirs one"}, {**mine, "note": "theirs two"}]
    theirs.write_text(dumps(export_file(changed)), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(theirs), "--db", str(db)]) == 0
    assert "2 conflicts kept" in capsys.readouterr().out
    for _ in range(2):
        assert main(["import", str(theirs), "--db", str(db)]) == 0
        assert "0 added, 2 already present, 0 conflicts" in capsys.readouterr().out
    store = NotesStore(db, read_only=True)
    assert sorted(a.note for a in store.annotations()) == [
        "theirs one",
        "theirs two",
        "two outlets",
    ]
    store.close()
