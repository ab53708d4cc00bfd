"""Changes that could not be saved when reader ends: printed, kept in a file, importable."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from reader.core.documents.loading import load_document
from reader.store.notes import NotesStore
from tests.support.paths import NEWSWEEK


def _no_space(descriptor: int) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_the_report_of_lost_changes_imports_back(tmp_path: Path) -> None:
    from reader.store.annotation import Annotation, Target
    from reader.store.importing import import_notes, read_export, unsaved_report

    document = load_document(NEWSWEEK)
    passage = document.passages[1]
    lost = Annotation(
        Target.from_span(document.id, document.text, passage.start, passage.end),
        status="contested",
        note="\x1b]0;evil\x07 [b]kept[/b]",
    )
    store = NotesStore(tmp_path / "notes.json")
    report = unsaved_report(store, {lost.id: lost, "urn:uuid:gone": None})
    assert "\x1b" not in report
    assert "urn:uuid:gone" in report
    saved = tmp_path / "lost.json"
    saved.write_text(report[report.index("{") :], encoding="utf-8")
    assert import_notes(store, read_export(saved)).added == [lost.id]
    assert store.annotation(lost.id) == lost  # the note exactly as typed, escape and all
    store.close()


def test_termination_with_changes_not_saved_reports_and_keeps_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import signal

    from reader.cli.workstation import _report_on_termination
    from reader.store.note_writer import NoteWriter, WriteOutcome
    from reader.store.placed_notes import PlacedNotes

    previous = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)}
    store = NotesStore(tmp_path / "notes.json")
    outcomes: list[WriteOutcome] = []
    writer = NoteWriter([load_document(NEWSWEEK)], store, PlacedNotes(), outcomes.append)
    try:
        _report_on_termination(store, writer)
        monkeypatch.setattr(os, "fsync", _no_space)
        assert writer.tag((0, 1), "contested", ())
        store.flush(10)
        for outcome in outcomes:
            writer.written(outcome)
        handler = signal.getsignal(signal.SIGTERM)
        assert callable(handler)
        monkeypatch.undo()  # space for the report (the change itself is not retried at the end)
        with pytest.raises(SystemExit) as ended:
            handler(signal.SIGTERM, None)
        assert ended.value.code == 128 + signal.SIGTERM
    finally:
        for number, old in previous.items():
            signal.signal(number, old)
    err = capsys.readouterr().err
    assert "1 change(s) could NOT be saved" in err
    assert "the same report is kept in" in err
    [kept] = tmp_path.glob("notes.json.unsaved-*.txt")
    assert '"status": "contested"' in kept.read_text(encoding="utf-8")


def test_a_write_that_ends_after_the_ui_stopped_listening_is_not_reported_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli.workstation import _report_lost
    from reader.store.note_writer import NoteWriter
    from reader.store.placed_notes import PlacedNotes

    # Quitting right after the first frame: the documents' records are written, but the
    # outcome never reaches the writer (the UI that would hand it over has stopped).
    store = NotesStore(tmp_path / "notes.json")
    writer = NoteWriter([load_document(NEWSWEEK)], store, PlacedNotes(), lambda outcome: None)
    writer.remember_documents()
    assert writer.tag((0, 1), "contested", ())
    store.close()
    assert writer.documents_unsaved  # never told they were written
    assert writer.unsaved
    assert _report_lost(store, writer) is False
    assert capsys.readouterr().err == ""
    assert not list(tmp_path.glob("notes.json.unsaved-*"))
