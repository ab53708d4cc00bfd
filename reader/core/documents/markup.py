"""Plain text and block structure from Markdown and plain-text sources."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.core.documents.document import Block
from reader.core.documents.text_policy import sanitize

if TYPE_CHECKING:
    from markdown_it.token import Token

BLOCK_SEPARATOR = "\n\n"

_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*", re.MULTILINE)
_BLOCK_SCALAR = re.compile(r"[>|][+-]?")
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$")

# YAML double-quoted escapes: \xXX, \uXXXX, \UXXXXXXXX and single characters. An unknown one
# is kept as written.
_DOUBLE_QUOTED_ESCAPE = re.compile(
    r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|.)", re.DOTALL
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_YAML_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}

MAX_NESTING = 100
# "[label]: http://..." defines a link and is no text of its own.
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:")
# A line of block markers and nothing else holds no text to lose: a quote's blank line (">"),
# an empty list item ("-", "1.").
_MARKERS_ONLY = re.compile(r"[\s>]*(?:[-*+]|\d{1,9}[.)])?\s*")

_PARENT_KINDS = {
    "heading_open": "heading",
    "blockquote_open": "quote",
    "list_item_open": "list_item",
    "th_open": "table_cell",
    "td_open": "table_cell",
}


def split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """Separate a leading YAML front matter block of ``key: value`` lines from the body.

    Values are flat; a value may go on over indented lines, and ``>`` / ``|`` (YAML's folded
    and literal block scalars) take the indented lines below as the value.
    """
    if not source.startswith("---\n"):
        return {}, source
    end = _FRONT_MATTER_END.search(source, 4)
    if end is None:
        return {}, source
    metadata: dict[str, str] = {}
    key, style, lines = "", "", []
    # Split at "\n" only: str.splitlines() also breaks at U+2028, U+0085 and others, which a
    # value may hold.
    for line in [*source[4 : end.start()].split("\n"), "end:"]:
        match = _KEY_VALUE.match(line)
        if match is None:
            if key and line[:1] in (" ", "\t"):
                lines.append(line.strip())
            continue
        if key:
            joined = "\n" if style == "|" else " "
            metadata[key] = sanitize(_unquote(joined.join(part for part in lines if part).strip()))
        key, value = match.group(1).lower(), match.group(2).strip()
        style = value[:1] if _BLOCK_SCALAR.fullmatch(value) else ""
        lines = [] if style else [value]
    body = source[end.end() :].removeprefix("\n")
    return metadata, body


class NestedTooDeeply(Exception):
    """Markdown nested deeper than the parser follows: some of its text would be lost."""


def markdown_blocks(source: str) -> list[tuple[str, str]]:
    """Parse Markdown into ``(kind, plain text)`` blocks in reading order.

    Raises NestedTooDeeply when a line of text is in no block: the parser stops following
    lists and quotes past a nesting depth, and drops what is inside them (and after).
    """
    # Imported here: plain-text sources (and `reader match` on them) do not pay for the parser.
    from markdown_it import MarkdownIt

    # 100 levels (50 of lists: a list and its item are two) at a few frames each stays far
    # below Python's recursion limit; commonmark's 20 dropped a list's 11th level.
    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    parser.enable("table").enable("strikethrough")
    tokens = parser.parse(source)
    _check_every_line_read(source, tokens)
    blocks: list[tuple[str, str]] = []
    parents: list[str] = []
    for token in tokens:
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


def _check_every_line_read(source: str, tokens: list[Token]) -> None:
    # Lines of leaf tokens (a paragraph's text, code, a rule) and of tables (whose delimiter
    # row is no leaf); a list item's own span would cover the lines it failed to read.
    read: set[int] = set()
    for token in tokens:
        if token.map and (token.nesting == 0 or token.type == "table_open"):
            read.update(range(token.map[0], token.map[1]))
    for number, line in enumerate(source.split("\n")):
        if number in read or _MARKERS_ONLY.fullmatch(line) or _LINK_DEFINITION.match(line):
            continue
        raise NestedTooDeeply(f"line {number + 1} is nested too deeply to be read")


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
    """A YAML scalar's value: double-quoted with backslash escapes, single-quoted with '' for
    a quote, or plain as written."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        text = _DOUBLE_QUOTED_ESCAPE.sub(_unescape, value[1:-1])
        if _SURROGATE.search(text):  # "\ud83d\ude00" is one character; a lone half is not
            text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return text
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1) or match.group(2) or match.group(3)
    if code:
        try:
            return chr(int(code, 16))
        except (ValueError, OverflowError):
            return match.group(0)
    return _YAML_ESCAPES.get(match.group(0)[1], match.group(0))
