"""Odd paths: symlinks, FIFOs, devices, folders, missing folders, read-only files and folders,
and notes that must be found again from another folder. One line, never a traceback, and
nothing replaced that should not be."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from reader.cli import main
from reader.cli.workstation import _choose_after_corruption, open_store
from reader.core.documents.loading import load_document
from reader.store.annotation import Annotation, Target
from reader.store.notes import NotesStore
from reader.store.store_error import CorruptStore
from tests.support.paths import NEWSWEEK, PROJECT, STRIPES


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def _tag(db: Path, document_path: Path = NEWSWEEK, note: str = "kept") -> Annotation:
    document = load_document(document_path)
    passage = document.passages[1]
    target = Target.from_span(document.id, document.text, passage.start, passage.end)
    store = NotesStore(db)
    store.remember_document(document.id, document.path, document.title, document.metadata)
    annotation = Annotation(target, "corroborated", note)
    store.save(annotation).result(10)
    store.close()
    return annotation


def test_a_symlinked_notes_file_writes_its_target_and_shares_its_lock(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    _tag(real, note="first")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    through_link = NotesStore(link)
    assert not through_link.read_only
    second = NotesStore(real)  # the same file by its own name: the lock is the same
    assert second.read_only
    second.close()
    document = load_document(NEWSWEEK)
    passage = document.passages[2]
    target = Target.from_span(document.id, document.text, passage.start, passage.end)
    through_link.save(Annotation(target, "contested", "second")).result(10)
    through_link.close()
    assert link.is_symlink()
    reopened = NotesStore(real, read_only=True)
    assert sorted(a.note for a in reopened.annotations()) == ["first", "second"]
    reopened.close()


@pytest.mark.parametrize("kind", ["fifo", "folder", "missing folder"])
def test_a_notes_file_that_cannot_be_one_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    db = tmp_path / "notes.json"
    if kind == "fifo":
        os.mkfifo(db)
    elif kind == "folder":
        db.mkdir()
    else:
        db = tmp_path / "nowhere" / "notes.json"
    assert main(["export", "--format", "md", "--db", str(db)]) == 1
    message = _error(capsys)
    assert {"fifo": "not a regular file", "folder": "a folder", "missing folder": "no notes"}[
        kind
    ] in message


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_the_workstation_refuses_a_notes_file_that_cannot_be_one_and_leaves_no_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    (tmp_path / "a.txt").write_text("One claim about the harbour.\n", encoding="utf-8")
    db = tmp_path / "notes.json"
    if kind == "fifo":
        os.mkfifo(db)
    else:
        db.mkdir()
    assert main([str(tmp_path / "a.txt"), "--db", str(db)]) == 1
    assert "notes.json" in _error(capsys)
    assert not (tmp_path / "notes.json.lock").exists()


def test_a_notes_file_in_a_read_only_folder_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tag(tmp_path / "notes.json")

    def refused(self: FileLock, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(FileLock, "acquire", refused)
    store = NotesStore(tmp_path / "notes.json")
    assert store.read_only
    assert store.notice is not None
    assert "Permission denied" in store.notice
    assert [a.note for a in store.annotations()] == ["kept"]
    store.close()


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "lots"])
def test_max_size_must_be_a_positive_number(capsys: pytest.CaptureFixture[str], value: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["match", str(NEWSWEEK), "--max-size", value])
    assert exit_.value.code == 2
    assert "--max-size" in capsys.readouterr().err


def test_an_unreadable_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(self: Path) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refused)
    assert main(["match", str(tmp_path)]) == 1
    assert "cannot read this folder (Permission denied)" in _error(capsys)


def test_a_fifo_given_as_a_document_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "article.md"
    os.mkfifo(fifo)
    assert main(["match", str(fifo), str(NEWSWEEK)]) == 1
    assert "not a regular file" in _error(capsys)


def _export_to(output: Path, db: Path, *extra: str) -> int:
    return main(["export", "--format", "md", "--db", str(db), "-o", str(output), *extra])


def test_export_refuses_devices_fifos_and_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "notes.json"
    _tag(db)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for output, word in [
        (Path("/dev/null"), "not a regular file"),
        (fifo, "not a regular file"),
        (tmp_path, "is a folder"),
        (tmp_path / "missing" / "memo.md", "does not exist"),
    ]:
        assert _export_to(output, db) == 1
        assert word in _error(capsys)
    assert Path("/dev/null").is_char_device()
    assert fifo.is_fifo()


def test_export_follows_a_symlink_and_respects_a_read_only_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "notes.json"
    _tag(db)
    memo = tmp_path / "memo.md"
    memo.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.md"
    link.symlink_to(memo)
    assert _export_to(link, db) == 0
    capsys.readouterr()
    assert link.is_symlink()
    assert memo.read_text(encoding="utf-8").startswith("# Verification memo")
    memo.write_text("keep", encoding="utf-8")
    memo.chmod(0o444)
    assert _export_to(memo, db) == 1
    assert "read-only (use --force" in _error(capsys)
    assert memo.read_text(encoding="utf-8") == "keep"
    assert _export_to(memo, db, "--force") == 0
    assert memo.read_text(encoding="utf-8").startswith("# Verification memo")
    assert memo.stat().st_mode & 0o777 == 0o444


def test_a_killed_export_leaves_no_temporary_file_behind(tmp_path: Path) -> None:
    db = tmp_path / "notes.json"
    _tag(db)
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = int(child.stdout)
    leftover = tmp_path / f".memo.md.tmp-{dead}-abc123"
    leftover.write_text("half", encoding="utf-8")
    alive = tmp_path / f".memo.md.tmp-{os.getppid()}-def456"  # a running writer's
    alive.write_text("in progress", encoding="utf-8")
    assert _export_to(tmp_path / "memo.md", db) == 0
    assert not leftover.exists()
    assert alive.exists()


def test_export_from_another_folder_finds_the_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case"
    case.mkdir()
    for source in (NEWSWEEK, STRIPES):
        shutil.copy(source, case / source.name)
    monkeypatch.chdir(case)
    _tag(Path("reader-notes.json"), Path(NEWSWEEK.name))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["export", "--format", "json", "--db", str(case / "reader-notes.json")]) == 0
    out = capsys.readouterr().out
    assert '"orphaned": false' in out
    assert str(case / NEWSWEEK.name) in out
    assert main(["export", "--format", "jsonld", "--db", str(case / "reader-notes.json")]) == 0
    assert (case / NEWSWEEK.name).as_uri() in capsys.readouterr().out


def test_notes_moved_with_their_documents_are_found(tmp_path: Path) -> None:
    case = tmp_path / "case"
    case.mkdir()
    shutil.copy(NEWSWEEK, case / NEWSWEEK.name)
    _tag(case / "reader-notes.json", case / NEWSWEEK.name)
    moved = tmp_path / "moved"
    case.rename(moved)
    store = NotesStore(moved / "reader-notes.json", read_only=True)
    [stored] = store.documents()
    assert store.document_path(stored) == moved / NEWSWEEK.name
    store.close()


def test_after_damage_a_fresh_notes_file_is_used_again_on_the_next_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / NEWSWEEK.name
    shutil.copy(NEWSWEEK, document)
    damaged = tmp_path / "reader-notes.json"
    damaged.write_text("{broken", encoding="utf-8")
    with pytest.raises(CorruptStore) as error:
        open_store(None, [document])
    fresh = _choose_after_corruption(error.value, None, [document], ask=lambda prompt: "f")
    assert fresh is not None
    fresh.save(Annotation(Target.from_span("d", "abc", 0, 1), note="this session")).result(10)
    fresh.close()
    again = open_store(None, [document])  # the next start
    assert [a.note for a in again.annotations()] == ["this session"]
    assert again.notice is not None
    assert fresh.path.name in again.notice
    again.close()
    assert damaged.read_text(encoding="utf-8") == "{broken"


def test_ctrl_d_at_the_damaged_file_prompt_quits(tmp_path: Path) -> None:
    damaged = tmp_path / "reader-notes.json"
    damaged.write_text("{broken", encoding="utf-8")
    with pytest.raises(CorruptStore) as error:
        open_store(str(damaged), [])

    def end_of_input(prompt: str) -> str:
        raise EOFError

    with pytest.raises(CorruptStore):
        _choose_after_corruption(error.value, str(damaged), [], ask=end_of_input)


def test_file_names_with_escapes_are_printed_as_placeholders(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    name = "evil\x1b]0;owned\x07\nname.txt"
    (folder / name).write_text("   \n", encoding="utf-8")  # empty: its name is in the error
    (folder / "other.txt").write_text("Eighteen soldiers deserted, a report said.\n")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "match", str(folder)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        check=False,
    )
    assert result.returncode == 0  # the empty file is left out, and says so
    assert "\x1b" not in result.stderr
    assert "\x07" not in result.stderr
    assert "evil␛]0;owned␇␤name.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_bad_file_in_a_folder_is_left_out_and_a_bad_file_named_stops(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:

    folder = tmp_path / "case"
    folder.mkdir()
    for document in (NEWSWEEK, STRIPES):
        shutil.copy(document, folder)
    (folder / "stray.txt").write_bytes(b"\x00\x01binary\x00" * 100)
    (folder / "empty.txt").write_text("")
    assert main(["match", str(folder)]) == 0
    captured = capsys.readouterr()
    assert "across 2 documents" in captured.out
    notes = captured.err.splitlines()
    assert len(notes) == 2
    assert all(line.startswith("reader: note: left out ") for line in notes)
    assert main(["match", str(folder / "stray.txt"), str(folder)]) == 1  # named: it stops
    assert "looks like a binary file" in capsys.readouterr().err
    alone = tmp_path / "nothing-readable"
    alone.mkdir()
    (alone / "empty.txt").write_text("")
    assert main(["match", str(alone)]) == 1  # a folder with no document left: the reason
    assert "file is empty" in capsys.readouterr().err


async def test_a_file_name_not_in_utf8_is_saved_and_named_in_exports(tmp_path: Path) -> None:
    from reader.ui.app import ReaderApp

    name = os.fsdecode(b"nw\xff\xfe.md")
    shutil.copy(NEWSWEEK, tmp_path / name)
    shutil.copy(STRIPES, tmp_path / STRIPES.name)
    db = tmp_path / "reader-notes.json"
    store = NotesStore(db)
    documents = [load_document(tmp_path / name), load_document(tmp_path / STRIPES.name)]
    app = ReaderApp(documents, store)
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("j", "c")
        store.flush(10)
        await pilot.pause()
        assert app.workstation.writer.pending == 0
        assert app.workstation.writer.failing == 0
    store.close()
    reopened = NotesStore(db, read_only=True)
    paths = sorted(str(reopened.document_path(d)) for d in reopened.documents())
    assert paths == sorted([str(tmp_path / name), str(tmp_path / STRIPES.name)])
    reopened.close()
    assert main(["export", "--format", "md", "--db", str(db), "-o", str(tmp_path / "m.md")]) == 0
    memo = (tmp_path / "m.md").read_text(encoding="utf-8")
    assert "nw\ufffd\ufffd.md" in memo
    assert "## Orphaned notes" not in memo


def test_an_export_never_replaces_a_notes_file_or_its_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "reader-notes.json"
    _tag(db, note="first")
    _tag(db, note="second")  # a second write leaves a backup
    before = {p.name: p.read_bytes() for p in tmp_path.glob("reader-notes.json*")}
    assert "reader-notes.json.bak1" in before
    for target in ("reader-notes.json", "reader-notes.json.bak1"):
        for fmt in ("md", "json"):
            code = main(["export", "--format", fmt, "--db", str(db), "-o", str(tmp_path / target)])
            assert code == 1
            assert "is a reader notes file" in _error(capsys)
    assert {p.name: p.read_bytes() for p in tmp_path.glob("reader-notes.json*")} == before


def test_a_hard_linked_or_read_only_notes_file_opens_read_only(tmp_path: Path) -> None:
    db = tmp_path / "reader-notes.json"
    _tag(db)
    _tag(db, note="again")  # a save makes .bak1 a link of the old file: not a foreign link
    store = NotesStore(db)
    assert not store.read_only
    store.close()
    (tmp_path / "other-name.json").hardlink_to(db)
    store = NotesStore(db)
    assert store.read_only
    assert store.notice is not None
    assert "hard link" in store.notice
    store.close()
    (tmp_path / "other-name.json").unlink()
    db.chmod(0o444)
    store = NotesStore(db)
    assert store.read_only
    assert store.notice is not None
    assert "read-only" in store.notice
    store.close()


def test_a_notes_file_that_cannot_be_copied_aside_still_gets_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--format", "md", "--db", "/proc/self/status"]) == 1
    message = _error(capsys)
    assert "no copy could be kept beside it" in message or "not a reader notes file" in message
    assert "unreadable-" not in message


def test_match_json_escapes_c1_controls_and_odd_names_and_refuses_nan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "nw\x9b2J.md").write_text("Eighteen soldiers deserted, a report said.\n", "utf-8")
    (folder / os.fsdecode(b"odd\xff.txt")).write_text("Eighteen soldiers deserted.\n", "utf-8")
    assert main(["match", "--json", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "\x9b" not in out
    paths = [d["path"] for d in json.loads(out)["documents"]]
    assert any(p.endswith("nw\x9b2J.md") for p in paths)  # the value itself is unchanged
    for value in ("nan", "inf", "101", "-1"):
        with pytest.raises(SystemExit):
            main(["match", "--json", f"--min-score={value}", str(folder)])
        assert "must be a score from 0 to 100" in capsys.readouterr().err


def test_export_after_a_fresh_file_was_started_uses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.store.locations import fresh_notes_path

    monkeypatch.chdir(tmp_path)
    (tmp_path / "reader-notes.json").write_text("{broken", encoding="utf-8")
    _tag(fresh_notes_path(tmp_path / "reader-notes.json"), note="in the fresh file")
    assert main(["export", "--format", "md"]) == 0
    captured = capsys.readouterr()
    assert "in the fresh file" in captured.out
    assert "started when it was found damaged" in captured.err


def test_import_while_another_reader_holds_the_file_says_nothing_was_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.support.hostile.corpus import dumps, export_file

    db = tmp_path / "reader-notes.json"
    holder = NotesStore(db)
    source = tmp_path / "export.json"
    source.write_text(dumps(export_file()), encoding="utf-8")
    assert main(["import", str(source), "--db", str(db)]) == 1
    assert "nothing was imported" in _error(capsys)
    holder.close()


def test_a_readable_notes_file_in_a_folder_that_is_not_writable_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.store.locations import default_notes_path

    _tag(tmp_path / "reader-notes.json")
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    path, notice = default_notes_path([tmp_path / NEWSWEEK.name], fallback=tmp_path / "data")
    assert path == (tmp_path / "reader-notes.json").resolve()
    assert notice is not None
    assert "read-only" in notice
