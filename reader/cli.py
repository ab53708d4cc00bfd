"""Command-line entry point: ``reader``, ``reader match``, ``reader export``, ``reader import``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from reader import __version__
from reader.core.decoding import DEFAULT_MAX_BYTES
from reader.core.errors import DocumentError
from reader.core.loading import expand_paths, load_document
from reader.core.model import Document

PROGRAM = "reader"


class UserError(Exception):
    """A problem the user can fix; reported as one line on stderr."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    commands: dict[str, Callable[[list[str]], int]] = {"match": _match_command}
    try:
        if args and args[0] in commands:
            return commands[args[0]](args[1:])
        return _open_command(args)
    except (DocumentError, UserError) as error:
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
        "run 'reader COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="documents or folders of them")
    parser.add_argument("--db", metavar="FILE", help="notes database (default: beside documents)")
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
    from reader.ui.app import ReaderApp

    ReaderApp(documents).run()
    return 0


def _match_command(argv: list[str]) -> int:
    from reader.match_command import run_match

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
