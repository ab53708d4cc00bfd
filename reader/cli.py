"""Command-line entry point: ``reader``, ``reader match``, ``reader export``, ``reader import``."""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__
from reader.core.decoding import DEFAULT_MAX_BYTES
from reader.core.errors import DocumentError
from reader.core.loading import expand_paths, load_document
from reader.core.model import Document
from reader.store.errors import CorruptStore, StoreError
from reader.store.locations import NOTES_NAME, default_notes_path, keys_path

if TYPE_CHECKING:
    from reader.store.notes import NotesStore

PROGRAM = "reader"


class UserError(Exception):
    """A problem the user can fix; reported as one line on stderr."""


def run() -> None:
    """The ``reader`` command: ``main``, and after ``reader match`` an exit that skips the
    interpreter's teardown, as mypy does: freeing the documents', features' and matches'
    objects one by one is 0.04 s of a 0.8 s run, and a match leaves nothing to clean up."""
    args = sys.argv[1:]
    code = main(args)
    if args and args[0] == "match":
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:  # the reader of our output went away
            code = code or 141
        os._exit(code)
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    commands: dict[str, Callable[[list[str]], int]] = {
        "match": _match_command,
        "restore": _restore_command,
        "export": _export_command,
        "import": _import_command,
    }
    try:
        if args and args[0] in commands:
            return commands[args[0]](args[1:])
        return _open_command(args)
    except (DocumentError, StoreError, UserError) as error:
        print(f"{PROGRAM}: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output (``| head``) went away: stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def load_documents(paths: Sequence[str], max_megabytes: float) -> list[Document]:
    """Expand folders and load every document, failing on the first bad one."""
    max_bytes = int(max_megabytes * 1024 * 1024)
    return [load_document(path, max_bytes) for path in expand_paths(paths)]


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        description="Read several reports of one event side by side, see which passages "
        "say the same thing, and tag claims corroborated or contested.",
        epilog="commands:\n"
        "  reader match PATH...    print the matching passages (--json for data)\n"
        "  reader export --format md|csv|json|jsonld [-o FILE]  write the notes out\n"
        "  reader import FILE [--dry-run]  merge a JSON export into the notes\n"
        "  reader restore --db FILE [N]  list a notes file's backups, or restore one\n"
        "run 'reader COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="documents or folders of them")
    parser.add_argument("--db", metavar="FILE", help="notes database (default: beside documents)")
    parser.add_argument(
        "--keys",
        metavar="FILE",
        help="TOML file remapping keys by binding id (default: the user's keys.toml if present)",
    )
    _add_max_size(parser)
    parser.add_argument("--version", action="version", version=f"{PROGRAM} {__version__}")
    return parser


def _add_max_size(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        type=float,
        default=DEFAULT_MAX_BYTES / (1024 * 1024),
        metavar="MB",
        help="refuse files larger than this many megabytes (default: %(default)g)",
    )


def _open_command(argv: list[str]) -> int:
    options = _open_parser().parse_args(argv)
    if not options.paths:
        raise UserError("no documents given; try 'reader sample_docs/' or 'reader --help'")
    documents = load_documents(options.paths, options.max_size)
    try:
        store: NotesStore | None = open_store(options.db, [d.path for d in documents])
    except CorruptStore as error:
        store = _choose_after_corruption(error, options.db, [d.path for d in documents])
    try:
        for document in documents:
            if store is not None and not store.read_only:
                store.remember_document(
                    document.id, str(document.path), document.title, dict(document.metadata)
                )
        from reader.ui.app import ReaderApp

        ReaderApp(documents, store, _keymap(options.keys)).run()
    finally:
        if store is not None:
            store.close()
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
    error: CorruptStore, db: str | None, document_paths: Sequence[Path]
) -> NotesStore | None:
    """Let a person at a terminal pick a fresh notes file or reading without notes."""
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        raise error
    damaged = Path(db) if db else default_notes_path(document_paths)[0]
    fresh = damaged.with_name(f"{damaged.stem}-{datetime.now(UTC):%Y%m%d-%H%M%S}.json")
    print(f"{PROGRAM}: {error}", file=sys.stderr)
    print(f"  f  start a fresh notes file: {fresh}", file=sys.stderr)
    print("  r  read the documents without saving notes", file=sys.stderr)
    print("  q  quit (the default)", file=sys.stderr)
    answer = input("choice [f/r/q]: ").strip().lower()
    if answer == "f":
        return open_store(str(fresh), document_paths)
    if answer == "r":
        return None
    raise error


def open_store(db: str | None, document_paths: Sequence[Path]) -> NotesStore:
    """Open the notes database named by --db, or the default one for these documents."""
    from reader.store.notes import NotesStore

    if db:
        path, notice = Path(db), None
    else:
        path, notice = default_notes_path(document_paths)
    store = NotesStore(path)
    if notice and not store.notice:
        store.notice = notice
    _flush_on_termination(store)
    return store


def _flush_on_termination(store: NotesStore) -> None:
    """SIGTERM, SIGHUP and Ctrl+C (SIGINT) write what is queued before the process ends."""

    def handler(signum: int, frame: object) -> None:
        store.close()
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP", "SIGINT"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)


def _restore_command(argv: list[str]) -> int:
    from reader.store.notes import restore_backup
    from reader.store.storage import AtomicJSONStorage

    parser = argparse.ArgumentParser(
        prog=f"{PROGRAM} restore",
        description="List the backups of a notes file, or put one back (the current file "
        "becomes the newest backup).",
    )
    parser.add_argument("--db", metavar="FILE", required=True, help="the notes file")
    parser.add_argument("number", nargs="?", type=int, help="which backup: 1 is the newest")
    options = parser.parse_args(argv)
    path = Path(options.db)
    backups = [b for b in AtomicJSONStorage.backup_paths_for(path) if b.exists()]
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


def _match_command(argv: list[str]) -> int:
    from reader.match_command import run_match

    # A one-shot process that makes hundreds of thousands of small objects and no cycles
    # worth collecting: the cyclic collector would only walk them again and again (5% of
    # the run on two long documents).
    gc.disable()

    parser = argparse.ArgumentParser(
        prog=f"{PROGRAM} match",
        description="Print the passages that tell the same claim across documents.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="documents or folders of them")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="with --json: add each match's shared words and differing numbers and names",
    )
    parser.add_argument(
        "--min-score",
        type=float,
        default=None,
        metavar="N",
        help="report matches scoring N or more (default: the tuned threshold)",
    )
    _add_max_size(parser)
    options = parser.parse_args(argv)
    documents = load_documents(options.paths, options.max_size)
    return run_match(
        documents, as_json=options.json, explain=options.explain, min_score=options.min_score
    )


def _notes_path(db: str | None) -> Path:
    path = Path(db) if db else Path.cwd() / NOTES_NAME
    if not path.exists():
        raise UserError(f"{path}: no notes file here (name one with --db FILE)")
    return path


def _export_command(argv: list[str]) -> int:
    from reader.core.export import FORMATS, export
    from reader.store.exchange import export_data
    from reader.store.model import STATUSES
    from reader.store.notes import NotesStore
    from reader.store.storage import write_atomically

    parser = argparse.ArgumentParser(prog=f"{PROGRAM} export", description="Write the notes out.")
    parser.add_argument("--db", metavar="FILE", help=f"notes file (default: ./{NOTES_NAME})")
    parser.add_argument("--format", choices=FORMATS, required=True, help="output format")
    parser.add_argument("-o", "--output", metavar="FILE", help="output file ('-' or none: stdout)")
    parser.add_argument("--status", choices=STATUSES, help="only notes with this status")
    options = parser.parse_args(argv)
    store = NotesStore(_notes_path(options.db), read_only=True)
    try:
        text = export(export_data(store), options.format, options.status)
    finally:
        store.close()
    if options.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    output = Path(options.output)
    write_atomically(output, text.encode("utf-8"))
    print(f"wrote {output}", file=sys.stderr)
    return 0


def _import_command(argv: list[str]) -> int:
    from reader.store.exchange import import_notes, read_export
    from reader.store.notes import NotesStore

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
    path = Path(options.db) if options.db else Path.cwd() / NOTES_NAME
    if options.dry_run and not path.exists():
        count = len(data.get("annotations", []))
        print(f"would import: {count} added into a new notes file {path}")
        return 0
    store = NotesStore(path, read_only=options.dry_run)
    try:
        if store.read_only and not options.dry_run:
            raise UserError(store.notice or f"{path} is open read-only")
        report = import_notes(store, data, dry_run=options.dry_run)
    finally:
        store.close()
    prefix = "would import: " if options.dry_run else "imported: "
    print(prefix + report.summary())
    for existing, copy in report.conflicts:
        print(f"  conflict: {existing} differs here; the imported version is kept as {copy}")
    return 0
