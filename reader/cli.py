"""Command-line entry point: ``reader``, ``reader match``, ``reader export``, ``reader import``."""

from __future__ import annotations

import argparse
import gc
import math
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__
from reader.core.documents.decoding import DEFAULT_MAX_BYTES
from reader.core.documents.document import Document
from reader.core.documents.document_error import DocumentError
from reader.core.documents.loading import expand_paths, load_document
from reader.core.documents.text_policy import sanitize_line
from reader.notes_commands import export_command, import_command, restore_command
from reader.store.errors import CorruptStore, StoreError
from reader.store.locations import (
    default_notes_path,
    fresh_notes_files,
    fresh_notes_path,
    keys_path,
)
from reader.user_error import PROGRAM, UserError

if TYPE_CHECKING:
    from reader.store.notes import NotesStore


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
        "restore": restore_command,
        "export": export_command,
        "import": import_command,
    }
    try:
        if args and args[0] in commands:
            return commands[args[0]](args[1:])
        return _open_command(args)
    except (DocumentError, StoreError, UserError) as error:
        print(f"{PROGRAM}: error: {sanitize_line(str(error))}", file=sys.stderr)
        return 1
    except OSError as error:  # what no check above foresaw: still one line, not a traceback
        where = f"{error.filename}: " if error.filename else ""
        reason = error.strerror or str(error)
        print(sanitize_line(f"{PROGRAM}: error: {where}{reason}"), file=sys.stderr)
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


def _megabytes(value: str) -> float:
    """A file size limit in megabytes: a positive, finite number."""
    try:
        size = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not math.isfinite(size) or size <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of megabytes, not {value!r}")
    return size


def _add_max_size(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        type=_megabytes,
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
        if store is not None and not store.read_only:
            store.remember_documents((d.id, d.path, d.title, d.metadata) for d in documents)
        from reader.ui.app import ReaderApp

        app = ReaderApp(documents, store, _keymap(options.keys))
        app.run()
    finally:
        if store is not None:
            store.close()
    lost = app.workstation.writer.not_saved()
    if store is not None and lost:
        from reader.store.importing import unsaved_report

        sys.stderr.write(unsaved_report(store, lost))
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
