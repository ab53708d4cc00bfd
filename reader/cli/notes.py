"""The commands on a notes file: ``reader restore``, ``reader export``, ``reader import``.

The store and export modules are imported inside each command, so that ``reader match`` and
opening the workstation do not pay for them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader import PROGRAM
from reader.cli.user_error import UserError
from reader.core.documents.text_policy import sanitize_line
from reader.store.locations import NOTES_NAME, find_notes, fresh_notes_files
from reader.store.store_error import CorruptStore

if TYPE_CHECKING:
    from reader.store.notes import NotesStore


def restore_command(argv: list[str]) -> int:
    """``reader restore``: list a notes file's backups, or put one back."""
    from reader.store.backups import existing_backups, restore_backup

    parser = argparse.ArgumentParser(
        prog=f"{PROGRAM} restore",
        description="List the backups of a notes file, or put one back (the current file "
        "becomes the newest backup).",
    )
    parser.add_argument("--db", metavar="FILE", required=True, help="the notes file")
    parser.add_argument("number", nargs="?", type=int, help="which backup: 1 is the newest")
    options = parser.parse_args(argv)
    path = Path(options.db)
    backups = existing_backups(path)
    if options.number is None:
        if not backups:
            print(f"{path}: no backups yet")
        for number, backup in enumerate(backups, start=1):
            print(f"{number}  {backup}  {backup.stat().st_size} bytes")
        return 0
    if not 1 <= options.number <= len(backups):
        raise UserError(f"{path}: there is no backup {options.number} ({len(backups)} exist)")
    restore_backup(path, backups[options.number - 1])
    print(f"restored {backups[options.number - 1].name} as {path}")
    return 0


def _notes_path(db: str | None) -> Path:
    """The notes file named, else this folder's, found as the workstation finds it (the user
    data folder's when this folder is not writable), or an error."""
    if db:
        path = Path(db)
    else:
        path, notice = find_notes(Path.cwd())
        if notice:
            print(sanitize_line(f"{PROGRAM}: {notice}"), file=sys.stderr)
    if not path.exists():
        raise UserError(f"{path}: no notes file here (name one with --db FILE)")
    return path


def _open(path: Path, read_only: bool) -> NotesStore:
    """Open a notes file; a damaged one gives way to the fresh file started after it."""
    from reader.store.notes import NotesStore

    try:
        return NotesStore(path, read_only=read_only)
    except CorruptStore as error:
        fresh = next(iter(fresh_notes_files(Path(os.path.realpath(path)))), None)
        if fresh is None:
            raise
        note = f"{PROGRAM}: {error}. Using {fresh.name}, started when it was found damaged"
        print(sanitize_line(note), file=sys.stderr)
        return NotesStore(fresh, read_only=read_only)


def _refused_while_open(store: NotesStore, what: str) -> UserError:
    why = store.notice or f"{store.path} is open read-only"
    return UserError(f"{why}; nothing was {what} (close the other reader first)")


def export_command(argv: list[str]) -> int:
    """``reader export``: write the notes out in one format."""
    from reader.core.export.formats import FORMATS, export
    from reader.store.annotation import STATUSES
    from reader.store.exporting import gather_export
    from reader.store.output import write_output

    parser = argparse.ArgumentParser(prog=f"{PROGRAM} export", description="Write the notes out.")
    parser.add_argument("--db", metavar="FILE", help=f"notes file (default: ./{NOTES_NAME})")
    parser.add_argument("--format", choices=FORMATS, required=True, help="output format")
    parser.add_argument("-o", "--output", metavar="FILE", help="output file ('-' or none: stdout)")
    parser.add_argument("--status", choices=STATUSES, help="only notes with this status")
    parser.add_argument(
        "--force", action="store_true", help="replace the output file even if it is read-only"
    )
    options = parser.parse_args(argv)
    store = _open(_notes_path(options.db), read_only=True)
    try:
        text = export(gather_export(store), options.format, options.status)
    finally:
        store.close()
    if options.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    written = write_output(Path(options.output), text.encode("utf-8"), options.force)
    print(sanitize_line(f"wrote {written}"), file=sys.stderr)
    return 0


def import_command(argv: list[str]) -> int:
    """``reader import``: merge a JSON export into a notes file."""
    from reader.store.importing import import_notes, read_export

    parser = argparse.ArgumentParser(
        prog=f"{PROGRAM} import",
        description="Merge a JSON export into a notes file: by id; on conflict both versions "
        "are kept; nothing is dropped.",
    )
    parser.add_argument(
        "file", metavar="FILE", help="a file written by 'reader export --format json'"
    )
    parser.add_argument("--db", metavar="FILE", help=f"notes file (default: ./{NOTES_NAME})")
    parser.add_argument("--dry-run", action="store_true", help="only say what would change")
    options = parser.parse_args(argv)
    data = read_export(Path(options.file))
    path = Path(options.db) if options.db else find_notes(Path.cwd())[0]
    if options.dry_run and not path.exists():
        count = len(data.annotations)
        print(f"would import: {count} added into a new notes file {path}")
        return 0
    store = _open(path, read_only=options.dry_run)
    try:
        if store.read_only and not options.dry_run:
            raise _refused_while_open(store, "imported")
        report = import_notes(store, data, dry_run=options.dry_run)
    finally:
        store.close()
    prefix = "would import: " if options.dry_run else "imported: "
    print(prefix + report.summary())
    for existing, copy in report.conflicts:
        print(f"  conflict: {existing} differs here; the imported version is kept as {copy}")
    return 0
