"""A full disk in the workstation: unsaved changes stay visible, are retried, and are reported."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from reader.store.notes import NotesStore
from reader.ui.screens.workstation import Workstation
from reader.ui.widgets.status_line import StatusLine
from tests.support.ui import SIZE, make_app, ready, store_of


def _no_space(descriptor: int) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def _status(screen: Workstation) -> str:
    return str(screen.query_one(StatusLine).render())


async def test_failed_tags_stay_unsaved_are_retried_and_reported_at_quit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path)
    store = store_of(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("j", "c")
        store.flush(10)
        await pilot.pause()
        assert "all saved" in _status(screen)

        monkeypatch.setattr(os, "fsync", _no_space)
        await pilot.press("j", "x")
        store.flush(10)
        await pilot.pause()
        assert screen.writer.failing == 1
        assert "1 NOT SAVED, retrying" in _status(screen)
        assert screen.book.tags(0) == {1: "corroborated", 2: "contested"}  # still shown

        await pilot.press("q")  # a first q refuses to lose the change silently
        await pilot.pause()
        assert app.is_running
        store.flush(10)
        await pilot.pause()
        assert screen.writer.failing == 1

        monkeypatch.undo()  # space again: the retry saves it
        screen._retry()
        store.flush(10)
        await pilot.pause()
        assert screen.writer.failing == 0
        assert "all saved" in _status(screen)
        assert "NOT SAVED" not in _status(screen)
    store.close()
    reopened = NotesStore(tmp_path / "notes.json", read_only=True)
    assert sorted(a.status or "" for a in reopened.annotations()) == ["contested", "corroborated"]
    reopened.close()


async def test_quitting_twice_with_a_change_not_saved_reports_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path)
    store = store_of(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        monkeypatch.setattr(os, "fsync", _no_space)
        await pilot.press("j", "n")
        await pilot.press(*"keep me", "ctrl+s")
        store.flush(10)
        await pilot.pause()
        await pilot.press("q")
        store.flush(10)
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    store.close()
    lost = app.workstation.writer.not_saved()
    assert [a.note for a in lost.values() if a is not None] == ["keep me"]


async def test_the_quit_warning_is_given_again_after_the_changes_were_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path)
    store = store_of(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        monkeypatch.setattr(os, "fsync", _no_space)
        await pilot.press("j", "x")
        store.flush(10)
        await pilot.pause()
        await pilot.press("q")  # warned
        monkeypatch.undo()
        screen._retry()
        store.flush(10)
        await pilot.pause()
        assert screen.writer.failing == 0
        monkeypatch.setattr(os, "fsync", _no_space)  # full again
        await pilot.press("j", "x")
        store.flush(10)
        await pilot.pause()
        await pilot.press("q")  # a new unsaved change: warned again, not quit
        await pilot.pause()
        assert app.is_running
        warnings = [n for n in app._notifications if "NOT saved" in n.message]
        assert len(warnings) == 2
        failures = [n for n in app._notifications if n.message.startswith("not saved")]
        assert len(failures) == 2  # once per episode, not every retry
        monkeypatch.undo()
    store.close()
