"""Tags and notes through the writer: what reaches the store, undo, and a read-only store."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from reader.core.documents.loading import load_document
from reader.store.note_writer import NoteWriter, WriteOutcome
from reader.store.notes import NotesStore
from reader.store.placed_notes import PlacedNotes
from tests.support.paths import NEWSWEEK


def _writer(path: Path, read_only: bool = False) -> tuple[NoteWriter, list[WriteOutcome]]:
    outcomes: list[WriteOutcome] = []
    store = NotesStore(path, read_only=read_only)
    return NoteWriter([load_document(NEWSWEEK)], store, PlacedNotes(), outcomes.append), outcomes


def _on_disk(path: Path) -> dict[str, tuple[str | None, str]]:
    store = NotesStore(path, read_only=True)
    try:
        return {a.target.quote.exact: (a.status, a.note) for a in store.annotations()}
    finally:
        store.close()


def test_tag_note_untag_and_undo_reach_the_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    writer, outcomes = _writer(path)
    claim = writer.target((0, 1)).quote.exact
    assert writer.tag((0, 1), "corroborated", ())
    assert writer.set_note((0, 1), "two outlets", ())
    assert not writer.set_note((0, 1), "two outlets", ())  # no change, no write
    assert writer.untag((0, 1))  # the note keeps the annotation
    assert not writer.untag((0, 1))
    assert writer.undo() == (0, 1)  # the tag is back
    assert writer.store is not None
    writer.store.flush(10)
    assert [o.error for o in outcomes] == [None] * 4
    _settle(writer, outcomes)
    assert writer.unsaved == {}
    assert _on_disk(path) == {claim: ("corroborated", "two outlets")}
    assert writer.set_note((0, 2), "", ()) is False  # an empty note on nothing writes nothing
    writer.store.close()


def test_an_emptied_note_on_an_untagged_claim_removes_it(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    writer, outcomes = _writer(path)
    assert writer.set_note((0, 3), "check this", ())
    assert writer.set_note((0, 3), "", ())
    assert writer.store is not None
    writer.store.flush(10)
    assert _on_disk(path) == {}
    assert writer.book.by_passage == {}
    _settle(writer, outcomes)
    assert writer.unsaved == {}
    writer.store.close()


def test_a_read_only_store_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    NotesStore(path).close()
    writer, outcomes = _writer(path, read_only=True)
    assert not writer.writable
    assert not writer.tag((0, 1), "contested", ())
    assert writer.undo() is None
    assert outcomes == []
    assert writer.unsaved == {}
    assert writer.store is not None
    writer.store.close()


def _settle(writer: NoteWriter, outcomes: list[WriteOutcome]) -> None:
    """Wait for the writes, then hand their outcomes to the writer, as the screen does."""
    assert writer.store is not None
    writer.store.flush(10)
    while outcomes:
        writer.written(outcomes.pop(0))


def test_a_change_that_failed_to_save_stays_unsaved_and_is_written_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.json"
    writer, outcomes = _writer(path)
    assert writer.tag((0, 1), "corroborated", ())
    _settle(writer, outcomes)

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    assert writer.tag((0, 5), "contested", ())
    _settle(writer, outcomes)
    assert writer.failing == 1
    assert len(writer.unsaved) == 1
    assert writer.last_error is not None
    assert "No space left" in writer.last_error
    assert writer.retry() == 1  # still no space: still unsaved
    _settle(writer, outcomes)
    assert writer.failing == 1

    monkeypatch.undo()  # space is back
    assert writer.tag((0, 2), "corroborated", ())  # a later tag saves ...
    _settle(writer, outcomes)
    assert writer.failing == 1  # ... but does not hide the one still unsaved
    assert writer.last_error is not None
    assert writer.retry() == 1
    _settle(writer, outcomes)
    assert writer.failing == 0
    assert writer.unsaved == {}
    assert writer.last_error is None
    texts = [load_document(NEWSWEEK).passages[n].text for n in (1, 2, 5)]
    assert writer.store is not None
    writer.store.close()
    assert sorted(_on_disk(path)) == sorted(texts)


def test_a_later_change_of_the_same_claim_supersedes_a_failed_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.json"
    writer, outcomes = _writer(path)

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    assert writer.tag((0, 1), "corroborated", ())
    _settle(writer, outcomes)
    monkeypatch.undo()
    assert writer.tag((0, 1), "contested", ())
    _settle(writer, outcomes)
    assert writer.failing == 0
    assert writer.unsaved == {}
    assert writer.store is not None
    writer.store.close()
    assert list(_on_disk(path).values()) == [("contested", "")]
