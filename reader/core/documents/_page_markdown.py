"""Trafilatura's XML tree of a page's main text, written as Markdown blocks.

Trafilatura keeps the article's structure in a small TEI-like vocabulary: ``head`` (with
``rend="h2"``), ``p``, ``list``/``item``, ``quote``, ``table``/``row``/``cell``, ``code``,
``div`` and ``lb`` line breaks. Anything else is read as a paragraph of its text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from reader.core.documents import markdown_text as md


class Element(Protocol):
    """The part of an lxml element this module reads (lxml itself ships no type hints)."""

    tag: str
    text: str | None
    tail: str | None

    def get(self, key: str) -> str | None:
        """An attribute's value."""

    def __iter__(self) -> Iterator[Element]:
        """The child elements."""


_SKIPPED = frozenset({"lb", "graphic", "fw", "note"})


def page_markdown(body: Element) -> list[str]:
    """The Markdown blocks of a page's main text, in reading order."""
    return [block for block in _blocks(body, quoted=False) if block]


def _blocks(parent: Element, *, quoted: bool) -> Iterator[str]:
    if parent.text and parent.text.strip():
        yield _text_block(parent.text, quoted)
    for child in parent:
        yield from _child_blocks(child, quoted)
        if child.tail and child.tail.strip():
            yield _text_block(child.tail, quoted)


def _child_blocks(child: Element, quoted: bool) -> Iterator[str]:
    tag = child.tag
    if tag in _SKIPPED or not isinstance(tag, str):  # comments and processing instructions
        return
    if tag == "head" and not quoted:
        yield md.heading(_inline(child), _level(child.get("rend")))
    elif tag in ("div", "body") or (tag == "quote" and not quoted):
        yield from _blocks(child, quoted=quoted or tag == "quote")
    elif tag == "list" and not quoted:
        # One block per list, its items on consecutive lines: a tight list reads better.
        yield "\n".join(item for item in _items(child) if item)
    elif tag == "table" and not quoted:
        yield md.table(
            [[_inline(cell, " ") for cell in _children(row, "cell")] for row in _rows(child)]
        )
    elif tag == "code":
        yield md.code("".join(_texts(child)))
    else:
        yield _text_block(_inline(child), quoted)


def _items(parent: Element) -> Iterator[str]:
    """List items in order, nested lists flattened after their item."""
    for item in parent:
        if item.tag != "item":  # stray text in a list reads as an item of its own
            yield md.list_item(_inline(item))
            continue
        yield md.list_item(_inline(item, skip=("list",)))
        for nested in _children(item, "list"):
            yield from _items(nested)


def _rows(table: Element) -> list[Element]:
    return [row for row in table if row.tag == "row"]


def _children(parent: Element, tag: str) -> Iterable[Element]:
    return (child for child in parent if child.tag == tag)


def _text_block(text: str, quoted: bool) -> str:
    return md.quote(text) if quoted else md.paragraph(text)


def _inline(element: Element, separator: str = "\n", skip: tuple[str, ...] = ()) -> str:
    """An element's text with line breaks kept; nested blocks start new lines."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag not in skip and isinstance(child.tag, str):
            nested = _inline(child, separator)
            parts.append(separator + nested + separator if child.tag in _BLOCK_TAGS else nested)
        parts.append(child.tail or "")
    return "".join(parts)


_BLOCK_TAGS = frozenset({"p", "head", "list", "item", "quote", "table", "row", "div", "code"})


def _texts(element: Element) -> Iterator[str]:
    yield element.text or ""
    for child in element:
        yield "\n" if child.tag == "lb" else "".join(_texts(child))
        yield child.tail or ""


def _level(rend: str | None) -> int:
    if rend and len(rend) == 2 and rend[0] == "h" and rend[1].isdigit():
        return int(rend[1])
    return 2
