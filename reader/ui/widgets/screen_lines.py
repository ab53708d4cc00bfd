"""A document wrapped into screen lines that keep their offsets into its text."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

from reader.core.documents.document import Document

_WORD = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: the text offsets it shows (``start == end`` for a blank line)."""

    start: int
    end: int


@dataclass(frozen=True)
class ScreenLines:
    """A document wrapped to a width: its screen lines, and the first line of each passage."""

    width: int
    lines: tuple[Line, ...]
    passage_lines: tuple[int, ...]
    starts: tuple[int, ...] = ()

    def line_of(self, offset: int) -> int:
        """The index of the line that shows a text offset."""
        return max(0, bisect_right(self.starts, offset) - 1)


def wrap_document(document: Document, width: int) -> ScreenLines:
    """Wrap every block to ``width`` cells, with a blank line between blocks."""
    width = max(width, 8)
    lines: list[Line] = []
    text = document.text
    for number, block in enumerate(document.blocks):
        if number:
            lines.append(Line(block.start, block.start))
        position = block.start
        for physical in text[block.start : block.end].split("\n"):
            end = position + len(physical)
            if _one_cell_each(physical):
                _wrap_plain(lines, text, position, end, width)
            else:
                lines.extend(_wrap_line(text, position, end, width))
            position = end + 1
    starts = [line.start for line in lines]
    passage_lines = tuple(
        max(0, bisect_right(starts, passage.start) - 1) for passage in document.passages
    )
    return ScreenLines(width, tuple(lines), passage_lines, tuple(starts))


def _one_cell_each(line: str) -> bool:
    """True when every character takes one cell and the only white space is " "."""
    return line.isprintable() and (line.isascii() or cell_len(line) == len(line))


def _wrap_plain(lines: list[Line], text: str, start: int, end: int, width: int) -> None:
    """The same wrapping as ``_wrap_line`` for lines where a character is a cell.

    Finds each break with one ``rfind`` instead of walking every word: a 5 MB document
    wraps several times faster, and wrapping runs again on every resize.
    """
    visible_end = start + len(text[start:end].rstrip(" "))
    position = start
    while visible_end - position > width:
        space = text.rfind(" ", position, position + width + 1)
        if space < position:  # a word longer than the line is cut
            lines.append(Line(position, position + width))
            position += width
            continue
        after = space + 1
        while after < end and text[after] == " ":
            after += 1
        lines.append(Line(position, after))
        position = after
    lines.append(Line(position, end))


def _wrap_line(text: str, start: int, end: int, width: int) -> list[Line]:
    if start == end:
        return [Line(start, end)]
    lines: list[Line] = []
    line_start, used = start, 0
    for match in _WORD.finditer(text, start, end):
        word_start, word_end = match.start(), match.end()
        word = match.group()
        visible = cell_len(word.rstrip())
        if used and used + visible > width:
            lines.append(Line(line_start, word_start))
            line_start, used = word_start, 0
        while visible > width:  # a word longer than the line is cut
            cut = _cut(text, word_start, word_end, width)
            lines.append(Line(word_start, cut))
            word_start = line_start = cut
            visible = cell_len(text[cut:word_end].rstrip())
        used += cell_len(text[word_start:word_end])
    lines.append(Line(line_start, end))
    return lines


def _cut(text: str, start: int, end: int, width: int) -> int:
    used = 0
    for index in range(start, end):
        used += cell_len(text[index])
        if used > width:
            return max(index, start + 1)
    return end
