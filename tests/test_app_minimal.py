"""The app screen shows loaded documents, and hostile text stays inert data."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from reader.core.loading import load_document
from reader.ui.app import ReaderApp
from tests.conftest import NEWSWEEK, STRIPES


async def test_lists_the_sample_documents() -> None:
    app = ReaderApp([load_document(NEWSWEEK), load_document(STRIPES)])
    async with app.run_test() as pilot:
        table = app.query_one(DataTable)
        assert table.row_count == 2
        assert str(table.get_cell_at(Coordinate(0, 1))) == "Newsweek"
        await pilot.press("q")
    assert app.return_code == 0


async def test_markup_and_escapes_in_a_title_are_shown_literally(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.md"
    hostile.write_text(
        "---\ntitle: '[@click=app.quit]x[/] [bold]b[/bold] \x1b]0;t\x07'\n---\n\nBody text.",
        encoding="utf-8",
    )
    app = ReaderApp([load_document(hostile)])
    async with app.run_test() as pilot:
        table = app.query_one(DataTable)
        cell = table.get_cell_at(Coordinate(0, 0))
        assert isinstance(cell, Text)
        assert cell.plain.startswith("[@click=app.quit]x[/] [bold]b[/bold] ␛]0;t␇")
        assert cell.spans == []
        await pilot.click(DataTable, offset=(3, 1))
        await pilot.pause()
        assert app.is_running
