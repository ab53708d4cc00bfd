"""SVG snapshots of the main screen, the help screen, the note editor and the matrix.

Regenerate after an intended change with ``pytest tests/ui/test_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from reader.core.documents.loading import load_document
from reader.store.notes import NotesStore
from reader.ui.app import ReaderApp
from tests.support.paths import NEWSWEEK, STRIPES

SnapCompare = Callable[..., bool]
SIZE = (140, 40)


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ReaderApp:
    # A relative notes path, so the status line reads the same on every machine.
    monkeypatch.chdir(tmp_path)
    documents = [load_document(NEWSWEEK), load_document(STRIPES)]
    return ReaderApp(documents, NotesStore(Path("reader-notes.json")))


async def matched(pilot: Pilot[Any]) -> None:
    """Wait until matching is done, then walk to the second matched claim and tag it."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("]", "]", "c")
    await pilot.app.workers.wait_for_complete()
    assert isinstance(pilot.app, ReaderApp)
    assert pilot.app.store is not None
    pilot.app.store.flush(10)
    await pilot.pause()


def test_main_screen(snap_compare: SnapCompare, app: ReaderApp) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=matched)


def test_main_screen_at_80_by_24(snap_compare: SnapCompare, app: ReaderApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=matched)


def test_help_screen(snap_compare: SnapCompare, app: ReaderApp) -> None:
    async def help_open(pilot: Pilot[Any]) -> None:
        await matched(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=help_open)


def test_note_editor(snap_compare: SnapCompare, app: ReaderApp) -> None:
    async def note_open(pilot: Pilot[Any]) -> None:
        await matched(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Both cite Suspilne; check [the] original.")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=note_open)


THIRD = """# Deserters flee [b]Kursk[/b]

Twenty North Korean soldiers deserted their posts near the Russia-Ukraine border this week,
the Ukrainian broadcaster Suspilne reported.

Russian commanders are searching for the deserters in the forests of the Kursk region.

Six North Korean officers were killed in a missile strike in Donetsk earlier this month,
according to unnamed intelligence sources.

The weather in Moscow turned cold on Sunday, with the first snow of the season.
"""


def test_matrix_view(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    third = Path("third-report.md")
    third.write_text(THIRD, encoding="utf-8")
    documents = [load_document(NEWSWEEK), load_document(STRIPES), load_document(third)]
    app = ReaderApp(documents, NotesStore(Path("reader-notes.json")))

    async def matrix_open(pilot: Pilot[Any]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("m")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("j", "l")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=matrix_open)
