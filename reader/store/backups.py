"""A notes file's rotating backups: their names, the ones that exist, and putting one back."""

from __future__ import annotations

from pathlib import Path

BACKUPS = 5  # how many earlier versions are kept: name.bak1 (the newest) to name.bak5


def backup_paths(path: Path, count: int = BACKUPS) -> list[Path]:
    """The names of a notes file's rotating backups, newest first."""
    return [path.with_name(f"{path.name}.bak{n}") for n in range(1, count + 1)]


def backup_in_progress(path: Path) -> Path:
    """The link to the file that becomes its newest backup during a save."""
    newest = backup_paths(path, 1)[0]
    return newest.with_name(newest.name + ".new")


def existing_backups(path: Path) -> list[Path]:
    """The backups of a notes file that exist, newest first."""
    return [backup for backup in backup_paths(path) if backup.exists()]


def restore_backup(path: Path | str, backup: Path | str) -> None:
    """Put a backup back as the notes file, keeping the current file as the newest backup."""
    from reader.store.notes import NotesStore
    from reader.store.store_error import ReadOnlyStore
    from reader.store.validation import read_notes_file

    target, source = Path(path), Path(backup)
    read_notes_file(source)  # a damaged backup is refused, not restored
    payload = source.read_bytes()  # before rotating, which renames the backups
    store = NotesStore(target)
    try:
        if store.read_only:
            why = store.notice or f"{target} is open in another reader"
            raise ReadOnlyStore(f"{why}; nothing was restored (close the other reader first)")
        store.replace_file(payload)
    finally:
        store.close()
