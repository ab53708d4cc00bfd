"""The matrix in the workstation: moving it moves the panes, tagging from it, labels as text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from reader.core.documents.loading import load_document
from reader.store.notes import NotesStore
from reader.ui.app import ReaderApp
from reader.ui.widgets.matrix_grid import MatrixGrid, fit
from reader.ui.widgets.matrix_panel import MatrixPanel
from tests.support.matrix_case import DIFFERENT, constructed, write
from tests.support.ui import SIZE, make_app, ready, saved, views


def focused(screen: Screen[None]) -> Widget | None:
    """The focused widget, read afresh (so the type checker does not carry over narrowing)."""
    return screen.focused


def line(grid: MatrixGrid, y: int) -> str:
    """The text of one line of the grid as drawn."""
    return grid.render_line(y).text


async def open_matrix(pilot: Pilot[None], *before: str) -> None:
    """Press the keys, then m, and wait until the cells are built and drawn."""
    await pilot.press(*before, "m")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def ecb_app(eval_dir: Path, tmp_path: Path) -> ReaderApp:
    folder = eval_dir / "ecbplus-dev" / "1"
    documents = [load_document(p) for p in sorted(folder.glob("1_1*ecb.txt"))[:5]]
    return ReaderApp(documents, NotesStore(tmp_path / "notes.json"))


async def test_matrix_moves_the_panes_and_tags_on_an_ecb_topic(
    eval_dir: Path, tmp_path: Path
) -> None:
    app = ecb_app(eval_dir, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        left, right = views(screen)
        await open_matrix(pilot)
        panel = screen.query_one(MatrixPanel)
        grid = screen.query_one(MatrixGrid)
        assert panel.has_class("-open")
        assert focused(screen) is grid
        assert grid.matrix is not None
        assert len(grid.matrix.rows) == len(app.documents[0].passages)
        assert grid.matrix.others == (1, 2, 3, 4)
        assert line(grid, 0).split()[3:8] == ["found", "1", "1_11ecb", "2", "1_12ecb"]
        # The cursor starts on the first claim and on the document the right pane shows.
        assert (grid.row, grid.column) == (0, 0)

        await pilot.press("j")
        await pilot.pause()
        assert left.cursor == 1
        await pilot.press("l")
        await pilot.pause()
        assert screen.panes.shown == [0, 2]
        assert right.document is app.documents[2]
        expected = {c.passage for c in screen.claims.counterparts(0, 1, 2)}
        assert right.counterparts == expected

        # Tagging from the matrix tags the claim of the row; the tag column shows it.
        await pilot.press("c")
        await pilot.pause()
        store = await saved(app)
        [record] = store.annotations()
        assert record.status == "corroborated"
        assert record.target.position.start == app.documents[0].passages[1].start
        assert line(grid, 2).split()[:2] == ["2", "✓"]

        await pilot.press("escape")
        await pilot.pause()
        assert not panel.has_class("-open")
        assert focused(screen) is left
        ids = [app.documents[0].id, app.documents[2].id]
        assert store.setting("panes") == ids


async def test_matrix_from_the_right_pane_lists_its_document(
    eval_dir: Path, tmp_path: Path
) -> None:
    app = ecb_app(eval_dir, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        _, right = views(screen)
        await open_matrix(pilot, "tab", "j", "j")
        grid = screen.query_one(MatrixGrid)
        assert grid.matrix is not None
        assert len(grid.matrix.rows) == len(app.documents[1].passages)
        assert (grid.row, grid.column) == (2, 0)  # column 0: document 0, in the left pane
        await pilot.press("l")  # the left pane, the other one here, shows the next document
        await pilot.pause()
        assert screen.panes.shown == [2, 1]
        await pilot.press("h", "h", "down")  # on the claim itself the panes keep their documents
        await pilot.pause()
        assert grid.column == -1
        assert screen.panes.shown == [0, 1]
        assert right.cursor == 3
        await pilot.press("m")
        await pilot.pause()
        assert focused(screen) is right


async def test_matrix_needs_three_documents(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("m")
        await pilot.pause()
        assert not screen.query_one(MatrixPanel).has_class("-open")
        assert not any(b.binding.action == "matrix" for b in screen.active_bindings.values())


async def test_matrix_labels_are_not_markup(tmp_path: Path) -> None:
    documents = constructed(tmp_path)
    title = "# [red]x[/] \x1b[31mred"
    documents[2] = write(tmp_path, "[b]bold.md", DIFFERENT.replace("# Depot strike toll", title))
    app = ReaderApp(documents, NotesStore(tmp_path / "notes.json"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await open_matrix(pilot)
        assert "2 [b]bold" in line(screen.query_one(MatrixGrid), 0)
        await pilot.press("l")
        await pilot.pause()
        info = str(screen.query_one(".info").render())
        assert "[red]x[/]" in info


@given(st.text(max_size=60), st.integers(min_value=2, max_value=40))
def test_fit_pads_or_cuts_to_exactly_the_width(text: str, width: int) -> None:
    text = "".join(c for c in text if c.isprintable())
    fitted = fit(text, width)
    assert cell_len(fitted) == width
    if cell_len(text) > width:
        assert fitted.endswith("…")


async def test_matrix_starts_where_the_pane_is_once_built(tmp_path: Path) -> None:
    app = ReaderApp(constructed(tmp_path), NotesStore(tmp_path / "notes.json"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        left, _ = views(screen)
        screen.notes.toggle_matrix()
        left.move_cursor(3)  # a key the pane took while the cells were being built
        await app.workers.wait_for_complete()
        await pilot.pause()
        grid = screen.query_one(MatrixGrid)
        assert grid.matrix is not None
        assert (grid.row, grid.column) == (3, 0)
        assert left.cursor == 3
        assert focused(screen) is grid


async def test_undo_in_the_matrix_takes_its_cursor_to_the_row_it_changed(tmp_path: Path) -> None:
    # z left the grid on another row and said the claim was in no pane: the next c tagged the
    # row under the cursor, not the one undone.
    from tests.support.ui import burst, settle

    store = NotesStore(tmp_path / "notes.json")
    app = ReaderApp(constructed(tmp_path), store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await open_matrix(pilot)
        grid = screen.query_one(MatrixGrid)
        await pilot.press("j", "j", "c", "k", "k")
        await pilot.pause()
        assert grid.row == 0
        burst(app, "z", "x")
        await settle(pilot)
        assert grid.row == 2
        assert screen.book.tags(0) == {2: "contested"}
        assert not [n for n in app._notifications if "no pane shows" in n.message]
    store.close()
