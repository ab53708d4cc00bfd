"""Wrapping a document's text into screen lines that keep their offsets into the text."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

from reader.core.model import Document

_WORD = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: the text offsets it shows (``start == end`` for a blank line)."""

    start: int
    end: int


@dataclass(frozen=True)
class Layout:
    """A document wrapped to a width: its lines, and the first line of each passage."""

    width: int
    lines: tuple[Line, ...]
    passage_lines: tuple[int, ...]
    starts: tuple[int, ...] = ()

    def line_of(self, offset: int) -> int:
        """The index of the line that shows a text offset."""
        return max(0, bisect_right(self.starts, offset) - 1)


def wrap(document: Document, width: int) -> Layout:
    """Wrap every block to ``width`` cells, with a blank line between blocks."""
    width = max(width, 8)
    lines: list[Line] = []
    text = document.text
    for number, block in enumerate(document.blocks):
        if number:
            lines.append(Line(block.start, block.start))
        position = block.start
        for physical in text[block.start : block.end].split("\n"):
            lines.extend(_wrap_line(text, position, position + len(physical), width))
            position += len(physical) + 1
    starts = [line.start for line in lines]
    passage_lines = tuple(
        max(0, bisect_right(starts, passage.start) - 1) for passage in document.passages
    )
    return Layout(width, tuple(lines), passage_lines, tuple(starts))


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
