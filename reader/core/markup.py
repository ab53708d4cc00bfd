"""Plain text and block structure from Markdown and plain-text sources."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.core.model import Block

if TYPE_CHECKING:
    from markdown_it.token import Token

BLOCK_SEPARATOR = "\n\n"

_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*", re.MULTILINE)
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$")

_PARENT_KINDS = {
    "heading_open": "heading",
    "blockquote_open": "quote",
    "list_item_open": "list_item",
    "th_open": "table_cell",
    "td_open": "table_cell",
}


def split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """Separate a leading YAML front matter block of flat ``key: value`` lines from the body."""
    if not source.startswith("---\n"):
        return {}, source
    end = _FRONT_MATTER_END.search(source, 4)
    if end is None:
        return {}, source
    metadata: dict[str, str] = {}
    for line in source[4 : end.start()].splitlines():
        match = _KEY_VALUE.match(line)
        if match:
            metadata[match.group(1).lower()] = _unquote(match.group(2).strip())
    body = source[end.end() :].removeprefix("\n")
    return metadata, body


def markdown_blocks(source: str) -> list[tuple[str, str]]:
    """Parse Markdown into ``(kind, plain text)`` blocks in reading order."""
    # Imported here: plain-text sources (and `reader match` on them) do not pay for the parser.
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    blocks: list[tuple[str, str]] = []
    parents: list[str] = []
    for token in parser.parse(source):
        if token.nesting == 1:
            parents.append(_PARENT_KINDS.get(token.type, token.tag))
        elif token.nesting == -1:
            parents.pop()
        elif token.type == "inline":
            text = _inline_text(token.children or [])
            kind = _kind_of(parents)
            if text.strip():
                blocks.append((kind, text.strip()))
        elif token.type in ("fence", "code_block") and token.content.strip():
            blocks.append(("code", token.content.rstrip("\n")))
    return blocks


def plain_blocks(text: str) -> tuple[Block, ...]:
    """Find the paragraphs of plain text (split at blank lines) as spans of the text itself."""
    blocks: list[Block] = []
    for match in _PARAGRAPH.finditer(text):
        blocks.append(Block("paragraph", match.start(), match.end()))
    return tuple(blocks)


def join_blocks(blocks: Iterable[tuple[str, str]]) -> tuple[str, tuple[Block, ...]]:
    """Join block texts with blank lines, recording each block's offsets in the result."""
    pieces: list[str] = []
    spans: list[Block] = []
    offset = 0
    for kind, text in blocks:
        if pieces:
            pieces.append(BLOCK_SEPARATOR)
            offset += len(BLOCK_SEPARATOR)
        spans.append(Block(kind, offset, offset + len(text)))
        pieces.append(text)
        offset += len(text)
    return "".join(pieces), tuple(spans)


def _kind_of(parents: list[str]) -> str:
    for kind in reversed(parents):
        if kind in ("heading", "table_cell", "list_item", "quote"):
            return kind
    return "paragraph"


def _inline_text(children: list[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline_text(child.children or []))
    return "".join(parts)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value
