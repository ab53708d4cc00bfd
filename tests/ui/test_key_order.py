"""Keys act on the claim under the cursor when they were pressed, whatever follows them."""

from __future__ import annotations

from pathlib import Path

from textual import events

from reader.core.documents.loading import load_document
from reader.store.notes import NotesStore
from reader.ui.app import ReaderApp
from reader.ui.screens.workstation import Workstation
from reader.ui.widgets.document_view import DocumentView
from reader.ui.widgets.search_bar import SearchBar
from tests.support.paths import NEWSWEEK, STRIPES
from tests.support.ui import SIZE, burst, make_app, ready, settle, store_of


async def test_tag_then_moves_in_one_burst_tags_the_first_claim(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    store = store_of(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        left = screen.query_one("#left", DocumentView)
        await pilot.press("j")
        assert left.cursor == 1
        burst(app, "c", "j", "j")
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert left.cursor == 3
        assert set(screen.book.tags(0)) == {1}
    store.flush(10)
    stored = NotesStore(tmp_path / "notes.json", read_only=True)
    claims = [a.claim for a in stored.annotations()]
    stored.close()
    assert claims == [load_document(NEWSWEEK).passages[1].text]


class _KeysBeforeReady(ReaderApp):
    """Keys already waiting when the app starts, as when typed while a large pair loads."""

    def on_mount(self) -> None:
        super().on_mount()
        burst(self, "c", "j", "j")


async def test_keys_waiting_when_the_app_starts_apply_in_order(tmp_path: Path) -> None:
    store = NotesStore(tmp_path / "notes.json")
    app = _KeysBeforeReady([load_document(NEWSWEEK), load_document(STRIPES)], store)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, Workstation)
        left = screen.query_one("#left", DocumentView)
        tagged = screen.book.tags(0)
        # Applied in order: tag the first claim, then move twice.
        assert (left.cursor, tagged) == (2, {0: "corroborated"})


class _NoteBeforeReady(ReaderApp):
    """A note typed in one burst as the app opens: the letters are the note's, not commands."""

    def on_mount(self) -> None:
        super().on_mount()
        burst(self, "j", "j", "n", *"see", "space", *"fix", "ctrl+s", "j")


async def test_a_note_typed_before_the_panes_are_ready_is_the_note(tmp_path: Path) -> None:
    store = NotesStore(tmp_path / "notes.json")
    app = _NoteBeforeReady([load_document(NEWSWEEK), load_document(STRIPES)], store)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await settle(pilot)
        screen = app.workstation
        assert screen.query_one("#left", DocumentView).cursor == 3
        assert screen.book.tags(0) == {}  # the "x" of "fix" tagged nothing
    notes = [(a.status, a.note, a.claim) for a in store.annotations()]
    assert notes == [(None, "see fix", load_document(NEWSWEEK).passages[2].text)]
    store.close()


class _PasteBeforeReady(ReaderApp):
    def on_mount(self) -> None:
        super().on_mount()
        burst(self, "slash")
        paste = events.Paste("Kursk")
        paste.set_sender(self)
        assert self._driver is not None
        self._driver.send_message(paste)


async def test_a_paste_before_the_panes_are_ready_goes_where_the_keys_before_it_lead(
    tmp_path: Path,
) -> None:
    store = NotesStore(tmp_path / "notes.json")
    app = _PasteBeforeReady([load_document(NEWSWEEK), load_document(STRIPES)], store)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert app.workstation.query_one(SearchBar).value == "Kursk"
    store.close()


async def test_a_key_before_the_screen_is_ready_waits_for_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    store_of(app)  # it has a notes file to tag into
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        left = screen.query_one("#left", DocumentView)
        screen.ready = False
        await pilot.press("j", "c", "j", "m")
        assert screen.book.tags(0) == {}
        assert left.cursor == 0
        screen._become_ready()
        await pilot.pause()
        assert left.cursor == 2
        assert screen.book.tags(0) == {1: "corroborated"}
        assert not screen.has_class("-matrix")  # m does not apply to two documents


async def test_keys_typed_while_a_huge_note_is_drawn_act_in_order(tmp_path: Path) -> None:
    from reader.store.annotation import Annotation, Target

    document = load_document(NEWSWEEK)
    passage = document.passages[2]
    target = Target.from_span(document.id, document.text, passage.start, passage.end)
    store = NotesStore(tmp_path / "notes.json")
    store.save(Annotation(target, "corroborated", "x" * 5_000_000)).result(10)
    app = ReaderApp([document, load_document(STRIPES)], store)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, Workstation)
        left = screen.query_one("#left", DocumentView)
        burst(app, "j", "j", "u", "k", "k")  # onto the huge note, clear it, and back up
        await pilot.pause(0.3)
        store.flush(10)
        await pilot.pause()
        assert left.cursor == 0
        [kept] = store.annotations()
    assert kept.status is None  # the tag on claim 2 was cleared; its note stays
    assert len(kept.note) == 5_000_000
    store.close()


async def test_ctrl_s_then_keys_in_one_burst_saves_the_note_as_typed(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    store = store_of(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("j")
        burst(app, "n", *"hello world", "ctrl+s", "j", "c")
        await settle(pilot)
        left = app.workstation.views[0]
        assert left.cursor == 2
    notes = {a.target.position.start: (a.status, a.note) for a in store.annotations()}
    passages = load_document(NEWSWEEK).passages
    assert notes == {
        passages[1].start: (None, "hello world"),
        passages[2].start: ("corroborated", ""),
    }
    store.close()


async def test_tab_then_keys_in_one_burst_act_on_the_other_pane(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    store = store_of(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        burst(app, "tab", "j", "c")
        await settle(pilot)
        screen = app.workstation
        assert screen.book.tags(1) == {1: "corroborated"}
        assert screen.book.tags(0) == {}
    store.close()


async def test_slash_then_letters_in_one_burst_are_the_query(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    store = store_of(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("j", "c")
        burst(app, "slash", "u", "x")
        await settle(pilot)
        screen = app.workstation
        assert screen.book.tags(0) == {1: "corroborated"}  # u and x were typed, not pressed
        assert screen.query_one(SearchBar).value == "ux"
    store.close()


async def test_keys_in_the_matrix_in_one_burst_act_on_the_row_they_were_pressed_on(
    tmp_path: Path,
) -> None:
    from reader.ui.widgets.matrix_grid import MatrixGrid

    third = tmp_path / "third.md"
    third.write_text(
        "---\noutlet: Third Outlet\n---\n\nAround 18 North Korean soldiers deserted the "
        "frontline, broadcaster Suspilne said.\n",
        encoding="utf-8",
    )
    app = make_app(tmp_path, paths=(NEWSWEEK, STRIPES, third))
    store = store_of(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.workstation
        grid = screen.query_one(MatrixGrid)
        assert screen.focused is grid
        assert grid.row == 0
        burst(app, "j", "x", "j", "j", "c", "k")
        await settle(pilot)
        assert grid.row == 2
        assert screen.book.tags(0) == {1: "contested", 3: "corroborated"}
    store.close()


async def test_shift_tab_then_keys_act_on_the_other_pane_the_panel_shows(tmp_path: Path) -> None:
    # shift+tab moved the focus with Textual's own binding: the panel still showed the other
    # pane's claim, and the next c tagged a claim the panel did not show.
    app = make_app(tmp_path)
    store = store_of(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("j", "j", "tab")
        burst(app, "shift+tab", "c")
        await settle(pilot)
        screen = app.workstation
        assert screen.focused is screen.views[0]
        assert screen.book.tags(0) == {2: "corroborated"}
    store.close()
