"""The notes store: saving, reopening, refusing foreign files, locking, faults, migration."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.store.annotation import Annotation, Evidence, Target
from reader.store.backups import restore_backup
from reader.store.notes import NotesStore
from reader.store.store_error import CorruptStore, ExternalChange, ReadOnlyStore, WriteFailed
from tests.support.paths import PROJECT

TEXT = "Eighteen soldiers deserted. The search began on Oct. 3. Officials declined to comment."


def annotation(note: str = "", status: str = "corroborated", start: int = 0) -> Annotation:
    target = Target.from_span("doc-1", TEXT, start, start + 27)
    evidence = (Evidence(Target.from_span("doc-2", TEXT, 28, 55), 42.5, "strong"),)
    return Annotation(target, status=status, note=note, evidence=evidence)  # type: ignore[arg-type]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "reader-notes.json"


def test_saved_annotations_survive_reopening(db: Path) -> None:
    store = NotesStore(db)
    first, second = annotation("first"), annotation("second", "contested")
    store.save(first).result(10)
    store.save(second).result(10)
    store.remember_document("doc-1", Path("a.md"), "Title", {"outlet": "X"}).result(10)
    store.close()
    again = NotesStore(db)
    assert again.annotations() == [first, second]
    assert again.annotations("doc-2") == []
    assert again.documents()[0].title == "Title"
    again.close()


def test_update_and_delete(db: Path) -> None:
    store = NotesStore(db)
    item = annotation("v1")
    store.save(item).result(10)
    store.save(item.changed(note="v2")).result(10)
    assert [a.note for a in store.annotations()] == ["v2"]
    assert store.delete(item.id).result(10) is True
    assert store.delete(item.id).result(10) is False
    assert store.annotations() == []
    store.close()


def test_commit_is_one_atomic_write(db: Path) -> None:
    store = NotesStore(db)
    keep, drop = annotation("keep"), annotation("drop")
    store.save(drop).result(10)
    assert store.commit([keep], [drop.id]).result(10) == 2
    assert store.annotations() == [keep]
    store.close()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b'{"annotations": {"1": {"no', "damaged"),
        (b"[1, 2, 3]", "not a TinyDB database"),
        (b'{"_default": {"1": {"name": "x"}}}', "another program"),
        (b"\xff\xfe\x00binary", "not UTF-8"),
    ],
)
def test_foreign_or_corrupt_files_are_never_overwritten(
    db: Path, content: bytes, reason: str
) -> None:
    db.write_bytes(content)
    with pytest.raises(CorruptStore, match=reason):
        NotesStore(db)
    assert db.read_bytes() == content
    copies = list(db.parent.glob(db.name + ".unreadable-*"))
    assert len(copies) == 1
    assert copies[0].read_bytes() == content
    lock = FileLock(str(db) + ".lock")
    lock.acquire(timeout=0)  # the refused open released its lock
    lock.release()


def test_second_process_opens_read_only(db: Path) -> None:
    store = NotesStore(db)
    store.save(annotation("mine")).result(10)
    script = (
        "import sys\nfrom reader.store.notes import NotesStore\n"
        "s = NotesStore(sys.argv[1])\n"
        "print(s.read_only, len(s.annotations()))\n"
        "from reader.store.annotation import Annotation, Target\n"
        "f = s.save(Annotation(Target.from_span('d', 'abc', 0, 1)))\n"
        "print(type(f.exception()).__name__)\n"
        "s.close()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(db)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=60,
        check=True,
    )
    assert result.stdout.split() == ["True", "1", "ReadOnlyStore"]
    store.close()
    assert [a.note for a in NotesStore(db, read_only=True).annotations()] == ["mine"]


def test_read_only_store_refuses_writes(db: Path) -> None:
    NotesStore(db).close()
    store = NotesStore(db, read_only=True)
    with pytest.raises(ReadOnlyStore):
        store.save(annotation()).result(10)


def test_outside_change_is_detected_and_not_overwritten(db: Path) -> None:
    store = NotesStore(db)
    store.save(annotation("ours")).result(10)
    outside = db.read_text(encoding="utf-8").replace("ours", "theirs")
    replacement = db.with_name("other.json")
    replacement.write_text(outside, encoding="utf-8")
    os.replace(replacement, db)  # another program replaced the file
    with pytest.raises(ExternalChange):
        store.save(annotation("lost?")).result(10)
    with pytest.raises(ExternalChange):
        store.save(annotation("again")).result(10)
    assert db.read_text(encoding="utf-8") == outside
    assert [a.note for a in store.annotations()] == ["ours"]
    store.close()


@pytest.mark.parametrize("step", ["written", "synced", "replaced"])
def test_failure_at_each_step_leaves_old_or_new_state(db: Path, step: str) -> None:
    store = NotesStore(db)
    store.save(annotation("old")).result(10)
    before = db.read_bytes()

    def fault(at: str) -> None:
        if at == step:
            raise OSError(errno.EIO, "injected fault")

    store._storage.fault = fault
    with pytest.raises(WriteFailed):
        store.save(annotation("new")).result(10)
    after = db.read_bytes()
    json.loads(after)
    notes = sorted(a["note"] for a in json.loads(after)["annotations"].values())
    if step == "replaced":
        assert notes == ["new", "old"]
    else:
        assert after == before
    assert not list(db.parent.glob(f".{db.name}.tmp-*"))
    store.close()


def test_disk_full_keeps_the_old_file_and_reports(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = NotesStore(db)
    store.save(annotation("old")).result(10)
    before = db.read_bytes()

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    error = store.save(annotation("new")).exception(10)
    assert isinstance(error, WriteFailed)
    assert "No space left on device" in str(error)
    assert db.read_bytes() == before
    assert [a.note for a in store.annotations()] == ["old"]
    monkeypatch.undo()
    store.save(annotation("after")).result(10)
    assert [a.note for a in store.annotations()] == ["old", "after"]
    store.close()


def test_backups_rotate_and_restore(db: Path) -> None:
    store = NotesStore(db)
    for n in range(8):
        store.save(annotation(f"v{n}")).result(10)
    backups = store.backups()
    assert len(backups) == 5
    store.close()
    newest = json.loads(backups[0].read_text(encoding="utf-8"))
    assert len(newest["annotations"]) == 7
    restore_backup(db, backups[2])
    assert len(NotesStore(db, read_only=True).annotations()) == 5


def test_stale_temporary_files_are_cleaned(db: Path) -> None:
    NotesStore(db).close()
    stale = db.parent / f".{db.name}.tmp-abc123"
    stale.write_text("half a write", encoding="utf-8")
    other = db.parent / ".someone-else.json.tmp-x"
    other.write_text("not ours", encoding="utf-8")
    NotesStore(db).close()
    assert not stale.exists()
    assert other.exists()


def test_schema_0_is_migrated(db: Path) -> None:
    item = annotation("old schema").to_dict()
    item.pop("status")
    item.pop("evidence")
    item["schema"] = 0
    item["tag"] = "contested"
    old = {"meta": {"reader": {"app": "reader", "schema": 0}}, "annotations": {item["id"]: item}}
    db.write_text(json.dumps(old), encoding="utf-8")
    store = NotesStore(db)
    [migrated] = store.annotations()
    assert migrated.status == "contested"
    assert migrated.evidence == ()
    assert migrated.note == "old schema"
    store.close()
    assert json.loads(db.read_text(encoding="utf-8"))["meta"]["reader"]["schema"] == 1


def test_newer_schema_is_refused(db: Path) -> None:
    db.write_text(json.dumps({"meta": {"reader": {"app": "reader", "schema": 99}}}), "utf-8")
    with pytest.raises(Exception, match="newer reader"):
        NotesStore(db)
    assert json.loads(db.read_text(encoding="utf-8"))["meta"]["reader"]["schema"] == 99


hostile_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=200) | st.sampled_from(
    ["[bold]x[/bold]", "[@click=app.quit]q[/]", "\x1b]0;title\x07", "a\x00b"]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=hostile_text, quote=hostile_text)
def test_any_text_round_trips(tmp_path: Path, note: str, quote: str) -> None:
    path = tmp_path / f"rt-{abs(hash((note, quote)))}.json"
    target = Target.from_span("doc", quote + " tail", 0, len(quote))
    item = Annotation(target, status="contested", note=note)
    store = NotesStore(path)
    store.save(item).result(10)
    store.close()
    again = NotesStore(path, read_only=True)
    assert again.annotations() == [item]


def test_a_one_megabyte_note_round_trips(db: Path) -> None:
    note = ("Ünïcode ✓ [markup] \x1b[31m line\n" * 40_000)[:1_000_000]
    store = NotesStore(db)
    store.save(annotation(note)).result(30)
    store.close()
    assert NotesStore(db, read_only=True).annotations()[0].note == note


def test_notes_reattach_after_move_and_edit(db: Path) -> None:
    from reader.core.documents.loading import document_id

    original = "First claim here. Six officers were killed on October 3. Last line."
    store = NotesStore(db)
    old_id = document_id(original)
    store.remember_document(old_id, Path("/case/a.md"), "A", {}).result(10)
    start = original.index("Six")
    kept = Annotation(Target.from_span(old_id, original, start, start + 38), "contested", "n1")
    gone = Annotation(Target.from_span(old_id, original, 0, 17), "corroborated", "n2")
    store.commit([kept, gone]).result(10)

    # Moved or renamed: same text, same id, notes attach exactly.
    moved = store.attach(old_id, Path("/elsewhere/renamed.md"), original)
    assert [(a.annotation.note, a.anchor.status) for a in moved] == [
        ("n1", "exact"),
        ("n2", "exact"),
    ]

    # Edited at the same path: a new id; notes re-anchor or become orphans, none dropped.
    edited = "A new lead paragraph.\n\nSix officers were killed on October 3. Last line."
    result = store.attach(document_id(edited), Path("/case/a.md"), edited)
    statuses = {a.annotation.note: a.anchor.status for a in result}
    assert statuses == {"n1": "moved", "n2": "orphan"}
    assert all(a.from_earlier_version for a in result)
    assert store.annotation(kept.id) == kept  # selectors are not rewritten
    store.close()


def test_an_unexpected_writer_error_fails_futures_instead_of_hanging(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = NotesStore(db)

    def broken() -> None:
        raise RuntimeError("bug in publishing")

    monkeypatch.setattr(store, "_publish", broken)
    with pytest.raises(RuntimeError, match="bug in publishing"):
        store.save(annotation("x")).result(10)
    monkeypatch.undo()
    store.save(annotation("y")).result(10)  # the writer thread is still alive
    store.close()


def test_atomic_writes_keep_the_file_permissions(db: Path) -> None:
    store = NotesStore(db)
    store.save(annotation("a")).result(10)
    db.chmod(0o640)
    store._storage._signature = store._storage._stat()  # our own chmod, not another program's
    store.save(annotation("b")).result(10)
    assert db.stat().st_mode & 0o777 == 0o640
    store.close()
    fresh = db.with_name("fresh.json")
    from reader.store.storage import write_atomically

    write_atomically(fresh, b"{}")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_failed_write_does_not_rotate_the_backups(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = NotesStore(db)
    for n in range(3):
        store.save(annotation(f"v{n}")).result(10)
    before = {path.name: path.read_bytes() for path in store.backups()}

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    for n in range(3):
        assert isinstance(store.save(annotation(f"lost{n}")).exception(10), WriteFailed)
    monkeypatch.undo()
    assert {path.name: path.read_bytes() for path in store.backups()} == before
    store.close()


def test_a_document_beside_the_case_folder_is_named_without_dot_dot(tmp_path: Path) -> None:
    from reader.store.stored_document import StoredDocument, document_file, document_record

    (tmp_path / "case").mkdir()
    report = tmp_path / "report.txt"
    report.write_text("Six soldiers were killed.\n", encoding="utf-8")
    notes = tmp_path / "case" / "reader-notes.json"
    record = document_record(notes, "id", report, "Report", {})
    assert record["path"] == "../report.txt"
    assert document_file(notes, StoredDocument(**record)) == report
