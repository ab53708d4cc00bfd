"""Tags and notes through the writer: what reaches the store, undo, and a read-only store."""

from __future__ import annotations

from pathlib import Path

from reader.core.loading import load_document
from reader.store.notes import NotesStore
from reader.ui.claims import TagBook
from reader.ui.tag_writer import TagWriter
from tests.conftest import NEWSWEEK


def _writer(path: Path, read_only: bool = False) -> tuple[TagWriter, list[BaseException | None]]:
    outcomes: list[BaseException | None] = []
    store = NotesStore(path, read_only=read_only)
    return TagWriter([load_document(NEWSWEEK)], store, TagBook(), outcomes.append), outcomes


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
    assert outcomes == [None] * 4
    assert _on_disk(path) == {claim: ("corroborated", "two outlets")}
    assert writer.set_note((0, 2), "", ()) is False  # an empty note on nothing writes nothing
    writer.store.close()


def test_an_emptied_note_on_an_untagged_claim_removes_it(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    writer, _ = _writer(path)
    assert writer.set_note((0, 3), "check this", ())
    assert writer.set_note((0, 3), "", ())
    assert writer.store is not None
    writer.store.flush(10)
    assert _on_disk(path) == {}
    assert writer.book.by_passage == {}
    writer.store.close()


def test_a_read_only_store_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    NotesStore(path).close()
    writer, outcomes = _writer(path, read_only=True)
    assert not writer.writable
    assert not writer.tag((0, 1), "contested", ())
    assert writer.undo() is None
    assert outcomes == []
    assert writer.unsaved == 0
    assert writer.store is not None
    writer.store.close()
