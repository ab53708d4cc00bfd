"""``reader PATH...``: open the workstation on documents, with their notes file.

The notes file is found (beside the documents, or ``--db``), checked, and when damaged the
person at the terminal chooses a fresh one or reading without notes; then the UI is imported
and run. Changes that could not be saved are printed when it ends.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader import PROGRAM, __version__
from reader.cli.arguments import add_max_size, load_documents
from reader.cli.user_error import UserError
from reader.core.documents.text_policy import sanitize_line
from reader.store.locations import (
    default_notes_path,
    fresh_notes_files,
    fresh_notes_path,
    keys_path,
)
from reader.store.store_error import CorruptStore

if TYPE_CHECKING:
    from reader.store.note_writer import NoteWriter
    from reader.store.notes import NotesStore


def open_command(argv: list[str]) -> int:
    """Open the workstation; return the exit code (1 when a change could not be saved)."""
    options = _parser().parse_args(argv)
    if not options.paths:
        raise UserError("no documents given; try 'reader sample_docs/' or 'reader --help'")
    left_out: list[str] = []
    documents = load_documents(options.paths, options.max_size, left_out)
    try:
        store: NotesStore | None = open_store(options.db, [d.path for d in documents])
    except CorruptStore as error:
        store = _choose_after_corruption(error, options.db, [d.path for d in documents])
    from reader.ui.app import ReaderApp

    app = ReaderApp(documents, store, _keymap(options.keys), notices=left_out)
    if store is not None:
        _report_on_termination(store, app.workstation.writer)
    try:
        app.run()
    finally:
        if store is not None:
            store.close()
    if store is not None and _report_lost(store, app.workstation.writer):
        return 1
    return 0


def _keymap(option: str | None) -> dict[str, str]:
    from reader.ui.keymap import KeymapError, load_keymap

    path = Path(option) if option else keys_path()
    if not option and not path.exists():
        return {}
    try:
        return load_keymap(path)
    except KeymapError as error:
        raise UserError(str(error)) from None


def _choose_after_corruption(
    error: CorruptStore,
    db: str | None,
    document_paths: Sequence[Path],
    ask: Callable[[str], str] | None = None,
) -> NotesStore | None:
    """Let a person at a terminal pick a fresh notes file or reading without notes."""
    if ask is None:
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            raise error
        ask = input
    damaged = Path(db) if db else default_notes_path(document_paths)[0]
    fresh = fresh_notes_path(damaged)
    print(f"{PROGRAM}: {sanitize_line(str(error))}", file=sys.stderr)
    print(sanitize_line(f"  f  start a fresh notes file: {fresh}"), file=sys.stderr)
    print("     (later starts use it while the damaged file is still there)", file=sys.stderr)
    print("  r  read the documents without saving notes", file=sys.stderr)
    print("  q  quit (the default)", file=sys.stderr)
    try:
        answer = ask("choice [f/r/q]: ").strip().lower()
    except EOFError:  # Ctrl+D: as q
        answer = "q"
    except KeyboardInterrupt:  # Ctrl+C: end the prompt's line before the shell's comes back
        print(file=sys.stderr)
        raise
    if answer == "f":
        return open_store(str(fresh), document_paths)
    if answer == "r":
        return None
    raise error


def open_store(db: str | None, document_paths: Sequence[Path]) -> NotesStore:
    """Open the notes database named by --db, or the default one for these documents.

    When that file is damaged and a fresh one was started after it (see
    ``_choose_after_corruption``), the newest fresh one is opened, with a notice.
    """
    from reader.store.notes import NotesStore

    if db:
        path, notice = Path(db), None
    else:
        path, notice = default_notes_path(document_paths)
    try:
        store = NotesStore(path)
    except CorruptStore as error:
        fresh = next(iter(fresh_notes_files(Path(os.path.realpath(path)))), None)
        if fresh is None:
            raise
        store = NotesStore(fresh)
        notice = f"{error}. Using {fresh.name}, started when it was found damaged"
    if notice and not store.notice:
        store.notice = notice
    _report_on_termination(store)
    return store


def _report_on_termination(store: NotesStore, writer: NoteWriter | None = None) -> None:
    """SIGTERM, SIGHUP and Ctrl+C (SIGINT) write what is queued, and report what could not
    be saved, before the process ends."""

    def handler(signum: int, frame: object) -> None:
        store.close()
        if writer is not None:
            _report_lost(store, writer)
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP", "SIGINT"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)


def _report_lost(store: NotesStore, writer: NoteWriter) -> bool:
    """After the store closed: print the changes the notes file does not hold (and keep them
    in a file, where one can be written); return whether there were any."""
    from reader.store.importing import unsaved_report

    lost, documents = writer.not_saved(), writer.documents_not_saved()
    if not lost and not documents:
        return False
    report = unsaved_report(store, lost, documents)
    kept = _keep_report(store.path, report)
    try:
        sys.stderr.write(report)
        if kept is not None:
            sys.stderr.write(sanitize_line(f"{PROGRAM}: the same report is kept in {kept}") + "\n")
        sys.stderr.flush()
    except OSError:  # no terminal any more (SIGHUP): the kept file is the report
        pass
    return True


def _keep_report(notes: Path, report: str) -> Path | None:
    """Keep a report of lost changes beside the notes file, else in the user data folder."""
    from reader.store.locations import user_data_folder
    from reader.store.storage import write_atomically

    name = f"{notes.name}.unsaved-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.txt"
    for folder in (notes.parent, user_data_folder()):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_atomically(folder / name, report.encode("utf-8"))
        except OSError:
            continue
        return folder / name
    return None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        description="Read several reports of one event side by side, see which passages "
        "say the same thing, and tag claims corroborated or contested.",
        epilog="commands:\n"
        "  reader add SOURCE... [--to FOLDER]  save URLs, web pages and PDFs as Markdown\n"
        "  reader match PATH...    print the matching passages (--json for data)\n"
        "  reader attribution PATH...  print every passage with whom it is attributed to\n"
        "  reader export --format md|csv|json|jsonld [-o FILE]  write the notes out\n"
        "  reader import FILE [--dry-run]  merge a JSON export into the notes\n"
        "  reader restore --db FILE [N]  list a notes file's backups, or restore one\n"
        "run 'reader COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="documents (.txt, .md, .html, .htm, .pdf) or folders of them",
    )
    parser.add_argument("--db", metavar="FILE", help="notes database (default: beside documents)")
    parser.add_argument(
        "--keys",
        metavar="FILE",
        help="TOML file remapping keys by binding id (default: the user's keys.toml if present)",
    )
    add_max_size(parser)
    parser.add_argument("--version", action="version", version=f"{PROGRAM} {__version__}")
    return parser
