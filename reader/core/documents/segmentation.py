"""Segmentation of a document's blocks into passages (sentences and headlines)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import sentencex

from reader.core.documents.document import Block, Passage

# Lines of hard-wrapped prose are long and similar; shorter or punctuated lines are units.
_WRAP_MIN, _WRAP_MAX = 30, 100
_END_PUNCTUATION = tuple(".!?:;\"'”’»)]…")
# Runaway sentences (tables flattened to one line, minified text) are cut near this length.
MAX_PASSAGE = 1200
_WHOLE_BLOCK_KINDS = frozenset({"heading", "code", "table_cell"})
_SPACE = re.compile(r"\s")


def segment(text: str, blocks: Sequence[Block], language: str = "en") -> tuple[Passage, ...]:
    """Split each block into passages with exact offsets; no passage crosses a block."""
    passages: list[Passage] = []
    for block_index, block in enumerate(blocks):
        for start, end in _block_spans(text, block, language):
            passages.append(Passage(len(passages), start, end, text[start:end], block_index))
    return tuple(passages)


def _block_spans(text: str, block: Block, language: str) -> Iterator[tuple[int, int]]:
    if block.kind in _WHOLE_BLOCK_KINDS:
        yield from _trimmed(text, block.start, block.end)
        return
    for unit_start, unit_end in _units(text, block):
        unit = text[unit_start:unit_end]
        for boundary in sentencex.get_sentence_boundaries(language, unit):
            start = unit_start + boundary["start_index"]
            end = unit_start + boundary["end_index"]
            for piece_start, piece_end in _trimmed(text, start, end):
                yield from _capped(text, piece_start, piece_end)


def _units(text: str, block: Block) -> list[tuple[int, int]]:
    """Lines of a block when they stand alone, or the whole block when it is wrapped prose."""
    lines: list[tuple[int, int]] = []
    position = block.start
    for line in text[block.start : block.end].split("\n"):
        lines.append((position, position + len(line)))
        position += len(line) + 1
    if len(lines) == 1 or _is_wrapped(text, lines):
        return [(block.start, block.end)]
    return lines


def _is_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    body = [text[start:end].rstrip() for start, end in lines[:-1]]
    if not all(_WRAP_MIN <= len(line) <= _WRAP_MAX for line in body):
        return False
    open_ended = sum(1 for line in body if not line.endswith(_END_PUNCTUATION))
    return open_ended * 2 >= len(body)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def _capped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > MAX_PASSAGE:
        cut = text.rfind(" ", start + MAX_PASSAGE // 2, start + MAX_PASSAGE)
        if cut == -1:
            cut = start + MAX_PASSAGE
        yield from _trimmed(text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end
