"""``a`` in the workstation: a URL fetched, kept as a dated copy, joined to the set and
matched; its address and retrieval time named in every export."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from textual.pilot import Pilot

from reader.core.documents.loading import load_document
from reader.core.export.formats import export
from reader.store.exporting import gather_export
from reader.store.notes import NotesStore
from reader.ui.app import ReaderApp
from reader.ui.dialogs.add_document import AddDocument
from tests.support.pages import article_page
from tests.support.paths import NEWSWEEK, STRIPES
from tests.support.ui import SIZE, make_app, ready, store_of
from tests.support.web_server import LocalServer

DESERTION = (
    "Eighteen North Korean soldiers have deserted the Russian frontline, prompting a search for "
    "them, according to Ukraine's public broadcaster Suspilne.",
    "The soldiers were stationed in the Kursk and Bryansk regions near the Ukrainian border.",
    "Russian commanders are trying to keep the desertions hidden, intelligence sources said.",
)


async def test_a_url_added_in_the_app_joins_the_set_and_exports_name_it(
    web_server: LocalServer, tmp_path: Path
) -> None:
    for source in (NEWSWEEK, STRIPES):
        shutil.copy(source, tmp_path / source.name)
    url = web_server.page("/desertion", article_page("Soldiers desert", DESERTION))
    store = NotesStore(tmp_path / "reader-notes.json")
    documents = [load_document(tmp_path / NEWSWEEK.name), load_document(tmp_path / STRIPES.name)]
    store.remember_documents((d.id, d.path, d.title, d.metadata) for d in documents)
    app = ReaderApp(documents, store)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.workstation
        assert app.screen is screen
        await pilot.press("a")
        dialog = app.screen
        assert isinstance(dialog, AddDocument)
        await pilot.press(*url, "enter")
        for _ in range(50):
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if app.screen is screen and not screen.matching:
                break
        assert app.screen is screen
        assert len(screen.documents) == 3
        added = screen.documents[2]
        assert added.metadata["outlet"] == "Test Gazette"
        assert added.metadata["retrieved"]
        assert added.path.parent == tmp_path
        assert (tmp_path / ".sources").is_dir()
        assert not screen.matching
        assert screen.claims.counterparts(2, 1)  # the new report is matched with the others
        await pilot.press("j", "c")
        store.flush(10)
    data = gather_export(store)
    store.close()
    memo = export(data, "md")
    assert "| url | retrieved |" in memo
    assert added.metadata["url"] in memo
    assert added.metadata["retrieved"] in memo
    rows = list(csv.DictReader(io.StringIO(export(data, "csv"))))
    assert [r["document_url"] for r in rows] == [""]  # the tagged claim is Newsweek's
    items = json.loads(export(data, "jsonld"))["first"]["items"]
    sources = {t["source"] for i in items for t in i["target"]}
    assert url in sources or added.metadata["url"] in sources  # the fetched report: its URL
    assert any(s.startswith("file:///") for s in sources)  # the others: their files
    fetched_targets = [t for i in items for t in i["target"] if t["source"].startswith("http")]
    assert all(t["reader:localCopy"].startswith("file:///") for t in fetched_targets)
    documents_json = json.loads(export(data, "json"))["documents"]
    [fetched] = [d for d in documents_json if d["metadata"].get("url")]
    assert fetched["metadata"]["retrieved"] == added.metadata["retrieved"]


async def test_adding_a_missing_file_says_why_and_changes_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    store = store_of(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("a", *str(tmp_path / "gone.md"), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen
        assert len(screen.documents) == 2
        assert any("not added" in n.message for n in app._notifications)
    store.close()


async def test_escape_cancels_the_add_dialog(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    store = store_of(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("a", "escape")
        assert app.screen is screen
        assert len(screen.documents) == 2
    store.close()


async def _add(app: ReaderApp, pilot: Pilot[None], spec: Path) -> None:
    await pilot.press("a", *str(spec), "enter")
    for _ in range(50):
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)
        if app.screen is app.workstation and not app.workstation.matching:
            return


async def test_files_from_elsewhere_are_kept_in_the_case_folder(tmp_path: Path) -> None:
    from reader.core.documents.loading import expand_paths

    case, elsewhere = tmp_path / "case", tmp_path / "elsewhere"
    case.mkdir()
    elsewhere.mkdir()
    for source in (NEWSWEEK, STRIPES):
        shutil.copy(source, case / source.name)
    (elsewhere / "third report.txt").write_text(" ".join(DESERTION) + "\n", encoding="utf-8")
    (elsewhere / "page.html").write_text(article_page("Soldiers desert", DESERTION), "utf-8")
    (case / "inside.txt").write_text("Eighteen soldiers deserted near Kursk.\n", "utf-8")
    store = NotesStore(case / "reader-notes.json")
    app = ReaderApp(
        [load_document(case / NEWSWEEK.name), load_document(case / STRIPES.name)], store
    )
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        for spec in (elsewhere / "third report.txt", elsewhere / "page.html", case / "inside.txt"):
            await _add(app, pilot, spec)
        paths = [d.path for d in screen.documents]
    store.close()
    assert len(paths) == 5
    assert all(path.parent == case for path in paths)  # nothing is read from elsewhere
    assert (case / "third-report.txt").read_text(encoding="utf-8").startswith("Eighteen")
    assert (case / ".sources").is_dir()  # the page: a dated Markdown copy and its original
    assert sorted(p.name for p in expand_paths([case])) == sorted(p.name for p in paths)
