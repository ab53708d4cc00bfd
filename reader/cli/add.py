"""``reader add``: save web pages, URLs and PDFs into a case folder as dated Markdown copies."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from reader import PROGRAM
from reader.cli.arguments import add_max_size, positive_number
from reader.core.documents.document_error import DocumentError
from reader.core.documents.fetching import DEFAULT_TIMEOUT
from reader.core.documents.original import extract, read_original
from reader.core.documents.saved_copy import find_copy, save_copy, sha256_of
from reader.core.documents.text_policy import sanitize_line


def add_parser() -> argparse.ArgumentParser:
    """The options of ``reader add``."""
    parser = argparse.ArgumentParser(
        prog=f"{PROGRAM} add",
        description="Save web pages (a URL or a saved .html/.htm file) and PDFs into a case "
        "folder as Markdown with their provenance (title, outlet, author, date, url, retrieved, "
        "sha256, extractor), keeping the original bytes in .sources/.",
    )
    parser.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="http(s) URL, .html, .htm or .pdf"
    )
    parser.add_argument(
        "--to", metavar="FOLDER", default=".", help="the case folder (default: this folder)"
    )
    add_max_size(parser)
    parser.add_argument(
        "--timeout",
        type=positive_number("seconds", most=86_400),
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help="give up on a URL after this long in all (default: %(default)g)",
    )
    return parser


def add_command(
    argv: Sequence[str],
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> int:
    """Add every source; report each in one line; exit 1 if any could not be added."""
    out, err = out or sys.stdout, err or sys.stderr
    options = add_parser().parse_args(list(argv))
    folder = Path(options.to)
    max_bytes = int(options.max_size * 1024 * 1024)
    failed = 0
    for spec in options.sources:
        try:
            _add_one(spec, folder, max_bytes, options.timeout, clock, out, err)
        except DocumentError as error:
            print(sanitize_line(f"{PROGRAM}: error: {error}"), file=err)
            failed += 1
        except OSError as error:
            reason = f"{spec}: cannot write to {folder} ({error.strerror})"
            print(sanitize_line(f"{PROGRAM}: error: {reason}"), file=err)
            failed += 1
    return 1 if failed else 0


def _add_one(
    spec: str,
    folder: Path,
    max_bytes: int,
    timeout: float,
    clock: Callable[[], datetime],
    out: TextIO,
    err: TextIO,
) -> None:
    source = read_original(spec, max_bytes=max_bytes, timeout=timeout)
    retrieved = clock()
    # Known already: say so before spending time on extraction.
    existing = find_copy(folder, sha256_of(source.data))
    if existing is not None:
        print(sanitize_line(f"already in this folder: {existing.name}"), file=out)
        return
    article = extract(source, max_bytes)
    saved = save_copy(folder, source, article, retrieved)
    if saved.duplicate:
        print(sanitize_line(f"already in this folder: {saved.path.name}"), file=out)
        return
    described = " · ".join(
        value for value in (article.metadata.get("outlet"), article.metadata.get("title")) if value
    )
    added = f"added {saved.path.name}: {described or spec} ({article.words} words)"
    print(sanitize_line(added), file=out)
    out.flush()  # the line it warns about comes first, when both go to one terminal
    for warning in article.warnings:
        print(sanitize_line(f"{PROGRAM}: warning: {saved.path.name}: {warning}"), file=err)
