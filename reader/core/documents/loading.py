"""Loading documents from files and expanding folders given on the command line."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from reader.core.documents.boilerplate import is_boilerplate
from reader.core.documents.decoding import DEFAULT_MAX_BYTES, read_bytes, read_text
from reader.core.documents.document import Block, Document
from reader.core.documents.document_error import MissingFile, NoDocuments
from reader.core.documents.markup import (
    NestedTooDeeply,
    join_blocks,
    markdown_blocks,
    plain_blocks,
    split_front_matter,
)
from reader.core.documents.segmentation import segment

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
# Web pages and PDFs are extracted when opened (reader.core.documents); nothing is written.
EXTRACTED_SUFFIXES = frozenset({".html", ".htm", ".pdf"})
DOCUMENT_SUFFIXES = MARKDOWN_SUFFIXES | EXTRACTED_SUFFIXES | {".txt"}


def load_document(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read, decode, parse and segment one text, Markdown, web page or PDF file."""
    path = Path(path)
    if path.suffix.lower() in EXTRACTED_SUFFIXES:
        return _extracted_document(path, max_bytes)
    decoded = read_text(path, max_bytes)
    metadata: dict[str, str] = {}
    warnings: list[str] = []
    text = decoded.text
    blocks: tuple[Block, ...] = ()
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        metadata, text = split_front_matter(decoded.text)
        try:
            text, blocks = join_blocks(markdown_blocks(text))
        except NestedTooDeeply as problem:
            warnings.append(f"read as plain text: the Markdown's {problem}")
    if not blocks:
        blocks = plain_blocks(text)
    if decoded.encoding not in ("utf-8", "ascii"):
        warnings.append(f"decoded as {decoded.encoding}")
    if decoded.replaced_controls:
        warnings.append(f"{decoded.replaced_controls} control characters shown as placeholders")
    if decoded.bidi_controls:
        warnings.append(f"{decoded.bidi_controls} bidirectional override characters")
    return _document(path, text, blocks, metadata, decoded.encoding, warnings)


def _extracted_document(path: Path, max_bytes: int) -> Document:
    # Imported here: opening .txt and .md files should not even load the extractors' modules.
    from reader.core.documents.original import ORIGINAL_KINDS, Original, extract

    original = Original(read_bytes(path, max_bytes), ORIGINAL_KINDS[path.suffix.lower()], str(path))
    article = extract(original, max_bytes)
    text, blocks = join_blocks(article.blocks)
    return _document(
        path, text, blocks, dict(article.metadata), article.encoding, list(article.warnings)
    )


def _document(
    path: Path,
    text: str,
    blocks: tuple[Block, ...],
    metadata: dict[str, str],
    encoding: str,
    warnings: list[str],
) -> Document:
    if not blocks:
        raise NoDocuments(f"{path}: holds no text")
    return Document(
        id=document_id(text),
        path=path,
        title=_title(metadata, text, blocks, path),
        text=text,
        blocks=blocks,
        passages=segment(text, blocks, metadata.get("language", "en")),
        metadata=metadata,
        encoding=encoding,
        warnings=tuple(warnings),
    )


def document_id(text: str) -> str:
    """The stable id of a text: sha256 of its NFC form with whitespace runs folded."""
    # str.split() splits on exactly the characters \s matches (checked over every code point),
    # so this is the regex fold, three times faster on a 5 MB text. Ids must never change.
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Expand folders to the document files inside them (sorted), but not a memo that reader
    exported there (its claims would corroborate themselves); keep files as given."""
    expanded: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                found = sorted(
                    child
                    for child in path.iterdir()
                    if child.is_file()
                    and child.suffix.lower() in DOCUMENT_SUFFIXES
                    and not is_reader_memo(child)
                )
            except OSError as error:
                raise MissingFile(f"{path}: cannot read this folder ({error.strerror})") from None
            if not found:
                raise NoDocuments(
                    f"{path}: no .txt, .md, .markdown, .html, .htm or .pdf files in this folder"
                )
            expanded.extend(found)
        elif path.exists():
            expanded.append(path)
        else:
            raise MissingFile(f"{path}: no such file or folder")
    return expanded


# How a memo that reader exports begins (reader/core/export/markdown_memo.py).
MEMO_START = b"# Verification memo\n\n## Documents\n"


def is_reader_memo(path: Path) -> bool:
    """Whether a file is a memo that reader exported."""
    if path.suffix.lower() not in (".md", ".markdown"):
        return False
    try:
        with path.open("rb") as file:
            start = file.read(2 * len(MEMO_START))
    except OSError:
        return False  # loading it says what is wrong
    # Saved again by another editor: a byte order mark, Windows line ends.
    return start.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n").startswith(MEMO_START)


def _title(metadata: dict[str, str], text: str, blocks: tuple[Block, ...], path: Path) -> str:
    if metadata.get("title"):
        return metadata["title"]
    for block in blocks:
        if block.kind == "heading":
            return text[block.start : block.end]
    # The first line that is not page furniture: a saved page often starts with "Subscribe".
    for block in blocks:
        for line in text[block.start : block.end].split("\n"):
            line = line.strip()
            if line and not is_boilerplate(line):
                return _shortened(line, TITLE_LENGTH)
    return path.stem


# A title made from a document's first line is at most this long, cut between words.
TITLE_LENGTH = 120


def _shortened(line: str, most: int) -> str:
    """The line, or its words that fit in ``most`` characters with "…" after them."""
    if len(line) <= most:
        return line
    cut = line.rfind(" ", 0, most)
    return line[: cut if cut > most // 2 else most - 1].rstrip(" ,;:-") + "…"
