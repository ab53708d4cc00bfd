"""Arguments several commands share: documents and the size limit on them."""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from reader import PROGRAM
from reader.core.documents.decoding import DEFAULT_MAX_BYTES
from reader.core.documents.document import Document
from reader.core.documents.document_error import DocumentError
from reader.core.documents.loading import expand_paths, load_document
from reader.core.documents.text_policy import sanitize_line


def add_max_size(parser: argparse.ArgumentParser) -> None:
    """The ``--max-size MB`` option: refuse larger files."""
    parser.add_argument(
        "--max-size",
        type=_megabytes,
        default=DEFAULT_MAX_BYTES / (1024 * 1024),
        metavar="MB",
        help="refuse files larger than this many megabytes (default: %(default)g)",
    )


def load_documents(
    paths: Sequence[str], max_megabytes: float, left_out: list[str] | None = None
) -> list[Document]:
    """Load every document named, and those in the folders named.

    A file named that cannot be read stops the command with its reason. A file in a folder
    that cannot be read (a stray binary or empty file) is left out, and why is said on stderr
    and added to ``left_out``: one bad file does not close a case. A folder left with no
    document stops the command with the first reason.
    """
    max_bytes = int(max_megabytes * 1024 * 1024)
    documents: list[Document] = []
    for raw in paths:
        if not Path(raw).is_dir():
            documents.extend(load_document(path, max_bytes) for path in expand_paths([raw]))
            continue
        errors: list[DocumentError] = []
        found = expand_paths([raw])
        for path in found:
            try:
                documents.append(load_document(path, max_bytes))
            except DocumentError as error:
                errors.append(error)
        if len(errors) == len(found):
            raise errors[0]
        for reason in errors:
            note = sanitize_line(f"left out {reason}")
            print(f"{PROGRAM}: note: {note}", file=sys.stderr)
            if left_out is not None:
                left_out.append(note)
    return documents


def positive_number(unit: str, most: float = math.inf) -> Callable[[str], float]:
    """An argument type for a positive, finite number of ``unit`` (a size, a time limit), up to
    ``most``."""

    def parse(value: str) -> float:
        number = _number(value)
        if not math.isfinite(number) or number <= 0:
            raise argparse.ArgumentTypeError(f"must be a positive number of {unit}, not {value!r}")
        if number > most:
            raise argparse.ArgumentTypeError(f"must be at most {most:,.0f} {unit}, not {value!r}")
        return number

    return parse


# A million megabytes (a terabyte) is more than any document; 1e308 of them is no byte count.
_megabytes = positive_number("megabytes", most=1_000_000)


def score_threshold(value: str) -> float:
    """A score threshold: a number from 0 to 100, the scale scores are on."""
    number = _number(value)
    if not 0 <= number <= 100:  # NaN fails both comparisons
        raise argparse.ArgumentTypeError(f"must be a score from 0 to 100, not {value!r}")
    return number


def _number(value: str) -> float:
    """An option's value as a number, or the usage error that says it is none."""
    try:
        return float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
