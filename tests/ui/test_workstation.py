"""Pilot tests of the workstation: keys change state, and the store holds what was acknowledged."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label

from reader.core.documents.loading import load_document
from reader.store.annotation import Annotation, Target
from reader.store.notes import NotesStore
from reader.ui.app import ReaderApp
from reader.ui.dialogs.note_editor import NoteEditor
from reader.ui.widgets.detail_panel import DetailPanel
from reader.ui.widgets.document_view import DocumentView
from reader.ui.widgets.search_bar import SearchBar
from tests.support.paths import NEWSWEEK, STRIPES
from tests.support.ui import SIZE, burst, make_app, ready, saved, settle, store_of, views


async def test_opens_with_left_focus_on_first_claim_and_matches(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        left, right = views(screen)
        assert screen.focused is left
        assert left.cursor == 0
        assert not screen.matching
        assert left.strengths[0] == "strong"  # the headline matches "Ukrainian public radio ..."
        expected = {c.passage for c in screen.claims.counterparts(0, 0, 1)}
        assert 4 in expected  # "Ukrainian public radio reported ..." is passage 4 of Stripes
        assert right.counterparts == expected


async def test_j_k_and_match_jumps(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        left, _ = views(screen)
        await pilot.press("j", "j", "down")
        assert left.cursor == 3
        await pilot.press("k")
        assert left.cursor == 2
        await pilot.press("right_square_bracket")
        assert left.cursor in left.strengths
        assert left.cursor > 2
        await pilot.press("left_square_bracket")
        assert left.cursor in left.strengths
        assert left.cursor <= 2


async def test_tab_and_enter_follow_counterparts(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        _, right = views(screen)
        await pilot.press("j")  # "Eighteen North Korean soldiers ..." has three counterparts
        expected = {c.passage for c in screen.claims.counterparts(0, 1, 1)}
        assert len(expected) >= 2
        assert right.counterparts == expected
        await pilot.press("enter")
        await pilot.press("enter")
        assert screen.reading._cycle[(0, 1)] == 1
        await pilot.press("tab")
        assert screen.focused is right


async def test_tags_are_saved_undone_and_cleared(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("j", "c")
        store = await saved(app)
        [tag] = store.annotations()
        assert tag.status == "corroborated"
        assert tag.claim.startswith("Eighteen North Korean soldiers")
        assert len(tag.evidence) >= 2  # the counterparts are stored as evidence
        await pilot.press("x")
        store = await saved(app)
        assert [a.status for a in store.annotations()] == ["contested"]
        await pilot.press("z")
        store = await saved(app)
        assert [a.status for a in store.annotations()] == ["corroborated"]
        await pilot.press("u")
        store = await saved(app)
        assert store.annotations() == []
        assert len(screen.writer.unsaved) == 0


async def test_undo_takes_the_cursor_to_the_claim_it_changed(tmp_path: Path) -> None:
    # The panel showed the undone claim while the cursor stayed put: x then tagged another.
    app = make_app(tmp_path)
    store = store_of(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        left, _ = views(screen)
        await pilot.press("j", "c", *"j" * 8, "tab", "j")
        burst(app, "z", "x")
        await settle(pilot)
        assert screen.focused is left
        assert left.cursor == 1
        assert "Newsweek  claim 2/" in str(screen.query_one(DetailPanel).render())
        assert screen.book.tags(0) == {1: "contested"}
        assert screen.book.tags(1) == {}
    claims = [a.claim for a in store.annotations()]
    assert claims == [load_document(NEWSWEEK).passages[1].text]
    store.close()


async def test_note_editor_saves_with_ctrl_s_and_cancels_with_escape(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"[b]x[/b]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        store = await saved(app)
        assert [a.note for a in store.annotations()] == ["[b]x[/b]"]
        await pilot.press("n")
        await pilot.press("a", "b")
        await pilot.press("escape")  # a change: escape asks first
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert "escape again" in str(app.screen.query_one("#note-hint", Label).render())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
        store = await saved(app)
        assert [a.note for a in store.annotations()] == ["[b]x[/b]"]
        await pilot.press("n")
        await pilot.press("escape")  # nothing changed: it closes at once
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)


async def test_an_escape_inside_a_paste_neither_loses_the_note_nor_runs_commands(
    tmp_path: Path,
) -> None:
    # A paste holding "\x1b\x1bxjjc" reaches the app (Textual 8.2.8's parser) as the escape key,
    # then "^xjjc" as keys, then the paste: escape closed the editor and x tagged the claim.
    app = make_app(tmp_path)
    store = store_of(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("j", "n", *"typed")
        burst(app, "escape", "x", "j", "j", "c")
        await pilot.pause(0.3)
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.book.tags(0) == {}
        assert screen.views[0].cursor == 1
    assert [(a.status, a.note) for a in store.annotations()] == [(None, "typedxjjc")]
    store.close()


async def test_tags_come_back_when_reopened(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("j", "x")
        await saved(app)
    store_of(app).close()
    again = make_app(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        left, _ = views(screen)
        assert left.tags == {1: "contested"}


async def test_read_only_store_disables_tagging(tmp_path: Path) -> None:
    app = make_app(tmp_path, read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("c")
        assert screen.book.by_passage == {}
        assert screen.check_action("run", ("tag.corroborated",)) is None
        # The key says why it does nothing, once however often it is pressed.
        await pilot.press("x", "u", "c")
        said = [n.message for n in app._notifications if "cannot be saved" in n.message]
        assert said == ["the notes file is open read-only: tags and notes cannot be saved"]
        # n opens the note to read: what is typed after it stays there, and runs no command
        # ("a" of a note opened the add dialog, "q" quit).
        await pilot.press("n", *"a bad claim q", "ctrl+s")
        await pilot.pause()
        assert app.is_running
        assert app.screen is screen
        assert screen.book.by_passage == {}


async def test_hostile_text_is_drawn_literally_and_clicks_are_safe(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "Title \x1b]0;pwned\x07 [bold]b[/bold] [@click=app.quit]x[/] here.\n\nSecond line.\n",
        encoding="utf-8",
    )
    app = ReaderApp([load_document(hostile)], NotesStore(tmp_path / "n.json"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        view = screen.query_one("#left", DocumentView)
        drawn = "".join(segment.text for segment in view.render_line(0))
        assert "[bold]b[/bold] [@click=app.quit]x[/]" in drawn
        assert "␛]0;pwned␇" in drawn
        assert "\x1b" not in drawn
        await pilot.click(DocumentView, offset=(12, 1))
        await pilot.pause()
        assert app.is_running


async def test_bidirectional_overrides_in_a_document_are_shown_not_obeyed(tmp_path: Path) -> None:
    # U+202E shows what follows it right to left: "txt.exe" can be drawn as "exe.txt".
    tricky = tmp_path / "tricky.txt"
    tricky.write_text("Officials said \u202etxt.exe\u202c was sent.\n\nSecond line.\n")
    app = ReaderApp([load_document(tricky)], NotesStore(tmp_path / "n.json"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        view = screen.query_one("#left", DocumentView)
        drawn = "".join(segment.text for segment in view.render_line(0))
        panel = str(screen.query_one(DetailPanel).render())
        for shown in (drawn, panel):
            assert "\u202e" not in shown
            assert "\ufffdtxt.exe\ufffd was sent" in shown


async def test_export_from_the_app_writes_the_chosen_format(tmp_path: Path) -> None:
    import csv

    from textual.widgets import Input, Select

    from reader.ui.dialogs.export_dialog import ExportDialog

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("j", "c")
        await pilot.press("E")
        assert isinstance(app.screen, ExportDialog)
        target = tmp_path / "out.csv"
        path_input = app.screen.query_one("#path", Input)
        app.screen.query_one("#format", Select).value = "csv"
        await pilot.pause()
        assert path_input.value.endswith("reader-memo.csv")  # the suffix follows the format
        path_input.value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.last_export == target
        rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
        assert [r["status"] for r in rows] == ["corroborated"]


async def test_the_default_export_is_not_read_as_a_document_next_time(tmp_path: Path) -> None:
    from reader.core.documents.loading import expand_paths
    from reader.ui.dialogs.export_dialog import ExportDialog

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("j", "c", "E")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    memo = tmp_path / "exports" / "reader-memo.md"
    assert screen.last_export == memo
    assert memo.read_text(encoding="utf-8").startswith("# Verification memo")
    (tmp_path / "report.txt").write_text("Six soldiers were killed on Tuesday.\n", "utf-8")
    assert expand_paths([tmp_path]) == [tmp_path / "report.txt"]


async def test_search_moves_to_hits_and_letters_reach_the_box(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        left, _ = views(screen)
        await pilot.press("slash", *"kursk")  # j/k are claim keys, but here they are typed
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one(SearchBar).hits == [2, 4]
        assert left.cursor == 2
        assert screen.focused is left
        await pilot.press("ctrl+n")
        assert left.cursor == 4
        await pilot.press("ctrl+b")
        assert left.cursor == 2
        await pilot.press("slash", *"zzzz", "enter")
        assert left.cursor == 2


async def test_orphaned_notes_are_listed_not_dropped(tmp_path: Path) -> None:
    from reader.ui.dialogs.notes_to_review import NotesToReview

    document = load_document(NEWSWEEK)
    store = NotesStore(tmp_path / "notes.json")
    store.remember_document("old-version-id", document.path, document.title, {}).result()
    gone = Target.from_span("old-version-id", "A sentence that was deleted.", 0, 28)
    store.save(Annotation(gone, "contested", "keep me")).result()
    app = ReaderApp([document, load_document(STRIPES)], store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert [a.note for a in screen.book.orphans] == ["keep me"]
        await pilot.press("O")
        panel = app.screen
        assert isinstance(panel, NotesToReview)
        await pilot.press("escape")
        assert not panel.is_active
    assert [a.note for a in store.annotations()] == ["keep me"]


async def test_keys_can_be_remapped_by_binding_id(tmp_path: Path) -> None:
    from reader.ui.keymap import load_keymap

    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\n"tag.corroborated" = "C"\n', encoding="utf-8")
    store = NotesStore(tmp_path / "notes.json")
    app = ReaderApp([load_document(NEWSWEEK), load_document(STRIPES)], store, load_keymap(keys))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("j", "c")
        assert screen.book.by_passage == {}
        await pilot.press("C")
        store.flush(10)
        assert [a.status for a in store.annotations()] == ["corroborated"]


async def test_command_palette_offers_the_actions(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        commands = {c.title: c for c in app.get_system_commands(screen)}
        assert "Corroborated (c)" in commands
        assert "Note (n)" in commands
        assert "Export (E)" in commands
        assert not [t for t in commands if t.startswith("Next hit")]  # no search yet
        await pilot.press("j")
        commands["Contested (x)"].callback()
        await pilot.pause()
        assert screen.book.tags(0) == {1: "contested"}


async def test_narrow_terminal_stacks_the_panes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        left, right = views(screen)
        assert screen.has_class("-narrow")
        assert screen.has_class("-short")
        assert left.region.width > 70
        assert right.region.y > left.region.y
        # The other pane follows the cursor's counterpart even in a small pane.
        top = right.wrapped.passage_lines[4]
        assert right.scroll_offset.y <= top < right.scroll_offset.y + right.size.height
        await pilot.press("j", "c")
        assert screen.book.tags(0) == {1: "corroborated"}


async def test_choosing_the_documents_in_the_panes_is_remembered(tmp_path: Path) -> None:
    from textual.widgets import Select

    from reader.ui.dialogs.pane_chooser import PaneChooser

    third = tmp_path / "third.md"
    third.write_text(
        "---\noutlet: Third Outlet\n---\n\nAround 18 North Korean soldiers deserted the "
        "frontline, broadcaster Suspilne said.\n",
        encoding="utf-8",
    )
    documents = [load_document(NEWSWEEK), load_document(STRIPES), load_document(third)]
    store = NotesStore(tmp_path / "notes.json")
    app = ReaderApp(documents, store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("o")
        assert isinstance(app.screen, PaneChooser)
        app.screen.query_one("#right", Select).value = 0  # the same document twice: refused
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, PaneChooser)
        app.screen.query_one("#right", Select).value = 2
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        _, right = views(screen)
        assert right.document.metadata["outlet"] == "Third Outlet"
        assert screen.panes.shown == [0, 2]
        assert 1 in views(screen)[0].strengths  # matches are shown against the new pane
    store.close()
    again = NotesStore(tmp_path / "notes.json")
    app = ReaderApp(documents, again)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert screen.panes.shown == [0, 2]


async def test_pane_chooser_needs_three_documents(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert screen.check_action("run", ("panes.choose",)) is False


async def test_pane_headers_show_the_source_and_tag_counts(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        left, right = views(screen)
        assert left.border_title is not None
        assert "Newsweek" in left.border_title
        assert right.border_title is not None
        assert "Stars and Stripes" in right.border_title
        assert left.border_subtitle == "✓ 0  ✗ 0"
        await pilot.press("j", "c", "j", "x", "j", "x")
        await pilot.pause()
        assert left.border_subtitle == "✓ 1  ✗ 2"
        assert right.border_subtitle == "✓ 0  ✗ 0"


async def test_detail_panel_shows_sources_independence_and_a_suggestion(tmp_path: Path) -> None:
    from reader.ui.widgets.detail_panel import DetailPanel

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("j")  # "Eighteen North Korean soldiers ..., according to ... Suspilne."
        await pilot.pause()
        shown = str(screen.query_one(DetailPanel).render())
        assert "source: Suspilne" in shown
        assert "same source: Suspilne" in shown
        # "several" against "18" differs in a partial match, which may tell another claim:
        # shown with it, and no suggestion; the strong match agrees on 18.
        assert "⚠ differs: quantity: 18 vs several" in shown
        assert "suggested tag" not in shown
        store = await saved(app)
        assert store.annotations() == []  # a suggestion never tags by itself


async def test_help_lists_keys_and_q_quits_with_everything_saved(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query("HelpPanel")
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query("HelpPanel")
        await pilot.press("down", "down", "up")
        assert views(screen)[0].cursor == 1
        await pilot.press("c", "q")
        await pilot.pause()
    assert app.return_code == 0
    store_of(app).close()  # what the command line does after the app returns: flush, unlock
    again = NotesStore(tmp_path / "notes.json", read_only=True)
    assert [a.status for a in again.annotations()] == ["corroborated"]
    again.close()


async def test_a_tiny_terminal_still_shows_text_in_both_panes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(40, 10)) as pilot:
        screen = await ready(pilot)
        left, right = views(screen)
        assert left.size.height >= 2
        assert right.size.height >= 2
        await pilot.press("j", "c")
        assert screen.book.tags(0) == {1: "corroborated"}


async def test_decoding_warnings_are_shown_when_the_documents_open(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Caf\xe9 owners said 18 soldiers deserted.\n".encode("cp1252"))
    store = NotesStore(tmp_path / "notes.json")
    app = ReaderApp([load_document(legacy), load_document(STRIPES)], store)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        messages = [n.message for n in app._notifications]
        assert any("decoded as cp1252" in m for m in messages), messages


async def test_notes_with_escapes_and_markup_are_shown_as_text(tmp_path: Path) -> None:
    from textual.widgets import Static

    from reader.ui.dialogs.notes_to_review import NotesToReview
    from reader.ui.widgets.detail_panel import DetailPanel

    hostile = "\x1b]0;pwned\x07\x1b[2J [b]bold[/b] [@click=app.quit]x[/]"
    document = load_document(NEWSWEEK)
    passage = document.passages[1]
    store = NotesStore(tmp_path / "notes.json")
    on_claim = Target.from_span(document.id, document.text, passage.start, passage.end)
    store.save(Annotation(on_claim, "contested", hostile)).result()
    store.remember_document("gone-id", document.path, document.title, {}).result()
    gone = Target.from_span("gone-id", "A sentence that was deleted.", 0, 28)
    store.save(Annotation(gone, "contested", hostile)).result()
    app = ReaderApp([document, load_document(STRIPES)], store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("j")
        shown = [screen.query_one(DetailPanel).render()]
        await pilot.press("O")
        panel = app.screen
        assert isinstance(panel, NotesToReview)
        shown += [static.render() for static in panel.query(Static)]
        texts = [getattr(item, "plain", str(item)) for item in shown]
        for where in (texts[0], "\n".join(texts[1:])):
            assert "␛]0;pwned␇␛[2J [b]bold[/b] [@click=app.quit]x[/]" in where
            assert "\x1b" not in where
        assert app.is_running


async def test_the_status_line_says_why_it_is_read_only_and_keeps_the_notes_name(
    tmp_path: Path,
) -> None:

    deep = tmp_path / ("a-long-folder-name-" * 4) / "case"
    deep.mkdir(parents=True)
    NotesStore(deep / "reader-notes.json").close()
    (deep / "reader-notes.json").chmod(0o444)
    line = await status_line_of(NotesStore(deep / "reader-notes.json"))
    assert line.startswith("read-only: the file is read-only · ")
    assert line.endswith("/case/reader-notes.json")  # its end, cut at the front
    assert "…" in line
    assert len(line) <= 110 - 2


async def test_the_status_line_fits_a_wide_script_path_in_cells(tmp_path: Path) -> None:
    from rich.cells import cell_len

    deep = tmp_path / ("新闻资料夹" * 8) / "案件"  # two cells a character
    deep.mkdir(parents=True)
    line = await status_line_of(NotesStore(deep / "reader-notes.json"))
    assert line.endswith("/案件/reader-notes.json")
    assert "…" in line
    assert cell_len(line) <= 110 - 2


async def status_line_of(store: NotesStore) -> str:
    """The status line of the workstation over the seeds at 110x30, with this notes file."""
    from reader.ui.widgets.status_line import StatusLine

    app = ReaderApp([load_document(NEWSWEEK), load_document(STRIPES)], store)
    async with app.run_test(size=(110, 30)) as pilot:
        screen = await ready(pilot)
        line = str(screen.query_one(StatusLine).render())
    store.close()
    return line


async def test_matrix_and_panes_keys_say_why_with_two_documents(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("m", "o", "m", "m")  # pressed again, not said again
        messages = [n.message for n in app._notifications]
        assert len(messages) == 2, messages
        assert any("three or more documents" in m for m in messages), messages
        assert any("both documents are in the panes" in m for m in messages), messages
        assert screen.notes.matrix_view is None
        # Typed into the search box, the same letters are only letters.
        await pilot.press("slash", "m", "o")
        assert len(app._notifications) == len(messages)


async def test_after_tab_the_cursor_is_where_the_reader_left_it_and_in_view(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        _, right = views(screen)
        await pilot.press("tab", *["j"] * 6, "tab")  # a place in the right pane, then back
        place = right.cursor
        await pilot.press(*["j"] * 14)  # the right pane follows the left one's counterparts
        await pilot.press("tab")
        assert screen.focused is right
        assert right.cursor == place  # tabbing away and back keeps the place...
        await pilot.pause()
        assert right.on_screen(right.cursor)  # ...and shows it
        await pilot.press("c")
        assert screen.book.tags(1) == {place: "corroborated"}


async def test_enter_then_tab_puts_the_cursor_on_the_counterpart_shown(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        _, right = views(screen)
        await pilot.press("j", "enter", "enter")  # the second of the claim's counterparts
        second = screen.claims.counterparts(0, 1, 1)[1].passage
        await pilot.press("tab", "c")
        assert right.cursor == second
        assert screen.book.tags(1) == {second: "corroborated"}


async def test_tab_in_a_burst_tags_the_claim_the_panel_shows(tmp_path: Path) -> None:
    from reader.ui.widgets.detail_panel import DetailPanel

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("tab", *["j"] * 15)
        burst(app, "k", "k", "k", "k", "k", "tab", "tab", "c")
        await pilot.pause()
        await pilot.pause()
        doc, passage = screen.cursor_key()
        shown = str(screen.query_one(DetailPanel).render())
        assert f"claim {passage + 1}/" in shown
        assert screen.book.tags(doc) == {passage: "corroborated"}


async def test_the_detail_panel_says_which_names_were_made_one(tmp_path: Path) -> None:
    from reader.ui.widgets.detail_panel import DetailPanel

    one = tmp_path / "one.txt"
    one.write_text("A senior al-Qaeda commander was killed in a drone strike.\n", "utf-8")
    two = tmp_path / "two.txt"
    two.write_text("An al Qaida commander died in a drone strike on Friday.\n", "utf-8")
    app = make_app(tmp_path, paths=(one, two))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        shown = str(screen.query_one(DetailPanel).render())
        assert "same: Qaeda = Qaida" in shown, shown


async def test_the_status_line_says_how_many_stories_the_documents_tell(tmp_path: Path) -> None:
    from reader.ui.widgets.status_line import StatusLine
    from tests.core.test_stories import FLOOD, STRIKE, reports

    folder = tmp_path / "case"
    folder.mkdir()
    documents = reports(folder, "flood", FLOOD, 5) + reports(folder, "strike", STRIKE, 5)
    app = make_app(tmp_path, paths=[d.path for d in documents])
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await ready(pilot)
        assert " in 2 stories · " in str(screen.query_one(StatusLine).render())


async def test_a_narrow_status_line_leaves_the_path_out_rather_than_end_at_notes(
    tmp_path: Path,
) -> None:
    from reader.ui.widgets.status_line import StatusLine
    from tests.core.test_stories import FLOOD, STRIKE, reports

    folder = tmp_path / "a-case-folder-with-a-long-name"
    folder.mkdir()
    documents = reports(folder, "flood", FLOOD, 5) + reports(folder, "strike", STRIKE, 5)
    store = NotesStore(folder / "a-notes-file-with-a-long-long-name.json")
    app = ReaderApp(documents, store)
    async with app.run_test(size=(60, 24)) as pilot:
        screen = await ready(pilot)
        line = str(screen.query_one(StatusLine).render())
        assert "notes:" not in line, line
        assert line.startswith("all saved · ")
    store.close()


async def test_the_gutter_marks_the_claim_that_starts_on_a_line(tmp_path: Path) -> None:
    # A line that ends a tagged claim and starts another showed the first one's tag; a claim
    # that starts mid-line never got the cursor's mark.
    app = make_app(tmp_path)
    store_of(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        left, _ = views(screen)
        lines = left.wrapped.lines
        texts = left.document.passages

        def mid_line(passage: int) -> bool:
            return lines[left.wrapped.passage_lines[passage]].start < texts[passage].start

        # The first claim that starts mid-line, after a claim that goes on from the line above.
        claim = next(p for p in range(1, len(texts)) if mid_line(p))
        line = left.wrapped.passage_lines[claim]
        await pilot.press(*"j" * (claim - 1), "c", "j")  # tag the claim before it, then move on
        await pilot.pause()
        gutter = "".join(segment.text for segment in left.render_line(line - left.scroll_offset.y))
        assert gutter[1] == "▶"
        assert gutter[0] == " "  # the tag is the claim before's, which starts higher up


async def test_files_left_out_of_a_folder_are_said_when_the_app_opens(tmp_path: Path) -> None:
    store = NotesStore(tmp_path / "notes.json")
    documents = [load_document(NEWSWEEK), load_document(STRIPES)]
    app = ReaderApp(documents, store, notices=["left out case/stray.txt: file is empty"])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert "left out case/stray.txt: file is empty" in [n.message for n in app._notifications]
    store.close()
