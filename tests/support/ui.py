"""The one way UI tests build and drive the workstation: the app over the sample pair (or
given files) with its own notes file, the wait until it is ready, and keys sent as a burst."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import events
from textual.pilot import Pilot

from reader.core.documents.loading import load_document
from reader.store.notes import NotesStore
from reader.ui.app import ReaderApp
from reader.ui.screens.workstation import Workstation
from reader.ui.widgets.document_view import DocumentView
from tests.support.paths import NEWSWEEK, STRIPES

SIZE = (160, 45)


def make_app(
    tmp_path: Path, read_only: bool = False, paths: Sequence[Path] = (NEWSWEEK, STRIPES)
) -> ReaderApp:
    """The workstation over these documents, with a notes file in ``tmp_path``."""
    store = NotesStore(tmp_path / "notes.json")
    if read_only:
        store.close()
        store = NotesStore(tmp_path / "notes.json", read_only=True)
    return ReaderApp([load_document(p) for p in paths], store)


async def ready(pilot: Pilot[None]) -> Workstation:
    """Wait until matching is done and the panes are ready; the workstation."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert app.screen is app.workstation
    assert app.workstation.ready
    return app.workstation


def views(screen: Workstation) -> tuple[DocumentView, DocumentView]:
    """The left and right panes."""
    return screen.query_one("#left", DocumentView), screen.query_one("#right", DocumentView)


def store_of(app: ReaderApp) -> NotesStore:
    """The app's notes store: every app ``make_app`` builds has one."""
    assert app.store is not None
    return app.store


async def saved(app: ReaderApp) -> NotesStore:
    """The app's notes store, once every queued write is on disk (or failed)."""
    store = store_of(app)
    store.flush(10)
    return store


def burst(app: ReaderApp, *keys: str) -> None:
    """Send keys as a terminal does when they come fast: all queued before any is handled."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else {"space": " "}.get(key))
        event.set_sender(app)
        driver.send_message(event)


async def settle(pilot: Pilot[None]) -> None:
    """Let a burst be handled, workers finish and writes reach the disk."""
    await pilot.pause(0.3)
    await pilot.app.workers.wait_for_complete()
    app = pilot.app
    if isinstance(app, ReaderApp) and app.store is not None:
        app.store.flush(10)
    await pilot.pause()
