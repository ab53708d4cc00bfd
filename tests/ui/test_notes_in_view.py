"""Every stored note is visible and editable: several on one claim, notes on edited text, and
tags made while matching still runs."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from reader.core.documents.loading import load_document
from reader.core.matching.matcher import match_documents
from reader.store.annotation import Annotation, Target
from reader.store.notes import NotesStore
from reader.ui.app import ReaderApp
from reader.ui.screens.workstation import Workstation
from reader.ui.widgets.detail_panel import DetailPanel
from reader.ui.widgets.status_line import StatusLine
from tests.support.paths import NEWSWEEK, STRIPES
from tests.support.ui import SIZE


async def _ready(app: ReaderApp) -> Workstation:
    await app.workers.wait_for_complete()
    screen = app.screen
    assert isinstance(screen, Workstation)
    return screen


def _text(screen: Workstation, widget: type[DetailPanel] | type[StatusLine]) -> str:
    return str(screen.query_one(widget).render())


async def test_two_annotations_on_one_claim_are_both_shown_and_editable(tmp_path: Path) -> None:
    document = load_document(NEWSWEEK)
    passage = document.passages[1]
    target = Target.from_span(document.id, document.text, passage.start, passage.end)
    store = NotesStore(tmp_path / "notes.json")
    mine = Annotation(target, "corroborated", "mine")
    theirs = Annotation(target, "contested", "a colleague's")
    store.commit([mine, theirs]).result(10)
    app = ReaderApp([document, load_document(STRIPES)], store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(app)
        await pilot.press("j")
        await pilot.pause()
        detail = _text(screen, DetailPanel)
        assert "2 annotations on this claim (v: next)" in detail
        assert "a colleague's" in detail
        assert "✓ 1  ✗ 0 · 1 other version(s) (v)" in _text(screen, StatusLine)
        await pilot.press("v")  # the colleague's version is the one the keys edit now
        await pilot.pause()
        assert screen.book.active((0, 1)) == theirs
        await pilot.press("u", "v", "u")  # clear both tags; both keep their notes
        store.flush(10)
        await pilot.pause()
    notes = {a.id: (a.status, a.note) for a in store.annotations()}
    assert notes == {mine.id: (None, "mine"), theirs.id: (None, "a colleague's")}
    store.close()


async def test_a_note_on_edited_text_is_flagged_until_confirmed(tmp_path: Path) -> None:
    original = NEWSWEEK.read_text(encoding="utf-8")
    sentence = "Eighteen North Korean soldiers have reportedly deserted"
    assert sentence in original
    copy = tmp_path / "newsweek.md"
    copy.write_text(original, encoding="utf-8")
    before = load_document(copy)
    passage = next(p for p in before.passages if p.text.startswith(sentence))
    target = Target.from_span(before.id, before.text, passage.start, passage.end)
    store = NotesStore(tmp_path / "notes.json")
    store.remember_document(before.id, copy, before.title, {}).result(10)
    store.save(Annotation(target, "corroborated")).result(10)
    copy.write_text(original.replace(sentence, sentence.replace("have", "have not")), "utf-8")
    app = ReaderApp([load_document(copy), load_document(STRIPES)], store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(app)
        assert "1 to confirm (O)" in _text(screen, StatusLine)
        key = next(iter(screen.book.by_passage))
        screen.query_one("#left").move_cursor(key[1])  # type: ignore[attr-defined]
        await pilot.pause()
        assert "⚠ to confirm: the claim's text changed" in _text(screen, DetailPanel)
        await pilot.press("x")  # the user judges the edited claim: confirmed
        store.flush(10)
        await pilot.pause()
        assert screen.book.needs_review() == []
        assert "to confirm" not in _text(screen, StatusLine)
    [saved] = store.annotations()
    assert "have not reportedly deserted" in saved.claim
    store.close()


async def test_a_tag_made_while_matching_runs_gets_its_evidence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real = match_documents

    def slow_match(*args: Any, **kwargs: Any) -> Any:
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr("reader.ui.screens.jobs.match_documents", slow_match)
    store = NotesStore(tmp_path / "notes.json")
    app = ReaderApp([load_document(NEWSWEEK), load_document(STRIPES)], store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, Workstation)
        assert screen.matching
        await pilot.press("j", "c")
        store.flush(10)
        [early] = store.annotations()
        assert early.evidence == ()
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        store.flush(10)
        await pilot.pause()
    [tagged] = store.annotations()
    assert tagged.id == early.id
    assert tagged.status == "corroborated"
    assert len(tagged.evidence) >= 1
    store.close()


def test_a_tagged_claim_quoted_by_a_new_sentence_is_flagged_not_moved(tmp_path: Path) -> None:
    from reader.core.export.formats import export
    from reader.store.exporting import gather_export

    original = NEWSWEEK.read_text(encoding="utf-8")
    copy = tmp_path / "newsweek.md"
    copy.write_text(original, encoding="utf-8")
    before = load_document(copy)
    claim = before.passages[1]
    store = NotesStore(tmp_path / "notes.json")
    store.remember_document(before.id, copy, before.title, before.metadata).result(10)
    target = Target.from_span(before.id, before.text, claim.start, claim.end)
    store.save(Annotation(target, "corroborated")).result(10)
    retraction = "No soldiers have deserted, the broadcaster said on Friday, retracting its report."
    edited = original.replace(claim.text, retraction)
    edited += f"\nCorrection: an earlier version of this article said that {claim.text}\n"
    copy.write_text(edited, encoding="utf-8")
    data = gather_export(store)
    store.close()
    [note] = data.notes
    assert note.anchor == "fuzzy"
    assert not note.orphaned
    assert "**To confirm:**" in export(data, "md")
    assert "fuzzy" in export(data, "csv").splitlines()[1]
